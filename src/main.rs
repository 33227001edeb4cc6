//! `vendor-errors`: the command-line face of the library. Its contract
//! (arguments, output, exit statuses) is documented in the README.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::process::ExitCode;

use serde::Serialize;
use vendor_errors::{Options, ParseError, Report, Vendor, VendorError, VendorHint, catalog};

/// Exit statuses of the contract.
const EXIT_NO_ERROR: u8 = 0;
const EXIT_ERRORS: u8 = 1;
const EXIT_NOT_UNDERSTOOD: u8 = 2;
const EXIT_USAGE: u8 = 64;
const EXIT_NO_INPUT: u8 = 66;

const USAGE: &str = "\
usage: vendor-errors [--vendor NAME] [--status CODE] [--header 'Name: value']... [--format json|text] [FILE|-]
       vendor-errors explain VENDOR CODE

Reads an HTTP response body (FILE, or standard input) and prints one line per
error found, as JSON Lines (default) or text.

  --vendor NAME    auto (default), soap, openair, marketo, superoffice, qlm, salto,
                   salesforce, netsuite, ews
  --status CODE    the HTTP status the body came with
  --header H       a response header, repeatable (Retry-After, Content-Type are used)
  --format F       json (default) or text

exit: 0 no error, 1 errors printed, 2 body not understood, 64 usage, 66 unreadable input";

#[derive(Debug)]
enum Command {
    Help,
    Version,
    Normalize { opts: Options, format: Format, file: Option<String> },
    Explain { vendor: Vendor, code: String },
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Format {
    Json,
    Text,
}

fn main() -> ExitCode {
    let command = match parse_args(std::env::args_os().skip(1)) {
        Ok(command) => command,
        Err(message) => {
            eprintln!("vendor-errors: {message}\n{USAGE}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    ExitCode::from(match command {
        Command::Help => {
            println!("{USAGE}");
            EXIT_NO_ERROR
        }
        Command::Version => {
            println!("vendor-errors {}", env!("CARGO_PKG_VERSION"));
            EXIT_NO_ERROR
        }
        Command::Explain { vendor, code } => explain(vendor, &code),
        Command::Normalize { opts, format, file } => normalize(&opts, format, file.as_deref()),
    })
}

fn parse_args(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<Command, String> {
    use lexopt::prelude::*;

    let mut parser = lexopt::Parser::from_args(args);
    let mut opts = Options::new();
    let mut format = Format::Json;
    let mut positional: Vec<String> = Vec::new();
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help),
            Long("version") => return Ok(Command::Version),
            Long("vendor") => {
                let name = string(parser.value().map_err(|e| e.to_string())?)?;
                let hint: VendorHint = name.parse().map_err(|e| format!("--vendor: {e}"))?;
                opts = opts.vendor(hint);
            }
            Long("status") => {
                let value = string(parser.value().map_err(|e| e.to_string())?)?;
                let status = value.trim().parse::<u16>().ok().filter(|s| (100..=599).contains(s));
                let status = status.ok_or_else(|| format!("--status: {value:?} is not an HTTP status (100-599)"))?;
                opts = opts.status(status);
            }
            Long("header") => {
                let value = string(parser.value().map_err(|e| e.to_string())?)?;
                let (name, value) =
                    value.split_once(':').ok_or_else(|| format!("--header: {value:?} is not 'Name: value'"))?;
                opts = opts.header(name, value);
            }
            Long("format") => {
                format = match string(parser.value().map_err(|e| e.to_string())?)?.as_str() {
                    "json" => Format::Json,
                    "text" => Format::Text,
                    other => return Err(format!("--format: {other:?} is neither json nor text")),
                };
            }
            Value(value) => positional.push(string(value)?),
            other => return Err(other.unexpected().to_string()),
        }
    }
    match positional.first().map(String::as_str) {
        Some("explain") => match positional.as_slice() {
            [_, vendor, code] => {
                let vendor = vendor.parse().map_err(|e| format!("explain: {e}"))?;
                Ok(Command::Explain { vendor, code: code.clone() })
            }
            _ => Err("explain takes VENDOR CODE".into()),
        },
        _ if positional.len() > 1 => Err(format!("one FILE at most, got {}", positional.len())),
        _ => Ok(Command::Normalize { opts, format, file: positional.pop().filter(|f| f != "-") }),
    }
}

