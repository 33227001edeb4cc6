//! No error is lost to `max_errors`, and none is kept aside from the stream:
//! readers that must wait before they know whether their errors count
//! (Salesforce results, QLM fragments escaped in a SOAP body) hand their
//! overflow on as counted errors with the combined decision.

use std::ops::ControlFlow;

use vendor_errors::{Code, Limits, Options, Retry, Vendor};

fn max_errors(n: usize) -> Options {
    let mut limits = Limits::default();
    limits.max_errors = n;
    Options::new().limits(limits)
}

/// One failed Salesforce `result` with a transient error, then a permanent one.
const SALESFORCE_TWO_ERRORS: &[u8] = br#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:partner.soap.sforce.com"><s:Body><createResponse><result>
<errors><message>lock</message><statusCode>UNABLE_TO_LOCK_ROW</statusCode></errors>
<errors><message>missing</message><statusCode>REQUIRED_FIELD_MISSING</statusCode></errors>
<success>false</success></result></createResponse></s:Body></s:Envelope>"#;

#[test]
fn salesforce_overflow_is_counted_with_its_decision() {
    let report = vendor_errors::from_slice(SALESFORCE_TWO_ERRORS, &max_errors(1)).unwrap();
    assert_eq!(report.errors.len(), 1);
    assert_eq!(report.errors[0].code, Code::from("UNABLE_TO_LOCK_ROW"));
    assert_eq!(report.omitted, 1);
    assert_eq!(report.retry(), Some(Retry::Permanent));
}

#[test]
fn salesforce_count_only_still_fails() {
    let report = vendor_errors::from_slice(SALESFORCE_TWO_ERRORS, &max_errors(0)).unwrap();
    assert_eq!((report.errors.len(), report.omitted), (0, 2));
    assert!(!report.is_success());
    assert_eq!(report.retry(), Some(Retry::Permanent));
}

#[test]
fn salesforce_scan_hands_out_every_error() {
    let mut codes = Vec::new();
    let scanned = vendor_errors::scan_slice(SALESFORCE_TWO_ERRORS, &Options::new(), |e| {
        codes.push(e.code.to_string());
        ControlFlow::Continue(())
    })
    .unwrap();
    assert_eq!(codes, ["UNABLE_TO_LOCK_ROW", "REQUIRED_FIELD_MISSING"]);
    assert_eq!((scanned.handed, scanned.omitted), (2, 0));
}

#[test]
fn salesforce_scan_counts_what_a_result_held_back() {
    let mut handed = 0;
    let scanned = vendor_errors::scan_slice(SALESFORCE_TWO_ERRORS, &max_errors(1), |_| {
        handed += 1;
        ControlFlow::Continue(())
    })
    .unwrap();
    assert_eq!((handed, scanned.handed, scanned.omitted), (1, 1, 1));
    assert_eq!(scanned.omitted_retry, Some(Retry::Permanent));
}

#[test]
fn salesforce_scan_stops_at_the_first_error() {
    let mut codes = Vec::new();
    let scanned = vendor_errors::scan_slice(SALESFORCE_TWO_ERRORS, &Options::new(), |e| {
        codes.push(e.code.to_string());
        ControlFlow::Break(())
    })
    .unwrap();
    assert!(scanned.stopped);
    assert_eq!(codes, ["UNABLE_TO_LOCK_ROW"]);
}

#[test]
fn qlm_fragment_count_only_still_fails() {
    let body = b"<QuickLicenseManager><error>License expired</error><errorCode>209</errorCode></QuickLicenseManager>";
    let report = vendor_errors::from_slice(body, &max_errors(0)).unwrap();
    assert_eq!((report.errors.len(), report.omitted), (0, 1));
    assert_eq!(report.retry(), Some(Retry::Permanent));
    let report = vendor_errors::from_slice(body, &max_errors(1)).unwrap();
    assert_eq!((report.errors[0].vendor, report.errors[0].code.clone()), (Vendor::Qlm, Code::Num(209)));
}

#[test]
fn qlm_escaped_fragment_count_only_still_fails() {
    let body = br#"<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
    <GetOrderResponse xmlns="http://example.test/qlm/"><GetOrderResult>&lt;QuickLicenseManager&gt;&lt;error&gt;The order id is not valid&lt;/error&gt;&lt;/QuickLicenseManager&gt;</GetOrderResult></GetOrderResponse>
    </soap:Body></soap:Envelope>"#;
    let report = vendor_errors::from_slice(body, &max_errors(0)).unwrap();
    assert_eq!((report.errors.len(), report.omitted), (0, 1));
    assert!(report.retry().is_some());
    let report = vendor_errors::from_slice(body, &Options::new()).unwrap();
    assert_eq!(report.errors[0].vendor, Vendor::Qlm);
    assert_eq!(report.errors[0].message, "The order id is not valid");
}
