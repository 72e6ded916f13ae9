//! Browser tests: the wasm build in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn annotates_in_the_browser() {
    let a = newsmark::Annotator::new();
    let json = newsmark::export::annotate_json(&a, "Hello 😀 world.");
    assert!(json.starts_with("{\"schema\":\"newsmark/1\""));
}
