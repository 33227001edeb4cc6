//! `vendor_errors._native`: the native half of the `vendor_errors` Python
//! package (PyO3). The Python half (`vendor_errors/__init__.py`) is the
//! documented interface; this module does the reading: bodies given as
//! bytes, text or a binary file-like object (read as a stream, the GIL taken
//! only per chunk), headers from any mapping or pairs, profile files, and
//! batches of bodies for Spark.
//!
//! Nothing here panics on any input: every failure is a Python exception.

use std::fmt::Write as _;
use std::io::{self, BufReader, Read};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::SystemTime;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyString, PyTuple, PyType};

use vendor_errors::catalog;
use vendor_errors::{Code, Options, ParseError, Profile, Retry as RsRetry, Vendor, VendorError as RsError, VendorHint};

/// Buffer of a stream body: how much one `.read(n)` asks for.
const READ_CHUNK: usize = 64 * 1024;

// ------------------------------------------------------------------ classes

/// The Python classes the native half makes instances of (defined in
/// `vendor_errors/_errors.py`: exceptions cannot be native classes under
/// the stable ABI).
struct Classes {
    vendor_error: Py<PyType>,
    parse_error: Py<PyType>,
}

static CLASSES: PyOnceLock<Classes> = PyOnceLock::new();

fn classes(py: Python<'_>) -> PyResult<&Classes> {
    CLASSES.get_or_try_init(py, || {
        let module = py.import("vendor_errors._errors")?;
        Ok(Classes {
            vendor_error: module.getattr("VendorError")?.cast_into::<PyType>()?.unbind(),
            parse_error: module.getattr("ParseError")?.cast_into::<PyType>()?.unbind(),
        })
    })
}

/// A retry decision: what a caller may do about a response (or an error).
#[pyclass(frozen, module = "vendor_errors", name = "Retry")]
struct Retry {
    /// `"permanent"`, `"transient"`, `"throttled"` or `"reauth"`.
    #[pyo3(get)]
    kind: &'static str,
    /// The delay the server asked for, in seconds, or `None`.
    #[pyo3(get)]
    after_secs: Option<f64>,
    /// False exactly when `kind` is `"permanent"`.
    #[pyo3(get)]
    retryable: bool,
}

impl Retry {
    fn of(retry: RsRetry) -> Retry {
        Retry {
            kind: retry.class().as_str(),
            after_secs: retry.after().map(|d| d.as_secs_f64()),
            retryable: retry.retryable(),
        }
    }
}

#[pymethods]
impl Retry {
    /// Retry(kind, after_secs=None): a decision; `kind` is one of
    /// "permanent", "transient", "throttled", "reauth".
    #[new]
    #[pyo3(signature = (kind, after_secs=None))]
    fn new(kind: &str, after_secs: Option<f64>) -> PyResult<Retry> {
        let class: vendor_errors::RetryClass =
            kind.parse().map_err(|e: vendor_errors::UnknownRetryClass| PyValueError::new_err(e.to_string()))?;
        if after_secs.is_some_and(|s| !(s >= 0.0 && s.is_finite())) {
            return Err(PyValueError::new_err("after_secs must be a finite number of seconds, 0 or more"));
        }
        Ok(Retry { kind: class.as_str(), after_secs, retryable: class.is_retryable() })
    }

    fn __repr__(&self) -> String {
        match self.after_secs {
            Some(secs) => {
                format!("Retry(kind='{}', after_secs={secs:?}, retryable={})", self.kind, py_bool(self.retryable))
            }
            None => format!("Retry(kind='{}', after_secs=None, retryable={})", self.kind, py_bool(self.retryable)),
        }
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<Retry>().is_ok_and(|o| {
            let o = o.get();
            o.kind == self.kind && o.after_secs == self.after_secs
        })
    }

    fn __hash__(&self) -> u64 {
        let secs = self.after_secs.map_or(u64::MAX, f64::to_bits);
        self.kind.bytes().fold(secs, |h, b| h.rotate_left(5) ^ u64::from(b))
    }
}

fn py_bool(b: bool) -> &'static str {
    if b { "True" } else { "False" }
}

/// What one response body holds: its errors in body order and the one
/// decision for the response.
#[pyclass(frozen, module = "vendor_errors", name = "Report", sequence)]
struct Report {
    /// The errors (`VendorError`), in body order.
    #[pyo3(get)]
    errors: Py<PyList>,
    /// Errors found past the library's `max_errors` limit, counted but not kept.
    #[pyo3(get)]
    omitted: u64,
    /// What the response says besides its errors (a `Retry-After` that
    /// could not be used, a delay cut), one sentence each.
    #[pyo3(get)]
    notes: Py<PyList>,
    /// Why the body could not be read to its end, when errors were reported
    /// anyway; `None` for a body read whole.
    #[pyo3(get)]
    incomplete: Option<String>,
    decision: Option<RsRetry>,
    success: bool,
}

