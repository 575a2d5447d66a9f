"""The scale path is real: the same Splink model on Spark gives the same clusters as on DuckDB."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from .test_link_command import ROWS, clusters_of, write_input

pytest.importorskip("pyspark")


@pytest.mark.slow  # a tiny set, but starting a JVM takes tens of seconds on a busy 2-core machine
@pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs a Java runtime")
def test_spark_and_duckdb_backends_give_the_same_clusters(tmp_path: Path) -> None:
    source = write_input(tmp_path, ROWS)
    call_command("link", "--input", str(source), "--output", str(tmp_path / "duckdb.csv"))
    call_command(
        "link",
        "--input",
        str(source),
        "--output",
        str(tmp_path / "spark.csv"),
        "--backend",
        "spark",
    )
    duckdb_clusters = clusters_of(tmp_path / "duckdb.csv")
    assert clusters_of(tmp_path / "spark.csv") == duckdb_clusters
    assert len(set(duckdb_clusters.values())) == 5
