"""A local Spark session for ``hrdwatch link --backend spark`` (the same Splink model, scaled out)."""

from __future__ import annotations

import os
import tempfile
from typing import Any


def local_spark_session() -> Any:
    """Spark in local mode on this machine's cores, quiet, with Splink's UDF jar on the classpath.

    Point ``HRDWATCH_SPARK_MASTER`` at a cluster to run the same model there.
    """
    from pyspark.sql import SparkSession
    from splink.backends.spark import similarity_jar_location

    master = os.environ.get("HRDWATCH_SPARK_MASTER", "local[*]")
    session = (
        SparkSession.builder.master(master)
        .appName("hrdwatch-link")
        .config("spark.jars", similarity_jar_location())
        .config("spark.sql.shuffle.partitions", os.environ.get("HRDWATCH_SPARK_PARTITIONS", "4"))
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", os.environ.get("HRDWATCH_SPARK_DRIVER_MEMORY", "4g"))
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    # Splink breaks long query plans with checkpoints; they need somewhere to go.
    session.sparkContext.setCheckpointDir(tempfile.mkdtemp(prefix="hrdwatch-spark-"))
    return session
