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
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin, urlsplit

from lxml import html as lxml_html

from .chrome import CHROME_LINE, ITEM_CHROME_TAGS, in_page_chrome, is_chrome_part, strip_invisible
from .common import Item, clean_text, detect_language
from .dates import find_date, item_date

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


def _lines(member: Member, without_chrome: bool = False) -> list[str]:
    """The member's visible text, one line per block element.

    A ``<time datetime="2020-03-03">`` adds its machine-readable day to its line, for pages that
    show only "3 days ago". ``without_chrome`` leaves out the item's share buttons and footer.
    """
    parts = []
    for element in member.elements:
        clone = copy.deepcopy(element)
        clone.tail = None
        if without_chrome:
            for part in [e for e in clone.iterdescendants() if isinstance(e.tag, str)]:
                if part.getparent() is not None and is_chrome_part(part, ITEM_CHROME_TAGS):
                    part.drop_tree()
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


def _scores(members: list[Member], base_url: str, order: str) -> tuple[float, float]:
    """How item-like the members are: (as dated items with a link, as headed undated teasers)."""
    dated = undated = 0.0
    for member in members:
        links = _usable_links(member, base_url)
        if not links:
            continue
        lines = _lines(member)
        count, _, alone = item_date(lines, order)
        if alone == 1 and count <= 3:  # one dated line of its own: the surest mark of an item
            dated += 1.2
        else:
            dated += 1.0 if count == 1 else 0.7 if count == 2 else 0.3 if count else 0.0
        if any(in_heading for _link, _text, in_heading in links):
            undated += 0.5 if sum(len(line) for line in lines) >= 80 else 0.0
    return dated, undated


@dataclass
class Group:
    """Sibling members built alike, and whether they sit in a sidebar, menu or footer."""

    signature: str
    members: list[Member]
    chrome: bool
    score: float = 0.0


def _candidate_groups(root: lxml_html.HtmlElement) -> Iterator[Group]:
    """Repeated siblings, and heading-led runs of siblings."""
    for parent in root.iter():
        children = [c for c in parent if isinstance(c.tag, str)]
        if len(children) < 2:
            continue
        chrome = in_page_chrome(parent)
        by_signature: dict[str, list[Member]] = defaultdict(list)
        for child in children:
            by_signature[_signature(child)].append(Member([child]))
        for signature, members in by_signature.items():
            if len(members) >= 2 and signature.split(".")[0] not in HEADINGS:
                yield Group(signature, members, chrome)
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
            yield Group(f"run:{tag}:{_signature(parent)}", runs, chrome)


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


def _summary_lines(lines: list[str], title: str, date_text: str, endings: list[str]) -> list[str]:
    """The item's own words: lines without the title, the date or a trailing "more..." link."""
    kept = []
    for line in lines:
        for ending in endings:
            if line.endswith(ending) and line != ending:
                line = line[: -len(ending)].rstrip()
        if title and title in line:
            line = line.replace(title, "").replace(date_text or title, "").strip(" []()|-–—:·,")
        if line and not _is_chrome(line, date_text):
            kept.append(line)
    return kept


def _items_of(member: Member, base_url: str, order: str) -> list[Item]:
    """One item per language version held by the member (usually one)."""
    lines = _lines(member)
    links = _usable_links(member, base_url)
    if not links:
        return []
    _count, hit, _alone = item_date(lines, order)
    date_text, published = (hit[0], hit[1]) if hit else ("", None)
    title = _title(member, lines, links)
    endings = [text for _link, text, _ in links if text and _is_read_more(text)]
    content = [line for line in _lines(member, True) if not _is_chrome(line, date_text)]
    runs = [run for run in _language_runs(content) if sum(len(line) for line in run[1]) >= 25]
    if len({language for language, _ in runs if language}) < 2:
        body = _summary_lines(content, title, date_text, endings)
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
        summary = _summary_lines(
            [line for line in run_lines if line != run_title], run_title, date_text, endings
        )
        link = _pick_link(run_links, run_title) if run_links else _pick_link(links, title)
        items.append(
            Item(
                link=link,
                title=run_title,
                date_text=date_text,
                published=published,
                summary="\n".join(summary),
                language=language,
            )
        )
    return items


def find_items(
    root: lxml_html.HtmlElement,
    base_url: str,
    hints: dict | None = None,
    include_chrome: bool = True,
) -> list[Item]:
    """Items of the listing page ``root`` (parsed HTML, changed in place), in page order.

    Items in sidebars, menus and footers are used only when the page has no others, and never
    with ``include_chrome=False`` (used to tell a listing from an article with a sidebar).
    """
    hints = hints or {}
    page_language = (root.get("lang") or "").lower()
    order = str(
        hints.get("date_order") or ("MDY" if page_language in {"en-us", "en_us"} else "DMY")
    )
    strip_invisible(root)
    if hints.get("item_xpath"):
        members = [Member([e]) for e in root.xpath(hints["item_xpath"]) if isinstance(e.tag, str)]
    else:
        members = _best_members(root, base_url, order, include_chrome)
    items: list[Item] = []
    for member in members:
        items.extend(_items_of(member, base_url, order))
    items = unique_items(items)
    _mark_shared_links(items)
    limit = int(hints.get("max_items", 0) or 0)
    return items[:limit] if limit else items


def _best_members(
    root: lxml_html.HtmlElement, base_url: str, order: str, include_chrome: bool
) -> list[Member]:
    """Members of the best group (dated items first, else headed teasers), and its look-alikes."""
    groups = list(_candidate_groups(root))
    scores = [_scores(group.members, base_url, order) for group in groups]
    for kind in (0, 1):  # 0: dated items; 1: undated teasers, only when nothing is dated
        for group, score in zip(groups, scores, strict=True):
            group.score = score[kind]
        pools = [[group for group in groups if not group.chrome]]
        if include_chrome:
            pools.append(groups)
        for pool in pools:
            best = max(pool, key=lambda group: group.score, default=None)
            if best is not None and best.score >= 2:
                return _look_alikes(best, pool, root)
    return []


def _look_alikes(best: Group, pool: list[Group], root: lxml_html.HtmlElement) -> list[Member]:
    """Members of every group built like the best one (a Vietnamese list above an English one)."""
    chosen: list[Member] = []
    claimed: set[int] = set()
    for group in sorted(pool, key=lambda group: -group.score):
        if group.signature != best.signature or group.score < 1:
            continue
        for member in group.members:
            ids = {id(e) for e in member.elements}
            if not ids & claimed:
                chosen.append(member)
                claimed |= ids
    position = {id(element): index for index, element in enumerate(root.iter())}
    return sorted(chosen, key=lambda member: position.get(id(member.elements[0]), 0))


def unique_items(items: Iterable[Item]) -> list[Item]:
    """Items with a title, each (link, language, title) once, in the order first seen."""
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
