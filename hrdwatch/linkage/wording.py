"""Reasons in words a reviewer reads in their own language.

The model's reasons ("same name in pinyin", "arrest dates 120 days apart") are kept as a message
and its values, not as finished English: they are stored that way with a proposal or a probable
match and translated when a page shows them. Printed (the command line, logs, tests) they are
English.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext


def gettext_noop(message: str) -> str:
    """Mark a message for translation (``makemessages`` looks for this name) without asking
    Django's settings: the linkage engine also runs outside Django (the benchmarks)."""
    return message


@dataclass(frozen=True)
class Words:
    """A message id (marked with ``gettext_noop`` where it is written), its values and an
    optional qualifier that is a message of its own (" in pinyin")."""

    message: str
    values: tuple[tuple[str, str | int], ...] = ()
    qualifier: str = ""

    def render(self, translate: Callable[[str], str] = str) -> str:
        text = translate(self.message)
        if self.values:
            text = text % dict(self.values)
        return text + (translate(self.qualifier) if self.qualifier else "")

    def __str__(self) -> str:
        return self.render()

    def stored(self) -> list[Any]:
        """The JSON form kept with a proposal or a match (see ``shown``)."""
        return [self.message, dict(self.values), self.qualifier]


def words(message: str, qualifier: str = "", **values: str | int) -> Words:
    return Words(message, tuple(sorted(values.items())), qualifier)


def shown(stored: Any) -> str:
    """A stored reason in the active language; one stored as plain text (before reasons were
    kept as messages) is shown as it was written."""
    if isinstance(stored, list) and len(stored) == 3 and isinstance(stored[1], dict):
        message, values, qualifier = stored
        return Words(str(message), tuple(values.items()), str(qualifier)).render(gettext)
    return str(stored)
