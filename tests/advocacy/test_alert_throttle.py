"""Alert sign-ups are throttled per client address (and per recipient), so nobody can use the
form to flood a mailbox with confirmation mails."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clean(settings):
    cache.clear()
    settings.HRDWATCH_ALERT_SIGNUP_RATE = "3/h"


def _sign_up(client, email, remote="203.0.113.7", **extra):
    return client.post("/act/alerts/", {"email": email}, REMOTE_ADDR=remote, **extra)


def test_one_address_cannot_send_unlimited_confirmations(client, db):
    codes = [_sign_up(client, f"person{n}@example.org").status_code for n in range(5)]
    assert len(mail.outbox) == 3
    assert codes[3:] == [429, 429]
    assert _sign_up(client, "other@example.org", remote="198.51.100.9").status_code == 200
    assert len(mail.outbox) == 4


def test_varying_x_forwarded_for_does_not_help(client, db, settings):
    settings.HRDWATCH_TRUSTED_PROXIES = ["127.0.0.1"]
    for n in range(5):
        _sign_up(client, f"p{n}@example.org", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    assert len(mail.outbox) == 3


def test_one_mailbox_is_not_flooded_from_many_addresses(client, db):
    for n in range(6):
        _sign_up(client, "victim@example.org", remote=f"192.0.2.{n}")
    assert len(mail.outbox) == 3
