//! The public profile API: profiles read from TOML (as the CLI reads them)
//! and from JSON, built in code, the errors that name the key, and a
//! profile's vendor carried by errors through JSON.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use vendor_errors::profile::{CodeSpec, ElementSpec, FaultSpec, JsonSpec, KeyPart, ProfileSpec};
use vendor_errors::{Code, Options, Profile, ProfileName, Retry, RetryClass, Vendor, VendorError, VendorHint};

fn profiles_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/profiles")
}

fn read(name: &str) -> String {
    std::fs::read_to_string(profiles_dir().join(name)).unwrap()
}

fn from_toml(name: &str) -> Profile {
    toml::from_str(&read(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn codes(profile: &Profile) -> Vec<String> {
    profile.codes().iter().map(|row| row.code.to_string()).collect()
}

#[test]
fn the_contract_example_reads() {
    let acme = from_toml("acme.toml");
    assert_eq!(acme.name().as_str(), "acme");
    assert_eq!(acme.vendor(), "acme".parse::<Vendor>().unwrap());
    assert_eq!(acme.hint(), VendorHint::Profile(acme.name()));
    assert_eq!(acme.description(), Some("ACME Billing API"));
    assert_eq!(codes(&acme), ["E1001", "QUOTA_EXCEEDED", "SESSION_EXPIRED"], "file order");
    let quota = acme.entry(&Code::from("QUOTA_EXCEEDED")).unwrap();
    assert_eq!(quota.retry, RetryClass::Throttled);
    assert_eq!(quota.name.as_deref(), Some("QuotaExceeded"));
    assert_eq!(quota.description.as_deref(), Some("Too many calls in the window."));
    assert_eq!(acme.lookup("session_expired").unwrap().retry, RetryClass::Reauth);
    assert_eq!(acme.lookup("QuotaExceeded").unwrap().code, Code::from("QUOTA_EXCEEDED"));
    assert!(acme.lookup("E9999").is_none());
}

#[test]
fn every_example_profile_reads() {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(profiles_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            let profile = from_toml(&name);
            assert_eq!(format!("{}.toml", profile.name()), name, "a profile's file is named after its vendor");
            names.push(name);
        }
    }
    names.sort();
    assert_eq!(names, ["acme.toml", "adserver.toml", "failures.toml", "fulfil.toml"]);
    assert_eq!(codes(&from_toml("fulfil.toml")), ["1001", "2001", "9000"]);
    assert_eq!(from_toml("fulfil.toml").entry(&Code::Num(2001)).unwrap().retry, RetryClass::Throttled);
    assert_eq!(
        from_toml("adserver.toml").lookup("AuthenticationError.AUTHENTICATION_FAILED").unwrap().retry,
        RetryClass::Reauth
    );
    assert_eq!(from_toml("failures.toml").entry(&Code::from("rate_limited")).unwrap().retry, RetryClass::Throttled);
}

/// The error a bad profile gives: TOML's own (syntax, unknown key, type)
/// or the profile's (with the key).
fn bad(name: &str) -> String {
    let text = read(&format!("bad/{name}"));
    match toml::from_str::<ProfileSpec>(&text) {
        Err(e) => e.message().to_owned(),
        Ok(spec) => spec.build().unwrap_err().to_string(),
    }
}

#[test]
fn bad_profiles_say_what_and_where() {
    assert!(bad("not-toml.toml").contains("]"), "{}", bad("not-toml.toml"));
    assert!(bad("unknown-key.toml").starts_with("unknown field `colour`"), "{}", bad("unknown-key.toml"));
    assert!(bad("wrong-type.toml").contains("expected a string or an array of strings"), "{}", bad("wrong-type.toml"));
    assert!(bad("invalid-name.toml").starts_with(r#"vendor: invalid vendor name "ACME Billing""#));
    assert_eq!(bad("built-in-name.toml"), r#"vendor: "salesforce" is the name of a built-in vendor"#);
    assert!(bad("invalid-class.toml").starts_with(r#"codes.E1002: unknown retry class "sometimes""#));
    assert_eq!(bad("invalid-pointer.toml"), r#"json[1].at: invalid pointer "errors/*": must start with '/'"#);
    assert_eq!(bad("invalid-path.toml"), r#"element[0].at: invalid path "Problems//Problem": empty segment"#);
    assert_eq!(
        bad("prefixed-path.toml"),
        r#"fault.code[1]: invalid path "acme:errorCode": "acme:errorCode" has a prefix (local names only)"#
    );
    assert_eq!(bad("same-code-twice.toml"), "codes.007: the same code as codes.7");
    assert_eq!(bad("does-nothing.toml"), "no [fault], [[element]], [[json]] or [codes]: the profile would do nothing");
    // Deserializing a Profile directly says the same through the format's error.
    let err = toml::from_str::<Profile>(&read("bad/invalid-path.toml")).unwrap_err();
    assert!(err.message().contains(r#"element[0].at: invalid path "Problems//Problem""#), "{err}");
}

#[test]
fn errors_give_the_key_path() {
    let spec: ProfileSpec = toml::from_str(&read("bad/invalid-pointer.toml")).unwrap();
    let err = spec.build().unwrap_err();
    assert_eq!(err.key_path(), [KeyPart::Key("json".into()), KeyPart::Index(1), KeyPart::Key("at".into())]);
    assert_eq!(err.key(), "json[1].at");
    assert_eq!(err.reason(), r#"invalid pointer "errors/*": must start with '/'"#);
}

/// The contract's example, as JSON.
const ACME_JSON: &str = r#"{
  "vendor": "acme",
  "description": "ACME Billing API",
  "detect": {"namespaces": ["urn:acme:billing:*"], "roots": ["AcmeResult"], "json_keys": ["acmeError"]},
  "fault": {"code": ["ApiFault/errors/reason", "errorCode"], "message": ["ApiFault/message"],
            "retry_after_secs": ["ApiFault/errors/retryAfterSeconds"]},
  "element": [{"at": "Problems/Problem", "code": "Id", "message": ["Text", "Summary"], "severity": "Level",
               "errors_when": ["error", "fatal"], "retry_after_secs": "WaitSeconds"}],
  "json": [{"at": "/failures/*", "code": "kind", "message": "detail", "retry_after_secs": "wait", "when": {"/ok": false}}],
  "codes": {"E1001": "permanent",
            "QUOTA_EXCEEDED": {"retry": "throttled", "name": "QuotaExceeded", "description": "Too many calls in the window."},
            "SESSION_EXPIRED": "reauth"}
}"#;

/// The contract's example, built in code.
fn acme_in_code() -> Profile {
    Profile::builder("acme")
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
        .json(JsonSpec::at("/failures/*").code("kind").message("detail").retry_after_secs("wait").when("/ok", false))
        .code("E1001", RetryClass::Permanent)
        .code(
            "QUOTA_EXCEEDED",
            CodeSpec::new(RetryClass::Throttled).name("QuotaExceeded").description("Too many calls in the window."),
        )
        .code("SESSION_EXPIRED", RetryClass::Reauth)
        .build()
        .unwrap()
}

#[test]
fn toml_json_and_code_give_the_same_profile() {
    let from_toml = from_toml("acme.toml");
    let from_json: Profile = serde_json::from_str(ACME_JSON).unwrap();
    assert_eq!(from_json, from_toml);
    assert_eq!(acme_in_code(), from_toml);
    let err = serde_json::from_str::<Profile>(&ACME_JSON.replace("\"reauth\"", "\"later\"")).unwrap_err();
    assert!(err.to_string().starts_with(r#"codes.SESSION_EXPIRED: unknown retry class "later""#), "{err}");
    let err = serde_json::from_str::<Profile>(&ACME_JSON.replace("\"roots\"", "\"root\"")).unwrap_err();
    assert!(err.to_string().starts_with("unknown field `root`"), "{err}");
}

#[test]
fn a_profile_vendor_survives_json() {
    let vendor = acme_in_code().vendor();
    let mut e =
        VendorError::new(vendor, Code::from("QUOTA_EXCEEDED"), "Too many calls", Retry::Throttled { after: None });
    e.index = Some(2);
    let line = serde_json::to_string(&e).unwrap();
    assert!(line.starts_with(r#"{"vendor":"acme","code":"QUOTA_EXCEEDED""#), "{line}");
    let back: VendorError = serde_json::from_str(&line).unwrap();
    assert_eq!(back, e);
    assert_eq!(back.vendor, Vendor::Profile(ProfileName::new("acme").unwrap()));
    assert_eq!(back.to_string(), e.to_string());
    // A vendor no one taught reads back too: the name is all it is.
    let other: VendorError = serde_json::from_str(&line.replace(r#""acme""#, r#""globex""#)).unwrap();
    assert_eq!(other.vendor.as_str(), "globex");
    assert!(serde_json::from_str::<VendorError>(&line.replace(r#""acme""#, r#""Not A Name""#)).is_err());
}

#[test]
fn options_take_profiles() {
    let shared = Arc::new(from_toml("failures.toml"));
    let opts = Options::new().profile(Arc::clone(&shared)).profile(from_toml("fulfil.toml")).vendor(shared.hint());
    // Readers do not apply profiles yet: the body still reads as before.
    let report = vendor_errors::from_slice(b"", &opts.status(503)).unwrap();
    assert_eq!(report.errors.len(), 1);
}

/// The README's worked profile is `fixtures/profiles/fulfil.toml`, word for word.
#[test]
fn the_readme_profile_is_the_fixture() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let profile = std::fs::read_to_string(root.join("fixtures/profiles/fulfil.toml")).unwrap();
    assert!(readme.contains(&format!("```toml\n{profile}```")), "README and fixtures/profiles/fulfil.toml differ");
}
