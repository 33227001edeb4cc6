//! Every error in a SOAP/XML (or JSON) business API response, as one type.
//!
//! `vendor-errors` reads raw HTTP response bodies — SOAP 1.1 and 1.2 faults
//! from any server, and the in-band error formats of NetSuite OpenAir,
//! Marketo, SuperOffice, Quick License Manager, Salto KS, Salesforce,
//! NetSuite SuiteTalk and Exchange Web Services, and generic JSON error
//! bodies (problem details, OAuth, JSON-RPC...) — and turns each
//! error into a [`VendorError`]: who reported it, its code, its message, and
//! whether (and how) a caller may retry.
//!
//! It streams: a pull reader over [`quick_xml`] events, no DOM, bounded
//! memory ([`Limits`]), no panics on any input, and no DTD entity is ever
//! expanded nor anything fetched.
//!
//! ```
//! use vendor_errors::{Options, RetryClass};
//!
//! let body = br#"<?xml version="1.0"?>
//! <env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope">
//!   <env:Body><env:Fault>
//!     <env:Code><env:Value>env:Sender</env:Value>
//!       <env:Subcode><env:Value xmlns:t="urn:tickets">t:SeatTaken</env:Value></env:Subcode></env:Code>
//!     <env:Reason><env:Text xml:lang="de">Platz belegt</env:Text><env:Text xml:lang="en">Seat taken</env:Text></env:Reason>
//!   </env:Fault></env:Body>
//! </env:Envelope>"#;
//!
//! let report = vendor_errors::from_slice(body, &Options::new().status(400))?;
//! let e = &report.errors[0];
//! assert_eq!(e.code.to_string(), "Sender");
//! assert_eq!(e.subcodes, ["SeatTaken"]);
//! assert_eq!(e.message, "Seat taken");
//! assert_eq!(e.retry.class(), RetryClass::Permanent);
//! assert!(!e.retryable());
//! # Ok::<(), vendor_errors::ParseError>(())
//! ```
//!
//! What auto-detection recognises, vendor by vendor: [`detection`]. Each
//! vendor's rules, retry classes and codes: [`vendors`]. How a retry class
//! is decided: [`retry`]. A vendor this crate does not know can
//! be taught without code: a [`Profile`] (module [`profile`]) says how to
//! recognise its bodies, where its code, message and delay are, and what its
//! codes mean.
//!
//! # Features
//!
//! | feature | default | gives | dependencies it adds |
//! |---|---|---|---|
//! | `cli` | yes | the `vendor-errors` binary (and `capture`, `gzip`, `profile-files`) | `clap` |
//! | `profile-files` | no (yes with `cli`) | `profile::load_files`: vendor profiles read from TOML files, with the CLI's one-line errors | `toml` |
//! | `capture` | no (yes with `cli`) | the `capture` module: whole `curl -i` responses and HAR 1.2 captures, streamed | `httparse`, `base64` |
//! | `gzip` | no (yes with `cli`) | bodies sent with `Content-Encoding: gzip` or `deflate` decoded as they stream | `flate2` (pure Rust, `miniz_oxide`) |
//! | `http` | no | `Options::from_http_parts`, `Options::from_http_headers`, `http_types::from_response` | `http` 1.x |
//! | `async-tokio` | no | `from_async_reader` (module `async_tokio`) over a `tokio::io::AsyncBufRead`, `async_tokio::from_stream` over any stream of byte chunks | `tokio` (`rt`, `sync`, `io-util`), `tokio-util` (`io`), `futures-core`, `futures-util` |
//! | `reqwest-middleware` | no | `middleware::RetryMiddleware` (retries on the body, waits the server's delay), `middleware::from_response`, `middleware::ReportMiddleware` and `middleware::ReportRetryStrategy` (implies `http`, `async-tokio`) | `reqwest` 0.13 (no TLS of its own), `reqwest-middleware` 0.5, `reqwest-retry` 0.9 (and its `retry-policies`), `async-trait`, tokio's `time` |
//!
//! Without them the library needs no HTTP types and no runtime:
//! [`Options::header`] and [`Options::headers`] take headers from any
//! client, [`from_slice`], [`from_bytes`] and [`from_reader`] take bodies,
//! and [`scan_slice`] / [`scan_reader`] hand each error out as it is found.
//!
//! # Quick start, client by client
//!
//! From a response to a decision in at most five lines, streaming where the
//! client streams. The `examples/` directory has each as a program that
//! runs against an in-process server.
//!
//! **Any client** (headers as `(name, value)` pairs, the body as bytes or a
//! `Read`): [`Options::headers`] then [`from_bytes`] or [`from_reader`].
//!
//! ```
//! # let (status, headers, body) = (503_u16, vec![("Retry-After", "5")], Vec::<u8>::new());
//! let opts = vendor_errors::Options::new().status(status).headers(headers);
//! let report = vendor_errors::from_bytes(body, &opts)?;
//! if let Some(retry) = report.retry() { /* retry.class(), retry.after() */ }
//! # Ok::<(), vendor_errors::ParseError>(())
//! ```
//!
//! **ureq 3, blocking reqwest, any `http`-typed client** (feature `http`):
//! the head gives the options, the body streams through [`from_reader`].
//! ureq turns a 4xx or 5xx into an `Err` and drops its body unless told not to.
//!
#![cfg_attr(feature = "http", doc = "```")]
#![cfg_attr(not(feature = "http"), doc = "```ignore")]
//! # include!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/loopback.rs"));
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let url = serve(&["HTTP/1.1 429 Too Many Requests\r\nRetry-After: 9\r\nContent-Length: 0\r\n\r\n"]);
//! let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
//! let (head, body) = agent.get(&url).call()?.into_parts();
//! let opts = vendor_errors::Options::from_http_parts(&head);
//! let report = vendor_errors::from_reader(std::io::BufReader::new(body.into_reader()), &opts)?;
//! assert_eq!(report.retry().unwrap().after_secs(), Some(9));
//! # Ok(()) }
//! ```
//!
//! An `http::Response` whose body is already bytes (`Bytes`, `Vec<u8>`,
//! `String`): `vendor_errors::http_types::from_response(&response, &opts)`.
//!
//! **Async reqwest, streaming** (feature `reqwest-middleware`): one call,
//! `middleware::from_response(response, &opts)`; any other stream of byte
//! chunks: `async_tokio::from_stream` (feature `async-tokio`). Both have a
//! runnable example on their page.
//!
//! **Async reqwest, retrying** (feature `reqwest-middleware`):
//! `middleware::RetryMiddleware` reads each attempt's body and waits what
//! the server asks; the `middleware` module's page has the example and the
//! table of what is decided how.
//!
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "async-tokio")]
#[cfg_attr(docsrs, doc(cfg(feature = "async-tokio")))]
pub mod async_tokio;
mod body;
#[cfg(feature = "capture")]
#[cfg_attr(docsrs, doc(cfg(feature = "capture")))]
pub mod capture;
pub mod catalog;
pub mod detection;
mod emit;
mod entry;
mod error;
mod fallback;
pub mod http;
#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
pub mod http_types;
mod input;
mod json_cut;
mod limits;
#[cfg(feature = "reqwest-middleware")]
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest-middleware")))]
pub mod middleware;
mod notes;
mod options;
mod parse_error;
pub mod profile;
mod report;
pub mod retry;
mod soap;
mod text;
mod vendor;
pub mod vendors;
mod xml;

#[cfg(feature = "async-tokio")]
#[cfg_attr(docsrs, doc(cfg(feature = "async-tokio")))]
pub use async_tokio::from_async_reader;
pub use entry::{Scanned, from_bytes, from_reader, from_slice, scan_reader, scan_slice};
pub use error::{LangText, VendorError};
pub use limits::{Limit, Limits};
pub use notes::Note;
pub use options::Options;
pub use parse_error::ParseError;
pub use profile::{Profile, ProfileError};
pub use report::Report;
pub use retry::{Retry, RetryClass, UnknownRetryClass};
pub use soap::{SOAP11_NS, SOAP12_NS};
pub use vendor::{Code, ProfileName, ProfileNameError, UnknownVendor, Vendor, VendorHint};

/// The README's examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
