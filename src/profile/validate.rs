//! From a [`ProfileSpec`] to a [`Profile`]: every name, class, pointer and
//! path checked and compiled once, errors naming the key.

use super::codes::{CodeTable, ProfileCode};
use super::error::{Key, ProfileError};
use super::model::{CodeSpec, DetectSpec, ElementSpec, FaultSpec, JsonSpec, Paths, ProfileSpec};
use super::path::{LocalPath, NsPattern, check_local_name};
use super::pointer::Pointer;
use super::rules::{DelayPaths, ElementRule, FaultRule, JsonRule, Severity};
use super::{Detect, Profile, Rules};
use crate::retry::RetryClass;
use crate::vendor::{Code, ProfileName};

/// Validates and compiles a profile as written.
///
/// ```
/// use vendor_errors::{Profile, RetryClass};
/// use vendor_errors::profile::ProfileSpec;
/// let profile = Profile::try_from(ProfileSpec::new("acme").code("E1001", RetryClass::Permanent))?;
/// assert_eq!(profile.codes().len(), 1);
/// # Ok::<(), vendor_errors::ProfileError>(())
/// ```
impl TryFrom<ProfileSpec> for Profile {
    type Error = ProfileError;

    fn try_from(spec: ProfileSpec) -> Result<Profile, ProfileError> {
        let root = Key::default();
        let name = ProfileName::new(&spec.vendor).map_err(|e| root.key("vendor").error(e))?;
        let rules = rules(&spec, &root)?;
        let codes = codes(&spec.codes.0, &root.key("codes"))?;
        if rules.fault.is_none() && rules.elements.is_empty() && rules.json.is_empty() && codes.is_empty() {
            return Err(root.error("no [fault], [[element]], [[json]] or [codes]: the profile would do nothing"));
        }
        Ok(Profile { name, description: spec.description, rules, codes })
    }
}

/// `[detect]`, `[fault]`, `[[element]]` and `[[json]]`, compiled.
fn rules(spec: &ProfileSpec, root: &Key) -> Result<Rules, ProfileError> {
    Ok(Rules {
        detect: detect(&spec.detect, &root.key("detect"))?,
        fault: spec.fault.as_ref().map(|f| fault(f, &root.key("fault"))).transpose()?,
        elements: each(&spec.elements, &root.key("element"), element)?,
        json: each(&spec.json, &root.key("json"), json)?,
    })
}

/// The rules of a built-in vendor written as a profile: checked as a
/// user's are, but its `vendor` is the table row's (any text) and its
/// codes are the vendor's catalog, so `[codes]` must be empty.
pub(crate) fn builtin_rules(spec: &ProfileSpec) -> Result<Rules, ProfileError> {
    let root = Key::default();
    if !spec.codes.0.is_empty() {
        return Err(root.key("codes").error("a built-in vendor's codes are its catalog"));
    }
    let rules = rules(spec, &root)?;
    if rules.fault.is_none() && rules.elements.is_empty() && rules.json.is_empty() {
        return Err(root.error("no [fault], [[element]] or [[json]]: the profile would read nothing"));
    }
    Ok(rules)
}

/// Each item of an array of tables, validated at its index.
fn each<T, U>(items: &[T], key: &Key, f: fn(&T, &Key) -> Result<U, ProfileError>) -> Result<Box<[U]>, ProfileError> {
    items.iter().enumerate().map(|(i, item)| f(item, &key.index(i))).collect()
}

/// Each string of an array, parsed, errors at its index.
fn strings<U>(
    items: &[String],
    key: &Key,
    parse: impl Fn(&str) -> Result<U, String>,
) -> Result<Box<[U]>, ProfileError> {
    items.iter().enumerate().map(|(i, s)| parse(s).map_err(|why| key.index(i).error(why))).collect()
}

/// Paths (or pointers) as written, parsed: none when absent; errors at the
/// key when written as one string, else at the index.
fn paths<U>(
    paths: Option<&Paths>,
    key: &Key,
    parse: impl Fn(&str) -> Result<U, String>,
) -> Result<Box<[U]>, ProfileError> {
    let Some(paths) = paths else { return Ok(Box::default()) };
    match paths.as_slice() {
        [] => Err(key.error("empty list")),
        [one] if paths.is_one() => parse(one).map(|p| Box::from([p])).map_err(|why| key.error(why)),
        all => strings(all, key, parse),
    }
}

/// `retry_after_secs` and `retry_after_ms`.
fn delays<U>(
    secs: Option<&Paths>,
    millis: Option<&Paths>,
    key: &Key,
    parse: impl Fn(&str) -> Result<U, String>,
) -> Result<DelayPaths<U>, ProfileError> {
    let secs = paths(secs, &key.key("retry_after_secs"), &parse)?;
    Ok(DelayPaths { secs, millis: paths(millis, &key.key("retry_after_ms"), &parse)? })
}

