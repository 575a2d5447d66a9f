"""Write a ``Document`` as DOCX (python-docx, for editing) or PDF (WeasyPrint, for circulating)."""

from __future__ import annotations

import base64
import io
from pathlib import Path

from django.template.loader import render_to_string
from docx import Document as DocxDocument
from docx.document import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Inches, Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph

from .model import Chart, Document, FieldRow, Paragraph, Section, Table

STYLESHEET = Path(__file__).resolve().parent.parent / "static" / "advocacy" / "document.css"
PLACEHOLDER_COLOUR = RGBColor(0xA0, 0x3C, 0x00)


def _refs(citations: list[int]) -> str:
    return "".join(f" [{n}]" for n in citations)


def _add_text(paragraph: DocxParagraph, text: str, placeholder: bool) -> None:
    """Text with its reference numbers; a placeholder (to be filled in by hand) stands out."""
    run = paragraph.add_run(text)
    if placeholder:
        run.italic = True
        run.font.color.rgb = PLACEHOLDER_COLOUR


def _add_table(out: WordDocument, block: Table) -> None:
    if block.caption:
        out.add_paragraph(block.caption).runs[0].bold = True
    grid = out.add_table(rows=1, cols=len(block.headers), style="Table Grid")
    for cell, text in zip(grid.rows[0].cells, block.headers, strict=True):
        cell.text = text
    for row in block.rows:
        for cell, text in zip(grid.add_row().cells, row, strict=True):
            cell.text = text


def _add_section(out: WordDocument, section: Section) -> None:
    """A heading, then its blocks; question/answer rows share one two-column table."""
    out.add_heading(section.heading, level=1)
    rows = [b for b in section.blocks if isinstance(b, FieldRow)]
    answers = out.add_table(rows=0, cols=2, style="Table Grid") if rows else None
    for block in section.blocks:
        if isinstance(block, FieldRow) and answers is not None:
            cells = answers.add_row().cells
            cells[0].text = block.label
            text = block.value + _refs(block.citations)
            _add_text(cells[1].paragraphs[0], text, block.placeholder)
        elif isinstance(block, Paragraph):
            text = block.text + _refs(block.citations)
            _add_text(out.add_paragraph(), text, block.placeholder)
        elif isinstance(block, Table):
            _add_table(out, block)
        elif isinstance(block, Chart):
            out.add_picture(io.BytesIO(block.png), width=Inches(6))
            out.add_paragraph(block.caption)


def to_docx(doc: Document) -> bytes:
    """An editable Word document: headings, question/answer tables, tables, charts, sources."""
    out = DocxDocument()
    out.styles["Normal"].font.name = "DejaVu Sans"
    out.styles["Normal"].font.size = Pt(10)
    if doc.banner:
        header = out.sections[0].header.paragraphs[0]
        header.text = doc.banner
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    out.add_heading(doc.title, level=0)
    if doc.subtitle:
        out.add_paragraph(doc.subtitle)
    if doc.banner:
        banner = out.add_paragraph().add_run(doc.banner)
        banner.bold = True
        banner.font.color.rgb = PLACEHOLDER_COLOUR
    for section in doc.sections:
        _add_section(out, section)
    if doc.citations:
        out.add_heading(doc.sources_heading, level=1)
        for citation in doc.citations:
            out.add_paragraph(f"[{citation.number}] {citation.text} {citation.url}".strip())
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def to_html(doc: Document) -> str:
    charts = {
        id(b): "data:image/svg+xml;base64," + base64.b64encode(b.svg.encode()).decode()
        for s in doc.sections
        for b in s.blocks
        if isinstance(b, Chart)
    }
    sections = [
        {
            "heading": s.heading,
            "blocks": [
                {
                    "kind": type(b).__name__,
                    "block": b,
                    "refs": _refs(getattr(b, "citations", [])),
                    "src": charts.get(id(b), ""),
                }
                for b in s.blocks
            ],
        }
        for s in doc.sections
    ]
    return render_to_string("advocacy/document.html", {"doc": doc, "sections": sections})


def to_pdf(doc: Document) -> bytes:
    """A PDF with the draft banner on every page."""
    from weasyprint import CSS, HTML

    return bytes(HTML(string=to_html(doc)).write_pdf(stylesheets=[CSS(filename=str(STYLESHEET))]))


def write(doc: Document, path: Path) -> None:
    """Write to ``path`` as PDF or DOCX according to its suffix."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        path.write_bytes(to_pdf(doc))
    elif suffix == ".docx":
        path.write_bytes(to_docx(doc))
    else:
        raise ValueError(f"{path.name}: the output must end in .pdf or .docx")
