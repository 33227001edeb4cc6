//! JSON bodies, read whole or as far as they go.
//!
//! serde_json builds a value only from a whole document: a body that breaks
//! off (its input ends inside a value, or a read fails) would leave
//! nothing. Here the value is built by a visitor of serde_json's own
//! streaming deserializer, in the same single pass: when the body breaks
//! off, each container still open hands its parent what was complete in
//! it, so the readers can be shown the value the body had become:
//!
//! - an object keeps its complete members; the member being read at the
//!   break is left out, unless its value is an object or an array these
//!   rules keep, which is kept as it was at the break;
//! - an array keeps its complete entries: the entry being read at the break
//!   is left out, whatever it holds;
//! - a number that runs into the break is left out (`42` may be the start
//!   of `429`); one followed by anything is complete;
//! - an object still open below the top level is kept only when its
//!   decisive members were read: a message ([`MESSAGE_KEYS`]) and a code
//!   ([`CODE_KEYS`], as a string; a numeric `code` counts only in a
//!   JSON-RPC response, since elsewhere a `status` written after it may
//!   decide the code, as in Google's `{"code": 429, "message": ..,
//!   "status": "RESOURCE_EXHAUSTED"}`), or when it holds an array with
//!   complete entries (UPS's `response.errors`, Google's `details`);
//!   otherwise it is left out with all it holds.
//!
//! The top-level object or array is kept whatever it holds; the readers
//! are told the body was cut ([`Ctx::cut`](crate::vendors::Ctx::cut)), so
//! that a rule needing a member that may have come after the break does
//! not report without it.
//!
//! Memory: the value a whole body would give, at most (members and entries
//! are moved, never copied, into their parent). A body read whole gives
//! exactly the `Value` serde_json gives. The body itself is held in memory
//! while it is read ([`parse_whole`] reads it in place; a stream is first
//! read into a buffer, bounded by `max_event_bytes` as the body is), and
//! [`parse`] reads it again only when it was not whole.

use std::cell::Cell;
use std::fmt;
use std::io::{self, Read};
use std::sync::OnceLock;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// Members that give an open object its message.
pub(crate) const MESSAGE_KEYS: [&str; 5] = ["message", "detail", "title", "description", "error_description"];
/// Members that give an open object its code (as strings).
pub(crate) const CODE_KEYS: [&str; 6] = ["code", "errorCode", "error_code", "status", "type", "reason"];

/// How a JSON body ended.
#[derive(Debug)]
pub(crate) enum Parsed {
    /// Read whole, up to its end (nothing but whitespace after the value).
    Whole(Value),
    /// Not read whole. When the body broke off (`error` is an EOF or I/O
    /// error), `kept` is the value it had become (module docs), `None` when
    /// not even the top-level container was begun; for other errors it
    /// means nothing. `open`: how many objects and arrays were open.
    Failed { kept: Option<Value>, open: u32, error: serde_json::Error },
}

/// Reads a JSON body held whole in memory, in serde_json's slice reader:
/// the value when [`parse`] of the same bytes would read it whole (the same
/// `Value`), else `None` (the body is then read again by [`parse`], which
/// says how it failed and what it had become). Bodies are read whole far
/// more often than not, and this is about twice as fast as [`parse`], whose
/// reader serde_json pulls a byte at a time.
pub(crate) fn parse_whole(bytes: &[u8]) -> Option<Value> {
    // The streaming reader's own visitor (the first of duplicate names
    // wins, scalars as `Value` makes them); over a slice no number runs
    // into the end inside a container that closes, and what a failure
    // leaves behind is not looked at.
    let shared = Shared { ended: Cell::new(false), broken: Cell::new(None) };
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let seed = Seed { shared: &shared, nested: false, rpc: false };
    let value = seed.deserialize(&mut de).and_then(|value| de.end().map(|()| value)).ok();
    if cfg!(debug_assertions) {
        // The tests and the fuzzers hold the two readers to the same answers.
        match (parse(bytes), &value) {
            (Parsed::Whole(streamed), Some(value)) => assert_eq!(&streamed, value, "the readers differ"),
            (Parsed::Failed { .. }, None) => {}
            (streamed, value) => panic!("the readers differ: {streamed:?} streamed, {value:?} from the slice"),
        }
    }
    value
}

