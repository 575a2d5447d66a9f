"""WGAD drafts, sanctions dossiers and briefs: filled from the record, rendered, restricted data kept out."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from docx import Document as read_docx
from pypdf import PdfReader

from hrdwatch.advocacy.documents.wgad import build_wgad
from hrdwatch.records.visibility import Gate, Viewer
from tests.advocacy.sample import CANARY


def pdf_text(path) -> str:
    """The PDF's text with line breaks (table cells wrap) folded to single spaces."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def docx_text(path) -> str:
    doc = read_docx(path)
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_wgad_draft_fills_every_questionnaire_section_from_the_record(sample):
    doc = build_wgad(sample.case.uid, Viewer.at_level("partners"), "en")
    headings = [s.heading for s in doc.sections]
    assert headings[:6] == [
        "I. Identity",
        "II. Arrest",
        "III. Detention",
        "IV. Why the deprivation of liberty is arbitrary",
        "V. Domestic remedies",
        "VI. Person or organisation submitting the communication",
    ]
    assert all(s.has_content_from_record for s in doc.sections)
    text = doc.plain_text()
    for expected in (
        "Tran Van Minh",
        "Trần Văn Minh",
        "14 March 2020",
        "Hanoi police",
        "Criminal Code art. 331",
        "Hoa Lo Detention Centre",
        "Category II",
        "Appeal rejected",
        "Rights Watch Network",
        "96 months",
    ):
        assert expected in text, expected
    assert doc.citations[0].url == "https://example.org/report/1"
    assert CANARY not in text


def test_wgad_pdf_is_a_marked_draft_naming_the_defender(sample, tmp_path):
    out = tmp_path / "wgad.pdf"
    call_command("dossier", "wgad", sample.case.uid, "--output", str(out), stdout=io.StringIO())
    text = pdf_text(out)
    assert "DRAFT" in text and "Tran Van Minh" in text and "14 March 2020" in text
    assert "example.org/report/1" in text.replace(" ", "")
    assert CANARY not in text


def test_wgad_docx_in_spanish(sample, tmp_path):
    out = tmp_path / "wgad.docx"
    call_command(
        "dossier",
        "wgad",
        sample.case.uid,
        "--output",
        str(out),
        "--language",
        "es",
        stdout=io.StringIO(),
    )
    text = docx_text(out)
    assert "BORRADOR" in text and "I. Identidad" in text and "14 marzo 2020" in text
    assert "Categoría II" in text


def test_wgad_for_a_case_the_viewer_cannot_see_is_refused(sample, tmp_path):
    with pytest.raises(CommandError):
        call_command(
            "dossier",
            "wgad",
            sample.restricted_case.uid,
            "--output",
            str(tmp_path / "x.pdf"),
            "--visibility",
            "public",
        )


def test_sanctions_dossier_lists_abuses_victims_identifiers_and_regimes(sample, tmp_path):
    pdf, docx = tmp_path / "s.pdf", tmp_path / "s.docx"
    for out in (pdf, docx):
        call_command(
            "dossier", "sanctions", sample.judge.uid, "--output", str(out), stdout=io.StringIO()
        )
    for text in (pdf_text(pdf), docx_text(docx)):
        for expected in (
            "Judge Nguyen Hoang Son",
            "Presiding judge",
            "Hanoi People's Court",
            "Tran Van Minh",
            "Tried or sentenced",
            "1 June 2021",
            "96 months",
            "Q000000",
            "Global Magnitsky",
            "Global Human Rights Sanctions Regulations 2020",
            "2020/1999",
            "Sergei Magnitsky Law",
        ):
            assert expected in text, expected
        assert "example.org/report/1" in text.replace(" ", "")
        assert CANARY not in text


def test_country_brief_pdf_in_french_has_figures_chart_and_cases(sample, tmp_path):
    out = tmp_path / "vn.pdf"
    call_command(
        "brief", "country", "VN", "--output", str(out), "--language", "fr", stdout=io.StringIO()
    )
    text = pdf_text(out)
    assert "Note pays : Viet Nam" in text or "Note pays : Viêt Nam" in text or "Note pays" in text
    assert "Tran Van Minh" in text and "Actuellement détenu·es" in text
    assert "Arrestations par année" in text and "2020" in text
    assert CANARY not in text


def test_thematic_brief_on_lawyers_counts_countries(sample, tmp_path):
    out = tmp_path / "lawyers.pdf"
    call_command("brief", "theme", "--role", "lawyer", "--output", str(out), stdout=io.StringIO())
    text = pdf_text(out)
    assert "Thematic brief: Lawyer" in text and "Vietnam" in text and "Tran Van Minh" in text


def test_wgad_pdf_for_a_demo_case_names_the_defender(db, tmp_path):
    from hrdwatch.demo.generator import generate

    generate(20, seed=5)
    case = Gate(Viewer.public()).cases().select_related("defender").order_by("pk").first()
    assert case is not None
    out = tmp_path / "demo.pdf"
    call_command("dossier", "wgad", case.uid, "--output", str(out), stdout=io.StringIO())
    text = pdf_text(out)
    assert " ".join(case.defender.display_name.split()) in text and "DRAFT" in text
    doc = build_wgad(case.uid, Viewer.at_level("partners"), "en")
    assert all(s.has_content_from_record for s in doc.sections)


def test_sanctions_dossier_for_an_institution_lists_its_members_and_its_own_abuses(sample):
    from hrdwatch.advocacy.documents.sanctions import build_sanctions

    text = build_sanctions(sample.court.uid, Viewer.public()).plain_text()
    assert "Members or units: Judge Nguyen Hoang Son (Presiding judge)" in text
    assert "Ordered the action" in text and "14 March 2020" in text
    assert "Abuses documented: 1" in text
