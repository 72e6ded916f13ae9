//! The parser over the number layer's tokens: what a rule asks of a token, and the codes
//! (phone numbers, digit codes) blocked before the grammar runs.

use super::*;
use crate::text;

/// The grammar's view of the tokens of one text. Its rules are methods spread over the
/// modules of this layer (`scan`, `hedges`, `amounts`, `suffixes`, `expressions`, `dates`).
pub(crate) struct Parser<'a> {
    pub text: &'a str,
    pub t: &'a [Tok<'a>],
    /// Tokens inside phone numbers and codes: never numbers.
    pub blocked: Vec<bool>,
    /// Tokens a spelled-out number may start at (`words::may_start`, asked once per token).
    pub(super) num_word: Vec<bool>,
}

/// A token that is one dash or hyphen (`text::is_dash`).
pub(crate) fn is_dash(s: &str) -> bool {
    one_char(s).is_some_and(text::is_dash)
}

/// A token that is one minus sign (`text::is_minus_sign`).
pub(crate) fn is_minus(s: &str) -> bool {
    one_char(s).is_some_and(text::is_minus_sign)
}

/// A token that is one apostrophe (`text::is_apostrophe`): "'s", "’90s".
pub(crate) fn is_apostrophe(s: &str) -> bool {
    one_char(s).is_some_and(text::is_apostrophe)
}

/// The character of a one-character token.
fn one_char(s: &str) -> Option<char> {
    let mut cs = s.chars();
    cs.next().filter(|_| cs.next().is_none())
}

// `GRAMMAR_WORDS`: the words of this layer's string literals, as a `word_filter` (build.rs).
include!(concat!(env!("OUT_DIR"), "/grammar_words.rs"));

/// May `w` be one of the grammar's words? Surely not when the answer is false.
fn grammar_word(w: &str) -> bool {
    super::word_filter::may_contain(&GRAMMAR_WORDS, w)
}

