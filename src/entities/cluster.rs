//! Mention clusters: the mentions a reader takes for one entity, and its most complete name.
//!
//! The steps, in order (each is a function below, with its example):
//! 1. [`join_full_names`]: one person's full names, with or without a middle name or initial
//!    ("Maria T. Olsen" = "Maria Theresa Olsen" = "Maria Olsen"; not "Maria K. Olsen").
//! 2. [`join_short_names`]: a surname, a shorter ending of a name or a given name joins the one
//!    person it can mean at that point ("Olsen", "Ms. Olsen", "Maria" → "Maria T. Olsen"); two
//!    people who share a surname stay apart, and so does a surname that could be either.
//! 3. [`join_same_words`]: the same words, whatever the case and dots ("NATO" = "NATO",
//!    "NORDVIK" = "Nordvik", "U.S." = "US"), are one entity, unless step 2 found them ambiguous.
//! 4. [`join_company_short_names`]: "Sony" = "Sony Corp.".
//! 5. [`join_acronyms`]: "UN" = "United Nations", "Long Name (ABBR)".
//! 6. [`in_order`]: clusters in order of first mention; `canonical` is the most complete
//!    mention.
//!
//! Every step is indexed by name words, never a comparison of all pairs, so a document with
//! thousands of names stays linear.

use super::recase::all_caps;
use super::{is_title, Cluster, Entity, Label};
use crate::lexicon;
use crate::text::is_invisible_in_word;
use crate::tokens::{Kind, Tokens};
use std::collections::HashMap;

/// Short mentions longer than this many words are not matched to longer names (none are in news;
/// the bound keeps the suffix index linear).
const MAX_SHORT: usize = 8;

/// Assigns `Entity::cluster` and returns the clusters, in order of first mention.
/// May relabel a one-word ORG or PLACE as PERSON when it is the surname of a person (step 2).
pub fn cluster(text: &str, tokens: &Tokens, ents: &mut [Entity]) -> Vec<Cluster> {
    let ms = mentions(text, tokens, ents);
    let mut uf = Uf((0..ents.len()).collect());
    let full = join_full_names(ents, &ms, &mut uf);
    let links = join_short_names(ents, &ms, &full, &mut uf);
    join_same_words(&ms, &links, &mut uf);
    join_company_short_names(ents, &ms, &mut uf);
    join_acronyms(text, ents, &ms, &mut uf);
    in_order(ents, &ms, &mut uf)
}

/// What the steps need to know of one mention.
struct Mention<'t> {
    text: &'t str,
    /// Its words, lower-cased, without punctuation tokens or periods: "Maria T. Olsen" →
    /// `maria t olsen`, "Bashar Al-Assad" → `bashar al assad`, "U.S." → `us`.
    words: Vec<String>,
    /// A capitalised title or honorific comes right before it ("Ms. Olsen", "Sen. Haddad",
    /// "Foreign Minister Olsen"); the span conventions leave titles out of a person's span.
    titled: bool,
    /// Written in capitals in a line of capitals (a headline): "OLSEN" there is a name, not an
    /// acronym.
    headline: bool,
}

fn mentions<'t>(text: &'t str, tokens: &Tokens, ents: &[Entity]) -> Vec<Mention<'t>> {
    // whether each sentence is a line of capitals, computed once per sentence
    let mut caps_sentence: HashMap<usize, bool> = HashMap::new();
    let mut in_caps_sentence = |a: usize| {
        let s = tokens.sentence_of(a);
        *caps_sentence
            .entry(s)
            .or_insert_with(|| tokens.sentences.get(s).is_some_and(|r| all_caps(text, tokens, r.clone())))
    };
    ents.iter()
        .map(|e| {
            let a = tokens.at_or_after(e.span.start);
            let mention = e.span.of(text);
            let titled = a > 0 && {
                let w = tokens.tokens[a - 1].span.of(text);
                is_title(w) && w.starts_with(char::is_uppercase)
            };
            let headline = a < tokens.tokens.len() && is_capitals(mention) && in_caps_sentence(a);
            Mention { text: mention, words: name_words(text, tokens, e), titled, headline }
        })
        .collect()
}

