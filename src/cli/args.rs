//! The command line, as `clap` reads it: flags, values (case-insensitive
//! everywhere), the `explain` and `help` subcommands, and what a usage
//! error prints (one line and a pointer to `--help`, exit 64).

use std::ffi::{OsStr, OsString};
use std::marker::PhantomData;
use std::path::PathBuf;
use std::str::FromStr;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{CommandFactory as _, FromArgMatches as _, Parser, Subcommand, ValueEnum};
use vendor_errors::{ProfileName, Vendor, VendorHint};

#[derive(Debug, Parser)]
#[command(
    name = "vendor-errors",
    version,
    about = "Every error in a SOAP/XML or JSON business API response, as one JSON line (or a line of text) with its vendor, code, message and retry class.",
    override_usage = "vendor-errors [--vendor NAME] [--profile FILE]... [--status CODE] [--header 'Name: value']... [--format json|text] [--summary] [INPUT...]\n       vendor-errors explain [--format json|text] [--profile FILE]... VENDOR [CODE]",
    max_term_width = 100
)]
pub(crate) struct Args {
    #[command(subcommand)]
    pub(crate) command: Option<Command>,

    /// How to read the bodies: auto recognises each one; also the vendor of any --profile given.
    #[arg(short = 'v', long, value_name = "NAME", default_value = "auto", ignore_case = true, value_parser = hint_parser())]
    pub(crate) vendor: VendorHint,

    /// A vendor profile (TOML) teaching a vendor of your own, repeatable; tried first, in order.
    #[arg(short = 'p', long, value_name = "FILE", global = true)]
    pub(crate) profile: Vec<PathBuf>,

    /// The HTTP status the body came with (100-599); wins over a capture's.
    #[arg(short = 's', long, value_name = "CODE", value_parser = clap::value_parser!(u16).range(100..=599))]
    pub(crate) status: Option<u16>,

    /// A response header, repeatable (Retry-After, Content-Type, Content-Encoding and the AWS/Azure error and delay headers are used); wins over a capture's.
    #[arg(short = 'H', long, value_name = "'Name: value'", value_parser = parse_header)]
    pub(crate) header: Vec<(String, String)>,

    /// json: JSON Lines, one object per error; text: one line per error for people.
    #[arg(short = 'f', long, value_enum, value_name = "FORMAT", ignore_case = true, default_value_t = Format::Json, global = true)]
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
    #[command(override_usage = "vendor-errors explain [--format json|text] [--profile FILE]... VENDOR [CODE]")]
    Explain {
        /// The vendor whose catalog to read (a --profile's vendor: the profile's [codes]).
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

/// The names `--vendor` lists: the built-in hints.
fn hint_names() -> impl Iterator<Item = &'static str> {
    VendorHint::ALL.iter().map(|h| h.as_str())
}

/// The names `explain` lists: the built-in vendors.
fn vendor_names() -> impl Iterator<Item = &'static str> {
    Vendor::ALL.iter().map(|v| v.as_str())
}

fn hint_parser() -> NameParser<VendorHint> {
    NameParser { built_in: PossibleValuesParser::new(hint_names()), value: PhantomData }
}

fn vendor_parser() -> NameParser<Vendor> {
    NameParser { built_in: PossibleValuesParser::new(vendor_names()), value: PhantomData }
}

/// A vendor name: a built-in one (listed in `--help`, suggested on a typo)
/// or any valid profile vendor name, which [`check_profile_vendors`]
/// checks against the profiles once they are read.
#[derive(Clone)]
struct NameParser<T> {
    built_in: PossibleValuesParser,
    value: PhantomData<fn() -> T>,
}

impl<T: FromStr + Clone + Send + Sync + 'static> TypedValueParser for NameParser<T> {
    type Value = T;

    fn parse_ref(&self, cmd: &clap::Command, arg: Option<&clap::Arg>, value: &OsStr) -> Result<T, clap::Error> {
        match value.to_str().and_then(|name| name.parse::<T>().ok()) {
            Some(parsed) => Ok(parsed),
            // clap's own error: the built-in names, and a suggestion.
            None => Err(match self.built_in.parse_ref(cmd, arg, value) {
                Err(e) => e,
                Ok(_) => clap::Error::new(clap::error::ErrorKind::InvalidValue).with_cmd(cmd),
            }),
        }
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        self.built_in.possible_values()
    }
}

