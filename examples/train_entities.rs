//! Trains the entity tagger (`src/entities/model.bin`) and builds the gazetteer
//! (`src/entities/gazetteer.bin`). Training time only: nothing here ships. See
//! `src/entities/MODEL.md` for the commands, data and figures.
//!
//! ```text
//! cargo run --release --example train_entities -- gaz training/cache/gaz.tsv src/entities/gazetteer.bin
//! cargo run --release --example train_entities -- gaz-recode src/entities/gazetteer.bin   (older file → compact version)
//! cargo run --release --example train_entities -- train [--data FILE:WEIGHT]... [--epochs 10]
//!     [--bits 17] [--mincount 3] [--prune 0] [--levels 127] [--holdout 0] [--seed 0]
//!     [--out src/entities/model.bin] [--calibration-from MODEL] [--eval FILE]...
//! cargo run --release --example train_entities -- requant MODEL OUT LEVELS [--prune 0]
//!     (a model's weights quantised again at fewer levels: the size/accuracy trade without training)
//! cargo run --release --example train_entities -- eval FILE [--labels PER,ORG,LOC] [--lenient-the]
//!     [--reliability]
//! cargo run --release --example train_entities -- show FILE [--scores]
//! cargo run --release --example train_entities -- bench FILE
//! ```
//! Training data: JSON Lines `{"text", "entities": [{"start", "end", "label"}]}` with code-point
//! offsets and labels PER/ORG/LOC/MISC (the format of `../shared/data`, and of the silver files
//! `training/silver.py` writes). Deterministic for the same inputs and flags.

use newsmark::entities::features;
use newsmark::entities::gazetteer::{self, Gazetteer, GAZ_NAMES};
use newsmark::entities::model::{viterbi, Calibration, Model, CALIBRATION_OFFSET, LABELS, TAGS};
use newsmark::entities::recase::Recase;
use newsmark::entities::Entities;
use newsmark::tokens::{tokenize, Tokens};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};

fn open(path: &str) -> Box<dyn BufRead> {
    let f = std::fs::File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    if path.ends_with(".gz") {
        // no gzip crate: pipe through the system's gzip (reaped when the trainer exits)
        #[allow(clippy::zombie_processes)]
        let child = std::process::Command::new("gzip")
            .args(["-dc", path])
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("gzip");
        Box::new(BufReader::new(child.stdout.expect("gzip stdout")))
    } else {
        Box::new(BufReader::new(f))
    }
}

/// A sentence's token range and its gold BIO tags.
type Sentence = (std::ops::Range<usize>, Vec<u8>);

struct Doc {
    text: String,
    /// (byte start, byte end, label index)
    ents: Vec<(usize, usize, usize)>,
}

fn label_index(l: &str) -> Option<usize> {
    match l {
        "PER" | "PERSON" => Some(0),
        "ORG" => Some(1),
        "LOC" | "PLACE" => Some(2),
        "MISC" => Some(3),
        _ => None,
    }
}

fn read_docs(path: &str) -> Vec<Doc> {
    let mut out = Vec::new();
    for line in open(path).lines() {
        let line = line.unwrap();
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        let text = v["text"].as_str().unwrap_or("").to_string();
        let mut byte_of: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        byte_of.push(text.len());
        let mut ents = Vec::new();
        if let Some(arr) = v["entities"].as_array() {
            for e in arr {
                let s = e["start"].as_u64().unwrap() as usize;
                let en = e["end"].as_u64().unwrap() as usize;
                if let (Some(l), true) = (label_index(e["label"].as_str().unwrap_or("")), en < byte_of.len())
                {
                    ents.push((byte_of[s], byte_of[en], l));
                }
            }
        }
        out.push(Doc { text, ents });
    }
    out
}

