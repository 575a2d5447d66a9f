"""Private addresses stay refused when DNS answers change (rebinding) and on every redirect hop.

The resolver is replaced by a fake one; for these tests only the local test server's address
(127.0.0.1) counts as public, and 10.0.0.0/8 stands for the intranet an attacker is after.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable

import pytest

from hrdwatch.ingestion import netguard
from hrdwatch.ingestion.fetch import FetchError, fetch

pytestmark = pytest.mark.django_db  # robots.txt and rate limits are kept per host
INTRANET = "10.0.0.5"


@pytest.fixture
def dns(monkeypatch, settings) -> Callable[[str, list[list[str]]], None]:
    """``dns(name, [first answer, second answer, ...])``: a resolver whose answers change."""
    settings.HRDWATCH_ALLOW_PRIVATE_URLS = False
    answers: dict[str, list[list[str]]] = {}
    monkeypatch.setattr(netguard, "is_public", lambda address: address == "127.0.0.1")

    def resolve(host: str, port: int) -> list[str]:
        try:
            return [str(ipaddress.ip_address(host))]
        except ValueError:
            pass
        queue = answers[host]
        return queue.pop(0) if len(queue) > 1 else queue[0]

    monkeypatch.setattr(netguard, "resolve", resolve)
    return lambda name, sequence: answers.__setitem__(name, sequence)


def port_of(site) -> int:
    return site.server_address[1]


def test_a_name_is_fetched_through_the_address_that_was_checked(site, dns):
    dns("news.test", [["127.0.0.1"]])
    fetched = fetch(f"http://news.test:{port_of(site)}/news/trial-postponed.html")
    assert fetched.status == 200 and b"postponed" in fetched.body


def test_dns_rebinding_between_check_and_connect_is_refused(site, dns):
    dns("rebind.test", [["127.0.0.1"], [INTRANET]])  # public when checked, intranet afterwards
    with pytest.raises(FetchError, match=f"non-public address {INTRANET}"):
        fetch(f"http://rebind.test:{port_of(site)}/news/trial-postponed.html")
    assert ("/news/trial-postponed.html", "") not in site.requests


def test_a_name_with_one_private_address_among_public_ones_is_refused(site, dns):
    dns("mixed.test", [["127.0.0.1", INTRANET]])
    with pytest.raises(FetchError, match="non-public address"):
        fetch(f"http://mixed.test:{port_of(site)}/news/trial-postponed.html")


def test_every_redirect_hop_is_checked(site, dns):
    dns("intranet.test", [[INTRANET]])
    with pytest.raises(
        FetchError, match=f"intranet.test resolves to the non-public address {INTRANET}"
    ):
        fetch(f"http://127.0.0.1:{port_of(site)}/to-intranet")
