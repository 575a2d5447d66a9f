"""Text of PDF, DOCX, plain-text and e-mail files, and the dispatch on content type."""

from __future__ import annotations

import email
import email.policy
import io
import zipfile
from email.message import EmailMessage

import docx
from charset_normalizer import from_bytes
from django.conf import settings
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from hrdwatch.core.limits import LimitExceeded, check_zip

from .common import ReadError, Reading, clean_text
from .dates import parse_date
from .feeds import looks_like_feed, read_feed_document
from .html import html_to_text, read_html

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FEED = "application/rss+xml"
MAX_PDF_PAGES = 500


def sniff(body: bytes, content_type: str, name: str = "") -> str:
    """The media type to read ``body`` as: magic bytes first, then the declared type, then the name."""
    head = body[:1024].lstrip().lower()
    declared = content_type.split(";")[0].strip().lower()
    name = name.lower()
    if body.startswith(b"%PDF-"):
        return "application/pdf"
    if body.startswith(b"PK\x03\x04") and (
        declared == DOCX or name.endswith(".docx") or b"word/" in body[:4000]
    ):
        return DOCX
    if looks_like_feed(body) and not head.startswith((b"<!doctype html", b"<html")):
        return FEED
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<div" in head:
        return "text/html"
    if declared in {"text/html", "application/xhtml+xml"} or name.endswith((".html", ".htm")):
        return "text/html"
    if declared == "message/rfc822" or name.endswith(".eml"):
        return "message/rfc822"
    if head.startswith(b"<?xml") or declared.endswith("xml"):
        return "application/xml"
    return declared or "text/plain"


def decode_text(body: bytes) -> str:
    """Bytes of unknown encoding as text (charset-normalizer guesses; ftfy repairs later)."""
    best = from_bytes(body).best()
    return str(best) if best is not None else body.decode("utf-8", errors="replace")


def read_pdf(body: bytes) -> Reading:
    try:
        reader = PdfReader(io.BytesIO(body))
        if len(reader.pages) > MAX_PDF_PAGES:
            raise ReadError(f"PDF has {len(reader.pages)} pages (limit {MAX_PDF_PAGES})")
        text = "\n\n".join(page.extract_text() or "" for page in reader.pages)
        info = reader.metadata
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ReadError(f"cannot read the PDF: {exc}") from exc
    title = str(info.title) if info and info.title else ""
    author = str(info.author) if info and info.author else ""
    created = info.creation_date.date() if info and info.creation_date else None
    return Reading(
        text=clean_text(text), title=clean_text(title), author=clean_text(author), published=created
    )


def read_docx(body: bytes) -> Reading:
    limit = int(getattr(settings, "HRDWATCH_DOCUMENT_MAX_EXPANDED_BYTES", 30_000_000))
    try:
        check_zip(body, limit, "the DOCX file")
    except LimitExceeded as exc:
        raise ReadError(str(exc)) from None
    try:
        document = docx.Document(io.BytesIO(body))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ReadError(f"cannot read the DOCX file: {exc}") from exc
    paragraphs = [p.text for p in document.paragraphs]
    for table in document.tables:
        paragraphs.extend(" | ".join(cell.text for cell in row.cells) for row in table.rows)
    core = document.core_properties
    return Reading(
        text=clean_text("\n".join(paragraphs)),
        title=clean_text(core.title or ""),
        author=clean_text(core.author or ""),
        published=core.created.date() if core.created else None,
    )


def read_email(body: bytes) -> Reading:
    message = email.message_from_bytes(body, policy=email.policy.default)
    if not isinstance(message, EmailMessage):
        raise ReadError("cannot read the e-mail")
    part = message.get_body(preferencelist=("plain", "html"))
    content = part.get_content() if part is not None else ""
    if part is not None and part.get_content_type() == "text/html":
        content = html_to_text(content)
    date_header = str(message.get("date", ""))
    return Reading(
        text=clean_text(content),
        title=clean_text(str(message.get("subject", ""))),
        author=clean_text(str(message.get("from", ""))),
        published=parse_date(date_header) if date_header else None,
    )


def read_bytes(body: bytes, content_type: str, url: str, name: str = "") -> Reading:
    """Read any supported document; unsupported types raise ReadError with the reason."""
    if not body.strip():
        raise ReadError("the document is empty")
    media = sniff(body, content_type, name or url)
    if media == "application/pdf":
        return read_pdf(body)
    if media == DOCX:
        return read_docx(body)
    if media == "text/html":
        return read_html(body, url)
    if media == FEED:
        return read_feed_document(body)
    if media == "message/rfc822":
        return read_email(body)
    if media.startswith("text/"):
        return Reading(text=clean_text(decode_text(body)))
    raise ReadError(f"cannot read documents of type {media!r}")
