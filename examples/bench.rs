//! Native speed of each stage, single thread, on ~4 KB news articles.
//!
//!     cargo run --release --example bench -- [--only STAGE] [--runs N] FILE.jsonl [FILE.jsonl ...]
//!
//! (`bench/run.sh` passes the Wikinews text from ../shared.) Prints one line per stage in
//! M chars/s (chars = UTF-16 units, as in the JS benchmark), best of N runs (3). `--only STAGE`
//! (a stage's first word: tokens, entities, numbers, quotes, json, serde, whole) runs that stage
//! alone, for a profiler: `valgrind --tool=callgrind target/release/examples/bench --only whole
//! --runs 1 FILE` counts instructions, which a busy machine does not change.

use newsmark::entities::Entities;
use newsmark::numbers::Numbers;
use newsmark::quotes::Quotes;
use newsmark::{export, tokens, Annotator};
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let mut articles = Vec::new();
    let (mut only, mut runs, mut paths) = (None, 3, Vec::new());
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--only" => only = args.next(),
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).expect("--runs N"),
            _ => paths.push(a),
        }
    }
    for path in paths {
        let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        for line in data.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let text = v["text"].as_str().unwrap_or_default();
            // cut into ~4 KB articles at paragraph breaks, as the JS benchmark does
            let mut cur = String::new();
            for para in text.split("\n\n") {
                if !cur.is_empty() {
                    cur.push_str("\n\n");
                }
                cur.push_str(para);
                if cur.len() >= 4000 {
                    articles.push(std::mem::take(&mut cur));
                }
            }
            if cur.len() >= 1000 {
                articles.push(cur);
            }
        }
    }
    assert!(!articles.is_empty(), "usage: bench FILE.jsonl ...");
    let chars: usize = articles.iter().map(|a| a.encode_utf16().count()).sum();
    let toks: Vec<_> = articles.iter().map(|a| tokens::tokenize(a)).collect();
    let (ents, nums, quos) = (Entities::new(), Numbers::new(), Quotes::new());
    let found: Vec<_> = articles.iter().zip(&toks).map(|(a, t)| ents.find(a, t)).collect();
    let annotator = Annotator::new();
    let docs: Vec<_> = articles.iter().map(|a| annotator.annotate(a)).collect();

    let time = |name: &str, f: &dyn Fn()| {
        if only.as_ref().is_some_and(|o| !name.starts_with(o.as_str())) {
            return;
        }
        let best = (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min);
        println!("{name:<28} {:>8.2} M chars/s", chars as f64 / best / 1e6);
    };
    println!("{} articles, {} chars", articles.len(), chars);
    time("tokens", &|| {
        for a in &articles {
            black_box(tokens::tokenize(a));
        }
    });
    time("entities (given tokens)", &|| {
        for (a, t) in articles.iter().zip(&toks) {
            black_box(ents.find(a, t));
        }
    });
    // the entities' spans, which the number stage consults (no number inside a name)
    let names: Vec<Vec<_>> = found.iter().map(|(e, _)| e.iter().map(|x| x.span).collect()).collect();
    time("numbers (given tokens, names)", &|| {
        for ((a, t), n) in articles.iter().zip(&toks).zip(&names) {
            let mut found = nums.find(a, t);
            newsmark::numbers::drop_inside_names(&mut found, n, a);
            black_box(found);
        }
    });
    time("quotes (given entities)", &|| {
        for ((a, t), (e, c)) in articles.iter().zip(&toks).zip(&found) {
            black_box(quos.find(a, t, e, c));
        }
    });
    time("json (document_json, given the document)", &|| {
        for d in &docs {
            black_box(export::document_json(d));
        }
    });
    time("serde wire types (the former JSON path)", &|| {
        for d in &docs {
            black_box(export::Wire::new(d).to_json());
        }
    });
    time("whole pipeline + JSON", &|| {
        for a in &articles {
            black_box(export::annotate_json(&annotator, a));
        }
    });
}
