"""Bounds hostile input cannot push past: one total deadline per fetch, capped decompression.

A server can hold a worker by dripping its response one byte at a time (every read succeeds, so
per-read time-outs never fire) or exhaust its memory with a small compressed body that expands
hugely. ``deadline`` sets a total time budget for everything done inside it (connect, headers,
body, redirects, robots.txt and retries); every socket operation made through
``DeadlineStream`` gets at most the time that is left. ``BoundedDecoder`` decompresses a body's
content-encodings (gzip, deflate, brotli) chunk by chunk without ever producing more than the cap.
"""

from __future__ import annotations

import contextlib
import time
import typing
import zlib
from collections.abc import Iterator
from contextvars import ContextVar

import brotli
import httpcore

_DEADLINE: ContextVar[float | None] = ContextVar("hrdwatch_fetch_deadline", default=None)


class TooLarge(Exception):
    """The body expands past its cap; the message gives the cap."""


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Everything in the block shares one budget of ``seconds`` (nested blocks get the tighter)."""
    end = time.monotonic() + seconds
    outer = _DEADLINE.get()
    token = _DEADLINE.set(end if outer is None else min(end, outer))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def remaining() -> float | None:
    """Seconds left before the current deadline, or None outside any deadline."""
    end = _DEADLINE.get()
    return None if end is None else end - time.monotonic()


def expired() -> bool:
    left = remaining()
    return left is not None and left <= 0


def bounded_timeout(timeout: float | None) -> float | None:
    """The operation's own time-out, shortened to what is left of the deadline."""
    left = remaining()
    if left is None:
        return timeout
    if left <= 0:
        raise httpcore.ReadTimeout("the total deadline of the fetch has passed")
    return left if timeout is None else min(timeout, left)


class DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every read and write ends by the current fetch's deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self.inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.inner.read(max_bytes, bounded_timeout(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.inner.write(buffer, bounded_timeout(timeout))

    def close(self) -> None:
        self.inner.close()

    def start_tls(
        self,
        ssl_context: typing.Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        inner = self.inner.start_tls(ssl_context, server_hostname, bounded_timeout(timeout))
        return DeadlineStream(inner)

    def get_extra_info(self, info: str) -> typing.Any:
        return self.inner.get_extra_info(info)


class _Zlib:
    """gzip or deflate (zlib-wrapped or raw, as servers send both) with a bounded output."""

    def __init__(self, wbits: int) -> None:
        self.wbits = wbits
        self.inner = zlib.decompressobj(wbits)
        self.started = False

    def feed(self, data: bytes, budget: int) -> bytes:
        if not data:  # the end of the body: what zlib still holds
            rest = self.inner.flush(budget + 1)
            if len(rest) > budget:
                raise TooLarge
            return rest
        if not self.started and self.wbits == zlib.MAX_WBITS and data:
            self.started = True
            if data[0] & 0x0F != 8:  # no zlib header: a raw deflate stream
                self.inner = zlib.decompressobj(-zlib.MAX_WBITS)
        out = bytearray()
        while data:
            out += self.inner.decompress(data, budget + 1 - len(out))
            if len(out) > budget:
                raise TooLarge
            data = self.inner.unconsumed_tail
        return bytes(out)


class _Brotli:
    def __init__(self) -> None:
        self.inner = brotli.Decompressor()

    def feed(self, data: bytes, budget: int) -> bytes:
        if not data and self.inner.can_accept_more_data():
            return b""
        out = bytearray(self.inner.process(data, output_buffer_limit=budget + 1))
        while len(out) <= budget and not self.inner.can_accept_more_data():
            more = self.inner.process(b"", output_buffer_limit=budget + 1 - len(out))
            if not more:
                break
            out += more
        if len(out) > budget:
            raise TooLarge
        return bytes(out)


_DECODERS: dict[str, typing.Callable[[], _Zlib | _Brotli]] = {
    "gzip": lambda: _Zlib(zlib.MAX_WBITS | 16),
    "x-gzip": lambda: _Zlib(zlib.MAX_WBITS | 16),
    "deflate": lambda: _Zlib(zlib.MAX_WBITS),
    "br": _Brotli,
}


class BoundedDecoder:
    """Undo a Content-Encoding header's codings, never yielding more than ``limit`` bytes in all.

    Unknown codings are passed through as httpx does. Corrupt data raises ``ValueError``.
    """

    def __init__(self, content_encoding: str, limit: int) -> None:
        names = [name.strip().lower() for name in content_encoding.split(",")]
        self.steps = [_DECODERS[name]() for name in reversed(names) if name in _DECODERS]
        self.limit = limit
        self.total = 0

    def feed(self, data: bytes) -> bytes:
        for step in self.steps:
            try:
                data = step.feed(data, self.limit - self.total)
            except (zlib.error, brotli.error) as exc:
                raise ValueError(str(exc)) from exc
        self.total += len(data)
        if self.total > self.limit:
            raise TooLarge
        return data
