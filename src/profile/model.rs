//! The profile as written: [`ProfileSpec`] and its parts, read by serde
//! (unknown keys are errors) or built in code, before validation.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::{Profile, ProfileError};
use crate::retry::RetryClass;

/// One path or pointer, or a list of them tried in order (the first
/// present wins): what `code`, `message` and `retry_after_*` take. Written
/// in TOML as a string or an array of strings.
///
/// ```
/// use vendor_errors::profile::Paths;
/// assert_eq!(Paths::from("Id"), Paths::from(["Id"]));
/// assert_eq!(Paths::from(vec!["Text", "Summary"]).as_slice(), ["Text", "Summary"]);
/// ```
#[derive(Debug, Clone, Default, Eq)]
pub struct Paths {
    items: Vec<String>,
    /// Written as one string rather than a list (errors then name the key alone).
    one: bool,
}

impl Paths {
    /// The paths, in order.
    ///
    /// ```
    /// assert_eq!(vendor_errors::profile::Paths::from("Id").as_slice(), ["Id"]);
    /// ```
    pub fn as_slice(&self) -> &[String] {
        &self.items
    }

    /// Written as one string rather than a list.
    pub(crate) fn is_one(&self) -> bool {
        self.one
    }
}

/// Equal when the paths are, however written.
impl PartialEq for Paths {
    fn eq(&self, other: &Paths) -> bool {
        self.items == other.items
    }
}

impl From<&str> for Paths {
    fn from(path: &str) -> Self {
        Paths { items: vec![path.to_owned()], one: true }
    }
}

impl From<String> for Paths {
    fn from(path: String) -> Self {
        Paths { items: vec![path], one: true }
    }
}

impl From<Vec<String>> for Paths {
    fn from(items: Vec<String>) -> Self {
        Paths { items, one: false }
    }
}

impl From<Vec<&str>> for Paths {
    fn from(items: Vec<&str>) -> Self {
        Paths { items: items.into_iter().map(str::to_owned).collect(), one: false }
    }
}

impl From<&[&str]> for Paths {
    fn from(items: &[&str]) -> Self {
        Paths { items: items.iter().map(|s| (*s).to_owned()).collect(), one: false }
    }
}

impl<const N: usize> From<[&str; N]> for Paths {
    fn from(items: [&str; N]) -> Self {
        Paths::from(&items[..])
    }
}

impl<'de> Deserialize<'de> for Paths {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PathsVisitor;
        impl<'de> Visitor<'de> for PathsVisitor {
            type Value = Paths;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or an array of strings")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Paths, E> {
                Ok(Paths::from(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Paths, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(16));
                while let Some(item) = seq.next_element::<String>()? {
                    items.push(item);
                }
                Ok(Paths::from(items))
            }
        }
        deserializer.deserialize_any(PathsVisitor)
    }
}

/// A table whose keys are kept in the order written (a `Vec` of pairs).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Ordered<V>(pub(crate) Vec<(String, V)>);

impl<V> Default for Ordered<V> {
    fn default() -> Self {
        Ordered(Vec::new())
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Ordered<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OrderedVisitor<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for OrderedVisitor<V> {
            type Value = Ordered<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a table")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered<V>, A::Error> {
                let mut pairs = Vec::with_capacity(map.size_hint().unwrap_or(0).min(256));
                while let Some(pair) = map.next_entry::<String, V>()? {
                    pairs.push(pair);
                }
                Ok(Ordered(pairs))
            }
        }
        deserializer.deserialize_map(OrderedVisitor(PhantomData))
    }
}

