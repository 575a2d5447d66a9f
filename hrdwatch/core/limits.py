"""Checks made before a parser sees untrusted bytes: zip expansion and nesting depth.

DOCX and XLSX files are zip archives: a file of a few hundred kilobytes can expand to gigabytes
when a library unpacks it. ``check_zip`` reads only the archive's central directory, so the
refusal is immediate, and the sizes it checks are binding (Python's ``zipfile`` never returns
more than a member's declared size). ``check_json_depth`` refuses deeply nested JSON before
``json`` recurses into it (100,000 levels end in ``RecursionError``).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

MAX_JSON_DEPTH = 64
_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


class LimitExceeded(ValueError):
    """Input refused before parsing; the message says what limit it passes and where."""


def check_zip(data: bytes | Path, max_expanded: int, what: str) -> None:
    """Refuse an archive that would expand past ``max_expanded`` bytes, or is not a zip."""
    try:
        source = data if isinstance(data, Path) else io.BytesIO(data)
        with zipfile.ZipFile(source) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise LimitExceeded(f"{what} is not a readable zip archive ({exc})") from None
    expanded = sum(member.file_size for member in members)
    if expanded > max_expanded:
        packed = sum(member.compress_size for member in members)
        raise LimitExceeded(
            f"{what} would expand to {expanded:,} bytes from {packed:,} "
            f"(limit {max_expanded:,}): refused as a possible zip bomb"
        )
    if len(members) > 10_000:
        raise LimitExceeded(f"{what} holds {len(members):,} files (limit 10,000)")


def check_json_depth(text: str, limit: int = MAX_JSON_DEPTH) -> None:
    """Refuse JSON nested deeper than ``limit``, naming the line and column where it happens."""
    depth = 0
    for match in _JSON_TOKENS.finditer(text):
        mark = match.group()
        if mark in ("[", "{"):
            depth += 1
            if depth > limit:
                line = text.count("\n", 0, match.start()) + 1
                column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
                raise LimitExceeded(
                    f"line {line}, column {column}: nested more than {limit} levels deep "
                    "(an hrdwatch file nests a few levels; refused before reading)"
                )
        elif mark in ("]", "}"):
            depth -= 1
