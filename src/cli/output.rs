//! What the CLI prints for the errors it finds: JSON Lines or text lines as
//! they are found, or, with `--summary`, one row per distinct (vendor,
//! code, retry) at the end.

use std::collections::HashMap;
use std::io::{self, Write};

use serde::Serialize;
use vendor_errors::{Code, RetryClass, Vendor, VendorError};

use super::args::Format;

/// Where an error was found, besides the body: the input (when there are
/// several) and the HAR entry.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Place<'a> {
    pub(crate) file: Option<&'a str>,
    pub(crate) entry: Option<Entry<'a>>,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry<'a> {
    pub(crate) index: usize,
    pub(crate) method: Option<&'a str>,
    pub(crate) url: Option<&'a str>,
}

/// ANSI styles, used only when standard output is a terminal and `NO_COLOR` is unset.
#[derive(Debug, Clone, Copy)]
struct Style {
    on: bool,
}

impl Style {
    fn paint(self, code: &str, text: &str) -> String {
        if self.on { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_owned() }
    }

    fn retry(self, class: RetryClass, text: &str) -> String {
        let code = match class {
            RetryClass::Permanent => "31",
            RetryClass::Transient => "33",
            RetryClass::Throttled => "35",
            _ => "36",
        };
        self.paint(code, text)
    }
}

/// One row of `--summary`.
#[derive(Debug, Serialize)]
struct Row {
    vendor: Vendor,
    code: Code,
    retry: RetryClass,
    retryable: bool,
    count: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    /// The first message seen.
    message: String,
    /// The first inputs (and HAR entries) the row's errors came from, when
    /// there are several inputs or a HAR: where to look.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    inputs: Vec<Source>,
}

/// Where a summary row's errors came from: an input, a HAR entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct Source {
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    entry: Option<usize>,
}

/// How many inputs a summary row names.
const ROW_INPUTS: usize = 3;

impl Source {
    fn of(place: Place<'_>) -> Option<Source> {
        let source = Source { file: place.file.map(str::to_owned), entry: place.entry.map(|e| e.index) };
        (source.file.is_some() || source.entry.is_some()).then_some(source)
    }

    fn label(&self) -> String {
        match (&self.file, self.entry) {
            (Some(file), Some(entry)) => format!("{file} entry {entry}"),
            (Some(file), None) => file.clone(),
            (None, Some(entry)) => format!("entry {entry}"),
            (None, None) => String::new(),
        }
    }
}

/// The summary's rows in the order first seen, and where each key's row is.
type Summary = (Vec<Row>, HashMap<(Vendor, String, RetryClass), usize>);

pub(crate) struct Sink {
    out: io::BufWriter<io::StdoutLock<'static>>,
    format: Format,
    style: Style,
    summary: Option<Summary>,
    /// Standard output was closed (`| head`): nothing more is worth reading.
    pub(crate) closed: bool,
}

impl Sink {
    pub(crate) fn new(format: Format, summary: bool, colour: bool) -> Self {
        Sink {
            out: io::BufWriter::new(io::stdout().lock()),
            format,
            style: Style { on: colour },
            summary: summary.then(|| (Vec::new(), HashMap::new())),
            closed: false,
        }
    }

    /// Prints an error, or counts it for the summary.
    pub(crate) fn error(&mut self, e: &VendorError, place: Place<'_>) {
        if let Some((rows, index)) = &mut self.summary {
            let key = (e.vendor, serde_json::to_string(&e.code).unwrap_or_default(), e.retry.class());
            let source = Source::of(place);
            match index.get(&key) {
                Some(&i) => {
                    let row = &mut rows[i];
                    row.count += 1;
                    if let Some(source) = source
                        && row.inputs.len() < ROW_INPUTS
                        && !row.inputs.contains(&source)
                    {
                        row.inputs.push(source);
                    }
                }
                None => {
                    index.insert(key, rows.len());
                    rows.push(Row {
                        vendor: e.vendor,
                        code: e.code.clone(),
                        retry: e.retry.class(),
                        retryable: e.retryable(),
                        count: 1,
                        name: e.name.clone(),
                        message: e.message.clone(),
                        inputs: source.into_iter().collect(),
                    });
                }
            }
            return;
        }
        let line = match self.format {
            Format::Json => json_line(e, place),
            Format::Text => text_line(e, place, self.style),
        };
        self.write_line(&line);
    }

