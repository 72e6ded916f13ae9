//! Shared test helpers: the annotator, the shared data directory, inline-marked examples.

#![allow(dead_code)]

use newsmark::Annotator;
use std::path::PathBuf;
use std::sync::OnceLock;

pub fn annotator() -> &'static Annotator {
    static A: OnceLock<Annotator> = OnceLock::new();
    A.get_or_init(Annotator::new)
}

/// `../shared` beside the project, when present. Tests that need it skip with a message when it
/// is absent, except under `CI=true`, where its absence is an error.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.join("seed-article.txt").exists() {
        return Some(dir);
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("../shared is missing, and CI=true requires it");
    }
    eprintln!("skipped: ../shared is not beside the project");
    None
}

pub fn seed_article() -> Option<String> {
    shared_dir().map(|d| std::fs::read_to_string(d.join("seed-article.txt")).unwrap())
}

/// Splits an inline-marked example into the plain text and its marked spans.
/// `[[text]]` marks a span; `[[text|tag]]` marks it with a tag. Returns byte spans into the
/// plain text, so tests compare spans by slicing.
pub fn unmark(marked: &str) -> (String, Vec<(std::ops::Range<usize>, String)>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find("[[") {
        text.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let close = after.find("]]").expect("unclosed [[ in test example");
        let inner = &after[..close];
        let (span_text, tag) = match inner.rfind('|') {
            Some(bar) => (&inner[..bar], inner[bar + 1..].to_string()),
            None => (inner, String::new()),
        };
        let start = text.len();
        text.push_str(span_text);
        spans.push((start..text.len(), tag));
        rest = &after[close + 2..];
    }
    text.push_str(rest);
    (text, spans)
}

/// The committed JSON Schema of `newsmark/2`, compiled once.
pub fn schema() -> &'static jsonschema::Validator {
    static S: OnceLock<jsonschema::Validator> = OnceLock::new();
    S.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/newsmark-2.schema.json");
        let schema: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        jsonschema::validator_for(&schema).expect("the schema compiles")
    })
}

/// Annotates `text` and checks everything the wire format promises about the result:
/// its bytes equal the serde wire types' JSON; it validates against the schema; every span's
/// code-point and UTF-16 slices equal its `text`; ids count up in order of `start`; entities
/// don't overlap each other, nor numbers.
/// Returns the parsed JSON for further checks.
pub fn annotate_checked(text: &str) -> serde_json::Value {
    // numbers written as they are found (the bounded-memory path)
    let json = newsmark::export::annotate_json(annotator(), text);
    // the direct writer from a whole document, and the serde wire types: the same bytes
    let doc = annotator().annotate(text);
    let via_wire = newsmark::export::Wire::new(&doc).to_json();
    assert_eq!(json, via_wire, "write_annotation and Wire::to_json differ");
    assert_eq!(newsmark::export::document_json(&doc), via_wire, "document_json and Wire::to_json differ");
    check_wire(text, &json)
}

pub fn check_wire(text: &str, json: &str) -> serde_json::Value {
    let doc: serde_json::Value = serde_json::from_str(json).expect("output is JSON");
    if let Err(e) = schema().validate(&doc) {
        panic!("output does not match the schema: {e} at {}\n{json}", e.instance_path);
    }
    let chars: Vec<char> = text.chars().collect();
    let utf16: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(doc["length"]["cp"], chars.len());
    assert_eq!(doc["length"]["utf16"], utf16.len());
    let check_span = |item: &serde_json::Value| {
        let (s, e) = (item["start"].as_u64().unwrap() as usize, item["end"].as_u64().unwrap() as usize);
        let (cs, ce) = (item["cp"][0].as_u64().unwrap() as usize, item["cp"][1].as_u64().unwrap() as usize);
        let t = item["text"].as_str().unwrap();
        assert!(cs < ce && ce <= chars.len(), "bad cp {item}");
        assert_eq!(chars[cs..ce].iter().collect::<String>(), t, "cp slice differs from text: {item}");
        assert_eq!(String::from_utf16(&utf16[s..e]).unwrap(), t, "utf16 slice differs from text: {item}");
        assert_eq!(t.trim(), t, "span edges include whitespace: {item}");
        (s, e)
    };
    for (layer, prefix, disjoint) in [("entities", "e", true), ("numbers", "n", true), ("quotes", "q", false)]
    {
        let mut last: Option<(usize, usize)> = None;
        for (i, item) in doc[layer].as_array().unwrap().iter().enumerate() {
            assert_eq!(item["id"], format!("{prefix}{i}"));
            let (s, e) = check_span(item);
            if let Some((ls, le)) = last {
                assert!(ls <= s, "{layer} not sorted by start");
                if disjoint {
                    assert!(le <= s, "{layer} overlap: {item}");
                }
            }
            last = Some((s, e));
            if layer == "quotes" {
                for part in ["speaker", "cue"] {
                    if !item[part].is_null() {
                        let (ps, pe) = check_span(&item[part]);
                        if part == "speaker" {
                            assert!(pe <= s || ps >= e, "speaker inside its quote: {item}");
                        }
                    }
                }
            }
        }
    }
    doc
}
