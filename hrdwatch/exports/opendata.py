"""A dated, versioned open-data release of the public record: files, data dictionary, licence.

Everything is written by the registered exporters with a public viewer, so the release holds
exactly what the public site shows. Each release gets its own folder
``hrdwatch-opendata-YYYY-MM-DD-vN`` (N counts releases made that day) with a manifest of file
sizes and SHA-256 digests, and ``latest.json`` beside it points at the newest one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.utils import timezone

from hrdwatch.records.visibility import Viewer

from . import spec
from .base import exporters
from .tabular import COLUMNS

LICENCE_ID = "CC-BY-4.0"
LICENCE_TEXT = """\
This release is licensed under the Creative Commons Attribution 4.0 International licence
(CC BY 4.0): https://creativecommons.org/licenses/by/4.0/legalcode

You may share and adapt it for any purpose, including commercially, provided you give
appropriate credit ("Source: hrdwatch open data, {site}, release {release}"), link to the
licence, and indicate if changes were made. The record documents real people at risk: do not
combine it with other data to identify or locate anyone whose details are withheld here.
"""
RELEASE_FORMATS = ("json", "csv", "xlsx", "ftm")

# The nested JSON format: each section, the model it comes from, and its fields.
JSON_SECTIONS: list[tuple[str, str, list[spec.Field]]] = [
    ("organisations", "partners.Organisation", spec.ORGANISATION),
    ("places", "records.PlaceOfDetention", spec.PLACE),
    ("perpetrators", "records.Perpetrator", spec.PERPETRATOR),
    ("sources", "records.Source", spec.SOURCE),
    ("defenders", "records.Defender", spec.DEFENDER),
    ("defenders[].names", "records.DefenderName", spec.NAME),
    ("defenders[].cases", "records.Case", spec.CASE),
    ("defenders[].cases[].events", "records.Event", spec.EVENT),
    ("defenders[].cases[].events[].charges", "records.Charge", spec.CHARGE),
    (
        "defenders[].cases[].events[].perpetrators",
        "records.EventPerpetrator",
        spec.EVENT_PERPETRATOR,
    ),
    ("...evidence", "records.Evidence", spec.EVIDENCE),
    ("defenders[].cases[].interventions", "records.Intervention", spec.INTERVENTION),
]


@dataclass(frozen=True)
class Release:
    folder: Path
    manifest: dict[str, Any]


def data_dictionary() -> dict[str, Any]:
    """Every field of every file, with its type and meaning (from the models' help_text)."""
    sections = []
    for path, label, fields in JSON_SECTIONS:
        model = apps.get_model(label)
        rows = (
            [{"name": "uid", "type": "text", "description": "Stable public identifier."}]
            if path != "organisations"
            else []
        )
        for field in fields:
            row = {
                "name": field.name,
                "type": field.kind.value,
                "description": str(model._meta.get_field(field.name).help_text),
            }
            if field.vocabulary:
                row["vocabulary"] = field.vocabulary
            rows.append(row)
        sections.append({"section": path, "fields": rows})
    return {
        "json": sections,
        "csv": [{"name": name, "description": meaning} for name, meaning in COLUMNS],
        "ftm": "FollowTheMoney entities, one JSON object per line: Person, PublicBody, Membership, "
        "CourtCase, CourtCaseParty, Event, Article, Documentation (https://followthemoney.tech).",
    }


def _dictionary_markdown(dictionary: dict[str, Any]) -> str:
    lines = ["# Data dictionary", "", "## hrdwatch.json (nested record)", ""]
    for section in dictionary["json"]:
        lines += [
            f"### {section['section']}",
            "",
            "| field | type | meaning |",
            "| --- | --- | --- |",
        ]
        for row in section["fields"]:
            kind = row["type"] + (f" ({row['vocabulary']})" if "vocabulary" in row else "")
            lines.append(f"| {row['name']} | {kind} | {row['description']} |")
        lines.append("")
    lines += [
        "## cases.csv and cases.xlsx (one row per case)",
        "",
        "| column | meaning |",
        "| --- | --- |",
    ]
    lines += [f"| {row['name']} | {row['description']} |" for row in dictionary["csv"]]
    lines += ["", "## entities.ftm.json", "", dictionary["ftm"], ""]
    return "\n".join(lines)


def _next_folder(directory: Path, day: dt.date) -> tuple[Path, int]:
    version = 1
    while (directory / f"hrdwatch-opendata-{day.isoformat()}-v{version}").exists():
        version += 1
    return directory / f"hrdwatch-opendata-{day.isoformat()}-v{version}", version


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            sha.update(block)
    return sha.hexdigest()


def write_release(directory: Path) -> Release:
    """Write a new public release under ``directory`` and return its folder and manifest."""
    directory.mkdir(parents=True, exist_ok=True)
    now = timezone.now()
    folder, version = _next_folder(directory, now.date())
    folder.mkdir()
    release_name = folder.name
    viewer = Viewer.public()
    registry = exporters()
    names = {
        "json": "hrdwatch.json",
        "csv": "cases.csv",
        "xlsx": "cases.xlsx",
        "ftm": "entities.ftm.json",
    }
    counts: dict[str, int] = {}
    for fmt in RELEASE_FORMATS:
        with (folder / names[fmt]).open("wb") as handle:
            counts[names[fmt]] = registry[fmt]().write(viewer, handle)
    dictionary = data_dictionary()
    (folder / "data-dictionary.json").write_text(
        json.dumps(dictionary, indent=1, ensure_ascii=False), "utf-8"
    )
    (folder / "DATA-DICTIONARY.md").write_text(_dictionary_markdown(dictionary), "utf-8")
    (folder / "LICENSE.txt").write_text(
        LICENCE_TEXT.format(site=getattr(settings, "SITE_URL", ""), release=release_name), "utf-8"
    )
    files = sorted(p for p in folder.iterdir() if p.is_file())
    manifest = {
        "name": release_name,
        "version": version,
        "date": now.date().isoformat(),
        "created_at": now.isoformat(timespec="seconds"),
        "format_version": spec.FORMAT_VERSION,
        "visibility": viewer.level,
        "licence": LICENCE_ID,
        "records_written": counts,
        "files": [{"name": p.name, "bytes": p.stat().st_size, "sha256": _digest(p)} for p in files],
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=1), "utf-8")
    (directory / "latest.json").write_text(json.dumps({"latest": release_name}), "utf-8")
    return Release(folder, manifest)
