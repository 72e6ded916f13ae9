//! Document-level features (Ratinov & Roth 2009, "context aggregation", text only): for each
//! capitalised token, how the document writes the same word elsewhere, so that the mentions of
//! one name are tagged alike. For "OLSEN WINS" in a headline: "Olsen" is written capitalised
//! mid-sentence elsewhere (a name, not a capitalised common word: "wins" is written in lower
//! case), and it ends a longer capitalised run there ("Maria Olsen"); with the context flag, the
//! word before those other mentions ("ms.", "said") is a feature too.
//!
//! Computed once per document from the text alone (no labels), before tagging, in one pass over
//! the tokens (hashed counts per lower-cased word); the trainer computes them with this same code
//! on whole training documents. A model uses them only when trained with them (`FLAG_DOC`).
//! Per token it keeps a word index and a byte; per distinct word, a few counts.

use super::features::H;
use super::recase::Recase;
use crate::tokens::{Kind, Tokens};
use std::collections::HashMap;

/// No word (punctuation, numbers, words without case).
const NONE: u32 = u32::MAX;
/// Previous words kept per word (of its first mentions; one of them may be the token's own).
const CTX_KEEP: usize = 3;
/// Previous words of other mentions used as features, at most.
const CTX: usize = 2;

/// Templates (the sentence features use 0–43).
const TPL_CASING: u8 = 60;
const TPL_RUNS: u8 = 61;
const TPL_CTX: u8 = 62;
const TPL_KEY: u8 = 69;

/// Where a word stands (bits 0–1 of its own byte).
const MID: u8 = 0;
const FIRST: u8 = 1;
const CAPS: u8 = 2;
/// What the occurrence is (bits 2–6 of its own byte): capitalised, lower case, first / last
/// word of a run of two or more capitalised words (mixed-case lines only).
const UPPER: u8 = 1 << 2;
const LOWER: u8 = 1 << 3;
const RUN_FIRST: u8 = 1 << 4;
const RUN_LAST: u8 = 1 << 5;

/// Counts over one word's occurrences in the document.
#[derive(Default, Clone, Copy)]
struct Stat {
    /// capitalised mid-sentence, capitalised first in a sentence (mixed-case lines), lower case,
    /// first of a run, last of a run
    counts: [u32; 5],
    /// the previous word's hash and the token, of its first capitalised mid-sentence occurrences
    ctx: [(u64, u32); CTX_KEEP],
    n_ctx: u8,
}

/// The document features of one text.
#[derive(Default)]
pub struct DocFeatures {
    /// per token, its word's index in `stats` (`NONE`: not a cased word)
    word: Vec<u32>,
    /// per token, its position and what it is (`MID`… | `UPPER`…)
    own: Vec<u8>,
    stats: Vec<Stat>,
    /// emit the previous-word features (`TPL_CTX`)
    ctx: bool,
}

/// The counter each occurrence adds to: `Stat::counts` index per own bit, in order.
fn count_slots(own: u8) -> impl Iterator<Item = usize> {
    let pos = own & 3;
    [
        own & UPPER != 0 && pos == MID,
        own & UPPER != 0 && pos == FIRST,
        own & LOWER != 0,
        own & RUN_FIRST != 0,
        own & RUN_LAST != 0,
    ]
    .into_iter()
    .enumerate()
    .filter_map(|(k, on)| on.then_some(k))
}

/// A word's document key: its lower-cased spelling, hashed.
fn key(w: &str) -> u64 {
    let mut h = H::new(TPL_KEY);
    if w.is_ascii() {
        for &b in w.as_bytes() {
            h = h.b(b.to_ascii_lowercase());
        }
    } else {
        for c in w.chars().flat_map(char::to_lowercase) {
            let mut buf = [0u8; 4];
            for &b in c.encode_utf8(&mut buf).as_bytes() {
                h = h.b(b);
            }
        }
    }
    h.done()
}

