//! Working memory per input byte on hostile text (issue 15, item 2), counted exactly by a global
//! allocator that tracks the peak of live heap bytes. A test binary of its own, with one test, so
//! that no other test allocates while it measures.
//!
//! The bound is the README's: at most 40 bytes of heap per input byte (plus a small constant) from
//! the text to its JSON, written out as it is produced. Before, `"$1 "` repeated cost ~180 bytes
//! per input byte (a `Wire` of owned strings for 2.8 million numbers, then the whole JSON string).

#![cfg(not(target_arch = "wasm32"))]

use newsmark::{export, Annotator};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = System.alloc(l);
        if !p.is_null() {
            let now = LIVE.fetch_add(l.size(), Relaxed) + l.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        System.dealloc(p, l);
        LIVE.fetch_sub(l.size(), Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        let q = System.realloc(p, l, new);
        if !q.is_null() {
            if new >= l.size() {
                let now = LIVE.fetch_add(new - l.size(), Relaxed) + new - l.size();
                PEAK.fetch_max(now, Relaxed);
            } else {
                LIVE.fetch_sub(l.size() - new, Relaxed);
            }
        }
        q
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Peak heap bytes above what was live before, while `f` runs.
fn peak_of(f: impl FnOnce()) -> usize {
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);
    f();
    PEAK.load(Relaxed) - base
}

/// `unit` repeated to `len` bytes.
fn fill(unit: &str, len: usize) -> String {
    unit.repeat(len / unit.len() + 1)[..len].to_string()
}

const BYTES_PER_BYTE: usize = 40;
/// Fixed costs that do not grow with the text (buffers, the longest lists' first allocations).
const CONSTANT: usize = 4 << 20;

#[test]
fn working_memory_is_bounded_per_input_byte_on_hostile_text() {
    let annotator = Annotator::new();
    // 256 KB each: large enough that per-byte costs dwarf the constant, small enough for a debug build
    let len = 256 << 10;
    let controls: String = (1u8..32).map(char::from).chain("A\u{7f} ".chars()).collect();
    let cases = [
        ("$1 repeated", fill("$1 ", len)),
        ("straight quote marks", fill("\"", len)),
        ("curly quote marks", fill("\u{201c}", len - len % 3)),
        ("digits with commas", fill("1,000,", len)),
        ("nested parentheses", fill("(", len)),
        ("parentheses and words", fill("(a (b ", len)),
        ("control characters", fill(&controls, len)),
    ];
    let mut report = Vec::new();
    for (name, text) in &cases {
        let peak = peak_of(|| export::write_annotation(&annotator, text, std::io::sink()).unwrap());
        let per_byte = peak as f64 / text.len() as f64;
        report.push(format!("{name}: {peak} bytes peak, {per_byte:.1} per input byte"));
        assert!(
            peak <= BYTES_PER_BYTE * text.len() + CONSTANT,
            "{name}: {peak} bytes of heap for {} bytes of text ({per_byte:.1} per byte)\n{}",
            text.len(),
            report.join("\n")
        );
    }
    println!("{}", report.join("\n"));
}
