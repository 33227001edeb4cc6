//! The CLI contract beyond the golden fixtures: arguments, inputs (several
//! files, directories, standard input, `curl -i` transcripts, HAR
//! captures), formats, `--summary`, `explain`, help, and every exit status.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    run_env(args, stdin, &[])
}

fn run_env(args: &[&str], stdin: &[u8], env: &[(&str, &str)]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vendor-errors"))
        .args(args)
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The CLI may exit before reading everything (a usage error): a closed pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    stdout(out).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn fixture(name: &str) -> String {
    format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// A fresh scratch directory for one test.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vendor-errors-cli-{}-{test}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, body: &[u8]) -> String {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, body).unwrap();
    path.display().to_string()
}

const FAULT: &[u8] = br#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Server</faultcode><faultstring>Down for a moment</faultstring></s:Fault></s:Body></s:Envelope>"#;

const CLIENT_FAULT: &[u8] = br#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>Bad input</faultstring></s:Fault></s:Body></s:Envelope>"#;

/// `body` in the chunked transfer coding, in chunks of `size` bytes.
fn chunked(body: &[u8], size: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for chunk in body.chunks(size) {
        out.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        out.extend_from_slice(chunk);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"0\r\n\r\n");
    out
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for group in bytes.chunks(3) {
        let n = group.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= group.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

// ---------------------------------------------------------------- bodies

#[test]
fn reads_standard_input_with_and_without_dash() {
    for args in [&[][..], &["-"][..]] {
        let out = run(args, FAULT);
        assert_eq!(out.status.code(), Some(1));
        let line = stdout(&out);
        assert!(
            line.starts_with(
                r#"{"vendor":"soap","code":"Server","message":"Down for a moment","retryable":true,"retry":"transient""#
            ),
            "{line}"
        );
        assert!(!line.contains("\"file\""), "one input: no file field: {line}");
    }
}

#[test]
fn text_format_is_one_line_per_error() {
    let out = run(&["--format", "text", "--status", "503", "--header", "Retry-After: 9"], FAULT);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "soap Server: Down for a moment [transient after 9s, http 503]\n");
}

#[test]
fn text_format_keeps_subcodes_and_detail_and_no_colour_in_a_pipe() {
    let out =
        run_env(&["--format", "text", "--status", "500", &fixture("soap/soap12-receiver-subcodes.xml")], b"", &[]);
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1);
    assert!(text.contains("subcodes StockServiceDown > ConnectionPoolExhausted"), "{text}");
    assert!(!text.contains('\x1b'), "colour only on a terminal: {text}");
    let out = run(&["--format", "text", &fixture("soap/soap11-faultactor-detail.xml")], b"");
    assert!(stdout(&out).contains(" \u{2014} "), "detail on the same line: {}", stdout(&out));
}

#[test]
fn values_are_case_insensitive() {
    let out = run(&["--format", "TEXT", "--vendor", "SOAP", "--status", "503"], FAULT);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).starts_with("soap Server: "), "{}", stdout(&out));
    let out = run(&["explain", "SOAP", "server"], b"");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn header_forms_and_charset() {
    let body = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>Gr\u{FC}n</faultstring></s:Fault></s:Body></s:Envelope>";
    let latin1: Vec<u8> = body.chars().map(|c| c as u8).collect();
    let out = run(&["--header=content-type:text/xml;charset=ISO-8859-1"], &latin1);
    assert!(stdout(&out).contains("\"message\":\"Grün\""));
}

#[test]
fn exit_statuses() {
    assert_eq!(run(&[], b"<ok/>").status.code(), Some(0));
    assert_eq!(run(&["--status", "204"], b"").status.code(), Some(0));
    assert_eq!(run(&["--status", "500"], b"").status.code(), Some(1));
    let not_understood = run(&[], b"<a><b>");
    assert_eq!(not_understood.status.code(), Some(2));
    let err = stderr(&not_understood);
    assert!(err.contains("at byte 6"), "{err}");
    assert_eq!(err.lines().count(), 1);
    assert_eq!(run(&["/no/such/file.xml"], b"").status.code(), Some(66));
}