/// A profile as written, not yet validated: read it with serde (TOML, JSON,
/// anything serde reads; unknown keys are errors), or build it in code, then
/// [`build`](Self::build) it into a [`Profile`].
///
/// ```
/// use vendor_errors::RetryClass;
/// use vendor_errors::profile::{CodeSpec, ElementSpec, JsonSpec, ProfileSpec};
///
/// let profile = ProfileSpec::new("acme")
///     .description("ACME Billing API")
///     .detect_namespace("urn:acme:billing:*")
///     .element(ElementSpec::at("Problems/Problem").code("Id").message(["Text", "Summary"]))
///     .json(JsonSpec::at("/failures/*").code("kind").message("detail").when("/ok", false))
///     .code("E1001", RetryClass::Permanent)
///     .code("QUOTA_EXCEEDED", CodeSpec::new(RetryClass::Throttled).name("QuotaExceeded"))
///     .build()?;
/// assert_eq!(profile.name().as_str(), "acme");
/// # Ok::<(), vendor_errors::ProfileError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileSpec {
    pub(crate) vendor: String,
    #[serde(default)]
    pub(crate) description: Option<String>,
    #[serde(default)]
    pub(crate) detect: DetectSpec,
    #[serde(default)]
    pub(crate) fault: Option<FaultSpec>,
    #[serde(default, rename = "element")]
    pub(crate) elements: Vec<ElementSpec>,
    #[serde(default)]
    pub(crate) json: Vec<JsonSpec>,
    #[serde(default)]
    pub(crate) codes: Ordered<CodeSpec>,
}

/// `[detect]`: the signals by which a profile claims a body under
/// [`VendorHint::Auto`](crate::VendorHint::Auto).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DetectSpec {
    #[serde(default)]
    pub(crate) namespaces: Vec<String>,
    #[serde(default)]
    pub(crate) roots: Vec<String>,
    #[serde(default)]
    pub(crate) json_keys: Vec<String>,
}

impl ProfileSpec {
    /// A profile for the vendor `vendor` (checked when built), with nothing else yet.
    ///
    /// ```
    /// let spec = vendor_errors::profile::ProfileSpec::new("acme");
    /// assert!(spec.build().is_err(), "no rule and no code: nothing to do");
    /// ```
    pub fn new(vendor: impl Into<String>) -> Self {
        ProfileSpec {
            vendor: vendor.into(),
            description: None,
            detect: DetectSpec::default(),
            fault: None,
            elements: Vec::new(),
            json: Vec::new(),
            codes: Ordered::default(),
        }
    }

    /// What the vendor is, for people.
    ///
    /// ```
    /// # use vendor_errors::{RetryClass, profile::ProfileSpec};
    /// let p = ProfileSpec::new("acme").description("ACME Billing").code("E1", RetryClass::Permanent).build().unwrap();
    /// assert_eq!(p.description(), Some("ACME Billing"));
    /// ```
    #[must_use]
    pub fn description(mut self, text: impl Into<String>) -> Self {
        self.description = Some(text.into());
        self
    }

    /// `[detect] namespaces`: claim bodies with an element in this
    /// namespace (a trailing `*` matches any rest). Repeatable.
    ///
    /// ```
    /// # use vendor_errors::{RetryClass, profile::ProfileSpec};
    /// assert!(ProfileSpec::new("acme").detect_namespace("*").code("E1", RetryClass::Permanent).build().is_err());
    /// ```
    #[must_use]
    pub fn detect_namespace(mut self, pattern: impl Into<String>) -> Self {
        self.detect.namespaces.push(pattern.into());
        self
    }

    /// `[detect] roots`: claim XML bodies (not SOAP) whose document element
    /// has this local name. Repeatable.
    ///
    /// ```
    /// # use vendor_errors::{RetryClass, profile::ProfileSpec};
    /// assert!(ProfileSpec::new("acme").detect_root("AcmeResult").code("E1", RetryClass::Permanent).build().is_ok());
    /// ```
    #[must_use]
    pub fn detect_root(mut self, local_name: impl Into<String>) -> Self {
        self.detect.roots.push(local_name.into());
        self
    }

    /// `[detect] json_keys`: claim JSON bodies whose top-level object has
    /// this member. Repeatable.
    ///
    /// ```
    /// # use vendor_errors::{RetryClass, profile::ProfileSpec};
    /// assert!(ProfileSpec::new("acme").detect_json_key("acmeError").code("E1", RetryClass::Permanent).build().is_ok());
    /// ```
    #[must_use]
    pub fn detect_json_key(mut self, key: impl Into<String>) -> Self {
        self.detect.json_keys.push(key.into());
        self
    }

