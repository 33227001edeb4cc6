"""The core API: parse (every kind of body, headers, status, vendor,
profiles), Report, VendorError, Retry, ParseError, explain, vendors."""

from __future__ import annotations

import array
import gzip
import io
import json
import pickle
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import vendor_errors as ve

from conftest import FIXTURES, REPO, SOAP11_FAULT

PROFILES = FIXTURES / "profiles"


def test_version_is_the_crate_version():
    cargo = (REPO / "Cargo.toml").read_text()
    version = re.search(r'^version = "([^"]+)"', cargo, re.M).group(1)
    assert ve.__version__ == version
    assert (REPO / "python" / "Cargo.toml").read_text().count('version = "%s"' % version) == 1


def test_every_kind_of_body_gives_the_same_report():
    expected = ve.parse(SOAP11_FAULT).errors[0].to_dict()
    for body in (
        SOAP11_FAULT,
        bytearray(SOAP11_FAULT),
        memoryview(SOAP11_FAULT),
        memoryview(b"xx" + SOAP11_FAULT)[2:],
        SOAP11_FAULT.decode("utf-8"),
        io.BytesIO(SOAP11_FAULT),
        io.BufferedReader(io.BytesIO(SOAP11_FAULT), 8),
    ):
        report = ve.parse(body)
        assert [e.to_dict() for e in report] == [expected], type(body)
    with pytest.raises(TypeError):
        ve.parse(42)
    with pytest.raises(TypeError):
        ve.parse(array.array("i", [1, 2]))


def test_a_file_is_read_as_a_stream_in_chunks(tmp_path):
    # A JSON errors array of about 1 MB: read in reads of at most 64 KiB.
    body = json.dumps({"errors": [{"code": "E%d" % i, "message": "m" * 40} for i in range(15000)]}).encode()
    path = tmp_path / "body.json"
    path.write_bytes(body)
    sizes = []

    class Counting(io.RawIOBase):
        def __init__(self, f):
            self.f = f

        def read(self, n=-1):
            sizes.append(n)
            return self.f.read(n)

    with open(path, "rb") as f:
        report = ve.parse(Counting(f), status=400)
    assert len(sizes) > 10 and max(sizes) <= 64 * 1024 and all(n > 0 for n in sizes)
    assert report.errors[0].code == "E0"
    assert len(report) + report.omitted == 15000


def test_a_read_that_raises_is_raised_again():
    class Broken:
        def __init__(self):
            self.calls = 0

        def read(self, n):
            self.calls += 1
            if self.calls == 1:
                return SOAP11_FAULT[:40]
            raise ConnectionResetError("peer reset")

    with pytest.raises(ConnectionResetError, match="peer reset"):
        ve.parse(Broken())

    class Text:
        def read(self, n):
            return "text"

    with pytest.raises(TypeError, match="binary mode"):
        ve.parse(Text())

    class TooMuch:
        """Gives more than asked: the rest is kept for the next read."""

        def __init__(self):
            self.data = [SOAP11_FAULT * 1, b""]

        def read(self, n):
            return self.data.pop(0)

    assert ve.parse(TooMuch()).errors[0].code == "Server"


def test_the_gil_is_released_while_a_body_is_read():
    # Another thread counts in a Python loop. While a body is read with the
    # GIL released it counts at full speed; were the GIL held, it could count
    # for at most one switch interval (5 ms) per parse.
    body = json.dumps({"errors": [{"code": "E%d" % i, "message": "x" * 200} for i in range(20000)]}).encode()
    counter = [0]
    stop = threading.Event()

    def count():
        while not stop.is_set():
            counter[0] += 1

    worker = threading.Thread(target=count)
    worker.start()
    try:
        time.sleep(0.05)
        start, t0 = counter[0], time.perf_counter()
        time.sleep(0.05)
        rate = (counter[0] - start) / (time.perf_counter() - t0)
        parses = 0
        before, t0 = counter[0], time.perf_counter()
        while time.perf_counter() - t0 < 0.3:
            ve.parse(body, status=400)
            parses += 1
        during = time.perf_counter() - t0
        counted = counter[0] - before
    finally:
        stop.set()
        worker.join()
    held_at_most = rate * 0.005 * parses
    assert counted > 2 * held_at_most or counted > 0.3 * rate * during, (counted, rate, during, parses)


