//! The wasm-bindgen binding: thin, no logic. The only module that knows wasm_bindgen.

use crate::export::{self, CsvLayer, Wire};
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

    /// `newsmark/2` JSON of `text` (a string, so that nulls stay nulls and the bytes equal the CLI's).
    pub fn annotate(&self, text: &str) -> String {
        export::annotate_json(&self.0, text)
    }
}

impl Default for Annotator {
    fn default() -> Self {
        Self::new()
    }
}

fn parse(doc_json: &str) -> Result<Wire, JsError> {
    serde_json::from_str(doc_json).map_err(|e| JsError::new(&format!("not a newsmark/2 document: {e}")))
}

/// W3C Web Annotation JSON-LD of a `newsmark/2` document (as JSON text) over `text`.
#[wasm_bindgen(js_name = toWebAnnotation)]
pub fn to_web_annotation(doc_json: &str, text: &str, source: Option<String>) -> Result<String, JsError> {
    Ok(export::to_web_annotation(&parse(doc_json)?, text, source.as_deref()).to_string())
}

/// displaCy-style `{text, ents}` JSON (code points).
#[wasm_bindgen(js_name = toDisplacy)]
pub fn to_displacy(doc_json: &str, text: &str) -> Result<String, JsError> {
    Ok(export::to_displacy(&parse(doc_json)?, text).to_string())
}

/// CSV of one layer: "quotes", "numbers" or "entities".
#[wasm_bindgen(js_name = toCsv)]
pub fn to_csv(doc_json: &str, layer: &str) -> Result<String, JsError> {
    let layer = match layer {
        "quotes" => CsvLayer::Quotes,
        "numbers" => CsvLayer::Numbers,
        "entities" => CsvLayer::Entities,
        other => return Err(JsError::new(&format!("unknown CSV layer {other:?}"))),
    };
    Ok(export::to_csv(&parse(doc_json)?, layer))
}
