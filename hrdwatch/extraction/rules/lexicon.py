"""What the rule extractor knows of each language, read from ``hrdwatch/extraction/languages/*.yaml``.

Each file holds one language's words: event triggers by type, roles, officials' titles, speech
verbs, honorifics, auxiliaries, month names where dateparser lacks them... (the keys are listed in
``docs/extraction.md``). A partner adds a language by adding a file; nothing in the code names a
language's words. The lists of every file are merged here into the patterns the rules use, so a
document that mixes languages (a French appeal quoting an English statement) is read with both.
Patterns are ``regex`` fragments matched case-insensitively on word boundaries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

LANGUAGE_DIR = Path(__file__).resolve().parent.parent / "languages"
EVENT_TYPES = (
    "arrest",
    "detention",
    "charge",
    "trial",
    "conviction",
    "sentence",
    "release",
    "enforced_disappearance",
    "torture",
    "forced_confession",
    "death_in_custody",
    "travel_ban",
    "harassment",
)
_LIST_KEYS = (
    "release_call",
    "officials",
    "speaker_roles",
    "speech_after",
    "speech_before",
    "not_person_after",
    "organisation_words",
    "office_words",
    "honorifics",
    "particles",
    "stop_words",
    "auxiliaries",
    "adverbs",
    "list_words",
    "gap_stops",
    "durations",
    "born_before",
    "born_after",
    "group_intro",
    "participles",
    "months",
    "weekdays",
    "possessors",
    "relatives",
    "singular_refs",
    "plural_refs",
    "ago",
    "last",
    "lead_words",
    "died",
    "received",
    "name_particles",
    "name_stops",
    "units_year",
    "units_month",
    "conjunction_exceptions",
    "places",
    "institutions",
    "surnames",
)
_OPTION_KEYS = ("morphology", "romanise", "verb_final", "case_suffix", "country_names")


class LanguageFileError(ValueError):
    """A language file cannot be read; the message names the file and the key."""


@dataclass(frozen=True)
class Language:
    """One language file, checked."""

    code: str
    name: str
    script: str = "latin"
    names: str = "capitals"
    lowercase_trim: bool = True
    triggers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    numbers: dict[str, float] = field(default_factory=dict)
    date_patterns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    options: dict[str, str] = field(default_factory=dict)

    def get(self, key: str) -> tuple[str, ...]:
        return self.words.get(key, ())


def _strings(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        raise LanguageFileError(f"{path.name}: '{key}' must be a list of words or patterns")
    return tuple(str(v) for v in value)


def _read(path: Path) -> Language:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(raw, dict) or "language" not in raw:
        raise LanguageFileError(f"{path.name}: needs a mapping with 'language: CODE'")
    triggers = raw.get("triggers") or {}
    unknown = set(triggers) - set(EVENT_TYPES)
    if unknown:
        raise LanguageFileError(
            f"{path.name}: unknown event type(s) {sorted(unknown)} under 'triggers'; "
            f"accepted: {', '.join(EVENT_TYPES)}"
        )
    return Language(
        code=str(raw["language"]),
        name=str(raw.get("name", raw["language"])),
        script=str(raw.get("script", "latin")),
        names=str(raw.get("names", "capitals")),
        lowercase_trim=bool(raw.get("lowercase_trim", True)),
        triggers={t: _strings(path, f"triggers.{t}", v) for t, v in triggers.items()},
        roles={r: _strings(path, f"roles.{r}", v) for r, v in (raw.get("roles") or {}).items()},
        words={k: _strings(path, k, raw.get(k)) for k in _LIST_KEYS if raw.get(k) is not None},
        numbers={str(k): float(v) for k, v in (raw.get("numbers") or {}).items()},
        date_patterns={
            kind: _strings(path, f"date_patterns.{kind}", v)
            for kind, v in (raw.get("date_patterns") or {}).items()
        },
        options={k: str(raw[k]) for k in _OPTION_KEYS if raw.get(k)},
    )


@cache
def languages() -> dict[str, Language]:
    """Every language file, English first (its patterns are tried first), then by code."""
    found = {lang.code: lang for lang in map(_read, sorted(LANGUAGE_DIR.glob("*.yaml")))}
    return dict(sorted(found.items(), key=lambda item: (item[0] != "en", item[0])))


def words(key: str) -> tuple[str, ...]:
    """One list merged over every language, first occurrence kept."""
    return tuple(dict.fromkeys(w for lang in languages().values() for w in lang.get(key)))


def language(code: str | None) -> Language | None:
    """The language file for ``code``, or ``None``."""
    return languages().get(code or "")


def alternation(key: str) -> str:
    """The merged list as one regex alternation (case-insensitive group)."""
    return "(?i:" + "|".join(words(key)) + ")"


def _triggers() -> dict[str, tuple[str, ...]]:
    merged: dict[str, list[str]] = {t: [] for t in EVENT_TYPES}
    for lang in languages().values():
        for event_type, patterns in lang.triggers.items():
            merged[event_type].extend(p for p in patterns if p not in merged[event_type])
    return {t: tuple(p) for t, p in merged.items() if p}


def _roles() -> dict[str, str]:
    """Pattern -> role code, one pattern per role per language."""
    table: dict[str, str] = {}
    for lang in languages().values():
        for role, patterns in lang.roles.items():
            table["|".join(patterns)] = role
    return table


def numbers() -> dict[str, float]:
    """Number words of every language ("three", "trois", "три" ...) to their value."""
    merged: dict[str, float] = {}
    for lang in languages().values():
        for word, value in lang.numbers.items():
            merged.setdefault(word, value)
    return merged


EVENT_TRIGGERS: dict[str, tuple[str, ...]] = _triggers()
RELEASE_CALL = "(?:" + "|".join(words("release_call")) + r")(?:\b|(?<=\p{Han}))[^.;。；]{0,60}$"
VICTIM_ROLES: dict[str, str] = _roles()
OFFICIAL_TITLES = "|".join(words("officials"))
SPEAKER_ROLES = "|".join(words("speaker_roles"))
SPEECH_AFTER = "|".join(words("speech_after"))
SPEECH_BEFORE = "|".join(words("speech_before"))
NOT_PERSON_AFTER = "|".join(words("not_person_after"))
ORGANISATION_WORDS = frozenset(w.casefold() for w in words("organisation_words"))
OFFICE_WORDS = frozenset(w.casefold() for w in words("office_words"))
HONORIFICS = tuple(w.casefold() for w in words("honorifics"))
NAME_PARTICLES = tuple(words("particles"))
STOP_WORDS = frozenset(w.casefold() for w in words("stop_words"))
