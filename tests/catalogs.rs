//! Every code in the vendors' own tables (the project's seed documents) has
//! a catalog entry, and the classes the issues prescribe hold.

use vendor_errors::catalog;
use vendor_errors::{RetryClass, Vendor};

fn range(r: std::ops::RangeInclusive<i64>) -> Vec<i64> {
    r.collect()
}

fn assert_all_known(vendor: Vendor, codes: &[i64]) {
    for code in codes {
        assert!(catalog::lookup(vendor, &code.to_string()).is_some(), "{vendor} {code} missing");
    }
}

fn class(vendor: Vendor, code: &str) -> RetryClass {
    catalog::lookup(vendor, code).unwrap_or_else(|| panic!("{vendor} {code}")).retry
}

#[test]
fn superoffice_codes_0_to_35_by_number_and_name() {
    assert_all_known(Vendor::SuperOffice, &range(0..=35));
    assert_eq!(catalog::entries(Vendor::SuperOffice).len(), 36);
    let by_name = catalog::lookup(Vendor::SuperOffice, "SoapErrorUserNotFound").unwrap();
    assert_eq!(by_name.code, vendor_errors::Code::Num(35));
    assert_eq!(class(Vendor::SuperOffice, "5"), RetryClass::Reauth);
    assert_eq!(class(Vendor::SuperOffice, "1"), RetryClass::Permanent);
    assert!(catalog::lookup(Vendor::SuperOffice, "0").unwrap().informational);
}

#[test]
fn qlm_eserver_error_codes() {
    let mut codes = range(0..=8);
    codes.extend(range(100..=103));
    codes.extend(range(200..=229));
    codes.extend(range(1900..=1908));
    codes.extend(range(2000..=2003));
    codes.extend(range(2100..=2102));
    codes.extend([2200, 2201, 3000, 3100]);
    assert_all_known(Vendor::Qlm, &codes);
    assert_eq!(catalog::entries(Vendor::Qlm).len(), codes.len());
    assert_eq!(class(Vendor::Qlm, "101"), RetryClass::Transient);
    assert_eq!(class(Vendor::Qlm, "2000"), RetryClass::Transient);
    assert_eq!(class(Vendor::Qlm, "209"), RetryClass::Permanent);
    assert!(catalog::lookup(Vendor::Qlm, "226").unwrap().informational);
}

#[test]
fn marketo_soap_codes() {
    let codes = [
        10001, 20011, 20012, 20013, 20014, 20015, 20016, 20017, 20019, 20022, 20023, 20024, 20101, 20102, 20103, 20104,
        20105, 20106, 20107, 20108, 20109, 20110, 20111, 20113, 20114, 20122, 20123,
    ];
    assert_all_known(Vendor::Marketo, &codes);
    for throttled in ["20015", "20023", "20024"] {
        assert_eq!(class(Vendor::Marketo, throttled), RetryClass::Throttled);
    }
    assert_eq!(class(Vendor::Marketo, "20016"), RetryClass::Reauth);
    assert_eq!(class(Vendor::Marketo, "20014"), RetryClass::Reauth);
    assert_eq!(class(Vendor::Marketo, "10001"), RetryClass::Transient);
    assert!(catalog::lookup(Vendor::Marketo, "20123").unwrap().informational);
}

#[test]
fn salto_codes_with_their_statuses() {
    let mut codes = vec![1100, 1101, 1102, 1500, 1501, 2201];
    codes.extend(range(2203..=2223));
    codes.extend([3010, 3101, 3102, 3103, 3104, 3105, 3201, 4101, 4201]);
    assert_all_known(Vendor::SaltoKs, &codes);
    assert_eq!(catalog::entries(Vendor::SaltoKs).len(), codes.len());
    assert_eq!(catalog::lookup(Vendor::SaltoKs, "2211").unwrap().http_status, &[200]);
    assert_eq!(catalog::lookup(Vendor::SaltoKs, "3102").unwrap().http_status, &[408, 404, 400, 403, 500]);
    for unsure in ["1101", "3010", "3102", "3201"] {
        assert!(catalog::lookup(Vendor::SaltoKs, unsure).unwrap().note.is_some(), "{unsure}");
    }
    assert_eq!(class(Vendor::SaltoKs, "1500"), RetryClass::Reauth);
}

