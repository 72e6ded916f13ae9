//! Number words that are no numbers: inside a name ("One Direction", "the Big Three", "Formula
//! One", "the Group of Seven") or an idiom ("at sixes and sevens", "on cloud nine"), and the
//! headline "over" that is no hedge ("Senator grills bank over $2 billion fine").
//!
//! Run once on each finished expression (`Numbers::find`), after the grammar, so the grammar
//! itself stays about numbers; names the entity layer found are consulted after that
//! (`drop_inside_names`, called by the annotator).

use super::lex::TokKind;
use super::{dates, is_function_word, words, Candidate, Kind, Modifier, Number, Parser};
use crate::span::Span;

/// Idioms with a number word in them that counts nothing, as lower-cased tokens separated by
/// spaces (a hyphen is a token of its own). Sorted, no repeats. Not "in one fell swoop" nor
/// "two birds with one stone": newswire annotation counts those ("one", "two" are cardinals).
const IDIOMS: &[&str] = &[
    "a dime a dozen",
    "at sixes and sevens",
    "at the eleventh hour",
    "back to square one",
    "behind the eight ball",
    "cloud nine",
    "dressed to the nines",
    "forty winks",
    "high - five",
    "high five",
    "in two minds",
    "my two cents",
    "nine - to - five",
    "of two minds",
    "on all fours",
    "on the one hand",
    "one of a kind",
    "put two and two together",
    "seventh heaven",
    "six feet under",
    "six of one",
    "sixth sense",
    "square one",
    "take five",
    "the one and only",
    "the whole nine yards",
    "two left feet",
];

/// Is the expression `c` no number: a number word inside an idiom or a name?
pub(crate) fn is_none(p: &Parser, c: &Candidate) -> bool {
    matches!(c.kind, Kind::Cardinal | Kind::Ordinal | Kind::Quantity) && (in_idiom(p, c) || in_name(p, c))
}

/// The expression lies inside one of the `IDIOMS` written out around it.
fn in_idiom(p: &Parser, c: &Candidate) -> bool {
    // every idiom's number is a word: most numbers (digits) end here
    if p.t[c.s].kind != TokKind::Word {
        return false;
    }
    let first = p.low(c.s);
    IDIOMS.iter().any(|idiom| {
        let len = idiom.split(' ').count();
        idiom.split(' ').enumerate().any(|(o, w)| {
            w == first
                && c.s >= o
                && c.s - o + len >= c.e
                && idiom.split(' ').enumerate().all(|(k, w)| p.low(c.s - o + k) == w)
        })
    })
}

/// A spelled-out number written with a capital inside a sentence, next to another capitalised
/// word: a name ("fans of One Direction", "the Big Three automakers", "the Group of Seven").
/// Not at the start of a sentence ("Three Americans died") nor in a headline written in title
/// case ("Two Dead In Crash").
fn in_name(p: &Parser, c: &Candidate) -> bool {
    let spelled = (c.s..c.e).all(|k| p.t[k].kind == TokKind::Word || p.low(k) == "-");
    // capitalised, not shouted in capitals ("IT'S A TWO BIRDS with one stone deal")
    let capitalised = |k: usize| p.t[k].cap && p.raw(k).chars().skip(1).any(char::is_lowercase);
    if !spelled || !(c.s..c.e).all(|k| p.t[k].kind != TokKind::Word || capitalised(k)) || c.s == 0 {
        return false;
    }
    // inside a sentence: a word or a comma before it on the same line
    let before = &p.t[c.s - 1];
    let same_line = !p.text[before.e..p.t[c.s].s].contains('\n');
    if !same_line || !(before.kind == TokKind::Word || before.low == ",") {
        return false;
    }
    let name_word = |k: usize| {
        p.t.get(k).is_some_and(|t| t.kind == TokKind::Word)
            && capitalised(k)
            && !number_word(p.word(k))
            && dates::month(p.word(k)).is_none()
            && dates::weekday(p.word(k)).is_none()
    };
    let next = name_word(c.e) && !p.text[p.t[c.e - 1].e..p.t[c.e].s].contains('\n');
    let prev = name_word(c.s - 1) || (p.word(c.s - 1) == "of" && c.s >= 2 && name_word(c.s - 2));
    (next || prev) && !title_case_line(p, c.s)
}

fn number_word(w: &str) -> bool {
    words::unit_word(w).is_some()
        || words::tens_word(w).is_some()
        || words::scale_word(w).is_some()
        || words::ordinal_word(w).is_some()
}

