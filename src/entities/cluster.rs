//! Mention clusters: "Stoltenberg" → "Jens Stoltenberg", "UN" ↔ "United Nations",
//! "AKP" ↔ "Justice and Development Party (AKP)"; two people who share a surname stay apart.

use super::{Cluster, Entity, Label};
use crate::tokens::{Kind, Tokens};

struct Uf(Vec<usize>);

impl Uf {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

/// Name words of a mention: its word tokens, lower-cased, without hyphens.
fn words(text: &str, tokens: &Tokens, e: &Entity) -> Vec<String> {
    let a = tokens.at_or_after(e.span.start);
    let mut out = Vec::new();
    let mut i = a;
    while i < tokens.tokens.len() && tokens.tokens[i].span.end <= e.span.end {
        if tokens.tokens[i].kind != Kind::Punct {
            out.push(tokens.tokens[i].span.of(text).to_lowercase());
        }
        i += 1;
    }
    out
}

fn is_acronym(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| *c != '.').collect();
    (2..=8).contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Initials of the capitalised words ("United Nations" → "UN", "Syrian Observatory for Human
/// Rights" → "SOHR").
fn initials(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// Assigns `Entity::cluster` and returns the clusters, in order of first mention.
pub fn cluster(text: &str, tokens: &Tokens, ents: &mut [Entity]) -> Vec<Cluster> {
    let n = ents.len();
    let mut uf = Uf((0..n).collect());
    let texts: Vec<&str> = ents.iter().map(|e| e.span.of(text)).collect();
    let ws: Vec<Vec<String>> = ents.iter().map(|e| words(text, tokens, e)).collect();
    // 1. the same text is the same entity
    let mut by_text: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for i in 0..n {
        match by_text.get(texts[i]) {
            Some(&j) => uf.union(i, j),
            None => {
                by_text.insert(texts[i], i);
            }
        }
    }
    // 2. a person's short mention joins the one full name whose words end (or start) with it;
    // a one-word ORG or PLACE mention that is the surname of exactly one full PERSON name in the
    // document ("Assad" after "Bashar Al-Assad") is that person
    for i in 0..n {
        if ws[i].is_empty() || ents[i].label == Label::Misc {
            continue;
        }
        if ents[i].label != Label::Person {
            if ws[i].len() != 1 || is_acronym(texts[i]) {
                continue;
            }
            let mut full = (0..n)
                .filter(|&j| ents[j].label == Label::Person && ws[j].len() >= 2 && ws[j].ends_with(&ws[i]));
            let Some(j) = full.next() else { continue };
            if full.any(|k| ws[k] != ws[j]) {
                continue;
            }
            ents[i].label = Label::Person;
        }
        let mut target: Option<&[String]> = None;
        let mut target_i = None;
        let mut ambiguous = false;
        for j in 0..n {
            if ents[j].label != Label::Person || ws[j].len() <= ws[i].len() {
                continue;
            }
            if ws[j].ends_with(&ws[i]) || ws[i].len() == 1 && ws[j].starts_with(&ws[i]) && ws[j].len() == 2 {
                match target {
                    Some(t) if t != ws[j].as_slice() => {
                        ambiguous = true;
                    }
                    Some(_) => {}
                    None => {
                        target = Some(&ws[j]);
                        target_i = Some(j);
                    }
                }
            }
        }
        if !ambiguous {
            if let Some(j) = target_i {
                uf.union(i, j);
            }
        }
    }
    // 3. acronyms: "Long Name (ABBR" right after, or matching initials
    for i in 0..n {
        if !is_acronym(texts[i]) {
            continue;
        }
        let short: String = texts[i].chars().filter(|c| *c != '.').collect();
        for j in 0..n {
            if i == j || ws[j].len() < 2 {
                continue;
            }
            let paren = j + 1 == i && {
                let gap = &text[ents[j].span.end as usize..ents[i].span.start as usize];
                gap.trim() == "("
            };
            let ini = initials(texts[j]);
            if paren || ini == short {
                uf.union(i, j);
                break;
            }
        }
    }
    // clusters in order of first mention; canonical = the longest mention
    let mut root_to_cluster: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    let mut clusters: Vec<Cluster> = Vec::new();
    for i in 0..n {
        let r = uf.find(i);
        let c = *root_to_cluster.entry(r).or_insert_with(|| {
            clusters.push(Cluster { canonical: ents[i].span, label: ents[i].label });
            clusters.len() - 1
        });
        ents[i].cluster = c as u32;
        let cur = clusters[c].canonical;
        let better = texts[i].chars().count() > cur.of(text).chars().count() && !is_acronym(texts[i]);
        if better || is_acronym(cur.of(text)) && !is_acronym(texts[i]) {
            clusters[c].canonical = ents[i].span;
            clusters[c].label = ents[i].label;
        }
    }
    clusters
}
