//! The wasm-bindgen binding: thin, no logic. The only module that knows wasm_bindgen.

use wasm_bindgen::prelude::*;

/// Opaque handle to the long-lived state (model, gazetteers, patterns), built once.
#[wasm_bindgen]
pub struct Annotator(crate::Annotator);

#[wasm_bindgen]
impl Annotator {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Annotator {
        Annotator(crate::Annotator::new())
    }

    /// `newsmark/1` JSON of `text` (a string, so that nulls stay nulls and the bytes equal the CLI's).
    pub fn annotate(&self, text: &str) -> String {
        crate::export::annotate_json(&self.0, text)
    }
}

impl Default for Annotator {
    fn default() -> Self {
        Self::new()
    }
}
