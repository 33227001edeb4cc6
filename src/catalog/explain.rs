//! [`Explained`]: a catalog row (or a profile's `[codes]` row) as the CLI's
//! `explain` prints it, and the look-ups that find one.

use std::borrow::Cow;

use serde::{Serialize, Serializer};

use super::{Entry, entries, lookup};
use crate::profile::{Profile, ProfileCode};
use crate::retry::{RetryClass, status_class};
use crate::vendor::{Code, Vendor};

/// What a code means: a catalog entry (or a row of a profile's `[codes]`)
/// as `vendor-errors explain` prints it.
///
/// Serializes to the CLI's `explain` JSON object: `vendor`, `code`, `name`,
/// `description`, `retry`, `retryable`, then `http_status` (a number, or an
/// array when the vendor documents several), `informational` (only when
/// true) and `note` where they apply.
///
/// ```
/// use vendor_errors::{Vendor, catalog};
///
/// let e = catalog::explain(Vendor::Http, "429", &[]).unwrap();
/// assert_eq!(e.name, "Too Many Requests");
/// let json = serde_json::to_string(&e).unwrap();
/// assert!(json.starts_with(r#"{"vendor":"http","code":429,"name":"Too Many Requests","#));
/// assert!(json.ends_with(r#""retry":"throttled","retryable":true,"http_status":429}"#));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Explained<'a> {
    /// The vendor whose catalog (or profile) it is from.
    pub vendor: Vendor,
    /// The code, as errors carry it.
    pub code: Code,
    /// The symbolic name (the code itself when a profile names none).
    pub name: Cow<'a, str>,
    /// What it means, in English (empty when a profile says nothing).
    pub description: Cow<'a, str>,
    /// What a caller may do about it.
    pub retry: RetryClass,
    /// False exactly when `retry` is permanent.
    pub retryable: bool,
    /// The HTTP statuses the vendor documents for it (for `http`, the
    /// status itself); empty when none is documented.
    #[serde(skip_serializing_if = "<[u16]>::is_empty", serialize_with = "one_or_many")]
    pub http_status: Vec<u16>,
    /// The code reports a state, not a failure (Marketo's end of stream,
    /// an HTTP status below 400).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub informational: bool,
    /// What the vendor's own table leaves unsure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
}

/// One status as a number, several as an array.
fn one_or_many<S: Serializer>(statuses: &[u16], serializer: S) -> Result<S::Ok, S::Error> {
    match statuses {
        [one] => serializer.serialize_u16(*one),
        several => several.serialize(serializer),
    }
}

impl<'a> Explained<'a> {
    /// A row of `vendor`'s catalog.
    ///
    /// ```
    /// use vendor_errors::{Vendor, catalog::{self, Explained}};
    /// let entry = catalog::lookup(Vendor::Soap, "Server").unwrap();
    /// assert!(Explained::of_entry(Vendor::Soap, entry).retryable);
    /// ```
    pub fn of_entry(vendor: Vendor, entry: &'a Entry) -> Self {
        let http_status = match vendor {
            Vendor::Http => entry.num().and_then(|n| u16::try_from(n).ok()).into_iter().collect(),
            _ => entry.http_status.to_vec(),
        };
        Explained {
            vendor,
            code: entry.code.clone(),
            name: entry.name.into(),
            description: entry.description.into(),
            retry: entry.retry,
            retryable: entry.retry.is_retryable(),
            http_status,
            informational: entry.informational,
            note: entry.note,
        }
    }

    /// A row of a profile's `[codes]`: named by its code and described by
    /// nothing when the profile says neither.
    ///
    /// ```
    /// use vendor_errors::{Profile, RetryClass, catalog::Explained};
    /// let p = Profile::builder("acme").code("E1", RetryClass::Reauth).build().unwrap();
    /// let e = Explained::of_profile_code(p.vendor(), &p.codes()[0]);
    /// assert_eq!((e.name.as_ref(), e.description.as_ref()), ("E1", ""));
    /// ```
    pub fn of_profile_code(vendor: Vendor, row: &'a ProfileCode) -> Self {
        Explained {
            vendor,
            code: row.code.clone(),
            name: row.name.as_deref().map_or_else(|| Cow::Owned(row.code.to_string()), Cow::Borrowed),
            description: row.description.as_deref().unwrap_or_default().into(),
            retry: row.retry,
            retryable: row.retry.is_retryable(),
            http_status: Vec::new(),
            informational: false,
            note: None,
        }
    }

    /// Any status 100–599 the HTTP catalog has no row for: its registered
    /// phrase where it has one, and the class the fallback gives it.
    fn http_status(status: u16) -> Self {
        let phrase = reason_phrase(status);
        let (name, description, retry, informational) = match status_class(status) {
            Some(class) => {
                let kind = if status >= 500 { "5xx" } else { "4xx" };
                let name = phrase.map_or_else(|| format!("Unassigned {kind} status"), str::to_owned);
                let description = format!(
                    "{} With no error in the body, vendor-errors reports it as an http error, {} like any other {kind}.",
                    if phrase.is_some() {
                        "A registered status the catalog does not describe."
                    } else {
                        "Not a registered HTTP status (a server or proxy's own)."
                    },
                    class.as_str(),
                );
                (name, description, class, false)
            }
            None => {
                let kind = match status {
                    100..=199 => "An informational (1xx) status",
                    200..=299 => "A success (2xx) status",
                    _ => "A redirection (3xx) status",
                };
                let name = phrase.map_or_else(|| format!("Unassigned {}xx status", status / 100), str::to_owned);
                let description =
                    format!("{kind}: not an error. With it, vendor-errors reports only the errors the body holds.");
                (name, description, RetryClass::Permanent, true)
            }
        };
        Explained {
            vendor: Vendor::Http,
            code: Code::Num(i64::from(status)),
            name: name.into(),
            description: description.into(),
            retry,
            retryable: retry.is_retryable(),
            http_status: vec![status],
            informational,
            note: None,
        }
    }
}