#[test]
fn a_body_not_understood_is_one_sentence_with_escapes_only() {
    let out = run(&[], b"\x17x\x9c\xffbinary\n");
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(
        err,
        "vendor-errors: standard input: body is neither XML nor JSON: it starts at byte 0 with \"\\x17x\\x9c\\xffbinary\"\n"
    );
    assert_eq!(err.matches("byte").count(), 1);
    assert!(!err.contains('\u{FFFD}'));
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
fn vendor_hint_is_accepted() {
    let out = run(&["--vendor", "soap", &fixture("soap/soap12-sender.xml")], b"");
    assert_eq!(out.status.code(), Some(1));
    let out = run(&["--vendor", "auto", &fixture("soap/soap12-sender.xml")], b"");
    assert_eq!(out.status.code(), Some(1));
}

// ---------------------------------------------------------------- raw HTTP responses

#[test]
fn http11_response_with_content_length() {
    let mut raw = format!(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: {}\r\nRetry-After: 120\r\n\r\n",
        FAULT.len()
    )
    .into_bytes();
    raw.extend_from_slice(FAULT);
    let out = run(&[], &raw);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v = &json_lines(&out)[0];
    assert_eq!((v["code"].as_str(), v["http_status"].as_u64()), (Some("Server"), Some(503)));
    assert_eq!(v["retry_after_secs"].as_u64(), Some(120));

    // The command line wins over the transcript.
    let out = run(&["--status", "500", "--header", "Retry-After: 5"], &raw);
    let v = &json_lines(&out)[0];
    assert_eq!((v["http_status"].as_u64(), v["retry_after_secs"].as_u64()), (Some(500), Some(5)));
}

#[test]
fn http11_chunked_response_after_100_continue() {
    let mut raw = b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 500 Internal Server Error\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    raw.extend_from_slice(&chunked(CLIENT_FAULT, 17));
    let dir = scratch("chunked");
    let path = write(&dir, "chunked.http", &raw);
    let out = run(&[&path], b"");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v = &json_lines(&out)[0];
    assert_eq!((v["code"].as_str(), v["message"].as_str()), (Some("Client"), Some("Bad input")));
    assert_eq!((v["retry"].as_str(), v["http_status"].as_u64()), (Some("permanent"), Some(500)));

    // A chunk size that is not hex: said with its byte offset, exit 2.
    let mut broken = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<a/>\n\r\nzz\r\n".to_vec();
    broken.extend_from_slice(b"0\r\n\r\n");
    let out = run(&[], &broken);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("chunked transfer coding at byte 57"), "{}", stderr(&out));
}

#[test]
fn http2_response_and_a_redirect_chain() {
    let raw = b"HTTP/1.1 301 Moved Permanently\r\nLocation: https://api.example/v2\r\nContent-Length: 0\r\n\r\n\
HTTP/2 429\r\ncontent-type: application/json\r\nretry-after: 17\r\n\r\n\
{\"error\": \"slow down\"}";
    let out = run(&["--format", "text"], raw);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 1);
    assert!(stdout(&out).contains("[throttled after 17s, http 429]"), "{}", stdout(&out));

    // A success transcript: exit 0, nothing printed.
    let out = run(&[], b"HTTP/2 200\r\ncontent-type: text/xml\r\n\r\n<ok/>");
    assert_eq!((out.status.code(), out.stdout.is_empty()), (Some(0), true));
    // A success page that is no API response: not understood, said once.
    let out = run(&[], b"HTTP/1.0 200 OK\r\n\r\nplain text");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("HTTP 200 response: body is neither XML nor JSON"), "{}", stderr(&out));
}

// ---------------------------------------------------------------- HAR

