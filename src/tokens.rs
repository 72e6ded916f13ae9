//! Tokens, sentences and paragraphs: the units the annotators walk.
//!
//! Tokens are spans of the original text; whitespace is never a token. The rules follow the
//! newswire conventions the entity data uses: possessive `'s` and `n't` are split off, hyphens
//! are tokens of their own (so "Iranian-backed" gives "Iranian"), "U.S." and "3.6" and "948,000"
//! stay whole, and a final period stays on a known abbreviation ("Mr.", "Inc.") or an initial.

use crate::lexicon;
use crate::span::Span;
use crate::text::{is_apostrophe, is_dash, is_line_break, is_sentence_end, is_space, is_word_char};
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Letters (maybe with digits, inner apostrophes, periods of an abbreviation).
    Word,
    /// Starts with a digit: "948,000", "3.6", "27th", "F-16" is Word + Punct + Number.
    Number,
    /// One character of anything else: quote marks, brackets, dashes, symbols.
    Punct,
}

#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub span: Span,
    pub kind: Kind,
    /// Whitespace (or the start of the text) comes right before this token.
    pub space_before: bool,
}

#[derive(Debug, Default)]
pub struct Tokens {
    pub tokens: Vec<Token>,
    /// Token index ranges; every token is in exactly one sentence.
    pub sentences: Vec<Range<usize>>,
    /// Token index ranges of the text's lines (news paragraphs are lines); each sentence lies
    /// inside one paragraph.
    pub paragraphs: Vec<Range<usize>>,
}

impl Tokens {
    pub fn text<'t>(&self, text: &'t str, i: usize) -> &'t str {
        self.tokens[i].span.of(text)
    }

    /// Index of the sentence containing token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences.partition_point(|s| s.end <= i)
    }

    /// Index of the paragraph containing token `i`.
    pub fn paragraph_of(&self, i: usize) -> usize {
        self.paragraphs.partition_point(|p| p.end <= i)
    }

    /// The first token whose start is at or after byte `pos`.
    pub fn at_or_after(&self, pos: u32) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }
}

/// Abbreviations that keep their final period. Lower-cased, without the period.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm",
    "maj", "st", "mt", "ft", "rev", "hon", "pres", "supt", "det", "insp", "jr", "sr", "inc", "co", "corp",
    "ltd", "plc", "llc", "bros", "assn", "dept", "univ", "no", "nos", "vs", "etc", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu",
    "thur", "thurs", "fri", "sat", "sun", "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga",
    "ill", "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev",
    "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "approx", "est", "fig", "vol",
    "ave", "blvd", "rd",
];

pub fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w))
}

/// Abbreviations after which a sentence never ends: titles, which precede a name ("Dr."), and
/// "No." and "vs." ("No. 5", "Smith vs. Jones").
fn is_title_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    lexicon::TITLE_ABBREVIATIONS.contains_any_case(w)
        || w.eq_ignore_ascii_case("no")
        || w.eq_ignore_ascii_case("vs")
}

/// Splits `text` into tokens, sentences and paragraphs. Linear in the text's length.
pub fn tokenize(text: &str) -> Tokens {
    let tokens = split_tokens(text);
    let (sentences, paragraphs) = split_sentences(text, &tokens);
    Tokens { tokens, sentences, paragraphs }
}

