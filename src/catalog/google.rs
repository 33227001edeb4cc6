//! Google APIs' JSON error codes: the canonical `google.rpc.Code` names an
//! error's `status` carries, the `google.rpc.ErrorInfo` reasons of the
//! `googleapis.com` domain, and the legacy `errors[].reason` values of the
//! older ("core errors") format.
//!
//! Sources:
//! - `google/rpc/code.proto` (googleapis/googleapis@16b971c4): the sixteen
//!   canonical codes, what each means, its HTTP mapping (given here as
//!   `http_status`) and its advice on retrying (`UNAVAILABLE`: "most likely
//!   a transient condition ... corrected by retrying with a backoff";
//!   `ABORTED`: retry at a higher level; `FAILED_PRECONDITION`: do not
//!   retry until the system's state is fixed).
//! - `google/api/error_reason.proto` (googleapis/googleapis@2f8d204b9bc1):
//!   the `ErrorInfo.reason` values of the `googleapis.com` domain, with
//!   their descriptions. Later revisions add reasons: a reason not listed
//!   here takes the class of the error's canonical `status`.
//! - google-api-python-client@0365b6ee `googleapiclient/http.py`,
//!   `_should_retry_response`: retries every status of 500 or more, 429,
//!   and a 403 only when the first `errors[].reason` is
//!   `userRateLimitExceeded` or `rateLimitExceeded` — the rate-limit
//!   reasons are throttled whatever status carries them.
//! - python-api-core@d228d98c `google/api_core/retry/retry_base.py`,
//!   `if_transient_error`: `InternalServerError` (500, `INTERNAL`),
//!   `TooManyRequests` (429, `RESOURCE_EXHAUSTED`), `ServiceUnavailable`
//!   (503, `UNAVAILABLE`).
//! - The Analytics Core Reporting API v3 error table
//!   (developers.google.com/analytics/devguides/reporting/core/v3/errors):
//!   a reason, what it means and the recommended action for each legacy
//!   reason it lists; the Gmail API's "Resolve errors" guide
//!   (developers.google.com/gmail/api/guides/handle-errors) for `authError`
//!   and `domainPolicy`; the YouTube Data API's error list
//!   (developers.google.com/youtube/v3/docs/errors) for `forbidden` and
//!   `quotaExceeded`; the global-domain "core errors" page (as published
//!   for the Indexing API) for `invalid`, `required`, `notFound`,
//!   `conditionNotMet` and `internalError`.
//!
//! Descriptions are written here from those texts.
//!
//! Retry classes, in short:
//! - Throttled: `RESOURCE_EXHAUSTED` (api-core retries it; mostly a rate
//!   or quota), `RATE_LIMIT_EXCEEDED`, and the legacy rate reasons
//!   `rateLimitExceeded`, `userRateLimitExceeded` (the Python client's
//!   only retried 403s; Analytics and Gmail: "retry using exponential
//!   back-off") and `quotaExceeded` (Analytics: the concurrent-request
//!   quota, wait for a running request to finish).
//! - Transient: `UNAVAILABLE`, `INTERNAL` (api-core), `DEADLINE_EXCEEDED`
//!   (code.proto maps it to 504; api-core does not retry it by default,
//!   and the operation may have completed: a note says so), `ABORTED`
//!   (code.proto: retry the read-modify-write sequence), and the legacy
//!   `backendError`, `internalServerError` (Analytics: retry, at most
//!   once) and `internalError` (a 500: the Python client retries it;
//!   name-based otherwise).
//! - Reauth: `UNAUTHENTICATED`, `ACCESS_TOKEN_EXPIRED`, and the legacy
//!   `authError` (Gmail: refresh the access token) and `invalidCredentials`
//!   (Analytics: get a new auth token).
//! - Permanent: the rest. Among them, by argument: `dailyLimitExceeded`
//!   (Analytics: "do not retry without fixing the problem", the daily quota
//!   is used up; Gmail: ask for more quota; the Python client does not
//!   retry it: no backoff a client would wait helps before the day ends);
//!   `RESOURCE_QUOTA_EXCEEDED` (error_reason.proto: a resource quota such
//!   as VMs per project, freed by deleting resources or raising the limit,
//!   not by waiting); `API_KEY_INVALID` (a key wrong as configured: there
//!   is nothing to re-authenticate with); `CANCELLED` (the caller
//!   cancelled); `DATA_LOSS` (code.proto: unrecoverable). `UNKNOWN` says
//!   nothing by itself: an error status that came with it decides.

