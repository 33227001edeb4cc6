//! The `profile` fuzz target: vendor profiles built from the input's first
//! bytes, then a body read with them. Shared like `fuzz_input.rs` (which the
//! including crate must also include, as `input`, at its root): the fuzz
//! crate includes this file by path, and `tests/regressions.rs` replays
//! `fuzz/regressions/profile/` (and every other input) through it on stable.
//!
//! # Byte layout
//!
//! Everything is read from the front, a byte at a time (missing bytes read
//! as 0), so that a fixed prefix in front of a body is a profile:
//!
//! ```text
//! mode      bits 0-2: how the profiles are given (see `run_profile`)
//!           bits 3-6: the built-in hint when the profiles give none: VendorHint::ALL[n] (auto past its end)
//!           bit 7:    the second profile is a description (1) or an example profile (0: one byte, n % 4)
//! profile A a description (below)
//! profile B only for the modes that give or name a second profile
//! context   as the hint targets: `Context` by `arbitrary` ("\0\0\0\0\0": no status, no headers, default limits)
//! body      the rest
//! ```
//!
//! A description:
//!
//! ```text
//! name      < 0xE0: VALID_NAMES[n % len]; < 0xF0: BAD_NAMES[n % len]; else a raw text of (n & 0x0F) bytes (one
//!           that could be a name is replaced by a valid one: names are interned for the life of the process)
//! h0        bits 0-1 namespaces, 2-3 roots, 4-5 json_keys (counts); bit 6 description; bit 7 [fault]
//! h1        bits 0-1 [[element]]s, 2-3 [[json]]s, 4-6 [codes] rows (7 reads as 6); bit 7: a mangle byte follows
//! [mangle]  < 0x40: n % 8 says what to spoil in the JSON text (MANGLES), and the profile must be refused
//! texts     the description, the namespaces, the roots, the json_keys
//! [fault]   flags (bit 0 code, 1 message, 2 retry_after_secs, 3 retry_after_ms), then those paths
//! element   at (text), flags (bit 0 code, 1 message, bits 2-3 severity: 0 none, 1-2 severity and
//!           errors_when, 3 only severity (bit 6 clear) or only errors_when (set); bit 4 retry_after_secs,
//!           5 retry_after_ms), the paths, the severity (text), errors_when (a count byte & 3, texts)
//! json      at (text), flags (bit 0 code, 1 message, 2 retry_after_secs, 3 retry_after_ms, bits 4-5: when
//!           conditions), the pointers, each condition: a pointer (text) and a value
//! code      the code (text), flags (bits 0-2: 0-3 permanent/transient/throttled/reauth, 4-7: a raw text
//!           class follows; bit 3 name, bit 4 description (texts follow); bit 5 written as a table)
//! text      < 0xE0: a word of the slot's list (PATHS, ROOTS, NAMESPACES, POINTERS, CONDITIONS, MEMBERS,
//!           SEVERITIES, CODES or OTHER) at n % len; < 0xF0: any word, the next byte (mod the count) picks it
//!           from WORDS (those lists, then INVALID and BAD_NAMES); else (n & 0x0F) raw bytes, lossy UTF-8
//! paths     bit 7 clear: one path (a text follows); set: a list of (n & 3) texts
//! value     n % 8: null, false, true, an i8, an i8 / 4 (a float), a text, [], {}
//! ```
//!
//! Each description is rendered as the JSON text of the profile's TOML
//! shape and built through serde (`ProfileSpec` and `Profile`), and, when the
//! builders can say it (no raw class, `severity` and `errors_when`
//! together, not mangled), through `Profile::builder`: both must give the
//! same profile or the same `ProfileError`, and never a panic.

use std::sync::{Arc, OnceLock};

use arbitrary::{Arbitrary, Unstructured};
use serde_json::Value;
use vendor_errors::profile::{CodeSpec, ElementSpec, FaultSpec, JsonSpec, Paths, ProfileSpec};
use vendor_errors::{Limits, Options, ParseError, Profile, ProfileError, Report, RetryClass, Vendor, VendorHint};

use crate::input::{Context, Input, check_both};

/// Valid vendor names: the example profiles', others, the longest allowed.
#[rustfmt::skip]
pub const VALID_NAMES: &[&str] = &[
    "acme",
    "adserver",
    "failures",
    "fulfil",
    "a",
    "x-y_z9",
    "globex",
    "a123456789012345678901234567890123456789012345678901234567890123",
];

/// Invalid vendor names: built-in names, bad syntax, one byte too long.
#[rustfmt::skip]
pub const BAD_NAMES: &[&str] = &[
    "",
    "Acme",
    "1acme",
    "-acme",
    "ac me",
    "acme!",
    "soap",
    "auto",
    "http",
    "json",
    "salesforce",
    "a1234567890123456789012345678901234567890123456789012345678901234",
    "été",
];