/// [`Mention::words`].
fn name_words(text: &str, tokens: &Tokens, e: &Entity) -> Vec<String> {
    let mut words = Vec::new();
    let mut i = tokens.at_or_after(e.span.start);
    while i < tokens.tokens.len() && tokens.tokens[i].span.start < e.span.end {
        let t = &tokens.tokens[i];
        if t.kind != Kind::Punct {
            // a span may end inside a token ("Inc" of a sentence-final "Inc.")
            let end = t.span.end.min(e.span.end) as usize;
            // lower-cased without periods, in one pass; a soft hyphen or zero-width character
            // inside a word does not make it another name ("Eliz\u{AD}abeth" is "Elizabeth")
            let mut w = String::with_capacity(end - t.span.start as usize);
            for c in text[t.span.start as usize..end].chars() {
                if c.is_ascii() {
                    if c != '.' {
                        w.push(c.to_ascii_lowercase());
                    }
                } else if !is_invisible_in_word(c) {
                    w.extend(c.to_lowercase());
                }
            }
            if !w.is_empty() {
                words.push(w);
            }
        }
        i += 1;
    }
    words
}

/// Two or more letters, all capitals ("NATO", "OLSEN", "AT&T", "NORDVIK MINERALS").
fn is_capitals(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// A short word in capitals: "UN", "AKP", "U.S.", "SOHR" (or a headline's "OLSEN").
fn is_acronym(s: &str) -> bool {
    let mut len = 0;
    for c in s.chars().filter(|c| *c != '.') {
        if len == 8 || !(c.is_uppercase() || c.is_ascii_digit()) {
            return false;
        }
        len += 1;
    }
    len >= 2
}

/// Words after a surname that tell a father from a son (lower-case, without the period).
const GENERATIONS: &[&str] = &["ii", "iii", "iv", "jr", "sr"];

/// A name's words without a generation word at the end: "T. Boone Pickens Jr." ends with
/// "Pickens".
fn core(w: &[String]) -> &[String] {
    match w.split_last() {
        Some((last, rest)) if rest.len() >= 2 && GENERATIONS.contains(&last.as_str()) => rest,
        _ => w,
    }
}

/// The words that identify a full name in step 1: its [`core`], except that a father's "Sr."
/// stays ("John James Conyers Jr." is "John Conyers", but "His father, Duncan Hunter Sr." is not
/// the "Duncan Hunter" of the story).
fn identity(w: &[String]) -> &[String] {
    if w.last().is_some_and(|l| l == "sr") {
        w
    } else {
        core(w)
    }
}

/// A one-letter word of a name ("T" of "Maria T. Olsen").
fn is_initial(w: &str) -> bool {
    w.chars().count() == 1
}

struct Uf(Vec<usize>);

impl Uf {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

/// The people a name can mean, as its full-name mentions in document order: the first one,
/// its person, and the first mention of another person (if any). Enough to answer "who can it
/// mean here?" in constant time.
#[derive(Clone, Copy)]
struct Candidates {
    first: usize,
    person: usize,
    /// The first mention of a different person, `usize::MAX` when there is none.
    other: usize,
}

impl Candidates {
    /// Records full-name mention `j` (called in document order) of `person`.
    fn add<K: std::hash::Hash + Eq>(map: &mut HashMap<K, Candidates>, key: K, j: usize, person: usize) {
        map.entry(key)
            .and_modify(|c| {
                if c.person != person && c.other == usize::MAX {
                    c.other = j;
                }
            })
            .or_insert(Candidates { first: j, person, other: usize::MAX });
    }

    /// Who a mention at index `i` can mean: the person named before it, when every full name
    /// with its words before it names that one person (the nearest preceding full name, when
    /// that is unambiguous: "John Smith … Smith"); else, when none comes before it, the only
    /// person in the document with the name (a headline's "OLSEN" before "Maria Olsen"; news
    /// often gives a well-known name in full only late: "Obama" … "Barack Obama"); else
    /// nobody, as it could mean several people ("John Smith … Mary Smith … Smith").
    fn at(&self, i: usize) -> Option<usize> {
        let only_before = self.first < i && i < self.other;
        let only = self.first > i && self.only_one();
        (only_before || only).then_some(self.first)
    }

    fn only_one(&self) -> bool {
        self.other == usize::MAX
    }
}

/// Step 1. A person's full names (two or more words, not the ending of a longer name in the
/// document) are one person when they have the same first and last word and their middles
/// agree: initial for initial, spelled for spelled, an initial for a spelled word with that
/// letter ("Maria T. Olsen" = "Maria Theresa Olsen"). A full name without a middle
/// ("Maria Olsen") joins the one person with that first and last word and some middle, as in
/// [`Candidates::at`]; "Maria T. Olsen" and "Maria K. Olsen" are two people, and so are
/// "Maria Theresa Olsen" and "Maria Tove Olsen" — then "Maria T. Olsen" joins neither. A final
/// "Jr."/"II"/"III"/"IV" is left out ("John Conyers" = "John James Conyers Jr."), a father's "Sr."
/// is not ([`identity`]).
/// Returns which mentions are full names.
fn join_full_names(ents: &[Entity], ms: &[Mention], uf: &mut Uf) -> Vec<bool> {
    let full = full_names(ents, ms);
    let ids: Vec<&[String]> = ms.iter().map(|m| identity(&m.words)).collect();
    // the same full name is the same person
    let mut same: HashMap<&[String], usize> = HashMap::new();
    for i in (0..ms.len()).filter(|&i| full[i]) {
        uf.union(i, *same.entry(ids[i]).or_insert(i));
    }
    let middled: Vec<usize> = (0..ms.len())
        .filter(|&i| full[i] && ids[i].len() > 2 && core(ids[i]).len() == ids[i].len())
        .collect();
    join_middles(&ids, &middled, uf);
    // a full name without a middle joins the person with a middle it can mean at its first
    // mention (the same full name is one person throughout)
    let mut with_middle: HashMap<(&str, &str), Candidates> = HashMap::new();
    for &i in &middled {
        let w = ids[i];
        let p = uf.find(i);
        Candidates::add(&mut with_middle, (w[0].as_str(), w[w.len() - 1].as_str()), i, p);
    }
    for i in (0..ms.len()).filter(|&i| full[i] && ids[i].len() == 2 && same[ids[i]] == i) {
        let w = ids[i];
        if let Some(j) = with_middle.get(&(w[0].as_str(), w[1].as_str())).and_then(|c| c.at(i)) {
            uf.union(i, j);
        }
    }
    full
}

/// Which mentions are full names: a PERSON of two or more words that is not the ending of a
/// longer PERSON mention ("T. Olsen" and "Al-Assad" are short names, step 2's).
fn full_names(ents: &[Entity], ms: &[Mention]) -> Vec<bool> {
    let person = |i: usize| ents[i].label == Label::Person && ms[i].words.len() >= 2;
    let mut endings: std::collections::HashSet<&[String]> = std::collections::HashSet::new();
    for w in (0..ms.len()).filter(|&i| person(i)).map(|i| core(&ms[i].words)) {
        for s in 1..w.len().min(MAX_SHORT + 1) {
            endings.insert(&w[w.len() - s..]);
        }
    }
    (0..ms.len()).map(|i| person(i) && !endings.contains(ms[i].words.as_slice())).collect()
}

/// Joins the full names with a middle (`middled`) that have the same first word, middle
/// initials and last word, unless two of them spell a middle word differently.
fn join_middles(ids: &[&[String]], middled: &[usize], uf: &mut Uf) {
    let key = |i: usize| {
        let w = ids[i];
        let initials: String = w[1..w.len() - 1].iter().filter_map(|x| x.chars().next()).collect();
        (w[0].as_str(), initials, w[w.len() - 1].as_str())
    };
    /// The names of one key: the first, the spelled middle word seen at each place, and
    /// whether two disagree.
    struct Middles<'m> {
        first: usize,
        spelled: Vec<Option<&'m str>>,
        clash: bool,
    }
    let mut by_key: HashMap<_, Middles> = HashMap::new();
    for &i in middled {
        let middle = &ids[i][1..ids[i].len() - 1];
        let new = || Middles { first: i, spelled: vec![None; middle.len()], clash: false };
        let seen = by_key.entry(key(i)).or_insert_with(new);
        for (s, m) in seen.spelled.iter_mut().zip(middle) {
            match s {
                _ if is_initial(m) => {}
                None => *s = Some(m.as_str()),
                Some(x) => seen.clash |= *x != m.as_str(),
            }
        }
    }
    for &i in middled {
        let seen = &by_key[&key(i)];
        if !seen.clash {
            uf.union(i, seen.first);
        }
    }
}

/// Step 2. A short mention — a one-word person, ORG or PLACE mention, or a shorter person
/// mention of several words — joins a person whose full name ends with it ("Olsen",
/// "Al-Assad") or, for one word, starts with it ("Maria"), when it can mean only that person
/// there ([`Candidates::at`]): "John Smith … Smith" joins; "John Smith … Mary Smith … Smith"
/// joins neither, and that "Smith" then joins only other such ambiguous "Smith"s; "Smith …
/// Mary Smith" (the only Smith) joins. A one-word ORG or PLACE that joins becomes PERSON ("Assad"
/// after "Bashar Al-Assad"); without a title before it, only when one person in the document has
/// the name (a one-word ORG is more often a company named after a person than a PERSON
/// mistagged). Acronyms ("AKP") are left to step 5.
fn join_short_names(ents: &mut [Entity], ms: &[Mention], full: &[bool], uf: &mut Uf) -> Vec<Link> {
    let mut by_ending: HashMap<&[String], Candidates> = HashMap::with_capacity(ms.len());
    let mut by_first: HashMap<&str, Candidates> = HashMap::with_capacity(ms.len());
    let mut links = vec![Link::None; ms.len()];
    for j in (0..ms.len()).filter(|&j| full[j]) {
        let w = core(&ms[j].words);
        let p = uf.find(j);
        for s in 1..w.len().min(MAX_SHORT + 1) {
            Candidates::add(&mut by_ending, &w[w.len() - s..], j, p);
        }
        // given names of plain full names only: "Maria Olsen", "Maria T. Olsen", not the
        // tagger's "Obama spoke Hebrew" or "Clinton Email Scandal"
        if w[1..w.len() - 1].iter().all(|m| is_initial(m)) {
            Candidates::add(&mut by_first, w[0].as_str(), j, p);
        }
        links[j] = Link::Person(j);
    }
    for i in (0..ms.len()).filter(|&i| !full[i]) {
        let w = ms[i].words.as_slice();
        let label = ents[i].label;
        let short_person = label == Label::Person && !w.is_empty() && w.len() <= MAX_SHORT;
        let one_word_name = matches!(label, Label::Org | Label::Place)
            && w.len() == 1
            && (!is_acronym(ms[i].text) || ms[i].headline);
        if !short_person && !one_word_name {
            continue;
        }
        // a lone word is a surname when some full name ends with it ("Martin" is Cedric Martin,
        // not the tagger's "Martin Wine Cellar"); a one-word ORG or PLACE is never a given name
        // ("Koszalin" of a tagger's "Koszalin Piotr Jedlinski")
        let given = || {
            let person_word = w.len() == 1 && label == Label::Person;
            by_first.get(w[0].as_str()).copied().filter(|_| person_word)
        };
        let Some(c) = by_ending.get(w).copied().or_else(given) else { continue };
        match c.at(i) {
            Some(j) if label == Label::Person || ms[i].titled || c.only_one() => {
                uf.union(i, j);
                ents[i].label = Label::Person;
                links[i] = Link::Person(j);
            }
            None if label == Label::Person => links[i] = Link::Ambiguous,
            _ => {}
        }
    }
    links
}

/// What steps 1–2 made of a mention, for step 3.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Link {
    /// Not a person's name, or no full name it could be short for.
    None,
    /// A full name, or short for the person of this full-name mention.
    Person(usize),
    /// Short for one of several people: it joins only the same words that are ambiguous too.
    Ambiguous,
}

