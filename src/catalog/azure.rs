#![doc = include_str!("azure.md")]

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
