"""The report form and the members page in headless Chromium at 375 px, in French, with
JavaScript turned off: both work and nothing is wider than the phone's screen.
Screenshots go to test-artifacts/screenshots/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from hrdwatch.partners.models import DetentionReport
from tests.partners.fixtures import build_world, login

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
OVERFLOW = "document.documentElement.scrollWidth"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_report_form_and_members_page_at_375px_in_french_without_javascript(live_server):
    from playwright.sync_api import sync_playwright

    world = build_world()
    session = (
        login(Client(), world.users["a_administrator"]).cookies[settings.SESSION_COOKIE_NAME].value
    )
    base = live_server.url
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=shutil.which("chromium") or "/usr/bin/chromium",
            headless=True,
            args=CHROMIUM_ARGS,
        )
        context = browser.new_context(
            viewport={"width": 375, "height": 800}, java_script_enabled=False, locale="fr-FR"
        )
        context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "fr", "url": base}])
        page = context.new_page()
        page.goto(f"{base}/report/")
        assert "Signaler une détention" in page.locator("h1").inner_text()
        assert page.evaluate(OVERFLOW) <= 375
        page.fill("#id_who", "Personne fictive")
        page.fill("#id_where", "Ville fictive")
        page.fill("#id_when", "mars 2026")
        page.fill("#id_what_happened", "Arrêtée à son domicile.")
        page.screenshot(path=str(SCREENSHOTS / "report-form-375-fr.png"), full_page=True)
        page.get_by_role("button", name="Envoyer le signalement").click()
        assert "bien été reçu" in page.locator("h1").inner_text()

        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base}])
        page.goto(f"{base}/workspace/organisation/org-a/")
        assert "Membres de Org A" in page.locator("h1").inner_text()
        assert page.evaluate(OVERFLOW) <= 375
        page.screenshot(path=str(SCREENSHOTS / "members-375-fr.png"), full_page=True)
        assert "Il ne fonctionne qu" in page.content(), "help texts are translated too"
        page.fill("#id_email", "nouvelle@example.org")
        page.get_by_role("button", name="Envoyer l'invitation").click()
        assert "Invitation envoyée à nouvelle@example.org." in page.content()
        browser.close()
    # The database is read outside Playwright's event loop.
    assert DetentionReport.objects.get().who == "Personne fictive"
