"""A small document model shared by dossiers and briefs, rendered to both DOCX and PDF.

Builders (``wgad.py``, ``sanctions.py``, ``briefs.py``) fill a ``Document`` from the record;
``render.py`` writes it. Keeping the content apart from the format means the DOCX a partner edits
and the PDF they circulate always say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hrdwatch.records.models import Source


@dataclass
class Paragraph:
    text: str
    citations: list[int] = field(default_factory=list)
    placeholder: bool = False  # a prompt for the human who completes the draft


@dataclass
class FieldRow:
    """A questionnaire item: its label, the answer and the sources that support it."""

    label: str
    value: str
    citations: list[int] = field(default_factory=list)
    placeholder: bool = False


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]
    caption: str = ""


@dataclass
class Chart:
    """A chart as SVG (for PDF) and PNG (for DOCX), with its caption."""

    svg: str
    png: bytes
    caption: str


Block = Paragraph | FieldRow | Table | Chart


@dataclass
class Section:
    heading: str
    blocks: list[Block] = field(default_factory=list)

    def add(self, block: Block) -> Section:
        self.blocks.append(block)
        return self

    @property
    def has_content_from_record(self) -> bool:
        """True when at least one item is filled from the record rather than left for a human."""
        return any(not getattr(b, "placeholder", False) for b in self.blocks)


@dataclass
class Citation:
    number: int
    text: str
    url: str


@dataclass
class Document:
    title: str
    language: str
    subtitle: str = ""
    banner: str = ""  # e.g. "DRAFT — to be completed and checked before submission"
    sections: list[Section] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    sources_heading: str = "Sources"
    meta: dict[str, Any] = field(default_factory=dict)
    _by_source: dict[int, int] = field(default_factory=dict, repr=False)

    def section(self, heading: str) -> Section:
        new = Section(heading)
        self.sections.append(new)
        return new

    def cite(self, source: Source) -> int:
        """The footnote number for a source, adding it on first use."""
        if source.pk not in self._by_source:
            number = len(self.citations) + 1
            parts = [
                source.title,
                source.publisher,
                source.published.isoformat() if source.published else "",
            ]
            self.citations.append(Citation(number, ", ".join(p for p in parts if p), source.url))
            self._by_source[source.pk] = number
        return self._by_source[source.pk]

    def plain_text(self) -> str:
        """Everything the document says, for tests and search."""
        lines = [self.title, self.subtitle, self.banner]
        for section in self.sections:
            lines.append(section.heading)
            for block in section.blocks:
                if isinstance(block, Paragraph):
                    lines.append(block.text)
                elif isinstance(block, FieldRow):
                    lines.append(f"{block.label}: {block.value}")
                elif isinstance(block, Table):
                    lines += [" | ".join(row) for row in [block.headers, *block.rows]]
                else:
                    lines.append(block.caption)
        lines += [f"[{c.number}] {c.text} {c.url}" for c in self.citations]
        return "\n".join(line for line in lines if line)
