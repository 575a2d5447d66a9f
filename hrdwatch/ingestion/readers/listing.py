"""Split an NGO listing page into items (title, date, summary, link, language), for any site.

No site is special-cased. Items are found as *repeated structure*: sibling elements sharing a tag
and class (or runs of siblings that each start with a heading) where most members carry exactly
one date and a link worth following. Every group built like the best one is kept, so a page with a
Vietnamese list above an English list yields both. An item that holds the same story in two
languages (Vietnamese above English, say) is split into one item per language. Page chrome
(menus, share buttons, donate links) rarely repeats with dates, and share/tag links are ignored.
A parsing hint ``item_xpath`` overrides detection for a page the heuristic gets wrong.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin, urlsplit

from lxml import html as lxml_html

from .common import Item, clean_text, detect_language
from .dates import find_date

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BLOCKS = HEADINGS | {
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "header",
    "footer",
    "br",
    "dd",
    "dt",
    "blockquote",
    "time",
    "span.date",
    "figure",
    "figcaption",
    "table",
}
DROP = ("script", "style", "noscript", "template", "svg", "iframe", "form", "button", "select")
READ_MORE = re.compile(
    r"^\W*(read( the)? (more|full)|more|continue reading|full (story|text|article)|details|"
    r"xem (thêm|tiếp)|đọc (thêm|tiếp)|chi tiết|lire (la )?suite|en savoir plus|leer más|"
    r"ver más|seguir leyendo|подробнее|читать далее|далее|阅读全文|阅读更多|更多|詳細|"
    r"اقرأ المزيد|المزيد)\W*$",
    re.IGNORECASE,
)
SKIP_LINKS = re.compile(
    r"(facebook\.com/(sharer|share)|twitter\.com/(intent|share)|x\.com/intent|linkedin\.com/share|"
    r"whatsapp|t\.me/share|telegram\.me/share|reddit\.com/submit|pinterest\.com/pin|"
    r"/(tag|tags|category|categories|author|topic|label|page)/|[?&](share|replytocom)=|"
    r"donate|/feed/?$|\.(jpg|jpeg|png|gif|webp)$)",
    re.IGNORECASE,
)
CHROME_LINE = re.compile(
    r"^\W*(share|tweet|print|email|facebook|twitter|whatsapp|telegram|linkedin|comments?|\d+ comments?|"
    r"leave a (comment|reply)|posted (on|in|by)( \S+){0,3}|by( \S+){1,3}|tags?:?.{0,40}|categor(y|ies):?.{0,40}|"
    r"chia sẻ|partager|compartir)\W*$",
    re.IGNORECASE,
)
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
TITLE_CLASS = re.compile(r"title|headline|heading", re.IGNORECASE)


@dataclass
class Member:
    """A candidate item: one element, or a heading with the siblings that follow it."""

    elements: list[lxml_html.HtmlElement]

    def anchors(self) -> Iterator[lxml_html.HtmlElement]:
        for element in self.elements:
            if element.tag == "a":
                yield element
            yield from element.iter("a")


def _signature(element: lxml_html.HtmlElement) -> str:
    """Tag and first class word without digits: "views-row-1 views-row-odd" rows stay alike."""
    classes = [c for c in (element.get("class") or "").split() if not re.search(r"\d", c)]
    return f"{element.tag}.{classes[0] if classes else ''}"


def _lines(member: Member) -> list[str]:
    """The member's visible text, one line per block element.

    A ``<time datetime="2020-03-03">`` adds its machine-readable day to its line, for pages that
    show only "3 days ago".
    """
    parts = []
    for element in member.elements:
        clone = copy.deepcopy(element)
        clone.tail = None
        for node in clone.iter():
            if node.tag == "time" and ISO_DAY.match(node.get("datetime") or ""):
                node.text = f"{node.get('datetime', '')[:10]} {node.text or ''}"
            if isinstance(node.tag, str) and node.tag in BLOCKS:
                node.tail = "\n" + (node.tail or "")
                node.text = "\n" + (node.text or "")
        parts.append(clone.text_content())
    text = clean_text("\n".join(parts))
    return [line for line in (raw.strip() for raw in text.splitlines()) if line]


def _usable_links(member: Member, base_url: str) -> list[tuple[str, str, bool]]:
    """(absolute link, anchor text, inside a heading) for links worth following."""
    page = urldefrag(base_url)[0]
    found = []
    for anchor in member.anchors():
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
            continue
        link = urldefrag(urljoin(base_url, href))[0]
        if (
            urlsplit(link).scheme not in {"http", "https"}
            or link == page
            or SKIP_LINKS.search(link)
        ):
            continue
        in_heading = any(parent.tag in HEADINGS for parent in anchor.iterancestors())
        found.append(
            (link, clean_text(anchor.text_content()), in_heading or anchor.tag in HEADINGS)
        )
    return found


def _date_count(lines: list[str], order: str) -> tuple[int, tuple[str, dt.date] | None]:
    dates: dict[dt.date, tuple[str, dt.date]] = {}
    for line in lines:
        hit = find_date(line, order)
        if hit:
            dates[hit[1]] = hit
    first = next(iter(dates.values()), None)
    return len(dates), first


def _score(members: list[Member], base_url: str, order: str) -> float:
    score = 0.0
    for member in members:
        if not _usable_links(member, base_url):
            continue
        count, _ = _date_count(_lines(member), order)
        score += 1.0 if count == 1 else 0.3 if count > 1 else 0.0
    return score


def _candidate_groups(root: lxml_html.HtmlElement) -> Iterator[tuple[str, list[Member]]]:
    """(signature, members): repeated siblings, and heading-led runs of siblings."""
    for parent in root.iter():
        children = [c for c in parent if isinstance(c.tag, str)]
        if len(children) < 2:
            continue
        by_signature: dict[str, list[Member]] = defaultdict(list)
        for child in children:
            by_signature[_signature(child)].append(Member([child]))
        for signature, members in by_signature.items():
            if len(members) >= 2 and signature.split(".")[0] not in HEADINGS:
                yield signature, members
        heading_tags = [c.tag for c in children if c.tag in HEADINGS]
        for tag in set(heading_tags):
            if heading_tags.count(tag) < 2:
                continue
            runs: list[Member] = []
            for child in children:
                if child.tag == tag:
                    runs.append(Member([child]))
                elif runs:
                    runs[-1].elements.append(child)
            yield f"run:{tag}:{_signature(parent)}", runs


def _pick_link(links: list[tuple[str, str, bool]], title: str) -> str:
    for link, _text, in_heading in links:
        if in_heading:
            return link
    for link, text, _ in links:
        if title and text and (text in title or title in text):
            return link
    for link, text, _ in links:
        if _is_read_more(text):
            return link
    return links[0][0]


def _is_read_more(text: str) -> bool:
    """ "Read more", also bilingual ones such as "Xem thêm / Read more"."""
    parts = [part for part in re.split(r"\s*[/|·]\s*", text) if part]
    return bool(parts) and all(READ_MORE.match(part) for part in parts)


def _first_text(member: Member, test: object) -> str:
    for element in member.elements:
        for node in element.iter():
            if isinstance(node.tag, str) and callable(test) and test(node):
                text = clean_text(node.text_content())
                if text and not _is_read_more(text):
                    return text
    return ""


def _title(member: Member, lines: list[str], links: list[tuple[str, str, bool]]) -> str:
    """The heading, else a title-classed element, else the longest link text, else bold text."""
    title = _first_text(member, lambda node: node.tag in HEADINGS) or _first_text(
        member, lambda node: TITLE_CLASS.search(node.get("class") or "")
    )
    if title:
        return title
    for _link, text, _ in sorted(links, key=lambda found: -len(found[1])):
        if len(text) > 10 and not _is_read_more(text):
            return text
    title = _first_text(member, lambda node: node.tag in {"b", "strong"})
    return title or next((line for line in lines if not find_date(line)), "")


def _is_chrome(line: str, date_text: str) -> bool:
    rest = line.replace(date_text, "").strip(" []()|-–—:·,") if date_text else line
    if not rest or _is_read_more(rest) or CHROME_LINE.match(rest):
        return True
    return bool(date_text and date_text in line and len(rest) < 30 and find_date(line))


def _language_runs(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Consecutive lines grouped by language; short lines join the run they sit in."""
    runs: list[tuple[str, list[str]]] = []
    for line in lines:
        language = detect_language(line) if len(line) >= 15 else ""
        if runs and (not language or language == runs[-1][0] or not runs[-1][0]):
            runs[-1] = (runs[-1][0] or language, runs[-1][1] + [line])
        else:
            runs.append((language, [line]))
    return runs


