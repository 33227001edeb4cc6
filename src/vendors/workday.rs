//! Workday Web Services (WWS, SOAP): faults in Workday's dotted codes. A
//! hand-written reader, not a profile: one class depends on the message, and
//! the authentication fault carries no detail to claim it by.
//!
//! Workday answers a failed call with a SOAP 1.1 fault whose code is the
//! SOAP class refined by Workday's kind, `SOAP-ENV:Client.validationError`,
//! `SOAP-ENV:Client.authenticationError`, `SOAP-ENV:Server.processingError`,
//! and whose `detail` (when there is one) holds a `Validation_Fault` (one
//! `Validation_Error` per broken rule: `Message`, `Detail_Message`,
//! `Xpath`) or a `Processing_Fault` (`Detail_Message`) in
//! `urn:com.workday/bsvc`. The authentication fault has no detail; it only
//! declares the `wd` prefix on `Fault`.
//!
//! Claimed under auto by a detail child in `urn:com.workday/bsvc`, or by the
//! fault code `Client.authenticationError` (in the envelope's namespace or
//! unprefixed: Workday's documented fault without a detail; the namespace
//! declared on `Fault` is not kept by the fault reader, so the code is the
//! signal); under `--vendor workday` every fault. The code is the fault
//! code's local name (`Client.validationError`); the message the fault
//! string (which summarises the validation errors; each stays in the
//! error's `detail`); `name` the detail's fault type (`Validation_Fault`)
//! when there is one. The class is the catalog's ([below](#codes-and-retry-classes)),
//! else the fault code's SOAP class (`Server.*` transient, `Client.*`
//! permanent), with one exception: a `Client.validationError` whose fault
//! string is only "Invalid request" is what Workday answers during a
//! maintenance window (NetIQ's Workday driver documentation, as the
//! research note §9.2 cites it; not confirmed by Workday), and is
//! `transient`, so a caller waits the window out instead of giving up.
//!
//! Not read: `Exceptions_Response_Data` in successful business-process
//! responses (warnings of a process that went through; their shape is only
//! known from third-party copies of the service directory).
//!
//! # Auto-detection
//!
//! What auto-detection claims for `workday`, beside the other vendors and in
//! their order: [`detection`](crate::detection#workday).
//!
//! # Codes and retry classes
//!
#![doc = include_str!("../catalog/workday.md")]
#![doc = include_str!("../../docs/catalog/workday.md")]

use crate::catalog::{self, Entry};
use crate::error::VendorError;
use crate::retry::{Evidence, RetryClass};
use crate::soap::Fault;
use crate::vendor::{Code, Vendor, VendorHint};
use crate::vendors::Ctx;
use crate::vendors::table::Reader;

/// Workday's namespace, for every WWS service.
const BSVC_NS: &str = "urn:com.workday/bsvc";

/// The authentication fault, which has no detail.
const AUTHENTICATION_ERROR: &str = "Client.authenticationError";

/// The validation fault Workday also sends during maintenance.
const VALIDATION_ERROR: &str = "Client.validationError";

/// The whole fault string of a maintenance-window answer.
const MAINTENANCE_MESSAGE: &str = "Invalid request";

/// Does this reader claim the fault?
fn claims(fault: &Fault, ctx: Ctx<'_>) -> bool {
    if !ctx.may_read(VendorHint::Workday) {
        return false;
    }
    let in_envelope = fault.code.ns.is_none() || crate::soap::is_envelope_ns(fault.code.ns.as_deref());
    ctx.named(VendorHint::Workday)
        || fault.detail.child_in(|ns| ns == BSVC_NS).is_some()
        || in_envelope && fault.code.local() == AUTHENTICATION_ERROR
}

/// Is this the fault Workday sends during maintenance?
fn is_maintenance(code: &str, message: Option<&str>) -> bool {
    let said = message.map(|m| m.trim().trim_end_matches('.').trim());
    code == VALIDATION_ERROR && said.is_some_and(|m| m.eq_ignore_ascii_case(MAINTENANCE_MESSAGE))
}

/// The fault as a Workday error.
fn fault_error(fault: Fault, ctx: Ctx<'_>) -> VendorError {
    let local = fault.code.local();
    let code = if local.is_empty() { Code::text("Fault") } else { Code::text(local) };
    let reason = fault.reason();
    let message = reason.map(|r| r.text.clone());
    let lang = reason.and_then(|r| r.lang.clone());
    let stated = is_maintenance(local, message.as_deref()).then_some(RetryClass::Transient);
    let fault_type = fault.detail.child_in(|ns| ns == BSVC_NS).map(|c| c.local.to_owned());
    let evidence = Evidence { stated, ..fault.evidence(ctx.evidence()) };
    let mut e = ctx.catalog_error_with(Vendor::Workday, code, message, evidence);
    e.lang = lang;
    if fault_type.is_some() {
        e.name = fault_type;
    }
    fault.move_context_into(&mut e, ctx.limits);
    e
}

