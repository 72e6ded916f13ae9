//! The `newsmark/1` wire format (the contract with users; README documents it field by field).
//! The wire format's serde code (reading JSON Lines is `jsonl`'s). Offsets are converted here, once, for every item.

use crate::doc::Document;
use crate::offsets::OffsetMap;
use crate::span::Span;
use serde::{Deserialize, Serialize, Serializer};
use sha2::{Digest, Sha256};

pub const SCHEMA: &str = "newsmark/1";

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

/// `newsmark/1` JSON for a text, in one call (the wasm API's). Working memory as
/// [`write_annotation`]'s, plus the JSON itself.
pub fn annotate_json(annotator: &crate::Annotator, text: &str) -> String {
    let mut out = Vec::new();
    write_annotation(annotator, text, &mut out).expect("writing to a Vec cannot fail");
    // serde_json writes only UTF-8 (our strings are &str)
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Annotates `text` and writes its `newsmark/1` JSON to `out` as it is produced, the numbers as
/// they are found: working memory is bounded per input byte whatever the text (README,
/// "Untrusted input"). Byte-identical to `Wire::new(&annotator.annotate(text)).to_json()`.
/// `out` should be buffered: serde_json writes small pieces.
pub fn write_annotation<W: std::io::Write>(
    annotator: &crate::Annotator,
    text: &str,
    out: W,
) -> std::io::Result<()> {
    let doc = annotator.annotate_except_numbers(text);
    let map = OffsetMap::new(text);
    let wire = stream::Doc { doc: &doc, map: &map, numbers: stream::NumberSource::Live(annotator) };
    serde_json::to_writer(out, &wire).map_err(std::io::Error::from)
}

/// Writes the `newsmark/1` JSON of `doc` to `out` as it is produced, byte-identical to
/// `Wire::new(doc).to_json()` but without building the [`Wire`]: on hostile text (`"$1 "` × 2.8
/// million numbers) the wire objects cost ~350 bytes per item, ~120 bytes per input byte, where
/// this streams each item from the document's spans and keeps nothing.
pub fn write_json<W: std::io::Write>(doc: &Document, out: W) -> std::io::Result<()> {
    let map = OffsetMap::new(doc.text);
    let wire = stream::Doc { doc, map: &map, numbers: stream::NumberSource::Doc };
    serde_json::to_writer(out, &wire).map_err(std::io::Error::from)
}

/// Borrowed views of a [`Document`] that serialize exactly as the [`Wire`] types do (same fields,
/// same order), item by item.
mod stream {
    use super::{json_number, json_number_opt, round3, sha256_hex, Length, SCHEMA};
    use crate::doc::Document;
    use crate::numbers::Number;
    use crate::offsets::OffsetMap;
    use crate::span::Span;
    use serde::ser::{Serialize, Serializer};

    /// An id such as `n12`, written without allocating a String.
    struct Id(char, usize);

    impl Serialize for Id {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_str(&format_args!("{}{}", self.0, self.1))
        }
    }

    #[derive(serde::Serialize)]
    struct SpanOut<'a> {
        start: u32,
        end: u32,
        cp: [u32; 2],
        text: &'a str,
    }

    fn span<'a>(map: &OffsetMap, text: &'a str, s: Span) -> SpanOut<'a> {
        SpanOut {
            start: map.utf16(s.start),
            end: map.utf16(s.end),
            cp: [map.cp(s.start), map.cp(s.end)],
            text: s.of(text),
        }
    }

    #[derive(serde::Serialize)]
    struct EntityOut<'a> {
        id: Id,
        #[serde(flatten)]
        span: SpanOut<'a>,
        label: &'a str,
        #[serde(serialize_with = "json_number")]
        score: f64,
        cluster: Id,
        canonical: &'a str,
    }

    #[derive(serde::Serialize)]
    struct NumberOut<'a> {
        id: Id,
        #[serde(flatten)]
        span: SpanOut<'a>,
        kind: &'a str,
        #[serde(serialize_with = "json_number_opt")]
        value: Option<f64>,
        #[serde(serialize_with = "json_number_opt")]
        to: Option<f64>,
        modifier: Option<&'a str>,
        unit: Option<&'a str>,
        currency: Option<&'a str>,
        iso: Option<&'a str>,
    }

    #[derive(serde::Serialize)]
    struct SpeakerOut<'a> {
        #[serde(flatten)]
        span: SpanOut<'a>,
        name: Option<&'a str>,
        cluster: Option<Id>,
    }

    #[derive(serde::Serialize)]
    struct QuoteOut<'a> {
        id: Id,
        #[serde(flatten)]
        span: SpanOut<'a>,
        group: Option<Id>,
        speaker: Option<SpeakerOut<'a>>,
        cue: Option<SpanOut<'a>>,
    }

    /// Where the numbers come from: the document, or found now, one at a time.
    pub(super) enum NumberSource<'a> {
        Doc,
        Live(&'a crate::Annotator),
    }

    pub(super) struct Doc<'a, 't> {
        pub doc: &'a Document<'t>,
        pub map: &'a OffsetMap,
        pub numbers: NumberSource<'a>,
    }

    struct Entities<'a, 't>(&'a Doc<'a, 't>);
    struct Numbers<'a, 't>(&'a Doc<'a, 't>);
    struct Quotes<'a, 't>(&'a Doc<'a, 't>);

    impl Serialize for Entities<'_, '_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let Doc { doc, map, .. } = self.0;
            let text = doc.text;
            s.collect_seq(doc.entities.iter().enumerate().map(|(i, e)| {
                EntityOut {
                    id: Id('e', i),
                    span: span(map, text, e.span),
                    label: e.label.as_str(),
                    score: round3(e.score as f64),
                    cluster: Id('c', e.cluster as usize),
                    canonical: doc
                        .clusters
                        .get(e.cluster as usize)
                        .map_or_else(|| e.span.of(text), |c| c.canonical.of(text)),
                }
            }))
        }
    }

    fn number<'a>(map: &OffsetMap, text: &'a str, i: usize, n: &'a Number) -> NumberOut<'a> {
        NumberOut {
            id: Id('n', i),
            span: span(map, text, n.span),
            kind: n.kind.as_str(),
            value: n.value.filter(|v| v.is_finite()),
            to: n.to.filter(|v| v.is_finite()),
            modifier: n.modifier.map(|m| m.as_str()),
            unit: n.unit,
            currency: n.currency,
            iso: n.iso.as_deref(),
        }
    }

    impl Serialize for Numbers<'_, '_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeSeq;
            let Doc { doc, map, numbers } = self.0;
            let text = doc.text;
            match numbers {
                NumberSource::Doc => {
                    s.collect_seq(doc.numbers.iter().enumerate().map(|(i, n)| number(map, text, i, n)))
                }
                NumberSource::Live(annotator) => {
                    let mut seq = s.serialize_seq(None)?;
                    let (mut i, mut failed) = (0, None);
                    annotator.each_number(text, |n| {
                        if failed.is_none() {
                            failed = seq.serialize_element(&number(map, text, i, &n)).err();
                        }
                        i += 1;
                    });
                    match failed {
                        Some(e) => Err(e),
                        None => seq.end(),
                    }
                }
            }
        }
    }

    impl Serialize for Quotes<'_, '_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let Doc { doc, map, .. } = self.0;
            let text = doc.text;
            s.collect_seq(doc.quotes.iter().enumerate().map(|(i, q)| QuoteOut {
                id: Id('q', i),
                span: span(map, text, q.span),
                group: q.group.map(|g| Id('g', g as usize)),
                speaker: q.speaker.as_ref().map(|sp| SpeakerOut {
                    span: span(map, text, sp.span),
                    name: sp.name.map(|n| n.of(text)),
                    cluster: sp.cluster.map(|c| Id('c', c as usize)),
                }),
                cue: q.cue.map(|c| span(map, text, c)),
            }))
        }
    }

    impl Serialize for Doc<'_, '_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeStruct;
            let mut st = s.serialize_struct("Wire", 8)?;
            st.serialize_field("schema", SCHEMA)?;
            st.serialize_field("generator", &crate::generator())?;
            st.serialize_field("offset_unit", "utf16")?;
            st.serialize_field("length", &Length { utf16: self.map.len_utf16(), cp: self.map.len_cp() })?;
            st.serialize_field("text_sha256", &sha256_hex(self.doc.text.as_bytes()))?;
            st.serialize_field("entities", &Entities(self))?;
            st.serialize_field("numbers", &Numbers(self))?;
            st.serialize_field("quotes", &Quotes(self))?;
            st.end()
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Other formats, all built from the wire object (so corrections made in the page carry over).

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
            // a leading = + - @ would be run as a formula by spreadsheets: neutralise it
            if f.starts_with(['=', '+', '-', '@', '\t', '\r']) {
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