    /// `[fault]`: where a SOAP fault's detail holds the vendor's code (one
    /// fault rule: a second call replaces the first).
    ///
    /// ```
    /// # use vendor_errors::profile::{FaultSpec, ProfileSpec};
    /// let fault = FaultSpec::new().code(["ApiFault/errors/reason", "errorCode"]).retry_after_secs("retryAfterSeconds");
    /// assert!(ProfileSpec::new("adserver").fault(fault).build().is_ok());
    /// ```
    #[must_use]
    pub fn fault(mut self, rule: FaultSpec) -> Self {
        self.fault = Some(rule);
        self
    }

    /// An `[[element]]` rule, after those added before.
    ///
    /// ```
    /// # use vendor_errors::profile::{ElementSpec, ProfileSpec};
    /// let rule = ElementSpec::at("Problems/Problem").code("Id").severity("Level", ["error", "fatal"]);
    /// assert!(ProfileSpec::new("fulfil").element(rule).build().is_ok());
    /// ```
    #[must_use]
    pub fn element(mut self, rule: ElementSpec) -> Self {
        self.elements.push(rule);
        self
    }

    /// A `[[json]]` rule, after those added before.
    ///
    /// ```
    /// # use vendor_errors::profile::{JsonSpec, ProfileSpec};
    /// let rule = JsonSpec::at("/failures/*").code("kind").when("/ok", false);
    /// assert!(ProfileSpec::new("failures").json(rule).build().is_ok());
    /// ```
    #[must_use]
    pub fn json(mut self, rule: JsonSpec) -> Self {
        self.json.push(rule);
        self
    }

    /// A `[codes]` row: `code` as written (a number when digits) and its
    /// class, or a [`CodeSpec`] with a name and a description too.
    ///
    /// ```
    /// # use vendor_errors::{Code, RetryClass, profile::{CodeSpec, ProfileSpec}};
    /// let p = ProfileSpec::new("acme")
    ///     .code("1001", RetryClass::Permanent)
    ///     .code("QUOTA", CodeSpec::new(RetryClass::Throttled).description("Too many calls."))
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(p.entry(&Code::Num(1001)).unwrap().retry, RetryClass::Permanent);
    /// ```
    #[must_use]
    pub fn code(mut self, code: impl Into<String>, row: impl Into<CodeSpec>) -> Self {
        self.codes.0.push((code.into(), row.into()));
        self
    }

    /// Validates and compiles the profile (as [`Profile::try_from`] does).
    ///
    /// ```
    /// # use vendor_errors::{RetryClass, profile::ProfileSpec};
    /// let err = ProfileSpec::new("acme").code("E1", RetryClass::Permanent).code("e1", RetryClass::Transient).build();
    /// assert_eq!(err.unwrap_err().to_string(), "codes.e1: the same code as codes.E1");
    /// ```
    pub fn build(self) -> Result<Profile, ProfileError> {
        Profile::try_from(self)
    }
}

/// `[fault]`: where a SOAP fault's `detail` holds the vendor's code, message
/// and delay; each a detail path (local names joined by `/`, matched at the
/// end of a leaf's path below the detail element) or a list of them, the
/// first present winning.
///
/// ```
/// use vendor_errors::profile::{FaultSpec, ProfileSpec};
/// let rule = FaultSpec::new().code("ApiExceptionFault/errors/reason").message("ApiExceptionFault/message");
/// assert!(ProfileSpec::new("adserver").fault(rule).build().is_ok());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaultSpec {
    #[serde(default)]
    pub(crate) code: Option<Paths>,
    #[serde(default)]
    pub(crate) message: Option<Paths>,
    #[serde(default)]
    pub(crate) retry_after_secs: Option<Paths>,
    #[serde(default)]
    pub(crate) retry_after_ms: Option<Paths>,
}

