"""Polite, defensive HTTP fetching: the only place hrdwatch talks to the outside web.

Every request checks the URL (http/https only, no private or loopback address unless
HRDWATCH_ALLOW_PRIVATE_URLS), obeys robots.txt and a per-host rate limit shared by all workers
(through the ``Host`` table), sends conditional headers, follows a bounded number of redirects
(re-checking each hop), and streams the body under a size cap that also catches compression
bombs. Transient failures are retried with tenacity; everything else becomes a ``FetchError``
whose message is shown to people as is.
"""

from __future__ import annotations

import datetime as dt
import socket
import time
import urllib.robotparser
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from tenacity import (
    retry,
    retry_if_exception_type,
    stop_after_attempt,
    stop_any,
    wait_exponential,
)
from tenacity.stop import stop_base

from .limits import BoundedDecoder, TooLarge, deadline, expired
from .models import Host
from .netguard import RefusedAddress, checked_addresses, guarded_transport

USER_AGENT = "hrdwatch/0.1 (+https://github.com/hrdwatch; human rights documentation)"
ALLOWED_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "application/xml",
    "text/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/pdf",
    "text/plain",
    "message/rfc822",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/octet-stream",
    "application/json",
    "application/feed+json",
)
KEPT_HEADERS = (
    "content-type",
    "content-length",
    "etag",
    "last-modified",
    "date",
    "server",
    "content-language",
)
ROBOTS_MAX_AGE = dt.timedelta(days=1)
ROBOTS_MAX_BYTES = 512_000  # as Google: rules past 500 KiB are not read
RAW_CHUNK = 8_192  # wire bytes decoded at a time, so a bomb is caught after little output
BOMB_FLOOR, BOMB_RATIO = 1_000_000, 100  # more than this many times the wire bytes is a bomb
ROBOTS_PROCESS_CACHE_SECONDS = 300  # saves a database query per document in a busy worker
_ROBOTS: dict[str, tuple[float, urllib.robotparser.RobotFileParser]] = {}


def option(name: str, default: float) -> float:
    """A fetch setting with its default (see docs/ingestion.md for each one)."""
    return float(getattr(settings, name, default))


class FetchError(Exception):
    """A fetch that cannot succeed; the message is the readable reason recorded on the document."""


class TransientFetchError(FetchError):
    """A failure worth retrying: connection trouble, time-out, 429 or 5xx."""


