//! The CLI: reading the inputs (files, directories, standard input; bare
//! bodies, `curl -i` transcripts, HAR captures), printing what they hold,
//! and the exit status. The contract is the README's "Command line".

mod args;
mod explain;
mod output;

use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, IsTerminal as _, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use vendor_errors::capture::{self, CaptureError, Kind};
use vendor_errors::{Options, ParseError, Profile, Report};

use args::{Args, Command, Parsed};
use output::{Entry, Place, Sink};

/// Exit statuses of the contract.
pub(crate) const EXIT_NO_ERROR: u8 = 0;
pub(crate) const EXIT_ERRORS: u8 = 1;
const EXIT_NOT_UNDERSTOOD: u8 = 2;
const EXIT_USAGE: u8 = 64;
const EXIT_NO_INPUT: u8 = 66;

/// Buffer for each input.
const READ_BUFFER: usize = 64 * 1024;

/// Runs the CLI on these arguments (without the program name); the exit status.
pub(crate) fn run(args: impl IntoIterator<Item = OsString>) -> u8 {
    let args = match args::parse(args) {
        Parsed::Run(args) => args,
        Parsed::Printed => return EXIT_NO_ERROR,
        Parsed::Usage(line) => {
            eprintln!("{line}");
            return EXIT_USAGE;
        }
    };
    // Profiles are read (and the vendors named checked against them) before
    // any input: a bad one is a usage error and nothing is read.
    let loaded = vendor_errors::profile::load_files(&args.profile).map_err(|e| format!("vendor-errors: {e}"));
    let checked = loaded.and_then(|profiles| {
        let names: Vec<_> = profiles.iter().map(Profile::name).collect();
        args::check_profile_vendors(&args, &names).map(|()| profiles)
    });
    let profiles = match checked {
        Ok(profiles) => profiles,
        Err(line) => {
            eprintln!("{line}");
            return EXIT_USAGE;
        }
    };
    match args.command {
        Some(Command::Explain { vendor, ref code }) => explain::run(vendor, code.as_deref(), args.format, &profiles),
        None => normalize(args, profiles),
    }
}

/// What happened over all inputs; the exit status is the first of 1, 2, 66 that applies.
#[derive(Debug, Default)]
struct Outcome {
    errors: bool,
    not_understood: bool,
    unreadable: bool,
}

impl Outcome {
    fn exit(&self) -> u8 {
        if self.errors {
            EXIT_ERRORS
        } else if self.not_understood {
            EXIT_NOT_UNDERSTOOD
        } else if self.unreadable {
            EXIT_NO_INPUT
        } else {
            EXIT_NO_ERROR
        }
    }
}

struct Run {
    opts: Options,
    sink: Sink,
    outcome: Outcome,
    /// Several inputs, or a directory: every line says its file.
    tag_files: bool,
}

fn normalize(args: Args, profiles: Vec<Profile>) -> u8 {
    let mut opts = Options::new().vendor(args.vendor);
    for profile in profiles {
        opts = opts.profile(profile);
    }
    if let Some(status) = args.status {
        opts = opts.status(status);
    }
    for (name, value) in &args.header {
        opts = opts.header(name, value);
    }
    let inputs = if args.inputs.is_empty() { vec![OsString::from("-")] } else { args.inputs };
    let tag_files = inputs.len() > 1 || inputs.iter().any(|i| i != "-" && Path::new(i).is_dir());
    let colour = io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut run =
        Run { opts, sink: Sink::new(args.format, args.summary, colour), outcome: Outcome::default(), tag_files };
    for input in &inputs {
        if run.sink.closed {
            break;
        }
        if input == "-" {
            let label = "-".to_owned();
            run.read(io::stdin().lock(), &label);
        } else {
            run.input(Path::new(input));
        }
    }
    let exit = run.outcome.exit();
    run.sink.finish();
    exit
}

impl Run {
    /// Says on standard error why an input (or part of one) was not read.
    fn say(&mut self, message: &str) {
        self.sink.flush();
        eprintln!("vendor-errors: {message}");
    }

    /// An input whose reading failed part way.
    fn cannot_read(&mut self, shown: &str, source: &dyn std::fmt::Display) {
        self.outcome.unreadable = true;
        self.say(&format!("cannot read {shown}: {source}"));
    }

    /// An input read but not understood.
    fn not_understood(&mut self, shown: &str, e: &dyn std::fmt::Display) {
        self.outcome.not_understood = true;
        self.say(&format!("{shown}: {e}"));
    }

    fn unreadable(&mut self, path: &Path, e: &io::Error) {
        self.outcome.unreadable = true;
        self.say(&format!("cannot read {}: {e}", path.display()));
    }

