//! Document-level features (Ratinov & Roth 2009, "context aggregation"): what the rest of the
//! document says about a capitalised token's word, so that the mentions of one name are tagged
//! alike. For "OLSEN WINS" in a headline: the word is written "Olsen" mid-sentence elsewhere
//! (a name, not a capitalised common word), it ends a longer capitalised name there ("Maria
//! Olsen"), and the word before it there is "Ms." (its word class).
//!
//! Computed once per document from the text alone (no labels), before tagging; the trainer
//! computes them the same way on whole training documents.

use super::features::H;
use super::features::{all_caps, lower};
use super::wordclass::WordClasses;
use crate::tokens::{Kind, Tokens};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The keys are already well-mixed hashes: the map uses them as they are.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = x;
    }
}

/// Feature hashes per token (0 = none): eight from the text (`doc_features`: casing, runs,
/// `CTX` previous-word and `CTX` next-word classes of other mentions), then two from the labels
/// of the name's other mentions (`history_features`).
pub const DOC_FEATS: usize = 10;
/// The first of the label-history slots.
pub const HIST: usize = 8;
/// Contexts of other mentions used, each side.
const CTX: usize = 3;
/// Mentions whose contexts are kept per word (the first ones in the document).
const CTX_KEEP: usize = 4;
pub type DocFeats = [u64; DOC_FEATS];

/// Where a capitalised token stands: mid-sentence, first word of a sentence, in an all-caps line.
#[derive(Clone, Copy, PartialEq)]
enum Pos {
    Mid = 0,
    First = 1,
    Caps = 2,
}

/// Counts over one word's occurrences in the document.
#[derive(Default, Clone, Copy)]
struct Stat {
    /// capitalised, mid-sentence, in a mixed-case line
    cap_mid: u16,
    /// all lower-case
    low: u16,
    /// first / last word of a run of two or more capitalised words (mixed-case lines)
    run_first: u16,
    run_last: u16,
    /// the class hashes of the words before and after its first capitalised occurrences in
    /// mixed-case lines, and those occurrences' token indices
    ctx: [(u64, u64, u32); CTX_KEEP],
    n_ctx: u8,
}

/// One occurrence's own contribution (to take it out again: "elsewhere" means other mentions).
#[derive(Clone, Copy)]
struct Own {
    key: u64,
    pos: Pos,
    upper: bool,
    low: bool,
    run_first: bool,
    run_last: bool,
}

/// A word's document key: its lower-cased spelling, hashed.
fn key(w: &str) -> u64 {
    let mut h = H::new(69);
    if w.is_ascii() {
        for &b in w.as_bytes() {
            h = h.b(b.to_ascii_lowercase());
        }
        h.done()
    } else {
        h.s(&lower(w)).done()
    }
}

