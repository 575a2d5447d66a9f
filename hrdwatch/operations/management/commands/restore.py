"""hrdwatch restore FILE: load a backup into an empty instance, or refuse and change nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hrdwatch.operations.backup import BackupError, restore_backup

from ._passphrase import add_passphrase_argument, read_passphrase


class Command(BaseCommand):
    help = (
        "Restore a backup made by 'hrdwatch backup' into an empty, migrated instance.\n\n"
        "Everything is checked first (passphrase, checksums, an empty target); a damaged or "
        "wrongly decrypted backup is refused and nothing is changed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="The backup file.")
        add_passphrase_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = restore_backup(options["file"], read_passphrase(options["passphrase_file"]))
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Restored {report.objects} database objects and {report.files} files "
            f"from a backup made at {report.created_at}."
        )
