//! The `newsmark/2` wire format (the contract with users; README documents it field by field).
//! Offsets are converted here, once, for every item. (Reading JSON Lines is `jsonl`'s.)
//!
//! Two ways to the same bytes: `document_json` writes a document's JSON straight into one string
//! (what `annotate_json`, the CLI and the wasm use: no intermediate objects), and the serde wire
//! types (`Wire::new`) feed the CLI's other formats. Tests hold them byte-identical. The page and
//! the JS API build those formats in JS (`www/lib/convert.js`), so that the wasm need not read a
//! document back; `tests/js/convert.test.mjs` holds the two equal on every data file.

use crate::doc::Document;
use crate::offsets::OffsetMap;
use crate::span::Span;
use serde::{Deserialize, Serialize, Serializer};
use sha2::{Digest, Sha256};

pub const SCHEMA: &str = "newsmark/2";

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Wire {
    pub schema: String,
    pub generator: String,
    pub offset_unit: String,
    pub length: Length,
    pub text_sha256: String,
    pub entities: Vec<WireEntity>,
    pub numbers: Vec<WireNumber>,
    pub quotes: Vec<WireQuote>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Length {
    pub utf16: u32,
    pub cp: u32,
}

/// A span as exported: UTF-16 `start`/`end`, code points `cp`, and the covered text.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct WireSpan {
    pub start: u32,
    pub end: u32,
    pub cp: [u32; 2],
    pub text: String,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct WireEntity {
    pub id: String,
    #[serde(flatten)]
    pub span: WireSpan,
    pub label: String,
    #[serde(serialize_with = "json_number")]
    pub score: f64,
    pub cluster: String,
    pub canonical: String,
    /// `"edited"` on items an editor changed or added in the page; never written by the annotator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct WireNumber {
    pub id: String,
    #[serde(flatten)]
    pub span: WireSpan,
    pub kind: String,
    #[serde(serialize_with = "json_number_opt")]
    pub value: Option<f64>,
    #[serde(serialize_with = "json_number_opt")]
    pub to: Option<f64>,
    pub modifier: Option<String>,
    pub unit: Option<String>,
    pub currency: Option<String>,
    pub iso: Option<String>,
    /// `"edited"` on items an editor changed or added in the page; never written by the annotator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct WireQuote {
    pub id: String,
    #[serde(flatten)]
    pub span: WireSpan,
    pub group: Option<String>,
    pub speaker: Option<WireSpeaker>,
    pub cue: Option<WireSpan>,
    /// `"edited"` on items an editor changed or added in the page; never written by the annotator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct WireSpeaker {
    #[serde(flatten)]
    pub span: WireSpan,
    pub name: Option<String>,
    pub cluster: Option<String>,
}

/// Writes integral values as JSON integers (`3600000`, not `3600000.0`), as the format requires.
fn json_number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 9.007_199_254_740_992e15 {
        s.serialize_i64(*v as i64)
    } else if v.is_finite() {
        s.serialize_f64(*v)
    } else {
        s.serialize_none()
    }
}

fn json_number_opt<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => json_number(v, s),
        None => s.serialize_none(),
    }
}

