"""What the workspace's browser tests share: Debian's Chromium, a 375 px French phone, logging in
through the login page or with a session made by the test client (reviewers need a verified
second factor), and waits on what the page shows, never on time."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from tests.partners.fixtures import PASSWORD, login

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
PHONE = {"width": 375, "height": 812}
MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed"),
]


@contextmanager
def chromium() -> Iterator[Browser]:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def phone(browser: Browser, base: str, session: str | None = None) -> BrowserContext:
    """A French phone; ``session`` (a session key) logs it in as that session's user."""
    context = browser.new_context(viewport=PHONE, locale="fr-FR")
    context.set_default_timeout(20_000)
    cookies: list[Any] = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "fr", "url": base}]
    if session:
        cookies.append({"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base})
    context.add_cookies(cookies)
    return context


def session_of(user: Any) -> str:
    """A logged-in session for ``user`` (with a verified second factor when the role needs it)."""
    return str(login(Client(), user).cookies[settings.SESSION_COOKIE_NAME].value)


def log_in(page: Page, username: str) -> None:
    """Fill in the login page the browser is on and send it."""
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form[action='/accounts/login/'] button[type=submit]").click()


def saved(page: Page) -> None:
    """Wait until the autosave of the latest change has reached the server draft."""
    focused = page.locator(".ws-form :focus")
    if focused.count():
        focused.blur()  # a typed field's change (and its autosave) comes when it loses focus
    expect(page.locator("form.ws-form")).to_have_attribute("data-state", "saved")


def shot(page: Page, name: str) -> None:
    page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


def fits(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
