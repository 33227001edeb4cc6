//! FedEx Web Services notification codes (`Notifications/Code` of a reply,
//! and `Notification/Code` of an item such as a tracked package).
//!
//! FedEx numbers notifications per service (`Source`: `trck` for tracking,
//! `crs` for rating, `ship`...) and publishes no list of them outside its
//! developer guides (not read for this catalog). The rows below come from
//! Shopify/active_shipping (commit 590bc805), which talks to these services:
//!
//! - `lib/active_shipping/carriers/fedex.rb`: `TRANSIENT_TRACK_RESPONSE_CODES`
//!   (9035, 9040, 9041, 9045, 9050, 9055, 9060, 9065, 9070, 9075, 9085, 9086,
//!   9090) and `UNRECOVERABLE_TRACK_RESPONSE_CODES` (9080, 9081, 9082, 9095,
//!   9100): tracking notifications it retries later or gives up on. For the
//!   transient ones it raises "shipment not found": a number just created is
//!   not yet known to tracking, so the same request may succeed later
//!   (transient; a number that never appears stays an error, so cap the
//!   retries).
//! - its fixtures `test/fixtures/xml/fedex/*`, for the texts: 9040 "This
//!   tracking number cannot be found", 9045 and 6330 "Sorry, we are unable to
//!   process your tracking request. Please retry later" (transient, said so),
//!   9080 "... Please contact Customer Service" (permanent), 5508 "Invalid
//!   tracking number." and 6035 "Invalid tracking numbers" (permanent), 4550
//!   "Signature images are not available for display for shipments to this
//!   country." (permanent), and 872 "Rating is temporarily unavailable for
//!   one or more services ... Please try again later." (a WARNING in a rate
//!   reply that still carries rates: transient when it comes as an error).
//!
//! Severity decides what is an error (`ERROR` and `FAILURE`; `SUCCESS`,
//! `NOTE` and `WARNING` are not, as active_shipping's `response_success?`
//! holds), so a row describes its code as an error. The codes are keyed
//! without their `Source`: the numbers seen are distinct across the services
//! read, but FedEx does not promise it. Other codes go through the common
//! chain (the response's status, else permanent).
//!
//! Descriptions are written here; the notification's own `Message` (else
//! `LocalizedMessage`) is the error's message.
//!
//! Rows: 24: 9 permanent (with 0, a success: informational), 15 transient.

use super::{Entry, num as e};
use crate::retry::RetryClass::{Permanent, Transient};

/// Shared words of active_shipping's transient tracking codes.
const TRACK_LATER: &str = "Tracking could not answer for this number now; the same request may succeed later.";
/// Shared words of active_shipping's unrecoverable tracking codes.
const TRACK_NEVER: &str = "Tracking cannot answer for this number; FedEx customer service must be contacted.";
/// The note of the codes known only from active_shipping's lists.
const LISTED: &str = "Class from active_shipping's tracking code lists; no FedEx text read.";

/// The catalog, by code.
pub(crate) const ENTRIES: &[Entry] = &[
    e(0, "Request was successfully processed.", "The request succeeded (a SUCCESS notification).", Permanent)
        .informational(),
    e(
        872,
        "Rating temporarily unavailable",
        "Rating is temporarily unavailable for one or more services; try again later.",
        Transient,
    )
    .with_note("Seen as a WARNING in a rate reply that still has rates: not an error then."),
    e(
        4550,
        "Signature image unavailable",
        "Signature images are not available for shipments to this country.",
        Permanent,
    ),
    e(5508, "Invalid tracking number.", "The tracking number is not valid.", Permanent),
    e(
        6035,
        "Invalid tracking numbers",
        "One or more tracking numbers are not valid; check them and resubmit.",
        Permanent,
    ),
    e(
        6330,
        "Unable to process tracking request",
        "The tracking request cannot be processed now; retry later.",
        Transient,
    ),
    e(9035, "Tracking unavailable", TRACK_LATER, Transient).with_note(LISTED),
    e(9040, "Tracking number not found", "The tracking number is not (yet) known to tracking.", Transient).with_note(
        "active_shipping retries it: a new number appears later; an old one never will, so cap the retries.",
    ),
    e(9041, "Tracking unavailable", TRACK_LATER, Transient).with_note(LISTED),
    e(
        9045,
        "Unable to process tracking request",
        "The tracking request cannot be processed now; retry later.",
        Transient,
    ),
    e(9050, "Tracking unavailable", TRACK_LATER, Transient).with_note(LISTED),
    e(9055, "Tracking unavailable", TRACK_LATER, Transient).with_note(LISTED),
    e(9060, "Tracking unavailable", TRACK_LATER, Transient).with_note(LISTED),
    e(9065, "Tracking unavailable", TRACK_LATER, Transient).with_note(LISTED),
    e(9070, "Tracking unavailable", TRACK_LATER, Transient).with_note(LISTED),
    e(9075, "Tracking unavailable", TRACK_LATER, Transient).with_note(LISTED),
    e(9080, "Unable to process tracking request", TRACK_NEVER, Permanent),
    e(9081, "Tracking unrecoverable", TRACK_NEVER, Permanent).with_note(LISTED),
    e(9082, "Tracking unrecoverable", TRACK_NEVER, Permanent).with_note(LISTED),
    e(9085, "Tracking unavailable", TRACK_LATER, Transient).with_note(LISTED),
    e(9086, "Tracking unavailable", TRACK_LATER, Transient).with_note(LISTED),
    e(9090, "Tracking unavailable", TRACK_LATER, Transient).with_note(LISTED),
    e(9095, "Tracking unrecoverable", TRACK_NEVER, Permanent).with_note(LISTED),
    e(9100, "Tracking unrecoverable", TRACK_NEVER, Permanent).with_note(LISTED),
];
