"""Names as written, and the other forms a reviewer will search for: the nominative of a Russian
name written in an oblique case ("Ивана Петрова" -> "Иван Петров"), and a Latin form where the
romanisation is standard (ICU's BGN/PCGN for Russian, pinyin for Chinese).

Which language uses which is said in its language file (``morphology``, ``romanise``).
"""

from __future__ import annotations

import logging
from functools import cache, lru_cache
from typing import Any

import regex

from hrdwatch.extraction.rules.lexicon import Language

log = logging.getLogger(__name__)

_NAME_TAGS = ("Name", "Surn", "Patr")
_CYRILLIC_WORD = regex.compile(r"\p{Cyrillic}[\p{Cyrillic}-]*")
# Turkish (and Azerbaijani) case endings written after an apostrophe: "Yılmaz'ın", "Kaya'ya".
_SUFFIX = regex.compile(r"['’](?:\p{Ll}{1,6})$")


def cut_case_suffix(word: str) -> str:
    """``word`` without a case ending joined by an apostrophe ("Yılmaz'ın" -> "Yılmaz")."""
    if word[-2:] in {"'s", "’s"}:
        return word
    return _SUFFIX.sub("", word)


@cache
def _morph() -> Any:
    try:
        import pymorphy3

        return pymorphy3.MorphAnalyzer(lang="ru")
    except Exception as exc:  # noqa: BLE001 - without the dictionary names stay as written
        log.warning("Russian morphology unavailable: %s", exc)
        return None


# When the words of a name agree in more than one gender and case ("Марину Кузнецову" is a woman
# in the accusative or a man in the dative), the likelier reading (pymorphy3's scores) wins, then
# the case a named person most often stands in.
_CASE_ORDER = ("nomn", "accs", "gent", "datv", "ablt", "loct")


def _name_parses(word: str) -> list[Any]:
    return [p for p in _morph().parse(word) if any(tag in p.tag for tag in _NAME_TAGS)]


def _agreement(parses: list[list[Any]]) -> tuple[str | None, str | None]:
    """The (gender, case) most words of a name can stand in together."""
    counts: dict[tuple[str | None, str | None], float] = {}
    scores: dict[tuple[str | None, str | None], float] = {}
    for word_parses in parses:
        best: dict[tuple[str | None, str | None], float] = {}
        for p in word_parses:
            pair = (p.tag.gender, p.tag.case)
            best[pair] = max(best.get(pair, 0.0), p.score)
        for pair, score in best.items():
            counts[pair] = counts.get(pair, 0) + 1
            scores[pair] = scores.get(pair, 0.0) + score
    if not counts:
        return None, None

    def rank(pair: tuple[str | None, str | None]) -> tuple[float, float, int]:
        case = pair[1] or ""
        order = _CASE_ORDER.index(case) if case in _CASE_ORDER else len(_CASE_ORDER)
        return counts[pair], round(scores[pair], 2), -order

    return max(counts, key=rank)


@lru_cache(maxsize=4096)
def nominative(name: str) -> str:
    """The name in the nominative case (Russian), or ``name`` itself when it cannot be told."""
    if _morph() is None or not _CYRILLIC_WORD.search(name):
        return name
    words = name.split()
    parses = [_name_parses(word) for word in words]
    gender, case = _agreement(parses)
    out = []
    for word, word_parses in zip(words, parses, strict=True):
        agreeing = [p for p in word_parses if (p.tag.gender, p.tag.case) == (gender, case)]
        same_gender = [p for p in word_parses if p.tag.gender in (gender, None)]
        parse = (agreeing or same_gender or word_parses or [None])[0]
        form = parse.inflect({"nomn"}) if parse is not None else None
        out.append(word if form is None else _same_case_shape(word, form.word))
    return " ".join(out)


def _is(word: str, tag: str) -> bool:
    return any(tag in p.tag for p in _name_parses(word))


def split_names(words: list[str]) -> list[int]:
    """Where a run of capitalised Russian words holds two names side by side ("брата Ивана
    Петрова Сергея Петрова": a genitive name, then the person's own), the word positions that
    start a new name: a first name between a family name and another family name."""
    if _morph() is None or len(words) < 3 or not all(_CYRILLIC_WORD.match(w) for w in words):
        return []
    cuts = []
    for i in range(1, len(words) - 1):
        if (
            _is(words[i], "Name")
            and _is(words[i - 1], "Surn")
            and not _is(words[i - 1], "Name")
            and _is(words[i + 1], "Surn")
            and not _is(words[i + 1], "Patr")
        ):
            cuts.append(i)
    return cuts


def _same_case_shape(written: str, form: str) -> str:
    if written.isupper():
        return form.upper()
    return "-".join(part[:1].upper() + part[1:] for part in form.split("-"))


@cache
def _transliterator(rule: str) -> Any:
    try:
        import icu

        return icu.Transliterator.createInstance(rule)
    except Exception as exc:  # noqa: BLE001 - no Latin form then
        log.warning("transliterator %s unavailable: %s", rule, exc)
        return None


def _pinyin(name: str) -> str | None:
    from pypinyin import lazy_pinyin

    syllables = lazy_pinyin(name)
    if not syllables or not regex.fullmatch(r"\p{Han}{2,4}", name):
        return None
    surname, given = syllables[0], "".join(syllables[1:])
    return f"{surname.capitalize()} {given.capitalize()}".strip()


def romanised(name: str, language: Language | None) -> str | None:
    """A standard Latin form of ``name``, or ``None`` when the language has none configured."""
    rule = language.options.get("romanise") if language else None
    if not rule:
        return None
    if rule == "pinyin":
        return _pinyin(name)
    transliterator = _transliterator(rule)
    if transliterator is None:
        return None
    latin = str(transliterator.transliterate(name)).replace("ʹ", "").replace("ʺ", "")
    return latin if latin != name else None


def key_form(language: Language | None) -> Any:
    """How names are compared to group mentions of one person: by their nominative where the
    language inflects names, else as written."""
    if language is not None and language.options.get("morphology") == "pymorphy3":
        return nominative
    return None


def other_forms(name: str, aliases: set[str], language: Language | None) -> list[str]:
    """Aliases a reviewer needs besides the name as written: nominative, Latin forms."""
    forms = set(aliases)
    inflected = language is not None and language.options.get("morphology") == "pymorphy3"
    bases = {nominative(w) for w in [name, *aliases]} if inflected else {name, *aliases}
    forms |= bases
    for written in bases:
        latin = romanised(written, language)
        if latin:
            forms.add(latin)
    forms.discard(name)
    return sorted(forms)
