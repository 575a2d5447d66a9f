"""Lockout per (account, client address) pair, with the address taken from a trusted proxy only."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from tests.partners.fixtures import PASSWORD


def _login(client, username, password=PASSWORD, remote="203.0.113.7", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post("/accounts/login/", {"username": username, "password": password}, **extra)


def _fail(client, settings, username, **where):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, username, "wrong password", **where)


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()


def test_failures_on_one_account_do_not_lock_another_on_the_same_address(client, world, settings):
    _fail(client, settings, "a_viewer")
    assert _login(client, "a_viewer").status_code == 429
    assert _login(client, "a_documenter").status_code == 302


def test_failures_from_one_address_do_not_lock_the_account_elsewhere(client, world, settings):
    _fail(client, settings, "a_viewer", remote="203.0.113.7")
    assert _login(client, "a_viewer", remote="198.51.100.9").status_code == 302


def test_behind_a_trusted_proxy_each_client_has_its_own_lockout(client, world, settings):
    settings.HRDWATCH_TRUSTED_PROXIES = ["127.0.0.1"]
    _fail(client, settings, "a_viewer", remote="127.0.0.1", forwarded="203.0.113.7")
    assert (
        _login(client, "a_viewer", remote="127.0.0.1", forwarded="203.0.113.7").status_code == 429
    )
    assert (
        _login(client, "a_viewer", remote="127.0.0.1", forwarded="198.51.100.9").status_code == 302
    )


def test_an_untrusted_client_cannot_escape_the_lockout_by_varying_the_header(
    client, world, settings
):
    settings.HRDWATCH_TRUSTED_PROXIES = ["127.0.0.1"]
    for n in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "a_viewer", "wrong password", forwarded=f"192.0.2.{n}")
    assert _login(client, "a_viewer", forwarded="192.0.2.200").status_code == 429