def test_report_api():
    report = ve.parse(SOAP11_FAULT, status=503, headers={"Retry-After": "30"})
    assert isinstance(report, ve.Report)
    assert len(report) == 1 and bool(report) and report.omitted == 0
    assert list(report) == report.errors and report[0] is report.errors[0]
    assert report.notes == [] and report.incomplete is None
    retry = report.retry()
    assert isinstance(retry, ve.Retry)
    assert (retry.kind, retry.after_secs, retry.retryable) == ("transient", 30.0, True)
    assert retry == ve.Retry("transient", 30.0)
    assert "Report(" in repr(report) and "transient" in repr(retry)

    ok = ve.parse(b"<ok/>", status=200)
    assert not ok and len(ok) == 0 and ok.retry() is None

    noted = ve.parse(b"", status=503, headers={"Retry-After": "soon"})
    assert noted.notes == ['Retry-After "soon" is neither delay-seconds nor an HTTP-date: ignored']

    cut = ve.parse(SOAP11_FAULT[:-40])
    assert cut.incomplete.startswith("body ends early")
    assert cut.errors[0].incomplete is True

    with pytest.raises(ValueError):
        ve.Retry("sometimes")


def test_vendor_error_is_an_exception_with_the_cli_fields():
    e = ve.parse(SOAP11_FAULT, status=500).errors[0]
    assert isinstance(e, Exception) and isinstance(e, ve.VendorError)
    assert str(e) == "soap error Server: Ledger database timed out"
    assert e.to_dict() == {
        "vendor": "soap",
        "code": "Server",
        "message": "Ledger database timed out",
        "retryable": True,
        "retry": "transient",
        "http_status": 500,
        "fault_code": "soap:Server",
    }
    for absent in ("name", "retry_after_secs", "subcodes", "actor", "node", "role", "lang", "reasons",
                   "command", "index", "detail", "truncated", "informational", "incomplete"):
        assert getattr(e, absent) is None, absent
    with pytest.raises(ve.VendorError) as raised:
        raise e
    assert raised.value.code == "Server"
    again = pickle.loads(pickle.dumps(e))
    assert again == e and again.to_dict() == e.to_dict()

    numeric = ve.parse(b'<response><Read status="556"/></response>').errors[0]
    assert numeric.code == 556 and isinstance(numeric.code, int)


def test_soap12_subcodes_and_reasons():
    body = (FIXTURES / "soap" / "soap12-receiver-subcodes.xml").read_bytes()
    e = ve.parse(body, status=500).errors[0]
    assert isinstance(e.subcodes, list) and e.subcodes
    line = json.dumps(e.to_dict(), separators=(",", ":"), ensure_ascii=False)
    cli = subprocess_cli(["--status", "500", str(FIXTURES / "soap" / "soap12-receiver-subcodes.xml")])
    if cli is not None:
        assert line == cli.strip()


def subprocess_cli(args):
    """The CLI's output, when a built binary is at hand (CI builds one)."""
    import os

    for target in (os.environ.get("CARGO_TARGET_DIR"), str(REPO / "target")):
        if target:
            exe = Path(target) / "debug" / "vendor-errors"
            if exe.exists():
                return subprocess.run([str(exe), *args], capture_output=True, text=True).stdout
    return None


def test_headers_in_every_shape():
    for headers in (
        {"Retry-After": "7"},
        [("Retry-After", "7")],
        (("retry-after", b"7"),),
        [(b"Retry-After", "7")],
        iter([("Retry-After", "7")]),
    ):
        assert ve.parse(b"", status=503, headers=headers).retry().after_secs == 7.0
    with pytest.raises(TypeError):
        ve.parse(b"", status=503, headers=[("Retry-After",)])
    with pytest.raises(TypeError):
        ve.parse(b"", status=503, headers=[("Retry-After", 7)])


def test_content_encoding_is_decoded():
    body = gzip.compress(SOAP11_FAULT)
    e = ve.parse(body, headers={"Content-Encoding": "gzip"}).errors[0]
    assert e.code == "Server"


def test_parse_errors_say_what_the_cli_says():
    with pytest.raises(ve.ParseError) as raised:
        ve.parse(b"   ")
    assert raised.value.offset is None and isinstance(raised.value, ValueError)
    with pytest.raises(ve.ParseError) as raised:
        ve.parse(b"<a><b></a>")
    assert raised.value.offset is not None and str(raised.value).startswith("malformed XML at byte")
    again = pickle.loads(pickle.dumps(raised.value))
    assert str(again) == str(raised.value) and again.offset == raised.value.offset
    # With an error status, a body not understood is the status's error.
    assert ve.parse(b"   ", status=502).errors[0].vendor == "http"


