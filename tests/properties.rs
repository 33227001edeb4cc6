//! Properties over generated inputs (a fixed-seed generator, so every run
//! checks the same thousand cases and a failure names its case):
//! - any valid SOAP 1.1 or 1.2 fault, written with random prefixes, default
//!   namespaces, escapes, CDATA, comments and whitespace, reads back as the
//!   `VendorError` it was generated from;
//! - truncating such a body anywhere never panics and never invents an error;
//! - the slice and stream readers agree on all of it.

use vendor_errors::{Code, Options, Report, RetryClass, Vendor};

mod common;

/// xorshift64*: small, deterministic, good enough to vary test cases.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// What a generated fault must read back as.
struct Expected {
    code: &'static str,
    class: RetryClass,
    message: String,
    actor: Option<String>,
    subcodes: Vec<String>,
}

const MESSAGE_PIECES: &[&str] =
    &["Invalid", "order", "café", "<tag>", "a & b", "\"quoted\"", "it's", "€ 12", "漢字", "line\nbreak", "tab\there"];

/// `text` written as XML character data, escaped one of several valid ways.
fn write_text(rng: &mut Rng, text: &str) -> String {
    if rng.chance(20) && !text.contains("]]>") {
        return format!("<![CDATA[{text}]]>");
    }
    let mut out = String::new();
    for ch in text.chars() {
        match ch {
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            '>' if rng.chance(50) => out.push_str("&gt;"),
            '"' if rng.chance(50) => out.push_str("&quot;"),
            '\'' if rng.chance(50) => out.push_str("&apos;"),
            c if !c.is_ascii() && rng.chance(30) => out.push_str(&format!("&#x{:X};", c as u32)),
            c if c.is_ascii_alphabetic() && rng.chance(5) => out.push_str(&format!("&#{};", c as u32)),
            c => out.push(c),
        }
    }
    if rng.chance(15) {
        let at = out.find(' ').unwrap_or(0);
        out.insert_str(at, "<!-- note -->");
    }
    out
}

const SPACES: [&str; 4] = ["", " ", "\n  ", "\r\n\t"];

fn ws(rng: &mut Rng) -> &'static str {
    SPACES[rng.below(SPACES.len())]
}

fn generate(rng: &mut Rng) -> (String, Expected) {
    let soap12 = rng.chance(50);
    let ns =
        if soap12 { "http://www.w3.org/2003/05/soap-envelope" } else { "http://schemas.xmlsoap.org/soap/envelope/" };
    let default_ns = rng.chance(25);
    let prefix = *rng.pick(&["soap", "SOAP-ENV", "env", "s", "S", "soapenv", "e"]);
    let (decl, p) = if default_ns {
        (format!("xmlns=\"{ns}\""), String::new())
    } else {
        (format!("xmlns:{prefix}=\"{ns}\""), format!("{prefix}:"))
    };
    // The fault code's own prefix may differ from the envelope's.
    let (code_decl, code_prefix) = if rng.chance(30) {
        (format!(" xmlns:q{}=\"{ns}\"", 7), "q7".to_owned())
    } else if default_ns {
        (format!(" xmlns:d=\"{ns}\""), "d".to_owned())
    } else {
        (String::new(), prefix.to_owned())
    };
    let codes: &[(&str, RetryClass)] = if soap12 {
        &[
            ("Sender", RetryClass::Permanent),
            ("Receiver", RetryClass::Transient),
            ("MustUnderstand", RetryClass::Permanent),
            ("VersionMismatch", RetryClass::Permanent),
            ("DataEncodingUnknown", RetryClass::Permanent),
        ]
    } else {
        &[
            ("Client", RetryClass::Permanent),
            ("Server", RetryClass::Transient),
            ("MustUnderstand", RetryClass::Permanent),
            ("VersionMismatch", RetryClass::Permanent),
        ]
    };
    let (code, class) = *rng.pick(codes);
    let words: Vec<&str> = (0..1 + rng.below(5)).map(|_| *rng.pick(MESSAGE_PIECES)).collect();
    let message = words.join(" ");
    let actor = rng.chance(40).then(|| format!("urn:node:{}", rng.below(1000)));
    let subcodes: Vec<String> =
        if soap12 { (0..rng.below(3)).map(|i| format!("Sub{i}x{}", rng.below(50))).collect() } else { Vec::new() };

    let mut fault = String::new();
    if soap12 {
        fault.push_str(&format!("<{p}Code{code_decl}>{}<{p}Value>{code_prefix}:{code}</{p}Value>", ws(rng)));
        for sub in &subcodes {
            fault.push_str(&format!("<{p}Subcode><{p}Value xmlns:app=\"urn:app\">app:{sub}</{p}Value>"));
        }
        for _ in &subcodes {
            fault.push_str(&format!("</{p}Subcode>"));
        }
        fault.push_str(&format!("</{p}Code>{}", ws(rng)));
        fault.push_str(&format!("<{p}Reason>"));
        if rng.chance(40) {
            fault.push_str(&format!("<{p}Text xml:lang=\"de\">Fehler</{p}Text>"));
        }
        fault.push_str(&format!(
            "<{p}Text xml:lang=\"en\">{}{}{}</{p}Text>",
            ws(rng),
            write_text(rng, &message),
            ws(rng)
        ));
        fault.push_str(&format!("</{p}Reason>"));
        if let Some(a) = &actor {
            fault.push_str(&format!("<{p}Role>{a}</{p}Role>"));
        }
    } else {
        fault.push_str(&format!("<faultcode{code_decl}>{}{code_prefix}:{code}{}</faultcode>", ws(rng), ws(rng)));
        fault.push_str(&format!("<faultstring>{}</faultstring>", write_text(rng, &message)));
        if let Some(a) = &actor {
            fault.push_str(&format!("<faultactor>{a}</faultactor>"));
        }
    }
    if rng.chance(30) {
        fault.push_str(&format!(
            "<{}><x:Info xmlns:x=\"urn:x\"><x:Id>{}</x:Id></x:Info></{0}>",
            if soap12 { format!("{p}Detail") } else { "detail".into() },
            rng.below(99)
        ));
    }
    let header = if rng.chance(30) {
        format!("<{p}Header><h:T xmlns:h=\"urn:h\">Fault</h:T></{p}Header>")
    } else {
        String::new()
    };
    let prolog = *rng.pick(&["", "<?xml version=\"1.0\"?>\n", "<?xml version='1.0' encoding='UTF-8'?><!-- c -->"]);
    let body = format!(
        "{prolog}<{p}Envelope {decl}>{}{header}<{p}Body>{}<{p}Fault>{fault}</{p}Fault>{}</{p}Body></{p}Envelope>",
        ws(rng),
        ws(rng),
        ws(rng)
    );
    // Messages are trimmed; line ends are normalized, inner whitespace kept.
    let message = message.trim().to_owned();
    (body, Expected { code, class, message, actor, subcodes })
}

