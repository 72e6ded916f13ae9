//! Feature extraction for the tagger: hashed string features of a token and its ±2 window.
//!
//! Every feature is a template id plus some strings, hashed (FNV-1a, 64 bit) without allocating;
//! the trainer and the tagger call the same code, so the model is trained on exactly what it sees.

use super::gazetteer::{Gazetteer, GAZ_TYPES};
use super::recase::Recase;
use crate::text::is_invisible_in_word;
use crate::tokens::Tokens;

/// Per-token facts the feature templates read.
pub struct TokInfo {
    pub lower: String,
    pub shape: String,
    pub short: String,
    pub upper_initial: bool,
    /// Gazetteer position code per gazetteer type: 0 none, 1 B, 2 I, 3 L, 4 U.
    pub gaz: [u8; GAZ_TYPES],
}

/// Read access to one sentence's token facts (`[TokInfo]` for the trainer, `SentBuf` for the
/// tagger, which keeps the strings of a sentence in one reused buffer).
pub trait Info {
    fn n(&self) -> usize;
    fn lower(&self, j: usize) -> &str;
    fn shape(&self, j: usize) -> &str;
    fn short(&self, j: usize) -> &str;
    fn upper_initial(&self, j: usize) -> bool;
    fn gaz(&self, j: usize) -> &[u8; GAZ_TYPES];
    fn gaz_mut(&mut self, j: usize) -> &mut [u8; GAZ_TYPES];
}

impl Info for [TokInfo] {
    #[inline]
    fn n(&self) -> usize {
        self.len()
    }
    #[inline]
    fn lower(&self, j: usize) -> &str {
        &self[j].lower
    }
    #[inline]
    fn shape(&self, j: usize) -> &str {
        &self[j].shape
    }
    #[inline]
    fn short(&self, j: usize) -> &str {
        &self[j].short
    }
    #[inline]
    fn upper_initial(&self, j: usize) -> bool {
        self[j].upper_initial
    }
    #[inline]
    fn gaz(&self, j: usize) -> &[u8; GAZ_TYPES] {
        &self[j].gaz
    }
    #[inline]
    fn gaz_mut(&mut self, j: usize) -> &mut [u8; GAZ_TYPES] {
        &mut self[j].gaz
    }
}

#[derive(Clone, Copy)]
struct Rec {
    /// byte offsets into `SentBuf::arena`: lower start, shape start, short start, short end
    at: [u32; 4],
    upper_initial: bool,
    gaz: [u8; GAZ_TYPES],
}

/// The tagger's per-sentence token facts: the same strings as `TokInfo`, in one reused arena.
#[derive(Default)]
pub struct SentBuf {
    arena: String,
    recs: Vec<Rec>,
    /// per token, its lower-case word hashed under the templates `LOWER_TPL` (not finished)
    lh: Vec<[H; 9]>,
    /// per token, its short shape hashed under the templates `SHORT_TPL`
    sh: Vec<[H; 9]>,
    /// the same for the padding outside the sentence
    lpad: [H; 9],
    spad: [H; 9],
}

/// Templates whose hash starts with one token's lower-case word (see `SentBuf::features`).
const LOWER_TPL: [u8; 9] = [1, 9, 10, 11, 12, 13, 30, 31, 33];
/// Templates whose hash starts with one token's short shape.
const SHORT_TPL: [u8; 9] = [3, 7, 8, 20, 21, 22, 23, 32, 34];

/// `H::new(t).s(s)` for each template `t`, the independent hashes interleaved byte by byte.
#[inline]
fn multi(tpls: &[u8; 9], s: &str) -> [H; 9] {
    let mut st = tpls.map(|t| H::new(t).0);
    for &b in s.as_bytes() {
        for x in st.iter_mut() {
            *x = (*x ^ b as u64).wrapping_mul(FNV_PRIME);
        }
    }
    st.map(|x| H((x ^ 0xff).wrapping_mul(FNV_PRIME)))
}