/// Workday in the vendor table.
pub(crate) struct Workday;

impl Reader for Workday {
    const CATALOG: &'static [Entry] = catalog::workday::ENTRIES;

    fn read_fault(fault: &mut Fault, ctx: Ctx<'_>) -> Option<VendorError> {
        claims(fault, ctx).then(|| fault_error(std::mem::take(fault), ctx))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Options;

    fn fault(code: &str, message: &str, detail: &str) -> String {
        format!(
            r#"<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body>
            <SOAP-ENV:Fault xmlns:wd="urn:com.workday/bsvc"><faultcode>{code}</faultcode><faultstring>{message}</faultstring>{detail}</SOAP-ENV:Fault>
            </SOAP-ENV:Body></SOAP-ENV:Envelope>"#
        )
    }

    fn one(body: &str, opts: &Options) -> VendorError {
        let mut errors = crate::from_slice(body.as_bytes(), opts).unwrap().errors;
        assert_eq!(errors.len(), 1, "{errors:?}");
        errors.remove(0)
    }

    #[test]
    fn maintenance_is_only_the_bare_invalid_request() {
        assert!(is_maintenance(VALIDATION_ERROR, Some(" Invalid request. ")));
        assert!(is_maintenance(VALIDATION_ERROR, Some("invalid REQUEST")));
        assert!(!is_maintenance(VALIDATION_ERROR, Some("Invalid request: Employee_ID")));
        assert!(!is_maintenance(VALIDATION_ERROR, None));
        assert!(!is_maintenance("Server.processingError", Some("Invalid request")));
        let detail = r#"<detail><wd:Validation_Fault><wd:Validation_Error><wd:Message>x</wd:Message></wd:Validation_Error></wd:Validation_Fault></detail>"#;
        let e = one(&fault("SOAP-ENV:Client.validationError", "Invalid request", detail), &Options::new().status(500));
        assert_eq!((e.vendor, e.retry.class()), (Vendor::Workday, RetryClass::Transient));
        let e = one(&fault("SOAP-ENV:Client.validationError", "Validation error occurred. x", detail), &Options::new());
        assert_eq!((e.retry.class(), e.name.as_deref()), (RetryClass::Permanent, Some("Validation_Fault")));
    }

    #[test]
    fn claimed_by_namespace_or_the_authentication_code() {
        let e = one(&fault("SOAP-ENV:Client.authenticationError", "invalid username or password", ""), &Options::new());
        assert_eq!((e.vendor, e.retry.class()), (Vendor::Workday, RetryClass::Reauth));
        assert_eq!(e.name, None);
        // A dotted code in someone else's namespace is not Workday's.
        let other = fault("q:Client.authenticationError", "no", "").replace("<faultcode>", "<faultcode xmlns:q=\"urn:other\">");
        assert_eq!(one(&other, &Options::new()).vendor, Vendor::Soap);
        // Other codes without a Workday detail: generic, unless the hint insists.
        let bare = fault("SOAP-ENV:Server.processingError", "Processing error occurred.", "");
        assert_eq!(one(&bare, &Options::new()).vendor, Vendor::Soap);
        let e = one(&bare, &Options::new().vendor(VendorHint::Workday));
        assert_eq!((e.vendor, e.retry.class()), (Vendor::Workday, RetryClass::Permanent));
        // Unknown Workday codes: their SOAP class.
        let e = one(&fault("SOAP-ENV:Server.somethingNew", "m", ""), &Options::new().vendor(VendorHint::Workday));
        assert_eq!(e.retry.class(), RetryClass::Transient);
    }

    #[test]
    fn no_fault_string_and_no_code() {
        let body = fault("SOAP-ENV:Client.authenticationError", "", "").replace("<faultstring></faultstring>", "");
        let e = one(&body, &Options::new());
        assert_eq!(e.message, "Invalid user name or password: the WS-Security credentials were refused.");
        // A Workday detail under an empty fault code: the code says so.
        let body = fault("", "m", r#"<detail><wd:Processing_Fault><wd:Detail_Message>x</wd:Detail_Message></wd:Processing_Fault></detail>"#);
        let e = one(&body, &Options::new());
        assert_eq!((e.vendor, e.code.to_string(), e.name.as_deref()), (Vendor::Workday, "Fault".to_owned(), Some("Processing_Fault")));
    }
}
