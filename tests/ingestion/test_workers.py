"""Ingestion through real worker processes: crash and resume, and the Redis queue with two workers."""

from __future__ import annotations

import os
import signal
import time
import uuid
from pathlib import Path

import pytest

from .server import SiteServer
from .standalone import Installation

pytestmark = pytest.mark.slow
COMPARED = (
    "url",
    "title",
    "published",
    "language",
    "sha256",
    "characters",
    "error",
    "duplicate_group",
)


def make_site(root: Path, items: int) -> None:
    """A listing of ``items`` dated appeals, each linking to its own page."""
    (root / "a").mkdir(parents=True)
    rows = []
    for n in range(items):
        day = 1 + n % 28
        rows.append(
            f'<div class="item"><span class="date">[{day:02d} March 2020]</span>'
            f'<h3><a href="/a/{n}.html">Appeal number {n}: defender {n} detained</a></h3>'
            f"<p>Summary of appeal {n} about the detention of defender number {n}.</p></div>"
        )
        (root / "a" / f"{n}.html").write_text(
            f"<html><head><title>Appeal {n}</title></head><body><article><h1>Appeal {n}</h1>"
            f"<p>Defender number {n} was detained on {day} March 2020 by police officers "
            f"in district {n * 7 % 13} after writing about land seizures {n} times.</p>"
            f"<p>{' '.join(f'word{n}x{k}' for k in range(60))}</p></article></body></html>"
        )
    (root / "list.html").write_text(
        "<html><body><nav><a href='/'>Home</a><a href='/donate'>Donate</a></nav>"
        f"<main>{''.join(rows)}</main></body></html>"
    )


def comparable(installation: Installation) -> list[tuple]:
    return sorted(tuple(doc[key] for key in COMPARED) for doc in installation.documents())


@pytest.fixture(scope="module")
def listing_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    make_site(root, 60)
    server = SiteServer(root=root).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """One migrated installation that the others copy their database from."""
    installation = Installation(tmp_path_factory.mktemp("template"))
    yield installation
    installation.close()


@pytest.fixture(scope="module")
def reference(tmp_path_factory, template, listing_site):
    """The result of one uninterrupted run with the database queue."""
    installation = Installation(tmp_path_factory.mktemp("reference"), template=template)
    installation.hrdwatch("sources", "add", listing_site.url("/list.html"), "--kind", "listing")
    installation.hrdwatch("ingest", "--workers", "2")
    yield installation
    installation.close()


def test_killing_workers_mid_batch_then_resuming_loses_and_duplicates_nothing(
    tmp_path, listing_site, template, reference
):
    crashed = Installation(tmp_path / "crashed", template=template)
    try:
        crashed.hrdwatch("sources", "add", listing_site.url("/list.html"), "--kind", "listing")
        running = crashed.start("ingest", "--workers", "2")
        deadline = time.monotonic() + 180
        while len(crashed.archive_files()) < 15 and time.monotonic() < deadline:
            time.sleep(0.05)
        os.killpg(running.pid, signal.SIGKILL)  # the command and both workers die mid-batch
        running.wait()
        interrupted = len(crashed.archive_files())
        assert 15 <= interrupted < 61, "the kill happened mid-batch"
        summary = crashed.hrdwatch("ingest", "--workers", "2")
        assert "failed 0" in summary
        assert comparable(crashed) == comparable(reference)
        assert len(crashed.documents()) == 60
        assert crashed.archive_files() == reference.archive_files()
        assert not any(name.startswith(".partial") for name in crashed.archive_files())
        again = crashed.hrdwatch("ingest", "--workers", "1")
        assert "unchanged 60" in again and len(crashed.documents()) == 60
    finally:
        crashed.close()


def redis_available() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url("redis://127.0.0.1:6379/0", socket_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.mark.skipif(not redis_available(), reason="needs Redis on 127.0.0.1:6379")
def test_two_workers_on_the_redis_queue_give_the_same_result_as_the_database_queue(
    tmp_path, listing_site, template, reference
):
    import redis

    queue = f"hrdwatch-test-{uuid.uuid4().hex[:8]}"
    via_redis = Installation(
        tmp_path / "redis",
        f"""
REDIS_URL = "redis://127.0.0.1:6379/0"
TASKS = {{"default": {{"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default", "{queue}"]}}}}
RQ_QUEUES = {{
    name: {{"URL": REDIS_URL, "DEFAULT_TIMEOUT": 600}} for name in ("default", "{queue}")
}}
INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks_rq", "django_rq"]
HRDWATCH_INGEST_QUEUE = "{queue}"
""",
        template=template,
    )
    try:
        via_redis.hrdwatch("sources", "add", listing_site.url("/list.html"), "--kind", "listing")
        summary = via_redis.hrdwatch("ingest", "--workers", "2")
        assert "new 60" in summary and "failed 0" in summary
        assert comparable(via_redis) == comparable(reference)
        assert "unchanged 60" in via_redis.hrdwatch("ingest", "--workers", "2")
    finally:
        client = redis.Redis.from_url("redis://127.0.0.1:6379/0")
        for key in client.scan_iter(f"*{queue}*"):
            client.delete(key)
        via_redis.close()
