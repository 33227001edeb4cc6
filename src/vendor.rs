//! Who reported an error ([`Vendor`]), which reader to use ([`VendorHint`]),
//! the name of a vendor a [`Profile`](crate::Profile) teaches
//! ([`ProfileName`]), and the error code as the vendor writes it ([`Code`]).

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;
use std::sync::{Mutex, PoisonError};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use crate::vendors::names::{Vendor, VendorHint};

impl fmt::Display for Vendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A vendor or hint name that this crate does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown vendor {0:?}")]
pub struct UnknownVendor(pub String);

/// The one of `all` whose name is `s`, ignoring ASCII case.
fn by_name<T: Copy>(all: &[T], name: fn(T) -> &'static str, s: &str) -> Result<T, UnknownVendor> {
    all.iter().copied().find(|v| name(*v).eq_ignore_ascii_case(s)).ok_or_else(|| UnknownVendor(s.to_owned()))
}

/// The profile vendor named `s` (ASCII case ignored), for names that are no built-in.
fn profile_by_name(s: &str) -> Result<ProfileName, UnknownVendor> {
    let name = if s.bytes().any(|b| b.is_ascii_uppercase()) { Cow::Owned(s.to_ascii_lowercase()) } else { s.into() };
    ProfileName::new(&name).map_err(|_| UnknownVendor(s.to_owned()))
}

impl FromStr for Vendor {
    type Err = UnknownVendor;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        by_name(Vendor::ALL, Vendor::as_str, s).or_else(|_| profile_by_name(s).map(Vendor::Profile))
    }
}

/// Serde by name, for both vendor enums: written as [`fmt::Display`] writes
/// it, read as [`FromStr`] reads it.
macro_rules! serde_by_name {
    ($ty:ty, $expecting:literal) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl serde::de::Visitor<'_> for Visitor {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$ty, E> {
                        v.parse().map_err(E::custom)
                    }
                }
                deserializer.deserialize_str(Visitor)
            }
        }
    };
}

serde_by_name!(Vendor, "a vendor name");
serde_by_name!(VendorHint, "a vendor hint name");
serde_by_name!(ProfileName, "a profile vendor name");

impl fmt::Display for VendorHint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for VendorHint {
    type Err = UnknownVendor;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        by_name(VendorHint::ALL, VendorHint::as_str, s).or_else(|_| profile_by_name(s).map(VendorHint::Profile))
    }
}

/// The name of a vendor a [`Profile`](crate::Profile) teaches, as its
/// errors carry it: `Copy`, like the built-in [`Vendor`]s.
///
/// A valid name matches `[a-z][a-z0-9_-]*`, is at most
/// [`MAX_LEN`](Self::MAX_LEN) bytes long, and is no built-in [`Vendor`] or
/// [`VendorHint`] name (`auto`, `soap`, `http`, ...).
///
/// Names are interned: each distinct name is stored once for the life of
/// the process (leaked, so that it is `&'static str`), and equal names are
/// the same string. To bound that memory, at most
/// [`MAX_NAMES`](Self::MAX_NAMES) distinct names are ever interned; past
/// that, [`ProfileName::new`] fails with [`ProfileNameError::TooMany`] for
/// any name not interned yet (names interned before still work).
///
/// ```
/// use vendor_errors::{ProfileName, ProfileNameError};
/// let acme = ProfileName::new("acme").unwrap();
/// assert_eq!(acme.as_str(), "acme");
/// assert!(std::ptr::eq(acme.as_str(), ProfileName::new("acme").unwrap().as_str()));
/// assert!(matches!(ProfileName::new("soap"), Err(ProfileNameError::BuiltIn(_))));
/// assert!(matches!(ProfileName::new("Acme"), Err(ProfileNameError::Invalid(_))));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProfileName(&'static str);

/// Why a string is no [`ProfileName`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProfileNameError {
    /// Not `[a-z][a-z0-9_-]*`, or longer than [`ProfileName::MAX_LEN`].
    #[error("invalid vendor name {0:?}: expected [a-z][a-z0-9_-]*, at most 64 bytes")]
    Invalid(String),
    /// The name of a built-in vendor or hint.
    #[error("{0:?} is the name of a built-in vendor")]
    BuiltIn(String),
    /// [`ProfileName::MAX_NAMES`] distinct names are interned already.
    #[error("too many distinct profile vendor names (at most 4096 in a process)")]
    TooMany,
}

/// The names interned so far.
static INTERNED: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());

impl ProfileName {
    /// The longest name, in bytes.
    pub const MAX_LEN: usize = 64;

    /// The most distinct names interned in one process.
    pub const MAX_NAMES: usize = 4096;

