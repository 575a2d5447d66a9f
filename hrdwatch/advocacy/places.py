"""Country names and dates as a letter writes them, from CLDR (Babel) plus a small grammar file.

CLDR gives the country's name ("Bahreïn", "Philippines") and the date ("5 mars 2024"); it gives
no preposition, so ``data/countries.yaml`` records which names are masculine, plural or take no
article in French, and which take "the" in English (see the file's header for the rules).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from babel import Locale
from babel.dates import format_date, format_skeleton

from hrdwatch.core.countries import is_country
from hrdwatch.core.dates import Precision

GRAMMAR_FILE = Path(__file__).parent / "data" / "countries.yaml"
# CLDR locale per interface language: British English writes "5 March 2024", as the site does.
CLDR_LOCALES = {"en": "en_GB", "fr": "fr", "es": "es"}
_VOWELS = set("AEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜ")


@dataclass(frozen=True)
class CountryWords:
    """A country as a sentence uses it: its name, "in <country>" and "of <country>"."""

    name: str
    in_: str
    of: str


@cache
def _grammar() -> dict[str, Any]:
    return dict(yaml.safe_load(GRAMMAR_FILE.read_text(encoding="utf-8")))


def cldr_locale(lang: str) -> Locale:
    return Locale.parse(CLDR_LOCALES.get(lang, lang))


def country_label(code: str, lang: str) -> str:
    """The country's name in ``lang`` from CLDR, or the file's plainer name for a few."""
    rules = _grammar().get(lang, {})
    override = (rules.get("names") or {}).get(code)
    if override:
        return str(override)
    return str(cldr_locale(lang).territories.get(code, code))


def _french(code: str, name: str, rules: dict[str, Any]) -> CountryWords:
    vowel = name[:1].upper() in _VOWELS or code in rules.get("mute_h", [])
    if code in rules.get("plural", []):
        return CountryWords(name, f"aux {name}", f"des {name}")
    if code in rules.get("no_article", []):
        return CountryWords(
            name, f"en {name}" if vowel else f"à {name}", f"d'{name}" if vowel else f"de {name}"
        )
    if vowel:
        return CountryWords(name, f"en {name}", f"de l'{name}")
    if code in rules.get("masculine", []):
        return CountryWords(name, f"au {name}", f"du {name}")
    return CountryWords(name, f"en {name}", f"de la {name}")


def country_words(code: str, lang: str) -> CountryWords:
    """``CountryWords`` for ``code`` in ``lang`` (en, fr, es; others read like Spanish: "en", "de")."""
    name = country_label(code, lang)
    rules = _grammar().get(lang, {})
    if lang == "fr":
        return _french(code, name, rules)
    if lang == "en":
        the = "the " if code in rules.get("the", []) else ""
        return CountryWords(name, f"in {the}{name}", f"of {the}{name}")
    return CountryWords(name, f"en {name}", f"de {name}")


def country_choices(lang: str) -> list[tuple[str, str]]:
    """(ISO code, name in ``lang``) for every current country, sorted by name as readers sort it."""
    codes = [str(code) for code in cldr_locale(lang).territories]
    pairs = [(code, country_label(code, lang)) for code in codes if is_country(code)]
    return sorted(pairs, key=lambda pair: _sort_key(pair[1]))


def _sort_key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


# What a date reads like after "since" in each language, by the precision it is known to.
_SINCE = {
    "en": {"day": "since {date}", "month": "since {date}", "year": "since {date}"},
    "fr": {"day": "depuis le {date}", "month": "depuis {date}", "year": "depuis {date}"},
    "es": {"day": "desde el {date}", "month": "desde {date}", "year": "desde {date}"},
}


def letter_date(date: dt.date | None, precision: str, lang: str) -> str:
    """A date at its precision from CLDR: "5 March 2024", "mars 2024", "2019", "1er mars 2024"."""
    if date is None or precision == Precision.UNKNOWN:
        return ""
    locale = cldr_locale(lang)
    if precision == Precision.YEAR:
        return str(date.year)
    if precision == Precision.MONTH:
        return str(format_skeleton("yMMMM", date, locale=locale))
    text = str(format_date(date, "long", locale=locale))
    if lang == "fr" and date.day == 1:  # French writes the first of the month "1er"
        text = "1er" + text[1:]
    return text


def since(date: dt.date | None, precision: str, lang: str) -> str:
    """ "since 5 March 2024" / "depuis le 5 mars 2024" / "depuis mars 2024"; '' when unknown."""
    text = letter_date(date, precision, lang)
    if not text:
        return ""
    phrases = _SINCE.get(lang, _SINCE["en"])
    return phrases.get(str(precision), phrases["day"]).format(date=text)
