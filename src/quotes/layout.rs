//! Speakers given by the page's layout rather than by a reporting verb: transcript turns
//! (`"PENCE: Well, look, …`) and a signature line under a quote (`— President Obama, tweeting
//! after the speech.`). Each function looks at a bounded window of tokens.

use super::cues::{is_in, BETWEEN, DETERMINERS, INTRO, STOP};
use super::speakers::{Ctx, Found, QTok, Rule};
use crate::text::{is_dash, is_quote_mark, starts_upper};
use crate::tokens::Kind;

fn word<'a>(ctx: &Ctx<'a>, i: usize) -> Option<&'a str> {
    let t = ctx.tokens.tokens.get(i)?;
    (t.kind == Kind::Word).then(|| t.span.of(ctx.text))
}

/// The last token of the `NAME:` that opens a transcript turn (`"PENCE: …`, `"Chris Matthews:
/// …`): one word in capitals, or two or three capitalised words, right after the opening mark
/// and followed by a colon.
pub fn turn_header(ctx: &Ctx, q: &QTok) -> Option<usize> {
    let h = q.first + 1;
    let first = word(ctx, h)?;
    let caps = |w: &str| w.chars().count() >= 2 && w.chars().all(|c| c.is_alphabetic() && c.is_uppercase());
    if caps(first) {
        return (h + 1 < q.end && ctx.lw(h + 1) == ":").then_some(h);
    }
    // a full name: "Chris Matthews:"
    let mut k = h;
    while k < q.end && k < h + 3 && word(ctx, k).is_some_and(|w| starts_upper(w) && w.len() > 1) {
        k += 1;
    }
    (k >= h + 2 && k + 1 < q.end && ctx.lw(k) == ":").then_some(k - 1)
}

/// The speaker of a transcript turn: its header names them, but a speaker never lies inside
/// its own quote, so the nearest other capitalised mention of the header's (last) word is
/// reported, the nearest before the quote first. `mentions` holds, per header word, the
/// positions of its capitalised mentions in text order (see [`turn_mentions`]).
pub fn turn_speaker(ctx: &Ctx, q: &QTok, h: usize, mentions: &Mentions) -> Option<Found> {
    let at = mentions.get(ctx.lw(h))?;
    let before = at.partition_point(|&m| m < q.first);
    let after = at.partition_point(|&m| m < q.end);
    let m = *before.checked_sub(1).and_then(|k| at.get(k)).or_else(|| at.get(after))?;
    Some(Found { first: m, end: m + 1, span_end: m + 1, cue: None, rule: Rule::OtherParagraph })
}

/// Capitalised mentions of each transcript header word, by case-folded word.
pub type Mentions<'a> = std::collections::HashMap<&'a str, Vec<usize>>;

/// Token positions of every capitalised occurrence of the words that head transcript turns
/// ("VIDEO:" is a caption, not a speaker: its word is mentioned in lower case).
pub fn turn_mentions<'a>(ctx: &'a Ctx, heads: &[usize]) -> Mentions<'a> {
    let mut out: Mentions = heads.iter().map(|&h| (ctx.lw(h), Vec::new())).collect();
    if out.is_empty() {
        return out;
    }
    for i in 0..ctx.tokens.tokens.len() {
        if let Some(v) = out.get_mut(ctx.lw(i)) {
            if word(ctx, i).is_some_and(starts_upper) {
                v.push(i);
            }
        }
    }
    out
}

/// A short line naming the source under a quote: `-President Obama, tweeting after Clinton's
/// speech.`, `Dean Baker, Center for Economic and Policy Research."`. The line is paragraph `p`:
/// an optional dash, a capitalised name, then nothing or a comma and a description, with no
/// finite verb and no quote of its own.
pub fn signature_line(ctx: &Ctx, p: usize) -> Option<Found> {
    let range = ctx.tokens.paragraphs.get(p)?.clone();
    if range.is_empty() || range.len() > 16 {
        return None;
    }
    let raw = |i: usize| ctx.tokens.tokens[i].span.of(ctx.text);
    let mut end = range.end;
    while end > range.start && (matches!(raw(end - 1), "." | ",") || raw(end - 1).chars().all(is_quote_mark))
    {
        end -= 1;
    }
    let mut a = range.start;
    let dash = raw(a).chars().next().is_some_and(is_dash);
    if dash {
        a += 1;
    }
    if a >= end || !word(ctx, a).is_some_and(starts_upper) || ctx.pronoun(a) {
        return None;
    }
    if (a..end).any(|k| raw(k).chars().any(is_quote_mark) && !matches!(ctx.lw(k), "'s" | "\u{2019}s")) {
        return None;
    }
    let (s, b) = ctx.np_forward(a, end)?;
    if raw(a).chars().count() < 2 {
        return None;
    }
    // after a dash, a name alone; else a name and its description ("Dean Baker, Center for
    // Economic and Policy Research"): a bare capitalised line is a heading or narration
    if b == end && dash {
        return Some(Found { first: s, end: b, span_end: b, cue: None, rule: Rule::OtherParagraph });
    }
    if b >= end || raw(b) != "," || (b + 1..end).any(|k| ctx.finite(k)) {
        return None;
    }
    // without a dash, the description is a name too (an affiliation), not a clause
    if !dash && !(b + 1..end).all(|k| word(ctx, k).is_none_or(|w| starts_upper(w) || ctx.lw(k).len() <= 3)) {
        return None;
    }
    let span_end = if dash { b } else { end };
    Some(Found { first: s, end: b, span_end, cue: None, rule: Rule::OtherParagraph })
}

