"""Names in scripts without capital letters, and who among them a sentence shows persecuted.

Arabic (``names: cues``): a name is the run of words after a word that introduces a person (a role,
an honorific, an event word: "اعتقال الناشط ..."), up to a word that cannot be part of a name.
Chinese (``names: jieba``): jieba's person-name tag (nr), read on a simplified copy of the text so
that traditional text is tagged as well; the name is returned as written.

Word order and case marking differ from English, so the victim test here is proximity: an event
word in the same clause, the person neither speaking nor introduced by an office.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import regex

from hrdwatch.extraction.rules.events import WORD_END, WORD_START, Trigger
from hrdwatch.extraction.rules.lexicon import Language, languages
from hrdwatch.extraction.rules.people import Mention

_ARABIC_TOKEN = regex.compile(r"[\p{Arabic}\p{M}]+|[^\s\p{Arabic}]")
_CLITICS = frozenset("وفبل")
_CLITIC = regex.compile(r"^(?:[وفب]|لل(?=\p{Arabic}{2}))")
_MAX_NAME = 4
_MAX_LIST = 8


def _patterns(language: Language) -> dict[str, regex.Pattern[str]]:
    return _compiled(language.code)


@cache
def _compiled(code: str) -> dict[str, regex.Pattern[str]]:
    language = languages()[code]

    def words(*keys: str) -> regex.Pattern[str]:
        found = [p for key in keys for p in language.get(key)]
        found += [p for key in keys if key == "roles" for ps in language.roles.values() for p in ps]
        found += [
            p for key in keys if key == "triggers" for ps in language.triggers.values() for p in ps
        ]
        return regex.compile(
            WORD_START + "(?:" + "|".join(found or ["(?!)"]) + ")" + WORD_END, regex.I
        )

    return {
        "cue": words("roles", "honorifics"),
        "stop": words("name_stops", "triggers", "roles", "honorifics", "officials", "speech_after"),
        "official": words("officials"),
        "speaker_role": words("speaker_roles"),
        "speech_after": words("speech_after"),
        "speech_before": words("speech_before"),
    }


def _strip_clitic(token: str, exceptions: frozenset[str]) -> str:
    """The word without a joined و ف ب ل, with the Egyptian final ى read as ي (for cue words)."""
    if token in exceptions:
        return token
    token = token[:-1] + "ي" if token.endswith("ى") else token
    if token.startswith("لل"):
        return "ال" + token[2:]
    return _CLITIC.sub("", token) if len(token) > 3 else token


def find_cue_mentions(text: str, start: int, end: int, language: Language) -> list[Mention]:
    """Names that follow a role or an honorific in ``text[start:end]`` (Arabic)."""
    pattern = _patterns(language)
    exceptions = frozenset(language.get("conjunction_exceptions"))
    tokens = [(m.start(), m.end(), m.group()) for m in _ARABIC_TOKEN.finditer(text, start, end)]
    mentions: list[Mention] = []
    i = 0
    while i < len(tokens):
        after_cue = _after_cue(text, tokens, i, pattern["cue"], exceptions)
        if after_cue == i:
            i += 1
            continue
        i = after_cue
        for _ in range(_MAX_LIST):
            i = _after_cue(text, tokens, i, pattern["cue"], exceptions)  # "الناشط الحقوقي"
            run, i = _name_run(tokens, i, pattern["stop"], exceptions)
            if len(run) >= 2:
                mentions.append(Mention(run[0][0], run[-1][1], text[run[0][0] : run[-1][1]]))
            if i < len(tokens) and tokens[i][2] in {"،", ","}:
                i += 1
                continue
            if i < len(tokens) and tokens[i][2].startswith("و") and tokens[i][2] not in exceptions:
                continue
            break
    return mentions


def _after_cue(
    text: str,
    tokens: list[tuple[int, int, str]],
    i: int,
    cue: regex.Pattern[str],
    exceptions: frozenset[str],
) -> int:
    """The token after the role or honorific words (one or more, each possibly several words
    long: "السجين السابق") that start at token ``i``; ``i`` itself when none does."""
    while i < len(tokens):
        start, end, token = tokens[i]
        clitic = 1 if token[:1] in _CLITICS and token not in exceptions else 0
        match = cue.match(text, start) or (cue.match(text, start + 1) if clitic else None)
        if match is None and not cue.fullmatch(_strip_clitic(token, exceptions)):
            return i
        stop = match.end() if match is not None else end
        while i < len(tokens) and tokens[i][0] < stop:
            i += 1
    return i


def _name_run(
    tokens: list[tuple[int, int, str]], i: int, stop: regex.Pattern[str], exceptions: frozenset[str]
) -> tuple[list[tuple[int, int, str]], int]:
    """Name words from token ``i``: a joined "و" starts the next name of a list."""
    run: list[tuple[int, int, str]] = []
    while i < len(tokens) and len(run) < _MAX_NAME:
        s, e, token = tokens[i]
        if not regex.fullmatch(r"[\p{Arabic}\p{M}]+", token):
            break
        if token.startswith("و") and token not in exceptions and len(token) > 3:
            if run:
                break
            s, token = s + 1, token[1:]
        if stop.fullmatch(token) or stop.fullmatch(_strip_clitic(token, exceptions)):
            break
        run.append((s, e, token))
        i += 1
    return run, i


@cache
def _jieba() -> tuple[Any, Any]:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    try:
        import opencc

        converter: Any = opencc.OpenCC("t2s")
    except Exception:  # noqa: BLE001 - simplified text is tagged as it is
        converter = None
    return jieba.posseg, converter


_HAN_NAME = regex.compile(r"\p{Han}{2,4}")


def find_han_mentions(text: str, start: int, end: int, language: Language) -> list[Mention]:
    """Person names jieba tags in ``text[start:end]`` (Chinese), as written."""
    posseg, converter = _jieba()
    original = text[start:end]
    simplified = converter.convert(original) if converter is not None else original
    if len(simplified) != len(original):
        simplified = original
    pattern = _patterns(language)
    surnames = frozenset(language.get("surnames"))
    mentions: list[Mention] = []
    cursor = 0
    for pair in posseg.cut(simplified):
        word, flag = pair.word, pair.flag
        position = cursor
        cursor += len(word)
        if not flag.startswith("nr") or not _HAN_NAME.fullmatch(word):
            continue
        if pattern["stop"].search(word) or (surnames and not {word[:1], word[:2]} & surnames):
            continue
        s = start + position
        mentions.append(Mention(s, s + len(word), text[s : s + len(word)]))
    return mentions


def mention_finder(language: Language) -> Callable[[str, int, int], list[Mention]] | None:
    """The finder for a script without capitals, or ``None`` for the capitalised-run finder."""
    if language.names == "cues":
        return lambda text, start, end: find_cue_mentions(text, start, end, language)
    if language.names == "jieba":
        return lambda text, start, end: find_han_mentions(text, start, end, language)
    return None


_CLAUSE_END = regex.compile(r"[。；;!?！？]|[，,]\s*(?=[^，,]{0,6}(?:但|而|并|並|且|然而|لكن))")


def near_trigger(
    text: str,
    mention: Mention,
    sentence: tuple[int, int],
    triggers: list[Trigger],
    language: Language,
    window: int = 80,
) -> str:
    """ "victim" when an event word is near in the same clause, "speaker" or "official" when the
    person speaks or holds an office, else ""."""
    pattern = _patterns(language)
    start, end = sentence
    before = text[max(start, mention.start - 12) : mention.start]
    after = text[mention.end : min(end, mention.end + 12)]
    if pattern["official"].search(before):
        return "official"
    if (
        pattern["speech_after"].match(after.lstrip(" ،,"))
        or pattern["speech_before"].search(before)
        or pattern["speaker_role"].search(before)
    ):
        return "speaker"
    for trigger in triggers:
        if not trigger.types:
            continue
        lo, hi = sorted((trigger.start, mention.start))
        if abs(trigger.start - mention.start) <= window and not _CLAUSE_END.search(text, lo, hi):
            return "victim"
    return ""