#[pymethods]
impl Report {
    /// The one decision for the response: the class that holds a caller
    /// back most among its errors, with the longest delay any gives; `None`
    /// when nothing failed.
    fn retry(&self) -> Option<Retry> {
        self.decision.map(Retry::of)
    }

    fn __len__(&self, py: Python<'_>) -> usize {
        self.errors.bind(py).len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.errors.bind(py).try_iter().map(Bound::into_any)
    }

    fn __getitem__<'py>(&self, py: Python<'py>, index: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        self.errors.bind(py).as_any().get_item(index)
    }

    fn __bool__(&self) -> bool {
        !self.success
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let errors = self.errors.bind(py).repr()?;
        Ok(format!("Report(errors={errors}, omitted={})", self.omitted))
    }
}

// ------------------------------------------------------------------ errors

/// The `VendorError` instance for an error: an exception whose attributes
/// are the CLI's JSON fields. Only the fields present are set on the
/// instance; the class has `None` for every optional one (fewer entries to
/// make: the instance is built for every error read).
fn vendor_error<'py>(py: Python<'py>, cls: &Bound<'py, PyType>, e: &RsError) -> PyResult<Bound<'py, PyAny>> {
    // `str(error)`: the library's `Display`, written into a string sized
    // once (`to_string` grows it four times on a typical message).
    let mut text = String::with_capacity(e.message.len() + 64);
    let _ = write!(text, "{e}");
    let obj = cls.call1((text,))?;
    let dict = obj.getattr(intern!(py, "__dict__"))?.cast_into::<PyDict>()?;
    let set_str = |key: &Bound<'py, PyString>, value: &Option<String>| -> PyResult<()> {
        match value {
            Some(v) => dict.set_item(key, v),
            None => Ok(()),
        }
    };
    dict.set_item(intern!(py, "vendor"), e.vendor.as_str())?;
    match &e.code {
        Code::Num(n) => dict.set_item(intern!(py, "code"), *n)?,
        Code::Text(t) => dict.set_item(intern!(py, "code"), t.as_ref())?,
        // Code is non-exhaustive: any other shape as its text.
        #[allow(unreachable_patterns)]
        other => dict.set_item(intern!(py, "code"), other.to_string())?,
    }
    dict.set_item(intern!(py, "message"), &e.message)?;
    dict.set_item(intern!(py, "retryable"), e.retryable())?;
    dict.set_item(intern!(py, "retry"), e.retry.class().as_str())?;
    set_str(intern!(py, "name"), &e.name)?;
    if let Some(secs) = e.retry.after_secs() {
        dict.set_item(intern!(py, "retry_after_secs"), secs)?;
    }
    if let Some(status) = e.http_status {
        dict.set_item(intern!(py, "http_status"), status)?;
    }
    set_str(intern!(py, "fault_code"), &e.fault_code)?;
    if !e.subcodes.is_empty() {
        dict.set_item(intern!(py, "subcodes"), PyList::new(py, &e.subcodes)?)?;
    }
    set_str(intern!(py, "actor"), &e.actor)?;
    set_str(intern!(py, "node"), &e.node)?;
    set_str(intern!(py, "role"), &e.role)?;
    set_str(intern!(py, "lang"), &e.lang)?;
    if !e.reasons.is_empty() {
        let reasons = PyList::empty(py);
        for r in &e.reasons {
            let item = PyDict::new(py);
            if let Some(lang) = &r.lang {
                item.set_item(intern!(py, "lang"), lang)?;
            }
            item.set_item(intern!(py, "text"), &r.text)?;
            reasons.append(item)?;
        }
        dict.set_item(intern!(py, "reasons"), reasons)?;
    }
    set_str(intern!(py, "command"), &e.command)?;
    if let Some(index) = e.index {
        dict.set_item(intern!(py, "index"), index)?;
    }
    set_str(intern!(py, "detail"), &e.detail)?;
    for (key, flag) in [
        (intern!(py, "truncated"), e.truncated),
        (intern!(py, "informational"), e.informational),
        (intern!(py, "incomplete"), e.incomplete),
    ] {
        if flag {
            dict.set_item(key, true)?;
        }
    }
    Ok(obj)
}