/// A profile vendor named on the command line (`--vendor`, `explain`'s
/// VENDOR) that no `--profile` given teaches is a usage error, said as clap
/// says an invalid value (the names it could be, a suggestion).
pub(crate) fn check_profile_vendors(args: &Args, profiles: &[ProfileName]) -> Result<(), String> {
    let mut cmd = Args::command();
    cmd.build();
    if let VendorHint::Profile(name) = args.vendor {
        check_name(&cmd, "vendor", hint_names(), name, profiles)?;
    }
    if let Some(Command::Explain { vendor: Vendor::Profile(name), .. }) = args.command {
        let explain = cmd.find_subcommand("explain").unwrap_or(&cmd);
        check_name(explain, "vendor", vendor_names(), name, profiles)?;
    }
    Ok(())
}

/// `name` is one of `profiles`, or the one-line error clap gives for a
/// value that is none of `built_in` and `profiles`.
fn check_name(
    cmd: &clap::Command,
    id: &str,
    built_in: impl Iterator<Item = &'static str>,
    name: ProfileName,
    profiles: &[ProfileName],
) -> Result<(), String> {
    if profiles.contains(&name) {
        return Ok(());
    }
    let arg = cmd.get_arguments().find(|a| a.get_id() == id);
    let names = PossibleValuesParser::new(built_in.chain(profiles.iter().map(|p| p.as_str())));
    match names.parse_ref(cmd, arg, OsStr::new(name.as_str())) {
        Ok(_) => Ok(()),
        Err(e) => Err(one_line(&e)),
    }
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
        Ok(args) => match mistyped_command(&args) {
            Some(line) => Parsed::Usage(line),
            None => Parsed::Run(args),
        },
        Err(e) if matches!(e.kind(), clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion) => {
            // Help and version go to standard output; a closed pipe is not an error of ours.
            let _ = e.print();
            Parsed::Printed
        }
        Err(e) => Parsed::Usage(one_line(&e)),
    }
}

/// The subcommands, for a first input that is no file but looks like one
/// of them mistyped (`explian http 429`): a usage error that says so,
/// rather than three unreadable files.
const COMMANDS: [&str; 2] = ["explain", "help"];

/// A usage line when the first input is not an existing path and is within
/// two edits of a subcommand's name.
fn mistyped_command(args: &Args) -> Option<String> {
    if args.command.is_some() {
        return None;
    }
    let first = args.inputs.first()?.to_str()?;
    if first == "-" || std::path::Path::new(first).exists() {
        return None;
    }
    let word = first.to_ascii_lowercase();
    let near = COMMANDS.into_iter().find(|c| word.len() >= 3 && edit_distance(&word, c) <= 2)?;
    Some(format!("vendor-errors: '{first}' is neither a file nor a command (did you mean '{near}'?); see --help"))
}

/// Levenshtein distance between two short ASCII words.
fn edit_distance(a: &str, b: &str) -> usize {
    let b = b.as_bytes();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.bytes().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != cb)).min(above + 1).min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
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

Vendors (--vendor): {hints}, and the vendor of any --profile given
  Vendors in the output and for explain: {vendors}, and profile vendors
  Names and values are case-insensitive.

Profiles (--profile FILE, repeatable):
  A TOML file that teaches a vendor of your own: how to recognise its bodies
  ([detect]), where its code, message and delay are ([fault], [[element]],
  [[json]]) and what its codes mean ([codes]). Profiles are tried first, in
  the order given. A profile that cannot be used is a usage error (exit 64)
  said on one line with its file, line and key; then nothing is read.

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
  With --profile FILE, a profile's vendor has the profile's [codes].

Examples:
  curl -si https://api.example/soap | vendor-errors --format text
  vendor-errors --summary --format text captures/
  vendor-errors explain soap soap:Server
  vendor-errors --profile acme.toml explain acme QUOTA_EXCEEDED",
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

    #[test]
    fn profile_vendors_are_taken_then_checked() {
        let Parsed::Run(args) = parse(["--vendor", "Acme-2", "explain", "acme-2"].map(OsString::from)) else {
            panic!("not parsed")
        };
        let name = ProfileName::new("acme-2").unwrap();
        assert_eq!(args.vendor, VendorHint::Profile(name));
        assert!(check_profile_vendors(&args, &[name]).is_ok());
        let err = check_profile_vendors(&args, &[]).unwrap_err();
        assert!(err.starts_with("vendor-errors: invalid value 'acme-2' for '--vendor <NAME>'"), "{err}");
        assert!(usage(&["--vendor", "no such name"]).contains("[possible values: auto, soap"));
        assert!(usage(&["explain", "auto"]).contains("invalid value 'auto'"));
    }
}