/// Sentences of a document as (token range, BIO tags), dropping those whose gold spans do not
/// fall on token boundaries.
fn sentences(doc: &Doc, toks: &Tokens) -> (Vec<Sentence>, usize) {
    let n = toks.tokens.len();
    let mut tags = vec![0u8; n];
    let mut bad = vec![false; n];
    for &(s, e, l) in &doc.ents {
        let a = toks.tokens.partition_point(|t| (t.span.end as usize) <= s);
        let mut b = a;
        while b < n && (toks.tokens[b].span.start as usize) < e {
            b += 1;
        }
        let aligned =
            a < b && toks.tokens[a].span.start as usize == s && toks.tokens[b - 1].span.end as usize == e;
        if !aligned {
            for x in bad.iter_mut().take(b.max(a + 1).min(n)).skip(a) {
                *x = true;
            }
            continue;
        }
        tags[a] = 1 + 2 * l as u8;
        for t in tags.iter_mut().take(b).skip(a + 1) {
            *t = 2 + 2 * l as u8;
        }
    }
    let mut out = Vec::new();
    let mut dropped = 0;
    for sent in &toks.sentences {
        let mut a = sent.start;
        while a < sent.end {
            let b = (a + 200).min(sent.end);
            // an entity cut by a window or sentence end: drop the piece
            let cut = (tags[a].is_multiple_of(2) && tags[a] != 0)
                || (b < n && tags[b].is_multiple_of(2) && tags[b] != 0);
            if bad[a..b].iter().any(|&x| x) || cut {
                dropped += 1;
            } else {
                out.push((a..b, tags[a..b].to_vec()));
            }
            a = b;
        }
    }
    (out, dropped)
}

struct Sent {
    /// offsets into `feats` per token (len = tokens + 1)
    offs: Vec<u32>,
    feats: Vec<u32>,
    gold: Vec<u8>,
    weight: f32,
}

fn all_feats(
    doc: &Doc,
    toks: &Tokens,
    recase: &Recase,
    range: std::ops::Range<usize>,
    gaz: &Gazetteer,
) -> Vec<Vec<u64>> {
    let info = features::infos(&doc.text, toks, recase, range.clone(), gaz);
    let caps = recase.all_caps(&doc.text, toks, range);
    (0..info.len())
        .map(|i| {
            let mut f = Vec::new();
            features::features(info.as_slice(), caps, i, &mut f);
            f
        })
        .collect()
}

fn arg_values(args: &[String], flag: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in args.windows(2) {
        if w[0] == flag {
            out.push(w[1].clone());
        }
    }
    out
}