/// The byte offset a parse error names, `None` for whole-body verdicts.
fn offset_of(e: &ParseError) -> Option<u64> {
    match e {
        ParseError::Empty
        | ParseError::Html { .. }
        | ParseError::UnsupportedEncoding { .. }
        | ParseError::UnsupportedCoding { .. } => None,
        other => Some(other.offset()),
    }
}

/// The `ParseError` exception for a body the library did not understand.
fn parse_error(py: Python<'_>, e: &ParseError) -> PyErr {
    match classes(py).and_then(|c| c.parse_error.bind(py).call1((e.to_string(), offset_of(e)))) {
        Ok(exc) => PyErr::from_value(exc),
        Err(err) => err,
    }
}

fn report<'py>(py: Python<'py>, r: vendor_errors::Report) -> PyResult<Report> {
    let cls = classes(py)?.vendor_error.bind(py);
    let errors = PyList::empty(py);
    for e in &r.errors {
        errors.append(vendor_error(py, cls, e)?)?;
    }
    let notes: Vec<String> = r.notes.iter().map(ToString::to_string).collect();
    Ok(Report {
        errors: errors.unbind(),
        omitted: r.omitted,
        notes: PyList::new(py, notes)?.unbind(),
        incomplete: r.incomplete.as_ref().map(ToString::to_string),
        decision: r.retry(),
        success: r.is_success(),
    })
}

// ------------------------------------------------------------------ options

/// One header name or value: text, or bytes.
fn header_bytes(obj: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(s.to_cow()?.as_bytes().to_vec());
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    if let Ok(b) = obj.cast::<PyByteArray>() {
        return Ok(b.to_vec());
    }
    Err(PyTypeError::new_err(format!("a header name or value must be str or bytes, not {}", obj.get_type().name()?)))
}

/// Headers from a mapping (requests' and httpx' header objects too) or an
/// iterable of `(name, value)` pairs. A name that is not UTF-8 is read as
/// Latin-1 (values are, by the library).
fn headers(obj: &Bound<'_, PyAny>) -> PyResult<Vec<(String, Vec<u8>)>> {
    let py = obj.py();
    if obj.is_none() {
        return Ok(Vec::new());
    }
    // httpx.Headers: every value of a repeated name; any mapping: its items.
    let pairs = if obj.hasattr(intern!(py, "multi_items"))? {
        obj.call_method0(intern!(py, "multi_items"))?
    } else if obj.hasattr(intern!(py, "items"))? {
        obj.call_method0(intern!(py, "items"))?
    } else {
        obj.clone()
    };
    let mut out = Vec::new();
    for pair in pairs.try_iter()? {
        let pair = pair?;
        let (name, value): (Bound<'_, PyAny>, Bound<'_, PyAny>) = pair
            .extract()
            .map_err(|_| PyTypeError::new_err("headers must be a mapping or an iterable of (name, value) pairs"))?;
        let name = header_bytes(&name)?;
        let name = String::from_utf8(name).unwrap_or_else(|e| e.as_bytes().iter().map(|&b| char::from(b)).collect());
        out.push((name, header_bytes(&value)?));
    }
    Ok(out)
}

/// A profile file as last read: its path, modification time and length.
type Stamp = (PathBuf, Option<SystemTime>, u64);

/// The profiles last loaded, by the files' stamps: a caller that passes the
/// same files on every call reads them once (again when one changes).
static PROFILES: Mutex<Option<Loaded>> = Mutex::new(None);

/// Profiles as loaded, and the stamps of their files then.
type Loaded = (Vec<Stamp>, Vec<Arc<Profile>>);

/// The profiles in these files, in order (read as the CLI's `--profile`
/// reads them, with its messages: a `ValueError`).
fn profiles(obj: &Bound<'_, PyAny>) -> PyResult<Vec<Arc<Profile>>> {
    if obj.is_none() {
        return Ok(Vec::new());
    }
    if obj.is_instance_of::<PyString>() || obj.is_instance_of::<PyBytes>() {
        return Err(PyTypeError::new_err("profiles must be a sequence of paths (a list or tuple), not one path"));
    }
    let mut paths: Vec<PathBuf> = Vec::new();
    for path in obj.try_iter()? {
        paths.push(path?.extract()?);
    }
    if paths.is_empty() {
        return Ok(Vec::new());
    }
    let stamps: Vec<Stamp> = paths
        .iter()
        .map(|p| match std::fs::metadata(p) {
            Ok(meta) => (p.clone(), meta.modified().ok(), meta.len()),
            Err(_) => (p.clone(), None, u64::MAX),
        })
        .collect();
    // The lock is never held while the GIL is released (another thread
    // holding the GIL could be waiting for it).
    if let Some((cached, loaded)) = PROFILES.lock().unwrap_or_else(PoisonError::into_inner).as_ref()
        && *cached == stamps
        && stamps.iter().all(|(_, time, _)| time.is_some())
    {
        return Ok(loaded.clone());
    }
    let loaded: Vec<Arc<Profile>> = obj
        .py()
        .detach(|| vendor_errors::profile::load_files(&paths))
        .map_err(|e| PyValueError::new_err(e.to_string()))?
        .into_iter()
        .map(Arc::new)
        .collect();
    *PROFILES.lock().unwrap_or_else(PoisonError::into_inner) = Some((stamps, loaded.clone()));
    Ok(loaded)
}

