"""The call to action: a letter in the visitor's language and who to send it to, kept as data.

The wording is in ``data/letters.yaml``, the authorities in ``data/authorities.yaml`` (or the file
``HRDWATCH_AUTHORITIES_FILE`` names), country names, prepositions and dates come from
``places`` (CLDR through Babel). Nothing in a French or Spanish letter is English but the
defender's name and place names: charges are given by their category in the letter's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from babel.numbers import format_decimal
from django.conf import settings

from hrdwatch.records.models import Case
from hrdwatch.records.status import days_detained

from .places import cldr_locale, country_words, since

DATA_DIR = Path(__file__).parent / "data"
LETTERS_FILE = DATA_DIR / "letters.yaml"
AUTHORITIES_FILE = DATA_DIR / "authorities.yaml"
LANGUAGES = ("en", "fr", "es")


@dataclass(frozen=True)
class Recipient:
    title: str
    address: tuple[str, ...]
    email: str = ""
    placeholder: bool = False
    salutation: str = ""


@dataclass(frozen=True)
class Letter:
    recipients: tuple[Recipient, ...]
    text: str
    language: str = "en"

    @property
    def paragraphs(self) -> list[str]:
        """The letter's paragraphs, for a page that shows them as text (and prints them whole)."""
        return [p.strip() for p in self.text.split("\n\n") if p.strip()]


@cache
def _data() -> dict[str, Any]:
    return dict(yaml.safe_load(LETTERS_FILE.read_text(encoding="utf-8")))


@cache
def _authorities_from(path: str) -> dict[str, Any]:
    return dict(yaml.safe_load(Path(path).read_text(encoding="utf-8")))


def authorities() -> dict[str, Any]:
    """The authorities data: the shipped file, or the network's own (``HRDWATCH_AUTHORITIES_FILE``)."""
    path = getattr(settings, "HRDWATCH_AUTHORITIES_FILE", "") or str(AUTHORITIES_FILE)
    return _authorities_from(str(path))


def _in_language(value: Any, lang: str) -> Any:
    """A ``{en: ..., fr: ...}`` entry in ``lang``, English when it has no translation."""
    return value.get(lang) or value.get("en") if isinstance(value, dict) else value


def _recipient(entry: dict[str, Any], of: str, lang: str, data: dict[str, Any]) -> Recipient:
    role = data["roles"][entry["role"]]
    channel = data.get("channels", {}).get(entry.get("channel", ""), {})
    postal = entry.get("postal") or _in_language(channel, lang) or []
    return Recipient(
        title=str(_in_language(role, lang)).format(of=of),
        address=tuple(str(line).format(of=of) for line in postal),
        email=str(entry.get("email", "")),
        placeholder=bool(entry.get("placeholder", False)),
        salutation=str(_in_language(role.get("salutation", {}), lang) or ""),
    )


def recipients_for(country: str, lang: str) -> tuple[Recipient, ...]:
    """Who to write to about a detention in ``country``: its own list, else the default one."""
    data = authorities()
    of = country_words(country, lang).of
    entries = list((data.get("countries") or {}).get(country) or data["default"])
    entries += list(data.get("all") or [])
    return tuple(_recipient(e, of, lang, data) for e in entries)


_AND = {"en": "and", "fr": "et", "es": "y"}


def _list_in_words(items: list[str], lang: str) -> str:
    """ "a, b and c" in the letter's language, each charge once (a charge brought twice reads once)."""
    unique = list(dict.fromkeys(items))
    if len(unique) < 2:
        return "".join(unique)
    return f"{', '.join(unique[:-1])} {_AND.get(lang, 'and')} {unique[-1]}"


def _lower_first(text: str) -> str:
    """A label put inside a sentence: "Sûreté de l'État" -> "sûreté de l'État" (acronyms stay)."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def charges_in(charges: list[dict[str, str]], lang: str) -> list[str]:
    """What a letter says the person is charged with: the wording in English, else the category."""
    if lang == "en":
        return [c["wording"] for c in charges if c.get("wording")]
    return [_lower_first(c["category"]) for c in charges if c.get("category")]


def _held(name: str, days: int | None, lang: str) -> str:
    """How long the person has been held: "5,222 days (more than 14 years)", number per CLDR."""
    phrases = _data()["held"]
    if days is None:
        return str(phrases["unknown"][lang]).format(name=name)
    years = days // 365
    kind = "days" if years < 1 else "year" if years == 1 else "years"
    count = format_decimal(days, locale=cldr_locale(lang))
    return str(phrases[kind][lang]).format(name=name, days=count, years=years)


def _demand_kind(case: Case) -> str:
    """A disappeared person's letter asks first for their whereabouts, not only for release."""
    return "disappeared" if case.status.code == "disappeared" else "release"


def letter_for(case: Case, name: str, charges: list[dict[str, str]], lang: str) -> Letter:
    """The filled-in letter for one case; unknown languages fall back to English.

    ``charges`` are the page's described charges ({"wording", "category", ...}, category already
    in ``lang``)."""
    data = _data()
    lang = lang if lang in data["templates"] else "en"
    words = country_words(case.country, lang)
    recipients = recipients_for(case.country, lang)
    first = recipients[0]
    salutation = first.salutation or data["salutation"][lang].format(title=first.title)
    place = ", ".join(p for p in (case.city, case.region) if p)
    arrested = since(case.arrest_date, case.arrest_date_precision, lang)
    days = days_detained(case)
    listed = _list_in_words(charges_in(charges, lang), lang)
    text = data["templates"][lang].format(
        recipient=salutation,
        name=name,
        in_country=words.in_,
        since=f" {arrested}" if arrested else "",
        place=data["place"][lang].format(place=place) if place else "",
        charges=data["charges"][lang].format(charges=listed) if listed else "",
        held=_held(name, days, lang),
        demand=data["demand"][_demand_kind(case)][lang].format(name=name),
    )
    return Letter(recipients, text, lang)