#[test]
fn openair_classes() {
    for reauth in ["2", "9", "418"] {
        assert_eq!(class(Vendor::OpenAir, reauth), RetryClass::Reauth, "{reauth}");
    }
    assert_eq!(class(Vendor::OpenAir, "556"), RetryClass::Throttled);
    assert_eq!(class(Vendor::OpenAir, "1"), RetryClass::Transient);
    assert_eq!(class(Vendor::OpenAir, "601"), RetryClass::Permanent);
    assert!(catalog::lookup(Vendor::OpenAir, "1106").is_none(), "1106's meaning is not published");
}

#[test]
fn salesforce_netsuite_ews_prescribed_classes() {
    let expect = [
        (Vendor::Salesforce, "INVALID_SESSION_ID", RetryClass::Reauth),
        (Vendor::Salesforce, "REQUEST_LIMIT_EXCEEDED", RetryClass::Throttled),
        (Vendor::Salesforce, "UNABLE_TO_LOCK_ROW", RetryClass::Transient),
        (Vendor::Salesforce, "SERVER_UNAVAILABLE", RetryClass::Transient),
        (Vendor::Salesforce, "REQUIRED_FIELD_MISSING", RetryClass::Permanent),
        (Vendor::NetSuite, "WS_CONCUR_SESSION_DISALLWD", RetryClass::Throttled),
        (Vendor::NetSuite, "WS_REQUEST_BLOCKED", RetryClass::Throttled),
        (Vendor::NetSuite, "UNEXPECTED_ERROR", RetryClass::Transient),
        (Vendor::NetSuite, "invalidSessionFault", RetryClass::Reauth),
        (Vendor::NetSuite, "InvalidSessionFault", RetryClass::Reauth),
        (Vendor::NetSuite, "exceededConcurrentRequestLimitFault", RetryClass::Throttled),
        (Vendor::NetSuite, "DUP_ENTITY", RetryClass::Permanent),
        (Vendor::Ews, "ErrorServerBusy", RetryClass::Throttled),
        (Vendor::Ews, "ErrorTooManyObjectsOpened", RetryClass::Throttled),
        (Vendor::Ews, "ErrorInternalServerError", RetryClass::Transient),
        (Vendor::Ews, "ErrorItemNotFound", RetryClass::Permanent),
        (Vendor::Ews, "ErrorAccessDenied", RetryClass::Permanent),
        (Vendor::Ews, "ErrorInvalidRequest", RetryClass::Permanent),
    ];
    for (vendor, code, want) in expect {
        assert_eq!(class(vendor, code), want, "{vendor} {code}");
    }
    // The vendors' enumerations, not a sample: every catalog is large.
    assert!(catalog::entries(Vendor::Salesforce).len() >= 700);
    assert!(catalog::entries(Vendor::NetSuite).len() >= 1000);
    assert!(catalog::entries(Vendor::Ews).len() >= 400);
}

