"""Event words in a sentence, what type of event each stands for, and prison terms in months.

"sentenced" stands for a conviction and a sentence; "calls for the release of" is not a release
but says the person is held.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from hrdwatch.extraction.rules.lexicon import EVENT_TRIGGERS, RELEASE_CALL, numbers, words

# Word edges that also hold in scripts without spaces (Han: any character edge) and after the
# Arabic clitics و ف ب ل ("and", "so", "with", "for") written joined to the next word.
WORD_START = r"(?:(?<![\p{L}\p{M}-])|(?<=\p{Han})|(?<=(?<![\p{L}])[وفبل]))"
WORD_END = r"(?:(?![\p{L}\p{M}])|(?=\p{Han})|(?<=\p{Han}))"


@dataclass(frozen=True)
class Trigger:
    """An event word at [start, end) of the text and the event types it stands for."""

    start: int
    end: int
    types: tuple[str, ...]


def _compile() -> regex.Pattern[str]:
    parts = []
    for index, (event_type, patterns) in enumerate(EVENT_TRIGGERS.items()):
        del event_type
        parts.append(rf"(?P<t{index}>{'|'.join(patterns)})")
    return regex.compile(WORD_START + "(?:" + "|".join(parts) + ")" + WORD_END, regex.I)


_TRIGGERS = _compile()
_TYPES = list(EVENT_TRIGGERS)
_FULL = {t: regex.compile("|".join(p), regex.I) for t, p in EVENT_TRIGGERS.items()}
_RELEASE_CALL = regex.compile(RELEASE_CALL, regex.I)
# A charge word used as "in charge of" / "free of charge" is no event.
_NOT_A_CHARGE = regex.compile(r"(?:in|free of|took|take|person in)\s+$", regex.I)
_NEGATED = regex.compile(
    r"\b(?:not|never|no longer|n't|without|sans|sin|if|unless|could|would|may|might|risk|risks|face"
    r"|faces|facing|si|risk of|at risk of|fear of|fears of|danger of|awaiting|await|pending)"
    r"\s+(?:been\s+|be\s+|being\s+|a\s+|any\s+|up to\s+|possible\s+)?$|"
    r"(?:Against|Prevention of|Anti-|on Arbitrary|Convention on|Committee on)\s*$",
    regex.I,
)
_ADJECTIVE_USE = regex.compile(
    r"\s+(?:human|rights|women|woman|fellow|\w+ists?|lawyers?|defenders?|members?|bloggers?|dissidents?"
    r"|students?|colleagues?)\b",
    regex.I,
)
_DETERMINER_BEFORE = regex.compile(
    r"(?:^|\b(?:the|of|for|all|other|and|their|his|her|its|currently|still|many|several|two|three"
    r"|four|five|six|seven|eight|nine|ten|\d+)\s+|[,;:(]\s*)$",
    regex.I,
)
# "five years in prison" is a term, not a separate detention.
_TERM_BEFORE = regex.compile(r"(?:years?|months?|ans|mois|años|meses)\s+(?:of\s+)?$", regex.I)
# "jailed for five years", "imprisoned to ten years": a detention word followed by a term.
_TERM_FOLLOWS = regex.compile(
    r"[^.;]{0,40}?\b(?:for|to|à|a)\s+(?:a\s+)?(?:total\s+of\s+)?(?:\S+\s+){1,3}?"
    r"(?:years?|months?|ans|mois|años|meses)\b",
    regex.I,
)


@lru_cache(maxsize=4096)
def _types_of(word: str) -> frozenset[str]:
    """Every type a trigger word stands for ("sentenced": conviction and sentence)."""
    return frozenset(t for t, pattern in _FULL.items() if pattern.fullmatch(word))


def find_triggers(text: str, start: int, end: int) -> list[Trigger]:
    """Event words in ``text[start:end]`` with every type each one stands for."""
    found: list[Trigger] = []
    for match in _TRIGGERS.finditer(text, start, end, overlapped=False):
        before = text[max(start, match.start() - 60) : match.start()]
        types = set(_types_of(match.group().casefold()))
        types.update(
            _TYPES[index] for index in range(len(_TYPES)) if match.group(f"t{index}") is not None
        )
        if (
            types & {"detention", "conviction"}
            and _TERM_FOLLOWS.match(text, match.end(), min(end, match.end() + 80))
            or ("conviction" in types and _term_near(text, match.start(), match.end(), start, end))
        ):
            types.add("sentence")
        if (
            types & {"arrest", "detention"}
            and _ADJECTIVE_USE.match(text, match.end(), end)
            and _DETERMINER_BEFORE.search(before)
        ):
            types = {"detention"}  # "detained journalists": a state, not an arrest event
        if "sentence" in types:
            types.add("conviction")  # a sentence is only ever passed on a conviction
        if "release" in types and _RELEASE_CALL.search(before):
            # A call for release is no event, but it still says the person is held: keep the
            # word (it supports the victim) with no event type.
            found.append(Trigger(match.start(), match.end(), ()))
            continue
        if "charge" in types and _NOT_A_CHARGE.search(before):
            types.discard("charge")
        if _NEGATED.search(before):
            continue
        if types == {"detention"} and _TERM_BEFORE.search(before):
            continue
        if types:
            found.append(Trigger(match.start(), match.end(), tuple(sorted(types))))
    return _charges_of_a_verdict(text, found)


# "sentenced ... on charges of incitement": the charges belong to the verdict, not a new event.
_ON_CHARGES = regex.compile(r"\b(?:on|under|over)\s+(?:[\w-]+\s+){0,3}$", regex.I)


def _charges_of_a_verdict(text: str, triggers: list[Trigger]) -> list[Trigger]:
    verdict = any({"conviction", "sentence", "detention"} & set(t.types) for t in triggers)
    if not verdict:
        return triggers
    kept = []
    for trigger in triggers:
        if trigger.types == ("charge",) and _ON_CHARGES.search(
            text, max(0, trigger.start - 40), trigger.start
        ):
            continue
        kept.append(trigger)
    return kept


_NUMBER = (
    r"\d+(?:[.,]5)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|a|an|half a"
    r"|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt"
    r"|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte"
)
_NUMBER_WORDS_DATA = numbers()
_NUMBER = _NUMBER + "".join("|" + regex.escape(w) for w in _NUMBER_WORDS_DATA)
_YEAR_UNITS = "|".join(words("units_year"))
_MONTH_UNITS = "|".join(words("units_month"))
_MONTH_UNIT = regex.compile(rf"(?i:months?|mois|mes(?:es)?|{_MONTH_UNITS})")
_NUMBER_VALUES = {
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
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "a": 1,
    "an": 1,
    "half a": 0.5,
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "quinze": 15,
    "vingt": 20,
    "uno": 1,
    "una": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
    "once": 11,
    "doce": 12,
    "quince": 15,
    "veinte": 20,
}
_TERM = regex.compile(
    rf"{WORD_START}(?P<n>{_NUMBER})(?P<half>\s+(?:and a half|et demi|y medio))?[\s-]*"
    rf"(?P<unit>years?|months?|ans?|ann[ée]es?|mois|años?|meses|mes|{_YEAR_UNITS}|{_MONTH_UNITS}){WORD_END}"
    rf"(?:[\s-]+(?:and|et|y|ve|e|и)?[\s-]*(?P<n2>{_NUMBER})[\s-]+(?P<unit2>months?|mois|meses|mes|{_MONTH_UNITS}){WORD_END})?"
    r"(?P<tail>(?:[\s-]+(?:old|ago|of probation|probation|suspended|de libertad condicional))?)",
    regex.I,
)
_TERM_CONTEXT = regex.compile(
    r"\b(?:prison|jail|imprisonment|in prison|behind bars|sentence|term|detention|prisi[óo]n|c[áa]rcel"
    r"|emprisonnement|ferme|sentenced|condamn|conden|jailed|to\b|a\b|à\b)"
    + "|"
    + "|".join(p for t in ("sentence", "conviction", "detention") for p in EVENT_TRIGGERS[t]),
    regex.I,
)
_LONGEST_TERM = 12 * 60  # months; "2019年" is a year, not a 2,019-year term


def _term_near(text: str, trigger_start: int, trigger_end: int, start: int, end: int) -> bool:
    """A prison term written just after a verdict word, or just before it (verb-final languages:
    "7 yıl hapis cezasına çarptırıldı")."""
    for window_start, window_end in (
        (trigger_end, min(end, trigger_end + 60)),
        (max(start, trigger_start - 40), trigger_start),
    ):
        for match in _TERM.finditer(text, window_start, window_end):
            if not match.group("tail").strip() and _value(match.group("n")) < 100:
                return True
    return False


def _value(raw: str) -> float:
    raw = raw.lower().replace(",", ".")
    try:
        return float(raw)
    except ValueError:
        return float(_NUMBER_VALUES.get(raw, _NUMBER_WORDS_DATA.get(raw, 0)))


def find_terms(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """(start, end, months) of each prison term in ``text[start:end]``."""
    found = []
    for match in _TERM.finditer(text, start, end):
        if match.group("tail").strip():
            continue
        window = text[max(start, match.start() - 40) : min(end, match.end() + 30)]
        if not _TERM_CONTEXT.search(window):
            continue
        unit = match.group("unit").lower()
        count = _value(match.group("n")) + (0.5 if match.group("half") else 0)
        months = count * (1 if _MONTH_UNIT.fullmatch(unit) else 12)
        if match.group("n2"):
            months += _value(match.group("n2"))
        if 0 < months <= _LONGEST_TERM:
            found.append((match.start(), match.end(), int(round(months))))
    return found