impl FaultSpec {
    /// A fault rule with no path yet: the fault's own code and string apply.
    ///
    /// ```
    /// assert_eq!(vendor_errors::profile::FaultSpec::new(), Default::default());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Detail paths to the vendor's code.
    ///
    /// ```
    /// let rule = vendor_errors::profile::FaultSpec::new().code(["ApiFault/errors/reason", "errorCode"]);
    /// # let _ = rule;
    /// ```
    #[must_use]
    pub fn code(mut self, paths: impl Into<Paths>) -> Self {
        self.code = Some(paths.into());
        self
    }

    /// Detail paths to the message (else the fault's `faultstring` / `Reason`).
    ///
    /// ```
    /// let rule = vendor_errors::profile::FaultSpec::new().message("ApiFault/message");
    /// # let _ = rule;
    /// ```
    #[must_use]
    pub fn message(mut self, paths: impl Into<Paths>) -> Self {
        self.message = Some(paths.into());
        self
    }

    /// Detail paths to a delay in seconds (a number, may be fractional).
    ///
    /// ```
    /// let rule = vendor_errors::profile::FaultSpec::new().retry_after_secs("retryAfterSeconds");
    /// # let _ = rule;
    /// ```
    #[must_use]
    pub fn retry_after_secs(mut self, paths: impl Into<Paths>) -> Self {
        self.retry_after_secs = Some(paths.into());
        self
    }

    /// Detail paths to a delay in milliseconds (tried after the seconds paths).
    ///
    /// ```
    /// let rule = vendor_errors::profile::FaultSpec::new().retry_after_ms("BackOffMilliseconds");
    /// # let _ = rule;
    /// ```
    #[must_use]
    pub fn retry_after_ms(mut self, paths: impl Into<Paths>) -> Self {
        self.retry_after_ms = Some(paths.into());
        self
    }
}

/// `[[element]]`: in-band errors in XML. Each element whose local-name path
/// ends with `at` (at any depth) is one error; `code`, `message`,
/// `severity` and `retry_after_*` are paths below it.
///
/// ```
/// use vendor_errors::profile::{ElementSpec, ProfileSpec};
/// let rule = ElementSpec::at("Problems/Problem")
///     .code("Id")
///     .message(["Text", "Summary"])
///     .severity("Level", ["error", "fatal"])
///     .retry_after_secs("WaitSeconds");
/// assert!(ProfileSpec::new("fulfil").element(rule).build().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElementSpec {
    pub(crate) at: String,
    #[serde(default)]
    pub(crate) code: Option<Paths>,
    #[serde(default)]
    pub(crate) message: Option<Paths>,
    #[serde(default)]
    pub(crate) severity: Option<String>,
    #[serde(default)]
    pub(crate) errors_when: Option<Vec<String>>,
    #[serde(default)]
    pub(crate) retry_after_secs: Option<Paths>,
    #[serde(default)]
    pub(crate) retry_after_ms: Option<Paths>,
}

impl ElementSpec {
    /// A rule for the elements whose local-name path ends with `path`
    /// (`Problems/Problem`).
    ///
    /// ```
    /// let rule = vendor_errors::profile::ElementSpec::at("Problem").message("Text");
    /// # let _ = rule;
    /// ```
    pub fn at(path: impl Into<String>) -> Self {
        ElementSpec {
            at: path.into(),
            code: None,
            message: None,
            severity: None,
            errors_when: None,
            retry_after_secs: None,
            retry_after_ms: None,
        }
    }

    /// Paths below the element to its code.
    ///
    /// ```
    /// let rule = vendor_errors::profile::ElementSpec::at("Problem").code("Id");
    /// # let _ = rule;
    /// ```
    #[must_use]
    pub fn code(mut self, paths: impl Into<Paths>) -> Self {
        self.code = Some(paths.into());
        self
    }

