"""RSS/Atom feeds (feedparser) and XML sitemaps (lxml) turned into items to follow."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urljoin

import feedparser
from lxml import etree

from .common import Item, ReadError, Reading, clean_text, detect_language
from .dates import parse_date
from .html import html_to_text

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _entry_date(entry: feedparser.FeedParserDict) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


FEED_ROOT = re.compile(rb"<(rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
# Not a fault of the feed's structure: a declared encoding that feedparser corrected.
BENIGN = (feedparser.CharacterEncodingOverride,)


def looks_like_feed(body: bytes) -> bool:
    """Whether the bytes are an RSS, Atom or RDF feed (its root element near the start)."""
    return FEED_ROOT.search(body[:2048]) is not None


def feed_problem(parsed: feedparser.FeedParserDict) -> str:
    """Why a feed is malformed (with the line and column the parser gives), or '' when it is not."""
    exc = parsed.get("bozo_exception")
    if not parsed.get("bozo") or exc is None or isinstance(exc, BENIGN):
        return ""
    where = ""
    if hasattr(exc, "getLineNumber"):
        where = f"line {exc.getLineNumber()}, column {exc.getColumnNumber()}: "
    return f"{where}{exc.getMessage() if hasattr(exc, 'getMessage') else exc}"


def read_feed(body: bytes, base_url: str) -> list[Item]:
    """Entries of an RSS or Atom feed; a feed too broken to yield entries is an error."""
    return read_feed_checked(body, base_url)[0]


def read_feed_checked(body: bytes, base_url: str) -> tuple[list[Item], str]:
    """(entries, why the feed is malformed or ''): a malformed feed's readable entries are kept."""
    parsed = feedparser.parse(body)
    problem = feed_problem(parsed)
    if not parsed.entries:
        raise ReadError(f"cannot read the feed: {problem or 'no entries'}")
    items = []
    for entry in parsed.entries:
        link = entry.get("link") or entry.get("id") or ""
        if not link:
            continue
        summary = html_to_text(entry.get("summary", "")) if entry.get("summary") else ""
        title = clean_text(entry.get("title", ""))
        items.append(
            Item(
                link=urljoin(base_url, link),
                title=title,
                published=_entry_date(entry),
                date_text=entry.get("published", "") or entry.get("updated", ""),
                summary=summary,
                language=detect_language(f"{title} {summary}"),
            )
        )
    return items, problem


def read_feed_document(body: bytes) -> Reading:
    """A feed followed as a document: its entries' titles and summaries, or why it is malformed."""
    parsed = feedparser.parse(body)
    problem = feed_problem(parsed)
    if problem:
        raise ReadError(f"the feed is malformed: {problem}")
    lines = [clean_text(parsed.feed.get("title", ""))]
    for entry in parsed.entries:
        lines.append(clean_text(entry.get("title", "")))
        if entry.get("summary"):
            lines.append(html_to_text(entry.get("summary", "")))
    return Reading(text="\n\n".join(line for line in lines if line), title=lines[0])


def read_sitemap(body: bytes, base_url: str) -> tuple[list[Item], list[str]]:
    """(page items, nested sitemap URLs) of a sitemap or sitemap index."""
    try:
        root = etree.fromstring(
            body, parser=etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        )
    except etree.XMLSyntaxError as exc:
        raise ReadError(f"cannot read the sitemap XML: {exc}") from exc
    items, nested = [], []
    for node in root:
        loc = (node.findtext(f"{SITEMAP_NS}loc") or node.findtext("loc") or "").strip()
        if not loc:
            continue
        if node.tag in {f"{SITEMAP_NS}sitemap", "sitemap"}:
            nested.append(urljoin(base_url, loc))
            continue
        lastmod = (node.findtext(f"{SITEMAP_NS}lastmod") or node.findtext("lastmod") or "").strip()
        items.append(
            Item(
                link=urljoin(base_url, loc),
                date_text=lastmod,
                published=parse_date(lastmod[:10]) if lastmod else None,
            )
        )
    return items, nested