impl Wire {
    /// Builds the wire object of a document.
    pub fn new(doc: &Document) -> Wire {
        let text = doc.text;
        let map = OffsetMap::new(text);
        let span = |s: Span| WireSpan {
            start: map.utf16(s.start),
            end: map.utf16(s.end),
            cp: [map.cp(s.start), map.cp(s.end)],
            text: s.of(text).to_string(),
        };
        let entities = doc
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| WireEntity {
                id: format!("e{i}"),
                span: span(e.span),
                label: e.label.as_str().to_string(),
                score: round3(e.score as f64),
                cluster: format!("c{}", e.cluster),
                canonical: doc
                    .clusters
                    .get(e.cluster as usize)
                    .map_or_else(|| e.span.of(text), |c| c.canonical.of(text))
                    .to_string(),
                source: None,
            })
            .collect();
        let numbers = doc
            .numbers
            .iter()
            .enumerate()
            .map(|(i, n)| WireNumber {
                id: format!("n{i}"),
                span: span(n.span),
                kind: n.kind.as_str().to_string(),
                value: n.value.filter(|v| v.is_finite()),
                to: n.to.filter(|v| v.is_finite()),
                modifier: n.modifier.map(|m| m.as_str().to_string()),
                unit: n.unit.map(str::to_string),
                currency: n.currency.map(str::to_string),
                iso: n.iso.clone(),
                source: None,
            })
            .collect();
        let quotes = doc
            .quotes
            .iter()
            .enumerate()
            .map(|(i, q)| WireQuote {
                id: format!("q{i}"),
                span: span(q.span),
                group: q.group.map(|g| format!("g{g}")),
                speaker: q.speaker.as_ref().map(|s| WireSpeaker {
                    span: span(s.span),
                    name: s.name.map(|n| n.of(text).to_string()),
                    cluster: s.cluster.map(|c| format!("c{c}")),
                }),
                cue: q.cue.map(span),
                source: None,
            })
            .collect();
        Wire {
            schema: SCHEMA.to_string(),
            generator: crate::generator(),
            offset_unit: "utf16".to_string(),
            length: Length { utf16: map.len_utf16(), cp: map.len_cp() },
            text_sha256: sha256_hex(text.as_bytes()),
            entities,
            numbers,
            quotes,
        }
    }

    /// The JSON text: compact, fields in the documented order. The CLI and wasm both call this,
    /// so their outputs are byte-identical.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("wire types always serialize")
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push(char::from_digit((b >> 4) as u32, 16).unwrap());
        s.push(char::from_digit((b & 15) as u32, 16).unwrap());
    }
    s
}

/// `newsmark/2` JSON for a text, in one call (the wasm API's). Working memory as
/// [`write_annotation`]'s, plus the JSON itself.
pub fn annotate_json(annotator: &crate::Annotator, text: &str) -> String {
    let mut out = Vec::new();
    write_annotation(annotator, text, &mut out).expect("writing to a Vec cannot fail");
    String::from_utf8(out).expect("the JSON writer writes UTF-8")
}

/// Annotates `text` and writes its `newsmark/2` JSON to `out` as it is produced, the numbers as
/// they are found: working memory is bounded per input byte whatever the text (README,
/// "Untrusted input"). Byte-identical to `document_json(&annotator.annotate(text))`.
pub fn write_annotation<W: std::io::Write>(
    annotator: &crate::Annotator,
    text: &str,
    out: W,
) -> std::io::Result<()> {
    let doc = annotator.annotate_except_numbers(text);
    write_document(&doc, Numbers::Live(annotator), out)
}

/// Writes the `newsmark/2` JSON of `doc` to `out` (see [`write_document`]).
pub fn write_json<W: std::io::Write>(doc: &Document, out: W) -> std::io::Result<()> {
    write_document(doc, Numbers::Doc, out)
}

/// The `newsmark/2` JSON of a document, as one string.
pub fn document_json(doc: &Document) -> String {
    let mut out = Vec::with_capacity(1024 + doc.text.len() / 2);
    write_json(doc, &mut out).expect("writing to a Vec cannot fail");
    String::from_utf8(out).expect("the JSON writer writes UTF-8")
}

