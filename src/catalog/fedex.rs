#![doc = include_str!("fedex.md")]

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
