//! The CLI contract beyond the golden fixtures: arguments, formats, stdin,
//! `explain`, and every exit status.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vendor-errors"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn fixture(name: &str) -> String {
    format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

const FAULT: &[u8] = br#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Server</faultcode><faultstring>Down for a moment</faultstring></s:Fault></s:Body></s:Envelope>"#;

#[test]
fn reads_standard_input_with_and_without_dash() {
    for args in [&[][..], &["-"][..]] {
        let out = run(args, FAULT);
        assert_eq!(out.status.code(), Some(1));
        let line = String::from_utf8(out.stdout).unwrap();
        assert!(
            line.starts_with(
                r#"{"vendor":"soap","code":"Server","message":"Down for a moment","retryable":true,"retry":"transient""#
            ),
            "{line}"
        );
    }
}

#[test]
fn text_format_is_one_line_per_error() {
    let out = run(&["--format", "text", "--status", "503", "--header", "Retry-After: 9"], FAULT);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "soap Server: Down for a moment [transient after 9s, http 503]\n"
    );
}

#[test]
fn header_forms_and_charset() {
    let body = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>Gr\u{FC}n</faultstring></s:Fault></s:Body></s:Envelope>";
    let latin1: Vec<u8> = body.chars().map(|c| c as u8).collect();
    let out = run(&["--header=content-type:text/xml;charset=ISO-8859-1"], &latin1);
    assert!(String::from_utf8(out.stdout).unwrap().contains("\"message\":\"Grün\""));
}

#[test]
fn exit_statuses() {
    assert_eq!(run(&[], b"<ok/>").status.code(), Some(0));
    assert_eq!(run(&["--status", "204"], b"").status.code(), Some(0));
    assert_eq!(run(&["--status", "500"], b"").status.code(), Some(1));
    let not_understood = run(&[], b"<a><b>");
    assert_eq!(not_understood.status.code(), Some(2));
    let stderr = String::from_utf8(not_understood.stderr).unwrap();
    assert!(stderr.contains("at byte 6"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1);
    assert_eq!(run(&["/no/such/file.xml"], b"").status.code(), Some(66));
    assert_eq!(run(&[env!("CARGO_MANIFEST_DIR")], b"").status.code(), Some(66));
}

#[test]
fn usage_errors_exit_64() {
    for args in [
        &["--vendor", "sap"][..],
        &["--status", "abc"],
        &["--status", "42"],
        &["--status"],
        &["--format", "xml"],
        &["--header", "no colon"],
        &["--bogus"],
        &["a.xml", "b.xml"],
        &["explain", "soap"],
        &["explain", "nobody", "1"],
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(64), "{args:?}");
        assert!(String::from_utf8(out.stderr).unwrap().contains("usage:"), "{args:?}");
    }
}

#[test]
fn help_and_version() {
    let help = run(&["--help"], b"");
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8(help.stdout).unwrap().contains("explain VENDOR CODE"));
    assert_eq!(run(&["--version"], b"").status.code(), Some(0));
}

#[test]
fn explain_known_and_unknown_codes() {
    let out = run(&["explain", "soap", "Receiver"], b"");
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["vendor"], "soap");
    assert_eq!(json["code"], "Receiver");
    assert_eq!(json["retry"], "transient");
    assert_eq!(json["retryable"], true);
    assert!(json["description"].as_str().unwrap().len() > 10);

    let out = run(&["explain", "http", "503"], b"");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((json["code"].as_u64(), json["http_status"].as_u64()), (Some(503), Some(503)));

    let unknown = run(&["explain", "http", "299"], b"");
    assert_eq!(unknown.status.code(), Some(1));
    assert!(unknown.stdout.is_empty());
}

#[test]
fn vendor_hint_is_accepted() {
    let out = run(&["--vendor", "soap", &fixture("soap/soap12-sender.xml")], b"");
    assert_eq!(out.status.code(), Some(1));
    let out = run(&["--vendor", "auto", &fixture("soap/soap12-sender.xml")], b"");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn large_stream_is_read_from_stdin() {
    let mut body = String::from("<response><Read status=\"0\">");
    while body.len() < 3 << 20 {
        body.push_str("<Task><id>1</id><notes>n &amp; m</notes></Task>");
    }
    body.push_str("</Read></response>");
    assert_eq!(run(&[], body.as_bytes()).status.code(), Some(0));
}

#[test]
fn explain_every_vendor_catalog() {
    let json = |args: &[&str]| -> serde_json::Value {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let v = json(&["explain", "openair", "556"]);
    assert_eq!((v["retry"].as_str(), v["name"].as_str()), (Some("throttled"), Some("API frequency limit reached")));
    let v = json(&["explain", "marketo", "20123"]);
    assert_eq!(v["informational"], true);
    let v = json(&["explain", "superoffice", "soaperrorinvalidsessionkey"]);
    assert_eq!((v["code"].as_i64(), v["retry"].as_str()), (Some(5), Some("reauth")));
    let v = json(&["explain", "qlm", "101"]);
    assert_eq!((v["name"].as_str(), v["retry"].as_str()), (Some("ConnectionToServer_Failed"), Some("transient")));
    let v = json(&["explain", "salto", "3102"]);
    assert_eq!(v["http_status"], serde_json::json!([408, 404, 400, 403, 500]));
    assert!(v["note"].as_str().unwrap().contains("IQ"));
    let v = json(&["explain", "salto", "1500"]);
    assert_eq!((v["http_status"].as_u64(), v["retry"].as_str()), (Some(401), Some("reauth")));
    assert_eq!(run(&["explain", "openair", "1106"], b"").status.code(), Some(1));
    assert_eq!(run(&["explain", "qlm", "42"], b"").status.code(), Some(1));
    let v = json(&["explain", "salesforce", "invalid_session_id"]);
    assert_eq!((v["code"].as_str(), v["retry"].as_str()), (Some("INVALID_SESSION_ID"), Some("reauth")));
    let v = json(&["explain", "netsuite", "WS_REQUEST_BLOCKED"]);
    assert_eq!(v["retry"].as_str(), Some("throttled"));
    let v = json(&["explain", "netsuite", "invalidSessionFault"]);
    assert_eq!(v["retry"].as_str(), Some("reauth"));
    let v = json(&["explain", "ews", "ErrorServerBusy"]);
    assert_eq!(v["retry"].as_str(), Some("throttled"));
    assert_eq!(run(&["explain", "ews", "ErrorNotAnEwsCode"], b"").status.code(), Some(1));
}

#[test]
fn explain_serves_the_json_catalog() {
    let json = |args: &[&str]| -> serde_json::Value {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let v = json(&["explain", "json", "invalid_token"]);
    assert_eq!((v["retry"].as_str(), v["http_status"].as_u64()), (Some("reauth"), Some(401)));
    let v = json(&["explain", "json", "resource_exhausted"]);
    assert_eq!((v["code"].as_str(), v["retry"].as_str()), (Some("RESOURCE_EXHAUSTED"), Some("throttled")));
    // A negative JSON-RPC code follows `--`, or it reads as an option.
    let v = json(&["explain", "json", "--", "-32601"]);
    assert_eq!((v["code"].as_i64(), v["name"].as_str()), (Some(-32601), Some("Method not found")));
    assert_eq!(run(&["explain", "json", "rate_limited"], b"").status.code(), Some(1));
}
