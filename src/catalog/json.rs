#![doc = include_str!("json.md")]

use super::{Entry, num, symbol};
use crate::retry::RetryClass::{Permanent, Reauth, Throttled, Transient};

/// The catalog: OAuth codes, then `google.rpc.Code` names, then JSON-RPC codes.
pub(crate) const ENTRIES: &[Entry] = &[
    // OAuth 2.0 token endpoint (RFC 6749 §5.2) and authorization endpoint (§4.1.2.1).
    symbol("invalid_request", "The request is missing a parameter, repeats one, or is otherwise malformed.", Permanent)
        .with_status(&[400]),
    // Client authentication failed: the client's own credentials are wrong
    // as configured, and re-authenticating with them fails the same way.
    symbol(
        "invalid_client",
        "Client authentication failed (unknown client, no or unsupported authentication).",
        Permanent,
    )
    .with_status(&[400, 401]),
    // The grant (code, password, refresh token) is dead: asking again with it
    // fails; only a new authorization by the user helps, which no retry does.
    symbol(
        "invalid_grant",
        "The authorization grant or refresh token is invalid, expired, revoked, or was issued to another client.",
        Permanent,
    )
    .with_status(&[400]),
    symbol("unauthorized_client", "The client is not authorized to use this grant or response type.", Permanent)
        .with_status(&[400]),
    symbol("unsupported_grant_type", "The authorization server does not support this grant type.", Permanent)
        .with_status(&[400]),
    symbol(
        "invalid_scope",
        "The requested scope is invalid, unknown, malformed, or exceeds what was granted.",
        Permanent,
    )
    .with_status(&[400]),
    // Also RFC 8628 §3.5: the user denied the device authorization.
    symbol("access_denied", "The resource owner or authorization server denied the request.", Permanent),
    symbol(
        "unsupported_response_type",
        "The authorization server does not support obtaining a code or token this way.",
        Permanent,
    ),
    // RFC 6749 defines it as the stand-in for a 500 that a redirect cannot
    // carry, which would argue for transient; the CLI contract lists the
    // OAuth codes that wait (invalid_token, expired_token, slow_down,
    // temporarily_unavailable) and makes every other one permanent, and the
    // contract is what scripts rely on.
    symbol(
        "server_error",
        "The authorization server met an unexpected condition (a 500 it could not send).",
        Permanent,
    )
    .with_note("RFC 6749 §4.1.2.1: used because a redirect cannot carry an HTTP 500"),
    // The stand-in for a 503.
    symbol(
        "temporarily_unavailable",
        "The authorization server is temporarily overloaded or under maintenance.",
        Transient,
    ),
    // Bearer token errors (RFC 6750 §3.1). `invalid_request` is above.
    symbol(
        "invalid_token",
        "The access token is expired, revoked, malformed, or invalid: obtain a new one, then retry.",
        Reauth,
    )
    .with_status(&[401]),
    // A token with more scope needs a new grant from the user; the same
    // request with the same token fails again.
    symbol("insufficient_scope", "The access token lacks the scope the request requires.", Permanent)
        .with_status(&[403]),
    // Device authorization grant (RFC 8628 §3.5). `access_denied` is above.
    // Not a failure of the server: the user has not finished yet, and the
    // client must wait the `interval` before polling again, which reads as
    // throttled; but the CLI contract makes every OAuth code it does not
    // name permanent, and a device-flow client runs its own polling loop
    // (this request, as sent, will not succeed by itself).
    symbol(
        "authorization_pending",
        "The user has not yet completed the device authorization: poll again after the interval.",
        Permanent,
    )
    .with_status(&[400]),
    // Polling too fast: the interval grows by 5 s for this and later requests.
    symbol("slow_down", "Polling too fast: add 5 seconds to the polling interval, then poll again.", Throttled)
        .with_status(&[400]),
    // The device code expired: the client may start a new device
    // authorization, i.e. authenticate again.
    symbol("expired_token", "The device code has expired: start a new device authorization.", Reauth)
        .with_status(&[400]),
    // google.rpc.Code names, as Google-style `{"error": {"status": ..}}` bodies carry them.
    symbol("CANCELLED", "The operation was cancelled, typically by the caller.", Permanent).with_status(&[499]),
    // Says nothing by itself: an error status that came with it decides.
    symbol("UNKNOWN", "Unknown error, or an error from an unknown error space.", Permanent)
        .with_status(&[500])
        .status_decides(),
    symbol("INVALID_ARGUMENT", "The client specified an invalid argument, whatever the system's state.", Permanent)
        .with_status(&[400]),
    // May have completed after all: retry only what is safe to repeat.
    symbol("DEADLINE_EXCEEDED", "The deadline expired before the operation could complete.", Transient)
        .with_status(&[504])
        .with_note("the operation may have completed: retry only idempotent requests"),
    symbol("NOT_FOUND", "A requested entity was not found.", Permanent).with_status(&[404]),
    symbol("ALREADY_EXISTS", "The entity the client tried to create already exists.", Permanent).with_status(&[409]),
    symbol("PERMISSION_DENIED", "The caller does not have permission to execute the operation.", Permanent)
        .with_status(&[403]),
    symbol("UNAUTHENTICATED", "The request does not have valid authentication credentials.", Reauth)
        .with_status(&[401]),
    // Mostly a per-user quota or rate; code.proto also allows "disk full",
    // which waiting does not fix, but quotas are what APIs send it for.
    symbol("RESOURCE_EXHAUSTED", "A resource is exhausted: a quota or rate limit, or capacity.", Throttled)
        .with_status(&[429]),
    // code.proto: do not retry until the system's state has been fixed.
    symbol("FAILED_PRECONDITION", "The system is not in the state the operation requires.", Permanent)
        .with_status(&[400]),
    // code.proto: "retry at a higher level", e.g. restart the read-modify-write.
    symbol("ABORTED", "The operation was aborted by a concurrency conflict: retry the whole sequence.", Transient)
        .with_status(&[409])
        .with_note("retry the enclosing read-modify-write sequence, not only the call"),
    symbol("OUT_OF_RANGE", "The operation was attempted past the valid range.", Permanent).with_status(&[400]),
    symbol("UNIMPLEMENTED", "The operation is not implemented, supported or enabled.", Permanent).with_status(&[501]),
    // HTTP 500, which this crate classes transient like SOAP `Server`.
    symbol("INTERNAL", "Internal error: an invariant of the underlying system is broken.", Transient)
        .with_status(&[500])
        .with_note(
            "code.proto reserves it for serious errors; Google's strict retry policy (AIP-194) does not retry it",
        ),
    // code.proto: "most likely a transient condition ... retrying with a backoff".
    symbol("UNAVAILABLE", "The service is currently unavailable: retry with backoff.", Transient).with_status(&[503]),
    symbol("DATA_LOSS", "Unrecoverable data loss or corruption.", Permanent).with_status(&[500]),
    // JSON-RPC 2.0 reserved codes (§5.1): the request as sent is wrong, but
    // for the internal error, which stands for a server failure.
    num(-32700, "Parse error", "The server received invalid JSON.", Permanent),
    num(-32600, "Invalid Request", "The JSON sent is not a valid JSON-RPC request object.", Permanent),
    num(-32601, "Method not found", "The method does not exist or is not available.", Permanent),
    num(-32602, "Invalid params", "The method's parameters are invalid.", Permanent),
    num(-32603, "Internal error", "Internal JSON-RPC error in the server.", Transient),
];
