"""The search text builder: one pre-tokenised text per case, identical for every backend.

Both backends (SQLite FTS5, PostgreSQL tsvector) index the tokens this module makes and run the
query this module parses, so they answer alike. Tokens are folded (case, accents, Vietnamese đ,
Arabic letter variants); Chinese is indexed character by character (so a name is found inside
running text and by its two-character given name) plus pinyin; Latin spellings also get a
transliteration "skeleton" so the usual romanisations of a Cyrillic name meet.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from anyascii import anyascii
from pypinyin import lazy_pinyin

from hrdwatch.core.text import fold
from hrdwatch.linkage.forms import forms_of
from hrdwatch.linkage.forms import skeleton as consonant_skeleton

MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 12

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RUN = re.compile(f"[{_HAN}]+")
_IS_HAN = re.compile(f"^[{_HAN}]+$")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_ARABIC = re.compile("[\u0600-\u06ff]")
# Apostrophes inside a word vanish (Naval'nyy, O'Brien); every other non-letter separates.
_APOSTROPHES = re.compile("[\u0027\u2019\u02bc\u02b9\u02bb`]")
_WORD = re.compile(f"[{_HAN}]+|[^\\W_]+")

# Spelling differences between romanisations, mapped to one skeleton (order matters).
_SKELETON_RULES = [
    ("shch", "sh"),
    ("sch", "sh"),
    ("tch", "ch"),
    ("dzh", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("ts", "c"),
    ("tz", "c"),
    ("ks", "x"),
    ("ph", "f"),
    ("ck", "k"),
    ("w", "v"),
    ("ou", "u"),
    ("yu", "u"),
    ("iu", "u"),
    ("ju", "u"),
    ("ya", "a"),
    ("ia", "a"),
    ("ja", "a"),
    ("ye", "e"),
    ("ie", "e"),
    ("je", "e"),
    ("y", "i"),
    ("j", "i"),
]
_REPEATS = re.compile(r"(.)\1+")


def _words(text: str) -> list[str]:
    """Folded words: runs of letters/digits, Han runs kept apart from Latin letters."""
    words: list[str] = []
    for chunk in (text or "").split():
        words.extend(_chunk_words(chunk))
    return words


@lru_cache(maxsize=200_000)
def _chunk_words(chunk: str) -> tuple[str, ...]:
    """The words of one whitespace-free chunk, cached: names and prose repeat across cases.

    Whitespace always separates words and folding never joins across it, so folding chunk by
    chunk gives the words that folding the whole text would.
    """
    return tuple(_WORD.findall(fold(_APOSTROPHES.sub("", chunk))))


def skeleton(word: str) -> str:
    """A romanisation-independent key for a Latin word: Navalny, Naval'nyy, Navalnyi -> navalni."""
    key = word
    for old, new in _SKELETON_RULES:
        key = key.replace(old, new)
    return _REPEATS.sub(r"\1", key)


def _latin_alternatives(word: str) -> list[str]:
    """The word and, for alphabetic Latin words, its skeleton."""
    if word.isascii() and word.isalpha() and len(word) >= 4:
        key = skeleton(word)
        if key != word and len(key) >= 3:
            return [word, key]
    return [word]


def _arabic_alternatives(word: str) -> list[str]:
    """An Arabic word with and without the definite article: الحكيمه / حكيمه."""
    if word.startswith("ال") and len(word) > 4:
        return [word, word[2:]]
    return [word]


@cache
def _jieba():  # type: ignore[no-untyped-def]
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


def _han_pinyin_tokens(run: str, is_name: bool) -> list[str]:
    """Pinyin for a Han run: each syllable, and joined syllables of every name suffix/word."""
    syllables = [fold(s) for s in lazy_pinyin(run, v_to_u=True)]
    tokens = list(syllables)
    if is_name:
        # Whole name and every tail (the given name after a one- or two-character surname).
        tokens += ["".join(syllables[i:]) for i in range(len(syllables) - 1)]
    else:
        for word in _jieba().lcut(run):
            if len(word) > 1:
                tokens.append("".join(fold(s) for s in lazy_pinyin(word, v_to_u=True)))
    return tokens


def text_tokens(text: str, is_name: bool = False) -> list[str]:
    """Tokens for one piece of text. Names get transliterations and pinyin; prose gets less."""
    tokens: list[str] = []
    for word in _words(text):
        tokens.extend(_word_tokens(word, is_name))
    if is_name:
        tokens.extend(k for k in name_key_tokens(text) if k not in tokens)
    return tokens


