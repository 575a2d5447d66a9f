"""Human labels for facet values, in the visitor's language (terms and countries are data)."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from hrdwatch.core.countries import country_name
from hrdwatch.records.status import DISPUTED
from hrdwatch.vocab.models import Term, Vocabulary

from . import caching

FACET_TITLES: dict[str, Promise] = {
    "country": _("Country"),
    "status": _("Status"),
    "gender": _("Gender"),
    "role": _("Role"),
    "area": _("Area of work"),
    "charge": _("Charge category"),
    "year": _("Year of arrest"),
    "wgad": _("WGAD category"),
}
FACET_VOCABULARY = {
    "status": Vocabulary.CASE_STATUS,
    "gender": Vocabulary.GENDER,
    "role": Vocabulary.ROLE,
    "area": Vocabulary.AREA_OF_WORK,
    "charge": Vocabulary.CHARGE_CATEGORY,
    "wgad": Vocabulary.WGAD_CATEGORY,
}


def language() -> str:
    return (get_language() or "en").split("-")[0]


def term_labels(lang: str | None = None) -> dict[tuple[str, str], str]:
    """{(vocabulary, code): label} in one language, cached until a term changes."""
    lang = lang or language()

    def compute() -> dict[tuple[str, str], str]:
        return {(t.vocabulary, t.code): t.label(lang) for t in Term.objects.all()}

    return caching.cached("terms", lang, compute)


def labeller(lang: str | None = None) -> Callable[[str, str], str]:
    """``label(facet, value)`` in one language, reading the term labels at most once.

    A page labels a hundred facet values; fetching the cached labels for each cost more than the
    rest of the list page.
    """
    lang = lang or language()
    terms: dict[tuple[str, str], str] | None = None

    def label(facet: str, value: str) -> str:
        nonlocal terms
        if facet == "country":
            return country_name(value, lang)
        if facet == "status" and value == DISPUTED:
            return str(_("Status disputed"))
        vocabulary = FACET_VOCABULARY.get(facet)
        if vocabulary is None:
            return value
        if terms is None:
            terms = term_labels(lang)
        return terms.get((vocabulary, value), value)

    return label