fn split_tokens(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| if i < n { chars[i].1 } else { '\0' };
    let pos = |i: usize| if i < n { chars[i].0 } else { text.len() };
    let mut out = Vec::with_capacity(n / 5 + 1);
    let mut i = 0;
    let mut space_before = true;
    while i < n {
        let c = at(i);
        if is_space(c) {
            space_before = true;
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if is_word_char(c) {
            kind = if c.is_ascii_digit() { Kind::Number } else { Kind::Word };
            i += 1;
            loop {
                let c = at(i);
                if is_word_char(c) {
                    i += 1;
                } else if (c == '.' || c == ',') && kind == Kind::Number && at(i + 1).is_ascii_digit() {
                    // 3.6, 948,000, 1.234.567
                    i += 2;
                } else if c == '.' && kind == Kind::Word && is_acronym_dot(&chars, start, i) {
                    // U.S., U.N., e.g. (each letter followed by a period)
                    i += 1;
                } else if is_apostrophe(c) && is_word_char(at(i + 1)) && kind == Kind::Word {
                    // O'Brien, rock'n'roll stay whole; possessive 's and n't are split below.
                    let after = at(i + 2);
                    let is_s = matches!(at(i + 1), 's' | 'S') && !is_word_char(after);
                    if is_s {
                        break;
                    }
                    i += 1;
                } else if c == '&'
                    && kind == Kind::Word
                    && at(i + 1).is_alphabetic()
                    && i - start <= 2
                    && at(i - 1).is_uppercase()
                {
                    // AT&T, S&P
                    i += 1;
                } else {
                    break;
                }
            }
            // n't: split "hadn't" into "had" + "n't".
            // (chars are the text's own, so the token is a slice of it; no lower-cased copy is
            // needed for the n't test: only 'N' lower-cases to 'n' and 'T' to 't')
            let tok = &text[pos(start)..pos(i)];
            if kind == Kind::Word
                && i - start > 3
                && matches!(at(i - 3), 'n' | 'N')
                && matches!(at(i - 2), '\'' | '\u{2019}')
                && matches!(at(i - 1), 't' | 'T')
            {
                let cut = i - 3;
                out.push(Token { span: Span::new(pos(start), pos(cut)), kind, space_before });
                out.push(Token { span: Span::new(pos(cut), pos(i)), kind: Kind::Word, space_before: false });
                space_before = false;
                continue;
            }
            // A final period stays on a known abbreviation or a single capital initial ("J.").
            if at(i) == '.' && kind == Kind::Word && !tok.ends_with('.') {
                let initial = tok.chars().count() == 1 && tok.chars().all(char::is_uppercase);
                if initial || is_abbreviation(tok) {
                    i += 1;
                }
            }
        } else if is_apostrophe(c)
            && (at(i + 1) == 's' || at(i + 1) == 'S')
            && !is_word_char(at(i + 2))
            && !space_before
        {
            // possessive 's (after a word)
            kind = Kind::Word;
            i += 2;
        } else {
            kind = Kind::Punct;
            i += 1;
            // CRLF is one line-break token's worth of text; keep the pair together.
            if c == '\r' && at(i) == '\n' {
                i += 1;
            }
        }
        if kind == Kind::Punct && is_line_break(c) {
            space_before = true;
            // line breaks are not tokens, but paragraphs are found from them below
            continue;
        }
        out.push(Token { span: Span::new(pos(start), pos(i)), kind, space_before });
        space_before = false;
    }
    out
}

/// Is the period at char index `i` part of an acronym like "U.S." (single letters each followed
/// by a period)?
fn is_acronym_dot(chars: &[(usize, char)], start: usize, i: usize) -> bool {
    // the segment since the last period is one letter, and the next char is a letter followed by '.'
    let seg_start = (start..i).rev().find(|&k| chars[k].1 == '.').map_or(start, |k| k + 1);
    if i - seg_start != 1 {
        return false;
    }
    let next = chars.get(i + 1).map(|x| x.1);
    let next2 = chars.get(i + 2).map(|x| x.1);
    match next {
        Some(c) if c.is_alphabetic() => {
            next2 == Some('.') || next2.is_none_or(|c| !is_word_char(c)) && seg_start != start
        }
        // the final period of U.S.: already inside an acronym
        _ => seg_start != start,
    }
}

fn split_sentences(text: &str, tokens: &[Token]) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let mut sentences = Vec::new();
    let mut paragraphs = Vec::new();
    let mut para_start = 0;
    let mut sent_start = 0;
    for i in 0..tokens.len() {
        let end = tokens[i].span.end as usize;
        let next = tokens.get(i + 1);
        // a paragraph ends where a line break lies between this token and the next
        let gap = match next {
            Some(n) => &text[end..n.span.start as usize],
            None => "",
        };
        let para_end = next.is_none() || gap.chars().any(is_line_break);
        let sent_end = para_end || ends_sentence(text, tokens, i);
        if sent_end {
            sentences.push(sent_start..i + 1);
            sent_start = i + 1;
        }
        if para_end {
            paragraphs.push(para_start..i + 1);
            para_start = i + 1;
        }
    }
    (sentences, paragraphs)
}

/// Does a sentence end after token `i` (within a paragraph)?
fn ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = tokens[i].span.of(text);
    let Some(next) = tokens.get(i + 1) else { return true };
    let next_text = next.span.of(text);
    // closing quotes or brackets right after the end mark belong to this sentence
    if matches!(next_text, "\"" | "\u{201d}" | "\u{2019}" | ")" | "]" | "'") && !next.space_before {
        return false;
    }
    let last = t.chars().last().unwrap_or(' ');
    let prev_is_end = i > 0
        && is_sentence_end(tokens[i - 1].span.of(text).chars().last().unwrap_or(' '))
        && !tokens[i].space_before;
    let ends = if tokens[i].kind == Kind::Punct
        && (is_sentence_end(last)
            || prev_is_end && matches!(t, "\"" | "\u{201d}" | "\u{2019}" | ")" | "]" | "'"))
    {
        true
    } else if tokens[i].kind == Kind::Word && t.ends_with('.') && t.len() > 1 {
        // "Inc." or "U.S." at the end of a sentence: only when followed by a clear sentence start
        !is_title_abbreviation(t)
            && t.chars().filter(|&c| c == '.').count() >= 1
            && next.space_before
            && is_strong_start(next_text)
            && t.chars().count() > 2
    } else {
        false
    };
    if !ends {
        return false;
    }
    // the next token must look like a sentence start
    let c = next_text.chars().next().unwrap_or(' ');
    next.space_before
        && (c.is_uppercase()
            || c.is_ascii_digit()
            || crate::text::is_quote_mark(c)
            || matches!(c, '(' | '[' | '\u{2014}' | '-'))
}

/// Words that nearly always start a sentence when capitalised after an abbreviation.
fn is_strong_start(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "In"
            | "But"
            | "And"
            | "This"
            | "That"
            | "His"
            | "Her"
            | "Their"
            | "On"
            | "At"
            | "For"
            | "As"
            | "If"
            | "When"
    )
}

/// Is `span` (a token) preceded directly, with no space, by a dash? Used by annotators.
pub fn after_dash(text: &str, span: Span) -> bool {
    text[..span.start as usize].chars().next_back().is_some_and(is_dash)
}