fn string(value: std::ffi::OsString) -> Result<String, String> {
    value.into_string().map_err(|v| format!("{v:?} is not valid UTF-8"))
}

fn normalize(opts: &Options, format: Format, file: Option<&str>) -> u8 {
    let outcome = match file {
        None => vendor_errors::from_reader(io::stdin().lock(), opts),
        Some(path) => match open(path) {
            Ok(reader) => vendor_errors::from_reader(reader, opts),
            Err(e) => {
                eprintln!("vendor-errors: cannot read {path}: {e}");
                return EXIT_NO_INPUT;
            }
        },
    };
    match outcome {
        Ok(report) => print_report(&report, format),
        Err(e @ ParseError::Io { .. }) => {
            eprintln!("vendor-errors: cannot read {}: {e}", file.unwrap_or("standard input"));
            EXIT_NO_INPUT
        }
        Err(e) => {
            eprintln!("vendor-errors: {e}");
            EXIT_NOT_UNDERSTOOD
        }
    }
}

fn open(path: &str) -> io::Result<impl BufRead> {
    let file = File::open(path)?;
    if file.metadata()?.is_dir() {
        return Err(io::Error::new(io::ErrorKind::IsADirectory, "is a directory"));
    }
    Ok(BufReader::with_capacity(64 * 1024, file))
}

fn print_report(report: &Report, format: Format) -> u8 {
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written = report.errors.iter().try_for_each(|e| match format {
        Format::Json => serde_json::to_writer(&mut out, e).map_err(io::Error::from).and_then(|()| writeln!(out)),
        Format::Text => writeln!(out, "{}", text_line(e)),
    });
    // A closed pipe (`| head`) is not an error of ours.
    let _ = written.and_then(|()| out.flush());
    if report.omitted > 0 {
        eprintln!("vendor-errors: {} more error(s) not printed (max_errors)", report.omitted);
    }
    if report.is_success() { EXIT_NO_ERROR } else { EXIT_ERRORS }
}

/// One line for people: `vendor code (name): message [retry, context]`.
fn text_line(e: &VendorError) -> String {
    let mut line = format!("{} {}", e.vendor, e.code);
    if let Some(name) = e.name.as_deref().filter(|n| *n != e.code.to_string()) {
        line.push_str(&format!(" ({name})"));
    }
    line.push_str(&format!(": {} [{}", e.message, e.retry));
    if let Some(status) = e.http_status {
        line.push_str(&format!(", http {status}"));
    }
    if let Some(command) = &e.command {
        line.push_str(&format!(", {command}"));
    }
    if let Some(index) = e.index {
        line.push_str(&format!(" #{index}"));
    }
    line.push(']');
    line
}

/// The `explain` output object.
#[derive(Serialize)]
struct Explained<'a> {
    vendor: Vendor,
    code: vendor_errors::Code,
    name: &'a str,
    description: &'a str,
    retry: vendor_errors::RetryClass,
    retryable: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    http_status: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    informational: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

fn explain(vendor: Vendor, code: &str) -> u8 {
    let Some(entry) = catalog::lookup(vendor, code) else {
        eprintln!("vendor-errors: {vendor} has no code {code:?} in its catalog");
        return EXIT_ERRORS;
    };
    let http_status = match (vendor, entry.http_status) {
        (Vendor::Http, _) => entry.num().map(|status| serde_json::json!(status)),
        (_, []) => None,
        (_, [one]) => Some(serde_json::json!(one)),
        (_, several) => Some(serde_json::json!(several)),
    };
    let explained = Explained {
        vendor,
        code: entry.code.clone(),
        name: entry.name,
        description: entry.description,
        retry: entry.retry,
        retryable: entry.retry.is_retryable(),
        http_status,
        informational: entry.informational,
        note: entry.note,
    };
    match serde_json::to_string(&explained) {
        Ok(json) => {
            println!("{json}");
            EXIT_NO_ERROR
        }
        Err(e) => {
            eprintln!("vendor-errors: {e}");
            EXIT_ERRORS
        }
    }
}
