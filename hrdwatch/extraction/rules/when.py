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

from hrdwatch.extraction.rules.birth import is_birth_date
from hrdwatch.extraction.rules.lexicon import languages, numbers, words


def _longest_first(key: str) -> str:
    """Every language's words for ``key`` as one alternation, longer alternatives first."""
    parts = {part for pattern in words(key) for part in _top_level_alternatives(pattern)}
    return "|".join(sorted(parts, key=len, reverse=True))


def _top_level_alternatives(pattern: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in pattern:
        depth += (char == "(") - (char == ")")
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]


_MONTHS = _longest_first("months")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_MONTH = rf"(?P<month>{_MONTHS})"
_WEEKDAYS = _longest_first("weekdays")
_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "a": 1,
    "an": 1,
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "dix": 10,
    "uno": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "diez": 10,
}
_NUMBER_WORDS.update({w: int(v) for w, v in numbers().items() if v == int(v)})
_MODIFIER = (
    r"(?:(?:early|late|mid|the end of|end of|the beginning of|beginning of|the start of|start of"
    r"|d[ée]but|fin|mi|principios de|finales de|mediados de)[\s-]+)?"
)

# Ordered: the first pattern to claim a span wins; each names the precision it gives.
_PATTERNS: list[tuple[str, regex.Pattern[str]]] = [
    ("iso", regex.compile(r"\b(?P<year>(?:19|20)\d{2})[-/](?P<m>[01]?\d)[-/](?P<d>[0-3]?\d)\b")),
    (
        "dmy_num",
        regex.compile(r"\b(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)[/.](?P<year>(?:19|20)\d{2})\b"),
    ),
    (
        "day",
        regex.compile(rf"\b{_DAY}\s+(?:de\s+)?{_MONTH}\s*,?\s+(?:de\s+|del\s+)?{_YEAR}\b", regex.I),
    ),
    ("day", regex.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", regex.I)),
    (
        "month_rel",
        regex.compile(
            rf"\b{_MODIFIER}{_MONTH}\s+(?:of\s+)?(?P<rel>last|this|previous|the previous) year\b",
            regex.I,
        ),
    ),
    (
        "month",
        regex.compile(rf"\b{_MODIFIER}{_MONTH}\s*,?\s+(?:of\s+|de\s+|del\s+)?{_YEAR}\b", regex.I),
    ),
    ("day_noyear", regex.compile(rf"\b{_DAY}\s+(?:de\s+)?{_MONTH}\b", regex.I)),
    (
        "day_noyear",
        regex.compile(
            rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s*\d)(?!\s*(?:years?|months?|days?))(?!\s+[A-Z])", regex.I
        ),
    ),
    (
        "month_noyear",
        regex.compile(
            rf"\b(?:in|since|from|until|by|early|late|mid|en|depuis|desde|hasta|d[ée]but|fin)\s+"
            rf"{_MODIFIER}{_MONTH}\b(?!\s*(?:\d|,\s*\d))",
            regex.I,
        ),
    ),
    (
        "year",
        regex.compile(
            rf"\b(?:in|since|of|from|until|by|during|year|early|late|mid|en|depuis|desde|hasta|année|año)"
            rf"\s+(?:early\s+|late\s+|mid-?)?{_YEAR}\b(?!\s*(?:Penal|Criminal|Constitution|Law|Act|Code))",
            regex.I,
        ),
    ),
    (
        "relative_day",
        regex.compile(
            r"\b(?:yesterday|today|this morning|last night|tonight|hier|aujourd'hui|ayer|hoy)\b",
            regex.I,
        ),
    ),
    (
        "weekday",
        regex.compile(
            rf"\b(?:on|last|this past|past|le|ce|el pasado|el|este)\s+(?P<weekday>{_WEEKDAYS})\b",
            regex.I,
        ),
    ),
    (
        "ago",
        regex.compile(
            r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)\s+"
            r"(?P<unit>years?|months?|days?)\s+ago\b",
            regex.I,
        ),
    ),
    (
        "ago",
        regex.compile(
            r"\b(?:il y a|hace)\s+(?P<n>\d+|un|une|deux|trois|quatre|cinq|dix|uno|dos|tres|cuatro|cinco"
            r"|diez)\s+(?P<unit>ans?|ann[ée]es?|mois|jours?|años?|meses|mes|d[íi]as?)\b",
            regex.I,
        ),
    ),
    (
        "this_year",
        regex.compile(r"\b(?P<rel>this|last) year\b|\b(?:cette ann[ée]e|este año)\b", regex.I),
    ),
    (
        "this_month",
        regex.compile(r"\b(?:earlier|later) this month\b|\b(?P<rel>last) month\b", regex.I),
    ),
]


def _language_patterns(kinds: tuple[str, ...]) -> list[tuple[str, regex.Pattern[str]]]:
    """Each language file's own date expressions of these kinds (``date_patterns``)."""
    return [
        (kind, regex.compile(pattern, regex.I))
        for language in languages().values()
        for kind in kinds
        for pattern in language.date_patterns.get(kind, ())
    ]


_FIRST_KINDS = ("day", "month", "day_noyear")
_PATTERNS[2:2] = _language_patterns(_FIRST_KINDS)
_PATTERNS.extend(
    _language_patterns(
        (
            "year",
            "yesterday",
            "today",
            "last_year",
            "this_year",
            "last_month",
            "weekday_last",
            "weekday",
            "ago",
        )
    )
)


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


_DATEPARSER_LANGUAGES = ["en", "fr", "es"]


@lru_cache(maxsize=4096)
def _parse(expression: str, base: dt.date | None) -> dt.date | None:
    """dateparser on one expression, preferring the past relative to ``base``."""
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first"}
    if base is not None:
        # A calendar date, not an instant: dateparser reads naive bases as local calendar days.
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)  # noqa: DTZ001
    parsed = dateparser.parse(expression, languages=_DATEPARSER_LANGUAGES, settings=settings)  # type: ignore[arg-type]
    return parsed.date() if parsed else None


