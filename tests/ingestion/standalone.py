"""A throw-away hrdwatch installation driven through the real ``hrdwatch`` CLI in subprocesses.

Worker processes cannot see pytest's test database, so these tests give each installation its
own data directory and database (a SQLite file, or a fresh PostgreSQL database when the suite
runs with DATABASE_URL) and its own settings module.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import dj_database_url

REPO = Path(__file__).resolve().parents[2]
BASE_SETTINGS = """
from hrdwatch.project.settings.demo import *  # noqa: F403
HRDWATCH_ALLOW_PRIVATE_URLS = True
HRDWATCH_FETCH_HOST_INTERVAL = 0.02
HRDWATCH_FETCH_BACKOFF = 0.01
"""


class Installation:
    """Settings module, data directory and database of one test installation."""

    def __init__(
        self, root: Path, extra_settings: str = "", template: Installation | None = None
    ) -> None:
        """A new installation; its database is migrated, or copied from ``template`` (much faster)."""
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.module = f"hrdwatch_e2e_{uuid.uuid4().hex[:8]}"
        (root / f"{self.module}.py").write_text(BASE_SETTINGS + extra_settings)
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": self.module,
            "PYTHONPATH": f"{root}{os.pathsep}{REPO}",
            "HRDWATCH_DATA_DIR": str(root / "data"),
        }
        self.env.pop("REDIS_URL", None)
        self.pg_name = ""
        url = os.environ.get("DATABASE_URL", "")
        if url.startswith("postgres"):
            self.pg_name = f"e2e_{uuid.uuid4().hex[:10]}"
            clause = f' TEMPLATE "{template.pg_name}"' if template else ""
            self._admin(f'CREATE DATABASE "{self.pg_name}"{clause}')
            self.env["DATABASE_URL"] = url.rsplit("/", 1)[0] + "/" + self.pg_name
        elif template:
            (root / "data").mkdir(exist_ok=True)
            shutil.copy(
                template.root / "data" / "hrdwatch.sqlite3", root / "data" / "hrdwatch.sqlite3"
            )
        if template is None:
            self.hrdwatch("migrate", "--verbosity", "0", timeout=600)

    def _admin(self, statement: str) -> None:
        import psycopg

        config = dj_database_url.parse(os.environ["DATABASE_URL"])
        with psycopg.connect(
            host=config["HOST"],
            port=config["PORT"] or 5432,
            user=config["USER"],
            dbname="postgres",
            password=config["PASSWORD"] or None,
            autocommit=True,
        ) as connection:
            connection.execute(statement)

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "hrdwatch.cli", *args]

    def hrdwatch(self, *args: str, timeout: float = 300) -> str:
        done = subprocess.run(
            self.command(*args),
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    def start(self, *args: str) -> subprocess.Popen[str]:
        """Start a command in its own process group, so it can be killed with its workers."""
        return subprocess.Popen(
            self.command(*args),
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )

    def documents(self) -> list[dict]:
        return [
            json.loads(line) for line in self.hrdwatch("documents", "list", "--json").splitlines()
        ]

    def archive_files(self) -> dict[str, bytes]:
        archive = self.root / "data" / "archive"
        return {p.name: p.read_bytes() for p in archive.rglob("*") if p.is_file()}

    def close(self) -> None:
        if self.pg_name:
            self._admin(f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)')
