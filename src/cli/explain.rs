//! `vendor-errors explain VENDOR [CODE]`: a catalog entry, or a whole
//! catalog; for a `--profile`'s vendor, the profile's `[codes]`.

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;
use vendor_errors::catalog::{self, Entry};
use vendor_errors::profile::ProfileCode;
use vendor_errors::retry::status_class;
use vendor_errors::{Code, Profile, RetryClass, Vendor};

use super::args::Format;
use super::output::one_line;
use super::{EXIT_ERRORS, EXIT_NO_ERROR};

/// The `explain` output object.
#[derive(Debug, Serialize)]
struct Explained<'a> {
    vendor: Vendor,
    code: Code,
    name: Cow<'a, str>,
    description: Cow<'a, str>,
    retry: RetryClass,
    retryable: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    http_status: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    informational: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

impl<'a> Explained<'a> {
    fn of(vendor: Vendor, entry: &'a Entry) -> Self {
        let http_status = match (vendor, entry.http_status) {
            (Vendor::Http, _) => entry.num().map(|status| serde_json::json!(status)),
            (_, []) => None,
            (_, [one]) => Some(serde_json::json!(one)),
            (_, several) => Some(serde_json::json!(several)),
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
    fn of_profile(vendor: Vendor, row: &'a ProfileCode) -> Self {
        Explained {
            vendor,
            code: row.code.clone(),
            name: row.name.as_deref().map_or_else(|| Cow::Owned(row.code.to_string()), Cow::Borrowed),
            description: row.description.as_deref().unwrap_or_default().into(),
            retry: row.retry,
            retryable: row.retry.is_retryable(),
            http_status: None,
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
            http_status: Some(serde_json::json!(status)),
            informational,
            note: None,
        }
    }

    fn text(&self) -> String {
        let code = self.code.to_string();
        let mut line = format!("{} {}", self.vendor, code);
        if self.name != code {
            line.push_str(&format!(" ({})", one_line(&self.name)));
        }
        if !self.description.is_empty() {
            line.push_str(&format!(": {}", one_line(&self.description)));
        }
        line.push_str(&format!(" [{}", self.retry.as_str()));
        match &self.http_status {
            Some(serde_json::Value::Array(all)) => {
                let all: Vec<String> = all.iter().map(ToString::to_string).collect();
                line.push_str(&format!(", http {}", all.join("/")));
            }
            Some(status) => line.push_str(&format!(", http {status}")),
            None => {}
        }
        if self.informational {
            line.push_str(", informational");
        }
        line.push(']');
        if let Some(note) = self.note {
            line.push_str(&format!(" \u{2014} {}", one_line(note)));
        }
        line
    }
}

/// The catalog entry for `code` as a person or the CLI writes it.
fn find(vendor: Vendor, code: &str) -> Option<Explained<'static>> {
    let code = code.trim();
    if let Some(entry) = catalog::lookup(vendor, code) {
        return Some(Explained::of(vendor, entry));
    }
    if vendor == Vendor::Http {
        return code.parse::<u16>().ok().filter(|s| (100..=599).contains(s)).map(Explained::http_status);
    }
    // A QName (`soap:Server`, `wsse:FailedAuthentication`): its local name.
    let (_, local) = code.rsplit_once(':')?;
    catalog::lookup(vendor, local).map(|entry| Explained::of(vendor, entry))
}

/// The row of a profile's `[codes]` for `code` as a person or the CLI writes it.
fn find_in_profile<'p>(profile: &'p Profile, code: &str) -> Option<Explained<'p>> {
    let row = profile.lookup(code).or_else(|| profile.lookup(code.trim().rsplit_once(':')?.1))?;
    Some(Explained::of_profile(profile.vendor(), row))
}

pub(crate) fn run(vendor: Vendor, code: Option<&str>, format: Format, profiles: &[Profile]) -> u8 {
    let profile = profiles.iter().find(|p| p.vendor() == vendor);
    let found: Vec<Explained<'_>> = match (code, profile) {
        (Some(code), _) => match profile.map_or_else(|| find(vendor, code), |p| find_in_profile(p, code)) {
            Some(found) => vec![found],
            None => {
                let whose = if profile.is_some() { "profile" } else { "catalog" };
                eprintln!("vendor-errors: the {vendor} {whose} has no code \"{}\"", one_line(code).escape_debug());
                return EXIT_ERRORS;
            }
        },
        (None, Some(p)) => p.codes().iter().map(|row| Explained::of_profile(vendor, row)).collect(),
        (None, None) => catalog::entries(vendor).iter().map(|e| Explained::of(vendor, e)).collect(),
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written = found.iter().try_for_each(|e| match format {
        Format::Json => {
            serde_json::to_writer(&mut out, e).map_err(io::Error::from)?;
            writeln!(out)
        }
        Format::Text => writeln!(out, "{}", e.text()),
    });
    // A closed pipe (`| head`) is not an error of ours.
    let _ = written.and_then(|()| out.flush());
    EXIT_NO_ERROR
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
}
