"""hrdwatch backup FILE: save the database and archived documents, optionally encrypted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from hrdwatch.operations.backup import write_backup

from ._passphrase import add_passphrase_argument, read_passphrase


class Command(BaseCommand):
    help = (
        "Back up the database and archived documents to FILE (encrypted with a passphrase).\n\n"
        "The passphrase comes from --passphrase-file or HRDWATCH_BACKUP_PASSPHRASE; without "
        "one the backup is not encrypted (it then holds password hashes and 2FA secrets in clear)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="Where to write the backup.")
        add_passphrase_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        passphrase = read_passphrase(options["passphrase_file"])
        manifest = write_backup(options["file"], passphrase)
        state = "encrypted" if passphrase else "NOT encrypted"
        self.stdout.write(
            f"Wrote {options['file']} ({state}): {manifest['objects']} database objects, "
            f"{len(manifest['members']) - 1} files."  # type: ignore[arg-type]
        )
        if not passphrase:
            self.stderr.write("Warning: the backup is not encrypted; keep it somewhere safe.")
