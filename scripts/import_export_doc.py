"""Rewrite the column reference of docs/import-export.md from the column registry.

Run `.venv/bin/python scripts/import_export_doc.py` after changing ``spec.TABLE_COLUMNS``.
"""

from __future__ import annotations

from pathlib import Path

from hrdwatch.exports.docgen import rewrite

DOC = Path(__file__).resolve().parent.parent / "docs" / "import-export.md"

if __name__ == "__main__":
    DOC.write_text(rewrite(DOC.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"rewrote {DOC}")
