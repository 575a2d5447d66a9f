"""Refuse private and loopback addresses when the socket connects, not only when a URL is checked.

Checking a URL's host and then letting the HTTP library resolve the name again leaves a gap: a
DNS answer that changes in between (DNS rebinding) would reach an intranet address. Here the
host name is resolved once per connection, every address it resolves to is checked, and the
socket connects to a checked address; TLS still uses the host name (SNI, certificate) and so
does the Host header. Every redirect hop opens its connection through the same check.
"""

from __future__ import annotations

import ipaddress
import socket
import typing

import httpcore
import httpx
from django.conf import settings

from .limits import DeadlineStream, bounded_timeout


class RefusedAddress(Exception):
    """The host resolves to an address hrdwatch must not connect to; the message says which."""


def resolve(host: str, port: int) -> list[str]:
    """Every address the host name resolves to (one DNS query)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def is_public(address: str) -> bool:
    """Whether the address is on the public internet (not private, loopback, link-local...)."""
    return ipaddress.ip_address(address.split("%")[0]).is_global


def checked_addresses(host: str, port: int) -> list[str]:
    """The host's addresses, refusing them all if any is non-public (unless private URLs are allowed)."""
    addresses = resolve(host, port)
    if not settings.HRDWATCH_ALLOW_PRIVATE_URLS:
        for address in addresses:
            if not is_public(address):
                raise RefusedAddress(
                    f"refused: {host} resolves to the non-public address {address} "
                    "(set HRDWATCH_ALLOW_PRIVATE_URLS=1 to allow intranet servers)"
                )
    return addresses


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's socket backend, connecting only to addresses that passed the check.

    Its streams also end every operation by the current fetch's total deadline (``limits``).
    """

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            addresses = checked_addresses(host, port)
        except socket.gaierror as exc:
            raise httpcore.ConnectError(f"cannot resolve host {host}: {exc.strerror}") from exc
        failure = httpcore.ConnectError(f"no address for {host}")
        for address in addresses:
            try:
                stream = super().connect_tcp(
                    address, port, bounded_timeout(timeout), local_address, socket_options
                )
                return DeadlineStream(stream)
            except httpcore.ConnectError as exc:
                failure = exc
        raise failure


def guarded_transport() -> httpx.HTTPTransport:
    """An httpx transport whose every connection goes through ``GuardedBackend``."""
    transport = httpx.HTTPTransport()
    # httpx has no public hook for httpcore's network backend; the pool reads this attribute
    # for each new connection (tests/ingestion/test_netguard.py fails if that ever changes).
    transport._pool._network_backend = GuardedBackend()
    return transport
