"""axe-core on ten key pages, at 1280 and 375 px, in English and French: no serious or critical
violation of WCAG 2.0/2.1/2.2 A and AA.

axe-core comes from the npm registry, pinned in package.json / package-lock.json and installed by
``scripts/test.sh`` (``npm ci``) into node_modules/; nothing is fetched while the test runs. Without
that install the test is skipped with the reason, never passed silently.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser, Page

from hrdwatch.partners.models import Organisation, Role
from hrdwatch.publication.models import SearchEntry
from tests.partners.fixtures import make_user

from .test_browser import CHROMIUM, browser, demo_site  # noqa: F401 (the live demo fixture)

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}
WIDTHS = (1280, 375)
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]  # WCAG 2.0, 2.1 and 2.2, A and AA
RUN_AXE = """(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})
  .then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))"""

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed"),
    pytest.mark.skipif(
        not AXE.exists(),
        reason="axe-core is not installed: run `npm ci` at the repository root (scripts/test.sh does)",
    ),
]


def key_pages() -> list[str]:
    """Ten pages a visitor or a documenter meets first (the demo data must be loaded)."""
    entry = SearchEntry.objects.select_related("defender").order_by("id").first()
    assert entry is not None, "the demo generated no public case"
    return [
        "/",
        f"/cases/?country={entry.country}",
        f"/defenders/{entry.defender.uid}/",
        f"/countries/{entry.country}/",
        "/statistics/",
        "/act/campaigns/",
        "/act/alerts/",
        "/report/",
        "/accounts/login/",
        "/workspace/",
    ]


def documenter_session() -> str:
    """The session key of a logged-in documenter (no second factor needed for this role)."""
    org = Organisation.objects.create(slug="axe-org", name="Axe Org", country="FR")
    client = Client()
    client.force_login(make_user("axe_documenter", org, Role.DOCUMENTER))
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def violations(page: Page, tags: list[str] = TAGS) -> list[dict[str, Any]]:
    """axe's findings for ``tags``, with every disclosure (the list's facets...) opened first."""
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found: list[dict[str, Any]] = page.evaluate(RUN_AXE, tags)
    return found


def audit(
    chromium: Browser, base: str, pages: list[str], session: str, lang: str, width: int
) -> list[str]:
    # bypass_csp: the site's Content-Security-Policy rightly refuses the injected axe script
    context = chromium.new_context(
        viewport={"width": width, "height": 900}, locale=lang, bypass_csp=True
    )
    page = context.new_page()
    problems: list[str] = []
    try:
        for path in pages:
            if path.startswith("/accounts/login/"):
                context.clear_cookies()  # a logged-in member is sent on from the login page
            else:
                context.add_cookies(
                    [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base}]
                )
            response = page.goto(base + path)
            assert response is not None and response.ok, (
                f"{path}: HTTP {response and response.status}"
            )
            assert urlsplit(page.url).path == urlsplit(path).path, f"{path} sent on to {page.url}"
            assert page.locator("html").get_attribute("lang") == lang, f"{path} is not in {lang}"
            problems += [
                f"{lang} {width}px {path}: [{v['impact']}] {v['id']}: {v['help']} {v['nodes']}"
                for v in violations(page)
                if v["impact"] in BLOCKING
            ]
    finally:
        context.close()
    return problems


@pytest.mark.usefixtures("demo_site")
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_key_pages_have_no_serious_or_critical_axe_violation(live_server, lang):
    pages, session = key_pages(), documenter_session()  # database work before Playwright's loop
    with browser() as chromium:
        problems = [
            problem
            for width in WIDTHS
            for problem in audit(chromium, live_server.url, pages, session, lang, width)
        ]
    assert not problems, "\n".join(problems)


def test_axe_reports_what_it_should_so_a_clean_result_means_something():
    with browser() as chromium:
        page = chromium.new_page()
        page.set_content('<html lang="en"><body><main><img src="x.png"></main></body></html>')
        found = {v["id"]: v["impact"] for v in violations(page)}
    assert found.get("image-alt") == "critical"
