"""docs/architecture.md describes the same layers as the import-linter contract that
scripts/test.sh checks with `lint-imports`."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def contract_layers() -> list[set[str]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    layers = next(c for c in contracts if c["type"] == "layers")["layers"]
    return [
        {name.strip().removeprefix("hrdwatch.") for name in re.split(r"[|:]", layer)}
        for layer in reversed(layers)
    ]


def documented_layers() -> list[set[str]]:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = text.split("\n## Layers\n", 1)[1].split("\n## ", 1)[0]
    items = re.findall(r"^\d+\. (.*)$", section, flags=re.M)
    return [set(re.findall(r"`(\w+)`", item.split(":", 1)[0])) for item in items]


def test_the_architecture_document_lists_the_contract_layers_bottom_up():
    assert documented_layers() == contract_layers()


def test_every_package_of_hrdwatch_is_in_a_layer():
    listed = set().union(*contract_layers())
    packages = {
        path.stem if path.is_file() else path.name
        for path in (ROOT / "hrdwatch").iterdir()
        if (path.suffix == ".py" and path.stem != "__init__") or (path / "__init__.py").is_file()
    }
    assert packages - listed == set()