/// Hardly a longer word around token `k` on its line is in lower case: a headline in title
/// case ("Two Dead In Crash As Storm Hits"), where capitals say nothing about names.
fn title_case_line(p: &Parser, k: usize) -> bool {
    let (mut lower, mut all) = (0, 0);
    let mut count = |j: usize| {
        let t = &p.t[j];
        if t.kind == TokKind::Word && t.e - t.s >= 4 && !is_function_word(&t.low) {
            all += 1;
            lower += usize::from(!t.cap);
        }
    };
    let mut j = k;
    while j > 0 && k - j < 12 && !p.text[p.t[j - 1].e..p.t[j].s].contains('\n') {
        j -= 1;
        count(j);
    }
    let mut j = k;
    while j + 1 < p.t.len() && j - k < 12 && !p.text[p.t[j].e..p.t[j + 1].s].contains('\n') {
        j += 1;
        count(j);
    }
    all >= 4 && lower * 6 <= all
}

/// Nouns an amount of money describes when it stands right before them ("a $2 billion fine", "a
/// $5m deal"). Sorted, no repeats.
const MONEY_NOUNS: &[&str] = &[
    "bailout",
    "bid",
    "bill",
    "bond",
    "bonus",
    "budget",
    "charge",
    "claim",
    "contract",
    "deal",
    "debt",
    "donation",
    "fee",
    "fine",
    "fund",
    "grant",
    "judgment",
    "lawsuit",
    "levy",
    "loan",
    "loss",
    "offer",
    "order",
    "package",
    "payment",
    "payout",
    "penalty",
    "purchase",
    "ransom",
    "refund",
    "settlement",
    "subsidy",
    "suit",
    "takeover",
    "tax",
    "verdict",
    "write-down",
];

/// "over" in its headline sense, "because of", is no hedge: "grills bank over $2 billion fine",
/// "row over $5m deal" (the amount describes the noun after it). The span starts after "over",
/// with no modifier. "incomes over $45,000 who" keeps its hedge.
pub(crate) fn headline_over(p: &Parser, c: &mut Candidate) {
    if c.kind != Kind::Money || c.modifier != Some(Modifier::Over) || p.word(c.s) != "over" || c.s == 0 {
        return;
    }
    // after a word that is no function word: "a total of over $1.2 billion tax dollars" hedges
    let before = p.word(c.s - 1);
    if MONEY_NOUNS.binary_search(&p.word(c.e)).is_ok() && !before.is_empty() && !is_function_word(before) {
        c.s += 1;
        c.modifier = None;
    }
}

/// Cardinals and ordinals that lie inside a longer name the entity layer found ("Formula One",
/// "Channel 4", "the 101st Airborne"), joined to its words by a space: not a count after a dash
/// or a comma that a name's span ran over ("Scottish National Party - 48 seats"), nor one that
/// opens it ("24 States"). Asked of each number in order of start, so that numbers can be
/// checked as they are found. `names` sorted by start, as the entity layer gives them; byte
/// offsets into `text`.
pub struct InsideNames<'a> {
    names: &'a [Span],
    text: &'a str,
    /// The first name that does not end before the numbers asked about so far.
    next: usize,
}

impl<'a> InsideNames<'a> {
    pub fn new(names: &'a [Span], text: &'a str) -> Self {
        InsideNames { names, text, next: 0 }
    }

    /// Whether `n` is part of a name and no number; `n` starts at or after the previous one.
    pub fn holds(&mut self, n: &Number) -> bool {
        !self.keeps(n)
    }

    fn keeps(&mut self, n: &Number) -> bool {
        let (s, e) = (n.span.start, n.span.end);
        while self.next < self.names.len() && self.names[self.next].end <= s {
            self.next += 1;
        }
        let Some(name) =
            self.names.get(self.next).filter(|x| x.start <= s && e <= x.end && x.end - x.start > e - s)
        else {
            return true;
        };
        let before = self.text.get(name.start as usize..s as usize).unwrap_or("");
        let after = self.text.get(e as usize..name.end as usize).unwrap_or("");
        let joined = |part: &str, end: bool| {
            let t = part.trim_matches(' ');
            let edge = if end { t.chars().last() } else { t.chars().next() };
            t.is_empty() || edge.is_some_and(char::is_alphanumeric)
        };
        let inside = joined(before, true) && joined(after, false);
        // a count that opens the name is the entity layer's slip ("24 States"); an ordinal
        // opens many names ("101st Airborne", "4th Infantry Division")
        let count_first = n.kind == Kind::Cardinal && before.trim().is_empty();
        !(inside && !count_first && matches!(n.kind, Kind::Cardinal | Kind::Ordinal))
    }
}

/// Drops the numbers that [`InsideNames`] holds.
pub fn drop_inside_names(numbers: &mut Vec<Number>, names: &[Span], text: &str) {
    let mut inside = InsideNames::new(names, text);
    numbers.retain(|n| !inside.holds(n));
}

#[cfg(test)]
mod tests {
    use super::{IDIOMS, MONEY_NOUNS};

    #[test]
    fn word_lists_are_sorted_without_repeats() {
        for list in [IDIOMS, MONEY_NOUNS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }
}