def _items_of(member: Member, base_url: str, order: str) -> list[Item]:
    """One item per language version held by the member (usually one)."""
    lines = _lines(member)
    links = _usable_links(member, base_url)
    if not links:
        return []
    count, hit = _date_count(lines, order)
    date_text, published = (hit[0], hit[1]) if hit else ("", None)
    title = _title(member, lines, links)
    content = [line for line in lines if not _is_chrome(line, date_text)]
    runs = [run for run in _language_runs(content) if sum(len(line) for line in run[1]) >= 25]
    if len({language for language, _ in runs if language}) < 2:
        body = [line for line in content if line != title]
        language = detect_language(" ".join([title, *body]))
        return [
            Item(
                link=_pick_link(links, title),
                title=title,
                date_text=date_text,
                published=published,
                summary="\n".join(body),
                language=language,
            )
        ]
    items = []
    for language, run_lines in runs:
        run_links = [
            found for found in links if found[1] and any(found[1] in line for line in run_lines)
        ]
        run_title = next((line for line in run_lines if line == title), run_lines[0])
        summary = "\n".join(line for line in run_lines if line != run_title)
        link = _pick_link(run_links, run_title) if run_links else _pick_link(links, title)
        items.append(
            Item(
                link=link,
                title=run_title,
                date_text=date_text,
                published=published,
                summary=summary,
                language=language,
            )
        )
    return items


