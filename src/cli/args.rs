//! The command line, as `clap` reads it: flags, values (case-insensitive
//! everywhere), the `explain` and `help` subcommands, and what a usage
//! error prints (one line and a pointer to `--help`, exit 64).

use std::ffi::OsString;

use clap::builder::{PossibleValuesParser, TypedValueParser as _};
use clap::{CommandFactory as _, FromArgMatches as _, Parser, Subcommand, ValueEnum};
use vendor_errors::{Vendor, VendorHint};

#[derive(Debug, Parser)]
#[command(
    name = "vendor-errors",
    version,
    about = "Every error in a SOAP/XML or JSON business API response, as one JSON line (or a line of text) with its vendor, code, message and retry class.",
    override_usage = "vendor-errors [--vendor NAME] [--status CODE] [--header 'Name: value']... [--format json|text] [--summary] [INPUT...]\n       vendor-errors explain [--format json|text] VENDOR [CODE]",
    max_term_width = 100
)]
pub(crate) struct Args {
    #[command(subcommand)]
    pub(crate) command: Option<Command>,

    /// How to read the bodies: auto recognises each one.
    #[arg(long, value_name = "NAME", default_value = "auto", ignore_case = true, value_parser = hint_parser())]
    pub(crate) vendor: VendorHint,

    /// The HTTP status the body came with (100-599); wins over a capture's.
    #[arg(long, value_name = "CODE", value_parser = clap::value_parser!(u16).range(100..=599))]
    pub(crate) status: Option<u16>,

    /// A response header, repeatable (Retry-After and Content-Type are used); wins over a capture's.
    #[arg(long, value_name = "'Name: value'", value_parser = parse_header)]
    pub(crate) header: Vec<(String, String)>,

    /// json: JSON Lines, one object per error; text: one line per error for people.
    #[arg(long, value_enum, value_name = "FORMAT", ignore_case = true, default_value_t = Format::Json, global = true)]
    pub(crate) format: Format,

    /// One line per distinct vendor, code and retry class, with its count, most frequent first.
    #[arg(long)]
    pub(crate) summary: bool,