// What texts are drawn from, by the slot they fill: the local names,
// paths, namespaces, pointers, member names, severities and codes of the
// fixtures and the example profiles, valid where they are drawn for. A
// slot draws from its own list, or from all of them (`WORDS`, in this
// order, with the invalid ones last: `fuzz/seed.sh` reads these lists, one
// word a line with no `"` or `\`, to write its prefixes).

/// XML local names and paths (`[fault]`, `[[element]]`).
#[rustfmt::skip]
pub const PATHS: &[&str] = &[
    "Fault",
    "detail",
    "Detail",
    "faultcode",
    "faultstring",
    "Code",
    "Value",
    "Reason",
    "Text",
    "Message",
    "message",
    "code",
    "errorCode",
    "errors",
    "error",
    "reason",
    "status",
    "Id",
    "Level",
    "Summary",
    "WaitSeconds",
    "retryAfterSeconds",
    "BackOffMilliseconds",
    "ApiFault/errors/reason",
    "ApiFault/message",
    "ApiFault/errors/retryAfterSeconds",
    "ApiExceptionFault/errors/reason",
    "ApiExceptionFault/errors/errorString",
    "ApiExceptionFault/message",
    "ApiExceptionFault/errors/retryAfterSeconds",
    "Problems/Problem",
    "Problem",
    "Body/Fault",
    "Error/code",
    "LedgerFault/Code",
    "item/errors",
    "Add",
];

/// Document elements (`detect.roots`).
#[rustfmt::skip]
pub const ROOTS: &[&str] = &[
    "FulfilmentResult",
    "AcmeResult",
    "Envelope",
    "response",
    "Problems",
    "ListOrdersResponse",
    "html",
];

/// Namespace patterns (`detect.namespaces`).
#[rustfmt::skip]
pub const NAMESPACES: &[&str] = &[
    "urn:acme:billing:*",
    "urn:acme:billing:v1",
    "https://ads.example.com/apis/ads/publisher/*",
    "http://schemas.xmlsoap.org/soap/envelope/",
    "http://www.w3.org/2003/05/soap-envelope",
    "urn:example:*",
    "urn:example:ledger",
    "urn:*",
];

/// Absolute JSON pointers (`[[json]]` `at`).
#[rustfmt::skip]
pub const POINTERS: &[&str] = &[
    "",
    "/",
    "/failures/*",
    "/failures",
    "/errors/*",
    "/errors",
    "/error",
    "/*",
    "/*/*",
    "/acmeError",
    "/data/errors/*",
    "/a~1b",
];

/// Absolute JSON pointers with no `*` (`when`).
#[rustfmt::skip]
pub const CONDITIONS: &[&str] = &[
    "/ok",
    "/status",
    "/error",
    "/error/code",
    "/errors/0",
    "/acmeError",
    "/~0",
    "",
];

/// Member names and relative pointers (`detect.json_keys`, `[[json]]` paths).
#[rustfmt::skip]
pub const MEMBERS: &[&str] = &[
    "kind",
    "detail",
    "title",
    "wait",
    "waitMs",
    "code",
    "message",
    "error",
    "errors",
    "status",
    "/code",
    "/message",
    "extensions/code",
    "error/code",
    "failures",
    "acmeError",
    "ok",
    "0",
    "*",
    "~1",
];

/// Severities (`errors_when`).
#[rustfmt::skip]
pub const SEVERITIES: &[&str] = &[
    "error",
    "fatal",
    "warning",
    "ERROR",
    " error ",
];

/// Codes (`[codes]` keys).
#[rustfmt::skip]
pub const CODES: &[&str] = &[
    "E1001",
    "QUOTA_EXCEEDED",
    "SESSION_EXPIRED",
    "RATE_LIMITED",
    "EXCEEDED_QUOTA",
    "AUTHENTICATION_FAILED",
    "INTERNAL_API_ERROR",
    "NOT_FOUND",
    "TOKEN_EXPIRED",
    "BACKEND_DOWN",
    "INVALID_ITEM",
    "UNAUTHENTICATED",
    "1001",
    "2001",
    "9000",
    "418",
    "007",
    "7",
    "-7",
    "-0",
    "-",
    "99999999999999999999",
    "e1001",
    "Client",
    "Server",
    "soap:Server",
];

/// Anything else (descriptions, code names, classes written as text).
#[rustfmt::skip]
pub const OTHER: &[&str] = &[
    "QuotaExceeded",
    "Too many calls in the window.",
    "ACME Billing API",
    "permanent",
    "Throttled",
    "later",
];

/// Words invalid in most slots (reached through `WORDS`, or raw bytes).
#[rustfmt::skip]
pub const INVALID: &[&str] = &[
    "",
    " ",
    " 1",
    "*",
    "soap:Fault",
    "a//b",
    "/a/",
    "a/",
    "a b",
    "Problems/*",
    "urn:acme:*:v1",
    "failures/*",
    "/a~2b",
    "~",
];

/// Every word, in the order a byte picks them.
pub const WORDS: [&[&str]; 11] =
    [PATHS, ROOTS, NAMESPACES, POINTERS, CONDITIONS, MEMBERS, SEVERITIES, CODES, OTHER, INVALID, BAD_NAMES];

