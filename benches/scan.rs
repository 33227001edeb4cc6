//! Throughput of the entry points against baselines measured in the same run:
//! a bare quick-xml event loop over the same bytes (borrowed from a slice, and
//! buffered from a stream) and a roxmltree DOM parse. Compare ratios, not
//! absolute numbers: the machine may be noisy.

use std::hint::black_box;
use std::io::BufReader;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use vendor_errors::profile::{CodeSpec, ElementSpec, FaultSpec, JsonSpec};
use vendor_errors::{Options, Profile, RetryClass, Vendor};

#[path = "support/baselines.rs"]
mod baselines;
#[path = "support/data.rs"]
mod data;

use baselines::{bare_buffered_loop, bare_slice_loop, dom_parse, json_value};

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

/// Ratios measured interleaved: each iteration runs the baseline, then the
/// entry point, timing each, so that both see the same machine moment by
/// moment (a shared machine drifts between criterion's separate runs). The
/// "time" criterion reports is the ratio times 1 µs: `1.25 µs` reads 1.25x.
fn bench_ratios(c: &mut Criterion, name: &str, body: &[u8], sample_size: usize) {
    let opts = Options::new().status(200);
    let mut group = c.benchmark_group(format!("{name}_ratios"));
    group.sample_size(sample_size);
    group.bench_function("from_slice / slice loop", |b| {
        b.iter_custom(|n| ratio(n, || bare_slice_loop(body), || vendor_errors::from_slice(body, &opts)))
    });
    group.bench_function("DOM / from_slice", |b| {
        b.iter_custom(|n| ratio(n, || vendor_errors::from_slice(body, &opts), || dom_parse(body)))
    });
    group.bench_function("from_reader / buffered loop", |b| {
        b.iter_custom(|n| {
            ratio(
                n,
                || bare_buffered_loop(body),
                || vendor_errors::from_reader(BufReader::with_capacity(64 * 1024, body), &opts),
            )
        })
    });
    group.finish();
}

/// `n` interleaved runs of `base` and `measured`: the ratio of their total
/// times, as that many microseconds per iteration.
fn ratio<A, B>(n: u64, base: impl Fn() -> A, measured: impl Fn() -> B) -> Duration {
    let (mut base_time, mut measured_time) = (Duration::ZERO, Duration::ZERO);
    for _ in 0..n {
        let start = Instant::now();
        black_box(base());
        base_time += start.elapsed();
        let start = Instant::now();
        black_box(measured());
        measured_time += start.elapsed();
    }
    Duration::from_secs_f64(measured_time.as_secs_f64() / base_time.as_secs_f64() * 1e-6 * n as f64)
}

/// JSON bodies against serde_json building a `Value` of the same bytes,
/// interleaved as the `…_ratios` groups are.
fn json_ratios(c: &mut Criterion) {
    let opts = Options::new().status(200);
    let error_opts = Options::new().status(422);
    let mut group = c.benchmark_group("json_ratios");
    group.sample_size(100);
    for (name, body, opts) in
        [("problem_1k", data::json_error(), &error_opts), ("success_50k", data::json_success(), &opts)]
    {
        assert!(serde_json::from_slice::<serde_json::Value>(&body).is_ok(), "{name} is JSON");
        group.bench_function(format!("{name}: from_slice / serde_json Value"), |b| {
            b.iter_custom(|n| ratio(n, || json_value(&body), || vendor_errors::from_slice(&body, opts)))
        });
    }
    group.finish();
}