impl Info for SentBuf {
    #[inline]
    fn n(&self) -> usize {
        self.recs.len()
    }
    #[inline]
    fn lower(&self, j: usize) -> &str {
        let a = &self.recs[j].at;
        &self.arena[a[0] as usize..a[1] as usize]
    }
    #[inline]
    fn shape(&self, j: usize) -> &str {
        let a = &self.recs[j].at;
        &self.arena[a[1] as usize..a[2] as usize]
    }
    #[inline]
    fn short(&self, j: usize) -> &str {
        let a = &self.recs[j].at;
        &self.arena[a[2] as usize..a[3] as usize]
    }
    #[inline]
    fn upper_initial(&self, j: usize) -> bool {
        self.recs[j].upper_initial
    }
    #[inline]
    fn gaz(&self, j: usize) -> &[u8; GAZ_TYPES] {
        &self.recs[j].gaz
    }
    #[inline]
    fn gaz_mut(&mut self, j: usize) -> &mut [u8; GAZ_TYPES] {
        &mut self.recs[j].gaz
    }
}

impl SentBuf {
    /// Fills the buffer with the facts of tokens `range` (as `infos` does).
    pub fn fill(
        &mut self,
        text: &str,
        toks: &Tokens,
        recase: &Recase,
        range: std::ops::Range<usize>,
        gaz: &Gazetteer,
    ) {
        self.arena.clear();
        self.recs.clear();
        self.lh.clear();
        self.sh.clear();
        self.lpad = multi(&LOWER_TPL, PAD);
        self.spad = multi(&SHORT_TPL, PAD);
        for i in range.clone() {
            let w = toks.tokens[i].span.of(text);
            let read = recase.word(text, toks, i);
            let l0 = self.arena.len() as u32;
            push_lower(&mut self.arena, w);
            let s0 = self.arena.len() as u32;
            push_shape(&mut self.arena, read);
            let h0 = self.arena.len() as u32;
            push_short(&mut self.arena, read);
            let h1 = self.arena.len() as u32;
            self.lh.push(multi(&LOWER_TPL, &self.arena[l0 as usize..s0 as usize]));
            self.sh.push(multi(&SHORT_TPL, &self.arena[h0 as usize..h1 as usize]));
            self.recs.push(Rec {
                at: [l0, s0, h0, h1],
                upper_initial: upper_initial(read),
                gaz: [0; GAZ_TYPES],
            });
        }
        gaz.mark(self, toks, range.start);
    }

    /// All feature hashes of token `i`, appended to `out`: the same values in the same order as
    /// `features(self, kinds_all_caps, i, out)`, with the single-word hashes precomputed.
    pub fn features(&self, kinds_all_caps: bool, i: usize, out: &mut Vec<u64>) {
        let n = self.recs.len();
        let at = |k: isize| -> Option<usize> {
            let j = i as isize + k;
            if j < 0 || j >= n as isize {
                None
            } else {
                Some(j as usize)
            }
        };
        let lh = |k: isize| -> &[H; 9] { at(k).map_or(&self.lpad, |j| &self.lh[j]) };
        let sh = |k: isize| -> &[H; 9] { at(k).map_or(&self.spad, |j| &self.sh[j]) };
        let lw = |k: isize| -> &str { at(k).map_or(PAD, |j| self.lower(j)) };
        let sw = |k: isize| -> &str { at(k).map_or(PAD, |j| self.short(j)) };
        let lower = self.lower(i);
        let short = self.short(i);
        let (l0, s0) = (&self.lh[i], &self.sh[i]);
        out.push(H::new(0).done());
        out.push(l0[0].done());
        out.push(H::new(2).s(self.shape(i)).done());
        out.push(s0[0].done());
        affixes(lower, out);
        if i == 0 {
            out.push(H::new(6).done());
            out.push(s0[1].done());
        }
        if kinds_all_caps {
            out.push(s0[2].done());
            out.push(l0[1].done());
        }
        for (k, x) in [(-2isize, 0usize), (-1, 1), (1, 2), (2, 3)] {
            out.push(lh(k)[2 + x].done());
            out.push(sh(k)[3 + x].done());
        }
        out.push(lh(-1)[6].s(lower).done());
        out.push(l0[7].s(lw(1)).done());
        out.push(sh(-1)[7].s(short).s(sw(1)).done());
        out.push(lh(-1)[8].s(short).done());
        out.push(s0[8].s(lw(1)).done());
        gaz_features(self, i, short, out);
    }
}

