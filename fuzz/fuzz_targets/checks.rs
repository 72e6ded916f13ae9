//! What each fuzz target asserts, shared with the ordinary test that replays the committed corpora
//! (tests/it/fuzz_corpus.rs includes this file). Each check takes the fuzzer's bytes and panics on
//! a violation. Depends only on newsmark and serde_json.
//!
//! Input layout of the export targets: the text (UTF-8) up to the first 0xFF byte; the bytes after
//! it, if any, edit the annotated document as the page's corrections or a hand-edited JSON file
//! could: each 6-byte chunk moves one item's offsets (possibly out of range or reversed) and
//! replaces its text, and chunks left over add entities, so the converters meet documents that do
//! not match their text.

#![allow(dead_code)]

use newsmark::export::{self, CsvLayer, Wire, WireEntity, WireSpan};
use newsmark::offsets::OffsetMap;
use newsmark::Annotator;
use std::sync::OnceLock;

fn annotator() -> &'static Annotator {
    static A: OnceLock<Annotator> = OnceLock::new();
    A.get_or_init(Annotator::new)
}

/// The text and the edit bytes, or None when the text part is not UTF-8.
fn split(data: &[u8]) -> Option<(&str, &[u8])> {
    let (text, edits) = match data.iter().position(|&b| b == 0xFF) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &data[data.len()..]),
    };
    Some((std::str::from_utf8(text).ok()?, edits))
}

fn edit(span: &mut WireSpan, c: &[u8]) {
    let n = |i: usize| u16::from_le_bytes([c[i], c[i + 1]]) as u32;
    if c.len() >= 4 {
        span.cp = [n(0), n(2)];
        span.start = n(2);
        span.end = n(0);
    }
    if c.len() > 4 {
        span.text = String::from_utf8_lossy(&c[4..]).into_owned();
    }
}

/// The document of `text`, edited by `edits` (see the module comment).
fn wire(text: &str, edits: &[u8]) -> Wire {
    let mut w = Wire::new(&annotator().annotate(text));
    let mut chunks = edits.chunks(6);
    for e in &mut w.entities {
        match chunks.next() {
            Some(c) => edit(&mut e.span, c),
            None => return w,
        }
    }
    for n in &mut w.numbers {
        match chunks.next() {
            Some(c) => edit(&mut n.span, c),
            None => return w,
        }
    }
    for q in &mut w.quotes {
        match chunks.next() {
            Some(c) => edit(&mut q.span, c),
            None => return w,
        }
        if let (Some(s), Some(c)) = (q.speaker.as_mut(), chunks.next()) {
            edit(&mut s.span, c);
        }
    }
    for (i, c) in chunks.enumerate() {
        let mut span = WireSpan { start: 0, end: 0, cp: [0, 0], text: String::new() };
        edit(&mut span, c);
        w.entities.push(WireEntity {
            id: format!("x{i}"),
            canonical: span.text.clone(),
            span,
            label: String::from_utf8_lossy(c).into_owned(),
            score: f64::from(c[0]) / 7.0,
            cluster: String::new(),
            source: Some("edited".into()),
        });
    }
    w
}

fn all_spans(w: &Wire) -> Vec<&WireSpan> {
    let mut v: Vec<&WireSpan> = w.entities.iter().map(|e| &e.span).collect();
    v.extend(w.numbers.iter().map(|n| &n.span));
    v.extend(w.quotes.iter().map(|q| &q.span));
    v
}

fn cp_slice(chars: &[char], a: usize, b: usize) -> String {
    chars[a..b].iter().collect()
}