/// Writes the `newsmark/2` JSON of `doc` to `sink`: no wire object, no string per field, no
/// serde. The bytes are exactly `Wire::new(doc).to_json()`'s (the tests compare the two on every
/// test text and on arbitrary strings), so a field added to the wire types must be added here
/// too, in the same order. The JSON is built in a buffer handed to `sink` every [`FLUSH`] bytes,
/// and with [`Numbers::Live`] the numbers are written as they are found, never all held: working
/// memory stays bounded per input byte however many items a hostile text makes.
fn write_document<W: std::io::Write>(doc: &Document, numbers: Numbers, sink: W) -> std::io::Result<()> {
    let text = doc.text;
    let map = OffsetMap::new(text);
    let mut j = Json { out: String::with_capacity(FLUSH + 4096), text, map: &map, sink, error: None };
    j.raw("{\"schema\":");
    j.str(SCHEMA);
    j.raw(",\"generator\":");
    j.str(&crate::generator());
    j.raw(",\"offset_unit\":\"utf16\",\"length\":{\"utf16\":");
    j.uint(map.len_utf16());
    j.raw(",\"cp\":");
    j.uint(map.len_cp());
    j.raw("},\"text_sha256\":\"");
    j.raw(&sha256_hex(text.as_bytes()));
    j.raw("\",\"entities\":[");
    for (i, e) in doc.entities.iter().enumerate() {
        j.flush_if_full();
        j.item_start(i, 'e');
        j.span(e.span);
        j.raw(",\"label\":");
        j.str(e.label.as_str());
        j.raw(",\"score\":");
        j.number(Some(round3(e.score as f64)));
        j.raw(",\"cluster\":\"c");
        j.uint(e.cluster);
        j.raw("\",\"canonical\":");
        j.str(doc.clusters.get(e.cluster as usize).map_or(e.span, |c| c.canonical).of(text));
        j.raw("}");
    }
    j.raw("],\"numbers\":[");
    match numbers {
        Numbers::Doc => doc.numbers.iter().enumerate().for_each(|(i, n)| j.number_item(i, n)),
        Numbers::Live(annotator) => {
            let mut i = 0;
            annotator.each_number(doc, |n| {
                j.number_item(i, &n);
                i += 1;
            });
        }
    }
    j.raw("],\"quotes\":[");
    for (i, q) in doc.quotes.iter().enumerate() {
        j.flush_if_full();
        j.item_start(i, 'q');
        j.span(q.span);
        j.raw(",\"group\":");
        match q.group {
            Some(g) => {
                j.raw("\"g");
                j.uint(g);
                j.raw("\"");
            }
            None => j.raw("null"),
        }
        j.raw(",\"speaker\":");
        match &q.speaker {
            Some(s) => {
                j.raw("{");
                j.span(s.span);
                j.raw(",\"name\":");
                j.opt_str(s.name.map(|n| n.of(text)));
                j.raw(",\"cluster\":");
                match s.cluster {
                    Some(c) => {
                        j.raw("\"c");
                        j.uint(c);
                        j.raw("\"");
                    }
                    None => j.raw("null"),
                }
                j.raw("}");
            }
            None => j.raw("null"),
        }
        j.raw(",\"cue\":");
        match q.cue {
            Some(c) => {
                j.raw("{");
                j.span(c);
                j.raw("}");
            }
            None => j.raw("null"),
        }
        j.raw("}");
    }
    j.raw("]}");
    j.finish()
}

/// Where [`write_document`] takes the numbers from.
enum Numbers<'a> {
    /// The document's own list.
    Doc,
    /// Found now, a piece of text at a time (the document was made without them).
    Live(&'a crate::Annotator),
}

/// Bytes of JSON gathered before they are handed to the sink.
const FLUSH: usize = 64 * 1024;

/// The JSON being written, with what its spans need, and where it goes.
struct Json<'a, W: std::io::Write> {
    out: String,
    text: &'a str,
    map: &'a OffsetMap,
    sink: W,
    /// The sink's first error: writing stops there, and `finish` returns it.
    error: Option<std::io::Error>,
}

