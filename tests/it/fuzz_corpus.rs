//! Replays the committed fuzz corpora (fuzz/corpus-min/<target>/, minimised with `cargo fuzz cmin`)
//! and the crashes the fuzzers found (fuzz/regressions/<target>/, each a named file) through the
//! same checks the fuzz targets run, so that `cargo test` keeps every input they ever saw
//! interesting working. See fuzz/README.md.

#[path = "../../fuzz/fuzz_targets/checks.rs"]
mod checks;

use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut n = 0;
    for dir in ["corpus-min", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir).join(target)) else { continue };
        let mut files: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        files.sort();
        for f in files {
            let data = std::fs::read(&f).unwrap();
            let r = std::panic::catch_unwind(|| check(&data));
            assert!(r.is_ok(), "{target}: {} fails its check", f.display());
            n += 1;
        }
    }
    assert!(n > 0, "{target}: no corpus committed under fuzz/corpus-min/{target}");
}

#[test]
fn fuzz_corpus_exports() {
    replay("exports", checks::exports);
}

#[test]
fn fuzz_corpus_offsets() {
    replay("offsets", checks::offsets);
}

#[test]
fn fuzz_corpus_jsonl() {
    replay("jsonl", checks::jsonl);
}
