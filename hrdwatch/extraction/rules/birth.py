"""Dates of birth are no event dates ("born in 1981", "sinh năm 1981", "1991年出生", "1985 doğumlu",
"1980 года рождения"): each language file lists the words written before (``born_before``) or
after (``born_after``) such a date."""

from __future__ import annotations

from functools import cache

import regex

from hrdwatch.extraction.rules.lexicon import words


@cache
def _patterns() -> tuple[regex.Pattern[str] | None, regex.Pattern[str] | None]:
    before, after = words("born_before"), words("born_after")
    return (
        regex.compile(rf"(?<![\p{{L}}])(?:{'|'.join(before)})[\s,:]*$", regex.I)
        if before
        else None,
        regex.compile(rf"[\s,]*(?:{'|'.join(after)})(?![\p{{L}}])", regex.I) if after else None,
    )


def is_birth_date(text: str, start: int, end: int) -> bool:
    """True when the date at ``text[start:end]`` is someone's date of birth."""
    before, after = _patterns()
    return bool(
        (before is not None and before.search(text, max(0, start - 30), start))
        or (after is not None and after.match(text, end, min(len(text), end + 30)))
    )