fn upper_initial(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// The document features of every token of the text (`out[i]` for token `i`).
pub fn doc_features(text: &str, toks: &Tokens, wc: &WordClasses, out: &mut Vec<DocFeats>) {
    let n = toks.tokens.len();
    out.clear();
    out.resize(n, [0; DOC_FEATS]);
    let mut own: Vec<Option<Own>> = vec![None; n];
    let mut stats: HashMap<u64, Stat, BuildHasherDefault<KeyHasher>> = HashMap::default();
    for sent in &toks.sentences {
        let caps = all_caps(text, toks, sent.clone());
        let first_word = (sent.start..sent.end).find(|&i| toks.tokens[i].kind == Kind::Word);
        for i in sent.clone() {
            if toks.tokens[i].kind != Kind::Word {
                continue;
            }
            let w = toks.tokens[i].span.of(text);
            let upper = upper_initial(w);
            let low = w.chars().next().is_some_and(char::is_lowercase);
            if !upper && !low {
                continue;
            }
            let pos = if caps {
                Pos::Caps
            } else if Some(i) == first_word {
                Pos::First
            } else {
                Pos::Mid
            };
            let cap_word = |j: usize| {
                j >= sent.start
                    && j < sent.end
                    && toks.tokens[j].kind == Kind::Word
                    && upper_initial(toks.tokens[j].span.of(text))
            };
            let in_run = upper && !caps;
            let o = Own {
                key: key(w),
                pos,
                upper,
                low,
                run_first: in_run && (i == 0 || !cap_word(i.wrapping_sub(1))) && cap_word(i + 1),
                run_last: in_run && i > 0 && cap_word(i - 1) && !cap_word(i + 1),
            };
            let s = stats.entry(o.key).or_default();
            if upper && pos == Pos::Mid {
                s.cap_mid += 1;
            }
            if upper && pos != Pos::Caps && (s.n_ctx as usize) < CTX_KEEP {
                let class = |j: usize| {
                    if j < sent.start || j >= sent.end {
                        PAD_CLASS
                    } else {
                        wc.feats(&lower(toks.tokens[j].span.of(text)))[3]
                    }
                };
                s.ctx[s.n_ctx as usize] = (class(i.wrapping_sub(1)), class(i + 1), i as u32);
                s.n_ctx += 1;
            }
            s.low += low as u16;
            s.run_first += o.run_first as u16;
            s.run_last += o.run_last as u16;
            own[i] = Some(o);
        }
    }
    for (i, o) in own.iter().enumerate() {
        let Some(o) = o else { continue };
        if !o.upper {
            continue;
        }
        let s = stats[&o.key];
        let cap_mid = s.cap_mid - (o.pos == Pos::Mid) as u16;
        let low = s.low - o.low as u16;
        let run_first = s.run_first - o.run_first as u16;
        let run_last = s.run_last - o.run_last as u16;
        let casing = (cap_mid > 0) as u8 | ((low > 0) as u8) << 1;
        out[i][0] = H::new(60).b(o.pos as u8).b(casing).done();
        let runs = (run_first > 0) as u8 | ((run_last > 0) as u8) << 1;
        if runs != 0 {
            out[i][1] = H::new(61).b(o.pos as u8).b(runs).done();
        }
        // the classes around the other mentions (each class once, in text order)
        let others = || s.ctx[..s.n_ctx as usize].iter().filter(|c| c.2 as usize != i);
        let (mut np, mut nn) = (0, 0);
        for (k, c) in others().enumerate() {
            if np < CTX && !others().take(k).any(|d| d.0 == c.0) {
                out[i][2 + np] = c.0 ^ PREV_SALT;
                np += 1;
            }
            if nn < CTX && !others().take(k).any(|d| d.1 == c.1) {
                out[i][2 + CTX + nn] = c.1 ^ NEXT_SALT;
                nn += 1;
            }
        }
    }
}

/// The class hash of the padding outside a sentence, and the salts that make a context class
/// a feature of its own (not the word's own class feature).
const PAD_CLASS: u64 = 0x7a3d_5c1e_9b24_6f80;
const PREV_SALT: u64 = 0x1f2e_3d4c_5b6a_7988;
const NEXT_SALT: u64 = 0x8899_aabb_ccdd_eeff;

/// Label-history features (Ratinov & Roth's "prediction aggregation"): for a capitalised token,
/// the label most often given to the same word in the document's other mentions, whether those
/// all agree, and whether the word also stands untagged elsewhere. `ents` are (first token,
/// end token, label index): the first pass's mentions when tagging, the (perturbed) gold
/// mentions when training. Written into slots `HIST..` of `out` (which `doc_features` sized).
pub fn history_features(text: &str, toks: &Tokens, ents: &[(usize, usize, usize)], out: &mut [DocFeats]) {
    #[derive(Default, Clone, Copy)]
    struct Votes {
        label: [u16; 4],
        capitalised: u16,
    }
    let n = toks.tokens.len().min(out.len());
    let mut own: Vec<Option<(u64, Option<usize>)>> = vec![None; n];
    let mut votes: HashMap<u64, Votes, BuildHasherDefault<KeyHasher>> = HashMap::default();
    for (i, o) in own.iter_mut().enumerate() {
        let w = toks.tokens[i].span.of(text);
        if toks.tokens[i].kind == Kind::Word && upper_initial(w) {
            let k = key(w);
            votes.entry(k).or_default().capitalised += 1;
            *o = Some((k, None));
        }
    }
    for &(a, b, label) in ents {
        for (k, l) in own.iter_mut().take(b.min(n)).skip(a).flatten() {
            *l = Some(label);
            votes.entry(*k).or_default().label[label] += 1;
        }
    }
    for (i, o) in own.iter().enumerate() {
        let Some((k, l)) = *o else { continue };
        let mut v = votes[&k];
        v.capitalised -= 1;
        if let Some(l) = l {
            v.label[l] -= 1;
        }
        let tagged: u16 = v.label.iter().sum();
        if tagged == 0 {
            continue;
        }
        let best = (0..4).fold(0, |b, x| if v.label[x] > v.label[b] { x } else { b });
        let pure = v.label[best] == tagged;
        let untagged = v.capitalised > tagged;
        out[i][HIST] = H::new(70).b(best as u8).done();
        out[i][HIST + 1] = H::new(71).b(best as u8).b(pure as u8).b(untagged as u8).done();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn feats(text: &str) -> (crate::tokens::Tokens, Vec<DocFeats>) {
        let toks = tokenize(text);
        let mut out = Vec::new();
        doc_features(text, &toks, &WordClasses::default(), &mut out);
        (toks, out)
    }

    fn at(text: &str, toks: &crate::tokens::Tokens, word: &str, nth: usize) -> usize {
        (0..toks.tokens.len()).filter(|&i| toks.tokens[i].span.of(text) == word).nth(nth).unwrap()
    }

    /// A headline word written as a name elsewhere gets other features than a headline word
    /// never seen mixed-case; a token's own mention does not count as "elsewhere".
    #[test]
    fn headline_words_see_their_other_mentions() {
        let text = "VORLAND BUYS MILLS\n\nShares of Vorland rose. Maria Vorland said the mills were old.";
        let (toks, f) = feats(text);
        let (vorland, buys) = (at(text, &toks, "VORLAND", 0), at(text, &toks, "BUYS", 0));
        assert_ne!(f[vorland][0], f[buys][0], "casing elsewhere");
        assert_ne!(f[vorland][1], 0, "ends a longer name elsewhere (Maria Vorland)");
        assert_eq!(f[buys][1], 0);
        // "Maria" is written once: nothing elsewhere
        let maria = at(text, &toks, "Maria", 0);
        assert_eq!(f[maria][1..HIST], [0; HIST - 1]);
    }

    /// Label history: the other mentions' labels, never the token's own.
    #[test]
    fn history_is_other_mentions() {
        let text = "Vorland won. Vorland lost. Kessa spoke.";
        let toks = tokenize(text);
        let mut out = vec![[0; DOC_FEATS]; toks.tokens.len()];
        let (v0, v1, k) =
            (at(text, &toks, "Vorland", 0), at(text, &toks, "Vorland", 1), at(text, &toks, "Kessa", 0));
        history_features(text, &toks, &[(v0, v0 + 1, 1), (k, k + 1, 0)], &mut out);
        assert_eq!(out[v0][HIST], 0, "its only other mention is untagged");
        assert_eq!(out[v1][HIST], H::new(70).b(1).done(), "ORG elsewhere");
        assert_eq!(out[k][HIST], 0);
    }
}
