"""RSS/Atom feeds (feedparser) and XML sitemaps (lxml) turned into items to follow."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urljoin

import feedparser
from lxml import etree

from .common import Item, ReadError, clean_text, detect_language
from .dates import parse_date
from .html import html_to_text

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _entry_date(entry: feedparser.FeedParserDict) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def read_feed(body: bytes, base_url: str) -> list[Item]:
    """Entries of an RSS or Atom feed; a feed too broken to yield entries is an error."""
    parsed = feedparser.parse(body)
    if not parsed.entries:
        reason = str(parsed.get("bozo_exception", "")) or "no entries"
        raise ReadError(f"cannot read the feed: {reason}")
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
    return items


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
