//! Google Ad Manager (and legacy AdWords) SOAP API error codes: the
//! `errorString` of each `errors` entry of an `ApiExceptionFault`
//! (`<ErrorType>.<REASON>`, `QuotaError.EXCEEDED_QUOTA`).
//!
//! Why `errorString` is the code and not `reason`: Google's schema calls it
//! "a simple string representation of the error and reason", and reasons
//! alone repeat across error types (`NOT_FOUND`, `PERMISSION_DENIED`,
//! `CONCURRENT_MODIFICATION` and `UNKNOWN` each belong to several), so only
//! the pair says which error it is.
//!
//! Sources: the `*.Reason` enumerations and their `documentation` in the
//! WSDLs shipped as test data with Google's own client library,
//! googleads/googleads-python-lib @098f7ce62cf3: Ad Manager v201802
//! (`tests/test_data/ad_manager_report_service.xml`) and AdWords v201809
//! (`tests/test_data/traffic_estimator_service.xml`, which also defines
//! `RateExceededError` with `retryAfterSeconds`, "the amount of time (in
//! seconds) the client should wait before retrying the request"). The
//! descriptions are those `documentation` texts (cut after two sentences
//! where longer; `{@code}` markup removed). Research note
//! `shared/research/vendor-formats-3.md` §5.1–5.2. The `UNKNOWN` reasons
//! ("the value returned if the actual value is not exposed by the requested
//! API version") and AdWords' cookie-login reasons are left out.
//!
//! Rows: 79 (58 permanent, 11 transient, 6 reauth, 4 throttled).
//!
//! Retry classes:
//! - `throttled`: `RateExceededError.RATE_EXCEEDED` (its `retryAfterSeconds`
//!   is the delay; the AdWords API team: "the suggested number of seconds the
//!   application should wait before retrying"), `QuotaError.EXCEEDED_QUOTA`
//!   and `QuotaError.REPORT_JOB_LIMIT` (the WSDL says to wait about 5 seconds,
//!   resp. 10 minutes, and retry), `ReportError.TOO_MANY_CONCURRENT_REPORTS`
//!   (a limit of 30 running reports per user: wait for some to finish).
//! - `transient`: `InternalApiError.TRANSIENT_ERROR` ("Please retry"),
//!   `ServerError.SERVER_BUSY` and `CommonError.CONCURRENT_MODIFICATION`
//!   ("wait and try the request again"), `InternalApiError.DOWNTIME` (planned
//!   downtime); name-based: `ServerError.SERVER_ERROR`,
//!   `InternalApiError.UNEXPECTED_INTERNAL_API_ERROR`,
//!   `AuthenticationError.CONNECTION_ERROR` (the server's link to the
//!   authentication service), `AuthorizationError.UNABLE_TO_AUTHORIZE` ("an
//!   internal problem"), `DatabaseError.DATABASE_ERROR`,
//!   `DatabaseError.CONCURRENT_MODIFICATION`, `ReportError.FAILED_TO_STORE_REPORT`.
//! - `reauth`: expired, invalid or badly signed OAuth tokens, and
//!   `AUTHENTICATION_FAILED` (name-based). Revoked or disabled grants are
//!   reauth too, with a note: a token refresh fails as well and the user must
//!   authorise again.
//! - `permanent`: the rest: missing or ambiguous authentication headers (a
//!   request that lacks them fails again), networks and accounts that are not
//!   found, not enabled or inactive, permissions, validation errors, size
//!   limits. `InternalApiError.ERROR_GENERATING_RESPONSE` is permanent because
//!   the WSDL says the mutate succeeded and "Client should not retry mutate";
//!   `QuotaCheckError.MONTHLY_BUDGET_REACHED` and `QUOTA_EXCEEDED` are monthly
//!   quotas, too far off for a retry.
//!
//! An `errorString` with no row here is classed by its error type (the part
//! before the dot, name-based): `RateExceededError` and `QuotaError`
//! throttled, `ServerError` and `InternalApiError` transient, any other type
//! permanent (Google's other `ApiError` subtypes are validation and business
//! errors). Never by the fault code: Google sends `soap:Server` even for a
//! request that lacks its network code, so the fault code says nothing of
//! retrying.

