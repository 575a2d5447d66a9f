"""A documenter records a case in the workspace in headless Chromium (Debian's), on a 375 px
phone screen, in French: a new defender, a month-only arrest, a charge, a source with a quote and a
restricted note, then "Submit for review". Screenshots of each step go to
test-artifacts/screenshots/."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from hrdwatch.records.levels import ReviewState, Visibility
from hrdwatch.records.models import Case, SensitiveDetail
from tests.partners.fixtures import PASSWORD

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


def settle(page) -> None:
    """Let the autosave of the last change finish before the step's own save (SQLite has one writer)."""
    page.wait_for_load_state("networkidle")
    expect(page.locator(".ws-status")).to_have_text("Enregistré")


def test_a_documenter_records_and_submits_a_case_on_a_phone_in_french(
    live_server, transactional_db, world
):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            context = browser.new_context(viewport={"width": 375, "height": 812}, locale="fr-FR")
            page = context.new_page()
            page.goto(live_server.url + "/accounts/login/")
            page.fill("input[name=username]", "a_documenter")
            page.fill("input[name=password]", PASSWORD)
            page.locator("form[action='/accounts/login/'] button[type=submit]").click()
            expect(page.get_by_role("heading", name="Mes brouillons")).to_be_visible()
            page.screenshot(path=str(SCREENSHOTS / "workspace-0-home-fr.png"), full_page=True)
            page.get_by_role("button", name="Enregistrer un cas").click()

            page.fill("#ws-q", "Amina")
            page.locator("#person-search button").click()
            expect(page.get_by_text("Personne de visible pour vous")).to_be_visible()
            page.fill("input[name=name]", "Amina Haddad")
            page.fill("input[name=name_original]", "أمينة حداد")
            page.fill("input[name=birth_year]", "1988")
            page.select_option("select[name=nationality]", "MA")
            page.check("input[name=roles][value=journalist]")
            page.screenshot(path=str(SCREENSHOTS / "workspace-1-person-fr.png"), full_page=True)
            settle(page)
            page.get_by_role("button", name="Enregistrer et continuer").click()

            page.select_option("select[name=country]", "MA")
            page.fill("input[name=city]", "Rabat")
            page.fill("input[name=arresting_forces]", "Police judiciaire")
            page.select_option("select[name=status]", "detained_awaiting_trial")
            page.screenshot(path=str(SCREENSHOTS / "workspace-2-detention-fr.png"), full_page=True)
            settle(page)
            page.get_by_role("button", name="Enregistrer et continuer").click()

            page.fill("input[name=arrest_date_0]", "2024")
            page.fill("input[name=arrest_date_1]", "3")
            page.check("input[name=certainty][value=alleged]")
            page.fill("input[name=charge_wording]", "atteinte à la sûreté de l'État")
            page.fill("input[name=charge_article]", "Code pénal art. 206")
            page.select_option("select[name=charge_category]", "state_security")
            page.fill("input[name=source_url]", "https://example.org/news/1")
            page.fill("textarea[name=quote]", "Elle a été arrêtée en mars 2024.")
            page.select_option("select[name=note_kind]", "family_contact")
            page.fill("textarea[name=note_text]", "Sœur : +212 600 000 000")
            expect(
                page.get_by_text("Restreint : seule votre organisation le voit").first
            ).to_be_visible()
            page.screenshot(path=str(SCREENSHOTS / "workspace-3-facts-fr.png"), full_page=True)
            settle(page)
            page.get_by_role("button", name="Soumettre à la relecture").click()

            expect(page.get_by_role("heading", name="Historique")).to_be_visible()
            assert page.evaluate("document.documentElement.scrollWidth") <= 375
            page.screenshot(path=str(SCREENSHOTS / "workspace-4-submitted-fr.png"), full_page=True)
        finally:
            browser.close()
    case = Case.objects.get(defender__display_name="Amina Haddad")
    assert case.review_state == ReviewState.IN_REVIEW and case.owner == world.a
    arrest = case.events.get(event_type__code="arrest")
    assert (arrest.date, arrest.date_precision) == (dt.date(2024, 3, 1), "month")
    assert (
        case.events.get(event_type__code="charge").charges.get().legal_provision
        == "Code pénal art. 206"
    )
    assert SensitiveDetail.objects.get(case=case).visibility == Visibility.RESTRICTED