    /// A path given on the command line: a file, or a directory to walk.
    fn input(&mut self, path: &Path) {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => self.directory(path),
            Ok(_) => self.file(path),
            Err(e) => self.unreadable(path, &e),
        }
    }

    /// Every file under `dir`, recursively, in name order; names starting
    /// with a dot are skipped, and so are links to directories (no loops).
    fn directory(&mut self, dir: &Path) {
        let mut names: Vec<(OsString, PathBuf)> = match fs::read_dir(dir) {
            Ok(entries) => {
                let mut names = Vec::new();
                for entry in entries {
                    match entry {
                        Ok(entry) => names.push((entry.file_name(), entry.path())),
                        Err(e) => self.unreadable(dir, &e),
                    }
                }
                names
            }
            Err(e) => return self.unreadable(dir, &e),
        };
        names.sort();
        for (name, path) in names {
            if self.sink.closed {
                return;
            }
            if name.as_encoded_bytes().starts_with(b".") {
                continue;
            }
            match fs::symlink_metadata(&path) {
                Ok(meta) if meta.is_dir() => self.directory(&path),
                Ok(meta) if meta.is_symlink() && path.is_dir() => {}
                Ok(_) => self.file(&path),
                Err(e) => self.unreadable(&path, &e),
            }
        }
    }

    fn file(&mut self, path: &Path) {
        match File::open(path) {
            Ok(file) => {
                let label = path.display().to_string();
                self.read(BufReader::with_capacity(READ_BUFFER, file), &label);
            }
            Err(e) => self.unreadable(path, &e),
        }
    }

    /// Reads one input, whatever it holds.
    fn read(&mut self, mut reader: impl BufRead, label: &str) {
        let file = self.tag_files.then_some(label);
        let place = Place { file, entry: None };
        let shown = if label == "-" { "standard input" } else { label };
        let mut prefix = Vec::with_capacity(capture::SNIFF_LEN);
        if let Err(e) = (&mut reader).take(capture::SNIFF_LEN as u64).read_to_end(&mut prefix) {
            self.outcome.unreadable = true;
            return self.say(&format!("cannot read {shown}: {e}"));
        }
        let stream = prefix.as_slice().chain(reader);
        match capture::sniff(&prefix) {
            Kind::HttpResponse => match capture::read_http_response(stream, &self.opts) {
                Ok((report, _head)) => self.report(&report, place, shown),
                Err(CaptureError::Io { source, .. }) => self.cannot_read(shown, &source),
                Err(e) => self.not_understood(shown, &e),
            },
            Kind::Har => self.har(stream, file, shown),
            _ => match vendor_errors::from_reader(stream, &self.opts) {
                Ok(report) => self.report(&report, place, shown),
                Err(ParseError::Io { source, .. }) => self.cannot_read(shown, &source),
                Err(e) => self.not_understood(shown, &e),
            },
        }
    }

    /// A HAR capture, entry by entry; entries that are not API responses
    /// (pages, scripts, images with a success status) say nothing.
    fn har(&mut self, stream: impl BufRead, file: Option<&str>, shown: &str) {
        let opts = self.opts.clone();
        let read = capture::read_har(stream, &opts, |entry| {
            let place = Place {
                file,
                entry: Some(Entry { index: entry.index, method: entry.method.as_deref(), url: entry.url.as_deref() }),
            };
            match &entry.outcome {
                _ if entry.is_not_api() => {}
                Ok(report) => self.report(report, place, shown),
                Err(e) => {
                    self.outcome.not_understood = true;
                    let url = [entry.method.as_deref(), entry.url.as_deref()].into_iter().flatten().collect::<Vec<_>>();
                    self.say(&format!("{shown}: entry {} ({}): {e}", entry.index, output::one_line(&url.join(" "))));
                }
            }
            if self.sink.closed { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
        });
        match read {
            Ok(_) => {}
            Err(CaptureError::Io { source, .. }) => {
                self.outcome.unreadable = true;
                self.say(&format!("cannot read {shown}: {source}"));
            }
            Err(e) => {
                self.outcome.not_understood = true;
                self.say(&format!("{shown}: {e}"));
            }
        }
    }

    fn report(&mut self, report: &Report, place: Place<'_>, shown: &str) {
        for e in &report.errors {
            self.sink.error(e, place);
        }
        if !report.is_success() {
            self.outcome.errors = true;
        }
        let entry = place.entry.map(|e| format!(" entry {}", e.index)).unwrap_or_default();
        if report.omitted > 0 {
            self.say(&format!("{shown}{entry}: {} more error(s) not printed (max_errors)", report.omitted));
        }
        // What the response said besides its errors (a Retry-After that
        // could not be used, a delay cut) is said, not dropped.
        for note in &report.notes {
            self.say(&format!("{shown}{entry}: note: {note}"));
        }
    }
}
