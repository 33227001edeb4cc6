//! Each built-in vendor's rules and codes, one page per [`Vendor`]: what
//! its reader reads, what auto-detection claims for it, how its retry
//! classes are chosen, and its whole catalog as a table
//! ([`catalog::entries`]). These modules hold documentation only.
//!
//! Under [`VendorHint::Auto`] (the default) a reader claims only what the
//! body makes unambiguous; under its own hint ([`Options::vendor`],
//! `--vendor NAME`) it also reads what is merely likely. The order in which
//! vendors are tried, and every vendor's claims side by side:
//! [`detection`](crate::detection). A vendor not listed here can be taught
//! without code: a [`Profile`].
//!
//! | vendor | reads |
//! |---|---|
//! | [`soap`] | SOAP 1.1 and 1.2 faults from any server, when no vendor claims them |
//! | [`http`] | nothing in the body: the HTTP status of 400 or more, when the body reports no error |
//! | [`ews`] | Microsoft Exchange Web Services: faults with an EWS response code, `ResponseClass="Error"` messages |
//! | [`salesforce`] | Salesforce: SOAP API faults, per-record results, REST and Bulk API errors, Metadata results |
//! | [`netsuite`] | NetSuite SuiteTalk: `platformFaults` faults, `status isSuccess="false"` details |
//! | [`zimbra`] | Zimbra Collaboration: faults with a `urn:zimbra` detail, in SOAP and JSON |
//! | [`googleads`] | Google Ad Manager / AdWords SOAP: `ApiExceptionFault` details |
//! | [`bingads`] | Microsoft Advertising (Bing Ads): fault details with numeric codes, partial errors |
//! | [`vsphere`] | VMware vSphere (vim25): the typed fault in a fault's detail |
//! | [`workday`] | Workday Web Services: faults with Workday's dotted codes |
//! | [`google`] | Google APIs' JSON errors (`google.rpc.Status`, legacy `errors[].reason`) |
//! | [`kubernetes`] | Kubernetes API server `Status` objects with `status: Failure` |
//! | [`aws`] | Amazon Web Services: S3, query, EC2 and JSON protocol errors, the `x-amzn-ErrorType` header |
//! | [`azure`] | Azure Storage: `<Error>` documents, JSON errors, the `x-ms-error-code` header |
//! | [`paypal`] | PayPal classic SOAP API: `Ack` and `Errors`, payments' errors, faults |
//! | [`ebay`] | eBay Trading and Shopping APIs: `Ack` and `Errors`, items' errors, faults |
//! | [`fedex`] | FedEx Web Services: notifications of severity `ERROR` or `FAILURE` |
//! | [`canadapost`] | Canada Post web services: each `message` of a `messages` document |
//! | [`ups`] | UPS: legacy XML `Response/Error`, web services faults, REST errors |
//! | [`marketo`] | Marketo: faults with a `serviceException`, REST JSON errors |
//! | [`superoffice`] | SuperOffice Customer Service: the `errorCode` every method returns |
//! | [`qlm`] | Quick License Manager: the `<QuickLicenseManager>` fragment, bare or escaped |
//! | [`usps`] | USPS Web Tools: a root `<Error>`, the `<Error>` of each failed item |
//! | [`openair`] | NetSuite OpenAir: XML API `status` and `<errors>`, SOAP faults and `oaError`s |
//! | [`salto`] | Salto KS: JSON errors with Salto's codes, read with the HTTP status |
//! | [`json`] | generic JSON error bodies: problem details, OAuth, `error`/`errors`, JSON-RPC |
//! | [`xml`] | generic XML error documents: a root `Error`, `ErrorResponse`, `Response/Errors`, `Errors` |

// The vendor readers: one module per vendor (each also its vendor's page),
// offering the same few hooks (a fault refiner, a reader for its own XML
// roots, a reader for in-band results in a SOAP body, a JSON reader). This
// module dispatches to them and holds what they share.

pub mod http;
pub(crate) mod profile;
pub mod soap;
pub(crate) mod table;

mod ebl;

#[cfg(test)]
pub(crate) use builtin::ORDER;
pub(crate) use builtin::catalog;

