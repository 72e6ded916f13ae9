//! The number layer's own small lexer: digit runs (with thousands separators and one decimal
//! point), letter runs (with dotted abbreviations such as "a.m." or "U.S."), and single
//! characters of anything else. Whitespace is never a token. Offsets are UTF-8 bytes into the
//! original text.

use crate::text;
use std::borrow::Cow;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    Num,
    Word,
    Punct,
}

#[derive(Clone, Debug)]
pub struct Tok<'a> {
    pub s: usize,
    pub e: usize,
    pub kind: TokKind,
    /// Whitespace (or the start of the text) comes right before this token.
    pub sp: bool,
    /// Lower-cased text (ASCII lower-casing for words; the text itself otherwise), borrowed from
    /// the text where lower-casing changes nothing (most tokens), so that lexing seldom allocates.
    pub low: Cow<'a, str>,
    /// The first character is upper case.
    pub cap: bool,
}

/// Digit runs longer than this are not numbers (serial numbers, hashes, 1 MB of digits).
pub const MAX_DIGITS: usize = 24;

pub fn lex(text: &str) -> Vec<Tok<'_>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut sp = true;
    while i < text.len() {
        let c = text[i..].chars().next().unwrap();
        let cl = c.len_utf8();
        if text::is_space(c) {
            sp = true;
            i += cl;
            continue;
        }
        let start = i;
        let kind;
        let lead_dot = c == '.'
            && sp
            && i + 1 < b.len()
            && b[i + 1].is_ascii_digit()
            && !out.last().is_some_and(|t: &Tok| t.kind == TokKind::Num);
        if c.is_ascii_digit() || lead_dot {
            kind = TokKind::Num;
            i = digits_end(b, i + usize::from(lead_dot));
            if lead_dot {
                let s = &text[start..i];
                out.push(Tok { s: start, e: i, kind, sp, low: Cow::Owned(format!("0{}", s)), cap: false });
                sp = false;
                continue;
            }
            // thousands grouped by spaces: "40 000", "1 000 000", "40\u{202f}000"
            if i - start <= 3 && !out.last().is_some_and(|t: &Tok| t.kind == TokKind::Num) {
                let mut groups = String::from(&text[start..i]);
                let mut j = i;
                loop {
                    let sep = text[j..].chars().next();
                    let sl = sep.filter(|&c| text::is_digit_group_space(c)).map_or(0, char::len_utf8);
                    if sl == 0 {
                        break;
                    }
                    let d = j + sl;
                    if d + 3 <= b.len()
                        && b[d..d + 3].iter().all(|x| x.is_ascii_digit())
                        && !(d + 3 < b.len() && (b[d + 3].is_ascii_digit() || b[d + 3] == b','))
                    {
                        groups.push_str(&text[d..d + 3]);
                        j = d + 3;
                    } else {
                        break;
                    }
                }
                if j > i {
                    // decimals after the last group: "1 234 567.89"
                    if j + 1 < b.len() && b[j] == b'.' && b[j + 1].is_ascii_digit() {
                        let k = digits_end(b, j + 1);
                        groups.push_str(&text[j..k]);
                        j = k;
                    }
                    out.push(Tok { s: start, e: j, kind, sp, low: Cow::Owned(groups), cap: false });
                    i = j;
                    sp = false;
                    continue;
                }
            }
            // Indian grouping: "12,34,567.89" (lakhs), only when it ends in a group of three
            if i - start <= 2 {
                let mut k = i;
                // at most a handful of two-digit groups, which keeps this linear
                while k < i + 18
                    && k + 3 < b.len()
                    && b[k] == b','
                    && b[k + 1].is_ascii_digit()
                    && b[k + 2].is_ascii_digit()
                    && b[k + 3] == b','
                {
                    k += 3;
                }
                if k > i
                    && k + 3 < b.len()
                    && b[k] == b','
                    && b[k + 1..k + 4].iter().all(|x| x.is_ascii_digit())
                    && !(k + 4 < b.len() && b[k + 4].is_ascii_digit())
                {
                    i = k + 4;
                }
            }
            let mut seen_dot = false;
            loop {
                if !seen_dot
                    && i + 3 < b.len()
                    && b[i] == b','
                    && b[i + 1].is_ascii_digit()
                    && b[i + 2].is_ascii_digit()
                    && b[i + 3].is_ascii_digit()
                    && !(i + 4 < b.len() && b[i + 4].is_ascii_digit())
                {
                    i += 4;
                    continue;
                }
                if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() && !seen_dot {
                    seen_dot = true;
                    i = digits_end(b, i + 1);
                    continue;
                }
                break;
            }
        } else if c.is_alphabetic() {
            kind = TokKind::Word;
            i += cl;
            while i < text.len() {
                let d = text[i..].chars().next().unwrap();
                if d.is_alphabetic() {
                    i += d.len_utf8();
                } else {
                    break;
                }
            }
            // Dotted abbreviation made of single letters: "a.m.", "U.S.", "p.m".
            if i - start == cl && c.is_ascii_alphabetic() {
                let mut j = i;
                let mut ok = false;
                while j + 1 < b.len()
                    && b[j] == b'.'
                    && b[j + 1].is_ascii_alphabetic()
                    && !(j + 2 < b.len() && b[j + 2].is_ascii_alphabetic())
                {
                    j += 2;
                    ok = true;
                }
                if ok {
                    if j < b.len() && b[j] == b'.' {
                        j += 1;
                    }
                    i = j;
                }
            }
        } else {
            kind = TokKind::Punct;
            i += cl;
        }
        let s = &text[start..i];
        // (a word of ASCII with no capital is its own lower case)
        let low = if kind == TokKind::Word && (!s.is_ascii() || s.bytes().any(|c| c.is_ascii_uppercase())) {
            Cow::Owned(s.to_lowercase())
        } else {
            Cow::Borrowed(s)
        };
        out.push(Tok { s: start, e: i, kind, sp, low, cap: c.is_uppercase() });
        sp = false;
    }
    out
}

fn digits_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    i
}

/// The value of a digit token ("948,000", "3.6"), or None when it is too long.
pub fn num_value(s: &str) -> Option<f64> {
    let int_len = s.split('.').next().map(|x| x.len()).unwrap_or(0);
    if int_len > MAX_DIGITS || s.len() > MAX_DIGITS * 2 {
        return None;
    }
    let clean: String = s.chars().filter(|&c| c != ',').collect();
    clean.parse::<f64>().ok().filter(|v| v.is_finite())
}
