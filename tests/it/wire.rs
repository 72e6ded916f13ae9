//! The `newsmark/2` wire format: schema, field rules, offsets in every unit, other formats.

use crate::common::{annotate_checked, annotator, check_wire, seed_article};
use newsmark::export::{self, CsvLayer, Wire};

/// Offsets stay exact through every kind of character that shifts UTF-16 or code-point counts.
#[test]
fn offsets_are_exact_in_every_unit() {
    for text in [
        "😀 NATO Secretary General Jens Stoltenberg said: “Stop their offensive.” 😀",
        "\u{feff}Ankara\u{a0}said on Thursday\r\nthat “3.6 million” people 👩🏽‍⚕️ live there.",
        "Mevlu\u{308}t Cavusoglu said \"we will go\".\r\n\r\nHe added: ‘It’s done’.",
    ] {
        annotate_checked(text);
    }
}

#[test]
fn every_field_is_present_and_numbers_are_integers() {
    let doc = annotate_checked("Nothing to see here.");
    for key in
        ["schema", "generator", "offset_unit", "length", "text_sha256", "entities", "numbers", "quotes"]
    {
        assert!(doc.get(key).is_some(), "missing {key}");
    }
    assert_eq!(doc["schema"], "newsmark/2");
    assert_eq!(doc["offset_unit"], "utf16");
    // SHA-256 of the UTF-8 text
    assert_eq!(
        annotate_checked("abc")["text_sha256"],
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

#[test]
fn round_values_serialize_as_integers() {
    // a hand-made wire value: the serializer must write 3600000, not 3600000.0
    let text = "some 3.6 million people";
    let mut wire = Wire::new(&annotator().annotate(text));
    wire.numbers = vec![export::WireNumber {
        id: "n0".into(),
        span: export::WireSpan { start: 0, end: 16, cp: [0, 16], text: "some 3.6 million".into() },
        kind: "cardinal".into(),
        value: Some(3_600_000.0),
        to: Some(0.5),
        modifier: Some("about".into()),
        unit: None,
        currency: None,
        iso: None,
        source: None,
    }];
    let json = wire.to_json();
    assert!(json.contains("\"value\":3600000,\"to\":0.5,"), "{json}");
    assert!(json.contains("\"unit\":null,\"currency\":null,\"iso\":null"), "{json}");
    check_wire(text, &json);
}

/// The wire object reads back into the same value (the page and the converters rely on this).
#[test]
fn wire_round_trips() {
    let text = seed_article().unwrap_or_else(|| "Jens Stoltenberg said: \"Stop.\"".to_string());
    let wire = Wire::new(&annotator().annotate(&text));
    let back: Wire = serde_json::from_str(&wire.to_json()).unwrap();
    assert_eq!(back, wire);
    assert_eq!(back.to_json(), wire.to_json());
}

#[test]
fn other_formats_keep_exact_text() {
    let text = "“We’re staying,” said Jens Stoltenberg 😀 in Brussels on Thursday, with 3.6 million.";
    let wire = Wire::new(&annotator().annotate(text));
    let chars: Vec<char> = text.chars().collect();
    let w3c = export::to_web_annotation(&wire, text, Some("https://example.org/a"));
    assert_eq!(w3c["type"], "AnnotationCollection");
    assert_eq!(w3c["@context"], "http://www.w3.org/ns/anno.jsonld");
    let items = w3c["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), wire.entities.len() + wire.numbers.len() + wire.quotes.len());
    for item in items {
        assert_eq!(item["type"], "Annotation");
        let sel = &item["target"]["selector"];
        let (s, e) = (sel[1]["start"].as_u64().unwrap() as usize, sel[1]["end"].as_u64().unwrap() as usize);
        let exact: String = chars[s..e].iter().collect();
        assert_eq!(sel[0]["exact"], exact.as_str());
        let prefix = sel[0]["prefix"].as_str().unwrap();
        let suffix = sel[0]["suffix"].as_str().unwrap();
        let before: String = chars[..s].iter().collect();
        let after: String = chars[e..].iter().collect();
        assert!(before.ends_with(prefix) && after.starts_with(suffix));
    }
    let displacy = export::to_displacy(&wire, text);
    for ent in displacy["ents"].as_array().unwrap() {
        let (s, e) = (ent["start"].as_u64().unwrap() as usize, ent["end"].as_u64().unwrap() as usize);
        assert!(wire.entities.iter().any(|w| w.span.text == chars[s..e].iter().collect::<String>()));
    }
    for layer in [CsvLayer::Quotes, CsvLayer::Numbers, CsvLayer::Entities] {
        let csv = export::to_csv(&wire, layer);
        assert!(csv.ends_with("\r\n"));
        let rows = csv.split("\r\n").filter(|r| !r.is_empty()).count();
        let n = match layer {
            CsvLayer::Quotes => wire.quotes.len(),
            CsvLayer::Numbers => wire.numbers.len(),
            CsvLayer::Entities => wire.entities.len(),
        };
        // every field is quoted, so a row is a line unless a field holds a line break
        assert!(rows > n, "{layer:?}: header + {n} rows expected in {csv}");
    }
}

#[test]
fn csv_neutralises_formulas() {
    let text = "=SUM(A1) spoke.";
    let mut wire = Wire::new(&annotator().annotate(text));
    wire.entities = vec![export::WireEntity {
        id: "e0".into(),
        span: export::WireSpan { start: 0, end: 8, cp: [0, 8], text: "=SUM(A1)".into() },
        label: "ORG".into(),
        score: 0.5,
        cluster: "c0".into(),
        canonical: "=SUM(A1)".into(),
        source: None,
    }];
    let csv = export::to_csv(&wire, CsvLayer::Entities);
    assert!(csv.contains("\"'=SUM(A1)\""), "{csv}");
    assert!(!csv.contains("\"=SUM"), "{csv}");
    // a text's own leading apostrophe is kept visible, so the escape can be undone (found by the
    // `exports` fuzz target: the quote "'<tab>…" came back as "<tab>…")
    wire.entities[0].span.text = "'\tTis".into();
    let csv = export::to_csv(&wire, CsvLayer::Entities);
    assert!(csv.contains("\"''\tTis\""), "{csv}");
}

/// An editor's correction (`"source": "edited"`, added by the page) is carried by every format.
#[test]
fn edited_items_stay_marked_in_every_format() {
    let text = "Anna Berg spoke.";
    let json = r#"{"schema":"newsmark/1","generator":"newsmark 0.1.0 (x)","offset_unit":"utf16","length":{"utf16":16,"cp":16},"text_sha256":"0000000000000000000000000000000000000000000000000000000000000000","entities":[{"id":"e0","start":0,"end":9,"cp":[0,9],"text":"Anna Berg","label":"PERSON","score":1,"cluster":"c0","canonical":"Anna Berg","source":"edited"}],"numbers":[],"quotes":[]}"#;
    let wire: Wire = serde_json::from_str(json).unwrap();
    assert_eq!(wire.to_json(), json, "the mark round-trips unchanged");
    let w3c = export::to_web_annotation(&wire, text, None);
    let body = &w3c["first"]["items"][0]["body"];
    assert!(body.as_array().unwrap().iter().any(|b| b["purpose"] == "editing" && b["value"] == "edited"));
    assert!(export::to_csv(&wire, CsvLayer::Entities).contains(",\"edited\"\r\n"));
    // the annotator itself never writes the field
    assert!(!Wire::new(&annotator().annotate(text)).to_json().contains("\"source\""));
}

// ---------- newsmark/2: durations and ages ----------

/// A duration and an age carry their count, their unit as a word and (a duration) an ISO 8601
/// duration; they validate against the version-2 schema, and every export carries them.
#[test]
fn durations_and_ages_on_the_wire_and_in_every_export() {
    let text = "Hatch, a 60-year-old banker, got a 15-year sentence after talks of 1 hour and 30 minutes.";
    let doc = annotate_checked(text);
    let find = |t: &str| {
        doc["numbers"].as_array().unwrap().iter().find(|n| n["text"] == t).cloned().unwrap_or_else(|| {
            panic!("no number {t:?} in {}", doc["numbers"]);
        })
    };
    let age = find("60-year-old");
    assert_eq!(
        (age["kind"].as_str(), age["value"].as_f64(), age["unit"].as_str()),
        (Some("age"), Some(60.0), Some("year"))
    );
    assert!(age["iso"].is_null());
    let d = find("15-year");
    assert_eq!(
        (d["kind"].as_str(), d["value"].as_f64(), d["unit"].as_str()),
        (Some("duration"), Some(15.0), Some("year"))
    );
    assert_eq!(d["iso"], "P15Y");
    let d2 = find("1 hour and 30 minutes");
    assert_eq!(
        (d2["value"].as_f64(), d2["unit"].as_str(), d2["iso"].as_str()),
        (Some(90.0), Some("minute"), Some("PT1H30M"))
    );

    let wire: Wire = serde_json::from_value(doc.clone()).unwrap();
    let csv = export::to_csv(&wire, CsvLayer::Numbers);
    assert!(csv.contains("\"15-year\",\"duration\",\"15\",\"\",\"\",\"year\",\"\",\"P15Y\""), "{csv}");
    assert!(csv.contains("\"60-year-old\",\"age\",\"60\",\"\",\"\",\"year\",\"\",\"\""), "{csv}");
    let w3c = export::to_web_annotation(&wire, text, None);
    let bodies: Vec<String> = w3c["first"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["body"].as_array().unwrap().iter().map(|b| b["value"].as_str().unwrap().to_string()))
        .collect();
    for v in ["duration", "age", "P15Y", "PT1H30M"] {
        assert!(bodies.iter().any(|b| b == v), "{v} in the W3C bodies {bodies:?}");
    }
}

fn compile(path: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(format!("{}/schema/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap()
}

/// The version-1 schema stays beside the version-2 one: an old export still validates against it,
/// and a version-2 document (new kinds) against version 2 only.
#[test]
fn version_1_exports_still_validate() {
    let (v1, v2) = (compile("newsmark-1.schema.json"), compile("newsmark-2.schema.json"));
    let old = r#"{"schema":"newsmark/1","generator":"newsmark 0.1.0 (x)","offset_unit":"utf16","length":{"utf16":21,"cp":21},"text_sha256":"0000000000000000000000000000000000000000000000000000000000000000","entities":[],"numbers":[{"id":"n0","start":0,"end":12,"cp":[0,12],"text":"three months","kind":"date","value":null,"to":null,"modifier":null,"unit":"mo","currency":null,"iso":null}],"quotes":[]}"#;
    let old: serde_json::Value = serde_json::from_str(old).unwrap();
    assert!(v1.is_valid(&old));
    assert!(!v2.is_valid(&old), "the schema field names the version");
    let new = annotate_checked("He was jailed for three months.");
    assert!(v2.is_valid(&new));
    assert!(new["numbers"][0]["kind"] == "duration", "{new}");
    let mut as_v1 = new.clone();
    as_v1["schema"] = "newsmark/1".into();
    assert!(!v1.is_valid(&as_v1), "version 1 has no kind duration");
    // version 2 holds its new kinds to their units
    let mut bad = new;
    bad["numbers"][0]["unit"] = "mo".into();
    assert!(!v2.is_valid(&bad), "a duration's unit is a word: year … second");
}
