//! Every error in a SOAP/XML (or JSON) business API response, as one type.
//!
//! `vendor-errors` reads raw HTTP response bodies — SOAP 1.1 and 1.2 faults
//! from any server, and the in-band error formats of NetSuite OpenAir,
//! Marketo, SuperOffice, Quick License Manager, Salto KS, Salesforce,
//! NetSuite SuiteTalk and Exchange Web Services — and turns each
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
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "async-tokio")]
#[cfg_attr(docsrs, doc(cfg(feature = "async-tokio")))]
pub mod async_tokio;
pub mod catalog;
mod error;
pub mod http;
#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
pub mod http_types;
mod input;
mod limits;
#[cfg(feature = "reqwest-middleware")]
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest-middleware")))]
pub mod middleware;
mod normalize;
mod notes;
mod options;
mod parse_error;
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
pub use error::{LangText, VendorError};
pub use limits::{Limit, Limits};
pub use normalize::{from_bytes, from_reader, from_slice};
pub use notes::Note;
pub use options::Options;
pub use parse_error::ParseError;
pub use report::Report;
pub use retry::{Retry, RetryClass, UnknownRetryClass};
pub use soap::{SOAP11_NS, SOAP12_NS};
pub use vendor::{Code, UnknownVendor, Vendor, VendorHint};

/// The README's examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
