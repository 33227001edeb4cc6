//! Writes a large OpenAir XML API response to standard output, streamed
//! (nothing held in memory): a successful Auth, a Read of `MB` megabytes of
//! records, and a failed Add last. For memory measurements of the CLI:
//!
//! ```sh
//! cargo run --release --example gen_openair -- 1024 | /usr/bin/time -v target/release/vendor-errors
//! ```

use std::io::{self, BufWriter, Write};

fn main() -> io::Result<()> {
    let mb: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100);
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut written = 0u64;
    let head =
        "<?xml version=\"1.0\" standalone=\"yes\"?>\n<response>\n  <Auth status=\"0\"/>\n  <Read status=\"0\">\n";
    out.write_all(head.as_bytes())?;
    let mut i = 0u64;
    while written < mb << 20 {
        let record = format!(
            "    <Task>\n      <id>{i}</id>\n      <projectid>{}</projectid>\n      <hours>7.5</hours>\n      <notes>Design review &amp; follow-up for milestone {}</notes>\n    </Task>\n",
            1000 + i % 97,
            i % 7
        );
        out.write_all(record.as_bytes())?;
        written += record.len() as u64;
        i += 1;
    }
    out.write_all(b"  </Read>\n  <Add status=\"10\"><errors>Invalid parameters</errors></Add>\n</response>\n")?;
    out.flush()
}
