//! Feature extraction for the tagger: hashed string features of a token and its ±2 window.
//!
//! Every feature is a template id plus some strings, hashed (FNV-1a, 64 bit) without allocating;
//! the trainer and the tagger call the same code, so the model is trained on exactly what it sees.

use super::gazetteer::{Gazetteer, GAZ_TYPES};
use crate::tokens::{Kind, Tokens};

/// Per-token facts the feature templates read.
pub struct TokInfo {
    pub lower: String,
    pub shape: String,
    pub short: String,
    pub upper_initial: bool,
    /// Gazetteer position code per gazetteer type: 0 none, 1 B, 2 I, 3 L, 4 U.
    pub gaz: [u8; GAZ_TYPES],
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

#[derive(Clone, Copy)]
pub struct H(u64);

impl H {
    #[inline]
    pub fn new(template: u8) -> H {
        H((FNV_OFFSET ^ template as u64).wrapping_mul(FNV_PRIME))
    }
    #[inline]
    pub fn s(mut self, s: &str) -> H {
        for &b in s.as_bytes() {
            self.0 = (self.0 ^ b as u64).wrapping_mul(FNV_PRIME);
        }
        // separator
        self.0 = (self.0 ^ 0xff).wrapping_mul(FNV_PRIME);
        self
    }
    #[inline]
    pub fn b(mut self, b: u8) -> H {
        self.0 = (self.0 ^ b as u64).wrapping_mul(FNV_PRIME);
        self
    }
    #[inline]
    pub fn done(self) -> u64 {
        // final avalanche (splitmix64) so low bits are well mixed
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

fn shapes(word: &str) -> (String, String) {
    let mut shape = String::with_capacity(8);
    let mut short = String::with_capacity(6);
    let mut last = '\0';
    for (n, c) in word.chars().enumerate() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if n < 12 {
            shape.push(k);
        }
        if k != last {
            short.push(k);
            last = k;
        }
    }
    (shape, short)
}

/// Normalises the apostrophe variants so "’s" and "'s" are one word.
fn lower_of(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2bc}' | '\u{2032}' => s.push('\''),
            '\u{201c}' | '\u{201d}' | '\u{ab}' | '\u{bb}' => s.push('"'),
            '\u{2013}' | '\u{2014}' => s.push('-'),
            c if c.is_ascii() => s.push(c.to_ascii_lowercase()),
            c => s.extend(c.to_lowercase()),
        }
    }
    s
}

/// Token facts for one sentence (token range `range`).
pub fn infos(text: &str, toks: &Tokens, range: std::ops::Range<usize>, gaz: &Gazetteer) -> Vec<TokInfo> {
    let mut out: Vec<TokInfo> = Vec::with_capacity(range.len());
    for i in range.clone() {
        let w = toks.tokens[i].span.of(text);
        let (shape, short) = shapes(w);
        out.push(TokInfo {
            lower: lower_of(w),
            shape,
            short,
            upper_initial: w.chars().next().is_some_and(char::is_uppercase),
            gaz: [0; GAZ_TYPES],
        });
    }
    gaz.mark(&mut out, toks, range.start);
    out
}

const PAD: &str = "<s>";

/// All feature hashes of token `i` of the sentence (`info`), appended to `out`.
pub fn features(info: &[TokInfo], kinds_all_caps: bool, i: usize, out: &mut Vec<u64>) {
    let n = info.len();
    let t = &info[i];
    let lw = |k: isize| -> &str {
        let j = i as isize + k;
        if j < 0 || j >= n as isize {
            PAD
        } else {
            &info[j as usize].lower
        }
    };
    let sh = |k: isize| -> &str {
        let j = i as isize + k;
        if j < 0 || j >= n as isize {
            PAD
        } else {
            &info[j as usize].short
        }
    };
    out.push(H::new(0).done());
    out.push(H::new(1).s(&t.lower).done());
    out.push(H::new(2).s(&t.shape).done());
    out.push(H::new(3).s(&t.short).done());
    let chars: Vec<(usize, char)> = t.lower.char_indices().collect();
    let nc = chars.len();
    for k in 1..=4usize {
        if nc > k {
            out.push(H::new(4).b(k as u8).s(&t.lower[..chars[k].0]).done());
            out.push(H::new(5).b(k as u8).s(&t.lower[chars[nc - k].0..]).done());
        }
    }
    if i == 0 {
        out.push(H::new(6).done());
        out.push(H::new(7).s(&t.short).done());
    }
    if kinds_all_caps {
        out.push(H::new(8).s(&t.short).done());
        out.push(H::new(9).s(&t.lower).done());
    }
    for (k, tpl) in [(-2isize, 10u8), (-1, 11), (1, 12), (2, 13)] {
        out.push(H::new(tpl).s(lw(k)).done());
        out.push(H::new(tpl + 10).s(sh(k)).done());
    }
    out.push(H::new(30).s(lw(-1)).s(&t.lower).done());
    out.push(H::new(31).s(&t.lower).s(lw(1)).done());
    out.push(H::new(32).s(sh(-1)).s(&t.short).s(sh(1)).done());
    out.push(H::new(33).s(lw(-1)).s(&t.short).done());
    out.push(H::new(34).s(&t.short).s(lw(1)).done());
    // gazetteer positions: own token and neighbours
    for (g, &code) in t.gaz.iter().enumerate() {
        if code != 0 {
            out.push(H::new(40).b(g as u8).b(code).done());
            out.push(H::new(41).b(g as u8).b(code).s(&t.short).done());
        }
    }
    for (k, tpl) in [(-1isize, 42u8), (1, 43)] {
        let j = i as isize + k;
        if j >= 0 && j < n as isize {
            for (g, &code) in info[j as usize].gaz.iter().enumerate() {
                if code != 0 {
                    out.push(H::new(tpl).b(g as u8).b(code).done());
                }
            }
        }
    }
}

/// Is the sentence written in capitals (a headline)?
pub fn all_caps(text: &str, toks: &Tokens, range: std::ops::Range<usize>) -> bool {
    let mut letters = 0;
    let mut upper_words = 0;
    for i in range {
        if toks.tokens[i].kind != Kind::Word {
            continue;
        }
        let w = toks.tokens[i].span.of(text);
        letters += 1;
        if w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
            upper_words += 1;
        }
    }
    letters >= 2 && upper_words * 10 >= letters * 8
}