/// How many words there are (a byte picks one).
const WORD_COUNT: usize = {
    let mut n = 0;
    let mut i = 0;
    while i < WORDS.len() {
        n += WORDS[i].len();
        i += 1;
    }
    n
};
const _: () = assert!(WORD_COUNT <= 256, "too many words for a byte each");

/// What a mangle spoils in the JSON text, by its byte (`n % 8`); each makes
/// the text no profile.
pub const MANGLES: [&str; 8] = [
    "an unknown top-level key",
    "an unknown key in [detect]",
    "an unknown key in [fault], the first [[element]] or [[json]] (else top-level)",
    "vendor written as a number",
    "a [codes] row written as a number (else an unknown top-level key)",
    "a when table written as an array (else an unknown top-level key)",
    "a path written as a number",
    "the text cut in half",
];

/// The next byte, 0 when there is none.
fn byte(u: &mut Unstructured<'_>) -> u8 {
    u.arbitrary().unwrap_or(0)
}

/// `len` bytes (fewer when the input ends), as lossy UTF-8.
fn raw(u: &mut Unstructured<'_>, len: usize) -> String {
    let bytes = u.bytes(len.min(u.len())).unwrap_or_default();
    String::from_utf8_lossy(bytes).into_owned()
}

/// A text: a word of `kind` (n < 0xE0), any word (n from 0xE0, the next
/// byte picks it), or raw bytes (n from 0xF0).
fn text(u: &mut Unstructured<'_>, kind: &[&str]) -> String {
    match byte(u) {
        n @ 0..0xE0 => kind[usize::from(n) % kind.len()].to_owned(),
        0xE0..0xF0 => {
            let mut i = usize::from(byte(u)) % WORD_COUNT;
            for list in WORDS {
                match list.get(i) {
                    Some(word) => return (*word).to_owned(),
                    None => i -= list.len(),
                }
            }
            unreachable!("a word past the lists")
        }
        n => raw(u, usize::from(n & 0x0F)),
    }
}

/// `count` texts.
fn texts(u: &mut Unstructured<'_>, count: u8, kind: &[&str]) -> Vec<String> {
    (0..count).map(|_| text(u, kind)).collect()
}

/// True when `name` has the syntax of a profile name (as
/// `ProfileName::new` checks it, which would intern it).
fn name_syntax(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_lowercase())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

/// A vendor name: a valid one (n < 0xE0), an invalid one (n from 0xE0), or
/// raw bytes (n from 0xF0) that are no name: raw bytes that could be one
/// are replaced by a valid name, as names are interned for the life of the
/// process (at most 4096: the fuzzer would use them up).
fn name(u: &mut Unstructured<'_>) -> String {
    match byte(u) {
        n @ 0..0xE0 => VALID_NAMES[usize::from(n) % VALID_NAMES.len()].to_owned(),
        n @ 0xE0..0xF0 => BAD_NAMES[usize::from(n) % BAD_NAMES.len()].to_owned(),
        n => {
            let raw = raw(u, usize::from(n & 0x0F));
            if name_syntax(&raw) { VALID_NAMES[raw.len() % VALID_NAMES.len()].to_owned() } else { raw }
        }
    }
}

/// Paths (or pointers) as written: one string, or a list.
#[derive(Debug, Clone)]
pub enum PathsDesc {
    One(String),
    List(Vec<String>),
}

impl PathsDesc {
    fn read(u: &mut Unstructured<'_>, kind: &[&str]) -> PathsDesc {
        match byte(u) {
            n if n & 0x80 == 0 => PathsDesc::One(text(u, kind)),
            n => PathsDesc::List(texts(u, n & 3, kind)),
        }
    }

    /// Present when bit `bit` of `flags` is set.
    fn read_if(u: &mut Unstructured<'_>, flags: u8, bit: u8, kind: &[&str]) -> Option<PathsDesc> {
        (flags & (1 << bit) != 0).then(|| PathsDesc::read(u, kind))
    }

    fn paths(&self) -> Paths {
        match self {
            PathsDesc::One(one) => Paths::from(one.clone()),
            PathsDesc::List(all) => Paths::from(all.clone()),
        }
    }

    fn json(&self) -> Value {
        match self {
            PathsDesc::One(one) => Value::from(one.as_str()),
            PathsDesc::List(all) => Value::from(all.clone()),
        }
    }
}

/// `[fault]` as described.
#[derive(Debug, Clone)]
pub struct FaultDesc {
    code: Option<PathsDesc>,
    message: Option<PathsDesc>,
    secs: Option<PathsDesc>,
    ms: Option<PathsDesc>,
}

/// An `[[element]]` rule as described.
#[derive(Debug, Clone)]
pub struct ElementDesc {
    at: String,
    code: Option<PathsDesc>,
    message: Option<PathsDesc>,
    severity: Option<String>,
    errors_when: Option<Vec<String>>,
    secs: Option<PathsDesc>,
    ms: Option<PathsDesc>,
}

