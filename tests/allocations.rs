//! Heap allocations made while reading common bodies, counted by a counting
//! global allocator (counts, not times: the same on any machine). The
//! ceilings are today's counts, so that a change that allocates more is
//! seen. A small XML body is read on the lean path (`src/xml/lean.rs`), so
//! quick-xml's own stack of open element names (4 to 6 allocations, which a
//! bare event loop over the same body makes) is not grown; what remains are
//! the strings of the report. A JSON body is read into a `serde_json::Value`
//! whole, one allocation per string, array and object in it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use vendor_errors::Options;

#[path = "../benches/support/data.rs"]
#[allow(dead_code)]
mod data;

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations (and reallocations) made by `f`.
fn count<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    let value = f();
    (value, ALLOCATIONS.load(Ordering::Relaxed) - before)
}

#[test]
fn allocations_per_body() {
    // Ceilings for a read on a thread that read a body before (the steady
    // state of a client: the cursor's and the detail's buffers are kept per
    // thread); the first read on a thread allocates those too.
    let cases: [(&str, Vec<u8>, u16, usize); 6] = [
        // The error's strings and the report's vector: the envelope is read
        // on the lean path, so quick-xml keeps no stack of names.
        ("1 KB SOAP 1.1 fault", data::soap_fault(), 500, 6),
        ("2 KB SOAP 1.2 fault", data::soap12_fault(), 500, 19),
        // The `http` fallback error for the status.
        ("3 KB success response", data::soap_success(), 500, 3),
        // Nothing.
        ("3 KB success response", data::soap_success(), 200, 0),
        ("3 KB generic success", data::generic_success(), 200, 0),
        ("50 KB JSON success", data::json_success(), 200, 7479),
    ];
    for (name, body, status, ceiling) in cases {
        let opts = Options::new().status(status);
        // The tests of this file run one at a time (one test): no other thread allocates.
        let (report, first) = count(|| vendor_errors::from_slice(&body, &opts));
        assert!(report.is_ok(), "{name}");
        let (report, n) = count(|| vendor_errors::from_slice(&body, &opts));
        assert!(report.is_ok(), "{name}");
        println!("{name}, status {status}: {n} allocations in from_slice ({first} in the first read on the thread)");
        assert!(n <= ceiling, "{name}: {n} allocations, ceiling {ceiling}");
    }
}
