//! Names that a reader sees as one, read from the tagger's mentions before the span conventions:
//! ordered steps on the raw mentions (first token, end token, label, score), run after
//! `partner_firms`, and one on the entities after the document's label votes.
//!
//! 1. `particle_names`: a lower-case particle between two capitalised words joins them into one
//!    name ("Hoek" + "van" + "Holland" → "Hoek van Holland"; "Mr. van Dover" → "van Dover").
//! 2. `company_endings`: a name that ends in a company's ending ("Northgate Re", "Velmar Bros.")
//!    is an organisation, and a name right before an untagged ending takes it ("Velmar" + "S.A.");
//!    `bracketed_subsidiaries`: "Velmar Securities (Hong Kong) Ltd." is one organisation.
//! 3. `company_short_names`: after "Velmar SpA", a doubted "Velmar" is the company.
//!
//! Measured on the halves of both dev files and the held-out documents (MODEL.md, round 7).

use super::{is_title, Label};
use crate::lexicon;
use crate::tokens::{Kind, Tokens};

/// A mention as the tagger gives it: first token, end token (exclusive), label index, score.
pub(super) type Raw = (usize, usize, usize, f32);

/// No mention on this token.
const NONE: u32 = u32::MAX;

/// The longest listed particle ("della") in bytes.
const MAX_PARTICLE_LEN: usize = 5;

/// A lower-case name particle ("van", "de"), after a space. The cheap tests first: this is asked
/// of every word after a capitalised one. Not inlined: its two call sites would each carry the
/// word list's look-up (4 KB of wasm for this step, 1.7 KB without).
#[inline(never)]
fn is_particle(text: &str, t: &crate::tokens::Token) -> bool {
    let w = t.span.of(text);
    t.kind == Kind::Word
        && t.space_before
        && w.len() <= MAX_PARTICLE_LEN
        && w.starts_with(|c: char| c.is_ascii_lowercase())
        && lexicon::NAME_PARTICLES.contains(w)
}

/// Step 1. Names with a lower-case particle ("van", "de", "bin") read as one name: where a run of
/// particles sits between two capitalised words and a mention covers either word, the words, the
/// particles and the mentions around them become one mention ("Hoek van Holland", tagged "Hoek"
/// at 0.27 and "Holland" at 0.97, is one place; "Maarten den Bakker", tagged "den Bakker", one
/// person). After a title the name starts at the particle ("Mr. van Dover" → "van Dover", a
/// person). The joined name is a person when any part is one (a given name and a surname),
/// otherwise it takes the label of its surest part; its score is that part's.
///
/// A capitalised word first in its sentence and outside any mention is no part of the name, and
/// nothing is joined ("Yesterday van Gogh" keeps the tagger's "van Gogh"): it is as likely an
/// ordinary word written with a capital.
pub(super) fn particle_names(text: &str, tokens: &Tokens, raw: &mut Vec<Raw>) {
    if raw.is_empty() {
        return;
    }
    let toks = &tokens.tokens;
    let w = |i: usize| toks[i].span.of(text);
    let capitalised =
        |i: usize| toks[i].kind == Kind::Word && w(i).chars().next().is_some_and(char::is_uppercase);
    let particle = |i: usize| is_particle(text, &toks[i]);
    // the mention on each token (mentions are sorted and do not overlap)
    let mut owner = vec![NONE; toks.len()];
    for (n, &(a, b, _, _)) in raw.iter().enumerate() {
        owner[a..b.min(toks.len())].fill(n as u32);
    }
    let mut gone = vec![false; raw.len()];
    let mut i = 1;
    while i < toks.len() {
        if !capitalised(i - 1) || !particle(i) {
            i += 1;
            continue;
        }
        let mut r = i;
        while r < toks.len() && particle(r) {
            r += 1;
        }
        if r == toks.len() || !capitalised(r) || !toks[r].space_before {
            i = r;
            continue;
        }
        let l = i - 1;
        let titled = is_title(w(l));
        let first = l == tokens.sentences[tokens.sentence_of(l)].start;
        if first && owner[l] == NONE && !titled {
            i = r + 1;
            continue;
        }
        let from = if titled { i } else { l };
        // the mentions on the name's tokens, in order, once each (a title's mention stays apart)
        let mut parts: Vec<usize> = Vec::new();
        for &o in &owner[from..=r] {
            if o != NONE && parts.last() != Some(&(o as usize)) {
                parts.push(o as usize);
            }
        }
        let one_already = parts.len() == 1 && raw[parts[0]].0 <= from && raw[parts[0]].1 > r;
        let split_title = titled && owner[l] != NONE;
        if parts.is_empty() || one_already || split_title {
            i = r + 1;
            continue;
        }
        let start = raw[parts[0]].0.min(from);
        let end = raw[*parts.last().unwrap_or(&parts[0])].1.max(r + 1);
        let surest = parts.iter().copied().fold(parts[0], |b, n| if raw[n].3 > raw[b].3 { n } else { b });
        let person = titled || parts.iter().any(|&n| raw[n].2 == Label::Person as usize);
        let label = if person { Label::Person as usize } else { raw[surest].2 };
        raw[parts[0]] = (start, end, label, raw[surest].3);
        for &n in &parts[1..] {
            gone[n] = true;
        }
        owner[start..end].fill(parts[0] as u32);
        i = r + 1;
    }
    // compacted in place, in one pass
    let mut k = 0;
    for n in 0..raw.len() {
        if !gone[n] {
            raw[k] = raw[n];
            k += 1;
        }
    }
    raw.truncate(k);
}

