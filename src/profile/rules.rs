//! A profile's rules once validated: where a SOAP fault's detail, an XML
//! element or a JSON value holds the code, the message and the delay, and
//! what the readers call to read them.
//!
//! Every rule follows the contract: paths are tried in the order written
//! and the first present wins; a match with a message but no code has the
//! code `unknown`; a match with neither is not an error.

use std::borrow::Cow;
use std::time::Duration;

use serde_json::Value;

use super::path::{LocalPath, first_present};
use super::pointer::Pointer;
use crate::vendor::Code;

/// The code of a match that has a message but no code.
pub(crate) const UNKNOWN: Code = Code::Text(Cow::Borrowed("unknown"));

/// Where a delay is: paths to seconds, then paths to milliseconds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DelayPaths<P> {
    pub(crate) secs: Box<[P]>,
    pub(crate) millis: Box<[P]>,
}

impl<P> DelayPaths<P> {
    #[cfg(test)]
    /// No path at all.
    pub(crate) fn is_empty(&self) -> bool {
        self.secs.is_empty() && self.millis.is_empty()
    }

    /// The first delay found: each seconds path, then each milliseconds
    /// path, the first where `read` finds a valid delay.
    fn first(&self, mut read: impl FnMut(&P, Unit) -> Option<Duration>) -> Option<Duration> {
        let secs = self.secs.iter().find_map(|p| read(p, Unit::Secs));
        secs.or_else(|| self.millis.iter().find_map(|p| read(p, Unit::Millis)))
    }
}

/// The unit a delay is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Secs,
    Millis,
}

/// A delay written as a number of `unit`s (may be fractional, surrounding
/// whitespace ignored): `None` when it is no number, negative, not finite,
/// or more than a `Duration` holds. Not capped: that is the report's job.
pub(crate) fn parse_delay(text: &str, unit: Unit) -> Option<Duration> {
    let text = text.trim();
    match text.parse::<u64>() {
        Ok(whole) => Some(whole_delay(whole, unit)),
        Err(_) => float_delay(text.parse().ok()?, unit),
    }
}

/// A delay of a whole number of `unit`s.
fn whole_delay(whole: u64, unit: Unit) -> Duration {
    match unit {
        Unit::Secs => Duration::from_secs(whole),
        Unit::Millis => Duration::from_millis(whole),
    }
}

/// A delay from a float number of `unit`s, as [`parse_delay`] takes it.
fn float_delay(number: f64, unit: Unit) -> Option<Duration> {
    let secs = match unit {
        Unit::Secs => number,
        Unit::Millis => number / 1000.0,
    };
    // Negative zero is zero; NaN, infinities and negatives fail here or below.
    (secs >= 0.0).then(|| Duration::try_from_secs_f64(secs).ok()).flatten()
}

/// A delay in a JSON value: a number, or a string holding one.
pub(crate) fn json_delay(value: &Value, unit: Unit) -> Option<Duration> {
    match value {
        Value::Number(n) => match n.as_u64() {
            Some(whole) => Some(whole_delay(whole, unit)),
            None => n.as_f64().and_then(|f| float_delay(f, unit)),
        },
        Value::String(s) => parse_delay(s, unit),
        _ => None,
    }
}

/// A code in a JSON value: a string (not blank; a number when digits), or a number.
pub(crate) fn json_code(value: &Value) -> Option<Code> {
    match value {
        Value::Number(n) => Some(n.as_i64().map_or_else(|| Code::text(n.to_string()), Code::Num)),
        Value::String(s) if !s.trim().is_empty() => Some(Code::parse(s.trim())),
        _ => None,
    }
}

/// A message in a JSON value: a string (trimmed, not blank), or a number.
pub(crate) fn json_text(value: &Value) -> Option<Cow<'_, str>> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(Cow::Borrowed(s.trim())),
        Value::Number(n) => Some(Cow::Owned(n.to_string())),
        _ => None,
    }
}

/// The code of a match: the one found, else `unknown` when there is a
/// message, else none (no error).
fn code_or_unknown(code: Option<Code>, has_message: bool) -> Option<Code> {
    code.or_else(|| has_message.then_some(UNKNOWN))
}

