"""A local HTTP server for the ingestion tests: saved pages plus misbehaving routes.

Static files get ETag/Last-Modified and answer conditional requests with 304, like a real site.
Special paths imitate hostile or broken servers (a hanging host, a compression bomb, a redirect
loop, an oversized body, an unexpected content type, flaky 503s).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import threading
import time
import zipfile
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import brotli

FIXTURES = Path(__file__).parent / "fixtures"
TYPES = {
    ".html": "text/html",
    ".xml": "application/xml",
    ".txt": "text/plain",
    ".pdf": "application/pdf",
    ".eml": "message/rfc822",
    ".png": "image/png",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
BOMB = gzip.compress(b"\0" * 60_000_000, compresslevel=9)
BROTLI_BOMB = brotli.compress(b"\0" * 60_000_000)


def docx_bomb(expanded: int = 60_000_000) -> bytes:
    """A small DOCX whose document.xml expands to ``expanded`` bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * expanded)
    return buffer.getvalue()


class Handler(BaseHTTPRequestHandler):
    server: SiteServer

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - keep test output quiet
        return

    def send_body(
        self, status: int, body: bytes, content_type: str = "text/html", **headers: str
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802
        path, _, query = self.path.partition("?")
        self.server.requests.append((path, self.headers.get("If-None-Match", "")))
        if path == "/robots.txt" and self.server.robots_bomb:
            self.send_body(200, BOMB, "text/plain", Content_Encoding="gzip")
            return
        special = getattr(
            self, "route_" + path.strip("/").replace("-", "_").replace("/", "__"), None
        )
        if special is not None:
            special()
            return
        root = self.server.root
        file = (root / path.lstrip("/")).resolve()
        if path.endswith("/"):
            file = file / "index.html"
        if query:  # a later page of a listing: list.html?page=1 is saved as list.page-1.html
            paged = file.with_name(f"{file.stem}.{query.replace('=', '-')}{file.suffix}")
            file = paged if paged.is_file() else file
        if root not in file.parents or not file.is_file():
            self.send_body(404, b"<html><body><h1>Not found</h1></body></html>")
            return
        body = file.read_bytes()
        etag = '"' + hashlib.sha1(body).hexdigest() + '"'  # noqa: S324 - an ETag, not security
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        content_type = TYPES.get(file.suffix, "application/octet-stream")
        self.send_body(
            200,
            body,
            content_type,
            ETag=etag,
            Last_Modified=formatdate(file.stat().st_mtime, usegmt=True),
        )

    def route_slow(self) -> None:
        time.sleep(self.server.hang_seconds)
        self.send_body(200, b"<html><body>too late</body></html>")

    def route_bomb(self) -> None:
        self.send_body(200, BOMB, "text/html", Content_Encoding="gzip")

    def route_brotli_bomb(self) -> None:
        self.send_body(200, BROTLI_BOMB, "text/html", Content_Encoding="br")

    def route_gzipped(self) -> None:
        page = (FIXTURES / "site/news/trial-postponed.html").read_bytes()
        self.send_body(200, gzip.compress(page), "text/html", Content_Encoding="gzip")

    def route_docx_bomb(self) -> None:
        self.send_body(200, docx_bomb(), "application/octet-stream")

    def route_drip(self) -> None:
        """Headers one byte at a time, forever: every read succeeds, so only a deadline ends it."""
        self.server.drip_calls += 1
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"x" * 100_000
        try:
            for byte in head:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(self.server.drip_interval)
        except OSError:
            return

    def route_huge(self) -> None:
        self.send_body(200, b"<html><body>" + b"<p>x</p>" * 500_000 + b"</body></html>")

    def route_loop_a(self) -> None:
        self.send_body(302, b"", Location="/loop-b")

    def route_loop_b(self) -> None:
        self.send_body(302, b"", Location="/loop-a")

    def route_moved(self) -> None:
        self.send_body(301, b"", Location="/news/trial-postponed.html")

    def route_to_file_scheme(self) -> None:
        self.send_body(302, b"", Location="file:///etc/passwd")

    def route_to_intranet(self) -> None:
        self.send_body(302, b"", Location="http://intranet.test/admin")

    def route_image(self) -> None:
        self.send_body(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png")

    def route_error(self) -> None:
        self.send_body(500, b"<html><body>Internal Server Error</body></html>")

    def route_flaky(self) -> None:
        self.server.flaky_calls += 1
        if self.server.flaky_calls < 2:
            self.send_body(503, b"busy")
            return
        self.send_body(200, (FIXTURES / "site/news/trial-postponed.html").read_bytes())


class SiteServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, root: Path = FIXTURES / "site", hang_seconds: float = 5.0) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.root = root.resolve()
        self.requests: list[tuple[str, str]] = []
        self.hang_seconds = hang_seconds
        self.flaky_calls = 0
        self.drip_calls = 0
        self.drip_interval = 0.2
        self.robots_bomb = False

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients hanging up on the hostile routes is expected; keep the output quiet."""

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"

    def start(self) -> SiteServer:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


if __name__ == "__main__":  # serve the fixtures by hand: python -m tests.ingestion.server
    server = SiteServer()
    print(server.url())
    server.serve_forever()
