//! Any bytes that are UTF-8 go through the whole pipeline and the export; nothing may panic, and
//! every exported span must slice the text to its own `text`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fuzz_target!(|data: &[u8]| {
    static A: OnceLock<newsmark::Annotator> = OnceLock::new();
    let Ok(text) = std::str::from_utf8(data) else { return };
    let annotator = A.get_or_init(newsmark::Annotator::new);
    let json = newsmark::export::annotate_json(annotator, text);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let chars: Vec<char> = text.chars().collect();
    for layer in ["entities", "numbers", "quotes"] {
        for item in doc[layer].as_array().unwrap() {
            let (s, e) = (item["cp"][0].as_u64().unwrap() as usize, item["cp"][1].as_u64().unwrap() as usize);
            assert_eq!(chars[s..e].iter().collect::<String>(), item["text"].as_str().unwrap());
        }
    }
});