/// Three realistic profiles, none of which claims the bench bodies: one
/// recognising its bodies by namespace with a fault rule, one with element
/// rules and severities, one with JSON rules and `when` conditions.
fn profiles() -> [Profile; 3] {
    let adserver = Profile::builder("adserver")
        .detect_namespace("https://ads.example.com/apis/ads/publisher/*")
        .detect_namespace("urn:globex:billing:*")
        .fault(
            FaultSpec::new()
                .code(["ApiExceptionFault/errors/reason", "ApiExceptionFault/errors/errorString"])
                .message("ApiExceptionFault/message")
                .retry_after_secs("ApiExceptionFault/errors/retryAfterSeconds"),
        )
        .code("EXCEEDED_QUOTA", CodeSpec::new(RetryClass::Throttled).name("QuotaError.EXCEEDED_QUOTA"))
        .code("AUTHENTICATION_FAILED", RetryClass::Reauth)
        .code("INTERNAL_API_ERROR", RetryClass::Transient)
        .code("NOT_FOUND", RetryClass::Permanent);
    let fulfil = Profile::builder("fulfil")
        .detect_root("FulfilmentResult")
        .detect_root("DispatchResult")
        .element(
            ElementSpec::at("Problems/Problem")
                .code("Id")
                .message(["Text", "Summary"])
                .severity("Level", ["error", "fatal"])
                .retry_after_secs("WaitSeconds"),
        )
        .element(ElementSpec::at("Rejections/Line").code("Reason").message("Note").severity("Severity", ["hard"]))
        .code("1001", CodeSpec::new(RetryClass::Permanent).name("OutOfStock"))
        .code("2001", CodeSpec::new(RetryClass::Throttled).name("WarehouseBusy"))
        .code("9000", CodeSpec::new(RetryClass::Transient).name("Internal"));
    let failures = Profile::builder("failures")
        .detect_json_key("failures")
        .json(
            JsonSpec::at("/failures/*")
                .code("kind")
                .message(["detail", "title"])
                .retry_after_ms("waitMs")
                .when("/ok", false),
        )
        .json(JsonSpec::at("/result/errors/*").code("/id").message("/text").when("/result/state", "failed"))
        .code("RATE_LIMITED", RetryClass::Throttled)
        .code("TOKEN_EXPIRED", RetryClass::Reauth)
        .code("BACKEND_DOWN", RetryClass::Transient)
        .code("INVALID_ITEM", RetryClass::Permanent);
    [adserver, fulfil, failures].map(|spec| spec.build().expect("a bench profile builds"))
}

/// What three profiles that claim nothing cost: `from_slice` with them
/// given against `from_slice` with none, interleaved as the `…_ratios`
/// groups are, on the small bodies (the large read is left out: its cost
/// is the body's, not the profiles' checks).
fn profile_cost(c: &mut Criterion) {
    let plain = Options::new().status(200);
    let with = profiles().into_iter().fold(plain.clone(), Options::profile);
    let bodies = [
        ("soap_fault_1k", data::soap_fault()),
        ("soap12_fault_2k", data::soap12_fault()),
        ("soap_success_3k", data::soap_success()),
        ("generic_success_3k", data::generic_success()),
        ("json_error_1k", data::json_error()),
    ];
    let mut group = c.benchmark_group("profiles_ratios");
    group.sample_size(100);
    for (name, body) in &bodies {
        let report = vendor_errors::from_slice(body, &with).expect("a bench body reads");
        assert!(
            report.errors.iter().all(|e| !matches!(e.vendor, Vendor::Profile(_))),
            "a bench profile claims {name}: the bench measures profiles that claim nothing"
        );
        group.bench_function(format!("{name}: 3 profiles / none"), |b| {
            b.iter_custom(|n| {
                ratio(n, || vendor_errors::from_slice(body, &plain), || vendor_errors::from_slice(body, &with))
            })
        });
    }
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
    bench_body(c, "generic_success_3k", &data::generic_success(), 100);
    // 30 MiB: the 31.5 MB read of the speed issue.
    bench_body(c, "openair_read_31mb", &data::openair_read(30), 10);
}

fn ratios(c: &mut Criterion) {
    bench_ratios(c, "soap_fault_1k", &data::soap_fault(), 100);
    bench_ratios(c, "soap12_fault_2k", &data::soap12_fault(), 100);
    bench_ratios(c, "soap_success_3k", &data::soap_success(), 100);
    bench_ratios(c, "generic_success_3k", &data::generic_success(), 100);
    bench_ratios(c, "openair_read_31mb", &data::openair_read(30), 10);
}

criterion_group!(scan, benches, ratios, json_ratios, profile_cost, first_error);
criterion_main!(scan);
