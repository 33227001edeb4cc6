"""Instructions one call costs, for each way ``bench_fault.py`` times:
exact, whatever the machine's load (valgrind's callgrind).

    python python/bench/count_instructions.py [CALLS]

Each way runs in its own process under callgrind twice, once with no call
and once with CALLS calls (500 by default), both after one warm-up call;
the difference over CALLS is the cost of one call. Needs valgrind; zeep is
counted when it is installed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

WAYS = [
    ("vendor_errors.parse (+ .code, .message)", "vendor_errors"),
    ("ElementTree.fromstring + find faultcode/faultstring", "elementtree"),
    ("zeep Soap11Binding.process_reply (its fault handling)", "zeep"),
]


def way_function(way):
    """The function one call of `way` runs."""
    sys.path.insert(0, HERE)
    import bench_fault

    if way == "vendor_errors":
        return bench_fault.with_vendor_errors
    if way == "elementtree":
        return bench_fault.with_elementtree
    return bench_fault.zeep_ways()[0]


def run_calls(way, calls):
    """In the process callgrind watches: one warm-up call, then `calls`."""
    fn = way_function(way)
    fn()
    for _ in range(calls):
        fn()


def collected(way, calls):
    """Instructions callgrind counts for a whole run of `calls` calls."""
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--callgrind-out-file=" + os.path.join(tmp, "out"),
                sys.executable,
                os.path.abspath(__file__),
                "--run",
                way,
                str(calls),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    return int(re.search(r"Collected : (\d+)", out.stderr).group(1))


def main(argv):
    if argv[:1] == ["--run"]:
        run_calls(argv[1], int(argv[2]))
        return
    calls = int(argv[0]) if argv else 500
    ours = None
    for name, way in WAYS:
        if way == "zeep":
            try:
                import zeep  # noqa: F401
            except ImportError:
                continue
        per_call = (collected(way, calls) - collected(way, 0)) // calls
        ours = ours or per_call
        ratio = "" if per_call == ours else "  (%.1fx vendor_errors)" % (per_call / ours)
        print("%-56s %9d instructions%s" % (name, per_call, ratio))


if __name__ == "__main__":
    main(sys.argv[1:])
