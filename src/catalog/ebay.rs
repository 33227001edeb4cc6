#![doc = include_str!("ebay.md")]

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
