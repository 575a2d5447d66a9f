"""Public output follows commits at once, on every worker, whichever process made the change.

Each "worker" is its own cache backend instance built from the production settings (no
``REDIS_URL``): a server process and a command-line process. A change made through the action
layer in one must be seen by the other on its next page load: no per-process page cache.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.core.cache import caches
from django.core.management import call_command

from hrdwatch import actions
from hrdwatch.project.settings import base
from hrdwatch.publication import caching
from hrdwatch.publication.search.index import rebuild
from tests.advocacy.sample import Sample, build_sample


@pytest.fixture
def sample(db) -> Sample:
    sample = build_sample()
    rebuild()
    return sample


@pytest.fixture
def workers(settings, monkeypatch):
    """Two processes' caches as production configures them without Redis."""
    settings.CACHES = base.production_caches("")
    call_command("createcachetable", verbosity=0)
    server, cli = caches.create_connection("default"), caches.create_connection("default")

    @contextmanager
    def on(worker) -> Iterator[None]:
        monkeypatch.setattr(caching, "cache", worker)
        try:
            yield
        finally:
            monkeypatch.setattr(caching, "cache", server)

    return server, cli, on


def test_without_redis_production_uses_no_per_process_cache():
    backend = base.production_caches("")["default"]["BACKEND"]
    assert backend == "django.core.cache.backends.db.DatabaseCache"
    assert base.production_caches("redis://r:6379/0")["default"]["BACKEND"].endswith("RedisCache")


def _page(client, worker, on, sample) -> tuple[int, str]:
    with on(worker):
        response = client.get(f"/defenders/{sample.defender.uid}/")
    return response.status_code, response.content.decode()


def test_a_withdrawal_from_the_command_line_reaches_the_server_at_once(
    client, sample, workers, django_capture_on_commit_callbacks
):
    server, cli, on = workers
    status, body = _page(client, server, on, sample)
    assert status == 200 and "Tran Van Minh" in body
    with on(cli), django_capture_on_commit_callbacks(execute=True):
        actions.do_withdraw_case(None, sample.case, reason="consent withdrawn")
    status, body = _page(client, server, on, sample)
    assert "Tran Van Minh" not in body


@pytest.mark.parametrize("what", ["judge", "source"])
def test_a_change_to_a_perpetrator_or_a_source_reaches_the_page(
    client, sample, workers, django_capture_on_commit_callbacks, what
):
    server, cli, on = workers
    obj = getattr(sample, what)
    field = "name" if what == "judge" else "title"
    old = getattr(obj, field)
    assert old in _page(client, server, on, sample)[1]
    with on(cli), django_capture_on_commit_callbacks(execute=True):
        actions.do_update(None, obj, version=None, **{field: "Renamed entry XQ"})
    body = _page(client, server, on, sample)[1]
    assert old not in body and "Renamed entry XQ" in body


def test_migrate_creates_the_cache_table(settings, db):
    from django.apps import apps
    from django.db import connection

    from hrdwatch.core.apps import create_cache_table

    settings.CACHES = base.production_caches("")
    create_cache_table(apps.get_app_config("auth"))
    assert base.CACHE_TABLE in connection.introspection.table_names()
