"""The exception classes of ``vendor_errors`` (the native module makes their
instances: exceptions cannot be native classes under the stable ABI)."""

from __future__ import annotations

# The CLI's JSON fields, in the CLI's order.
FIELDS = (
    "vendor",
    "code",
    "message",
    "retryable",
    "retry",
    "name",
    "retry_after_secs",
    "http_status",
    "fault_code",
    "subcodes",
    "actor",
    "node",
    "role",
    "lang",
    "reasons",
    "command",
    "index",
    "detail",
    "truncated",
    "informational",
    "incomplete",
)


class VendorError(Exception):
    """One error found in a response: who reported it, its code, its message,
    and whether (and how) a caller may retry.

    An ``Exception``, so ``raise report.errors[0]`` works. Its attributes are
    exactly the fields of the ``vendor-errors`` CLI's JSON line, ``None`` when
    absent: ``vendor``, ``code`` (``int`` or ``str``, as the CLI prints it),
    ``message``, ``retryable``, ``retry`` (``"permanent"``, ``"transient"``,
    ``"throttled"``, ``"reauth"``), ``name``, ``retry_after_secs``,
    ``http_status``, ``fault_code``, ``subcodes``, ``actor``, ``node``,
    ``role``, ``lang``, ``reasons``, ``command``, ``index``, ``detail``,
    ``truncated``, ``informational``, ``incomplete``.

    ``str(e)`` is ``"<vendor> error <code>: <message>"``.
    """

    vendor: str
    code: "int | str"
    message: str
    retryable: bool
    retry: str

    # The optional fields: None unless the instance has them (the native
    # module sets only the fields present).
    name = None
    retry_after_secs = None
    http_status = None
    fault_code = None
    subcodes = None
    actor = None
    node = None
    role = None
    lang = None
    reasons = None
    command = None
    index = None
    detail = None
    truncated = None
    informational = None
    incomplete = None

    def to_dict(self) -> dict:
        """The error as the CLI prints it: its JSON object, absent fields
        omitted, in the CLI's order (``json.dumps(e.to_dict(),
        separators=(",", ":"), ensure_ascii=False)`` is the CLI's line)."""
        out = {}
        for field in FIELDS:
            value = getattr(self, field, None)
            if value is not None:
                if field == "reasons":
                    value = [dict(r) for r in value]
                elif field == "subcodes":
                    value = list(value)
                out[field] = value
        return out

    def __repr__(self) -> str:
        return "VendorError(vendor={!r}, code={!r}, message={!r}, retry={!r})".format(
            self.__dict__.get("vendor"),
            self.__dict__.get("code"),
            self.__dict__.get("message"),
            self.__dict__.get("retry"),
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, VendorError):
            return NotImplemented
        return self.to_dict() == other.to_dict()

    def __hash__(self) -> int:
        return hash((self.__dict__.get("vendor"), self.__dict__.get("code"), self.__dict__.get("message")))


class ParseError(ValueError):
    """The body was not understood (not XML nor JSON, malformed, cut short,
    an HTML page, ...). The message is the one the CLI prints; ``offset`` is
    the byte offset where the problem was found, or ``None`` for a verdict on
    the whole body (empty, HTML, an unsupported encoding)."""

    offset: "int | None"

    def __init__(self, message: str, offset: "int | None" = None) -> None:
        super().__init__(message)
        self.offset = offset

    def __reduce__(self):
        return (type(self), (str(self), self.offset))
