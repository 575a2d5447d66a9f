"""The "Take action" block in headless Chromium: near the top at 1280 and 375 px in EN, FR and ES,
the copy button copies the letter, and printing keeps whole paragraphs and hides the buttons."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.advocacy.test_card_browser import CHROMIUM_ARGS

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_take_action_block_copy_and_print_in_chromium(live_server):
    from playwright.sync_api import sync_playwright

    from hrdwatch.demo.generator import generate
    from hrdwatch.records.status import standing
    from hrdwatch.records.visibility import Gate

    generate(30, seed=24)
    case = next(
        c
        for c in Gate().cases().select_related("status", "defender").order_by("pk")
        if standing(c).detained and c.release_date is None
    )
    base = live_server.url.replace("localhost", "127.0.0.1")  # a secure context for the clipboard
    url = f"{base}/defenders/{case.defender.uid}/"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        for lang, copied in (("en", "Copied"), ("fr", "Copié"), ("es", "Copiado")):
            for width, height in ((1280, 900), (375, 740)):
                context = browser.new_context(
                    viewport={"width": width, "height": height},
                    extra_http_headers={"Accept-Language": lang},
                )
                context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
                page = context.new_page()
                page.goto(url)
                block = page.locator(".take-action")
                top = block.bounding_box()["y"]
                page.screenshot(path=str(SCREENSHOTS / f"take-action-{lang}-{width}.png"))
                assert top < height, f"action block starts at {top}px ({lang}, {width}px)"
                button = page.locator(f'button[data-copy="{case.uid}-letter"]')
                assert button.is_visible()
                button.click()
                page.wait_for_function(
                    "t => document.querySelector('.copy-status').textContent.startsWith(t)",
                    arg=copied,
                )
                clipboard = page.evaluate("navigator.clipboard.readText()")
                assert case.defender.display_name in clipboard and "\n\n" in clipboard
                page.emulate_media(media="print")
                assert not button.is_visible()
                avoid = page.locator(".act-text p").first.evaluate(
                    "p => getComputedStyle(p).breakInside"
                )
                assert avoid == "avoid"
                context.close()
        browser.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_without_javascript_the_letter_is_plain_text_and_no_button_shows(live_server):
    from playwright.sync_api import sync_playwright

    from hrdwatch.demo.generator import generate

    generate(30, seed=24)
    from hrdwatch.advocacy.models import Campaign

    case = Campaign.objects.first().cases.select_related("defender").first()
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(f"{live_server.url}/defenders/{case.defender.uid}/")
        assert page.locator(".act-text p").count() >= 3
        assert page.locator("button.copy-button").first.is_hidden()
        assert page.locator(".act-campaign a").count() >= 1
        browser.close()
