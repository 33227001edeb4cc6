//! Azure Storage (Blob, Queue, File, Table, Data Lake) error codes: the
//! `Code` of an `<Error>` body, or the `x-ms-error-code` header.
//!
//! Sources:
//! - "common doc": Microsoft Learn, "Common REST API error codes"
//!   (<https://learn.microsoft.com/rest/api/storageservices/common-rest-api-error-codes>):
//!   code, HTTP status and user message of each common code.
//! - "models.py": the Python SDK's `StorageErrorCode` list
//!   (Azure/azure-sdk-for-python `sdk/storage/azure-storage-blob/azure/storage/blob/_shared/models.py`
//!   @6990c7d2) for the blob, container and queue codes.
//! - The SDK's retry policies: `StorageRetryPolicy.is_retry` (`_shared/policies.py`
//!   @a6c0acbb) retries 408 and every status of 500 or more but 501 and 505,
//!   and nothing else of 3xx/4xx; azure-core's `RetryPolicy` (`_retry.py`
//!   @b12d98b6) retries 408, 429, 500, 502, 503, 504. `process_storage_error`
//!   (`_shared/response_handlers.py` @84a8de9a) raises
//!   `ClientAuthenticationError` for `AuthenticationFailed` and
//!   `InvalidAuthenticationInfo`.
//! - Research note `shared/research/vendor-formats-3.md` §2.
//!
//! Descriptions are the common doc's user messages where it gives one,
//! else written here from the code's name in models.py.
//!
//! Retry classes by group:
//! - Throttled: ServerBusy (503: "Ingress/Egress/Operations per second is
//!   over the account limit", or "The server is currently unable to receive
//!   requests. Please retry your request": the account's scalability
//!   targets, which waiting lifts; the SDK retries it as a 503).
//!   Name-based: SnapshotOperationRateExceeded.
//! - Transient: InternalError ("Please retry the request") and
//!   OperationTimedOut (both 500, retried by both SDK policies);
//!   Md5Mismatch (name-based: corruption in transit, like S3's `BadDigest`);
//!   AccountBeingCreated, ContainerBeingDeleted, QueueBeingDeleted
//!   (name-based: a state that passes).
//! - Reauth: AuthenticationFailed and InvalidAuthenticationInfo (the SDK's
//!   `ClientAuthenticationError`: a signature, SAS or token that no longer
//!   holds; a wrong account key fails the same way again, so do not loop),
//!   NoAuthenticationInformation (401).
//! - Permanent: the rest — authorization (AuthorizationFailure,
//!   AuthorizationPermissionMismatch, InsufficientAccountPermissions: RBAC or
//!   firewall rules a new token does not change), disabled accounts,
//!   malformed requests, missing or existing resources, lease and
//!   condition failures.

use super::{Entry, symbol};
use crate::retry::RetryClass::{Permanent, Reauth, Throttled, Transient};