fn detect(spec: &DetectSpec, key: &Key) -> Result<Detect, ProfileError> {
    let namespaces = strings(&spec.namespaces, &key.key("namespaces"), NsPattern::parse)?;
    let roots = strings(&spec.roots, &key.key("roots"), |root| match check_local_name(root) {
        Ok(()) => Ok(Box::from(root)),
        Err(why) => Err(format!("invalid root {root:?}: {why}")),
    })?;
    let json_keys = strings(&spec.json_keys, &key.key("json_keys"), |name| match name {
        "" => Err("empty member name".to_owned()),
        name => Ok(Box::from(name)),
    })?;
    Ok(Detect { namespaces, roots, json_keys })
}

fn fault(spec: &FaultSpec, key: &Key) -> Result<FaultRule, ProfileError> {
    Ok(FaultRule {
        code: paths(spec.code.as_ref(), &key.key("code"), LocalPath::parse)?,
        message: paths(spec.message.as_ref(), &key.key("message"), LocalPath::parse)?,
        retry_after: delays(spec.retry_after_secs.as_ref(), spec.retry_after_ms.as_ref(), key, LocalPath::parse)?,
    })
}

/// The error when a rule has neither code nor message paths.
fn nothing_to_report(key: &Key) -> ProfileError {
    key.error("no code and no message: nothing it matches could be an error")
}

fn element(spec: &ElementSpec, key: &Key) -> Result<ElementRule, ProfileError> {
    let at = LocalPath::parse(&spec.at).map_err(|why| key.key("at").error(why))?;
    let code = paths(spec.code.as_ref(), &key.key("code"), LocalPath::parse)?;
    let message = paths(spec.message.as_ref(), &key.key("message"), LocalPath::parse)?;
    if code.is_empty() && message.is_empty() {
        return Err(nothing_to_report(key));
    }
    let severity = severity(spec, key)?;
    let retry_after = delays(spec.retry_after_secs.as_ref(), spec.retry_after_ms.as_ref(), key, LocalPath::parse)?;
    Ok(ElementRule { at, code, message, severity, retry_after })
}

/// `severity` and `errors_when`: both or neither.
fn severity(spec: &ElementSpec, key: &Key) -> Result<Option<Severity>, ProfileError> {
    let (path, values) = match (&spec.severity, &spec.errors_when) {
        (None, None) => return Ok(None),
        (Some(_), None) => {
            return Err(key.key("errors_when").error("missing: severity needs the values that are errors"));
        }
        (None, Some(_)) => {
            return Err(key.key("severity").error("missing: errors_when needs the path to the severity"));
        }
        (Some(path), Some(values)) => (path, values),
    };
    let path = LocalPath::parse(path).map_err(|why| key.key("severity").error(why))?;
    let key = key.key("errors_when");
    if values.is_empty() {
        return Err(key.error("empty list"));
    }
    let errors_when = strings(values, &key, |value| match value.trim() {
        "" => Err("blank value".to_owned()),
        value => Ok(Box::from(value)),
    })?;
    Ok(Some(Severity { path, errors_when }))
}

fn json(spec: &JsonSpec, key: &Key) -> Result<JsonRule, ProfileError> {
    let at = Pointer::absolute(&spec.at).map_err(|why| key.key("at").error(why))?;
    let code = paths(spec.code.as_ref(), &key.key("code"), Pointer::relative)?;
    let message = paths(spec.message.as_ref(), &key.key("message"), Pointer::relative)?;
    if code.is_empty() && message.is_empty() {
        return Err(nothing_to_report(key));
    }
    let retry_after = delays(spec.retry_after_secs.as_ref(), spec.retry_after_ms.as_ref(), key, Pointer::relative)?;
    let when_key = key.key("when");
    let mut when = Vec::with_capacity(spec.when.0.len());
    for (pointer, value) in &spec.when.0 {
        let key = when_key.key(pointer);
        let compiled = Pointer::absolute(pointer).map_err(|why| key.error(why))?;
        if compiled.has_wildcard() {
            return Err(key.error(format!("invalid pointer {pointer:?}: no '*' in a when condition")));
        }
        when.push((compiled, value.clone()));
    }
    Ok(JsonRule { at, code, message, retry_after, when: when.into() })
}