@lru_cache(maxsize=200_000)
def name_key_tokens(name: str) -> tuple[str, ...]:
    """The name keys linkage matches on, as tokens, so search meets the spellings linkage joins.

    ``linkage.forms.forms_of`` writes a name in canonical Latin tokens whatever its script or
    alphabet (Azerbaijani and Turkish letters as English spells them, Cyrillic romanised, Han in
    pinyin, Arabic consonants). Indexed: each token, the tokens of a form joined in sorted order
    (a whole name in any word order, met by a Han query) and, behind a ``0``, consonant skeletons
    (met by an Arabic-script query). A query word gets the same keys (``_query_alternatives``).
    """
    keys: list[str] = []
    for form in forms_of(name):
        keys.extend(form.tokens)
        if len(form.tokens) > 1:
            keys.append("".join(sorted(form.tokens)))
        keys.extend(_skeleton_key(t) for t in form.tokens)
    return tuple(k for k in dict.fromkeys(keys) if k and k.isascii() and k.isalnum())


def _skeleton_key(token: str) -> str:
    key = consonant_skeleton(token)
    return "0" + key if len(key) >= 2 else ""


@lru_cache(maxsize=200_000)
def _word_tokens(word: str, is_name: bool) -> tuple[str, ...]:
    """Tokens for one folded word (cached: pinyin and transliteration are the slow part)."""
    if word.isascii():
        return tuple(_latin_alternatives(word)) if is_name else (word,)
    if _IS_HAN.match(word):
        # One token per character, in order, for phrase queries; then pinyin.
        return (*word, *_han_pinyin_tokens(word, is_name))
    if _CYRILLIC.search(word):
        latin = _words(fold(anyascii(word)))
        return (word, *latin, *(skeleton(w) for w in latin))
    if _ARABIC.search(word):
        return tuple(_arabic_alternatives(word))
    return (word,)


def build_search_text(names: Iterable[str], texts: Iterable[str]) -> str:
    """The indexed text of one record: tokens separated by single spaces (no punctuation)."""
    tokens: list[str] = []
    for name in names:
        tokens.extend(text_tokens(name, is_name=True))
    for text in texts:
        tokens.extend(text_tokens(text))
    return " ".join(t for t in tokens if t)


def _query_alternatives(word: str) -> list[str]:
    """Linkage's name keys of a query word that is not plain ASCII: the Latin spellings a Turkic
    letter, a Cyrillic word or a Han name stands for, an Arabic word's consonant skeleton."""
    if word.isascii():
        return []
    folded = fold(word)
    keys: list[str] = []
    for form in forms_of(word):
        if form.kind == "abjad":
            keys.extend(_skeleton_key(t) for t in form.tokens)
        elif len(form.tokens) > 1:
            keys.append("".join(sorted(form.tokens)))
        else:
            keys.extend(form.tokens)
            keys.extend(skeleton(t) for t in form.tokens if len(t) >= 4)
    return [k for k in dict.fromkeys(keys) if k and k.isascii() and k.isalnum() and k != folded]


@dataclass(frozen=True)
class Term:
    """One alternative: a phrase of tokens, optionally matched as a prefix."""

    tokens: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    """AND of groups; each group is an OR of alternatives."""

    groups: tuple[tuple[Term, ...], ...]

    def __bool__(self) -> bool:
        return bool(self.groups)


def parse_query(raw: str) -> ParsedQuery:
    """Turn what a visitor typed into token groups; nothing of the input's syntax survives.

    Every character that is not a letter or digit is a separator, so FTS operators, quotes and
    brackets are inert. The last Latin word matches as a prefix (for partly typed names).
    """
    raw = (raw or "")[:MAX_QUERY_CHARS]
    words = _words(raw)[:MAX_QUERY_WORDS]
    # The words as typed (before folding took ş, ə or ё apart), for linkage's name keys.
    typed = _WORD.findall(_APOSTROPHES.sub("", unicodedata.normalize("NFC", raw)))[:MAX_QUERY_WORDS]
    if len(typed) != len(words):
        typed = words
    groups: list[tuple[Term, ...]] = []
    for index, word in enumerate(words):
        last = index == len(words) - 1
        if _IS_HAN.match(word):
            terms = [Term(tuple(word))]
        elif _CYRILLIC.search(word) or _ARABIC.search(word):
            terms = [Term((w,)) for w in _arabic_alternatives(word)]
        else:
            prefix = last and len(word) >= 3 and not word.isdigit()
            terms = [Term((w,), prefix and w == word) for w in _latin_alternatives(word)]
        terms += [Term((key,)) for key in _query_alternatives(typed[index])]
        groups.append(tuple(dict.fromkeys(terms)))
    return ParsedQuery(tuple(groups))
