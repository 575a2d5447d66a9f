"""The client's network address, believing ``X-Forwarded-For`` only from a trusted proxy.

Behind a reverse proxy every request comes from the proxy's address; the proxy appends the
address it saw to ``X-Forwarded-For``. Anyone can send that header, so it counts only when the
request arrives from an address listed in ``HRDWATCH_TRUSTED_PROXIES`` (addresses or CIDR
ranges), and then only the right-most hop that is not itself a trusted proxy: whatever the
client wrote further left is its own claim. Lockouts, rate limits and sign-up throttles all key
on this one answer.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

from django.conf import settings
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _networks(entries: Iterable[str]) -> list[Network]:
    return [ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry.strip()]


def _parse(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def _trusted(
    address: ipaddress.IPv4Address | ipaddress.IPv6Address, networks: list[Network]
) -> bool:
    return any(address in network for network in networks)


def client_address(request: HttpRequest) -> str:
    """The address to key lockouts and limits on (``REMOTE_ADDR`` unless a trusted proxy vouches)."""
    remote = str(request.META.get("REMOTE_ADDR") or "")
    networks = _networks(getattr(settings, "HRDWATCH_TRUSTED_PROXIES", []))
    peer = _parse(remote)
    if peer is None or not networks or not _trusted(peer, networks):
        return remote
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR") or "")
    for hop in reversed(forwarded.split(",")):
        address = _parse(hop)
        if address is None:
            break
        if not _trusted(address, networks):
            return str(address)
    return remote
