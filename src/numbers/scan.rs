//! The best candidate at a token: the longest expression, then the ordered fix-ups that
//! extend, retype or reject it.

use super::*;
use crate::text;

/// What a fix-up decided about the candidate it was given.
pub(super) enum Flow {
    /// Go on with the next fix-up (the candidate may have changed).
    Next,
    /// No number starts here.
    Reject,
    /// This candidate is final: no later fix-up applies.
    Replace(Candidate),
}

/// A fix-up: the parser, the candidate so far and the token the scan stands at.
type FixUp = fn(&Parser<'_>, &mut Candidate, usize) -> Flow;

/// The fix-ups applied, in this order, to the longest expression at a token. Each extends,
/// retypes or rejects it; the examples are in each function's doc. The order matters: a date
/// takes its clock time before a range of dates is looked for, and the line-break check comes
/// last but one so that every extension before it is cut back at a break.
const FIX_UPS: &[FixUp] = &[
    day_of_relative_month,
    slash_date_after_preposition,
    rate_period,
    clock_then_day,
    part_of_day_at_clock,
    slash_date_at_clock,
    date_then_clock,
    day_to_day_of_month,
    year_after_of,
    date_to_date,
    year_said_relatively,
    age_in_apposition,
    second_day_of_month,
    exponent_or_fraction,
    compound_measure,
    dollars_and_cents,
    date_tail,
    compound_duration,
    line_break,
    possessive,
];

impl Parser<'_> {
    /// "a" at `i` follows a noun that a count a few words before measures: "copies" in "sells
    /// 300,000 copies a day", "uranium" in "400,000 pounds of uranium a year".
    pub(super) fn rate_after_count(&self, i: usize) -> bool {
        if i == 0 || self.t[i - 1].kind != TokKind::Word || is_function_word(self.word(i - 1)) {
            return false;
        }
        if matches!(
            self.word(i - 1),
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
        (i.saturating_sub(5)..i - 1).any(|k| self.is_num(k) || words::scale_word(self.word(k)).is_some())
    }

    /// "10.31.1974" (month first where the first part cannot be a month: "23.04.2022" is day first).
    pub(super) fn dotted_date(&self, i: usize) -> Option<Candidate> {
        let (a, b) = self.t.get(i).filter(|t| t.kind == TokKind::Num)?.low.split_once('.')?;
        if a.is_empty()
            || a.len() > 2
            || b.len() != 2
            || self.low(i + 1) != "."
            || !self.glued(i + 1)
            || !self.glued(i + 2)
        {
            return None;
        }
        // a four-digit year, or two digits after two two-digit parts ("10.06.89")
        let ylen = self.t.get(i + 2).map_or(0, |t| t.low.len());
        if !self.plain_int(i + 2)
            || !(ylen == 4 || (ylen == 2 && a.len() == 2))
            || (self.glued(i + 3) && self.t[i + 3].kind != TokKind::Punct)
        {
            return None;
        }
        // "1.2.2024.5": a version, not a date
        if self.low(i + 3) == "." && self.glued(i + 3) && self.is_num(i + 4) && self.glued(i + 4) {
            return None;
        }
        if i > 0 && !self.t[i].sp && self.t[i - 1].kind != TokKind::Punct {
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
        let mut c = Candidate::new(i, i + 3, Kind::Date);
        c.iso = match (ylen, m) {
            (4, 0) => Some(Temporal::year(year)),
            (4, _) => Some(Temporal::year_month_day(year, m, d)),
            (_, 0) => None,
            _ => Some(Temporal::month_day(m, d)),
        };
        Some(c)
    }

    /// An era after a year at `k` ("BC", "B.C.", "BCE", "AD", "A.D.", "CE"): the end of it.
    pub(super) fn era_at(&self, k: usize) -> Option<usize> {
        let t = self.t.get(k).filter(|t| t.kind == TokKind::Word && t.sp)?;
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
            && self.low(k + 1) == "."
            && self.glued(k + 1)
        {
            return Some(k + 2);
        }
        // a capitalised word after "AD"/"CE" makes them names or initials ("1200 AD Systems")
        if matches!(raw, "AD" | "CE") && self.t.get(k + 1).is_some_and(|n| n.kind == TokKind::Word && n.cap) {
            return None;
        }
        Some(k + 1)
    }

    /// An hour 1-12 alone at `k`, in digits or a word, closing its phrase: "at 2.", "at eight".
    pub(super) fn bare_hour(&self, k: usize) -> Option<(u32, usize)> {
        let (h, e) = if self.plain_int(k) {
            (self.t[k].low.parse::<u32>().ok()?, k + 1)
        } else {
            let wn = self.parse_words(k)?;
            if wn.ordinal || wn.value.fract() != 0.0 {
                return None;
            }
            (wn.value as u32, wn.end)
        };
        let closes = self.t.get(e).is_none_or(|t| {
            t.kind == TokKind::Punct && matches!(t.low.as_ref(), "." | "," | "?" | "!" | ";")
        });
        ((1..=12).contains(&h) && closes).then_some((h, e))
    }

    /// A two-digit number between commas right after a person's name: "Arthur A. Hatch, 59,".
    pub(super) fn appositive_age(&self, k: usize) -> bool {
        if k < 2 || !self.plain_int(k) || self.t[k].low.len() != 2 || self.low(k - 1) != "," {
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
        if matches!(self.low(j), ".") && j > 0 && matches!(self.word(j - 1), "jr" | "sr") {
            j -= 1;
        }
        if matches!(self.raw(j), "Jr." | "Sr." | "Jr" | "Sr" | "II" | "III" | "IV") && j > 0 {
            j -= 1;
        }
        let name_word = |x: usize| {
            self.t[x].kind == TokKind::Word
                && self.t[x].cap
                && self.raw(x).chars().skip(1).all(|ch| ch.is_lowercase() || ch == '\'' || ch == '-')
                && self.raw(x).len() > 1
        };
        if !name_word(j) || dates::month(self.word(j)).is_some() || dates::weekday(self.word(j)).is_some() {
            return false;
        }
        // a first name or an initial before the surname, or a title ("Mr. Bromwich, 35,")
        let mut p = j;
        if p > 0 && self.low(p - 1) == "." && p > 1 {
            p -= 1; // "A. Hatch", "Mr. Bromwich"
        }
        p > 0 && (name_word(p - 1) || (p != j && self.t[p - 1].kind == TokKind::Word && self.t[p - 1].cap))
    }

    /// A clock time without am/pm after a day, ending where the clause ends: "Friday 23 at 4",
    /// "Monday at 2.30" (after "at"), "Monday 12-4", "next Monday 6-8" (hours right after a
    /// weekday, earlier to later: "won Monday 5-3" is a score). The end of the time, if any.
    pub(super) fn bare_clock_after_day(&self, de: usize, k: usize, at: bool) -> Option<usize> {
        let closes = |e: usize| {
            self.t.get(e).is_none_or(|t| {
                t.kind == TokKind::Punct && matches!(t.low.as_ref(), "." | "," | "?" | "!" | ";")
            })
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
            && dates::weekday(self.word(de - 1)).is_some()
            && is_dash(self.low(k + 1))
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

    /// The best candidate starting at token `i`: scientific notation, else the longest
    /// expression that starts there, then each of [`FIX_UPS`] in order.
    pub(super) fn best_at(&self, i: usize) -> Option<Candidate> {
        if self.blocked[i] || !self.may_start_at(i) {
            return None;
        }
        self.best_at_any(i)
    }

    /// `best_at` without the `may_start_at` check (`start_gate_misses` compares the two).
    pub(super) fn best_at_any(&self, i: usize) -> Option<Candidate> {
        if let Some(c) = self.scientific_at(i) {
            return Some(c);
        }
        let mut c = self.longest_at(i)?;
        for step in FIX_UPS {
            match step(self, &mut c, i) {
                Flow::Next => {}
                Flow::Reject => return None,
                Flow::Replace(c2) => return Some(c2),
            }
        }
        Some(c)
    }

    /// Scientific notation, read as a code otherwise: "12.32e+14", "1.3x10^6", "-12e-1", with a
    /// unit after the exponent ("4e14 s-1", "6.02e23 kg").
    fn scientific_at(&self, i: usize) -> Option<Candidate> {
        let neg = is_minus(self.low(i))
            && self.glued(i + 1)
            && (i == 0 || self.t[i].sp || self.t[i - 1].kind == TokKind::Punct);
        let n = if neg { i + 1 } else { i };
        if self.is_num(n) && matches!(self.low(n + 1), "e" | "x" | "×") && self.glued(n + 1) {
            if let Some(v) = num_value(&self.t[n].low) {
                let mut c = Candidate::new(n, n + 1, Kind::Cardinal);
                c.value = Some(if neg { -v } else { v });
                self.scientific(&mut c);
                if c.e > n + 1 {
                    c.s = i;
                    // a unit after the exponent: "4e14 s-1", "6.02e23 kg"
                    let amt = Amount { s: i, end: c.e, value: c.value, ..Amount::default() };
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
        None
    }

    /// The longest of the expressions that start at `i`: a number expression (or a date written
    /// with dots, "10.31.1974", "23.04.2022", which the lexer reads as a decimal), a date
    /// expression, or a range of days that starts with "the" ("the 13th to the 15th July").
    /// A date wins a tie with a number.
    fn longest_at(&self, i: usize) -> Option<Candidate> {
        let dotted = self.dotted_date(i);
        let a = if dotted.is_some() { dotted } else { self.number_expr(i) };
        let b = self.date_expr(i);
        let dd = if self.word(i) == "the" && self.is_num(i + 1) { self.day_to_day_month(i) } else { None };
        let c = match (a, b) {
            (Some(a), Some(b)) => Some(if b.e >= a.e { b } else { a }),
            (a, b) => a.or(b),
        };
        match (c, dd) {
            (Some(c), Some(d)) => Some(if d.e > c.e { d } else { c }),
            (c, d) => c.or(d),
        }
    }

    /// Extends a duration by its later units, at most four: "2 years 1 month 21 days later".
    fn extend_duration(&self, c: &mut Candidate) {
        let span = |w: &str| match units::unit(w) {
            Some((_, UnitClass::DateSpan, _)) => Some(Kind::Date),
            Some((_, UnitClass::TimeSpan, _)) => Some(Kind::Time),
            _ => None,
        };
        for _ in 0..4 {
            if span(self.word(c.e - 1)).is_none() {
                return;
            }
            let mut k = c.e;
            if self.low(k) == "," {
                k += 1;
            }
            if self.word(k) == "and" {
                k += 1;
            }
            let Some(a) = self.amount_in(k, false, false) else { return };
            if a.value.is_none() || a.vague || a.ordinal || a.scaled || a.few || a.article || a.end <= k {
                return;
            }
            let Some(kind) = span(self.word(a.end)) else { return };
            // each part in a smaller unit than the one before ("2 years 1 month", not the list
            // "a year, 1.5 years")
            if !durations::smaller_unit(self.word(a.end), self.word(c.e - 1)) {
                return;
            }
            if kind == Kind::Date {
                c.kind = Kind::Date;
            }
            c.e = a.end + 1;
            if matches!(self.word(c.e), "ago" | "later" | "earlier") {
                c.e += 1;
                return;
            }
        }
    }
}

// ---------- the fix-ups, in the order of FIX_UPS ----------

/// "20th of the previous month": a day of a month named relatively
fn day_of_relative_month(p: &Parser, c: &mut Candidate, _i: usize) -> Flow {
    if c.kind == Kind::Ordinal && c.value.is_some_and(|v| (1.0..=31.0).contains(&v)) {
        if let Some(e2) = p.of_relative_month(c.e) {
            c.kind = Kind::Date;
            c.value = None;
            c.e = e2;
        }
    }
    Flow::Next
}

/// A month and day written as a fraction after "on"/"since"/"until": "on 2/15"
fn slash_date_after_preposition(p: &Parser, c: &mut Candidate, _i: usize) -> Flow {
    if c.kind == Kind::Cardinal
        && c.e == c.s + 3
        && c.s > 0
        && p.low(c.s + 1) == "/"
        && matches!(p.word(c.s - 1), "on" | "since" | "until")
        && !matches!(p.word(c.e), "of" | "the" | "a" | "an")
        && p.low(c.e) != "%"
    {
        let m = p.t[c.s].low.parse::<u32>().unwrap_or(0);
        let d = p.t[c.s + 2].low.parse::<u32>().unwrap_or(0);
        if (1..=12).contains(&m) && (1..=31).contains(&d) {
            c.kind = Kind::Date;
            c.value = None;
            c.iso = Some(Temporal::month_day(m, d));
        }
    }
    Flow::Next
}

/// The period of a rate after a count: "300,000 copies a day", "25 units a year" (not a date)
fn rate_period(p: &Parser, c: &mut Candidate, i: usize) -> Flow {
    if c.kind == Kind::Date
        && c.e == i + 2
        && matches!(p.word(i), "a" | "an")
        && matches!(p.word(i + 1), "day" | "week" | "month" | "year")
        && p.rate_after_count(i)
    {
        return Flow::Reject;
    }
    Flow::Next
}

/// A clock time followed by its day: "10 a.m. this morning", "3pm tomorrow"
fn clock_then_day(p: &Parser, c: &mut Candidate, _i: usize) -> Flow {
    if c.kind == Kind::Time && matches!(c.iso, Some(Temporal::Time(_))) {
        let k = c.e;
        let w = p.word(k);
        let e2 = if matches!(w, "this" | "tomorrow" | "yesterday")
            && matches!(p.word(k + 1), "morning" | "afternoon" | "evening")
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
            if matches!(p.word(e2 - 1), "afternoon" | "evening") {
                if let Some(Temporal::Time(clock)) = &mut c.iso {
                    if (1..12).contains(&clock.h) {
                        clock.h += 12;
                    }
                }
            }
        }
    }
    Flow::Next
}

/// A part of the day, then its clock time after "at": "this afternoon at 2", "tonight at
/// 10:30" (a part of the day, not a duration: "halted for 15 minutes at 10:30" is two items).
fn part_of_day_at_clock(p: &Parser, c: &mut Candidate, _i: usize) -> Flow {
    if c.kind == Kind::Time && c.iso.is_none() && c.unit.is_none() && p.word(c.e) == "at" {
        if let Some(t) = p.time_expr(c.e + 1).filter(|t| t.iso.is_some()) {
            c.iso = t.iso;
            c.e = t.e;
        } else if let Some((h, e2)) = p.bare_hour(c.e + 1) {
            // "this afternoon at 2", "tonight at 11", "Saturday morning at 9": the part of
            // the day says which half of the clock
            let h24 = match p.word(c.e - 1) {
                "morning" => Some(h % 12),
                "afternoon" | "evening" | "tonight" => Some(if h == 12 { 12 } else { h + 12 }),
                "night" => Some(if (6..12).contains(&h) { h + 12 } else { h % 12 }),
                _ => None,
            };
            if let Some(h24) = h24 {
                c.iso = Some(Temporal::clock(h24, 0));
                c.e = e2;
            }
        }
    }
    Flow::Next
}

/// A month and day written as a fraction, then a clock time: "4/25 at 4:00pm"
fn slash_date_at_clock(p: &Parser, c: &mut Candidate, _i: usize) -> Flow {
    if c.kind == Kind::Cardinal && c.e == c.s + 3 && p.low(c.s + 1) == "/" && p.word(c.e) == "at" {
        let m = p.t[c.s].low.parse::<u32>().unwrap_or(0);
        let d = p.t[c.s + 2].low.parse::<u32>().unwrap_or(0);
        if (1..=12).contains(&m) && (1..=31).contains(&d) {
            if let Some(t) = p.time_expr(c.e + 1).filter(|t| t.iso.as_ref().is_some_and(|x| !x.is_range())) {
                c.kind = Kind::Date;
                c.value = None;
                c.to = None;
                c.iso = match t.iso {
                    Some(Temporal::Time(clock)) => {
                        Some(Temporal::Date { y: None, m: Some(m), d: Some(d), time: Some(clock) })
                    }
                    _ => None,
                };
                c.e = t.e;
            }
        }
    }
    Flow::Next
}

/// A date followed by a clock time: "tomorrow 8:00am", "Thursday 1 pm", "Dec. 5, 3pm"
fn date_then_clock(p: &Parser, c: &mut Candidate, _i: usize) -> Flow {
    if c.kind == Kind::Date && c.value.is_none() {
        let k = if p.low(c.e) == "," || p.word(c.e) == "at" { c.e + 1 } else { c.e };
        let day_like = c.iso.as_ref().is_some_and(Temporal::is_day_of_month)
                || matches!(p.word(c.e - 1), "today" | "tomorrow" | "yesterday")
                || dates::weekday(p.word(c.e - 1)).is_some()
                // "friday 23 at 4", "friday the 26th at 4"
                || (c.e - c.s <= 4 && (c.s..c.e).any(|x| dates::weekday(p.word(x)).is_some()));
        let at = p.word(c.e) == "at" && day_like;
        let k = if p.word(c.e) == "at" && !day_like { c.e } else { k };
        // a week, month or year is no day for a clock time: "this week 8p.m." is two items
        let period = matches!(p.word(c.e - 1), "week" | "month" | "year" | "quarter")
            || (c.e >= 2 && p.word(c.e - 2) == "week" && p.is_num(c.e - 1));
        if !period && (p.is_num(k) || (at && !p.word(k).is_empty())) {
            if let Some(t) = p.time_expr(k).filter(|t| !at || t.iso.is_some()) {
                c.iso = match (&c.iso, &t.iso) {
                    (Some(d), Some(Temporal::Time(clock))) if d.is_full_date() => {
                        let mut d = d.clone();
                        if let Temporal::Date { time, .. } = &mut d {
                            *time = Some(*clock);
                        }
                        Some(d)
                    }
                    _ => None,
                };
                c.e = t.e;
            } else if let Some(e2) = p.bare_clock_after_day(c.e, k, at) {
                c.iso = None;
                c.e = e2;
            }
        }
    }
    Flow::Next
}

/// A day, then a later day with its month: "13th to 15th July", "the 13 to the 15 July",
/// "13-15 July" (one date range in the month of the second)
fn day_to_day_of_month(p: &Parser, c: &mut Candidate, _i: usize) -> Flow {
    if matches!(c.kind, Kind::Cardinal | Kind::Ordinal) && c.modifier.is_none() {
        if let Some(c2) = p.day_to_day_month(c.s) {
            *c = c2;
        }
    }
    Flow::Next
}

/// A day of a month, then its year after "of": "the fourth of July of 1995", "June 26th of 2020"
fn year_after_of(p: &Parser, c: &mut Candidate, _i: usize) -> Flow {
    if c.kind == Kind::Date
        && c.iso.as_ref().is_some_and(|x| x.is_day_of_month() && x.starts_without_year())
        && p.word(c.e) == "of"
        && p.plain_int(c.e + 1)
        && p.t[c.e + 1].low.len() == 4
    {
        if let Ok(y) = p.t[c.e + 1].low.parse::<i32>() {
            if (1000..2200).contains(&y) && !p.glued(c.e + 2) {
                if let Some(Temporal::Date { y: year, .. }) = &mut c.iso {
                    *year = Some(y);
                }
                c.e += 2;
            }
        }
    }
    Flow::Next
}

/// Two dates joined by "to"/"through"/"until" (or a spaced dash): one range, "26 june to
/// 28 june", "June 26th of 2020 to June 28th 2020", "Nov 18 2014 - Dec 19 2015"
fn date_to_date(p: &Parser, c: &mut Candidate, _i: usize) -> Flow {
    if c.kind == Kind::Date && c.iso.as_ref().is_some_and(Temporal::is_month_and_more) {
        let conn = p.low(c.e);
        let spaced_dash = is_dash(conn) && !p.glued(c.e) && !p.glued(c.e + 1);
        let glued_dash = is_dash(conn) && p.glued(c.e) && p.glued(c.e + 1);
        if matches!(conn, "to" | "through" | "thru" | "until" | "till") || spaced_dash || glued_dash {
            if let Some(d) = p.date_core(c.e + 1) {
                let same = d.kind == Kind::Date
                    && d.iso.as_ref().is_some_and(Temporal::is_month_and_more)
                    && month_word_at(p, c.e + 1);
                if same {
                    c.iso = c.iso.take().zip(d.iso).map(|(a, b)| Temporal::range(a, b));
                    c.e = d.e;
                }
            }
        }
    }
    Flow::Next
}

/// A day or month without its year, then the year said relatively: "March 21st of this
/// year", "January to October this year" (one date)
fn year_said_relatively(p: &Parser, c: &mut Candidate, _i: usize) -> Flow {
    if c.kind == Kind::Date && c.iso.as_ref().is_some_and(Temporal::starts_without_year) {
        let k = if p.word(c.e) == "of" { c.e + 1 } else { c.e };
        if matches!(p.word(k), "this" | "last" | "next") && p.word(k + 1) == "year" {
            c.e = k + 2;
        }
    }
    Flow::Next
}

/// An age in apposition to a name: "Arthur A. Hatch, 59, was named", "Frederick Deane
/// Jr., 63, chairman" (a person's age is a date, like "59 years old")
fn age_in_apposition(p: &Parser, c: &mut Candidate, _i: usize) -> Flow {
    if c.kind == Kind::Cardinal && c.modifier.is_none() && c.e == c.s + 1 && p.appositive_age(c.s) {
        c.kind = Kind::Date;
        c.unit = Some("yr");
    }
    Flow::Next
}

/// A second day of the same month: "on Dec. 8 and 9"
fn second_day_of_month(p: &Parser, c: &mut Candidate, _i: usize) -> Flow {
    if c.kind == Kind::Cardinal && c.modifier.is_none() && c.e == c.s + 1 && c.s >= 3 && p.plain_int(c.s) {
        let d2 = p.t[c.s].low.parse::<u32>().unwrap_or(0);
        let d1 = if p.plain_int(c.s - 2) { p.t[c.s - 2].low.parse::<u32>().unwrap_or(99) } else { 99 };
        let mk = if p.low(c.s - 3) == "." && c.s >= 4 { c.s - 4 } else { c.s - 3 };
        let closes =
            p.t.get(c.e)
                .is_none_or(|t| t.kind == TokKind::Punct && matches!(t.low.as_ref(), "." | "," | ";"));
        if matches!(p.word(c.s - 1), "and" | "or")
            && d1 < d2
            && d2 <= 31
            && closes
            && dates::month(p.word(mk)).is_some()
            && p.t[mk].cap
        {
            c.kind = Kind::Date;
            c.value = None;
            c.iso = dates::month(p.word(mk)).map(|m| Temporal::month_day(m, d2));
        }
    }
    Flow::Next
}

/// A cardinal with an exponent or a denominator after it: "1.3x10^6", "3 over 4".
fn exponent_or_fraction(p: &Parser, c: &mut Candidate, _i: usize) -> Flow {
    if c.kind == Kind::Cardinal && c.to.is_none() && c.value.is_some() && !p.blocked_after(c.e) {
        p.scientific(c);
        p.fraction_over(c);
    }
    Flow::Next
}

/// A compound measure: "7 feet 10 inches", "5 ft 2 in", "2 km and 1 meter", "3m and 5cm";
/// `value` is in the last (smallest) unit: "7 feet 10 inches" = 94 in
fn compound_measure(p: &Parser, c: &mut Candidate, _i: usize) -> Flow {
    if c.kind == Kind::Quantity && c.to.is_none() && c.value.is_some() {
        let mut hops = 0;
        while hops < 3 {
            hops += 1;
            let Some(u1) = c.unit else { break };
            let mut k = c.e;
            if p.low(k) == "," {
                k += 1;
            }
            if p.word(k) == "and" {
                k += 1;
            }
            let Some(a2) = p.amount_in(k, false, false) else { break };
            if a2.article || a2.few || a2.vague || a2.ordinal || a2.scaled || a2.end <= k {
                break;
            }
            let Some(v2) = a2.value else { break };
            let (u2, ue) = match a2.glued_unit {
                Some((u, _)) => (u, a2.end),
                None => {
                    let w2 = p.word(a2.end);
                    let mark = matches!(p.low(a2.end), "\"" | "″" | "”") && p.glued(a2.end);
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
    Flow::Next
}

/// Money in dollars and cents: "3 dollars 50 cents", "$20 and 43c", "thirteen dollars forty five"
fn dollars_and_cents(p: &Parser, c: &mut Candidate, _i: usize) -> Flow {
    if c.kind == Kind::Money && c.to.is_none() {
        if let Some(v) = c.value {
            let words_cur = p.t[c.e - 1].kind == TokKind::Word;
            let mut k = c.e;
            if p.word(k) == "and" {
                k += 1;
            }
            if let Some(a2) = p.amount_in(k, false, false) {
                if let Some(v2) = a2.value.filter(|v2| v2.fract() == 0.0 && (1.0..100.0).contains(v2)) {
                    let e2 = a2.end;
                    let cents = units::subunit_word(p.word(e2)) || p.word(e2) == "p";
                    let clause_end = p.t.get(e2).is_none_or(|t| {
                        t.kind == TokKind::Punct
                            && matches!(t.low.as_ref(), "." | "," | ";" | "!" | "?" | ")")
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
    Flow::Next
}

/// The tail of a date or time: "the last year or so", "the second month in a row", "the next
/// year or two", "the day before".
fn date_tail(p: &Parser, c: &mut Candidate, _i: usize) -> Flow {
    if c.kind == Kind::Date || c.kind == Kind::Time {
        // "the last year or so", "the second month in a row", "the next year or two"
        if p.word(c.e) == "or" && p.word(c.e + 1) == "so" {
            c.e += 2;
        } else if p.word(c.e) == "in" && p.word(c.e + 1) == "a" && p.word(c.e + 2) == "row" {
            c.e += 3;
        } else if p.word(c.e) == "or" && matches!(p.word(c.e + 1), "two" | "three" | "so") {
            c.e += 2;
        } else if p.word(c.s) == "the"
            && c.e == c.s + 2
            && matches!(p.word(c.e), "before" | "after")
            && p.t.get(c.e + 1).is_none_or(|t| t.kind == TokKind::Punct)
        {
            c.e += 1;
        }
    }
    Flow::Next
}

/// A duration in several units: "2 years 1 month 21 days later", "1 hour and 30 minutes"
fn compound_duration(p: &Parser, c: &mut Candidate, _i: usize) -> Flow {
    if matches!(c.kind, Kind::Date | Kind::Time) && c.unit.is_some() && c.to.is_none() {
        p.extend_duration(c);
    }
    Flow::Next
}

/// A date or time does not run over a line break ("Beijing, December 26th\nThis year"):
/// read again what lies before the break
fn line_break(p: &Parser, c: &mut Candidate, _i: usize) -> Flow {
    if matches!(c.kind, Kind::Date | Kind::Time) {
        if let Some(j) =
            (c.s + 1..c.e).find(|&j| p.text[p.t[j - 1].e..p.t[j].s].contains(text::is_line_break))
        {
            let sub = Parser::new(p.text, &p.t[c.s..j]);
            let Some(mut c2) = sub.best_at(0) else { return Flow::Reject };
            c2.s += c.s;
            c2.e += c.s;
            return Flow::Replace(c2);
        }
    }
    Flow::Next
}

/// Possessive of a date: "last year's", "one month's"; a determiner goes with what is
/// possessed, as in newswire annotation: "this [year]'s best ad", "the [day]'s low"
fn possessive(p: &Parser, c: &mut Candidate, _i: usize) -> Flow {
    if matches!(c.kind, Kind::Date | Kind::Time)
        && is_apostrophe(p.low(c.e))
        && p.glued(c.e)
        && p.word(c.e + 1) == "s"
        && p.glued(c.e + 1)
        && !p.glued(c.e + 2)
        && c.e - c.s >= 2
    {
        if c.e - c.s == 2 && matches!(p.word(c.s), "this" | "the") {
            c.s += 1;
        } else if p.word(c.s) != "this" {
            c.e += 2;
        }
    }
    Flow::Next
}