impl<'a> Parser<'a> {
    pub(super) fn new(text: &'a str, t: &'a [Tok<'a>]) -> Parser<'a> {
        let num_word = (0..t.len()).map(|i| words::may_start(t, i)).collect();
        let mut p = Parser { text, t, blocked: vec![false; t.len()], num_word };
        p.block_codes();
        p
    }

    pub(super) fn n(&self) -> usize {
        self.t.len()
    }

    /// Can a number, date or time start at token `i`? Not at a plain word (letters a-z only,
    /// lower-cased) that no rule of the grammar names and no spelled-out number starts with:
    /// the rules read a word by comparing it with string literals of this layer
    /// (`GRAMMAR_WORDS` holds all their words), so at "government" or "Smith" none can match and
    /// `scan::best_at` skips the token without running them. Anything else may start one.
    ///
    /// Three rules read a word through a derived form, so those forms count too: a plural
    /// ("billions", `words::plural_scale`; "fifths", `words::denominator`) and a million code
    /// ("MAUD", `units::million_code`). Glued numbers ("twentyfifth") are number words.
    pub(super) fn may_start_at(&self, i: usize) -> bool {
        let Some(t) = self.t.get(i) else { return false };
        let w: &str = &t.low;
        if t.kind != TokKind::Word || !w.bytes().all(|b| b.is_ascii_lowercase()) || self.num_word[i] {
            return true;
        }
        grammar_word(w)
            || w.strip_suffix('s').is_some_and(grammar_word)
            || w.strip_prefix('m').is_some_and(grammar_word)
    }

    /// `words::parse_words` at `i`, ruling most tokens out by their stored `may_start`.
    pub(super) fn parse_words(&self, i: usize) -> Option<words::WordNum> {
        if !self.num_word.get(i).copied().unwrap_or(false) {
            return None;
        }
        words::parse_words(self.t, i)
    }

    /// Lower-cased word at `i`, or "" when `i` is not a word.
    pub(super) fn word(&self, i: usize) -> &str {
        match self.t.get(i) {
            Some(t) if t.kind == TokKind::Word => &t.low,
            _ => "",
        }
    }

    /// Lower-cased text of any token at `i` ("" past the end).
    pub(super) fn low(&self, i: usize) -> &str {
        self.t.get(i).map_or("", |t| t.low.as_ref())
    }

    pub(super) fn raw(&self, i: usize) -> &str {
        self.t.get(i).map_or("", |t| &self.text[t.s..t.e])
    }

    pub(super) fn is_num(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == TokKind::Num)
    }

    /// Token `i` exists and has no whitespace before it.
    pub(super) fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.sp)
    }

    pub(super) fn plain_int(&self, i: usize) -> bool {
        self.is_num(i) && !self.t[i].low.contains([',', '.'])
    }

    #[allow(dead_code)]
    pub(super) fn int_at(&self, i: usize) -> Option<u32> {
        if self.plain_int(i) && self.t[i].low.len() <= 4 {
            self.t[i].low.parse().ok()
        } else {
            None
        }
    }

    /// Phone numbers ("(206) 555-1212", "650-650-6500", "+44 20 7946 0958") and digit codes
    /// ("133-03-03-2020") are blocked from the number grammar. ISO dates are not.
    pub(super) fn block_codes(&mut self) {
        let t = self.t;
        let mut i = 0;
        while i < t.len() {
            if t[i].kind != TokKind::Num || (i > 0 && self.blocked[i - 1]) {
                i += 1;
                continue;
            }
            // collect groups of plain integers separated by one of - . space, or in ( )
            let plus = i > 0 && t[i - 1].low == "+" && !t[i].sp;
            let paren = i > 0 && t[i - 1].low == "(" && !t[i].sp;
            let mut groups = vec![i];
            let mut j = i + 1;
            let mut seps = Vec::new();
            if !self.plain_int(i) && !t[i].low.contains('.') {
                i += 1;
                continue;
            }
            loop {
                if paren && groups.len() == 1 && self.low(j) == ")" && self.is_num(j + 1) {
                    seps.push(" ");
                    groups.push(j + 1);
                    j += 2;
                    continue;
                }
                if j + 1 < t.len()
                    && !t[j].sp
                    && (t[j].low == "." || one_char(&t[j].low).is_some_and(text::is_hyphen))
                    && t[j + 1].kind == TokKind::Num
                    && !t[j + 1].sp
                    && self.plain_int(j + 1)
                {
                    seps.push("-");
                    groups.push(j + 1);
                    j += 2;
                    continue;
                }
                if j < t.len() && t[j].kind == TokKind::Num && t[j].sp && self.plain_int(j) && (plus || paren)
                {
                    seps.push(" ");
                    groups.push(j);
                    j += 1;
                    continue;
                }
                break;
            }
            // "650.650.6500" lexes as "650.650" + "." + "6500": split digits on dots instead
            let digits: String = groups.iter().map(|&g| t[g].low.replace('.', "")).collect();
            let lens: Vec<usize> = groups.iter().map(|&g| t[g].low.replace('.', "").len()).collect();
            let dotted = t[i].low.contains('.');
            let is_date = groups.len() == 3 && lens[0] == 4 && lens[1] <= 2 && lens[2] <= 2;
            let phone = !is_date
                && ((groups.len() >= 3 && digits.len() >= 9)
                    || (groups.len() >= 2 && digits.len() >= 7 && (plus || paren))
                    || (groups.len() == 2 && lens[0] == 3 && lens[1] == 4 && !dotted)
                    || (groups.len() >= 4 && digits.len() >= 8)
                    || (dotted && groups.len() == 2 && digits.len() >= 10));
            if phone {
                let from = if plus || paren { i - 1 } else { i };
                for b in from..j {
                    self.blocked[b] = true;
                }
                i = j;
            } else {
                i += 1;
            }
        }
    }
}
