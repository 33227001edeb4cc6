// The module's documentation is `ebl.md`, rendered on the `ebay` and
// `paypal` pages too.
#![doc = include_str!("ebl.md")]

use crate::emit::{Emitter, Halt};
use crate::retry::{Evidence, RetryClass};
use crate::soap;
use crate::vendor::{Code, Vendor};
use crate::vendors::{Ctx, operation_of};
use crate::xml::{Element, Leaves, Source};

/// eBay's base components namespace: eBay's responses, and the common
/// children of PayPal's.
pub(crate) const EBL_NS: &str = "urn:ebay:apis:eBLBaseComponents";

/// How deep below the response element the walk looks for item errors.
const MAX_DEPTH: u32 = 32;

/// Most leaves read from one error entry.
const MAX_LEAVES: usize = 32;

/// Most `ErrorParameters` values kept in `detail`.
const MAX_PARAMETERS: usize = 8;

/// What an `Ack` says of the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ack {
    /// `Success`, `Warning`, `SuccessWithWarning`.
    Success,
    /// `Failure`, `FailureWithWarning`, `PartialFailure`, `PartialSuccess`.
    Failed,
    /// `CustomCode`, or a word neither vendor documents.
    Other,
}

impl Ack {
    fn parse(word: &str) -> Ack {
        match word {
            "Success" | "Warning" | "SuccessWithWarning" => Ack::Success,
            "Failure" | "FailureWithWarning" | "PartialFailure" | "PartialSuccess" => Ack::Failed,
            _ => Ack::Other,
        }
    }
}

/// One error entry as read.
struct Entry {
    code: Option<Code>,
    message: Option<String>,
    severity: Option<String>,
    class: Option<RetryClass>,
    detail: Option<String>,
    truncated: bool,
}

/// The walk over one response.
struct Walk<'c> {
    vendor: Vendor,
    ctx: Ctx<'c>,
    command: String,
    ack: Option<(Ack, String)>,
    reported: bool,
    /// The first entry met, for a failed `Ack` without an error entry.
    first: Option<(Code, Option<String>)>,
}

/// Reads one response element (a document element or a SOAP body item) of
/// `vendor`: see the module docs.
pub(crate) fn read_response<S: Source>(
    mut response: Element<'_, S>,
    vendor: Vendor,
    ctx: Ctx<'_>,
    out: &mut Emitter,
) -> Result<(), Halt> {
    let command = operation_of(response.local_name()).to_owned();
    let mut walk = Walk { vendor, ctx, command, ack: None, reported: false, first: None };
    let mut siblings = Siblings::default();
    while let Some(child) = response.next_child()? {
        let position = siblings.next(child.local_name());
        walk.visit(child, 0, None, position, out)?;
    }
    walk.finish(out)
}

/// Positions of consecutive same-named siblings (repeated elements of a
/// schema sequence are consecutive).
#[derive(Default)]
struct Siblings {
    last: String,
    count: u32,
}

impl Siblings {
    /// The position of the next sibling, named `local`.
    fn next(&mut self, local: &str) -> u32 {
        if self.last == local {
            self.count = self.count.saturating_add(1);
        } else {
            self.last.clear();
            self.last.push_str(local);
            self.count = 0;
        }
        self.count
    }
}