/// Words that open a clause or qualify a number, capitalised only because they open a sentence.
const OPENERS: &[&str] = &[
    "when",
    "while",
    "if",
    "as",
    "although",
    "though",
    "because",
    "since",
    "unless",
    "once",
    "only",
    "more",
    "less",
    "about",
    "almost",
    "nearly",
    "even",
    "outside",
    "inside",
    "then",
    "why",
    "how",
    "what",
    "where",
    "there",
    "here",
    "so",
    "for",
    "of",
    "it",
    "this",
    "that",
    "instead",
    "meanwhile",
    "indeed",
    "still",
    "yet",
    "also",
    "now",
    "today",
    "yesterday",
    "last",
    "next",
    "such",
    "like",
    "unlike",
    "despite",
    "among",
    "under",
    "over",
    "through",
    "without",
    "within",
    "across",
    "against",
    "toward",
    "towards",
];

/// The first actor of the sentence before a quote inside it: a personal pronoun or a name
/// (`When Trump finally wrapped up — "…"`, `There's still time for Cruz to … the "Washington
/// cartel"`). For a partial quote that no cue and no sentence subject attributes, this is a
/// better guess than a speaker carried from other paragraphs.
pub fn first_actor(ctx: &Ctx, q: &QTok, lo: usize) -> Option<Found> {
    let s0 = ctx.tokens.sentences.get(ctx.tokens.sentence_of(q.first))?.start;
    if s0 >= q.first {
        return None;
    }
    let start = s0.max(lo).max(q.first.saturating_sub(60));
    if start == s0 {
        if let Some(f) = quantity_subject(ctx, s0, q.first) {
            return Some(f);
        }
    }
    for k in start..q.first {
        let Some(w) = word(ctx, k) else { continue };
        let lw = ctx.lw(k);
        if matches!(lw, "he" | "she" | "they" | "we" | "i") {
            return Some(Found { first: k, end: k + 1, span_end: k + 1, cue: None, rule: Rule::Subject });
        }
        if !starts_upper(w)
            || w.chars().count() < 2
            || ctx.pronoun(k)
            || is_in(OPENERS, lw)
            || is_in(STOP, lw)
            || is_in(DETERMINERS, lw)
            || is_in(INTRO, lw)
            || is_in(BETWEEN, lw)
            || (k == s0 && (lw.ends_with("ly") || lw.ends_with("ing")))
        {
            continue;
        }
        let (a, b) = ctx.np_forward(k, q.first)?;
        return Some(Found { first: a, end: b, span_end: b, cue: None, rule: Rule::Subject });
    }
    None
}

/// The main clause's report in a sentence that introduces a block quote below it: the first
/// finite reporting verb with a noun phrase right before it, in tokens `lo..end` (`Schoen
/// elaborated in an editorial that superdelegates pledged to Clinton may reconsider.` ¶ `"…"`).
pub fn main_report(ctx: &Ctx, lo: usize, end: usize) -> Option<Found> {
    let s0 = ctx.tokens.sentences.get(ctx.tokens.sentence_of(end.checked_sub(1)?))?.start.max(lo);
    for k in s0.max(end.saturating_sub(80))..end {
        if ctx.finite(k) {
            let (a, b) = ctx.np_backward(k, s0)?;
            return Some(Found {
                first: a,
                end: b,
                span_end: b,
                cue: Some(ctx.span(k, k + 1)),
                rule: Rule::Left,
            });
        }
    }
    None
}

/// A sentence that opens with a quantity of people as its subject: `Only 52 percent of
/// registered voters agreed that …`, `About four in 10 said they were "angry"`, `Several said …`.
/// The speaker runs from the quantity to the verb.
fn quantity_subject(ctx: &Ctx, s0: usize, hi: usize) -> Option<Found> {
    let mut k = s0;
    while k < hi && k < s0 + 4 && (QUANTITY_OPENERS.contains(&ctx.lw(k)) || ctx.lw(k) == ",") {
        k += 1;
    }
    let t = ctx.tokens.tokens.get(k)?;
    let quantity = if t.kind == Kind::Number {
        matches!(ctx.lw(k + 1), "percent" | "%" | "in" | "of")
    } else {
        t.kind == Kind::Word && QUANTITIES.contains(&ctx.lw(k))
    };
    if !quantity || k >= hi {
        return None;
    }
    let mut e = k + 1;
    // up to the verb ("agreed", "said"), a clause or a mark
    let part = |e: usize| {
        ctx.tokens.tokens[e].kind == Kind::Number
            || (ctx.is_word(e) && !ctx.finite(e) && !matches!(ctx.lw(e), "who" | "that" | "which"))
    };
    while e < hi && e < k + 10 && part(e) {
        e += 1;
    }
    Some(Found { first: k, end: e, span_end: e, cue: None, rule: Rule::Subject })
}

const QUANTITY_OPENERS: &[&str] =
    &["only", "about", "nearly", "almost", "more", "than", "just", "roughly", "however"];
const QUANTITIES: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "several",
    "many",
    "most",
    "half",
    "few",
    "dozens",
    "hundreds",
    "thousands",
];