/// A company's ending at token `i`, written as a word of its own: capitalised, after a space,
/// and followed by a space, the end or a punctuation mark other than a dash ("Inc.,", "Re's";
/// not "Co-op" or "Re-opening").
fn ending_at(text: &str, tokens: &Tokens, i: usize) -> bool {
    let toks = &tokens.tokens;
    let Some(t) = toks.get(i) else { return false };
    let w = t.span.of(text);
    let apart = |t: &crate::tokens::Token| {
        let first = t.span.of(text).chars().next().unwrap_or(' ');
        t.space_before || !first.is_alphanumeric() && !crate::text::is_dash(first)
    };
    t.kind == Kind::Word
        && t.space_before
        && w.starts_with(|c: char| c.is_ascii_uppercase())
        && lexicon::is_company_ending(w)
        && toks.get(i + 1).is_none_or(apart)
}

/// Step 2. A company's ending says the name is an organisation: a mention of two or more words
/// ending in one ("Northgate Re", "Velmar Bros.", tagged a place or a person) is an ORG, and a
/// mention right before an untagged capitalised ending takes it and is an ORG ("Velmar" + "S.A."
/// → "Velmar S.A."). The ending must end the word ("Re-opening" is no ending).
pub(super) fn company_endings(text: &str, tokens: &Tokens, raw: &mut [Raw]) {
    const ORG: usize = Label::Org as usize;
    for n in 0..raw.len() {
        let (a, b, label, _) = raw[n];
        if label == ORG || b > tokens.tokens.len() {
            continue;
        }
        let free = |i: usize| n + 1 >= raw.len() || raw[n + 1].0 > i;
        if b - a >= 2 && ending_at(text, tokens, b - 1) {
            raw[n].2 = ORG;
        } else if ending_at(text, tokens, b) && free(b) {
            raw[n].1 = b + 1;
            raw[n].2 = ORG;
        }
    }
}

/// Words in the brackets of a subsidiary's name, at most ("Velmar Securities (Hong Kong) Ltd.").
const MAX_BRACKETED: usize = 4;

/// Step 2b. A subsidiary is named by its parent's name, its country or line of business in
/// brackets, and a company's ending: "Velmar Securities (Hong Kong) Ltd." is one ORG, where the
/// tagger finds "Velmar Securities" and "Hong Kong" and leaves "Ltd." out. A mention, a bracket
/// of one to four tokens, then an ending: the whole is one ORG, with the first mention's score.
pub(super) fn bracketed_subsidiaries(text: &str, tokens: &Tokens, raw: &mut Vec<Raw>) {
    const ORG: usize = Label::Org as usize;
    let w = |i: usize| tokens.tokens.get(i).map_or("", |t| t.span.of(text));
    let mut out: Vec<Raw> = Vec::with_capacity(raw.len());
    for &(a, b, label, score) in raw.iter() {
        // a mention inside the subsidiary's name just made goes
        if out.last().is_some_and(|last| last.1 > a) {
            continue;
        }
        let close = (b + 2..=b + 1 + MAX_BRACKETED).find(|&k| matches!(w(k), ")" | "(" | ""));
        let subsidiary = w(b) == "(" && close.is_some_and(|k| w(k) == ")" && ending_at(text, tokens, k + 1));
        match close {
            Some(k) if subsidiary => out.push((a, k + 2, ORG, score)),
            _ => out.push((a, b, label, score)),
        }
    }
    *raw = out;
}

/// A doubted mention scored below this takes the label of the company whose short name it is.
const SHORT_NAME_MAX_SCORE: f32 = 0.8;

