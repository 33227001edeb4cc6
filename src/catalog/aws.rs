#![doc = include_str!("aws.md")]

use super::{Entry, symbol};
use crate::retry::RetryClass::{Permanent, Reauth, Throttled, Transient};

/// The catalog: throttling, transient, credential and clock codes, then the
/// permanent common, S3 and EC2 codes.
pub(crate) const ENTRIES: &[Entry] = &[
    // Throttling: the SDKs' lists.
    symbol("Throttling", "Rate exceeded: the request was denied due to request throttling.", Throttled)
        .with_status(&[400]),
    symbol("ThrottlingException", "Rate exceeded: the request was denied due to request throttling.", Throttled)
        .with_status(&[400]),
    symbol("ThrottledException", "The request was throttled.", Throttled),
    symbol("RequestThrottledException", "The request was throttled.", Throttled),
    symbol("TooManyRequestsException", "Too many requests: the request rate is too high.", Throttled)
        .with_status(&[400, 429]),
    symbol(
        "ProvisionedThroughputExceededException",
        "The request rate exceeds the provisioned throughput (DynamoDB, Kinesis).",
        Throttled,
    )
    .with_status(&[400]),
    symbol(
        "TransactionInProgressException",
        "A transaction with the same client token is still in progress (DynamoDB).",
        Throttled,
    )
    .with_status(&[400]),
    symbol("RequestLimitExceeded", "The maximum request rate for the account was exceeded (EC2).", Throttled)
        .with_status(&[503]),
    symbol("BandwidthLimitExceeded", "The bandwidth limit was exceeded (CloudSearch).", Throttled)
        .with_status(&[509]),
    symbol("LimitExceededException", "A rate limit was exceeded.", Throttled)
        .with_status(&[400])
        .with_note("some services use the same name for a resource quota, which waiting does not lift"),
    symbol("RequestThrottled", "The request was throttled (SQS).", Throttled).with_status(&[403]),
    symbol("SlowDown", "Please reduce your request rate (S3).", Throttled).with_status(&[503]),
    symbol(
        "PriorRequestNotComplete",
        "A previous request for the same resource is still being processed (Route 53).",
        Throttled,
    )
    .with_status(&[400]),
    symbol("EC2ThrottledException", "The request was throttled (EC2).", Throttled).with_status(&[503]),
    symbol(
        "SnapshotCreationPerVolumeRateExceeded",
        "The rate of snapshot creation for the volume was exceeded (EC2).",
        Throttled,
    )
    .with_status(&[400]),
    symbol("QuotaExceeded", "The hourly request quota was exceeded (Amazon MWS).", Throttled),
    // Transient.
    symbol(
        "RequestTimeout",
        "The socket connection to the server was not read from or written to within the timeout period.",
        Transient,
    )
    .with_status(&[400]),
    symbol("RequestTimeoutException", "The request timed out.", Transient).with_status(&[408]),
    symbol("InternalError", "We encountered an internal error. Please try again.", Transient).with_status(&[500]),
    symbol(
        "InternalFailure",
        "The request processing failed because of an unknown error, exception or failure.",
        Transient,
    )
    .with_status(&[500]),
    symbol("ServiceUnavailable", "The request failed because of a temporary failure of the server.", Transient)
        .with_status(&[503]),
    symbol(
        "OperationAborted",
        "A conflicting conditional operation is currently in progress against this resource. Try again.",
        Transient,
    )
    .with_status(&[409]),
    symbol(
        "ConditionalRequestConflict",
        "A conflicting operation occurred at the same time; retry the request.",
        Transient,
    )
    .with_status(&[409]),
    symbol(
        "BadDigest",
        "The Content-MD5 or checksum value that you specified did not match what the server received.",
        Transient,
    )
    .with_status(&[400]),
    symbol("IDPCommunicationError", "The identity provider could not be reached (STS).", Transient)
        .with_status(&[400]),
    symbol(
        "ReplicatedWriteConflictException",
        "A replicated write conflicted with another write to the same item (DynamoDB global tables).",
        Transient,
    )
    .with_status(&[409]),
    symbol("Busy", "The service is unable to handle the request (S3 Select).", Transient).with_status(&[503]),
    symbol("TemporaryRedirect", "You are being redirected to the bucket while DNS updates.", Transient)
        .with_status(&[307]),
    // Expired credentials and clock skew: re-sign (with fresh credentials).
    symbol("ExpiredToken", "The provided token has expired.", Reauth).with_status(&[400]),
    symbol("ExpiredTokenException", "The security token included in the request is expired.", Reauth)
        .with_status(&[403]),
    symbol(
        "RequestExpired",
        "The request reached the service more than 15 minutes after the date stamp on the request or after its expiration date.",
        Reauth,
    )
    .with_status(&[400]),
    symbol(
        "RequestTimeTooSkewed",
        "The difference between the request time and the server's time is too large.",
        Reauth,
    )
    .with_status(&[403]),
    symbol("RequestInTheFuture", "The request is dated in the future.", Reauth).with_status(&[400]),
    symbol("TokenRefreshRequired", "The provided token must be refreshed.", Reauth).with_status(&[400]),
    symbol("InvalidSessionException", "The session has expired or is invalid.", Reauth).with_status(&[400]),
    symbol(
        "SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided.",
        Reauth,
    )
    .with_status(&[403])
    .with_note("the same error after re-signing means the secret key is wrong"),
    symbol("InvalidSignatureException", "The request signature does not conform to AWS standards.", Reauth)
        .with_status(&[400])
        .with_note("the same error after re-signing means the secret key is wrong"),
    symbol("AuthFailure", "The provided credentials could not be validated (EC2).", Reauth)
        .with_status(&[401])
        .with_note("EC2 also says it when the account may not use the resource: do not loop on it"),
    symbol("InvalidAccessKeyId", "The AWS access key ID you provided does not exist in our records.", Reauth)
        .with_status(&[403])
        .with_note("re-read rotated credentials once; the same error again means they are wrong"),
    symbol(
        "InvalidClientTokenId",
        "The X.509 certificate or AWS access key ID provided does not exist in our records.",
        Reauth,
    )
    .with_status(&[403])
    .with_note("re-read rotated credentials once; the same error again means they are wrong"),
    symbol(
        "UnrecognizedClientException",
        "The security token included in the request is invalid.",
        Reauth,
    )
    .with_status(&[400, 403])
    .with_note("re-read rotated credentials once; the same error again means they are wrong"),
    symbol("InvalidToken", "The provided token is malformed or otherwise invalid.", Reauth).with_status(&[400]),
    // Permanent: authorization and accounts.
    symbol("IncompleteSignature", "The request signature does not conform to AWS standards.", Permanent)
        .with_status(&[400, 403]),
    symbol(
        "MissingAuthenticationToken",
        "The request must contain either a valid (registered) AWS access key ID or X.509 certificate.",
        Permanent,
    )
    .with_status(&[403]),
    symbol(
        "AuthorizationHeaderMalformed",
        "The authorization header you provided is invalid (for example, the wrong region).",
        Permanent,
    )
    .with_status(&[400]),
    symbol("AccessDenied", "Access Denied.", Permanent).with_status(&[403]),
    symbol("AccessDeniedException", "You do not have sufficient access to perform this action.", Permanent)
        .with_status(&[400, 403]),
    symbol("UnauthorizedOperation", "You are not authorized to perform this operation (EC2).", Permanent)
        .with_status(&[403]),
    symbol("NotAuthorized", "You do not have permission to perform this action.", Permanent).with_status(&[400]),
    symbol(
        "OptInRequired",
        "The AWS access key ID needs a subscription for the service.",
        Permanent,
    )
    .with_status(&[403]),
    symbol("Blocked", "Your account is currently blocked (EC2).", Permanent),
    symbol(
        "AccountProblem",
        "There is a problem with your AWS account that prevents the action from completing successfully.",
        Permanent,
    )
    .with_status(&[403]),
    symbol("AllAccessDisabled", "All access to this Amazon S3 resource has been disabled.", Permanent)
        .with_status(&[403]),
    symbol("InvalidObjectState", "The operation is not valid for the current state of the object.", Permanent)
        .with_status(&[403]),
    // Permanent: the request as written.
    symbol("ValidationError", "The input fails to satisfy the constraints specified by an AWS service.", Permanent)
        .with_status(&[400]),
    symbol(
        "ValidationException",
        "The input fails to satisfy the constraints specified by an AWS service.",
        Permanent,
    )
    .with_status(&[400]),
    symbol("InvalidAction", "The action or operation requested is invalid.", Permanent).with_status(&[400]),
    symbol(
        "InvalidParameterValue",
        "An invalid or out-of-range value was supplied for the input parameter.",
        Permanent,
    )
    .with_status(&[400]),
    symbol(
        "InvalidParameterCombination",
        "Parameters that must not be used together were used together.",
        Permanent,
    )
    .with_status(&[400]),
    symbol("MissingParameter", "A required parameter for the specified action is not supplied.", Permanent)
        .with_status(&[400]),
    symbol(
        "IdempotentParameterMismatch",
        "The request uses the same client token as a previous, but non-identical request (EC2).",
        Permanent,
    )
    .with_status(&[400]),
    symbol("InvalidArgument", "Invalid Argument.", Permanent).with_status(&[400]),
    symbol("InvalidRequest", "Invalid Request.", Permanent).with_status(&[400]),
    symbol(
        "MalformedXML",
        "The XML you provided was not well-formed or did not validate against our published schema.",
        Permanent,
    )
    .with_status(&[400]),
    symbol("InvalidBucketName", "The specified bucket is not valid.", Permanent).with_status(&[400]),
    symbol("KeyTooLongError", "Your key is too long.", Permanent).with_status(&[400]),
    symbol("EntityTooLarge", "Your proposed upload exceeds the maximum allowed object size.", Permanent)
        .with_status(&[400]),
    symbol("InvalidPart", "One or more of the specified parts could not be found.", Permanent).with_status(&[400]),
    symbol(
        "IncompleteBody",
        "You did not provide the number of bytes specified by the Content-Length HTTP header.",
        Permanent,
    )
    .with_status(&[400]),
    symbol("MissingContentLength", "You must provide the Content-Length HTTP header.", Permanent)
        .with_status(&[411]),
    symbol("UnsupportedSignature", "The provided request is signed with an unsupported signature version.", Permanent)
        .with_status(&[400]),
    symbol("TooManyBuckets", "You have attempted to create more buckets than allowed.", Permanent)
        .with_status(&[400]),
    symbol("MethodNotAllowed", "The specified method is not allowed against this resource.", Permanent)
        .with_status(&[405]),
    symbol("NotImplemented", "A header you provided implies functionality that is not implemented.", Permanent)
        .with_status(&[501]),
    symbol(
        "PermanentRedirect",
        "The bucket you are attempting to access must be addressed using the specified endpoint.",
        Permanent,
    )
    .with_status(&[301]),
    // Permanent: resources missing or in conflict.
    symbol("NoSuchBucket", "The specified bucket does not exist.", Permanent).with_status(&[404]),
    symbol("NoSuchKey", "The specified key does not exist.", Permanent).with_status(&[404]),
    symbol("NoSuchUpload", "The specified multipart upload does not exist.", Permanent).with_status(&[404]),
    symbol("NoSuchVersion", "The version ID specified in the request does not match an existing version.", Permanent)
        .with_status(&[404]),
    symbol("BucketAlreadyExists", "The requested bucket name is not available.", Permanent).with_status(&[409]),
    symbol(
        "BucketAlreadyOwnedByYou",
        "The bucket that you tried to create already exists, and you own it.",
        Permanent,
    )
    .with_status(&[409]),
    symbol("BucketNotEmpty", "The bucket that you tried to delete is not empty.", Permanent).with_status(&[409]),
    symbol(
        "PreconditionFailed",
        "At least one of the preconditions that you specified did not hold.",
        Permanent,
    )
    .with_status(&[412]),
    symbol("InvalidRange", "The requested range cannot be satisfied.", Permanent).with_status(&[416]),
    symbol("InvalidInstanceID.NotFound", "The specified instance does not exist (EC2).", Permanent)
        .with_status(&[400]),
    symbol(
        "DryRunOperation",
        "The user has the required permissions, so the request would have succeeded, but the DryRun parameter was used.",
        Permanent,
    )
    .with_status(&[412])
    .informational(),
];
