//! Names for speakers: the entity cluster a speaker refers to and the most complete name of it
//! in the document. Pronouns (he, she) resolve to the most recent named speaker that is a
//! person, else to the person named at the start of a recent sentence.

use super::cues::{is_in, is_title};
use super::speakers::Ctx;
use crate::entities::{Cluster, Entity, Label};
use crate::span::Span;
use crate::tokens::Kind;
use std::collections::HashMap;

/// Last words of organisations, never of a person's name.
const ORG_WORDS: &[&str] = &[
    "department",
    "party",
    "council",
    "house",
    "committee",
    "ministry",
    "union",
    "nations",
    "agency",
    "office",
    "association",
    "institute",
    "university",
    "court",
    "news",
    "times",
    "post",
    "journal",
    "company",
    "inc.",
    "corp.",
    "group",
    "campaign",
    "center",
    "centre",
    "foundation",
    "administration",
    "commission",
    "board",
    "service",
    "network",
    "bureau",
    "senate",
    "congress",
    "force",
    "army",
    "police",
    "church",
    "school",
    "college",
    "fund",
    "bank",
    "press",
    "media",
    "tv",
    "radio",
    "magazine",
    "daily",
    "herald",
    "tribune",
    "review",
    "report",
    "organization",
    "organisation",
    "coalition",
    "alliance",
    "federation",
    "society",
    "club",
    "team",
    "state",
    "states",
    "republic",
    "kingdom",
    "city",
    "county",
    "province",
    "region",
    "government",
    "observatory",
    "rights",
    "correspondent",
    "cnn",
    "abc",
    "nbc",
    "cbs",
    "msnbc",
    "fox",
    "twitter",
    "facebook",
    "statement",
    "spokesman",
];

/// A speaker already named: its span, cluster and name.
pub type Named = (Span, Option<u32>, Option<Span>);

pub struct Resolver<'c, 'a> {
    ctx: &'c Ctx<'a>,
    entities: &'c [Entity],
    clusters: &'c [Cluster],
    /// last word (lower-case) → the longest person-like capitalised run ending in it
    fullest: HashMap<String, Span>,
}

impl<'c, 'a> Resolver<'c, 'a> {
    pub fn new(ctx: &'c Ctx<'a>, entities: &'c [Entity], clusters: &'c [Cluster]) -> Resolver<'c, 'a> {
        let mut fullest: HashMap<String, Span> = HashMap::new();
        let toks = &ctx.tokens.tokens;
        let mut i = 0;
        while i < toks.len() {
            if !is_name_word(ctx, i) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < toks.len() && j - i < 6 && is_name_word(ctx, j) {
                if j > i && !toks[j].space_before {
                    break;
                }
                j += 1;
            }
            // strip title words at the front
            let mut a = i;
            while a < j && is_title(ctx.lw(a)) {
                a += 1;
            }
            if j - a >= 2 {
                let span = toks[a].span.cover(toks[j - 1].span);
                let key = ctx.lw(j - 1).to_string();
                let e = fullest.entry(key).or_insert(span);
                if span.len() > e.len() {
                    *e = span;
                }
            }
            i = j.max(i + 1);
        }
        Resolver { ctx, entities, clusters, fullest }
    }

    fn entity_in(&self, span: Span) -> impl Iterator<Item = &'c Entity> + '_ {
        let from = self.entities.partition_point(|e| e.span.end <= span.start);
        self.entities[from..].iter().take_while(move |e| e.span.start < span.end)
    }

    fn is_person(&self, named: &Named) -> bool {
        if named.1.and_then(|c| self.clusters.get(c as usize)).is_some_and(|c| c.label == Label::Person) {
            return true;
        }
        // the tagger may call a person an organisation; a person-shaped name wins
        let Some(name) = named.2 else { return false };
        looks_like_person(name.of(self.ctx.text))
    }

