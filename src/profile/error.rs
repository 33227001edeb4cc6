//! [`ProfileError`]: what is wrong with a profile, and at which key.

use std::fmt;

/// One step of the key path a [`ProfileError`] names: a table key or an
/// array position.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyPart {
    /// A key (`element`, `at`, `E1001`, `/ok`).
    Key(String),
    /// A 0-based position in an array (`element[1]`, `namespaces[0]`).
    Index(usize),
}

/// A profile that cannot be used: the key where it is wrong, and why.
///
/// Its `Display` is `key: reason`, the key written as in TOML
/// (`element[1].at`, `codes.E1001`, `json[0].when."/ok"`); a profile wrong
/// as a whole (no rule and no code) has an empty key and says only the
/// reason.
///
/// ```
/// use vendor_errors::profile::{ElementSpec, Profile};
///
/// let err = Profile::builder("acme").element(ElementSpec::at("Problems//Problem").code("Id")).build().unwrap_err();
/// assert_eq!(err.key(), "element[0].at");
/// assert_eq!(err.to_string(), r#"element[0].at: invalid path "Problems//Problem": empty segment"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ProfileError {
    path: Vec<KeyPart>,
    reason: String,
}

impl ProfileError {
    /// The key path, outermost first (empty for the profile as a whole).
    ///
    /// ```
    /// use vendor_errors::profile::{KeyPart, Profile};
    /// let err = Profile::builder("soap").code("E1", vendor_errors::RetryClass::Permanent).build().unwrap_err();
    /// assert_eq!(err.key_path(), [KeyPart::Key("vendor".into())]);
    /// ```
    pub fn key_path(&self) -> &[KeyPart] {
        &self.path
    }

    /// The key path as TOML writes it: `element[1].at`, `codes."a b"`.
    ///
    /// ```
    /// let err = vendor_errors::Profile::builder("acme").build().unwrap_err();
    /// assert_eq!(err.key(), "");
    /// ```
    pub fn key(&self) -> String {
        let mut out = String::new();
        for part in &self.path {
            match part {
                KeyPart::Key(key) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    push_key(&mut out, key);
                }
                KeyPart::Index(i) => out.push_str(&format!("[{i}]")),
            }
        }
        out
    }

    /// What is wrong, without the key.
    ///
    /// ```
    /// let err = vendor_errors::Profile::builder("Acme").build().unwrap_err();
    /// assert!(err.reason().starts_with("invalid vendor name"));
    /// ```
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

/// A key as TOML writes it: bare when it can be, else a quoted string.
fn push_key(out: &mut String, key: &str) {
    let bare = !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if bare {
        out.push_str(key);
    } else {
        out.push('"');
        for c in key.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                c if c.is_control() => out.push_str(&c.escape_unicode().to_string()),
                c => out.push(c),
            }
        }
        out.push('"');
    }
}

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() { f.write_str(&self.reason) } else { write!(f, "{}: {}", self.key(), self.reason) }
    }
}

/// Where validation is: the key path errors are said at.
#[derive(Debug, Clone, Default)]
pub(crate) struct Key(Vec<KeyPart>);

impl Key {
    /// The key `key` inside this one.
    pub(crate) fn key(&self, key: &str) -> Key {
        let mut path = self.0.clone();
        path.push(KeyPart::Key(key.to_owned()));
        Key(path)
    }

    /// The position `i` of the array at this key.
    pub(crate) fn index(&self, i: usize) -> Key {
        let mut path = self.0.clone();
        path.push(KeyPart::Index(i));
        Key(path)
    }

    /// An error at this key.
    pub(crate) fn error(&self, reason: impl fmt::Display) -> ProfileError {
        ProfileError { path: self.0.clone(), reason: reason.to_string() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_written_as_toml_writes_them() {
        let err = Key::default().key("json").index(2).key("when").key("/ok").error("no");
        assert_eq!(err.to_string(), r#"json[2].when."/ok": no"#);
        assert_eq!(Key::default().key("codes").key("a\"b\\").error("x").key(), r#"codes."a\"b\\""#);
        assert_eq!(Key::default().key("codes").key("").error("x").key(), r#"codes."""#);
        assert_eq!(Key::default().key("codes").key("E-1_x").error("x").key(), "codes.E-1_x");
        assert_eq!(Key::default().error("nothing to do").to_string(), "nothing to do");
    }
}
