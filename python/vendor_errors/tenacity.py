"""tenacity helpers: retry what the response says may be retried, and wait
what the server asks.

>>> import tenacity, vendor_errors as ve
>>> policy = tenacity.Retrying(
...     retry=ve.tenacity.retry_if_vendor_retryable(),
...     wait=ve.tenacity.wait_vendor(fallback=tenacity.wait_exponential(max=30)),
...     stop=tenacity.stop_after_attempt(5),
... )

An attempt counts as failed when it raised a :class:`~vendor_errors.VendorError`
(a report's error raised: ``raise report.errors[0]``) or returned a response
(``requests`` or ``httpx``, its body read) or a :class:`~vendor_errors.Report`
whose decision is not ``None``; it is retried when that decision is
retryable (transient, throttled, reauth).
"""

from __future__ import annotations

import importlib

# tenacity's base classes (so that the helpers compose with `|`, `&`, `+`).
# `tenacity.retry` is a function at the top level, hence the modules.
_retry_base = importlib.import_module("tenacity.retry").retry_base
_wait_base = importlib.import_module("tenacity.wait").wait_base

from . import _native
from ._errors import ParseError, VendorError

__all__ = ["retry_if_vendor_retryable", "wait_vendor", "decision"]


def decision(retry_state):
    """The retry decision (a :class:`~vendor_errors.Retry`) for an attempt's
    outcome, or ``None`` when the attempt did not fail as far as vendor_errors
    can tell (it raised something else, or returned a success)."""
    outcome = retry_state.outcome
    if outcome is None:
        return None
    if outcome.failed:
        error = outcome.exception()
        if isinstance(error, VendorError):
            secs = error.retry_after_secs
            return _native.Retry(error.retry, None if secs is None else float(secs))
        return None
    return _decision_of(outcome.result())


def _decision_of(result):
    from . import Report, from_response

    if isinstance(result, Report):
        return result.retry()
    if hasattr(result, "status_code") and hasattr(result, "headers") and hasattr(result, "content"):
        # A requests or httpx response, its body read. Kept on the
        # response, so that the wait reads it once too.
        report = getattr(result, "_vendor_errors_report", None)
        if report is None:
            try:
                report = from_response(result)
            except ParseError:
                # A body not understood without an error status (a plain
                # "OK", an image): nothing failed that the report can tell.
                return None
            try:
                result._vendor_errors_report = report
            except AttributeError:
                pass
        return report.retry()
    return None


class retry_if_vendor_retryable(_retry_base):
    """A tenacity retry condition: true when the attempt raised a retryable
    :class:`~vendor_errors.VendorError`, or returned a response (or a
    :class:`~vendor_errors.Report`) whose report's decision is retryable."""

    def __call__(self, retry_state) -> bool:
        found = decision(retry_state)
        return found is not None and bool(found.retryable)


class wait_vendor(_wait_base):
    """A tenacity wait: the delay the decision gives (``Retry-After``, the
    delay headers, a vendor's back-off in the body), else ``fallback`` (a
    tenacity wait, such as ``wait_exponential()``; ``None``: no wait)."""

    def __init__(self, fallback=None) -> None:
        self.fallback = fallback

    def __call__(self, retry_state) -> float:
        found = decision(retry_state)
        if found is not None and found.after_secs is not None:
            return float(found.after_secs)
        if self.fallback is None:
            return 0.0
        return float(self.fallback(retry_state))