fn read(body: &[u8]) -> Result<Report, vendor_errors::ParseError> {
    common::read_buffered(body, &Options::new(), 3)
}

#[test]
fn generated_faults_read_back_as_generated() {
    let mut rng = Rng(0x005E_ED0F_FA17);
    for case in 0..1000 {
        let (body, want) = generate(&mut rng);
        let report = read(body.as_bytes()).unwrap_or_else(|e| panic!("case {case}: {e}\n{body}"));
        assert_eq!(report.errors.len(), 1, "case {case}\n{body}");
        let e = &report.errors[0];
        assert_eq!(e.vendor, Vendor::Soap, "case {case}");
        assert_eq!(e.code, Code::from(want.code), "case {case}\n{body}");
        assert_eq!(e.retry.class(), want.class, "case {case}");
        assert_eq!(e.message, want.message, "case {case}\n{body}");
        assert_eq!(e.actor.as_ref().or(e.role.as_ref()), want.actor.as_ref(), "case {case}");
        assert_eq!(e.subcodes, want.subcodes, "case {case}");
        let json = serde_json::to_string(e).unwrap();
        assert_eq!(&serde_json::from_str::<vendor_errors::VendorError>(&json).unwrap(), e);
    }
}

#[test]
fn truncated_generated_faults_never_invent_errors() {
    let mut rng = Rng(0x07A1_1CA7);
    for case in 0..200 {
        let (body, _) = generate(&mut rng);
        let full = read(body.as_bytes()).unwrap();
        for _ in 0..20 {
            let end = rng.below(body.len());
            let Ok(report) = read(&body.as_bytes()[..end]) else { continue };
            if report == full || report.is_success() {
                continue;
            }
            // Salvaged: the fault's code and message were read before the cut.
            assert!(report.incomplete.is_some(), "case {case}, cut at {end}: {report:?}");
            let (salvaged, whole) = (&report.errors[0], &full.errors[0]);
            assert_eq!(report.errors.len(), 1, "case {case}, cut at {end}");
            assert!(salvaged.incomplete, "case {case}, cut at {end}");
            assert_eq!((&salvaged.code, &salvaged.message), (&whole.code, &whole.message), "case {case}, cut at {end}");
        }
    }
}