fn arg(args: &[String], flag: &str, default: &str) -> String {
    arg_values(args, flag).pop().unwrap_or_else(|| default.to_string())
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn gaz_path() -> String {
    std::env::var("GAZ").unwrap_or_else(|_| "src/entities/gazetteer.bin".to_string())
}

fn load_gaz() -> Gazetteer {
    let bytes = std::fs::read(gaz_path()).unwrap_or_default();
    Gazetteer::from_bytes(&bytes).unwrap_or_default()
}

fn train(args: &[String]) {
    let epochs: usize = arg(args, "--epochs", "10").parse().unwrap();
    // extra epochs over the weight-1 (gold) data only, after the mixed ones
    let gold_epochs: usize = arg(args, "--gold-epochs", "0").parse().unwrap();
    let bits: u8 = arg(args, "--bits", "17").parse().unwrap();
    let mincount: u32 = arg(args, "--mincount", "3").parse().unwrap();
    let seed: u64 = arg(args, "--seed", "0").parse().unwrap();
    let out_path = arg(args, "--out", "src/entities/model.bin");
    let gaz = load_gaz();
    eprintln!("gazetteer: {} entries", gaz.len());
    let mask = (1u64 << bits) - 1;
    // pass 1: read, align, count features
    let mut corpus: Vec<(Doc, Tokens, Vec<Sentence>, f32)> = Vec::new();
    let mut counts: HashMap<u64, u32> = HashMap::new();
    // every `holdout`-th document of each file is kept out of training; the score calibration
    // is fitted on them
    let holdout: usize = arg(args, "--holdout", "0").parse().unwrap();
    let mut held: Vec<Doc> = Vec::new();
    for spec in arg_values(args, "--data") {
        let (path, w) = match spec.rsplit_once(':') {
            Some((p, w)) if w.parse::<f32>().is_ok() => (p.to_string(), w.parse::<f32>().unwrap()),
            _ => (spec.clone(), 1.0),
        };
        let docs = read_docs(&path);
        let (mut ns, mut nt, mut nd) = (0, 0, 0);
        for (di, doc) in docs.into_iter().enumerate() {
            if holdout > 0 && di % holdout == holdout - 1 {
                held.push(doc);
                continue;
            }
            let toks = tokenize(&doc.text);
            let (sents, dropped) = sentences(&doc, &toks);
            let recase = Recase::new(&doc.text, &toks);
            nd += dropped;
            for (r, _) in &sents {
                ns += 1;
                nt += r.len();
                for f in all_feats(&doc, &toks, &recase, r.clone(), &gaz) {
                    for h in f {
                        *counts.entry(h).or_insert(0) += 1;
                    }
                }
            }
            corpus.push((doc, toks, sents, w));
        }
        eprintln!("{path} (weight {w}): {ns} sentences, {nt} tokens, {nd} dropped (unaligned)");
    }
    let bias = features::H::new(0).done();
    let keep = |h: u64| h == bias || counts.get(&h).copied().unwrap_or(0) >= mincount;
    eprintln!(
        "{} distinct features, {} kept",
        counts.len(),
        counts.iter().filter(|(h, _)| keep(**h)).count()
    );
    // pass 2: hashed, filtered feature rows
    let mut data: Vec<Sent> = Vec::new();
    for (doc, toks, sents, w) in &corpus {
        let recase = Recase::new(&doc.text, toks);
        for (r, gold) in sents {
            let mut offs = vec![0u32];
            let mut feats = Vec::new();
            for f in all_feats(doc, toks, &recase, r.clone(), &gaz) {
                feats.extend(f.into_iter().filter(|&h| keep(h)).map(|h| (h & mask) as u32));
                offs.push(feats.len() as u32);
            }
            data.push(Sent { offs, feats, gold: gold.clone(), weight: *w });
        }
    }
    drop(corpus);
    drop(counts);
    let rows = 1usize << bits;
    let nt = (TAGS + 1) * TAGS;
    let mut w = vec![0f32; rows * TAGS];
    let mut u = vec![0f64; rows * TAGS];
    let mut tw = vec![0f32; nt];
    let mut tu = vec![0f64; nt];
    let mut c = 1f64;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ seed.wrapping_mul(0x2545_f491_4f6c_dd1d) | 1);
    let mut em: Vec<[f32; TAGS]> = Vec::new();
    let mut pred = Vec::new();
    let evals = arg_values(args, "--eval");
    for epoch in 0..epochs + gold_epochs {
        for k in (1..order.len()).rev() {
            let j = (rng.next() % (k as u64 + 1)) as usize;
            order.swap(k, j);
        }
        let mut errors = 0usize;
        let mut total = 0usize;
        for &si in &order {
            let s = &data[si];
            if epoch >= epochs && s.weight < 1.0 {
                continue;
            }
            let n = s.gold.len();
            em.clear();
            for i in 0..n {
                let mut e = [0f32; TAGS];
                for &f in &s.feats[s.offs[i] as usize..s.offs[i + 1] as usize] {
                    let base = f as usize * TAGS;
                    for t in 0..TAGS {
                        e[t] += w[base + t];
                    }
                }
                em.push(e);
            }
            viterbi(&em, &[], &tw, &mut pred);
            total += n;
            if pred != s.gold {
                let d = s.weight;
                let cd = c * d as f64;
                for i in 0..n {
                    let (g, p) = (s.gold[i] as usize, pred[i] as usize);
                    if g != p {
                        errors += 1;
                        for &f in &s.feats[s.offs[i] as usize..s.offs[i + 1] as usize] {
                            let base = f as usize * TAGS;
                            w[base + g] += d;
                            u[base + g] += cd;
                            w[base + p] -= d;
                            u[base + p] -= cd;
                        }
                    }
                    let pg = if i == 0 { 0 } else { 1 + s.gold[i - 1] as usize };
                    let pp = if i == 0 { 0 } else { 1 + pred[i - 1] as usize };
                    if (pg, g) != (pp, p) {
                        tw[pg * TAGS + g] += d;
                        tu[pg * TAGS + g] += cd;
                        tw[pp * TAGS + p] -= d;
                        tu[pp * TAGS + p] -= cd;
                    }
                }
            }
            c += 1.0;
        }
        eprintln!("epoch {}: token errors {:.4}", epoch + 1, errors as f64 / total.max(1) as f64);
    }
    let avg: Vec<f32> = w.iter().zip(&u).map(|(&w, &u)| (w as f64 - u / c) as f32).collect();
    let tavg: Vec<f32> = tw.iter().zip(&tu).map(|(&w, &u)| (w as f64 - u / c) as f32).collect();
    let prune: f32 = arg(args, "--prune", "0").parse().unwrap();
    let levels: f32 = arg(args, "--levels", "127").parse().unwrap();
    let mut bytes = Model::encode(bits, &avg, &tavg, prune, levels, Calibration::default());
    // the calibration: fitted here on the held-out documents, or copied from a model that was
    // (training/train.sh: fitted on a model trained without them, shipped with one trained on all)
    let calib = if !held.is_empty() {
        let gb = std::fs::read(gaz_path()).unwrap_or_default();
        Some(fit_calibration(Entities::from_bytes(&bytes, &gb), &held))
    } else {
        arg_values(args, "--calibration-from").pop().map(|p| {
            let b = std::fs::read(&p).unwrap_or_else(|e| panic!("{p}: {e}"));
            Model::from_bytes(&b).unwrap_or_else(|| panic!("{p}: not a model")).calib
        })
    };
    if let Some(calib) = calib {
        eprintln!("calibration {calib:?}");
        for (k, x) in [calib.temp, calib.a, calib.b].into_iter().enumerate() {
            let o = CALIBRATION_OFFSET + 4 * k;
            bytes[o..o + 4].copy_from_slice(&x.to_bits().to_le_bytes());
        }
    }
    let nz = avg.chunks(TAGS).filter(|r| r.iter().any(|&x| x != 0.0)).count();
    eprintln!("non-zero rows (float): {nz}; model file {} bytes", bytes.len());
    std::fs::write(&out_path, &bytes).unwrap();
    let gz = std::process::Command::new("sh")
        .args(["-c", &format!("gzip -9c {out_path} | wc -c")])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    eprintln!("wrote {out_path}; gzip -9: {} bytes", gz.unwrap_or_default());
    for e in evals {
        let gb = std::fs::read(gaz_path()).unwrap_or_default();
        let ents = Entities::from_bytes(&bytes, &gb);
        evaluate(&ents, &e, &["PER", "ORG", "LOC", "MISC"], false);
        evaluate(&ents, &e, &["PER", "ORG", "LOC"], true);
    }
}

