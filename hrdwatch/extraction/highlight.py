"""Evidence spans shown in the document's text, so a reviewer sees what supports each field."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe


def merge_spans(spans: Iterable[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Spans clipped to the text, sorted, with overlapping ones joined."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted((max(0, s), min(length, e)) for s, e in spans):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight_spans(text: str, spans: Iterable[tuple[int, int]]) -> SafeString:
    """``text`` escaped for HTML with every evidence span wrapped in ``<mark>``."""
    pieces: list[tuple[str, str]] = []
    cursor = 0
    for start, end in merge_spans(spans, len(text)):
        pieces.append(("{}", text[cursor:start]))
        pieces.append(("<mark>{}</mark>", text[start:end]))
        cursor = end
    pieces.append(("{}", text[cursor:]))
    return mark_safe("".join(format_html(template, piece) for template, piece in pieces))  # noqa: S308


def candidate_spans(machine: dict[str, Any]) -> list[tuple[int, int]]:
    """Every evidence span of a stored candidate's events."""
    spans: list[tuple[int, int]] = []
    for event in machine.get("events") or []:
        for start, end in event.get("evidence") or []:
            spans.append((int(start), int(end)))
    return spans
