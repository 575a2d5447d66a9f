"""Content-addressed archive: raw bytes stored once under ARCHIVE_DIR, named by their SHA-256.

Writes go to a temporary file in the same file system and are moved into place with an atomic
rename, so a worker killed mid-write never leaves a truncated file under a real hash name. There
is no fsync per file (it cost more than reading the document): the database row naming a file is
written only after the rename, and a file that a power cut left short or empty is noticed
(``intact``) and fetched and written again on the next run.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from django.conf import settings


def sha256_of(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def relative_path(sha256: str) -> str:
    """Where bytes with this hash live, relative to ARCHIVE_DIR (two-level fan-out)."""
    return f"{sha256[:2]}/{sha256[2:4]}/{sha256}"


def store(data: bytes) -> tuple[str, str]:
    """Archive ``data`` once; return (sha256, relative path). Existing files are left untouched."""
    digest = sha256_of(data)
    rel = relative_path(digest)
    target = Path(settings.ARCHIVE_DIR) / rel
    try:
        if target.stat().st_size == len(data):
            return digest, rel
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".partial-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return digest, rel


def intact(rel: str) -> bool:
    """Whether the archived file exists and still hashes to its name."""
    try:
        return bool(rel) and sha256_of(load(rel)) == Path(rel).name
    except OSError:
        return False


def load(rel: str) -> bytes:
    """Bytes of an archived file."""
    return (Path(settings.ARCHIVE_DIR) / rel).read_bytes()


def remove_partial_files() -> int:
    """Delete temporary files left by a killed writer; return how many were removed."""
    root = Path(settings.ARCHIVE_DIR)
    if not root.exists():
        return 0
    removed = 0
    for leftover in root.glob("*/*/.partial-*"):
        leftover.unlink(missing_ok=True)
        removed += 1
    return removed


def verify() -> list[str]:
    """Relative paths whose bytes no longer match their name (should always be empty)."""
    root = Path(settings.ARCHIVE_DIR)
    bad = []
    for path in root.glob("*/*/*"):
        if path.name.startswith(".partial-"):
            continue
        if sha256_of(path.read_bytes()) != path.name:
            bad.append(str(path.relative_to(root)))
    return bad