table::vendor_table! {
    /// Microsoft Exchange Web Services.
    Ews = "ews" in ews, hint "Exchange Web Services.";
    /// Salesforce: SOAP API faults and per-record results, REST errors.
    Salesforce = "salesforce" in salesforce, hint "Salesforce.";
    /// NetSuite SuiteTalk SOAP web services.
    NetSuite = "netsuite" in netsuite, hint "NetSuite SuiteTalk.";
    /// Zimbra Collaboration SOAP (and its JSON transport): the code in the fault's `urn:zimbra` detail.
    Zimbra = "zimbra" in zimbra, hint "Zimbra Collaboration.";
    /// Google Ad Manager (and AdWords) SOAP: the `ApiExceptionFault` errors in the fault's detail.
    GoogleAds = "googleads" in googleads, hint "Google Ad Manager / AdWords SOAP.";
    /// Microsoft Advertising (Bing Ads) SOAP: fault details with numeric codes, and partial errors.
    BingAds = "bingads" in bingads, hint "Microsoft Advertising (Bing Ads).";
    /// VMware vSphere Web Services (vim25): the typed fault in the fault's detail.
    Vsphere = "vsphere" in vsphere, hint "VMware vSphere (vim25).";
    /// Workday Web Services: faults with Workday's dotted codes.
    Workday = "workday" in workday, hint "Workday Web Services.";
    /// Google APIs' JSON errors (`google.rpc.Status`, legacy `errors[].reason`).
    Google = "google" in google, hint "Google APIs' JSON errors (also `error` objects without Google's own signals).";
    /// Kubernetes API server `Status` objects.
    Kubernetes = "kubernetes" in kubernetes, hint "Kubernetes API server `Status` objects.";
    /// Amazon Web Services: S3, query, EC2 and JSON protocol errors.
    Aws = "aws" in aws, hint "Amazon Web Services (S3, query, EC2, JSON protocols).";
    /// Azure Storage: `<Error>` documents and the `x-ms-error-code` header.
    Azure = "azure" in azure, hint "Azure Storage.";
    /// PayPal classic SOAP API: `Ack` and `Errors` (before eBay, whose namespace its children share).
    Paypal = "paypal" in paypal, hint "PayPal classic (SOAP) API.";
    /// eBay Trading and Shopping APIs (XML and SOAP): `Ack` and `Errors`.
    Ebay = "ebay" in ebay, hint "eBay Trading and Shopping APIs.";
    /// FedEx Web Services: notifications of severity ERROR or FAILURE.
    Fedex = "fedex" in fedex, hint "FedEx Web Services.";
    /// Canada Post web services: the `messages` document.
    CanadaPost = "canadapost" in canadapost, hint "Canada Post web services.";
    /// UPS: legacy XML `Response/Error`, web services faults, REST JSON errors.
    Ups = "ups" in ups, hint "UPS (XML, SOAP and REST APIs).";
    /// Marketo (Adobe) SOAP and REST APIs.
    Marketo = "marketo" in marketo, hint "Marketo.";
    /// SuperOffice Customer Service SOAP interface.
    SuperOffice = "superoffice" in superoffice, hint "SuperOffice Customer Service.";
    /// Soraco Quick License Manager license server.
    Qlm = "qlm" in qlm, hint "Quick License Manager.";
    /// USPS Web Tools XML APIs.
    Usps = "usps" in usps, hint "USPS Web Tools.";
    /// NetSuite OpenAir (SuiteProjects Pro), XML API and SOAP API.
    OpenAir = "openair" in openair, hint "NetSuite OpenAir.";
    /// Salto KS REST API.
    SaltoKs = "salto" in salto, hint "Salto KS.";
    /// A generic JSON error body no vendor reader claimed: RFC 9457 problem
    /// details, OAuth 2.0 errors, `{"error": {..}}`, `{"errors": [..]}`, JSON-RPC.
    Json = "json" in json, hint "Generic JSON error bodies only (problem details, OAuth, JSON-RPC...), whoever sent them.";
    /// A generic XML error document no vendor reader claimed: a root
    /// `Error`, `ErrorResponse/Error`, `Response/Errors/Error` or
    /// `Errors/Error` with a code and a message.
    Xml = "xml" in xml, hint "Generic XML error documents only (`Error`, `ErrorResponse`, `Errors`...), whoever sent them.";
}

use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;