fn har() -> String {
    let entry = |method: &str, url: &str, status: u16, headers: &str, content: &str| {
        format!(
            r#"{{"startedDateTime": "2026-01-01T00:00:00Z", "request": {{"method": "{method}", "url": "{url}", "headers": [], "postData": {{"mimeType": "text/xml", "text": "<big/>"}}}},
             "response": {{"status": {status}, "statusText": "", "httpVersion": "HTTP/1.1", "headers": [{headers}], "content": {content}}}}}"#
        )
    };
    let fault = serde_json::to_string(std::str::from_utf8(FAULT).unwrap()).unwrap();
    let entries = [
        entry(
            "GET",
            "https://app.example/",
            200,
            r#"{"name": "Content-Type", "value": "text/html"}"#,
            r#"{"mimeType": "text/html", "text": "<!DOCTYPE html><html><title>App</title></html>"}"#,
        ),
        entry(
            "POST",
            "https://api.example/soap",
            503,
            r#"{"name": "Content-Type", "value": "text/xml"}, {"name": "Retry-After", "value": "30"}"#,
            &format!(r#"{{"mimeType": "text/xml", "text": {fault}}}"#),
        ),
        entry(
            "POST",
            "https://api.example/soap2",
            500,
            r#"{"name": "Content-Type", "value": "text/xml"}"#,
            &format!(r#"{{"mimeType": "text/xml", "encoding": "base64", "text": "{}"}}"#, base64(CLIENT_FAULT)),
        ),
        entry("GET", "https://api.example/gone", 502, "", r#"{"size": 0, "mimeType": "x-unknown"}"#),
        entry(
            "GET",
            "https://api.example/ok",
            200,
            "",
            r#"{"mimeType": "application/json", "text": "{\"ok\": true}"}"#,
        ),
    ];
    format!(
        r#"{{"log": {{"version": "1.2", "creator": {{"name": "test", "version": "1"}}, "pages": [], "entries": [{}]}}}}"#,
        entries.join(",\n")
    )
}

#[test]
fn har_entries_with_text_base64_and_no_content() {
    let out = run(&[], har().as_bytes());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 3, "{}", stdout(&out));
    let got: Vec<_> = lines
        .iter()
        .map(|v| {
            (v["entry"].as_u64().unwrap(), v["method"].as_str().unwrap(), v["url"].as_str().unwrap(), v["code"].clone())
        })
        .collect();
    assert_eq!(
        got,
        [
            (1, "POST", "https://api.example/soap", serde_json::json!("Server")),
            (2, "POST", "https://api.example/soap2", serde_json::json!("Client")),
            (3, "GET", "https://api.example/gone", serde_json::json!(502)),
        ]
    );
    assert_eq!(lines[0]["retry_after_secs"].as_u64(), Some(30));
    assert_eq!(lines[2]["vendor"].as_str(), Some("http"));
    assert!(lines.iter().all(|v| v.get("file").is_none()), "one input: no file");
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));

    let dir = scratch("har");
    let path = write(&dir, "capture.har", har().as_bytes());
    let out = run(&["--format", "text", &path, "-"], b"<ok/>");
    let text = stdout(&out);
    assert!(
        text.lines()
            .next()
            .unwrap()
            .starts_with(&format!("{path}: entry 1 POST https://api.example/soap: soap Server")),
        "{text}"
    );
}

