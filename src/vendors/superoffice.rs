//! SuperOffice Customer Service "Services SOAP interface": every method
//! returns its error code as a string, `0` (`SoapErrorNoError`) on success.
//!
//! The code is read from the method response's `errorCode` child (the
//! out-parameter's name in SuperOffice's reference); with `--vendor
//! superoffice` a `return`/`result` part (`...Return`, `...Result`) is read
//! too. Either the number (`5`) or the name (`SoapErrorInvalidSessionKey`)
//! is accepted. The body carries no text: the message is the catalog's (the
//! same text `getErrorMessage()` gives). Under auto-detection a response is
//! SuperOffice's when its method is one of the interface's and the code is
//! in the catalog. SOAP faults from these endpoints, read with `--vendor
//! superoffice`, stay generic SOAP errors with the vendor set.
//!
//! # Auto-detection
//!
//! What auto-detection claims for `superoffice`, beside the other vendors and in
//! their order: [`detection`](crate::detection#superoffice).
//!
//! # Codes and retry classes
//!
#![doc = include_str!("../catalog/superoffice.md")]
#![doc = include_str!("../../docs/catalog/superoffice.md")]

use crate::catalog;
use crate::catalog::Entry;
use crate::emit::{Emitter, Halt};
use crate::error::VendorError;
use crate::soap::Fault;
use crate::vendor::{Code, Vendor, VendorHint};
use crate::vendors::table::Reader;
use crate::vendors::{Ctx, operation_of};
use crate::xml::{Element, Source};

/// The methods of the admin, customer and ticket ports, lowercased.
const METHODS: &[&str] = &[
    "addattachment",
    "addmessage",
    "addmessage2",
    "addmessage3",
    "allocusernotifications",
    "checkagentversion",
    "checkpassword",
    "closeticket",
    "deleteattachment",
    "deleteextratablerow",
    "editmessage",
    "executescript",
    "faqfindentries",
    "faqfindentries2",
    "faqgetcategory",
    "faqgetentry",
    "faqgetgroupentries",
    "faqgetmostpopularentries",
    "faqgetmostreadentries",
    "faqscoreentry",
    "findcompanies",
    "findcustomerfromemail",
    "findcustomers",
    "findtickets",
    "finduser",
    "getactiveticketsstatus",
    "getagent",
    "getattachment",
    "getcategories",
    "getcategory",
    "getcompany",
    "getcustlangcategories",
    "getcustomer",
    "geterrormessage",
    "getextrafields",
    "getextratable",
    "getextratables",
    "getlanguages",
    "getmessage",
    "getmodulepaths",
    "getpriorities",
    "getreplytemplate",
    "getreplytemplatefolders",
    "getreplytemplates",
    "gettag",
    "getticket",
    "getuser",
    "getuserbyid",
    "getusernotifications",
    "getusers",
    "insertintoextratable",
    "login",
    "loginascustomer",
    "loginasuser",
    "logout",
    "newcompany",
    "newcustomer",
    "newticket",
    "queryextratable",
    "sendpassword",
    "setcompany",
    "setcustomer",
    "setticket",
    "setuser",
    "setuseridletime",
];

/// Should this body item be read as SuperOffice's?
fn claims_item<S: Source>(item: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
    ctx.named(VendorHint::SuperOffice)
        || ctx.may_read(VendorHint::SuperOffice) && {
            let method = operation_of(item.local_name());
            METHODS.iter().any(|m| m.eq_ignore_ascii_case(method))
        }
}

/// The code a part's text stands for: a number, or a `SoapError...` name
/// (looked up as written in the catalog).
fn code_of(text: &str, ctx: Ctx<'_>) -> Option<Code> {
    let known = catalog::lookup(Vendor::SuperOffice, text).map(|e| e.code.clone());
    match known {
        Some(code) => Some(code),
        None => Some(Code::parse(text.trim())).filter(|c| c.as_num().is_some() && ctx.named(VendorHint::SuperOffice)),
    }
}

fn is_code_part(local: &str, ctx: Ctx<'_>) -> bool {
    local.eq_ignore_ascii_case("errorCode")
        || ctx.named(VendorHint::SuperOffice)
            && ["return", "result"].iter().any(|p| {
                // Compared as bytes: any character may stand before the suffix.
                let name = local.as_bytes();
                name.len() >= p.len() && name[name.len() - p.len()..].eq_ignore_ascii_case(p.as_bytes())
            })
}

/// Reads a method response: one error when its code is not 0.
fn read_response<S: Source>(mut response: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
    let method = operation_of(response.local_name()).to_owned();
    while let Some(part) = response.next_child()? {
        if !is_code_part(part.local_name(), ctx) {
            continue;
        }
        let text = part.text(ctx.limits.max_message_bytes)?.text;
        match code_of(&text, ctx) {
            Some(Code::Num(0)) => {}
            Some(code) => {
                let mut e = ctx.catalog_error(Vendor::SuperOffice, code, None);
                e.command = Some(method);
                out.push(e)?;
            }
            None => continue,
        }
        // One code per response; the rest is skipped.
        return Ok(());
    }
    Ok(())
}

/// SuperOffice Customer Service in the vendor table.
pub(crate) struct SuperOffice;

impl Reader for SuperOffice {
    const CATALOG: &'static [Entry] = catalog::superoffice::ENTRIES;

    /// A fault from an endpoint the caller named keeps that vendor.
    fn read_fault(fault: &mut Fault, ctx: Ctx<'_>) -> Option<VendorError> {
        if !ctx.named(VendorHint::SuperOffice) {
            return None;
        }
        let mut e = std::mem::take(fault).into_generic_error(ctx.evidence(), ctx.limits);
        e.vendor = Vendor::SuperOffice;
        Some(e)
    }

    fn claims_item<S: Source>(item: &Element<'_, S>, ctx: Ctx<'_>) -> bool {
        claims_item(item, ctx)
    }

    fn read_item<S: Source>(item: Element<'_, S>, ctx: Ctx<'_>, out: &mut Emitter) -> Result<(), Halt> {
        read_response(item, ctx, out)
    }
}