/// What a rule read in XML (a fault's detail, or below a matched element).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct XmlMatch<'t> {
    /// The code: as found (a number when digits), or `unknown`.
    pub(crate) code: Code,
    /// The message, trimmed, when found.
    pub(crate) message: Option<&'t str>,
    /// The delay, when found.
    pub(crate) retry_after: Option<Duration>,
}

/// `[fault]`: where a SOAP fault's detail holds the vendor's code, message
/// and delay. Paths are relative to the `detail` (`Detail`) element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FaultRule {
    pub(crate) code: Box<[LocalPath]>,
    pub(crate) message: Box<[LocalPath]>,
    pub(crate) retry_after: DelayPaths<LocalPath>,
}

impl FaultRule {
    /// Reads the detail's leaves (`(path, text)` pairs, paths relative to
    /// the detail element, given afresh at each call): the code found
    /// (`None`: none present, the fault's own code applies), the message
    /// found (`None`: the fault's string applies) and the delay.
    pub(crate) fn read<'t, I>(&self, leaves: impl Fn() -> I) -> (Option<Code>, Option<&'t str>, Option<Duration>)
    where
        I: Iterator<Item = (&'t str, &'t str)>,
    {
        let code = first_present(&self.code, &leaves).map(Code::parse);
        let message = first_present(&self.message, &leaves);
        (code, message, xml_delay(&self.retry_after, &leaves))
    }

    /// Would more leaves after these leave the code [`read`](Self::read)
    /// finds as it is? The paths are tried in order, the first present
    /// winning, so only a code the first path finds is final: one a later
    /// path finds gives way to a leaf at an earlier path further on, and
    /// the fault's own code (none present) to any. True without paths (the
    /// fault's code is then not the rule's to say).
    pub(crate) fn code_is_final<'t, I>(&self, leaves: impl Fn() -> I) -> bool
    where
        I: Iterator<Item = (&'t str, &'t str)>,
    {
        self.code.first().is_none_or(|first| first_present(std::slice::from_ref(first), leaves).is_some())
    }
}

/// The first delay the leaves hold at `paths`.
fn xml_delay<'t, I>(paths: &DelayPaths<LocalPath>, leaves: &impl Fn() -> I) -> Option<Duration>
where
    I: Iterator<Item = (&'t str, &'t str)>,
{
    paths.first(|p, unit| {
        let mut texts = leaves().filter(|(path, _)| p.matches_joined(path));
        texts.find_map(|(_, text)| parse_delay(text, unit))
    })
}

/// The severity test of an `[[element]]`: the child holding it, and the
/// values (trimmed) that make the element an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Severity {
    pub(crate) path: LocalPath,
    pub(crate) errors_when: Box<[Box<str>]>,
}

impl Severity {
    /// True when `text` is one of the values, compared ignoring case
    /// (Unicode lowercase) and surrounding whitespace.
    pub(crate) fn is_error(&self, text: &str) -> bool {
        self.errors_when.iter().any(|v| folded(v).eq(folded(text)))
    }
}

/// A text trimmed and lowercased, char by char.
fn folded(text: &str) -> impl Iterator<Item = char> + '_ {
    text.trim().chars().flat_map(char::to_lowercase)
}

/// `[[element]]`: each element whose local-name path ends with `at` is one
/// error; the other paths are relative to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ElementRule {
    pub(crate) at: LocalPath,
    pub(crate) code: Box<[LocalPath]>,
    pub(crate) message: Box<[LocalPath]>,
    pub(crate) severity: Option<Severity>,
    pub(crate) retry_after: DelayPaths<LocalPath>,
}

impl ElementRule {
    #[cfg(test)]
    /// True when the stack of local names (outermost first, the candidate
    /// element last) ends with `at`.
    pub(crate) fn matches_path<S: AsRef<str>>(&self, stack: &[S]) -> bool {
        self.at.matches_stack(stack)
    }

    /// The `at` path.
    pub(crate) fn at(&self) -> &LocalPath {
        &self.at
    }

