"""vendor_errors.tenacity: retry what the report says may be retried, wait
what the server asks; offline (loopback server, in-process responses)."""

from __future__ import annotations

import pytest

import vendor_errors as ve

from conftest import SOAP11_FAULT

tenacity = pytest.importorskip("tenacity")
requests = pytest.importorskip("requests")

CLIENT_FAULT = SOAP11_FAULT.replace(b"soap:Server", b"soap:Client")


def retrying(**kwargs):
    waits = []
    policy = tenacity.Retrying(
        retry=ve.tenacity.retry_if_vendor_retryable(),
        wait=ve.tenacity.wait_vendor(**kwargs),
        stop=tenacity.stop_after_attempt(4),
        sleep=waits.append,
        reraise=True,
    )
    return policy, waits


def test_responses_are_retried_as_their_report_says(loopback):
    server = loopback(
        (503, [("Retry-After", "2")], SOAP11_FAULT),
        (429, [("Retry-After", "1")], b""),
        (200, [], b"<ok/>"),
    )
    policy, waits = retrying()
    response = policy(requests.get, server.url)
    assert response.status_code == 200
    assert waits == [2.0, 1.0] and len(server.requests) == 3


def test_a_permanent_answer_is_not_retried(loopback):
    server = loopback((500, [], CLIENT_FAULT))
    policy, waits = retrying()
    response = policy(requests.get, server.url)
    assert response.status_code == 500 and waits == [] and len(server.requests) == 1


def test_raised_vendor_errors_are_retried_and_others_not():
    attempts = []

    def call():
        attempts.append(1)
        report = ve.parse(SOAP11_FAULT, status=503, headers={"Retry-After": "4"} if len(attempts) == 1 else {})
        if len(attempts) < 3:
            raise report.errors[0]
        return "done"

    policy, waits = retrying(fallback=tenacity.wait_fixed(0.5))
    assert policy(call) == "done"
    assert waits == [4.0, 0.5]

    def permanent():
        raise ve.parse(CLIENT_FAULT).errors[0]

    policy, waits = retrying()
    with pytest.raises(ve.VendorError):
        policy(permanent)
    assert waits == []

    def other():
        raise KeyError("x")

    with pytest.raises(KeyError):
        retrying()[0](other)


def test_reports_are_outcomes_too():
    reports = [ve.parse(b"", status=502), ve.parse(b"<ok/>", status=200)]
    policy, waits = retrying()
    assert policy(reports.pop, 0) is not None
    assert waits == [0.0]


def test_the_helpers_compose_with_tenacity():
    condition = ve.tenacity.retry_if_vendor_retryable() | tenacity.retry_if_exception_type(KeyError)
    wait = ve.tenacity.wait_vendor() + tenacity.wait_fixed(1)
    attempts = []

    def call():
        attempts.append(1)
        if len(attempts) == 1:
            raise KeyError("once")
        return "ok"

    waits = []
    assert tenacity.Retrying(retry=condition, wait=wait, sleep=waits.append, stop=tenacity.stop_after_attempt(3))(call) == "ok"
    assert waits == [1.0]


def test_a_success_not_understood_is_no_failure(loopback):
    server = loopback((200, [("Content-Type", "text/plain")], b"OK"))
    policy, waits = retrying()
    assert policy(requests.get, server.url).text == "OK"
    assert waits == [] and len(server.requests) == 1
