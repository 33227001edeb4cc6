//! Canada Post web services message codes (`messages/message/code`).
//!
//! Canada Post's REST services answer a failed request with a `messages`
//! document (namespace `http://www.canadapost.ca/ws/messages`) of one or more
//! `message`s, each a `code` and a `description`. No list of the codes with
//! their meaning was read for this catalog: the rows come from the answers
//! Shopify/active_shipping (commit 590bc805) records in its fixtures
//! (`test/fixtures/xml/canadapost_pws/*_error.xml`), and their classes from
//! those descriptions (name-based: Canada Post says nothing of retrying). A
//! code written with leading zeros (`004`) is read as its number (4).
//!
//! Codes not here get their class from the response's HTTP status (the
//! common chain: 401 reauth, 429 throttled, 5xx transient, other 4xx
//! permanent).
//!
//! Rows: 4, all permanent.

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