/// Prefix and suffix features (templates 4 and 5) of a lower-case word.
#[inline]
fn affixes(lower: &str, out: &mut Vec<u64>) {
    // byte offsets of the first 4 char boundaries after the start and before the end
    let mut pre = [0usize; 5];
    let mut suf = [0usize; 5];
    let nc;
    if lower.is_ascii() {
        nc = lower.len();
        for k in 1..=4usize.min(nc) {
            pre[k] = k;
            suf[k] = nc - k;
        }
    } else {
        nc = lower.chars().count();
        for (k, (at, _)) in lower.char_indices().take(5).enumerate() {
            pre[k] = at;
        }
        for (k, (at, _)) in lower.char_indices().rev().take(4).enumerate() {
            suf[k + 1] = at;
        }
    }
    for k in 1..=4usize {
        if nc > k {
            out.push(H::new(4).b(k as u8).s(&lower[..pre[k]]).done());
            out.push(H::new(5).b(k as u8).s(&lower[suf[k]..]).done());
        }
    }
}

/// Gazetteer position features (templates 40–43): own token and neighbours.
#[inline]
fn gaz_features<I: Info + ?Sized>(info: &I, i: usize, short: &str, out: &mut Vec<u64>) {
    let n = info.n();
    for (g, &code) in info.gaz(i).iter().enumerate() {
        if code != 0 {
            out.push(H::new(40).b(g as u8).b(code).done());
            out.push(H::new(41).b(g as u8).b(code).s(short).done());
        }
    }
    for (k, tpl) in [(-1isize, 42u8), (1, 43)] {
        let j = i as isize + k;
        if j >= 0 && j < n as isize {
            for (g, &code) in info.gaz(j as usize).iter().enumerate() {
                if code != 0 {
                    out.push(H::new(tpl).b(g as u8).b(code).done());
                }
            }
        }
    }
}

#[inline]
fn upper_initial(w: &str) -> bool {
    match w.as_bytes().first() {
        None => false,
        Some(&b) if b < 0x80 => b.is_ascii_uppercase(),
        _ => w.chars().next().is_some_and(char::is_uppercase),
    }
}

/// `kind_of` of an ASCII byte.
#[inline]
fn kind_of_ascii(b: u8) -> char {
    match b {
        b'A'..=b'Z' => 'X',
        b'a'..=b'z' => 'x',
        b'0'..=b'9' => 'd',
        _ => b as char,
    }
}

#[inline]
fn kind_of(c: char) -> char {
    if c.is_ascii() {
        return kind_of_ascii(c as u8);
    }
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else if c.is_alphabetic() {
        'a'
    } else {
        c
    }
}

// A soft hyphen or zero-width character inside a word ("Eliz\u{AD}abeth", see
// `text::is_invisible_in_word`) is not part of its shape or lower-case form, so the word reads as
// the same word without it.
// An ASCII word (most words) has no invisible character and one kind per byte, read bytewise.
fn push_shape(out: &mut String, word: &str) {
    if word.is_ascii() {
        out.extend(word.bytes().take(12).map(kind_of_ascii));
        return;
    }
    for c in word.chars().filter(|&c| !is_invisible_in_word(c)).take(12) {
        out.push(kind_of(c));
    }
}

fn push_short(out: &mut String, word: &str) {
    let mut last = '\0';
    if word.is_ascii() {
        for k in word.bytes().map(kind_of_ascii) {
            if k != last {
                out.push(k);
                last = k;
            }
        }
        return;
    }
    for c in word.chars().filter(|&c| !is_invisible_in_word(c)) {
        let k = kind_of(c);
        if k != last {
            out.push(k);
            last = k;
        }
    }
}

/// Normalises the apostrophe variants so "’s" and "'s" are one word.
fn push_lower(s: &mut String, word: &str) {
    if word.is_ascii() {
        let start = s.len();
        s.push_str(word);
        s[start..].make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2bc}' | '\u{2032}' => s.push('\''),
            '\u{201c}' | '\u{201d}' | '\u{ab}' | '\u{bb}' => s.push('"'),
            '\u{2013}' | '\u{2014}' => s.push('-'),
            c if is_invisible_in_word(c) => {}
            c if c.is_ascii() => s.push(c.to_ascii_lowercase()),
            c => s.extend(c.to_lowercase()),
        }
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

