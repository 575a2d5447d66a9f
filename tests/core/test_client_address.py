"""The client address: X-Forwarded-For is believed only from a configured trusted proxy."""

from __future__ import annotations

from django.test import RequestFactory

from hrdwatch.core.addresses import client_address


def _request(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.HRDWATCH_TRUSTED_PROXIES = []
    assert client_address(_request("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


def test_an_untrusted_client_cannot_choose_its_address(settings):
    settings.HRDWATCH_TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_address(_request("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


def test_a_trusted_proxy_passes_on_the_client_address(settings):
    settings.HRDWATCH_TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    assert client_address(_request("127.0.0.1", "198.51.100.1")) == "198.51.100.1"
    # The client may prepend anything; only the hop the trusted proxies saw counts.
    assert (
        client_address(_request("127.0.0.1", "1.2.3.4, 198.51.100.1, 10.1.2.3")) == "198.51.100.1"
    )


def test_garbage_in_the_header_falls_back_to_the_proxy(settings):
    settings.HRDWATCH_TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_address(_request("127.0.0.1", "not-an-address")) == "127.0.0.1"
    assert client_address(_request("127.0.0.1", "")) == "127.0.0.1"


def test_the_setting_is_read_from_the_environment(monkeypatch):
    from hrdwatch.project.settings.base import trusted_proxies

    monkeypatch.setenv("HRDWATCH_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8")
    assert trusted_proxies() == ["127.0.0.1", "10.0.0.0/8"]
    monkeypatch.delenv("HRDWATCH_TRUSTED_PROXIES")
    assert trusted_proxies() == []
