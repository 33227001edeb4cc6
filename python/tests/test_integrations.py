"""from_response / from_response_stream for requests and httpx, offline: a
loopback server (http.server in a thread) and httpx.MockTransport."""

from __future__ import annotations

import gzip

import pytest

import vendor_errors as ve

from conftest import SOAP11_FAULT

requests = pytest.importorskip("requests")
httpx = pytest.importorskip("httpx")

SOAP_HEADERS = [("Content-Type", "text/xml; charset=utf-8"), ("Retry-After", "12")]
JSON_429 = b'{"error": {"code": "rate_limited", "message": "Slow down"}}'
BIG_JSON = b'{"errors": [' + b",".join(b'{"code": "E%d", "message": "no"}' % i for i in range(3000)) + b"]}"


def check_soap(report):
    e = report.errors[0]
    assert (e.vendor, e.code, e.message, e.http_status) == ("soap", "Server", "Ledger database timed out", 500)
    assert report.retry() == ve.Retry("transient", 12.0)


def test_requests_response(loopback):
    server = loopback((500, SOAP_HEADERS, SOAP11_FAULT))
    check_soap(ve.from_response(requests.post(server.url, data=b"<x/>")))


def test_requests_stream(loopback):
    server = loopback((500, SOAP_HEADERS, SOAP11_FAULT), (400, [], BIG_JSON))
    with requests.get(server.url, stream=True) as r:
        check_soap(ve.from_response_stream(r))
    r = requests.get(server.url, stream=True)
    report = ve.from_response_stream(r, chunk_size=100)
    assert report.errors[0].code == "E0" and len(report) + report.omitted == 3000


def test_gzip_bodies_are_decoded_once(loopback):
    # The client decodes Content-Encoding; the report must not decode again.
    server = loopback((500, SOAP_HEADERS + [("Content-Encoding", "gzip")], gzip.compress(SOAP11_FAULT)))
    check_soap(ve.from_response(requests.get(server.url)))
    with requests.get(server.url, stream=True) as r:
        check_soap(ve.from_response_stream(r))
    check_soap(ve.from_response(httpx.get(server.url)))


def test_httpx_over_loopback(loopback):
    server = loopback((429, [("Retry-After", "3")], JSON_429))
    report = ve.from_response(httpx.get(server.url))
    assert report.retry() == ve.Retry("throttled", 3.0)
    with httpx.Client() as client, client.stream("GET", server.url) as r:
        assert ve.from_response_stream(r).errors[0].code == "rate_limited"


def test_httpx_mock_transport():
    def handler(request):
        return httpx.Response(500, headers=SOAP_HEADERS, content=SOAP11_FAULT)

    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        check_soap(ve.from_response(client.post("https://soap.example/ledger", content=b"<x/>")))
        with client.stream("POST", "https://soap.example/ledger") as r:
            check_soap(ve.from_response_stream(r))


def test_success_and_vendor_options():
    def handler(request):
        return httpx.Response(200, content=b"<ok/>")

    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        report = ve.from_response(client.get("https://api.example/"), vendor="soap")
    assert not report and report.retry() is None
    with pytest.raises(TypeError):
        ve.from_response_stream(object())
