"""Running the ingestion CLI from tests as a user would, and reading its JSON output."""

from __future__ import annotations

import json
from io import StringIO

from django.core.management import call_command


def run(*args: str) -> str:
    """One ``hrdwatch`` command's standard output."""
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def listed() -> list[dict]:
    """``hrdwatch documents list --json``, one dict a document."""
    return [json.loads(line) for line in run("documents", "list", "--json").splitlines()]