def test_status_and_vendor_are_checked():
    with pytest.raises(ValueError, match="no HTTP status"):
        ve.parse(b"", status=42)
    with pytest.raises(ValueError, match='"no such name"'):
        ve.parse(b"", vendor="no such name")
    assert ve.parse(SOAP11_FAULT, vendor="SOAP").errors[0].vendor == "soap"
    assert "auto" in ve.vendors() and "salesforce" in ve.vendors()


def test_profiles_are_read_like_the_cli_reads_them():
    acme = str(PROFILES / "acme.toml")
    body = (FIXTURES / "profiles").glob("*.xml")
    with pytest.raises(ValueError) as raised:
        ve.parse(b"{}", profiles=[str(PROFILES / "bad" / "invalid-class.toml")])
    assert str(raised.value).startswith("profile %s:5: codes.E1002: " % (PROFILES / "bad" / "invalid-class.toml"))
    with pytest.raises(ValueError, match="cannot read profile"):
        ve.parse(b"{}", profiles=["/no/such/file.toml"])
    with pytest.raises(ValueError, match="is the vendor of"):
        ve.parse(b"{}", profiles=[acme, acme])
    with pytest.raises(TypeError):
        ve.parse(b"{}", profiles=acme)
    # The vendor of a profile given is a name vendor= takes; else not.
    with pytest.raises(ValueError, match="acme"):
        ve.parse(b"{}", vendor="acme")
    body = (PROFILES / "acme-fault-code-in-namespace.xml").read_bytes()
    report = ve.parse(body, status=500, vendor="acme", profiles=[Path(acme)])
    assert [(e.vendor, e.code, e.retry) for e in report] == [("acme", "SESSION_EXPIRED", "reauth")]


def test_every_cli_profile_message(tmp_path):
    cli = None
    for bad in sorted((PROFILES / "bad").glob("*.toml")):
        with pytest.raises(ValueError) as raised:
            ve.parse(b"{}", profiles=[str(bad)])
        message = str(raised.value)
        assert message.startswith("profile %s" % bad) and "\n" not in message
        out = subprocess_cli_stderr(["--profile", str(bad), "--status", "503"])
        if out is not None:
            assert out.strip() == "vendor-errors: " + message


def subprocess_cli_stderr(args):
    import os

    for target in (os.environ.get("CARGO_TARGET_DIR"), str(REPO / "target")):
        if target:
            exe = Path(target) / "debug" / "vendor-errors"
            if exe.exists():
                return subprocess.run([str(exe), *args], input="", capture_output=True, text=True).stderr
    return None


def test_explain_gives_the_cli_objects():
    e = ve.explain("http", "429")
    assert e == {
        "vendor": "http",
        "code": 429,
        "name": "Too Many Requests",
        "description": e["description"],
        "retry": "throttled",
        "retryable": True,
        "http_status": 429,
    }
    assert list(e) == ["vendor", "code", "name", "description", "retry", "retryable", "http_status"]
    assert ve.explain("http", 429) == e
    assert ve.explain("soap", "soap:Server")["code"] == "Server"
    assert ve.explain("soap", "NoSuchCode") is None
    whole = ve.explain("marketo")
    assert isinstance(whole, list) and len(whole) > 10 and all(x["vendor"] == "marketo" for x in whole)
    with pytest.raises(ValueError, match="unknown vendor"):
        ve.explain("auto", "1")
    acme = str(PROFILES / "acme.toml")
    assert ve.explain("acme", "quotaexceeded", profiles=[acme])["retry"] == "throttled"
    assert [x["code"] for x in ve.explain("acme", profiles=[acme])] == ["E1001", "QUOTA_EXCEEDED", "SESSION_EXPIRED"]
    with pytest.raises(ValueError):
        ve.explain("acme", "E1001")
    cli = subprocess_cli(["explain", "netsuite", "WS_CONCUR_SESSION_DISALLWD"])
    if cli is not None:
        mine = json.dumps(ve.explain("netsuite", "WS_CONCUR_SESSION_DISALLWD"), separators=(",", ":"), ensure_ascii=False)
        assert mine == cli.strip()


def test_profiles_are_read_again_when_their_file_changes(tmp_path):
    path = tmp_path / "acme.toml"
    text = (PROFILES / "acme.toml").read_text()
    path.write_text(text)
    assert ve.explain("acme", "E1001", profiles=[path])["retry"] == "permanent"
    path.write_text(text.replace('E1001 = "permanent"', 'E1001 = "transient"  # changed'))
    assert ve.explain("acme", "E1001", profiles=[path])["retry"] == "transient"
