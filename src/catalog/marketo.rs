//! Marketo error codes: the SOAP API's (`mktows` service exceptions) and the
//! REST API's (`errors[].code`, `reasons[].code`), which do not overlap.
//!
//! Sources: Marketo's SOAP "Error Codes" page (the seed table, translated
//! back to English from the Swedish edition, and Adobe's English edition),
//! and the REST "Error Codes" page. Descriptions are written here.
//!
//! Retry classes (SOAP): rate and concurrency limits (20023, 20024) and the
//! daily quota (20015) `throttled`; an expired request signature (20016)
//! and failed authentication (20014) `reauth`; internal errors (10001,
//! 20011) `transient`; request, lead, list and parameter errors
//! `permanent`. 20123 (stream at end) is not a failure: `informational`.
//! REST: invalid or expired access tokens `reauth`; rate, quota and
//! concurrency limits `throttled`; time-outs, unavailability, system and
//! "transient" errors `transient`; the rest `permanent`.

use super::{Entry, num as e};
use crate::retry::RetryClass::{Permanent, Reauth, Throttled, Transient};

/// The catalog, by code.
pub(crate) const ENTRIES: &[Entry] = &[
    // SOAP API
    e(10001, "Internal Error", "Severe system failure inside Marketo.", Transient),
    e(20011, "Internal Error", "The API service failed.", Transient),
    e(20012, "Request Not Understood", "The SOAP message was not what the service expected.", Permanent),
    e(20013, "Access Denied", "The client is blocked from API access.", Permanent),
    e(20014, "Authentication Failed", "The client did not provide valid credentials.", Reauth),
    e(
        20015,
        "Request Limit Exceeded",
        "Today's calls exceeded the subscription's daily quota (10,000 by default); retry after the daily reset.",
        Throttled,
    ),
    e(
        20016,
        "Request Expired",
        "The request signature is too old: the timestamp and signature are no longer valid; sign again with a fresh timestamp.",
        Reauth,
    ),
    e(20017, "Invalid Request", "The request lacks an expected parameter.", Permanent),
    e(20019, "Unsupported Operation", "The operation called is not defined in the Marketo API WSDL.", Permanent),
    e(
        20022,
        "Time Range Exceeded",
        "The query filter's range between oldestUpdatedAt and latestUpdatedAt exceeds 30 days.",
        Permanent,
    ),
    e(20023, "Rate Limit Exceeded", "More than 100 calls in the last 20 seconds; retry after a delay.", Throttled),
    e(
        20024,
        "Concurrency Limit Exceeded",
        "More than 10 calls at once; retry when other calls have finished.",
        Throttled,
    ),
    e(20101, "Lead Key Required", "A LeadKey is required but none was given.", Permanent),
    e(20102, "Lead Key Bad", "The LeadKeyType is not valid.", Permanent),
    e(20103, "Lead Not Found", "The LeadKey value matched no lead.", Permanent),
    e(20104, "Lead Detail Required", "A LeadRecord is required but none was given.", Permanent),
    e(20105, "Lead Attribute Bad", "The LeadRecord holds an attribute with a wrong name.", Permanent),
    e(20106, "Lead Sync Failed", "The LeadRecord could not be updated or created.", Permanent),
    e(20107, "Activity Key Bad", "The LeadActivityFilter holds a wrong activity type.", Permanent),
    e(20108, "Lead Owner Not Found", "The LeadKey names a lead owner that does not exist.", Permanent),
    e(20109, "Param Required", "A parameter value was null or missing.", Permanent),
    e(20110, "Bad Parameter", "A parameter value is wrong.", Permanent),
    e(20111, "List Not Found", "The ListKey names a list that does not exist.", Permanent),
    e(20113, "Campaign Not Found", "The campaign does not exist.", Permanent),
    e(20114, "Bad Parameter", "The parameter value is wrong.", Permanent),
    e(20122, "Bad Stream Position", "The stream position is invalid.", Permanent),
    e(
        20123,
        "Stream At End",
        "The stream position says no more records are available: the end of the data, not a failure.",
        Permanent,
    )
    .informational(),
    // REST API
    e(601, "Access token invalid", "The access token is invalid; get a new one.", Reauth),
    e(602, "Access token expired", "The access token has expired; get a new one and retry.", Reauth),
    e(603, "Access denied", "Authentication succeeded but the user may not call this API.", Permanent),
    e(604, "Request time-out", "The request took too long; retry.", Transient),
    e(605, "HTTP method not supported", "The endpoint does not support this HTTP method.", Permanent),
    e(606, "Max rate limit exceeded", "More than 100 calls in 20 seconds; retry after a delay.", Throttled),
    e(607, "Daily quota reached", "The daily API quota is used up; it resets at midnight US Central time.", Throttled),
    e(608, "API temporarily unavailable", "The API is temporarily unavailable; retry.", Transient),
    e(609, "Invalid JSON", "The request body is not valid JSON.", Permanent),
    e(610, "Requested resource not found", "The URL names no resource.", Permanent),
    e(611, "System error", "An unexpected system error; retry.", Transient),
    e(612, "Invalid Content Type", "The request's Content-Type is not accepted.", Permanent),
    e(613, "Invalid Multipart", "The multipart request is malformed.", Permanent),
    e(614, "Invalid Subscription", "The subscription could not be found; usually temporary.", Transient),
    e(615, "Concurrent access limit reached", "More than 10 requests in flight; retry when others finish.", Throttled),
    e(616, "Invalid subscription type", "The subscription type may not call this API.", Permanent),
    e(701, "Cannot be blank", "A required field is blank.", Permanent),
    e(702, "No data found", "No records matched the request.", Permanent),
    e(703, "Feature not enabled", "A feature the request needs is not enabled for the subscription.", Permanent),
    e(704, "Invalid date format", "A date is not in a format the API accepts.", Permanent),
    e(709, "Business rule violation", "The request breaks a business rule of the asset or data.", Permanent),
    e(710, "Parent folder not found", "The parent folder does not exist.", Permanent),
    e(711, "Incompatible folder type", "The folder cannot hold this kind of asset.", Permanent),
    e(713, "Transient error", "A transient error; wait a moment, then retry.", Transient),
    e(718, "ExternalSalesPersonID not found", "No sales person matches the external id.", Permanent),
    e(719, "Lock wait timeout", "A database lock could not be acquired in time; retry.", Transient),
    e(1005, "Lead already exists", "The record was skipped: the lead already exists.", Permanent),
];
