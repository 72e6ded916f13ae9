//! # newsmark
//!
//! Finds **named entities**, **numbers with their values** and **quotations with their speakers**
//! in English news text. The same core runs in the browser (WebAssembly, see `www/`) and natively
//! (the `newsmark` CLI).
//!
//! ## Pipeline
//!
//! ```text
//! &str ─ tokens::tokenize ─▶ Tokens (words, sentences, paragraphs)
//!        ├─ entities::Entities::find ─▶ entities + clusters
//!        ├─ numbers::Numbers::find   ─▶ numbers
//!        └─ quotes::Quotes::find     ─▶ quotes (reads entities to name speakers)
//!     export::document_json ─▶ `newsmark/2` (offsets converted once, by offsets::OffsetMap)
//! ```
//!
//! Long-lived state (model, gazetteers, compiled patterns) lives in an [`Annotator`], built once;
//! [`Annotator::annotate`] takes only the text and returns a [`Document`].
//!
//! ## Offsets
//!
//! Inside, every position is a UTF-8 byte offset ([`Span`]), half-open, on `char` boundaries,
//! into the text exactly as given: the text is never normalised or copied into another form.
//! [`offsets`] converts them once on the way out into UTF-16 code units (JS `slice`, DOM `Range`)
//! and code points (Python, W3C `TextPositionSelector`), and [`export`] writes the exact covered
//! substring beside them.
//!
//! ## Untrusted input
//!
//! Article text is hostile until proven otherwise. The core never panics on any `&str`
//! (property-tested and fuzzed), its work is linear or near-linear in the text's length
//! (no backtracking regexes; quote pairing is a single pass), its working memory is bounded per
//! input byte ([`export::write_annotation`] writes the JSON as it is produced and the numbers as
//! they are found, piece by piece), and nothing it outputs is markup:
//! the page puts text into the DOM only as text nodes and ranges.

pub mod doc;
pub mod entities;
pub mod export;
pub mod jsonl;
pub mod lexicon;
pub mod numbers;
pub mod offsets;
pub mod quotes;
pub mod span;
pub mod text;
pub mod tokens;
/// The wasm-bindgen binding (wasm builds only).
#[cfg(target_arch = "wasm32")]
pub mod wasm_api;

pub use doc::{Annotator, Document};
pub use span::Span;

/// Name and version of what produced an export (the wire format's `generator`).
pub fn generator() -> String {
    format!("newsmark {} (entities model {})", env!("CARGO_PKG_VERSION"), entities::MODEL_DATE)
}