    fn write_line(&mut self, line: &str) {
        if !self.closed && writeln!(self.out, "{line}").is_err() {
            self.closed = true;
        }
    }

    /// Flushes what is buffered (before a message on standard error, so
    /// that the two read in order).
    pub(crate) fn flush(&mut self) {
        if !self.closed && self.out.flush().is_err() {
            self.closed = true;
        }
    }

    /// Prints the summary, if one was asked for, and flushes.
    pub(crate) fn finish(mut self) {
        if let Some((mut rows, _)) = self.summary.take() {
            // Most frequent first; among equals, the first seen first (a stable sort).
            rows.sort_by_key(|row| std::cmp::Reverse(row.count));
            match self.format {
                Format::Json => {
                    for row in &rows {
                        let line = serde_json::to_string(row).unwrap_or_default();
                        self.write_line(&line);
                    }
                }
                Format::Text => {
                    for line in table(&rows, self.style) {
                        self.write_line(&line);
                    }
                }
            }
        }
        self.flush();
    }
}

/// The error's JSON object with the place's fields after its own.
fn json_line(e: &VendorError, place: Place<'_>) -> String {
    let mut line = serde_json::to_string(e).unwrap_or_else(|_| "{}".to_owned());
    line.pop(); // the closing brace
    let mut field = |name: &str, value: String| {
        line.push_str(&format!(",\"{name}\":{value}"));
    };
    let string = |s: &str| serde_json::to_string(s).unwrap_or_default();
    if let Some(entry) = place.entry {
        field("entry", entry.index.to_string());
        if let Some(method) = entry.method {
            field("method", string(method));
        }
        if let Some(url) = entry.url {
            field("url", string(url));
        }
    }
    if let Some(file) = place.file {
        field("file", string(file));
    }
    line.push('}');
    line
}

/// One line for people:
/// `[file: ][entry N METHOD url: ]vendor code (name): message [retry after Ns, http S, subcodes a/b, command #index] — detail`.
fn text_line(e: &VendorError, place: Place<'_>, style: Style) -> String {
    let mut line = String::new();
    let mut prefix = Vec::new();
    if let Some(file) = place.file {
        prefix.push(one_line(file));
    }
    if let Some(entry) = place.entry {
        let mut at = format!("entry {}", entry.index);
        for part in [entry.method, entry.url].into_iter().flatten() {
            at.push(' ');
            at.push_str(&one_line(part));
        }
        prefix.push(at);
    }
    if !prefix.is_empty() {
        line.push_str(&style.paint("2", &format!("{}:", prefix.join(": "))));
        line.push(' ');
    }
    let code = e.code.to_string();
    line.push_str(&style.paint("1", &format!("{} {}", e.vendor, one_line(&code))));
    if let Some(name) = e.name.as_deref().filter(|n| *n != code) {
        line.push_str(&format!(" ({})", one_line(name)));
    }
    line.push_str(": ");
    line.push_str(&one_line(&e.message));

    let mut retry = e.retry.class().as_str().to_owned();
    if let Some(secs) = e.retry.after_secs() {
        retry.push_str(&format!(" after {secs}s"));
    }
    let mut extras = vec![style.retry(e.retry.class(), &retry)];
    if let Some(status) = e.http_status {
        extras.push(format!("http {status}"));
    }
    if !e.subcodes.is_empty() {
        extras.push(format!("subcodes {}", one_line(&e.subcodes.join(" > "))));
    }
    match (&e.command, e.index) {
        (Some(command), Some(index)) => extras.push(format!("{} #{index}", one_line(command))),
        (Some(command), None) => extras.push(one_line(command)),
        (None, Some(index)) => extras.push(format!("#{index}")),
        (None, None) => {}
    }
    if e.informational {
        extras.push("informational".to_owned());
    }
    if e.incomplete {
        extras.push("incomplete".to_owned());
    }
    if e.truncated {
        extras.push("truncated".to_owned());
    }
    line.push_str(&format!(" [{}]", extras.join(", ")));
    if let Some(detail) = e.detail.as_deref().filter(|d| !d.is_empty()) {
        line.push_str(" \u{2014} ");
        line.push_str(&one_line(detail));
    }
    line
}