    /// Reads a matched element's leaves (`(path, text)` pairs, paths
    /// relative to the element, given afresh at each call): the error, or
    /// `None` when the element is none (its severity is not one of
    /// `errors_when` or is absent, or it has neither code nor message).
    pub(crate) fn read<'t, I>(&self, leaves: impl Fn() -> I) -> Option<XmlMatch<'t>>
    where
        I: Iterator<Item = (&'t str, &'t str)>,
    {
        if let Some(severity) = &self.severity {
            let level = first_present(std::slice::from_ref(&severity.path), &leaves)?;
            if !severity.is_error(level) {
                return None;
            }
        }
        let message = first_present(&self.message, &leaves);
        let code = code_or_unknown(first_present(&self.code, &leaves).map(Code::parse), message.is_some())?;
        Some(XmlMatch { code, message, retry_after: xml_delay(&self.retry_after, &leaves) })
    }
}

/// One error a `[[json]]` rule found.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct JsonMatch<'v> {
    /// The value `at` matched (for telling whether an earlier rule matched it).
    pub(crate) value: &'v Value,
    /// Its 0-based position among the values `at` matched, errors or not;
    /// `None` when `at` has no `*` (it matches one value: no position to say).
    pub(crate) index: Option<usize>,
    /// The code: as found, or `unknown`.
    pub(crate) code: Code,
    /// The message, when found.
    pub(crate) message: Option<Cow<'v, str>>,
    /// The delay, when found.
    pub(crate) retry_after: Option<Duration>,
}

/// `[[json]]`: each value `at` matches (when every `when` holds) is one error.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct JsonRule {
    pub(crate) at: Pointer,
    pub(crate) code: Box<[Pointer]>,
    pub(crate) message: Box<[Pointer]>,
    pub(crate) retry_after: DelayPaths<Pointer>,
    pub(crate) when: Box<[(Pointer, Value)]>,
}

impl JsonRule {
    /// True when every `when` pointer reaches a value equal to its value
    /// (numbers compared by value: `1` equals `1.0`).
    pub(crate) fn when_holds(&self, doc: &Value) -> bool {
        self.when.iter().all(|(pointer, expected)| pointer.first(doc).is_some_and(|v| json_eq(v, expected)))
    }

    /// The errors the rule finds in `doc`, in document order: nothing when
    /// a `when` does not hold; matches with neither code nor message are
    /// skipped (but counted in `index`).
    pub(crate) fn matches<'v>(&self, doc: &'v Value) -> impl Iterator<Item = JsonMatch<'v>> {
        let values = self.when_holds(doc).then(|| self.at.each(doc));
        values.into_iter().flatten().enumerate().filter_map(|(index, value)| self.read(value, index))
    }

    /// The error at one matched value, if it is one.
    fn read<'v>(&self, value: &'v Value, index: usize) -> Option<JsonMatch<'v>> {
        let message = self.message.iter().find_map(|p| p.each(value).find_map(json_text));
        let code = self.code.iter().find_map(|p| p.each(value).find_map(json_code));
        let code = code_or_unknown(code, message.is_some())?;
        let retry_after = self.retry_after.first(|p, unit| p.each(value).find_map(|v| json_delay(v, unit)));
        let index = self.at.has_wildcard().then_some(index);
        Some(JsonMatch { value, index, code, message, retry_after })
    }
}

