//! Numbers with their values: cardinals, ordinals, percentages, money, quantities, dates, times.
//!
//! One left-to-right pass over the number layer's own tokens (`lex.rs`): at each token the
//! longest expression that starts there wins (a hedge such as "at least" belongs to it), then
//! the scan continues after it, so the results are sorted and never overlap. The grammar is
//! plain code over tokens (no regexes, no backtracking), linear in the text's length.
//!
//! Conventions (newswire, as in OntoNotes; see `tests/it/numbers.rs` for an example of each):
//! - A hedge is inside the span and named in `modifier` ("at least 33", "some 3.6 million" =
//!   about). "only", "another", "an additional" are inside the span with no modifier. Hedges
//!   "over"/"under" are not taken into dates ("over the past two years"); "up to" is ("up to
//!   10 years"), and so is "only" before a counted duration ("only three months").
//!   "as early as"/"as late as" and "early in"/"late in" belong to the date or time.
//! - A range is one item, `value` the lower and `to` the upper bound: "between 10 and 20",
//!   "10-20%", "1% to 2%", "$30 to $40", "5 to 44 days", "2012–13" (a date, iso `2012/2013`).
//!   After a change word ("rose $4 to $367.30", "a gain of 0.54 cent to 14.26 cents") "to"
//!   names the new level: two numbers, not a range; so do falling bounds (a vote "59% to 41%",
//!   bid and asked quotes "8 3/4% to 8 5/8%").
//! - Money: `currency` is ISO 4217 (a bare `$` is USD); "30 cents" is money 30 with unit `¢`.
//! - Durations are read as dates or times ("three months", "61 years old", "two hours", "2
//!   nights") with a unit (`mo`, `yr`, `h`, `night`, ...); so is an age in apposition ("Arthur
//!   Hatch, 59,"). The grammar counts them internally; `durations.rs` then makes a length of time
//!   a `duration` and an age an `age` with that count as `value` (`newsmark/2`). What stays a
//!   date or time ("two years ago", "2 nights") has no `value` and no `to` (the wire contract).
//! - `iso`: `2019`, `2019-12`, `2019-12-27`, `--02-27`, `--02` (a month alone), `199` (a
//!   decade), `T15:30`, `a/b` for ranges; none for weekdays and relative dates.
//! - Not numbers: codes and names ("COVID-19", "F-16", "G7", "M5", "3D", "Boeing 737",
//!   "Article 5", "Section 501", "900 service"), phone numbers, ratios ("24/7", "90/10"), "one"
//!   as a pronoun ("one of the", "no one", "for one,"), the period of a rate after a count
//!   ("300,000 copies a day").

mod amounts;
mod dates;
// newsmark/2: durations and ages (kept apart from the grammar; one hook in `Numbers::find`)
mod durations;
mod expressions;
mod hedges;
mod lex;
// numbers that are none: inside a name or an idiom (hooks in `Numbers::find` and the annotator)
mod names;
mod parser;
mod scan;
mod suffixes;
mod temporal;
mod units;
// the grammar's words as a Bloom filter (shared with build.rs, which fills it)
mod word_filter;
mod words;

use crate::span::Span;
use crate::tokens::Tokens;
use lex::{num_value, Tok, TokKind};
use parser::{is_apostrophe, is_dash, is_minus, Parser};
use temporal::Temporal;
use units::UnitClass;

pub use names::{drop_inside_names, InsideNames};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Cardinal,
    Ordinal,
    Percent,
    Money,
    Quantity,
    Date,
    Time,
    /// A length of time ("three months", "a 15-year sentence"): `newsmark/2`.
    Duration,
    /// An age ("60 years old", "Hatch, 59,"): `newsmark/2`.
    Age,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Cardinal => "cardinal",
            Kind::Ordinal => "ordinal",
            Kind::Percent => "percent",
            Kind::Money => "money",
            Kind::Quantity => "quantity",
            Kind::Date => "date",
            Kind::Time => "time",
            Kind::Duration => "duration",
            Kind::Age => "age",
        }
    }
}