/// A `[[json]]` rule as described.
#[derive(Debug, Clone)]
pub struct JsonDesc {
    at: String,
    code: Option<PathsDesc>,
    message: Option<PathsDesc>,
    secs: Option<PathsDesc>,
    ms: Option<PathsDesc>,
    when: Vec<(String, Value)>,
}

/// A `[codes]` row as described.
#[derive(Debug, Clone)]
pub struct CodeDesc {
    code: String,
    /// A class, or a text written as one (mostly no class).
    class: Result<RetryClass, String>,
    name: Option<String>,
    description: Option<String>,
    table: bool,
}

/// A profile as the input describes it.
#[derive(Debug, Clone)]
pub struct ProfileDesc {
    vendor: String,
    description: Option<String>,
    namespaces: Vec<String>,
    roots: Vec<String>,
    json_keys: Vec<String>,
    fault: Option<FaultDesc>,
    elements: Vec<ElementDesc>,
    json: Vec<JsonDesc>,
    codes: Vec<CodeDesc>,
    mangle: Option<u8>,
}

/// A `when` value.
fn value(u: &mut Unstructured<'_>) -> Value {
    match byte(u) % 8 {
        0 => Value::Null,
        1 => Value::Bool(false),
        2 => Value::Bool(true),
        3 => Value::from(byte(u) as i8),
        4 => Value::from(f64::from(byte(u) as i8) / 4.0),
        5 => Value::from(text(u, MEMBERS)),
        6 => Value::Array(Vec::new()),
        _ => Value::Object(serde_json::Map::new()),
    }
}

impl ProfileDesc {
    /// Reads a description (see the module's byte layout).
    pub fn read(u: &mut Unstructured<'_>) -> ProfileDesc {
        let vendor = name(u);
        let h0 = byte(u);
        let h1 = byte(u);
        let mangle = if h1 & 0x80 != 0 { Some(byte(u)).filter(|&n| n < 0x40).map(|n| n % 8) } else { None };
        let description = (h0 & 0x40 != 0).then(|| text(u, OTHER));
        let namespaces = texts(u, h0 & 3, NAMESPACES);
        let roots = texts(u, (h0 >> 2) & 3, ROOTS);
        let json_keys = texts(u, (h0 >> 4) & 3, MEMBERS);
        let fault = (h0 & 0x80 != 0).then(|| {
            let flags = byte(u);
            FaultDesc {
                code: PathsDesc::read_if(u, flags, 0, PATHS),
                message: PathsDesc::read_if(u, flags, 1, PATHS),
                secs: PathsDesc::read_if(u, flags, 2, PATHS),
                ms: PathsDesc::read_if(u, flags, 3, PATHS),
            }
        });
        let elements = (0..h1 & 3)
            .map(|_| {
                let at = text(u, PATHS);
                let flags = byte(u);
                let code = PathsDesc::read_if(u, flags, 0, PATHS);
                let message = PathsDesc::read_if(u, flags, 1, PATHS);
                let (severity, errors_when) = match (flags >> 2) & 3 {
                    0 => (false, false),
                    1 | 2 => (true, true),
                    _ => (flags & 0x40 == 0, flags & 0x40 != 0),
                };
                let severity = severity.then(|| text(u, PATHS));
                let errors_when = errors_when.then(|| {
                    let count = byte(u) & 3;
                    texts(u, count, SEVERITIES)
                });
                let secs = PathsDesc::read_if(u, flags, 4, PATHS);
                let ms = PathsDesc::read_if(u, flags, 5, PATHS);
                ElementDesc { at, code, message, severity, errors_when, secs, ms }
            })
            .collect();
        let json = (0..(h1 >> 2) & 3)
            .map(|_| {
                let at = text(u, POINTERS);
                let flags = byte(u);
                let code = PathsDesc::read_if(u, flags, 0, MEMBERS);
                let message = PathsDesc::read_if(u, flags, 1, MEMBERS);
                let secs = PathsDesc::read_if(u, flags, 2, MEMBERS);
                let ms = PathsDesc::read_if(u, flags, 3, MEMBERS);
                let when = (0..(flags >> 4) & 3).map(|_| (text(u, CONDITIONS), value(u))).collect();
                JsonDesc { at, code, message, secs, ms, when }
            })
            .collect();
        let codes = (0..((h1 >> 4) & 7).min(6))
            .map(|_| {
                let code = text(u, CODES);
                let flags = byte(u);
                let class = match flags & 7 {
                    0 => Ok(RetryClass::Permanent),
                    1 => Ok(RetryClass::Transient),
                    2 => Ok(RetryClass::Throttled),
                    3 => Ok(RetryClass::Reauth),
                    _ => Err(text(u, OTHER)),
                };
                let name = (flags & 8 != 0).then(|| text(u, OTHER));
                let description = (flags & 16 != 0).then(|| text(u, OTHER));
                CodeDesc { code, class, name, description, table: flags & 32 != 0 }
            })
            .collect();
        ProfileDesc { vendor, description, namespaces, roots, json_keys, fault, elements, json, codes, mangle }
    }

