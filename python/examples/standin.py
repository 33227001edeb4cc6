"""A stand-in service on the loopback interface, for trying the README's
Python examples offline: ``from standin import serve; url = serve()``.

- ``POST /ledger``: a SOAP 1.1 fault, HTTP 500 with ``Retry-After: 30``
  (the ledger's database timed out);
- ``GET /ledger?wsdl``: the WSDL of that service (one operation,
  ``GetBalance``), for zeep;
- ``GET /quota``: a JSON API that answers ``429 Too Many Requests`` with
  ``Retry-After: 1`` once, then ``200``.
"""

from __future__ import annotations

import http.server
import threading

FAULT = b"""<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
  <soap:Body>
    <soap:Fault>
      <faultcode>soap:Server</faultcode>
      <faultstring>Ledger database timed out</faultstring>
      <detail><LedgerFault xmlns="urn:example:ledger"><step>read balance</step></LedgerFault></detail>
    </soap:Fault>
  </soap:Body>
</soap:Envelope>"""

WSDL = """<?xml version="1.0" encoding="utf-8"?>
<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:example:ledger" targetNamespace="urn:example:ledger">
  <types>
    <xsd:schema targetNamespace="urn:example:ledger" elementFormDefault="qualified">
      <xsd:element name="GetBalance"><xsd:complexType><xsd:sequence>
        <xsd:element name="account" type="xsd:string"/>
      </xsd:sequence></xsd:complexType></xsd:element>
      <xsd:element name="GetBalanceResponse"><xsd:complexType><xsd:sequence>
        <xsd:element name="balance" type="xsd:decimal"/>
      </xsd:sequence></xsd:complexType></xsd:element>
    </xsd:schema>
  </types>
  <message name="GetBalanceIn"><part name="parameters" element="tns:GetBalance"/></message>
  <message name="GetBalanceOut"><part name="parameters" element="tns:GetBalanceResponse"/></message>
  <portType name="LedgerPort">
    <operation name="GetBalance"><input message="tns:GetBalanceIn"/><output message="tns:GetBalanceOut"/></operation>
  </portType>
  <binding name="LedgerBinding" type="tns:LedgerPort">
    <soap:binding transport="http://schemas.xmlsoap.org/soap/http" style="document"/>
    <operation name="GetBalance">
      <soap:operation soapAction="urn:example:ledger/GetBalance"/>
      <input><soap:body use="literal"/></input>
      <output><soap:body use="literal"/></output>
    </operation>
  </binding>
  <service name="Ledger">
    <port name="LedgerPort" binding="tns:LedgerBinding"><soap:address location="%(address)s"/></port>
  </service>
</definitions>
"""


def serve() -> str:
    """Starts the stand-in service on 127.0.0.1 (a free port, a daemon
    thread); returns its base URL, ending in ``/``."""
    quota_calls = []

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def answer(self, status, body, headers=()):
            self.send_response(status)
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            if self.path.startswith("/ledger"):
                address = "http://%s:%d/ledger" % self.server.server_address[:2]
                wsdl = (WSDL % {"address": address}).encode()
                self.answer(200, wsdl, [("Content-Type", "text/xml; charset=utf-8")])
            elif self.path.startswith("/quota"):
                quota_calls.append(1)
                if len(quota_calls) % 2 == 1:
                    body = b'{"error": {"code": "rate_limited", "message": "Too many calls, slow down"}}'
                    self.answer(429, body, [("Content-Type", "application/json"), ("Retry-After", "1")])
                else:
                    self.answer(200, b'{"remaining": 99}', [("Content-Type", "application/json")])
            else:
                self.answer(404, b"")

        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.answer(500, FAULT, [("Content-Type", "text/xml; charset=utf-8"), ("Retry-After", "30")])

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return "http://127.0.0.1:%d/" % server.server_address[1]
