"""Rows per second of ``vendor_errors.spark.classify`` in PySpark's local
mode, on a generated DataFrame of mixed response bodies: faults and error
bodies of several vendors (the repository's fixtures), successes, JSON
errors, and damaged bodies (cut short, not markup).

    python python/bench/spark_rows.py [ROWS] [--master local[2]]

ROWS defaults to 1,000,000. The frame is built in Spark (``range`` joined to
the templates), cached and counted before timing, so the figure is the
classification alone: ``sum(size(classify(body, status, headers)))`` over
every row.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def templates():
    """(body, status, headers) of the mixed rows, in a fixed order."""
    fixtures = REPO / "fixtures"
    out = []
    for vendor in ["soap", "salesforce", "netsuite", "ews", "openair", "marketo", "aws", "azure", "json", "superoffice"]:
        bodies = sorted(p for p in (fixtures / vendor).iterdir() if p.suffix in {".xml", ".json"})[:4]
        for body in bodies:
            status = None
            args = body.with_suffix(".args")
            if args.exists():
                lines = args.read_text().split()
                if "--status" in lines:
                    status = int(lines[lines.index("--status") + 1])
            out.append((body.read_bytes(), status, None))
    fault = (fixtures / "soap" / "soap11-server-fault.xml").read_bytes() if (fixtures / "soap" / "soap11-server-fault.xml").exists() else out[0][0]
    out += [
        (b'<?xml version="1.0"?><GetBalanceResponse><balance>12.50</balance></GetBalanceResponse>', 200, None),
        (b'{"id": 42, "status": "ok"}', 200, {"Content-Type": "application/json"}),
        (b'{"error": {"code": "rate_limited", "message": "Slow down"}}', 429, {"Retry-After": "20"}),
        (fault[: len(fault) // 2], 502, None),
        (b"\x00\x01binary garbage", 200, None),
        (b"<html><head><title>502 Bad Gateway</title></head></html>", 502, None),
    ]
    return out


def main(argv):
    rows = int(next((a for a in argv if a.isdigit()), "1000000"))
    master = argv[argv.index("--master") + 1] if "--master" in argv else "local[2]"
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F
    from pyspark.sql.types import BinaryType, IntegerType, LongType, MapType, StringType, StructField, StructType

    from vendor_errors.spark import classify

    spark = (
        SparkSession.builder.master(master)
        .appName("vendor_errors-spark-rows")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "4g")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    kinds = templates()
    schema = StructType(
        [
            StructField("kind", LongType()),
            StructField("body", BinaryType()),
            StructField("status", IntegerType()),
            StructField("headers", MapType(StringType(), StringType())),
        ]
    )
    table = spark.createDataFrame([(i, b, s, h) for i, (b, s, h) in enumerate(kinds)], schema)
    frame = (
        spark.range(rows)
        .withColumn("kind", F.col("id") % len(kinds))
        .join(F.broadcast(table), "kind")
        .select("id", "body", "status", "headers")
        .repartition(spark.sparkContext.defaultParallelism * 4)
        .cache()
    )
    count = frame.count()
    mean = frame.select(F.avg(F.length("body"))).first()[0]
    # Warm the Python workers up on a small slice.
    frame.limit(1000).select(F.sum(F.size(classify("body", "status", "headers")))).collect()

    start = time.perf_counter()
    errors = frame.select(F.sum(F.size(classify("body", "status", "headers")))).first()[0]
    elapsed = time.perf_counter() - start

    start = time.perf_counter()
    frame.select(F.sum(F.length("body"))).first()
    baseline = time.perf_counter() - start

    print("rows: %d (%d kinds of body, %.0f bytes on average), master %s" % (count, len(kinds), mean, master))
    print("errors found: %d" % errors)
    print("classify: %.1f s, %.0f rows/s" % (elapsed, count / elapsed))
    print("the same scan without classify: %.1f s" % baseline)
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
