"""Every Python snippet of the README's Python section runs as written: the
snippets are run in order, in one namespace, from the repository's root
(as a reader would paste them into one session there)."""

from __future__ import annotations

import os
import re
import sys

import pytest

from conftest import REPO


def snippets():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    start = text.index("\n## Python\n")
    end = text.index("\n## ", start + 1)
    section = text[start:end]
    return re.findall(r"```python\n(.*?)```", section, re.S)


def test_the_readme_has_python_snippets():
    found = snippets()
    assert len(found) >= 6
    text = "\n".join(found)
    for needed in ("requests", "httpx", "zeep", "tenacity", "classify"):
        assert needed in text, needed


def test_the_readme_snippets_run(monkeypatch, spark):
    pytest.importorskip("requests")
    pytest.importorskip("httpx")
    pytest.importorskip("zeep")
    pytest.importorskip("tenacity")
    pytest.importorskip("pyspark")
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    monkeypatch.setenv("SPARK_LOCAL_IP", "127.0.0.1")
    monkeypatch.setattr(sys, "path", list(sys.path))
    namespace = {"__name__": "__readme__"}
    for i, code in enumerate(snippets()):
        try:
            exec(compile(code, "README.md python snippet %d" % (i + 1), "exec"), namespace)
        except Exception as e:  # pragma: no cover - the message says which
            raise AssertionError("README snippet %d failed: %r\n%s" % (i + 1, e, code)) from e
