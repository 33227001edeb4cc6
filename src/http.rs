//! What the HTTP response says besides the body: `Retry-After`, and the
//! fallback error when the body holds none. (What a status means for
//! retrying is the retry chain's business: [`crate::retry`].)

use std::time::{Duration, SystemTime};

use crate::catalog;
use crate::error::VendorError;
use crate::parse_error::ParseError;
use crate::retry::{self, Evidence};
use crate::text::{Capped, collapse_whitespace};
use crate::vendor::{Code, Vendor};

/// Longest page excerpt used as a fallback message.
const PAGE_EXCERPT_BYTES: usize = 200;

/// Parses a `Retry-After` value: delta-seconds, or an HTTP-date measured
/// against `now` (a date in the past means no wait). `None` when malformed.
///
/// ```
/// use std::time::{Duration, SystemTime, UNIX_EPOCH};
/// use vendor_errors::http::parse_retry_after;
///
/// let now = UNIX_EPOCH + Duration::from_secs(784_111_777);
/// assert_eq!(parse_retry_after(" 120 ", now), Some(Duration::from_secs(120)));
/// assert_eq!(parse_retry_after("Sun, 06 Nov 1994 08:49:57 GMT", now), Some(Duration::from_secs(20)));
/// assert_eq!(parse_retry_after("soon", now), None);
/// ```
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return Some(Duration::from_secs(value.parse().unwrap_or(u64::MAX)));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    let wait = date.duration_since(now).unwrap_or(Duration::ZERO);
    // Whole seconds, rounded up: never retry early.
    Some(Duration::from_secs(retry::ceil_secs(wait)))
}

/// What the fallback can take a message from.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Page<'a> {
    /// An HTML page's first bytes.
    Html(&'a str),
    /// Plain text's first bytes, from the first non-blank one.
    Text(&'a str),
    /// The message a JSON body of no known vendor gave (`{"message": ..}`).
    Message(&'a str),
    /// Nothing worth quoting (empty, XML, JSON).
    Other,
}

/// The one `http` error for a status of 400 or more whose body held no
/// recognisable error; `cause` says why the body was not understood, if it was not.
pub(crate) fn fallback_error(
    status: u16,
    retry_after: Option<Duration>,
    page: Page<'_>,
    cause: Option<&ParseError>,
    max_message: usize,
    max_detail: usize,
) -> VendorError {
    let entry = catalog::http::entry(status);
    let excerpt = match page {
        Page::Html(html) => html_title(html, max_message.min(PAGE_EXCERPT_BYTES)),
        Page::Text(text) if is_printable(text) => Some(collapse_whitespace(text, max_message.min(PAGE_EXCERPT_BYTES))),
        Page::Message(text) => Some(collapse_whitespace(text, max_message)).filter(|k| !k.text.is_empty()),
        Page::Text(_) | Page::Other => None,
    };
    let (message, truncated) = match excerpt {
        Some(Capped { text, truncated }) => (text, truncated),
        None => (entry.map_or_else(|| format!("HTTP error {status}"), |e| e.name.to_owned()), false),
    };
    let retry = retry::decide(&Evidence { status: Some(status), retry_after, ..Evidence::default() });
    let mut e = VendorError::new(Vendor::Http, Code::Num(i64::from(status)), message, retry);
    e.name = entry.map(|e| e.name.to_owned());
    e.http_status = Some(status);
    e.truncated = truncated;
    // Why an XML or JSON body was not read says something; "it was HTML" does not.
    if let Some(cause) =
        cause.filter(|c| !matches!(c, ParseError::Empty | ParseError::Html { .. } | ParseError::NotMarkup { .. }))
    {
        let kept = collapse_whitespace(&format!("body not understood: {cause}"), max_detail);
        e.detail = Some(kept.text);
        e.truncated |= kept.truncated;
    }
    e
}

/// The text of an HTML page's `<title>`, else of its first `<h1>`.
pub(crate) fn html_title(html: &str, max: usize) -> Option<Capped> {
    ["title", "h1"].iter().find_map(|tag| {
        let inner = element_text(html, tag)?;
        let kept = collapse_whitespace(&decode_basic_entities(inner), max);
        (!kept.text.is_empty()).then_some(kept)
    })
}

/// The raw content of the first `<tag ...>...</tag>`, tag matched case-insensitively.
fn element_text<'a>(html: &'a str, tag: &str) -> Option<&'a str> {
    let lower = html.to_ascii_lowercase();
    let open = format!("<{tag}");
    let mut from = 0;
    let start = loop {
        let at = from + lower[from..].find(&open)?;
        let after = at + open.len();
        match lower.as_bytes().get(after) {
            Some(b'>' | b' ' | b'\t' | b'\r' | b'\n') => break after + lower[after..].find('>')? + 1,
            _ => from = after,
        }
    };
    let end = start + lower[start..].find(&format!("</{tag}"))?;
    Some(&html[start..end])
}

/// Text worth quoting: no control characters but whitespace, no undecodable bytes.
fn is_printable(text: &str) -> bool {
    !text.trim().is_empty() && !text.chars().any(|c| c == '\u{FFFD}' || c.is_control() && !c.is_whitespace())
}

fn decode_basic_entities(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&ndash;", "\u{2013}")
        .replace("&mdash;", "\u{2014}")
        .replace("&hellip;", "\u{2026}")
        .replace("&copy;", "\u{A9}")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_titles() {
        let page = "<!DOCTYPE html><HTML><Head><TITLE>502 Bad\n Gateway &amp; co</TITLE></head></html>";
        assert_eq!(html_title(page, 100).unwrap().text, "502 Bad Gateway & co");
        let page = "<html><body><h1 class=x>Service Unavailable</h1></body></html>";
        assert_eq!(html_title(page, 100).unwrap().text, "Service Unavailable");
        assert!(html_title("<html><titlebar>x</titlebar></html>", 100).is_none());
    }

    #[test]
    fn fallback_uses_phrase_without_page() {
        let e = fallback_error(503, None, Page::Other, None, 4096, 1024);
        assert_eq!((e.message.as_str(), e.retry.class()), ("Service Unavailable", crate::RetryClass::Transient));
        let e = fallback_error(599, None, Page::Text("  upstream   timed out\n"), None, 4096, 1024);
        assert_eq!((e.message.as_str(), e.retry.class()), ("upstream timed out", crate::RetryClass::Transient));
    }

    #[test]
    fn retry_after_in_the_past_is_zero() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(2_000_000_000);
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now), Some(Duration::ZERO));
    }
}