    /// Paths below the element to its message.
    ///
    /// ```
    /// let rule = vendor_errors::profile::ElementSpec::at("Problem").message(["Text", "Summary"]);
    /// # let _ = rule;
    /// ```
    #[must_use]
    pub fn message(mut self, paths: impl Into<Paths>) -> Self {
        self.message = Some(paths.into());
        self
    }

    /// The element is an error only when the text at `path` below it is one
    /// of `errors_when` (compared ignoring case).
    ///
    /// ```
    /// let rule = vendor_errors::profile::ElementSpec::at("Problem").code("Id").severity("Level", ["error"]);
    /// # let _ = rule;
    /// ```
    #[must_use]
    pub fn severity<I, S>(mut self, path: impl Into<String>, errors_when: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.severity = Some(path.into());
        self.errors_when = Some(errors_when.into_iter().map(Into::into).collect());
        self
    }

    /// Paths below the element to a delay in seconds.
    ///
    /// ```
    /// let rule = vendor_errors::profile::ElementSpec::at("Problem").code("Id").retry_after_secs("WaitSeconds");
    /// # let _ = rule;
    /// ```
    #[must_use]
    pub fn retry_after_secs(mut self, paths: impl Into<Paths>) -> Self {
        self.retry_after_secs = Some(paths.into());
        self
    }

    /// Paths below the element to a delay in milliseconds.
    ///
    /// ```
    /// let rule = vendor_errors::profile::ElementSpec::at("Problem").code("Id").retry_after_ms("WaitMs");
    /// # let _ = rule;
    /// ```
    #[must_use]
    pub fn retry_after_ms(mut self, paths: impl Into<Paths>) -> Self {
        self.retry_after_ms = Some(paths.into());
        self
    }
}

/// `[[json]]`: in-band errors in JSON. Each value the JSON Pointer `at`
/// reaches (`*` is every array element or object member) is one error, when
/// every `when` pointer (into the whole document) holds its value; `code`,
/// `message` and `retry_after_*` are pointers relative to the value (the
/// leading `/` optional).
///
/// ```
/// use vendor_errors::profile::{JsonSpec, ProfileSpec};
/// let rule = JsonSpec::at("/failures/*").code("kind").message("detail").retry_after_secs("wait").when("/ok", false);
/// assert!(ProfileSpec::new("failures").json(rule).build().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsonSpec {
    pub(crate) at: String,
    #[serde(default)]
    pub(crate) code: Option<Paths>,
    #[serde(default)]
    pub(crate) message: Option<Paths>,
    #[serde(default)]
    pub(crate) retry_after_secs: Option<Paths>,
    #[serde(default)]
    pub(crate) retry_after_ms: Option<Paths>,
    #[serde(default)]
    pub(crate) when: Ordered<Value>,
}

impl JsonSpec {
    /// A rule for the values the pointer `pointer` reaches.
    ///
    /// ```
    /// let rule = vendor_errors::profile::JsonSpec::at("/acmeError").code("code");
    /// # let _ = rule;
    /// ```
    pub fn at(pointer: impl Into<String>) -> Self {
        JsonSpec {
            at: pointer.into(),
            code: None,
            message: None,
            retry_after_secs: None,
            retry_after_ms: None,
            when: Ordered::default(),
        }
    }

    /// Pointers, relative to the value, to its code.
    ///
    /// ```
    /// let rule = vendor_errors::profile::JsonSpec::at("/errors/*").code(["code", "/error/kind"]);
    /// # let _ = rule;
    /// ```
    #[must_use]
    pub fn code(mut self, pointers: impl Into<Paths>) -> Self {
        self.code = Some(pointers.into());
        self
    }

    /// Pointers, relative to the value, to its message.
    ///
    /// ```
    /// let rule = vendor_errors::profile::JsonSpec::at("/errors/*").message("detail");
    /// # let _ = rule;
    /// ```
    #[must_use]
    pub fn message(mut self, pointers: impl Into<Paths>) -> Self {
        self.message = Some(pointers.into());
        self
    }

