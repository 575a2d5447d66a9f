"""Nothing typed is lost, in headless Chromium at 375 px in French: the network goes away in the
middle of the form and "Save draft" is pressed; the session expires in the middle of the form and
the documenter logs in again. Each time the server draft ends up holding everything typed (the
page is reloaded with the device's copy wiped to show it comes from the server)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from playwright.sync_api import Page, expect

from hrdwatch.workspace.models import Draft

from .browsing import MARKS, chromium, log_in, phone, saved, session_of, shot

pytestmark = MARKS


@pytest.fixture(autouse=True)
def _orm_beside_playwright(monkeypatch):
    """The test reads and changes the database between browser steps (Playwright's sync API runs
    an event loop in this thread, where Django allows it only when told)."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def start(page: Page) -> None:
    """A new case, its person step half filled in and saved on the server."""
    page.get_by_role("button", name="Enregistrer un cas").click()
    page.fill("input[name=name]", "Amina Haddad")
    saved(page)


def type_the_rest(page: Page) -> None:
    page.fill("input[name=name_original]", "أمينة حداد")
    page.fill("input[name=birth_year]", "1988")
    page.check("input[name=roles][value=journalist]")


def expect_typed(page: Page) -> None:
    expect(page.locator("input[name=name]")).to_have_value("Amina Haddad")
    expect(page.locator("input[name=name_original]")).to_have_value("أمينة حداد")
    expect(page.locator("input[name=birth_year]")).to_have_value("1988")
    expect(page.locator("input[name=roles][value=journalist]")).to_be_checked()


def from_the_server(page: Page) -> None:
    """Forget the device's copy and reload: what the form shows now is the server draft."""
    page.evaluate("localStorage.clear()")
    page.reload()
    expect_typed(page)


def assert_draft_holds_everything() -> None:
    person = Draft.objects.get().step("person")
    assert person["name"] == "Amina Haddad" and person["name_original"] == "أمينة حداد"
    assert person["birth_year"] == "1988" and person["roles"] == ["journalist"]


def test_going_offline_and_pressing_save_loses_nothing(live_server, transactional_db, world):
    base = live_server.url
    with chromium() as browser:
        context = phone(browser, base, session_of(world.users["a_documenter"]))
        page = context.new_page()
        page.goto(base + "/workspace/")
        start(page)
        step = page.url
        context.set_offline(True)
        type_the_rest(page)
        page.get_by_role("button", name="Enregistrer le brouillon").click()
        form = page.locator("form.ws-form")
        expect(form).to_have_attribute("data-state", "offline")
        expect(page.locator(".ws-status")).to_contain_text("Hors ligne")
        assert page.url == step
        expect_typed(page)
        shot(page, "workspace-offline-kept-fr.png")
        assert not Draft.objects.get().step("person").get("name_original")  # not sent yet

        context.set_offline(False)
        expect(form).to_have_attribute("data-state", "saved")
        assert_draft_holds_everything()
        from_the_server(page)
        shot(page, "workspace-offline-restored-fr.png")


@pytest.mark.parametrize("how", ["cookie deleted", "session flushed on the server"])
def test_an_expired_session_resumes_the_draft_after_logging_in(
    live_server, transactional_db, world, how
):
    base = live_server.url
    with chromium() as browser:
        context = phone(browser, base)
        page = context.new_page()
        page.goto(base + "/accounts/login/")
        log_in(page, "a_documenter")
        start(page)
        step = page.url
        if how == "cookie deleted":
            context.clear_cookies(name=settings.SESSION_COOKIE_NAME)
        else:
            Session.objects.all().delete()
        type_the_rest(page)
        saved_state = page.locator("form.ws-form")
        expect(saved_state).to_have_attribute("data-state", "expired")
        expect(page.locator(".ws-status")).to_contain_text("Session expirée")
        shot(page, "workspace-session-expired-fr.png")

        page.get_by_role("button", name="Enregistrer et continuer").click()
        expect(page.locator("input[name=username]")).to_be_visible()
        log_in(page, "a_documenter")
        page.wait_for_url(step)
        expect_typed(page)
        expect(saved_state).to_have_attribute("data-state", "saved")
        assert_draft_holds_everything()
        from_the_server(page)
        shot(page, "workspace-session-resumed-fr.png")


def test_logging_in_again_in_another_tab_lets_the_form_save_without_a_csrf_error(
    live_server, transactional_db, world
):
    """The issue's finding: after a new login the form's CSRF token is stale; the autosave takes a
    fresh one from the page and the button posts without a 403."""
    base = live_server.url
    with chromium() as browser:
        context = phone(browser, base)
        page = context.new_page()
        page.goto(base + "/accounts/login/")
        log_in(page, "a_documenter")
        start(page)
        step = page.url
        context.clear_cookies(name=settings.SESSION_COOKIE_NAME)
        other = context.new_page()
        other.goto(base + "/accounts/login/")
        log_in(other, "a_documenter")  # a new session and a new CSRF token for the whole browser
        expect(other.get_by_role("heading", name="Mes brouillons")).to_be_visible()
        other.close()

        type_the_rest(page)
        saved(page)
        assert_draft_holds_everything()
        page.get_by_role("button", name="Enregistrer et continuer").click()
        page.wait_for_url(step.replace("/person/", "/detention/"))
        expect(page.locator("select[name=country]")).to_be_visible()