def _index_table(key: str) -> list[tuple[regex.Pattern[str], int]]:
    """(pattern, position) for lists written in calendar order (months, weekdays) in every file."""
    return [
        (regex.compile(pattern, regex.I), position)
        for language in languages().values()
        for position, pattern in enumerate(language.get(key))
    ]


_MONTH_TABLE = _index_table("months")
_WEEKDAY_TABLE = _index_table("weekdays")


@lru_cache(maxsize=256)
def _month_number(word: str) -> int | None:
    """The month a month word names ("août" -> 8, "марта" -> 3), by its place in a file's list."""
    plain = " ".join(word.split())
    for pattern, position in _MONTH_TABLE:
        if pattern.fullmatch(plain):
            return position + 1
    parsed = _parse(f"15 {plain.lower().rstrip('.')} 2001", None)
    return parsed.month if parsed else None


_A_MONDAY = dt.date(2001, 1, 8)


@lru_cache(maxsize=64)
def _weekday_number(word: str) -> int | None:
    """Monday=0 ... for a weekday word in any language with a file."""
    for pattern, position in _WEEKDAY_TABLE:
        if pattern.fullmatch(word):
            return position
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


def _month_of(groups: dict[str, str | None]) -> int | None:
    if groups.get("m"):
        return int(groups["m"] or 0)
    return _month_number(groups["month"] or "") if groups.get("month") else None


def _day_of(groups: dict[str, str | None]) -> int:
    return int(groups.get("d") or groups.get("day") or 1)


def _absolute(kind: str, groups: dict[str, str | None]) -> str | None:
    """Dates that need no publication date: a year, a month of a year, a day of a year."""
    year = int(groups["year"] or 0)
    if kind == "year":
        return f"{year:04d}"
    precision = "month" if kind == "month" else "day"
    date = _safe_date(year, _month_of(groups), _day_of(groups) if precision == "day" else 1)
    return _iso(date, precision) if date else None


def _months_back(base: dt.date, n: int) -> str:
    months = base.year * 12 + base.month - 1 - n
    return f"{months // 12:04d}-{months % 12 + 1:02d}"


def _ago(groups: dict[str, str | None], base: dt.date) -> str:
    raw = (groups["n"] or "1").lower()
    n = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw, 1)
    unit = (groups["unit"] or "").lower()
    if _YEAR_UNIT.match(unit):
        return f"{base.year - n:04d}"
    if _MONTH_UNIT.match(unit):
        return _months_back(base, n)
    return _iso(base - dt.timedelta(days=n), "day")


_YEAR_UNIT = regex.compile(r"year|an|año|ano|год|лет|yıl|năm|سن|عام|年", regex.I)
_MONTH_UNIT = regex.compile(r"month|mois|mes|mês|месяц|ay|tháng|شهر|أشهر|个月|個月", regex.I)


def _weekday_before(base: dt.date, word: str | None) -> str | None:
    weekday = _weekday_number(word or "")
    if weekday is None:
        return None
    back = (base.weekday() - weekday) % 7 or 7
    return _iso(base - dt.timedelta(days=back), "day")


def _relative(kind: str, match: regex.Match[str], base: dt.date) -> str | None:
    """Dates read against the publication date."""
    groups = match.groupdict()
    month = _month_of(groups)
    fixed = {
        "yesterday": lambda: _iso(base - dt.timedelta(days=1), "day"),
        "today": lambda: _iso(base, "day"),
        "last_year": lambda: f"{base.year - 1:04d}",
        "last_month": lambda: _months_back(base, 1),
        "weekday": lambda: _weekday_before(base, groups.get("weekday")),
        "weekday_last": lambda: _weekday_before(base, groups.get("weekday")),
        "ago": lambda: _ago(groups, base),
        "day_noyear": lambda: _date_or_none(_latest_not_after(base, month, _day_of(groups)), "day"),
        "month_noyear": lambda: _date_or_none(_latest_not_after(base, month), "month"),
    }
    if kind in fixed:
        return fixed[kind]()
    rel = (groups.get("rel") or "").lower()
    if kind == "month_rel":
        return _date_or_none(
            _safe_date(base.year if rel == "this" else base.year - 1, month), "month"
        )
    if kind == "relative_day":
        return _date_or_none(_parse(match.group().lower(), base), "day")
    if kind == "this_year":
        return f"{base.year - 1 if rel == 'last' else base.year:04d}"
    if kind == "this_month":
        return _months_back(base, 1) if rel == "last" else _iso(base, "month")
    return None


def _date_or_none(date: dt.date | None, precision: str) -> str | None:
    return _iso(date, precision) if date else None


def resolve_relative_date(kind: str, match: regex.Match[str], base: dt.date | None) -> str | None:
    """The ISO partial date a located expression stands for, or ``None`` (a relative date with
    no publication date stays unresolved)."""
    groups = match.groupdict()
    if kind in {"iso", "dmy_num"}:
        date = _safe_date(int(groups["year"]), int(groups["m"]), int(groups["d"]))
        return _iso(date, "day") if date else None
    if kind in {"year", "day", "month"}:
        return _absolute(kind, groups)
    if base is None:
        return None
    return _relative(kind, match, base)


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
            if is_birth_date(text, start, end):
                continue
            since = bool(_SINCE.search(text, max(0, start - 12), start))
            posted = bool(_POSTED.search(text, max(0, start - 20), start))
            found.append(
                DateMention(start, end, resolve_relative_date(kind, match, base), since, posted)
            )
    found.sort(key=lambda m: m.start)
    return found
