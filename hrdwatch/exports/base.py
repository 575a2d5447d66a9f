"""One exporter per format behind one base class, found by format name in a registry."""

from __future__ import annotations

import importlib
from typing import Any, BinaryIO, ClassVar

from hrdwatch.audit.log import record
from hrdwatch.records.visibility import Viewer

# Modules that define exporters; each registers its classes when imported.
FORMAT_MODULES = ["hrdwatch.exports.formats", "hrdwatch.exports.ftm"]
EXPORTERS: dict[str, type[Exporter]] = {}


class Exporter:
    """Writes what ``viewer`` may see to a binary stream; returns how many records it wrote."""

    format: ClassVar[str]
    extension: ClassVar[str]
    content_type: ClassVar[str] = "application/octet-stream"

    def write(self, viewer: Viewer, output: BinaryIO) -> int:
        raise NotImplementedError


def register(cls: type[Exporter]) -> type[Exporter]:
    """Class decorator adding an exporter to the registry under its ``format``."""
    EXPORTERS[cls.format] = cls
    return cls


def exporters() -> dict[str, type[Exporter]]:
    """Every registered exporter (imports the format modules on first use)."""
    for module in FORMAT_MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
    return EXPORTERS


def audit_export(
    actor: Any, viewer: Viewer, fmt: str, records: int, what: str = "record", obj: Any = None
) -> None:
    """Write the ``export`` audit entry for anything beyond the public level (partner-only and
    restricted data leaving the system); a public export discloses nothing and is not logged."""
    if viewer.is_public:
        return
    scope: Any = "all" if viewer.all_organisations else sorted(viewer.organisations)
    record(
        actor,
        "export",
        obj,
        details={
            "what": what,
            "visibility": str(viewer.level),
            "format": fmt,
            "records": records,
            "organisations": scope,
        },
    )