use crate::catalog;
use crate::emit::{Emitter, Halt, Stopped};
use crate::error::VendorError;
use crate::limits::Limits;
use crate::notes::{self, Note};
use crate::options::{Options, VendorHeader};
use crate::profile::Profile;
use crate::retry::{self, DelayCap, Evidence, RetryAfter};
use crate::soap::{BodyReader, Fault};
use crate::text::Capped;
use crate::vendor::Code;
use crate::xml::{Element, Source};

/// What the response says besides its body, read once per body: the
/// options, its `Retry-After` parsed against the clock, its delay headers
/// in milliseconds, the cap on delays (and the longest delay it cut).
#[derive(Debug)]
pub(crate) struct Response<'o> {
    pub(crate) opts: &'o Options,
    retry_after: Option<RetryAfter>,
    /// The longest delay header in milliseconds that parsed.
    millis: Option<Duration>,
    cap: DelayCap,
}

impl<'o> Response<'o> {
    pub(crate) fn new(opts: &'o Options) -> Self {
        let retry_after = opts.retry_after_value().map(|v| RetryAfter::parse(v, opts.clock()));
        let millis = VendorHeader::DELAYS
            .iter()
            .filter_map(|h| notes::millis_header(h.name(), opts.vendor_header(*h)?).ok())
            .max();
        Response { opts, retry_after, millis, cap: DelayCap::new(opts.delay_cap()) }
    }

    /// What the readers of this body are told.
    pub(crate) fn ctx(&self) -> Ctx<'_> {
        Ctx {
            hint: self.opts.vendor,
            limits: &self.opts.limits,
            status: self.opts.status,
            // A delay header in milliseconds is a server-given delay like
            // `Retry-After`: the longer one applies.
            retry_after: self.retry_after.and_then(RetryAfter::delay).max(self.millis),
            cap: &self.cap,
            profiles: self.opts.profiles(),
            cut: false,
            opts: self.opts,
        }
    }

    /// What the response says besides its errors: its `Retry-After` (or a
    /// delay header in milliseconds) when it could not be used as given,
    /// and a delay that was cut.
    pub(crate) fn notes(&self) -> Vec<Note> {
        let header = self.opts.retry_after_value().zip(self.retry_after);
        let mut notes: Vec<Note> = header.and_then(|(v, read)| notes::retry_after_note(v, read)).into_iter().collect();
        for h in VendorHeader::DELAYS {
            if let Some(Err(note)) = self.opts.vendor_header(h).map(|v| notes::millis_header(h.name(), v)) {
                notes.push(note);
            }
        }
        if let Some(asked) = self.cap.longest_cut() {
            notes.push(Note::DelayCapped { asked, max: self.cap.max() });
        }
        notes
    }
}

/// What every vendor reader is told.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ctx<'a> {
    pub(crate) hint: VendorHint,
    pub(crate) limits: &'a Limits,
    /// The HTTP status the body came with.
    pub(crate) status: Option<u16>,
    /// The response's `Retry-After`, parsed, or its longest delay header in
    /// milliseconds when that is longer.
    pub(crate) retry_after: Option<Duration>,
    /// The cap on delays, applied by the retry chain.
    pub(crate) cap: &'a DelayCap,
    /// The vendor profiles given, tried before the built-in vendors.
    pub(crate) profiles: &'a [Arc<Profile>],
    /// The JSON body broke off: the value read is what it had become
    /// (`crate::json_cut`), and members of its top-level object may have
    /// come after the break, so a rule that needs one to decide does not
    /// report without it.
    pub(crate) cut: bool,
    /// The options, for the vendor headers ([`Ctx::header`]).
    opts: &'a Options,
}

impl<'a> Ctx<'a> {
    /// May the reader for `hint` look at this body at all?
    pub(crate) fn may_read(&self, hint: VendorHint) -> bool {
        self.hint == hint || self.hint == VendorHint::Auto
    }

    /// Was the reader for `hint` asked for by name (so it may read what is merely likely)?
    pub(crate) fn named(&self, hint: VendorHint) -> bool {
        self.hint == hint
    }