impl<W: std::io::Write> Json<'_, W> {
    fn flush_if_full(&mut self) {
        if self.out.len() >= FLUSH {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if self.error.is_none() {
            self.error = self.sink.write_all(self.out.as_bytes()).err();
        }
        self.out.clear();
    }

    fn finish(mut self) -> std::io::Result<()> {
        self.flush();
        match self.error.take() {
            Some(e) => Err(e),
            None => self.sink.flush(),
        }
    }

    /// One item of `numbers`.
    fn number_item(&mut self, i: usize, n: &crate::numbers::Number) {
        self.flush_if_full();
        self.item_start(i, 'n');
        self.span(n.span);
        self.raw(",\"kind\":");
        self.str(n.kind.as_str());
        self.raw(",\"value\":");
        self.number(n.value);
        self.raw(",\"to\":");
        self.number(n.to);
        self.raw(",\"modifier\":");
        self.opt_str(n.modifier.map(|m| m.as_str()));
        self.raw(",\"unit\":");
        self.opt_str(n.unit);
        self.raw(",\"currency\":");
        self.opt_str(n.currency);
        self.raw(",\"iso\":");
        self.opt_str(n.iso.as_deref());
        self.raw("}");
    }

    #[inline]
    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// `{"id":"e3",` (with a comma before every item but the first).
    fn item_start(&mut self, i: usize, prefix: char) {
        self.raw(if i == 0 { "{\"id\":\"" } else { ",{\"id\":\"" });
        self.out.push(prefix);
        self.uint(i as u32);
        self.raw("\",");
    }

    /// `"start":…,"end":…,"cp":[…,…],"text":"…"`.
    fn span(&mut self, s: Span) {
        self.raw("\"start\":");
        self.uint(self.map.utf16(s.start));
        self.raw(",\"end\":");
        self.uint(self.map.utf16(s.end));
        self.raw(",\"cp\":[");
        self.uint(self.map.cp(s.start));
        self.raw(",");
        self.uint(self.map.cp(s.end));
        self.raw("],\"text\":");
        self.str(s.of(self.text));
    }

    fn uint(&mut self, v: u32) {
        self.raw(itoa::Buffer::new().format(v));
    }

    /// What `json_number` writes: an integer when the value is one, else the shortest float
    /// (serde_json's formatter, `zmij`), `null` when absent or not finite.
    fn number(&mut self, v: Option<f64>) {
        match v {
            Some(v) if v.fract() == 0.0 && v.abs() < 9.007_199_254_740_992e15 => {
                self.raw(itoa::Buffer::new().format(v as i64))
            }
            Some(v) if v.is_finite() => self.raw(zmij::Buffer::new().format_finite(v)),
            _ => self.raw("null"),
        }
    }

    fn opt_str(&mut self, v: Option<&str>) {
        match v {
            Some(s) => self.str(s),
            None => self.raw("null"),
        }
    }

    /// A JSON string, escaped as serde_json escapes: `"` and `\`, and control characters as
    /// `\b \t \n \f \r` or `\u00xx`; everything else as it is.
    fn str(&mut self, s: &str) {
        self.out.push('"');
        let bytes = s.as_bytes();
        let mut run = 0;
        for (i, &b) in bytes.iter().enumerate() {
            if b >= 0x20 && b != b'"' && b != b'\\' {
                continue;
            }
            // the run before an ASCII byte ends on a char boundary
            self.out.push_str(&s[run..i]);
            run = i + 1;
            match b {
                b'"' => self.raw("\\\""),
                b'\\' => self.raw("\\\\"),
                0x08 => self.raw("\\b"),
                b'\t' => self.raw("\\t"),
                b'\n' => self.raw("\\n"),
                0x0c => self.raw("\\f"),
                b'\r' => self.raw("\\r"),
                _ => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    self.raw("\\u00");
                    self.out.push(HEX[(b >> 4) as usize] as char);
                    self.out.push(HEX[(b & 15) as usize] as char);
                }
            }
        }
        self.out.push_str(&s[run..]);
        self.out.push('"');
    }
}

// ---------------------------------------------------------------------------------------------
// The CLI's other formats, built from the wire object (`www/lib/convert.js` builds the same in JS,
// for the page, where corrections made by an editor carry over as `source`).

/// Code-point context on each side of a W3C TextQuoteSelector.
const CONTEXT_CP: usize = 32;