    /// Pointers, relative to the value, to a delay in seconds (a number or
    /// a numeric string, may be fractional).
    ///
    /// ```
    /// let rule = vendor_errors::profile::JsonSpec::at("/errors/*").code("code").retry_after_secs("wait");
    /// # let _ = rule;
    /// ```
    #[must_use]
    pub fn retry_after_secs(mut self, pointers: impl Into<Paths>) -> Self {
        self.retry_after_secs = Some(pointers.into());
        self
    }

    /// Pointers, relative to the value, to a delay in milliseconds.
    ///
    /// ```
    /// let rule = vendor_errors::profile::JsonSpec::at("/errors/*").code("code").retry_after_ms("waitMs");
    /// # let _ = rule;
    /// ```
    #[must_use]
    pub fn retry_after_ms(mut self, pointers: impl Into<Paths>) -> Self {
        self.retry_after_ms = Some(pointers.into());
        self
    }

    /// A condition: the pointer (into the whole document, no `*`) must
    /// reach a value equal to `value` (numbers compared by value).
    /// Repeatable: every condition must hold.
    ///
    /// ```
    /// let rule = vendor_errors::profile::JsonSpec::at("/failures/*").code("kind").when("/ok", false).when("/v", 2);
    /// # let _ = rule;
    /// ```
    #[must_use]
    pub fn when(mut self, pointer: impl Into<String>, value: impl Into<Value>) -> Self {
        self.when.0.push((pointer.into(), value.into()));
        self
    }
}

/// A `[codes]` row as written: a class (`"throttled"`) or a table with
/// `retry`, `name` and `description`.
///
/// ```
/// use vendor_errors::RetryClass;
/// use vendor_errors::profile::CodeSpec;
/// let row = CodeSpec::new(RetryClass::Throttled).name("QuotaExceeded").description("Too many calls in the window.");
/// assert_eq!(CodeSpec::from(RetryClass::Reauth), CodeSpec::new(RetryClass::Reauth));
/// # let _ = row;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeSpec {
    pub(crate) retry: String,
    pub(crate) name: Option<String>,
    pub(crate) description: Option<String>,
    /// Written as a table (an error in `retry` names `codes.X.retry`).
    pub(crate) table: bool,
}

/// A `[codes]` row written as a table.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CodeFields {
    retry: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    description: Option<String>,
}

impl CodeSpec {
    /// A row with this class and no name or description.
    ///
    /// ```
    /// let row = vendor_errors::profile::CodeSpec::new(vendor_errors::RetryClass::Permanent);
    /// # let _ = row;
    /// ```
    pub fn new(retry: RetryClass) -> Self {
        CodeSpec { retry: retry.as_str().to_owned(), name: None, description: None, table: false }
    }

    /// The code's symbolic name.
    ///
    /// ```
    /// let row = vendor_errors::profile::CodeSpec::new(vendor_errors::RetryClass::Throttled).name("QuotaExceeded");
    /// # let _ = row;
    /// ```
    #[must_use]
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// What the code means.
    ///
    /// ```
    /// let row = vendor_errors::profile::CodeSpec::new(vendor_errors::RetryClass::Throttled).description("Slow down.");
    /// # let _ = row;
    /// ```
    #[must_use]
    pub fn description(mut self, text: impl Into<String>) -> Self {
        self.description = Some(text.into());
        self
    }
}

impl From<RetryClass> for CodeSpec {
    fn from(retry: RetryClass) -> Self {
        CodeSpec::new(retry)
    }
}

/// A row is read from a class name or from a table.
impl<'de> Deserialize<'de> for CodeSpec {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RowVisitor;
        impl<'de> Visitor<'de> for RowVisitor {
            type Value = CodeSpec;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a retry class or a table with retry, name and description")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<CodeSpec, E> {
                Ok(CodeSpec { retry: v.to_owned(), name: None, description: None, table: false })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<CodeSpec, A::Error> {
                let CodeFields { retry, name, description } =
                    CodeFields::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(CodeSpec { retry, name, description, table: true })
            }
        }
        deserializer.deserialize_any(RowVisitor)
    }
}
