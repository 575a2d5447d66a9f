"""Benchmark the public site at scale, against Datasette serving the same data.

Builds (or reuses) a database of ``--size`` demo defenders with the demo generator, indexes it,
then times in-process requests (server time: middleware, queries, templates) for the list page,
a two-facet filtered page with counts, a full-text query, a defender page and the statistics
page, with the Django cache cleared before every request ("uncached") and again warm ("cached"),
after one untimed pass over the same URLs that warms the OS and database page caches. The
same cases are written to a flat SQLite table with an FTS5 index and served by Datasette
(facets on the same columns, ``suggest_facets`` off) for the filtered page and the search.

    .venv/bin/python bench/search.py --size 100000                       # SQLite
    .venv/bin/python bench/search.py --size 100000 --database postgres   # PostgreSQL

The PostgreSQL run uses the database ``--pg-name`` (default ``bench_search``) on 127.0.0.1, created
if missing. Built databases are reused between runs (``--workdir``); ``--build-only`` just builds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sqlite3
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

PG_SERVER = "postgres://postgres@127.0.0.1:5432"
FACETS = "_facet=country&_facet=status&_facet=gender&_facet=arrest_year" + "".join(
    f"&_facet_array={name}" for name in ("roles", "areas", "charges", "wgad")
)


def configure(args: argparse.Namespace) -> None:
    workdir = Path(args.workdir).resolve()
    (workdir / args.database).mkdir(parents=True, exist_ok=True)
    os.environ["HRDWATCH_DATA_DIR"] = str(workdir / args.database)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrdwatch.project.settings.demo")
    if args.database == "postgres":
        import psycopg

        with psycopg.connect(
            "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
        ) as conn:
            if not conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [args.pg_name]
            ).fetchone():
                conn.execute(f'CREATE DATABASE "{args.pg_name}"')
        os.environ["DATABASE_URL"] = f"{PG_SERVER}/{args.pg_name}"
    else:
        os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()


def build(size: int) -> None:
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from hrdwatch.core.db import refresh_planner_statistics
    from hrdwatch.demo.generator import generate
    from hrdwatch.publication.models import SearchEntry
    from hrdwatch.publication.search.index import rebuild
    from hrdwatch.records.models import Defender

    executor = MigrationExecutor(connection)
    migrated = bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    call_command("migrate", verbosity=0)
    existing = Defender.all_objects.filter(is_fictional=True).count()
    if existing and existing != size:
        sys.exit(f"database holds {existing} demo defenders, not {size}: use another --workdir")
    if not existing:
        started = time.perf_counter()
        generate(
            size=size,
            seed=2024,
            progress=lambda done, total: print(f"  generated {done}/{total}", end="\r"),
        )
        print(f"\ngenerated {size} defenders in {time.perf_counter() - started:.0f} s")
    if not SearchEntry.objects.exists():
        started = time.perf_counter()
        count = rebuild(progress=lambda n: print(f"  indexed {n}", end="\r"))
        print(f"\nindexed {count} public cases in {time.perf_counter() - started:.0f} s")
        migrated = True
    if (
        migrated
    ):  # new tables or indexes: give the planner statistics, as a deployment's ANALYZE would
        refresh_planner_statistics()
        if connection.vendor == "postgresql":
            # Autovacuum does this after bulk inserts in production; index-only scans need it.
            with connection.cursor() as cursor:
                cursor.execute(
                    "VACUUM publication_searchentry, publication_searchfacet, publication_facetbitmap"
                )


def datasette_database(path: Path) -> Path:
    """The public cases as one flat table with JSON arrays for multi-valued facets, plus FTS5."""
    from hrdwatch.publication.models import SearchEntry, SearchFacet
    from hrdwatch.records.visibility import Gate

    if path.exists():
        return path
    started = time.perf_counter()
    multi: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for entry_id, facet, value in (
        SearchFacet.objects.filter(facet__in=["role", "area", "charge", "wgad"])
        .values_list("entry_id", "facet", "value")
        .iterator(chunk_size=20000)
    ):
        multi[entry_id][facet].append(value)
    names: dict[int, list[str]] = defaultdict(list)
    for defender_id, name in (
        Gate().names().values_list("defender_id", "name").iterator(chunk_size=20000)
    ):
        names[defender_id].append(name)
    db = sqlite3.connect(path)
    db.execute(
        "CREATE TABLE cases (id INTEGER PRIMARY KEY, name TEXT, names TEXT, country TEXT, status TEXT, "
        "gender TEXT, arrest_year INTEGER, roles TEXT, areas TEXT, charges TEXT, wgad TEXT)"
    )
    rows = []
    for e in SearchEntry.objects.values(
        "id",
        "defender_id",
        "defender__display_name",
        "defender__name_original_script",
        "country",
        "status",
        "gender",
        "arrest_year",
    ).iterator(chunk_size=20000):
        m = multi[e["id"]]
        rows.append(
            (
                e["id"],
                e["defender__display_name"],
                " ".join([e["defender__name_original_script"], *names[e["defender_id"]]]),
                e["country"],
                e["status"],
                e["gender"],
                e["arrest_year"],
                json.dumps(m["role"]),
                json.dumps(m["area"]),
                json.dumps(m["charge"]),
                json.dumps(m["wgad"]),
            )
        )
    db.executemany("INSERT INTO cases VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
    for column in ("country", "status", "gender", "arrest_year"):
        db.execute(f"CREATE INDEX cases_{column} ON cases ({column})")
    db.execute(
        "CREATE VIRTUAL TABLE cases_fts USING fts5(name, names, content='cases', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    db.execute("INSERT INTO cases_fts(rowid, name, names) SELECT id, name, names FROM cases")
    db.commit()
    db.close()
    print(f"wrote the Datasette copy ({len(rows)} rows) in {time.perf_counter() - started:.0f} s")
    return path


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def time_django(urls: list[str], clear_cache: bool) -> list[float]:
    from django.core.cache import cache
    from django.test import Client

    client = Client()
    samples = []
    for url in urls:
        if clear_cache:
            cache.clear()
        started = time.perf_counter()
        response = client.get(url)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return samples


def time_chart_rendering(rounds: int) -> list[float]:
    """vl-convert's own time to turn each statistics chart's Vega-Lite spec into SVG."""
    import vl_convert

    from hrdwatch.statistics.aggregates import AGGREGATES, table
    from hrdwatch.statistics.charts import spec_for

    specs = [spec_for(table(name)) for name in AGGREGATES]
    vl_convert.vegalite_to_svg(specs[0])  # start the JavaScript engine once
    samples = []
    for _ in range(rounds):
        for spec in specs:
            started = time.perf_counter()
            vl_convert.vegalite_to_svg(spec)
            samples.append((time.perf_counter() - started) * 1000)
    return samples


def time_datasette(path: Path, urls: list[str]) -> list[float]:
    from datasette.app import Datasette

    ds = Datasette(
        [str(path)],
        settings={
            "suggest_facets": False,
            "facet_time_limit_ms": 60_000,
            "sql_time_limit_ms": 60_000,
            "default_facet_size": 30,
        },
    )

    async def run() -> list[float]:
        await ds.invoke_startup()
        for url in urls:  # untimed pass, as for ours: connections and page caches warm
            await ds.client.get(url)
        samples = []
        for url in urls:
            started = time.perf_counter()
            response = await ds.client.get(url)
            samples.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        return samples

    return asyncio.run(run())


def scenarios(n: int) -> dict[str, list[str]]:
    """Request URLs per page kind, sampled from the data (fixed seed)."""
    from django.db.models import Count
    from django.urls import reverse

    from hrdwatch.publication.models import SearchEntry

    rng = random.Random(7)
    pairs = list(
        SearchEntry.objects.values_list("country", "gender")
        .annotate(n=Count("id"))
        .filter(n__gt=0)
        .order_by("country", "gender")
    )
    # Sampled with the seeded generator (not ORDER BY RANDOM()), so every run asks the same pages.
    chosen = rng.sample(
        list(SearchEntry.objects.order_by("id").values_list("id", flat=True)), n * 2
    )
    found = {
        i: (uid, name)
        for i, uid, name in SearchEntry.objects.filter(id__in=chosen).values_list(
            "id", "defender__uid", "defender__display_name"
        )
    }
    defenders = [found[i] for i in chosen]
    words = [name.split()[-1] for _uid, name in defenders if name.split()]
    cases = reverse("publication:cases")
    return {
        "list page": [f"{cases}?page={rng.randint(1, 40)}" for _ in range(n)],
        "two-facet filter + counts": [
            f"{cases}?country={c}&gender={g}" for c, g, _n in (rng.choice(pairs) for _ in range(n))
        ],
        "full-text query": [f"{cases}?q={rng.choice(words)}" for _ in range(n)],
        "defender page": [
            reverse("publication:defender", args=[uid]) for uid, _name in defenders[:n]
        ],
        "statistics page": [reverse("publication:statistics:page")] * n,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="demo defenders to generate")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--requests", type=int, default=30, help="requests per page kind")
    parser.add_argument("--workdir", default="/tmp/hrdwatch-bench", help="where data files go")
    parser.add_argument("--pg-name", default="bench_search", help="PostgreSQL database name")
    parser.add_argument(
        "--build-only", action="store_true", help="build the database, measure nothing"
    )
    args = parser.parse_args()
    configure(args)
    build(args.size)
    if args.build_only:
        return
    from django.db import connection

    plan = scenarios(args.requests)
    print(
        f"\n{connection.vendor}, {args.size} defenders, {args.requests} requests per page kind (ms)"
    )
    print(f"{'page':28} {'uncached p50':>12} {'p95':>8} {'cached p50':>11} {'p95':>8}")
    results: dict[str, tuple[float, float]] = {}
    for name, urls in plan.items():
        # One untimed pass first: imports, connections, and the OS and database page caches (this
        # machine's kernel reclaims idle page cache), so that "uncached" means the Django cache only.
        time_django(urls, clear_cache=True)
        cold = percentiles(time_django(urls, clear_cache=True))
        warm = percentiles(time_django(urls, clear_cache=False))
        results[name] = cold
        print(f"{name:28} {cold[0]:12.1f} {cold[1]:8.1f} {warm[0]:11.1f} {warm[1]:8.1f}")

    p50, p95 = percentiles(time_chart_rendering(3))
    print(
        f"{'chart SVG (vl-convert only)':28} {p50:12.1f} {p95:8.1f}   (each of the 7 charts, 3 rounds)"
    )

    path = datasette_database(Path(args.workdir).resolve() / "datasette.db")
    table = f"/{path.stem}/cases"
    to_datasette: dict[str, Callable[[str], str]] = {
        "two-facet filter + counts": lambda url: f"{table}?{url.split('?', 1)[1]}&{FACETS}",
        "full-text query": lambda url: f"{table}?_search={url.split('q=', 1)[1]}&{FACETS}",
    }
    print(
        "\nDatasette on the same cases (facets: country, status, gender, arrest_year, roles, areas, "
        "charges, wgad; suggest_facets off)"
    )
    print(f"{'page':28} {'p50':>8} {'p95':>8} {'ours/Datasette p50':>19} {'p95':>6}")
    for name, convert in to_datasette.items():
        p50, p95 = percentiles(time_datasette(path, [convert(u) for u in plan[name]]))
        ours = results[name]
        print(f"{name:28} {p50:8.1f} {p95:8.1f} {ours[0] / p50:19.2f} {ours[1] / p95:6.2f}")


if __name__ == "__main__":
    main()
