"""The search box's example queries, taken from the published record so that each one finds a case.

Examples show what the search can do: one word of a name in Latin script, a name in its own script,
a place. They are chosen from what the public index holds (defenders read through the visibility
gate), each is run as a real query before it is shown, and the choice is cached until the record
changes (``caching``). An empty instance shows no example rather than one that finds nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from hrdwatch.core.countries import country_name
from hrdwatch.core.text import detect_script
from hrdwatch.records.visibility import Gate, Viewer

from .. import caching
from ..listing import ListingQuery, filtered_entries
from ..models import SearchEntry

MAX_EXAMPLES = 3
CANDIDATES = 50  # the oldest published cases the examples are chosen from (stable choices)


def search_examples(lang: str) -> list[str]:
    """Up to three queries that each find at least one published case (cached per record version
    and language: a country is named in the visitor's language)."""
    return caching.cached("search-examples", lang, lambda: choose_examples(lang))


def choose_examples(lang: str = "en") -> list[str]:
    """The first candidate of each kind (Latin name, other script, place) that finds a case."""
    chosen: list[str] = []
    for kind in (_latin_names(), _original_scripts(), _places(lang)):
        example = next((q for q in kind if q not in chosen and _finds(q)), None)
        if example:
            chosen.append(example)
    return chosen[:MAX_EXAMPLES]


def _finds(query: str) -> bool:
    return filtered_entries(ListingQuery(q=query)).exists()


def _public_names() -> list[tuple[str, str]]:
    indexed = SearchEntry.objects.order_by("published_at", "id").values("defender_id")
    defenders = Gate(Viewer.public()).defenders().filter(id__in=indexed[:CANDIDATES])
    return list(defenders.order_by("id").values_list("display_name", "name_original_script"))


def _latin_names() -> Iterator[str]:
    """One word of a name, as people type a name they half remember: the last, else the first."""
    for display_name, _original in _public_names():
        words = [w for w in display_name.split() if len(w) >= 4]
        if detect_script(display_name) == "Latn" and words:
            yield words[-1]


def _original_scripts() -> Iterator[str]:
    for _display_name, original in _public_names():
        if original.strip() and detect_script(original) != "Latn":
            yield original.strip()


def _places(lang: str) -> Iterator[str]:
    cases = (
        Gate(Viewer.public())
        .cases()
        .filter(
            id__in=SearchEntry.objects.order_by("published_at", "id").values("case_id")[:CANDIDATES]
        )
    )
    for city, country in cases.order_by("id").values_list("city", "country"):
        if city.strip():
            yield city.strip()
        if country:
            yield country_name(country, lang)
