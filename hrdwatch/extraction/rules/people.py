"""Finding people's names in an item and grouping the mentions of one person.

A name is a run of capitalised words (with particles such as "al-", "bin", "de la"). Words at the
edges of a run that the document also uses in lower case ("Detained Rights Defender Ahmed ...")
are common words, not names. Single-word mentions ("Dung", "Mr. Liu") and aliases ("X or Y",
"X (张伟)", "also known as") join the person they point to, only within the same item.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from hrdwatch.core.text import fold
from hrdwatch.extraction.rules.lexicon import (
    EVENT_TRIGGERS,
    HONORIFICS,
    NAME_PARTICLES,
    OFFICE_WORDS,
    OFFICIAL_TITLES,
    ORGANISATION_WORDS,
    SPEAKER_ROLES,
    STOP_WORDS,
    VICTIM_ROLES,
    words,
)
from hrdwatch.extraction.rules.names import cut_case_suffix
from hrdwatch.extraction.rules.places import is_place_name, is_place_word

_CAP_WORD = (
    r"(?:(?:al|el|ad|as|an|ar|at|az|ash|abu|bin|ibn)['’-])?"
    r"\p{Lu}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*\.?"
)
_INITIAL = r"\p{Lu}\."
_PARTICLE = "|".join(NAME_PARTICLES)
_RUN = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}'’-])(?:{_CAP_WORD}|{_INITIAL})"
    rf"(?:[ \t]+(?:(?:{_PARTICLE})[ \t]+)*(?:{_CAP_WORD}|{_INITIAL}))*"
)
_TOKEN = regex.compile(rf"{_CAP_WORD}|{_INITIAL}|\S+")
_NON_LATIN_NAME = regex.compile(
    r"\s*\(\s*([\p{Han}\p{Cyrillic}\p{Arabic}\p{Hangul}][^()]{0,40}?)\s*\)"
)
_ALIAS_AFTER = regex.compile(
    r"^\s*(?:,\s*)?(?:or|also known as|a\.k\.a\.?|aka|known as|alias|dit|dite|conocid[oa] como)\s+"
    r"(?:as\s+)?[\"“‘']?$",
    regex.I,
)
_TRIGGER_WORDS = regex.compile(
    "|".join(p for patterns in EVENT_TRIGGERS.values() for p in patterns), regex.I
)
_ROLE_WORDS = regex.compile("|".join(VICTIM_ROLES), regex.I)
_OFFICIAL = regex.compile(rf"(?:{OFFICIAL_TITLES})\.?", regex.I)
_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
_MAX_NAME_WORDS = 6


@dataclass
class Mention:
    """One place where a person is named."""

    start: int
    end: int
    text: str
    title: str = ""
    person: int = -1
    # A name that only qualifies the next one ("брата Ивана Петрова Сергея Петрова"): mentioned,
    # never the one an event word acts on.
    modifier: bool = False


@dataclass
class Person:
    """Every mention of one person in one item."""

    name: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    titles: set[str] = field(default_factory=set)

    def keys(self) -> set[str]:
        return {_key(self.name)} | {_key(a) for a in self.aliases}


_WORDS = regex.compile(r"\w+")
_LOWER_WORD = regex.compile(r"(?<![\p{L}-])\p{Ll}[\p{L}'’]+")


@lru_cache(maxsize=8192)
def _key(name: str) -> str:
    return " ".join(_WORDS.findall(fold(name)))


def lowercase_vocabulary(text: str) -> frozenset[str]:
    """Words the document writes in lower case somewhere: common words, not names."""
    return frozenset(_LOWER_WORD.findall(text))


def _is_common(word: str, vocabulary: frozenset[str]) -> bool:
    plain = word.rstrip(".").replace("’", "'")
    low = plain.casefold()
    if low.endswith("'s"):
        low = low[:-2]
    return (
        low in STOP_WORDS
        or low in vocabulary
        or bool(_TRIGGER_WORDS.fullmatch(plain))
        or bool(_ROLE_WORDS.fullmatch(plain))
        or bool(_OFFICIAL.fullmatch(plain))
    )


def _trim(text: str, start: int, end: int, vocabulary: frozenset[str]) -> tuple[int, int, str]:
    """Drop honorifics, titles and common words from the edges of a capitalised run."""
    tokens = [(m.start() + start, m.end() + start) for m in _TOKEN.finditer(text[start:end])]
    titles: list[str] = []
    while tokens:
        word = text[tokens[0][0] : tokens[0][1]]
        low = word.casefold().rstrip(".")
        if low in HONORIFICS or _OFFICIAL.fullmatch(word):
            titles.append(low)
        elif _is_acronym_before(text, tokens):
            pass  # "ACAT Burundi", "AFP Muhabiri X": an organisation's acronym, not a name
        elif not (
            _is_common(word, vocabulary)
            or low in NAME_PARTICLES
            or low in OFFICE_WORDS
            or is_place_word(word)
        ):
            break
        tokens.pop(0)
    while tokens:
        word = text[tokens[-1][0] : tokens[-1][1]]
        low = word.casefold().rstrip(".")
        if low in _MONTHS and len(tokens) > 1:
            break
        if not (
            (len(low) >= 4 and _is_common(word, vocabulary))
            or low in NAME_PARTICLES
            or _INITIAL_ONLY.fullmatch(word)
        ):
            break
        tokens.pop()
    if not tokens:
        return start, start, " ".join(titles)
    s, e = tokens[0][0], tokens[-1][1]
    while e > s and text[e - 1] in ".’'":
        e -= 1
    if text[e - 2 : e] in {"'s", "’s"} and e - 2 > s:
        e -= 2
    return s, e, " ".join(titles)


_INITIAL_ONLY = regex.compile(r"\p{Lu}\.?")


def _is_acronym_before(text: str, tokens: list[tuple[int, int]]) -> bool:
    """The first word is in capitals (2+ letters) and the last is not: an acronym leading a name
    or a place, never a family name written in capitals (which comes last)."""
    first, last = text[tokens[0][0] : tokens[0][1]], text[tokens[-1][0] : tokens[-1][1]]
    return (
        len(tokens) >= 2 and len(first.strip(".")) >= 2 and first.isupper() and not last.isupper()
    )


# "Reuters reporter Jane Doe": the capitalised words before a role and a name name an employer.
_MODIFIER_OF_NAME = regex.compile(
    rf"\s+(?:(?!(?:and|or|et|y|e|ou|o|{'|'.join(words('list_words'))})\s)[\p{{Ll}}-]+\s+){{0,3}}"
    rf"(?i:{'|'.join(VICTIM_ROLES)}|{SPEAKER_ROLES})\s+\p{{Lu}}"
)


# "the Mother Nature activists": a capitalised name used as an adjective of a group.
_MEMBERS_AFTER = regex.compile(
    r"\s+(?i:activists|journalists|lawyers|defenders|members|bloggers|staff|supporters|leaders|detainees"
    r"|prisoners|volunteers|workers|militants|activistas|miembros|membres)\b"
)
_GROUP_BEFORE = regex.compile(
    r"\b(?i:group|organi[sz]ation|association|movement|collective|network|party|ngo|coalition|campaign"
    r"|outlet|newspaper|magazine|website|channel|company|firm|union|grupo|organizaci[óo]n|colectivo"
    r"|groupe|collectif|journal|peri[óo]dico|diario)\s+$"
)


def _is_organisation(words: list[str]) -> bool:
    """True when the run names an organisation, place, document or office, or is possessive;
    also a headline in capitals."""
    capitals = [len(w) >= 2 and w.isupper() for w in words]
    if len(words) >= 3 and all(capitals):
        return True
    for position, word in enumerate(words):
        low = word.casefold().strip(".’'")
        if low in ORGANISATION_WORDS or (low in OFFICE_WORDS and position > 0):
            return True
        if low.endswith(("'s", "’s")) and position < len(words) - 1:
            return True
    return False


# "Ana Ruiz Soto y Luis Mora Díaz": "y" and "e" join family names ("Ortega y Gasset") but also two
# people; with two words or more on each side, the run holds two names.
_CONJUNCTION = regex.compile(r"[ \t]+(?:y|e)[ \t]+")


def _runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Capitalised runs, cut at a conjunction that stands between two full names."""
    spans = []
    for match in _RUN.finditer(text, start, end):
        cursor = match.start()
        for joint in _CONJUNCTION.finditer(text, match.start(), match.end()):
            left, right = text[cursor : joint.start()], text[joint.end() : match.end()]
            if len(left.split()) >= 2 and len(right.split()) >= 2:
                spans.append((cursor, joint.start()))
                cursor = joint.end()
        spans.append((cursor, match.end()))
    return spans


