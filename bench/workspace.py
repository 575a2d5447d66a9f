"""Record the standard case through the workspace over real HTTP, as a phone without JavaScript.

A fresh instance (``hrdwatch init`` in a temporary data folder, SQLite) gets one documenter; the
site runs with ``hrdwatch serve`` (gunicorn, WhiteNoise) on a free port. A ``requests`` session
(``Accept-Encoding: gzip``, French) logs in, then records the standard case with the real forms:
a new defender (searched first), the detention, a month-only arrest, a charge with its article, a
source with a quote and a restricted note; and submits it for review.

    .venv/bin/python bench/workspace.py

Counted:

- screens: the step pages the documenter fills in (a search reloads the same step);
- inputs: the fields set to something else than what the page offered (each ticked box is one),
  plus the search;
- max_page_kb: the heaviest workspace page on first load, its HTML and every stylesheet, script
  and image it links as sent on the wire (an empty cache for each page), in KB (1,000 bytes),
  rounded up.

The last line is ``screens=N inputs=N max_page_kb=N``; targets: 3 screens, 25 inputs, 60 KB.
"""

from __future__ import annotations

import gzip
import math
import os
import socket
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import requests

REPO = Path(__file__).resolve().parents[1]
USER, PASSWORD = "documenter", "bench-workspace-password-1"  # noqa: S105
SEARCH = "Amina Haddad"
STEPS: list[tuple[str, dict[str, Any]]] = [
    (
        "person",
        {
            "name": "Amina Haddad",
            "birth_year": "1988",
            "nationality": "MA",
            "roles": ["journalist"],
        },
    ),
    (
        "detention",
        {
            "country": "MA",
            "city": "Rabat",
            "arresting_forces": "Police judiciaire",
            "status": "detained_awaiting_trial",
        },
    ),
    (
        "facts",
        {
            "arrest_date_0": "2024",
            "arrest_date_1": "3",
            "certainty": "alleged",
            "charge_wording": "atteinte à la sûreté de l'État",
            "charge_article": "Code pénal art. 206",
            "charge_category": "state_security",
            "source_url": "https://example.org/news/1",
            "quote": "Elle a été arrêtée en mars 2024.",
            "note_kind": "family_contact",
            "note_text": "Sœur : +212 600 000 000",
        },
    ),
]


