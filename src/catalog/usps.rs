#![doc = include_str!("usps.md")]

use std::borrow::Cow;

use super::{Entry, num, row};
use crate::retry::RetryClass::{Permanent, Reauth, Transient};
use crate::vendor::Code;

/// A row for a code USPS writes in hexadecimal.
const fn hex(code: &'static str, name: &'static str, description: &'static str, retry: crate::RetryClass) -> Entry {
    row(Code::Text(Cow::Borrowed(code)), name, description, retry)
}

/// The catalog: request-level numbers, then item-level ones.
pub(crate) const ENTRIES: &[Entry] = &[
    hex(
        "80040B1A",
        "Authorization failure",
        "API authorization failure: the user ID is not known or not authorized for this API.",
        Reauth,
    )
    .with_note("seen with Source USPSCOM::DoAuth; re-read the credentials once, do not loop"),
    hex(
        "80040B19",
        "XML syntax error",
        "XML Syntax Error: Please check the XML request to see if it can be parsed.",
        Permanent,
    ),
    num(2147219040, "Not on the test server", "This Information has not been included in this Test Server.", Permanent),
    num(
        -2147219040,
        "Not on the test server",
        "This Information has not been included in this Test Server.",
        Permanent,
    ),
    num(-2147219401, "Address not found", "Address Not Found. (CityStateLookup: Invalid Zip Code.)", Permanent),
    num(-2147219400, "Invalid city", "Invalid City.", Permanent),
    num(-2147219402, "Invalid state code", "Invalid State Code.", Permanent),
    num(-2147219428, "Invalid mail type", "Invalid First Class Mail Type.", Permanent),
    num(-2147217951, "Missing value", "Missing value for a required field.", Permanent),
    num(
        -2147219301,
        "Status not available",
        "Delivery status information is not available for your item via this web site.",
        Permanent,
    ),
    num(
        -2147219283,
        "Status not yet available",
        "A status update is not yet available on your package. Check back soon.",
        Transient,
    )
    .with_note("an update may take hours: retry late, not at once"),
];
