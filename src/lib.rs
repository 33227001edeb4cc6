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
//! What auto-detection recognises, vendor by vendor: [`detection`]. How a
//! retry class is decided: [`retry`]. A vendor this crate does not know can
//! be taught without code: a [`Profile`] (module [`profile`]) says how to
//! recognise its bodies, where its code, message and delay are, and what its
//! codes mean.
//!
//! # Features
//!
//! | feature | default | gives | dependencies it adds |
//! |---|---|---|---|
//! | `cli` | yes | the `vendor-errors` binary (and `capture`, `gzip`) | `clap`, `toml` (for `--profile` files) |
//! | `capture` | no (yes with `cli`) | the `capture` module: whole `curl -i` responses and HAR 1.2 captures, streamed | `httparse`, `base64` |
//! | `gzip` | no (yes with `cli`) | bodies sent with `Content-Encoding: gzip` or `deflate` decoded as they stream | `flate2` (pure Rust, `miniz_oxide`) |
//! | `http` | no | `Options::from_http_parts`, `Options::from_http_headers`, `http_types::from_response` | `http` 1.x |
//! | `async-tokio` | no | `from_async_reader` (module `async_tokio`) over a `tokio::io::AsyncBufRead` | `tokio` (`rt`, `sync`, `io-util`) |
//! | `reqwest-middleware` | no | `middleware::ReportMiddleware` and `middleware::ReportRetryStrategy` (implies `http`) | `reqwest` 0.13 (no TLS of its own), `reqwest-middleware` 0.5, `reqwest-retry` 0.9, `futures-util`, `async-trait` |
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
//!
#![cfg_attr(feature = "http", doc = "```no_run")]
#![cfg_attr(not(feature = "http"), doc = "```ignore")]
//! # fn demo(response: http::Response<ureq::Body>) -> Result<(), Box<dyn std::error::Error>> {
//! let (head, body) = response.into_parts();
//! let opts = vendor_errors::Options::from_http_parts(&head);
//! let report = vendor_errors::from_reader(std::io::BufReader::new(body.into_reader()), &opts)?;
//! # Ok(()) }
//! ```
//!
//! An `http::Response` whose body is already bytes (`Bytes`, `Vec<u8>`,
//! `String`): `vendor_errors::http_types::from_response(&response, &opts)`.
//!
//! **Async reqwest, streaming** (features `async-tokio` and, for reqwest
//! itself, `reqwest-middleware`; see the module `async_tokio`):
//!
#![cfg_attr(all(feature = "async-tokio", feature = "reqwest-middleware"), doc = "```no_run")]
#![cfg_attr(not(all(feature = "async-tokio", feature = "reqwest-middleware")), doc = "```ignore")]
//! # async fn demo(response: reqwest::Response) -> Result<(), Box<dyn std::error::Error>> {
//! use futures_util::TryStreamExt;
//! let opts = vendor_errors::Options::new().status(response.status().as_u16()).headers(response.headers());
//! let body = tokio_util::io::StreamReader::new(response.bytes_stream().map_err(std::io::Error::other));
//! let report = vendor_errors::from_async_reader(body, &opts).await?;
//! # Ok(()) }
//! ```
//!
//! **A body-aware retry stack for reqwest** (feature `reqwest-middleware`;
//! see `middleware` for the order of the two and what is decided how):
//!
#![cfg_attr(feature = "reqwest-middleware", doc = "```no_run")]
#![cfg_attr(not(feature = "reqwest-middleware"), doc = "```ignore")]
//! # use reqwest_retry::{RetryTransientMiddleware, policies::ExponentialBackoff};
//! # use vendor_errors::middleware::{ReportMiddleware, ReportRetryStrategy};
//! # let policy = ExponentialBackoff::builder().build_with_max_retries(3);
//! let client = reqwest_middleware::ClientBuilder::new(reqwest::Client::new())
//!     .with(RetryTransientMiddleware::new_with_policy_and_strategy(policy, ReportRetryStrategy))
//!     .with(ReportMiddleware::new())
//!     .build();
//! // Every response of 400 or more now carries its Report: vendor_errors::middleware::report(&response).
//! ```
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
mod vendors;
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