    /// The profile as the builders say it; `None` when they cannot (a class
    /// that is none, `severity` without `errors_when` or the other way
    /// round) or when the JSON text is mangled.
    pub fn spec(&self) -> Option<ProfileSpec> {
        if self.mangle.is_some() {
            return None;
        }
        let mut spec = Profile::builder(self.vendor.clone());
        if let Some(text) = &self.description {
            spec = spec.description(text.clone());
        }
        for ns in &self.namespaces {
            spec = spec.detect_namespace(ns.clone());
        }
        for root in &self.roots {
            spec = spec.detect_root(root.clone());
        }
        for key in &self.json_keys {
            spec = spec.detect_json_key(key.clone());
        }
        if let Some(f) = &self.fault {
            let mut rule = FaultSpec::new();
            if let Some(p) = &f.code {
                rule = rule.code(p.paths());
            }
            if let Some(p) = &f.message {
                rule = rule.message(p.paths());
            }
            if let Some(p) = &f.secs {
                rule = rule.retry_after_secs(p.paths());
            }
            if let Some(p) = &f.ms {
                rule = rule.retry_after_ms(p.paths());
            }
            spec = spec.fault(rule);
        }
        for e in &self.elements {
            let mut rule = ElementSpec::at(e.at.clone());
            if let Some(p) = &e.code {
                rule = rule.code(p.paths());
            }
            if let Some(p) = &e.message {
                rule = rule.message(p.paths());
            }
            match (&e.severity, &e.errors_when) {
                (None, None) => {}
                (Some(path), Some(values)) => rule = rule.severity(path.clone(), values.clone()),
                _ => return None,
            }
            if let Some(p) = &e.secs {
                rule = rule.retry_after_secs(p.paths());
            }
            if let Some(p) = &e.ms {
                rule = rule.retry_after_ms(p.paths());
            }
            spec = spec.element(rule);
        }
        for j in &self.json {
            let mut rule = JsonSpec::at(j.at.clone());
            if let Some(p) = &j.code {
                rule = rule.code(p.paths());
            }
            if let Some(p) = &j.message {
                rule = rule.message(p.paths());
            }
            if let Some(p) = &j.secs {
                rule = rule.retry_after_secs(p.paths());
            }
            if let Some(p) = &j.ms {
                rule = rule.retry_after_ms(p.paths());
            }
            for (pointer, value) in &j.when {
                rule = rule.when(pointer.clone(), value.clone());
            }
            spec = spec.json(rule);
        }
        for c in &self.codes {
            let mut row = CodeSpec::new(*c.class.as_ref().ok()?);
            if let Some(name) = &c.name {
                row = row.name(name.clone());
            }
            if let Some(text) = &c.description {
                row = row.description(text.clone());
            }
            spec = spec.code(c.code.clone(), row);
        }
        Some(spec)
    }

