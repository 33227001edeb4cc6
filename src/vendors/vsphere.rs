//! VMware vSphere Web Services API (vim25): faults whose detail holds the
//! typed fault. A hand-written reader, not a profile: the code is an
//! element's name, which a profile's paths cannot give.
//!
//! A method that fails answers (HTTP 500, or 200) a SOAP 1.1 fault with the
//! bare fault code `ServerFaultCode` (no prefix, no namespace), the message
//! in `faultstring`, and in `detail` one element named after the fault type
//! with the suffix `Fault`, in `urn:vim25` (older servers: `urn:vim2`), with
//! `xsi:type` the same type: `<NotAuthenticatedFault xmlns="urn:vim25"
//! xsi:type="NotAuthenticated"/>`; the type's properties are its children
//! (`privilegeId`, `object`, ...).
//!
//! Claimed under auto only by a detail child in `urn:vim25` or `urn:vim2`
//! (`ServerFaultCode` alone is a word any product could use); under
//! `--vendor vsphere` also by a detail child in any namespace whose name
//! ends in `Fault`, or by the fault code `ServerFaultCode` alone.
//!
//! The code is the fault type: the detail element's local name without its
//! `Fault` suffix (`NotAuthenticatedFault` → `NotAuthenticated`,
//! `InsufficientResourcesFaultFault` → `InsufficientResourcesFault`), as
//! pyVmomi reads it. pyVmomi then lets an `xsi:type` override it (a subtype
//! thrown where the method declares its parent); servers and govmomi's
//! simulator write the element after the concrete type, so the two agree
//! on the wire, and the detail this crate keeps of a fault holds element
//! names, not attributes. A fault claimed by the hint without a typed
//! detail keeps its fault code as the code. The message is the fault
//! string, else the catalog's description. The class is the catalog's
//! ([below](#codes-and-retry-classes)), else the fault code's (`ServerFaultCode` is
//! a custom code: permanent), else the status's.
//!
//! Not read: faults inside successful responses (a `TaskInfo.error`, a
//! property collector's `missingSet`), which are data of the objects
//! asked for, not a failure of the call.
//!
//! # Auto-detection
//!
//! What auto-detection claims for `vsphere`, beside the other vendors and in
//! their order: [`detection`](crate::detection#vsphere).
//!
//! # Codes and retry classes
//!
#![doc = include_str!("../catalog/vsphere.md")]
#![doc = include_str!("../../docs/catalog/vsphere.md")]

use crate::catalog::{self, Entry};
use crate::error::VendorError;
use crate::soap::Fault;
use crate::vendor::{Code, Vendor, VendorHint};
use crate::vendors::Ctx;
use crate::vendors::table::Reader;

/// The vim namespaces: current, and that of VirtualCenter 2.0.
const VIM_NS: [&str; 2] = ["urn:vim25", "urn:vim2"];

/// The fault code of vim faults.
const SERVER_FAULT_CODE: &str = "ServerFaultCode";

/// The fault type a detail element names (`NoPermissionFault` → `NoPermission`).
fn fault_type(local: &str) -> &str {
    local.strip_suffix("Fault").filter(|t| !t.is_empty()).unwrap_or(local)
}

/// The code of a fault this reader claims.
fn fault_code(fault: &Fault, ctx: Ctx<'_>) -> Option<Code> {
    if !ctx.may_read(VendorHint::Vsphere) {
        return None;
    }
    if let Some(child) = fault.detail.child_in(|ns| VIM_NS.contains(&ns)) {
        return Some(Code::text(fault_type(child.local)));
    }
    if !ctx.named(VendorHint::Vsphere) {
        return None;
    }
    if let Some(child) = fault.detail.children().find(|c| c.local.len() > "Fault".len() && c.local.ends_with("Fault")) {
        return Some(Code::text(fault_type(child.local)));
    }
    (fault.code.local() == SERVER_FAULT_CODE).then(|| Code::text(SERVER_FAULT_CODE))
}

/// The fault as a vSphere error with `code`.
fn fault_error(fault: Fault, code: Code, ctx: Ctx<'_>) -> VendorError {
    let reason = fault.reason();
    let message = reason.map(|r| r.text.clone());
    let lang = reason.and_then(|r| r.lang.clone());
    let mut e = ctx.catalog_error_with(Vendor::Vsphere, code, message, fault.evidence(ctx.evidence()));
    e.lang = lang;
    fault.move_context_into(&mut e, ctx.limits);
    e
}

/// VMware vSphere in the vendor table.
pub(crate) struct Vsphere;

impl Reader for Vsphere {
    const CATALOG: &'static [Entry] = catalog::vsphere::ENTRIES;

    fn read_fault(fault: &mut Fault, ctx: Ctx<'_>) -> Option<VendorError> {
        let code = fault_code(fault, ctx)?;
        Some(fault_error(std::mem::take(fault), code, ctx))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Options, RetryClass};

    fn fault(code: &str, detail: &str) -> String {
        format!(
            r#"<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body><soapenv:Fault>
            <faultcode>{code}</faultcode><faultstring>Said.</faultstring>{detail}</soapenv:Fault></soapenv:Body></soapenv:Envelope>"#
        )
    }