@dataclass
class Fetched:
    """A response worth keeping (status 200) or a 304 telling us nothing changed."""

    url: str
    final_url: str
    status: int
    content_type: str = ""
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def check_url(url: str) -> None:
    """Refuse non-http(s) URLs and, unless allowed, hosts that resolve to non-public addresses.

    This gives an early, readable refusal; the binding check is made again when the socket
    connects (``netguard``), so a DNS answer that changes in between is caught too.
    """
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        raise FetchError(
            f"refused: only http and https URLs are fetched, not {parts.scheme or 'no scheme'!r}"
        )
    if not parts.hostname:
        raise FetchError("refused: the URL has no host")
    try:
        checked_addresses(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve host {parts.hostname}: {exc.strerror}") from exc
    except RefusedAddress as exc:
        raise FetchError(str(exc)) from exc


def host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def wait_for_slot(url: str) -> None:
    """Sleep until this host's next free slot, reserving the one after it for the next request."""
    interval = dt.timedelta(seconds=option("HRDWATCH_FETCH_HOST_INTERVAL", 0.25))
    if not interval:
        return
    with transaction.atomic():
        host, _ = Host.objects.select_for_update().get_or_create(name=host_key(url))
        now = timezone.now()
        slot = max(now, host.next_slot or now)
        host.next_slot = slot + interval
        host.save(update_fields=["next_slot"])
    delay = (slot - timezone.now()).total_seconds()
    if delay > 0:
        time.sleep(delay)


def _robots_parser(client: httpx.Client, key: str) -> urllib.robotparser.RobotFileParser:
    """The host's robots.txt rules: from this process's cache, else the database, else the web."""
    cached = _ROBOTS.get(key)
    if cached and time.monotonic() - cached[0] < ROBOTS_PROCESS_CACHE_SECONDS:
        return cached[1]
    host, _ = Host.objects.get_or_create(name=key)
    if host.robots_fetched_at is None or timezone.now() - host.robots_fetched_at > ROBOTS_MAX_AGE:
        body = _read_robots(client, key)
        Host.objects.filter(pk=host.pk).update(robots_txt=body, robots_fetched_at=timezone.now())
        host.robots_txt = body
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(host.robots_txt.splitlines())
    _ROBOTS[key] = (time.monotonic(), parser)
    return parser


def _read_robots(client: httpx.Client, key: str) -> str:
    """robots.txt of the host, read under a size cap; missing or unreachable forbids nothing."""
    url = urljoin(key, "/robots.txt")
    try:
        # Redirects are not followed, so robots.txt cannot bounce us to another host.
        with client.stream("GET", url) as response:
            if response.status_code != 200:
                return ""
            return _read_body(response, url, ROBOTS_MAX_BYTES).decode("utf-8", errors="replace")
    except FetchError as exc:
        raise FetchError(f"robots.txt of {key} cannot be read: {exc}") from exc
    except RefusedAddress as exc:
        raise FetchError(str(exc)) from exc
    except httpx.HTTPError as exc:
        if expired():
            raise _too_slow(url) from exc
        return ""


def robots_allows(client: httpx.Client, url: str) -> bool:
    """Whether robots.txt of the URL's host lets our user agent fetch it."""
    return _robots_parser(client, host_key(url)).can_fetch(USER_AGENT, url)


def new_client() -> httpx.Client:
    """An httpx client with hrdwatch's time-outs and the connect-time address check.

    Redirects are followed by ``fetch`` itself; proxies from the environment are ignored, as a
    proxy would connect to addresses the check never sees.
    """
    timeout = option("HRDWATCH_FETCH_TIMEOUT", 15.0)
    return httpx.Client(
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
        timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
        follow_redirects=False,
        transport=guarded_transport(),
        trust_env=False,
    )


def _too_slow(url: str) -> FetchError:
    seconds = option("HRDWATCH_FETCH_DEADLINE", 60.0)
    return FetchError(
        f"too slow: {url} did not answer in full within the {seconds:g}-second limit "
        "(connection, headers, body and retries together)"
    )


def _read_body(response: httpx.Response, url: str, limit: int = 0) -> bytes:
    """Read and decompress the body under the size cap and the deadline, refusing bombs.

    The body is decompressed here, a few kilobytes of wire bytes at a time, so a compressed
    body never expands past the cap in memory (httpx would expand a whole network chunk).
    """
    limit = limit or int(option("HRDWATCH_FETCH_MAX_BYTES", 20_000_000))
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchError(f"too large: {url} declares {int(declared):,} bytes (limit {limit:,})")
    decoder = BoundedDecoder(response.headers.get("content-encoding", ""), limit)
    chunks: list[bytes] = []
    wire = 0
    try:
        for raw in response.iter_raw(RAW_CHUNK):
            wire += len(raw)
            decoder.limit = min(limit, max(BOMB_FLOOR, BOMB_RATIO * wire))
            chunks.append(decoder.feed(raw))
            if expired():
                raise _too_slow(url)
        chunks.append(decoder.feed(b""))
    except TooLarge:
        if decoder.limit < limit or (decoder.steps and decoder.limit > 20 * wire):
            raise FetchError(
                f"refused: {url} looks like a compression bomb "
                f"(over {decoder.limit:,} bytes from {wire:,})"
            ) from None
        raise FetchError(f"too large: {url} is over the {limit:,}-byte limit") from None
    except ValueError as exc:
        raise FetchError(f"cannot decode the compressed body of {url}: {exc}") from None
    return b"".join(chunks)


def _check_type(content_type: str, url: str) -> None:
    media = content_type.split(";")[0].strip().lower()
    if media and not media.startswith(ALLOWED_TYPES):
        raise FetchError(f"unexpected content type {media!r} at {url}")


def _conditional_headers(etag: str, last_modified: str) -> dict[str, str]:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _redirect_target(response: httpx.Response, current: str, seen: set[str]) -> str:
    location = response.headers.get("location", "")
    if not location:
        raise FetchError(f"redirect without a Location header at {current}")
    seen.add(current)
    target = urljoin(current, location)
    if target in seen:
        raise FetchError(f"redirect loop at {target}")
    return target


def _answer(response: httpx.Response, url: str, current: str) -> Fetched:
    """Turn a final (non-redirect) response into what was fetched, or the reason it was not."""
    status = response.status_code
    kept = {k: v for k, v in response.headers.items() if k.lower() in KEPT_HEADERS}
    if status == 304:
        return Fetched(url, current, status, headers=kept)
    if status == 429 or status >= 500:
        raise TransientFetchError(f"HTTP {status} from {current}")
    if status != 200:
        raise FetchError(f"HTTP {status} from {current}")
    content_type = response.headers.get("content-type", "")
    _check_type(content_type, current)
    return Fetched(url, current, status, content_type, _read_body(response, current), kept)


@contextmanager
def _transport_errors(current: str) -> Iterator[None]:
    """Name what went wrong on the wire, and whether trying again may help."""
    try:
        yield
    except RefusedAddress as exc:  # the name now resolves elsewhere than when checked
        raise FetchError(str(exc)) from exc
    except httpx.TimeoutException as exc:
        if expired():
            raise _too_slow(current) from exc
        raise TransientFetchError(f"timed out fetching {current}") from exc
    except httpx.DecodingError as exc:
        raise FetchError(f"cannot decode the compressed body of {current}") from exc
    except httpx.TransportError as exc:
        raise TransientFetchError(f"cannot connect to {host_key(current)}: {exc}") from exc


def _fetch_once(client: httpx.Client, url: str, etag: str, last_modified: str) -> Fetched:
    max_redirects = int(option("HRDWATCH_FETCH_MAX_REDIRECTS", 5))
    current = url
    seen: set[str] = set()
    headers = _conditional_headers(etag, last_modified)
    for _hop in range(max_redirects + 1):
        check_url(current)
        if not robots_allows(client, current):
            raise FetchError(f"robots.txt of {host_key(current)} forbids fetching {current}")
        wait_for_slot(current)
        with _transport_errors(current), client.stream("GET", current, headers=headers) as response:
            if response.status_code not in {301, 302, 303, 307, 308}:
                return _answer(response, url, current)
            current = _redirect_target(response, current, seen)
    raise FetchError(f"too many redirects (more than {max_redirects}) from {url}")


class _OutOfTime(stop_base):
    """Stop retrying once the fetch's total deadline has passed."""

    def __call__(self, retry_state: object) -> bool:
        return expired()


def fetch(
    url: str, etag: str = "", last_modified: str = "", client: httpx.Client | None = None
) -> Fetched:
    """Fetch ``url`` politely; retry transient failures with exponential back-off.

    Everything (robots.txt, redirects, every attempt and the waits between them) shares one
    total deadline, ``HRDWATCH_FETCH_DEADLINE``.
    """
    attempts = int(option("HRDWATCH_FETCH_ATTEMPTS", 3))

    retrying = retry(
        retry=retry_if_exception_type(TransientFetchError),
        stop=stop_any(stop_after_attempt(attempts), _OutOfTime()),
        wait=wait_exponential(multiplier=option("HRDWATCH_FETCH_BACKOFF", 0.5), max=10),
        reraise=True,
    )
    own = client is None
    active = client or new_client()
    try:
        with deadline(option("HRDWATCH_FETCH_DEADLINE", 60.0)):
            return retrying(_fetch_once)(active, url, etag, last_modified)
    finally:
        if own:
            active.close()
