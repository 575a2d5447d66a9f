"""The API rate limit is keyed by the client address a trusted proxy vouches for, nothing else."""

from __future__ import annotations

from django.core.cache import cache


def _get(client, **extra):
    return client.get("/api/v1/countries", **extra).status_code


def test_varying_x_forwarded_for_does_not_bypass_the_limit(client, sample, settings):
    cache.clear()
    settings.HRDWATCH_API_RATE_PUBLIC = "3/min"
    codes = [
        _get(client, REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
        for n in range(6)
    ]
    assert codes[:3] == [200, 200, 200]
    assert codes[3:] == [429, 429, 429]


def test_clients_behind_a_trusted_proxy_are_limited_separately(client, sample, settings):
    cache.clear()
    settings.HRDWATCH_API_RATE_PUBLIC = "2/min"
    settings.HRDWATCH_TRUSTED_PROXIES = ["127.0.0.1"]
    first = [
        _get(client, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7") for _ in range(3)
    ]
    other = _get(client, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.9")
    assert first == [200, 200, 429]
    assert other == 200
