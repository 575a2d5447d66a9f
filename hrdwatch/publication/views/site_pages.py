"""The site's own pages (/about/<slug>/) and the /defenders/ and /countries/ lists."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from hrdwatch.core.countries import country_name
from hrdwatch.records.visibility import Gate, Viewer

from .. import sitepages
from ..figures import country_counts
from ..labels import language

PER_PAGE = 50


def about(request: HttpRequest, slug: str) -> HttpResponse:
    if slug not in sitepages.Slug.values:
        raise Http404("No such page.")
    lang = language()
    page = sitepages.page(slug, lang)
    return render(
        request,
        "publication/about.html",
        {
            "page": page,
            "body": sitepages.render_body(page.body),
            "body_lang": page.lang if page.lang != lang else "",
            "title_lang": page.title_lang if page.title_lang != lang else "",
            "contact_email": settings.HRDWATCH_CONTACT_EMAIL if slug == "contact" else "",
            "is_contact": slug == "contact",
        },
    )


@dataclass(frozen=True)
class DefenderRow:
    uid: str
    name: str
    name_original: str
    countries: tuple[str, ...]
    birth_year: int | None
    roles: tuple[str, ...]

    @property
    def url(self) -> str:
        return reverse("publication:defender", args=[self.uid])


def defender_list(request: HttpRequest) -> HttpResponse:
    """Public defenders by name, with what tells same-name people apart (four queries a page)."""
    gate = Gate(Viewer.public())
    defenders = gate.defenders().order_by("display_name", "pk")
    fields = ("uid", "display_name", "name_original_script", "birth_date")
    paginator = Paginator(defenders.only(*fields).prefetch_related("roles"), PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    lang = language()
    people = list(page.object_list)
    countries: dict[int, set[str]] = defaultdict(set)
    for defender_id, code in (
        gate.cases()
        .filter(defender_id__in=[p.pk for p in people])
        .values_list("defender_id", "country")
    ):
        if code:
            countries[defender_id].add(code)
    rows = [
        DefenderRow(
            uid=p.uid,
            name=p.display_name,
            name_original=p.name_original_script,
            countries=tuple(sorted(country_name(c, lang) for c in countries[p.pk])),
            birth_year=p.birth_date.year if p.birth_date else None,
            roles=tuple(sorted(t.label(lang) for t in p.roles.all())),
        )
        for p in people
    ]
    return render(
        request,
        "publication/defenders.html",
        {
            "rows": rows,
            "page": page,
            "previous_url": f"?page={page.previous_page_number()}" if page.has_previous() else "",
            "next_url": f"?page={page.next_page_number()}" if page.has_next() else "",
        },
    )


def country_list(request: HttpRequest) -> HttpResponse:
    """Countries with public cases and their counts, by name in the visitor's language."""
    lang = language()
    rows = sorted(
        ((code, country_name(code, lang), n) for code, n in country_counts().items() if code),
        key=lambda row: row[1].casefold(),
    )
    return render(request, "publication/countries.html", {"rows": rows})
