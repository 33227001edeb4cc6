//! Microsoft Advertising (Bing Ads) API operation error codes: the numeric
//! `Code` of an `AdApiError`, `OperationError`, `BatchError` or
//! `EditorialError`, with its symbolic `ErrorCode` as the name.
//!
//! Why the number is the code: every error object carries it, while the
//! Customer Billing and Customer Management services send no `ErrorCode`
//! ("Not applicable" in Microsoft's list). A handful of numbers are used by
//! two services for different errors (205, 207, 209, 1133–1135, 1137, 1147,
//! 1410, 5051 in the list); rows here say so where they keep one of them.
//!
//! Sources: Microsoft's "Bing Ads API Operation Error Codes"
//! (<https://learn.microsoft.com/advertising/guides/operation-error-codes>,
//! read as MicrosoftDocs/Advertising-docs @38df9bbd
//! `Advertising/bingads-13/guides/operation-error-codes.md`, 1 575 entries)
//! for codes, names and descriptions (Microsoft's words, cut after two
//! sentences, links removed); "Handling Service Errors and Exceptions"
//! (`guides/handle-service-errors-exceptions.md`, same commit) for what to
//! do about 0, 105, 106 and 117; the official Python SDK
//! (BingAds/BingAds-Python-SDK @91d506f27d5d `bingads/service_client.py`,
//! `_is_expired_token_exception`), which refreshes the OAuth token and
//! retries once on code 109 and on no other code. Research note
//! `shared/research/vendor-formats-3.md` §6.
//!
//! Rows: 39 (26 permanent, 6 transient, 4 throttled, 3 reauth): the
//! request-level codes (authentication, headers, call rates), the codes
//! whose description says to wait or try again, and a few common
//! validation codes.
//!
//! Retry classes:
//! - `reauth`: 109 `AuthenticationTokenExpired` (the SDK's one retried
//!   code: refresh the token, retry once). 105 `InvalidCredentials` and 120
//!   `UserLoginAccessDenied` with a note: the credentials themselves were
//!   refused, one retry after re-reading them, never a loop.
//! - `throttled`: 117 `CallRateExceeded` (Microsoft: resubmit after waiting
//!   60 seconds; the body gives no delay), 207 `ConcurrentRequestOverLimit`
//!   ("wait until the previous reports are completed"), 3227
//!   `BulkServiceTooManyRequests`, 4204
//!   `BulkServiceNoMoreCallsPermittedForTheTimePeriod` ("resubmit ... after
//!   waiting up to 15 minutes").
//! - `transient`: 0 `InternalError` (Microsoft: "a temporary system issue
//!   ... try again later"), 2004 (complete data not yet available: "try
//!   again later"), 2208 ("a system issue. Please try again later"), 6114
//!   (an experiment is being created: "wait and try again in a few
//!   minutes"), 4149 `CampaignServiceConcurrentStoreModification` (data
//!   modified meanwhile: re-read, then retry); name-based: 5612
//!   `OfflineConversionsApplyFailed` (an internal server failed).
//! - `permanent`: the rest: validation, missing headers, unknown entities,
//!   permissions, identity types (work or personal account).
//!
//! A code with no row here is `permanent`, not the fault code's class:
//! Microsoft's list is validation and business rules except the rows above,
//! and the service sends `s:Server` even for refused credentials (105), so
//! the fault code says nothing of retrying.

use super::{Entry, num};
use crate::retry::RetryClass::{Permanent, Reauth, Throttled, Transient};