    /// The profile as JSON text in the TOML shape (keys in the order
    /// described, repeated keys kept), mangled when the description says.
    pub fn json_text(&self) -> String {
        let mut top = Obj::default();
        top.push("vendor", Value::from(self.vendor.as_str()));
        if let Some(text) = &self.description {
            top.push("description", Value::from(text.as_str()));
        }
        let mut detect = Obj::default();
        for (key, list) in [("namespaces", &self.namespaces), ("roots", &self.roots), ("json_keys", &self.json_keys)] {
            if !list.is_empty() {
                detect.push(key, Value::from(list.clone()));
            }
        }
        let mangle = self.mangle;
        if mangle == Some(1) {
            detect.push("colour", Value::from("blue"));
        }
        if !detect.0.is_empty() {
            top.push_raw("detect", detect.text());
        }
        // Where a mangle in a rule went (else it goes top-level).
        let mut mangled = false;
        if let Some(f) = &self.fault {
            let mut fault = Obj::default();
            push_paths(&mut fault, "code", f.code.as_ref());
            push_paths(&mut fault, "message", f.message.as_ref());
            push_paths(&mut fault, "retry_after_secs", f.secs.as_ref());
            push_paths(&mut fault, "retry_after_ms", f.ms.as_ref());
            mangled |= mangle_rule(&mut fault, mangle);
            top.push_raw("fault", fault.text());
        }
        if !self.elements.is_empty() {
            let mut items = Vec::new();
            for e in &self.elements {
                let mut rule = Obj::default();
                rule.push("at", Value::from(e.at.as_str()));
                push_paths(&mut rule, "code", e.code.as_ref());
                push_paths(&mut rule, "message", e.message.as_ref());
                if let Some(path) = &e.severity {
                    rule.push("severity", Value::from(path.as_str()));
                }
                if let Some(values) = &e.errors_when {
                    rule.push("errors_when", Value::from(values.clone()));
                }
                push_paths(&mut rule, "retry_after_secs", e.secs.as_ref());
                push_paths(&mut rule, "retry_after_ms", e.ms.as_ref());
                if !mangled {
                    mangled |= mangle_rule(&mut rule, mangle);
                }
                items.push(rule.text());
            }
            top.push_raw("element", format!("[{}]", items.join(",")));
        }
        if !self.json.is_empty() {
            let mut items = Vec::new();
            for j in &self.json {
                let mut rule = Obj::default();
                rule.push("at", Value::from(j.at.as_str()));
                push_paths(&mut rule, "code", j.code.as_ref());
                push_paths(&mut rule, "message", j.message.as_ref());
                push_paths(&mut rule, "retry_after_secs", j.secs.as_ref());
                push_paths(&mut rule, "retry_after_ms", j.ms.as_ref());
                if !j.when.is_empty() {
                    if mangle == Some(5) && !mangled {
                        mangled = true;
                        let pairs: Vec<Value> =
                            j.when.iter().map(|(p, v)| Value::from(vec![Value::from(p.as_str()), v.clone()])).collect();
                        rule.push("when", Value::from(pairs));
                    } else {
                        let mut when = Obj::default();
                        for (pointer, value) in &j.when {
                            when.push(pointer, value.clone());
                        }
                        rule.push_raw("when", when.text());
                    }
                }
                if !mangled {
                    mangled |= mangle_rule(&mut rule, mangle);
                }
                items.push(rule.text());
            }
            top.push_raw("json", format!("[{}]", items.join(",")));
        }
        if !self.codes.is_empty() {
            let mut codes = Obj::default();
            for c in &self.codes {
                let class = match &c.class {
                    Ok(class) => class.as_str().to_owned(),
                    Err(text) => text.clone(),
                };
                if mangle == Some(4) && !mangled {
                    mangled = true;
                    codes.push(&c.code, Value::from(4));
                } else if c.table || c.name.is_some() || c.description.is_some() {
                    let mut row = Obj::default();
                    row.push("retry", Value::from(class));
                    if let Some(name) = &c.name {
                        row.push("name", Value::from(name.as_str()));
                    }
                    if let Some(text) = &c.description {
                        row.push("description", Value::from(text.as_str()));
                    }
                    codes.push_raw(&c.code, row.text());
                } else {
                    codes.push(&c.code, Value::from(class));
                }
            }
            top.push_raw("codes", codes.text());
        }
        match mangle {
            Some(3) => top.0[0].1 = "7".to_owned(),
            Some(0 | 2 | 4 | 5 | 6) if !mangled => top.push("colour", Value::from("blue")),
            _ => {}
        }
        let text = top.text();
        if mangle == Some(7) {
            let mut cut = text.len() / 2;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            return text[..cut].to_owned();
        }
        text
    }
}

/// A JSON object as text, its members in the order pushed (repeated keys
/// kept, as a TOML file cannot but a JSON text can).
#[derive(Default)]
struct Obj(Vec<(String, String)>);

impl Obj {
    fn push(&mut self, key: &str, value: Value) {
        self.push_raw(key, value.to_string());
    }

    fn push_raw(&mut self, key: &str, text: String) {
        self.0.push((Value::from(key).to_string(), text));
    }

    fn text(&self) -> String {
        let members: Vec<String> = self.0.iter().map(|(k, v)| format!("{k}:{v}")).collect();
        format!("{{{}}}", members.join(","))
    }
}

fn push_paths(obj: &mut Obj, key: &str, paths: Option<&PathsDesc>) {
    if let Some(paths) = paths {
        obj.push(key, paths.json());
    }
}

/// Spoils a rule's table as mangles 2 (an unknown key) and 6 (a path
/// written as a number) do; true when it did.
fn mangle_rule(rule: &mut Obj, mangle: Option<u8>) -> bool {
    match mangle {
        Some(2) => rule.push("colour", Value::from("blue")),
        Some(6) => rule.push("code", Value::from(6)),
        _ => return false,
    }
    true
}

/// Builds the profile `desc` describes every way it can be built, and
/// checks that the ways agree; the profile, or `None` when it is refused.
pub fn build(desc: &ProfileDesc) -> Option<Profile> {
    let text = desc.json_text();
    let spec = serde_json::from_str::<ProfileSpec>(&text);
    let direct = serde_json::from_str::<Profile>(&text);
    if let Some(mangle) = desc.mangle {
        let why = MANGLES[usize::from(mangle)];
        assert!(spec.is_err(), "a profile with {why} was read: {text}");
        assert!(direct.is_err(), "a profile with {why} was read: {text}");
        return None;
    }
    let spec = spec.unwrap_or_else(|e| panic!("a well-formed profile did not read: {e}: {text}"));
    let built = spec.build();
    match (&built, &direct) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "ProfileSpec::build and Deserialize for Profile disagree"),
        (Err(a), Err(b)) => {
            let (a, b) = (a.to_string(), b.to_string());
            assert!(b.starts_with(&a), "ProfileSpec::build and Deserialize for Profile disagree: {a} / {b}");
        }
        (a, b) => panic!("ProfileSpec::build and Deserialize for Profile disagree: {a:?} / {b:?}"),
    }
    if let Some(spec) = desc.spec() {
        assert_eq!(spec.build(), built, "the builders and serde disagree on {text}");
    }
    match built {
        Ok(profile) => {
            check_profile(&profile, &desc.vendor);
            Some(profile)
        }
        Err(e) => {
            check_error(&e);
            None
        }
    }
}