/// Text from a body made safe for one terminal line: whitespace runs
/// folded to one space, other control characters (an escape sequence a
/// hostile body carries) shown as escapes.
pub(crate) fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for c in word.chars() {
            if c.is_control() {
                out.extend(c.escape_unicode());
            } else {
                out.push(c);
            }
        }
    }
    out
}

/// The summary as an aligned table, with a header line.
fn table(rows: &[Row], style: Style) -> Vec<String> {
    let cells: Vec<[String; 5]> = rows
        .iter()
        .map(|r| {
            let what = match &r.name {
                Some(name) if r.code != *name && *name != r.message => {
                    format!("{}: {}", one_line(name), one_line(&r.message))
                }
                _ => one_line(&r.message),
            };
            let labels: Vec<String> = r.inputs.iter().map(|s| one_line(&s.label())).collect();
            let what = if labels.is_empty() { what } else { format!("{what} (in {})", labels.join(", ")) };
            [
                r.count.to_string(),
                r.vendor.to_string(),
                one_line(&r.code.to_string()),
                r.retry.as_str().to_owned(),
                what,
            ]
        })
        .collect();
    let header = ["COUNT", "VENDOR", "CODE", "RETRY", "NAME: FIRST MESSAGE"].map(str::to_owned);
    let mut widths = [0; 4];
    for row in std::iter::once(&header).chain(&cells) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let render = |row: &[String; 5], class: Option<RetryClass>| {
        let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(s.chars().count())));
        let retry = pad(&row[3], widths[3]);
        let retry = match class {
            Some(class) => style.retry(class, &retry),
            None => retry,
        };
        format!(
            "{}{}  {}  {}  {}  {}",
            " ".repeat(widths[0] - row[0].chars().count()),
            row[0],
            pad(&row[1], widths[1]),
            pad(&row[2], widths[2]),
            retry,
            row[4]
        )
        .trim_end()
        .to_owned()
    };
    std::iter::once(style.paint("1", &render(&header, None)))
        .chain(cells.iter().zip(rows).map(|(cells, row)| render(cells, Some(row.retry))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use vendor_errors::Retry;

    fn style(on: bool) -> Style {
        Style { on }
    }

    #[test]
    fn text_lines_carry_the_extras() {
        let mut e = VendorError::new(Vendor::Soap, Code::from("Sender"), "Seat\n taken", Retry::Permanent);
        e.subcodes = vec!["Booking".into(), "SeatTaken".into()];
        e.http_status = Some(400);
        e.detail = Some("row 7".into());
        let place = Place {
            file: Some("a.har"),
            entry: Some(Entry { index: 2, method: Some("POST"), url: Some("https://x/y") }),
        };
        assert_eq!(
            text_line(&e, place, style(false)),
            "a.har: entry 2 POST https://x/y: soap Sender: Seat taken [permanent, http 400, subcodes Booking > SeatTaken] \u{2014} row 7"
        );
        let e = VendorError::new(Vendor::Http, Code::Num(429), "\x1b[2Jslow", Retry::Throttled { after: None });
        assert_eq!(text_line(&e, Place::default(), style(false)), "http 429: \\u{1b}[2Jslow [throttled]");
    }

    #[test]
    fn json_lines_gain_the_place() {
        let e = VendorError::new(Vendor::Http, Code::Num(503), "down", Retry::Transient { after: None });
        let place =
            Place { file: Some("d/\"q\".json"), entry: Some(Entry { index: 0, method: Some("GET"), url: None }) };
        assert_eq!(
            json_line(&e, place),
            r#"{"vendor":"http","code":503,"message":"down","retryable":true,"retry":"transient","entry":0,"method":"GET","file":"d/\"q\".json"}"#
        );
    }
}
