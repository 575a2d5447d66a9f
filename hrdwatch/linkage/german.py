"""Names in German spelling read as English spells them (German-language reports)."""

from __future__ import annotations

import re

# German spellings of Slavic and Arabic names, which English spells otherwise: sch and tsch for sh and
# ch, z for ts, an s between vowels for z, j for y, a final w for v (Nisar Kaschif is Nizar Kashif,
# Jurij Schewtschenko Yuriy Shevchenko, Ruslan Tagijew Ruslan Tagiyev). Read so only where a name shows German
# spelling (sch, a j after a consonant, a final -ew or -ow in a longer word): Jasmin, Zaki and
# Chow keep their letters.
_GERMAN_MARKS = re.compile(r"sch|[bcdfgklmnprstvwz]j|[a-z]{3}[eo]wa?\b", re.IGNORECASE)
_GERMAN_IN_ENGLISH = (
    (re.compile("tsch"), "ch"),
    (re.compile("sch"), "sh"),
    (re.compile("z"), "ts"),
    (re.compile("(?<=[aeiouy])s(?=[aeiouy])"), "z"),
    (re.compile("j"), "y"),
    (re.compile(r"w(?=a?\b)"), "v"),
)


def german_in_english(text: str) -> str | None:
    """A Latin name in German spelling as English spells it, or None if it shows no German spelling."""
    if not _GERMAN_MARKS.search(text):
        return None
    english = text.lower()
    for pattern, replacement in _GERMAN_IN_ENGLISH:
        english = pattern.sub(replacement, english)
    return english
