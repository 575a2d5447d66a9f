"""The public site in headless Chromium (Debian's /usr/bin/chromium, never a downloaded browser).

Each test loads a small demo dataset into the live server's database, then drives the site as a
visitor would. Screenshots go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from hrdwatch.core.text import fold
from hrdwatch.demo.generator import generate
from hrdwatch.publication.models import SearchEntry
from hrdwatch.publication.search.index import rebuild

from .factories import make_case

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed"),
]


@pytest.fixture
def demo_site(live_server, transactional_db):
    """A live server over a small generated demo dataset, indexed for search."""
    generate(size=80, seed=2024)
    rebuild()
    return live_server.url


@contextmanager
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def result_count(page: Page) -> int:
    return int(re.sub(r"\D", "", page.locator(".results-count").inner_text()))


def search(page: Page, base: str, text: str) -> None:
    page.goto(base + "/cases/")
    page.get_by_label(re.compile("Search by name")).fill(text)
    page.get_by_role("button", name="Search").click()


def test_a_name_typed_without_accents_finds_the_accented_name(demo_site):
    entry = next(
        e
        for e in SearchEntry.objects.select_related("defender")
        if fold(e.defender.display_name) != e.defender.display_name.lower()
    )
    accented = entry.defender.display_name
    with browser() as chromium:
        page = chromium.new_page()
        search(page, demo_site, fold(accented))
        expect(page.locator(".case-name", has_text=accented).first).to_be_visible()


def test_a_pinyin_query_finds_a_name_written_only_in_characters(demo_site):
    make_case("王全璋", country="CN")  # committed at once: the signal re-indexes it
    with browser() as chromium:
        page = chromium.new_page()
        search(page, demo_site, "Wang Quanzhang")
        expect(page.locator(".case-name", has_text="王全璋")).to_be_visible()
        search(page, demo_site, "全璋")
        expect(page.locator(".case-name", has_text="王全璋")).to_be_visible()


def test_filtering_by_two_facets_narrows_the_counts(demo_site):
    with browser() as chromium:
        page = chromium.new_page()
        page.goto(demo_site + "/cases/")
        everything = result_count(page)
        page.locator("#facet-country .facet-value").first.click()
        one_facet = result_count(page)
        assert 0 < one_facet < everything
        page.locator("#facet-gender summary").click()
        gender = page.locator("#facet-gender .facet-value").first
        shown = int(gender.locator(".count").inner_text())
        gender.click()
        two_facets = result_count(page)
        assert two_facets == shown and two_facets <= one_facet
        assert page.locator(".chips li").count() == 3  # two filters and "clear"


def test_a_result_opens_the_defender_page(demo_site):
    with browser() as chromium:
        page = chromium.new_page()
        page.goto(demo_site + "/cases/")
        first = page.locator(".case-name").first
        name = first.inner_text()
        first.click()
        expect(page.locator("h1")).to_have_text(name)
        expect(page.locator(".timeline").first).to_be_visible()
        page.screenshot(path=str(SCREENSHOTS / "defender.png"), full_page=True)


def test_switching_to_french_translates_the_interface(demo_site):
    with browser() as chromium:
        page = chromium.new_page()
        page.goto(demo_site + "/cases/")
        page.get_by_label("Language").select_option("fr")
        page.get_by_role("button", name="Change").click()
        expect(page.locator("html")).to_have_attribute("lang", "fr")
        expect(page.get_by_role("link", name="Statistiques")).to_be_visible()
        expect(page.get_by_role("heading", level=1)).to_have_text("Cas")


def test_the_filtered_list_downloads_as_csv(demo_site, tmp_path):
    with browser() as chromium:
        page = chromium.new_page()
        page.goto(demo_site + "/cases/")
        page.locator("#facet-country .facet-value").first.click()
        count = result_count(page)
        with page.expect_download() as download:
            page.get_by_role("link", name="CSV", exact=True).first.click()
        target = tmp_path / "cases.csv"
        download.value.save_as(target)
        lines = target.read_text(encoding="utf-8").strip().splitlines()
        assert lines[0].startswith("case_id,defender_id,name")
        assert len(lines) == count + 1


def test_the_site_is_usable_on_a_375_pixel_phone(demo_site):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with browser() as chromium:
        phone = chromium.new_page(viewport={"width": 375, "height": 812}, device_scale_factor=2)
        for path in ("/", "/cases/", "/statistics/"):
            phone.goto(demo_site + path)
            overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
        phone.goto(demo_site + "/cases/")
        phone.get_by_label(re.compile("Search by name")).fill("a")
        phone.keyboard.press("Enter")
        expect(phone.locator(".case-name").first).to_be_visible()
        phone.screenshot(path=str(SCREENSHOTS / "list-375px.png"), full_page=False)
        desktop = chromium.new_page(viewport={"width": 1280, "height": 900})
        for name, path in (("home", "/"), ("list", "/cases/"), ("statistics", "/statistics/")):
            desktop.goto(demo_site + path)
            desktop.wait_for_load_state("networkidle")
            desktop.screenshot(
                path=str(SCREENSHOTS / f"{name}.png"), full_page=name != "statistics"
            )
