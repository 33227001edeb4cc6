//! eBay Trading and Shopping API error codes (`Errors/ErrorCode`, and a SOAP
//! fault's `FaultDetail/ErrorCode`).
//!
//! eBay numbers its Trading API errors in one list of several thousand codes
//! ("Errors by Number",
//! <https://developer.ebay.com/devzone/XML/docs/Reference/eBay/Errors/errormessages.htm>),
//! shared by the XML and SOAP APIs. This catalog keeps the codes whose handling
//! differs from the rest, each with a source; every other code gets its class
//! from the entry's own `ErrorClassification` (read by the reader, see
//! `src/vendors/ebay.rs`): eBay's `ErrorClassificationCodeType` says a
//! `RequestError` must not be retried until the request or its data is
//! corrected (permanent) and a `SystemError` is an eBay-side failure ("a
//! database or server down") that "an application can retry ... as-is a
//! reasonable number of times (eBay recommends twice)" (transient). A code with
//! neither a row nor a classification goes through the common chain (the
//! response's status, else permanent).
//!
//! Sources:
//! - eBay, "Errors by Number" (above): codes 2 and 3 and their messages.
//! - eBay, "Error handling" guide and "Errors by call"
//!   (<https://developer.ebay.com/Devzone/XML/docs/Reference/eBay/Errors/errorsbycall.html>):
//!   "Error 10007 ('Internal error to the application') indicates an error on
//!   the eBay server side, not an error in your application" (transient).
//! - eBay knowledge base article 630 (<https://developer.ebay.com/support/kb-article?KBid=630>):
//!   931 "Auth token is invalid": the token is not recognised (wrong
//!   environment, cut or corrupted, badly url-decoded); "in very infrequent
//!   cases" an operational issue rejects a valid token and eBay says to retry
//!   (reauth: a new token is the usual cure; one plain retry first is what eBay
//!   suggests).
//! - gzigzigzeo/ebay_request `lib/ebay_request/trading.rb` (commit 00bf09da):
//!   its error classes by code: `TokenValidationFailed` 931, 17470, 16110
//!   (reauth); `AccountSuspended` 841, `ApplicationInvalid` 127,
//!   `IllegalItemStateError` 291 and 1047 (revising or ending a closed listing),
//!   `ItemLimitReachedError` 21919188 (permanent); `DailyItemCallLimitReachedError`
//!   21919165 (throttled: the daily window must pass). Its spec's sample failure
//!   for 21917053 reads "Expired IAF token." / "IAF token supplied is expired."
//! - hendt/ebay-api `src/errors/index.ts` (commit 021e84f2): 21917053
//!   `EBayIAFTokenExpired` and 930 `EBayTokenRequired` from a Trading response's
//!   `Errors/ErrorCode` (reauth).
//! - Third-party clients only (research note `vendor-formats-3.md` §3.2/§3.3,
//!   marked there): 518 (call usage limit reached: throttled, no delay given, the
//!   limit resets with its hourly or daily window, see `GetApiAccessRules`), 932
//!   (token hard-expired: the user must consent again, reauth) and 21916984 (IAF
//!   token invalid: reauth). Their descriptions here are name-based.
//!
//! Descriptions are written here from those sources, not copied from eBay's
//! list; the error's own `LongMessage` (else `ShortMessage`) is its message.
//!
//! Rows: 17: 7 permanent, 1 transient, 2 throttled, 7 reauth.

use super::{Entry, num as e};
use crate::retry::RetryClass::{Permanent, Reauth, Throttled, Transient};

/// The catalog, by code.
pub(crate) const ENTRIES: &[Entry] = &[
    e(
        2,
        "Unsupported API call.",
        "The API call named in the request is invalid or not supported in this release.",
        Permanent,
    ),
    e(3, "Unsupported error level.", "The API error level asked for is not supported in this release.", Permanent),
    e(127, "ApplicationInvalid", "The application (its keys) is not valid for this call.", Permanent)
        .with_note("Name from ebay_request's ApplicationInvalid."),
    e(
        291,
        "IllegalItemState",
        "The listing is not in a state that allows this call (for example it has ended).",
        Permanent,
    )
    .with_note("ebay_request groups 291 and 1047 as revising or ending a closed listing."),
    e(
        518,
        "Call usage limit reached.",
        "The application has used up its call limit for this call in the current window.",
        Throttled,
    )
    .with_note("From third-party captures; no delay is given: the hourly or daily window resets (GetApiAccessRules)."),
    e(841, "AccountSuspended", "The requesting user's account is suspended.", Permanent)
        .with_note("Name from ebay_request's AccountSuspended."),
    e(930, "TokenRequired", "No authentication token was given with a call that needs one.", Reauth)
        .with_note("Name from hendt/ebay-api's EBayTokenRequired."),
    e(931, "Auth token is invalid.", "The authentication token was not recognised as a valid token.", Reauth)
        .with_note("eBay KB 630: rarely an operational issue rejects a valid token; eBay suggests one retry first."),
    e(
        932,
        "Auth token is hard expired.",
        "The authentication token has passed its hard expiration; the user must consent again.",
        Reauth,
    )
    .with_note("From third-party captures; class from the name."),
    e(
        1047,
        "IllegalItemState",
        "The listing is not in a state that allows this call (for example it has ended).",
        Permanent,
    )
    .with_note("ebay_request groups 291 and 1047 as revising or ending a closed listing."),
    e(
        10007,
        "Internal error to the application.",
        "An error on eBay's side, not in the application; retry later.",
        Transient,
    ),
    e(16110, "TokenValidationFailed", "The authentication token failed validation.", Reauth)
        .with_note("Grouped with 931 by ebay_request's TokenValidationFailed; no eBay text read."),
    e(
        17470,
        "TokenValidationFailed",
        "The authentication token failed validation; the user must sign in again.",
        Reauth,
    )
    .with_note("Grouped with 931 by ebay_request's TokenValidationFailed; no eBay text read."),
    e(21916984, "Invalid IAF token.", "The OAuth (IAF) user access token is not valid.", Reauth)
        .with_note("From third-party clients that treat it as a bad token; class from the name."),
    e(
        21917053,
        "Expired IAF token.",
        "The OAuth (IAF) user access token has expired: refresh it and call again.",
        Reauth,
    ),
    e(21919165, "DailyItemCallLimitReached", "The daily limit of calls for this item was reached.", Throttled)
        .with_note("Name from ebay_request; the window is a day."),
    e(21919188, "ItemLimitReached", "The seller's selling limits (items or amount) were reached.", Permanent)
        .with_note("Name from ebay_request's ItemLimitReachedError."),
];