fn codes(rows: &[(String, CodeSpec)], key: &Key) -> Result<CodeTable, ProfileError> {
    let mut table = Vec::with_capacity(rows.len());
    for (code, row) in rows {
        let at = key.key(code);
        if code.trim().is_empty() {
            return Err(at.error("empty code"));
        }
        if code.trim() != code {
            return Err(at.error("space around the code"));
        }
        let class_key = if row.table { at.key("retry") } else { at };
        let retry = row.retry.parse::<RetryClass>().map_err(|e| class_key.error(e))?;
        let (name, description) = (row.name.clone(), row.description.clone());
        table.push(ProfileCode { code: Code::parse(code), retry, name, description });
    }
    CodeTable::new(table).map_err(|(first, again)| {
        let code = |i: usize| rows.get(i).map_or("", |(code, _)| code.as_str());
        let first = key.key(code(first)).error("").key();
        key.key(code(again)).error(format!("the same code as {first}"))
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::profile::model::{ElementSpec as E, FaultSpec as F, JsonSpec as J};

    /// The profile `vendor` with one code, to add what a test checks to.
    fn base() -> ProfileSpec {
        ProfileSpec::new("acme").code("E1", RetryClass::Permanent)
    }

    /// The error `spec` builds to, as displayed.
    fn err(spec: ProfileSpec) -> String {
        spec.build().unwrap_err().to_string()
    }

    /// The error of a spec read from JSON.
    fn err_json(json: serde_json::Value) -> String {
        err(serde_json::from_value(json).unwrap())
    }

    #[test]
    fn vendor_names() {
        assert!(
            err(ProfileSpec::new("Acme").code("E1", RetryClass::Permanent)).starts_with("vendor: invalid vendor name")
        );
        for built_in in ["auto", "soap", "http", "openair", "salesforce", "json", "ews", "salto"] {
            let e = err(ProfileSpec::new(built_in).code("E1", RetryClass::Permanent));
            assert_eq!(e, format!("vendor: {built_in:?} is the name of a built-in vendor"));
        }
        assert_eq!(
            err(ProfileSpec::new("acme")),
            "no [fault], [[element]], [[json]] or [codes]: the profile would do nothing"
        );
        assert!(ProfileSpec::new("acme").fault(F::new()).build().is_ok(), "an empty [fault] is a rule");
    }

    #[test]
    fn detect_signals() {
        assert_eq!(
            err(base().detect_namespace("urn:ok").detect_namespace("*")),
            r#"detect.namespaces[1]: invalid namespace "*": matches every namespace"#
        );
        assert_eq!(err(base().detect_namespace("")), r#"detect.namespaces[0]: invalid namespace "": empty"#);
        assert_eq!(
            err(base().detect_root("a:Root")),
            r#"detect.roots[0]: invalid root "a:Root": "a:Root" has a prefix (local names only)"#
        );
        assert_eq!(err(base().detect_json_key("")), "detect.json_keys[0]: empty member name");
        let p = base()
            .detect_namespace("urn:acme:*")
            .detect_root("AcmeResult")
            .detect_json_key("acmeError")
            .build()
            .unwrap();
        assert!(p.rules().claims_namespace("urn:acme:billing") && !p.rules().claims_namespace("urn:other"));
        assert!(p.rules().claims_root("AcmeResult") && !p.rules().claims_root("acmeresult"));
        assert!(
            p.rules().claims_json(&json!({"acmeError": null}))
                && !p.rules().claims_json(&json!({"error": 1}))
                && !p.rules().claims_json(&json!([1]))
        );
        assert!(!p.rules().detect().is_empty() && p.rules().detect().has_namespaces());
        assert_eq!(p.rules().detect().roots().collect::<Vec<_>>(), ["AcmeResult"]);
        assert_eq!(p.rules().detect().json_keys().collect::<Vec<_>>(), ["acmeError"]);
    }

    #[test]
    fn xml_paths() {
        let e = err(base().element(E::at("Problems//Problem").code("Id")));
        assert_eq!(e, r#"element[0].at: invalid path "Problems//Problem": empty segment"#);
        let e = err(base().element(E::at("Problem").code("Id")).element(E::at("p:Problem").code("Id")));
        assert_eq!(e, r#"element[1].at: invalid path "p:Problem": "p:Problem" has a prefix (local names only)"#);
        assert_eq!(err(base().element(E::at("P").code(["Id", ""]))), r#"element[0].code[1]: invalid path "": empty"#);
        assert_eq!(
            err(base().element(E::at("P").code("Id").message(Vec::<String>::new()))),
            "element[0].message: empty list"
        );
        assert_eq!(
            err(base().element(E::at("P").code("Id").retry_after_ms("a/"))),
            r#"element[0].retry_after_ms: invalid path "a/": empty segment"#
        );
        assert_eq!(
            err(base().fault(F::new().code("x:Code"))),
            r#"fault.code: invalid path "x:Code": "x:Code" has a prefix (local names only)"#
        );
        assert_eq!(
            err(base().fault(F::new().retry_after_secs(["a", "b c"]))),
            r#"fault.retry_after_secs[1]: invalid path "b c": ' ' in "b c" (no local name holds it)"#
        );
        assert_eq!(
            err(base().element(E::at("P"))),
            "element[0]: no code and no message: nothing it matches could be an error"
        );
    }

    #[test]
    fn severity_and_errors_when_go_together() {
        let e = err_json(json!({"vendor": "acme", "element": [{"at": "P", "code": "Id", "severity": "Level"}]}));
        assert_eq!(e, "element[0].errors_when: missing: severity needs the values that are errors");
        let e = err_json(json!({"vendor": "acme", "element": [{"at": "P", "code": "Id", "errors_when": ["error"]}]}));
        assert_eq!(e, "element[0].severity: missing: errors_when needs the path to the severity");
        assert_eq!(
            err(base().element(E::at("P").code("Id").severity("Level", Vec::<String>::new()))),
            "element[0].errors_when: empty list"
        );
        assert_eq!(
            err(base().element(E::at("P").code("Id").severity("Level", ["error", " "]))),
            "element[0].errors_when[1]: blank value"
        );
        assert_eq!(
            err(base().element(E::at("P").code("Id").severity("a//b", ["error"]))),
            r#"element[0].severity: invalid path "a//b": empty segment"#
        );
    }

    #[test]
    fn json_pointers() {
        assert_eq!(
            err(base().json(J::at("failures/*").code("kind"))),
            r#"json[0].at: invalid pointer "failures/*": must start with '/'"#
        );
        assert_eq!(
            err(base().json(J::at("/f").code("a~2"))),
            r#"json[0].code: invalid pointer "a~2": '~' must be followed by 0 or 1"#
        );
        assert_eq!(
            err(base().json(J::at("/f").code("k").when("ok", true))),
            r#"json[0].when.ok: invalid pointer "ok": must start with '/'"#
        );
        assert_eq!(
            err(base().json(J::at("/f").code("k").when("/a/*", true))),
            r#"json[0].when."/a/*": invalid pointer "/a/*": no '*' in a when condition"#
        );
        assert_eq!(
            err(base().json(J::at("/f").retry_after_secs("w"))),
            "json[0]: no code and no message: nothing it matches could be an error"
        );
        assert!(base().json(J::at("").message("")).build().is_ok(), "the whole document, its own text");
    }

    #[test]
    fn codes_and_classes() {
        let e = err_json(json!({"vendor": "acme", "codes": {"E1": "permanent", "E2": "sometimes"}}));
        assert_eq!(
            e,
            r#"codes.E2: unknown retry class "sometimes" (expected permanent, transient, throttled or reauth)"#
        );
        let e = err_json(json!({"vendor": "acme", "codes": {"Q": {"retry": "Throttled"}}}));
        assert!(e.starts_with(r#"codes.Q.retry: unknown retry class "Throttled""#), "{e}");
        // From text: `json!` sorts members, text keeps them in document order.
        let spec = serde_json::from_str(r#"{"vendor": "acme", "codes": {"7": "permanent", "007": "reauth"}}"#).unwrap();
        assert_eq!(err(spec), "codes.007: the same code as codes.7");
        assert_eq!(err_json(json!({"vendor": "acme", "codes": {"": "permanent"}})), r#"codes."": empty code"#);
        assert_eq!(
            err_json(json!({"vendor": "acme", "codes": {" E1": "permanent"}})),
            r#"codes." E1": space around the code"#
        );
        let p: Profile = serde_json::from_str(
            r#"{"vendor": "acme", "codes": {"B": "reauth", "-3": "transient", "A": "permanent"}}"#,
        )
        .unwrap();
        let order: Vec<String> = p.codes().iter().map(|c| c.code.to_string()).collect();
        assert_eq!(order, ["B", "-3", "A"]);
        assert_eq!(p.entry(&Code::Num(-3)).unwrap().retry, RetryClass::Transient);
    }

    #[test]
    fn unknown_keys_are_errors_everywhere() {
        for doc in [
            json!({"vendor": "acme", "colour": 1}),
            json!({"vendor": "acme", "detect": {"root": ["R"]}}),
            json!({"vendor": "acme", "fault": {"codes": "x"}}),
            json!({"vendor": "acme", "element": [{"at": "P", "code": "Id", "where": 1}]}),
            json!({"vendor": "acme", "json": [{"at": "/x", "code": "k", "if": {}}]}),
            json!({"vendor": "acme", "codes": {"Q": {"retry": "throttled", "nmae": "x"}}}),
        ] {
            let e = serde_json::from_value::<ProfileSpec>(doc.clone()).unwrap_err().to_string();
            assert!(e.starts_with("unknown field"), "{doc}: {e}");
        }
        let e = serde_json::from_value::<ProfileSpec>(json!({"vendor": "acme", "fault": {"code": 5}})).unwrap_err();
        assert!(e.to_string().contains("a string or an array of strings"), "{e}");
    }
}
