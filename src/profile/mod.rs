//! Vendor profiles: a vendor this crate does not know, taught without code.
//!
//! A [`Profile`] says how to recognise the vendor's bodies, where its code,
//! message and delay are, and what its codes mean. Errors a profile finds
//! carry [`Vendor::Profile`] with the profile's name. Give profiles to
//! [`Options::profile`](crate::Options::profile); the `vendor-errors`
//! command line reads them from TOML files (`--profile FILE`).
//!
//! ```toml
//! vendor = "acme"                        # the name its errors carry: [a-z][a-z0-9_-]*, not a built-in name
//! description = "ACME Billing API"       # optional
//!
//! [detect]                               # under VendorHint::Auto the profile claims a body when any signal is present
//! namespaces = ["urn:acme:billing:*"]    # namespace URI of any element read; a trailing * matches any rest
//! roots = ["AcmeResult"]                 # local name of the document element (XML that is not SOAP)
//! json_keys = ["acmeError"]              # a member of the top-level JSON object
//!
//! [fault]                                # a SOAP fault whose detail holds the vendor's code
//! code = ["ApiFault/errors/reason", "errorCode"]   # detail paths; the first present wins
//! message = ["ApiFault/message"]         # optional: else the fault's faultstring / Reason
//! retry_after_secs = ["ApiFault/errors/retryAfterSeconds"]   # optional (also retry_after_ms)
//!
//! [[element]]                            # in-band errors in XML: each element matching `at` is one error
//! at = "Problems/Problem"                # a local-name path matched as a suffix, at any depth
//! code = "Id"                            # paths below the matched element; a list: the first present wins
//! message = ["Text", "Summary"]
//! severity = "Level"                     # optional: an element is an error only when this child's text...
//! errors_when = ["error", "fatal"]       # ...is one of these (compared case-insensitively)
//! retry_after_secs = "WaitSeconds"       # optional (also retry_after_ms)
//!
//! [[json]]                               # in-band errors in JSON: each value matching `at` is one error
//! at = "/failures/*"                     # a JSON Pointer; * matches every array index or object member
//! code = "kind"                          # pointers relative to the matched value (a leading / is optional)
//! message = "detail"
//! retry_after_secs = "wait"
//! when = { "/ok" = false }               # optional: pointers into the whole document and the values they must hold
//!
//! [codes]                                # the catalog: code -> class, or a table with retry, name, description
//! E1001 = "permanent"
//! QUOTA_EXCEEDED = { retry = "throttled", name = "QuotaExceeded", description = "Too many calls in the window." }
//! SESSION_EXPIRED = "reauth"
//! ```
//!
//! # Reading and building
//!
//! [`Profile`] deserializes with serde from that shape, whatever the
//! format (this library depends on no TOML parser: use the `toml` crate,
//! `serde_json`, ...). Deserializing reads a [`ProfileSpec`] (unknown keys
//! are errors) and validates it: the result is a checked, compiled profile,
//! or an error naming the key (`element[1].at: invalid path
//! "Problems//Problem": empty segment`). To get that error as a
//! [`ProfileError`] (with [`ProfileError::key_path`]) rather than a
//! format's message, deserialize a [`ProfileSpec`] and
//! [`build`](ProfileSpec::build) it. In code, start from
//! [`Profile::builder`]. With the feature `profile-files` (on with `cli`),
//! `load_files` reads TOML files as the CLI's `--profile` does, with its
//! one-line errors (`ProfileFileError`: the file, the line, the key).
//!
//! ```
//! use vendor_errors::{Code, Profile, RetryClass};
//!
//! let toml = r#"
//! vendor = "acme"
//! [[json]]
//! at = "/failures/*"
//! code = "kind"
//! [codes]
//! QUOTA_EXCEEDED = { retry = "throttled", name = "QuotaExceeded" }
//! "#;
//! let profile: Profile = toml::from_str(toml)?;
//! assert_eq!(profile.entry(&Code::from("QUOTA_EXCEEDED")).unwrap().retry, RetryClass::Throttled);
//!
//! let same: Profile = serde_json::from_str(r#"{"vendor": "acme", "json": [{"at": "/failures/*", "code": "kind"}],
//!     "codes": {"QUOTA_EXCEEDED": {"retry": "throttled", "name": "QuotaExceeded"}}}"#)?;
//! assert_eq!(same, profile);
//!
//! let err = serde_json::from_str::<Profile>(r#"{"vendor": "acme", "json": [{"at": "failures", "code": "kind"}]}"#);
//! assert!(err.unwrap_err().to_string().starts_with(r#"json[0].at: invalid pointer "failures": must start with '/'"#));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Validation
//!
//! - `vendor`: a [`ProfileName`] (`[a-z][a-z0-9_-]*`, at most 64 bytes, no
//!   built-in vendor or hint name).
//! - `detect.namespaces`: a namespace URI, or a prefix followed by `*`
//!   (`*` alone, which would claim every body, is an error); `detect.roots`:
//!   local names; `detect.json_keys`: non-empty member names.
//! - XML paths (`at`, `code`, `message`, `severity`, `retry_after_*` of
//!   `[fault]` and `[[element]]`): local names joined by `/`, no empty
//!   segment, no prefix (`soap:Fault` is an error: names are matched
//!   without their namespace).
//! - JSON pointers: RFC 6901 (`~0` is `~`, `~1` is `/`, any other `~` is an
//!   error) where a `*` segment is every array element or object member;
//!   `at` and the `when` pointers start with `/` (or are empty: the whole
//!   document); `code`, `message` and `retry_after_*` are relative (the
//!   leading `/` optional). `when` pointers have no `*`.
//! - A path or pointer list may not be empty. An `[[element]]` or `[[json]]`
//!   rule needs a `code` or a `message`; `severity` and `errors_when` go
//!   together.
//! - `[codes]`: keys are codes as written, numbers when written as digits
//!   (an optional leading `-`); two keys may not be the same code (texts
//!   compared ignoring ASCII case, numbers by value: `7` and `007`); values
//!   are `permanent`, `transient`, `throttled` or `reauth`.
//! - A profile with no `[fault]`, `[[element]]`, `[[json]]` or `[codes]`
//!   would do nothing: an error (with an empty key).
//!
//! # Matching
//!
//! Paths in lists are tried in order and the first present wins (present:
//! an element or value that is there and not blank). XML paths below a
//! base (a fault's detail, a matched element) match the end of an element's
//! path below it by whole segments (`errors/reason` finds
//! `ApiFault/errors/reason`). A delay is seconds (or milliseconds), a
//! number that may be fractional, written as a JSON number or as text;
//! `retry_after_secs` paths are tried before `retry_after_ms` ones.
//!
//! A `*` in a pointer visits object members in `serde_json`'s map order:
//! sorted by key, as this crate does not turn on serde_json's
//! `preserve_order` feature (document order when something else does).

