#![doc = include_str!("kubernetes.md")]

use super::{Entry, symbol};
use crate::retry::RetryClass::{Permanent, Reauth, Throttled, Transient};

/// The catalog, in types.go's order.
pub(crate) const ENTRIES: &[Entry] = &[
    symbol("Unknown", "The server declined to indicate a specific reason (an empty reason).", Permanent)
        .with_status(&[500])
        .status_decides(),
    symbol(
        "Unauthorized",
        "The server requires the user to present appropriate credentials; those given, if any, are insufficient.",
        Reauth,
    )
    .with_status(&[401]),
    symbol(
        "Forbidden",
        "The server understood the request but is configured to deny the client access to the resource.",
        Permanent,
    )
    .with_status(&[403]),
    symbol("NotFound", "One or more resources required for the operation could not be found.", Permanent)
        .with_status(&[404]),
    symbol("AlreadyExists", "The resource being created already exists.", Permanent).with_status(&[409]),
    symbol(
        "Conflict",
        "The operation conflicts with the resource's current state (a stale resourceVersion): re-read it, then retry.",
        Transient,
    )
    .with_status(&[409])
    .with_note("retry the read-modify-write from a fresh read, not the same request"),
    symbol("Gone", "The item is no longer available at the server and no forwarding address is known.", Permanent)
        .with_status(&[410]),
    symbol(
        "Invalid",
        "The create or update cannot be completed because of invalid data; details.causes name the fields.",
        Permanent,
    )
    .with_status(&[422]),
    symbol(
        "ServerTimeout",
        "The server understood the request but cannot complete it in a reasonable time: retry (after retryAfterSeconds).",
        Transient,
    )
    .with_status(&[500]),
    symbol(
        "StorageReadError",
        "The server failed to read the resources from its backend store (a store error, or an object it cannot decode).",
        Permanent,
    )
    .with_status(&[500])
    .with_note("a corrupt object reads the same on every retry"),
    symbol(
        "Timeout",
        "The request could not be completed within the given time: wait retryAfterSeconds, possibly with a longer timeout.",
        Transient,
    )
    .with_status(&[504]),
    symbol(
        "TooManyRequests",
        "Too many requests in a given window: wait at least retryAfterSeconds, then retry.",
        Throttled,
    )
    .with_status(&[429]),
    symbol(
        "BadRequest",
        "The request itself is invalid (such as deleting a read-only object): it can never succeed.",
        Permanent,
    )
    .with_status(&[400]),
    symbol("MethodNotAllowed", "The action is not supported on the resource: it can never succeed.", Permanent)
        .with_status(&[405]),
    symbol("NotAcceptable", "None of the accepted media types can be served: it can never succeed.", Permanent)
        .with_status(&[406]),
    symbol("RequestEntityTooLarge", "The request entity is too large.", Permanent).with_status(&[413]),
    symbol(
        "UnsupportedMediaType",
        "The content type sent is not supported for the resource: it can never succeed.",
        Permanent,
    )
    .with_status(&[415]),
    symbol("InternalError", "An unexpected internal error occurred; the outcome of the call is unknown.", Transient)
        .with_status(&[500]),
    symbol(
        "Expired",
        "The requested content (typically a watch's resourceVersion) has expired and is no longer available.",
        Permanent,
    )
    .with_status(&[410])
    .with_note("list again and watch from the new resourceVersion"),
    symbol(
        "ServiceUnavailable",
        "The request is valid but the service is unavailable at this time: retrying after some time may succeed.",
        Transient,
    )
    .with_status(&[503]),
];
