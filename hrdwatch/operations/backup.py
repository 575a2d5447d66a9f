"""Backups: the database content and the archived documents in one file, optionally encrypted.

The file is a gzip'd tar holding ``manifest.json`` (format, counts, SHA-256 of every member),
``database.json`` (Django's serializer with natural keys, so it loads into SQLite or
PostgreSQL alike) and ``files/`` (the data directory's ``archive/`` and ``media/``). With a
passphrase the whole tar is encrypted with Fernet (AES-128-CBC + HMAC-SHA256, from the
``cryptography`` package) under a key derived by scrypt from the passphrase and a random salt.

Restoring checks everything before touching anything: decryption (the HMAC refuses a wrong
passphrase or a damaged file), the tar structure, every checksum, that member paths stay inside
the data directory, and that the target instance is empty. Then the database is loaded in one
transaction and the files are moved into place only once it has committed.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.utils import timezone

from hrdwatch.records.guard import writes_allowed

FORMAT = "hrdwatch-backup/1"
ENCRYPTED_MAGIC = b"HRDWATCH-BACKUP-ENCRYPTED-1\n"
SALT_BYTES = 16
# Tables that describe the installation rather than its content, rebuilt by migrate.
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "axes",
    "django_tasks_database",
    "admin.logentry",
]
FILE_DIRS = ["archive", "media"]
# Rows whose presence means the instance is not empty (restore never merges).
CONTENT_MODELS = [
    "auth.User",
    "partners.Organisation",
    "records.Defender",
    "records.Case",
    "records.Source",
    "audit.AuditEntry",
]


class BackupError(Exception):
    """A backup that cannot be written or restored; the message says why, for the operator."""


@dataclass(frozen=True)
class RestoreReport:
    objects: int
    files: int
    created_at: str


# -- encryption ----------------------------------------------------------------------------
def _fernet(passphrase: str, salt: bytes) -> Fernet:
    kdf = Scrypt(salt=salt, length=32, n=2**15, r=8, p=1)
    return Fernet(base64.urlsafe_b64encode(kdf.derive(passphrase.encode("utf-8"))))


def encrypt(data: bytes, passphrase: str) -> bytes:
    salt = os.urandom(SALT_BYTES)
    return ENCRYPTED_MAGIC + salt + _fernet(passphrase, salt).encrypt(data)


def decrypt(blob: bytes, passphrase: str | None) -> bytes:
    if not passphrase:
        raise BackupError(
            "This backup is encrypted: give its passphrase "
            "(--passphrase-file or HRDWATCH_BACKUP_PASSPHRASE)."
        )
    body = blob[len(ENCRYPTED_MAGIC) :]
    salt, token = body[:SALT_BYTES], body[SALT_BYTES:]
    try:
        return _fernet(passphrase, salt).decrypt(token)
    except InvalidToken:
        raise BackupError(
            "Wrong passphrase, or the backup file is damaged: nothing was restored."
        ) from None


# -- writing -------------------------------------------------------------------------------
def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _data_files() -> Iterator[tuple[str, Path]]:
    """(name inside the backup, path on disk) of every archived document and media file."""
    data_dir = Path(settings.DATA_DIR)
    for sub in FILE_DIRS:
        root = data_dir / sub
        if not root.is_dir():
            continue
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            yield "files/" + path.relative_to(data_dir).as_posix(), path


def _installed(label: str) -> bool:
    app_label = label.split(".")[0]
    return any(config.label == app_label for config in apps.get_app_configs())


def dump_database() -> bytes:
    buffer = io.StringIO()
    installed = [label for label in EXCLUDED if _installed(label)]
    call_command(
        "dumpdata",
        exclude=installed,
        natural_foreign=True,
        natural_primary=False,
        indent=None,
        stdout=buffer,
        verbosity=0,
        format="precise-json",
    )
    return buffer.getvalue().encode("utf-8")


def write_backup(target: Path, passphrase: str | None = None) -> dict[str, object]:
    """Write a backup to ``target`` (atomically: a temporary file renamed at the end)."""
    database = dump_database()
    members: dict[str, str] = {"database.json": _sha256(database)}
    files = list(_data_files())
    for name, path in files:
        members[name] = _sha256(path.read_bytes())
    manifest = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "database_vendor": connections[DEFAULT_DB_ALIAS].vendor,
        "objects": len(json.loads(database)),
        "members": members,
    }
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w:gz") as tar:
        _add_bytes(tar, "manifest.json", json.dumps(manifest, indent=1).encode())
        _add_bytes(tar, "database.json", database)
        for name, path in files:
            tar.add(path, arcname=name, recursive=False)
    blob = raw.getvalue()
    if passphrase:
        blob = encrypt(blob, passphrase)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=target.parent, delete=False, prefix=".backup-") as tmp:
        tmp.write(blob)
    os.replace(tmp.name, target)
    return manifest


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    tar.addfile(info, io.BytesIO(data))


# -- reading and checking ------------------------------------------------------------------
def _safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return (
        not path.is_absolute()
        and ".." not in path.parts
        and (
            name in {"manifest.json", "database.json"}
            or (len(path.parts) > 2 and path.parts[0] == "files" and path.parts[1] in FILE_DIRS)
        )
    )


def read_backup(source: Path, passphrase: str | None) -> tuple[dict, dict[str, bytes]]:
    """Open, decrypt and verify a backup; returns (manifest, {member name: bytes})."""
    try:
        blob = source.read_bytes()
    except OSError as error:
        raise BackupError(f"Cannot read {source}: {error.strerror}.") from None
    if blob.startswith(ENCRYPTED_MAGIC):
        blob = decrypt(blob, passphrase)
    contents: dict[str, bytes] = {}
    try:
        # Decompress it all first, so gzip's own checksum covers the whole file.
        with tarfile.open(fileobj=io.BytesIO(gzip.decompress(blob)), mode="r:") as tar:
            for info in tar:
                if not info.isfile() or not _safe_name(info.name) or info.name in contents:
                    raise BackupError(f"Unexpected entry {info.name!r} in the backup: refused.")
                extracted = tar.extractfile(info)
                contents[info.name] = extracted.read() if extracted else b""
    except (tarfile.TarError, EOFError, OSError, ValueError, zlib.error) as error:
        raise BackupError(
            f"The backup file is damaged or not a backup ({error}): nothing was restored."
        ) from None
    try:
        manifest = json.loads(contents.pop("manifest.json"))
    except (KeyError, ValueError):
        raise BackupError("The backup has no readable manifest: nothing was restored.") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    expected = manifest.get("members", {})
    if set(expected) != set(contents):
        raise BackupError(
            "The backup is damaged: its contents do not match its manifest; nothing was restored."
        )
    for name, digest in expected.items():
        if _sha256(contents[name]) != digest:
            raise BackupError(
                f"Checksum mismatch for {name}: the backup is damaged; nothing was restored."
            )
    return manifest, contents


def _instance_is_empty() -> list[str]:
    """Labels of content models that already hold rows (empty list: safe to restore)."""
    return [
        label
        for label in CONTENT_MODELS
        if apps.get_model(label)._default_manager.using(DEFAULT_DB_ALIAS).exists()
    ]


def restore_backup(source: Path, passphrase: str | None = None) -> RestoreReport:
    """Restore into an empty, migrated instance; refuses (changing nothing) on any problem."""
    manifest, contents = read_backup(source, passphrase)
    occupied = _instance_is_empty()
    if occupied:
        raise BackupError(
            "The target instance already holds data ("
            + ", ".join(occupied)
            + "): restore only into an empty, freshly migrated instance."
        )
    data_dir = Path(settings.DATA_DIR)
    clashes = [d for d in FILE_DIRS if any(p.is_file() for p in (data_dir / d).rglob("*"))]
    if clashes:
        raise BackupError(f"The data directory already holds files in {', '.join(clashes)}.")
    data_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=data_dir, prefix=".restore-"))
    try:
        with transaction.atomic():
            _load_database(contents.pop("database.json"))
            for name, data in contents.items():
                path = staging / PurePosixPath(name).relative_to("files")
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
        for sub in FILE_DIRS:
            if (staging / sub).is_dir():
                shutil.rmtree(data_dir / sub, ignore_errors=True)
                os.replace(staging / sub, data_dir / sub)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return RestoreReport(
        objects=int(manifest["objects"]),
        files=len(contents),
        created_at=str(manifest["created_at"]),
    )


@contextmanager
def _fixture_file(data: bytes) -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="hrdwatch-restore-"))
    try:
        path = folder / "database.json"
        path.write_bytes(data)
        yield path
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _load_database(data: bytes) -> None:
    """Replace the default vocabulary installed by migrate with the backup's, then load all."""
    from hrdwatch.vocab.models import Term

    # A raw DELETE: deleting through the ORM would write history rows the backup does not have.
    connection = connections[DEFAULT_DB_ALIAS]
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {connection.ops.quote_name(Term._meta.db_table)}")  # noqa: S608
    # The one write outside the action layer: a byte-for-byte restore of a verified backup.
    with _fixture_file(data) as path, writes_allowed("restore of a verified backup"):
        call_command("loaddata", str(path), verbosity=0)