    fn one(body: &str, opts: &Options) -> VendorError {
        let mut errors = crate::from_slice(body.as_bytes(), opts).unwrap().errors;
        assert_eq!(errors.len(), 1, "{errors:?}");
        errors.remove(0)
    }

    #[test]
    fn the_type_is_the_element_name_without_its_suffix() {
        assert_eq!(fault_type("NotAuthenticatedFault"), "NotAuthenticated");
        assert_eq!(fault_type("InsufficientResourcesFaultFault"), "InsufficientResourcesFault");
        assert_eq!(fault_type("Fault"), "Fault");
        assert_eq!(fault_type("Odd"), "Odd");
    }

    #[test]
    fn claimed_by_the_vim_namespace_only() {
        let vim = fault(
            "ServerFaultCode",
            r#"<detail><NotAuthenticatedFault xmlns="urn:vim25" xsi:type="NotAuthenticated"/></detail>"#,
        );
        let e = one(&vim, &Options::new());
        assert_eq!((e.vendor, e.code.to_string(), e.retry.class()), (Vendor::Vsphere, "NotAuthenticated".into(), RetryClass::Reauth));
        assert_eq!((e.message.as_str(), e.fault_code.as_deref()), ("Said.", Some("ServerFaultCode")));
        // The same shape elsewhere: a generic fault, unless the hint insists.
        let other = fault("ServerFaultCode", r#"<detail><NotAuthenticatedFault xmlns="urn:other"/></detail>"#);
        assert_eq!(one(&other, &Options::new()).vendor, Vendor::Soap);
        let e = one(&other, &Options::new().vendor(VendorHint::Vsphere));
        assert_eq!((e.vendor, e.code.to_string()), (Vendor::Vsphere, "NotAuthenticated".into()));
        // No typed detail: the code alone, under the hint.
        let bare = fault("ServerFaultCode", "");
        assert_eq!(one(&bare, &Options::new()).vendor, Vendor::Soap);
        let e = one(&bare, &Options::new().vendor(VendorHint::Vsphere));
        assert_eq!((e.code.to_string(), e.retry.class()), ("ServerFaultCode".into(), RetryClass::Permanent));
        // Anything else is not vSphere's, even under the hint.
        let e = one(&fault("soapenv:Client", ""), &Options::new().vendor(VendorHint::Vsphere));
        assert_eq!(e.vendor, Vendor::Soap);
    }

    #[test]
    fn an_unknown_type_is_classed_by_the_fault_code_and_the_status() {
        let body = fault("ServerFaultCode", r#"<detail><BrandNewFault xmlns="urn:vim25"/></detail>"#);
        let e = one(&body, &Options::new().status(500));
        assert_eq!((e.code.to_string(), e.retry.class()), ("BrandNew".into(), RetryClass::Permanent));
        assert_eq!(e.message, "Said.");
        let e = one(&body, &Options::new().status(503));
        assert_eq!(e.retry.class(), RetryClass::Transient);
    }

    #[test]
    fn an_empty_fault_string_gives_the_description() {
        let body = fault("ServerFaultCode", r#"<detail><TimedoutFault xmlns="urn:vim25"/></detail>"#)
            .replace("<faultstring>Said.</faultstring>", "<faultstring/>");
        let e = one(&body, &Options::new());
        assert!(e.message.starts_with("Timedout exception is thrown"), "{}", e.message);
        assert_eq!(e.retry.class(), RetryClass::Transient);
    }

    #[test]
    fn a_fault_cut_in_its_detail_keeps_the_type_its_start_tag_named() {
        let full = fault(
            "ServerFaultCode",
            r#"<detail><NoPermissionFault xmlns="urn:vim25"><privilegeId>System.View</privilegeId></NoPermissionFault></detail>"#,
        );
        let cut = &full[..full.find("System.View").unwrap()];
        let report = crate::from_slice(cut.as_bytes(), &Options::new()).unwrap();
        assert_eq!(report.errors.len(), 1);
        let e = &report.errors[0];
        // The start tag that names the type was read whole: vSphere's, with its class.
        assert_eq!((e.vendor, e.incomplete, e.message.as_str()), (Vendor::Vsphere, true, "Said."));
        assert_eq!((e.code.to_string(), e.retry.class()), ("NoPermission".to_owned(), RetryClass::Permanent));
        // Cut inside the start tag: nothing names the type, a generic fault, no more final than transient.
        let cut = &full[..full.find("urn:vim25").unwrap()];
        let e = &crate::from_slice(cut.as_bytes(), &Options::new()).unwrap().errors[0];
        assert_eq!((e.vendor, e.retry.class()), (Vendor::Soap, RetryClass::Transient));
    }

    #[test]
    fn no_fault_string_gives_the_description() {
        let body = fault("ServerFaultCode", r#"<detail><NotAuthenticatedFault xmlns="urn:vim25"/></detail>"#)
            .replace("<faultstring>Said.</faultstring>", "");
        let e = one(&body, &Options::new());
        assert_eq!(e.message, "Thrown when an operation is denied because the session has not yet successfully logged in.");
    }
}