#[derive(Clone, Copy, Default)]
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

/// Token facts for one sentence (token range `range`); a headline's words are read in their body
/// form (`recase`), for their shape only.
pub fn infos(
    text: &str,
    toks: &Tokens,
    recase: &Recase,
    range: std::ops::Range<usize>,
    gaz: &Gazetteer,
) -> Vec<TokInfo> {
    let mut out: Vec<TokInfo> = Vec::with_capacity(range.len());
    for i in range.clone() {
        let w = toks.tokens[i].span.of(text);
        let read = recase.word(text, toks, i);
        let mut lower = String::with_capacity(w.len());
        push_lower(&mut lower, w);
        let mut shape = String::with_capacity(8);
        push_shape(&mut shape, read);
        let mut short = String::with_capacity(6);
        push_short(&mut short, read);
        out.push(TokInfo { lower, shape, short, upper_initial: upper_initial(read), gaz: [0; GAZ_TYPES] });
    }
    gaz.mark(out.as_mut_slice(), toks, range.start);
    out
}

const PAD: &str = "<s>";

/// All feature hashes of token `i` of the sentence (`info`), appended to `out`.
pub fn features<I: Info + ?Sized>(info: &I, kinds_all_caps: bool, i: usize, out: &mut Vec<u64>) {
    let n = info.n();
    let lw = |k: isize| -> &str {
        let j = i as isize + k;
        if j < 0 || j >= n as isize {
            PAD
        } else {
            info.lower(j as usize)
        }
    };
    let sh = |k: isize| -> &str {
        let j = i as isize + k;
        if j < 0 || j >= n as isize {
            PAD
        } else {
            info.short(j as usize)
        }
    };
    let lower = info.lower(i);
    let short = info.short(i);
    out.push(H::new(0).done());
    out.push(H::new(1).s(lower).done());
    out.push(H::new(2).s(info.shape(i)).done());
    out.push(H::new(3).s(short).done());
    affixes(lower, out);
    if i == 0 {
        out.push(H::new(6).done());
        out.push(H::new(7).s(short).done());
    }
    if kinds_all_caps {
        out.push(H::new(8).s(short).done());
        out.push(H::new(9).s(lower).done());
    }
    for (k, tpl) in [(-2isize, 10u8), (-1, 11), (1, 12), (2, 13)] {
        out.push(H::new(tpl).s(lw(k)).done());
        out.push(H::new(tpl + 10).s(sh(k)).done());
    }
    out.push(H::new(30).s(lw(-1)).s(lower).done());
    out.push(H::new(31).s(lower).s(lw(1)).done());
    out.push(H::new(32).s(sh(-1)).s(short).s(sh(1)).done());
    out.push(H::new(33).s(lw(-1)).s(short).done());
    out.push(H::new(34).s(short).s(lw(1)).done());
    gaz_features(info, i, short, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tagger's precomputed features are the trainer's, value for value.
    #[test]
    fn sentbuf_features_match() {
        let text = "Müller’s SPD-led “Grüne” won 3.6% in NEW YORK, said Dr. Ana Øberg of U.S. Steel Corp. on Friday.";
        let toks = crate::tokens::tokenize(text);
        let gaz = Gazetteer::from_bytes(include_bytes!("gazetteer.bin")).unwrap();
        let range = 0..toks.tokens.len();
        let recase = Recase::new(text, &toks);
        let info = infos(text, &toks, &recase, range.clone(), &gaz);
        let mut buf = SentBuf::default();
        buf.fill(text, &toks, &recase, range.clone(), &gaz);
        for caps in [false, true] {
            for i in 0..range.len() {
                let (mut a, mut b) = (Vec::new(), Vec::new());
                features(info.as_slice(), caps, i, &mut a);
                buf.features(caps, i, &mut b);
                assert_eq!(a, b, "token {i}");
            }
        }
    }
}
