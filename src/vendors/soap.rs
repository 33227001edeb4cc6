//! Generic SOAP faults (vendor `soap`): a SOAP 1.1 or 1.2 fault from any
//! server that no vendor reader claims. Under `--vendor soap`
//! ([`VendorHint::Soap`](crate::VendorHint::Soap)) every fault is read so,
//! whoever sent it, and nothing else in a body is an error. (This module
//! holds documentation only: the reader is the core's.)
//!
//! What is read of a fault (`Fault` in the SOAP 1.1 or 1.2 envelope
//! namespace, [`SOAP11_NS`](crate::SOAP11_NS) and
//! [`SOAP12_NS`](crate::SOAP12_NS), with any prefix or as the default
//! namespace; its children matched by local name):
//!
//! - the code: the fault code's local name (`Client`, `Receiver`,
//!   `Client.Authentication`), its QName resolved against the namespace
//!   declarations in scope; as written in
//!   [`fault_code`](crate::VendorError::fault_code) (`SOAP-ENV:Client`);
//!   SOAP 1.2 `Subcode/Value`s, outermost first, in
//!   [`subcodes`](crate::VendorError::subcodes);
//! - the message: SOAP 1.1 `faultstring`; SOAP 1.2 the English
//!   `Reason/Text` when there is one, else the first, its `xml:lang` in
//!   [`lang`](crate::VendorError::lang) and every text in
//!   [`reasons`](crate::VendorError::reasons) when there are several;
//! - `faultactor` (1.1) as [`actor`](crate::VendorError::actor), `Node`
//!   and `Role` (1.2) as [`node`](crate::VendorError::node) and
//!   [`role`](crate::VendorError::role);
//! - the `detail` (`Detail`) leaves as short text in
//!   [`detail`](crate::VendorError::detail).
//!
//! WS-Security codes (`wsse:FailedAuthentication`,
//! `wsse:InvalidSecurityToken`, `wsse:MessageExpired`, ...) and their
//! WS-Trust namesakes are read as the standard codes they are. The class
//! is the [retry chain](crate::retry)'s: a status that speaks of retrying
//! (401, 429, 503...) first, then the fault code's row below, a custom
//! code being permanent.
//!
//! A vendor reader that claims a fault reads it the same way first, then
//! refines it from the detail (each vendor's page says how).
//!
//! # Auto-detection
//!
//! Where faults are found (envelopes, bare faults, multipart bodies, after
//! an HTML preamble, nested in content no vendor claims), and which vendor
//! claims one first: [`detection`](crate::detection#soap).
//!
//! # Codes and retry classes
//!
#![doc = include_str!("../catalog/soap.md")]
#![doc = include_str!("../../docs/catalog/soap.md")]
