//! USPS Web Tools error numbers: the `Number` of an `<Error>`, whether it is
//! the whole document (the request failed) or nested in a reply item
//! (`TrackInfo`, `Package`, `Address`, `ZipCode`: that item failed).
//!
//! USPS publishes no table of its error numbers: each Web Tools user guide
//! (<https://www.usps.com/business/web-tools-apis/>, section "Error
//! Responses") shows the `<Error>` shape — `Number`, `Source`,
//! `Description`, `HelpFile`, `HelpContext` — and lets the `Description`
//! speak. The rows below are the numbers seen in published replies, each
//! with its source; numbers not listed take the response status's class
//! (the replies come with 200, so: permanent), which is also what every
//! listed row but two is.
//!
//! **Codes as written.** The numbers are COM `HRESULT`s, and USPS writes
//! them three ways: signed decimal (`-2147219401`), unsigned decimal
//! (`2147219040`) and hexadecimal (`80040B1A`, also `80040b1a`). A decimal
//! number is kept as a number, anything else as the text it is (trimmed);
//! the same failure written two ways is two codes, each row under the form
//! it was seen in. (Hexadecimal codes are matched ignoring case.) One number
//! may mean different things in different APIs: -2147219401 is "Address Not
//! Found." from Verify and "Invalid Zip Code." from CityStateLookup; the
//! message is always the reply's `Description`.
//!
//! Sources:
//! - Shopify/active_shipping test fixtures (`test/fixtures/xml/usps/`):
//!   `tracking_response_test_error.xml` @42a51a99 (2147219040, the test
//!   server), `first_class_packages_with_invalid_mail_type_response.xml`
//!   @dd0b73fe (-2147219428), `tracking_response_not_available.xml`
//!   @cefd946f (-2147219301).
//! - thelinuxkid/pyusps `pyusps/test/test_address_information.py` @764d66f1:
//!   `80040b1a` "Authorization failure. Perhaps username and/or password is
//!   incorrect." with Source `UspsCom::DoAuth`; -2147219401 "Address Not
//!   Found."; -2147219400 "Invalid City.".
//! - Other third-party clients' tests (found by code search, several
//!   projects): 80040B19 "XML Syntax Error: Please check the XML request to
//!   see if it can be parsed." from `USPSCOM::DoAuth`; -2147219402 "Invalid
//!   State Code."; -2147219283 "A status update is not yet available ...
//!   Check back soon."; -2147217951 "Missing value" (research note
//!   `shared/research/vendor-formats-3.md` §13.1).
//!
//! Retry classes:
//! - Reauth: 80040B1A, the authorization failure (the USERID is unknown or
//!   not enabled for the API called). Fixing it needs the account, not a
//!   retry: re-read the credentials once, do not loop.
//! - Transient: -2147219283, a tracking number known but without a status
//!   yet ("Check back soon"): asking again later can succeed, though hours
//!   later rather than seconds.
//! - Permanent: the rest — the request or an item is wrong as written
//!   (syntax, address, city, state, mail type, missing value), or the data
//!   is not there (the test server's canned answer, a status not available
//!   through the API).

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
