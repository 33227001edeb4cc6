"""vendor_errors.spark.classify in PySpark's local mode (master local[2]):
its type, its answers against parse, the fallback pandas UDF, nulls."""

from __future__ import annotations

import pytest

pyspark = pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")

import vendor_errors as ve
from vendor_errors.spark import ERROR_FIELDS, ERRORS_TYPE, classify

from conftest import FIXTURES, SOAP11_FAULT


JSON_429 = b'{"error": {"code": "rate_limited", "message": "Slow down"}}'


def rows():
    salesforce = next(p for p in sorted((FIXTURES / "salesforce").iterdir()) if p.suffix == ".xml")
    return [
        (1, SOAP11_FAULT, 503, {"Retry-After": "30"}),
        (2, b"<ok/>", 200, None),
        (3, JSON_429, 429, {"Retry-After": "5"}),
        (4, b"not a body at all", 200, {}),
        (5, None, 502, None),
        (6, SOAP11_FAULT[:150], None, None),
        (7, salesforce.read_bytes(), 500, None),
    ]


def expected(body, status, headers):
    """What classify should give for one row, from parse."""
    try:
        report = ve.parse(body if body is not None else b"", status=status, headers=headers)
    except ve.ParseError as e:
        return [("error", "", str(e), "permanent", False, None, status, None, None, None, None)]
    return [
        (
            e.vendor,
            str(e.code),
            e.message,
            e.retry,
            e.retryable,
            None if e.retry_after_secs is None else float(e.retry_after_secs),
            e.http_status,
            e.command,
            e.index,
            e.name,
            e.detail,
        )
        for e in report
    ]


def frame(spark, data, binary=True):
    from pyspark.sql.types import BinaryType, IntegerType, LongType, MapType, StringType, StructField, StructType

    schema = StructType(
        [
            StructField("id", LongType()),
            StructField("body", BinaryType() if binary else StringType()),
            StructField("status", IntegerType()),
            StructField("headers", MapType(StringType(), StringType())),
        ]
    )
    if not binary:
        data = [(i, None if b is None else b.decode("utf-8", "replace"), s, h) for i, b, s, h in data]
    return spark.createDataFrame(data, schema)


def collected(df, column):
    out = {}
    for row in df.collect():
        out[row["id"]] = [tuple(e[name] for name, _ in ERROR_FIELDS) for e in row[column]]
    return out


@pytest.mark.parametrize("arrow", [True, False], ids=["arrow_udf", "pandas_udf"])
def test_classify_matches_parse(spark, arrow):
    data = rows()
    df = frame(spark, data).select("id", classify("body", "status", "headers", arrow=arrow).alias("errors"))
    assert df.schema["errors"].dataType.simpleString() == ERRORS_TYPE.replace(": ", ":").replace(", ", ",")
    got = collected(df, "errors")
    for i, body, status, headers in data:
        assert got[i] == expected(body, status, headers), i
    assert got[2] == []
    assert got[4][0][0] == "error" and got[4][0][2].startswith("body is neither XML nor JSON")
    assert got[1][0][:6] == ("soap", "Server", "Ledger database timed out", "transient", True, 30.0)


def test_columns_are_optional_and_strings_work(spark):
    data = rows()
    df = frame(spark, data, binary=False)
    got = collected(df.select("id", classify(df.body).alias("e")), "e")
    for i, body, _, _ in data:
        text = None if body is None else body.decode("utf-8", "replace").encode("utf-8")
        assert got[i] == expected(text, None, None), i
    got = collected(df.select("id", classify("body", headers="headers").alias("e")), "e")
    assert got[1][0][5] == 30.0 and got[1][0][6] is None


def test_a_bigger_frame_is_classified_in_batches(spark):
    from pyspark.sql import functions as F

    bodies = [SOAP11_FAULT, b"<ok/>", JSON_429, b"\x00\x01", b"{}"]
    data = [(i, bodies[i % 5], [500, 200, 429, 200, 200][i % 5], None) for i in range(500)]
    df = frame(spark, data).repartition(4)
    counted = (
        df.select(F.explode(classify("body", "status")).alias("e"))
        .groupBy("e.vendor", "e.retry")
        .count()
        .collect()
    )
    counts = {(r["vendor"], r["retry"]): r["count"] for r in counted}
    assert counts == {("soap", "transient"): 100, ("json", "throttled"): 100, ("error", "permanent"): 100}