/// The span with a leading "the " removed when scoring with `--lenient-the` (as score.py does).
fn lenient_edge(text: &str, s: usize, e: usize, lenient_the: bool) -> (usize, usize) {
    if lenient_the && e - s > 4 && text[s..].get(..4).is_some_and(|p| p.eq_ignore_ascii_case("the ")) {
        (s + 4, e)
    } else {
        (s, e)
    }
}

/// The gold (start, end, label) triples of `doc` with a label in `labels`.
fn gold_set(
    doc: &Doc,
    labels: &[usize],
    lenient_the: bool,
) -> std::collections::HashSet<(usize, usize, usize)> {
    doc.ents
        .iter()
        .filter(|e| labels.contains(&e.2))
        .map(|&(s, e, l)| {
            let (s, e) = lenient_edge(&doc.text, s, e, lenient_the);
            (s, e, l)
        })
        .collect()
}

/// (score, right?) for every entity found in `docs` (exact span and label against the gold).
fn scored(ents: &Entities, docs: &[Doc], labels: &[usize], lenient_the: bool) -> Vec<(f32, bool)> {
    let mut out = Vec::new();
    for doc in docs {
        let toks = tokenize(&doc.text);
        let (found, _) = ents.find(&doc.text, &toks);
        let edge = |s: usize, e: usize| lenient_edge(&doc.text, s, e, lenient_the);
        let gold = gold_set(doc, labels, lenient_the);
        for f in found {
            let l = label_index(f.label.as_str()).unwrap();
            if !labels.contains(&l) {
                continue;
            }
            let (s, e) = edge(f.span.start as usize, f.span.end as usize);
            out.push((f.score, gold.contains(&(s, e, l))));
        }
    }
    out
}