/// The hint `vendor=` names: a built-in name or the vendor of one of
/// `profiles`; else a `ValueError` naming it and the names it could be.
fn hint(vendor: &str, profiles: &[Arc<Profile>]) -> PyResult<VendorHint> {
    let names = || {
        let mut names: Vec<&str> = VendorHint::ALL.iter().map(|h| h.as_str()).collect();
        names.extend(profiles.iter().map(|p| p.name().as_str()));
        names.join(", ")
    };
    match vendor.parse::<VendorHint>() {
        Ok(VendorHint::Profile(name)) if !profiles.iter().any(|p| p.name() == name) => Err(PyValueError::new_err(
            format!("unknown vendor {vendor:?}: no profile given teaches it (vendors: {})", names()),
        )),
        Ok(hint) => Ok(hint),
        Err(_) => Err(PyValueError::new_err(format!("unknown vendor {vendor:?} (vendors: {})", names()))),
    }
}

/// The options every body of a call shares: vendor and profiles.
fn base_options(vendor: &str, profiles_obj: &Bound<'_, PyAny>) -> PyResult<Options> {
    let profiles = profiles(profiles_obj)?;
    let mut opts = Options::new().vendor(hint(vendor, &profiles)?);
    for profile in profiles {
        opts = opts.profile(profile);
    }
    Ok(opts)
}

fn with_status(opts: Options, status: Option<i64>) -> PyResult<Options> {
    match status {
        None => Ok(opts),
        Some(s) if (100..=599).contains(&s) => Ok(opts.status(s as u16)),
        Some(s) => Err(PyValueError::new_err(format!("status {s} is no HTTP status (100-599)"))),
    }
}

// ------------------------------------------------------------------ bodies

/// A binary file-like object read as a stream: each `read` takes the GIL,
/// calls the object's `.read(n)` and copies what it gives. A Python
/// exception raised by `.read` is kept to be raised again once the library
/// has returned.
struct PyReader {
    file: Py<PyAny>,
    /// What a `.read(n)` gave beyond `n` bytes (a file-like object that
    /// does not keep to `n`), handed out first.
    pending: Vec<u8>,
    at: usize,
    error: Arc<Mutex<Option<PyErr>>>,
}

impl Read for PyReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if self.at < self.pending.len() {
            let n = buf.len().min(self.pending.len() - self.at);
            buf[..n].copy_from_slice(&self.pending[self.at..self.at + n]);
            self.at += n;
            return Ok(n);
        }
        let got = Python::attach(|py| -> PyResult<usize> {
            let chunk = self.file.bind(py).call_method1(intern!(py, "read"), (buf.len(),))?;
            let bytes: &[u8];
            let owned;
            if let Ok(b) = chunk.cast::<PyBytes>() {
                bytes = b.as_bytes();
            } else if chunk.is_none() {
                return Err(PyTypeError::new_err(
                    "the body's .read() returned None (a non-blocking stream with no data): give a blocking binary stream",
                ));
            } else if chunk.is_instance_of::<PyString>() {
                return Err(PyTypeError::new_err("the body's .read() returned str: open the file in binary mode"));
            } else {
                owned = buffer_bytes(&chunk)?.ok_or_else(|| {
                    PyTypeError::new_err("the body's .read() must return bytes, bytearray or memoryview")
                })?;
                bytes = &owned;
            }
            let n = buf.len().min(bytes.len());
            buf[..n].copy_from_slice(&bytes[..n]);
            if bytes.len() > n {
                self.pending = bytes[n..].to_vec();
                self.at = 0;
            }
            Ok(n)
        });
        match got {
            Ok(n) => Ok(n),
            Err(e) => {
                let message = format!("the body's .read() raised: {e}");
                *self.error.lock().unwrap_or_else(PoisonError::into_inner) = Some(e);
                Err(io::Error::other(message))
            }
        }
    }
}

