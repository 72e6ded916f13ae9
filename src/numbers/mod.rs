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

mod dates;
// newsmark/2: durations and ages (kept apart from the grammar; one hook in `Numbers::find`)
mod durations;
mod lex;
// numbers that are none: inside a name or an idiom (hooks in `Numbers::find` and the annotator)
mod names;
mod units;
mod words;

use crate::span::Span;
use crate::tokens::Tokens;
use lex::{num_value, Tok, TK};
use units::UC;

pub use names::drop_inside_names;

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
        let toks = lex::lex(text);
        let p = P::new(text, &toks);
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
                        iso: c.iso,
                    });
                    i = c.e;
                }
                _ => i += 1,
            }
        }
        out
    }
}

/// The date at `k` names a month or a day of one ("Dec 19", "28 june", "the 28th of June"),
/// not a bare number that could be a count.
fn month_word_at(p: &P, k: usize) -> bool {
    (k..k + 4).any(|j| dates::month(p.w(j)).is_some())
}

/// A candidate expression over tokens `s..e`.
#[derive(Clone, Debug)]
pub(crate) struct Cand {
    pub s: usize,
    pub e: usize,
    pub kind: Kind,
    pub value: Option<f64>,
    pub to: Option<f64>,
    pub modifier: Option<Modifier>,
    pub unit: Option<&'static str>,
    pub currency: Option<&'static str>,
    pub iso: Option<String>,
}

impl Cand {
    fn new(s: usize, e: usize, kind: Kind) -> Cand {
        Cand { s, e, kind, value: None, to: None, modifier: None, unit: None, currency: None, iso: None }
    }
}

/// An amount: digits or words, with scale.
#[derive(Clone, Debug)]
pub(crate) struct Amt {
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
    pub glued_unit: Option<(&'static str, UC)>,
    /// "30-odd", "forty-some": about the amount.
    pub approx: bool,
}

pub(crate) struct P<'a> {
    pub text: &'a str,
    pub t: &'a [Tok<'a>],
    /// Tokens inside phone numbers and codes: never numbers.
    pub blocked: Vec<bool>,
    /// Tokens a spelled-out number may start at (`words::may_start`, asked once per token).
    num_word: Vec<bool>,
}

const DASHES: &[&str] = &["-", "‐", "‑", "–", "—", "−"];

pub(crate) fn is_dash(s: &str) -> bool {
    DASHES.contains(&s)
}

