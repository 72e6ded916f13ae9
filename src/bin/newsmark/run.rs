//! Annotating a stream of documents in bounded memory: documents are read in batches (at most
//! [`BATCH_DOCS`] documents or [`BATCH_BYTES`] bytes, or one document if it alone is larger),
//! each batch is annotated on the thread pool, and its answers are written in input order before
//! the next batch is read. Output is byte-identical whatever the number of threads.

use crate::output::{Output, Stop};
use crate::report::{Report, Source};
use newsmark::export::{self, Wire};
use newsmark::jsonl::{self, Fields};
use newsmark::Annotator;
use rayon::prelude::*;

const BATCH_DOCS: usize = 1024;
const BATCH_BYTES: usize = 2 << 20;

/// The output format.
#[derive(Clone, Copy, clap::ValueEnum, PartialEq, Eq, Default)]
pub enum Format {
    /// newsmark/2 JSON
    #[default]
    Newsmark,
    /// W3C Web Annotation (JSON-LD)
    W3c,
    /// displaCy-style {text, ents}
    Displacy,
    /// CSV of one layer (--layer)
    Csv,
}

/// The list a CSV holds.
#[derive(Clone, Copy, clap::ValueEnum, PartialEq, Eq, Default)]
pub enum Layer {
    #[default]
    Quotes,
    Numbers,
    Entities,
}

impl From<Layer> for export::CsvLayer {
    fn from(layer: Layer) -> Self {
        match layer {
            Layer::Quotes => export::CsvLayer::Quotes,
            Layer::Numbers => export::CsvLayer::Numbers,
            Layer::Entities => export::CsvLayer::Entities,
        }
    }
}

/// One document to annotate.
pub enum Doc {
    /// A non-blank line of JSON Lines.
    Line(jsonl::Line),
    /// A whole plain-text file; `id` is its path as a JSON string.
    File { id: String, bytes: Vec<u8> },
}

impl Doc {
    fn len(&self) -> usize {
        match self {
            Doc::Line(line) => line.bytes.len(),
            Doc::File { bytes, .. } => bytes.len(),
        }
    }
}

/// A document's output line, and the message for standard error when it failed.
struct Answer {
    line: String,
    error: Option<String>,
}

/// What stays the same for every document of a run.
pub struct Job {
    pub annotator: Annotator,
    pub format: Format,
    /// The layer of a CSV.
    pub layer: Layer,
    pub fields: Fields,
    /// `None`: annotate on the calling thread (`--threads 1`).
    pub pool: Option<rayon::ThreadPool>,
    /// How messages name the input (`archive.jsonl`, `stdin`).
    pub source_name: String,
}

impl Job {
    /// Annotates every document of `docs`, writing one line per document to `out`.
    pub fn run(
        &self,
        mut docs: impl Iterator<Item = Result<Doc, String>>,
        out: &mut Output,
        report: &mut Report,
        source: &Source,
    ) -> Result<(), Stop> {
        loop {
            let batch = next_batch(&mut docs)?;
            if batch.is_empty() {
                return Ok(());
            }
            let answers: Vec<Answer> = match &self.pool {
                Some(pool) => pool.install(|| batch.par_iter().map(|d| self.answer(d)).collect()),
                None => batch.iter().map(|d| self.answer(d)).collect(),
            };
            let mut failed = 0;
            for answer in &answers {
                if let Some(message) = &answer.error {
                    report.error(message);
                    failed += 1;
                }
                out.line(&answer.line)?;
            }
            report.advance(answers.len() as u64, failed, source);
        }
    }

    fn answer(&self, doc: &Doc) -> Answer {
        let (id, number, result) = match doc {
            Doc::Line(line) => match jsonl::parse_line(&line.bytes, &self.fields) {
                Ok(record) => (record.id, line.number, Ok(record.text)),
                Err(e) => {
                    let message = format!("{}: line {}: {}", self.source_name, line.number, e.message);
                    let line = jsonl::error_line(e.id.as_deref(), line.number, &e.message);
                    return Answer { line, error: Some(message) };
                }
            },
            Doc::File { id, bytes } => match utf8(bytes) {
                Ok(text) => (Some(id.as_str()), 0, Ok(text.into())),
                Err((number, message)) => (Some(id.as_str()), number, Err(message)),
            },
        };
        match result {
            Ok(text) => Answer { line: jsonl::with_id(id, &self.line_object(&text)), error: None },
            Err(message) => {
                let name = id.and_then(|id| serde_json::from_str::<String>(id).ok()).unwrap_or_default();
                let error = Some(format!("{name}: line {number}: {message}"));
                Answer { line: jsonl::error_line(id, number, &message), error }
            }
        }
    }

    /// One document in the chosen format as it stands alone: a JSON object, or CSV text.
    pub fn render(&self, text: &str) -> String {
        let wire = || Wire::new(&self.annotator.annotate(text));
        match self.format {
            // no wire objects, numbers written as found: working memory bounded per input byte
            Format::Newsmark => export::annotate_json(&self.annotator, text),
            Format::W3c => export::to_web_annotation(&wire(), text, None).to_string(),
            Format::Displacy => export::to_displacy(&wire(), text).to_string(),
            Format::Csv => export::to_csv(&wire(), self.layer.into()),
        }
    }

    /// One document as the object of a JSON line, which the line's id goes in front of. CSV text
    /// goes under "csv", and a W3C collection under "w3c": it has an "id" of its own, which would
    /// repeat the line's key (`{"id":7,…,"id":"urn:newsmark:text#newsmark"}`, the input's id lost
    /// to a parser that keeps the last).
    fn line_object(&self, text: &str) -> String {
        let rendered = self.render(text);
        match self.format {
            Format::Newsmark | Format::Displacy => rendered,
            Format::W3c => format!("{{\"w3c\":{rendered}}}"),
            Format::Csv => serde_json::json!({ "csv": rendered }).to_string(),
        }
    }
}

/// Plain text as UTF-8, or the line of its first invalid byte and a message.
pub fn utf8(bytes: &[u8]) -> Result<&str, (usize, String)> {
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line_start = bytes[..at].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let number = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
        (number, format!("not valid UTF-8 (byte {} of the line)", at - line_start + 1))
    })
}

fn next_batch(docs: &mut impl Iterator<Item = Result<Doc, String>>) -> Result<Vec<Doc>, String> {
    let mut batch = Vec::new();
    let mut bytes = 0;
    while batch.len() < BATCH_DOCS && bytes < BATCH_BYTES {
        let Some(doc) = docs.next() else { break };
        let doc = doc?;
        bytes += doc.len();
        batch.push(doc);
    }
    Ok(batch)
}
