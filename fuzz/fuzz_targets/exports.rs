//! The three export converters on each input: see checks.rs, `export_w3c`, `export_displacy` and
//! `export_csv` (one target, so that each converter gets the whole fuzzing time of a run).
#![no_main]

#[path = "checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::exports(data));
