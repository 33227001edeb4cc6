"""Golden parity: every fixture body read through the Python package gives,
error for error, the JSON lines the CLI prints (``<case>.expected``), with the
options of ``<case>.args``.

Captures (``.http`` and ``.har`` files, in ``fixtures/capture`` and beside
other vendors' cases) are skipped: the CLI reads them through its capture
API (status, headers and body taken from the transcript), which the Python
package does not expose; their bodies are covered by the body fixtures.
"""

from __future__ import annotations

import json

import pytest

import vendor_errors as ve

from conftest import FIXTURES, REPO

CAPTURE_EXTENSIONS = {".http", ".har"}


def cases():
    found = []
    for vendor in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        for body in sorted(vendor.iterdir()):
            if body.is_dir() or body.suffix in {".args", ".expected", ".toml"}:
                continue
            found.append(body)
    return found


ALL = cases()
BODIES = [c for c in ALL if c.suffix not in CAPTURE_EXTENSIONS]
SKIPPED = [c for c in ALL if c.suffix in CAPTURE_EXTENSIONS]


def options(body):
    """The keyword arguments ``<case>.args`` stands for (the CLI's flags)."""
    args_file = body.with_suffix(".args")
    args = [l for l in args_file.read_text().splitlines() if l] if args_file.exists() else []
    kwargs = {"headers": [], "profiles": []}
    it = iter(args)
    for flag in it:
        value = next(it)
        if flag == "--status":
            kwargs["status"] = int(value)
        elif flag == "--vendor":
            kwargs["vendor"] = value
        elif flag == "--header":
            name, _, val = value.partition(":")
            kwargs["headers"].append((name, val))
        elif flag == "--profile":
            kwargs["profiles"].append(str(REPO / value))
        else:
            raise AssertionError("unknown fixture flag " + flag)
    return kwargs


def lines(report):
    return [json.dumps(e.to_dict(), separators=(",", ":"), ensure_ascii=False) for e in report]


def test_there_are_cases_and_the_skipped_are_captures():
    assert len(BODIES) > 300
    assert all(c.suffix in CAPTURE_EXTENSIONS for c in SKIPPED)
    assert len(SKIPPED) < len(BODIES) / 4


@pytest.mark.parametrize("body", BODIES, ids=[str(c.relative_to(FIXTURES)) for c in BODIES])
def test_fixture_matches_the_cli(body):
    expected = body.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    kwargs = options(body)
    data = body.read_bytes()
    if expected and expected[0].startswith("error: "):
        with pytest.raises(ve.ParseError) as raised:
            ve.parse(data, **kwargs)
        assert str(raised.value) == expected[0][len("error: "):]
        assert isinstance(raised.value, ValueError)
        return
    report = ve.parse(data, **kwargs)
    assert lines(report) == expected
    # Each error's attributes are its JSON fields.
    for e, line in zip(report, expected):
        for key, value in json.loads(line).items():
            assert getattr(e, key) == value, key
        assert e.retryable == (e.retry != "permanent")
    # The same body as a stream, in small reads.
    assert lines(ve.parse(_Trickle(data), **kwargs)) == expected


class _Trickle:
    """A file-like object that gives at most 7 bytes a read."""

    def __init__(self, data):
        self.data, self.at = data, 0

    def read(self, n=-1):
        n = 7 if n < 0 else min(n, 7)
        out = self.data[self.at:self.at + n]
        self.at += len(out)
        return out
