"""Dates in text, resolved against the document's publication date, at the precision the text
supports ("in January 2019" is a month, "three years ago" a year, "last Tuesday" a day).

Rules find *where* a date is written and how precise it is; dateparser reads it. A relative date in
a document with no publication date stays unknown rather than being anchored to today.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import dateparser
import regex

_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?"
    r"|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|se?ptiembre|octubre|noviembre|diciembre"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_MONTH = rf"(?P<month>{_MONTHS})"
_WEEKDAYS = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo"
)
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "dix": 10,
    "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "diez": 10,
}
_MODIFIER = (
    r"(?:(?:early|late|mid|the end of|end of|the beginning of|beginning of|the start of|start of"
    r"|d[ée]but|fin|mi|principios de|finales de|mediados de)[\s-]+)?"
)

# Ordered: the first pattern to claim a span wins; each names the precision it gives.
_PATTERNS: list[tuple[str, regex.Pattern[str]]] = [
    ("iso", regex.compile(r"\b(?P<year>(?:19|20)\d{2})[-/](?P<m>[01]?\d)[-/](?P<d>[0-3]?\d)\b")),
    ("dmy_num", regex.compile(r"\b(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)[/.](?P<year>(?:19|20)\d{2})\b")),
    ("day", regex.compile(
        rf"\b{_DAY}\s+(?:de\s+)?{_MONTH}\s*,?\s+(?:de\s+|del\s+)?{_YEAR}\b", regex.I)),
    ("day", regex.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", regex.I)),
    ("month_rel", regex.compile(
        rf"\b{_MODIFIER}{_MONTH}\s+(?:of\s+)?(?P<rel>last|this|previous|the previous) year\b", regex.I)),
    ("month", regex.compile(rf"\b{_MODIFIER}{_MONTH}\s*,?\s+(?:of\s+|de\s+|del\s+)?{_YEAR}\b", regex.I)),
    ("day_noyear", regex.compile(rf"\b{_DAY}\s+(?:de\s+)?{_MONTH}\b", regex.I)),
    ("day_noyear", regex.compile(
        rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s*\d)(?!\s*(?:years?|months?|days?))(?!\s+[A-Z])", regex.I)),
    ("month_noyear", regex.compile(
        rf"\b(?:in|since|from|until|by|early|late|mid|en|depuis|desde|hasta|d[ée]but|fin)\s+"
        rf"{_MODIFIER}{_MONTH}\b(?!\s*(?:\d|,\s*\d))", regex.I)),
    ("year", regex.compile(
        rf"\b(?:in|since|of|from|until|by|during|year|early|late|mid|en|depuis|desde|hasta|année|año)"
        rf"\s+(?:early\s+|late\s+|mid-?)?{_YEAR}\b(?!\s*(?:Penal|Criminal|Constitution|Law|Act|Code))",
        regex.I)),
    ("relative_day", regex.compile(
        r"\b(?:yesterday|today|this morning|last night|tonight|hier|aujourd'hui|ayer|hoy)\b", regex.I)),
    ("weekday", regex.compile(
        rf"\b(?:on|last|this past|past|le|ce|el pasado|el|este)\s+(?P<weekday>{_WEEKDAYS})\b", regex.I)),
    ("ago", regex.compile(
        r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)\s+"
        r"(?P<unit>years?|months?|days?)\s+ago\b", regex.I)),
    ("ago", regex.compile(
        r"\b(?:il y a|hace)\s+(?P<n>\d+|un|une|deux|trois|quatre|cinq|dix|uno|dos|tres|cuatro|cinco"
        r"|diez)\s+(?P<unit>ans?|ann[ée]es?|mois|jours?|años?|meses|mes|d[íi]as?)\b", regex.I)),
    ("this_year", regex.compile(r"\b(?P<rel>this|last) year\b|\b(?:cette ann[ée]e|este año)\b", regex.I)),
    ("this_month", regex.compile(r"\b(?:earlier|later) this month\b|\b(?P<rel>last) month\b", regex.I)),
]


_POSTED = regex.compile(r"(?:posted on|published on|publi[ée] le|publicado el)\s*:?\s*$", regex.I)
_SINCE = regex.compile(r"\b(?:since|depuis|desde)\s+(?:\w+\s+)?$", regex.I)


@dataclass(frozen=True)
class DateMention:
    """A date written in the text: its span, its resolved value (``None`` if unresolvable), and
    whether it follows "since" (then it dates an ongoing state, such as a detention) or "posted on"
    (then it dates the item, not an event)."""

    start: int
    end: int
    value: str | None
    since: bool = False
    posted: bool = False


def _iso(date: dt.date, precision: str) -> str:
    if precision == "year":
        return f"{date.year:04d}"
    if precision == "month":
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


@lru_cache(maxsize=4096)
def _parse(expression: str, base: dt.date | None) -> dt.date | None:
    """dateparser on one expression, preferring the past relative to ``base``."""
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first"}
    if base is not None:
        # A calendar date, not an instant: dateparser reads naive bases as local calendar days.
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)  # noqa: DTZ001
    parsed = dateparser.parse(expression, languages=["en", "fr", "es"], settings=settings)  # type: ignore[arg-type]
    return parsed.date() if parsed else None


@lru_cache(maxsize=256)
def _month_number(word: str) -> int | None:
    """The month a month word names, read once per word by dateparser ("août" -> 8)."""
    parsed = _parse(f"15 {word.lower().rstrip('.')} 2001", None)
    return parsed.month if parsed else None


_A_MONDAY = dt.date(2001, 1, 8)


@lru_cache(maxsize=64)
def _weekday_number(word: str) -> int | None:
    """Monday=0 ... for a weekday word in any supported language, read once by dateparser."""
    parsed = _parse(word.lower(), _A_MONDAY + dt.timedelta(days=7))
    return parsed.weekday() if parsed else None


def _safe_date(year: int, month: int | None, day: int = 1) -> dt.date | None:
    if month is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _latest_not_after(base: dt.date, month: int | None, day: int = 1) -> dt.date | None:
    """The month (and day) in the base year, or the year before if that would be after ``base``."""
    date = _safe_date(base.year, month, day)
    if date is not None and date > base:
        date = _safe_date(base.year - 1, month, day)
    return date


_LEADING_MODIFIER = regex.compile(rf"^{_MODIFIER}", regex.I)


def _strip_modifier(text: str) -> str:
    return _LEADING_MODIFIER.sub("", text.strip()).strip()


def resolve_relative_date(kind: str, match: regex.Match[str], base: dt.date | None) -> str | None:
    """The ISO partial date a located expression stands for, or ``None``."""
    groups = match.groupdict()
    if kind in {"iso", "dmy_num"}:
        date = _safe_date(int(groups["year"]), int(groups["m"]), int(groups["d"]))
        return _iso(date, "day") if date else None
    if kind == "year":
        return groups["year"]
    month = _month_number(groups["month"]) if groups.get("month") else None
    if kind == "day":
        date = _safe_date(int(groups["year"]), month, int(groups["day"]))
        return _iso(date, "day") if date else None
    if kind == "month":
        date = _safe_date(int(groups["year"]), month)
        return _iso(date, "month") if date else None
    if base is None:
        return None
    if kind == "month_rel":
        year = base.year if groups["rel"].lower() == "this" else base.year - 1
        date = _safe_date(year, month)
        return _iso(date, "month") if date else None
    if kind == "day_noyear":
        date = _latest_not_after(base, month, int(groups["day"]))
        return _iso(date, "day") if date else None
    if kind == "month_noyear":
        date = _latest_not_after(base, month)
        return _iso(date, "month") if date else None
    if kind == "relative_day":
        date = _parse(match.group().lower(), base)
        return _iso(date, "day") if date else None
    if kind == "weekday":
        weekday = _weekday_number(groups["weekday"])
        if weekday is None:
            return None
        back = (base.weekday() - weekday) % 7 or 7
        return _iso(base - dt.timedelta(days=back), "day")
    if kind == "ago":
        raw = groups["n"].lower()
        n = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw, 1)
        unit = groups["unit"].lower()
        if unit.startswith(("year", "an", "año")):
            return f"{base.year - n:04d}"
        if unit.startswith(("month", "mois", "mes")):
            months = base.year * 12 + base.month - 1 - n
            return f"{months // 12:04d}-{months % 12 + 1:02d}"
        return _iso(base - dt.timedelta(days=n), "day")
    if kind == "this_year":
        last = (groups.get("rel") or "").lower() == "last"
        return f"{base.year - 1 if last else base.year:04d}"
    if kind == "this_month":
        if (groups.get("rel") or "").lower() == "last":
            months = base.year * 12 + base.month - 2
            return f"{months // 12:04d}-{months % 12 + 1:02d}"
        return _iso(base, "month")
    return None


def parse_published(value: str | None) -> dt.date | None:
    """The publication date as a date (a partial one is taken at its first day), or ``None``."""
    if not value:
        return None
    parts = value.strip()[:10].split("-")
    try:
        numbers = [int(p) for p in parts if p]
        while len(numbers) < 3:
            numbers.append(1)
        return dt.date(*numbers[:3])
    except (ValueError, TypeError):
        return None


def find_dates(text: str, base: dt.date | None) -> list[DateMention]:
    """Every date expression in ``text`` (non-overlapping, earliest pattern wins)."""
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            since = bool(_SINCE.search(text, max(0, start - 12), start))
            posted = bool(_POSTED.search(text, max(0, start - 20), start))
            found.append(
                DateMention(start, end, resolve_relative_date(kind, match, base), since, posted)
            )
    found.sort(key=lambda m: m.start)
    return found