fn nll(pairs: &[(f32, bool)]) -> f64 {
    pairs
        .iter()
        .map(|&(p, y)| {
            let p = (p as f64).clamp(1e-6, 1.0 - 1e-6);
            -if y { p.ln() } else { (1.0 - p).ln() }
        })
        .sum::<f64>()
        / pairs.len().max(1) as f64
}

/// Fits the score calibration on held-out documents: the CRF temperature by a grid search on
/// the log loss of the entities found, then a Platt scaling of the span probability's logit
/// (Newton's method on the log loss).
fn fit_calibration(mut ents: Entities, held: &[Doc]) -> Calibration {
    let all = [0, 1, 2, 3];
    let mut best = (f64::INFINITY, 1.0f32);
    let mut temp = 0.5f32;
    while temp <= 64.0 {
        ents.set_calibration(Calibration { temp, a: 1.0, b: 0.0 });
        let loss = nll(&scored(&ents, held, &all, false));
        if loss < best.0 {
            best = (loss, temp);
        }
        temp *= 1.25;
    }
    let temp = best.1;
    ents.set_calibration(Calibration { temp, a: 1.0, b: 0.0 });
    let pairs = scored(&ents, held, &all, false);
    let xs: Vec<(f64, f64)> = pairs
        .iter()
        .map(|&(p, y)| {
            let p = (p as f64).clamp(1e-6, 1.0 - 1e-6);
            ((p / (1.0 - p)).ln(), if y { 1.0 } else { 0.0 })
        })
        .collect();
    let (mut a, mut b) = (1.0f64, 0.0f64);
    for _ in 0..50 {
        let (mut ga, mut gb, mut haa, mut hab, mut hbb) = (0.0, 0.0, 1e-6, 0.0, 1e-6);
        for &(x, y) in &xs {
            let q = 1.0 / (1.0 + (-(a * x + b)).exp());
            let r = q - y;
            ga += r * x;
            gb += r;
            let w = q * (1.0 - q);
            haa += w * x * x;
            hab += w * x;
            hbb += w;
        }
        let det = haa * hbb - hab * hab;
        if det.abs() < 1e-12 {
            break;
        }
        a -= (hbb * ga - hab * gb) / det;
        b -= (haa * gb - hab * ga) / det;
    }
    let calib = Calibration { temp, a: a as f32, b: b as f32 };
    ents.set_calibration(calib);
    let after = scored(&ents, held, &all, false);
    eprintln!(
        "calibration on {} held-out documents ({} entities): temperature {temp:.3} (log loss {:.4}), Platt a {a:.3} b {b:.3} (log loss {:.4})",
        held.len(),
        after.len(),
        best.0,
        nll(&after)
    );
    reliability(&after);
    calib
}

/// Score bins against the share of the entities in them that are right.
fn reliability(pairs: &[(f32, bool)]) {
    let mut bins = [(0usize, 0usize, 0f64); 10];
    for &(p, y) in pairs {
        let k = ((p * 10.0) as usize).min(9);
        bins[k].0 += 1;
        bins[k].1 += y as usize;
        bins[k].2 += p as f64;
    }
    let mut ece = 0.0;
    println!("| score | entities | mean score | precision |");
    println!("|---|---|---|---|");
    for (k, &(n, r, s)) in bins.iter().enumerate() {
        if n == 0 {
            continue;
        }
        let (ms, pr) = (s / n as f64, r as f64 / n as f64);
        ece += (ms - pr).abs() * n as f64;
        println!("| {:.1}–{:.1} | {n} | {ms:.3} | {pr:.3} |", k as f64 / 10.0, (k + 1) as f64 / 10.0);
    }
    println!(
        "expected calibration error {:.3}, log loss {:.4}, {} entities",
        ece / pairs.len().max(1) as f64,
        nll(pairs),
        pairs.len()
    );
}

