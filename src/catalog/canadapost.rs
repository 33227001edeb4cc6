#![doc = include_str!("canadapost.md")]

use std::borrow::Cow;

use super::{Entry, num, row};
use crate::retry::RetryClass::Permanent;
use crate::vendor::Code;

/// The catalog, by code.
pub(crate) const ENTRIES: &[Entry] = &[
    num(4, "No Pin History", "No tracking history for this PIN.", Permanent)
        .with_note("Fixture text only; a PIN not yet scanned may have history later."),
    num(
        7,
        "Merchant Details Error",
        "The platform or merchant is not active or not set up for this request.",
        Permanent,
    )
    .with_note("Fixture texts only: \"Merchant Details Error\", \"Platform not active\"."),
    num(8534, "Invalid destination country", "A valid destination country must be supplied.", Permanent),
    row(
        Code::Text(Cow::Borrowed("AA004")),
        "Not allowed for this customer",
        "You cannot mail on behalf of the requested customer.",
        Permanent,
    ),
];