/// What any profile keeps: its name as written, its vendor and hint, and
/// every `[codes]` row found by its code (and by its name).
pub fn check_profile(profile: &Profile, vendor: &str) {
    assert_eq!(profile.name().as_str(), vendor);
    assert_eq!(profile.vendor(), Vendor::Profile(profile.name()));
    assert_eq!(profile.hint(), VendorHint::Profile(profile.name()));
    assert_eq!(vendor.parse::<VendorHint>().ok(), Some(profile.hint()));
    assert_eq!(vendor.parse::<Vendor>().ok(), Some(profile.vendor()));
    for row in profile.codes() {
        let found = profile.entry(&row.code).unwrap_or_else(|| panic!("code {} not found", row.code));
        assert!(std::ptr::eq(found, row), "code {} finds code {}", row.code, found.code);
        let looked = profile.lookup(&row.code.to_string()).unwrap_or_else(|| panic!("code {} not looked up", row.code));
        assert!(std::ptr::eq(looked, row), "looking code {} up finds code {}", row.code, looked.code);
        if let Some(name) = row.name.as_deref().filter(|n| !n.is_empty() && n.trim() == *n) {
            assert!(profile.lookup(name).is_some(), "name {name:?} not looked up");
        }
    }
}

/// What any profile error keeps: a reason, and a key written as TOML
/// writes it (empty only for the profile as a whole).
fn check_error(e: &ProfileError) {
    assert!(!e.reason().is_empty(), "{e:?} gives no reason");
    let key = e.key();
    assert_eq!(key.is_empty(), e.key_path().is_empty(), "{e:?} has the key {key:?}");
    let shown = e.to_string();
    assert!(shown.ends_with(e.reason()) && shown.starts_with(&key), "{e:?} is shown as {shown:?}");
}

/// Every error a profile reported names a profile given.
pub fn check_vendors(answer: &Result<Report, ParseError>, given: &[Arc<Profile>]) {
    let Ok(report) = answer else { return };
    for e in &report.errors {
        if let Vendor::Profile(name) = e.vendor {
            assert!(given.iter().any(|p| p.name() == name), "an error of {name}, a profile not given");
        }
    }
}

/// The example profiles (`fixtures/profiles/*.toml`, built in code: the
/// fuzz crate reads no TOML), in the order acme, adserver, failures, fulfil.
pub fn examples() -> &'static [Arc<Profile>] {
    static EXAMPLES: OnceLock<Vec<Arc<Profile>>> = OnceLock::new();
    EXAMPLES.get_or_init(|| {
        let acme = Profile::builder("acme")
            .description("ACME Billing API")
            .detect_namespace("urn:acme:billing:*")
            .detect_root("AcmeResult")
            .detect_json_key("acmeError")
            .fault(
                FaultSpec::new()
                    .code(["ApiFault/errors/reason", "errorCode"])
                    .message(["ApiFault/message"])
                    .retry_after_secs(["ApiFault/errors/retryAfterSeconds"]),
            )
            .element(
                ElementSpec::at("Problems/Problem")
                    .code("Id")
                    .message(["Text", "Summary"])
                    .severity("Level", ["error", "fatal"])
                    .retry_after_secs("WaitSeconds"),
            )
            .json(
                JsonSpec::at("/failures/*").code("kind").message("detail").retry_after_secs("wait").when("/ok", false),
            )
            .code("E1001", RetryClass::Permanent)
            .code(
                "QUOTA_EXCEEDED",
                CodeSpec::new(RetryClass::Throttled).name("QuotaExceeded").description("Too many calls in the window."),
            )
            .code("SESSION_EXPIRED", RetryClass::Reauth);
        let adserver = Profile::builder("adserver")
            .description("Ad server SOAP API (ApiExceptionFault details)")
            .detect_namespace("https://ads.example.com/apis/ads/publisher/*")
            .fault(
                FaultSpec::new()
                    .code(["ApiExceptionFault/errors/reason", "ApiExceptionFault/errors/errorString"])
                    .message("ApiExceptionFault/message")
                    .retry_after_secs("ApiExceptionFault/errors/retryAfterSeconds"),
            )
            .code(
                "EXCEEDED_QUOTA",
                CodeSpec::new(RetryClass::Throttled)
                    .name("QuotaError.EXCEEDED_QUOTA")
                    .description("Too many requests in the quota window: wait and retry."),
            )
            .code(
                "AUTHENTICATION_FAILED",
                CodeSpec::new(RetryClass::Reauth)
                    .name("AuthenticationError.AUTHENTICATION_FAILED")
                    .description("The credentials were refused: authenticate again."),
            )
            .code(
                "INTERNAL_API_ERROR",
                CodeSpec::new(RetryClass::Transient)
                    .name("InternalApiError.UNEXPECTED_INTERNAL_API_ERROR")
                    .description("The server failed: retry with backoff."),
            )
            .code("NOT_FOUND", RetryClass::Permanent);
        let failures = Profile::builder("failures")
            .description("JSON API with a failures array")
            .detect_json_key("failures")
            .json(
                JsonSpec::at("/failures/*")
                    .code("kind")
                    .message(["detail", "title"])
                    .retry_after_ms("waitMs")
                    .when("/ok", false),
            )
            .code(
                "RATE_LIMITED",
                CodeSpec::new(RetryClass::Throttled)
                    .name("RateLimited")
                    .description("Too many calls: wait for waitMs."),
            )
            .code("TOKEN_EXPIRED", RetryClass::Reauth)
            .code("BACKEND_DOWN", RetryClass::Transient)
            .code("INVALID_ITEM", RetryClass::Permanent);
        let fulfil = Profile::builder("fulfil")
            .description("Fulfilment XML API")
            .detect_root("FulfilmentResult")
            .detect_namespace("urn:example:fulfil*")
            .element(
                ElementSpec::at("Problems/Problem")
                    .code("Id")
                    .message(["Text", "Summary"])
                    .severity("Level", ["error", "fatal"])
                    .retry_after_secs("WaitSeconds"),
            )
            .code(
                "1001",
                CodeSpec::new(RetryClass::Permanent).name("OutOfStock").description("The item is out of stock."),
            )
            .code(
                "2001",
                CodeSpec::new(RetryClass::Throttled)
                    .name("WarehouseBusy")
                    .description("The warehouse takes no more orders for now: retry after the wait."),
            )
            .code("9000", RetryClass::Transient);
        [acme, adserver, failures, fulfil]
            .into_iter()
            .map(|spec| Arc::new(spec.build().expect("an example profile builds")))
            .collect()
    })
}