/// The bytes of a `bytearray` or `memoryview` (copied); `None` for any
/// other type.
fn buffer_bytes(obj: &Bound<'_, PyAny>) -> PyResult<Option<Vec<u8>>> {
    if let Ok(b) = obj.cast::<PyByteArray>() {
        return Ok(Some(b.to_vec()));
    }
    if obj.is_instance_of::<pyo3::types::PyMemoryView>() {
        let bytes = obj.call_method0(intern!(obj.py(), "tobytes"))?;
        return Ok(Some(bytes.cast::<PyBytes>()?.as_bytes().to_vec()));
    }
    Ok(None)
}

/// The library's answer for one body, read with the GIL released.
fn read_body(py: Python<'_>, body: &Bound<'_, PyAny>, opts: &Options) -> PyResult<vendor_errors::Report> {
    let outcome = if let Ok(b) = body.cast::<PyBytes>() {
        // Bytes are immutable: read in place.
        let slice = b.as_bytes();
        py.detach(|| vendor_errors::from_slice(slice, opts))
    } else if let Ok(s) = body.cast::<PyString>() {
        let text = s.to_cow()?;
        let slice = text.as_bytes();
        py.detach(|| vendor_errors::from_slice(slice, opts))
    } else if body.hasattr(intern!(py, "read"))? {
        let error = Arc::new(Mutex::new(None));
        let reader = PyReader { file: body.clone().unbind(), pending: Vec::new(), at: 0, error: Arc::clone(&error) };
        let outcome = py.detach(|| vendor_errors::from_reader(BufReader::with_capacity(READ_CHUNK, reader), opts));
        if let Some(e) = error.lock().unwrap_or_else(PoisonError::into_inner).take()
            && outcome.as_ref().is_err_and(|e| matches!(e, ParseError::Io { .. }))
        {
            return Err(e);
        }
        outcome
    } else if let Some(owned) = buffer_bytes(body)? {
        // bytearray, memoryview: copied, as another thread may change them
        // while the GIL is released.
        py.detach(|| vendor_errors::from_slice(&owned, opts))
    } else {
        return Err(PyTypeError::new_err(format!(
            "body must be bytes, bytearray, memoryview, str or a binary file-like object, not {}",
            body.get_type().name()?
        )));
    };
    outcome.map_err(|e| parse_error(py, &e))
}

// ------------------------------------------------------------------ functions

/// Every error in one response body, as a Report.
///
/// body: bytes, bytearray, memoryview, str (read as UTF-8), or a binary
/// file-like object with .read(n), read as a stream (never whole; the GIL is
/// taken only for each .read). The GIL is released while the body is read.
/// status: the HTTP status (int, 100-599) or None.
/// headers: a mapping or an iterable of (name, value) pairs (requests' and
/// httpx' header objects work as they are); Retry-After, Content-Type (its
/// charset), Content-Encoding (gzip, deflate) and the AWS and Azure error and
/// delay headers are used.
/// vendor: "auto" (recognise the body), any name of vendors(), or the vendor
/// of one of profiles.
/// profiles: paths of vendor profile files (TOML), tried first, in order.
///
/// Raises ParseError (a ValueError) when the body is not understood and no
/// status of 400 or more came with it, with the message the CLI prints;
/// ValueError for a bad vendor name or profile file (the CLI's message); an
/// exception raised by the body's .read as it was raised.
#[pyfunction]
#[pyo3(signature = (body, status=None, headers=None, vendor="auto", profiles=None),
       text_signature = "(body, status=None, headers=None, vendor='auto', profiles=())")]
fn parse(
    py: Python<'_>,
    body: &Bound<'_, PyAny>,
    status: Option<i64>,
    headers: Option<&Bound<'_, PyAny>>,
    vendor: &str,
    profiles: Option<&Bound<'_, PyAny>>,
) -> PyResult<Report> {
    let none = py.None().into_bound(py);
    let mut opts = with_status(base_options(vendor, profiles.unwrap_or(&none))?, status)?;
    if let Some(headers_obj) = headers {
        opts = opts.headers(self::headers(headers_obj)?);
    }
    let outcome = read_body(py, body, &opts)?;
    report(py, outcome)
}