impl Walk<'_> {
    /// One element below the response: `depth` 0 for the response's
    /// children; `item` the position of the item (the parent) it sits in,
    /// `position` its own among its same-named siblings.
    fn visit<S: Source>(
        &mut self,
        mut el: Element<'_, S>,
        depth: u32,
        item: Option<u32>,
        position: u32,
        out: &mut Emitter,
    ) -> Result<(), Halt> {
        if soap::is_soap(&el, "Fault") {
            let ctx = self.ctx;
            return soap::read_fault_salvaging(el, ctx.limits, out, |fault| super::fault_error(fault, ctx));
        }
        match el.local_name() {
            "Ack" if depth == 0 => {
                let word = el.text(32)?.text;
                self.ack = Some((Ack::parse(word.trim()), word.trim().to_owned()));
            }
            "Errors" | "PaymentError" => {
                let entry = read_entry(el, self.ctx)?;
                self.entry(entry, depth, item, out)?;
            }
            // Below a successful call, the payload holds no error: skipped unread.
            _ if depth < MAX_DEPTH && !self.succeeded() => {
                let mut siblings = Siblings::default();
                while let Some(child) = el.next_child()? {
                    let child_position = siblings.next(child.local_name());
                    self.visit(child, depth + 1, Some(position), child_position, out)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Is the call known to have succeeded (an `Ack` read that says so)?
    fn succeeded(&self) -> bool {
        matches!(self.ack, Some((Ack::Success, _)))
    }

    /// An entry: reported when it is an error (see the module docs).
    fn entry(&mut self, entry: Entry, depth: u32, item: Option<u32>, out: &mut Emitter) -> Result<(), Halt> {
        let code = entry.code.clone().or_else(|| entry.message.is_some().then(|| Code::text("unknown")));
        let Some(code) = code else { return Ok(()) };
        if self.first.is_none() {
            self.first = Some((code.clone(), entry.message.clone()));
        }
        let is_error = match entry.severity.as_deref() {
            None | Some("") => !self.succeeded(),
            Some(word) => word.eq_ignore_ascii_case("Error") && (depth == 0 || !self.succeeded()),
        };
        if !is_error {
            return Ok(());
        }
        let evidence = Evidence { catalog: entry.class, ..self.ctx.evidence() };
        let mut e = self.ctx.catalog_error_with(self.vendor, code, entry.message, evidence);
        e.command = Some(self.command.clone());
        e.index = if depth == 0 { None } else { item };
        e.detail = entry.detail;
        e.truncated |= entry.truncated;
        self.reported = true;
        out.push(e)?;
        Ok(())
    }

    /// After the response: a failed `Ack` with no error entry is reported.
    fn finish(self, out: &mut Emitter) -> Result<(), Halt> {
        let Some((Ack::Failed, word)) = self.ack else { return Ok(()) };
        if self.reported {
            return Ok(());
        }
        let (code, message) = match self.first {
            Some((code, message)) => (code, message),
            None => {
                let text = format!("{} {}: Ack {word} without an error entry", self.vendor, self.command);
                (
                    Code::text(word.as_str()),
                    Some(crate::text::collapse_whitespace(&text, self.ctx.limits.max_message_bytes).text),
                )
            }
        };
        let mut e = self.ctx.catalog_error(self.vendor, code, message);
        e.command = Some(self.command);
        out.push(e)?;
        Ok(())
    }
}

/// Reads one `ErrorType` entry.
fn read_entry<S: Source>(el: Element<'_, S>, ctx: Ctx<'_>) -> Result<Entry, Halt> {
    let leaves = el.leaves(MAX_LEAVES, ctx.limits.max_message_bytes)?;
    let text = |name: &str| leaves.named(name).map(str::trim).filter(|t| !t.is_empty());
    let code = text("ErrorCode").map(Code::parse);
    let message = text("LongMessage").or_else(|| text("ShortMessage")).map(str::to_owned);
    let severity = leaves.named("SeverityCode").map(|s| s.trim().to_owned());
    let class = match text("ErrorClassification") {
        Some("SystemError") => Some(RetryClass::Transient),
        Some("RequestError") => Some(RetryClass::Permanent),
        _ => None,
    };
    let (detail, detail_cut) = parameters(&leaves, ctx.limits.max_detail_bytes);
    Ok(Entry { code, message, severity, class, detail, truncated: leaves.truncated || detail_cut })
}

/// The `ErrorParameters` values, as `ErrorParameters: a, b`.
fn parameters(leaves: &Leaves, max: usize) -> (Option<String>, bool) {
    let mut out = crate::text::CappedString::new(max);
    let mut count = 0;
    for leaf in leaves.items().filter(|l| l.path.starts_with("ErrorParameters")) {
        if count == MAX_PARAMETERS {
            break;
        }
        out.push(if count == 0 { "ErrorParameters: " } else { ", " });
        out.push_words(leaf.text);
        count += 1;
    }
    let kept = out.finish();
    ((count > 0).then_some(kept.text), kept.truncated)
}

#[cfg(test)]
mod tests {
    use crate::{Code, Options, RetryClass, Vendor, VendorError, VendorHint};

    fn read(body: &str, opts: &Options) -> Result<crate::Report, crate::ParseError> {
        crate::from_slice(body.as_bytes(), opts)
    }

    fn errors(body: &str) -> Vec<VendorError> {
        read(body, &Options::new()).unwrap().errors
    }

    /// An eBay response of `call` holding `inner`.
    fn ebay(call: &str, inner: &str) -> String {
        format!(r#"<{call}Response xmlns="urn:ebay:apis:eBLBaseComponents">{inner}</{call}Response>"#)
    }

    /// A PayPal SOAP response of `call` holding `inner` (eBay's namespace as `e`).
    fn paypal(call: &str, inner: &str) -> String {
        format!(
            r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><{call}Response xmlns="urn:ebay:api:PayPalAPI" xmlns:e="urn:ebay:apis:eBLBaseComponents">{inner}</{call}Response></s:Body></s:Envelope>"#
        )
    }

    fn entry(code: &str, severity: &str, message: &str) -> String {
        format!(
            "<Errors><LongMessage>{message}</LongMessage><ErrorCode>{code}</ErrorCode><SeverityCode>{severity}</SeverityCode></Errors>"
        )
    }

    #[test]
    fn namespaces_tell_paypal_from_ebay() {
        let e = &errors(&ebay("GetItem", &format!("<Ack>Failure</Ack>{}", entry("931", "Error", "bad token"))))[0];
        assert_eq!((e.vendor, e.code.clone(), e.command.as_deref()), (Vendor::Ebay, Code::Num(931), Some("GetItem")));
        let body = paypal(
            "SetExpressCheckout",
            "<e:Ack>Failure</e:Ack><e:Errors><e:ErrorCode>10002</e:ErrorCode><e:SeverityCode>Error</e:SeverityCode></e:Errors>",
        );
        let e = &errors(&body)[0];
        assert_eq!((e.vendor, e.code.clone(), e.retry.class()), (Vendor::Paypal, Code::Num(10002), RetryClass::Reauth));
        // Without a message, the catalog's description.
        assert!(e.message.starts_with("The API credentials are not valid"), "{}", e.message);
    }

    #[test]
    fn warnings_and_successful_acks_are_no_errors() {
        for ack in ["Success", "Warning", "SuccessWithWarning"] {
            let body = ebay("AddItem", &format!("<Ack>{ack}</Ack>{}", entry("1", "Warning", "w")));
            assert!(errors(&body).is_empty(), "{ack}");
        }
        // PayPal's PartialSuccess severity is no error either (the Ack says what failed).
        let body = ebay("X", &format!("<Ack>Success</Ack>{}", entry("1", "PartialSuccess", "p")));
        assert!(errors(&body).is_empty());
        // An Error entry in a successful call's payload is data.
        let body = ebay("GetItem", &format!("<Ack>Success</Ack><Item>{}</Item>", entry("10007", "Error", "data")));
        assert!(errors(&body).is_empty());
    }

    #[test]
    fn a_missing_severity_counts_unless_the_ack_said_success() {
        let missing = "<Errors><ErrorCode>10001</ErrorCode><ShortMessage>Internal error</ShortMessage></Errors>";
        assert_eq!(errors(&ebay("X", &format!("<Ack>Failure</Ack>{missing}"))).len(), 1);
        assert!(errors(&ebay("X", &format!("<Ack>Success</Ack>{missing}"))).is_empty());
        // The Ack after the entries (out of the schema's order): counted.
        assert_eq!(errors(&ebay("X", &format!("{missing}<Ack>Failure</Ack>"))).len(), 1);
        // Severity words are compared ignoring case.
        assert_eq!(errors(&ebay("X", &format!("<Ack>Failure</Ack>{}", entry("1", " error ", "m")))).len(), 1);
    }

    #[test]
    fn a_failed_ack_is_never_a_success() {
        // Only a warning: reported with the warning's code and text.
        let e = &errors(&ebay("EndItem", &format!("<Ack>Failure</Ack>{}", entry("1047", "Warning", "closed"))))[0];
        assert_eq!((e.code.clone(), e.message.as_str()), (Code::Num(1047), "closed"));
        // No entry at all: the Ack word.
        for ack in ["Failure", "FailureWithWarning", "PartialFailure", "PartialSuccess"] {
            let errors = errors(&ebay("CompleteSale", &format!("<Ack>{ack}</Ack>")));
            assert_eq!(errors.len(), 1, "{ack}");
            assert_eq!(errors[0].code, Code::from(ack));
            assert_eq!(errors[0].retry.class(), RetryClass::Permanent);
        }
        // An entry with neither code nor message is no explanation.
        let e = &errors(&ebay("X", "<Ack>Failure</Ack><Errors><SeverityCode>Error</SeverityCode></Errors>"))[0];
        assert_eq!(e.code, Code::from("Failure"));
        // A message without a code: `unknown`.
        let e = &errors(&ebay(
            "X",
            "<Ack>Failure</Ack><Errors><ShortMessage>m</ShortMessage><SeverityCode>Error</SeverityCode></Errors>",
        ))[0];
        assert_eq!((e.code.clone(), e.message.as_str()), (Code::from("unknown"), "m"));
    }

    #[test]
    fn classification_classes_codes_without_a_row_and_status_goes_after() {
        let with = |class: &str| {
            let body = ebay(
                "X",
                &format!(
                    "<Ack>Failure</Ack><Errors><ErrorCode>99999</ErrorCode><SeverityCode>Error</SeverityCode><ErrorClassification>{class}</ErrorClassification></Errors>"
                ),
            );
            errors(&body)[0].retry.class()
        };
        assert_eq!(with("SystemError"), RetryClass::Transient);
        assert_eq!(with("RequestError"), RetryClass::Permanent);
        assert_eq!(with("CustomCode"), RetryClass::Permanent);
        // The catalog's row wins over the classification.
        let body = ebay(
            "X",
            "<Ack>Failure</Ack><Errors><ErrorCode>931</ErrorCode><SeverityCode>Error</SeverityCode><ErrorClassification>SystemError</ErrorClassification></Errors>",
        );
        assert_eq!(errors(&body)[0].retry.class(), RetryClass::Reauth);
    }

    #[test]
    fn items_errors_carry_their_items_position() {
        let ok = "<PaymentInfo><PaymentStatus>Completed</PaymentStatus></PaymentInfo>";
        let failed = "<PaymentInfo><PaymentError><ErrorCode>10417</ErrorCode><SeverityCode>Error</SeverityCode></PaymentError></PaymentInfo>";
        let body = paypal(
            "DoExpressCheckoutPayment",
            &format!("<e:Ack>PartialSuccess</e:Ack><Details>{ok}{ok}{failed}</Details>"),
        );
        let found = errors(&body);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].index, found[0].code.clone()), (Some(2), Code::Num(10417)));
        // Top-level entries have none.
        let body = ebay("X", &format!("<Ack>Failure</Ack>{}{}", entry("1", "Error", "a"), entry("2", "Error", "b")));
        assert!(errors(&body).iter().all(|e| e.index.is_none()));
    }

    #[test]
    fn parameters_go_to_detail() {
        let body = ebay(
            "X",
            "<Ack>Failure</Ack><Errors><ErrorCode>5</ErrorCode><SeverityCode>Error</SeverityCode><ErrorParameters ParamID=\"0\"><Value>a</Value></ErrorParameters><ErrorParameters ParamID=\"1\"><Value>b  c</Value></ErrorParameters></Errors>",
        );
        assert_eq!(errors(&body)[0].detail.as_deref(), Some("ErrorParameters: a, b c"));
    }

    #[test]
    fn faults_with_a_fault_detail() {
        let fault = |ns: &str| {
            format!(
                r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>Auth failed</faultstring><detail><FaultDetail xmlns="{ns}"><ErrorCode>931</ErrorCode><Severity>Error</Severity><DetailedMessage>token</DetailedMessage></FaultDetail></detail></s:Fault></s:Body></s:Envelope>"#
            )
        };
        let e = &errors(&fault("urn:ebay:apis:eBLBaseComponents"))[0];
        assert_eq!((e.vendor, e.code.clone(), e.message.as_str()), (Vendor::Ebay, Code::Num(931), "token"));
        assert_eq!(e.retry.class(), RetryClass::Reauth);
        // The shared namespace is PayPal's under its hint.
        let opts = Options::new().vendor(VendorHint::Paypal);
        let e = &read(&fault("urn:ebay:apis:eBLBaseComponents"), &opts).unwrap().errors[0];
        assert_eq!(e.vendor, Vendor::Paypal);
        // Another namespace: a generic fault.
        assert_eq!(errors(&fault("urn:other"))[0].vendor, Vendor::Soap);
    }

    #[test]
    fn a_broken_body_keeps_what_was_read() {
        let whole = ebay("GetItem", &format!("<Ack>Failure</Ack>{}<Version>1</Version>", entry("931", "Error", "bad")));
        let cut = &whole[..whole.find("<Version>").unwrap() + 5];
        let report = read(cut, &Options::new()).unwrap();
        assert_eq!(report.errors.len(), 1);
        assert!(report.incomplete.is_some());
        // Cut inside the entry: nothing half-read is reported.
        let cut = &whole[..whole.find("<SeverityCode>").unwrap()];
        assert!(read(cut, &Options::new()).map(|r| r.errors.is_empty()).unwrap_or(true));
    }

    #[test]
    fn deep_payloads_are_bounded() {
        let deep = "<a>".repeat(200) + &"</a>".repeat(200);
        let body = ebay("X", &format!("<Ack>Success</Ack>{deep}"));
        assert!(errors(&body).is_empty());
        let body = ebay("X", &format!("<Ack>PartialFailure</Ack>{deep}"));
        assert_eq!(errors(&body)[0].code, Code::from("PartialFailure"));
    }
}