use super::{Entry, symbol};
use crate::retry::RetryClass::{Permanent, Reauth, Throttled, Transient};

/// The catalog: canonical codes, then `ErrorInfo` reasons, then legacy reasons.
pub(crate) const ENTRIES: &[Entry] = &[
    // google.rpc.Code names (code.proto), as `error.status` carries them.
    symbol("CANCELLED", "The operation was cancelled, typically by the caller.", Permanent).with_status(&[499]),
    symbol("UNKNOWN", "Unknown error, or an error from an unknown error space.", Permanent)
        .with_status(&[500])
        .status_decides(),
    symbol("INVALID_ARGUMENT", "The client specified an invalid argument, whatever the system's state.", Permanent)
        .with_status(&[400]),
    symbol("DEADLINE_EXCEEDED", "The deadline expired before the operation could complete.", Transient)
        .with_status(&[504])
        .with_note("the operation may have completed: retry only idempotent requests"),
    symbol("NOT_FOUND", "A requested entity was not found.", Permanent).with_status(&[404]),
    symbol("ALREADY_EXISTS", "The entity the client tried to create already exists.", Permanent).with_status(&[409]),
    symbol("PERMISSION_DENIED", "The caller does not have permission to execute the operation.", Permanent)
        .with_status(&[403]),
    symbol("UNAUTHENTICATED", "The request does not have valid authentication credentials.", Reauth)
        .with_status(&[401]),
    symbol("RESOURCE_EXHAUSTED", "A resource is exhausted: a quota or rate limit, or capacity.", Throttled)
        .with_status(&[429])
        .with_note("some APIs send it for a daily quota too (its ErrorInfo or message says which)"),
    symbol("FAILED_PRECONDITION", "The system is not in the state the operation requires.", Permanent)
        .with_status(&[400]),
    symbol("ABORTED", "The operation was aborted by a concurrency conflict: retry the whole sequence.", Transient)
        .with_status(&[409])
        .with_note("retry the enclosing read-modify-write sequence, not only the call"),
    symbol("OUT_OF_RANGE", "The operation was attempted past the valid range.", Permanent).with_status(&[400]),
    symbol("UNIMPLEMENTED", "The operation is not implemented, supported or enabled.", Permanent).with_status(&[501]),
    symbol("INTERNAL", "Internal error: an invariant of the underlying system is broken.", Transient)
        .with_status(&[500]),
    symbol("UNAVAILABLE", "The service is currently unavailable: retry with backoff.", Transient).with_status(&[503]),
    symbol("DATA_LOSS", "Unrecoverable data loss or corruption.", Permanent).with_status(&[500]),
    // google.rpc.ErrorInfo reasons of the googleapis.com domain (error_reason.proto).
    symbol("SERVICE_DISABLED", "The API is disabled for the consumer (project) calling it.", Permanent),
    symbol("BILLING_DISABLED", "The billing account associated with the consumer is disabled.", Permanent),
    symbol("API_KEY_INVALID", "The API key is invalid: malformed, not found, or expired.", Permanent)
        .with_note("a key wrong as configured: replace it; no re-authentication fixes it"),
    symbol("API_KEY_SERVICE_BLOCKED", "The API key's API restrictions do not allow this service.", Permanent),
    symbol(
        "API_KEY_HTTP_REFERRER_BLOCKED",
        "The request's HTTP referrer violates the API key's restrictions.",
        Permanent,
    ),
    symbol("API_KEY_IP_ADDRESS_BLOCKED", "The caller's IP address violates the API key's restrictions.", Permanent),
    symbol("API_KEY_ANDROID_APP_BLOCKED", "The calling Android app violates the API key's restrictions.", Permanent),
    symbol("API_KEY_IOS_APP_BLOCKED", "The calling iOS app violates the API key's restrictions.", Permanent),
    symbol(
        "RATE_LIMIT_EXCEEDED",
        "The consumer's rate quota is used up (metadata names the quota metric and limit): wait, then retry.",
        Throttled,
    ),
    symbol("RESOURCE_QUOTA_EXCEEDED", "The consumer's resource quota (such as VMs per project) is used up.", Permanent)
        .with_note("freed by deleting resources or raising the limit, not by waiting"),
    symbol(
        "LOCATION_TAX_POLICY_VIOLATED",
        "Creating resources in this location violates the billing account's tax restrictions.",
        Permanent,
    ),
    symbol(
        "USER_PROJECT_DENIED",
        "The caller lacks permission on the user project, or the user project is invalid.",
        Permanent,
    ),
    symbol("CONSUMER_SUSPENDED", "The consumer (project) is suspended for Terms of Service violations.", Permanent),
    symbol("CONSUMER_INVALID", "The consumer is invalid: malformed, not found, or deleted.", Permanent),
    symbol("SECURITY_POLICY_VIOLATED", "The request violates VPC Service Controls.", Permanent),
    symbol("ACCESS_TOKEN_EXPIRED", "The access token has expired: obtain a new one, then retry.", Reauth),
    // Legacy `errors[].reason` values (the global and usageLimits domains).
    symbol(
        "rateLimitExceeded",
        "The project's rate limit was exceeded: retry with exponential backoff, sending more slowly.",
        Throttled,
    )
    .with_status(&[403, 429]),
    symbol(
        "userRateLimitExceeded",
        "The per-user rate limit was exceeded: retry with exponential backoff, sending more slowly.",
        Throttled,
    )
    .with_status(&[403]),
    symbol(
        "quotaExceeded",
        "A quota was exceeded (Analytics: too many concurrent requests): wait, then retry.",
        Throttled,
    )
    .with_status(&[403])
    .with_note("YouTube sends it for its daily quota, which only the next day restores"),
    symbol("dailyLimitExceeded", "The daily quota is used up: do not retry before it resets or is raised.", Permanent)
        .with_status(&[403])
        .with_note("the quota resets daily; no short backoff helps"),
    symbol("backendError", "The back end returned an error: retry with backoff, a few times at most.", Transient)
        .with_status(&[500, 503]),
    symbol(
        "internalServerError",
        "An unexpected internal server error occurred: retry, a few times at most.",
        Transient,
    )
    .with_status(&[500]),
    symbol("internalError", "The request failed because of an internal error.", Transient).with_status(&[500]),
    symbol("authError", "The access token is expired or invalid: refresh it, then retry.", Reauth).with_status(&[401]),
    symbol("invalidCredentials", "The auth token is invalid or has expired: get a new one, then retry.", Reauth)
        .with_status(&[401]),
    symbol(
        "insufficientPermissions",
        "The user does not have sufficient permissions for the entity in the request.",
        Permanent,
    )
    .with_status(&[403]),
    symbol("forbidden", "Access forbidden: the request may not be properly authorized.", Permanent).with_status(&[403]),
    symbol("domainPolicy", "The application cannot be used within the authenticated user's domain.", Permanent)
        .with_status(&[403]),
    symbol("notFound", "The requested resource was not found.", Permanent).with_status(&[404]),
    symbol("badRequest", "The request is invalid: fix it before retrying.", Permanent).with_status(&[400]),
    symbol("invalidParameter", "A request parameter has an invalid value (the error's location names it).", Permanent)
        .with_status(&[400]),
    symbol("invalid", "The request or a value in it is invalid.", Permanent).with_status(&[400]),
    symbol("required", "The request is missing a required value.", Permanent).with_status(&[400]),
    symbol("conditionNotMet", "A precondition of the request (such as If-Match) was not met.", Permanent)
        .with_status(&[412]),
];