/// What `code` means for `vendor`, as `vendor-errors explain VENDOR CODE`
/// says it; `None` when the catalog does not know it (no entry is ever
/// invented).
///
/// `code` is written as the vendor or the CLI writes it: a number, a
/// symbolic code or a catalog name, ignoring ASCII case ([`lookup`]); a
/// QName (`soap:Server`, `wsse:FailedAuthentication`) is looked up by its
/// local name; for `http` every status 100–599 is known, with the class the
/// fallback gives it. When one of `profiles` teaches `vendor`, its `[codes]`
/// are the catalog.
///
/// ```
/// use vendor_errors::{RetryClass, Vendor, catalog};
/// assert_eq!(catalog::explain(Vendor::Soap, "wsse:FailedAuthentication", &[]).unwrap().retry, RetryClass::Reauth);
/// assert_eq!(catalog::explain(Vendor::Http, "520", &[]).unwrap().retry, RetryClass::Transient);
/// assert!(catalog::explain(Vendor::Http, "600", &[]).is_none());
/// ```
pub fn explain<'p>(vendor: Vendor, code: &str, profiles: &'p [Profile]) -> Option<Explained<'p>> {
    if let Some(profile) = profiles.iter().find(|p| p.vendor() == vendor) {
        let row = profile.lookup(code).or_else(|| profile.lookup(code.trim().rsplit_once(':')?.1))?;
        return Some(Explained::of_profile_code(vendor, row));
    }
    let code = code.trim();
    if let Some(entry) = lookup(vendor, code) {
        return Some(Explained::of_entry(vendor, entry));
    }
    if vendor == Vendor::Http {
        return code.parse::<u16>().ok().filter(|s| (100..=599).contains(s)).map(Explained::http_status);
    }
    // A QName (`soap:Server`, `wsse:FailedAuthentication`): its local name.
    let (_, local) = code.rsplit_once(':')?;
    lookup(vendor, local).map(|entry| Explained::of_entry(vendor, entry))
}

/// Every code of `vendor`'s catalog, in the catalog's order, as
/// `vendor-errors explain VENDOR` lists them; for a vendor one of
/// `profiles` teaches, that profile's `[codes]` in the order written.
///
/// ```
/// use vendor_errors::{Vendor, catalog};
/// assert!(catalog::explain_all(Vendor::Marketo, &[]).iter().any(|e| e.informational));
/// ```
pub fn explain_all(vendor: Vendor, profiles: &[Profile]) -> Vec<Explained<'_>> {
    match profiles.iter().find(|p| p.vendor() == vendor) {
        Some(profile) => profile.codes().iter().map(|row| Explained::of_profile_code(vendor, row)).collect(),
        None => entries(vendor).iter().map(|e| Explained::of_entry(vendor, e)).collect(),
    }
}

/// The registered reason phrase (IANA HTTP Status Code Registry) of a
/// status the HTTP catalog has no row for.
fn reason_phrase(status: u16) -> Option<&'static str> {
    Some(match status {
        100 => "Continue",
        101 => "Switching Protocols",
        102 => "Processing",
        103 => "Early Hints",
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        203 => "Non-Authoritative Information",
        204 => "No Content",
        205 => "Reset Content",
        206 => "Partial Content",
        207 => "Multi-Status",
        208 => "Already Reported",
        226 => "IM Used",
        300 => "Multiple Choices",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        305 => "Use Proxy",
        306 => "(Unused)",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        418 => "(Unused) I'm a teapot",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(vendor: Vendor, code: &str) -> Option<Explained<'static>> {
        explain(vendor, code, &[])
    }

    #[test]
    fn every_http_status_is_known() {
        for status in 100..=599u16 {
            let e = find(Vendor::Http, &status.to_string()).unwrap();
            assert_eq!(e.code, Code::Num(i64::from(status)));
            match status_class(status) {
                Some(class) => assert_eq!((e.retry, e.informational), (class, false), "{status}"),
                None => assert!(e.informational, "{status}"),
            }
        }
        assert!(find(Vendor::Http, "600").is_none() && find(Vendor::Http, "99").is_none());
        assert_eq!(find(Vendor::Http, "418").unwrap().retry, RetryClass::Permanent);
        assert_eq!(find(Vendor::Http, "520").unwrap().retry, RetryClass::Transient);
    }

    #[test]
    fn qnames_by_local_name() {
        assert_eq!(find(Vendor::Soap, "soap:Server").unwrap().code.to_string(), "Server");
        assert_eq!(find(Vendor::Soap, "wsse:FailedAuthentication").unwrap().retry, RetryClass::Reauth);
        assert!(find(Vendor::Soap, "soap:NoSuchCode").is_none());
    }

    #[test]
    fn one_status_is_a_number_and_several_an_array() {
        let mut seen = (false, false);
        for &vendor in Vendor::ALL {
            for entry in entries(vendor) {
                let json = serde_json::to_string(&Explained::of_entry(vendor, entry)).unwrap();
                match entry.http_status.len() {
                    0 if vendor != Vendor::Http => assert!(!json.contains("http_status"), "{json}"),
                    1 => seen.0 |= json.contains(&format!("\"http_status\":{}", entry.http_status[0])),
                    n if n > 1 => seen.1 |= json.contains("\"http_status\":["),
                    _ => {}
                }
            }
        }
        assert_eq!(seen, (true, true));
    }
}
