//! Code catalogs: each vendor's codes with a symbolic name, an English
//! description and a retry class, as data tables apart from the parsers.
//!
//! ```
//! use vendor_errors::{Vendor, RetryClass, catalog};
//!
//! let e = catalog::lookup(Vendor::Http, "429").unwrap();
//! assert_eq!(e.name, "Too Many Requests");
//! assert_eq!(e.retry, RetryClass::Throttled);
//! assert!(catalog::lookup(Vendor::Soap, "client").is_some());
//! assert!(catalog::lookup(Vendor::Http, "299").is_none());
//! ```
//!
//! [`explain`] and [`explain_all`] give what `vendor-errors explain` prints:
//! [`Explained`] rows, serializable to the CLI's JSON objects.

// Rows are built by one constructor (`row`, with `num` and `symbol` for
// numeric and symbolic codes) and modifiers for what only some rows have.

pub(crate) mod aws;
pub(crate) mod azure;
pub(crate) mod bingads;
pub(crate) mod canadapost;
pub(crate) mod ebay;
pub(crate) mod ews;
pub(crate) mod fedex;
pub(crate) mod google;
pub(crate) mod googleads;
pub(crate) mod http;
pub(crate) mod json;
pub(crate) mod kubernetes;
pub(crate) mod marketo;
pub(crate) mod netsuite;
pub(crate) mod openair;
pub(crate) mod paypal;
pub(crate) mod qlm;
pub(crate) mod salesforce;
pub(crate) mod salto;
pub(crate) mod soap;
pub(crate) mod superoffice;
pub(crate) mod ups;
pub(crate) mod usps;
pub(crate) mod vsphere;
pub(crate) mod workday;
pub(crate) mod xml;
pub(crate) mod zimbra;

mod explain;

use std::borrow::Cow;

pub use explain::{Explained, explain, explain_all};

use crate::retry::RetryClass;
use crate::vendor::{Code, Vendor};

/// One catalog row. New fields may be added: read rows, don't build them.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Entry {
    /// The code, as errors carry it.
    pub code: Code,
    /// Symbolic name (`SoapErrorInvalidSessionKey`) or short message.
    pub name: &'static str,
    /// What it means, in English.
    pub description: &'static str,
    /// What a caller may do about it.
    pub retry: RetryClass,
    /// HTTP statuses the vendor documents for it (empty: none documented).
    pub http_status: &'static [u16],
    /// The code reports a state, not a failure (Marketo's end of stream).
    pub informational: bool,
    /// What the vendor's own table leaves unsure (an HTTP status marked
    /// `???`, a status that varies), said rather than guessed.
    pub note: Option<&'static str>,
    /// The code wraps another system's failure and the response's HTTP
    /// status says which (Salto KS 3102, an IQ's error): when an error status
    /// comes with it, the status's class applies, else `retry`.
    pub status_decides: bool,
}

/// The one constructor of rows: a failure, no documented HTTP status, no
/// note; the modifiers below add those.
pub(crate) const fn row(code: Code, name: &'static str, description: &'static str, retry: RetryClass) -> Entry {
    Entry { code, name, description, retry, http_status: &[], informational: false, note: None, status_decides: false }
}

/// A row for a numeric code.
pub(crate) const fn num(code: i64, name: &'static str, description: &'static str, retry: RetryClass) -> Entry {
    row(Code::Num(code), name, description, retry)
}

/// A row for a symbolic code that is its own name.
pub(crate) const fn symbol(code: &'static str, description: &'static str, retry: RetryClass) -> Entry {
    row(Code::Text(Cow::Borrowed(code)), code, description, retry)
}

impl Entry {
    /// The same entry, marked as reporting a state rather than a failure.
    // Set in place and handed back: a const fn may not drop the rest of a
    // `..self` whose code could own a string.
    pub(crate) const fn informational(mut self) -> Entry {
        self.informational = true;
        self
    }

    /// The same entry with the HTTP statuses the vendor documents for it.
    pub(crate) const fn with_status(mut self, http_status: &'static [u16]) -> Entry {
        self.http_status = http_status;
        self
    }

    /// The same entry, its class left to the response's status when there is one.
    pub(crate) const fn status_decides(mut self) -> Entry {
        self.status_decides = true;
        self
    }