/// The hedge inside a number's span ("at least 33").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Modifier {
    About,
    AtLeast,
    AtMost,
    MoreThan,
    LessThan,
    UpTo,
    Nearly,
    Over,
    Under,
}

impl Modifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Modifier::About => "about",
            Modifier::AtLeast => "at_least",
            Modifier::AtMost => "at_most",
            Modifier::MoreThan => "more_than",
            Modifier::LessThan => "less_than",
            Modifier::UpTo => "up_to",
            Modifier::Nearly => "nearly",
            Modifier::Over => "over",
            Modifier::Under => "under",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Number {
    pub span: Span,
    pub kind: Kind,
    /// The number in its own unit or currency (a duration's or an age's count); the lower
    /// bound of a range. None for dates, times and vague amounts.
    pub value: Option<f64>,
    /// The upper bound of a range.
    pub to: Option<f64>,
    pub modifier: Option<Modifier>,
    /// Normalised unit symbol ("km", "°C").
    pub unit: Option<&'static str>,
    /// ISO 4217 code.
    pub currency: Option<&'static str>,
    /// ISO 8601 for dates and times, as far as the text pins it down.
    pub iso: Option<String>,
}

pub struct Numbers {}

/// Bytes of text the number layer reads at a time (see [`Numbers::each`]).
pub const PIECE: usize = 64 * 1024;

impl Default for Numbers {
    fn default() -> Self {
        Numbers::new()
    }
}

impl Numbers {
    pub fn new() -> Numbers {
        Numbers {}
    }

    /// Numbers, sorted and non-overlapping.
    pub fn find(&self, text: &str, _tokens: &Tokens) -> Vec<Number> {
        let mut out = Vec::new();
        self.each(text, PIECE, |n| out.push(n));
        out
    }

    /// Hands each number to `f`, in order, finding them piece by piece (`text::pieces`, cut at
    /// line ends, which no number crosses) so that working memory stays bounded by `piece`
    /// bytes of text whatever the text's length: the lexer's tokens cost 48 bytes each.
    pub fn each(&self, text: &str, piece: usize, mut f: impl FnMut(Number)) {
        for (at, part) in crate::text::pieces(text, piece) {
            for mut n in self.find_whole(part) {
                n.span = Span::new(n.span.start as usize + at, n.span.end as usize + at);
                f(n);
            }
        }
    }

    fn find_whole(&self, text: &str) -> Vec<Number> {
        let toks = lex::lex(text);
        let p = Parser::new(text, &toks);
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            match p.best_at(i) {
                Some(mut c) if c.e > i => {
                    if names::is_none(&p, &c) {
                        i = c.e;
                        continue;
                    }
                    names::headline_over(&p, &mut c);
                    durations::classify(&p, &mut c);
                    let span = Span::new(toks[c.s].s, toks[c.e - 1].e);
                    let dated = matches!(c.kind, Kind::Date | Kind::Time);
                    out.push(Number {
                        span,
                        kind: c.kind,
                        value: if dated { None } else { c.value },
                        to: if dated { None } else { c.to },
                        modifier: c.modifier,
                        unit: c.unit,
                        currency: c.currency,
                        iso: c.iso.map(|t| t.to_string()),
                    });
                    i = c.e;
                }
                _ => i += 1,
            }
        }
        out
    }
}

/// The tokens of `text` where the grammar finds a number although `Parser::may_start_at` rules
/// the token out (so the scan would miss it): always none. For the tests, which check the claim
/// on every numbers example and every data file.
#[doc(hidden)]
pub fn start_gate_misses(text: &str) -> Vec<String> {
    let toks = lex::lex(text);
    let p = Parser::new(text, &toks);
    (0..toks.len())
        .filter(|&i| !p.may_start_at(i) && p.best_at_any(i).is_some())
        .map(|i| format!("{:?} at byte {}", toks[i].low, toks[i].s))
        .collect()
}