/// W3C Web Annotation (JSON-LD): an AnnotationCollection with one Annotation per item, each
/// targeting the text with a TextQuoteSelector (exact + prefix/suffix) and a
/// TextPositionSelector (code points), so anchors survive later edits of the article.
pub fn to_web_annotation(wire: &Wire, text: &str, source: Option<&str>) -> serde_json::Value {
    use serde_json::json;
    let chars: Vec<char> = text.chars().collect();
    let source = source.unwrap_or("urn:newsmark:text");
    let target = |s: &WireSpan| {
        let [a, b] = [s.cp[0] as usize, s.cp[1] as usize];
        let a = a.min(chars.len());
        let b = b.min(chars.len()).max(a);
        let prefix: String = chars[a.saturating_sub(CONTEXT_CP)..a].iter().collect();
        let suffix: String = chars[b..(b + CONTEXT_CP).min(chars.len())].iter().collect();
        json!({
            "source": source,
            "selector": [
                {"type": "TextQuoteSelector", "exact": s.text, "prefix": prefix, "suffix": suffix},
                {"type": "TextPositionSelector", "start": s.cp[0], "end": s.cp[1]},
            ]
        })
    };
    let tag =
        |purpose: &str, value: String| json!({"type": "TextualBody", "purpose": purpose, "value": value});
    // an editor's correction is said in a body of its own, so the annotation stays one object
    let edited = |body: &mut Vec<serde_json::Value>, source: &Option<String>| {
        if let Some(source) = source {
            body.push(tag("editing", source.clone()));
        }
    };
    let mut items = Vec::new();
    for e in &wire.entities {
        let mut body = vec![tag("tagging", e.label.clone()), tag("identifying", e.canonical.clone())];
        edited(&mut body, &e.source);
        items.push(json!({
            "id": format!("{source}#{}", e.id), "type": "Annotation", "motivation": "tagging",
            "body": body, "target": target(&e.span),
        }));
    }
    for n in &wire.numbers {
        let mut body = vec![tag("tagging", n.kind.clone())];
        if let Some(v) = n.value {
            body.push(tag("describing", format_number(v)));
        }
        if let Some(iso) = &n.iso {
            body.push(tag("describing", iso.clone()));
        }
        edited(&mut body, &n.source);
        items.push(json!({
            "id": format!("{source}#{}", n.id), "type": "Annotation", "motivation": "tagging",
            "body": body, "target": target(&n.span),
        }));
    }
    for q in &wire.quotes {
        let mut body = vec![tag("tagging", "QUOTE".to_string())];
        if let Some(s) = &q.speaker {
            body.push(tag("identifying", s.name.clone().unwrap_or_else(|| s.span.text.clone())));
        }
        edited(&mut body, &q.source);
        items.push(json!({
            "id": format!("{source}#{}", q.id), "type": "Annotation", "motivation": "tagging",
            "body": body, "target": target(&q.span),
        }));
    }
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": format!("{source}#newsmark"),
        "type": "AnnotationCollection",
        "label": "newsmark annotations",
        "generator": wire.generator,
        "total": items.len(),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    })
}

/// displaCy's manual format: `{text, ents: [{start, end, label}]}`, offsets in code points
/// (Python `str` indices), for spaCy users.
pub fn to_displacy(wire: &Wire, text: &str) -> serde_json::Value {
    let ents: Vec<_> = wire
        .entities
        .iter()
        .map(|e| serde_json::json!({"start": e.span.cp[0], "end": e.span.cp[1], "label": e.label}))
        .collect();
    serde_json::json!({"text": text, "ents": ents, "title": null})
}

/// Which list a CSV export holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvLayer {
    Quotes,
    Numbers,
    Entities,
}

