//! Bodies the benchmarks read, generated so that no large file is committed.

/// A SOAP 1.1 fault of about 1 KB with a structured detail.
pub fn soap_fault() -> Vec<u8> {
    let mut s = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <soap:Header><h:Trace xmlns:h="urn:example:trace"><h:Id>5f0c2a7e-1b7d-4a53-9a55-0b1e2f3c4d5e</h:Id></h:Trace></soap:Header>
  <soap:Body>
    <soap:Fault>
      <faultcode xmlns:q0="http://schemas.xmlsoap.org/soap/envelope/">q0:Server</faultcode>
      <faultstring xml:lang="en">The ledger service did not answer within 30 seconds &amp; the request was rolled back</faultstring>
      <faultactor>https://erp.example.test/ws/ledger</faultactor>
      <detail>
        <err:LedgerFault xmlns:err="urn:example:ledger">
          <err:Code>LEDGER_TIMEOUT</err:Code>
          <err:Message>Timeout after 30000 ms waiting for lock on journal 2024-11</err:Message>
          <err:Correlation>c0ffee00-1234-5678-9abc-def012345678</err:Correlation>
        </err:LedgerFault>
      </detail>
    </soap:Fault>
  </soap:Body>
</soap:Envelope>
"#,
    );
    s.push_str("<!-- end -->\n");
    s.into_bytes()
}

/// An OpenAir XML API response of about `mb` megabytes: a successful Auth,
/// a large successful Read of timesheet-like records, and a failed Add last.
pub fn openair_read(mb: usize) -> Vec<u8> {
    let mut s = String::with_capacity(mb << 20);
    s.push_str(
        "<?xml version=\"1.0\" standalone=\"yes\"?>\n<response>\n  <Auth status=\"0\"/>\n  <Read status=\"0\">\n",
    );
    let mut i = 0u64;
    while s.len() < mb << 20 {
        s.push_str(&format!(
            "    <Task>\n      <id>{i}</id>\n      <projectid>{}</projectid>\n      <userid>{}</userid>\n      <date><Date><year>2026</year><month>{}</month><day>{}</day></Date></date>\n      <hours>7.5</hours>\n      <notes>Design review &amp; follow-up for milestone {}</notes>\n      <updated>2026-11-{:02} 12:00:00</updated>\n    </Task>\n",
            1000 + i % 97,
            200 + i % 13,
            1 + i % 12,
            1 + i % 28,
            i % 7,
            1 + i % 28
        ));
        i += 1;
    }
    s.push_str("  </Read>\n  <Add status=\"1106\"><errors>Some error description</errors></Add>\n</response>\n");
    s.into_bytes()
}

/// A SOAP 1.2 fault of about 2 KB: a subcode, three `Reason/Text`
/// translations and three detail entries.
pub fn soap12_fault() -> Vec<u8> {
    let mut s = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:inv="urn:example:inventory">
  <env:Header>
    <wsa:Action xmlns:wsa="http://www.w3.org/2005/08/addressing">urn:example:inventory/ReserveStockFault</wsa:Action>
    <wsa:RelatesTo xmlns:wsa="http://www.w3.org/2005/08/addressing">urn:uuid:9b1de0a4-3c55-4f0e-b7a1-7c2a9d4e6f10</wsa:RelatesTo>
  </env:Header>
  <env:Body>
    <env:Fault>
      <env:Code>
        <env:Value>env:Receiver</env:Value>
        <env:Subcode><env:Value>inv:StockServiceUnavailable</env:Value></env:Subcode>
      </env:Code>
      <env:Reason>
        <env:Text xml:lang="de">Der Lagerbestandsdienst hat nicht rechtzeitig geantwortet; die Reservierung wurde verworfen</env:Text>
        <env:Text xml:lang="en">The stock service did not answer in time; the reservation was discarded</env:Text>
        <env:Text xml:lang="fr">Le service de stock n'a pas répondu à temps ; la réservation a été abandonnée</env:Text>
      </env:Reason>
      <env:Node>https://erp.example.test/ws/inventory</env:Node>
      <env:Role>http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver</env:Role>
      <env:Detail>
        <inv:Attempt><inv:Number>1</inv:Number><inv:Warehouse>DUB-02</inv:Warehouse><inv:WaitedMs>10000</inv:WaitedMs></inv:Attempt>
        <inv:Attempt><inv:Number>2</inv:Number><inv:Warehouse>DUB-02</inv:Warehouse><inv:WaitedMs>10000</inv:WaitedMs></inv:Attempt>
        <inv:Attempt><inv:Number>3</inv:Number><inv:Warehouse>AMS-01</inv:Warehouse><inv:WaitedMs>10000</inv:WaitedMs></inv:Attempt>
      </env:Detail>
    </env:Fault>
  </env:Body>
</env:Envelope>
"#,
    );
    while s.len() < 2048 {
        s.push_str("<!-- padding to 2 KB -->\n");
    }
    s.into_bytes()
}