/// The date at `k` names a month or a day of one ("Dec 19", "28 june", "the 28th of June"),
/// not a bare number that could be a count.
fn month_word_at(p: &Parser, k: usize) -> bool {
    (k..k + 4).any(|j| dates::month(p.word(j)).is_some())
}

/// A candidate expression over tokens `s..e`.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub s: usize,
    pub e: usize,
    pub kind: Kind,
    pub value: Option<f64>,
    pub to: Option<f64>,
    pub modifier: Option<Modifier>,
    pub unit: Option<&'static str>,
    pub currency: Option<&'static str>,
    /// What a date or time names; written as ISO text by `Numbers::find`.
    pub iso: Option<Temporal>,
}

impl Candidate {
    fn new(s: usize, e: usize, kind: Kind) -> Candidate {
        Candidate { s, e, kind, value: None, to: None, modifier: None, unit: None, currency: None, iso: None }
    }
}

/// An amount: digits or words, with scale.
#[derive(Clone, Debug, Default)]
pub(crate) struct Amount {
    pub s: usize,
    pub end: usize,
    pub value: Option<f64>,
    pub word: bool,
    /// A plain digit integer ("2016", not "2,016" or "3.5").
    pub plain: bool,
    pub scaled: bool,
    pub ordinal: bool,
    /// "a"/"an" standing for one: only before a unit.
    pub article: bool,
    /// "a few", "several": only before a unit.
    pub few: bool,
    /// "hundreds", "dozens".
    pub vague: bool,
    /// A unit symbol glued to the digits ("29km").
    pub glued_unit: Option<(&'static str, UnitClass)>,
    /// "30-odd", "forty-some": about the amount.
    pub approx: bool,
}

fn scale_of(w: &str) -> Option<f64> {
    words::scale_word(w)
}

pub(crate) struct Suffix {
    pub end: usize,
    pub kind: Kind,
    pub unit: Option<&'static str>,
    pub currency: Option<&'static str>,
}

fn unit_class_kind(uc: UnitClass) -> Kind {
    match uc {
        UnitClass::Quantity => Kind::Quantity,
        UnitClass::DateSpan => Kind::Date,
        UnitClass::TimeSpan => Kind::Time,
    }
}

fn vulgar(s: &str) -> Option<f64> {
    Some(match s {
        "½" => 0.5,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        "⅕" => 0.2,
        "⅖" => 0.4,
        "⅗" => 0.6,
        "⅘" => 0.8,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        _ => return None,
    })
}

pub(crate) fn is_year(v: f64) -> bool {
    (1000.0..=2199.0).contains(&v) && v.fract() == 0.0
}

pub(crate) fn is_year_token(s: &str) -> bool {
    s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) && matches!(s.as_bytes()[0], b'1' | b'2') && {
        let v: u32 = s.parse().unwrap_or(0);
        (1200..=2199).contains(&v)
    }
}

pub(crate) fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "in" | "about"
            | "over"
            | "some"
            | "only"
            | "of"
            | "to"
            | "by"
            | "at"
            | "on"
            | "for"
            | "and"
            | "but"
            | "the"
            | "with"
            | "from"
            | "since"
            | "until"
            | "after"
            | "before"
            | "around"
            | "nearly"
            | "almost"
            | "all"
            | "just"
            | "than"
            | "between"
            | "under"
            | "up"
            | "as"
            | "least"
            | "most"
            | "more"
            | "less"
            | "fewer"
            | "top"
            | "page"
            | "fig"
            | "figure"
            | "no"
            | "a"
            | "an"
            | "another"
            | "last"
            | "next"
            | "per"
            | "among"
            | "are"
            | "is"
            | "were"
            | "was"
            | "be"
            | "or"
            | "if"
            | "when"
            | "while"
            | "killed"
            | "said"
            | "says"
            | "rose"
            | "fell"
            | "to."
            | "nearly."
            | "roughly"
            | "approximately"
            | "another."
            | "these"
            | "those"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "my"
            | "your"
    )
}
