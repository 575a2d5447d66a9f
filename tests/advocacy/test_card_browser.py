"""The embeddable card renders in headless Chromium, inside an iframe on a partner's page."""

from __future__ import annotations

import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def partner_page(card_url: str) -> ThreadingHTTPServer:
    """A 'partner site' on another origin (127.0.0.1, another port) that frames the card."""
    html = f'<!doctype html><title>partner</title><iframe id="card" src="{card_url}" width="460" height="320"></iframe>'

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(html.encode())

        def log_message(self, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_card_renders_in_chromium_inside_a_partner_iframe(live_server, tmp_path):
    from playwright.sync_api import sync_playwright

    from tests.advocacy.sample import build_sample

    executable = shutil.which("chromium") or "/usr/bin/chromium"
    sample = build_sample()
    card_url = (
        f"{live_server.url.replace('localhost', '127.0.0.1')}/act/card/{sample.defender.uid}/"
    )
    server = partner_page(card_url)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=executable, headless=True, args=CHROMIUM_ARGS
            )
            page = browser.new_page(viewport={"width": 500, "height": 400})
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
            frame = page.frame_locator("#card")
            frame.locator(".card-name").wait_for(timeout=10_000)
            assert frame.locator(".card-name").inner_text() == "Tran Van Minh"
            assert int(frame.locator(".card-count").inner_text()) > 365
            border = frame.locator(".card").evaluate("e => getComputedStyle(e).borderLeftWidth")
            assert border == "8px", "the card stylesheet loaded"
            page.screenshot(path=str(tmp_path / "card.png"))
            assert not [e for e in errors if "Refused" in e or "frame" in e.lower()], errors
            browser.close()
    finally:
        server.shutdown()
