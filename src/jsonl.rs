//! JSON Lines input: one document `{"id": …, "text": "…"}` per line, as the CLI reads it.
//!
//! Two steps, both total (no input makes them panic) so they can be fuzzed:
//!
//! 1. [`Lines`] splits a byte stream into numbered, non-blank lines: the line ending (`\n` or
//!    `\r\n`) is removed, a UTF-8 byte order mark before line 1 is dropped, and lines holding only
//!    JSON whitespace are skipped but still counted, so every line keeps its number in the input.
//! 2. [`parse_line`] reads one line into a [`Record`]: the text field decoded to a string and the
//!    id field kept as the exact bytes of its JSON value, so an id like
//!    `123456789012345678901234567890` or `-0` is echoed unchanged. A lone UTF-16 surrogate escape
//!    (`"\ud800"`, which `JSON.stringify` writes for strings the JS API accepts) decodes to U+FFFD,
//!    as wasm-bindgen does: one UTF-16 unit either way, so offsets agree with the JS API.
//!
//! [`with_id`] and [`error_line`] write the answering line: the document with the id first, or
//! `{"id": …, "line": N, "error": "…"}`.

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::fmt;
use std::io::{self, BufRead};

/// The names of the two fields read from each line (`"text"` and `"id"` by default).
#[derive(Clone, Debug)]
pub struct Fields {
    pub text: String,
    pub id: String,
}

impl Default for Fields {
    fn default() -> Self {
        Fields { text: "text".to_string(), id: "id".to_string() }
    }
}

/// One document read from a line.
#[derive(Debug, PartialEq)]
pub struct Record<'a> {
    /// The id field's JSON value exactly as written (`"a1"`, `7`, `-0`, `{"k": 1}`); `None` when
    /// the line has no id field.
    pub id: Option<&'a str>,
    /// The text field, unescaped.
    pub text: Cow<'a, str>,
}

/// Why a line could not be read, with the id when the line got far enough to have one.
#[derive(Debug, PartialEq)]
pub struct LineError {
    /// As in [`Record::id`].
    pub id: Option<String>,
    /// One sentence, without a line number (the caller knows the line): `not JSON at column 9: …`.
    pub message: String,
}

/// A non-blank line and its 1-based number in the input (blank lines count).
#[derive(Debug, PartialEq)]
pub struct Line {
    pub number: usize,
    pub bytes: Vec<u8>,
}

/// The non-blank lines of a JSON Lines stream, numbered; see the module documentation.
pub struct Lines<R> {
    reader: R,
    number: usize,
}

impl<R: BufRead> Lines<R> {
    pub fn new(reader: R) -> Self {
        Lines { reader, number: 0 }
    }

    /// How many lines have been read so far, blank ones included.
    pub fn lines_read(&self) -> usize {
        self.number
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = io::Result<Line>;

    fn next(&mut self) -> Option<io::Result<Line>> {
        loop {
            let mut bytes = Vec::new();
            match self.reader.read_until(b'\n', &mut bytes) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => return Some(Err(e)),
            }
            self.number += 1;
            if bytes.last() == Some(&b'\n') {
                bytes.pop();
                if bytes.last() == Some(&b'\r') {
                    bytes.pop();
                }
            }
            if self.number == 1 && bytes.starts_with(BOM) {
                bytes.drain(..BOM.len());
            }
            if !bytes.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n')) {
                return Some(Ok(Line { number: self.number, bytes }));
            }
        }
    }
}

const BOM: &[u8] = "\u{feff}".as_bytes();

/// Reads one line (without its line ending) into a [`Record`].
pub fn parse_line<'a>(line: &'a [u8], fields: &Fields) -> Result<Record<'a>, LineError> {
    let line = std::str::from_utf8(line).map_err(|e| LineError {
        id: None,
        message: format!("not valid UTF-8 (byte {} of the line)", e.valid_up_to() + 1),
    })?;
    let Some(fixed) = replace_lone_surrogates(line) else {
        return parse_str(line, fields);
    };
    // `fixed` has the same length as `line` and differs only inside escapes, so the id is found
    // at the same place in the original line, and is echoed from there, byte for byte.
    let in_line = |id: &str| {
        let at = id.as_ptr() as usize - fixed.as_ptr() as usize;
        &line[at..at + id.len()]
    };
    match parse_str(&fixed, fields) {
        Ok(r) => Ok(Record { id: r.id.map(in_line), text: Cow::Owned(r.text.into_owned()) }),
        Err(e) => Err(e),
    }
}