mod codes;
mod error;
#[cfg(feature = "profile-files")]
mod files;
mod model;
pub(crate) mod path;
pub(crate) mod pointer;
pub(crate) mod rules;
mod validate;

pub(crate) use validate::builtin_rules;

use serde::Deserialize;
use serde_json::Value;

pub use codes::ProfileCode;
pub use error::{KeyPart, ProfileError};
#[cfg(feature = "profile-files")]
#[cfg_attr(docsrs, doc(cfg(feature = "profile-files")))]
pub use files::{ProfileFileError, load_file, load_files};
pub use model::{CodeSpec, ElementSpec, FaultSpec, JsonSpec, Paths, ProfileSpec};

use crate::vendor::{Code, Vendor, VendorHint};
pub use crate::vendor::{ProfileName, ProfileNameError};
use codes::CodeTable;
pub(crate) use path::NsPattern;
use rules::{ElementRule, FaultRule, JsonRule};

/// A vendor profile, validated and compiled: see [the module](self).
///
/// ```
/// use vendor_errors::{Code, Profile, RetryClass, Vendor};
/// use vendor_errors::profile::ElementSpec;
///
/// let profile = Profile::builder("fulfil")
///     .element(ElementSpec::at("Problems/Problem").code("Id").message("Text"))
///     .code("OUT_OF_STOCK", RetryClass::Permanent)
///     .build()?;
/// assert_eq!(profile.vendor().as_str(), "fulfil");
/// assert!(matches!(profile.vendor(), Vendor::Profile(_)));
/// assert!(profile.entry(&Code::from("out_of_stock")).is_some());
/// # Ok::<(), vendor_errors::ProfileError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(try_from = "ProfileSpec")]
pub struct Profile {
    name: ProfileName,
    description: Option<String>,
    rules: Rules,
    codes: CodeTable,
}

