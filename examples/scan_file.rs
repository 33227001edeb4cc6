//! Reads a response body from a file with both entry points and prints what
//! was found and how long each took.
//!
//! ```sh
//! cargo run --release --example scan_file -- fixtures/soap/soap11-faultactor-detail.xml 500
//! ```

use std::io::BufReader;
use std::time::Instant;

use vendor_errors::Options;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: scan_file FILE [STATUS] [REPEAT]")?;
    let mut opts = Options::new();
    if let Some(status) = args.next() {
        opts = opts.status(status.parse()?);
    }
    let repeat: u32 = args.next().map(|r| r.parse()).transpose()?.unwrap_or(1);
    let body = std::fs::read(&path)?;

    let started = Instant::now();
    let mut report = None;
    for _ in 0..repeat {
        report = Some(vendor_errors::from_slice(&body, &opts));
    }
    let slice = started.elapsed() / repeat;

    let started = Instant::now();
    for _ in 0..repeat {
        let file = std::fs::File::open(&path)?;
        vendor_errors::from_reader(BufReader::with_capacity(64 * 1024, file), &opts)?;
    }
    let stream = started.elapsed() / repeat;

    match report.ok_or("REPEAT must be at least 1")? {
        Ok(report) => {
            for e in &report {
                println!("{e} [{}]", e.retry);
            }
            println!("{} error(s), {} omitted", report.errors.len(), report.omitted);
        }
        Err(e) => println!("not understood: {e}"),
    }
    let mb = body.len() as f64 / 1e6;
    println!(
        "{mb:.2} MB: from_slice {slice:?} ({:.0} MB/s), from_reader {stream:?} ({:.0} MB/s)",
        mb / slice.as_secs_f64(),
        mb / stream.as_secs_f64()
    );
    Ok(())
}