    /// The same entry with a note on what the vendor leaves unsure.
    pub(crate) const fn with_note(mut self, note: &'static str) -> Entry {
        self.note = Some(note);
        self
    }

    /// The code as a number, for numeric codes.
    ///
    /// ```
    /// use vendor_errors::{Vendor, catalog};
    /// assert_eq!(catalog::lookup(Vendor::Marketo, "20023").unwrap().num(), Some(20023));
    /// assert_eq!(catalog::lookup(Vendor::Soap, "Server").unwrap().num(), None);
    /// ```
    pub fn num(&self) -> Option<i64> {
        self.code.as_num()
    }
}

/// Every entry of a vendor's catalog (empty for a vendor without one yet,
/// and for a [`Vendor::Profile`], whose catalog is the profile's own:
/// [`Profile::codes`](crate::Profile::codes)).
///
/// ```
/// use vendor_errors::{RetryClass, Vendor, catalog};
/// let throttled = catalog::entries(Vendor::Marketo).iter().filter(|e| e.retry == RetryClass::Throttled).count();
/// assert!(throttled > 0);
/// ```
pub fn entries(vendor: Vendor) -> &'static [Entry] {
    match vendor {
        Vendor::Soap => soap::ENTRIES,
        Vendor::Http => http::ENTRIES,
        // A profile's catalog is its `[codes]`: `Profile::codes`.
        Vendor::Profile(_) => &[],
        // The vendors with a reader: their row of the vendor table.
        _ => crate::vendors::catalog(vendor).unwrap_or_default(),
    }
}

/// The entry for `code` as an error carries it: a number (or text that is
/// one, as [`Code`] compares), or a symbolic code (compared ignoring ASCII
/// case).
///
/// ```
/// use vendor_errors::{Code, Vendor, catalog};
/// assert_eq!(catalog::entry(Vendor::OpenAir, &Code::Num(556)).unwrap().retry, vendor_errors::RetryClass::Throttled);
/// assert!(catalog::entry(Vendor::OpenAir, &Code::Text("556".into())).is_some());
/// assert!(catalog::entry(Vendor::Soap, &Code::from("server")).is_some());
/// ```
pub fn entry(vendor: Vendor, code: &Code) -> Option<&'static Entry> {
    match (code.as_num(), code) {
        // Decimal text is its number (`Code` equality says so).
        (Some(_), _) => entries(vendor).iter().find(|e| e.code == *code),
        (None, Code::Text(text)) => entry_text(vendor, text),
        (None, Code::Num(_)) => None,
    }
}

/// The entry for a symbolic code, ignoring ASCII case (as [`entry`] with
/// `Code::Text`, without building a `Code`).
pub(crate) fn entry_text(vendor: Vendor, text: &str) -> Option<&'static Entry> {
    entries(vendor).iter().find(|e| matches!(&e.code, Code::Text(t) if t.eq_ignore_ascii_case(text)))
}

/// The entry for `code` as a person writes it: a number, a symbolic code,
/// or a catalog name (`SoapErrorInvalidSessionKey`), ignoring ASCII case.
///
/// ```
/// use vendor_errors::{RetryClass, Vendor, catalog};
/// let entry = catalog::lookup(Vendor::OpenAir, "556").unwrap();
/// assert_eq!(entry.retry, RetryClass::Throttled);
/// assert_eq!(catalog::lookup(Vendor::SuperOffice, "soaperrorinvalidsessionkey").unwrap().num(), catalog::lookup(Vendor::SuperOffice, "SoapErrorInvalidSessionKey").unwrap().num());
/// ```
pub fn lookup(vendor: Vendor, code: &str) -> Option<&'static Entry> {
    let code = Code::parse(code.trim());
    entry(vendor, &code).or_else(|| match &code {
        Code::Text(name) => entries(vendor).iter().find(|e| e.name.eq_ignore_ascii_case(name)),
        Code::Num(_) => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_per_vendor() {
        for &vendor in Vendor::ALL {
            let entries = entries(vendor);
            for (i, e) in entries.iter().enumerate() {
                assert!(!entries[..i].iter().any(|o| o.code == e.code), "{vendor} {} twice", e.code);
                assert!(!e.description.is_empty() && !e.name.is_empty());
            }
        }
    }
}