    /// Files, directories (read recursively, in name order) or - (standard input, the default).
    #[arg(value_name = "INPUT")]
    pub(crate) inputs: Vec<OsString>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Look a code up in a vendor's catalog; without CODE, list the whole catalog.
    #[command(override_usage = "vendor-errors explain [--format json|text] VENDOR [CODE]")]
    Explain {
        /// The vendor whose catalog to read.
        #[arg(value_name = "VENDOR", ignore_case = true, value_parser = vendor_parser())]
        vendor: Vendor,
        /// The code as the vendor or the CLI writes it: a number, a symbolic code,
        /// a catalog name, or a QName such as soap:Server.
        #[arg(value_name = "CODE")]
        code: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    Json,
    Text,
}

fn hint_parser() -> impl clap::builder::TypedValueParser<Value = VendorHint> {
    PossibleValuesParser::new(VendorHint::ALL.iter().map(|h| h.as_str())).try_map(|name| name.parse::<VendorHint>())
}

fn vendor_parser() -> impl clap::builder::TypedValueParser<Value = Vendor> {
    PossibleValuesParser::new(Vendor::ALL.iter().map(|v| v.as_str())).try_map(|name| name.parse::<Vendor>())
}

fn parse_header(value: &str) -> Result<(String, String), String> {
    match value.split_once(':') {
        Some((name, value)) if !name.trim().is_empty() => Ok((name.trim().to_owned(), value.trim().to_owned())),
        _ => Err("expected 'Name: value'".to_owned()),
    }
}

/// What parsing the command line came to.
pub(crate) enum Parsed {
    Run(Args),
    /// Help or version printed: exit 0.
    Printed,
    /// A usage error, said on one line: exit 64.
    Usage(String),
}

pub(crate) fn parse(args: impl IntoIterator<Item = OsString>) -> Parsed {
    let command = Args::command().after_help(after_help());
    let matches = command.try_get_matches_from(std::iter::once(OsString::from("vendor-errors")).chain(args));
    match matches.and_then(|m| Args::from_arg_matches(&m)) {
        Ok(args) => Parsed::Run(args),
        Err(e) if matches!(e.kind(), clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion) => {
            // Help and version go to standard output; a closed pipe is not an error of ours.
            let _ = e.print();
            Parsed::Printed
        }
        Err(e) => Parsed::Usage(one_line(&e)),
    }
}

/// clap's error, which spans several lines (the error, its context, a tip,
/// the usage), as one line: what was wrong, then a pointer to `--help`.
fn one_line(e: &clap::Error) -> String {
    let rendered = e.render().to_string();
    let mut said = String::new();
    for line in rendered.lines().map(str::trim) {
        if line.starts_with("Usage:") || line.starts_with("For more information") {
            break;
        }
        if line.is_empty() {
            continue;
        }
        if !said.is_empty() {
            // A list after a colon, or `[possible values: ...]`, continues the sentence.
            said.push_str(if said.ends_with(':') || line.starts_with('[') { " " } else { "; " });
        }
        said.push_str(line.strip_prefix("error: ").unwrap_or(line));
    }
    format!("vendor-errors: {said}; see --help")
}

/// The part of `--help` after the options: inputs, vendors, output fields,
/// exit statuses and `explain`.
fn after_help() -> String {
    let hints: Vec<&str> = VendorHint::ALL.iter().map(|h| h.as_str()).collect();
    let vendors: Vec<&str> = Vendor::ALL.iter().map(|v| v.as_str()).collect();
    format!(
        "\
Inputs:
  Each INPUT is read as a stream and may be a bare response body, a whole HTTP
  response as `curl -i` writes it (status line, headers, body; its status and
  headers are used, --status and --header win), or a HAR 1.2 capture (read entry
  by entry). A directory is read file by file, recursively, in name order
  (names starting with a dot are skipped). An input that cannot be read is said
  on standard error and the others are still read.

Vendors (--vendor): {hints}
  Vendors in the output and for explain: {vendors}
  Names and values are case-insensitive.

Output fields (JSON Lines, one object per error):
  vendor, code (number or string), message, retryable, retry (permanent,
  transient, throttled, reauth); where known: name, retry_after_secs,
  http_status, fault_code, subcodes, actor, node, role, lang, reasons, command,
  index, detail, truncated, informational, incomplete; file (several inputs or a
  directory); entry, method, url (a HAR capture).
  --summary: vendor, code, retry, retryable, count, name, message (the first
  seen), one object per distinct vendor, code and retry, most frequent first.

Exit status:
  0   no error found (success responses)
  1   one or more errors found
  2   a body could not be understood and no status of 400 or more came with it
  64  usage error
  66  an input could not be read
  With several inputs (or a directory, or a HAR capture): the first of 1, 2, 66
  that applies to any of them, else 0. --summary exits as the run without it.

Explain:
  vendor-errors explain VENDOR [CODE] prints the catalog entry for CODE (a
  QName such as soap:Server is looked up by its local name; for http every
  status 100-599), or every entry of VENDOR's catalog: exit 0 known, 1 unknown.

Examples:
  curl -si https://api.example/soap | vendor-errors --format text
  vendor-errors --summary --format text captures/
  vendor-errors explain soap soap:Server",
        hints = hints.join(", "),
        vendors = vendors.join(", "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usage(args: &[&str]) -> String {
        match parse(args.iter().map(OsString::from)) {
            Parsed::Usage(line) => line,
            _ => panic!("{args:?} parsed"),
        }
    }

    #[test]
    fn the_command_is_well_formed() {
        Args::command().debug_assert();
    }

    #[test]
    fn usage_errors_are_one_line_with_a_pointer_to_help() {
        for args in [&["--stauts", "500"][..], &["--format", "xml"], &["--vendor"], &["explain"], &["--status", "42"]] {
            let line = usage(args);
            assert!(!line.contains('\n') && line.ends_with("; see --help"), "{line}");
        }
        assert!(usage(&["--stauts", "500"]).contains("'--status'"));
    }
}
