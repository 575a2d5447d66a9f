"""Write docs/cli.md from the commands' own --help (run after adding or changing a command)."""

from __future__ import annotations

import os
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrdwatch.project.settings.test")
django.setup()

from hrdwatch.clidoc import reference  # noqa: E402

TARGET = Path(__file__).resolve().parent.parent / "docs" / "cli.md"

if __name__ == "__main__":
    TARGET.write_text(reference(), encoding="utf-8")
    print(f"wrote {TARGET}")