    /// The cluster and name of the speaker at tokens `first..end`.
    pub fn resolve(&self, first: usize, end: usize, recent: &[Named]) -> (Option<u32>, Option<Span>) {
        let ctx = self.ctx;
        let lw = ctx.lw(first);
        if end - first == 1 && matches!(lw, "he" | "she" | "him" | "her") {
            let speaker = recent.iter().rev().take(6).find(|n| self.is_person(n));
            // a person who is the subject of this or the previous sentence, when named after
            // the last speaker, is the better guess (a new speaker introduced without a quote)
            let subject = self.subject_person(first);
            return match (speaker, subject) {
                (Some(n), Some((at, c, name))) if at > n.0.start => (c, name),
                (Some(n), _) => (n.1, n.2),
                (None, Some((_, c, name))) => (c, name),
                (None, None) => self.recent_person(first),
            };
        }
        if end - first == 1 && matches!(lw, "it" | "they" | "we" | "i" | "you" | "who") {
            if lw == "who" && first >= 2 && ctx.lw(first - 1) == "," {
                if let Some((a, b)) = ctx.np_backward(first - 1, first.saturating_sub(12)) {
                    return self.resolve(a, b, recent);
                }
            }
            if lw == "it" {
                if let Some(named) = recent.iter().rev().take(3).find(|n| !self.is_person(n)) {
                    return (named.1, named.2);
                }
            }
            return (None, None);
        }
        let span = ctx.span(first, end);
        // an entity inside the speaker: a person anywhere, an organisation only at its head
        let descriptive = !ctx.tokens.tokens[first].span.of(ctx.text).starts_with(char::is_uppercase)
            || matches!(lw, "the" | "a" | "an");
        let mut person = None;
        let mut org = None;
        for e in self.entity_in(span) {
            match e.label {
                Label::Person => person = Some(e),
                Label::Org if !descriptive && org.is_none() => org = Some(e),
                _ => {}
            }
        }
        if let Some(e) = person.or(org) {
            let canonical = self.clusters.get(e.cluster as usize).map(|c| c.canonical);
            return (Some(e.cluster), canonical.or(Some(e.span)));
        }
        // no entity: the last capitalised run of the speaker, without titles; a description
        // whose head is a common noun ("The spot", "a spokesman") names nobody
        let mut b = end;
        // "Sen. Ted Cruz (R-Texas)": skip a parenthetical unless it holds a full name
        // ("spokesman for the party (AKP, Omer Celik)")
        if b > first + 1 && ctx.lw(b - 1) == ")" {
            if let Some(open) = (first..b - 1).rev().take(12).find(|&k| ctx.lw(k) == "(") {
                let mut k = b - 1;
                while k > open + 1 && !is_name_word(ctx, k - 1) {
                    k -= 1;
                }
                let mut m = k;
                while m > open + 1 && is_name_word(ctx, m - 1) {
                    m -= 1;
                }
                if k - m < 2 {
                    b = open;
                }
            }
        }
        while b > first && ctx.tokens.tokens[b - 1].kind == Kind::Punct {
            b -= 1;
        }
        if b > first && !is_name_word(ctx, b - 1) && !ctx.lw(b - 1).ends_with('.') {
            return (None, None);
        }
        while b > first && !is_name_word(ctx, b - 1) {
            b -= 1;
        }
        let mut a = b;
        while a > first && is_name_word(ctx, a - 1) && (a == b || ctx.tokens.tokens[a].space_before) {
            a -= 1;
        }
        if a == b {
            return (None, None);
        }
        if descriptive && a > first && matches!(ctx.lw(a - 1), "of" | "for" | "at" | "the") {
            return (None, None);
        }
        while a < b && is_title(ctx.lw(a)) && b - a > 1 {
            a += 1;
        }
        let core = ctx.span(a, b);
        let key = ctx.lw(b - 1);
        let name = match self.fullest.get(key) {
            Some(full) if full.len() > core.len() && full.of(ctx.text).ends_with(core.of(ctx.text)) => *full,
            Some(full)
                if full.len() > core.len()
                    && b - a == 1
                    && full.of(ctx.text).ends_with(core.of(ctx.text)) =>
            {
                *full
            }
            _ => core,
        };
        (None, Some(name))
    }

    /// A person entity that is the subject (near the start) of the sentence of token `i` or the
    /// one before: its position, cluster and name.
    fn subject_person(&self, i: usize) -> Option<(u32, Option<u32>, Option<Span>)> {
        let ctx = self.ctx;
        if self.entities.is_empty() {
            return None;
        }
        let s = ctx.tokens.sentence_of(i);
        for k in (s.saturating_sub(1)..=s).rev() {
            let r = ctx.tokens.sentences.get(k)?.clone();
            let lim = r.end.min(r.start + 8).min(if k == s { i } else { r.end });
            if lim <= r.start {
                continue;
            }
            let span = ctx.span(r.start, lim);
            if let Some(e) = self.entity_in(span).find(|e| e.label == Label::Person) {
                let canonical = self.clusters.get(e.cluster as usize).map(|c| c.canonical);
                return Some((e.span.start, Some(e.cluster), canonical.or(Some(e.span))));
            }
        }
        None
    }

    /// The person named nearest before token `i`, preferring a sentence's subject: a PERSON
    /// entity when there are entities, else a person-like capitalised run.
    fn recent_person(&self, i: usize) -> (Option<u32>, Option<Span>) {
        let ctx = self.ctx;
        let at = ctx.tokens.tokens[i].span.start;
        if !self.entities.is_empty() {
            let upto = self.entities.partition_point(|e| e.span.start < at);
            let e = self.entities[..upto].iter().rev().take(20).find(|e| e.label == Label::Person);
            if let Some(e) = e {
                let canonical = self.clusters.get(e.cluster as usize).map(|c| c.canonical);
                return (Some(e.cluster), canonical.or(Some(e.span)));
            }
            return (None, None);
        }
        // the subject of one of the last three sentences
        let s = ctx.tokens.sentence_of(i);
        for k in (s.saturating_sub(3)..s).rev() {
            let r = ctx.tokens.sentences[k].clone();
            let mut a = r.start;
            let lim = r.end.min(a + 12);
            while a < lim && !is_name_word(ctx, a) {
                a += 1;
            }
            let mut b = a;
            while b < lim && is_name_word(ctx, b) {
                b += 1;
            }
            let mut c = a;
            while c < b && is_title(ctx.lw(c)) {
                c += 1;
            }
            if b - c >= 2 {
                let span = ctx.span(c, b);
                if looks_like_person(span.of(ctx.text)) {
                    return (None, Some(span));
                }
            }
        }
        (None, None)
    }
}

fn is_name_word(ctx: &Ctx, i: usize) -> bool {
    let Some(t) = ctx.tokens.tokens.get(i) else { return false };
    t.kind == Kind::Word
        && t.span.of(ctx.text).starts_with(char::is_uppercase)
        && !matches!(ctx.lw(i), "the" | "a" | "an" | "this" | "that" | "his" | "her" | "their" | "its")
}

fn looks_like_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 || words.len() > 4 {
        return false;
    }
    let last = words[words.len() - 1].to_lowercase();
    if is_in(ORG_WORDS, &last) {
        return false;
    }
    words.iter().all(|w| !(w.len() > 1 && w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())))
}