/// W3C Web Annotation: valid JSON, one annotation per item with the item's code-point offsets;
/// on an unedited document each TextQuoteSelector's exact/prefix/suffix are the text's own.
pub fn export_w3c(data: &[u8]) {
    let Some((text, edits)) = split(data) else { return };
    let w = wire(text, edits);
    let v = export::to_web_annotation(&w, text, Some("https://example.org/a?b=\"<c>\""));
    let back: serde_json::Value = serde_json::from_str(&v.to_string()).expect("W3C export is JSON");
    let items = back["first"]["items"].as_array().expect("items");
    let spans = all_spans(&w);
    assert_eq!(items.len(), spans.len());
    assert_eq!(back["total"].as_u64(), Some(spans.len() as u64));
    let chars: Vec<char> = text.chars().collect();
    for (item, s) in items.iter().zip(&spans) {
        let sel = &item["target"]["selector"];
        assert_eq!(sel[1]["start"].as_u64(), Some(u64::from(s.cp[0])));
        assert_eq!(sel[1]["end"].as_u64(), Some(u64::from(s.cp[1])));
        assert_eq!(sel[0]["exact"].as_str(), Some(s.text.as_str()));
        if edits.is_empty() {
            let (a, b) = (s.cp[0] as usize, s.cp[1] as usize);
            assert_eq!(cp_slice(&chars, a, b), s.text);
            assert_eq!(sel[0]["prefix"].as_str().unwrap(), cp_slice(&chars, a.saturating_sub(32), a));
            assert_eq!(sel[0]["suffix"].as_str().unwrap(), cp_slice(&chars, b, (b + 32).min(chars.len())));
        }
    }
}

/// displaCy: the text as given, one ent per entity with its code-point offsets (which slice the
/// text to the entity's text on an unedited document).
pub fn export_displacy(data: &[u8]) {
    let Some((text, edits)) = split(data) else { return };
    let w = wire(text, edits);
    let v = export::to_displacy(&w, text);
    let back: serde_json::Value = serde_json::from_str(&v.to_string()).expect("displaCy export is JSON");
    assert_eq!(back["text"].as_str(), Some(text));
    let ents = back["ents"].as_array().expect("ents");
    assert_eq!(ents.len(), w.entities.len());
    let chars: Vec<char> = text.chars().collect();
    for (ent, e) in ents.iter().zip(&w.entities) {
        assert_eq!(ent["start"].as_u64(), Some(u64::from(e.span.cp[0])));
        assert_eq!(ent["end"].as_u64(), Some(u64::from(e.span.cp[1])));
        assert_eq!(ent["label"].as_str(), Some(e.label.as_str()));
        if edits.is_empty() {
            assert_eq!(cp_slice(&chars, e.span.cp[0] as usize, e.span.cp[1] as usize), e.span.text);
        }
    }
}

/// RFC 4180 fields of a CSV where every field is quoted; panics on anything else.
fn parse_csv(csv: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut it = csv.chars().peekable();
    while let Some(c) = it.next() {
        assert_eq!(c, '"', "every field is quoted");
        let mut field = String::new();
        loop {
            match it.next().expect("a field is closed") {
                '"' if it.peek() == Some(&'"') => {
                    it.next();
                    field.push('"');
                }
                '"' => break,
                c => field.push(c),
            }
        }
        row.push(field);
        match it.next() {
            Some(',') => {}
            Some('\r') => {
                assert_eq!(it.next(), Some('\n'), "rows end in CRLF");
                rows.push(std::mem::take(&mut row));
            }
            other => panic!("after a field: {other:?}"),
        }
    }
    assert!(row.is_empty(), "the last row ends in CRLF");
    rows
}

/// The field as a spreadsheet shows it: a quote put before a leading = + - @ tab or CR removed.
fn unneutralised(f: &str) -> &str {
    match f.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) => rest,
        _ => f,
    }
}