/// Columns of the rows `parse_many` gives, one entry per error (Spark's
/// `array<struct<...>>` elements), and where each body's errors start.
#[derive(Default)]
struct Columns {
    offsets: Vec<i64>,
    vendor: Vec<String>,
    code: Vec<String>,
    message: Vec<String>,
    retry: Vec<&'static str>,
    retryable: Vec<bool>,
    retry_after_secs: Vec<Option<f64>>,
    http_status: Vec<Option<i64>>,
    command: Vec<Option<String>>,
    index: Vec<Option<i64>>,
    name: Vec<Option<String>>,
    detail: Vec<Option<String>>,
}

impl Columns {
    fn error(&mut self, e: &RsError) {
        self.vendor.push(e.vendor.as_str().to_owned());
        self.code.push(e.code.to_string());
        self.message.push(e.message.clone());
        self.retry.push(e.retry.class().as_str());
        self.retryable.push(e.retryable());
        self.retry_after_secs.push(e.retry.after().map(|d| d.as_secs_f64()));
        self.http_status.push(e.http_status.map(i64::from));
        self.command.push(e.command.clone());
        self.index.push(e.index.map(i64::from));
        self.name.push(e.name.clone());
        self.detail.push(e.detail.clone());
    }

    /// A body that was not understood: one row, vendor `error`.
    fn not_understood(&mut self, e: &ParseError, status: Option<u16>) {
        self.vendor.push("error".to_owned());
        self.code.push(String::new());
        self.message.push(e.to_string());
        self.retry.push("permanent");
        self.retryable.push(false);
        self.retry_after_secs.push(None);
        self.http_status.push(status.map(i64::from));
        self.command.push(None);
        self.index.push(None);
        self.name.push(None);
        self.detail.push(None);
    }
}

/// A validity bitmap (Arrow: bit i set when value i is present), and the
/// count of nulls; `None` for the bitmap when there is no null.
fn validity(present: impl ExactSizeIterator<Item = bool>) -> (usize, Option<Vec<u8>>) {
    let mut bits = vec![0u8; present.len().div_ceil(8)];
    let mut nulls = 0;
    for (i, p) in present.enumerate() {
        if p {
            bits[i / 8] |= 1 << (i % 8);
        } else {
            nulls += 1;
        }
    }
    (nulls, (nulls > 0).then_some(bits))
}

/// Arrow int32 offsets of these strings, and their bytes end to end.
fn string_buffers<'a>(values: impl Iterator<Item = Option<&'a str>>) -> PyResult<(Vec<u8>, Vec<u8>)> {
    let mut offsets = vec![0u8; 4];
    let mut data = Vec::new();
    for v in values {
        data.extend_from_slice(v.unwrap_or_default().as_bytes());
        let end = i32::try_from(data.len()).map_err(|_| PyValueError::new_err("a batch's text exceeds 2 GiB"))?;
        offsets.extend_from_slice(&end.to_le_bytes());
    }
    Ok((offsets, data))
}

impl Columns {
    /// The columns as Arrow buffers (see `parse_many`).
    fn arrow<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let bytes = |v: &[u8]| PyBytes::new(py, v).into_any();
        let opt_bytes = |v: &Option<Vec<u8>>| match v {
            Some(v) => PyBytes::new(py, v).into_any(),
            None => py.None().into_bound(py),
        };
        let dict = PyDict::new(py);
        let texts: [(&str, Vec<Option<&str>>); 7] = [
            ("vendor", self.vendor.iter().map(|s| Some(s.as_str())).collect()),
            ("code", self.code.iter().map(|s| Some(s.as_str())).collect()),
            ("message", self.message.iter().map(|s| Some(s.as_str())).collect()),
            ("retry", self.retry.iter().map(|s| Some(*s)).collect()),
            ("command", self.command.iter().map(Option::as_deref).collect()),
            ("name", self.name.iter().map(Option::as_deref).collect()),
            ("detail", self.detail.iter().map(Option::as_deref).collect()),
        ];
        for (name, values) in &texts {
            let (nulls, valid) = validity(values.iter().map(Option::is_some));
            let (offsets, data) = string_buffers(values.iter().copied())?;
            dict.set_item(
                *name,
                PyTuple::new(
                    py,
                    [nulls.into_pyobject(py)?.into_any(), opt_bytes(&valid), bytes(&offsets), bytes(&data)],
                )?,
            )?;
        }
        let (_, retryable) = validity(self.retryable.iter().copied());
        let retryable = retryable.unwrap_or_else(|| vec![0xff; self.retryable.len().div_ceil(8)]);
        dict.set_item(
            "retryable",
            PyTuple::new(py, [0usize.into_pyobject(py)?.into_any(), py.None().into_bound(py), bytes(&retryable)])?,
        )?;
        let (nulls, valid) = validity(self.retry_after_secs.iter().map(Option::is_some));
        let values: Vec<u8> = self.retry_after_secs.iter().flat_map(|v| v.unwrap_or(0.0).to_le_bytes()).collect();
        dict.set_item(
            "retry_after_secs",
            PyTuple::new(py, [nulls.into_pyobject(py)?.into_any(), opt_bytes(&valid), bytes(&values)])?,
        )?;
        for (name, column) in [("http_status", &self.http_status), ("index", &self.index)] {
            let (nulls, valid) = validity(column.iter().map(Option::is_some));
            let values: Vec<u8> =
                column.iter().flat_map(|v| i32::try_from(v.unwrap_or(0)).unwrap_or(i32::MAX).to_le_bytes()).collect();
            dict.set_item(
                name,
                PyTuple::new(py, [nulls.into_pyobject(py)?.into_any(), opt_bytes(&valid), bytes(&values)])?,
            )?;
        }
        let offsets: Vec<u8> = self
            .offsets
            .iter()
            .map(|&o| i32::try_from(o).map(i32::to_le_bytes))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|_| PyValueError::new_err("too many errors in one batch"))?
            .concat();
        PyTuple::new(py, [bytes(&offsets), dict.into_any()])
    }
}