/// Step 3 (on the entities, after the document's label votes). A company named in full with its
/// ending ("Velmar SpA", an ORG) is called by the one word before the ending later ("Velmar"):
/// a doubted one-word mention of that word tagged a person or a place is the company ("Velmar
/// said on Friday…", tagged a person at 0.6, is an ORG).
pub(super) fn company_short_names(text: &str, tokens: &Tokens, ents: &mut [super::Entity]) {
    let toks = &tokens.tokens;
    // hashed, as a set of strings (`org_cues` has one: a sort, or a set of &str, would add 1–5 KB
    // of wasm)
    let mut short: std::collections::HashSet<String> = std::collections::HashSet::new();
    for e in ents.iter().filter(|e| e.label == Label::Org) {
        let a = tokens.at_or_after(e.span.start);
        let b = tokens.at_or_after(e.span.end).min(toks.len());
        if b == a + 2 && lexicon::is_company_ending(toks[b - 1].span.of(text)) {
            short.insert(toks[a].span.of(text).to_string());
        }
    }
    if short.is_empty() {
        return;
    }
    for e in ents.iter_mut() {
        if matches!(e.label, Label::Person | Label::Place)
            && e.score < SHORT_NAME_MAX_SCORE
            && short.contains(e.span.of(text))
        {
            e.label = Label::Org;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Entity;
    use crate::span::Span;
    use crate::tokens::tokenize;
    use Label::*;

    /// The `nth` occurrence of each word(s) as a raw mention with a label and score.
    type Mark<'a> = (&'a str, usize, Label, f32);

    fn raw_of(text: &str, toks: &Tokens, marks: &[Mark]) -> Vec<Raw> {
        let mut raw: Vec<Raw> = marks
            .iter()
            .map(|&(w, nth, label, score)| {
                let s = text.match_indices(w).nth(nth).unwrap().0;
                (toks.at_or_after(s as u32), toks.at_or_after((s + w.len()) as u32), label as usize, score)
            })
            .collect();
        raw.sort_by_key(|r| r.0);
        raw
    }

    fn shown(text: &str, toks: &Tokens, raw: &[Raw]) -> Vec<(String, &'static str)> {
        let t = &toks.tokens;
        raw.iter()
            .map(|&(a, b, l, _)| {
                let name = Span::new(t[a].span.start as usize, t[b - 1].span.end as usize).of(text);
                let label = [Person, Org, Place, Misc][l].as_str();
                (name.to_string(), label)
            })
            .collect()
    }

    fn joined(text: &str, marks: &[Mark]) -> Vec<(String, &'static str)> {
        let toks = tokenize(text);
        let mut raw = raw_of(text, &toks, marks);
        particle_names(text, &toks, &mut raw);
        shown(text, &toks, &raw)
    }

    fn ended(text: &str, marks: &[Mark]) -> Vec<(String, &'static str)> {
        let toks = tokenize(text);
        let mut raw = raw_of(text, &toks, marks);
        company_endings(text, &toks, &mut raw);
        shown(text, &toks, &raw)
    }

    fn one(name: &str, label: &'static str) -> Vec<(String, &'static str)> {
        vec![(name.to_string(), label)]
    }

    #[test]
    fn every_particle_is_ascii_lower_case_within_the_length_bound() {
        for p in lexicon::NAME_PARTICLES.words() {
            assert!(p.len() <= MAX_PARTICLE_LEN && p.starts_with(|c: char| c.is_ascii_lowercase()), "{p}");
        }
    }

    #[test]
    fn a_particle_between_capitalised_words_joins_them() {
        let t = "Boats left Hoek van Tarrel at dawn.";
        assert_eq!(
            joined(t, &[("Hoek", 0, Place, 0.27), ("Tarrel", 0, Place, 0.97)]),
            one("Hoek van Tarrel", "PLACE")
        );
        let t = "Coach Maarten den Velkamp spoke.";
        assert_eq!(joined(t, &[("den Velkamp", 0, Person, 0.4)]), one("Maarten den Velkamp", "PERSON"));
        let t = "It is Joost van der Velkamp again.";
        assert_eq!(joined(t, &[("Velkamp", 0, Person, 0.6)]), one("Joost van der Velkamp", "PERSON"));
        let t = "It is Robert B. van Dorvel again.";
        let marks = [("Robert B. van", 0, Person, 0.6), ("Dorvel", 0, Place, 0.9)];
        assert_eq!(joined(t, &marks), one("Robert B. van Dorvel", "PERSON"));
    }

    #[test]
    fn after_a_title_the_name_starts_at_the_particle() {
        assert_eq!(
            joined("So Mr. van Dorvel said.", &[("Dorvel", 0, Place, 0.9)]),
            one("van Dorvel", "PERSON")
        );
    }

    #[test]
    fn a_particle_joins_nothing_without_a_mention_or_a_capital() {
        assert!(joined("It is Ana de Velk again.", &[]).is_empty());
        assert_eq!(joined("Velmar de facto ruled.", &[("Velmar", 0, Place, 0.9)]), one("Velmar", "PLACE"));
        // a capitalised first word of a sentence is no part of the name
        let t = "Yesterday van Dorvel won.";
        assert_eq!(joined(t, &[("van Dorvel", 0, Person, 0.9)]), one("van Dorvel", "PERSON"));
        // punctuation between the words: two names
        let t = "From Velmar, de Tarrel came.";
        assert_eq!(joined(t, &[("Velmar", 0, Place, 0.9), ("Tarrel", 0, Person, 0.9)]).len(), 2);
    }

    #[test]
    fn a_company_ending_makes_an_organisation() {
        let t = "Tomas Whitford of Northgate Re spoke.";
        assert_eq!(ended(t, &[("Northgate Re", 0, Place, 0.69)])[0], ("Northgate Re".to_string(), "ORG"));
        assert_eq!(
            ended("Velmar Bros. said so.", &[("Velmar Bros.", 0, Person, 0.3)]),
            one("Velmar Bros.", "ORG")
        );
        // an untagged ending joins the name before it
        assert_eq!(ended("Velmar S.A. said so.", &[("Velmar", 0, Place, 0.4)]), one("Velmar S.A.", "ORG"));
        assert_eq!(ended("Velmar Inc., a maker", &[("Velmar", 0, Person, 0.4)]), one("Velmar Inc.", "ORG"));
    }

    #[test]
    fn no_company_ending_no_organisation() {
        // joined to a hyphen, one word alone, not an ending
        assert_eq!(ended("Velmar Co-op said so.", &[("Velmar", 0, Place, 0.4)]), one("Velmar", "PLACE"));
        assert_eq!(ended("The Group met.", &[("Group", 0, Place, 0.4)]), one("Group", "PLACE"));
        assert_eq!(
            ended("Rain in the West Bank fell.", &[("West Bank", 0, Place, 0.9)]),
            one("West Bank", "PLACE")
        );
        assert_eq!(ended("Velmar re-opened.", &[("Velmar", 0, Place, 0.4)]), one("Velmar", "PLACE"));
    }

    fn subsidiaries(text: &str, marks: &[Mark]) -> Vec<(String, &'static str)> {
        let toks = tokenize(text);
        let mut raw = raw_of(text, &toks, marks);
        bracketed_subsidiaries(text, &toks, &mut raw);
        shown(text, &toks, &raw)
    }

    #[test]
    fn a_bracket_before_a_company_ending_is_inside_the_name() {
        let t = "He works for Velmar Securities (Hong Kong) Ltd. now.";
        let marks = [("Velmar Securities", 0, Org, 0.9), ("Hong Kong", 0, Place, 0.99)];
        assert_eq!(subsidiaries(t, &marks), one("Velmar Securities (Hong Kong) Ltd.", "ORG"));
        let t = "Source: Velmar Prebon (U.S.A.) Inc.";
        let marks = [("Velmar Prebon", 0, Person, 0.5), ("U.S.A.", 0, Place, 0.9)];
        assert_eq!(subsidiaries(t, &marks), one("Velmar Prebon (U.S.A.) Inc.", "ORG"));
    }

    #[test]
    fn a_bracket_without_a_company_ending_stays_apart() {
        let t = "He met Ana Velk (Hong Kong) Monday.";
        let marks = [("Ana Velk", 0, Person, 0.9), ("Hong Kong", 0, Place, 0.99)];
        assert_eq!(subsidiaries(t, &marks).len(), 2);
        // more than four tokens in the brackets
        let t = "Velmar (a firm of Hong Kong) Ltd. grew.";
        assert_eq!(subsidiaries(t, &[("Velmar", 0, Org, 0.9)]), one("Velmar", "ORG"));
    }

    #[test]
    fn a_companys_short_name_is_the_company() {
        let relabelled = |t: &str, score: f32| {
            let toks = tokenize(t);
            let span = |w: &str, nth: usize| {
                let s = t.match_indices(w).nth(nth).unwrap().0;
                Span::new(s, s + w.len())
            };
            let mut ents = vec![
                Entity { span: span("Velmar SpA", 0), label: Org, score: 0.6, cluster: 0 },
                Entity { span: span("Velmar", 1), label: Person, score, cluster: 0 },
            ];
            company_short_names(t, &toks, &mut ents);
            ents[1].label.as_str()
        };
        assert_eq!(relabelled("Velmar SpA grew. Velmar hired.", 0.6), "ORG");
        // a sure person stays one
        assert_eq!(relabelled("Velmar SpA grew. Velmar hired.", 0.9), "PERSON");
    }
}