/// CSV of each layer: parses back to one row per item (plus the header), every row as wide as
/// the header, each item's text field equal to its text, and no field a formula.
pub fn export_csv(data: &[u8]) {
    let Some((text, edits)) = split(data) else { return };
    let w = wire(text, edits);
    for (layer, texts, col) in [
        (CsvLayer::Entities, w.entities.iter().map(|e| e.span.text.as_str()).collect::<Vec<_>>(), 3),
        (CsvLayer::Numbers, w.numbers.iter().map(|n| n.span.text.as_str()).collect(), 3),
        (CsvLayer::Quotes, w.quotes.iter().map(|q| q.span.text.as_str()).collect(), 5),
    ] {
        let rows = parse_csv(&export::to_csv(&w, layer));
        assert_eq!(rows.len(), texts.len() + 1, "{layer:?}: one row per item");
        for (row, t) in rows[1..].iter().zip(&texts) {
            assert_eq!(row.len(), rows[0].len(), "{layer:?}: a row as wide as the header");
            assert_eq!(unneutralised(&row[col]), *t);
            for f in row {
                assert!(!f.starts_with(['=', '+', '-', '@', '\t', '\r']), "{layer:?}: formula {f:?}");
            }
        }
    }
}

/// OffsetMap agrees with std at every char boundary (UTF-16 and code points), and the streamed
/// JSON equals the Wire's.
pub fn offsets(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let map = OffsetMap::new(text);
    let (mut u16s, mut cps) = (0u32, 0u32);
    for (b, c) in text.char_indices() {
        assert_eq!(map.utf16(b as u32), u16s, "utf16 at byte {b}");
        assert_eq!(map.cp(b as u32), cps, "cp at byte {b}");
        u16s += c.len_utf16() as u32;
        cps += 1;
    }
    assert_eq!(map.utf16(text.len() as u32), u16s);
    assert_eq!(map.cp(text.len() as u32), cps);
    assert_eq!(map.len_utf16(), u16s);
    assert_eq!(map.len_cp(), cps);
    let a = annotator();
    assert_eq!(export::annotate_json(a, text), Wire::new(&a.annotate(text)).to_json());
}

/// The JSON Lines reader (`newsmark::jsonl`): lines numbered in order without their line ends,
/// blank ones skipped; every line read or refused without a panic; a read id is the exact JSON
/// bytes of the line's id; the text equals serde_json's reading wherever serde_json reads the
/// line; every answer line (document with id, or error) is JSON with the line's number.
pub fn jsonl(data: &[u8]) {
    use newsmark::jsonl::{error_line, parse_line, with_id, Fields, Lines};
    let fields = Fields::default();
    let total = data.iter().filter(|&&b| b == b'\n').count() + 1;
    let mut last = 0;
    for line in Lines::new(data) {
        let line = line.expect("reading from memory");
        assert!(line.number > last && line.number <= total, "line {} after {last}", line.number);
        last = line.number;
        assert!(!line.bytes.contains(&b'\n'));
        // blank means JSON whitespace only: a form feed alone is a line (answered "not JSON")
        assert!(!line.bytes.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n')));
        match parse_line(&line.bytes, &fields) {
            Ok(r) => {
                if let Some(id) = r.id {
                    serde_json::from_str::<serde_json::Value>(id).expect("an id is JSON");
                    let bytes = line.bytes.as_ptr() as usize;
                    let at = id.as_ptr() as usize;
                    assert!(
                        at >= bytes && at + id.len() <= bytes + line.bytes.len(),
                        "the id is the line's own bytes"
                    );
                }
                let answer = with_id(r.id, "{\"schema\":\"newsmark/1\"}");
                let v: serde_json::Value = serde_json::from_str(&answer).expect("an answer line is JSON");
                assert_eq!(v["schema"], "newsmark/1");
                if let Ok(v) = serde_json::from_slice::<serde_json::Value>(&line.bytes) {
                    if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                        assert_eq!(t, r.text, "the text as serde_json reads it");
                    }
                }
            }
            Err(e) => {
                assert!(!e.message.is_empty());
                let answer = error_line(e.id.as_deref(), line.number, &e.message);
                let v: serde_json::Value = serde_json::from_str(&answer).expect("an error line is JSON");
                assert_eq!(v["line"].as_u64(), Some(line.number as u64));
                assert_eq!(v["error"].as_str(), Some(e.message.as_str()));
            }
        }
    }
}

/// The three export converters on one input.
pub fn exports(data: &[u8]) {
    export_w3c(data);
    export_displacy(data);
    export_csv(data);
}