#[test]
fn json_oauth_google_and_json_rpc_codes() {
    let oauth = [
        "invalid_request",
        "invalid_client",
        "invalid_grant",
        "unauthorized_client",
        "unsupported_grant_type",
        "invalid_scope",
        "access_denied",
        "unsupported_response_type",
        "server_error",
        "temporarily_unavailable",
        "invalid_token",
        "insufficient_scope",
        "authorization_pending",
        "slow_down",
        "expired_token",
    ];
    let google = [
        "CANCELLED",
        "UNKNOWN",
        "INVALID_ARGUMENT",
        "DEADLINE_EXCEEDED",
        "NOT_FOUND",
        "ALREADY_EXISTS",
        "PERMISSION_DENIED",
        "UNAUTHENTICATED",
        "RESOURCE_EXHAUSTED",
        "FAILED_PRECONDITION",
        "ABORTED",
        "OUT_OF_RANGE",
        "UNIMPLEMENTED",
        "INTERNAL",
        "UNAVAILABLE",
        "DATA_LOSS",
    ];
    for code in oauth.iter().chain(&google) {
        assert!(catalog::lookup(Vendor::Json, code).is_some(), "json {code} missing");
    }
    assert_all_known(Vendor::Json, &[-32700, -32600, -32601, -32602, -32603]);
    assert_eq!(catalog::entries(Vendor::Json).len(), oauth.len() + google.len() + 5);
    let expect = [
        ("invalid_token", RetryClass::Reauth),
        ("expired_token", RetryClass::Reauth),
        ("temporarily_unavailable", RetryClass::Transient),
        ("slow_down", RetryClass::Throttled),
        ("authorization_pending", RetryClass::Permanent),
        ("invalid_grant", RetryClass::Permanent),
        ("access_denied", RetryClass::Permanent),
        ("RESOURCE_EXHAUSTED", RetryClass::Throttled),
        ("UNAVAILABLE", RetryClass::Transient),
        ("UNAUTHENTICATED", RetryClass::Reauth),
        ("PERMISSION_DENIED", RetryClass::Permanent),
        ("-32601", RetryClass::Permanent),
        ("-32603", RetryClass::Transient),
    ];
    for (code, want) in expect {
        assert_eq!(class(Vendor::Json, code), want, "json {code}");
    }
    // JSON-RPC's server-error range is each server's own: no invented rows.
    assert!(catalog::lookup(Vendor::Json, "-32000").is_none());
}

#[test]
fn ebay_paypal_fedex_ups_canadapost_classes() {
    let expect = [
        (Vendor::Ebay, "931", RetryClass::Reauth),
        (Vendor::Ebay, "21917053", RetryClass::Reauth),
        (Vendor::Ebay, "10007", RetryClass::Transient),
        (Vendor::Ebay, "518", RetryClass::Throttled),
        (Vendor::Ebay, "21919188", RetryClass::Permanent),
        (Vendor::Paypal, "10001", RetryClass::Transient),
        (Vendor::Paypal, "10002", RetryClass::Reauth),
        (Vendor::Paypal, "10445", RetryClass::Transient),
        (Vendor::Paypal, "10486", RetryClass::Permanent),
        (Vendor::Fedex, "9045", RetryClass::Transient),
        (Vendor::Fedex, "9080", RetryClass::Permanent),
        (Vendor::Fedex, "6330", RetryClass::Transient),
        (Vendor::Ups, "20001", RetryClass::Transient),
        (Vendor::Ups, "250003", RetryClass::Reauth),
        (Vendor::Ups, "10002", RetryClass::Permanent),
        (Vendor::CanadaPost, "AA004", RetryClass::Permanent),
        (Vendor::CanadaPost, "004", RetryClass::Permanent),
    ];
    for (vendor, code, want) in expect {
        assert_eq!(class(vendor, code), want, "{vendor} {code}");
    }
    // Successes and warnings are marked so, not failures.
    assert!(catalog::lookup(Vendor::Paypal, "11610").unwrap().informational);
    assert!(catalog::lookup(Vendor::Fedex, "0").unwrap().informational);
    // Every transient and unrecoverable code of active_shipping's FedEx tracking lists.
    for code in [9035, 9040, 9041, 9045, 9050, 9055, 9060, 9065, 9070, 9075, 9085, 9086, 9090] {
        assert_eq!(class(Vendor::Fedex, &code.to_string()), RetryClass::Transient, "{code}");
    }
    for code in [9080, 9081, 9082, 9095, 9100] {
        assert_eq!(class(Vendor::Fedex, &code.to_string()), RetryClass::Permanent, "{code}");
    }
}