    /// A vendor header the response came with, trimmed (see [`Options::header`]).
    pub(crate) fn header(&self, header: VendorHeader) -> Option<&'a str> {
        self.opts.vendor_header(header)
    }

    /// The same, for a JSON body that broke off (see [`Ctx::cut`]).
    pub(crate) fn cut_short(self) -> Self {
        Ctx { cut: true, ..self }
    }

    /// What the response says of retrying, before the body says anything.
    pub(crate) fn evidence(&self) -> Evidence<'a> {
        Evidence { status: self.status, retry_after: self.retry_after, cap: Some(self.cap), ..Evidence::default() }
    }

    /// An error of `vendor` with `code`: name, class and informational mark
    /// from the catalog, the class through the retry chain; the message is
    /// `message` when the body gave one, else the catalog's description.
    pub(crate) fn catalog_error(&self, vendor: Vendor, code: Code, message: Option<String>) -> VendorError {
        self.catalog_error_with(vendor, code, message, self.evidence())
    }

    /// [`catalog_error`](Self::catalog_error) with more evidence than the
    /// response's (a fault's code, the body's verdict, a catalog class to
    /// fall back on when the code has no row).
    pub(crate) fn catalog_error_with(
        &self,
        vendor: Vendor,
        code: Code,
        message: Option<String>,
        evidence: Evidence<'_>,
    ) -> VendorError {
        let entry = catalog::entry(vendor, &code);
        let mut truncated = false;
        let message = message.filter(|m| !m.is_empty()).unwrap_or_else(|| match entry {
            Some(e) => e.description.to_owned(),
            None => {
                // The code is the body's: the message made of it is cut as a body's text is.
                let said = generic_message(vendor.as_str(), &code, self.limits.max_message_bytes);
                truncated = said.truncated;
                said.text
            }
        });
        let retry = retry::decide(&Evidence {
            catalog: entry.map(|e| e.retry).or(evidence.catalog),
            status_decides: entry.is_some_and(|e| e.status_decides),
            ..evidence
        });
        let mut e = VendorError::new(vendor, code, message, retry);
        // A name says something only when it is neither the description
        // (Salto KS has no symbolic names) nor the code itself (symbolic codes).
        let says_more =
            |r: &&catalog::Entry| r.name != r.description && !matches!(&r.code, Code::Text(t) if t == r.name);
        e.name = entry.filter(says_more).map(|r| r.name.to_owned());
        e.informational = entry.is_some_and(|e| e.informational);
        e.truncated = truncated;
        e
    }
}

/// The message of a code no catalog knows (`qlm error 12345`), cut at `max` bytes.
pub(crate) fn generic_message(vendor: &str, code: &Code, max: usize) -> crate::text::Capped {
    crate::text::collapse_whitespace(&format!("{vendor} error {code}"), max)
}

/// The operation a SOAP method response answers: `getTicket` for
/// `getTicketResponse` (the name itself when it has no such suffix).
pub(crate) fn operation_of(local: &str) -> &str {
    local.strip_suffix("Response").unwrap_or(local)
}

/// A JSON code: a number, or a string holding one (many vendors quote
/// them) or a symbol.
pub(crate) fn json_code(value: &Value) -> Option<Code> {
    match value {
        Value::Number(n) => n.as_i64().map(Code::Num),
        Value::String(s) => Some(Code::parse(s.trim())),
        _ => None,
    }
}

/// The error a vendor header names when the body gave none, in the HTTP
/// fallback's place: AWS's `x-amzn-ErrorType`, Azure's `x-ms-error-code`
/// (a `HEAD` response has no body), for the vendors the hint allows. Its
/// message is the page's (`page`: an HTML title, a line of text) when it
/// has one, else the catalog's description.
pub(crate) fn header_error(ctx: Ctx<'_>, page: impl FnOnce() -> Option<Capped>) -> Option<VendorError> {
    let (vendor, code) = aws::header_code(ctx)
        .map(|code| (Vendor::Aws, code))
        .or_else(|| azure::header_code(ctx).map(|code| (Vendor::Azure, code)))?;
    let excerpt = page();
    let truncated = excerpt.as_ref().is_some_and(|k| k.truncated);
    let mut e = ctx.catalog_error(vendor, code, excerpt.map(|k| k.text));
    e.truncated |= truncated;
    Some(e)
}

