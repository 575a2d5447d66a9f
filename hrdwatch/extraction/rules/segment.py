"""Cutting a document into items (stories of a listing page), paragraphs and sentences, keeping
character offsets into the original text so evidence always points at the input.

A listing page is recognised by its headings: short lines without final punctuation followed by
longer text. When a document has two or more such headings, each heading starts a new item, and
nothing (a person, a surname, a date) is carried from one item into another.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from hrdwatch.extraction.rules.lexicon import HONORIFICS

_LINE = regex.compile(r"[^\n]+")
_SENTENCE_END = regex.compile(
    r"[.!?…]+[\"”’»)]*\s+(?=[\"“‘«(]?[\p{Lu}\d¿¡])|(?<=\p{Ll}{2}[.!?])(?=\p{Lu}\p{Ll})"
)
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st gen maj col lt capt sgt rev fr jr sr no art vs etc inc ltd co dept "
    "gov sen rep mme mlle sra srta av ave jan feb mar apr jun jul aug sep sept oct nov dec u.s "
    "u.k e.g i.e approx messrs mmes".split()
) | frozenset(HONORIFICS)
_LAST_WORD = regex.compile(r"(\S+)[.!?…]+[\"”’»)]*\s*$")
_POSTED = regex.compile(r"posted on|publi[ée] le|publicado el", regex.I)
_HEADING_MAX = 200


@dataclass
class Sentence:
    start: int
    end: int
    paragraph: int


@dataclass
class Item:
    """One story: a run of paragraphs; ``heading`` is its first line when the page is a listing."""

    start: int
    end: int
    sentences: list[Sentence] = field(default_factory=list)


def _is_heading(line: str, next_line: str | None) -> bool:
    """A line that opens a story of a listing: dated, "Country: ...", or a lone name."""
    stripped = line.strip()
    if _POSTED.search(stripped):
        return True
    if len(stripped) > _HEADING_MAX or next_line is None:
        return False
    if stripped[-1:] in '.!?:"”;,' or len(next_line.strip()) < len(stripped):
        return False
    return bool(_STORY_HEADING.match(stripped))


# "Oman – ...", "Update: Saudi Arabia – ...", "3. Name Surname", "Name Surname".
_STORY_HEADING = regex.compile(
    r"^(?:(?i:update|urgent|new|follow-up)\s*[:–—-]\s*)?(?:\p{Lu}[\p{L}'’.-]*\s?){1,4}\s*(?:[:–—]|\s-\s)\s*\S"
    r"|^(?:\d{1,3}[.)]\s*)?(?:\p{Lu}[\p{L}'’.-]*\s?){2,5}$"
)


def split_sentences(text: str, start: int, end: int, paragraph: int) -> list[Sentence]:
    """Sentences of ``text[start:end]``; abbreviations ("Mr.", "Gen.") and initials don't end one."""
    out: list[Sentence] = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        before = _LAST_WORD.search(text[cursor : match.end()])
        word = before.group(1).casefold().rstrip(".") if before else ""
        if match.group().lstrip()[:1] == "." and (
            word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())
        ):
            continue
        out.append(Sentence(cursor, match.start() + len(match.group().rstrip()), paragraph))
        cursor = match.end()
    if cursor < end and text[cursor:end].strip():
        out.append(Sentence(cursor, end, paragraph))
    return out


def split_items(text: str) -> list[Item]:
    """The document's items, each with its sentences. A plain article is a single item."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group().strip()]
    headings = [
        index
        for index, (s, e) in enumerate(lines)
        if index > 0
        and _is_heading(
            text[s:e],
            text[lines[index + 1][0] : lines[index + 1][1]] if index + 1 < len(lines) else None,
        )
    ]
    cuts = [0] + headings if len(headings) >= 2 else [0]
    items: list[Item] = []
    for number, first in enumerate(cuts):
        last = cuts[number + 1] if number + 1 < len(cuts) else len(lines)
        if first >= last:
            continue
        item = Item(lines[first][0], lines[last - 1][1])
        for paragraph in range(first, last):
            s, e = lines[paragraph]
            item.sentences.extend(split_sentences(text, s, e, paragraph))
        items.append(item)
    return items
