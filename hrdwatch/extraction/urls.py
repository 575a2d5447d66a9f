"""URLs of the extraction app."""

from django.urls import URLPattern, URLResolver

app_name = "extraction"
urlpatterns: list[URLPattern | URLResolver] = []