/// The catalog: the common codes, then the blob, container and queue codes.
pub(crate) const ENTRIES: &[Entry] = &[
    symbol("ServerBusy", "The server is currently unable to receive requests. Please retry your request.", Throttled)
        .with_status(&[503])
        .with_note("also sent as 'Ingress/Egress/Operations per second is over the account limit'"),
    symbol("SnapshotOperationRateExceeded", "The rate of snapshot operations is too high.", Throttled)
        .with_status(&[409]),
    symbol("InternalError", "The server encountered an internal error. Please retry the request.", Transient)
        .with_status(&[500]),
    symbol("OperationTimedOut", "The operation could not be completed within the permitted time.", Transient)
        .with_status(&[500]),
    symbol("Md5Mismatch", "The MD5 value specified in the request did not match the MD5 value calculated by the server.", Transient)
        .with_status(&[400]),
    symbol("AccountBeingCreated", "The specified account is in the process of being created.", Transient)
        .with_status(&[409]),
    symbol("ContainerBeingDeleted", "The specified container is being deleted.", Transient).with_status(&[409]),
    symbol("QueueBeingDeleted", "The specified queue is being deleted.", Transient).with_status(&[409]),
    symbol(
        "AuthenticationFailed",
        "Server failed to authenticate the request. Make sure the value of the Authorization header is formed correctly including the signature.",
        Reauth,
    )
    .with_status(&[403])
    .with_note("the same error with a fresh signature or SAS means the key or token is wrong"),
    symbol(
        "InvalidAuthenticationInfo",
        "The authentication information was not provided in the correct format. Verify the value of Authorization header.",
        Reauth,
    )
    .with_status(&[400, 401]),
    symbol(
        "NoAuthenticationInformation",
        "Server failed to authenticate the request. Please refer to the information in the www-authenticate header.",
        Reauth,
    )
    .with_status(&[401]),
    symbol("AuthorizationFailure", "This request is not authorized to perform this operation.", Permanent)
        .with_status(&[403]),
    symbol(
        "AuthorizationPermissionMismatch",
        "This request is not authorized to perform this operation using this permission.",
        Permanent,
    )
    .with_status(&[403]),
    symbol(
        "InsufficientAccountPermissions",
        "The account being accessed does not have sufficient permissions to execute this operation.",
        Permanent,
    )
    .with_status(&[403]),
    symbol("AccountIsDisabled", "The specified account is disabled.", Permanent).with_status(&[403]),
    symbol("AccountAlreadyExists", "The specified account already exists.", Permanent).with_status(&[409]),
    symbol(
        "ConditionNotMet",
        "The condition specified in the conditional header(s) was not met.",
        Permanent,
    )
    .with_status(&[304, 412]),
    symbol("ConditionHeadersNotSupported", "Condition headers are not supported.", Permanent).with_status(&[400]),
    symbol(
        "InvalidHeaderValue",
        "The value provided for one of the HTTP headers was not in the correct format.",
        Permanent,
    )
    .with_status(&[400]),
    symbol("InvalidHttpVerb", "The HTTP verb specified was not recognized by the server.", Permanent)
        .with_status(&[400]),
    symbol("InvalidInput", "One of the request inputs is not valid.", Permanent).with_status(&[400]),
    symbol(
        "InvalidQueryParameterValue",
        "An invalid value was specified for one of the query parameters in the request URI.",
        Permanent,
    )
    .with_status(&[400]),
    symbol("InvalidUri", "The requested URI does not represent any resource on the server.", Permanent)
        .with_status(&[400]),
    symbol("InvalidXmlDocument", "The specified XML is not syntactically valid.", Permanent).with_status(&[400]),
    symbol("InvalidXmlNodeValue", "The value provided for one of the XML nodes in the request body was not in the correct format.", Permanent)
        .with_status(&[400]),
    symbol("MissingRequiredHeader", "A required HTTP header was not specified.", Permanent).with_status(&[400]),
    symbol(
        "MissingRequiredQueryParameter",
        "A required query parameter was not specified for this request.",
        Permanent,
    )
    .with_status(&[400]),
    symbol("MissingRequiredXmlNode", "A required XML node was not specified in the request body.", Permanent)
        .with_status(&[400]),
    symbol("OutOfRangeInput", "One of the request inputs is out of range.", Permanent).with_status(&[400]),
    symbol(
        "OutOfRangeQueryParameterValue",
        "A query parameter specified in the request URI is outside the permissible range.",
        Permanent,
    )
    .with_status(&[400]),
    symbol("UnsupportedHeader", "One of the HTTP headers specified in the request is not supported.", Permanent)
        .with_status(&[400]),
    symbol(
        "UnsupportedQueryParameter",
        "One of the query parameters specified in the request URI is not supported.",
        Permanent,
    )
    .with_status(&[400]),
    symbol("UnsupportedHttpVerb", "The resource doesn't support the specified HTTP verb.", Permanent)
        .with_status(&[405]),
    symbol("RequestBodyTooLarge", "The size of the request body exceeds the maximum size permitted.", Permanent)
        .with_status(&[413]),
    symbol("ResourceNotFound", "The specified resource does not exist.", Permanent).with_status(&[404]),
    symbol("ResourceAlreadyExists", "The specified resource already exists.", Permanent).with_status(&[409]),
    symbol("ResourceTypeMismatch", "The specified resource type does not match the type of the existing resource.", Permanent)
        .with_status(&[409]),
    symbol("BlobNotFound", "The specified blob does not exist.", Permanent).with_status(&[404]),
    symbol("ContainerNotFound", "The specified container does not exist.", Permanent).with_status(&[404]),
    symbol("QueueNotFound", "The specified queue does not exist.", Permanent).with_status(&[404]),
    symbol("PathNotFound", "The specified path does not exist (Data Lake).", Permanent).with_status(&[404]),
    symbol("BlobAlreadyExists", "The specified blob already exists.", Permanent).with_status(&[409]),
    symbol("ContainerAlreadyExists", "The specified container already exists.", Permanent).with_status(&[409]),
    symbol("QueueAlreadyExists", "The specified queue already exists.", Permanent).with_status(&[409]),
    symbol("LeaseIdMissing", "There is currently a lease on the resource and no lease ID was specified in the request.", Permanent)
        .with_status(&[412]),
    symbol(
        "LeaseIdMismatchWithLeaseOperation",
        "The lease ID specified did not match the lease ID for the resource with the specified lease operation.",
        Permanent,
    )
    .with_status(&[409]),
    symbol("LeaseAlreadyPresent", "There is already a lease present.", Permanent).with_status(&[409]),
];
