//! Browser tests: the wasm build in headless Chromium (wasm-bindgen-test). They check what only a
//! browser can: JS string offsets (UTF-16) and DOM Ranges over the article's text nodes.
#![cfg(target_arch = "wasm32")]

use js_sys::{JsString, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
wasm_bindgen_test_configure!(run_in_browser);

const TEXTS: &[&str] = &[
    "😀 NATO Secretary General Jens Stoltenberg said: “Stop their offensive.” 👩🏽‍⚕️",
    "\u{feff}Ankara\u{a0}said on Thursday\r\nthat “some 3.6 million” Syrians live in Turkey, Mevlu\u{308}t Cavusoglu said.",
    "\"We support our NATO ally, Turkey\"said a spokesman for the US State Department.",
];

/// The annotator's JSON as a Rust string (the wasm API hands JS a JS string).
fn json_of(annotator: &newsmark::wasm_api::Annotator, text: &str) -> String {
    String::from(annotator.annotate(text).map_err(JsValue::from).unwrap())
}

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn items(doc: &JsValue) -> Vec<JsValue> {
    let mut out = Vec::new();
    for layer in ["entities", "numbers", "quotes"] {
        out.extend(js_sys::Array::from(&get(doc, layer)).iter());
    }
    out
}

/// The exported UTF-16 offsets slice a real JS string to each item's text.
#[wasm_bindgen_test]
fn offsets_slice_js_strings() {
    let annotator = newsmark::wasm_api::Annotator::new();
    for text in TEXTS {
        let doc = JSON::parse(&json_of(&annotator, text)).unwrap();
        assert_eq!(get(&doc, "schema"), JsValue::from_str("newsmark/2"));
        let js = JsString::from(*text);
        for item in items(&doc) {
            let start = get(&item, "start").as_f64().unwrap() as u32;
            let end = get(&item, "end").as_f64().unwrap() as u32;
            assert_eq!(js.slice(start, end), JsString::from(get(&item, "text")));
        }
    }
}

/// A DOM Range built from the offsets over the article's text node covers exactly the item.
#[wasm_bindgen_test]
fn offsets_make_dom_ranges() {
    let document = web_sys::window().unwrap().document().unwrap();
    let annotator = newsmark::wasm_api::Annotator::new();
    let body = document.body().unwrap();
    for text in TEXTS {
        let node = document.create_text_node(text);
        body.append_child(&node).unwrap();
        let doc = JSON::parse(&json_of(&annotator, text)).unwrap();
        let found = items(&doc);
        for item in &found {
            let range = document.create_range().unwrap();
            range.set_start(&node, get(item, "start").as_f64().unwrap() as u32).unwrap();
            range.set_end(&node, get(item, "end").as_f64().unwrap() as u32).unwrap();
            assert_eq!(JsValue::from(range.to_string()), get(item, "text"));
        }
        body.remove_child(node.unchecked_ref()).unwrap();
    }
}

/// Lone surrogates: wasm-bindgen hands Rust U+FFFD (same UTF-16 length), so offsets stay
/// right and `slice(...).toWellFormed()` equals the item's text.
#[wasm_bindgen_test]
fn lone_surrogates_keep_offsets() {
    let annotator = newsmark::wasm_api::Annotator::new();
    let units: Vec<u16> = "\u{0}Jens Stoltenberg said “Stop” in 2016.".encode_utf16().collect();
    let mut units = units;
    units[0] = 0xd800; // a lone high surrogate in place of the NUL
    let js = JsString::from_char_code(&units);
    let text: String = js.clone().into();
    let doc = JSON::parse(&json_of(&annotator, &text)).unwrap();
    assert_eq!(get(&get(&doc, "length"), "utf16").as_f64().unwrap() as usize, units.len());
    for item in items(&doc) {
        let start = get(&item, "start").as_f64().unwrap() as u32;
        let end = get(&item, "end").as_f64().unwrap() as u32;
        let slice = js.slice(start, end);
        let well: JsString = js_sys::Reflect::get(&slice, &"toWellFormed".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .map(|f| f.call0(&slice).unwrap().into())
            .unwrap_or(slice);
        assert_eq!(well, JsString::from(get(&item, "text")));
    }
}