#[test]
fn har_without_errors_and_broken_har() {
    let out = run(&[], br#"{"log": {"entries": [{"response": {"status": 200, "content": {"text": "<ok/>"}}}]}}"#);
    assert_eq!((out.status.code(), out.stdout.is_empty()), (Some(0), true));
    let out = run(&[], br#"{"log": {"entries": [{"response": {"status": 500}}, {"respo"#);
    // The first entry's error is printed; the break is said; errors found win.
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json_lines(&out).len(), 1);
    assert!(stderr(&out).contains("unreadable HAR capture at byte"), "{}", stderr(&out));
}

// ---------------------------------------------------------------- several inputs

#[test]
fn several_files_a_directory_and_an_unreadable_one() {
    let dir = scratch("many");
    let a = write(&dir, "a.xml", FAULT);
    write(&dir, "tree/b/2.xml", CLIENT_FAULT);
    write(&dir, "tree/a.xml", b"<ok/>");
    write(&dir, "tree/c.http", b"HTTP/1.1 404 Not Found\r\n\r\n");
    write(&dir, "tree/.hidden.xml", FAULT);
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.join("nowhere"), dir.join("tree/b/1-dangling.xml")).unwrap();
    let tree = dir.join("tree").display().to_string();
    let missing = dir.join("missing.xml").display().to_string();

    let out = run(&[&a, &missing, &tree], b"");
    // Errors were found: 1 wins over 66.
    assert_eq!(out.status.code(), Some(1));
    let files: Vec<String> = json_lines(&out).iter().map(|v| v["file"].as_str().unwrap().to_owned()).collect();
    assert_eq!(files, [a.clone(), format!("{tree}/b/2.xml"), format!("{tree}/c.http")]);
    let err = stderr(&out);
    assert!(err.contains(&format!("cannot read {missing}")), "{err}");
    #[cfg(unix)]
    assert!(err.contains("1-dangling.xml"), "{err}");

    // A directory alone tags lines with their file too.
    let out = run(&[&format!("{tree}/b")], b"");
    assert!(json_lines(&out).iter().all(|v| v["file"].as_str().unwrap().ends_with("2.xml")));

    // Exit: 2 before 66, 66 alone, 0 when all is well.
    let bad = write(&dir, "bad.xml", b"<a><b>");
    let ok = write(&dir, "ok.xml", b"<ok/>");
    assert_eq!(run(&[&ok, &missing, &bad], b"").status.code(), Some(2));
    assert_eq!(run(&[&ok, &missing], b"").status.code(), Some(66));
    assert_eq!(run(&[&ok, &ok], b"").status.code(), Some(0));
}

