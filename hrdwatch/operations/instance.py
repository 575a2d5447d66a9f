"""An instance of one's own: what ``hrdwatch init`` creates and how other commands recognise it.

An instance made by ``hrdwatch init`` carries a marker file (``instance.json``) in its data folder
and a secret key file beside it (read by the settings when ``SECRET_KEY`` is not set). The demo
loader refuses an instance with the marker or with any record that is not demonstration data, so
fictional defenders never end up in a real database.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import DatabaseError
from django.utils import timezone

from hrdwatch.partners.models import Organisation
from hrdwatch.records.models import Case, Defender, Source

MARKER_NAME = "instance.json"
SECRET_KEY_NAME = "secret_key"  # noqa: S105 (a file name, not a key)


@dataclass
class DemoMarks:
    """What the demo loader counts as its own beside fictional records: the slugs of its
    organisations. ``hrdwatch.demo`` (a layer above) sets them in ``DemoConfig.ready``."""

    organisation_slugs: frozenset[str] = frozenset()


demo_marks = DemoMarks()


def marker_path() -> Path:
    return Path(settings.DATA_DIR) / MARKER_NAME


def is_initialised() -> bool:
    """Whether ``hrdwatch init`` made this instance."""
    return marker_path().is_file()


def write_marker(organisation: str, admin: str) -> None:
    """Record that this data folder is a real instance (never for demo data)."""
    data = {"created": timezone.now().isoformat(), "organisation": organisation, "admin": admin}
    marker_path().write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def ensure_secret_key(data_dir: Path) -> None:
    """Create the instance's secret key file once (mode 0600); never overwrite it."""
    path = data_dir / SECRET_KEY_NAME
    if path.exists():
        return
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(secrets.token_urlsafe(50))


def has_demo_data() -> bool:
    """Whether demo defenders are already in the database (soft-deleted ones included)."""
    return Defender.all_objects.filter(is_fictional=True).exists()


def real_records() -> list[str]:
    """What in the database is not demonstration data (empty for an empty or demo-only database)."""
    demo_slugs = sorted(demo_marks.organisation_slugs)
    found = []
    try:
        checks = [
            ("defenders", Defender.all_objects.filter(is_fictional=False).exists()),
            ("cases", Case.all_objects.filter(is_fictional=False).exists()),
            ("organisations", Organisation.objects.exclude(slug__in=demo_slugs).exists()),
            (
                "sources",
                Source.all_objects.exists()
                and not Defender.all_objects.filter(is_fictional=True).exists(),
            ),
            ("user accounts", get_user_model().objects.exclude(username="admin").exists()),
        ]
    except DatabaseError:  # not migrated yet: nothing stored
        return []
    for label, present in checks:
        if present:
            found.append(label)
    return found
