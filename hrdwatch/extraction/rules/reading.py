"""How a document is read, by language: which name finder, which comparison of names, which
victim test; and the entry point that reads a whole document item by item."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import regex

from hrdwatch.core.text import fold
from hrdwatch.extraction.rules import places
from hrdwatch.extraction.rules.lexicon import Language
from hrdwatch.extraction.rules.lexicon import language as language_file
from hrdwatch.extraction.rules.names import key_form, split_names
from hrdwatch.extraction.rules.nocase import mention_finder
from hrdwatch.extraction.rules.people import Mention, find_mentions, lowercase_vocabulary
from hrdwatch.extraction.rules.segment import split_items
from hrdwatch.extraction.schema import ExtractedVictim


@dataclass(frozen=True)
class Reading:
    """The language-dependent choices of one document's reading."""

    language: Language | None
    find: Callable[[str, int, int], list[Mention]]
    form: Callable[[str], str] | None = None
    whole: bool = False
    proximity: Language | None = None
    verb_final: int = 0


def reading_for(text: str, code: str | None) -> Reading:
    """The reading of ``text`` in language ``code`` (capitalised runs when it has no file)."""
    language = language_file(code)
    finder = mention_finder(language) if language is not None else None
    if language is not None and finder is not None:
        return Reading(language, finder, whole=True, proximity=language)
    trim = language is None or language.lowercase_trim
    vocabulary = lowercase_vocabulary(text) if trim else frozenset()
    cut = language is not None and language.options.get("case_suffix") == "apostrophe"
    surnames = (
        frozenset(fold(name) for name in language.get("surnames")) if language else frozenset()
    )
    inflected = language is not None and language.options.get("morphology") == "pymorphy3"
    return Reading(
        language,
        partial(_capitalised, vocabulary=vocabulary, cut=cut, surnames=surnames, split=inflected),
        form=key_form(language),
        verb_final=int(language.options.get("verb_final", 0)) if language else 0,
    )


def _capitalised(
    text: str,
    start: int,
    end: int,
    vocabulary: frozenset[str],
    cut: bool,
    surnames: frozenset[str],
    split: bool = False,
) -> list[Mention]:
    """Capitalised runs; where the language file lists family names, a run of two words or more
    must start with one. ``split``: an inflecting language's run of two names side by side is
    cut in two (``names.split_names``)."""
    found = [m for m in find_mentions(text, start, end, vocabulary, cut) if not _quoted(text, m)]
    if split:
        found = [part for mention in found for part in _split_mention(text, mention)]
    if not surnames:
        return found
    return [m for m in found if len(m.text.split()) == 1 or fold(m.text.split()[0]) in surnames]


def _split_mention(text: str, mention: Mention) -> list[Mention]:
    spans = [(w.start(), w.end()) for w in _WORD.finditer(text, mention.start, mention.end)]
    cuts = split_names([text[s:e] for s, e in spans])
    if not cuts:
        return [mention]
    bounds = [0, *cuts, len(spans)]
    parts = []
    for first, last in zip(bounds, bounds[1:], strict=False):
        s, e = spans[first][0], spans[last - 1][1]
        part = Mention(s, e, text[s:e], mention.title if first == 0 else "")
        part.modifier = last < len(spans)
        parts.append(part)
    return parts


_WORD = regex.compile(r"\S+")
_OPENING = regex.compile(r"[«„“]\s*$")
_CLOSING = regex.compile(r"\s*[»“”]")


def _quoted(text: str, mention: Mention) -> bool:
    """A run that fills a pair of quotation marks (« Le Monde », „Memorial“) names a title, a
    newspaper or an organisation, not a person."""
    return bool(
        _OPENING.search(text, max(0, mention.start - 3), mention.start)
        and _CLOSING.match(text, mention.end, mention.end + 3)
    )


def extract_victims(
    text: str, published: dt.date | None, title: str | None = None, language: str | None = None
) -> list[ExtractedVictim]:
    """Victims of a whole document, item by item; nobody is carried from one item to another."""
    from hrdwatch.extraction.rules.engine import ItemReader

    reading = reading_for(text, language)
    countries = places.find_country_mentions(text)
    document_country = places.vote(countries, 0, len(text))
    if title:
        document_country = (
            places.vote(places.find_country_mentions(title), 0, len(title)) or document_country
        )
    victims: list[ExtractedVictim] = []
    seen: set[str] = set()
    for number, item in enumerate(split_items(text)):
        reader = ItemReader(
            text, item, reading, published, countries, document_country, first_item=number == 0
        )
        for person, claims in reader.victims():
            victim = reader.build(person, claims)
            if victim.name in seen:
                continue
            seen.add(victim.name)
            victims.append(victim)
    return victims