/// Step 3. Mentions with the same words are one entity, whatever their case and dots ("NORDVIK
/// MINERALS" in a headline = "Nordvik Minerals"; "U.S." = "US"). A mention step 2 found
/// ambiguous ("Smith" after "John Smith" and "Mary Smith") joins only ambiguous ones, and no
/// group joins two people that steps 1–2 kept apart.
fn join_same_words(ms: &[Mention], links: &[Link], uf: &mut Uf) {
    /// The mentions of some words (and ambiguity): the first, and its person if any.
    struct Group {
        first: usize,
        person: Option<usize>,
    }
    let mut groups: HashMap<_, Group> = HashMap::with_capacity(ms.len());
    for (i, m) in ms.iter().enumerate() {
        if m.words.is_empty() {
            continue;
        }
        let person = match links[i] {
            Link::Person(p) => Some(p),
            _ => None,
        };
        let key = (m.words.as_slice(), links[i] == Link::Ambiguous);
        let g = groups.entry(key).or_insert(Group { first: i, person });
        match (g.person, person) {
            (Some(p), Some(q)) if uf.find(p) != uf.find(q) => continue,
            (None, Some(q)) => g.person = Some(q),
            _ => {}
        }
        uf.union(i, g.first);
    }
}

/// Step 4. An ORG mention that is a company's name without its company suffix joins it
/// ("Sony" = "Sony Corp.", "Elsevier" = "Elsevier N.V."), when one company has that name.
fn join_company_short_names(ents: &[Entity], ms: &[Mention], uf: &mut Uf) {
    // the words have no periods: "N.V." is "nv", listed as such
    let is_suffix = lexicon::is_company_ending;
    let mut companies: HashMap<&[String], (usize, bool)> = HashMap::new();
    for (j, m) in ms.iter().enumerate() {
        let w = &m.words;
        if ents[j].label == Label::Org && w.len() >= 2 && is_suffix(&w[w.len() - 1]) {
            let short = &w[..w.len() - 1];
            let c = companies.entry(short).or_insert((j, false));
            c.1 |= ms[c.0].words != *w;
        }
    }
    for (i, m) in ms.iter().enumerate() {
        if ents[i].label != Label::Org {
            continue;
        }
        if let Some(&(j, false)) = companies.get(m.words.as_slice()) {
            uf.union(i, j);
        }
    }
}

