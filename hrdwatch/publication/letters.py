"""The call to action: a letter in the visitor's language and who to send it to, kept as data."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from hrdwatch.core.countries import country_name
from hrdwatch.core.dates import format_partial_human
from hrdwatch.records.models import Case
from hrdwatch.records.status import days_detained

LETTERS_FILE = Path(__file__).parent / "data" / "letters.yaml"


@dataclass(frozen=True)
class Recipient:
    title: str
    address: tuple[str, ...]


@dataclass(frozen=True)
class Letter:
    recipients: tuple[Recipient, ...]
    text: str


@cache
def _data() -> dict[str, Any]:
    return dict(yaml.safe_load(LETTERS_FILE.read_text(encoding="utf-8")))


def recipients_for(country: str, lang: str) -> tuple[Recipient, ...]:
    """Who to write to about a detention in ``country``: its own list, else the default one."""
    authorities = _data()["authorities"]
    name = country_name(country, lang)
    entries = list(authorities.get(country) or authorities["default"]) + list(
        authorities.get("all", [])
    )
    return tuple(
        Recipient(
            e["title"].format(country=name),
            tuple(line.format(country=name) for line in e["address"]),
        )
        for e in entries
    )


_AND = {"en": "and", "fr": "et", "es": "y"}


def _list_in_words(items: list[str], lang: str) -> str:
    """ "a, b and c" in the letter's language, each charge once (a charge brought twice reads once)."""
    unique = list(dict.fromkeys(items))
    if len(unique) < 2:
        return "".join(unique)
    return f"{', '.join(unique[:-1])} {_AND.get(lang, 'and')} {unique[-1]}"


def _demand_kind(case: Case) -> str:
    """A disappeared person's letter asks first for their whereabouts, not only for release."""
    return "disappeared" if case.status.code == "disappeared" else "release"


def letter_for(case: Case, name: str, charges: list[str], lang: str) -> Letter:
    """The filled-in letter for one case; unknown languages fall back to English."""
    data = _data()
    lang = lang if lang in data["templates"] else "en"
    country = country_name(case.country, lang)
    recipients = recipients_for(case.country, lang)
    place = ", ".join(p for p in (case.city, case.region) if p)
    days = days_detained(case)
    text = data["templates"][lang].format(
        recipient=data["salutation"][lang].format(title=recipients[0].title),
        name=name,
        country=country,
        arrest_date=format_partial_human(case.arrest_date, case.arrest_date_precision),
        place=data["place"][lang].format(place=place) if place else "",
        charges=data["charges"][lang].format(charges=_list_in_words(charges, lang))
        if charges
        else "",
        days=days if days is not None else "?",
        demand=data["demand"][_demand_kind(case)][lang].format(name=name),
    )
    return Letter(recipients, text)
