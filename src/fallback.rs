//! The conclusion of a read: a body that reported no error under an error
//! status gives the one `http` fallback error (its message from the page:
//! an HTML title, a plain-text line, an unclaimed JSON message), a body
//! that broke off after errors were read keeps them, and the scan's answer
//! is said.

use crate::body::Head;
use crate::catalog;
use crate::emit::{Emitter, Halt};
use crate::entry::Scanned;
use crate::error::VendorError;
use crate::input::sniff::BodyKind;
use crate::parse_error::ParseError;
use crate::retry::{self, Evidence};
use crate::text::{Capped, collapse_whitespace};
use crate::vendor::{Code, Vendor};
use crate::vendors::{self, Response};

/// Longest page excerpt used as a fallback message.
const PAGE_EXCERPT_BYTES: usize = 200;

/// Applies the HTTP context: the fallback error when the body reported none
/// but the status is an error. (Classes and delays were decided by the
/// retry chain as each error was found, the status set as it was handed on.)
///
/// A body that broke off (`result` is an error) after errors were read
/// from it has those errors reported, and the break said in
/// [`Scanned::incomplete`]: they are real, and the break is no reason to
/// hide them.
pub(crate) fn conclude(
    out: &mut Emitter,
    result: Result<(), Halt>,
    head: &Head,
    prefix: &[u8],
    response: &Response<'_>,
) -> Result<Scanned, ParseError> {
    let opts = response.opts;
    let result = match result {
        Err(Halt::Stopped) => return Ok(scanned(out, true, None, response)),
        Err(Halt::Failed(e)) => Err(e),
        Ok(()) => Ok(()),
    };
    let status = opts.status;
    let error_status = status.filter(|s| *s >= 400);
    let limits = &opts.limits;
    let incomplete = match (result, error_status) {
        (Ok(()), _) if !out.is_empty() => None,
        (Ok(()), None) => None,
        (Err(broke), _) if !out.is_empty() => Some(broke),
        (Err(ParseError::Empty), None) if status.is_some() => None,
        (Err(e), None) => return Err(e),
        (outcome, Some(status)) => {
            let (page_message, cause) = match outcome {
                Ok(()) => (out.page_message.take(), None),
                Err(e) => (None, Some(e)),
            };
            let text = head.text(prefix);
            let page = match (&cause, head.kind, &page_message) {
                (Some(ParseError::Html { .. }), _, _) | (_, BodyKind::Html, _) => Page::Html(&text),
                (Some(ParseError::NotMarkup { .. }), BodyKind::Text(at), _) => Page::Text(&text[at..]),
                (None, _, Some(message)) => Page::Message(message),
                _ => Page::Other,
            };
            // A vendor header that names the error's code (AWS's
            // `x-amzn-ErrorType`, Azure's `x-ms-error-code`: a `HEAD`
            // response has no body) makes it that vendor's error.
            let excerpt = || page_excerpt(page, limits.max_message_bytes);
            let mut e = match vendors::header_error(response.ctx(), excerpt) {
                Some(mut e) => {
                    say_cause(&mut e, cause.as_ref(), limits.max_detail_bytes);
                    e
                }
                None => fallback_error(
                    status,
                    response.ctx().evidence(),
                    page,
                    cause.as_ref(),
                    limits.max_message_bytes,
                    limits.max_detail_bytes,
                ),
            };
            // A body cut short, or whose reading failed, may have said more.
            let broke = cause.filter(|c| matches!(c, ParseError::Truncated { .. } | ParseError::Io { .. }));
            e.incomplete = broke.is_some();
            let stopped = out.push(e).is_err();
            return Ok(scanned(out, stopped, broke, response));
        }
    };
    Ok(scanned(out, false, incomplete, response))
}

/// How a scan ended, from what its emitter saw.
fn scanned(out: &Emitter, stopped: bool, incomplete: Option<ParseError>, response: &Response<'_>) -> Scanned {
    let counted = out.counted();
    Scanned {
        handed: out.handed(),
        omitted: counted.count,
        omitted_retry: counted.retry,
        stopped,
        incomplete,
        notes: response.notes(),
    }
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
    response: Evidence<'_>,
    page: Page<'_>,
    cause: Option<&ParseError>,
    max_message: usize,
    max_detail: usize,
) -> VendorError {
    let entry = catalog::http::entry(status);
    let (message, truncated) = match page_excerpt(page, max_message) {
        Some(Capped { text, truncated }) => (text, truncated),
        None => (entry.map_or_else(|| format!("HTTP error {status}"), |e| e.name.to_owned()), false),
    };
    let retry = retry::decide(&Evidence { status: Some(status), ..response });
    let mut e = VendorError::new(Vendor::Http, Code::Num(i64::from(status)), message, retry);
    e.name = entry.map(|e| e.name.to_owned());
    e.http_status = Some(status);
    e.truncated = truncated;
    say_cause(&mut e, cause, max_detail);
    e
}

/// What the page gives as a message: an HTML title, the start of plain
/// text, an unclaimed JSON message.
fn page_excerpt(page: Page<'_>, max_message: usize) -> Option<Capped> {
    match page {
        Page::Html(html) => html_title(html, max_message.min(PAGE_EXCERPT_BYTES)),
        Page::Text(text) if is_printable(text) => Some(collapse_whitespace(text, max_message.min(PAGE_EXCERPT_BYTES))),
        Page::Message(text) => Some(collapse_whitespace(text, max_message)).filter(|k| !k.text.is_empty()),
        Page::Text(_) | Page::Other => None,
    }
}

/// Says in the error's detail why an XML or JSON body was not read (that
/// says something; "it was HTML" or "it was empty" does not).
fn say_cause(e: &mut VendorError, cause: Option<&ParseError>, max_detail: usize) {
    if let Some(cause) =
        cause.filter(|c| !matches!(c, ParseError::Empty | ParseError::Html { .. } | ParseError::NotMarkup { .. }))
    {
        let kept = collapse_whitespace(&format!("body not understood: {cause}"), max_detail);
        e.detail = Some(kept.text);
        e.truncated |= kept.truncated;
    }
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
        let e = fallback_error(503, Evidence::default(), Page::Other, None, 4096, 1024);
        assert_eq!((e.message.as_str(), e.retry.class()), ("Service Unavailable", crate::RetryClass::Transient));
        let e = fallback_error(599, Evidence::default(), Page::Text("  upstream   timed out\n"), None, 4096, 1024);
        assert_eq!((e.message.as_str(), e.retry.class()), ("upstream timed out", crate::RetryClass::Transient));
    }
}
