//! Speed of the quote layer on pathological input next to ordinary news text, single thread.
//!
//!     cargo run --profile release-native --example bench_quotes > bench/quotes.txt
//!
//! Each input is about 1 MB (built here; nothing is read from disk). For each it prints the time
//! of `tokens::tokenize` and of `Quotes::find` (no entities), best of 3, in ms per MB, and how
//! many quotes were found. A linear pass shows the same order of ms/MB on every line; a
//! quadratic one would take minutes on the pathological lines.

use newsmark::quotes::Quotes;
use newsmark::tokens;
use std::hint::black_box;
use std::time::Instant;

const MB: usize = 1 << 20;

/// Repeats `unit` until the text is about `len` bytes.
fn fill(unit: &str, len: usize) -> String {
    let mut s = String::with_capacity(len + unit.len());
    while s.len() < len {
        s.push_str(unit);
    }
    s
}

/// News-like paragraphs written for this benchmark (quotes, speakers, apostrophes, numbers).
const NEWS: &str = "NATO Secretary General Jens Stoltenberg met Turkish Foreign Minister Ali Demir on \
Friday. He called on both sides to \"stop their offensive\" and urged restraint.\n\n\
\u{201c}We support our ally and continue to call for an immediate halt to this offensive,\u{201d} \
said a spokesman for the State Department. \u{201c}There is no military solution.\u{201d}\n\n\
Hugh Hill, a doctor at the clinic, said the wards were full. \"We have 400 patients and beds for \
250,\" he told reporters on Thursday. \"The '90s were bad, but this is worse.\"\n\n\
According to the governor\u{2019}s office, more than 3.6 million people live in the province. \
Officials said the figure hadn\u{2019}t changed since 2016.\n\n\
Mayor Jane Smith said: \"The first part of my statement.\n\n\
\"The second part, which goes on over a new paragraph.\"\n\n";

fn main() {
    let quotes = Quotes::new();
    let long_article = {
        let mut s = fill(NEWS, MB);
        s.push('"');
        s
    };
    let inputs: Vec<(&str, String)> = vec![
        ("ordinary news text (written for this benchmark)", fill(NEWS, MB)),
        ("1,048,576 straight marks in a row", "\"".repeat(MB)),
        ("349,525 curly opening marks in a row", "\u{201c}".repeat(MB / 3)),
        ("349,525 apostrophes in a row", "\u{2019}".repeat(MB / 3)),
        ("\"Bob.\\n\\n\"What.\" repeated", fill("\"Bob.\"\n\n\"What.\"\n\n", MB)),
        ("\"\"= repeated", fill("\"\"=", MB)),
        ("news text ending in a lone \"", long_article),
        ("one paragraph: said \"x\", said ... (no sentence end)", fill("said \"x\", said ", MB)),
        ("one paragraph: \"a \"a \"a ... (restarts)", fill("\"a ", MB)),
        ("unclosed quote per line: \"a\\n", fill("\"a\n", MB)),
        ("'a 'a 'a ... (single marks)", fill("'a ", MB)),
        ("<a <a <a ... (tag starts without >)", fill("<a ", MB)),
        // the same at 4 MB: ms per MB stays put when the work is linear
        ("4 MB: ordinary news text", fill(NEWS, 4 * MB)),
        ("4 MB: unclosed quote per line: \"a\\n", fill("\"a\n", 4 * MB)),
        ("4 MB: one paragraph: said \"x\", said ...", fill("said \"x\", said ", 4 * MB)),
    ];
    println!("quote layer, single thread, best of 3 (ms per MB of input)");
    println!("{:<55} {:>10} {:>12} {:>12} {:>9}", "input", "bytes", "tokenize", "quotes", "found");
    for (name, text) in &inputs {
        let mut best_tok = f64::MAX;
        let mut best_q = f64::MAX;
        let mut found = 0;
        for _ in 0..3 {
            let t = Instant::now();
            let toks = tokens::tokenize(black_box(text));
            best_tok = best_tok.min(t.elapsed().as_secs_f64());
            let t = Instant::now();
            let qs = quotes.find(black_box(text), &toks, &[], &[]);
            best_q = best_q.min(t.elapsed().as_secs_f64());
            found = qs.len();
        }
        let per_mb = |s: f64| s * 1000.0 * MB as f64 / text.len() as f64;
        println!(
            "{:<55} {:>10} {:>9.1} ms {:>9.1} ms {:>9}",
            name,
            text.len(),
            per_mb(best_tok),
            per_mb(best_q),
            found
        );
    }
}