/// The catalog, by numeric code.
pub(crate) const ENTRIES: &[Entry] = &[
    num(0, "InternalError", "An unidentified error has occurred. You may obtain additional information about this error by contacting Microsoft Advertising Support.", Transient).with_note("Microsoft: often a temporary system issue; if the same call worked before, try again later (contact support if it persists)."),
    num(100, "NullRequest", "The request message is null.", Permanent),
    num(105, "InvalidCredentials", "Authentication failed. Either supplied credentials are invalid or the account is inactive.", Reauth).with_note("The credentials themselves were refused (often a token or developer token of the other environment): one retry after re-reading them, never a loop."),
    num(106, "UserIsNotAuthorized", "The user is not authorized to perform this action.", Permanent),
    num(108, "UserCompromised", "We have detected suspicious activity on your Microsoft Advertising account. We think someone may have logged into your Microsoft Advertising account without your permission.", Permanent).with_note("The user must create a new password."),
    num(109, "AuthenticationTokenExpired", "Authentication token expired. Please renew it or obtain a new token.", Reauth),
    num(113, "InvalidDateObject", "The date specified in the request is not valid.", Permanent),
    num(116, "RequestMissingHeaders", "One or more required header elements are missing from the request.", Permanent),
    num(117, "CallRateExceeded", "You have exceeded the number of calls that you are allowed to make in a minute. Please reduce the number of calls that you make per minute.", Throttled).with_note("Microsoft: resubmit under the limit after waiting 60 seconds (the body gives no delay)."),
    num(120, "UserLoginAccessDenied", "The credentials are not valid for the person who attempted to login. Please login with the primary login credentials for this person.", Reauth).with_note("Only the person's primary login credentials are accepted: one retry after re-reading credentials, never a loop."),
    num(122, "PersonalIdentityNotAvailable", "You must use a work account to sign in to Microsoft Advertising.", Permanent),
    num(123, "WorkIdentityNotAvailable", "You must use a personal Microsoft account to sign in to Microsoft Advertising.", Permanent),
    num(124, "PersonalIdentityMigratedToWork", "You can no longer use this personal Microsoft account to access Microsoft Advertising. Please sign in using your work account instead.", Permanent),
    num(125, "PersonalIdentityNotAllowedByCustomer", "Your organization requires you to use your work email address to access Microsoft Advertising. Please sign in using your work account instead.", Permanent),
    num(201, "ApiInputValidationError", "One or more input elements failed validation.", Permanent),
    num(202, "ApiExecutionError", "The operation cannot be completed.", Permanent),
    num(203, "NullParameter", "The parameter cannot be null.", Permanent),
    num(204, "OperationNotSupported", "The operation is not supported.", Permanent),
    num(205, "InvalidVersion", "The specified version is not valid.", Permanent).with_note("Customer Management also uses 205: an invalid address line 1 (permanent as well)."),
    num(206, "NullArrayArgument", "A null array argument is not allowed.", Permanent),
    num(207, "ConcurrentRequestOverLimit", "You have already reached the maximum number of concurrent report requests. Please wait until the previous reports are completed and then try to submit a new request.", Throttled).with_note("Customer Management also uses 207, for an invalid address line 3 (permanent): the class here is the Reporting service's."),
    num(208, "InvalidAccount", "The account is not valid.", Permanent),
    num(210, "EntityNotExistent", "The entity does not exist.", Permanent),
    num(211, "NameTooLong", "The specified name is too long.", Permanent),
    num(512, "CampaignServiceFilterListOverLimit", "The associated filter list exceeds the size limit.", Permanent),
    num(513, "CampaignServiceEntityIdsArrayExceedsLimit", "The number of entity IDs exceeds the maximum allowed.", Permanent),
    num(1100, "CampaignServiceInvalidCampaignId", "The campaign identifier is not valid.", Permanent),
    num(1102, "CampaignServiceInvalidAccountId", "The account identifier is not valid.", Permanent),
    num(1201, "CampaignServiceInvalidAdGroupId", "The ad group ID is not valid.", Permanent),
    num(1501, "CampaignServiceInvalidKeywordId", "The keyword identifier is not valid.", Permanent),
    num(2004, "ReportingServiceNoCompleteDataAvaliable", "You requested a report with complete data for all included campaigns. Currently only partial data is available in the respective time zone of one or more campaigns.", Transient),
    num(2006, "ReportingServiceInvalidReportName", "The report request contains a report name that is not valid.", Permanent),
    num(2100, "ReportingServiceInvalidReportId", "The report identifier is not valid.", Permanent),
    num(2208, "Microsoft Advertising encountered a system issue. Please try again later.", "Microsoft Advertising encountered a system issue. Please try again later.", Transient),
    num(3227, "BulkServiceTooManyRequests", "Too many requests.", Throttled),
    num(4149, "CampaignServiceConcurrentStoreModification", "The data that you tried to modify was instead modified by another operation during the attempted processing of this service operation.", Transient).with_note("Re-read the data, then retry."),
    num(4204, "BulkServiceNoMoreCallsPermittedForTheTimePeriod", "No more bulk upload or download calls will be permitted for this account for the current time period.", Throttled).with_note("Microsoft: resubmit after waiting up to 15 minutes."),
    num(5612, "OfflineConversionsApplyFailed", "Failed to send offline conversions to internal server.", Transient),
    num(6114, "ExperimentBaseCampaignIdIsLocked", "The creation of an experiment for this base campaign is already in progress. Please wait and try again in a few minutes.", Transient),
];
