"""From a phone to the public site, in headless Chromium (Debian's), 375 px wide, in French.

A documenter of organisation A records a new defender and a case with a month-only arrest, a
charge, a source with a quote and a restricted note, and submits it; a reviewer of organisation B
fills in the checklist and approves (without ever seeing A's restricted note); an editor of A gives
the second approval and publishes from the review screen; the public page shows the case and not
the note. Screenshots of each step go to test-artifacts/screenshots/ (workspace-N-*-fr.png).

Every wait is on what the page shows (the form's autosave state, a heading, a checked box), never
on time.
"""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from hrdwatch.records.levels import ReviewState, Visibility
from hrdwatch.records.models import Case, SensitiveDetail

from .browsing import MARKS, chromium, fits, log_in, phone, saved, session_of, shot

pytestmark = MARKS
NOTE = "Sœur : +212 600 000 000"


@pytest.fixture
def orm_beside_playwright(monkeypatch):
    """Playwright's sync API runs an event loop in the test's thread; the test reads the database
    between browser steps, which Django allows only when told."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def record(page: Page) -> None:
    """The three steps, as a documenter fills them in, then "Submit for review"."""
    page.get_by_role("button", name="Enregistrer un cas").click()
    page.fill("#ws-q", "Amina")
    page.locator("#person-search button").click()
    expect(page.get_by_text("Personne de visible pour vous")).to_be_visible()
    page.fill("input[name=name]", "Amina Haddad")
    page.fill("input[name=name_original]", "أمينة حداد")
    page.fill("input[name=birth_year]", "1988")
    page.select_option("select[name=nationality]", "MA")
    page.check("input[name=roles][value=journalist]")
    shot(page, "workspace-1-person-fr.png")
    saved(page)
    page.get_by_role("button", name="Enregistrer et continuer").click()

    page.select_option("select[name=country]", "MA")
    page.fill("input[name=city]", "Rabat")
    page.fill("input[name=arresting_forces]", "Police judiciaire")
    page.select_option("select[name=status]", "detained_awaiting_trial")
    shot(page, "workspace-2-detention-fr.png")
    saved(page)
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
    page.fill("textarea[name=note_text]", NOTE)
    expect(page.get_by_text("Restreint : seule votre organisation le voit").first).to_be_visible()
    shot(page, "workspace-3-facts-fr.png")
    saved(page)
    page.get_by_role("button", name="Soumettre à la relecture").click()
    expect(page.get_by_role("heading", name="Historique")).to_be_visible()
    fits(page)
    shot(page, "workspace-4-submitted-fr.png")


def checklist(page: Page) -> None:
    """Every inclusion criterion met, with how it is known."""
    for box in (
        "is_defender",
        "deprived_of_liberty",
        "linked_to_activity",
        "credible_source",
        "risk_assessed",
        "wgad_assessed",
    ):
        page.check(f"#id_{box}")
    page.fill("#id_defender_activity", "Journaliste d'investigation.")
    page.fill("#id_link_reasoning", "Arrêtée après ses articles.")
    page.select_option("#id_consent", "family")
    page.get_by_role("button", name="Enregistrer les critères").click()
    expect(page.get_by_text("Critères enregistrés.")).to_be_visible()  # the page came back saved


def approve(page: Page, comment: str) -> None:
    page.check("input[name=decision][value=approve]")
    page.fill("textarea[name=comment]", comment)
    page.get_by_role("button", name="Enregistrer la décision").click()
    expect(page.get_by_text("Décision enregistrée.")).to_be_visible()
    expect(page.get_by_text(comment)).to_be_visible()


def test_a_case_goes_from_a_phone_to_the_public_site_in_french(
    live_server, transactional_db, world, orm_beside_playwright
):
    base = live_server.url
    reviewer, editor = session_of(world.users["b_reviewer"]), session_of(world.users["a_editor"])
    with chromium() as browser:
        page = phone(browser, base).new_page()
        page.goto(base + "/accounts/login/")
        log_in(page, "a_documenter")
        expect(page.get_by_role("heading", name="Mes brouillons")).to_be_visible()
        shot(page, "workspace-0-home-fr.png")
        record(page)
        uid = page.url.rstrip("/").rsplit("/", 1)[-1]

        review = phone(browser, base, reviewer).new_page()  # organisation B
        review.goto(f"{base}/review/case/{uid}/")
        expect(review.get_by_role("heading", name="Amina Haddad")).to_be_visible()
        assert NOTE not in review.content(), "another organisation's reviewer sees the note"
        checklist(review)
        approve(review, "Sources vérifiées par Org B.")
        fits(review)
        shot(review, "workspace-5-reviewed-other-organisation-fr.png")

        desk = phone(browser, base, editor).new_page()  # organisation A: second pair of eyes
        desk.goto(f"{base}/review/case/{uid}/")
        approve(desk, "Relu par Org A.")
        desk.get_by_role("button", name="Publier").click()
        expect(desk.locator("form[action$='/withdraw/']")).to_be_visible()  # only once published
        shot(desk, "workspace-6-published-fr.png")

        case = Case.objects.select_related("defender").get(uid=uid)
        public = phone(browser, base).new_page()
        public.goto(f"{base}/defenders/{case.defender.uid}/")
        expect(public.locator("h1")).to_contain_text("Amina Haddad")
        expect(public.get_by_role("heading", name="Privation de liberté : Maroc")).to_be_visible()
        assert NOTE not in public.content() and "+212" not in public.content()
        fits(public)
        shot(public, "workspace-7-public-fr.png")
    case.refresh_from_db()
    assert case.review_state == ReviewState.PUBLISHED and case.owner == world.a
    assert {r.reviewer.username for r in case.reviews.all()} == {"b_reviewer", "a_editor"}
    arrest = case.events.get(event_type__code="arrest")
    assert (arrest.date, arrest.date_precision) == (dt.date(2024, 3, 1), "month")
    charge = case.events.get(event_type__code="charge").charges.get()
    assert charge.legal_provision == "Code pénal art. 206"
    note = SensitiveDetail.objects.get(case=case)
    assert note.visibility == Visibility.RESTRICTED and note.text == NOTE
