//! Kubernetes API server `Status` reasons (`metav1.StatusReason`).
//!
//! Source: kubernetes/apimachinery@048d7833 `pkg/apis/meta/v1/types.go`,
//! the `StatusReason` constants: each reason's meaning and the one HTTP
//! status it maps to (given as `http_status`); the descriptions below
//! follow its comments. The reason `""` (`StatusReasonUnknown`: "the
//! server has declined to indicate a specific reason") has the row
//! `Unknown`, the code a `Status` without a reason and without a `code`
//! gets.
//!
//! Retry classes, argued from types.go and the clients that act on them
//! (kubernetes/apimachinery `pkg/api/errors/errors.go`: `IsTooManyRequests`,
//! `SuggestsClientDelay`; kubernetes/client-go `rest/with_retry.go`, which
//! retries a 429 or a 5xx that comes with `Retry-After`, and
//! `util/retry/util.go`, `RetryOnConflict`):
//! - Throttled: `TooManyRequests` (types.go: "the client must wait to
//!   perform the action again ... should wait at least the number of
//!   seconds specified by the retryAfterSeconds field").
//! - Transient: `ServerTimeout` (types.go: "The client should retry the
//!   request"; `SuggestsClientDelay` reads its `retryAfterSeconds`),
//!   `Timeout` ("might succeed with an increased value of timeout param";
//!   wait `retryAfterSeconds`), `ServiceUnavailable` ("Retrying the request
//!   after some time might succeed"), `InternalError` (a 500 whose outcome
//!   is unknown; client-go retries 5xx with `Retry-After`), and `Conflict`
//!   (a stale `resourceVersion`: client-go's `RetryOnConflict` re-runs the
//!   caller's read-modify-write — re-read the object first, then retry).
//! - Reauth: `Unauthorized` (credentials missing or insufficient).
//! - Permanent: `Forbidden`, `NotFound`, `AlreadyExists`, `Gone`,
//!   `Invalid` (the data must change), and the reasons types.go says "can
//!   never succeed": `BadRequest`, `MethodNotAllowed`, `NotAcceptable`,
//!   `UnsupportedMediaType`; `RequestEntityTooLarge` (the same body is too
//!   large again). By argument: `Expired` (a watch or list
//!   `resourceVersion` that is too old: the same request fails again; the
//!   client must list anew and watch from the new version) and
//!   `StorageReadError` (an object the store cannot read or decode: a
//!   retry reads the same bytes; name- and description-based). `Unknown`
//!   says nothing by itself: an error status that came with it decides.

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