/// A body of a batch: bytes or text, `None` read as an empty body.
enum BatchBody<'py> {
    Bytes(Bound<'py, PyBytes>),
    Owned(Vec<u8>),
}

impl BatchBody<'_> {
    fn as_slice(&self) -> &[u8] {
        match self {
            BatchBody::Bytes(b) => b.as_bytes(),
            BatchBody::Owned(v) => v,
        }
    }
}

/// Many bodies at once (Spark's batches): the GIL released for the whole
/// batch. `bodies` holds bytes, str or None (an empty body); `statuses` and
/// `headers`, when given, one entry per body (None for none). Returns
/// `(offsets, columns)`: body i's errors are rows `offsets[i]:offsets[i+1]`
/// of the columns (a dict of lists: vendor, code, message, retry,
/// retryable, retry_after_secs, http_status, command, index, name, detail).
/// A body not understood gives one row of vendor "error".
///
/// With `arrow=True` the offsets and columns are Arrow buffers instead of
/// lists: offsets as int32 bytes, and each column a tuple `(null_count,
/// validity, values...)` (validity a bitmap or None; strings: offsets and
/// data; booleans: a bitmap; numbers: little-endian values), for
/// `pyarrow.Array.from_buffers`.
#[pyfunction]
#[pyo3(signature = (bodies, statuses=None, headers=None, vendor="auto", profiles=None, arrow=false),
       text_signature = "(bodies, statuses=None, headers=None, vendor='auto', profiles=(), arrow=False)")]