def _drop_chrome(root: lxml_html.HtmlElement) -> None:
    for tag in DROP:
        for element in list(root.iter(tag)):
            if element.getparent() is not None:
                element.drop_tree()


def find_items(root: lxml_html.HtmlElement, base_url: str, hints: dict | None = None) -> list[Item]:
    """Items of the listing page ``root`` (parsed HTML), in page order, without duplicates."""
    hints = hints or {}
    page_language = (root.get("lang") or "").lower()
    order = str(
        hints.get("date_order") or ("MDY" if page_language in {"en-us", "en_us"} else "DMY")
    )
    _drop_chrome(root)
    if hints.get("item_xpath"):
        members = [Member([e]) for e in root.xpath(hints["item_xpath"]) if isinstance(e.tag, str)]
    else:
        members = _best_members(root, base_url, order)
    items: list[Item] = []
    for member in members:
        items.extend(_items_of(member, base_url, order))
    items = _unique(items)
    _mark_shared_links(items)
    limit = int(hints.get("max_items", 0) or 0)
    return items[:limit] if limit else items


def _best_members(root: lxml_html.HtmlElement, base_url: str, order: str) -> list[Member]:
    groups = list(_candidate_groups(root))
    scored = [
        (_score(members, base_url, order), signature, members) for signature, members in groups
    ]
    best = max(scored, key=lambda entry: entry[0], default=None)
    if best is None or best[0] < 2:
        return []
    chosen: list[Member] = []
    claimed: set[int] = set()
    for score, signature, members in sorted(scored, key=lambda entry: -entry[0]):
        if signature != best[1] or score < 1:
            continue
        for member in members:
            ids = {id(e) for e in member.elements}
            if not ids & claimed:
                chosen.append(member)
                claimed |= ids
    position = {id(element): index for index, element in enumerate(root.iter())}
    return sorted(chosen, key=lambda member: position.get(id(member.elements[0]), 0))


def _unique(items: Iterable[Item]) -> list[Item]:
    seen: set[tuple[str, str, str]] = set()
    kept = []
    for item in items:
        key = (item.link, item.language, item.title)
        if key not in seen and item.title:
            seen.add(key)
            kept.append(item)
    return kept


def _mark_shared_links(items: list[Item]) -> None:
    """Language versions that share one link become separate documents, keyed by language."""
    languages: dict[str, set[str]] = defaultdict(set)
    for item in items:
        languages[item.link].add(item.language)
    for item in items:
        if len(languages[item.link]) > 1:
            item.variant = item.language
