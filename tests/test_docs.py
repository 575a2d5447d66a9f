"""Docs that cannot drift: every model field is in docs/data-model.md, every setting in docs/deploy.md,
every command in the README's command list and, with its --help, in docs/cli.md."""

from __future__ import annotations

import re
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTED_APPS = ["vocab", "partners", "records"]


def documented_models():
    return [
        model
        for label in DOCUMENTED_APPS
        for model in apps.get_app_config(label).get_models()
        if not model.__name__.startswith("Historical")
    ]


def test_every_model_field_has_help_text():
    missing = [
        f"{model.__name__}.{field.name}"
        for model in documented_models()
        for field in model._meta.get_fields()
        if getattr(field, "concrete", False) and not field.auto_created and not field.help_text
    ]
    assert missing == []


def test_every_model_and_field_is_described_in_the_data_model_document():
    text = (ROOT / "docs" / "data-model.md").read_text(encoding="utf-8")
    sections = dict(re.findall(r"^### (\w+)\n(.*?)(?=^### |\Z)", text, flags=re.S | re.M))
    missing = []
    for model in documented_models():
        section = sections.get(model.__name__)
        if section is None:
            missing.append(model.__name__)
            continue
        for field in model._meta.get_fields():
            if (
                getattr(field, "concrete", False)
                and not field.auto_created
                and f"`{field.name}`" not in section
            ):
                missing.append(f"{model.__name__}.{field.name}")
    assert missing == []


def test_every_environment_setting_is_documented_for_deployment():
    base = (ROOT / "hrdwatch" / "project" / "settings" / "base.py").read_text(encoding="utf-8")
    used = set(re.findall(r'os\.environ\.get\("([A-Z_]+)"', base)) | set(
        re.findall(r'env_bool\("([A-Z_]+)"', base)
    )
    deploy = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    assert sorted(name for name in used if f"`{name}`" not in deploy) == []


def test_every_import_column_is_documented():
    from hrdwatch.exports.tabular import COLUMN_NAMES

    text = (ROOT / "docs" / "import-export.md").read_text(encoding="utf-8")
    assert [c for c in COLUMN_NAMES if f"| `{c}` |" not in text] == []


def test_the_import_column_reference_is_generated_from_the_registry():
    from hrdwatch.exports.docgen import START, rewrite

    text = (ROOT / "docs" / "import-export.md").read_text(encoding="utf-8")
    assert START in text
    assert rewrite(text) == text, "run: .venv/bin/python scripts/import_export_doc.py"


def test_the_cli_reference_is_generated_from_the_code():
    from hrdwatch.clidoc import reference

    documented = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert documented == reference(), "docs/cli.md is stale: run python scripts/cli_reference.py"


def test_every_command_is_in_the_readme_table():
    from hrdwatch.clidoc import own_command_names

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name, _ in own_command_names() if f"`hrdwatch {name}" not in readme]
    assert missing == []
