"""Page chrome of listing pages: what a reader never sees, and the regions around the content.

Listing detection looks for repeated dated items; sidebars ("Recent posts", "Most read"),
menus and footers repeat too, sometimes with dates. Rather than special-casing sites, elements
that are invisible (screen-reader text, ``hidden``) are removed, and regions marked as chrome by
their tag (``aside``, ``nav``, ``header``, ``footer``) or by a class/id word that themes and CMSs
use for them (``sidebar``, ``widget``, ``menu``, ...) are only used when nothing else is found.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

DROP = ("script", "style", "noscript", "template", "svg", "iframe", "form", "button", "select")
HIDDEN_CLASSES = {
    "screen-reader-text",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "element-invisible",
    "hidden",
    "hide",
}
# A line that is only chrome: share and print links, bylines, tags, "posted on" labels.
CHROME_LINE = re.compile(
    r"^\W*(share|tweet|print|email|facebook|twitter|whatsapp|telegram|linkedin|comments?|\d+ comments?|"
    r"leave a (comment|reply)|posted (on|in|by)( \S+){0,3}|by( \S+){1,3}|tags?:?.{0,40}|categor(y|ies):?.{0,40}|"
    r"tagged .{0,40}|share this|(published|publié|publiée|publicado|pubblicato|veröffentlicht|đăng)"
    r"( (on|le|el|il|am|ngày|lúc))?|date|ngày|chia sẻ|partager( sur \w+)?|compartir( en \w+)?)\W*$",
    re.IGNORECASE,
)
CHROME_TAGS = {"aside", "nav", "header", "footer"}
ITEM_CHROME_TAGS = {"aside", "nav", "footer"}
CHROME_WORD = re.compile(
    r"(^|[-_])(sidebar|widgets?|menu|nav|navbar|navigation|footer|breadcrumbs?|share|sharing|"
    r"social|partage|pager|pagination|aside|most-read|related|topbar|top-bar)([-_]|$)",
    re.IGNORECASE,
)
CONTENT_WORD = re.compile(r"content|main|primary", re.IGNORECASE)
_UPDATED_BESIDE_PUBLISHED = (
    "//time[contains(concat(' ', normalize-space(@class), ' '), ' updated ')]"
    "[../time[contains(concat(' ', normalize-space(@class), ' '), ' published ')]]"
)


def _is_hidden(element: lxml_html.HtmlElement) -> bool:
    classes = set((element.get("class") or "").lower().split())
    style = (element.get("style") or "").replace(" ", "").lower()
    return (
        bool(classes & HIDDEN_CLASSES)
        or element.get("hidden") is not None
        or "display:none" in style
    )


def strip_invisible(root: lxml_html.HtmlElement) -> None:
    """Remove scripts, forms and text no reader sees (WordPress's hidden "updated" date too)."""
    doomed = [e for tag in DROP for e in root.iter(tag)]
    doomed += [e for e in root.iter() if isinstance(e.tag, str) and _is_hidden(e)]
    doomed += root.xpath(_UPDATED_BESIDE_PUBLISHED)
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


def is_chrome_part(element: lxml_html.HtmlElement, tags: set[str] = CHROME_TAGS) -> bool:
    """Whether the element itself is marked as chrome (share buttons, a post's footer, a menu).

    Inside an item, pass ``tags=ITEM_CHROME_TAGS``: a post's own ``<header>`` holds its title.
    """
    if element.tag in tags:
        return True
    words = f"{element.get('class') or ''} {element.get('id') or ''}".split()
    return any(CHROME_WORD.search(word) and not CONTENT_WORD.search(word) for word in words)


def in_page_chrome(element: lxml_html.HtmlElement) -> bool:
    """Whether the element is, or sits inside, a sidebar, menu, header or footer region."""
    for node in (element, *element.iterancestors()):
        if node.tag in {"body", "html"}:
            return False
        if isinstance(node.tag, str) and is_chrome_part(node):
            return True
    return False
