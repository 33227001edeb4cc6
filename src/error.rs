//! [`VendorError`]: one error found in a response, whoever reported it.

use std::fmt;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::retry::{Retry, RetryClass};
use crate::vendor::{Code, Vendor};

/// One error found in a response body (or, failing that, in its HTTP status).
///
/// The four fields every caller needs are `vendor`, `code`, `message` and
/// [`retryable()`](Self::retryable) (from [`retry`](Self::retry)); the rest is
/// context, set where the body or the response says it.
///
/// Serializes to the flat JSON object of the CLI contract (`vendor`, `code`,
/// `message`, `retryable`, `retry`, then the known optional fields), and
/// deserializes from it.
///
/// ```
/// use vendor_errors::{Code, Retry, Vendor, VendorError};
///
/// let e = VendorError::new(Vendor::Soap, Code::from("Server"), "Database down", Retry::Transient { after: None });
/// assert!(e.retryable());
/// assert_eq!(e.to_string(), "soap error Server: Database down");
/// let json = serde_json::to_string(&e).unwrap();
/// assert_eq!(json, r#"{"vendor":"soap","code":"Server","message":"Database down","retryable":true,"retry":"transient"}"#);
/// assert_eq!(serde_json::from_str::<VendorError>(&json).unwrap(), e);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "WireError", from = "WireError")]
#[non_exhaustive]
pub struct VendorError {
    /// Who reported the error.
    pub vendor: Vendor,
    /// The vendor's code: numeric where the vendor's codes are numbers.
    pub code: Code,
    /// Human text: unescaped and trimmed; from the vendor's catalog when the body has none.
    pub message: String,
    /// What the caller may do about it.
    pub retry: Retry,
    /// The catalog's symbolic name for the code (`SoapErrorInvalidSessionKey`).
    pub name: Option<String>,
    /// The HTTP status the response came with, when the caller gave it.
    pub http_status: Option<u16>,
    /// The SOAP fault code exactly as written (`SOAP-ENV:9`, `env:Sender`).
    pub fault_code: Option<String>,
    /// SOAP 1.2 `Subcode/Value` local names, outermost first.
    pub subcodes: Vec<String>,
    /// SOAP 1.1 `faultactor`.
    pub actor: Option<String>,
    /// SOAP 1.2 `Node`.
    pub node: Option<String>,
    /// SOAP 1.2 `Role`.
    pub role: Option<String>,
    /// `xml:lang` of the message, when the body gave one.
    pub lang: Option<String>,
    /// Every SOAP 1.2 `Reason/Text`, when there is more than one (the message is one of them).
    pub reasons: Vec<LangText>,
    /// The command element that failed (OpenAir `Add`, `Read`, ...).
    pub command: Option<String>,
    /// 0-based position of the failed command or result in a batch.
    pub index: Option<u32>,
    /// Short text from the fault detail or error body, for logs.
    pub detail: Option<String>,
    /// True when the message or detail was cut at [`Limits`](crate::Limits).
    pub truncated: bool,
    /// True when the code reports a state rather than a failure (Marketo's
    /// "stream at end"): the request did what it could.
    pub informational: bool,
    /// True when the error was read from a body that broke off (or turned
    /// malformed, or whose reading failed) after the error's code and message:
    /// the error is real, but the body may have held more. `detail` says
    /// where and how it broke; [`Report::incomplete`](crate::Report::incomplete)
    /// holds the break itself.
    pub incomplete: bool,
}

/// A text and its `xml:lang`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LangText {
    /// The language tag as written (`en`, `en-US`, `de`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The text, trimmed.
    pub text: String,
}

impl VendorError {
    /// An error with the four essentials and no context.
    pub fn new(vendor: Vendor, code: Code, message: impl Into<String>, retry: Retry) -> Self {
        VendorError {
            vendor,
            code,
            message: message.into(),
            retry,
            name: None,
            http_status: None,
            fault_code: None,
            subcodes: Vec::new(),
            actor: None,
            node: None,
            role: None,
            lang: None,
            reasons: Vec::new(),
            command: None,
            index: None,
            detail: None,
            truncated: false,
            informational: false,
            incomplete: false,
        }
    }

    /// True exactly when [`retry`](Self::retry) is not permanent.
    pub const fn retryable(&self) -> bool {
        self.retry.retryable()
    }

    /// The delay the server asked for (`Retry-After`), when it gave one.
    pub const fn retry_after(&self) -> Option<Duration> {
        self.retry.after()
    }
}

impl fmt::Display for VendorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} error {}: {}", self.vendor, self.code, self.message)
    }
}

impl std::error::Error for VendorError {}

/// The flat JSON shape of the CLI contract.
#[derive(Serialize, Deserialize)]
struct WireError {
    vendor: Vendor,
    code: Code,
    message: String,
    #[serde(default)]
    retryable: bool,
    retry: RetryClass,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    retry_after_secs: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    http_status: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    fault_code: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    subcodes: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    actor: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    node: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    lang: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    reasons: Vec<LangText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    command: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    index: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    truncated: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    informational: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    incomplete: bool,
}

impl From<VendorError> for WireError {
    fn from(e: VendorError) -> Self {
        WireError {
            vendor: e.vendor,
            code: e.code,
            message: e.message,
            retryable: e.retry.retryable(),
            retry: e.retry.class(),
            name: e.name,
            retry_after_secs: e.retry.after_secs(),
            http_status: e.http_status,
            fault_code: e.fault_code,
            subcodes: e.subcodes,
            actor: e.actor,
            node: e.node,
            role: e.role,
            lang: e.lang,
            reasons: e.reasons,
            command: e.command,
            index: e.index,
            detail: e.detail,
            truncated: e.truncated,
            informational: e.informational,
            incomplete: e.incomplete,
        }
    }
}

impl From<WireError> for VendorError {
    fn from(w: WireError) -> Self {
        let mut retry = Retry::from(w.retry);
        if let Some(secs) = w.retry_after_secs {
            retry = retry.with_after(Duration::from_secs(secs));
        }
        VendorError {
            vendor: w.vendor,
            code: w.code,
            message: w.message,
            retry,
            name: w.name,
            http_status: w.http_status,
            fault_code: w.fault_code,
            subcodes: w.subcodes,
            actor: w.actor,
            node: w.node,
            role: w.role,
            lang: w.lang,
            reasons: w.reasons,
            command: w.command,
            index: w.index,
            detail: w.detail,
            truncated: w.truncated,
            informational: w.informational,
            incomplete: w.incomplete,
        }
    }
}