/// A fault as the vendor that sent it reads it, else as a generic SOAP fault.
pub(crate) fn fault_error(mut fault: Fault, ctx: Ctx<'_>) -> VendorError {
    if fault.cut {
        return cut_fault_error(fault, ctx);
    }
    profile::read_fault(&mut fault, ctx)
        .or_else(|| builtin::read_fault(&mut fault, ctx))
        .unwrap_or_else(|| fault.into_generic_error(ctx.evidence(), ctx.limits))
}

/// A fault the body broke off inside, read for what its bytes prove.
///
/// Its parts read whole stay (the detail's leaves and the start tags of
/// its children, see `Element::leaves_into`), and the vendors read them as
/// they read a whole fault: a NetSuite fault cut inside its `message`, after
/// its `platformFaults` element and its `code`, is NetSuite's, with that
/// code and its class. A vendor's reading stands only when its code is
/// settled: the text of a detail leaf read whole, or a detail child's name,
/// which a later part cannot change (and, for a vendor read by a profile,
/// one its first code path found: a leaf at an earlier path after the cut,
/// a Bing Ads `OperationError/Code` after its `BatchError`s, would win). Otherwise (a code taken from the fault
/// code or the fault string for want of the detail's, a fault no vendor
/// claimed, whose cut-away detail might have named one) what would decide
/// the class is missing, and the class is transient, the least final one:
/// a retry fetches the whole answer; under auto-detection the vendor is not
/// settled either (one earlier in the table might have claimed the whole
/// fault by its detail), and the fault is read generically. Under
/// `VendorHint::Soap` no vendor reads a detail, so the generic reading is
/// the whole fault's and keeps its class.
fn cut_fault_error(mut fault: Fault, ctx: Ctx<'_>) -> VendorError {
    let parts = fault.clone();
    let mut e = profile::read_fault(&mut fault, ctx)
        .or_else(|| builtin::read_fault(&mut fault, ctx))
        .unwrap_or_else(|| fault.into_generic_error(ctx.evidence(), ctx.limits));
    let settled = if e.vendor == Vendor::Soap {
        ctx.hint == VendorHint::Soap
    } else {
        parts.detail_settles(&e.code) && profile::code_is_final(e.vendor, &parts, ctx)
    };
    if !settled {
        // Under auto-detection the vendor is not settled either: one earlier
        // in the table might have claimed the whole fault by its detail.
        if e.vendor != Vendor::Soap && ctx.hint == VendorHint::Auto {
            e = parts.into_generic_error(ctx.evidence(), ctx.limits);
        }
        e.retry = retry::decide(&ctx.evidence().unsettled());
        // A state (Marketo's end of stream) is the code's to say, and the code is not settled.
        e.informational = false;
    }
    e
}

/// Reads a JSON body for the vendors allowed, the generic JSON formats
/// last; when none claims it, its first message-like text is kept for the
/// HTTP fallback.
pub(crate) fn read_json(body: &Value, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Stopped> {
    if !(profile::read_json(body, ctx, out)? || builtin::read_json(body, ctx, out)?) {
        let max = ctx.limits.max_message_bytes;
        out.page_message = salto::message_of(body, max).or_else(|| json::error_sentence(body, max));
    }
    Ok(())
}

/// Reads a root element no SOAP envelope claimed, when a vendor recognises
/// it; anything else is foreign XML, a success as far as errors go.
pub(crate) fn read_root<S: Source>(root: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
    match profile::read_root(root, ctx, out)? {
        Some(root) => builtin::read_root(root, ctx, out).map(drop),
        None => Ok(()),
    }
}

/// In-band results in a SOAP body (not faults), read by the vendors allowed.
pub(crate) struct SoapBody<'a> {
    pub(crate) ctx: Ctx<'a>,
}

impl BodyReader for SoapBody<'_> {
    fn read_item<'c, S: Source>(
        &mut self,
        item: Element<'c, S>,
        out: &mut Emitter,
    ) -> Result<Option<Element<'c, S>>, Halt> {
        // One reader per item: it is read once, as it streams by.
        match profile::read_item(item, self.ctx, out)? {
            Some(item) => builtin::read_item(item, self.ctx, out),
            None => Ok(None),
        }
    }

    fn fault_error(&self, fault: Fault) -> VendorError {
        fault_error(fault, self.ctx)
    }
}
