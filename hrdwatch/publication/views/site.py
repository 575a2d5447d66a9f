"""Home, country pages, robots.txt and the sitemap."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.db.models import Count, Max
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from hrdwatch.core.countries import country_name, is_country
from hrdwatch.records.visibility import Gate, Viewer

from .. import caching
from ..figures import cached_headline, country_counts, headline
from ..labels import language
from ..listing import ListingQuery, facet_counts
from ..maps.world import legend, world_map_svg
from ..models import SearchEntry
from ..rows import case_rows

LATEST = 8


def home(request: HttpRequest) -> HttpResponse:
    lang = language()
    counts = country_counts()
    latest_ids = list(
        SearchEntry.objects.order_by("-updated_at", "-id").values_list("case_id", flat=True)[
            :LATEST
        ]
    )
    countries = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    world = caching.cached(
        "world-map",
        lang,
        lambda: world_map_svg(
            counts,
            lambda code: reverse("publication:country", args=[code]),
            lambda code: country_name(code, lang),
            _("Cases by detaining country"),
        ),
    )
    return render(
        request,
        "publication/home.html",
        {
            "headline": cached_headline(),
            "latest": case_rows(latest_ids, Gate(Viewer.public())),
            "world_map": world,
            "legend": legend(max(counts.values(), default=0)),
            "countries": [(code, country_name(code, lang), n) for code, n in countries],
        },
    )


def country_page(request: HttpRequest, code: str) -> HttpResponse:
    code = code.upper()
    if not is_country(code):
        raise Http404("Unknown country code.")
    lang = language()
    entries = SearchEntry.objects.filter(country=code)
    figures = caching.cached("country-headline", code, lambda: headline(entries))
    if not figures.defenders:
        raise Http404("No public case in this country.")
    query = ListingQuery(filters={"country": (code,)})
    counts = facet_counts(query)
    latest_ids = list(entries.order_by("-updated_at", "-id").values_list("case_id", flat=True)[:25])
    return render(
        request,
        "publication/country.html",
        {
            "code": code,
            "name": country_name(code, lang),
            "figures": figures,
            "rows": case_rows(latest_ids, Gate(Viewer.public())),
            "list_url": reverse("publication:cases") + "?" + query.querystring(),
            "authorities": caching.cached(
                "country-authorities", code, lambda: recurring_authorities(code)
            ),
            "charges": caching.cached("country-charges", code, lambda: recurring_charges(code)),
            "status_counts": counts.get("status", []),
        },
    )


def recurring_authorities(code: str, limit: int = 10) -> list[tuple[str, int]]:
    """Perpetrators (courts, police units, prisons...) named in most public cases in a country."""
    gate = Gate(Viewer.public())
    rows = (
        gate.perpetrator_links()
        .filter(event__case__country=code)
        .values_list("perpetrator__name")
        .annotate(n=Count("event__case_id", distinct=True))
        .order_by("-n")[:limit]
    )
    return [(name, n) for name, n in rows]


def recurring_charges(code: str, limit: int = 10) -> list[tuple[str, str, int]]:
    """Charges as worded most often in a country, with their legal provision."""
    gate = Gate(Viewer.public())
    rows = (
        gate.charges()
        .filter(event__case__country=code)
        .values_list("wording", "legal_provision")
        .annotate(n=Count("id"))
        .order_by("-n")[:limit]
    )
    return [(wording, provision, n) for wording, provision, n in rows]


def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /review/",
        "Disallow: /audit/",
        "Disallow: /documents/",
        "Disallow: /candidates/",
        "Disallow: /linkage/",
        "Disallow: /cases.csv",
        "Disallow: /cases.json",
        f"Sitemap: {request.build_absolute_uri(reverse('publication:sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


class DefenderSitemap(Sitemap):
    """Every public defender page (from the projection, so only public records)."""

    changefreq = "weekly"
    limit = 10_000

    def items(self) -> list[tuple[str, object]]:
        return list(
            SearchEntry.objects.values_list("defender__uid")
            .annotate(updated=Max("updated_at"))
            .order_by("defender__uid")
        )

    def location(self, item: tuple[str, object]) -> str:
        return reverse("publication:defender", args=[item[0]])

    def lastmod(self, item: tuple[str, object]) -> object:
        return item[1]


class PageSitemap(Sitemap):
    changefreq = "daily"

    def items(self) -> list[str]:
        pages = ["publication:home", "publication:cases", "publication:statistics:page"]
        pages += ["publication:defenders", "publication:countries"]
        pages += [f"about:{slug}" for slug in ("methodology", "licence", "contact", "privacy")]
        return pages + [f"country:{code}" for code in sorted(country_counts())]

    def location(self, item: str) -> str:
        if item.startswith("about:"):
            return reverse("publication:about", args=[item.split(":", 1)[1]])
        if item.startswith("country:"):
            return reverse("publication:country", args=[item.split(":", 1)[1]])
        return reverse(item)
