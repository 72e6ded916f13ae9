//! Speaker attribution: ordered rules over the tokens around each quote, first hit wins.
//!
//! 1. Right of the quote, in its sentence: `"…," X said` / `"…," said X` / `"…," X, <appositive>,
//!    said` / `"…," according to X`.
//! 2. Left, in the same sentence after any earlier quote: `according to X, "…"`; else the last
//!    reporting verb before the quote (not an -ing form) and the noun phrase right before it
//!    (`X said: "…"`, `X said that "…"`, `X called it "…"`, `X, who …, said`).
//! 3. The subject of the sentence (after an introductory phrase).
//! 4. The speaker of the nearest quote in the same paragraph.
//! 5. A paragraph that opens with the quote: the previous paragraph's last speaker (or the
//!    next paragraph's, for a quote that runs on).
//!
//! Every search looks at a bounded window of tokens, so the work is linear in the text.

use super::cues::{is_in, is_role, Lexicon, Verb, BETWEEN, DETERMINERS, INTRO, NOUNISH_S, PRONOUNS, STOP};
use crate::span::Span;
use crate::text::{is_dash, is_sentence_end, starts_upper};
use crate::tokens::{Kind, Tokens};
use std::ops::ControlFlow;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Rule {
    Right,
    RightInverted,
    According,
    Left,
    Subject,
    Neighbour,
    OtherParagraph,
}

impl Rule {
    /// Rules that read an explicit speech cue next to the quote.
    pub fn is_strong(self) -> bool {
        matches!(self, Rule::Right | Rule::RightInverted | Rule::According | Rule::Left)
    }
}

#[derive(Clone, Copy, Debug)]
pub struct Found {
    /// Token range of the speaker's head noun phrase (what names are resolved from).
    pub first: usize,
    pub end: usize,
    /// End of the speaker as written: the head plus an appositive ("Hugh Hill, a doctor at
    /// the clinic,"), as news annotation marks it.
    pub span_end: usize,
    pub cue: Option<Span>,
    pub rule: Rule,
}

impl Found {
    /// A speaker that is a bare noun phrase (tokens `first..end`, no appositive).
    fn np(first: usize, end: usize, cue: Option<Span>, rule: Rule) -> Found {
        Found { first, end, span_end: end, cue, rule }
    }
}

/// A quote as the speaker rules see it: its token range.
#[derive(Clone, Copy, Debug)]
pub struct QTok {
    /// The first token of the quote (its opening mark).
    pub first: usize,
    /// One past the quote's last token.
    pub end: usize,
    /// The quote ends in `.`, `!` or `?` inside its marks.
    pub final_stop: bool,
    pub para: usize,
    /// Not a quote: the end of a paragraph, searched for the speaker of the quote after it.
    pub tail: bool,
}

/// What the walk back from a quote in `Ctx::left` saw when it named no speaker; the sentence's
/// subject is read with it.
#[derive(Default)]
struct LeftScan {
    /// The nearest cue before the quote (any form): the cue of whatever speaker is found.
    cue: Option<Span>,
    /// The nearest participle after a comma, between the cue and the quote (`…, saying, "…"`).
    participle_at: Option<usize>,
    /// A finite cue with no noun phrase before it lies between the cue and the quote.
    bare_cue: bool,
}

const CONNECTORS: &[&str] = &[
    "of", "for", "at", "and", "de", "la", "van", "von", "al", "bin", "del", "der", "da", "di", "du", "le",
    "&",
];

/// Irregular verb forms that end a descriptive subject (`the campaign sent out …`, `the piece
/// goes on to …`).
const SUBJECT_END: &[&str] = &[
    "sent", "put", "goes", "made", "took", "gave", "held", "went", "came", "got", "brought", "wrote",
    "spoke", "began", "ran", "won", "lost", "kept", "met", "paid", "sought", "struck", "drew", "threw",
    "knew", "thought",
];

/// Longest speaker, in tokens.
const MAX_NP: usize = 14;
/// How far the right rule looks after a quote, and the left rule before it.
const RIGHT_WINDOW: usize = 60;
const LEFT_WINDOW: usize = 80;

pub struct Ctx<'a> {
    pub text: &'a str,
    pub tokens: &'a Tokens,
    /// The tokens' lower-cased text, one after another in one buffer (no allocation per token);
    /// token `i` is `lower[lower_end[i - 1]..lower_end[i]]` (see `lw`).
    lower: String,
    lower_end: Vec<usize>,
    pub lex: &'a Lexicon,
    /// Token ranges of the quotes, by first token, each with the farthest end so far (so a
    /// token inside any quote, nested or not, is found by one binary search).
    quoted: Vec<(usize, usize)>,
}