def find_mentions(
    text: str, start: int, end: int, vocabulary: frozenset[str], cut_suffix: bool = False
) -> list[Mention]:
    """Capitalised runs in ``text[start:end]`` that can be names (one word or more).

    ``cut_suffix``: the language writes case endings after an apostrophe ("Yılmaz'ın").
    """
    mentions = []
    for run_start, run_stop in _runs(text, start, end):
        if _is_organisation(text[run_start:run_stop].split()):
            continue
        run_end = run_stop
        if cut_suffix:
            run_end = run_start + len(cut_case_suffix(text[run_start:run_stop]))
        s, e, titles = _trim(text, run_start, run_end, vocabulary)
        if e <= s:
            continue
        words = text[s:e].split()
        if (
            len(words) > _MAX_NAME_WORDS
            or _is_organisation(words)
            or is_place_word(text[s:e])
            or is_place_name(text[s:e])
        ):
            continue
        if (
            _MODIFIER_OF_NAME.match(text, e, min(end, e + 60))
            or _MEMBERS_AFTER.match(text, e, min(end, e + 40))
            or _GROUP_BEFORE.search(text, max(start, s - 40), s)
        ):
            continue
        if len(words) == 1 and (len(words[0]) < 3 or words[0].isupper()):
            continue
        mentions.append(Mention(s, e, text[s:e], titles))
    return mentions


