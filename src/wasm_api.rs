//! The wasm-bindgen binding: thin, no logic. The only module that knows wasm_bindgen.

use crate::export;
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
    /// Written out in 1 MB pieces that are handed to JS as they fill, so the JSON (up to ~60 bytes
    /// per input byte on hostile text) never sits in wasm memory whole: wasm memory holds only the
    /// working memory, bounded per input byte (README, "Untrusted input").
    pub fn annotate(&self, text: &str) -> Result<js_sys::JsString, JsError> {
        let mut out = JsPieces { done: js_sys::JsString::from(""), buf: Vec::with_capacity(PIECE) };
        export::write_annotation(&self.0, text, &mut out).map_err(|e| JsError::new(&e.to_string()))?;
        out.hand_over(true);
        Ok(out.done)
    }
}

const PIECE: usize = 1 << 20;

/// A writer that turns its bytes into JS strings 1 MB at a time (cut on a char boundary) and
/// concatenates them on the JS side.
struct JsPieces {
    done: js_sys::JsString,
    buf: Vec<u8>,
}

impl JsPieces {
    fn hand_over(&mut self, all: bool) {
        let valid = match std::str::from_utf8(&self.buf) {
            Ok(s) => s.len(),
            Err(e) => e.valid_up_to(),
        };
        let n = if all { self.buf.len() } else { valid };
        let piece = String::from_utf8_lossy(&self.buf[..n]);
        self.done = self.done.concat(&js_sys::JsString::from(piece.as_ref()));
        self.buf.drain(..n);
    }
}

impl std::io::Write for JsPieces {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= PIECE {
            self.hand_over(false);
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Default for Annotator {
    fn default() -> Self {
        Self::new()
    }
}