/// What a profile reads, compiled: its signals and its rules. A user's
/// [`Profile`] has them beside its name and `[codes]`; a built-in vendor
/// written as a profile has them beside its catalog.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Rules {
    detect: Detect,
    fault: Option<FaultRule>,
    elements: Box<[ElementRule]>,
    json: Box<[JsonRule]>,
}

/// `[detect]`, compiled: the signals by which a profile claims a body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Detect {
    namespaces: Box<[NsPattern]>,
    roots: Box<[Box<str>]>,
    json_keys: Box<[Box<str>]>,
}

impl Profile {
    /// A profile to build in code, for the vendor `vendor` (checked when
    /// built): [`ProfileSpec::new`].
    ///
    /// ```
    /// let profile = vendor_errors::Profile::builder("acme").code("E1", vendor_errors::RetryClass::Permanent).build();
    /// assert!(profile.is_ok());
    /// ```
    pub fn builder(vendor: impl Into<String>) -> ProfileSpec {
        ProfileSpec::new(vendor)
    }

    /// The vendor's name, as its errors carry it.
    ///
    /// ```
    /// # let p = vendor_errors::Profile::builder("acme").code("E1", vendor_errors::RetryClass::Permanent).build().unwrap();
    /// assert_eq!(p.name().as_str(), "acme");
    /// ```
    pub fn name(&self) -> ProfileName {
        self.name
    }

    /// The vendor its errors carry: [`Vendor::Profile`].
    ///
    /// ```
    /// # let p = vendor_errors::Profile::builder("acme").code("E1", vendor_errors::RetryClass::Permanent).build().unwrap();
    /// assert_eq!(p.vendor().to_string(), "acme");
    /// ```
    pub fn vendor(&self) -> Vendor {
        Vendor::Profile(self.name)
    }

    /// The hint that reads bodies as this vendor's only:
    /// [`VendorHint::Profile`] (for [`Options::vendor`](crate::Options::vendor)).
    ///
    /// ```
    /// # let p = vendor_errors::Profile::builder("acme").code("E1", vendor_errors::RetryClass::Permanent).build().unwrap();
    /// assert_eq!(p.hint(), "acme".parse().unwrap());
    /// ```
    pub fn hint(&self) -> VendorHint {
        VendorHint::Profile(self.name)
    }

    /// The profile's `description`.
    ///
    /// ```
    /// # let p = vendor_errors::Profile::builder("acme").code("E1", vendor_errors::RetryClass::Permanent).build().unwrap();
    /// assert_eq!(p.description(), None);
    /// ```
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// The `[codes]` rows, in the order written.
    ///
    /// ```
    /// use vendor_errors::{Profile, RetryClass};
    /// let p = Profile::builder("acme").code("B", RetryClass::Permanent).code("A", RetryClass::Reauth).build().unwrap();
    /// let codes: Vec<String> = p.codes().iter().map(|row| row.code.to_string()).collect();
    /// assert_eq!(codes, ["B", "A"]);
    /// ```
    pub fn codes(&self) -> &[ProfileCode] {
        self.codes.rows()
    }

