"""Country names in every language with a file: CLDR's names (Babel) and the file's own ``places``
(capitals, adjectives, everyday short forms), found the way each script writes them.

- Latin script: whole words, looked up by ``places.find_country_mentions`` with the others.
- Cyrillic: names are inflected ("в России", "Беларуси"), so a word also matches a name's stem; an
  entry ending in ``*`` in a file is a stem ("российск*": российские, российских ...).
- Arabic: the clitics و ف ب ل joined to a name are taken off ("بمصر", "والسعودية").
- Han: names are found inside the text, longest first (no spaces between words).
A country next to an institution word of the language ("власти", "السلطات", "当局") weighs most.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex
from babel import Locale

from hrdwatch.extraction.rules.lexicon import languages

_LOCALES = {"zh": ("zh", "zh_Hant")}
_CYRILLIC = regex.compile(r"\p{Cyrillic}")
_ARABIC_WORD = regex.compile(r"[\p{Arabic}\p{M}]+")
_CYRILLIC_WORD = regex.compile(r"\p{Cyrillic}[\p{Cyrillic}-]*")
_ENDINGS = "аяоеиыьйуюё"


@dataclass(frozen=True)
class Tables:
    latin: dict[str, str]
    cyrillic_words: dict[str, str]
    cyrillic_stems: dict[str, str]
    cyrillic_phrases: dict[str, str]
    arabic: dict[str, str]
    han: regex.Pattern[str] | None
    han_codes: dict[str, str]
    institutions: regex.Pattern[str]


def _names_of(code: str) -> dict[str, str]:
    """CLDR's country names in the language; only names of two words or more where one-word
    names are also common words or given names (Vietnamese "Anh", "Đức", "Nga")."""
    multiword = languages()[code].options.get("country_names") == "multiword"
    names: dict[str, str] = {}
    for locale in _LOCALES.get(code, (code,)):
        territories = _territories(locale)
        for alpha2, name in territories.items():
            if (
                len(alpha2) == 2
                and alpha2.isalpha()
                and alpha2 not in {"EU", "EZ", "UN", "QO", "XA", "XB"}
            ):
                short = name.split(" (")[0].split(",")[0].strip()
                if not multiword or " " in short:
                    names[short] = alpha2
    return names


def _territories(locale: str) -> dict[str, str]:
    """CLDR's territory names in ``locale``; none for a language Babel lacks (its file's
    ``places`` then carry the names)."""
    try:
        return dict(Locale.parse(locale).territories)
    except (ValueError, LookupError):
        return {}


def _file_places() -> dict[str, str]:
    table: dict[str, str] = {}
    for language in languages().values():
        for entry in language.get("places"):
            name, _, alpha2 = entry.rpartition("=")
            if name and len(alpha2.strip()) == 2:
                table[name.strip()] = alpha2.strip().upper()
    return table


@cache
def tables() -> Tables:
    """Every name, sorted into the table of its script."""
    merged: dict[str, str] = {}
    for code in languages():
        merged.update(_names_of(code))
    merged.update(_file_places())
    latin: dict[str, str] = {}
    cyr_words: dict[str, str] = {}
    cyr_stems: dict[str, str] = {}
    cyr_phrases: dict[str, str] = {}
    arabic: dict[str, str] = {}
    han: dict[str, str] = {}
    for name, code in merged.items():
        if regex.search(r"\p{Han}", name):
            han[name] = code
        elif _ARABIC_WORD.search(name):
            arabic[name] = code
        elif _CYRILLIC.search(name):
            _add_cyrillic(name, code, cyr_words, cyr_stems, cyr_phrases)
        else:
            latin[name] = code
    han_pattern = (
        regex.compile("|".join(map(regex.escape, sorted(han, key=len, reverse=True))))
        if han
        else None
    )
    institutions = (
        "|".join(w for lang in languages().values() for w in lang.get("institutions")) or "(?!)"
    )
    return Tables(
        latin,
        cyr_words,
        cyr_stems,
        cyr_phrases,
        arabic,
        han_pattern,
        han,
        regex.compile(f"(?i:{institutions})"),
    )


def _add_cyrillic(
    name: str, code: str, words: dict[str, str], stems: dict[str, str], phrases: dict[str, str]
) -> None:
    if name.endswith("*"):
        stems[name[:-1].casefold()] = code
    elif " " in name:
        phrases[name.casefold()] = code
    else:
        words[name.casefold()] = code
        stem = name.casefold().rstrip(_ENDINGS)
        if len(stem) >= 4:
            stems[stem] = code


def _cyrillic_code(word: str, t: Tables) -> str | None:
    low = word.casefold()
    if low in t.cyrillic_words:
        return t.cyrillic_words[low]
    for cut in range(0, 4):
        stem = low[: len(low) - cut] if cut else low
        if len(stem) >= 4 and stem in t.cyrillic_stems:
            return t.cyrillic_stems[stem]
    for size in range(min(len(low), 16), 5, -1):
        if low[:size] in t.cyrillic_stems and len(low) - size <= 4:
            return t.cyrillic_stems[low[:size]]
    return None


def _arabic_code(word: str, t: Tables) -> str | None:
    if word in t.arabic:
        return t.arabic[word]
    if word.startswith("لل") and "ال" + word[2:] in t.arabic:
        return t.arabic["ال" + word[2:]]
    for prefix in ("و", "ف", "ب", "ل", "وب", "ول", "وال"):
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 3:
            if rest in t.arabic:
                return t.arabic[rest]
            if prefix.endswith("ال") and "ال" + rest in t.arabic:
                return t.arabic["ال" + rest]
    return None


def other_script_places(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, country, next to an institution) for names in Cyrillic, Arabic and Han."""
    t = tables()
    found: list[tuple[int, int, str]] = []
    for match in _CYRILLIC_WORD.finditer(text):
        code = _cyrillic_code(match.group(), t)
        if code:
            found.append((match.start(), match.end(), code))
    for phrase, code in t.cyrillic_phrases.items():
        for match in regex.finditer(regex.escape(phrase), text, regex.I):
            found.append((match.start(), match.end(), code))
    for match in _ARABIC_WORD.finditer(text):
        code = _arabic_code(match.group(), t)
        if code:
            found.append((match.start(), match.end(), code))
    if t.han is not None and regex.search(r"\p{Han}", text):
        for match in t.han.finditer(text):
            found.append((match.start(), match.end(), t.han_codes[match.group()]))
    return [
        (s, e, code, bool(t.institutions.search(text, max(0, s - 25), min(len(text), e + 25))))
        for s, e, code in found
    ]
