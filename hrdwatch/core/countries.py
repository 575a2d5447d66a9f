"""Countries as ISO 3166-1 alpha-2 codes, with names in the visitor's language (pycountry)."""

from __future__ import annotations

import gettext
from functools import cache

import pycountry


class UnknownCountryError(ValueError):
    """A value that is not an ISO 3166-1 country."""


@cache
def _by_alpha2() -> dict[str, str]:
    return {c.alpha_2: c.name for c in pycountry.countries}


def normalise_country(value: str) -> str:
    """Accept an alpha-2, alpha-3 or English name and return the alpha-2 code, or raise."""
    text = (value or "").strip()
    if not text:
        raise UnknownCountryError("country is empty")
    if text.upper() in _by_alpha2():
        return text.upper()
    try:
        return str(pycountry.countries.lookup(text).alpha_2)
    except LookupError as exc:
        raise UnknownCountryError(f"{value!r} is not an ISO 3166-1 country") from exc


def is_country(code: str) -> bool:
    return code in _by_alpha2()


@cache
def _translator(language: str) -> gettext.NullTranslations:
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


def country_name(code: str, language: str | None = None) -> str:
    """The country's common name in ``language`` (the active Django language by default)."""
    if language is None:
        from django.utils.translation import get_language

        language = (get_language() or "en").split("-")[0]
    english = _by_alpha2().get(code or "", code or "")
    record = pycountry.countries.get(alpha_2=code) if code else None
    if record is not None and hasattr(record, "common_name"):
        english_common = record.common_name
    else:
        english_common = english
    if language == "en":
        return english_common
    translated = _translator(language).gettext(english)
    return translated


def country_choices() -> list[tuple[str, str]]:
    """(code, English name) pairs sorted by name, for forms."""
    return sorted(_by_alpha2().items(), key=lambda item: item[1])
