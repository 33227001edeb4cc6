"""Every error in a SOAP/XML or JSON business API response, as one type.

``vendor_errors`` reads raw HTTP response bodies (SOAP 1.1 and 1.2 faults from
any server, the in-band error formats of Salesforce, NetSuite, Exchange Web
Services, OpenAir, Marketo, AWS, Azure, Google and the others the
``vendor-errors`` crate knows, and generic JSON error bodies) and turns each
error into a :class:`VendorError`: who reported it, its code, its message and
whether (and how) a caller may retry. The engine is the Rust crate, streaming
and bounded in memory; the GIL is released while a body is read.

>>> import vendor_errors as ve
>>> body = b'''<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>
... <s:Fault><faultcode>s:Server</faultcode><faultstring>Database down</faultstring></s:Fault>
... </s:Body></s:Envelope>'''
>>> report = ve.parse(body, status=503, headers={"Retry-After": "30"})
>>> e = report.errors[0]
>>> (e.vendor, e.code, e.message, e.retry, e.retry_after_secs)
('soap', 'Server', 'Database down', 'transient', 30)
>>> report.retry()
Retry(kind='transient', after_secs=30.0, retryable=True)
"""

from __future__ import annotations

import json as _json
from typing import Any, Iterable, Iterator, Optional

from . import _native
from ._errors import ParseError, VendorError
from ._native import Report, Retry

__version__: str = _native.__version__

__all__ = [
    "ParseError",
    "Report",
    "Retry",
    "VendorError",
    "__version__",
    "explain",
    "from_response",
    "from_response_stream",
    "parse",
    "vendors",
]


# The native function itself (its docstring says it all): no Python frame
# between the caller and the reading.
parse = _native.parse


def explain(vendor, code=None, profiles=()):
    """What a code means, as ``vendor-errors explain`` prints it.

    With ``code`` (as the vendor or the CLI writes it: a number, a symbolic
    code, a catalog name, or a QName such as ``soap:Server``): one dict
    (``vendor``, ``code``, ``name``, ``description``, ``retry``,
    ``retryable``, and ``http_status``, ``informational``, ``note`` where
    they apply), or ``None`` when the catalog does not know the code.
    Without ``code``: the list of the vendor's whole catalog. For the vendor
    of one of ``profiles`` (paths of profile files), the profile's
    ``[codes]``. An unknown vendor raises ``ValueError``.
    """
    found = _native.explain_json(vendor, code, profiles)
    if found is None:
        return None
    if isinstance(found, list):
        return [_json.loads(line) for line in found]
    return _json.loads(found)


def vendors():
    """The names ``vendor=`` takes: ``"auto"`` and every built-in vendor
    (besides the vendors of any profiles given)."""
    return list(_native.vendors())


def __getattr__(name):
    # The integrations are imported when first used: `ve.tenacity` needs
    # tenacity, `ve.spark` PySpark.
    if name in ("tenacity", "spark"):
        import importlib

        return importlib.import_module("." + name, __name__)
    raise AttributeError("module 'vendor_errors' has no attribute %r" % name)


def _response_parts(response):
    """The status and the headers of a ``requests`` or ``httpx`` response,
    less ``Content-Encoding``: both clients hand out the body decoded."""
    if not (hasattr(response, "status_code") and hasattr(response, "headers")):
        raise TypeError("expected a requests.Response or an httpx.Response, not %s" % type(response).__name__)
    status = response.status_code
    raw = response.headers
    items = raw.multi_items() if hasattr(raw, "multi_items") else raw.items()
    headers = [(k, v) for k, v in items if str(k).lower() != "content-encoding"]
    if status is not None and not 100 <= status <= 599:
        status = None
    return status, headers


def from_response(response, vendor="auto", profiles=()):
    """The :class:`Report` of a ``requests.Response`` or ``httpx.Response``
    whose body was read: its status, its headers and its content (as the
    client decoded it)."""
    status, headers = _response_parts(response)
    return _native.parse(response.content, status, headers, vendor, profiles)


class _ChunkReader:
    """A binary file-like object over an iterator of byte chunks."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks: Iterator[bytes] = iter(chunks)
        self._rest = b""

    def read(self, n: int = -1) -> bytes:
        if self._rest:
            if 0 <= n < len(self._rest):
                out, self._rest = self._rest[:n], self._rest[n:]
                return out
            out, self._rest = self._rest, b""
            return out
        for chunk in self._chunks:
            if chunk:
                if 0 <= n < len(chunk):
                    self._rest = chunk[n:]
                    return bytes(chunk[:n])
                return bytes(chunk)
        return b""


def from_response_stream(response, vendor="auto", profiles=(), chunk_size=64 * 1024):
    """The :class:`Report` of a response opened as a stream
    (``requests.get(url, stream=True)``, ``httpx.Client.stream(...)``): the
    body is read as it arrives (decoded by the client), never held whole; the
    response is closed once read (``httpx``: in a ``with client.stream()``
    block, as httpx wants)."""
    status, headers = _response_parts(response)
    if hasattr(response, "iter_content"):  # requests
        chunks = response.iter_content(chunk_size=chunk_size)
    elif hasattr(response, "iter_bytes"):  # httpx
        chunks = response.iter_bytes(chunk_size=chunk_size)
    else:
        raise TypeError("from_response_stream takes a requests.Response or an httpx.Response")
    try:
        return _native.parse(_ChunkReader(chunks), status, headers, vendor, profiles)
    finally:
        close = getattr(response, "close", None)
        if close is not None:
            close()