/// The line's answer for a document: `{"id":<id>,` then the rest of `document` (a JSON object).
pub fn with_id(id: Option<&str>, document: &str) -> String {
    let rest = document.strip_prefix('{').unwrap_or(document);
    let sep = if rest.trim_start().starts_with('}') { "" } else { "," };
    format!("{{\"id\":{}{sep}{rest}", id.unwrap_or("null"))
}

/// The line's answer when it could not be annotated: `{"id":<id>,"line":N,"error":"…"}`.
pub fn error_line(id: Option<&str>, line: usize, message: &str) -> String {
    let message = serde_json::to_string(message).expect("a string always serializes");
    format!("{{\"id\":{},\"line\":{line},\"error\":{message}}}", id.unwrap_or("null"))
}

fn parse_str<'a>(line: &'a str, fields: &Fields) -> Result<Record<'a>, LineError> {
    let mut de = serde_json::Deserializer::from_str(line);
    let found = de
        .deserialize_any(FieldsVisitor { fields })
        .and_then(|found| de.end().map(|()| found))
        .map_err(|e| LineError { id: None, message: json_error(&e) })?;
    let id = found.id.map(|raw| raw.get());
    let no_text = |what: &str| LineError {
        id: id.map(str::to_string),
        message: format!("{what} {:?} field", fields.text),
    };
    match found.text {
        Some(Some(text)) => Ok(Record { id, text }),
        Some(None) => Err(no_text("not a string:")),
        None => Err(no_text("no")),
    }
}

/// A serde_json error as one sentence with the column only: the line is one line, and its number
/// in the input is the caller's ("not JSON at column 2: key must be a string").
fn json_error(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let what = match full.rfind(" at line ") {
        Some(at) => &full[..at],
        None => &full,
    };
    match e.classify() {
        serde_json::error::Category::Data => what.to_string(),
        _ => format!("not JSON at column {}: {what}", e.column()),
    }
}

/// The two fields of interest; `text` is `Some(None)` when present but not a string.
struct Found<'a> {
    id: Option<&'a RawValue>,
    text: Option<Option<Cow<'a, str>>>,
}

struct FieldsVisitor<'f> {
    fields: &'f Fields,
}

impl<'de> Visitor<'de> for FieldsVisitor<'_> {
    type Value = Found<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Found<'de>, M::Error> {
        let mut found = Found { id: None, text: None };
        // as in JavaScript's JSON.parse, the last of repeated keys wins
        while let Some(key) = map.next_key::<CowStr<'de>>()? {
            if key.0 == self.fields.text {
                found.text = Some(map.next_value::<MaybeStr<'de>>()?.0);
            } else if key.0 == self.fields.id {
                found.id = Some(map.next_value()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found)
    }
}

/// A string, borrowed from the line when it has no escapes.
struct CowStr<'a>(Cow<'a, str>);

impl<'de> de::Deserialize<'de> for CowStr<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(StrVisitor).map(CowStr)
    }
}

struct StrVisitor;

impl<'de> Visitor<'de> for StrVisitor {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(s))
    }

    fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(s.to_string()))
    }
}

/// Any JSON value: the string if it is one, `None` otherwise.
struct MaybeStr<'a>(Option<Cow<'a, str>>);

impl<'de> de::Deserialize<'de> for MaybeStr<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(MaybeStrVisitor).map(MaybeStr)
    }
}

struct MaybeStrVisitor;

impl<'de> Visitor<'de> for MaybeStrVisitor {
    type Value = Option<Cow<'de, str>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Self::Value, E> {
        Ok(Some(Cow::Borrowed(s)))
    }

    fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
        Ok(Some(Cow::Owned(s.to_string())))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

/// The line with every lone surrogate escape (`\ud800` not followed by a low surrogate escape,
/// or `\udc00` not preceded by a high one) replaced by `\ufffd`, which has the same length;
/// `None` when there is none. Backslashes occur only inside JSON strings, so a scan that steps
/// over each escape finds them all: in `"\\ud800"` the `\\` is stepped over and `ud800` is text.
fn replace_lone_surrogates(line: &str) -> Option<String> {
    let bytes = line.as_bytes();
    let mut lone = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        match surrogate_at(bytes, i) {
            Some(0xD800..=0xDBFF) if matches!(surrogate_at(bytes, i + 6), Some(0xDC00..=0xDFFF)) => i += 12,
            Some(_) => {
                lone.push(i);
                i += 6;
            }
            None => i += 2,
        }
    }
    if lone.is_empty() {
        return None;
    }
    let mut fixed = line.as_bytes().to_vec();
    for at in lone {
        fixed[at..at + 6].copy_from_slice(b"\\ufffd");
    }
    Some(String::from_utf8(fixed).expect("ASCII replaced by ASCII"))
}