#[test]
fn summary_counts_distinct_errors_most_frequent_first() {
    let dir = scratch("summary");
    write(&dir, "1.xml", CLIENT_FAULT);
    write(&dir, "2.xml", FAULT);
    write(&dir, "3.xml", FAULT);
    write(&dir, "4.xml", b"<ok/>");
    let d = dir.display().to_string();
    let out = run(&["--summary", &d], b"");
    assert_eq!(out.status.code(), Some(1));
    // Each row names the first inputs its errors came from (a directory: several inputs).
    assert_eq!(
        stdout(&out),
        format!(
            "{{\"vendor\":\"soap\",\"code\":\"Server\",\"retry\":\"transient\",\"retryable\":true,\"count\":2,\"message\":\"Down for a moment\",\"inputs\":[{{\"file\":\"{d}/2.xml\"}},{{\"file\":\"{d}/3.xml\"}}]}}\n\
             {{\"vendor\":\"soap\",\"code\":\"Client\",\"retry\":\"permanent\",\"retryable\":false,\"count\":1,\"message\":\"Bad input\",\"inputs\":[{{\"file\":\"{d}/1.xml\"}}]}}\n"
        )
    );
    // One input: nothing to say of where; a HAR: its entries.
    let out = run(&["--summary", &format!("{d}/2.xml")], b"");
    assert!(!stdout(&out).contains("inputs"), "{}", stdout(&out));
    let out = run(&["--summary", &fixture("capture/har-browser-session.har")], b"");
    assert!(stdout(&out).contains(r#""inputs":[{"entry":3}]"#), "{}", stdout(&out));
    let out = run(&["--summary", "--format", "text", &d, "--status", "503"], b"");
    assert_eq!(
        stdout(&out),
        format!(
            "COUNT  VENDOR  CODE    RETRY      NAME: FIRST MESSAGE\n    \
                 2  soap    Server  transient  Down for a moment (in {d}/2.xml, {d}/3.xml)\n    \
                 1  soap    Client  transient  Bad input (in {d}/1.xml)\n    \
                 1  http    503     transient  Service Unavailable (in {d}/4.xml)\n"
        )
    );
    // Exit as without --summary.
    let ok = write(&dir, "ok/ok.xml", b"<ok/>");
    let out = run(&["--summary", &ok], b"");
    assert_eq!((out.status.code(), out.stdout.is_empty()), (Some(0), true));
}

// ---------------------------------------------------------------- explain

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

    let unknown = run(&["explain", "soap", "NoSuchCode"], b"");
    assert_eq!(unknown.status.code(), Some(1));
    assert!(unknown.stdout.is_empty());
    assert_eq!(run(&["explain", "http", "600"], b"").status.code(), Some(1));
}

#[test]
fn explain_qnames_by_local_name() {
    for (code, retry) in
        [("soap:Server", "transient"), ("wsse:FailedAuthentication", "reauth"), ("SOAP-ENV:Client", "permanent")]
    {
        let out = run(&["explain", "soap", code], b"");
        assert_eq!(out.status.code(), Some(0), "{code}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["retry"].as_str(), Some(retry), "{code}");
    }
}

#[test]
fn explain_http_knows_every_status() {
    let v = |status: &str| -> serde_json::Value {
        let out = run(&["explain", "http", status], b"");
        assert_eq!(out.status.code(), Some(0), "{status}");
        serde_json::from_slice(&out.stdout).unwrap()
    };
    // As `--status 418` gives it: a permanent http error.
    assert_eq!((v("418")["retry"].as_str(), v("418")["code"].as_u64()), (Some("permanent"), Some(418)));
    assert_eq!(v("520")["retry"].as_str(), Some("transient"));
    assert_eq!(v("429")["retry"].as_str(), Some("throttled"));
    assert_eq!((v("200")["name"].as_str(), v("200")["informational"].as_bool()), (Some("OK"), Some(true)));
    assert_eq!(v("100")["name"].as_str(), Some("Continue"));
    assert_eq!(v("599")["name"].as_str(), Some("Unassigned 5xx status"));
}

#[test]
fn explain_lists_a_whole_catalog() {
    let out = run(&["explain", "superoffice"], b"");
    assert_eq!(out.status.code(), Some(0));
    let lines = json_lines(&out);
    assert!(lines.len() >= 30, "{}", lines.len());
    assert!(lines.iter().all(|v| v["vendor"] == "superoffice" && v["retry"].is_string()));
    let out = run(&["explain", "--format", "text", "soap"], b"");
    assert!(stdout(&out).lines().any(|l| l.starts_with("soap Server: ")), "{}", stdout(&out));
}

#[test]
fn explain_text_format() {
    for args in [&["explain", "--format", "text", "http", "429"][..], &["--format", "text", "explain", "http", "429"]] {
        let out = run(args, b"");
        assert_eq!(
            stdout(&out),
            "http 429 (Too Many Requests): A rate limit was hit: retry after the delay the server gives. [throttled, http 429]\n"
        );
    }
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

// ---------------------------------------------------------------- vendor profiles

fn profile(name: &str) -> String {
    fixture(&format!("profiles/{name}"))
}

/// A bad profile: exit 64, nothing on stdout, and one line on stderr that
/// names the file, the line and the key, and says what is wrong.
fn assert_bad_profile(file: &str, place: &str, says: &str) {
    // A body that would be an error: nothing is read when a profile is bad.
    let out = run(&["--profile", file, "--status", "503"], FAULT);
    assert_eq!(out.status.code(), Some(64), "{file}");
    assert!(out.stdout.is_empty(), "{file}: nothing is read");
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{file}: {err}");
    assert!(err.starts_with(&format!("vendor-errors: profile {file}{place}")), "{file}: {err}");
    assert!(err.contains(says), "{file}: {err}");
}

#[test]
fn bad_profiles_are_usage_errors_naming_file_line_and_key() {
    let bad = |name: &str| profile(&format!("bad/{name}"));
    assert_bad_profile(&bad("not-toml.toml"), ":3: ", "not TOML: ");
    assert_bad_profile(&bad("unknown-key.toml"), ":6: element[0].colour: ", "unknown field `colour`");
    assert_bad_profile(&bad("wrong-type.toml"), ":5: json[0].code: ", "expected a string or an array of strings");
    assert_bad_profile(&bad("invalid-name.toml"), ":1: vendor: ", "invalid vendor name \"ACME Billing\"");
    assert_bad_profile(&bad("built-in-name.toml"), ":1: vendor: ", "\"salesforce\" is the name of a built-in vendor");
    assert_bad_profile(&bad("invalid-class.toml"), ":5: codes.E1002: ", "unknown retry class \"sometimes\"");
    assert_bad_profile(
        &bad("invalid-pointer.toml"),
        ":8: json[1].at: ",
        "invalid pointer \"errors/*\": must start with '/'",
    );
    assert_bad_profile(
        &bad("invalid-path.toml"),
        ":4: element[0].at: ",
        "invalid path \"Problems//Problem\": empty segment",
    );
    assert_bad_profile(&bad("prefixed-path.toml"), ":4: fault.code[1]: ", "has a prefix (local names only)");
    assert_bad_profile(&bad("same-code-twice.toml"), ":6: codes.007: ", "the same code as codes.7");
    assert_bad_profile(&bad("does-nothing.toml"), ": ", "the profile would do nothing");
}

/// Every bad profile of `fixtures/profiles/bad/` (a golden fixture: the
/// profile and, beside it, the one line the CLI must print): exit 64 with
/// exactly that line, nothing read.
#[test]
fn bad_profile_fixtures_print_their_expected_line() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cases: Vec<PathBuf> = fs::read_dir(root.join("fixtures/profiles/bad"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 10);
    for case in cases {
        let relative = case.strip_prefix(root).unwrap().to_str().unwrap().replace('\\', "/");
        let out = Command::new(env!("CARGO_BIN_EXE_vendor-errors"))
            .current_dir(root)
            .args(["--profile", &relative, "--status", "503", "fixtures/soap/soap11-server-fault.xml"])
            .output()
            .unwrap();
        let expected = fs::read_to_string(case.with_extension("expected")).unwrap();
        assert_eq!(out.status.code(), Some(64), "{relative}");
        assert!(out.stdout.is_empty(), "{relative}: nothing is read");
        assert_eq!(stderr(&out), expected, "{relative}");
    }
}

#[test]
fn unreadable_and_repeated_profiles_are_usage_errors() {
    let out = run(&["--profile", "/no/such/profile.toml"], b"");
    assert_eq!(out.status.code(), Some(64));
    let err = stderr(&out);
    assert!(err.starts_with("vendor-errors: cannot read profile /no/such/profile.toml: "), "{err}");
    assert_eq!(err.lines().count(), 1);
    let dir = scratch("profile-twice");
    let other = write(&dir, "other.toml", b"vendor = \"acme\"\n[codes]\nX = \"transient\"\n");
    let out = run(&["--profile", &profile("acme.toml"), "--profile", &other], b"");
    assert_eq!(out.status.code(), Some(64));
    assert!(stderr(&out).contains("vendor: \"acme\" is the vendor of"), "{}", stderr(&out));
    // In a TOML table a code's key may be quoted, and the key says so.
    let quoted = write(&dir, "quoted.toml", b"vendor = \"acme\"\n[codes]\n\"a.b\" = { retry = \"later\" }\n");
    assert_bad_profile(&quoted, ":3: codes.\"a.b\".retry: ", "unknown retry class \"later\"");
}

#[test]
fn vendor_accepts_the_vendor_of_a_profile_given() {
    let out = run(&["--vendor", "acme", "--profile", &profile("acme.toml"), "--status", "503"], b"");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    // Names are case-insensitive, and --profile may come after.
    let out = run(&["--vendor", "ACME", "--status", "503", "--profile", &profile("acme.toml")], b"");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    for args in [&["--vendor", "acme"][..], &["--vendor", "fulfil", "--profile", &profile("acme.toml")]] {
        let out = run(args, FAULT);
        assert_eq!(out.status.code(), Some(64), "{args:?}");
        let err = stderr(&out);
        assert!(err.starts_with("vendor-errors: invalid value") && err.trim_end().ends_with("see --help"), "{err}");
        assert_eq!(err.lines().count(), 1);
    }
    let err = stderr(&run(&["--vendor", "acm", "--profile", &profile("acme.toml")], b""));
    assert!(err.contains("acme") && err.contains("salesforce"), "the names it could be: {err}");
}

#[test]
fn explain_reads_a_profiles_codes() {
    let acme = profile("acme.toml");
    let out = run(&["explain", "--profile", &acme, "acme", "quota_exceeded"], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "{\"vendor\":\"acme\",\"code\":\"QUOTA_EXCEEDED\",\"name\":\"QuotaExceeded\",\"description\":\"Too many calls in the window.\",\"retry\":\"throttled\",\"retryable\":true}\n"
    );
    // By name, as a QName, and with --profile before the subcommand.
    for args in [
        &["explain", "--profile", &acme, "acme", "QuotaExceeded"][..],
        &["--profile", &acme, "explain", "acme", "acme:QUOTA_EXCEEDED"],
    ] {
        let v = json_lines(&run(args, b""));
        assert_eq!(v[0]["code"], "QUOTA_EXCEEDED", "{args:?}");
    }
    // A code without a name or description: the code names it.
    let v = json_lines(&run(&["explain", "--profile", &acme, "acme", "E1001"], b""));
    assert_eq!(
        (v[0]["name"].as_str(), v[0]["description"].as_str(), v[0]["retryable"].as_bool()),
        (Some("E1001"), Some(""), Some(false))
    );
    // Numeric codes are numbers.
    let v = json_lines(&run(&["explain", "--profile", &profile("fulfil.toml"), "fulfil", "2001"], b""));
    assert_eq!((v[0]["code"].as_i64(), v[0]["retry"].as_str()), (Some(2001), Some("throttled")));
    let unknown = run(&["explain", "--profile", &acme, "acme", "E9999"], b"");
    assert_eq!(unknown.status.code(), Some(1));
    assert!(unknown.stdout.is_empty());
    assert_eq!(stderr(&unknown), "vendor-errors: the acme profile has no code \"E9999\"\n");
    // The built-in catalogs still answer beside a profile.
    assert_eq!(run(&["explain", "--profile", &acme, "soap", "Server"], b"").status.code(), Some(0));
    // A profile vendor that no --profile teaches: a usage error.
    assert_eq!(run(&["explain", "acme", "E1001"], b"").status.code(), Some(64));
}

#[test]
fn explain_lists_a_profiles_codes_in_file_order() {
    let out = run(&["explain", "--profile", &profile("acme.toml"), "acme"], b"");
    assert_eq!(out.status.code(), Some(0));
    let codes: Vec<String> = json_lines(&out).iter().map(|v| v["code"].as_str().unwrap().to_owned()).collect();
    assert_eq!(codes, ["E1001", "QUOTA_EXCEEDED", "SESSION_EXPIRED"]);
    let out = run(&["--format", "text", "explain", "--profile", &profile("acme.toml"), "acme"], b"");
    assert_eq!(
        stdout(&out),
        "acme E1001 [permanent]\nacme QUOTA_EXCEEDED (QuotaExceeded): Too many calls in the window. [throttled]\nacme SESSION_EXPIRED [reauth]\n"
    );
}

#[test]
fn every_example_profile_loads() {
    for name in ["acme.toml", "adserver.toml", "fulfil.toml", "failures.toml"] {
        let out = run(&["--profile", &profile(name), "--status", "503"], b"");
        assert_eq!(out.status.code(), Some(1), "{name}: {}", stderr(&out));
    }
    let out = run(&["--help"], b"");
    let help = stdout(&out);
    assert!(help.contains("[--profile FILE]..."), "{help}");
    assert!(help.contains("--profile <FILE>"), "{help}");
}

// ---------------------------------------------------------------- help, version, usage

#[test]
fn help_and_version() {
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let help = stdout(&out);
        for needed in ["explain", "salesforce", "retry_after_secs", "Exit status", "66", "INPUT"] {
            assert!(help.contains(needed), "{args:?} lacks {needed}: {help}");
        }
    }
    for args in [&["--version"][..], &["-V"]] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(stdout(&out), format!("vendor-errors {}\n", env!("CARGO_PKG_VERSION")));
    }
}

/// The README's command-line section is the full reference: every option
/// `--help` names (for the run and for `explain`) and every built-in vendor
/// name is in it, and every option it names is one `--help` knows.
#[test]
fn the_readme_reference_follows_help() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find("## Command line").expect("a Command line section");
    let end = readme[start + 2..].find("\n## ").map_or(readme.len(), |i| start + 2 + i);
    let section = &readme[start..end];
    let options = |text: &str| -> std::collections::BTreeSet<String> {
        text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .filter(|w| w.starts_with("--") && w.len() > 2 && w.as_bytes()[2].is_ascii_alphabetic())
            .map(str::to_owned)
            .collect()
    };
    let help = stdout(&run(&["--help"], b"")) + &stdout(&run(&["explain", "--help"], b""));
    // `curl --raw` and the like are curl's options, not ours.
    let (in_help, in_readme) = (options(&help), options(&section.replace("curl --", "curl ")));
    let missing: Vec<_> = in_help.difference(&in_readme).collect();
    assert!(missing.is_empty(), "options --help names that the README's reference lacks: {missing:?}");
    let unknown: Vec<_> = in_readme.difference(&in_help).collect();
    assert!(unknown.is_empty(), "options the README's reference names that --help does not: {unknown:?}");
    for vendor in vendor_errors::VendorHint::ALL.iter().map(|h| h.as_str()).chain(["http"]) {
        assert!(section.contains(&format!("`{vendor}`")), "the README's reference does not name the vendor `{vendor}`");
    }
}