class Page(HTMLParser):
    """What a page offers: the step form's fields with their values, and the assets it links."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, list[str]] = {}
        self.csrf = ""
        self.assets: list[str] = []
        self._in_form = False
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if (tag == "link" and "stylesheet" in a.get("rel", "")) or (
            tag == "script" and a.get("src")
        ):
            self.assets.append(a.get("href") or a["src"])
        elif tag == "img" and a.get("src"):
            self.assets.append(a["src"])
        if tag == "input" and a.get("name") == "csrfmiddlewaretoken":
            self.csrf = a.get("value", "")
        if tag == "form" and "data-autosave" in a:
            self._in_form = True
        if not self._in_form or not a.get("name"):
            return
        name = a["name"]
        if tag == "input" and a.get("type") in {"checkbox", "radio"}:
            self.fields.setdefault(name, [])
            if "checked" in a:
                self.fields[name].append(a.get("value", "on"))
        elif tag == "input" and a.get("type") not in {"submit", "hidden", "button"}:
            self.fields[name] = [a.get("value", "")]
        elif tag == "select":
            self._select = name
            self.fields[name] = [""]
        elif tag == "textarea":
            self._textarea = name
            self.fields[name] = [""]
        elif tag == "option" and self._select and "selected" in a:
            self.fields[self._select] = [a.get("value", "")]

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.fields[self._textarea] = [self.fields[self._textarea][0] + data.strip("\n")]

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._in_form = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def prepare(data_dir: Path) -> dict[str, str]:
    """A new instance with one documenter in its organisation; the environment to serve it."""
    env = {
        **os.environ,
        "HRDWATCH_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "hrdwatch.project.settings.demo",
        "PYTHONPATH": str(REPO),
    }
    env.pop("DATABASE_URL", None)
    os.environ.update({k: env[k] for k in ("HRDWATCH_DATA_DIR", "DJANGO_SETTINGS_MODULE")})
    os.environ.pop("DATABASE_URL", None)
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command

    from hrdwatch.partners.models import Membership, Organisation, Role

    out = StringIO()
    call_command(
        "init", organisation="Bench", admin="benchadmin", email="a@example.org", stdout=out
    )
    user = User.objects.create_user(USER, "d@example.org", PASSWORD)
    Membership.objects.create(
        user=user, organisation=Organisation.objects.get(), role=Role.DOCUMENTER
    )
    return env


def serve(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    command = [
        str(Path(sys.executable).with_name("hrdwatch")),
        "serve",
        "--port",
        str(port),
        "--workers",
        "1",
    ]
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            requests.get(f"http://127.0.0.1:{port}/accounts/login/", timeout=5)
            return server
        except requests.ConnectionError:
            time.sleep(0.5)  # the bench waits for the server to start, nothing is timed
    server.terminate()
    raise SystemExit("the server did not start")


class Phone:
    """A requests session that keeps the wire size of every workspace page it loads."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.http = requests.Session()
        self.http.headers.update({"Accept-Encoding": "gzip", "Accept-Language": "fr"})
        self.pages: dict[str, int] = {}
        self.loads = 0
        self.url = ""  # the last page opened (after redirects)

    def wire(self, url: str) -> tuple[requests.Response, bytes, int]:
        response = self.http.get(urljoin(self.base, url), stream=True, allow_redirects=False)
        raw = response.raw.read(decode_content=False)
        gzipped = response.headers.get("Content-Encoding") == "gzip"
        body = gzip.decompress(raw) if gzipped else raw
        return response, body, len(raw)

    def open(self, url: str) -> Page:
        """GET a workspace page (following redirects) and weigh it with its assets."""
        response, body, size = self.wire(url)
        while response.is_redirect:
            url = response.headers["Location"]
            response, body, size = self.wire(url)
        assert response.status_code == 200, (url, response.status_code)
        page = Page()
        page.feed(body.decode())
        assets = {a: self.wire(a) for a in page.assets if not a.startswith("http")}
        total = size + sum(weight for _r, _b, weight in assets.values())
        encodings = {
            a: r.headers.get("Content-Encoding", "identity") for a, (r, _b, _w) in assets.items()
        }
        print(
            f"{url}: HTML {size} bytes ({response.headers.get('Content-Encoding', 'identity')}), "
            f"with {len(assets)} assets {total} bytes {encodings}"
        )
        self.pages[url] = max(total, self.pages.get(url, 0))
        self.loads += 1
        self.url = url
        return page

    def post(self, url: str, data: dict[str, Any], csrf: str) -> str:
        response = self.http.post(
            urljoin(self.base, url),
            data={**data, "csrfmiddlewaretoken": csrf},
            allow_redirects=False,
        )
        assert response.status_code == 302, (url, response.status_code, response.text[:400])
        return str(response.headers["Location"])


def changed(page: Page, values: dict[str, Any]) -> int:
    """How many inputs the documenter makes: values that differ from what the form shows."""
    count = 0
    for name, value in values.items():
        wanted = value if isinstance(value, list) else [value]
        before = page.fields.get(name)
        assert before is not None, f"the form has no field {name}"
        count += (
            len(set(wanted) - set(before)) if isinstance(value, list) else int(wanted != before)
        )
    return count


def record(phone: Phone) -> tuple[int, int]:
    login = Page()
    login.feed(phone.http.get(phone.base + "/accounts/login/").text)
    token = login.csrf
    home_url = phone.post("/accounts/login/", {"username": USER, "password": PASSWORD}, token)
    home = phone.open(home_url)
    step_url = phone.post("/workspace/new/", {}, home.csrf)
    screens, inputs = 0, 0
    page = phone.open(step_url)
    for name, values in STEPS:
        if name == "person":
            page = phone.open(f"{phone.url}?q={SEARCH.replace(' ', '+')}")
            inputs += 1
        screens += 1
        inputs += changed(page, values)
        go = "submit" if name == STEPS[-1][0] else "next"
        following = phone.post(
            phone.url.split("?")[0], {"_form": "1", **values, "go": go}, page.csrf
        )
        page = phone.open(following)
    assert "/workspace/cases/" in phone.url, f"not recorded: ended at {phone.url}"
    return screens, inputs


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-workspace-") as work:
        env = prepare(Path(work) / "data")
        port = free_port()
        server = serve(env, port)
        try:
            phone = Phone(f"http://127.0.0.1:{port}")
            screens, inputs = record(phone)
        finally:
            server.terminate()
            server.wait(timeout=30)
    heaviest = max(phone.pages, key=phone.pages.__getitem__)
    print(f"page loads: {phone.loads}; heaviest: {heaviest} ({phone.pages[heaviest]} bytes)")
    print(
        f"screens={screens} inputs={inputs} max_page_kb={math.ceil(phone.pages[heaviest] / 1000)}"
    )


if __name__ == "__main__":
    main()