impl<'a> P<'a> {
    fn new(text: &'a str, t: &'a [Tok<'a>]) -> P<'a> {
        let num_word = (0..t.len()).map(|i| words::may_start(t, i)).collect();
        let mut p = P { text, t, blocked: vec![false; t.len()], num_word };
        p.block_codes();
        p
    }

    pub fn n(&self) -> usize {
        self.t.len()
    }

    /// `words::parse_words` at `i`, ruling most tokens out by their stored `may_start`.
    pub fn parse_words(&self, i: usize) -> Option<words::WordNum> {
        if !self.num_word.get(i).copied().unwrap_or(false) {
            return None;
        }
        words::parse_words(self.t, i)
    }

    /// Lower-cased word at `i`, or "" when `i` is not a word.
    pub fn w(&self, i: usize) -> &str {
        match self.t.get(i) {
            Some(t) if t.kind == TK::Word => &t.low,
            _ => "",
        }
    }

    /// Lower-cased text of any token at `i` ("" past the end).
    pub fn l(&self, i: usize) -> &str {
        self.t.get(i).map_or("", |t| t.low.as_ref())
    }

    pub fn raw(&self, i: usize) -> &str {
        self.t.get(i).map_or("", |t| &self.text[t.s..t.e])
    }

    pub fn is_num(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == TK::Num)
    }

    /// Token `i` exists and has no whitespace before it.
    pub fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.sp)
    }

    pub fn plain_int(&self, i: usize) -> bool {
        self.is_num(i) && !self.t[i].low.contains([',', '.'])
    }

    #[allow(dead_code)]
    pub fn int_at(&self, i: usize) -> Option<u32> {
        if self.plain_int(i) && self.t[i].low.len() <= 4 {
            self.t[i].low.parse().ok()
        } else {
            None
        }
    }

    /// "a" at `i` follows a noun that a count a few words before measures: "copies" in "sells
    /// 300,000 copies a day", "uranium" in "400,000 pounds of uranium a year".
    fn rate_after_count(&self, i: usize) -> bool {
        if i == 0 || self.t[i - 1].kind != TK::Word || is_function_word(self.w(i - 1)) {
            return false;
        }
        if matches!(
            self.w(i - 1),
            "take"
                | "takes"
                | "took"
                | "taking"
                | "spend"
                | "spent"
                | "was"
                | "is"
                | "be"
                | "during"
                | "within"
                | "throughout"
        ) {
            return false;
        }
        (i.saturating_sub(5)..i - 1).any(|k| self.is_num(k) || words::scale_word(self.w(k)).is_some())
    }

    /// "10.31.1974" (month first where the first part cannot be a month: "23.04.2022" is day first).
    fn dotted_date(&self, i: usize) -> Option<Cand> {
        let (a, b) = self.t.get(i).filter(|t| t.kind == TK::Num)?.low.split_once('.')?;
        if a.is_empty()
            || a.len() > 2
            || b.len() != 2
            || self.l(i + 1) != "."
            || !self.glued(i + 1)
            || !self.glued(i + 2)
        {
            return None;
        }
        // a four-digit year, or two digits after two two-digit parts ("10.06.89")
        let ylen = self.t.get(i + 2).map_or(0, |t| t.low.len());
        if !self.plain_int(i + 2)
            || !(ylen == 4 || (ylen == 2 && a.len() == 2))
            || (self.glued(i + 3) && self.t[i + 3].kind != TK::Punct)
        {
            return None;
        }
        // "1.2.2024.5": a version, not a date
        if self.l(i + 3) == "." && self.glued(i + 3) && self.is_num(i + 4) && self.glued(i + 4) {
            return None;
        }
        if i > 0 && !self.t[i].sp && self.t[i - 1].kind != TK::Punct {
            return None;
        }
        let (x, y): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
        let year: i32 = self.t[i + 2].low.parse().ok()?;
        if ylen == 4 && !(1000..2200).contains(&year) {
            return None;
        }
        let (m, d) = if (1..=12).contains(&x) && (13..=31).contains(&y) {
            (x, y)
        } else if (13..=31).contains(&x) && (1..=12).contains(&y) {
            (y, x)
        } else if (1..=12).contains(&x) && (1..=12).contains(&y) {
            (0, 0) // ambiguous: a date with no iso day
        } else {
            return None;
        };
        let mut c = Cand::new(i, i + 3, Kind::Date);
        c.iso = match (ylen, m) {
            (4, 0) => Some(format!("{:04}", year)),
            (4, _) => Some(format!("{:04}-{:02}-{:02}", year, m, d)),
            (_, 0) => None,
            _ => Some(format!("--{:02}-{:02}", m, d)),
        };
        Some(c)
    }

    /// An era after a year at `k` ("BC", "B.C.", "BCE", "AD", "A.D.", "CE"): the end of it.
    pub(crate) fn era_at(&self, k: usize) -> Option<usize> {
        let t = self.t.get(k).filter(|t| t.kind == TK::Word && t.sp)?;
        let raw = &self.text[t.s..t.e];
        if !matches!(
            raw,
            "BC" | "B.C." | "B.C" | "BCE" | "B.C.E." | "AD" | "A.D." | "A.D" | "CE" | "C.E." | "C.E"
        ) {
            return None;
        }
        // "A.D" + "." lexed apart
        if raw.ends_with(|c: char| c.is_ascii_uppercase())
            && raw.contains('.')
            && self.l(k + 1) == "."
            && self.glued(k + 1)
        {
            return Some(k + 2);
        }
        // a capitalised word after "AD"/"CE" makes them names or initials ("1200 AD Systems")
        if matches!(raw, "AD" | "CE") && self.t.get(k + 1).is_some_and(|n| n.kind == TK::Word && n.cap) {
            return None;
        }
        Some(k + 1)
    }

    /// An hour 1-12 alone at `k`, in digits or a word, closing its phrase: "at 2.", "at eight".
    fn bare_hour(&self, k: usize) -> Option<(u32, usize)> {
        let (h, e) = if self.plain_int(k) {
            (self.t[k].low.parse::<u32>().ok()?, k + 1)
        } else {
            let wn = self.parse_words(k)?;
            if wn.ordinal || wn.value.fract() != 0.0 {
                return None;
            }
            (wn.value as u32, wn.end)
        };
        let closes = self
            .t
            .get(e)
            .is_none_or(|t| t.kind == TK::Punct && matches!(t.low.as_ref(), "." | "," | "?" | "!" | ";"));
        ((1..=12).contains(&h) && closes).then_some((h, e))
    }

    /// A two-digit number between commas right after a person's name: "Arthur A. Hatch, 59,".
    fn appositive_age(&self, k: usize) -> bool {
        if k < 2 || !self.plain_int(k) || self.t[k].low.len() != 2 || self.l(k - 1) != "," {
            return false;
        }
        if !self.t.get(k + 1).is_some_and(|t| t.low == "," && !t.sp) {
            return false;
        }
        let v: u32 = self.t[k].low.parse().unwrap_or(0);
        if !(18..=105).contains(&v) {
            return false;
        }
        // the name: two or more capitalised words before the comma ("Jr." / "III" may close it)
        let mut j = k - 2;
        if matches!(self.l(j), ".") && j > 0 && matches!(self.w(j - 1), "jr" | "sr") {
            j -= 1;
        }
        if matches!(self.raw(j), "Jr." | "Sr." | "Jr" | "Sr" | "II" | "III" | "IV") && j > 0 {
            j -= 1;
        }
        let name_word = |x: usize| {
            self.t[x].kind == TK::Word
                && self.t[x].cap
                && self.raw(x).chars().skip(1).all(|ch| ch.is_lowercase() || ch == '\'' || ch == '-')
                && self.raw(x).len() > 1
        };
        if !name_word(j) || dates::month(self.w(j)).is_some() || dates::weekday(self.w(j)).is_some() {
            return false;
        }
        // a first name or an initial before the surname, or a title ("Mr. Bromwich, 35,")
        let mut p = j;
        if p > 0 && self.l(p - 1) == "." && p > 1 {
            p -= 1; // "A. Hatch", "Mr. Bromwich"
        }
        p > 0 && (name_word(p - 1) || (p != j && self.t[p - 1].kind == TK::Word && self.t[p - 1].cap))
    }

    /// A clock time without am/pm after a day, ending where the clause ends: "Friday 23 at 4",
    /// "Monday at 2.30" (after "at"), "Monday 12-4", "next Monday 6-8" (hours right after a
    /// weekday, earlier to later: "won Monday 5-3" is a score). The end of the time, if any.
    fn bare_clock_after_day(&self, de: usize, k: usize, at: bool) -> Option<usize> {
        let closes = |e: usize| {
            self.t
                .get(e)
                .is_none_or(|t| t.kind == TK::Punct && matches!(t.low.as_ref(), "." | "," | "?" | "!" | ";"))
        };
        let hour = |i: usize| -> Option<u32> {
            self.t[i].low.parse::<u32>().ok().filter(|h| self.plain_int(i) && (1..=12).contains(h))
        };
        if !self.is_num(k) {
            return None;
        }
        if at {
            let s = &self.t[k].low;
            let ok = match s.split_once('.') {
                Some((h, m)) => {
                    m.len() == 2
                        && h.parse::<u32>().is_ok_and(|h| (1..=12).contains(&h))
                        && m.parse::<u32>().is_ok_and(|m| m < 60)
                }
                None => hour(k).is_some(),
            };
            return (ok && closes(k + 1)).then_some(k + 1);
        }
        if k == de
            && dates::weekday(self.w(de - 1)).is_some()
            && is_dash(self.l(k + 1))
            && self.glued(k + 1)
            && self.glued(k + 2)
        {
            let (h1, h2) = (hour(k)?, hour(k + 2)?);
            if (h1 < h2 || h1 == 12) && h1 != h2 && closes(k + 3) {
                return Some(k + 3);
            }
        }
        None
    }

    /// Phone numbers ("(206) 555-1212", "650-650-6500", "+44 20 7946 0958") and digit codes
    /// ("133-03-03-2020") are blocked from the number grammar. ISO dates are not.
    fn block_codes(&mut self) {
        let t = self.t;
        let mut i = 0;
        while i < t.len() {
            if t[i].kind != TK::Num || (i > 0 && self.blocked[i - 1]) {
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
                if paren && groups.len() == 1 && self.l(j) == ")" && self.is_num(j + 1) {
                    seps.push(" ");
                    groups.push(j + 1);
                    j += 2;
                    continue;
                }
                if j + 1 < t.len()
                    && !t[j].sp
                    && matches!(t[j].low.as_ref(), "-" | "." | "‐" | "‑")
                    && t[j + 1].kind == TK::Num
                    && !t[j + 1].sp
                    && self.plain_int(j + 1)
                {
                    seps.push("-");
                    groups.push(j + 1);
                    j += 2;
                    continue;
                }
                if j < t.len() && t[j].kind == TK::Num && t[j].sp && self.plain_int(j) && (plus || paren) {
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

    /// The best candidate starting at token `i`.
    fn best_at(&self, i: usize) -> Option<Cand> {
        if self.blocked[i] {
            return None;
        }
        // scientific notation read as a code otherwise: "12.32e+14", "1.3x10^6", "-12e-1"
        let neg = matches!(self.l(i), "-" | "−")
            && self.glued(i + 1)
            && (i == 0 || self.t[i].sp || self.t[i - 1].kind == TK::Punct);
        let n = if neg { i + 1 } else { i };
        if self.is_num(n) && matches!(self.l(n + 1), "e" | "x" | "×") && self.glued(n + 1) {
            if let Some(v) = num_value(&self.t[n].low) {
                let mut c = Cand::new(n, n + 1, Kind::Cardinal);
                c.value = Some(if neg { -v } else { v });
                self.scientific(&mut c);
                if c.e > n + 1 {
                    c.s = i;
                    // a unit after the exponent: "4e14 s-1", "6.02e23 kg"
                    let amt = Amt {
                        s: i,
                        end: c.e,
                        value: c.value,
                        word: false,
                        plain: false,
                        scaled: false,
                        ordinal: false,
                        article: false,
                        few: false,
                        vague: false,
                        glued_unit: None,
                        approx: false,
                    };
                    if let Some(sfx) = self.suffix(c.e, &amt) {
                        c.kind = sfx.kind;
                        c.unit = sfx.unit;
                        c.currency = sfx.currency;
                        c.e = sfx.end;
                    }
                    return Some(c);
                }
            }
        }
        // a date written with dots: "10.31.1974", "23.04.2022" (the lexer reads "10.31" as a decimal)
        let dotted = self.dotted_date(i);
        let a = if dotted.is_some() { dotted } else { self.number_expr(i) };
        let b = self.date_expr(i);
        // "the 13th to the 15th July": a range of days that starts with "the"
        let dd = if self.w(i) == "the" && self.is_num(i + 1) { self.day_to_day_month(i) } else { None };
        let c = match (a, b) {
            (Some(a), Some(b)) => Some(if b.e >= a.e { b } else { a }),
            (a, b) => a.or(b),
        };
        let mut c = match (c, dd) {
            (Some(c), Some(d)) => Some(if d.e > c.e { d } else { c }),
            (c, d) => c.or(d),
        }?;
        // "20th of the previous month": a day of a month named relatively
        if c.kind == Kind::Ordinal && c.value.is_some_and(|v| (1.0..=31.0).contains(&v)) {
            if let Some(e2) = self.of_relative_month(c.e) {
                c.kind = Kind::Date;
                c.value = None;
                c.e = e2;
            }
        }
        // a month and day written as a fraction after "on"/"since"/"until": "on 2/15"
        if c.kind == Kind::Cardinal
            && c.e == c.s + 3
            && c.s > 0
            && self.l(c.s + 1) == "/"
            && matches!(self.w(c.s - 1), "on" | "since" | "until")
            && !matches!(self.w(c.e), "of" | "the" | "a" | "an")
            && self.l(c.e) != "%"
        {
            let m = self.t[c.s].low.parse::<u32>().unwrap_or(0);
            let d = self.t[c.s + 2].low.parse::<u32>().unwrap_or(0);
            if (1..=12).contains(&m) && (1..=31).contains(&d) {
                c.kind = Kind::Date;
                c.value = None;
                c.iso = Some(format!("--{:02}-{:02}", m, d));
            }
        }
        // the period of a rate after a count: "300,000 copies a day", "25 units a year" (not a date)
        if c.kind == Kind::Date
            && c.e == i + 2
            && matches!(self.w(i), "a" | "an")
            && matches!(self.w(i + 1), "day" | "week" | "month" | "year")
            && self.rate_after_count(i)
        {
            return None;
        }
        // a clock time followed by its day: "10 a.m. this morning", "3pm tomorrow"
        if c.kind == Kind::Time && c.iso.as_deref().is_some_and(|x| x.starts_with('T') && !x.contains('/')) {
            let k = c.e;
            let w = self.w(k);
            let e2 = if matches!(w, "this" | "tomorrow" | "yesterday")
                && matches!(self.w(k + 1), "morning" | "afternoon" | "evening")
            {
                Some(k + 2)
            } else if matches!(w, "today" | "tomorrow" | "yesterday" | "tonight") {
                Some(k + 1)
            } else {
                None
            };
            if let Some(e2) = e2 {
                c.e = e2;
                // "five-thirty tomorrow evening" is 17:30
                if matches!(self.w(e2 - 1), "afternoon" | "evening") {
                    if let Some(h) =
                        c.iso.as_deref().and_then(|x| x.get(1..3)).and_then(|h| h.parse::<u32>().ok())
                    {
                        if (1..12).contains(&h) {
                            c.iso = c.iso.map(|x| format!("T{:02}{}", h + 12, &x[3..]));
                        }
                    }
                }
            }
        }
        // (a part of the day, not a duration: "halted for 15 minutes at 10:30" is two items)
        if c.kind == Kind::Time && c.iso.is_none() && c.unit.is_none() && self.w(c.e) == "at" {
            if let Some(t) = self.time_expr(c.e + 1).filter(|t| t.iso.is_some()) {
                c.iso = t.iso;
                c.e = t.e;
            } else if let Some((h, e2)) = self.bare_hour(c.e + 1) {
                // "this afternoon at 2", "tonight at 11", "Saturday morning at 9": the part of
                // the day says which half of the clock
                let h24 = match self.w(c.e - 1) {
                    "morning" => Some(h % 12),
                    "afternoon" | "evening" | "tonight" => Some(if h == 12 { 12 } else { h + 12 }),
                    "night" => Some(if (6..12).contains(&h) { h + 12 } else { h % 12 }),
                    _ => None,
                };
                if let Some(h24) = h24 {
                    c.iso = Some(format!("T{:02}:00", h24));
                    c.e = e2;
                }
            }
        }
        // a month and day written as a fraction, then a clock time: "4/25 at 4:00pm"
        if c.kind == Kind::Cardinal && c.e == c.s + 3 && self.l(c.s + 1) == "/" && self.w(c.e) == "at" {
            let m = self.t[c.s].low.parse::<u32>().unwrap_or(0);
            let d = self.t[c.s + 2].low.parse::<u32>().unwrap_or(0);
            if (1..=12).contains(&m) && (1..=31).contains(&d) {
                if let Some(t) =
                    self.time_expr(c.e + 1).filter(|t| t.iso.as_deref().is_some_and(|x| !x.contains('/')))
                {
                    c.kind = Kind::Date;
                    c.value = None;
                    c.to = None;
                    c.iso = t.iso.map(|x| format!("--{:02}-{:02}{}", m, d, x));
                    c.e = t.e;
                }
            }
        }
        // a date followed by a clock time: "tomorrow 8:00am", "Thursday 1 pm", "Dec. 5, 3pm"
        if c.kind == Kind::Date && c.value.is_none() {
            let k = if self.l(c.e) == "," || self.w(c.e) == "at" { c.e + 1 } else { c.e };
            let day_like = c.iso.as_deref().is_some_and(|x| x.len() == 10 || (x.starts_with("--") && x.len() == 7))
                    || matches!(self.w(c.e - 1), "today" | "tomorrow" | "yesterday")
                    || dates::weekday(self.w(c.e - 1)).is_some()
                    // "friday 23 at 4", "friday the 26th at 4"
                    || (c.e - c.s <= 4 && (c.s..c.e).any(|x| dates::weekday(self.w(x)).is_some()));
            let at = self.w(c.e) == "at" && day_like;
            let k = if self.w(c.e) == "at" && !day_like { c.e } else { k };
            // a week, month or year is no day for a clock time: "this week 8p.m." is two items
            let period = matches!(self.w(c.e - 1), "week" | "month" | "year" | "quarter")
                || (c.e >= 2 && self.w(c.e - 2) == "week" && self.is_num(c.e - 1));
            if !period && (self.is_num(k) || (at && !self.w(k).is_empty())) {
                if let Some(t) = self.time_expr(k).filter(|t| !at || t.iso.is_some()) {
                    c.iso = match (&c.iso, &t.iso) {
                        (Some(d), Some(tm)) if d.len() == 10 && !tm.contains('/') => {
                            Some(format!("{}{}", d, tm))
                        }
                        _ => None,
                    };
                    c.e = t.e;
                } else if let Some(e2) = self.bare_clock_after_day(c.e, k, at) {
                    c.iso = None;
                    c.e = e2;
                }
            }
        }
        // a day, then a later day with its month: "13th to 15th July", "the 13 to the 15 July",
        // "13-15 July" (one date range in the month of the second)
        if matches!(c.kind, Kind::Cardinal | Kind::Ordinal) && c.modifier.is_none() {
            if let Some(c2) = self.day_to_day_month(c.s) {
                c = c2;
            }
        }
        // a day of a month, then its year after "of": "the fourth of July of 1995", "June 26th of 2020"
        if c.kind == Kind::Date
            && c.iso.as_deref().is_some_and(|x| x.starts_with("--") && x.len() == 7)
            && self.w(c.e) == "of"
            && self.plain_int(c.e + 1)
            && self.t[c.e + 1].low.len() == 4
        {
            if let Ok(y) = self.t[c.e + 1].low.parse::<i32>() {
                if (1000..2200).contains(&y) && !self.glued(c.e + 2) {
                    c.iso = c.iso.map(|x| format!("{:04}{}", y, &x[1..]));
                    c.e += 2;
                }
            }
        }
        // two dates joined by "to"/"through"/"until" (or a spaced dash): one range, "26 june to
        // 28 june", "June 26th of 2020 to June 28th 2020", "Nov 18 2014 - Dec 19 2015"
        if c.kind == Kind::Date && c.iso.as_deref().is_some_and(|x| !x.contains('/') && x.len() >= 7) {
            let conn = self.l(c.e);
            let spaced_dash = is_dash(conn) && !self.glued(c.e) && !self.glued(c.e + 1);
            let glued_dash = is_dash(conn) && self.glued(c.e) && self.glued(c.e + 1);
            if matches!(conn, "to" | "through" | "thru" | "until" | "till") || spaced_dash || glued_dash {
                if let Some(d) = self.date_core(c.e + 1) {
                    let same = d.kind == Kind::Date
                        && d.iso.as_deref().is_some_and(|x| !x.contains('/') && x.len() >= 7)
                        && month_word_at(self, c.e + 1);
                    if same {
                        c.iso = c.iso.zip(d.iso).map(|(a, b)| format!("{}/{}", a, b));
                        c.e = d.e;
                    }
                }
            }
        }
        // a day or month without its year, then the year said relatively: "March 21st of this
        // year", "January to October this year" (one date)
        if c.kind == Kind::Date && c.iso.as_deref().is_some_and(|x| x.starts_with("--")) {
            let k = if self.w(c.e) == "of" { c.e + 1 } else { c.e };
            if matches!(self.w(k), "this" | "last" | "next") && self.w(k + 1) == "year" {
                c.e = k + 2;
            }
        }
        // an age in apposition to a name: "Arthur A. Hatch, 59, was named", "Frederick Deane
        // Jr., 63, chairman" (a person's age is a date, like "59 years old")
        if c.kind == Kind::Cardinal && c.modifier.is_none() && c.e == c.s + 1 && self.appositive_age(c.s) {
            c.kind = Kind::Date;
            c.unit = Some("yr");
        }
        // a second day of the same month: "on Dec. 8 and 9"
        if c.kind == Kind::Cardinal
            && c.modifier.is_none()
            && c.e == c.s + 1
            && c.s >= 3
            && self.plain_int(c.s)
        {
            let d2 = self.t[c.s].low.parse::<u32>().unwrap_or(0);
            let d1 =
                if self.plain_int(c.s - 2) { self.t[c.s - 2].low.parse::<u32>().unwrap_or(99) } else { 99 };
            let mk = if self.l(c.s - 3) == "." && c.s >= 4 { c.s - 4 } else { c.s - 3 };
            let closes = self
                .t
                .get(c.e)
                .is_none_or(|t| t.kind == TK::Punct && matches!(t.low.as_ref(), "." | "," | ";"));
            if matches!(self.w(c.s - 1), "and" | "or")
                && d1 < d2
                && d2 <= 31
                && closes
                && dates::month(self.w(mk)).is_some()
                && self.t[mk].cap
            {
                c.kind = Kind::Date;
                c.value = None;
                c.iso = dates::month(self.w(mk)).map(|m| format!("--{:02}-{:02}", m, d2));
            }
        }
        if c.kind == Kind::Cardinal && c.to.is_none() && c.value.is_some() && !self.blocked_after(c.e) {
            self.scientific(&mut c);
            self.fraction_over(&mut c);
        }
        // a compound measure: "7 feet 10 inches", "5 ft 2 in", "2 km and 1 meter", "3m and 5cm";
        // `value` is in the last (smallest) unit: "7 feet 10 inches" = 94 in
        if c.kind == Kind::Quantity && c.to.is_none() && c.value.is_some() {
            let mut hops = 0;
            while hops < 3 {
                hops += 1;
                let Some(u1) = c.unit else { break };
                let mut k = c.e;
                if self.l(k) == "," {
                    k += 1;
                }
                if self.w(k) == "and" {
                    k += 1;
                }
                let Some(a2) = self.amount_in(k, false, false) else { break };
                if a2.article || a2.few || a2.vague || a2.ordinal || a2.scaled || a2.end <= k {
                    break;
                }
                let Some(v2) = a2.value else { break };
                let (u2, ue) = match a2.glued_unit {
                    Some((u, _)) => (u, a2.end),
                    None => {
                        let w2 = self.w(a2.end);
                        let mark = matches!(self.l(a2.end), "\"" | "″" | "”") && self.glued(a2.end);
                        let u = if u1 == "ft" && (matches!(w2, "in" | "inch" | "inches") || mark) {
                            Some("in")
                        } else {
                            units::unit(w2).map(|x| x.0)
                        };
                        match u {
                            Some(u) => (u, a2.end + 1),
                            None => break,
                        }
                    }
                };
                let factor = match (u1, u2) {
                    ("ft", "in") => 12.0,
                    ("m", "cm") => 100.0,
                    ("m", "mm") | ("km", "m") | ("kg", "g") => 1000.0,
                    ("lb", "oz") => 16.0,
                    _ => break,
                };
                if !(0.0..factor).contains(&v2) {
                    break;
                }
                c.value = c.value.map(|v| v * factor + v2);
                c.unit = Some(u2);
                c.e = ue;
            }
        }
        // money in dollars and cents: "3 dollars 50 cents", "$20 and 43c", "thirteen dollars forty five"
        if c.kind == Kind::Money && c.to.is_none() {
            if let Some(v) = c.value {
                let words_cur = self.t[c.e - 1].kind == TK::Word;
                let mut k = c.e;
                if self.w(k) == "and" {
                    k += 1;
                }
                if let Some(a2) = self.amount_in(k, false, false) {
                    if let Some(v2) = a2.value.filter(|v2| v2.fract() == 0.0 && (1.0..100.0).contains(v2)) {
                        let e2 = a2.end;
                        let cents = units::subunit_word(self.w(e2)) || self.w(e2) == "p";
                        let clause_end = self.t.get(e2).is_none_or(|t| {
                            t.kind == TK::Punct && matches!(t.low.as_ref(), "." | "," | ";" | "!" | "?" | ")")
                        });
                        if !a2.scaled
                            && !a2.ordinal
                            && !a2.article
                            && (cents || (words_cur && clause_end))
                            && v.fract() == 0.0
                        {
                            c.value = Some(v + v2 / 100.0);
                            c.e = if cents { e2 + 1 } else { e2 };
                        }
                    }
                }
            }
        }
        if c.kind == Kind::Date || c.kind == Kind::Time {
            // "the last year or so", "the second month in a row", "the next year or two"
            if self.w(c.e) == "or" && self.w(c.e + 1) == "so" {
                c.e += 2;
            } else if self.w(c.e) == "in" && self.w(c.e + 1) == "a" && self.w(c.e + 2) == "row" {
                c.e += 3;
            } else if self.w(c.e) == "or" && matches!(self.w(c.e + 1), "two" | "three" | "so") {
                c.e += 2;
            } else if self.w(c.s) == "the"
                && c.e == c.s + 2
                && matches!(self.w(c.e), "before" | "after")
                && self.t.get(c.e + 1).is_none_or(|t| t.kind == TK::Punct)
            {
                c.e += 1;
            }
        }
        // a duration in several units: "2 years 1 month 21 days later", "1 hour and 30 minutes"
        if matches!(c.kind, Kind::Date | Kind::Time) && c.unit.is_some() && c.to.is_none() {
            self.compound_duration(&mut c);
        }
        // a date or time does not run over a line break ("Beijing, December 26th\nThis year"):
        // read again what lies before the break
        if matches!(c.kind, Kind::Date | Kind::Time) {
            if let Some(j) = (c.s + 1..c.e).find(|&j| self.text[self.t[j - 1].e..self.t[j].s].contains('\n'))
            {
                let sub = P::new(self.text, &self.t[c.s..j]);
                let mut c2 = sub.best_at(0)?;
                c2.s += c.s;
                c2.e += c.s;
                return Some(c2);
            }
        }
        // possessive of a date: "last year's", "one month's"; a determiner goes with what is
        // possessed, as in newswire annotation: "this [year]'s best ad", "the [day]'s low"
        if matches!(c.kind, Kind::Date | Kind::Time)
            && matches!(self.l(c.e), "'" | "’")
            && self.glued(c.e)
            && self.w(c.e + 1) == "s"
            && self.glued(c.e + 1)
            && !self.glued(c.e + 2)
            && c.e - c.s >= 2
        {
            if c.e - c.s == 2 && matches!(self.w(c.s), "this" | "the") {
                c.s += 1;
            } else if self.w(c.s) != "this" {
                c.e += 2;
            }
        }
        Some(c)
    }

    fn compound_duration(&self, c: &mut Cand) {
        let span = |w: &str| match units::unit(w) {
            Some((_, UC::DateSpan, _)) => Some(Kind::Date),
            Some((_, UC::TimeSpan, _)) => Some(Kind::Time),
            _ => None,
        };
        for _ in 0..4 {
            if span(self.w(c.e - 1)).is_none() {
                return;
            }
            let mut k = c.e;
            if self.l(k) == "," {
                k += 1;
            }
            if self.w(k) == "and" {
                k += 1;
            }
            let Some(a) = self.amount_in(k, false, false) else { return };
            if a.value.is_none() || a.vague || a.ordinal || a.scaled || a.few || a.article || a.end <= k {
                return;
            }
            let Some(kind) = span(self.w(a.end)) else { return };
            // each part in a smaller unit than the one before ("2 years 1 month", not the list
            // "a year, 1.5 years")
            if !durations::smaller_unit(self.w(a.end), self.w(c.e - 1)) {
                return;
            }
            if kind == Kind::Date {
                c.kind = Kind::Date;
            }
            c.e = a.end + 1;
            if matches!(self.w(c.e), "ago" | "later" | "earlier") {
                c.e += 1;
                return;
            }
        }
    }

    // ---------- hedges ----------

    /// A hedge phrase at `i`: (modifier, index after it).
    pub fn hedge(&self, i: usize) -> Option<(Modifier, usize)> {
        use Modifier::*;
        let w0 = self.w(i);
        let w1 = self.w(i + 1);
        let w2 = self.w(i + 2);
        let two = |m| Some((m, i + 2));
        let one = |m| Some((m, i + 1));
        match (w0, w1, w2) {
            ("at", "least", _) => two(AtLeast),
            ("at", "most", _) => two(AtMost),
            ("no", "less" | "fewer", "than") | ("not", "less" | "fewer", "than") => Some((AtLeast, i + 3)),
            ("no", "more", "than") | ("not", "more", "than") => Some((AtMost, i + 3)),
            ("more", "than", _) => two(MoreThan),
            ("greater", "than", _) => two(MoreThan),
            ("upwards", "of", _) | ("upward", "of", _) => two(MoreThan),
            ("in", "excess", "of") => Some((MoreThan, i + 3)),
            ("less", "than", _) | ("fewer", "than", _) => two(LessThan),
            // "inched up to 47.6%": a particle of the verb, then the new level
            ("up", "to", _) if i > 0 && self.moved_up(i - 1) => None,
            ("up", "to", _) => two(UpTo),
            ("as", "many" | "much" | "high" | "long", "as") => Some((UpTo, i + 3)),
            ("as", "little" | "few" | "low", "as") => Some((AtMost, i + 3)),
            ("close", "to", _) => two(Nearly),
            ("just", "over", _) | ("well", "over", _) => two(Over),
            ("just", "under", _) => two(Under),
            ("just", "below", _) => two(Under),
            ("an", "estimated", _) => two(About),
            // "how about 2019?", "what about 30 minutes later?": a suggestion, not a hedge
            ("about", _, _) if i > 0 && matches!(self.w(i - 1), "how" | "what") => None,
            (
                "about" | "around" | "approximately" | "roughly" | "some" | "circa" | "approx" | "estimated",
                _,
                _,
            ) => one(About),
            ("nearly" | "almost", _, _) => one(Nearly),
            ("over", _, _) => one(Over),
            ("under", _, _) => one(Under),
            _ => None,
        }
    }

    // ---------- amounts ----------

    /// Letters glued before the digits make it a name or code ("G7", "M5", "F-16", "COVID-19").
    fn code_before(&self, i: usize) -> bool {
        if i == 0 || self.t[i].sp {
            return false;
        }
        let p = &self.t[i - 1];
        if p.kind == TK::Word {
            return true;
        }
        if p.low == "/" && i >= 2 && !p.sp && self.t[i - 2].kind == TK::Num {
            return true; // the second half of "90/10"
        }
        if p.kind == TK::Num {
            return true;
        }
        if is_dash(&p.low) && i >= 2 && !p.sp {
            let q = &self.t[i - 2];
            if q.kind == TK::Word && !matches!(q.low.as_ref(), "mid" | "pre" | "post" | "late" | "early") {
                return true;
            }
            if q.kind == TK::Num {
                return true;
            }
        }
        false
    }

    /// Letters glued after digits that make it a code ("3D", "4a", "24703L202").
    fn code_after(&self, k: usize) -> bool {
        match self.t.get(k) {
            Some(t) if !t.sp => {
                if t.kind == TK::Word || t.kind == TK::Num {
                    return true;
                }
                // "3-D", "737-800"
                if is_dash(&t.low) {
                    if let Some(n) = self.t.get(k + 1) {
                        if !n.sp && n.kind == TK::Word && n.cap && self.text[n.s..n.e].len() <= 2 {
                            return true;
                        }
                    }
                }
                false
            }
            _ => false,
        }
    }

    /// "30-odd", "forty-some": a glued "-odd"/"-some" after the amount makes it approximate.
    fn approx_suffix(&self, a: &mut Amt) {
        let k = a.end;
        if a.glued_unit.is_none()
            && is_dash(self.l(k))
            && self.glued(k)
            && self.glued(k + 1)
            && matches!(self.w(k + 1), "odd" | "some")
            && !(self.glued(k + 2)
                && self.t.get(k + 2).is_some_and(|t| t.kind != TK::Punct || is_dash(&t.low)))
        {
            a.end = k + 2;
            a.approx = true;
            a.plain = false;
        }
    }

    pub fn amount(&self, i: usize, money: bool) -> Option<Amt> {
        self.amount_in(i, money, true)
    }

    fn amount_in(&self, i: usize, money: bool, check: bool) -> Option<Amt> {
        let t = self.t;
        let mut j = i;
        let mut sign = 1.0;
        let minus_word = matches!(self.w(j), "minus" | "negative")
            && (self.is_num(j + 1) || words::unit_word(self.w(j + 1)).is_some());
        let minus_sign = j < t.len()
            && matches!(t[j].low.as_ref(), "-" | "−" | "–")
            && self.is_num(j + 1)
            && (j == 0 || t[j].sp || matches!(self.l(j - 1), "(" | "[" | ":"))
            && (self.glued(j + 1) || j == 0 || matches!(self.l(j - 1), "(" | "[" | ":"))
            && (j == 0 || !self.is_num(j - 1));
        // a spaced minus before a temperature after a verb or preposition: "convert - 20 degrees"
        let minus_temp = !minus_sign
            && j > 0
            && matches!(self.l(j), "-" | "−")
            && t[j].sp
            && self.is_num(j + 1)
            && matches!(
                self.w(j - 1),
                "convert"
                    | "to"
                    | "of"
                    | "at"
                    | "from"
                    | "is"
                    | "was"
                    | "hit"
                    | "reached"
                    | "about"
                    | "around"
            )
            && (matches!(self.w(j + 2), "degrees" | "degree") || matches!(self.l(j + 2), "°" | "º"));
        if minus_word || minus_sign || minus_temp {
            sign = -1.0;
            j += 1;
        }
        let mut a = Amt {
            s: i,
            end: j,
            value: None,
            word: false,
            plain: false,
            scaled: false,
            ordinal: false,
            article: false,
            few: false,
            vague: false,
            glued_unit: None,
            approx: false,
        };
        if self.is_num(j) {
            if self.blocked[j] || (check && self.code_before(j)) {
                return None;
            }
            let mut v = num_value(&t[j].low)?;
            a.plain = self.plain_int(j);
            let mut k = j + 1;
            let n = t.len();
            // fraction "1/2", "24/32" (not a date "5/12/2020")
            if a.plain
                && k + 1 < n
                && t[k].low == "/"
                && !t[k].sp
                && self.plain_int(k + 1)
                && !t[k + 1].sp
                && !(k + 2 < n && t[k + 2].low == "/" && !t[k + 2].sp)
            {
                let d = num_value(&t[k + 1].low)?;
                // "90/10", "24/7", "9/11": ratios and names, not fractions
                if d == 0.0 || v >= d || (t[j].low == "9" && t[k + 1].low == "11") {
                    return None;
                }
                v /= d;
                k += 2;
                a.plain = false;
                // "1/10th", "1/70th"
                if self.glued(k) && matches!(self.l(k), "th" | "st" | "nd" | "rd") && !self.glued(k + 1) {
                    k += 1;
                }
            } else if a.plain
                && k + 2 < n
                && self.plain_int(k)
                && t[k].sp
                && t[k + 1].low == "/"
                && !t[k + 1].sp
                && self.plain_int(k + 2)
                && !t[k + 2].sp
                && !(k + 3 < n && t[k + 3].low == "/" && !t[k + 3].sp)
            {
                // mixed number "8 3/8"
                let a1 = num_value(&t[k].low)?;
                let d = num_value(&t[k + 2].low)?;
                if d > 0.0 && a1 < d {
                    v += a1 / d;
                    k += 3;
                    a.plain = false;
                }
            }
            // a decimal comma with two decimals: "5,00", "3,50" (a thousands group has three digits)
            if a.plain
                && k == j + 1
                && t[j].low.len() <= 3
                && self.l(k) == ","
                && self.glued(k)
                && self.glued(k + 1)
                && self.plain_int(k + 1)
                && t[k + 1].low.len() == 2
                && !(self.glued(k + 2)
                    && (self.is_num(k + 3) || t.get(k + 2).is_some_and(|x| x.kind != TK::Punct)))
            {
                if let Some(f) = num_value(&t[k + 1].low) {
                    v += f / 100.0;
                    k += 2;
                    a.plain = false;
                }
            }
            if k < n && !t[k].sp {
                if let Some(f) = vulgar(&t[k].low) {
                    v += f;
                    k += 1;
                    a.plain = false;
                }
            }
            // glued scale or unit: "45.2bn", "3k", "29km"
            if k < n && !t[k].sp && t[k].kind == TK::Word {
                let raw = self.raw(k);
                if let Some(sc) = words::glued_scale(
                    &t[k].low,
                    money
                            || matches!(raw, "M" | "B" | "bn" | "tn")
                            // "3.6m people" (million) but "100m sprint", "1.8m tall" (metres)
                            || (raw == "m"
                                && t[j].low.contains('.')
                                && !matches!(
                                    self.w(k + 1),
                                    "tall" | "high" | "long" | "wide" | "deep" | "away" | "sprint" | "above" | "below"
                                )
                                && !self.glued(k + 1))
                            // "2m barrels", "5m people": millions of a counted thing
                            || (raw == "m"
                                && !self.glued(k + 1)
                                && (units::unit(self.w(k + 1)).is_some_and(|(sym, _, _)| !matches!(sym, "m" | "km" | "cm" | "mm" | "ft" | "in" | "mi"))
                                    || matches!(
                                        self.w(k + 1),
                                        "people" | "users" | "jobs" | "homes" | "households" | "customers" | "subscribers"
                                            | "viewers" | "visitors" | "voters" | "votes" | "shares" | "copies" | "doses"
                                            | "cases" | "deaths" | "children" | "workers" | "residents" | "passengers"
                                            | "members" | "refugees" | "tourists" | "vehicles" | "cars" | "barrels"
                                    ))),
                ) {
                    v *= sc;
                    a.scaled = true;
                    a.plain = false;
                    k += 1;
                } else if t[k].low == "s"
                    || t[k].low == "st"
                    || t[k].low == "nd"
                    || t[k].low == "rd"
                    || t[k].low == "th"
                {
                    // handled by callers (decades, ordinals)
                } else if let Some(mut u) = units::glued_unit(raw) {
                    a.plain = false;
                    k += 1;
                    // a power glued to the unit: "24703m2", "5km2"
                    if self.glued(k) && matches!(self.l(k), "2" | "3") && !self.glued(k + 1) {
                        let sq = match (u.0, self.l(k)) {
                            ("m", "2") => Some("m²"),
                            ("km", "2") => Some("km²"),
                            ("cm", "2") => Some("cm²"),
                            ("m", "3") => Some("m³"),
                            ("km", "3") => Some("km³"),
                            ("cm", "3") => Some("cm³"),
                            _ => None,
                        };
                        if let Some(sq) = sq {
                            u.0 = sq;
                            k += 1;
                        }
                    }
                    a.glued_unit = Some(u);
                    if self.code_after(k) {
                        return None;
                    }
                }
            }
            // spaced scale words: "3.6 million", "5 hundred thousand"
            let mut guard = 0;
            while a.glued_unit.is_none() && guard < 3 {
                let wk = self.w(k);
                // (a plural scale right after the digits: "5 billions")
                let scale = words::scale_word(wk).or_else(|| words::plural_scale(wk).filter(|_| guard == 0));
                let sc = match scale {
                    Some(sc) => sc,
                    None if money && matches!(self.raw(k), "m" | "M" | "b" | "B") => {
                        if self.raw(k).eq_ignore_ascii_case("m") {
                            1e6
                        } else {
                            1e9
                        }
                    }
                    // a spaced "k" or "M" closing the phrase: "2.33 k", "1,674,200.5 M"
                    None if guard == 0
                        && matches!(self.raw(k), "k" | "M")
                        && self.t.get(k + 1).is_none_or(|x| x.kind == TK::Punct && !is_dash(&x.low)) =>
                    {
                        if self.raw(k) == "k" {
                            1e3
                        } else {
                            1e6
                        }
                    }
                    None => break,
                };
                v *= sc;
                a.scaled = true;
                a.plain = false;
                k += 1;
                guard += 1;
            }
            // more groups in digits and scale words: "4 thousand 3 hundred"
            if guard > 0 && !self.t[j].low.contains('.') {
                let mut last = words::scale_word(self.w(k - 1)).unwrap_or(0.0);
                let mut hops = 0;
                while hops < 3 && self.plain_int(k) && !self.glued(k) {
                    let Some(sc) = words::scale_word(self.w(k + 1)).filter(|&sc| sc < last) else { break };
                    let Some(g) = num_value(&self.t[k].low).filter(|&g| g > 0.0 && g < 1000.0) else { break };
                    v += g * sc;
                    last = sc;
                    k += 2;
                    hops += 1;
                }
            }
            // "6 crore and two hundred": a smaller group in words after the scale
            if guard > 0 && self.w(k) == "and" {
                let last = words::scale_word(self.w(k - 1)).unwrap_or(0.0);
                if let Some(wn) = self.parse_words(k + 1) {
                    let scaled_words = (k + 1..wn.end).any(|x| words::scale_word(self.w(x)).is_some());
                    if scaled_words && !wn.ordinal && !wn.fraction && wn.value > 0.0 && wn.value < last {
                        v += wn.value;
                        k = wn.end;
                    }
                }
            }
            // an uncertainty: "2,000.45±0.01"
            if matches!(self.l(k), "±" | "+/-") && self.is_num(k + 1) && self.glued(k + 1) {
                k += 2;
            }
            // "5 and a half", "3 million and a quarter"
            if self.w(k) == "and"
                && matches!(self.w(k + 1), "a" | "an")
                && matches!(self.w(k + 2), "half" | "quarter")
            {
                let f = if self.w(k + 2) == "half" { 0.5 } else { 0.25 };
                let sc = if a.scaled { words::scale_word(self.w(k - 1)).unwrap_or(1.0) } else { 1.0 };
                v += f * sc;
                k += 3;
                a.plain = false;
            }
            a.value = Some(sign * v);
            a.end = k;
            self.approx_suffix(&mut a);
            return Some(a);
        }
        // "½" on its own
        if let Some(f) = t.get(j).and_then(|x| vulgar(&x.low)) {
            if !self.code_before(j) {
                a.value = Some(sign * f);
                a.end = j + 1;
                return Some(a);
            }
        }
        // words
        if let Some(wn) = self.parse_words(j) {
            if wn.scale_only && wn.value == 1.0 {
                return None;
            }
            a.value = Some(sign * wn.value);
            a.end = wn.end;
            a.word = true;
            a.ordinal = wn.ordinal;
            a.scaled = (j..wn.end).any(|x| words::scale_word(self.w(x)).is_some());
            // "one point five million" handled inside; digits after words are not joined
            if !wn.ordinal && !wn.fraction {
                self.approx_suffix(&mut a);
            }
            return Some(a);
        }
        if sign < 0.0 {
            return None;
        }
        let w = self.w(j);
        match w {
            "a" | "an" => {
                if self.w(j + 1) == "few" {
                    // "a few million" is a vague amount, "a few" alone counts only before a unit
                    let mut k = j + 2;
                    while k < j + 5
                        && matches!(self.w(k), "hundred" | "thousand" | "million" | "billion" | "trillion")
                    {
                        k += 1;
                    }
                    if k > j + 2 {
                        a.vague = true;
                        a.scaled = matches!(self.w(k - 1), "million" | "billion" | "trillion");
                    } else {
                        a.few = true;
                    }
                    a.end = k;
                } else if self.w(j + 1) == "couple" {
                    a.value = Some(2.0);
                    a.end = if self.w(j + 2) == "of" { j + 3 } else { j + 2 };
                    a.few = true;
                } else if let Some(d) = words::tens_word(self.w(j + 1))
                    .filter(|_| is_dash(self.l(j + 2)) && self.glued(j + 2) && self.glued(j + 3))
                    .zip(words::ordinal_word(self.w(j + 3)).filter(|&o| o < 10.0))
                    .map(|(tv, o)| tv + o)
                    .filter(|_| {
                        self.w(j + 4) == "of"
                            || self.t.get(j + 4).is_none_or(|t| t.kind == TK::Punct && !is_dash(&t.low))
                    })
                {
                    // "a twenty-first of", "a thirty-second." (not "a twenty-first century")
                    a.value = Some(1.0 / d);
                    a.end = j + 4;
                    a.word = true;
                } else if let Some((d, false)) = words::denominator(self.w(j + 1)).filter(|_| {
                    self.w(j + 2) == "of" || self.t.get(j + 2).is_none_or(|t| t.kind == TK::Punct)
                }) {
                    // "a third of", "nearly a tenth."
                    a.value = Some(1.0 / d);
                    a.end = j + 2;
                    a.word = true;
                } else if self.w(j + 1) == "half" {
                    a.value = Some(0.5);
                    a.end = j + 2;
                    a.article = true;
                } else if self.w(j + 1) == "quarter"
                    && self.w(j + 2) == "of"
                    && matches!(self.w(j + 3), "a" | "an")
                {
                    // "a quarter of a century"
                    a.value = Some(0.25);
                    a.end = j + 4;
                    a.article = true;
                } else {
                    a.value = Some(1.0);
                    a.end = j + 1;
                    a.article = true;
                }
                Some(a)
            }
            "many" | "several"
                if matches!(self.w(j + 1), "hundreds" | "thousands" | "millions" | "billions") =>
            {
                // "many thousands of jobs": a vague amount
                a.vague = true;
                a.scaled = matches!(self.w(j + 1), "millions" | "billions");
                a.end = j + 2;
                Some(a)
            }
            "several" | "few" | "many" => {
                // "several thousand", "several hundred million": a vague amount (no value)
                let mut k = j + 1;
                while k < j + 4
                    && matches!(self.w(k), "hundred" | "thousand" | "million" | "billion" | "trillion")
                {
                    k += 1;
                }
                if k > j + 1 && w != "many" {
                    a.vague = true;
                    // "several hundred million pounds" is sterling, like "300 million pounds"
                    a.scaled = matches!(self.w(k - 1), "million" | "billion" | "trillion");
                } else {
                    a.few = true;
                    k = j + 1;
                }
                a.end = k;
                Some(a)
            }
            "half" | "half-" => {
                a.value = Some(0.5);
                a.end = j + 1;
                // "half an hour", "half a mile"
                if matches!(self.w(j + 1), "a" | "an") && units::unit(self.w(j + 2)).is_some() {
                    a.end = j + 2;
                }
                a.article = true;
                Some(a)
            }
            "dozens" | "hundreds" | "thousands" | "millions" | "billions" | "trillions" | "tens" => {
                let mut k = j + 1;
                while self.w(k) == "of"
                    && matches!(
                        self.w(k + 1),
                        "thousands" | "millions" | "billions" | "trillions" | "hundreds"
                    )
                {
                    k += 2;
                }
                if w == "tens" && k == j + 1 {
                    return None;
                }
                a.vague = true;
                a.end = k;
                Some(a)
            }
            _ => None,
        }
    }

    // ---------- suffixes ----------

    /// Percent, currency or unit after an amount ending at `k`.
    fn suffix(&self, k: usize, amt: &Amt) -> Option<Suffix> {
        let t = self.t;
        if let Some((sym, uc)) = amt.glued_unit {
            return Some(Suffix { end: k, kind: uc_kind(uc), unit: Some(sym), currency: None });
        }
        let w = self.w(k);
        let l = self.l(k);
        if amt.article && matches!(w, "percent" | "percentage" | "per" | "pct") {
            return None;
        }
        // percent
        if l == "%" || l == "٪" {
            return Some(Suffix { end: k + 1, kind: Kind::Percent, unit: None, currency: None });
        }
        match (w, self.w(k + 1)) {
            ("per", "cent") => {
                return Some(Suffix { end: k + 2, kind: Kind::Percent, unit: None, currency: None })
            }
            ("percentage", "point" | "points") => {
                return Some(Suffix { end: k + 2, kind: Kind::Percent, unit: Some("pp"), currency: None })
            }
            // "25pc": per cent in British newspapers, glued to the number
            ("pc", _)
                if self.glued(k)
                    && !amt.word
                    && self.t.get(k + 1).is_none_or(|n| n.sp || n.kind == TK::Punct) =>
            {
                return Some(Suffix { end: k + 1, kind: Kind::Percent, unit: None, currency: None })
            }
            ("percent" | "pct" | "percentage" | "percents", _) => {
                return Some(Suffix { end: k + 1, kind: Kind::Percent, unit: None, currency: None })
            }
            _ => {}
        }
        // pence glued to the amount: "450p a share", "99p" (not a video format: "1080p")
        if self.raw(k) == "p"
            && self.glued(k)
            && !amt.word
            && amt.glued_unit.is_none()
            && amt.value.is_some_and(|v| {
                v > 0.0
                    && v < 100_000.0
                    && !matches!(v as u32, 240 | 360 | 480 | 720 | 1080 | 1440 | 2160 | 4320)
            })
            && self.t.get(k + 1).is_none_or(|n| n.sp || (n.kind == TK::Punct && !is_dash(&n.low)))
        {
            return Some(Suffix { end: k + 1, kind: Kind::Money, unit: Some("p"), currency: Some("GBP") });
        }
        // a currency symbol after the number: "10$", "20 €", "100,000 ₭"
        if let Some(code) = units::currency_symbol(l) {
            if !self.is_num(k + 1) || self.glued(k) {
                return Some(Suffix { end: k + 1, kind: Kind::Money, unit: None, currency: Some(code) });
            }
        }
        // a dollar symbol with its country after the number: "3.14US$", "5 HK$"
        if !amt.article
            && !amt.word
            && !amt.few
            && t.get(k).is_some_and(|x| x.kind == TK::Word && x.cap)
            && !self.is_num(k + 2)
            && self.l(k + 1) == "$"
            && self.glued(k + 1)
            && self.raw(k).chars().all(|c| c.is_ascii_uppercase())
        {
            if let Some(code) = units::dollar_prefix(&t[k].low) {
                return Some(Suffix { end: k + 2, kind: Kind::Money, unit: None, currency: Some(code) });
            }
        }
        // "90-cent", "one-yen", "billion-dollar"
        if is_dash(l) && self.glued(k) && self.glued(k + 1) {
            let cw = self.w(k + 1);
            if matches!(
                cw,
                "cent"
                    | "dollar"
                    | "yen"
                    | "euro"
                    | "pound"
                    | "yuan"
                    | "peso"
                    | "rupee"
                    | "mark"
                    | "franc"
                    | "lira"
            ) {
                let code = units::currency_word(cw).unwrap_or("GBP");
                let unit = if cw == "cent" { Some("¢") } else { None };
                return Some(Suffix { end: k + 2, kind: Kind::Money, unit, currency: Some(code) });
            }
        }
        // currency codes after: "50 million USD", "10MNT"
        if t.get(k).is_some_and(|x| x.kind == TK::Word) {
            if let Some(code) = units::currency_code(self.raw(k)).or(units::million_code(self.raw(k))) {
                // "3 USD50 cards": the code belongs to the digits glued after it
                if (self.raw(k) != "LE" || !amt.word) && !(self.is_num(k + 1) && self.glued(k + 1)) {
                    return Some(Suffix { end: k + 1, kind: Kind::Money, unit: None, currency: Some(code) });
                }
            }
        }
        // currency words with an optional nationality: "5 million Canadian dollars"
        for (adj_len, cw) in [(0usize, k), (1, k + 1), (2, k + 2)] {
            let word = self.w(cw);
            let code = match units::currency_word(word) {
                Some(c) => c,
                None if word == "pounds" || word == "pound" => {
                    let money = amt.scaled
                        || self.w(cw + 1) == "sterling"
                        || (adj_len > 0 && units::currency_adjective(self.w(cw - 1), "GBP").is_some());
                    if !money {
                        continue;
                    }
                    "GBP"
                }
                None => continue,
            };
            if word == "won" && !(amt.scaled || adj_len > 0) {
                continue;
            }
            if (word == "real" || word == "mark" || word == "rand") && adj_len == 0 && !amt.scaled {
                continue;
            }
            let code = if adj_len == 0 {
                code
            } else {
                match units::currency_adjective(self.w(cw - 1), code) {
                    Some(c) => {
                        if adj_len == 2
                            && !matches!(self.w(cw - 1), "kong" | "zealand" | "african" | "lankan" | "taiwan")
                        {
                            continue;
                        }
                        c
                    }
                    None => continue,
                }
            };
            let mut end = cw + 1;
            if self.w(end) == "sterling" {
                end += 1;
            }
            if t.get(end).is_some_and(|x| x.kind == TK::Word) && units::currency_code(self.raw(end)).is_some()
            {
                end += 1;
            }
            let mut s = Suffix { end, kind: Kind::Money, unit: None, currency: Some(code) };
            if matches!(word, "cent" | "cents") {
                s.unit = Some("¢");
            }
            if word == "pence" {
                s.unit = Some("p");
            }
            return Some(s);
        }
        // "three quarters of an hour", "half of a mile"
        if self.w(k) == "of"
            && matches!(self.w(k + 1), "a" | "an")
            && amt.value.is_some_and(|v| v > 0.0 && v < 1.0)
            && units::unit(self.w(k + 2)).is_some()
        {
            return self.unit_at(k + 2, amt, false);
        }
        // a unit symbol in brackets after the number: "20 (kg)", "20 {kg}", "20 <kg>"
        if !amt.word && matches!(self.l(k), "(" | "{" | "<") && self.glued(k + 1) && self.glued(k + 2) {
            let close = match self.l(k) {
                "(" => ")",
                "{" => "}",
                _ => ">",
            };
            if self.l(k + 2) == close && units::unit(self.w(k + 1)).is_some_and(|(_, _, sym)| sym) {
                if let Some(sfx) =
                    self.unit_at(k + 1, amt, false).filter(|x| x.end == k + 2 && x.kind == Kind::Quantity)
                {
                    return Some(Suffix { end: k + 3, ..sfx });
                }
            }
        }
        // units: optional glued hyphen ("12-year", "2.5-mile")
        let mut u = k;
        let hyph = t.get(u).is_some_and(|x| is_dash(&x.low) && !x.sp) && self.glued(u + 1);
        if hyph {
            u += 1;
        }
        self.unit_at(u, amt, hyph)
    }

    fn unit_at(&self, u: usize, amt: &Amt, hyph: bool) -> Option<Suffix> {
        let t = self.t;
        let w = self.w(u);
        if w.is_empty() {
            // degree sign
            let l = self.l(u);
            if l == "°" || l == "º" {
                let next = self.raw(u + 1);
                let (sym, end) = match next {
                    "C" | "c" => ("°C", u + 2),
                    "F" | "f" => ("°F", u + 2),
                    _ => match self.w(u + 1) {
                        "celsius" | "centigrade" => ("°C", u + 2),
                        "fahrenheit" => ("°F", u + 2),
                        _ => ("°", u + 1),
                    },
                };
                return Some(Suffix { end, kind: Kind::Quantity, unit: Some(sym), currency: None });
            }
            // inch and foot marks glued to the number: 9", 2½', 6′2″ (not a closing quote)
            if u > 0 && !hyph && self.glued(u) && !amt.word && matches!(l, "\"" | "″" | "'" | "′") {
                let end_ok = self.t.get(u + 1).is_none_or(|n| n.sp || (n.kind == TK::Punct && n.low != l));
                // the quote marks before it on its line (a bounded look-back keeps this linear)
                let pos = self.t[amt.s].s;
                let mut from = pos.saturating_sub(200);
                while !self.text.is_char_boundary(from) {
                    from += 1;
                }
                let window = &self.text[from..pos];
                let before = window.rfind('\n').map_or(window, |x| &window[x + 1..]);
                let ch = l.chars().next().unwrap_or(' ');
                // an apostrophe inside a word ("Hubble's", "don't") is not a quote mark
                let cs: Vec<char> = before.chars().collect();
                let marks = (0..cs.len())
                    .filter(|&x| {
                        cs[x] == ch
                            && !(ch == '\''
                                && x > 0
                                && cs[x - 1].is_alphanumeric()
                                && cs.get(x + 1).is_some_and(|c| c.is_alphabetic()))
                    })
                    .count();
                let balanced = marks % 2 == 0;
                let prime = matches!(l, "″" | "′");
                if end_ok && (prime || balanced) {
                    let sym = if matches!(l, "\"" | "″") { "in" } else { "ft" };
                    return Some(Suffix {
                        end: u + 1,
                        kind: Kind::Quantity,
                        unit: Some(sym),
                        currency: None,
                    });
                }
            }
            return None;
        }
        if matches!(
            w,
            "straight"
                | "consecutive"
                | "previous"
                | "recent"
                | "upcoming"
                | "coming"
                | "remaining"
                | "successive"
                | "full"
                | "more"
                | "additional"
                | "further"
                | "long"
                | "separate"
                | "working"
                | "business"
                | "trading"
                | "calendar"
                | "school"
        ) && !amt.article
            && matches!(units::unit(self.w(u + 1)), Some((_, UC::DateSpan | UC::TimeSpan, _)))
        {
            return self.unit_at(u + 1, amt, false);
        }
        let raw = self.raw(u);
        // prefixes
        let (pre, uw) = match w {
            "square" | "sq" => ("sq", u + 1),
            "cubic" | "cu" => ("cu", u + 1),
            "metric" | "short" | "long" if matches!(self.w(u + 1), "ton" | "tons" | "tonne" | "tonnes") => {
                ("", u + 1)
            }
            "nautical" if matches!(self.w(u + 1), "mile" | "miles") => ("nmi", u + 1),
            "light" if matches!(self.w(u + 1), "year" | "years") => ("ly", u + 1),
            "british" if self.w(u + 1) == "thermal" && matches!(self.w(u + 2), "unit" | "units") => {
                return Some(Suffix { end: u + 3, kind: Kind::Quantity, unit: Some("BTU"), currency: None })
            }
            "deg" => {
                let (sym, end) = match self.w(u + 1) {
                    "c" | "celsius" => ("°C", u + 2),
                    "f" | "fahrenheit" => ("°F", u + 2),
                    _ => ("°", u + 1),
                };
                return Some(Suffix { end, kind: Kind::Quantity, unit: Some(sym), currency: None });
            }
            _ => ("", u),
        };
        let uw_word = self.w(uw);
        let uraw = self.raw(uw);
        if uw_word == "pm"
            && !amt.plain
            && amt.value.is_some_and(|v| v.fract() != 0.0)
            && self.t[uw - 1].low.split('.').nth(1).is_none_or(|f| f.len() != 2)
        {
            return Some(Suffix { end: uw + 1, kind: Kind::Quantity, unit: Some("pm"), currency: None });
        }
        // an inverse second (a frequency): "4e14 s-1", "3 s⁻¹"
        if uraw == "s" && !amt.word && !amt.article && self.glued(uw + 1) && self.glued(uw + 2) {
            let inv = (is_dash(self.l(uw + 1)) && self.l(uw + 2) == "1" && !self.glued(uw + 3))
                || (self.l(uw + 1) == "⁻" && self.l(uw + 2) == "¹");
            if inv {
                return Some(Suffix {
                    end: uw + 3, kind: Kind::Quantity, unit: Some("s⁻¹"), currency: None
                });
            }
        }
        // "three night markets": a singular "night" after a count other than one is an attribute
        // ("a night table", "a night when ...": "a night" alone is no count of nights)
        if uw_word == "night" && !hyph && (amt.value != Some(1.0) || amt.article) {
            return None;
        }
        let found = units::unit(uw_word).or_else(|| {
            // short case-sensitive symbols written apart: "5 m", "278,000 t", "2 l"
            if amt.word || amt.article {
                return None;
            }
            match uraw {
                "m" => Some(("m", UC::Quantity, true)),
                "t" => Some(("t", UC::Quantity, true)),
                "g" => Some(("g", UC::Quantity, true)),
                "l" | "L" => Some(("l", UC::Quantity, true)),
                "h" => Some(("h", UC::TimeSpan, true)),
                "in" => Some(("in", UC::Quantity, true)),
                // geological time (mega-/giga-annum) and joule-seconds: "66 Ma ago", "45 Js"
                "Ma" | "Ga" | "Myr" | "Gyr" | "Js"
                    if self.t.get(uw + 1).is_none_or(|n| !(n.kind == TK::Word && n.cap)) =>
                {
                    let sym = match uraw {
                        "Ma" | "Myr" => "Ma",
                        "Ga" | "Gyr" => "Ga",
                        _ => "J·s",
                    };
                    Some((sym, UC::Quantity, true))
                }
                "C" if self.t.get(uw + 1).is_none_or(|n| n.kind == TK::Punct || n.sp) => {
                    Some(("°C", UC::Quantity, true))
                }
                // "100F", glued to the number ("(100F)", "a low of 10F.")
                "F" if self.glued(uw)
                    && self.t.get(uw + 1).is_none_or(|n| n.kind == TK::Punct && !is_dash(&n.low)) =>
                {
                    Some(("°F", UC::Quantity, true))
                }
                _ => None,
            }
        });
        let (mut sym, uc, abbr) = found?;
        if (amt.article || amt.few) && (abbr || matches!(uw_word, "bit" | "bits" | "byte")) {
            return None;
        }
        // "$5 an hour", "2% a year": a rate, not a duration
        let relative_after = {
            let mut k = uw + 1;
            if matches!(self.w(k), "earlier" | "ago" | "later" | "before" | "after") {
                k += 1;
            }
            k > uw + 1
        };
        if amt.article && amt.s > 0 && !relative_after {
            let p = amt.s - 1;
            let pw = self.w(p);
            if self.is_num(p)
                || self.l(p) == "%"
                || units::currency_word(pw).is_some()
                || units::unit(pw).is_some()
                || words::scale_word(pw).is_some()
                || matches!(pw, "times" | "percent" | "cents" | "once" | "twice" | "pounds")
            {
                return None;
            }
        }
        // "in" (inches) only at the end of a clause, never after a scale ("443 million in")
        if uraw == "in" {
            if amt.scaled || amt.word {
                return None;
            }
            let next = self.t.get(uw + 1);
            let ends =
                next.is_none_or(|n| n.kind == TK::Punct && matches!(n.low.as_ref(), "." | "," | ")" | ";"));
            if !ends {
                return None;
            }
        }
        // "quarter" as a unit only in "a quarter", never "3 quarters" (fractions handled in words)
        // ... unless counted as periods: "16 consecutive quarters"
        let counted_periods = amt.article
            || amt.word
            || matches!(self.w(uw - 1), "consecutive" | "straight" | "successive")
            || matches!(self.w(uw + 1), "ago" | "later" | "earlier");
        if matches!(uw_word, "quarter" | "quarters" | "semester" | "semesters") && !counted_periods {
            return None;
        }
        // "second" after an amount is a unit only when plural-agreeing or spaced
        if uw_word == "second" && !((amt.value == Some(1.0) && !amt.article) || hyph) {
            return None;
        }
        // "2 pm" is a time; "pound" after a scale is money (handled before)
        if raw == "pm" {
            return None;
        }
        // "30 C", "-10C": Celsius, written in capitals
        if uraw == "C" && self.t.get(uw + 1).is_none_or(|n| n.kind == TK::Punct || n.sp) && !amt.word {
            return Some(Suffix { end: uw + 1, kind: Kind::Quantity, unit: Some("°C"), currency: None });
        }
        let mut end = uw + 1;
        // "301,338 km2": a power glued to the unit
        if self.glued(end) && matches!(self.l(end), "2" | "3") && !self.glued(end + 1) {
            let sq = self.l(end) == "2";
            let s2 = match (sym, sq) {
                ("km", true) => Some("km²"),
                ("m", true) => Some("m²"),
                ("cm", true) => Some("cm²"),
                ("km", false) => Some("km³"),
                ("m", false) => Some("m³"),
                ("cm", false) => Some("cm³"),
                _ => None,
            };
            if let Some(s2) = s2 {
                sym = s2;
                end += 1;
            }
        }
        let _ = raw;
        // a code, not a measure: "24703 L-202", "24703 m212"
        if self.glued(end)
            && (self.is_num(end)
                || (is_dash(self.l(end))
                    && self.glued(end + 1)
                    && (self.is_num(end + 1) || self.t.get(end + 1).is_some_and(|t| t.cap))))
        {
            return None;
        }
        if pre == "sq" {
            sym = match sym {
                "km" => "km²",
                "m" => "m²",
                "mi" => "sq mi",
                "ft" => "sq ft",
                "cm" => "cm²",
                _ => sym,
            };
        } else if pre == "cu" {
            sym = match sym {
                "m" => "m³",
                "ft" => "cu ft",
                "km" => "km³",
                "cm" => "cm³",
                _ => sym,
            };
        } else if pre == "nmi" {
            sym = "nmi";
        } else if pre == "ly" {
            sym = "ly";
        }
        // degrees Celsius / Fahrenheit
        if sym == "°" {
            match self.w(end) {
                "celsius" | "centigrade" | "c" => {
                    sym = "°C";
                    end += 1;
                }
                "fahrenheit" | "farenheit" | "f" => {
                    sym = "°F";
                    end += 1;
                }
                _ => {}
            }
        }
        // compound rates: "km/h", "miles per hour", "kb per second"
        let slash = self.l(end) == "/" && self.glued(end) && self.glued(end + 1);
        if slash || self.w(end) == "per" {
            let den = self.w(end + 1);
            let rate = match (sym, den) {
                ("km", "h" | "hr" | "hour") => Some("km/h"),
                ("mi", "hour" | "h" | "hr") => Some("mph"),
                ("m", "s" | "sec" | "second") => Some("m/s"),
                ("kB", "s" | "second") => Some("kB/s"),
                ("MB", "s" | "second") => Some("MB/s"),
                ("GB", "s" | "second") => Some("GB/s"),
                ("l", "km") => Some("l/km"),
                ("l", "100km") => Some("l/100km"),
                ("bbl", "day" | "d") => Some("bbl/d"),
                ("A", _) if den == "square" => None,
                _ => None,
            };
            if let Some(r) = rate {
                sym = r;
                end += 2;
            } else if !slash && self.w(end) == "per" {
                // "amps per square centimeter", "four times per week": keep the unit, extend
                let mut k = end + 1;
                if matches!(self.w(k), "square" | "sq" | "cubic") {
                    k += 1;
                }
                if units::unit(self.w(k)).is_some() {
                    end = k + 1;
                }
            }
        }
        let _ = t;
        let kind = uc_kind(uc);
        // "N years old", "N years ago", "N-year-old"
        if uc == UC::DateSpan {
            if matches!(self.w(end), "ago" | "earlier" | "later" | "old" | "hence") {
                end += 1;
            } else if (self.l(end) == "-"
                && self.glued(end)
                && self.w(end + 1) == "old"
                && self.glued(end + 1))
                || (self.w(end) == "of" && self.w(end + 1) == "age")
            {
                end += 2;
            }
        }
        Some(Suffix { end, kind, unit: Some(sym), currency: None })
    }

    // ---------- whole expressions ----------

    fn currency_prefix(&self, i: usize) -> Option<(&'static str, usize)> {
        let t = self.t;
        let tok = t.get(i)?;
        if tok.kind == TK::Punct {
            if let Some(c) = units::currency_symbol(&tok.low) {
                return Some((c, i + 1));
            }
            // "#25 million": the pound sign in older newswire
            if tok.low == "#" && self.is_num(i + 1) && self.glued(i + 1) {
                return Some(("GBP", i + 1));
            }
            return None;
        }
        if tok.kind == TK::Word {
            // "US$", "C$", "HK$", "c $"
            if self.l(i + 1) == "$" {
                if let Some(c) = units::dollar_prefix(&tok.low) {
                    let glued = self.glued(i + 1);
                    if glued || matches!(tok.low.as_ref(), "us" | "c" | "hk" | "nz") {
                        // "a $5 bill" is not Australian
                        if tok.low != "a" || glued {
                            return Some((c, i + 2));
                        }
                    }
                }
            }
            // a major code in any case ("usd", "Eur"); compared case-blind, with no upper-cased copy
            let code = units::currency_code(self.raw(i)).or_else(|| {
                ["USD", "EUR", "GBP", "RMB", "JPY", "CNY", "INR"]
                    .into_iter()
                    .find(|c| c.eq_ignore_ascii_case(self.raw(i)))
                    .and_then(units::currency_code)
            });
            if let Some(c) = code.or(units::million_code(self.raw(i))) {
                if self.is_num(i + 1) || self.l(i + 1) == "$" {
                    let k = if self.l(i + 1) == "$" { i + 2 } else { i + 1 };
                    return Some((c, k));
                }
            }
            if self.raw(i) == "Rs" && self.l(i + 1) == "." && self.is_num(i + 2) {
                return Some(("INR", i + 2));
            }
            // a currency word before an amount with its scale: "dollar 22.5 million",
            // "US dollars 5 billion", "pounds 3 million" (not "the dollar 1.5 ...")
            let c = if matches!(self.w(i), "us" | "u.s.") { i + 1 } else { i };
            let code = match self.w(c) {
                "dollar" | "dollars" => Some("USD"),
                "euro" | "euros" if c == i => Some("EUR"),
                "pounds" if c == i => Some("GBP"),
                "yen" | "yuan" | "rupees" if c == i => units::currency_word(self.w(c)),
                _ => None,
            };
            if let Some(code) = code {
                let det = i > 0 && matches!(self.w(i - 1), "the" | "a" | "per" | "each" | "every" | "one");
                if !det
                    && self.is_num(c + 1)
                    && !self.glued(c + 1)
                    && words::scale_word(self.w(c + 2)).is_some()
                {
                    return Some((code, c + 1));
                }
            }
        }
        None
    }

    /// Cardinals, ordinals, percentages, money and quantities (and durations).
    fn number_expr(&self, i: usize) -> Option<Cand> {
        // "$300 million-a-year": the article of a rate inside a compound is not a count
        if matches!(self.w(i), "a" | "an") && i > 0 && is_dash(self.l(i - 1)) && !self.t[i].sp {
            return None;
        }
        // "a multibillion-dollar dam": money of no stated value
        if matches!(self.w(i), "multibillion" | "multimillion" | "multi-billion" | "multi-million")
            && is_dash(self.l(i + 1))
            && self.glued(i + 1)
            && self.glued(i + 2)
        {
            if let Some(code) = units::currency_word(self.w(i + 2)) {
                let mut c = Cand::new(i, i + 3, Kind::Money);
                c.currency = Some(code);
                return Some(c);
            }
        }
        // a bare scale in a compound: "a billion-dollar morass" (a billion dollars)
        if let Some(sc) = words::scale_word(self.w(i)).filter(|&sc| sc >= 1e6) {
            if is_dash(self.l(i + 1))
                && self.glued(i + 1)
                && self.glued(i + 2)
                && !(i > 0 && (self.is_num(i - 1) || self.glued(i)))
            {
                let cw = self.w(i + 2);
                if matches!(cw, "dollar" | "euro" | "pound" | "yen" | "yuan") {
                    let mut c = Cand::new(i, i + 3, Kind::Money);
                    c.value = Some(sc);
                    c.currency = units::currency_word(cw).or(Some("GBP"));
                    return Some(c);
                }
            }
        }
        // "another million": one more of the scale
        if self.w(i) == "another" && !self.glued(i + 1) {
            if let Some(sc) = words::scale_word(self.w(i + 1)).filter(|&sc| sc >= 1000.0) {
                if self.w(i + 2) != "of" && !is_dash(self.l(i + 2)) {
                    let mut c = Cand::new(i, i + 2, Kind::Cardinal);
                    c.value = Some(sc);
                    return Some(c);
                }
            }
        }
        // enumerating adverbs: "Firstly, ...", "Secondly, ..."
        let nth = match self.w(i) {
            "firstly" => 1.0,
            "secondly" => 2.0,
            "thirdly" => 3.0,
            "fourthly" => 4.0,
            "fifthly" => 5.0,
            _ => 0.0,
        };
        if nth > 0.0 {
            let mut c = Cand::new(i, i + 1, Kind::Ordinal);
            c.value = Some(nth);
            return Some(c);
        }
        // "only 15%", "an additional 150", "another 19%": part of the span, no modifier
        let lead = match (self.w(i), self.w(i + 1)) {
            ("only" | "exactly", _) | ("another", _) => 1,
            // "just one yen", "just 30 cents": like "only" ("just over"/"just under" are hedges)
            ("just", w1) if !matches!(w1, "over" | "under" | "below" | "about" | "around" | "as") => 1,
            ("an", "additional") | ("a", "further") => 2,
            _ => 0,
        };
        let c = self.number_expr0(i + lead)?;
        let dated = matches!(c.kind, Kind::Date | Kind::Time);
        // "over the past two years" is not a hedge; "up to 10 years" is
        if dated && matches!(c.modifier, Some(Modifier::Over | Modifier::Under)) {
            return None;
        }
        if lead > 0 {
            // a counted duration keeps the word ("only three months", "another 90 days", "an
            // additional 120 days"); other dates do not ("another notch this week")
            let counted =
                dated && c.unit.is_some() && matches!(self.w(i), "only" | "just" | "another" | "an" | "a");
            if (dated && !counted) || c.kind == Kind::Ordinal {
                return None;
            }
            let mut c = c;
            c.s = i;
            return Some(c);
        }
        Some(c)
    }

    fn number_expr0(&self, i: usize) -> Option<Cand> {
        match (self.w(i), self.w(i + 1)) {
            ("absolute", "zero") => {
                let mut c = Cand::new(i, i + 2, Kind::Quantity);
                c.value = Some(0.0);
                c.unit = Some("K");
                return Some(c);
            }
            ("a", "penny") => {
                let mut c = Cand::new(i, i + 2, Kind::Money);
                c.value = Some(1.0);
                c.unit = Some("¢");
                return Some(c);
            }
            ("a", "baker")
                if matches!(self.l(i + 2), "'" | "’") && self.w(i + 3) == "s" && self.w(i + 4) == "dozen" =>
            {
                let mut c = Cand::new(i, i + 5, Kind::Cardinal);
                c.value = Some(13.0);
                return Some(c);
            }
            _ => {}
        }
        let mut j = i;
        let mut modifier = None;
        if let Some((m, k)) = self.hedge(j) {
            modifier = Some(m);
            j = k;
        }
        let between = self.w(j) == "between";
        if between && modifier.is_none() {
            j += 1;
        }
        let cur = self.currency_prefix(j);
        let (currency, k) = match cur {
            Some((c, k)) => (Some(c), k),
            None => (None, j),
        };
        let mut amt = self.amount_in(k, currency.is_some(), currency.is_none())?;
        if amt.end <= k {
            return None;
        }
        if amt.approx {
            modifier = modifier.or(Some(Modifier::About));
        }
        // "7-Eleven": digits, a hyphen and a capitalised number word make a name
        let name_after = !amt.word
            && is_dash(self.l(amt.end))
            && self.glued(amt.end)
            && self.glued(amt.end + 1)
            && self.t.get(amt.end + 1).is_some_and(|t| t.cap)
            && self.parse_words(amt.end + 1).is_some_and(|wn| !wn.ordinal && !wn.fraction);
        let name_before = amt.word
            && k >= 2
            && self.t[k].cap
            && !self.t[k].sp
            && is_dash(self.l(k - 1))
            && !self.t[k - 1].sp
            && self.is_num(k - 2);
        if name_after || name_before {
            return None;
        }
        // "sales losses over 1987", "not under 1987-style pressure": a year after a preposition
        // (the year is a date on its own)
        if matches!(modifier, Some(Modifier::Over | Modifier::Under))
            && j == i + 1
            && currency.is_none()
            && amt.plain
            && amt.end == k + 1
            && is_year_token(&self.t[k].low)
            && self.t.get(amt.end).is_none_or(|t| t.kind == TK::Punct)
            && self.l(amt.end) != "%"
        {
            return None;
        }
        // a year with its era: "300 BC", "around 500 B.C.", "2014 A.D."
        if currency.is_none() && amt.plain && amt.end == k + 1 && self.t[k].low.len() <= 4 {
            if let Some(ee) = self.era_at(amt.end) {
                let mut c = Cand::new(i, ee, Kind::Date);
                c.modifier = modifier;
                if matches!(self.raw(amt.end), "AD" | "A.D." | "A.D" | "CE" | "C.E." | "C.E") {
                    c.iso = self.t[k].low.parse::<u32>().ok().map(|y| format!("{:04}", y));
                }
                return Some(c);
            }
        }
        // ordinal digits "27th"
        if currency.is_none() && self.is_num(amt.end - 1) && amt.plain && amt.end < self.n() {
            let sfx = self.l(amt.end);
            if self.glued(amt.end) && words::is_ordinal_suffix(&self.t[amt.end - 1].low, sfx) {
                if self.code_after(amt.end + 1) {
                    return None;
                }
                // "the 17th consecutive day": a date, like "a fifth straight week"
                let oe = amt.end + 1;
                if matches!(self.w(oe), "consecutive" | "straight" | "successive") {
                    if let Some((_, uc @ (UC::DateSpan | UC::TimeSpan), _)) = units::unit(self.w(oe + 1)) {
                        let kind = if uc == UC::TimeSpan { Kind::Time } else { Kind::Date };
                        return Some(self.finish(i, oe + 2, kind, None, None, modifier, None, None, None));
                    }
                }
                let mut c = Cand::new(i, amt.end + 1, Kind::Ordinal);
                c.value = amt.value;
                c.modifier = modifier;
                return Some(c);
            }
        }
        let mut end = amt.end;
        let mut kind;
        let mut unit = None;
        let mut cur_code = currency;
        let to = None;
        if currency.is_some() {
            kind = Kind::Money;
            if amt.vague || amt.few || amt.article || amt.ordinal {
                return None;
            }
            // "$5 USD"
            if let Some(code) = units::currency_code(self.raw(end)) {
                if self.t[end].kind == TK::Word {
                    cur_code = Some(code);
                    end += 1;
                }
            }
        } else if let Some(sfx) = self.suffix(end, &amt) {
            kind = sfx.kind;
            unit = sfx.unit;
            cur_code = sfx.currency;
            end = sfx.end;
        } else {
            if amt.article && self.w(amt.s) == "half" && amt.end == amt.s + 1 {
                let mut c = Cand::new(i, amt.end, Kind::Cardinal);
                c.value = Some(0.5);
                c.modifier = modifier;
                return Some(c);
            }
            if amt.article || amt.few {
                return None;
            }
            if amt.vague {
                // "billions of dollars", "hundreds"
                if self.w(end) == "of" {
                    let cw = self.w(end + 1);
                    if let Some(code) =
                        units::currency_word(cw).or(if cw == "pounds" { Some("GBP") } else { None })
                    {
                        let mut c = Cand::new(i, end + 2, Kind::Money);
                        c.currency = Some(code);
                        c.modifier = modifier;
                        return Some(c);
                    }
                }
                let mut c = Cand::new(i, end, Kind::Cardinal);
                c.modifier = modifier;
                return Some(c);
            }
            kind = if amt.ordinal { Kind::Ordinal } else { Kind::Cardinal };
        }
        if amt.ordinal && kind != Kind::Ordinal {
            // "a fifth straight week", "the 17th consecutive day": a date, like "the third year"
            if matches!(kind, Kind::Date | Kind::Time)
                && matches!(self.w(amt.end), "straight" | "consecutive" | "successive")
                && end == amt.end + 2
            {
                return Some(self.finish(i, end, kind, None, None, modifier, None, None, None));
            }
            return None;
        }
        // millions of a currency: "MAUD 60", "twenty MUSD"
        if kind == Kind::Money && !amt.scaled {
            let m = if currency.is_some() { self.raw(j) } else { self.raw(end - 1) };
            if units::million_code(m).is_some() {
                amt.value = amt.value.map(|v| v * 1e6);
                amt.scaled = true;
            }
        }
        // a scale after the currency code: "75 USD million"
        if kind == Kind::Money
            && !amt.scaled
            && end > amt.end
            && self.t[end - 1].kind == TK::Word
            && units::currency_code(self.raw(end - 1)).is_some()
        {
            if let Some(sc) = words::scale_word(self.w(end)) {
                amt.value = amt.value.map(|v| v * sc);
                amt.scaled = true;
                end += 1;
            }
        }
        if amt.vague && kind != Kind::Money && !matches!(kind, Kind::Date | Kind::Time | Kind::Quantity) {
            return None;
        }
        // a code right after the digits: "3D", "4a"
        if !amt.word && kind == Kind::Cardinal && self.code_after(amt.end) {
            return None;
        }
        // "49,000-plus": more than the amount
        if matches!(kind, Kind::Cardinal | Kind::Money | Kind::Percent | Kind::Quantity)
            && is_dash(self.l(end))
            && self.glued(end)
            && self.w(end + 1) == "plus"
            && self.glued(end + 1)
            && !(self.glued(end + 2) && (is_dash(self.l(end + 2)) || self.t[end + 2].kind != TK::Punct))
        {
            end += 2;
            modifier = modifier.or(Some(Modifier::MoreThan));
            // "20 billion-plus dollars"
            if kind == Kind::Cardinal && !amt.ordinal {
                if let Some(sfx) = self.suffix(end, &amt).filter(|x| x.kind == Kind::Money) {
                    kind = sfx.kind;
                    cur_code = sfx.currency;
                    end = sfx.end;
                }
            }
        }
        if !amt.vague && !amt.few && !amt.article && !amt.ordinal {
            let sfx = (kind, unit, cur_code, end);
            if let Some(r) = self.range(i, &amt, between, currency.is_some(), sfx, modifier) {
                return Some(r);
            }
        }
        if kind == Kind::Cardinal && between {
            return None;
        }
        if amt.word && amt.value == Some(1.0) && kind == Kind::Cardinal && !self.one_is_number(amt.s) {
            return None;
        }
        if kind == Kind::Cardinal
            && modifier.is_none()
            && !amt.word
            && (self.name_before(k) || self.numbered_item(k))
        {
            return None;
        }
        // a toll-free or premium-rate prefix: "900 service", "an 800-number", "an 800 line"
        if kind == Kind::Cardinal
            && modifier.is_none()
            && amt.plain
            && matches!(self.l(k), "800" | "888" | "900")
        {
            let n = if is_dash(self.l(end)) && self.glued(end) { end + 1 } else { end };
            if matches!(
                self.w(n),
                "service" | "services" | "number" | "numbers" | "line" | "telephone" | "phone" | "product"
            ) {
                return None;
            }
        }
        if kind == Kind::Cardinal && modifier.is_none() && amt.plain && is_year_token(&self.t[k].low) {
            // a bare year is a date (dates.rs handles it); leave it
            return None;
        }
        if kind == Kind::Ordinal && !self.ordinal_ok(amt.s, amt.end) {
            return None;
        }
        Some(self.finish(i, end, kind, amt.value, to, modifier, unit, cur_code, None))
    }

    #[allow(clippy::too_many_arguments)]
    fn finish(
        &self,
        s: usize,
        e: usize,
        kind: Kind,
        value: Option<f64>,
        to: Option<f64>,
        modifier: Option<Modifier>,
        unit: Option<&'static str>,
        currency: Option<&'static str>,
        iso: Option<String>,
    ) -> Cand {
        let mut c = Cand::new(s, e, kind);
        c.value = value;
        c.to = to;
        c.modifier = modifier;
        c.unit = unit;
        c.currency = currency;
        c.iso = iso;
        if matches!(kind, Kind::Date | Kind::Time) && unit.is_none() {
            c.value = None;
            c.to = None;
        }
        c
    }

    fn day_to_day_month(&self, i: usize) -> Option<Cand> {
        let k = if self.w(i) == "the" { i + 1 } else { i };
        if !self.is_num(k) || !self.plain_int(k) || self.t[k].low.len() > 2 {
            return None;
        }
        let d1: u32 = self.t[k].low.parse().ok()?;
        let mut e = k + 1;
        if self.glued(e) && matches!(self.l(e), "st" | "nd" | "rd" | "th") {
            e += 1;
        }
        let conn = self.l(e);
        let dash = is_dash(conn) && self.glued(e) == self.glued(e + 1);
        if !(matches!(conn, "to" | "through" | "thru" | "till" | "until") || dash) {
            return None;
        }
        let d = self.date_core(e + 1).or_else(|| {
            // "to the 15th July"
            if self.w(e + 1) == "the" {
                self.date_core(e + 2)
            } else {
                None
            }
        })?;
        let iso = d.iso.as_deref()?;
        // the second is a day of a month: "--07-15" or "2014-07-15"
        let day_iso = (iso.starts_with("--") && iso.len() == 7) || (iso.len() == 10 && !iso.contains('/'));
        if d.kind != Kind::Date || !day_iso || !self.is_num(d.s) && self.w(d.s) != "the" {
            return None;
        }
        let d2: u32 = iso[iso.len() - 2..].parse().ok()?;
        if !(1..d2).contains(&d1) {
            return None;
        }
        let mut c = Cand::new(i, d.e, Kind::Date);
        let first = format!("{}{:02}", &iso[..iso.len() - 2], d1);
        c.iso = Some(format!("{}/{}", first, iso));
        Some(c)
    }

    /// A verb of movement before "up" ("inched up to 47.6%"): "up" is its particle, not a hedge.
    fn moved_up(&self, k: usize) -> bool {
        matches!(
            self.w(k),
            "inched"
                | "ticked"
                | "crept"
                | "moved"
                | "went"
                | "shot"
                | "edged"
                | "ratcheted"
                | "bumped"
                | "revised"
                | "marked"
                | "climbed"
                | "rose"
                | "jumped"
                | "pushed"
                | "driven"
                | "drove"
                | "inch"
                | "tick"
                | "move"
                | "go"
                | "goes"
                | "moves"
                | "inches"
                | "ticks"
                | "creeps"
        )
    }

    /// The word before `i` (or before "by" there) says something changed: "rose", "a gain of".
    fn after_change_word(&self, i: usize) -> bool {
        let mut k = i;
        // "rose by 4% to", "a gain of 0.54 cent to", "rose from $70 to $90" (two levels)
        if k > 0 && matches!(self.w(k - 1), "by" | "of" | "from") {
            k -= 1;
        }
        if k == 0 {
            return false;
        }
        matches!(
            self.w(k - 1),
            "rose"
                | "rise"
                | "rises"
                | "risen"
                | "fell"
                | "fall"
                | "falls"
                | "fallen"
                | "gain"
                | "gains"
                | "gained"
                | "lost"
                | "loss"
                | "losses"
                | "climbed"
                | "climb"
                | "dropped"
                | "drop"
                | "drops"
                | "declined"
                | "decline"
                | "declines"
                | "increased"
                | "increase"
                | "decreased"
                | "decrease"
                | "jumped"
                | "jump"
                | "slid"
                | "eased"
                | "up"
                | "down"
                | "advanced"
                | "added"
                | "slipped"
                | "plunged"
                | "soared"
                | "tumbled"
                | "surged"
                | "cut"
                | "raised"
                | "lowered"
                | "boosted"
                | "grew"
                | "shrank"
                | "widened"
                | "narrowed"
                | "edged"
                | "off"
        )
    }

    fn blocked_after(&self, e: usize) -> bool {
        self.blocked.get(e).copied().unwrap_or(false)
    }

    /// A glued exponent: "12.32e+14", "1.3x10^6", "6.23x10^-4", "1.1^23".
    fn scientific(&self, c: &mut Cand) {
        let Some(v) = c.value else { return };
        if !self.is_num(c.e - 1) {
            return;
        }
        let mut k = c.e;
        let mut base = None;
        if self.glued(k) && matches!(self.l(k), "e") {
            base = Some(10.0);
            k += 1;
        } else if self.glued(k)
            && matches!(self.l(k), "x" | "×" | "*")
            && self.glued(k + 1)
            && self.l(k + 1) == "10"
            && self.glued(k + 2)
            && self.l(k + 2) == "^"
        {
            base = Some(10.0);
            k += 3;
        } else if self.glued(k) && self.l(k) == "^" {
            k += 1;
        }
        if k == c.e {
            return;
        }
        let mut neg = false;
        let mut signs = 0;
        while signs < 2 && self.glued(k) && matches!(self.l(k), "+" | "-" | "−") {
            neg ^= self.l(k) != "+";
            k += 1;
            signs += 1;
        }
        if !(self.glued(k) && self.plain_int(k) && self.t[k].low.len() <= 3) {
            return;
        }
        let Ok(n) = self.t[k].low.parse::<i32>() else { return };
        let n = if neg { -n } else { n };
        let value = match base {
            Some(b) => v * f64::powi(b, n),
            None => v.signum() * v.abs().powi(n),
        };
        if value.is_finite() {
            c.value = Some(value);
            c.e = k + 1;
        }
    }

    /// A fraction said with "over" or "out of": "one over three", "1 over 20", "one out of three".
    fn fraction_over(&self, c: &mut Cand) {
        let Some(v1) = c.value else { return };
        if c.modifier.is_some() || v1.fract() != 0.0 {
            return;
        }
        let k = match (self.w(c.e), self.w(c.e + 1)) {
            ("over", _) => c.e + 1,
            ("out", "of") => c.e + 2,
            _ => return,
        };
        let Some(a2) = self.amount_in(k, false, false) else { return };
        if a2.article || a2.few || a2.vague || a2.ordinal || a2.end <= k {
            return;
        }
        let Some(v2) = a2.value else { return };
        // then nothing that makes the second a count of something ("1 over 3 years")
        let after_ok =
            self.t.get(a2.end).is_none_or(|t| t.kind == TK::Punct) || is_function_word(self.w(a2.end));
        if v2 > v1.abs() && after_ok {
            c.value = Some(v1 / v2);
            c.e = a2.end;
        }
    }

    /// A range after the first amount: "10-20%", "between 10 and 20", "5 to 44 days",
    /// "$5 to $10 million", "8 1/2% to 8 3/8%".
    fn range(
        &self,
        i: usize,
        amt: &Amt,
        between: bool,
        money: bool,
        first: (Kind, Option<&'static str>, Option<&'static str>, usize),
        modifier: Option<Modifier>,
    ) -> Option<Cand> {
        let (kind, unit, cur_code, end) = first;
        let suffix_before = money || (kind != Kind::Cardinal && end > amt.end);
        let mut conn_at = if suffix_before { end } else { amt.end };
        if !suffix_before && is_dash(self.l(conn_at)) && self.glued(conn_at) && self.w(conn_at + 1) == "to" {
            conn_at += 1;
        }
        let c = self.l(conn_at);
        let dash = is_dash(c) && c != "−";
        let ok = if between {
            self.w(conn_at) == "and"
        } else {
            (dash && self.glued(conn_at) == self.glued(conn_at + 1))
                || self.w(conn_at) == "to"
                || (self.w(conn_at) == "or" && !suffix_before)
        };
        let or_conn = self.w(conn_at) == "or";
        if !ok {
            return None;
        }
        // "rose 4% to 8%", "a gain of 0.54 cent to 14.26 cents": a change, then the new level
        // (two numbers), not a range
        if !between && suffix_before && self.w(conn_at) == "to" && self.after_change_word(i) {
            return None;
        }
        let mut k2 = conn_at + 1;
        if let Some((_, kk)) = self.currency_prefix(k2) {
            if !money {
                return None;
            }
            k2 = kk;
        }
        let a2 = self.amount_in(k2, money, !dash)?;
        if a2.article || a2.few || a2.vague || a2.ordinal || a2.end <= k2 {
            return None;
        }
        let v2 = a2.value?;
        let mut v1 = amt.value?;
        if amt.plain && is_year(v1) && !between && !suffix_before && !dash {
            return None; // "in 1991 to 7.4%"
        }
        if a2.scaled && !amt.scaled && a2.end > k2 {
            if let Some(sc) = scale_of(self.w(a2.end - 1)) {
                // "$1 to $2 million", "$500 to $600 million" share the scale; "$10,000 to $1
                // million" does not
                if v1 < v2 / sc * 10.0 || (money && v1 < 1000.0) {
                    v1 *= sc;
                }
            }
        }
        let (kind2, unit2, cur2, e2) = if money {
            let mut e2 = a2.end;
            if self.t.get(e2).is_some_and(|x| x.kind == TK::Word)
                && units::currency_code(self.raw(e2)).is_some()
            {
                e2 += 1;
            }
            (Kind::Money, None, cur_code, e2)
        } else {
            match self.suffix(a2.end, &a2) {
                Some(s2) => {
                    if suffix_before {
                        if s2.kind != kind || s2.unit != unit {
                            return None;
                        }
                    } else if kind != Kind::Cardinal {
                        return None;
                    }
                    (s2.kind, s2.unit, s2.currency, s2.end)
                }
                None => {
                    if suffix_before {
                        return None;
                    }
                    (Kind::Cardinal, None, None, a2.end)
                }
            }
        };
        if or_conn && !matches!(kind2, Kind::Date | Kind::Time) {
            return None; // "three or four years" only
        }
        if kind2 == Kind::Cardinal {
            // "an estimated 10,000 to 15,000", "about 20 to 30": a hedge makes "to" a range
            // (bare "5 to 4" is a score or a vote)
            let hedged_to = matches!(modifier, Some(Modifier::About))
                && self.w(conn_at) == "to"
                && !(i > 0 && self.w(i - 1) == "from");
            // "down 24/32 to 30/32 point", "1/4 to 3/4": fractions make "to" a range
            let fractions = v1.fract() != 0.0
                && v2.fract() != 0.0
                && v1 < 1.0
                && v2 < 1.0
                && !amt.word
                && self.l(k2 + 1) == "/"
                && self.w(conn_at) == "to";
            if !(between || dash || hedged_to || fractions) || v2 <= v1 {
                return None;
            }
            if amt.plain && is_year(v1) && !between {
                return None; // "2012-13": a date
            }
            if self.code_after(a2.end) {
                return None;
            }
        } else if v2 < v1 && v1 >= 0.0 && (dash || !matches!(kind2, Kind::Date | Kind::Time)) {
            // falling bounds are no range: a vote ("rejected it 59% to 41%"), bid and asked
            // quotes ("8 3/4% to 8 5/8%"), a fall ("from 9% to 8%"); in "beat him 52 to 38
            // percent" the first number shares the second's unit
            if !suffix_before && !dash && matches!(kind2, Kind::Percent | Kind::Money | Kind::Quantity) {
                return Some(self.finish(i, amt.end, kind2, Some(v1), None, modifier, unit2, cur2, None));
            }
            return None;
        }
        Some(self.finish(i, e2, kind2, Some(v1), Some(v2), modifier, unit2, cur2, None))
    }

    /// "one" as a pronoun: "one of the", "no one", "the one", "this one".
    fn one_is_number(&self, i: usize) -> bool {
        let w = self.w(i);
        if w != "one" {
            return true;
        }
        // "a one-time payment"
        if is_dash(self.l(i + 1)) && self.glued(i + 1) && self.glued(i + 2) && self.w(i + 2) != "another" {
            return true;
        }
        // "eat one,", "for one," : a pronoun at the end of a phrase
        if i > 0
            && self.t.get(i + 1).is_none_or(|t| {
                t.kind == TK::Punct && matches!(t.low.as_ref(), "." | "," | ";" | ")" | "?" | "!" | ":")
            })
            && self.hedge(i - 1).is_none()
            && !matches!(self.w(i - 1), "than" | "only" | "just" | "least")
        {
            return false;
        }
        if matches!(self.w(i + 1), "of" | "another" | "'s" | "who" | "which" | "that") {
            return false;
        }
        if self.l(i + 1) == "'" || self.l(i + 1) == "’" {
            return false;
        }
        if i > 0 {
            let p = self.w(i - 1);
            if matches!(
                p,
                "no" | "the"
                    | "this"
                    | "that"
                    | "which"
                    | "each"
                    | "every"
                    | "any"
                    | "some"
                    | "someone"
                    | "only"
                    | "last"
                    | "next"
                    | "little"
                    | "big"
                    | "new"
                    | "good"
                    | "right"
                    | "wrong"
                    | "other"
                    | "anyone"
                    | "everyone"
                    | "a"
            ) {
                return false;
            }
        }
        true
    }

    /// A bill, section or page number: "S. 1737", "H.R. 2005", "Sec. 5" ("No. 1" stays a number).
    pub(crate) fn numbered_item(&self, k: usize) -> bool {
        if k == 0 || !self.is_num(k) {
            return false;
        }
        let p = self.w(k - 1);
        if matches!(p, "h.r." | "h.r" | "s.j." | "h.j." | "h.res." | "s.res.") {
            return true;
        }
        // a law's parts, also at the start of a sentence: "Section 501 of the act", "under chapter
        // 11", and other numbered things: "Flight 370 vanished", "in room 101", "Route 66"
        if matches!(
            p,
            "section"
                | "sections"
                | "subsection"
                | "chapter"
                | "article"
                | "clause"
                | "paragraph"
                | "flight"
                | "route"
                | "highway"
                | "interstate"
                | "room"
                | "gate"
                | "platform"
                | "terminal"
                | "pier"
                | "exit"
                | "precinct"
        ) && !self.glued(k)
        {
            return true;
        }
        if k >= 2 && self.l(k - 1) == "." && self.glued(k - 1) {
            let q = &self.t[k - 2];
            let raw = &self.text[q.s..q.e];
            if q.kind == TK::Word
                && ((raw.len() == 1 && q.cap)
                    || matches!(q.low.as_ref(), "sec" | "art" | "vol" | "pp" | "p" | "prop"))
            {
                return true;
            }
        }
        false
    }

    /// A capitalised name right before the number makes it part of a name: "Boeing 737",
    /// "Article 5", "Windows 10".
    fn name_before(&self, k: usize) -> bool {
        if k == 0 || !self.t[k].sp {
            return false;
        }
        let p = &self.t[k - 1];
        if p.kind != TK::Word || !p.cap {
            return false;
        }
        if dates::month(&p.low).is_some() || dates::weekday(&p.low).is_some() {
            return false;
        }
        // a capitalised word at the start of a sentence is an ordinary word
        let start = k < 2
            || matches!(self.l(k - 2), "." | "!" | "?" | ":" | "\"" | "“" | "(" | "\n")
            || self.t[k - 1].s == 0;
        if start || is_function_word(&p.low) {
            return false;
        }
        // a headline in capitals
        let raw = &self.text[p.s..p.e];
        if raw.len() > 1 && raw.chars().all(|c| c.is_uppercase()) {
            return true;
        }
        true
    }

    /// "first"/"second" need to be used as ordinals: not "a second", "seconds".
    fn ordinal_ok(&self, s: usize, e: usize) -> bool {
        if e == s + 1 && self.t[s].kind == TK::Word {
            let w = self.w(s);
            // names: "First Union", "Sixth Avenue", "Second U.S. Circuit"
            if self.t[s].cap {
                if let Some(n) = self.t.get(e) {
                    if n.kind == TK::Word && n.cap && n.sp {
                        return false;
                    }
                }
            }
            if w == "first" {
                // the adverb: "at first", "when it first came out"
                if s > 0 && self.w(s - 1) == "at" {
                    return false;
                }
                let nx = self.w(e);
                if nx.ends_with("ed")
                    || matches!(
                        nx,
                        "came"
                            | "became"
                            | "took"
                            | "began"
                            | "met"
                            | "saw"
                            | "went"
                            | "made"
                            | "won"
                            | "ran"
                            | "set"
                            | "put"
                            | "told"
                            | "said"
                            | "appeared"
                            | "touched"
                    )
                {
                    return false;
                }
            }
        }
        if e == s + 1
            && self.w(s) == "second"
            && s > 0
            && matches!(self.w(s - 1), "per" | "one" | "split" | "every" | "each")
        {
            return false;
        }
        true
    }
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

fn uc_kind(uc: UC) -> Kind {
    match uc {
        UC::Quantity => Kind::Quantity,
        UC::DateSpan => Kind::Date,
        UC::TimeSpan => Kind::Time,
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