    /// The interned name, once checked (see [`ProfileName`] for the rules).
    ///
    /// ```
    /// let name = vendor_errors::ProfileName::new("acme-billing_2").unwrap();
    /// assert_eq!(name.to_string(), "acme-billing_2");
    /// ```
    pub fn new(name: &str) -> Result<ProfileName, ProfileNameError> {
        let mut bytes = name.bytes();
        let syntax = bytes.next().is_some_and(|b| b.is_ascii_lowercase())
            && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
            && name.len() <= Self::MAX_LEN;
        if !syntax {
            return Err(ProfileNameError::Invalid(name.to_owned()));
        }
        let built_in = |n: &str| n == name;
        if Vendor::ALL.iter().map(|v| v.as_str()).chain(VendorHint::ALL.iter().map(|h| h.as_str())).any(built_in) {
            return Err(ProfileNameError::BuiltIn(name.to_owned()));
        }
        let mut interned = INTERNED.lock().unwrap_or_else(PoisonError::into_inner);
        intern(&mut interned, name, Self::MAX_NAMES).map(ProfileName)
    }

    /// The name.
    ///
    /// ```
    /// assert_eq!(vendor_errors::ProfileName::new("acme").unwrap().as_str(), "acme");
    /// ```
    pub const fn as_str(self) -> &'static str {
        self.0
    }
}

/// `name` as stored in `interned`, stored (leaked) first when it is not
/// there and fewer than `cap` names are.
fn intern(interned: &mut BTreeSet<&'static str>, name: &str, cap: usize) -> Result<&'static str, ProfileNameError> {
    if let Some(&known) = interned.get(name) {
        return Ok(known);
    }
    if interned.len() >= cap {
        return Err(ProfileNameError::TooMany);
    }
    let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
    interned.insert(leaked);
    Ok(leaked)
}

impl fmt::Display for ProfileName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl FromStr for ProfileName {
    type Err = ProfileNameError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ProfileName::new(s)
    }
}

/// An error code as the vendor defines it: a number (OpenAir `1106`, HTTP
/// `503`) or a name (SOAP `Client`).
///
/// Serialized as a JSON number or string. The same type keys the catalogs,
/// whose symbolic codes are borrowed `'static` strings.
///
/// # Comparing
///
/// A code is compared as a person reads it: a number equals its decimal
/// text (`Code::Num(556) == Code::from("556")`, and `== "556"`, `== 556`);
/// other text compares exactly, case included (`"Server" != "server"`: the
/// catalogs, [`catalog::lookup`](crate::catalog::lookup), ignore case).
/// `Hash` agrees with `==`. Text becomes a number wherever a code is made
/// from text ([`Code::parse`], `From<&str>`, `From<String>`) when it is a
/// plain decimal integer that fits an `i64` (an optional `-`, digits only:
/// `"007"` is 7, `" 7"` and `"7.0"` stay text).
///
/// ```
/// use vendor_errors::Code;
/// assert_eq!(Code::parse("20023"), Code::Num(20023));
/// assert_eq!(Code::parse("Server"), Code::Text("Server".into()));
/// assert_eq!(Code::Num(9).to_string(), "9");
/// assert_eq!(Code::from("Client"), Code::Text(String::from("Client").into()));
/// assert_eq!(Code::from("556"), Code::Num(556));
/// assert!(Code::Num(556) == "556" && Code::Num(556) == 556 && Code::from("Server") == "Server");
/// assert_ne!(Code::from("Server"), "server");
/// // However it was made, a decimal text is its number.
/// assert_eq!(Code::Text("556".into()), Code::Num(556));
/// ```
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Code {
    /// A numeric code.
    Num(i64),
    /// A symbolic code.
    Text(Cow<'static, str>),
}

impl Code {
    /// A number when `s` is a plain decimal integer, text otherwise.
    pub fn parse(s: &str) -> Code {
        parse_decimal(s).map_or_else(|| Code::Text(Cow::Owned(s.to_owned())), Code::Num)
    }

    /// Text kept as text, even when it is digits (a SOAP fault code's
    /// local name, a vendor's symbolic code as the body wrote it).
    pub(crate) fn text(s: impl Into<String>) -> Code {
        Code::Text(Cow::Owned(s.into()))
    }

    /// The number, for numeric codes (and text that is a decimal number).
    ///
    /// ```
    /// use vendor_errors::Code;
    /// assert_eq!(Code::Text("42".into()).as_num(), Some(42));
    /// assert_eq!(Code::from("Server").as_num(), None);
    /// ```
    pub fn as_num(&self) -> Option<i64> {
        match self.key() {
            Key::Num(n) => Some(n),
            Key::Text(_) => None,
        }
    }

    /// The code as compared and hashed: decimal text is its number.
    fn key(&self) -> Key<'_> {
        match self {
            Code::Num(n) => Key::Num(*n),
            Code::Text(t) => Key::of(t),
        }
    }
}