/// CSV (RFC 4180, CRLF line ends, every field quoted) of one layer, for spreadsheets.
pub fn to_csv(wire: &Wire, layer: CsvLayer) -> String {
    fn row(out: &mut String, fields: &[&str]) {
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push('"');
            // a leading = + - @ (or tab, CR) would be run as a formula by spreadsheets: neutralise
            // it with an apostrophe, which they hide. A leading apostrophe of the text itself gets
            // one too, so that it stays visible and the escape is reversible ("'Tis" -> "''Tis").
            if f.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) {
                out.push('\'');
            }
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        }
        out.push_str("\r\n");
    }
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let num = |v: Option<f64>| v.map(format_number).unwrap_or_default();
    let mut out = String::new();
    match layer {
        CsvLayer::Quotes => {
            row(
                &mut out,
                &["id", "start", "end", "speaker", "speaker_name", "quote", "cue", "group", "source"],
            );
            for q in &wire.quotes {
                let speaker = q.speaker.as_ref().map(|s| s.span.text.clone()).unwrap_or_default();
                let name = q.speaker.as_ref().and_then(|s| s.name.clone()).unwrap_or_default();
                let cue = q.cue.as_ref().map(|c| c.text.clone()).unwrap_or_default();
                row(
                    &mut out,
                    &[
                        &q.id,
                        &q.span.start.to_string(),
                        &q.span.end.to_string(),
                        &speaker,
                        &name,
                        &q.span.text,
                        &cue,
                        &opt(&q.group),
                        &opt(&q.source),
                    ],
                );
            }
        }
        CsvLayer::Numbers => {
            row(
                &mut out,
                &[
                    "id", "start", "end", "text", "kind", "value", "to", "modifier", "unit", "currency",
                    "iso", "source",
                ],
            );
            for n in &wire.numbers {
                row(
                    &mut out,
                    &[
                        &n.id,
                        &n.span.start.to_string(),
                        &n.span.end.to_string(),
                        &n.span.text,
                        &n.kind,
                        &num(n.value),
                        &num(n.to),
                        &opt(&n.modifier),
                        &opt(&n.unit),
                        &opt(&n.currency),
                        &opt(&n.iso),
                        &opt(&n.source),
                    ],
                );
            }
        }
        CsvLayer::Entities => {
            row(
                &mut out,
                &["id", "start", "end", "text", "label", "score", "cluster", "canonical", "source"],
            );
            for e in &wire.entities {
                row(
                    &mut out,
                    &[
                        &e.id,
                        &e.span.start.to_string(),
                        &e.span.end.to_string(),
                        &e.span.text,
                        &e.label,
                        &format_number(e.score),
                        &e.cluster,
                        &e.canonical,
                        &opt(&e.source),
                    ],
                );
            }
        }
    }
    out
}

/// A number as JSON would print it (`3600000`, `0.5`).
fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 9.007_199_254_740_992e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(f: impl FnOnce(&mut Json<std::io::Sink>)) -> String {
        let map = OffsetMap::new("");
        let mut j = Json { out: String::new(), text: "", map: &map, sink: std::io::sink(), error: None };
        f(&mut j);
        j.out
    }

    /// Strings are escaped exactly as serde_json escapes them: every ASCII byte, and beyond.
    #[test]
    fn strings_escape_as_serde_json_does() {
        let mut s: String = (0u8..0x80).map(char::from).collect();
        s.push_str("é“quoted”\u{2028}😀\u{feff}\\\"end");
        for t in [s.as_str(), "", "plain", "\"", "\\", "a\u{0}b", &s[..40]] {
            assert_eq!(written(|j| j.str(t)), serde_json::to_string(t).unwrap());
        }
    }

    /// Numbers are written as `json_number` writes them through serde_json.
    #[test]
    fn numbers_write_as_serde_json_does() {
        #[derive(Serialize)]
        struct N(#[serde(serialize_with = "json_number_opt")] Option<f64>);
        for v in [
            0.0,
            -0.0,
            1.0,
            -5.0,
            0.5,
            0.97,
            0.001,
            48.2,
            3_600_000.0,
            1e15,
            9.007_199_254_740_992e15,
            1e16,
            1.5e300,
            -2.5e-8,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
        ] {
            for v in [Some(v), None] {
                assert_eq!(written(|j| j.number(v)), serde_json::to_string(&N(v)).unwrap(), "{v:?}");
            }
        }
    }
}
