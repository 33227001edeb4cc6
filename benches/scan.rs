//! Throughput of the entry points against baselines measured in the same run:
//! a bare quick-xml event loop over the same bytes (borrowed from a slice, and
//! buffered from a stream) and a roxmltree DOM parse. Compare ratios, not
//! absolute numbers: the machine may be noisy.

use std::hint::black_box;
use std::io::BufReader;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use quick_xml::Reader;
use quick_xml::events::Event;
use vendor_errors::Options;

#[path = "support/data.rs"]
mod data;

/// The floor: every event read from a slice, nothing done with it.
fn bare_slice_loop(body: &[u8]) -> usize {
    let mut reader = Reader::from_reader(body);
    let mut n = 0;
    loop {
        match reader.read_event() {
            Ok(Event::Eof) | Err(_) => return n,
            Ok(_) => n += 1,
        }
    }
}

/// The floor for streams: every event read into one reused buffer.
fn bare_buffered_loop(body: &[u8]) -> usize {
    let mut reader = Reader::from_reader(BufReader::with_capacity(64 * 1024, body));
    let mut buf = Vec::new();
    let mut n = 0;
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => return n,
            Ok(_) => n += 1,
        }
    }
}

fn dom_parse(body: &[u8]) -> usize {
    let text = std::str::from_utf8(body).unwrap();
    roxmltree::Document::parse(text).map(|d| d.descendants().count()).unwrap_or(0)
}

fn bench_body(c: &mut Criterion, name: &str, body: &[u8], sample_size: usize) {
    let opts = Options::new().status(200);
    let mut group = c.benchmark_group(name);
    group.sample_size(sample_size);
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("quick-xml slice loop (baseline)", |b| b.iter(|| bare_slice_loop(black_box(body))));
    group.bench_function("quick-xml buffered loop (baseline)", |b| b.iter(|| bare_buffered_loop(black_box(body))));
    group.bench_function("roxmltree DOM (baseline)", |b| b.iter(|| dom_parse(black_box(body))));
    group.bench_function("from_slice", |b| b.iter(|| vendor_errors::from_slice(black_box(body), &opts)));
    group.bench_function("from_reader", |b| {
        b.iter(|| vendor_errors::from_reader(BufReader::with_capacity(64 * 1024, black_box(body)), &opts))
    });
    group.finish();
}

/// Time to the first error of a body with 100 000 failed commands, against
/// a full read of the same body.
fn first_error(c: &mut Criterion) {
    let body = data::openair_failed_commands(100_000);
    let opts = Options::new();
    let mut group = c.benchmark_group("openair_100k_failed");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("full read (from_slice)", |b| b.iter(|| vendor_errors::from_slice(black_box(&body), &opts)));
    group.bench_function("first error (scan_slice)", |b| {
        b.iter(|| vendor_errors::scan_slice(black_box(&body), &opts, |_| std::ops::ControlFlow::Break(())))
    });
    group.bench_function("first error (scan_reader)", |b| {
        b.iter(|| {
            let reader = BufReader::with_capacity(64 * 1024, black_box(&body[..]));
            vendor_errors::scan_reader(reader, &opts, |_| std::ops::ControlFlow::Break(()))
        })
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    bench_body(c, "soap_fault_1k", &data::soap_fault(), 100);
    bench_body(c, "soap12_fault_2k", &data::soap12_fault(), 100);
    bench_body(c, "soap_success_3k", &data::soap_success(), 100);
    // 30 MiB: the 31.5 MB read of the speed issue.
    bench_body(c, "openair_read_31mb", &data::openair_read(30), 10);
}

criterion_group!(scan, benches, first_error);
criterion_main!(scan);