fn parse_many<'py>(
    py: Python<'py>,
    bodies: &Bound<'py, PyAny>,
    statuses: Option<&Bound<'py, PyAny>>,
    headers: Option<&Bound<'py, PyAny>>,
    vendor: &str,
    profiles: Option<&Bound<'py, PyAny>>,
    arrow: bool,
) -> PyResult<Bound<'py, PyTuple>> {
    let none = py.None().into_bound(py);
    let base = base_options(vendor, profiles.unwrap_or(&none))?;
    let mut items: Vec<BatchBody<'py>> = Vec::new();
    for body in bodies.try_iter()? {
        let body = body?;
        items.push(match body.cast_into::<PyBytes>() {
            Ok(b) => BatchBody::Bytes(b),
            Err(e) => {
                let body = e.into_inner();
                if body.is_none() {
                    BatchBody::Owned(Vec::new())
                } else if let Ok(s) = body.cast::<PyString>() {
                    BatchBody::Owned(s.to_cow()?.as_bytes().to_vec())
                } else if let Some(owned) = buffer_bytes(&body)? {
                    BatchBody::Owned(owned)
                } else {
                    return Err(PyTypeError::new_err(format!(
                        "bodies must hold bytes, str or None, not {}",
                        body.get_type().name()?
                    )));
                }
            }
        });
    }
    let mut opts: Vec<Options> = Vec::with_capacity(items.len());
    let mut status_of: Vec<Option<u16>> = Vec::with_capacity(items.len());
    let mut statuses = match statuses {
        Some(s) if !s.is_none() => Some(s.try_iter()?),
        _ => None,
    };
    let mut headers = match headers {
        Some(h) if !h.is_none() => Some(h.try_iter()?),
        _ => None,
    };
    for _ in 0..items.len() {
        let mut o = base.clone();
        let mut status = None;
        if let Some(it) = statuses.as_mut() {
            let s: Option<i64> =
                it.next().ok_or_else(|| PyValueError::new_err("fewer statuses than bodies"))??.extract()?;
            o = with_status(o, s)?;
            status = s.map(|s| s as u16);
        }
        if let Some(it) = headers.as_mut() {
            let h = it.next().ok_or_else(|| PyValueError::new_err("fewer headers than bodies"))??;
            o = o.headers(self::headers(&h)?);
        }
        opts.push(o);
        status_of.push(status);
    }
    let slices: Vec<&[u8]> = items.iter().map(BatchBody::as_slice).collect();
    let columns = py.detach(|| {
        let mut columns = Columns::default();
        columns.offsets.reserve(slices.len() + 1);
        columns.offsets.push(0);
        for ((body, opts), status) in slices.iter().zip(&opts).zip(&status_of) {
            match vendor_errors::from_slice(body, opts) {
                Ok(report) => report.errors.iter().for_each(|e| columns.error(e)),
                Err(e) => columns.not_understood(&e, *status),
            }
            columns.offsets.push(columns.vendor.len() as i64);
        }
        columns
    });
    if arrow {
        return columns.arrow(py);
    }
    let dict = PyDict::new(py);
    dict.set_item("vendor", columns.vendor)?;
    dict.set_item("code", columns.code)?;
    dict.set_item("message", columns.message)?;
    dict.set_item("retry", columns.retry)?;
    dict.set_item("retryable", columns.retryable)?;
    dict.set_item("retry_after_secs", columns.retry_after_secs)?;
    dict.set_item("http_status", columns.http_status)?;
    dict.set_item("command", columns.command)?;
    dict.set_item("index", columns.index)?;
    dict.set_item("name", columns.name)?;
    dict.set_item("detail", columns.detail)?;
    PyTuple::new(py, [columns.offsets.into_pyobject(py)?.into_any(), dict.into_any()])
}

/// The CLI's `explain` objects as JSON text: one (or `None` when the catalog
/// does not know the code), or with no code a list of the whole catalog.
#[pyfunction]
#[pyo3(signature = (vendor, code=None, profiles=None), text_signature = "(vendor, code=None, profiles=())")]
fn explain_json(
    py: Python<'_>,
    vendor: &str,
    code: Option<&Bound<'_, PyAny>>,
    profiles: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let none = py.None().into_bound(py);
    let profiles: Vec<Profile> = self::profiles(profiles.unwrap_or(&none))?.iter().map(|p| (**p).clone()).collect();
    let known = |name: &str| profiles.iter().any(|p| p.name().as_str() == name);
    let vendor = match vendor.parse::<Vendor>() {
        Ok(Vendor::Profile(name)) if !known(name.as_str()) => None,
        Ok(v) => Some(v),
        Err(_) => None,
    }
    .ok_or_else(|| {
        let mut names: Vec<&str> = Vendor::ALL.iter().map(|v| v.as_str()).collect();
        names.extend(profiles.iter().map(|p| p.name().as_str()));
        PyValueError::new_err(format!("unknown vendor {vendor:?} (vendors: {})", names.join(", ")))
    })?;
    let to_text =
        |e: &catalog::Explained<'_>| serde_json::to_string(e).map_err(|e| PyValueError::new_err(e.to_string()));
    match code {
        Some(code) if !code.is_none() => {
            // A number is looked up as its decimal text.
            let code: String = match code.extract::<i64>() {
                Ok(n) if !code.is_instance_of::<pyo3::types::PyBool>() => n.to_string(),
                _ => code.extract()?,
            };
            Ok(match catalog::explain(vendor, &code, &profiles) {
                Some(e) => PyString::new(py, &to_text(&e)?).into_any().unbind(),
                None => py.None(),
            })
        }
        _ => {
            let all = catalog::explain_all(vendor, &profiles).iter().map(to_text).collect::<PyResult<Vec<String>>>()?;
            Ok(PyList::new(py, all)?.into_any().unbind())
        }
    }
}

/// The names `vendor=` takes: `auto` and every built-in vendor hint.
#[pyfunction]
fn vendors() -> Vec<&'static str> {
    VendorHint::ALL.iter().map(|h| h.as_str()).collect()
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<Report>()?;
    m.add_class::<Retry>()?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_many, m)?)?;
    m.add_function(wrap_pyfunction!(explain_json, m)?)?;
    m.add_function(wrap_pyfunction!(vendors, m)?)?;
    Ok(())
}
