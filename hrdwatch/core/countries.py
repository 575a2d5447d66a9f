"""Countries as ISO 3166-1 alpha-2 codes, with names in the visitor's language (pycountry)."""

from __future__ import annotations

import gettext
import unicodedata
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
    # short names in report languages, where pycountry's translations give only the long one
    **dict.fromkeys(
        ["russie", "rusia", "russland", "rússia", "rusya", "россия", "росія", "расія", "روسيا"],
        "RU",
    ),
    **dict.fromkeys(["biélorussie", "bielorrusia", "weißrussland", "bielorrússia"], "BY"),
    **dict.fromkeys(["palestina", "palästina", "territoires palestiniens", "فلسطين"], "PS"),
    **dict.fromkeys(["birmanie", "myanmar (birmanie)", "birmania"], "MM"),
    "irã": "IR",
    "rdc": "CD",
}


# Languages whose names of countries partners' reports use (pycountry's translations of ISO 3166-1):
# a French report says Guinée, a Brazilian one Brasil, a Russian one Беларусь.
REPORT_LANGUAGES = (
    "fr", "es", "pt", "pt_BR", "de", "it", "nl", "ru", "uk", "be", "ar", "fa", "tr", "az", "zh_CN",
    "zh_TW", "vi", "id", "ms", "th", "my", "km", "ka", "hy", "kk", "ky", "uz", "tg", "sw",
)  # fmt: skip


def _spaced(text: str) -> str:
    """A country name compared without case, extra spaces or a curly apostrophe."""
    return " ".join(text.casefold().replace("’", "'").split())


def _key(text: str) -> str:
    """A country name compared without case, accents or extra spaces."""
    folded = unicodedata.normalize("NFKD", _spaced(text))
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


@cache
def _translated_names() -> dict[str, str]:
    """Every ``REPORT_LANGUAGES`` name of every country, leaving out a name two countries share in
    two languages, and short ones."""
    codes: dict[str, set[str]] = {}
    for language in REPORT_LANGUAGES:
        translate = _translator(language).gettext
        for country in pycountry.countries:
            for attribute in ("name", "official_name", "common_name"):
                english = getattr(country, attribute, None)
                if english:
                    codes.setdefault(_key(translate(english)), set()).add(country.alpha_2)
    # a name of three letters or fewer is more often a word or a code than a country (Y, Sip, Mỹ)
    return {
        name: next(iter(found))
        for name, found in codes.items()
        if len(found) == 1 and len(name) > 3
    }


def normalise_country(value: str) -> str:
    """Accept an alpha-2, alpha-3 or English name and return the alpha-2 code, or raise.

    Besides ISO's names: the names in ``OTHER_NAMES``, a leading "the" (the Philippines), and the
    names in ``REPORT_LANGUAGES`` (Guinée, Brasil, Египет)."""
    text = (value or "").strip()
    if not text:
        raise UnknownCountryError("country is empty")
    if text.upper() in _by_alpha2():
        return text.upper()
    key = _spaced(text).removeprefix("the ")
    if key in OTHER_NAMES:
        return OTHER_NAMES[key]
    try:
        return str(pycountry.countries.lookup(key).alpha_2)
    except LookupError:
        pass
    translated = _translated_names().get(_key(text))
    if translated is None:
        raise UnknownCountryError(f"{value!r} is not an ISO 3166-1 country")
    return translated


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