def group_people(
    text: str,
    mentions: list[Mention],
    form: Callable[[str], str] | None = None,
    whole: bool = False,
) -> list[Person]:
    """Join mentions of the same person: same folded name, alias, or a unique single word.

    ``form`` gives the form names are compared in (a Russian name's nominative); ``whole``: every
    mention is a full name (scripts without spaces between words).
    """
    if form is not None:
        return _group_by_form(text, mentions, form, whole)
    return _group_as_written(text, mentions, whole, lambda name: name)


def _group_as_written(
    text: str, mentions: list[Mention], whole: bool, form: Callable[[str], str]
) -> list[Person]:
    people: list[Person] = []
    by_key: dict[str, int] = {}
    multi = [m for m in mentions if whole or len(m.text.split()) >= 2]
    single = [m for m in mentions if not whole and len(m.text.split()) == 1]
    ordered = sorted(multi, key=lambda m: m.start)
    previous: Mention | None = None
    for mention in ordered:
        key = _key(mention.text)
        words = set(key.split())
        index = by_key.get(key)
        if (
            index is None
            and previous is not None
            and previous.person >= 0
            and _ALIAS_AFTER.match(text[previous.end : mention.start])
        ):
            index = previous.person
            people[index].aliases.add(mention.text)
        if index is None:
            for other, person in enumerate(people):
                if any(
                    words <= set(k.split()) or set(k.split()) <= words
                    for k in person.keys()
                    if len(set(k.split()) & words) >= 2
                ):
                    index = other
                    break
        if index is None:
            index = len(people)
            people.append(Person(name=mention.text))
        person = people[index]
        if len(mention.text) > len(person.name) and mention.text not in person.aliases:
            person.aliases.add(person.name)
            person.name = mention.text
        elif _key(mention.text) != _key(person.name):
            person.aliases.add(mention.text)
        by_key[key] = index
        mention.person = index
        person.mentions.append(mention)
        if mention.title:
            person.titles.add(mention.title)
        native = _NON_LATIN_NAME.match(text, mention.end, min(len(text), mention.end + 50))
        if native:
            person.aliases.add(native.group(1))
        previous = mention
    _attach_single_words(people, single, form)
    for person in people:
        person.aliases.discard(person.name)
        person.mentions.sort(key=lambda m: m.start)
    return people


def _attach_single_words(
    people: list[Person], single: list[Mention], form: Callable[[str], str]
) -> None:
    """ "Mr. Liu", "Dung": a one-word mention joins the only person of the item with that word."""
    words_of = [
        {w for k in person.keys() for w in k.split()} | set(_key(form(person.name)).split())
        for person in people
    ]
    for mention in single:
        word = _key(form(mention.text))
        owners = {i for i, words in enumerate(words_of) if word in words}
        if len(owners) == 1:
            mention.person = owners.pop()
            people[mention.person].mentions.append(mention)
            if mention.title:
                people[mention.person].titles.add(mention.title)


def _group_by_form(
    text: str, mentions: list[Mention], form: Callable[[str], str], whole: bool
) -> list[Person]:
    """Group as written, then merge people whose names agree in ``form`` (the same person in
    two grammatical cases); the mention first written names the person."""
    people = _group_as_written(text, mentions, whole, form)
    merged: list[Person] = []
    by_form: dict[str, Person] = {}
    renumber: dict[int, int] = {}
    for index, person in enumerate(people):
        key = _key(form(person.name))
        target = by_form.get(key)
        if target is None:
            by_form[key] = person
            renumber[index] = len(merged)
            merged.append(person)
            continue
        renumber[index] = merged.index(target)
        target.aliases |= {person.name, *person.aliases}
        target.mentions = sorted(target.mentions + person.mentions, key=lambda m: m.start)
        target.titles |= person.titles
    for mention in mentions:
        if mention.person >= 0:
            mention.person = renumber[mention.person]
    for person in merged:
        person.aliases.discard(person.name)
    return merged