/// A SOAP 1.1 success response of about 3 KB: 18 records.
pub fn soap_success() -> Vec<u8> {
    let mut s = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
  <soap:Body>
    <m:ListOrdersResponse xmlns:m="urn:example:orders">
"#,
    );
    for i in 0..18 {
        s.push_str(&format!(
            "      <m:Order><m:Id>{}</m:Id><m:Customer>C-{:04}</m:Customer><m:Total>{}.50</m:Total><m:State>shipped</m:State></m:Order>\n",
            10_000 + i,
            i * 7,
            100 + i
        ));
    }
    s.push_str("    </m:ListOrdersResponse>\n  </soap:Body>\n</soap:Envelope>\n");
    s.into_bytes()
}

/// A generic SOAP 1.1 success response of about 3 KB that no vendor
/// claims: records in a default namespace, with attributes and `&amp;` in
/// their text (the body every call of an unclaimed service pays for).
pub fn generic_success() -> Vec<u8> {
    let mut s = String::from(
        r#"<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <soap:Body>
    <GetSuppliersResponse xmlns="http://inventory.example.org/ws/2019">
      <GetSuppliersResult count="14" page="1">
"#,
    );
    for i in 0..14 {
        s.push_str(&format!(
            "        <Supplier id=\"S{:05}\" active=\"true\"><Name>Smith &amp; Sons {i}</Name><City>Leeds</City><Rating xsi:type=\"decimal\">4.{}</Rating><Terms>Net 30 &amp; 2% early</Terms></Supplier>\n",
            4000 + i * 13,
            i % 10
        ));
    }
    s.push_str("      </GetSuppliersResult>\n    </GetSuppliersResponse>\n  </soap:Body>\n</soap:Envelope>\n");
    s.into_bytes()
}

/// An OpenAir XML API response with `n` failed `Add` commands.
pub fn openair_failed_commands(n: usize) -> Vec<u8> {
    let mut s = String::from("<?xml version=\"1.0\" standalone=\"yes\"?>\n<response>\n  <Auth status=\"0\"/>\n");
    for i in 0..n {
        s.push_str(&format!("  <Add status=\"{}\"><errors>Row {i} rejected</errors></Add>\n", 1001 + i % 5));
    }
    s.push_str("</response>\n");
    s.into_bytes()
}

/// A JSON error body of about 1 KB: an RFC 9457 problem with four field
/// errors, a trace object and the request's links.
pub fn json_error() -> Vec<u8> {
    br#"{
  "type": "https://api.example.test/problems/validation",
  "title": "Your request parameters did not validate.",
  "status": 422,
  "detail": "4 fields of order 88213 are invalid; nothing was saved.",
  "instance": "/orders/88213",
  "errors": [
    {"code": "INVALID_EMAIL", "field": "customer.email", "message": "Email address is not valid."},
    {"code": "OUT_OF_RANGE", "field": "lines[2].quantity", "message": "Quantity must be between 1 and 99."},
    {"code": "REQUIRED", "field": "shipping.postcode", "message": "Postcode is required for this country."},
    {"code": "UNKNOWN_SKU", "field": "lines[3].sku", "message": "SKU 4471-Z does not exist in the catalogue."}
  ],
  "trace": {"id": "5f0c2a7e-1b7d-4a53-9a55-0b1e2f3c4d5e", "region": "eu-west-1", "service": "orders-api", "attempt": 1},
  "links": {"self": "https://api.example.test/orders/88213", "docs": "https://api.example.test/docs/problems/validation"}
}
"#
    .to_vec()
}

/// A JSON success body of about 50 KB: a page of 120 orders, each with
/// nested lines, strings with escapes and numbers (the body every call of a
/// JSON API pays for when nothing failed).
pub fn json_success() -> Vec<u8> {
    let mut s = String::from("{\"data\": {\"orders\": [\n");
    for i in 0..120 {
        if i > 0 {
            s.push_str(",\n");
        }
        s.push_str(&format!(
            "  {{\"id\": {}, \"number\": \"SO-{:06}\", \"status\": \"shipped\", \"customer\": {{\"name\": \"Smith \\u0026 Sons {i}\", \"email\": \"orders+{i}@example.test\"}}, \"total\": {}.{:02}, \"lines\": [{{\"sku\": \"A-{:04}\", \"qty\": {}, \"note\": \"line \\\"one\\\"\"}}, {{\"sku\": \"B-{:04}\", \"qty\": 1, \"note\": null}}], \"tags\": [\"priority\", \"eu\"], \"paid\": true}}",
            90_000 + i,
            i * 17,
            100 + i * 3,
            i % 100,
            i * 7 % 10_000,
            1 + i % 9,
            i * 11 % 10_000
        ));
    }
    s.push_str("\n], \"next\": null}, \"meta\": {\"page\": 1, \"pages\": 40, \"took_ms\": 12}}\n");
    s.into_bytes()
}
