//! `vendor-errors explain VENDOR [CODE]`: a catalog entry, or a whole
//! catalog; for a `--profile`'s vendor, the profile's `[codes]`. The look-ups
//! and the JSON objects are the library's (`catalog::explain`,
//! `catalog::explain_all`, `catalog::Explained`); the text lines are here.

use std::io::{self, Write};

use vendor_errors::catalog::{self, Explained};
use vendor_errors::{Profile, Vendor};

use super::args::Format;
use super::output::one_line;
use super::{EXIT_ERRORS, EXIT_NO_ERROR};

/// One line for people: `vendor code (name): description [retry, http S, informational] — note`.
fn text(e: &Explained<'_>) -> String {
    let code = e.code.to_string();
    let mut line = format!("{} {}", e.vendor, code);
    if e.name != code {
        line.push_str(&format!(" ({})", one_line(&e.name)));
    }
    if !e.description.is_empty() {
        line.push_str(&format!(": {}", one_line(&e.description)));
    }
    line.push_str(&format!(" [{}", e.retry.as_str()));
    if !e.http_status.is_empty() {
        let all: Vec<String> = e.http_status.iter().map(ToString::to_string).collect();
        line.push_str(&format!(", http {}", all.join("/")));
    }
    if e.informational {
        line.push_str(", informational");
    }
    line.push(']');
    if let Some(note) = e.note {
        line.push_str(&format!(" \u{2014} {}", one_line(note)));
    }
    line
}

pub(crate) fn run(vendor: Vendor, code: Option<&str>, format: Format, profiles: &[Profile]) -> u8 {
    let found: Vec<Explained<'_>> = match code {
        Some(code) => match catalog::explain(vendor, code, profiles) {
            Some(found) => vec![found],
            None => {
                let whose = if profiles.iter().any(|p| p.vendor() == vendor) { "profile" } else { "catalog" };
                eprintln!("vendor-errors: the {vendor} {whose} has no code \"{}\"", one_line(code).escape_debug());
                return EXIT_ERRORS;
            }
        },
        None => catalog::explain_all(vendor, profiles),
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written = found.iter().try_for_each(|e| match format {
        Format::Json => {
            serde_json::to_writer(&mut out, e).map_err(io::Error::from)?;
            writeln!(out)
        }
        Format::Text => writeln!(out, "{}", text(e)),
    });
    // A closed pipe (`| head`) is not an error of ours.
    let _ = written.and_then(|()| out.flush());
    EXIT_NO_ERROR
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_lines_say_statuses_and_notes() {
        let e = catalog::explain(Vendor::Http, "429", &[]).unwrap();
        assert_eq!(
            text(&e),
            "http 429 (Too Many Requests): ".to_owned() + &one_line(&e.description) + " [throttled, http 429]"
        );
    }
}
