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

pub(crate) mod http;
pub(crate) mod marketo;
pub(crate) mod openair;
pub(crate) mod qlm;
pub(crate) mod salto;
pub(crate) mod soap;
pub(crate) mod superoffice;

use std::fmt;

use crate::retry::RetryClass;
use crate::vendor::{Code, Vendor};

/// A code as a catalog keys it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryCode {
    /// A numeric code.
    Num(i64),
    /// A symbolic code.
    Text(&'static str),
}

impl EntryCode {
    /// The code as a [`Code`].
    pub fn to_code(self) -> Code {
        match self {
            EntryCode::Num(n) => Code::Num(n),
            EntryCode::Text(s) => Code::Text(s.to_owned()),
        }
    }
}

impl fmt::Display for EntryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EntryCode::Num(n) => write!(f, "{n}"),
            EntryCode::Text(s) => f.write_str(s),
        }
    }
}

/// One catalog row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// The code.
    pub code: EntryCode,
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
}

/// An entry for a numeric code: no documented HTTP status, a failure, no note.
pub(crate) const fn num(code: i64, name: &'static str, description: &'static str, retry: RetryClass) -> Entry {
    Entry { code: EntryCode::Num(code), name, description, retry, http_status: &[], informational: false, note: None }
}

impl Entry {
    /// The same entry, marked as reporting a state rather than a failure.
    pub(crate) const fn informational(self) -> Entry {
        Entry { informational: true, ..self }
    }

    /// The same entry with the HTTP statuses the vendor documents for it.
    pub(crate) const fn with_status(self, http_status: &'static [u16]) -> Entry {
        Entry { http_status, ..self }
    }

    /// The same entry with a note on what the vendor leaves unsure.
    pub(crate) const fn with_note(self, note: &'static str) -> Entry {
        Entry { note: Some(note), ..self }
    }
}

/// Every entry of a vendor's catalog (empty for a vendor without one yet).
pub fn entries(vendor: Vendor) -> &'static [Entry] {
    match vendor {
        Vendor::Soap => soap::ENTRIES,
        Vendor::Http => http::ENTRIES,
        Vendor::OpenAir => openair::ENTRIES,
        Vendor::Marketo => marketo::ENTRIES,
        Vendor::SuperOffice => superoffice::ENTRIES,
        Vendor::Qlm => qlm::ENTRIES,
        Vendor::SaltoKs => salto::ENTRIES,
    }
}

/// The entry for `code`: a number, or a symbolic code or name (case-insensitive).
pub fn lookup(vendor: Vendor, code: &str) -> Option<&'static Entry> {
    let code = code.trim();
    let entries = entries(vendor);
    match Code::parse(code) {
        Code::Num(n) => entries.iter().find(|e| e.code == EntryCode::Num(n)),
        Code::Text(_) => entries.iter().find(|e| match e.code {
            EntryCode::Text(t) => t.eq_ignore_ascii_case(code),
            EntryCode::Num(_) => e.name.eq_ignore_ascii_case(code),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_per_vendor() {
        for vendor in Vendor::ALL {
            let entries = entries(vendor);
            for (i, e) in entries.iter().enumerate() {
                assert!(!entries[..i].iter().any(|o| o.code == e.code), "{vendor} {} twice", e.code);
                assert!(!e.description.is_empty() && !e.name.is_empty());
            }
        }
    }
}
