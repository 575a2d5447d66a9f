"""How backup and restore get a passphrase: a file (first line) or HRDWATCH_BACKUP_PASSPHRASE;
never a command-line argument, which other users could read from the process list."""

from __future__ import annotations

import os
from pathlib import Path

from django.core.management.base import CommandError, CommandParser

ENV_VAR = "HRDWATCH_BACKUP_PASSPHRASE"


def add_passphrase_argument(parser: CommandParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        help=f"File whose first line is the passphrase (else the {ENV_VAR} environment variable).",
    )


def read_passphrase(path: Path | None) -> str | None:
    if path is not None:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as error:
            raise CommandError(f"Cannot read the passphrase file: {error.strerror}.") from None
        if not lines or not lines[0].strip():
            raise CommandError("The passphrase file is empty.")
        return lines[0].strip()
    return os.environ.get(ENV_VAR) or None
