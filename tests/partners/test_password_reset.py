"""Password reset by e-mail: a link that works once and expires."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.core.cache import cache

from hrdwatch.audit.models import AuditEntry
from tests.partners.fixtures import PASSWORD

NEW_PASSWORD = "a completely new passphrase 42"  # noqa: S105


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()


def _ask(client, email="a_viewer@example.org", **extra):
    return client.post("/accounts/password_reset/", {"email": email}, **extra)


def _link() -> str:
    match = re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(1)


def _set_password(client, link: str):
    page = client.get(link, follow=True)
    form_url = page.redirect_chain[-1][0] if page.redirect_chain else link
    return client.post(
        form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    ), page


def test_the_login_page_links_to_the_reset(client, db):
    assert 'href="/accounts/password_reset/"' in client.get("/accounts/login/").content.decode()


def test_reset_works_once(client, world):
    response = _ask(client)
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["a_viewer@example.org"]
    link = _link()
    done, page = _set_password(client, link)
    assert page.status_code == 200 and 'name="new_password1"' in page.content.decode()
    assert done.status_code == 302
    world.users["a_viewer"].refresh_from_db()
    assert world.users["a_viewer"].check_password(NEW_PASSWORD)
    assert AuditEntry.objects.filter(action="account.password_reset").exists()
    again = client.get(link, follow=True)
    assert 'name="new_password1"' not in again.content.decode()
    assert "no longer valid" in again.content.decode()


def test_an_expired_link_is_refused(client, world, monkeypatch, settings):
    _ask(client)
    link = _link()
    later = default_token_generator._now() + __import__("datetime").timedelta(
        seconds=settings.PASSWORD_RESET_TIMEOUT + 5
    )
    monkeypatch.setattr(default_token_generator, "_now", lambda: later)
    page = client.get(link, follow=True)
    assert 'name="new_password1"' not in page.content.decode()
    world.users["a_viewer"].refresh_from_db()
    assert world.users["a_viewer"].check_password(PASSWORD)


def test_links_expire_within_hours_not_days(settings):
    assert settings.PASSWORD_RESET_TIMEOUT <= 60 * 60 * 2


def test_unknown_addresses_look_the_same_and_send_nothing(client, world):
    response = _ask(client, email="nobody@example.org")
    assert response.status_code == 302
    assert mail.outbox == []


def test_reset_requests_are_throttled_per_address(client, world, settings):
    settings.HRDWATCH_RESET_RATE = "3/h"
    for _ in range(5):
        _ask(client, REMOTE_ADDR="203.0.113.7")
    assert len(mail.outbox) == 3
    _ask(client, REMOTE_ADDR="198.51.100.9")
    assert len(mail.outbox) == 4


@pytest.mark.parametrize("language,word", [("fr", "mot de passe"), ("es", "contraseña")])
def test_the_reset_pages_are_translated(client, db, language, word):
    page = client.get("/accounts/password_reset/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert word in page.lower()