impl<'a> Ctx<'a> {
    pub fn new(text: &'a str, tokens: &'a Tokens, lex: &'a Lexicon) -> Ctx<'a> {
        let mut lower = String::with_capacity(text.len());
        let mut lower_end = Vec::with_capacity(tokens.tokens.len());
        for t in &tokens.tokens {
            let s = t.span.of(text);
            // (longer tokens are left empty)
            if s.len() <= 40 {
                if s.is_ascii() {
                    let at = lower.len();
                    lower.push_str(s);
                    lower[at..].make_ascii_lowercase();
                } else {
                    lower.push_str(&s.to_lowercase());
                }
            }
            lower_end.push(lower.len());
        }
        Ctx { text, tokens, lower, lower_end, lex, quoted: Vec::new() }
    }

    /// Records the quotes' token ranges (`first..end`, sorted by `first`) for [`Ctx::quoted`].
    pub fn set_quotes(&mut self, ranges: impl Iterator<Item = (usize, usize)>) {
        let mut far = 0;
        self.quoted = ranges
            .map(|(a, b)| {
                far = far.max(b);
                (a, far)
            })
            .collect();
    }

    /// Token `t` lies inside a quote (marks included).
    fn in_quote(&self, t: usize) -> bool {
        let i = self.quoted.partition_point(|&(a, _)| a <= t);
        i > 0 && self.quoted[i - 1].1 > t
    }

    fn n(&self) -> usize {
        self.tokens.tokens.len()
    }
    pub fn lw(&self, i: usize) -> &str {
        let Some(&end) = self.lower_end.get(i) else { return "" };
        let start = if i == 0 { 0 } else { self.lower_end[i - 1] };
        &self.lower[start..end]
    }
    fn raw(&self, i: usize) -> &str {
        self.tokens.tokens.get(i).map_or("", |t| t.span.of(self.text))
    }
    pub(super) fn is_word(&self, i: usize) -> bool {
        self.tokens.tokens.get(i).is_some_and(|t| t.kind == Kind::Word)
    }
    fn cap(&self, i: usize) -> bool {
        self.is_word(i) && starts_upper(self.raw(i))
    }
    pub fn pronoun(&self, i: usize) -> bool {
        self.is_word(i) && is_in(PRONOUNS, self.lw(i))
    }
    fn det(&self, i: usize) -> bool {
        self.is_word(i) && is_in(DETERMINERS, self.lw(i))
    }
    fn role(&self, i: usize) -> bool {
        is_role(self.lw(i))
    }
    fn connector(&self, i: usize) -> bool {
        is_in(CONNECTORS, self.lw(i))
    }
    fn possessive(&self, i: usize) -> bool {
        matches!(self.lw(i), "'s" | "\u{2019}s" | "'" | "\u{2019}")
    }
    /// A reporting verb with its particle (`fired back`, `chimed in`, `wrote on`): a finite verb,
    /// and the cue covers both words.
    fn phrasal_report(&self, i: usize) -> bool {
        matches!(
            self.lw(i),
            "shot" | "fired" | "hit" | "pushed" | "went" | "cut" | "chimed" | "piped" | "wrote"
        ) && matches!(self.lw(i + 1), "back" | "on" | "in" | "up")
    }

    fn verb(&self, i: usize) -> Option<Verb> {
        if !self.is_word(i) {
            return None;
        }
        if self.phrasal_report(i) {
            return Some(Verb::Finite);
        }
        let v = self.lex.verb(self.lw(i))?;
        // "so-called", "much-discussed": part of a compound adjective
        if i > 0 && self.is_hyphen(i - 1) {
            return None;
        }
        // "a call", "his note", "Trump's tweet": nouns
        if i > 0
            && (self.possessive(i - 1)
                || (self.det(i - 1)
                    && !matches!(self.lw(i - 1), "that" | "both" | "all")
                    && !self.quantifier_subject(i - 1)))
        {
            return None;
        }
        // "a rare note", "her latest claim": a bare form after a determiner and an adjective
        // is a noun ("the aides say", "the people say" are not: a plural before the verb)
        let w = self.lw(i);
        if v == Verb::Finite
            && i > 1
            && matches!(self.lw(i - 2), "a" | "an" | "his" | "her" | "its" | "their" | "our" | "my" | "your")
            && self.is_word(i - 1)
            && !self.cap(i - 1)
            && self.lex.verb(self.lw(i - 1)).is_none()
            && !self.lw(i - 1).ends_with('s')
            && !matches!(
                self.lw(i - 1),
                "people" | "police" | "children" | "men" | "women" | "staff" | "public"
            )
            && !w.ends_with('s')
            && !w.ends_with("ed")
            && !matches!(
                w,
                "said" | "told" | "wrote" | "spoke" | "read" | "began" | "swore" | "sworn" | "written"
            )
        {
            return None;
        }
        // "to say" is not a finite report
        if v == Verb::Finite && i > 0 && self.lw(i - 1) == "to" {
            return Some(Verb::Ing);
        }
        Some(v)
    }
    pub(super) fn finite(&self, i: usize) -> bool {
        self.verb(i) == Some(Verb::Finite)
    }
    fn punct(&self, i: usize, s: &str) -> bool {
        self.tokens.tokens.get(i).is_some_and(|t| t.kind == Kind::Punct) && self.raw(i) == s
    }
    fn is_comma(&self, i: usize) -> bool {
        self.punct(i, ",")
    }
    fn is_hyphen(&self, i: usize) -> bool {
        self.tokens.tokens.get(i).is_some_and(|t| t.kind == Kind::Punct)
            && self.raw(i).chars().next().is_some_and(is_dash)
            && !self.tokens.tokens[i].space_before
            && self.tokens.tokens.get(i + 1).is_some_and(|t| !t.space_before)
    }
    fn stop(&self, i: usize) -> bool {
        // "US" is a name, "us" a pronoun
        // a capitalised word inside a phrase is a name ("said Will Doyle"), not a stop word
        let name = self.cap(i) && i > 0 && self.is_word(i - 1) && !self.pronoun(i);
        (is_in(STOP, self.lw(i)) && !(self.lw(i) == "us" && self.raw(i) == "US") && !name)
            || (self.finite(i) && !self.role(i))
    }
    /// A quantifier standing alone as a sentence's subject (`Another said`, `Many said`).
    fn quantifier_subject(&self, t: usize) -> bool {
        (t == 0 || !self.is_word(t - 1))
            && matches!(self.lw(t), "another" | "many" | "some" | "several" | "both" | "most" | "few")
    }

    /// A speaker's first token: a pronoun, a capitalised word, a determiner or a role word.
    fn good_start(&self, i: usize) -> bool {
        self.pronoun(i) || self.cap(i) || self.det(i) || self.role(i) || self.lw(i) == "who"
    }
    fn sentence_end(&self, i: usize) -> bool {
        self.tokens.tokens[i].kind == Kind::Punct && self.raw(i).chars().next().is_some_and(is_sentence_end)
    }

    /// A noun phrase starting at token `i`, ending before `lim`.
    pub fn np_forward(&self, i: usize, lim: usize) -> Option<(usize, usize)> {
        let (a, b) = self.np_forward_base(i, lim)?;
        // `a source close to the campaign`, `Another source familiar with …`: a described
        // speaker's adjective takes its prepositional phrase (once: no recursion)
        if !self.cap(a)
            && b >= a + 2
            && matches!(self.lw(b - 1), "close" | "familiar")
            && matches!(self.lw(b), "to" | "with")
        {
            if let Some((_, c)) = self.np_forward_base(b + 1, lim) {
                return Some((a, c));
            }
        }
        Some((a, b))
    }

    fn np_forward_base(&self, i: usize, lim: usize) -> Option<(usize, usize)> {
        let lim = lim.min(self.n());
        if i >= lim || !self.good_start(i) {
            return None;
        }
        if self.pronoun(i) {
            return Some((i, i + 1));
        }
        // `that` before a name or pronoun opens a clause (`concludes that Trump is too "…"`,
        // `The "dirty tricks" that Ben Carson accused …`), it is no determiner
        if self.lw(i) == "that" && (self.cap(i + 1) || self.pronoun(i + 1)) {
            return None;
        }
        let descriptive = !self.cap(i) || self.det(i);
        // after a possessive the phrase goes on to its head noun (`Gowdy's office`, `Obama's
        // first questioners`)
        let (mut owned, mut owned_word) = (false, false);
        let (mut owner, mut poss) = (None, i);
        let mut j = i;
        let mut last = None;
        while j < lim && j - i < MAX_NP {
            let t = &self.tokens.tokens[j];
            match t.kind {
                Kind::Word => {
                    if self.possessive(j) {
                        if j > i && last.is_some() {
                            owned = true;
                            owner = last;
                            poss = j;
                        }
                        j += 1;
                        continue;
                    }
                    if self.connector(j) {
                        j += 1;
                        continue;
                    }
                    // ("43-year-old": words inside a hyphenated compound never stop it)
                    let compound = j > i && self.is_hyphen(j - 1);
                    if self.stop(j) && !(j == i && self.det(j)) && !compound {
                        break;
                    }
                    if self.pronoun(j) && j > i {
                        break;
                    }
                    // "the committee released …": a past-tense verb after the head noun
                    if descriptive
                        && j > i + 1
                        && !self.cap(j)
                        && !self.role(j)
                        && (self.lw(j).ends_with("ed") || is_in(SUBJECT_END, self.lw(j)))
                    {
                        break;
                    }
                    // "Senate Democrats blocked a …", "Officials searched their …": after a
                    // name or role, a lower-case past form or a determiner starts the predicate
                    if !descriptive
                        && j > i
                        && !self.cap(j)
                        && !self.connector(j - 1)
                        && !self.is_hyphen(j - 1)
                        && ((self.lw(j).ends_with("ed") && !self.role(j)) || self.det(j))
                    {
                        break;
                    }
                    let ok = self.cap(j)
                        || self.det(j)
                        || self.role(j)
                        || descriptive
                        || (j > i && (self.connector(j - 1) || self.role(j - 1) || self.is_hyphen(j - 1)));
                    if !ok && !owned {
                        break;
                    }
                    owned_word |= !ok;
                    last = Some(j);
                    j += 1;
                }
                Kind::Number => {
                    last = Some(j);
                    j += 1;
                }
                Kind::Punct => {
                    let s = self.raw(j);
                    if self.is_hyphen(j) || s == "&" {
                        j += 1;
                    } else if s == "(" {
                        // a short parenthetical: (R-Texas), (AKP, …, Omer Celik)
                        let mut k = j + 1;
                        while k < lim && k - j < 12 && self.raw(k) != ")" && self.raw(k) != "(" {
                            k += 1;
                        }
                        if k < lim && self.raw(k) == ")" && last.is_some() {
                            last = Some(k);
                            j = k + 1;
                        } else {
                            break;
                        }
                    } else {
                        break;
                    }
                }
            }
        }
        let mut last = last?;
        // (only a head noun the phrase ends with, before a verb or a mark: not `Barrett's dictum
        // to his interns was`)
        if owned_word && last > poss && !(last + 1 >= lim || self.finite(last + 1) || !self.is_word(last + 1))
        {
            last = owner?;
        }
        Some((i, last + 1))
    }

    /// A noun phrase ending right before token `j`, starting at or after `lo`.
    pub fn np_backward(&self, j: usize, lo: usize) -> Option<(usize, usize)> {
        if j == 0 || j <= lo {
            return None;
        }
        if self.pronoun(j - 1) || self.lw(j - 1) == "who" {
            return Some((j - 1, j));
        }
        let mut k = j;
        let mut start = None;
        let mut skipped = 0;
        while k > lo && j - k < MAX_NP + skipped {
            let t = k - 1;
            let tok = &self.tokens.tokens[t];
            match tok.kind {
                Kind::Word => {
                    if self.possessive(t) {
                        k -= 1;
                        continue;
                    }
                    if self.connector(t) {
                        if start.is_none() {
                            break;
                        }
                        k -= 1;
                        continue;
                    }
                    if self.det(t) {
                        // a quantifier standing alone before the verb (`Another said`, `Many
                        // said`) is the subject
                        if t + 1 == j && self.quantifier_subject(t) {
                            return Some((t, j));
                        }
                        if start.is_none() && !self.role(t) {
                            break;
                        }
                        // "reports that Trump called": a conjunction before a name
                        if matches!(self.lw(t), "that" | "these" | "those" | "all" | "both")
                            && self.cap(t + 1)
                        {
                            break;
                        }
                        start = Some(t);
                        k -= 1;
                        if t > lo && self.connector(t - 1) {
                            continue;
                        }
                        break;
                    }
                    let compound = self.is_hyphen(t + 1) || (t > 0 && self.is_hyphen(t - 1));
                    if (self.stop(t) || self.pronoun(t)) && !compound {
                        break;
                    }
                    let ok = self.cap(t)
                        || self.role(t)
                        || (t > lo
                            && (self.connector(t - 1)
                                || self.det(t - 1)
                                || self.is_hyphen(t - 1)
                                || (self.possessive(t - 1) && start.is_none())))
                        || self.is_hyphen(t + 1)
                        || (t + 1 < j && self.role(t + 1) && !self.cap(t + 1))
                        || self.share(t);
                    if !ok {
                        break;
                    }
                    start = Some(t);
                    k -= 1;
                }
                Kind::Number => {
                    start = Some(t);
                    k -= 1;
                }
                Kind::Punct => {
                    let s = self.raw(t);
                    if self.is_hyphen(t) || s == "&" {
                        k -= 1;
                    } else if s == ")" {
                        let mut m = t;
                        while m > lo && t - m < 12 && self.raw(m - 1) != "(" && self.raw(m - 1) != ")" {
                            m -= 1;
                        }
                        if m > lo && self.raw(m - 1) == "(" && (start.is_none() || t - m < 4) {
                            skipped += t + 1 - (m - 1);
                            k = m - 1;
                            // the parenthetical only counts with a name before it
                            if k > lo && (self.cap(k - 1) || self.role(k - 1)) {
                                continue;
                            }
                            return None;
                        } else {
                            break;
                        }
                    } else {
                        break;
                    }
                }
            }
        }
        let s = start?;
        if !self.good_start(s) && !self.share(s + 1) {
            return None;
        }
        Some((s, j))
    }

    /// `percent` after a number: a share of people as a subject (`63 percent said`).
    fn share(&self, t: usize) -> bool {
        t > 0 && self.tokens.tokens[t - 1].kind == Kind::Number && matches!(self.lw(t), "percent" | "%")
    }

    /// Steps over adverbs and auxiliaries after a subject ("X also has said"), at most four.
    fn skip_between_forward(&self, mut m: usize, hi: usize) -> usize {
        let mut steps = 0;
        while m < hi && steps < 4 && self.is_word(m) && is_in(BETWEEN, self.lw(m)) && !self.finite(m) {
            m += 1;
            steps += 1;
        }
        m
    }

    /// Steps back over adverbs and auxiliaries before a verb ("he also has said").
    fn skip_between_back(&self, mut m: usize, lo: usize) -> usize {
        let mut steps = 0;
        while m > lo && steps < 4 && self.is_word(m - 1) && is_in(BETWEEN, self.lw(m - 1)) {
            // "a statement" / "in a statement" only as a unit
            m -= 1;
            steps += 1;
        }
        m
    }

    fn cue_span(&self, v: usize) -> Span {
        let mut s = self.tokens.tokens[v].span;
        if v > 0 && matches!(self.lw(v - 1), "has" | "have" | "had") {
            s = self.tokens.tokens[v - 1].span.cover(s);
        }
        if matches!(self.lw(v), "called" | "calls" | "calling" | "call")
            && matches!(self.lw(v + 1), "for" | "on")
        {
            s = s.cover(self.tokens.tokens[v + 1].span);
        }
        if self.lw(v) == "according" && self.lw(v + 1) == "to" {
            s = s.cover(self.tokens.tokens[v + 1].span);
        }
        if self.phrasal_report(v) {
            s = s.cover(self.tokens.tokens[v + 1].span);
        }
        s
    }

    /// Rule 1: the attribution right after the quote. `hi` bounds the window (the next quote).
    pub fn right(&self, q: &QTok, hi: usize) -> Option<Found> {
        let n = self.n();
        let para_end = self.tokens.paragraphs.get(q.para).map_or(n, |p| p.end);
        let mut hi = hi.min(para_end).min(q.end + RIGHT_WINDOW);
        let mut closes = hi == para_end;
        if let Some(k) = (q.end..hi).find(|&k| self.sentence_end(k)) {
            hi = k;
            closes = true;
        }
        self.according_after(q, hi).or_else(|| self.right_adjacent(q, hi)).or_else(|| {
            if closes {
                self.right_far(q, hi)
            } else {
                None
            }
        })
    }

    /// `"…," Clinton asked, according to a transcript of the interview.`: a source named by
    /// `according to` later in the quote's sentence is the speaker, as news annotation marks it,
    /// even with a nearer `X said` (the report of the report).
    fn according_after(&self, q: &QTok, hi: usize) -> Option<Found> {
        let k = (q.end + 1..hi.saturating_sub(2)).find(|&k| {
            self.lw(k) == "according"
                && self.lw(k + 1) == "to"
                && (self.is_comma(k - 1) || self.is_word(k - 1))
        })?;
        if k == q.end + 1 {
            // adjacent: right_adjacent reads it
            return None;
        }
        // the source runs to the sentence's end or a comma (`according to excerpts of his speech
        // released by the White House`, `according to Farley's account`)
        let end = (k + 2..hi).find(|&m| self.is_comma(m)).unwrap_or(hi);
        if end <= k + 2 || end - (k + 2) > MAX_NP || self.pronoun(k + 2) {
            return None;
        }
        Some(Found::np(k + 2, end, Some(self.cue_span(k)), Rule::According))
    }

    /// `"…" for criminal behavior, she said.`: an attribution that closes the quote's sentence
    /// after a comma, not adjacent to the quote.
    fn right_far(&self, q: &QTok, hi: usize) -> Option<Found> {
        // the last comma first; an earlier one when a phrase follows the attribution (`…, she
        // said, referencing …`, `…, said Marla Kilfoyle, executive director of …`)
        (q.end..hi.saturating_sub(2))
            .rev()
            .filter(|&k| self.is_comma(k))
            .find_map(|c| self.right_far_at(c, hi))
    }

    /// The attribution after the comma `c`, closing the sentence at `hi` (or followed by an
    /// appositive or a comma and a phrase).
    fn right_far_at(&self, c: usize, hi: usize) -> Option<Found> {
        let j = c + 1;
        if self.lw(j) == "according" && self.lw(j + 1) == "to" {
            let (a, b) = self.np_forward(j + 2, hi)?;
            return (b == hi).then_some(Found::np(a, b, Some(self.cue_span(j)), Rule::According));
        }
        if self.finite(j) {
            let (a, b) = self.np_forward(j + 1, hi)?;
            if self.pronoun(a) && !matches!(self.lw(a), "he" | "she") {
                return None;
            }
            let span_end = if b == hi { b } else { self.appositive_after(b, hi)? };
            return Some(Found {
                first: a,
                end: b,
                span_end,
                cue: Some(self.cue_span(j)),
                rule: Rule::Right,
            });
        }
        let v = (j..hi).find(|&k| self.finite(k))?;
        let e = (v + 1..hi).find(|&k| self.is_comma(k)).unwrap_or(hi);
        if e - v > 5 || (v + 1..e).any(|k| self.lw(k) == "that") {
            return None;
        }
        let m = self.skip_between_back(v, j);
        // (a name with lower-case words inside, all of it before the verb: `, Justice
        // Department senior trial counsel Caroline Lewis Wolverton wrote in a court filing`)
        if m > j && self.cap(j) && self.cap(m - 1) && m - j <= 8 && (j..m).all(|k| self.plain_word(k)) {
            return Some(Found::np(j, m, Some(self.cue_span(v)), Rule::Right));
        }
        let (a, b) = self.np_forward(j, m)?;
        (b == m).then_some(Found::np(a, b, Some(self.cue_span(v)), Rule::Right))
    }

    /// `"…," X said` / `"…," said X` / `"…," X, <appositive>, said` right after the quote.
    fn right_adjacent(&self, q: &QTok, hi: usize) -> Option<Found> {
        let mut j = q.end;
        while j < hi && (self.is_comma(j) || self.raw(j).chars().next().is_some_and(is_dash)) {
            j += 1;
        }
        if j >= hi {
            return None;
        }
        if self.lw(j) == "according" && self.lw(j + 1) == "to" {
            let (a, b) = self.np_forward(j + 2, hi)?;
            return Some(Found::np(a, b, Some(self.cue_span(j)), Rule::According));
        }
        // `"…records" that would respond to …`: a relative pronoun after the quote opens a
        // clause about it, no speaker
        if matches!(self.raw(j), "that" | "which") {
            return None;
        }
        // `"…," Read said`: a capitalised word after `,"` is a name, even one the lexicon knows
        // as a verb, when a verb follows it
        let named_verb =
            self.cap(j) && self.finite(j) && self.raw(q.end.saturating_sub(2)) == "," && self.finite(j + 1);
        if self.finite(j) && !named_verb {
            // inverted: "…," said X ("said retired neurosurgeon Ben Carson", "said 9/11 widow
            // Terry Strada": lower-case modifiers before the name belong to the speaker)
            let (a, mut b) = self.np_forward(j + 1, hi).or_else(|| self.modified_name(j + 1, hi))?;
            if self.pronoun(a) && !matches!(self.lw(a), "he" | "she") {
                return None;
            }
            // `said Clinton ally James Carville`, `said Clinton's top foreign policy aide Jake
            // Sullivan`: a name, lower-case words and a later name are one speaker, the last
            // name's
            if self.cap(a) && self.cap(b - 1) {
                if let Some((_, c)) = self.modified_name(b, hi) {
                    b = c;
                }
            }
            let span_end = self.appositive_after(b, hi).unwrap_or(b);
            return Some(Found {
                first: a,
                end: b,
                span_end,
                cue: Some(self.cue_span(j)),
                rule: Rule::RightInverted,
            });
        }
        if !self.good_start(j) {
            // `"…," screenwriter Cole Haddon wrote`: lower-case modifiers before a name
            let (a, b) = self.modified_name(j, hi)?;
            let v = self.skip_between_forward(b, hi);
            if !self.finite(v) {
                return None;
            }
            return Some(Found::np(a, b, Some(self.cue_span(v)), Rule::Right));
        }
        // the quote ends in `,` `!` or `?` inside its marks: what follows is its attribution
        let speechy = q.end >= q.first + 3 && matches!(self.raw(q.end - 2), "," | "!" | "?");
        // after a `.` the next sentence may report something else; after `?` or `!` a long
        // subject is still the attribution (`"How are you today?" Miller, a retired worker
        // from a nuclear plant, said`)
        let limit = if q.final_stop && !speechy { 8 } else { 30 };
        let mut v = None;
        for k in j + usize::from(named_verb)..hi.min(j + limit) {
            if self.finite(k) || (speechy && self.verb_after_subject(j, k, hi)) {
                v = Some(k);
                break;
            }
            // (`to speak` in an appositive does not end the search: `"…," an intelligence source,
            // who was not authorized to speak on the record, told Fox News`)
            if self.verb(k) == Some(Verb::Ing) && !self.is_comma(k - 1) && self.lw(k - 1) != "to" {
                break;
            }
        }
        let v = v?;
        // `"…." Reid said both …`: a new sentence reporting something else
        // (after `."`, "She says it …" is a new sentence; "She says." attributes)
        // after the verb: the sentence's end, an adverbial ("to a crowd of 500") or whom it was
        // told to; not an object or a clause ("said both Rubio and Cruz are …")
        let adverbial = v + 1 >= hi
            || is_in(BETWEEN, self.lw(v + 1))
            || matches!(
                self.lw(v + 1),
                "to" | "at" | "during" | "after" | "before" | "from" | "with" | "as" | "while"
            )
            || matches!(self.lw(v), "told" | "tells" | "tell" | "asked" | "asks");
        let room = if self.pronoun(j) { 1 } else { 6 };
        // (after `!` or `?` a long predicate still attributes: `"Perpetual motion!" Rep. Glenn
        // Thompson said of the swirl`; a `that` clause does not: `"…!" She replied that …`)
        if q.final_stop
            && self.cap(j)
            && ((hi - v > room && !adverbial && !speechy) || (v + 1..hi).any(|k| self.lw(k) == "that"))
        {
            return None;
        }
        // `even as Trump claimed on Tuesday that "…," one of the former prosecutors said the two
        // cases were different`: a quote completing an earlier cue's `that` clause is that
        // cue's, when the report after it has an object or a clause of its own
        let that_clause = q.first > 1 && self.lw(q.first - 1) == "that" && {
            let s0 = self.tokens.sentences.get(self.tokens.sentence_of(q.first - 1)).map_or(0, |s| s.start);
            (s0.max(q.first.saturating_sub(12))..q.first - 1).any(|k| self.finite(k))
        };
        if that_clause && !adverbial && !self.is_comma(v + 1) {
            return None;
        }
        let m = self.skip_between_back(v, j);
        if m <= j {
            return None;
        }
        if named_verb && m == j + 1 {
            return Some(Found::np(j, m, Some(self.cue_span(v)), Rule::Right));
        }
        // X, <appositive>, said
        let end = match (j..m).find(|&k| self.is_comma(k)) {
            Some(c) => {
                if m - c > 26 || !self.is_comma(m - 1) {
                    return None;
                }
                c
            }
            None => m,
        };
        // `"…," Daily News opinion editor Josh Greenman told`: a name with lower-case words
        // inside, all of it before the verb
        let (a, b) = match self.np_forward(j, end) {
            Some((a, b)) if b == end => (a, b),
            _ if self.cap(j) && self.cap(end - 1) && end - j <= 8 && (j..end).all(|k| self.plain_word(k)) => {
                (j, end)
            }
            // `"…," a voice-over in the ad states.`: a described speaker with a prepositional
            // phrase
            _ if matches!(self.lw(j), "a" | "an" | "the")
                && !self.pronoun(end - 1)
                && !(j + 1..end).any(|k| self.lw(k).ends_with("ed") || is_in(SUBJECT_END, self.lw(k)))
                && end - j <= 8
                && (j + 1..end).all(|k| {
                    self.plain_word(k)
                        || (self.det(k) && k + 1 < end)
                        || matches!(self.lw(k), "in" | "on" | "at" | "from")
                        || (self.is_word(k) && !self.tokens.tokens[k].space_before)
                }) =>
            {
                (j, end)
            }
            _ => return None,
        };
        // with an appositive, the written speaker runs to the comma before the verb
        let span_end = if end < m && self.appositive_ok(end + 1) { m - 1 } else { b };
        Some(Found { first: a, end: b, span_end, cue: Some(self.cue_span(v)), rule: Rule::Right })
    }

    /// Up to three lower-case words or numbers, then a capitalised name: the speaker runs from
    /// `i` to the name's end.
    fn modified_name(&self, i: usize, hi: usize) -> Option<(usize, usize)> {
        // (a compound counts as one word: `9/11 widow`, `warm-and-fuzzy Trump`)
        let inside = |k: usize| k > i && !self.tokens.tokens[k].space_before;
        let joined = |k: usize| inside(k) && self.tokens.tokens.get(k + 1).is_some_and(|t| !t.space_before);
        let c = (i..hi.min(i + 8)).find(|&k| self.cap(k) && !inside(k))?;
        if c == i
            || (i..c).filter(|&k| !inside(k)).count() > 3
            || (i..c).any(|k| {
                !(self.tokens.tokens[k].kind == Kind::Number
                    || (self.is_word(k) && !self.stop(k) && !self.pronoun(k) && self.verb(k).is_none())
                    || self.is_hyphen(k)
                    || (joined(k) && self.raw(k) == "/")
                    || (inside(k) && self.is_word(k)))
            })
        {
            return None;
        }
        let (_, b) = self.np_forward(c, hi)?;
        Some((i, b))
    }

    /// A word that may stand inside a name with modifiers: no small word, pronoun or verb.
    fn plain_word(&self, k: usize) -> bool {
        (self.is_word(k) && !self.stop(k) && !self.pronoun(k) && self.verb(k).is_none()) || self.is_hyphen(k)
    }

    /// Right after a quote, the word after its subject is the reporting verb even when the
    /// lexicon reads it as a noun or does not know it: `"…," he notes`, `"…," Viguerie points
    /// out`, `"…," the nominee riffed`.
    fn verb_after_subject(&self, j: usize, k: usize, hi: usize) -> bool {
        if k <= j || !self.is_word(k) || self.cap(k) || self.stop(k) {
            return false;
        }
        let w = self.lw(k);
        // (or the last word of the sentence after a descriptive subject: `"…," a voice-over in
        // the ad states.`)
        let last = k + 1 == hi && self.det(j) && k > j + 1;
        let subject = self.pronoun(k - 1) && k == j + 1 || self.cap(k - 1) || self.role(k - 1) || last;
        subject && (is_in(NOUNISH_S, w) || (w.len() > 4 && w.ends_with("ed") && !self.role(k)))
    }

    /// Rule 2 (and 3): the attribution before the quote in its sentence. `lo` is the end of
    /// the previous quote.
    ///
    /// The steps, in order; the first that answers wins:
    /// 1. a speaker introduced by a colon right before the quote (`Kasich resisted: "…"`);
    /// 2. a source named by an opening `according to X,` (`According to Yahoo News, a spokesman
    ///    said Friday that "…"`), over a nearer cue;
    /// 3. a parenthetical `as X <reports>,` (`as The New Yorker put it, "…"`);
    /// 4. the nearest cue before the quote and its reporter (`X said: "…"`, `X, who …, said`);
    /// 5. the sentence's subject (rule 3), read with the cue step 4 saw.
    ///
    /// Steps 2 to 5 look only inside the quote's own clause when a coordinated or concessive
    /// clause with a subject of its own holds it (`…, but the Sanders campaign rejected the idea
    /// as "…"`).
    pub fn left(&self, q: &QTok, lo: usize) -> Option<Found> {
        if q.first == 0 {
            return None;
        }
        let sent = self.tokens.sentence_of(if q.tail { q.first - 1 } else { q.first });
        let s0 = self.tokens.sentences.get(sent).map_or(0, |s| s.start);
        let para_start = self.tokens.paragraphs.get(q.para).map_or(0, |p| p.start);
        // the window before the quote: its sentence, in its paragraph, at most LEFT_WINDOW tokens
        let start = s0.max(para_start).max(q.first.saturating_sub(LEFT_WINDOW));
        let lo = lo.max(start);
        if let Some(f) = self.colon_speaker(q, lo, s0, start) {
            return Some(f);
        }
        // a coordinated or concessive clause of its own: its subject and cue, not the sentence's
        let clause = self.clause_start(lo, q.first);
        // the named reporter of a pronoun may stand before an earlier quote of the sentence
        // (`Flynn said Trump was "absolutely right" when he said …`), not before the clause
        let named_lo = if clause > lo { clause } else { start };
        let lo = clause;
        if let Some(f) = self.according_opening(q, lo).or_else(|| self.as_source(lo, q.first)) {
            return Some(f);
        }
        match self.cue_before(q, lo, named_lo) {
            ControlFlow::Break(f) => Some(f),
            ControlFlow::Continue(scan) => self.sentence_subject(q, lo, named_lo, &scan),
        }
    }

    /// Step 1 of `left`: the colon header right before the quote. `start` is where the window
    /// before the quote opens, whatever the previous quote.
    fn colon_speaker(&self, q: &QTok, lo: usize, s0: usize, start: usize) -> Option<Found> {
        let f = self.colon_header(q.first - 1, lo, s0)?;
        // `Ed Krayewski may have said it best when he blogged: "…"`: the named reporter of
        // the pronoun
        if self.pronoun(f.first) && f.end - f.first == 1 && matches!(self.lw(f.first), "he" | "she") {
            if let Some(g) = self.named_report_before(f.first, start) {
                return Some(Found { cue: f.cue, ..g });
            }
        }
        Some(f)
    }

    /// Step 2 of `left`: `According to Yahoo News, a spokesman said Friday that "…"`: the
    /// source named before the first comma, with a finite cue after it, over a nearer cue.
    fn according_opening(&self, q: &QTok, lo: usize) -> Option<Found> {
        let k =
            (lo..q.first.saturating_sub(3)).find(|&k| self.lw(k) == "according" && self.lw(k + 1) == "to")?;
        let c = (k + 2..q.first).find(|&m| self.is_comma(m))?;
        let (a, b) = self.np_forward(k + 2, c)?;
        (b == c && (k + 2..q.first).any(|m| self.finite(m)))
            .then(|| Found::np(a, b, Some(self.cue_span(k)), Rule::According))
    }

    /// Step 4 of `left`: walks back from the quote to `lo`, token by token, and reads the first
    /// cue that names its speaker: `according to X`, a participle's own subject (`with Sen. John
    /// McCain calling it a "…"`), or a finite cue and its reporter. `Break` with the speaker;
    /// else `Continue` with what the walk saw, for the sentence's subject.
    fn cue_before(&self, q: &QTok, lo: usize, named_lo: usize) -> ControlFlow<Found, LeftScan> {
        let mut scan = LeftScan::default();
        let mut k = q.first;
        while k > lo {
            k -= 1;
            if self.lw(k) == "according" && self.lw(k + 1) == "to" {
                if let Some(f) = self.according_before(k, q.first) {
                    return ControlFlow::Break(f);
                }
                continue;
            }
            let Some(v) = self.verb(k) else { continue };
            if scan.cue.is_none() {
                scan.cue = Some(self.cue_span(k));
            }
            if v != Verb::Finite {
                if let Some(f) = self.participle_subject(k, lo, scan.cue) {
                    return ControlFlow::Break(f);
                }
                if k > lo && self.is_comma(k - 1) {
                    scan.participle_at = scan.participle_at.or(Some(k));
                }
                continue;
            }
            // `Clinton asks as a maintenance guy walks in front of her, saying he's "…"`: the
            // participle reports for the subordinate clause after the cue, not for the cue's
            // subject
            if let Some(p) = scan.participle_at {
                if let Some(f) = self.subordinate_subject(p - 1, k + 1) {
                    return ControlFlow::Break(Found { cue: scan.cue, ..f });
                }
            }
            if let Some(f) = self.parenthetical_report(k, lo, q.first, scan.cue) {
                return ControlFlow::Break(f);
            }
            let m = self.skip_between_back(k, lo);
            let found = if m > lo && self.is_comma(m - 1) {
                self.appositive_subject(m, lo)
            } else {
                self.np_backward(m, lo)
            };
            scan.bare_cue |= found.is_none() && !(m > lo && self.is_comma(m - 1));
            let Some(found) = found else { continue };
            match self.reporter(self.not_participle_object(found, lo), m, lo, named_lo, &scan) {
                Some(f) => return ControlFlow::Break(f),
                None => break,
            }
        }
        ControlFlow::Continue(scan)
    }

    /// `according to X, "…"` at `k`, before the quote at `at`: X runs to the first comma.
    fn according_before(&self, k: usize, at: usize) -> Option<Found> {
        let lim = (k + 2..at).find(|&m| self.is_comma(m)).unwrap_or(at);
        // (`According to conservative talk radio host Rush Limbaugh, the move reeks of "…"`)
        let modified = || {
            let c = (k + 2..lim.min(k + 8)).find(|&m| self.cap(m))?;
            (k + 2..c).all(|m| self.plain_word(m)).then_some(())?;
            self.np_forward(c, lim).filter(|&(_, b)| b == lim).map(|(_, b)| (k + 2, b))
        };
        let (a, b) = self.np_forward(k + 2, lim).or_else(modified)?;
        Some(Found::np(a, b, Some(self.cue_span(k)), Rule::According))
    }

    /// A participle cue at `k` with a subject of its own: the absolute construction (`…, with
    /// Sen. John McCain calling it a "…"`), one after a dash or coordinated with it (`– Ryan
    /// saying he was "…" and Trump calling it a "…"`), a described one after `with` (`with the
    /// campaign of the former senator from Pennsylvania saying …`).
    fn participle_subject(&self, k: usize, lo: usize, cue: Option<Span>) -> Option<Found> {
        if let Some((a, b)) = self.np_backward(k, lo) {
            if b == k && a > lo && self.lw(a - 1) == "with" && self.cap(a) && !self.pronoun(a) {
                return Some(Found::np(a, b, cue, Rule::Left));
            }
            if b == k
                && a > lo
                && (self.is_dash_punct(a - 1) || self.lw(a - 1) == "and")
                && self.cap(a)
                && !self.pronoun(a)
                && !self.det(a)
            {
                return Some(Found::np(a, b, cue, Rule::Left));
            }
        }
        let w = (lo.max(k.saturating_sub(12))..k).rev().find(|&m| self.lw(m) == "with")?;
        let plain = (w + 1..k).all(|m| self.is_word(m) && self.verb(m).is_none() && !self.pronoun(m));
        (plain && w + 2 < k && self.det(w + 1) && !self.quantifier_subject(w + 1)).then_some(Found::np(
            w + 1,
            k,
            cue,
            Rule::Left,
        ))
    }

    /// A parenthetical inverted report at the finite cue `k`, before the quote at `at`: `The
    /// paradox of Nancy, says Carl Anthony, historian at the library, is that she was "…"` (any
    /// cue but those naming the listener: `Because of how Democrats crafted the schedule,
    /// explained Rosenberg, "…"`).
    fn parenthetical_report(&self, k: usize, lo: usize, at: usize, cue: Option<Span>) -> Option<Found> {
        if !(k > lo && self.is_comma(k - 1) && !matches!(self.lw(k), "told" | "tells" | "asked" | "asks")) {
            return None;
        }
        let (a, b) = self.np_forward(k + 1, at)?;
        if !(self.cap(a) && !self.pronoun(a) && self.is_comma(b)) {
            return None;
        }
        let span_end = (b + 1..at)
            .find(|&m| self.is_comma(m))
            .filter(|&e| e - b <= 12 && self.appositive_ok(b + 1))
            .unwrap_or(b);
        Some(Found { first: a, end: b, span_end, cue, rule: Rule::Left })
    }

    /// X, <appositive>, said: the reporter before the comma at `m - 1`. "Cory James, 22, of
    /// Flint, Mich., said": the farthest comma with a noun phrase before it that is not a
    /// preposition's object; else the nearest comma.
    fn appositive_subject(&self, m: usize, lo: usize) -> Option<(usize, usize)> {
        let mut c = m - 1;
        let mut nearest = None;
        let mut best = None;
        while c > lo && m - c < 26 {
            c -= 1;
            if self.is_comma(c) {
                // a clause between commas ends the chain (`in Berea, OH, after winning Ohio in
                // the primary, Gov. John Kasich (R-OH), said`): the speaker is the noun phrase
                // filling the segment before the verb, if any
                if matches!(
                    self.lw(c + 1),
                    "after" | "before" | "when" | "while" | "since" | "despite" | "during" | "following"
                ) && best.is_none()
                {
                    // (not a place's state: `Clinton, during a meeting in Columbus, Ohio, said`)
                    let seg = nearest.filter(|&d| !self.cap(d - 1)).map(|d| d + 1);
                    let fill = self.np_backward(m - 1, lo).filter(|&(a, _)| Some(a) == seg && self.cap(a));
                    if fill.is_some() {
                        best = fill;
                        break;
                    }
                }
                nearest = nearest.or(Some(c));
                if let Some((a, b)) = self.np_backward(c, lo) {
                    let governed = a > lo
                        && matches!(
                            self.lw(a - 1),
                            "in" | "of"
                                | "from"
                                | "at"
                                | "on"
                                | "for"
                                | "to"
                                | "with"
                                | "by"
                                | "near"
                                | "about"
                        );
                    if !governed {
                        best = Some((a, b));
                    }
                }
            }
        }
        best.or_else(|| nearest.and_then(|c| self.np_backward(c, lo)))
    }

    /// `Another source speaking to Fox News said`: the object of a participle's preposition is
    /// not the reporter; the noun phrase before the participle is.
    fn not_participle_object(&self, found: (usize, usize), lo: usize) -> (usize, usize) {
        let a = found.0;
        if a >= lo + 3
            && matches!(self.lw(a - 1), "to" | "with")
            && self.verb(a - 2) == Some(Verb::Ing)
            && !self.is_comma(a - 3)
        {
            return self
                .np_backward(a - 2, lo)
                .filter(|&(c, _)| !self.pronoun(c))
                .map_or(found, |(c, _)| (c, a - 2));
        }
        found
    }

    /// The speaker for a finite cue whose reporter is the noun phrase `a..b` (the cue's words
    /// start at `m`): the reporter, or the named reporter a pronoun or a name inside another
    /// report stands for. `None`: a relative clause's report, not the quote's; the walk stops
    /// and the sentence's subject is read.
    fn reporter(
        &self,
        (a, b): (usize, usize),
        m: usize,
        lo: usize,
        named_lo: usize,
        scan: &LeftScan,
    ) -> Option<Found> {
        let cue = scan.cue;
        // a relative clause's report is not the quote's when a participle after a comma
        // reports it (`paying an architect who said he was stiffed …, saying, "…"`,
        // `mocked the complaint, saying anybody who complains … "…"`): the sentence's
        // subject is the speaker
        if self.lw(a) == "who"
            && b == a + 1
            && (scan.participle_at.is_some()
                || (lo..a)
                    .rev()
                    .take_while(|&t| !self.is_comma(t) && !self.is_dash_punct(t))
                    .any(|t| self.verb(t) == Some(Verb::Ing) && t > lo && self.is_comma(t - 1)))
        {
            return None;
        }
        // `a White House official who spoke anonymously to discuss strategy said
        // Wednesday, "…"`: a later cue with no subject of its own is the main clause's,
        // whose subject the relative clause describes
        if self.lw(a) == "who" && b == a + 1 && scan.bare_cue {
            if let Some((c, d)) = self.np_backward(a, lo).filter(|&(c, _)| !self.pronoun(c)) {
                return Some(Found::np(c, d, cue, Rule::Left));
            }
        }
        let span_end = if b < m && self.is_comma(m - 1) && self.appositive_ok(b + 1) { m - 1 } else { b };
        let f = Found { first: a, end: b, span_end, cue, rule: Rule::Left };
        // "Cross said he is left with …, whom he called "…"": the pronoun of an embedded
        // clause; the named subject of an earlier report in the sentence is the speaker
        // `She says it underscores that Trump is "…"`: an `it` reporting inside another
        // report is the reporter's claim
        if b - a == 1 && self.lw(a) == "it" {
            if let Some(g) = self.personal_report_before(a, named_lo) {
                return Some(Found { cue, ..g });
            }
        }
        if self.pronoun(a) && b - a == 1 && matches!(self.lw(a), "he" | "she" | "they") {
            if let Some(g) = self.named_report_before(a, named_lo) {
                return Some(Found { cue, ..g });
            }
        }
        // "Trump said … that Clinton once described the deal as "…"": a name reported
        // inside an earlier report; its reporter is the source
        if self.cap(a) && !self.pronoun(a) && !self.det(a) {
            if let Some(g) = self.outer_report(a, lo) {
                return Some(Found { cue, ..g });
            }
        }
        Some(f)
    }

    /// Step 5 of `left` (rule 3): the sentence's subject, in the window `lo..q.first`, with the
    /// cue the walk back saw (if any).
    fn sentence_subject(&self, q: &QTok, lo: usize, named_lo: usize, scan: &LeftScan) -> Option<Found> {
        let cue = scan.cue;
        if lo >= q.first {
            return None;
        }
        // the quote inside a relative clause still open: its `who` (`Trump, who has postured
        // himself as the "law and order candidate," has taken …`)
        if let Some(w) = (lo..q.first)
            .rev()
            .take_while(|&m| !self.is_comma(m) && !self.is_dash_punct(m))
            .find(|&m| self.lw(m) == "who")
        {
            // of a name (`, who`, `Clinton who`), not a restrictive one (`judges who serve`)
            let named = self.is_comma(w - 1) || self.cap(w - 1);
            if w > lo && named && w + 1 < q.first && self.is_word(w + 1) && !self.cap(w + 1) {
                return Some(Found { first: w, end: w + 1, span_end: w + 1, cue, rule: Rule::Subject });
            }
        }
        // `when Sanders protesters interrupted her speech, shouting "…"`, `where about 50
        // protesters had gathered, chanting "…"`: a participle after a comma reports for the
        // subordinate clause right before it, when that clause has a subject of its own
        if let Some(p) = scan.participle_at {
            if let Some(f) = self.subordinate_subject(p - 1, lo) {
                return Some(Found { cue, ..f });
            }
        }
        let s = self.sentence_subject_start(q, lo, named_lo);
        let (a, b) = self.np_forward(s, q.first)?;
        if self.lw(a) == "who" || (self.det(a) && b - a == 1) {
            return None;
        }
        self.expletive_it(a, b, q.first, cue).or(Some(Found {
            first: a,
            end: b,
            span_end: b,
            cue,
            rule: Rule::Subject,
        }))
    }

    /// Where the sentence's subject starts: past introductory phrases after `lo`. An earlier
    /// quote of the sentence (a title, `visited NBC's "Today" to discuss …, saying "…"`) does
    /// not open a new subject: the sentence's own, when it comes before that quote.
    fn sentence_subject_start(&self, q: &QTok, lo: usize, named_lo: usize) -> usize {
        let s = self.subject_start(lo, q.first);
        if named_lo >= lo {
            return s;
        }
        // before the sentence's first quote mark: never inside a quote
        // (with no mark there, the sentence starts inside the earlier quote: no subject)
        let mark = (named_lo..lo)
            .find(|&m| self.raw(m).chars().next().is_some_and(crate::text::is_quote_mark))
            .unwrap_or(named_lo);
        let t = self.subject_start(named_lo, mark);
        match self.np_forward(t, mark) {
            Some((x, y))
                if y < mark
                    && !self.in_quote(x)
                    && !self.in_quote(y - 1)
                    && self.is_word(y)
                    && !self.cap(y)
                    && !self.det(x)
                    && !self.pronoun(x)
                    && self.cap(x) =>
            {
                t
            }
            _ => s,
        }
    }

    /// An expletive `it` as the subject `a..b` (`It is strange that Trump would denounce "…"`,
    /// `it was a report by Politico that he "…"`): the last name before the quote at `at`.
    fn expletive_it(&self, a: usize, b: usize, at: usize, cue: Option<Span>) -> Option<Found> {
        if !(self.lw(a) == "it" && matches!(self.lw(b), "is" | "was" | "'s" | "\u{2019}s")) {
            return None;
        }
        let m = (b + 1..at).rev().find(|&m| self.cap(m) && !self.pronoun(m) && !self.det(m))?;
        let mut f = m;
        while f > b + 1 && self.cap(f - 1) && !self.det(f - 1) {
            f -= 1;
        }
        Some(Found { first: f, end: m + 1, span_end: m + 1, cue, rule: Rule::Subject })
    }

    /// The first token of a sentence's subject at or after `s`: past a dateline, introductory
    /// phrases and a sentence-initial conjunction.
    fn subject_start(&self, mut s: usize, lim: usize) -> usize {
        // a dateline: "PHILADELPHIA, July 25 (UPI) — …", "Washington (AFP) – …"
        let agency = || {
            (s..lim.min(s + 12)).find(|&m| self.is_dash_punct(m)).is_some_and(|d| {
                d > s + 1 && self.raw(d - 1) == ")" && (s..d).all(|m| !self.is_word(m) || self.cap(m))
            })
        };
        if self.raw(s).len() > 2 && self.raw(s).chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
            || agency()
        {
            if let Some(d) = (s..lim.min(s + 12))
                .find(|&m| self.raw(m).chars().next().is_some_and(is_dash) && !self.is_hyphen(m))
            {
                s = d + 1;
            }
        }
        for _ in 0..3 {
            if s < lim
                && (is_in(INTRO, self.lw(s))
                    || !self.is_word(s)
                    // "Declaring that …, the mogul offered": a participle clause
                    || (self.cap(s) && self.lw(s).len() > 5 && self.lw(s).ends_with("ing"))
                    || (self.is_comma(s + 1)
                        && (self.lw(s).ends_with("ly")
                            || matches!(self.lw(s), "yes" | "no" | "perhaps" | "well")))
                    || self.intro_phrase(s, lim))
            {
                // an adverb before the subject, with no comma (`Then he cut into Bush, calling him a
                // "stiff"`)
                if matches!(
                    self.lw(s),
                    "then" | "now" | "still" | "also" | "instead" | "meanwhile" | "indeed"
                ) && s + 1 < lim
                    && self.good_start(s + 1)
                {
                    s += 1;
                    continue;
                }
                // a phrase may be long (`On the eve of his historic election to a fourth term as
                // prime minister in March,`); after a sentence-initial conjunction, the first
                // comma as far as before (a longer reach there takes a clause for a phrase:
                // `But Sen. Pat Toomey (R-Pa.) refused to …, responding`)
                let conj = self.conjunction(s);
                let reach = if conj { 16 } else { 24 };
                if let Some(c) = (s..lim.min(s + reach)).find(|&m| self.is_comma(m)) {
                    s = c + 1;
                    // the state after the phrase's place (`in Salem, New Hampshire, Trump`,
                    // `in Aspen, Colo., the graduate`)
                    if c > 0 && self.cap(c - 1) {
                        if let Some(d) = (s..lim.min(s + 4)).find(|&m| self.is_comma(m)) {
                            if d > s && (s..d).all(|m| self.cap(m) && !self.pronoun(m) && !self.det(m)) {
                                s = d + 1;
                            }
                        }
                    }
                    continue;
                }
            }
            break;
        }
        while s < lim && self.conjunction(s) {
            s += 1;
        }
        s
    }

    /// An introductory phrase at `s` that the plain word lists miss: a past participle
    /// (`Preceded at the lectern by …,`), an adverb before a preposition (`Shortly after …,`), a
    /// time (`Hours later,`, `Twenty-two years ago,`, `The next day,`).
    fn intro_phrase(&self, s: usize, lim: usize) -> bool {
        let w = self.lw(s);
        if self.cap(s) && w.len() > 5 && w.ends_with("ed") && self.is_word(s + 1) && !self.cap(s + 1) {
            return !self.finite(s + 1);
        }
        if w.ends_with("ly") && is_in(INTRO, self.lw(s + 1)) {
            return true;
        }
        let Some(c) = (s..lim.min(s + 6)).find(|&m| self.is_comma(m)) else { return false };
        c > s
            && (s..c).all(|m| self.verb(m).is_none())
            && matches!(
                self.lw(c - 1),
                "later"
                    | "ago"
                    | "earlier"
                    | "day"
                    | "week"
                    | "weekend"
                    | "month"
                    | "year"
                    | "night"
                    | "morning"
                    | "afternoon"
                    | "evening"
            )
    }

    /// `as The New Yorker put it, "…"`, `as the tabloid noted in an op-ed, the candidate "…"`:
    /// a parenthetical `as X <reports>,` before the quote, with no finite cue after it.
    fn as_source(&self, lo: usize, at: usize) -> Option<Found> {
        let k = (lo..at).rev().find(|&k| self.lw(k) == "as")?;
        let (a, b) = self.np_forward(k + 1, at)?;
        let v = self.skip_between_forward(b, at);
        let report = matches!(self.lw(v), "put" | "puts")
            || self.verb(v).is_some_and(|w| w != Verb::Ing) && !self.cap(v);
        if !report || self.lw(a) == "who" {
            return None;
        }
        let c = (v + 1..at).find(|&m| self.is_comma(m))?;
        if c - v > 10 || (c + 1..at).any(|m| self.finite(m)) {
            return None;
        }
        Some(Found::np(a, b, Some(self.cue_span(v)), Rule::Left))
    }

    /// The start of the clause holding token `at`, when a coordinated or concessive clause with
    /// a subject of its own opens after `lo` (`…, but the Sanders campaign rejected the idea as
    /// "…"`, `…, although he tweeted that …`); else `lo`.
    fn clause_start(&self, lo: usize, at: usize) -> usize {
        let mut k = at;
        while k > lo + 1 {
            k -= 1;
            let start = match self.lw(k) {
                "but" | "and" | "yet" if self.is_comma(k - 1) || self.is_dash_punct(k - 1) => k + 1,
                ";" if self.punct(k, ";") => k + 1,
                // the quote inside the clause, or in the one after its comma
                "although" | "though" | "while" | "whereas" | "where" if self.is_word(k) => {
                    (k + 1..at).find(|&m| self.is_comma(m)).map_or(k + 1, |c| c + 1)
                }
                _ => continue,
            };
            // a clause inside the report of a cue before it (`X said …, and he had …`) is
            // still that report, unless it has a cue of its own
            let cue_in = |a: usize, b: usize| (a..b).any(|m| self.verb(m).is_some());
            let own = self.clause_subject(start, at) && (cue_in(start, at) || !cue_in(lo, k));
            return if own { start } else { lo };
        }
        lo
    }

    /// The subject of a subordinate clause (`when …`, `where …`, `as …`) ending at the comma
    /// `comma`, with no other punctuation inside it.
    fn subordinate_subject(&self, comma: usize, lo: usize) -> Option<Found> {
        // (clauses of a simultaneous event; after `after`, `since` or `because` the participle
        // is the main clause's: `Hannity said … after the senator easily won, remarking …`)
        let w = (lo..comma)
            .rev()
            .take_while(|&m| !self.is_dash_punct(m) && !self.in_quote(m))
            .find(|&m| matches!(self.lw(m), "when" | "where" | "as" | "while"))?;
        // (a quantity: `about 50 protesters`)
        let approx = matches!(self.lw(w + 1), "about" | "nearly" | "around" | "roughly" | "almost" | "some")
            && self.tokens.tokens.get(w + 2).is_some_and(|t| t.kind == Kind::Number);
        let s = if approx { w + 2 } else { w + 1 };
        // the clause's verb: a past form or an auxiliary, else a present `-s` form
        let past = |m: usize| {
            self.is_word(m)
                && !self.cap(m)
                && (matches!(self.lw(m), "had" | "has" | "have" | "was" | "were" | "is" | "are" | "did")
                    || (self.lw(m).ends_with("ed") && !self.role(m)))
        };
        let present = |m: usize| {
            self.is_word(m) && !self.cap(m) && self.lw(m).ends_with('s') && !self.lw(m).ends_with("ss")
        };
        let v = (s + 1..comma.min(s + 7))
            .find(|&m| past(m))
            .or_else(|| (s + 1..comma.min(s + 7)).find(|&m| present(m)))?;
        let a = if approx { s } else { self.np_forward(s, v)?.0 };
        // (a pronoun is most often the main clause's subject again)
        if a != s
            || self.pronoun(a)
            || matches!(self.lw(a), "this" | "that" | "there" | "who" | "which" | "what")
            || !(s..v)
                .all(|m| self.is_word(m) || self.tokens.tokens[m].kind == Kind::Number || self.is_hyphen(m))
            || (s..v).any(|m| self.stop(m) && !(m == s && self.det(m)))
        {
            return None;
        }
        Some(Found::np(if approx { w + 1 } else { a }, v, None, Rule::Left))
    }

    /// A noun phrase at `s`, followed by a word that can begin a predicate (`he has battled`,
    /// `the Sanders campaign rejected`), before `at`.
    fn clause_subject(&self, s: usize, at: usize) -> bool {
        let Some((_, b)) = self.np_forward(s, at) else { return false };
        b < at
            && self.is_word(b)
            && !self.cap(b)
            && (self.verb(b).is_some()
                || is_in(BETWEEN, self.lw(b))
                || matches!(self.lw(b), "can" | "may" | "might" | "must" | "should")
                || !is_in(STOP, self.lw(b)) && !self.connector(b) && !self.det(b))
    }

    /// A dash standing between words (` - `, ` — `), not inside a compound.
    fn is_dash_punct(&self, i: usize) -> bool {
        self.tokens.tokens.get(i).is_some_and(|t| t.kind == Kind::Punct)
            && self.raw(i).chars().next().is_some_and(is_dash)
            && !self.is_hyphen(i)
    }

    /// A speaker introduced by a colon right before the quote: `Kasich resisted: "…"` (a verb the
    /// lexicon does not know, right before the colon) or a roundup's `Pollsters agree - Carl
    /// Bialik: "…"` (a name after a dash or opening its sentence).
    fn colon_header(&self, c: usize, lo: usize, s0: usize) -> Option<Found> {
        if c <= lo || !self.punct(c, ":") {
            return None;
        }
        let v = c - 1;
        let w = self.lw(v);
        if v > lo
            && self.is_word(v)
            && !self.cap(v)
            && self.verb(v).is_none()
            && !is_in(STOP, w)
            && w.len() > 4
            && (w.ends_with("ed") || w.ends_with('s'))
        {
            let m = self.skip_between_back(v, lo);
            let (a, b) = self.np_backward(m, lo)?;
            // `he returned to his familiar lines:`: a preposition's object, not a subject
            if a > lo && self.after_preposition(a) {
                return None;
            }
            return (self.cap(a) || self.pronoun(a) || self.det(a)).then_some(Found::np(
                a,
                b,
                Some(self.cue_span(v)),
                Rule::Left,
            ));
        }
        let (a, b) = self.np_backward(c, lo)?;
        let headed = a == s0 || a == lo || (a > 0 && self.raw(a - 1).chars().next().is_some_and(is_dash));
        // `The timing doesn't surprise Republican pollster Daron Shaw: "…"`: a role and a name,
        // the object of a verb that is no cue (`told`, `asked` name the listener)
        let described = a > lo
            && b - a >= 3
            && (a..b).any(|k| self.role(k) || (self.is_word(k) && !self.cap(k)))
            && self.cap(b - 1)
            && self.cap(b - 2)
            && self.is_word(a - 1)
            && !self.cap(a - 1)
            && !is_in(STOP, self.lw(a - 1))
            && self.verb(a - 1).is_none()
            && !self.after_preposition(a);
        (b == c && self.cap(a) && !self.pronoun(a) && (headed || described)).then_some(Found::np(
            a,
            b,
            None,
            Rule::Left,
        ))
    }

    /// A coordinating conjunction that may open a sentence or clause.
    fn conjunction(&self, k: usize) -> bool {
        matches!(self.lw(k), "and" | "but" | "so" | "yet" | "or")
    }

    /// The word before `a` (`a > 0`) is a preposition, so a noun phrase at `a` is its object.
    fn after_preposition(&self, a: usize) -> bool {
        matches!(self.lw(a - 1), "to" | "of" | "in" | "on" | "at" | "for" | "with" | "from" | "by")
    }

    /// An appositive or relative clause that belongs to the written speaker ("a doctor at the
    /// clinic", "who …"); not one that starts with a preposition ("of which Turkey is a member").
    fn appositive_ok(&self, a: usize) -> bool {
        !(is_in(STOP, self.lw(a)) && self.lw(a) != "who" || self.connector(a))
    }

    /// A finite reporting verb between `lo` and `end` with a named (capitalised, not pronoun)
    /// noun phrase right before it.
    fn named_report_before(&self, end: usize, lo: usize) -> Option<Found> {
        let mut k = end;
        while k > lo {
            k -= 1;
            // (not a report quoted in an earlier quote of the sentence)
            if !self.finite(k) || self.in_quote(k) {
                continue;
            }
            let m = self.skip_between_back(k, lo);
            if let Some((a, b)) = self.np_backward(m, lo) {
                if self.cap(a) && !self.pronoun(a) {
                    return Some(Found::np(a, b, None, Rule::Left));
                }
            }
        }
        None
    }

    /// A finite reporting verb right before `end` (`she says it …`), with a name or he/she/they
    /// before it.
    fn personal_report_before(&self, end: usize, lo: usize) -> Option<Found> {
        let k = end.checked_sub(1).filter(|&k| k > lo && self.finite(k) && !self.in_quote(k))?;
        let m = self.skip_between_back(k, lo);
        let (a, b) = self.np_backward(m, lo)?;
        let personal =
            (self.cap(a) && !self.pronoun(a) && !self.det(a)) || matches!(self.lw(a), "he" | "she" | "they");
        personal.then_some(Found::np(a, b, None, Rule::Left))
    }

    /// A finite reporting verb between `lo` and `end` whose `that` clause holds `end`, with a
    /// name or pronoun right before it.
    fn outer_report(&self, end: usize, lo: usize) -> Option<Found> {
        let mut that = false;
        let mut k = end;
        while k > lo {
            k -= 1;
            // a comma or dash before the name closes the clause (`When Clinton noted that … ―
            // Trump boasted`)
            if (self.is_comma(k) || self.is_dash_punct(k)) && !that {
                return None;
            }
            if self.lw(k) == "that" && (self.cap(k + 1) || self.pronoun(k + 1)) {
                that = true;
                continue;
            }
            if !that || !self.finite(k) {
                continue;
            }
            let m = self.skip_between_back(k, lo);
            let (a, b) = self.np_backward(m, lo)?;
            return ((self.cap(a) || self.pronoun(a)) && self.lw(a) != "who").then_some(Found::np(
                a,
                b,
                None,
                Rule::Left,
            ));
        }
        None
    }

    /// `said X, a spokesman for Y.`: the end of an appositive after the speaker ending at `b`,
    /// running to the sentence's end (`hi`).
    fn appositive_after(&self, b: usize, hi: usize) -> Option<usize> {
        if b >= hi || !self.is_comma(b) || hi - b > 30 {
            return None;
        }
        let a = b + 1;
        let starts = self.det(a)
            || self.role(a)
            || self.cap(a)
            || self.lw(a) == "who"
            || (a..hi.min(a + 4)).any(|k| self.role(k) && !self.cap(k));
        if !starts || self.pronoun(a) {
            return None;
        }
        // nothing quoted and no second clause inside
        if (a..hi).any(|k| {
            self.raw(k).chars().next().is_some_and(crate::text::is_quote_mark) && !self.possessive(k)
                || self.verb(k) == Some(Verb::Ing)
                || self.lw(k) == "said"
        }) {
            return None;
        }
        let mut e = hi;
        while e > a && matches!(self.raw(e - 1), "," | ":" | ";") {
            e -= 1;
        }
        (e > a).then_some(e)
    }

    /// The nearest reporting word before the quote in its sentence (any form), for quotes whose
    /// speaker comes from elsewhere ("…, while stressing that … "Not changed"").
    pub fn left_cue(&self, q: &QTok, lo: usize) -> Option<Span> {
        let sent = self.tokens.sentence_of(q.first.min(self.n().saturating_sub(1)));
        let s0 = self.tokens.sentences.get(sent).map_or(0, |s| s.start);
        let lo = lo.max(s0).max(q.first.saturating_sub(LEFT_WINDOW));
        (lo..q.first).rev().find(|&k| self.verb(k).is_some()).map(|k| self.cue_span(k))
    }

    /// A reporting word (any form) at most three tokens before the quote, in its sentence
    /// (`chanting "…"`, `the so-called "…"`, `hailed Trump as "…"`).
    pub fn cue_just_before(&self, q: &QTok) -> bool {
        let lo = q.first.saturating_sub(3);
        let mut k = q.first;
        while k > lo {
            k -= 1;
            if self.sentence_end(k) || self.raw(k).chars().next().is_some_and(crate::text::is_quote_mark) {
                return false;
            }
            if self.verb(k).is_some() || (self.lw(k) == "called" && k > 0 && self.is_hyphen(k - 1)) {
                return true;
            }
        }
        false
    }

    /// The written speaker of a finding.
    pub fn speaker_span(&self, f: &Found) -> Span {
        self.span(f.first, f.span_end.max(f.end))
    }

    pub fn span(&self, a: usize, b: usize) -> Span {
        self.tokens.tokens[a].span.cover(self.tokens.tokens[b - 1].span)
    }
}
