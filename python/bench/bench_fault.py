"""The cost of reading one 1 KB SOAP 1.1 fault (with a detail), in one
process: ``vendor_errors.parse`` against ``xml.etree.ElementTree.fromstring``
plus finding ``faultcode``/``faultstring``, and against zeep's own fault
handling of the same response.

    python python/bench/bench_fault.py [--quick]

zeep is measured twice: its whole handling of the fault response
(``Soap11Binding.process_reply``: zeep's XML parse, its plugins, finding the
fault and raising ``zeep.exceptions.Fault``; no network, no envelope built),
and ``process_error`` alone on a document parsed beforehand.

The ways are timed interleaved: each round times every way once, in turn,
so a machine that slows down or speeds up between rounds slows every way
alike. The garbage collector stays on, as in a program (``timeit`` turns it
off, and zeep's faults leave cycles: 5,000 calls in a row with it off
took zeep 45-58 us a call, against 38 us with it on). Each figure is the
best round, in microseconds per body; each ratio is the median of the
rounds' own ratios (and their range).
"""

from __future__ import annotations

import gc
import sys
import timeit
import xml.etree.ElementTree as ET

import vendor_errors as ve

SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/"


def fault_body() -> bytes:
    """A SOAP 1.1 fault of about 1 KB: code, string, actor, and a detail."""
    body = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" '
        'xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        "  <soap:Body>\n"
        "    <soap:Fault>\n"
        "      <faultcode>soap:Server</faultcode>\n"
        "      <faultstring>Ledger database timed out while reading the balance of account 42</faultstring>\n"
        "      <faultactor>https://ledger.example.com/soap/v2/LedgerService</faultactor>\n"
        "      <detail>\n"
        '        <LedgerFault xmlns="urn:example:ledger:faults">\n'
        "          <errorCode>LEDGER_DB_TIMEOUT</errorCode>\n"
        "          <step>read balance</step>\n"
        "          <requestId>9f3c2a7e-51b4-4c1d-8a6e-0c2f4b7d9e13</requestId>\n"
        "          <server>ledger-db-07</server>\n"
        "          <elapsedMs>30000</elapsedMs>\n"
        "          <hint>The ledger database did not answer within 30 seconds; retry later.</hint>\n"
        "          <trace>LedgerService.GetBalance &gt; BalanceRepository.Read</trace>\n"
        "        </LedgerFault>\n"
        "      </detail>\n"
        "    </soap:Fault>\n"
        "  </soap:Body>\n"
        "</soap:Envelope>\n"
    )
    data = body.encode()
    pad = 1024 - len(data)
    assert pad >= 0, len(data)
    return data.replace(b"</trace>", b"</trace>" + b" " * pad, 1)


BODY = fault_body()


def with_vendor_errors():
    e = ve.parse(BODY, status=500).errors[0]
    return e.code, e.message


def with_elementtree():
    root = ET.fromstring(BODY)
    fault = root.find("{%s}Body/{%s}Fault" % (SOAP_ENV, SOAP_ENV))
    return fault.findtext("faultcode"), fault.findtext("faultstring")


def zeep_ways():
    """zeep's two ways of handling the fault, as functions giving its code
    and message: ``process_reply`` on an in-process requests.Response (its
    whole handling), and ``process_error`` on a document parsed beforehand.
    Raises ImportError without zeep."""
    import os
    import tempfile

    import requests
    import zeep
    from zeep.exceptions import Fault
    from zeep.loader import parse_xml

    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, os.path.join(here, "..", "examples"))
    from standin import WSDL

    wsdl = os.path.join(tempfile.mkdtemp(), "ledger.wsdl")
    with open(wsdl, "w") as f:
        f.write(WSDL % {"address": "http://127.0.0.1:9/ledger"})
    client = zeep.Client(wsdl)
    binding = client.service._binding
    operation = binding.get("GetBalance")
    response = requests.Response()
    response.status_code = 500
    response._content = BODY
    response.headers["Content-Type"] = "text/xml; charset=utf-8"
    doc = parse_xml(BODY, client.transport, settings=client.settings)

    def with_zeep():
        try:
            binding.process_reply(client, operation, response)
        except Fault as fault:
            return fault.code, fault.message

    def zeep_process_error():
        try:
            binding.process_error(doc, operation)
        except Fault as fault:
            return fault.code, fault.message

    return with_zeep, zeep_process_error


def main(argv):
    quick = "--quick" in argv
    number = 2000 if quick else 20000
    rounds = 3 if quick else 15

    assert with_vendor_errors() == ("Server", "Ledger database timed out while reading the balance of account 42")
    assert with_elementtree() == ("soap:Server", "Ledger database timed out while reading the balance of account 42")

    # (name, function, calls per round)
    ways = [
        ("vendor_errors.parse (+ .code, .message)", with_vendor_errors, number),
        ("ElementTree.fromstring + find faultcode/faultstring", with_elementtree, number // 4),
    ]
    try:
        with_zeep, zeep_process_error = zeep_ways()
    except ImportError:
        with_zeep = None
    if with_zeep is not None:
        assert with_zeep()[0] == "soap:Server"
        zeep_n = max(number // 10, 200)
        ways.append(("zeep Soap11Binding.process_reply (its fault handling)", with_zeep, zeep_n))
        ways.append(("zeep process_error alone (document parsed already)", zeep_process_error, zeep_n))

    # Microseconds per body, per round, per way.
    times = [[] for _ in ways]
    for _ in range(rounds):
        for k, (_, fn, n) in enumerate(ways):
            times[k].append(timeit.timeit(fn, setup=gc.enable, number=n) / n * 1e6)

    print(
        "body: %d bytes (SOAP 1.1 fault with detail); Python %s; %d interleaved rounds"
        % (len(BODY), sys.version.split()[0], rounds)
    )
    results = []
    for k, (name, _, _) in enumerate(ways):
        best = min(times[k])
        if k == 0:
            print("%-56s %8.2f us" % (name, best))
        else:
            ratios = sorted(t / ours for t, ours in zip(times[k], times[0]))
            median = ratios[len(ratios) // 2]
            print(
                "%-56s %8.2f us  (%.1fx vendor_errors; rounds %.1f-%.1fx)" % (name, best, median, ratios[0], ratios[-1])
            )
        results.append((name, best))
    return results


if __name__ == "__main__":
    main(sys.argv[1:])