/// A mistyped subcommand is a usage error with a suggestion, not three
/// unreadable files; a file of that name is still read.
#[test]
fn a_mistyped_command_is_suggested() {
    let out = run(&["explian", "http", "429"], b"");
    assert_eq!(out.status.code(), Some(64), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("'explian' is neither a file nor a command (did you mean 'explain'?)"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    let dir = std::env::temp_dir().join(format!("vendor-errors-explian-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("explian"), b"<ok/>").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_vendor-errors")).arg("explian").current_dir(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Far from any command: an unreadable input, as before.
    assert_eq!(run(&["no-such-input-file.xml"], b"").status.code(), Some(66));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The common options have short forms.
#[test]
fn short_flags_are_the_long_ones() {
    let body = fixture("zimbra/soap11-service-failure.xml");
    let long =
        run(&["--vendor", "soap", "--status", "503", "--header", "Retry-After: 5", "--format", "text", &body], b"");
    let short = run(&["-v", "soap", "-s", "503", "-H", "Retry-After: 5", "-f", "text", &body], b"");
    assert_eq!(long.status.code(), Some(1));
    assert_eq!(stdout(&long), stdout(&short));
    assert!(stdout(&short).contains("[transient after 5s, http 503]"), "{}", stdout(&short));
    let profiled = run(&["-p", &profile("acme.toml"), "-s", "503"], b"");
    assert_eq!(profiled.status.code(), Some(1), "{}", stderr(&profiled));
}

#[test]
fn usage_errors_are_one_line_and_exit_64() {
    for args in [
        &["--vendor", "sap"][..],
        &["--status", "abc"],
        &["--status", "42"],
        &["--status"],
        &["--format", "xml"],
        &["--header", "no colon"],
        &["--bogus"],
        &["--stauts", "500"],
        &["explain"],
        &["explain", "nobody", "1"],
        &["explain", "soap", "Server", "extra"],
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(64), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("vendor-errors: ") && err.trim_end().ends_with("see --help"), "{args:?}: {err}");
        assert!(out.stdout.is_empty());
    }
    let err = stderr(&run(&["--stauts", "500"], b""));
    assert!(err.contains("'--status'"), "a suggestion: {err}");
}

#[test]
fn notes_on_retry_after_go_to_stderr() {
    let out = run(&["--status", "503", "--header", "Retry-After: soon"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("note: Retry-After \"soon\" is neither delay-seconds nor an HTTP-date"),
        "{}",
        stderr(&out)
    );
    let out = run(&["--status", "503", "--header", "Retry-After: 99999999"], b"");
    assert!(stdout(&out).contains("\"retry_after_secs\":3600"), "{}", stdout(&out));
    assert!(stderr(&out).contains("note: a delay of 99999999s was asked for and cut to 3600s"), "{}", stderr(&out));
}