/// The second profile: described, or an example.
enum Second {
    Described(Box<ProfileDesc>),
    Example(u8),
}

/// The `profile` target (see the module's byte layout). The profiles are
/// given as `mode & 7` says:
///
/// | mode | profiles given | hint |
/// |---|---|---|
/// | 0 | A | the built-in hint |
/// | 1 | A twice (one `Arc`) | the built-in hint |
/// | 2 | A, then B | the built-in hint |
/// | 3 | B, then A | the built-in hint |
/// | 4 | A | A's |
/// | 5 | A, then B | B's |
/// | 6 | A | B's (B not given) |
/// | 7 | A twice (two copies) | A's |
pub fn run_profile(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let mode = byte(&mut u);
    let a = ProfileDesc::read(&mut u);
    let b = matches!(mode & 7, 2 | 3 | 5 | 6).then(|| {
        if mode & 0x80 != 0 {
            Second::Described(Box::new(ProfileDesc::read(&mut u)))
        } else {
            Second::Example(byte(&mut u))
        }
    });
    let Ok(context) = Context::arbitrary(&mut u) else { return };
    let input = Input { context, body: u.take_rest() };
    let Some(a) = build(&a).map(Arc::new) else { return };
    let b = match b {
        None => None,
        Some(Second::Example(n)) => Some(Arc::clone(&examples()[usize::from(n) % examples().len()])),
        Some(Second::Described(desc)) => match build(&desc) {
            Some(b) => Some(Arc::new(b)),
            None => return,
        },
    };
    let hint = VendorHint::ALL.get(usize::from((mode >> 3) & 15)).copied().unwrap_or(VendorHint::Auto);
    let (given, hint) = match (mode & 7, b) {
        (1, _) => (vec![Arc::clone(&a), a], hint),
        (2, Some(b)) => (vec![a, b], hint),
        (3, Some(b)) => (vec![b, a], hint),
        (4, _) => (vec![Arc::clone(&a)], a.hint()),
        (5, Some(b)) => (vec![a, Arc::clone(&b)], b.hint()),
        (6, Some(b)) => (vec![a], b.hint()),
        (7, _) => (vec![Arc::clone(&a), Arc::new(Profile::clone(&a))], a.hint()),
        _ => (vec![a], hint),
    };
    let mut opts = input.options(hint);
    for profile in &given {
        opts = opts.profile(Arc::clone(profile));
    }
    let answer = check_both(input.body, &opts, &input.limits(), input.context.chunk);
    check_vendors(&answer, &given);
}

/// `body` read with the example profiles given (with and without HTTP
/// status 500), under `auto` and under each example's hint.
pub fn check_with_examples(body: &[u8]) {
    let hints = std::iter::once(VendorHint::Auto).chain(examples().iter().map(|p| p.hint()));
    for hint in hints {
        for status in [None, Some(500)] {
            let mut opts = Options::new().vendor(hint);
            if let Some(status) = status {
                opts = opts.status(status);
            }
            for profile in examples() {
                opts = opts.profile(Arc::clone(profile));
            }
            let answer = check_both(body, &opts, &Limits::default(), 7);
            check_vendors(&answer, examples());
        }
    }
}