/// JSON equality with numbers compared by value.
pub(crate) fn json_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64(), x.as_u64(), y.as_u64()) {
            (Some(x), Some(y), ..) => x == y,
            (.., Some(x), Some(y)) => x == y,
            _ => x.as_f64().zip(y.as_f64()).is_some_and(|(x, y)| x == y),
        },
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| json_eq(x, y)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| json_eq(v, w)))
        }
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::profile::model::{ElementSpec, FaultSpec, JsonSpec};
    use crate::profile::{Profile, ProfileSpec};
    use crate::retry::RetryClass;

    fn profile(spec: ProfileSpec) -> Profile {
        spec.code("E1", RetryClass::Permanent).build().unwrap()
    }

    #[test]
    fn delays() {
        assert_eq!(parse_delay(" 20 ", Unit::Secs), Some(Duration::from_secs(20)));
        assert_eq!(parse_delay("1.5", Unit::Secs), Some(Duration::from_millis(1500)));
        assert_eq!(parse_delay("250", Unit::Millis), Some(Duration::from_millis(250)));
        assert_eq!(parse_delay("2.5", Unit::Millis), Some(Duration::from_micros(2500)));
        assert_eq!(parse_delay("-0", Unit::Secs), Some(Duration::ZERO));
        assert_eq!(parse_delay("18446744073709551615", Unit::Secs), Some(Duration::from_secs(u64::MAX)));
        for bad in ["", "-1", "-0.5", "NaN", "inf", "-inf", "1e300", "soon", "1 s", "0x10"] {
            assert_eq!(parse_delay(bad, Unit::Secs), None, "{bad}");
        }
        assert_eq!(json_delay(&json!(3), Unit::Secs), Some(Duration::from_secs(3)));
        assert_eq!(json_delay(&json!(0.25), Unit::Secs), Some(Duration::from_millis(250)));
        assert_eq!(json_delay(&json!("1500"), Unit::Millis), Some(Duration::from_millis(1500)));
        for bad in [json!(-1), json!(-0.1), json!(1e300), json!(null), json!(true), json!([1]), json!("x")] {
            assert_eq!(json_delay(&bad, Unit::Secs), None, "{bad}");
        }
    }

    #[test]
    fn json_codes_and_texts() {
        assert_eq!(json_code(&json!(" 1001 ")), Some(Code::Num(1001)));
        assert_eq!(json_code(&json!(-5)), Some(Code::Num(-5)));
        assert_eq!(json_code(&json!("E1")), Some(Code::from("E1")));
        assert_eq!(json_code(&json!(1.5)), Some(Code::from("1.5")));
        assert_eq!(json_code(&json!(u64::MAX)), Some(Code::text(u64::MAX.to_string())));
        for none in [json!(""), json!("  "), json!(null), json!(false), json!({}), json!([])] {
            assert_eq!(json_code(&none), None, "{none}");
            assert_eq!(json_text(&none), None, "{none}");
        }
        assert_eq!(json_text(&json!(" Quota ")).as_deref(), Some("Quota"));
        assert_eq!(json_text(&json!(12)).as_deref(), Some("12"));
    }

    #[test]
    fn json_equality_compares_numbers_by_value() {
        assert!(json_eq(&json!(1), &json!(1.0)));
        assert!(json_eq(&json!(u64::MAX), &json!(u64::MAX)));
        assert!(!json_eq(&json!(1), &json!("1")));
        assert!(json_eq(&json!({"a": [1, {"b": 2.0}]}), &json!({"a": [1.0, {"b": 2}]})));
        assert!(!json_eq(&json!({"a": 1}), &json!({"a": 1, "b": 2})));
        assert!(!json_eq(&json!([1]), &json!([1, 2])));
        assert!(json_eq(&json!(false), &json!(false)) && !json_eq(&json!(null), &json!(false)));
    }

    #[test]
    fn json_rules_find_each_failure_when_the_conditions_hold() {
        let rule = JsonSpec::at("/failures/*")
            .code("kind")
            .message(["detail", "title"])
            .retry_after_secs("wait")
            .when("/ok", false);
        let p = profile(ProfileSpec::new("failures").json(rule));
        let rule = &p.rules().json_rules()[0];
        let doc = json!({"ok": false, "failures": [
            {"kind": "QUOTA", "detail": "Too many", "wait": "2.5"},
            {"title": "Only a title"},
            {"other": 1},
            {"kind": 42, "wait": -1}]});
        let found: Vec<JsonMatch<'_>> = rule.matches(&doc).collect();
        assert_eq!(found.len(), 3);
        assert_eq!(
            (found[0].index.unwrap(), &found[0].code, found[0].message.as_deref()),
            (0, &Code::from("QUOTA"), Some("Too many"))
        );
        assert_eq!(found[0].retry_after, Some(Duration::from_millis(2500)));
        assert_eq!(
            (found[1].index.unwrap(), &found[1].code, found[1].message.as_deref()),
            (1, &UNKNOWN, Some("Only a title"))
        );
        assert_eq!((found[2].index.unwrap(), &found[2].code, found[2].retry_after), (3, &Code::Num(42), None));
        assert!(std::ptr::eq(found[2].value, &doc["failures"][3]));
        assert_eq!(rule.matches(&json!({"ok": true, "failures": [{"kind": "A"}]})).count(), 0);
        assert_eq!(rule.matches(&json!({"ok": 0, "failures": [{"kind": "A"}]})).count(), 0);
        assert_eq!(rule.matches(&json!({"failures": [{"kind": "A"}]})).count(), 0, "a missing value does not hold");
        assert_eq!(
            rule.matches(&json!({"ok": false, "failures": {"b": {"kind": "B"}, "a": {"kind": "A"}}}))
                .map(|m| m.code.to_string())
                .collect::<Vec<_>>(),
            ["A", "B"]
        );
    }

    #[test]
    fn json_delays_try_seconds_then_milliseconds() {
        let rule = JsonSpec::at("").code("code").retry_after_secs("secs").retry_after_ms(["ms", "/backoff/ms"]);
        let p = profile(ProfileSpec::new("delays").json(rule));
        let delay = |doc: Value| p.rules().json_rules()[0].matches(&doc).next().and_then(|m| m.retry_after);
        assert_eq!(delay(json!({"code": 1, "secs": 3, "ms": 10})), Some(Duration::from_secs(3)));
        assert_eq!(delay(json!({"code": 1, "secs": "x", "ms": 10})), Some(Duration::from_millis(10)));
        assert_eq!(delay(json!({"code": 1, "backoff": {"ms": 7}})), Some(Duration::from_millis(7)));
        assert_eq!(delay(json!({"code": 1})), None);
    }

    #[test]
    fn element_rules_match_by_path_and_read_below() {
        let rule = ElementSpec::at("Problems/Problem")
            .code("Id")
            .message(["Text", "Summary"])
            .severity("Level", ["error", "FATAL"])
            .retry_after_secs("WaitSeconds");
        let p = profile(ProfileSpec::new("fulfil").element(rule));
        let rule = &p.rules().element_rules()[0];
        assert!(rule.matches_path(&["Envelope", "Body", "Result", "Problems", "Problem"]));
        assert!(!rule.matches_path(&["Problem"]));
        assert_eq!(rule.at().as_str(), "Problems/Problem");
        assert_eq!((rule.code.len(), rule.message.len()), (1, 2));
        assert!(rule.severity.is_some() && !rule.retry_after.is_empty());
        let read = |leaves: &[(&'static str, &'static str)]| rule.read(|| leaves.iter().copied());
        let found =
            read(&[("Id", "1001"), ("Summary", "Out of stock"), ("Level", " Fatal "), ("WaitSeconds", "30")]).unwrap();
        assert_eq!(
            found,
            XmlMatch {
                code: Code::Num(1001),
                message: Some("Out of stock"),
                retry_after: Some(Duration::from_secs(30))
            }
        );
        assert_eq!(read(&[("Id", "1"), ("Level", "warning")]), None);
        assert_eq!(read(&[("Id", "1")]), None, "no severity: not an error");
        assert_eq!(read(&[("Text", "t"), ("Level", "error")]).unwrap().code, UNKNOWN);
        assert_eq!(read(&[("Other", "t"), ("Level", "error")]), None, "neither code nor message");
        let severity = rule.severity.as_ref().unwrap();
        assert!(severity.is_error("ERROR") && severity.is_error("fatal") && !severity.is_error("err"));
    }

    #[test]
    fn fault_rules_read_the_detail() {
        let rule = FaultSpec::new()
            .code(["ApiFault/errors/reason", "errorCode"])
            .message("ApiFault/message")
            .retry_after_ms("backoff");
        let p = profile(ProfileSpec::new("adserver").fault(rule));
        let rule = p.rules().fault_rule().unwrap();
        assert_eq!((rule.code.len(), rule.message.len(), rule.retry_after.millis.len()), (2, 1, 1));
        let leaves =
            [("ApiFault/message", "Quota"), ("ApiFault/errors/reason", "RATE_EXCEEDED"), ("x/backoff", "1500")];
        let (code, message, delay) = rule.read(|| leaves.iter().copied());
        assert_eq!(
            (code, message, delay),
            (Some(Code::from("RATE_EXCEEDED")), Some("Quota"), Some(Duration::from_millis(1500)))
        );
        let leaves = [("Wrapper/errorCode", "17")];
        assert_eq!(rule.read(|| leaves.iter().copied()), (Some(Code::Num(17)), None, None));
        assert_eq!(rule.read(std::iter::empty), (None, None, None));
    }
}