/// Exact-span micro P/R/F1 like `../shared/eval/score.py` (predicted labels outside `labels`
/// ignored; `lenient_the` strips a leading "the " from both sides).
fn evaluate(ents: &Entities, path: &str, labels: &[&str], lenient_the: bool) -> f64 {
    let docs = read_docs(path);
    let li: Vec<usize> = labels.iter().filter_map(|l| label_index(l)).collect();
    let (mut tp, mut np, mut ng) = ([0usize; 4], [0usize; 4], [0usize; 4]);
    let mut dump = std::env::var("ERRORS").ok().map(|p| std::fs::File::create(p).unwrap());
    for doc in &docs {
        let toks = tokenize(&doc.text);
        let (found, _) = ents.find(&doc.text, &toks);
        let edge = |s: usize, e: usize| lenient_edge(&doc.text, s, e, lenient_the);
        let gold = gold_set(doc, &li, lenient_the);
        for g in &gold {
            ng[g.2] += 1;
        }
        for f in found {
            let l = label_index(f.label.as_str()).unwrap();
            if !li.contains(&l) {
                continue;
            }
            let (s, e) = edge(f.span.start as usize, f.span.end as usize);
            np[l] += 1;
            if gold.contains(&(s, e, l)) {
                tp[l] += 1;
            } else if let Some(f) = dump.as_mut() {
                use std::io::Write;
                writeln!(f, "FP\t{}\t{}", LABELS[l], &doc.text[s..e]).unwrap();
            }
        }
        if let Some(f) = dump.as_mut() {
            use std::io::Write;
            let toks2 = tokenize(&doc.text);
            let (found2, _) = ents.find(&doc.text, &toks2);
            for g in &gold {
                let hit = found2.iter().any(|x| {
                    let (s, e) = edge(x.span.start as usize, x.span.end as usize);
                    (s, e, label_index(x.label.as_str()).unwrap()) == *g
                });
                if !hit {
                    let ctx_s = doc.text[..g.0].char_indices().rev().nth(30).map_or(0, |c| c.0);
                    let ctx_e = doc.text[g.1..].char_indices().nth(30).map_or(doc.text.len(), |c| g.1 + c.0);
                    writeln!(
                        f,
                        "FN\t{}\t{}\t{}",
                        LABELS[g.2],
                        &doc.text[g.0..g.1],
                        doc.text[ctx_s..ctx_e].replace('\n', " ")
                    )
                    .unwrap();
                }
            }
        }
    }
    let f1 = |tp: usize, np: usize, ng: usize| {
        let p = tp as f64 / np.max(1) as f64;
        let r = tp as f64 / ng.max(1) as f64;
        (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
    };
    let mut line = String::new();
    for &l in &li {
        line += &format!(" {} {:.4}", LABELS[l], f1(tp[l], np[l], ng[l]).2);
    }
    let (p, r, f) = f1(tp.iter().sum(), np.iter().sum(), ng.iter().sum());
    println!(
        "{path} [{}{}]: P {p:.4} R {r:.4} F1 {f:.4} |{line}",
        labels.join(","),
        if lenient_the { ", lenient-the" } else { "" }
    );
    f
}

fn build_gaz(args: &[String]) {
    let (input, out) = (&args[0], &args[1]);
    let mut entries = Vec::new();
    let mut s = String::new();
    open(input).read_to_string(&mut s).unwrap();
    for line in s.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let Some((ty, phrase)) = line.split_once('\t') else { continue };
        let Some(bit) = GAZ_NAMES.iter().position(|n| *n == ty) else { panic!("unknown type {ty}") };
        let toks = tokenize(phrase);
        if toks.tokens.is_empty() || toks.tokens.len() > gazetteer::MAX_LEN {
            continue;
        }
        let info =
            features::infos(phrase, &toks, &Recase::default(), 0..toks.tokens.len(), &Gazetteer::default());
        let k = gazetteer::key(info.iter().map(|t| t.lower.as_str()));
        entries.push((k, 1u8 << bit));
    }
    let bytes = Gazetteer::encode(entries);
    std::fs::write(out, &bytes).unwrap();
    eprintln!("wrote {out}: {} bytes", bytes.len());
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("gaz") => build_gaz(&args[1..]),
        // re-encodes a gazetteer file written by an older trainer in the current (compact) version
        Some("gaz-recode") => {
            let gaz = Gazetteer::from_bytes(&std::fs::read(&args[1]).unwrap()).expect("not a gazetteer");
            let bytes = Gazetteer::encode(gaz.entries());
            std::fs::write(&args[1], &bytes).unwrap();
            eprintln!("wrote {}: {} entries, {} bytes", args[1], gaz.len(), bytes.len());
        }
        Some("train") => train(&args[1..]),
        Some("requant") => {
            let m = Model::from_bytes(&std::fs::read(&args[1]).unwrap()).unwrap();
            let w: Vec<f32> = m.weights.iter().map(|&v| v as f32 * m.step).collect();
            let t: Vec<f32> = m.trans.iter().map(|&v| v as f32 * m.step).collect();
            let levels: f32 = args[3].parse().unwrap();
            let prune: f32 = arg(&args, "--prune", "0").parse().unwrap();
            let bytes = Model::encode(m.bits, &w, &t, prune, levels, m.calib);
            std::fs::write(&args[2], &bytes).unwrap();
        }
        Some("eval") => {
            let mb = std::fs::read(arg(&args, "--model", "src/entities/model.bin")).unwrap();
            let gb = std::fs::read(gaz_path()).unwrap();
            let ents = Entities::from_bytes(&mb, &gb);
            let labels = arg(&args, "--labels", "PER,ORG,LOC,MISC");
            let labels: Vec<&str> = labels.split(',').collect();
            let lenient = args.iter().any(|a| a == "--lenient-the");
            evaluate(&ents, &args[1], &labels, lenient);
            if args.iter().any(|a| a == "--reliability") {
                let li: Vec<usize> = labels.iter().filter_map(|l| label_index(l)).collect();
                reliability(&scored(&ents, &read_docs(&args[1]), &li, lenient));
            }
        }
        Some("show") => {
            let mb = std::fs::read(arg(&args, "--model", "src/entities/model.bin")).unwrap();
            let ents = Entities::from_bytes(&mb, &std::fs::read(gaz_path()).unwrap());
            let text = std::fs::read_to_string(&args[1]).unwrap();
            let (found, clusters) = ents.find(&text, &tokenize(&text));
            let scores = args.iter().any(|a| a == "--scores");
            let out: Vec<String> = found
                .iter()
                .map(|e| {
                    let c = clusters[e.cluster as usize].canonical.of(&text);
                    let s = e.span.of(&text);
                    format!(
                        "{s}/{}{}{}",
                        &e.label.as_str()[..3],
                        if c == s { String::new() } else { format!("->{c}") },
                        if scores { format!(" {:.3}", e.score) } else { String::new() }
                    )
                })
                .collect();
            println!("{}", out.join("; "));
        }
        Some("bench") => {
            let docs = read_docs(&args[1]);
            let ents = Entities::new();
            let chars: usize = docs.iter().map(|d| d.text.chars().count()).sum();
            let t = std::time::Instant::now();
            let mut n = 0;
            for _ in 0..3 {
                for d in &docs {
                    let toks = tokenize(&d.text);
                    n += ents.find(&d.text, &toks).0.len();
                }
            }
            let secs = t.elapsed().as_secs_f64();
            println!(
                "{} chars x3 in {secs:.3}s: {:.2} M chars/s (tokenize + entities), {n} entities",
                chars,
                3.0 * chars as f64 / secs / 1e6
            );
        }
        _ => eprintln!("usage: train_entities gaz|train|eval|bench ... (see the file's header)"),
    }
}
