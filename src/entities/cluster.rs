//! Mention clusters: "Stoltenberg" → "Jens Stoltenberg", "UN" ↔ "United Nations",
//! "AKP" ↔ "Justice and Development Party (AKP)"; two people who share a surname stay apart.

use super::{Cluster, Entity, Label};
use crate::text::is_invisible_in_word;
use crate::tokens::{Kind, Tokens};
use std::borrow::Cow;
use std::collections::HashMap;

/// Short mentions longer than this many words are not matched to longer names (none are in news;
/// the bound keeps the suffix index linear).
const MAX_SHORT: usize = 8;

/// The full names that a short mention could stand for: the first (in document order), and
/// whether they disagree (then the mention is ambiguous and joins none).
#[derive(Clone, Copy)]
struct Found<'a> {
    first: usize,
    words: &'a [String],
    mixed: bool,
}

impl<'a> Found<'a> {
    fn add<K: std::hash::Hash + Eq>(map: &mut HashMap<K, Found<'a>>, key: K, j: usize, words: &'a [String]) {
        map.entry(key).and_modify(|f| f.mixed |= f.words != words).or_insert(Found {
            first: j,
            words,
            mixed: false,
        });
    }

    fn or(&self, other: &Found<'a>) -> Found<'a> {
        Found {
            first: self.first.min(other.first),
            words: if self.first <= other.first { self.words } else { other.words },
            mixed: self.mixed || other.mixed || self.words != other.words,
        }
    }
}

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
            // a soft hyphen or zero-width character inside a word does not make it another name
            let w = tokens.tokens[i].span.of(text);
            if w.contains(is_invisible_in_word) {
                out.push(w.replace(is_invisible_in_word, "").to_lowercase());
            } else {
                out.push(w.to_lowercase());
            }
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
    // 1. the same text is the same entity (a soft hyphen or zero-width character inside a word
    // does not make another text: "Eliz\u{AD}abeth Warren" is "Elizabeth Warren")
    let keys: Vec<Cow<str>> = texts
        .iter()
        .map(|t| match t.contains(is_invisible_in_word) {
            true => Cow::Owned(t.replace(is_invisible_in_word, "")),
            false => Cow::Borrowed(*t),
        })
        .collect();
    let mut by_text: HashMap<&str, usize> = HashMap::new();
    for (i, t) in keys.iter().enumerate() {
        let t: &str = t;
        match by_text.get(t) {
            Some(&j) => uf.union(i, j),
            None => {
                by_text.insert(t, i);
            }
        }
    }
    // 2. a person's short mention joins the one full name whose words end (or start) with it;
    // a one-word ORG or PLACE mention that is the surname of exactly one full PERSON name in the
    // document ("Assad" after "Bashar Al-Assad") is that person.
    // The full names are indexed by their word suffixes (and two-word names by their first word)
    // so that this stays linear in the number of mentions, whatever the document.
    let mut by_suffix: HashMap<&[String], Found> = HashMap::new();
    let mut by_first: HashMap<&str, Found> = HashMap::new();
    for (j, w) in ws.iter().enumerate() {
        if ents[j].label != Label::Person || w.len() < 2 {
            continue;
        }
        for s in 1..w.len().min(MAX_SHORT + 1) {
            Found::add(&mut by_suffix, &w[w.len() - s..], j, w);
        }
        if w.len() == 2 {
            Found::add(&mut by_first, w[0].as_str(), j, w);
        }
    }
    for i in 0..n {
        if ws[i].is_empty() || ws[i].len() > MAX_SHORT || ents[i].label == Label::Misc {
            continue;
        }
        let by_end = by_suffix.get(ws[i].as_slice());
        if ents[i].label != Label::Person {
            if ws[i].len() != 1 || is_acronym(texts[i]) {
                continue;
            }
            match by_end {
                Some(f) if !f.mixed => ents[i].label = Label::Person,
                _ => continue,
            }
        }
        let by_start = if ws[i].len() == 1 { by_first.get(ws[i][0].as_str()) } else { None };
        let target = match (by_end, by_start) {
            (Some(a), Some(b)) => Some(a.or(b)),
            (a, b) => a.or(b).copied(),
        };
        if let Some(Found { first, mixed: false, .. }) = target {
            uf.union(i, first);
        }
    }
    // 3. acronyms: "Long Name (ABBR" right after, or matching initials (the first such name)
    let mut by_initials: HashMap<String, [usize; 2]> = HashMap::new();
    for j in 0..n {
        if ws[j].len() >= 2 {
            let e = by_initials.entry(initials(texts[j])).or_insert([j, usize::MAX]);
            if e[0] != j && e[1] == usize::MAX {
                e[1] = j;
            }
        }
    }
    for i in 0..n {
        if !is_acronym(texts[i]) {
            continue;
        }
        let short: String = texts[i].chars().filter(|c| *c != '.').collect();
        let paren = i > 0 && ws[i - 1].len() >= 2 && {
            let gap = &text[ents[i - 1].span.end as usize..ents[i].span.start as usize];
            gap.trim() == "("
        };
        let by_ini =
            by_initials.get(&short).and_then(|js| js.iter().copied().find(|&j| j != i && j != usize::MAX));
        let j = match (paren, by_ini) {
            (true, Some(j)) => Some(j.min(i - 1)),
            (true, None) => Some(i - 1),
            (false, j) => j,
        };
        if let Some(j) = j {
            uf.union(i, j);
        }
    }
    // clusters in order of first mention; canonical = the longest mention
    let mut root_to_cluster: HashMap<usize, usize> = HashMap::new();
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
