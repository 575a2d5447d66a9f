"""Your own instance: ``hrdwatch init``, ``hrdwatch serve``, and the demo that refuses real data."""

from __future__ import annotations

import io
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from hrdwatch.operations.management.commands import serve
from hrdwatch.partners.models import Membership, Organisation
from hrdwatch.records.models import Defender
from tests.builders import build_sample

pytestmark = pytest.mark.django_db
HRDWATCH = str(Path(sys.executable).with_name("hrdwatch"))


def _init(*args: str) -> str:
    out = io.StringIO()
    call_command("init", *args, stdout=out)
    return out.getvalue()


def test_init_creates_the_organisation_its_administrator_and_a_one_time_password(settings):
    output = _init(
        "--organisation", "Rights Watch Example", "--admin", "ada", "--email", "ada@example.org"
    )
    password = re.search(r"one-time password: (\S+)", output)
    assert password, output
    user = get_user_model().objects.get(username="ada")
    assert user.is_superuser and user.check_password(password.group(1))
    membership = Membership.objects.get(user=user)
    assert (
        membership.organisation.slug == "rights-watch-example"
        and membership.role == "administrator"
    )
    assert "hrdwatch serve" in output and "hrdwatch import" in output
    assert (settings.DATA_DIR / "instance.json").is_file()
    secret = settings.DATA_DIR / "secret_key"
    assert secret.is_file() and oct(secret.stat().st_mode & 0o777) == "0o600"


def test_init_refuses_to_run_over_an_existing_instance():
    _init("--organisation", "First", "--admin", "ada", "--email", "ada@example.org")
    with pytest.raises(CommandError, match="already holds an hrdwatch instance"):
        _init("--organisation", "Second", "--admin", "bob", "--email", "bob@example.org")
    assert list(Organisation.objects.values_list("slug", flat=True)) == ["first"]


def test_init_refuses_a_database_that_already_holds_records():
    build_sample()
    with pytest.raises(CommandError, match="already holds .*defenders"):
        _init("--organisation", "New", "--admin", "ada", "--email", "ada@example.org")
    assert not get_user_model().objects.filter(username="ada").exists()


def test_init_without_a_terminal_says_which_option_is_missing(monkeypatch):
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    with pytest.raises(CommandError, match="--email is required"):
        _init("--organisation", "Org", "--admin", "ada")


def test_init_asks_in_a_terminal_for_what_is_missing(monkeypatch):
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    answers = iter(["ada@example.org"])
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    _init("--organisation", "Org", "--admin", "ada")
    assert get_user_model().objects.get(username="ada").email == "ada@example.org"


def test_demo_refuses_an_instance_made_by_init():
    _init("--organisation", "Real Org", "--admin", "ada", "--email", "ada@example.org")
    with pytest.raises(CommandError, match="made by 'hrdwatch init'"):
        call_command("demo", "--no-serve", "--size", "5", stdout=io.StringIO())
    assert not Defender.all_objects.filter(is_fictional=True).exists()


def test_demo_refuses_a_database_with_real_records():
    build_sample()
    before = Defender.all_objects.count()
    with pytest.raises(CommandError, match="not demo data"):
        call_command("demo", "--no-serve", "--size", "5", stdout=io.StringIO())
    assert Defender.all_objects.count() == before


def test_serve_prints_the_deployment_check_and_starts_gunicorn(monkeypatch, settings):
    # a new mapping, never the live one in place: the test database's connection keeps its own
    default = {**settings.DATABASES["default"], "NAME": str(settings.DATA_DIR / "db.sqlite3")}
    settings.DATABASES = {**settings.DATABASES, "default": default}
    (settings.DATA_DIR / "db.sqlite3").touch()
    started = {}
    monkeypatch.setattr(serve, "run_gunicorn", started.update)
    out = io.StringIO()
    call_command("serve", "--host", "0.0.0.0", "--port", "8123", stdout=out)
    assert "Deployment check" in out.getvalue() and "security.W" in out.getvalue()
    assert started["bind"] == "0.0.0.0:8123"


def _clean_env(tmp_path: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"HRDWATCH_DATA_DIR", "DATABASE_URL", "DJANGO_SETTINGS_MODULE", "SECRET_KEY"}
    }
    return env


@pytest.mark.parametrize("command", [["--help"], ["check"], ["import", "--help"]])
def test_commands_that_only_read_create_no_data_folder(tmp_path, command):
    result = subprocess.run(
        [HRDWATCH, *command],
        cwd=tmp_path,
        env=_clean_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "hrdwatch-data").exists()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_init_then_serve_gives_a_working_instance(tmp_path):
    env = {**_clean_env(tmp_path), "HRDWATCH_DATA_DIR": str(tmp_path / "data")}
    init = subprocess.run(
        [HRDWATCH, "init", "--organisation", "Org", "--admin", "ada", "--email", "a@example.org"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert init.returncode == 0, init.stderr
    port = _free_port()
    server = subprocess.Popen(
        [HRDWATCH, "serve", "--port", str(port), "--workers", "1"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        body = ""
        for _ in range(120):
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/admin/login/", timeout=5
                ) as response:
                    body = response.read().decode()
                    break
            except OSError:
                time.sleep(0.5)
        assert "csrfmiddlewaretoken" in body
        with urllib.request.urlopen(
            f"http://127.0.0.1:{port}/static/admin/css/base.css", timeout=5
        ) as response:
            assert response.status == 200
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "Deployment check" in output and "gunicorn" in output.lower()