/// A [`Code`] as compared: a number, or text that is not one.
#[derive(PartialEq, Eq, Hash)]
enum Key<'a> {
    Num(i64),
    Text(&'a str),
}

impl<'a> Key<'a> {
    fn of(text: &'a str) -> Key<'a> {
        parse_decimal(text).map_or(Key::Text(text), Key::Num)
    }
}

impl PartialEq for Code {
    fn eq(&self, other: &Code) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Code {}

impl std::hash::Hash for Code {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.key() == Key::of(other)
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

impl PartialEq<String> for Code {
    fn eq(&self, other: &String) -> bool {
        *self == **other
    }
}

impl PartialEq<Code> for str {
    fn eq(&self, other: &Code) -> bool {
        other == self
    }
}

impl PartialEq<Code> for &str {
    fn eq(&self, other: &Code) -> bool {
        other == *self
    }
}

/// `code == 556` for the integer types a code is written in.
macro_rules! code_eq_int {
    ($($int:ty),+) => {$(
        impl PartialEq<$int> for Code {
            fn eq(&self, other: &$int) -> bool {
                i64::try_from(*other).is_ok_and(|n| self.key() == Key::Num(n))
            }
        }

        impl PartialEq<Code> for $int {
            fn eq(&self, other: &Code) -> bool {
                other == self
            }
        }
    )+};
}

code_eq_int!(i32, i64, u16, u32, u64);

/// A plain decimal integer (optional `-`, ASCII digits only, no spaces).
pub(crate) fn parse_decimal(s: &str) -> Option<i64> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Code::Num(n) => write!(f, "{n}"),
            Code::Text(s) => f.write_str(s),
        }
    }
}

impl From<i64> for Code {
    fn from(n: i64) -> Self {
        Code::Num(n)
    }
}

/// As [`Code::parse`]: a number when the text is a decimal integer.
impl From<&str> for Code {
    fn from(s: &str) -> Self {
        Code::parse(s)
    }
}

/// As [`Code::parse`], keeping the string when it is text.
impl From<String> for Code {
    fn from(s: String) -> Self {
        parse_decimal(&s).map_or(Code::Text(Cow::Owned(s)), Code::Num)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_names_are_checked_and_interned_once() {
        let a = ProfileName::new("interned-once").unwrap();
        let b = ProfileName::new(&String::from("interned-once")).unwrap();
        assert!(std::ptr::eq(a.as_str(), b.as_str()));
        for bad in ["", "1acme", "_acme", "Acme", "ac me", "acme!", "é", &"a".repeat(65)] {
            assert_eq!(ProfileName::new(bad), Err(ProfileNameError::Invalid(bad.to_owned())), "{bad:?}");
        }
        assert!(ProfileName::new(&"a".repeat(64)).is_ok());
        for built_in in Vendor::ALL.iter().map(|v| v.as_str()).chain(VendorHint::ALL.iter().map(|h| h.as_str())) {
            assert!(matches!(ProfileName::new(built_in), Err(ProfileNameError::BuiltIn(_))), "{built_in}");
        }
    }

    #[test]
    fn interning_stops_at_the_cap() {
        // A set of its own: the process's set is shared with the other tests.
        let mut set = BTreeSet::new();
        let a = intern(&mut set, "a", 2).unwrap();
        assert!(std::ptr::eq(a, intern(&mut set, &String::from("a"), 2).unwrap()));
        assert_eq!(intern(&mut set, "b", 2), Ok("b"));
        assert_eq!(intern(&mut set, "c", 2), Err(ProfileNameError::TooMany));
        // Names interned before the cap still work.
        assert!(std::ptr::eq(a, intern(&mut set, "a", 2).unwrap()));
        assert_eq!(set.len(), 2);
    }

    #[test]
    fn vendors_and_hints_parse_profile_names() {
        let v: Vendor = "Acme".parse().unwrap();
        assert_eq!(v.as_str(), "acme");
        assert_eq!("soap".parse::<Vendor>(), Ok(Vendor::Soap));
        assert!("auto".parse::<Vendor>().is_err());
        assert_eq!("auto".parse::<VendorHint>(), Ok(VendorHint::Auto));
        let hint: VendorHint = "acme".parse().unwrap();
        assert_eq!(hint.vendor(), Some(v));
        assert_eq!(serde_json::to_string(&v).unwrap(), r#""acme""#);
        assert_eq!(serde_json::from_str::<Vendor>(r#""acme""#).unwrap(), v);
        assert_eq!(serde_json::from_str::<VendorHint>(r#""salto""#).unwrap(), VendorHint::SaltoKs);
        assert!(serde_json::from_str::<Vendor>(r#""not a name""#).is_err());
    }
}
