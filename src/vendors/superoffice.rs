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

use crate::catalog;
use crate::parse_error::ParseError;
use crate::report::Report;
use crate::vendor::{Code, Vendor, VendorHint, parse_decimal};
use crate::vendors::{Ctx, catalog_error};
use crate::xml::source::EventSource;
use crate::xml::{Cursor, Node};

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

fn method_of(local: &str) -> &str {
    local.strip_suffix("Response").unwrap_or(local)
}

/// Should this body item (the cursor is on it) be read as SuperOffice's?
pub(crate) fn claims_item<S: EventSource>(cur: &Cursor<S>, ctx: Ctx<'_>) -> bool {
    ctx.insists(VendorHint::SuperOffice)
        || ctx.allows(VendorHint::SuperOffice) && {
            let method = method_of(cur.local_name());
            METHODS.iter().any(|m| m.eq_ignore_ascii_case(method))
        }
}

/// The code a part's text stands for: a number, or a `SoapError...` name.
fn code_of(text: &str, ctx: Ctx<'_>) -> Option<i64> {
    let text = text.trim();
    let code = parse_decimal(text).or_else(|| {
        let entry = catalog::lookup(Vendor::SuperOffice, text)?;
        match entry.code {
            catalog::EntryCode::Num(n) => Some(n),
            catalog::EntryCode::Text(_) => None,
        }
    })?;
    let known = catalog::lookup(Vendor::SuperOffice, &code.to_string()).is_some();
    (known || ctx.insists(VendorHint::SuperOffice)).then_some(code)
}

fn is_code_part(local: &str, ctx: Ctx<'_>) -> bool {
    local.eq_ignore_ascii_case("errorCode")
        || ctx.insists(VendorHint::SuperOffice)
            && ["return", "result"].iter().any(|p| {
                // Compared as bytes: any character may stand before the suffix.
                let name = local.as_bytes();
                name.len() >= p.len() && name[name.len() - p.len()..].eq_ignore_ascii_case(p.as_bytes())
            })
}

/// Reads a method response: one error when its code is not 0.
pub(crate) fn read_response<S: EventSource>(
    cur: &mut Cursor<S>,
    response: Node,
    ctx: Ctx<'_>,
    report: &mut Report,
) -> Result<(), ParseError> {
    let method = method_of(cur.local_name()).to_owned();
    while let Some(part) = cur.next_child(response)? {
        if !is_code_part(cur.local_name(), ctx) {
            continue;
        }
        let text = cur.text(part, ctx.limits.max_message_bytes)?.text;
        match code_of(&text, ctx) {
            Some(0) => {}
            Some(code) => {
                let mut e = catalog_error(Vendor::SuperOffice, Code::Num(code), None);
                e.command = Some(method);
                report.push(e, ctx.limits.max_errors);
            }
            None => continue,
        }
        // One code per response; the rest is skipped.
        return Ok(());
    }
    Ok(())
}