/// Initials of the capitalised words ("United Nations" → "UN", "Syrian Observatory for Human
/// Rights" → "SOHR").
fn initials(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// Step 5. An acronym joins the name right before it in brackets ("Justice and Development
/// Party (AKP"), else the first other name of two or more words with its initials ("UN" =
/// "United Nations").
fn join_acronyms(text: &str, ents: &[Entity], ms: &[Mention], uf: &mut Uf) {
    let n = ms.len();
    let mut by_initials: HashMap<String, [usize; 2]> = HashMap::new();
    for (j, m) in ms.iter().enumerate() {
        if m.words.len() >= 2 {
            let e = by_initials.entry(initials(m.text)).or_insert([j, usize::MAX]);
            if e[0] != j && e[1] == usize::MAX {
                e[1] = j;
            }
        }
    }
    for i in 0..n {
        if !is_acronym(ms[i].text) {
            continue;
        }
        let short: String = ms[i].text.chars().filter(|c| *c != '.').collect();
        let paren = i > 0 && ms[i - 1].words.len() >= 2 && {
            let gap = &text[ents[i - 1].span.end as usize..ents[i].span.start as usize];
            gap.trim() == "("
        };
        let by_ini =
            by_initials.get(&short).and_then(|js| js.iter().copied().find(|&j| j != i && j != usize::MAX));
        let j = match (paren, by_ini) {
            (true, Some(j)) => Some(j.min(i - 1)),
            (true, None) => Some(i - 1),
            (false, j) => j,
        };
        if let Some(j) = j {
            uf.union(i, j);
        }
    }
}

/// Step 6. Clusters in order of first mention. `canonical` is the most complete mention, the
/// one a reader would put in an index: not written in capitals (acronym or headline) when
/// another is, then the most words ("Maria T. Olsen" over "Maria Olsen"), then the most
/// characters ("Maria Theresa Olsen" over "Maria T. Olsen"), then the first. The cluster's label
/// is the canonical mention's.
fn in_order(ents: &mut [Entity], ms: &[Mention], uf: &mut Uf) -> Vec<Cluster> {
    let rank = |i: usize| (!is_capitals(ms[i].text), ms[i].words.len(), ms[i].text.chars().count());
    let mut root_to_cluster: HashMap<usize, usize> = HashMap::with_capacity(ms.len());
    let mut best: Vec<usize> = Vec::new();
    for (i, e) in ents.iter_mut().enumerate() {
        let r = uf.find(i);
        let c = *root_to_cluster.entry(r).or_insert_with(|| {
            best.push(i);
            best.len() - 1
        });
        e.cluster = c as u32;
        if rank(i) > rank(best[c]) {
            best[c] = i;
        }
    }
    best.iter().map(|&i| Cluster { canonical: ents[i].span, label: ents[i].label }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;
    use crate::tokens::tokenize;

    /// Clusters the marked mentions of `marked` and checks the result. `[[text|L:g]]` marks a
    /// mention with label `L` (`P`, `O`, `L`, `M`: PERSON, ORG, PLACE, MISC; `O>P`: ORG that
    /// becomes PERSON) and group `g`: mentions with the same letter, whatever its case, are one
    /// cluster, other letters other clusters, and the upper-case one is the cluster's canonical.
    fn check(marked: &str) {
        let label = |c: &str| match c {
            "P" => Label::Person,
            "O" => Label::Org,
            "L" => Label::Place,
            _ => Label::Misc,
        };
        let (mut text, mut rest, mut want) = (String::new(), marked, Vec::new());
        while let Some(open) = rest.find("[[") {
            text.push_str(&rest[..open]);
            let (inner, after) = rest[open + 2..].split_once("]]").expect("closed");
            let (name, tag) = inner.rsplit_once('|').expect("tagged");
            let (labels, group) = tag.split_once(':').expect("grouped");
            let (from, to) = labels.split_once('>').unwrap_or((labels, labels));
            let span = Span::new(text.len(), text.len() + name.len());
            text.push_str(name);
            want.push((span, label(from), label(to), group.chars().next().unwrap()));
            rest = after;
        }
        text.push_str(rest);
        let mut ents: Vec<Entity> =
            want.iter().map(|w| Entity { span: w.0, label: w.1, score: 0.9, cluster: 0 }).collect();
        let clusters = cluster(&text, &tokenize(&text), &mut ents);
        let same = |g: char, h: char| g.eq_ignore_ascii_case(&h);
        for (i, (e, w)) in ents.iter().zip(&want).enumerate() {
            let name = e.span.of(&text);
            assert_eq!(e.label, w.2, "{name:?} in {marked:?}");
            for (f, v) in ents.iter().zip(&want).skip(i + 1) {
                let (a, b) = (name, f.span.of(&text));
                assert_eq!(e.cluster == f.cluster, same(w.3, v.3), "{a:?} and {b:?} in {marked:?}");
            }
            if w.3.is_uppercase() {
                let canonical = clusters[e.cluster as usize].canonical.of(&text);
                assert_eq!(canonical, name, "canonical of {name:?} in {marked:?}");
            }
        }
    }

    #[test]
    fn full_names_with_and_without_a_middle() {
        check("[[Maria T. Olsen|P:A]] spoke; [[Maria Olsen|P:a]] left.");
        check("[[Maria Olsen|P:a]] spoke; [[Maria T. Olsen|P:A]] left.");
        check("[[Maria Theresa Olsen|P:A]] and [[Maria T. Olsen|P:a]] are one.");
        check("[[George Herbert Walker Bush|P:A]] is [[George H. W. Bush|P:a]].");
        check("[[Maria T. Olsen|P:A]] met [[Maria K. Olsen|P:B]].");
        check("[[Maria T. Olsen|P:A]] met [[Maria K. Olsen|P:B]]; then [[Maria Olsen|P:C]] spoke.");
        check("[[Maria T. Olsen|P:A]] spoke; [[Maria Olsen|P:a]] and [[Maria K. Olsen|P:B]] left.");
        check("[[Maria Theresa Olsen|P:A]] met [[Maria Tove Olsen|P:B]] and [[Maria T. Olsen|P:C]].");
        check("[[Bashar Al-Assad|P:A]] is [[Bashar Assad|P:a]].");
        check("[[T. Boone Pickens Jr.|P:A]] spoke; [[Pickens|P:a]] left.");
        check("[[Duncan Hunter|P:B]] and his father [[Duncan Hunter Sr.|P:A]] ran; [[Hunter|P:C]] won.");
        check("[[John Conyers|P:a]] died. [[John James Conyers Jr.|P:A]] was born in 1929.");
    }

    #[test]
    fn surnames_join_the_one_person_they_can_mean() {
        check("[[Maria T. Olsen|P:A]] spoke. [[Olsen|P:a]] left. Ms. [[Olsen|P:a]] agreed.");
        check("[[Lena Haddad|P:A]] spoke. Sen. [[Haddad|P:a]] and Dr. [[Haddad|P:a]] agreed.");
        check("[[Bashar Al-Assad|P:A]] spoke. [[Al-Assad|P:a]] and [[Assad|P:a]] left.");
        check("[[OLSEN|P:a]] QUITS\n[[Maria Olsen|P:A]] quit on Monday.");
        check("[[John Smith|P:A]] and [[Mary Smith|P:B]] left.");
        check("[[John Smith|P:A]] spoke. [[Smith|P:a]] left. [[Mary Smith|P:B]] came. [[Smith|P:C]] and [[Smith|P:c]] said.");
        check("[[SMITH|P:C]] WINS\n[[John Smith|P:A]] and [[Mary Smith|P:B]] won.");
    }

    #[test]
    fn given_names_and_mislabelled_surnames() {
        check("[[Jens Stoltenberg|P:A]] spoke. [[Jens|P:a]] smiled.");
        check("[[Martin Lee|P:B]] met [[Cedric Martin|P:A]]. [[Martin|P:a]] left.");
        check("[[Koszalin Piotr Jedlinski|P:A]] spoke in [[Koszalin|L:B]].");
        check("[[Bashar Al-Assad|P:A]] spoke. [[Assad|O>P:a]] left.");
        check("[[John Smith|P:A]] spoke. [[Smith|O:C]] rose. [[Mary Smith|P:B]] came.");
        check("[[John Smith|P:A]] spoke. Dr. [[Smith|O>P:a]] rose. [[Mary Smith|P:B]] came.");
    }

    #[test]
    fn same_words_companies_and_acronyms() {
        check("[[NORDVIK MINERALS|O:a]] FALLS\n[[Nordvik Minerals|O:A]] fell in [[U.S.|L:B]] and [[US|L:b]] trading.");
        check("[[Sony Corp.|O:A]] said [[Sony|O:a]] would grow.");
        check("[[Sony Corp.|O:A]] and [[Sony Group|O:B]] differ from [[Sony|O:C]].");
        check("The [[United Nations|O:A]] ([[UN|O:a]]) met. The [[UN|O:a]] agreed.");
        check("The [[Justice and Development Party|O:A]] ([[AKP|O:a]]) won.");
    }
}
