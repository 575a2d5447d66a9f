"""The next page of a listing: ``rel="next"``, a "Next / Older posts / Suivant / »" link, or ?page=N.

Only links to the same host are considered, so a saved page whose pager points at the live site
is never followed off the network's intranet. Used by the pipeline up to the ``max_pages`` hint.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urldefrag, urlencode, urljoin, urlsplit, urlunsplit

from lxml import html as lxml_html

NEXT_TEXT = re.compile(
    r"^\W*(next( page| posts| entries)?|older( posts| entries| news| articles)?|more (posts|news)|"
    r"suivant(e|es|s)?|page suivante|articles plus anciens|siguiente|página siguiente|"
    r"anteriores|próxima|weiter|nächste( seite)?|successiv[ao]|trang (sau|tiếp)|tiếp theo|"
    r"следующая|далее|下一页|下一頁|次へ|التالي|[»›>→]{1,2})\W*$",
    re.IGNORECASE,
)
PAGE_PARAMETERS = {"page", "paged", "pg", "pagina", "seite", "trang", "start", "offset"}
PAGE_PATH = re.compile(r"/page/(\d+)/?$")


def _same_host(url: str, base_url: str) -> bool:
    return urlsplit(url).netloc.lower() == urlsplit(base_url).netloc.lower()


def _page_number(url: str) -> tuple[str, int]:
    """(the URL without its page number, the page number or 0)."""
    parts = urlsplit(urldefrag(url)[0])
    path_match = PAGE_PATH.search(parts.path)
    number = int(path_match.group(1)) if path_match else 0
    path = PAGE_PATH.sub("/", parts.path) if path_match else parts.path
    query = []
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if key.lower() in PAGE_PARAMETERS and value.isdigit():
            number = max(number, int(value))
        else:
            query.append((key, value))
    return urlunsplit((parts.scheme, parts.netloc, path, urlencode(query), "")), number


def _marked_next(root: lxml_html.HtmlElement) -> list[str]:
    """hrefs explicitly marked as the next page, best first."""
    marked = root.xpath("//link[contains(concat(' ', @rel, ' '), ' next ')]/@href")
    marked += root.xpath("//a[contains(concat(' ', @rel, ' '), ' next ')]/@href")
    for anchor in root.iter("a"):
        classes = f"{anchor.get('class') or ''} {(anchor.getparent().get('class') or '')}"
        words = re.split(r"[\s_-]+", classes.lower())
        text = " ".join(anchor.text_content().split())
        if "next" in words or "suivant" in words or (len(text) <= 30 and NEXT_TEXT.match(text)):
            marked.append(anchor.get("href") or "")
    return [str(href) for href in marked]


def next_page(root: lxml_html.HtmlElement, page_url: str) -> str:
    """The URL of the listing's next page on the same host, or '' if there is none."""
    here = urldefrag(page_url)[0]
    for href in _marked_next(root):
        url = urldefrag(urljoin(page_url, href.strip()))[0]
        if href.strip() and url != here and _same_host(url, page_url):
            return url
    skeleton, number = _page_number(here)
    later = []
    for href in root.xpath("//a/@href"):
        url = urldefrag(urljoin(page_url, str(href).strip()))[0]
        other_skeleton, other_number = _page_number(url)
        if other_skeleton == skeleton and other_number > number and _same_host(url, page_url):
            later.append((other_number, url))
    return min(later)[1] if later else ""
