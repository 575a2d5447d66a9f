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


# English names reports use that ISO 3166-1 does not list, or no longer does (Turkey is Türkiye
# there since 2022; Russia is the Russian Federation, Palestine "Palestine, State of"); places
# under occupation count as the country ISO gives them.
OTHER_NAMES = {
    "turkey": "TR",
    "turkiye": "TR",
    "russia": "RU",
    "palestine": "PS",
    "brunei": "BN",
    "micronesia": "FM",
    "u.k.": "GB",
    "burma": "MM",
    "uae": "AE",
    "u.a.e.": "AE",
    "uk": "GB",
    "britain": "GB",
    "great britain": "GB",
    "usa": "US",
    "u.s.": "US",
    "u.s.a.": "US",
    "drc": "CD",
    "dr congo": "CD",
    "democratic republic of congo": "CD",
    "democratic republic of the congo": "CD",
    "congo-kinshasa": "CD",
    "congo (kinshasa)": "CD",
    "republic of congo": "CG",
    "congo-brazzaville": "CG",
    "congo (brazzaville)": "CG",
    "ivory coast": "CI",
    "swaziland": "SZ",
    "cape verde": "CV",
    "east timor": "TL",
    "holland": "NL",
    "north korea": "KP",
    "macedonia": "MK",
    "gaza": "PS",
    "west bank": "PS",
    "occupied palestinian territory": "PS",
    "occupied palestinian territories": "PS",
    "lao pdr": "LA",
    "hong kong sar": "HK",
    "macau": "MO",
}


def normalise_country(value: str) -> str:
    """Accept an alpha-2, alpha-3 or English name and return the alpha-2 code, or raise.

    Besides ISO's names: the names in ``OTHER_NAMES`` and a leading "the" (the Philippines)."""
    text = (value or "").strip()
    if not text:
        raise UnknownCountryError("country is empty")
    if text.upper() in _by_alpha2():
        return text.upper()
    key = " ".join(text.casefold().split()).removeprefix("the ")
    if key in OTHER_NAMES:
        return OTHER_NAMES[key]
    try:
        return str(pycountry.countries.lookup(key).alpha_2)
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