    /// The `[codes]` row for `code` as an error carries it: a number, or a
    /// symbolic code compared ignoring ASCII case (as
    /// [`catalog::entry`](crate::catalog::entry) compares).
    ///
    /// ```
    /// use vendor_errors::{Code, Profile, RetryClass};
    /// let p = Profile::builder("acme").code("-7", RetryClass::Transient).build().unwrap();
    /// assert_eq!(p.entry(&Code::Num(-7)).unwrap().retry, RetryClass::Transient);
    /// assert_eq!(p.entry(&Code::from("-7")).unwrap().retry, RetryClass::Transient);
    /// ```
    pub fn entry(&self, code: &Code) -> Option<&ProfileCode> {
        self.codes.entry(code)
    }

    /// The `[codes]` row for `code` as a person writes it: a number, a
    /// symbolic code or a row's `name`, ignoring ASCII case (as
    /// [`catalog::lookup`](crate::catalog::lookup) does).
    ///
    /// ```
    /// use vendor_errors::{Profile, RetryClass, profile::CodeSpec};
    /// let p = Profile::builder("acme").code("Q", CodeSpec::new(RetryClass::Throttled).name("QuotaExceeded")).build().unwrap();
    /// assert_eq!(p.lookup("quotaexceeded").unwrap().code.to_string(), "Q");
    /// assert_eq!(p.lookup(" q ").unwrap().retry, RetryClass::Throttled);
    /// ```
    pub fn lookup(&self, code: &str) -> Option<&ProfileCode> {
        self.codes.lookup(code)
    }
}

impl Profile {
    /// Its signals and rules.
    pub(crate) fn rules(&self) -> &Rules {
        &self.rules
    }
}

/// What the readers ask of a profile: its signals and its rules.
impl Rules {
    #[cfg(test)]
    /// `[detect]`.
    pub(crate) fn detect(&self) -> &Detect {
        &self.detect
    }

    /// True when an element in namespace `ns` is a signal of this vendor.
    pub(crate) fn claims_namespace(&self, ns: &str) -> bool {
        self.detect.namespaces.iter().any(|p| p.matches(ns))
    }

    /// `detect.namespaces`: what [`claims_namespace`](Self::claims_namespace) matches.
    pub(crate) fn namespace_signals(&self) -> &[NsPattern] {
        &self.detect.namespaces
    }

    /// True when a document element (XML that is not SOAP) of local name
    /// `local` is a signal of this vendor.
    pub(crate) fn claims_root(&self, local: &str) -> bool {
        self.detect.roots.iter().any(|r| **r == *local)
    }

    /// True when the JSON document is an object with one of `json_keys`
    /// (whatever its value).
    pub(crate) fn claims_json(&self, doc: &Value) -> bool {
        doc.as_object().is_some_and(|members| self.detect.json_keys.iter().any(|k| members.contains_key(&**k)))
    }

    /// `[fault]`, when the profile has one.
    pub(crate) fn fault_rule(&self) -> Option<&FaultRule> {
        self.fault.as_ref()
    }

    /// `[[element]]` rules, in the order written.
    pub(crate) fn element_rules(&self) -> &[ElementRule] {
        &self.elements
    }

    /// `[[json]]` rules, in the order written.
    pub(crate) fn json_rules(&self) -> &[JsonRule] {
        &self.json
    }
}

impl Detect {
    #[cfg(test)]
    /// No signal at all: the profile claims nothing under `auto`.
    pub(crate) fn is_empty(&self) -> bool {
        self.namespaces.is_empty() && self.roots.is_empty() && self.json_keys.is_empty()
    }

    #[cfg(test)]
    /// Any namespace signal (the XML readers need to look at namespaces).
    pub(crate) fn has_namespaces(&self) -> bool {
        !self.namespaces.is_empty()
    }

    #[cfg(test)]
    /// The `roots`, as written.
    pub(crate) fn roots(&self) -> impl Iterator<Item = &str> {
        self.roots.iter().map(|r| &**r)
    }

    #[cfg(test)]
    /// The `json_keys`, as written.
    pub(crate) fn json_keys(&self) -> impl Iterator<Item = &str> {
        self.json_keys.iter().map(|k| &**k)
    }
}
