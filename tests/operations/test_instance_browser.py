"""From nothing to a working instance, in headless Chromium (#25): ``hrdwatch init`` into an empty
data folder, ``hrdwatch serve`` (gunicorn) on a free port, the administrator logs in with the printed
one-time password and enrols a second factor, invites a member who accepts, imports a CSV file
(with the command line: there is no import page) and finds the case in the workspace.
Screenshots go to test-artifacts/screenshots/instance-*.png.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import time
import urllib.request
from base64 import b32decode
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from django_otp.oath import totp
from playwright.sync_api import Page, expect, sync_playwright

from tests.operations.test_instance import HRDWATCH, _clean_env, _free_port

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
CSV = (
    "defender_id,display_name,other_names,other_name_kind,case_id,country,status,arrest_date,"
    "charges,legal_provision,sentence_months\n"
    "AZ-1,Rauf Example,Rauf Examplovich Exampleov,patronymic,AZ-1-1,AZ,detained_convicted,"
    "2023-11-20,Smuggling,Art. 206.3.2,life\n"
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed"),
]


class Instance:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.env = {
            **_clean_env(folder),
            "HRDWATCH_DATA_DIR": str(folder / "data"),
            "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
        }
        self.log = folder / "serve.log"

    def run(self, *args: str) -> str:
        result = subprocess.run(
            [HRDWATCH, *args],
            cwd=self.folder,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    def case_uid(self, external_id: str) -> str:
        with closing(sqlite3.connect(self.folder / "data" / "hrdwatch.sqlite3")) as db:
            row = db.execute(
                "SELECT uid FROM records_case WHERE external_id = ?", (external_id,)
            ).fetchone()
        assert row, f"no case {external_id} in the instance's database"
        return str(row[0])

    def invitation_link(self) -> str:
        for _ in range(40):
            found = re.search(
                r"https?://\S+/workspace/organisation/invitations/\S+/", self.log.read_text()
            )
            if found:
                return found.group(0)
            time.sleep(0.25)
        raise AssertionError("no invitation e-mail in the server's output")


@pytest.fixture
def instance(tmp_path: Path) -> Iterator[tuple[Instance, str, str]]:
    """(instance, base URL, the administrator's one-time password)."""
    site = Instance(tmp_path)
    output = site.run(
        "init", "--organisation", "Rights Watch", "--admin", "boss", "--email", "boss@example.org"
    )
    password = re.search(r"one-time password: (\S+)", output)
    assert password, output
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    site.env["HRDWATCH_SITE_URL"] = base  # the address the invitation e-mail links to
    with site.log.open("w") as log:
        server = subprocess.Popen(
            [HRDWATCH, "serve", "--port", str(port), "--workers", "1"],
            cwd=tmp_path,
            env=site.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            for _ in range(240):
                try:
                    urllib.request.urlopen(base + "/accounts/login/", timeout=5).close()
                    break
                except OSError:
                    time.sleep(0.5)
            yield site, base, password.group(1)
        finally:
            server.terminate()
            server.wait(timeout=30)


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"instance-{name}.png"), full_page=True)


def second_factor(page: Page) -> None:
    """Enrol an authenticator as a person would: read the key shown, type the current code."""
    secret = page.locator("code").first.inner_text().strip()
    page.get_by_label(re.compile("code|Code")).fill(f"{totp(b32decode(secret)):06d}")
    page.get_by_role("button", name="Confirm").click()


def test_init_serve_login_invite_a_member_and_import_a_file(instance):
    site, base, password = instance
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            page = chromium.new_page(viewport={"width": 1280, "height": 900})
            page.goto(base + "/")
            shot(page, "0-empty-home")
            page.goto(base + "/accounts/login/?next=/workspace/organisation/")
            shot(page, "1-login")
            page.get_by_label("Username").fill("boss")
            page.get_by_label("Password").fill(password)
            page.get_by_role("button", name="Log in").click()
            expect(page.locator("code").first).to_be_visible()
            shot(page, "2-two-factor")
            second_factor(page)
            page.wait_for_url(re.compile("/workspace/organisation/"))
            shot(page, "3-organisation")
            page.get_by_role("link", name=re.compile("Rights Watch")).first.click()
            page.get_by_label("E-mail address").fill("member@example.org")
            page.get_by_role("button", name="Send the invitation").click()
            expect(page.get_by_text("Invitation sent to member@example.org")).to_be_visible()
            shot(page, "4-invited")

            member = chromium.new_page(viewport={"width": 1280, "height": 900})
            member.goto(site.invitation_link())
            member.get_by_label("Username").fill("member")
            member.locator("#id_password1").fill("a long passphrase 4 member")
            member.locator("#id_password2").fill("a long passphrase 4 member")
            shot(member, "5-accept")
            member.get_by_role("button", name="Accept the invitation").click()
            page.reload()
            expect(page.get_by_text("member", exact=True).first).to_be_visible()
            shot(page, "6-members")

            path = site.folder / "cases.csv"
            path.write_text(CSV, encoding="utf-8")
            output = site.run("import", str(path), "--user", "boss")
            assert "created" in output
            # The workspace home lists drafts recorded in it, not imported cases: open the case.
            page.goto(f"{base}/workspace/cases/{site.case_uid('AZ-1-1')}/")
            expect(page.get_by_text("Rauf Example").first).to_be_visible()
            expect(page.get_by_text("Smuggling").first).to_be_visible()
            shot(page, "7-workspace-imported")
        finally:
            chromium.close()