/// The surrogate code unit of a `\uXXXX` escape at `at`, if that is what is there.
fn surrogate_at(bytes: &[u8], at: usize) -> Option<u16> {
    let esc = bytes.get(at..at + 6)?;
    if esc[0] != b'\\' || esc[1] != b'u' {
        return None;
    }
    let hex = std::str::from_utf8(&esc[2..]).ok()?;
    let unit = u16::from_str_radix(hex, 16).ok()?;
    (0xD800..=0xDFFF).contains(&unit).then_some(unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Result<Record<'_>, LineError> {
        parse_line(line.as_bytes(), &Fields::default())
    }

    #[test]
    fn ids_are_kept_byte_for_byte() {
        for id in ["123456789012345678901234567890", "-0", "1.50", "\"a\\u0041\"", "{\"k\": [1, 2]}", "null"]
        {
            let line = format!("{{\"id\": {id} , \"text\": \"t\"}}");
            assert_eq!(parse(&line).unwrap().id, Some(id));
        }
        assert_eq!(parse("{\"text\": \"t\"}").unwrap().id, None);
    }

    #[test]
    fn lone_surrogates_become_u_fffd_and_pairs_stay() {
        let r = parse(r#"{"id": "\ud800x", "text": "a\ud800b\udc00c\ud83d\ude00d\\ud800"}"#).unwrap();
        assert_eq!(r.text, "a\u{fffd}b\u{fffd}c😀d\\ud800");
        assert_eq!(r.id, Some(r#""\ud800x""#));
        // a lone surrogate at the very end, and a truncated escape: still a clear JSON error
        assert_eq!(parse(r#"{"text": "\udbff"}"#).unwrap().text, "\u{fffd}");
        assert!(parse(r#"{"text": "\ud8"}"#).unwrap_err().message.starts_with("not JSON at column"));
    }

    #[test]
    fn errors_name_the_column_and_keep_the_id() {
        let e = parse("{\"id\": 1, oops}").unwrap_err();
        assert_eq!(e.message, "not JSON at column 11: key must be a string");
        assert_eq!(e.id, None);
        let e = parse("{\"id\": 1, \"text\": 2}").unwrap_err();
        assert_eq!((e.id.as_deref(), e.message.as_str()), (Some("1"), "not a string: \"text\" field"));
        let e = parse("{\"id\": \"x\"}").unwrap_err();
        assert_eq!((e.id.as_deref(), e.message.as_str()), (Some("\"x\""), "no \"text\" field"));
        assert!(parse("[1]").unwrap_err().message.contains("expected a JSON object"));
        assert!(parse("{\"text\": \"a\"} x").unwrap_err().message.contains("trailing characters"));
        let e = parse_line(b"{\"text\": \"\xff\"}", &Fields::default()).unwrap_err();
        assert_eq!(e.message, "not valid UTF-8 (byte 11 of the line)");
    }

    #[test]
    fn other_field_names() {
        let fields = Fields { text: "body".into(), id: "url".into() };
        let r = parse_line(br#"{"url": "u", "text": 1, "body": "b"}"#, &fields).unwrap();
        assert_eq!((r.id, r.text.as_ref()), (Some("\"u\""), "b"));
    }

    #[test]
    fn lines_are_numbered_without_blanks_bom_or_line_ends() {
        let input = "\u{feff}{\"a\":1}\r\n\n  \t\r\n{\"b\":2}\n\n{\"c\":3}";
        let lines: Vec<Line> = Lines::new(input.as_bytes()).map(Result::unwrap).collect();
        let got: Vec<(usize, &[u8])> = lines.iter().map(|l| (l.number, l.bytes.as_slice())).collect();
        assert_eq!(got, [(1, &b"{\"a\":1}"[..]), (4, b"{\"b\":2}"), (6, b"{\"c\":3}")]);
    }

    #[test]
    fn answering_lines() {
        assert_eq!(with_id(Some("-0"), "{\"schema\":1}"), "{\"id\":-0,\"schema\":1}");
        assert_eq!(with_id(None, "{}"), "{\"id\":null}");
        assert_eq!(error_line(Some("7"), 3, "no \"text\""), r#"{"id":7,"line":3,"error":"no \"text\""}"#);
    }
}
