#![doc = include_str!("google.md")]

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
