"""Write the field reference of docs/data-model.md from the models' own help_text.

Run: .venv/bin/python scripts/data_model_doc.py > /tmp/fields.md and paste it below the prose of
docs/data-model.md; tests/test_docs.py fails when a model or field is missing from the document.
"""

from __future__ import annotations

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrdwatch.project.settings.test")
django.setup()

import sys  # noqa: E402

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent))
from tests.test_docs import documented_models  # noqa: E402


def main() -> None:
    for model in documented_models():
        print(f"### {model.__name__}\n")
        print(f"{(model.__doc__ or '').strip()}\n")
        print("| field | type | meaning |")
        print("| --- | --- | --- |")
        for field in model._meta.get_fields():
            if not getattr(field, "concrete", False) or field.auto_created:
                continue
            kind = field.get_internal_type()
            if field.is_relation and field.related_model is not None:
                kind = f"{kind} → {field.related_model.__name__}"
            print(f"| `{field.name}` | {kind} | {field.help_text} |")
        print()


if __name__ == "__main__":
    main()
