"""Classify captured responses at scale on Spark.

>>> from vendor_errors.spark import classify
>>> df.select("id", classify("body", "status", "headers").alias("errors"))  # doctest: +SKIP

:func:`classify` is a Column expression built on Arrow batches: each batch of
bodies goes to the native code at once (``parse_many``, the GIL released for
the whole batch), and its errors come back as Arrow arrays; there is no
Python loop over rows. It runs wherever PySpark runs: in local mode, and on a
cluster whose workers have the ``vendor_errors`` wheel installed (the Python
that ``PYSPARK_PYTHON`` names on each worker must import it).
"""


import json as _json

from . import _native

__all__ = ["classify", "ERRORS_TYPE", "ERROR_FIELDS"]

# The elements of the array classify gives, in order (name, Spark type).
ERROR_FIELDS = (
    ("vendor", "string"),
    ("code", "string"),
    ("message", "string"),
    ("retry", "string"),
    ("retryable", "boolean"),
    ("retry_after_secs", "double"),
    ("http_status", "int"),
    ("command", "string"),
    ("index", "int"),
    ("name", "string"),
    ("detail", "string"),
)

#: The type of the column :func:`classify` gives, as Spark DDL.
ERRORS_TYPE = "array<struct<%s>>" % ", ".join("%s: %s" % f for f in ERROR_FIELDS)


def _arrow_type():
    import pyarrow as pa

    types = {"string": pa.string(), "boolean": pa.bool_(), "double": pa.float64(), "int": pa.int32()}
    return [(name, types[kind]) for name, kind in ERROR_FIELDS]


def _classify_batch(bodies, statuses, headers, vendor, profiles):
    """One Arrow batch: the bodies (and statuses, headers) as Python lists
    (made by Arrow in C), parsed at once by the native code, which gives the
    errors back as Arrow buffers: a list<struct> array, no Python object per
    error."""
    import pyarrow as pa

    offsets, columns = _native.parse_many(bodies, statuses, headers, vendor, profiles, True)
    fields = _arrow_type()
    count = (len(offsets) // 4 - 1) if offsets else 0
    rows = int.from_bytes(offsets[-4:], "little") if count else 0
    arrays = []
    for name, kind in fields:
        nulls, validity, *values = columns[name]
        buffers = [None if validity is None else pa.py_buffer(validity)] + [pa.py_buffer(v) for v in values]
        arrays.append(pa.Array.from_buffers(kind, rows, buffers, null_count=nulls))
    struct = pa.StructArray.from_arrays(arrays, fields=[pa.field(name, kind) for name, kind in fields])
    offsets_array = pa.Array.from_buffers(pa.int32(), count + 1, [None, pa.py_buffer(offsets)])
    return pa.ListArray.from_arrays(offsets_array, struct)


def _headers_list(array):
    """A map<string,string> Arrow array as one list of (name, value) pairs
    (or None) per row."""
    return array.to_pylist()


def _arrow_udf(has_status, has_headers, vendor, profiles):
    import pyarrow as pa
    from pyspark.sql.functions import arrow_udf

    if has_status and has_headers:

        def run(body: pa.Array, status: pa.Array, headers: pa.Array) -> pa.Array:
            return _classify_batch(body.to_pylist(), status.to_pylist(), _headers_list(headers), vendor, profiles)

    elif has_status:

        def run(body: pa.Array, status: pa.Array) -> pa.Array:
            return _classify_batch(body.to_pylist(), status.to_pylist(), None, vendor, profiles)

    elif has_headers:

        def run(body: pa.Array, headers: pa.Array) -> pa.Array:
            return _classify_batch(body.to_pylist(), None, _headers_list(headers), vendor, profiles)

    else:

        def run(body: pa.Array) -> pa.Array:
            return _classify_batch(body.to_pylist(), None, None, vendor, profiles)

    return arrow_udf(run, ERRORS_TYPE)


def _json_rows(bodies, statuses, headers, vendor, profiles):
    """The fallback's answer: one JSON array of error objects per body."""
    offsets, columns = _native.parse_many(bodies, statuses, headers, vendor, profiles)
    names = [name for name, _ in ERROR_FIELDS]
    out = []
    for i in range(len(offsets) - 1):
        rows = [{name: columns[name][j] for name in names} for j in range(offsets[i], offsets[i + 1])]
        out.append(_json.dumps(rows))
    return out


def _pandas_udf(has_status, has_headers, vendor, profiles):
    """PySpark before 4.1 (no arrow_udf): a pandas UDF on Arrow batches
    that gives JSON text, read back with from_json."""
    import pandas as pd
    from pyspark.sql.functions import pandas_udf

    def seq(series):
        return [None if v is None or (isinstance(v, float) and v != v) else v for v in series.tolist()]

    def pairs(series):
        return [None if v is None or (isinstance(v, float) and v != v) else list(v.items()) if isinstance(v, dict) else list(v) for v in series.tolist()]

    if has_status and has_headers:

        def run(body: pd.Series, status: pd.Series, headers: pd.Series) -> pd.Series:
            return pd.Series(_json_rows(seq(body), [None if s is None else int(s) for s in seq(status)], pairs(headers), vendor, profiles))

    elif has_status:

        def run(body: pd.Series, status: pd.Series) -> pd.Series:
            return pd.Series(_json_rows(seq(body), [None if s is None else int(s) for s in seq(status)], None, vendor, profiles))

    elif has_headers:

        def run(body: pd.Series, headers: pd.Series) -> pd.Series:
            return pd.Series(_json_rows(seq(body), None, pairs(headers), vendor, profiles))

    else:

        def run(body: pd.Series) -> pd.Series:
            return pd.Series(_json_rows(seq(body), None, None, vendor, profiles))

    return pandas_udf(run, "string")


def classify(body, status=None, headers=None, *, vendor="auto", profiles=(), arrow=None):
    """A Column of the errors in each row's response.

    ``body``: a column (or column name) of the body, binary or string;
    ``status``: of the HTTP status (int), optional; ``headers``: of the
    headers (``map<string,string>``), optional. ``vendor`` and ``profiles``
    as :func:`vendor_errors.parse` takes them (profile files must be
    readable at those paths on the workers).

    The column is ``array<struct<vendor, code, message, retry, retryable,
    retry_after_secs, http_status, command, index, name, detail>>``
    (:data:`ERRORS_TYPE`; ``code`` as a string): one element per error, an
    empty array for a success, and for a body that is not understood one
    element of vendor ``"error"`` whose message is the parse error. A null
    body is read as an empty one.

    ``arrow``: ``None`` uses an Arrow UDF where PySpark has one (4.1 and
    later), else a pandas UDF (also on Arrow batches) whose JSON text is read
    back with ``from_json``; ``False`` forces the latter.
    """
    from pyspark.sql import functions as F

    def col(c):
        return F.col(c) if isinstance(c, str) else c

    profiles = [str(p) for p in profiles]
    args = [col(body)]
    if status is not None:
        args.append(col(status))
    if headers is not None:
        args.append(col(headers))
    use_arrow = arrow
    if use_arrow is None:
        try:
            from pyspark.sql.functions import arrow_udf  # noqa: F401

            use_arrow = True
        except ImportError:
            use_arrow = False
    if use_arrow:
        return _arrow_udf(status is not None, headers is not None, vendor, profiles)(*args)
    text = _pandas_udf(status is not None, headers is not None, vendor, profiles)(*args)
    return F.from_json(text, ERRORS_TYPE)
