"""Public pages (placeholder home until the public site lands)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hrdwatch.records.visibility import Gate


def home(request: HttpRequest) -> HttpResponse:
    gate = Gate()
    return render(request, "publication/home.html", {"defenders": gate.defenders()[:50]})
