//! Property tests: for any string the pipeline never panics and every exported item satisfies the
//! offset and schema guarantees (checked by `common::check_wire`).

use crate::common::annotate_checked;
use proptest::prelude::*;

/// Characters news text throws at us: quote marks of every kind, apostrophes, NBSP, CRLF, emoji,
/// combining marks, digits and punctuation around numbers, capitals for names.
fn newsy() -> impl Strategy<Value = String> {
    let atoms = prop_oneof![
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("'".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("„".to_string()),
        Just("\u{a0}".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("😀".to_string()),
        Just("👩🏽‍⚕️".to_string()),
        Just("e\u{301}".to_string()),
        Just("\u{feff}".to_string()),
        Just(" said ".to_string()),
        Just("Stoltenberg".to_string()),
        Just("NATO".to_string()),
        Just("Mr. ".to_string()),
        Just(" 3.6 million".to_string()),
        Just("$45.2bn".to_string()),
        Just("12%".to_string()),
        Just("at least ".to_string()),
        Just("Thursday".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just("-".to_string()),
        Just("–".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("COVID-19".to_string()),
        Just("’s".to_string()),
        "[A-Z][a-z]{0,8}",
        "[0-9]{1,7}",
        " ",
        "\\PC{1,3}",
    ];
    prop::collection::vec(atoms, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_unicode_string(text in "\\PC{0,200}") {
        annotate_checked(&text);
    }

    #[test]
    fn any_string_at_all(text in any::<String>()) {
        annotate_checked(&text);
    }

    #[test]
    fn newsy_strings(text in newsy()) {
        annotate_checked(&text);
    }
}

/// Hostile shapes that have broken peers, checked exhaustively rather than by chance.
#[test]
fn pathological_inputs() {
    let long = "word ".repeat(20_000);
    let cases = [
        String::new(),
        "\"".to_string(),
        "\"".repeat(100_000),
        "“”".repeat(10_000),
        "'".repeat(10_000),
        "(".repeat(10_000),
        "9".repeat(100_000),
        "1,".repeat(10_000),
        ".".repeat(10_000),
        "-".repeat(10_000),
        "A".repeat(10_000),
        "A. ".repeat(10_000),
        "\u{301}".repeat(1000),
        "\r\n".repeat(1000),
        format!("{long}\""),
        "\"Bob.\"\n\n\"What.\"".to_string(),
        "\"\"=".to_string(),
        "e\u{301}\u{301}\u{301} said \"x\"".to_string(),
        // found by proptest: a "NAME:" header inside an unclosed quote was taken as its speaker
        "\u{1d2e0}\"\u{1e950}:".to_string(),
        "«େ:".to_string(),
        "’“\"\"ϒ:".to_string(),
    ];
    for text in &cases {
        annotate_checked(text);
    }
}