/// Reads one JSON value from `reader`, to its end.
pub(crate) fn parse<R: Read>(reader: R) -> Parsed {
    let shared = Shared { ended: Cell::new(false), broken: Cell::new(None) };
    let mut de = serde_json::Deserializer::from_reader(Watched { inner: reader, ended: &shared.ended });
    let read = Seed { shared: &shared, nested: false, rpc: false }.deserialize(&mut de).and_then(|value| {
        de.end()?;
        Ok(value)
    });
    match read {
        Ok(value) => Parsed::Whole(value),
        Err(error) => {
            let broken = shared.broken.take().unwrap_or_default();
            Parsed::Failed { kept: broken.kept, open: broken.open, error }
        }
    }
}

/// What the visitors share: whether the input has ended, and what the
/// container that just failed left for its parent.
struct Shared {
    /// The input gave its last byte (or failed): a number read now ran into the end.
    ended: Cell<bool>,
    broken: Cell<Option<Broken>>,
}

/// What a container that did not close leaves for its parent.
#[derive(Debug, Default)]
struct Broken {
    /// What of it is kept (`None`: nothing, by the rules).
    kept: Option<Value>,
    /// It and the containers open inside it.
    open: u32,
}

/// A reader that notes when its input ends (or fails): serde_json reads
/// one byte at a time, so when it hands a number over, whether a byte
/// followed it is known.
struct Watched<'a, R> {
    inner: R,
    ended: &'a Cell<bool>,
}

impl<R: Read> Read for Watched<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buf);
        match &read {
            Ok(0) if !buf.is_empty() => self.ended.set(true),
            Err(e) if e.kind() != io::ErrorKind::Interrupted => self.ended.set(true),
            _ => {}
        }
        read
    }
}

/// Builds one value (and, on a break, leaves what it held in `shared`).
#[derive(Clone, Copy)]
struct Seed<'s> {
    shared: &'s Shared,
    /// Below the top level (an open object here must have its decisive members).
    nested: bool,
    /// The value of a member of a JSON-RPC response (its `error` has a numeric code).
    rpc: bool,
}

impl Seed<'_> {
    /// The value just read, unless it is a number that ran into the end of
    /// the input (it may have been cut).
    fn complete(&self, value: Value) -> Option<Value> {
        (!(value.is_number() && self.shared.ended.get())).then_some(value)
    }

    /// Leaves what a container that did not close keeps, then hands the
    /// error on. `inner`: the containers open inside it.
    fn broke<E>(&self, kept: Option<Value>, inner: u32, error: E) -> E {
        self.shared.broken.set(Some(Broken { kept, open: inner.saturating_add(1) }));
        error
    }

    /// What the container that just failed inside this one left (taken).
    fn take_inner(&self) -> Broken {
        self.shared.broken.take().unwrap_or_default()
    }
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

/// Scalars as serde_json's own `Value` makes them.
impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_i128<E: de::Error>(self, value: i128) -> Result<Value, E> {
        Number::deserialize(de::value::I128Deserializer::<E>::new(value)).map(Value::Number)
    }

    fn visit_u128<E: de::Error>(self, value: u128) -> Result<Value, E> {
        Number::deserialize(de::value::U128Deserializer::<E>::new(value)).map(Value::Number)
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        let entry = Seed { nested: true, rpc: false, ..self };
        loop {
            match seq.next_element_seed(entry) {
                Ok(Some(value)) => items.extend(self.complete(value)),
                Ok(None) => return Ok(Value::Array(items)),
                Err(e) => {
                    // The entry being read is left out, whatever it kept.
                    let inner = self.take_inner().open;
                    return Err(self.broke(Some(Value::Array(items)), inner, e));
                }
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Map::new();
        // Does `members` hold a `jsonrpc` member? Kept beside it, not
        // looked up for every member.
        let mut rpc = false;
        loop {
            let key = match map.next_key::<String>() {
                Ok(Some(key)) => key,
                Ok(None) => return Ok(Value::Object(members)),
                Err(e) => return Err(self.broke(self.kept_object(members), 0, e)),
            };
            if members.is_empty() && key == NUMBER_TOKEN && numbers_come_as_maps() {
                // serde_json's `arbitrary_precision` (turned on by another
                // crate) hands a number over as a map of this one key.
                let text: String = map.next_value()?;
                return Ok(text.parse::<Number>().map_or(Value::Null, Value::Number));
            }
            let value = Seed { nested: true, rpc, ..self };
            match map.next_value_seed(value) {
                Ok(value) => {
                    if let Some(value) = self.complete(value) {
                        rpc |= key == "jsonrpc";
                        members.entry(key).or_insert(value);
                    }
                }
                Err(e) => {
                    let inner = self.take_inner();
                    if let Some(kept) = inner.kept {
                        members.entry(key).or_insert(kept);
                    }
                    return Err(self.broke(self.kept_object(members), inner.open, e));
                }
            }
        }
    }
}

impl Seed<'_> {
    /// An object that did not close, if the rules keep it (module docs).
    fn kept_object(&self, members: Map<String, Value>) -> Option<Value> {
        (!self.nested || decisive(&members, self.rpc)).then_some(Value::Object(members))
    }
}

