"""Main text and metadata of a web page with trafilatura (and htmldate, which it calls)."""

from __future__ import annotations

import datetime as dt

import trafilatura
from lxml import html as lxml_html
from trafilatura.utils import load_html

from .common import ReadError, Reading, clean_text


def parse_html(body: bytes) -> lxml_html.HtmlElement:
    """Parse HTML bytes whatever their charset (declared, wrong or missing)."""
    tree = load_html(body)
    if tree is None:
        raise ReadError("cannot parse the HTML")
    return tree


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment such as a feed summary."""
    if "<" not in fragment:
        return clean_text(fragment)
    try:
        return clean_text(lxml_html.fromstring(fragment).text_content())
    except (ValueError, lxml_html.etree.ParserError):
        return clean_text(fragment)


def read_html(body: bytes, url: str) -> Reading:
    """Main text, title, date and author of a page; page chrome is left out."""
    tree = parse_html(body)
    extracted = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
    )
    if extracted is None:
        text = clean_text(trafilatura.html2txt(body) or "")
        title = clean_text(tree.findtext(".//title") or "")
        return Reading(text=text, title=title)
    meta = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    published = None
    if meta.get("date"):
        try:
            published = dt.date.fromisoformat(str(meta["date"])[:10])
        except ValueError:
            published = None
    return Reading(
        text=clean_text(meta.get("text") or ""),
        title=clean_text(meta.get("title") or ""),
        published=published,
        author=clean_text(meta.get("author") or "")[:500],
    )