fn upper_initial(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

impl DocFeatures {
    /// The features of every token of the text; `ctx`: with the previous-word features.
    pub fn new(text: &str, toks: &Tokens, recase: &Recase, ctx: bool) -> DocFeatures {
        let n = toks.tokens.len();
        let mut d = DocFeatures { word: vec![NONE; n], own: vec![0; n], stats: Vec::new(), ctx };
        let mut index: HashMap<u64, u32> = HashMap::new();
        let word = |j: usize| toks.tokens[j].span.of(text);
        let is_word = |j: usize| toks.tokens[j].kind == Kind::Word;
        for sent in &toks.sentences {
            let caps = sent.clone().next().is_some_and(|i| recase.in_headline(i));
            let first_word = sent.clone().find(|&i| is_word(i));
            let cap_word = |j: usize| sent.contains(&j) && is_word(j) && upper_initial(word(j));
            for i in sent.clone().filter(|&i| is_word(i)) {
                let w = word(i);
                let upper = upper_initial(w);
                let lower = w.chars().next().is_some_and(char::is_lowercase);
                if !upper && !lower {
                    continue;
                }
                let pos = if caps {
                    CAPS
                } else if Some(i) == first_word {
                    FIRST
                } else {
                    MID
                };
                let in_run = upper && !caps;
                let before = i > 0 && cap_word(i - 1);
                let after = cap_word(i + 1);
                let own = pos
                    | if upper { UPPER } else { LOWER }
                    | if in_run && !before && after { RUN_FIRST } else { 0 }
                    | if in_run && before && !after { RUN_LAST } else { 0 };
                let next = d.stats.len() as u32;
                let k = *index.entry(key(w)).or_insert(next);
                if k == next {
                    d.stats.push(Stat::default());
                }
                let s = &mut d.stats[k as usize];
                for c in count_slots(own) {
                    s.counts[c] = s.counts[c].saturating_add(1);
                }
                if ctx && upper && pos == MID && (s.n_ctx as usize) < CTX_KEEP {
                    // i > 0: a mid-sentence word has a word before it in its sentence
                    let prev = H::new(TPL_CTX).s(&super::features::lower(word(i - 1))).done();
                    s.ctx[s.n_ctx as usize] = (prev, i as u32);
                    s.n_ctx += 1;
                }
                d.word[i] = k;
                d.own[i] = own;
            }
        }
        d
    }

    /// Appends the document features of token `i` (of the document) to `out`: for a capitalised
    /// word, what its other occurrences are; nothing for other tokens.
    pub fn features(&self, i: usize, out: &mut Vec<u64>) {
        let Some(&k) = self.word.get(i) else { return };
        let own = self.own[i];
        if k == NONE || own & UPPER == 0 {
            return;
        }
        let s = &self.stats[k as usize];
        let mut elsewhere = s.counts;
        for c in count_slots(own) {
            elsewhere[c] -= 1;
        }
        let pos = own & 3;
        let has = |c: usize| (elsewhere[c] > 0) as u8;
        // capitalised mid-sentence, first in a sentence, lower case: none of them for a word
        // found only in all-caps lines (or only here)
        let casing = has(0) | has(1) << 1 | has(2) << 2;
        out.push(H::new(TPL_CASING).b(pos).b(casing).done());
        let runs = has(3) | has(4) << 1;
        if runs != 0 {
            out.push(H::new(TPL_RUNS).b(pos).b(runs).done());
        }
        if self.ctx {
            let others = s.ctx[..s.n_ctx as usize].iter().filter(|c| c.1 as usize != i);
            let mut seen = [0u64; CTX];
            let mut n = 0;
            for &(h, _) in others {
                if n < CTX && !seen[..n].contains(&h) {
                    seen[n] = h;
                    n += 1;
                    out.push(h);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn feats(text: &str, ctx: bool) -> (Tokens, Vec<Vec<u64>>) {
        let toks = tokenize(text);
        let recase = Recase::new(text, &toks);
        let d = DocFeatures::new(text, &toks, &recase, ctx);
        let out = (0..toks.tokens.len())
            .map(|i| {
                let mut f = Vec::new();
                d.features(i, &mut f);
                f
            })
            .collect();
        (toks, out)
    }

    fn at(text: &str, toks: &Tokens, word: &str, nth: usize) -> usize {
        (0..toks.tokens.len()).filter(|&i| toks.tokens[i].span.of(text) == word).nth(nth).unwrap()
    }

    /// A headline word written as a name elsewhere gets other features than a headline word
    /// written in lower case elsewhere; a token's own occurrence does not count as "elsewhere".
    #[test]
    fn headline_words_see_their_other_mentions() {
        let text = "VORLAND BUYS MILLS\n\nShares of Vorland rose as it buys more. Maria Vorland said the mills were old.";
        let (toks, f) = feats(text, false);
        let (vorland, buys) = (at(text, &toks, "VORLAND", 0), at(text, &toks, "BUYS", 0));
        assert_ne!(f[vorland][0], f[buys][0], "casing elsewhere");
        assert_eq!(f[vorland].len(), 2, "ends a longer name elsewhere (Maria Vorland)");
        assert_eq!(f[buys].len(), 1);
        // "Maria" (first in its sentence) is written once: nothing elsewhere
        let maria = at(text, &toks, "Maria", 0);
        assert_eq!(f[maria], vec![H::new(TPL_CASING).b(FIRST).b(0).done()]);
        // lower-case words and punctuation have none
        assert!(f[at(text, &toks, "rose", 0)].is_empty());
        assert!(f[at(text, &toks, ".", 0)].is_empty());
        // the two body mentions of "Vorland" see each other (and the headline says nothing)
        for nth in 0..2 {
            let v = at(text, &toks, "Vorland", nth);
            assert_eq!(f[v][0], H::new(TPL_CASING).b(MID).b(1).done(), "capitalised mid-sentence elsewhere");
        }
    }

    /// With the context flag, a capitalised token gets the words before its other mentions, never
    /// the word before itself.
    #[test]
    fn previous_words_of_other_mentions() {
        let text = "Yesterday Ms. Tarrel spoke. Then Tarrel left, and Ms. Tarrel came back.";
        let (toks, f) = feats(text, true);
        let ctx = |w: &str| H::new(TPL_CTX).s(w).done();
        let t0 = at(text, &toks, "Tarrel", 0);
        let t1 = at(text, &toks, "Tarrel", 1);
        assert!(f[t0].contains(&ctx("then")) && f[t0].contains(&ctx("ms.")), "both other mentions");
        assert_eq!(f[t1].iter().filter(|&&h| h == ctx("ms.")).count(), 1, "each word once");
        assert!(!f[t1].contains(&ctx("then")), "not its own");
        let (_, plain) = feats(text, false);
        assert!(plain[t1].len() < f[t1].len());
    }

    /// The trainer's features (`features::infos` + `features`, then the document's) are the
    /// tagger's (`SentBuf`, then the document's), value for value, sentence by sentence of a
    /// document whose names recur across sentences and a headline.
    #[test]
    fn trainer_and_tagger_features_match() {
        use super::super::features::{features, infos, SentBuf};
        use super::super::gazetteer::Gazetteer;
        let text = "KESSARO MINE FLOODED\n\nThe Kessaro mine in Vell flooded on Friday, Ms. Anya Brandt said. \
                    Brandt, who runs Kessaro Holdings, said \u{201c}Vell\u{2019}s\u{201d} pumps failed. kessaro \
                    shares fell 3.6% in NEW YORK.";
        let toks = tokenize(text);
        let gaz = Gazetteer::from_bytes(include_bytes!("gazetteer.bin")).unwrap();
        let recase = Recase::new(text, &toks);
        let docf = DocFeatures::new(text, &toks, &recase, true);
        let mut buf = SentBuf::default();
        let mut with_doc = 0;
        for range in toks.sentences.iter().cloned() {
            let info = infos(text, &toks, &recase, range.clone(), &gaz);
            buf.fill(text, &toks, &recase, range.clone(), &gaz);
            let caps = recase.all_caps(text, &toks, range.clone());
            for i in 0..range.len() {
                let (mut a, mut b) = (Vec::new(), Vec::new());
                features(info.as_slice(), caps, i, &mut a);
                let n = a.len();
                docf.features(range.start + i, &mut a);
                buf.features(caps, i, &mut b);
                docf.features(range.start + i, &mut b);
                assert_eq!(a, b, "token {}", range.start + i);
                with_doc += (a.len() > n) as usize;
            }
        }
        assert!(with_doc >= 10, "the capitalised words have document features ({with_doc})");
    }

    /// Hostile text: no panic, and a bounded, linear amount of work and memory.
    #[test]
    fn hostile_text() {
        for text in ["", "A", "\u{1F600}Ä ÖÖ öö", &"A B ".repeat(5000), &"\"".repeat(1000)] {
            let (toks, f) = feats(text, true);
            assert_eq!(f.len(), toks.tokens.len());
        }
    }
}