/// Were an open object's decisive members read (module docs)?
fn decisive(object: &Map<String, Value>, rpc: bool) -> bool {
    let text = |key: &&str| object.get(*key).and_then(Value::as_str).is_some_and(|t| !t.trim().is_empty());
    let message = MESSAGE_KEYS.iter().any(text);
    let code = CODE_KEYS.iter().any(text) || rpc && object.get("code").is_some_and(Value::is_number);
    let entries = object.values().any(|v| v.as_array().is_some_and(|a| !a.is_empty()));
    message && code || entries
}

/// The key serde_json's `arbitrary_precision` feature gives a number's map.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Does serde_json hand numbers over as maps (its `arbitrary_precision`
/// feature, which any crate in the build may turn on)? Asked once.
fn numbers_come_as_maps() -> bool {
    struct Probe;
    impl<'de> Visitor<'de> for Probe {
        type Value = bool;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a number")
        }
        fn visit_u64<E>(self, _: u64) -> Result<bool, E> {
            Ok(false)
        }
        fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<bool, A::Error> {
            Ok(true)
        }
    }
    static MAPS: OnceLock<bool> = OnceLock::new();
    *MAPS.get_or_init(|| serde_json::Deserializer::from_str("1").deserialize_any(Probe).unwrap_or(false))
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::{Parsed, numbers_come_as_maps, parse};

    /// What a body cut short had become, and how many containers were open.
    fn cut(body: &str) -> (Option<Value>, u32) {
        match parse(body.as_bytes()) {
            Parsed::Failed { kept, open, error } => {
                assert!(error.is_eof(), "{body}: {error}");
                (kept, open)
            }
            Parsed::Whole(v) => panic!("{body} read whole: {v}"),
        }
    }

    #[test]
    fn whole_bodies_are_what_serde_json_makes_of_them() {
        for body in [
            r#"{"a":[1,-2,3.5,1.5e300,18446744073709551615,-9223372036854775808,true,null,"x\u00e9"],"b":{},"c":[]}"#,
            r#"[{"a":1,"b":2},{"jsonrpc":"2.0","error":{"code":-32600,"message":"m"}}]"#,
            "  {\"k\" : \"v\" }\n",
        ] {
            let Parsed::Whole(value) = parse(body.as_bytes()) else { panic!("{body}") };
            assert_eq!(value, serde_json::from_str::<Value>(body).unwrap(), "{body}");
        }
        assert!(!numbers_come_as_maps());
    }

    #[test]
    fn the_first_of_duplicate_names_wins_in_both_readers() {
        let body = r#"{"status":503,"a":{"b":1,"b":[2]},"status":"later"}"#;
        let first = serde_json::json!({"status": 503, "a": {"b": 1}});
        let Parsed::Whole(streamed) = parse(body.as_bytes()) else { panic!("{body}") };
        assert_eq!(streamed, first);
        assert_eq!(crate::json_cut::parse_whole(body.as_bytes()), Some(first));
    }

    #[test]
    fn malformed_bodies_are_not_cuts() {
        for body in [r#"{"a":1 "b":2}"#, r#"{"a":1}x"#, r#"[1,]"#, r#"{"a":tru "#] {
            let Parsed::Failed { error, .. } = parse(body.as_bytes()) else { panic!("{body}") };
            assert!(!error.is_eof(), "{body}: {error}");
        }
    }

    #[test]
    fn cut_inside_a_string_leaves_the_member_out() {
        assert_eq!(cut(r#"{"code":"E1","message":"Not fo"#), (Some(json!({"code":"E1"})), 1));
        assert_eq!(cut(r#"{"code":"E1","mess"#), (Some(json!({"code":"E1"})), 1));
        assert_eq!(cut(r#"{"code":"E1","message":"#), (Some(json!({"code":"E1"})), 1));
        assert_eq!(cut(r#"["a","b"#), (Some(json!(["a"])), 1));
    }

    #[test]
    fn a_number_is_kept_only_when_something_followed_it() {
        assert_eq!(cut(r#"{"status":"x","code":42"#), (Some(json!({"status":"x"})), 1));
        assert_eq!(cut(r#"{"status":"x","code":42 "#), (Some(json!({"status":"x","code":42})), 1));
        assert_eq!(cut(r#"{"code":429,"#), (Some(json!({"code":429})), 1));
        assert_eq!(cut(r#"{"code":4.5e"#), (Some(json!({})), 1));
        assert_eq!(cut(r#"[1,2"#), (Some(json!([1])), 1));
        assert_eq!(cut(r#"[1,2,"#), (Some(json!([1, 2])), 1));
        assert_eq!(cut(r#"{"ok":tru"#), (Some(json!({})), 1));
        assert_eq!(cut(r#"{"ok":true"#), (Some(json!({"ok":true})), 1));
    }

    #[test]
    fn after_a_comma_and_at_the_very_start() {
        assert_eq!(cut(r#"{"a":"x","#), (Some(json!({"a":"x"})), 1));
        assert_eq!(cut("{"), (Some(json!({})), 1));
        assert_eq!(cut("["), (Some(json!([])), 1));
        assert_eq!(cut("  [ "), (Some(json!([])), 1));
        assert_eq!(cut(r#"{"errors":[]"#), (Some(json!({"errors":[]})), 1));
        assert_eq!(cut(r#"{"errors":["#), (Some(json!({"errors":[]})), 2));
        assert_eq!(cut(""), (None, 0));
    }

    #[test]
    fn an_array_keeps_its_complete_entries() {
        let body = r#"{"errors":[{"code":"E1","message":"one"},{"code":"E2","message":"two","extra":{"a":"#;
        assert_eq!(cut(body), (Some(json!({"errors":[{"code":"E1","message":"one"}]})), 4));
    }

    #[test]
    fn an_open_object_below_the_top_needs_a_code_and_a_message() {
        // Stripe's: code and message read.
        let body = r#"{"error":{"type":"card_error","code":"card_declined","message":"Declined.","param":"#;
        assert_eq!(
            cut(body).0,
            Some(json!({"error":{"type":"card_error","code":"card_declined","message":"Declined."}}))
        );
        // A code without its message, a message without a code.
        assert_eq!(cut(r#"{"error":{"code":"card_declined","message":"Decl"#).0, Some(json!({})));
        assert_eq!(cut(r#"{"error":{"message":"Declined.","#).0, Some(json!({})));
        // Google's numeric code needs its status; JSON-RPC's is its code.
        assert_eq!(cut(r#"{"error":{"code":429,"message":"Quota","sta"#).0, Some(json!({})));
        let google = r#"{"error":{"code":429,"message":"Quota","status":"RESOURCE_EXHAUSTED","details":[{"@type":"#;
        assert_eq!(
            cut(google).0,
            Some(json!({"error":{"code":429,"message":"Quota","status":"RESOURCE_EXHAUSTED","details":[]}}))
        );
        let rpc = r#"{"jsonrpc":"2.0","error":{"code":-32603,"message":"Internal error","data":{"trace":"#;
        assert_eq!(cut(rpc).0, Some(json!({"jsonrpc":"2.0","error":{"code":-32603,"message":"Internal error"}})));
        // An array with complete entries keeps the object that holds it.
        let ups = r#"{"response":{"errors":[{"code":"250002","message":"Invalid Authentication Information."},{"co"#;
        assert_eq!(
            cut(ups).0,
            Some(json!({"response":{"errors":[{"code":"250002","message":"Invalid Authentication Information."}]}}))
        );
        // The top level is kept whatever it holds.
        assert_eq!(cut(r#"{"kind":"Status","status":"Fail"#).0, Some(json!({"kind":"Status"})));
    }

    #[test]
    fn a_failed_read_is_a_break_too() {
        struct Failing<'a>(&'a [u8]);
        impl std::io::Read for Failing<'_> {
            fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
                if self.0.is_empty() {
                    return Err(std::io::Error::new(std::io::ErrorKind::ConnectionReset, "peer reset"));
                }
                let n = out.len().min(self.0.len());
                out[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let Parsed::Failed { kept, open, error } = parse(Failing(br#"{"errors":["one",2"#)) else { panic!() };
        assert!(error.is_io());
        assert_eq!((kept, open), (Some(json!({"errors":["one"]})), 2));
    }
}