use super::{Entry, symbol};
use crate::retry::RetryClass::{Permanent, Reauth, Throttled, Transient};

/// The catalog, by `errorString`.
pub(crate) const ENTRIES: &[Entry] = &[
symbol("AuthenticationError.AMBIGUOUS_SOAP_REQUEST_HEADER", "The SOAP message contains a request header with an ambiguous definition of the authentication header fields. This means either the authToken and oAuthToken fields were both null or both were specified.", Permanent),
    symbol("AuthenticationError.AUTHENTICATION_FAILED", "Tried to authenticate with provided information, but failed.", Reauth).with_note("The credentials themselves were refused: one retry after re-reading them (they may have been rotated), never a loop."),
    symbol("AuthenticationError.CONNECTION_ERROR", "An error happened on the server side during connection to authentication service.", Transient),
    symbol("AuthenticationError.CUSTOMER_NOT_FOUND", "No customer found for the customer id provided in the header.", Permanent),
    symbol("AuthenticationError.GOOGLE_ACCOUNT_ALREADY_ASSOCIATED_WITH_NETWORK", "The user tried to create a test network using an account that already is associated with a network.", Permanent),
    symbol("AuthenticationError.GOOGLE_ACCOUNT_DELETED", "Client's Google Account is deleted.", Permanent),
    symbol("AuthenticationError.INVALID_EMAIL", "The login provided is invalid.", Permanent),
    symbol("AuthenticationError.INVALID_OAUTH_SIGNATURE", "The OAuth provided is invalid.", Reauth),
    symbol("AuthenticationError.INVALID_SERVICE", "The specified service to use was not recognized.", Permanent),
    symbol("AuthenticationError.MISSING_AUTHENTICATION", "The request is missing an authToken", Permanent),
    symbol("AuthenticationError.MISSING_AUTHENTICATION_HTTP_HEADER", "The HTTP request is missing a request header with an authToken", Permanent),
    symbol("AuthenticationError.MISSING_SOAP_REQUEST_HEADER", "The SOAP message is missing a request header with an authToken and optional networkCode.", Permanent),
    symbol("AuthenticationError.NETWORK_CODE_REQUIRED", "The user has access to more than one network, but did not provide a networkCode.", Permanent),
    symbol("AuthenticationError.NETWORK_NOT_FOUND", "No network for the given networkCode was found.", Permanent),
    symbol("AuthenticationError.NO_NETWORKS_TO_ACCESS", "The user is not associated with any network.", Permanent),
    symbol("AuthenticationError.NOT_ADS_USER", "User in the cookie is not a valid Ads user.", Permanent),
    symbol("AuthenticationError.NOT_WHITELISTED_FOR_API_ACCESS", "The customer is not whitelisted for API access.", Permanent),
    symbol("AuthenticationError.OAUTH_TOKEN_DISABLED", "Oauth token in the header has been disabled.", Reauth).with_note("The grant itself was disabled: a refresh fails too; the user must authorise again."),
    symbol("AuthenticationError.OAUTH_TOKEN_EXPIRED", "Oauth token in the header has expired.", Reauth),
    symbol("AuthenticationError.OAUTH_TOKEN_HEADER_INVALID", "Oauth token HTTP header is malformed.", Permanent),
    symbol("AuthenticationError.OAUTH_TOKEN_INVALID", "Oauth token in the header is not valid.", Reauth),
    symbol("AuthenticationError.OAUTH_TOKEN_REVOKED", "Oauth token in the header has been revoked.", Reauth).with_note("The grant itself was revoked: a refresh fails too; the user must authorise again."),
    symbol("AuthenticationError.UNDER_INVESTIGATION", "The account is blocked and under investigation by the collections team. Please contact Google for more information.", Permanent),
    symbol("AuthenticationError.USER_ID_INVALID", "User Id in the header is not a valid id.", Permanent),
    symbol("AuthorizationError.CUSTOMER_NOT_ACTIVE", "Access denied since the customer is not active.", Permanent),
    symbol("AuthorizationError.EFFECTIVE_USER_PERMISSION_DENIED", "Effective user doesn't have permission to access this customer.", Permanent),
    symbol("AuthorizationError.NO_ADWORDS_ACCOUNT_FOR_CUSTOMER", "Customer has no AdWords account.", Permanent),
    symbol("AuthorizationError.NO_CUSTOMER_FOUND", "No customer found.", Permanent),
    symbol("AuthorizationError.SERVICE_ACCESS_DENIED", "Developer doesn't have permission to access service.", Permanent),
    symbol("AuthorizationError.UNABLE_TO_AUTHORIZE", "Could not complete authorization due to an internal problem.", Transient),
    symbol("AuthorizationError.USER_HAS_READONLY_PERMISSION", "User has read-only permission cannot mutate.", Permanent),
    symbol("AuthorizationError.USER_PERMISSION_DENIED", "User doesn't have permission to access customer.", Permanent),
    symbol("ApiVersionError.UPDATE_TO_NEWER_VERSION", "Indicates that the operation is not allowed in the version the request was made in.", Permanent),
    symbol("CommonError.ALREADY_EXISTS", "Indicates that an attempt was made to create an entity that already exists.", Permanent),
    symbol("CommonError.CANNOT_UPDATE", "Indicates that an attempt was made to change an immutable field.", Permanent),
    symbol("CommonError.CONCURRENT_MODIFICATION", "Indicates that another request attempted to update the same data in the same network at about the same time. Please wait and try the request again.", Transient),
    symbol("CommonError.DUPLICATE_OBJECT", "Indicates that two elements in the collection were identical.", Permanent),
    symbol("CommonError.NOT_APPLICABLE", "Indicates that a value is not applicable for given use case.", Permanent),
    symbol("CommonError.NOT_FOUND", "Indicates that an attempt was made to retrieve an entity that does not exist.", Permanent),
    symbol("DatabaseError.ACCESS_PROHIBITED", "The user's access to an object has been prohibited.", Permanent),
    symbol("DatabaseError.CONCURRENT_MODIFICATION", "A concurrency problem occurred as two threads were attempting to modify same object.", Transient),
    symbol("DatabaseError.DATABASE_ERROR", "a database error has occurred", Transient),
    symbol("DatabaseError.DUPLICATE_KEY", "a duplicate key was detected upon insertion", Permanent),
    symbol("DatabaseError.PERMISSION_DENIED", "The permission was denied to access an object.", Permanent),
    symbol("EntityNotFound.INVALID_ID", "The specified id refered to an entity which either doesn't exist or is not accessible to the customer. e.g. campaign belongs to another customer.", Permanent),
    symbol("FeatureError.MISSING_FEATURE", "A feature is being used that is not enabled on the current network.", Permanent),
    symbol("InternalApiError.DOWNTIME", "The API is currently unavailable for a planned downtime.", Transient).with_note("Planned downtime: back off for minutes, not seconds."),
    symbol("InternalApiError.ERROR_GENERATING_RESPONSE", "Mutate succeeded but server was unable to build response. Client should not retry mutate.", Permanent).with_note("The mutate succeeded: read the result back instead of sending it again."),
    symbol("InternalApiError.TRANSIENT_ERROR", "A temporary error occurred during the request. Please retry.", Transient),
    symbol("InternalApiError.UNEXPECTED_INTERNAL_API_ERROR", "API encountered an unexpected internal error.", Transient),
    symbol("OperationAccessDenied.ACTION_NOT_PERMITTED", "Unauthorized invocation of a service's method (get, mutate, etc.)", Permanent),
    symbol("ParseError.UNPARSABLE", "Indicates an error in parsing an attribute.", Permanent),
    symbol("PermissionError.PERMISSION_DENIED", "User does not have the required permission for the request.", Permanent),
    symbol("PublisherQueryLanguageSyntaxError.UNPARSABLE", "Indicates that there was a PQL syntax error.", Permanent),
    symbol("QuotaCheckError.ACCOUNT_DELINQUENT", "Customer is marked delinquent.", Permanent),
    symbol("QuotaCheckError.ACCOUNT_INACCESSIBLE", "Customer is a fraudulent.", Permanent),
    symbol("QuotaCheckError.ACCOUNT_INACTIVE", "Inactive Account.", Permanent),
    symbol("QuotaCheckError.DEVELOPER_TOKEN_NOT_APPROVED", "Developer token is not approved for production access, and the customer is attempting to access a production account.", Permanent),
    symbol("QuotaCheckError.INCOMPLETE_SIGNUP", "Signup not complete", Permanent),
    symbol("QuotaCheckError.INVALID_TOKEN_HEADER", "Customer passed in an invalid token in the header.", Permanent),
    symbol("QuotaCheckError.MONTHLY_BUDGET_REACHED", "Monthly budget quota reached.", Permanent).with_note("A monthly quota: it resets next month, too far off for a retry."),
    symbol("QuotaCheckError.QUOTA_EXCEEDED", "Monthly budget quota exceeded.", Permanent).with_note("A monthly quota: it resets next month, too far off for a retry."),
    symbol("QuotaCheckError.TERMS_AND_CONDITIONS_NOT_SIGNED", "Terms and conditions are not signed.", Permanent),
    symbol("QuotaError.EXCEEDED_QUOTA", "The number of requests made per second is too high and has exceeded the allowable limit. The recommended approach to handle this error is to wait about 5 seconds and then retry the request.", Throttled).with_note("Google: wait about 5 seconds, then longer if it fails again."),
    symbol("QuotaError.REPORT_JOB_LIMIT", "This user has exceeded the allowed number of new report requests per hour (this includes both reports run via the UI and reports run via ReportService.runReportJob).", Throttled).with_note("Google: wait about 10 minutes, then longer if it fails again."),
    symbol("RateExceededError.RATE_EXCEEDED", "Rate exceeded.", Throttled).with_note("The error's retryAfterSeconds is the delay."),
    symbol("ReportError.FAILED_TO_STORE_REPORT", "Failed to store/cache a report.", Transient),
    symbol("ReportError.REPORT_ACCESS_NOT_ALLOWED", "User does not have permission to access the report.", Permanent),
    symbol("ReportError.REPORT_NOT_FOUND", "The requested report does not exist.", Permanent),
    symbol("ReportError.TOO_MANY_CONCURRENT_REPORTS", "The user has exceeded the limit on the number of reports that can be run concurrently. The current limit is 30 per user.", Throttled).with_note("Wait for running reports to finish."),
    symbol("RequestError.INVALID_INPUT", "Invalid input.", Permanent),
    symbol("RequestError.UNSUPPORTED_VERSION", "The api version in the request has been discontinued. Please update to the new AdWords API version.", Permanent),
    symbol("RequiredError.REQUIRED", "Missing required field.", Permanent),
    symbol("ServerError.SERVER_BUSY", "Indicates that the server is currently experiencing a high load. Please wait and try your request again.", Transient),
    symbol("ServerError.SERVER_ERROR", "Indicates that an unexpected error occured.", Transient),
    symbol("SizeLimitError.INTERNAL_STORAGE_ERROR", "The account is too large to load.", Permanent),
    symbol("SizeLimitError.REQUEST_SIZE_LIMIT_EXCEEDED", "The number of entries in the request exceeds the system limit.", Permanent),
    symbol("SizeLimitError.RESPONSE_SIZE_LIMIT_EXCEEDED", "The number of entries in the response exceeds the system limit.", Permanent),
    symbol("StatementError.VARIABLE_NOT_BOUND_TO_VALUE", "A bind variable has not been bound to a value.", Permanent),
];
