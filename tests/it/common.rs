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
