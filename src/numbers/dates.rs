//! Dates and times: "February 27th", "Thursday", "December 2019", "2016", "the 1990s",
//! "27/02/2020", "Thursday to Friday", "last year", "two years ago" (via units), "3pm", "15:30".

use super::lex::TokKind;
use super::{is_apostrophe, is_dash, is_year_token, words, Candidate, Kind, Modifier, Parser, Temporal};

pub fn month(w: &str) -> Option<u32> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

fn month_is_abbr(w: &str) -> bool {
    w.len() <= 4 && !matches!(w, "may" | "june" | "july")
}

pub fn weekday(w: &str) -> Option<u32> {
    Some(match w {
        "monday" | "mon" => 1,
        "tuesday" | "tue" | "tues" => 2,
        "wednesday" | "wed" => 3,
        "thursday" | "thu" | "thur" | "thurs" => 4,
        "friday" | "fri" => 5,
        "saturday" | "sat" => 6,
        "sunday" | "sun" => 7,
        _ => return None,
    })
}

/// (month, day, year) as far as known.
#[derive(Clone, Copy, Default)]
struct Ymd {
    y: Option<i32>,
    m: Option<u32>,
    d: Option<u32>,
}

impl Ymd {
    fn iso(self) -> Option<Temporal> {
        // no such day: "feb 30", "April 31"
        if let (Some(m), Some(d)) = (self.m, self.d) {
            let leap = self.y.is_none_or(|y| y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
            let last = match m {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            if d > last {
                return None;
            }
        }
        match (self.y, self.m, self.d) {
            (Some(y), Some(m), Some(d)) => Some(Temporal::year_month_day(y, m, d)),
            (Some(y), Some(m), None) => Some(Temporal::year_month(y, m)),
            (None, Some(m), Some(d)) => Some(Temporal::month_day(m, d)),
            (None, Some(m), None) => Some(Temporal::month(m)),
            (Some(y), None, None) => Some(Temporal::year(y)),
            _ => None,
        }
    }
}

const PERIODS: &[&str] = &[
    "yr",
    "qtr",
    "day",
    "days",
    "week",
    "weeks",
    "weekend",
    "weekends",
    "workweek",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "quarter",
    "quarters",
    "half",
    "season",
    "seasons",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
    "semester",
    "period",
    "session",
    "fortnight",
    "millennium",
    "term",
];
const TIME_PERIODS: &[&str] = &[
    "night",
    "morning",
    "afternoon",
    "evening",
    "hour",
    "hours",
    "minute",
    "minutes",
    "half-hour",
    "moment",
];
const SEASONS: &[&str] = &["spring", "summer", "fall", "autumn", "winter"];
/// Holidays that name a date by themselves ("Easter", "Christmas Eve", "last Thanksgiving").
const HOLIDAYS: &[&str] =
    &["christmas", "easter", "thanksgiving", "halloween", "ramadan", "hanukkah", "diwali"];

impl<'a> Parser<'a> {
    fn cap(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.cap)
    }

    /// A month name at `i`: (month, index after it, including an abbreviation's period).
    fn month_at(&self, i: usize) -> Option<(u32, usize)> {
        let w = self.word(i);
        let m = month(w)?;
        let mut e = i + 1;
        if month_is_abbr(w) && w != "may" {
            // lower-case only next to a day: "14 nov", "feb 30 2019"
            let day_before = i > 0
                && self.t[i].sp
                && ((self.plain_int(i - 1) && self.t[i - 1].low.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d)))
                    // "18th Dec"
                    || (i > 1
                        && matches!(self.low(i - 1), "st" | "nd" | "rd" | "th")
                        && self.glued(i - 1)
                        && self.plain_int(i - 2)
                        && self.t[i - 2].low.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))));
            let day_after = w != "mar"
                && self.plain_int(i + 1)
                && self.t[i + 1].sp
                && self.t[i + 1].low.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
            if !self.cap(i) && !day_before && !day_after {
                return None;
            }
            if self.low(e) == "." && self.glued(e) {
                e += 1;
            } else if (w == "mar" || w == "dec" || w == "jan") && !day_before {
                // "Mar" and "Dec" also names; need a day or year
                if !(self.is_num(e)
                    || matches!(self.low(e), "-" | "/") && self.glued(e) && self.is_num(e + 1))
                {
                    return None;
                }
            }
        }
        if w == "may" || w == "march" {
            // lower-case only with a day or year after: "march 3rd 2015"
            let word_day_year =
                !self.is_num(e) && self.day_at(e).is_some_and(|(_, de)| self.year_at(de).is_some());
            // "it may be in may.": after "in" and closing the sentence, not the verb
            let in_closing = i > 0
                && matches!(self.word(i - 1), "in" | "since" | "until")
                && self.t.get(e).is_none_or(|t| matches!(t.low.as_ref(), "." | "," | "!" | "?" | ";"));
            if !(self.cap(i)
                || in_closing
                || self.is_num(e) && self.day_at(e).is_some()
                || self.year_at(e).is_some()
                || word_day_year)
            {
                return None;
            }
        }
        Some((m, e))
    }

    fn weekday_at(&self, i: usize) -> Option<usize> {
        let w = self.word(i);
        weekday(w)?;
        if w.len() <= 5 && !w.ends_with("day") {
            if !self.cap(i) {
                return None;
            }
            // "the Toronto Sun.": a name's last word
            if i > 0
                && self.t[i].sp
                && self.cap(i - 1)
                && self.t[i - 1].kind == TokKind::Word
                && month(self.word(i - 1)).is_none()
                && weekday(self.word(i - 1)).is_none()
            {
                return None;
            }
            if self.low(i + 1) == "." && self.glued(i + 1) {
                return Some(i + 2);
            }
            // "Mon or Tue", "Tue-Thu": abbreviations coordinated with another weekday
            let joiner =
                |k: usize| matches!(self.word(k), "or" | "and" | "to" | "through") || is_dash(self.low(k));
            let coordinated = (joiner(i + 1) && weekday(self.word(i + 2)).is_some() && self.cap(i + 2))
                || (i >= 2 && joiner(i - 1) && weekday(self.word(i - 2)).is_some() && self.cap(i - 2));
            if !(self.is_num(i + 1)
                || self.low(i + 1) == "," && self.month_at(i + 2).is_some()
                || coordinated)
            {
                return None;
            }
        }
        Some(i + 1)
    }

    /// Day of month: "27", "27th", "twenty-third".
    fn day_at(&self, i: usize) -> Option<(u32, usize)> {
        if self.is_num(i) {
            if !self.plain_int(i) || self.t[i].low.len() > 2 {
                return None;
            }
            let d: u32 = self.t[i].low.parse().ok()?;
            if !(1..=31).contains(&d) {
                return None;
            }
            let mut e = i + 1;
            if self.glued(e) && matches!(self.low(e), "st" | "nd" | "rd" | "th") {
                e += 1;
            }
            // "9%" is no day ("the Ginnie Mae November 9% issue")
            if self.glued(e) && self.t.get(e).is_some_and(|t| t.kind != TokKind::Punct || t.low == "%") {
                return None;
            }
            return Some((d, e));
        }
        let wn = self.parse_words(i)?;
        if wn.ordinal && (1.0..=31.0).contains(&wn.value) {
            return Some((wn.value as u32, wn.end));
        }
        None
    }

    /// A year in words after a month: "August two thousand and fifteen", "October two thousand".
    fn word_year_at(&self, i: usize) -> Option<(i32, usize)> {
        if self.is_num(i) {
            return None;
        }
        let wn = self.parse_words(i)?;
        if wn.ordinal || wn.value.fract() != 0.0 || !(1900.0..=2100.0).contains(&wn.value) {
            return None;
        }
        Some((wn.value as i32, wn.end))
    }

    fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        if !self.is_num(i) || !is_year_token(&self.t[i].low) {
            return None;
        }
        if self.glued(i + 1) && self.t[i + 1].kind == TokKind::Word && self.t[i + 1].low != "s" {
            return None;
        }
        let y: i32 = self.t[i].low.parse().ok()?;
        Some((y, i + 1))
    }

    /// Dates and times starting at `i`.
    ///
    /// The steps run in order and the first that finds a date wins: a short year after an
    /// apostrophe, whole periods and compounds ("all year", "year-long", "year-end"), hedged and
    /// bounded dates ("about 3 p.m.", "as early as", "early in", "end of"), ordinal periods after
    /// a possessive, an era; then the words that lead a date of their own ("early", "the",
    /// "from", "between"), else the date itself (`date_core`).
    pub(crate) fn date_expr(&self, i: usize) -> Option<Candidate> {
        if self.t[i].kind == TokKind::Punct && !self.is_num(i) {
            return self.apostrophe_year(i);
        }
        let w = self.word(i);
        // "$300 million-a-year", "90-cent-an-hour": a rate inside a compound, not a date
        if matches!(w, "a" | "an" | "per") && i > 0 && is_dash(self.low(i - 1)) && !self.t[i].sp {
            return None;
        }
        let found = self
            .whole_period(i)
            .or_else(|| self.period_long(i))
            .or_else(|| self.period_end(i))
            .or_else(|| self.hedged_time(i))
            .or_else(|| self.as_early_as(i))
            .or_else(|| self.early_in(i))
            .or_else(|| self.year_earlier_period(i))
            .or_else(|| self.end_of(i))
            .or_else(|| self.possessive_ordinal_period(i))
            .or_else(|| self.era_year(i));
        if found.is_some() {
            return found;
        }
        // "year-earlier": the adverb belongs to the compound, not to a date after it
        if matches!(w, "earlier" | "later") && i > 0 && !self.t[i].sp && is_dash(self.low(i - 1)) {
            return None;
        }
        match w {
            "early" | "mid" | "late" | "earlier" | "later" => self.adverb_date(i),
            "the" => self.the_expr(i),
            "from" | "between" => self.date_range(i),
            _ => self.date_core(i),
        }
    }

    /// At the punctuation `i`: a decade ("'90s") or a year written short ("'82"; not a closing
    /// quote glued to the token before it).
    fn apostrophe_year(&self, i: usize) -> Option<Candidate> {
        if !(is_apostrophe(self.low(i)) && self.is_num(i + 1) && self.glued(i + 1)) {
            return None;
        }
        if let Some(c) = self.decade(i) {
            return Some(c);
        }
        let prev_num = i > 0 && !self.t[i].sp;
        (!prev_num && self.plain_int(i + 1) && self.t[i + 1].low.len() == 2 && !self.glued(i + 2))
            .then(|| Candidate::new(i, i + 2, Kind::Date))
    }

    /// A whole period: "all year", "all night" (a time), "the whole year", "the entire week",
    /// "the whole year of 1996"; not "all year-round" (a hyphen after it).
    fn whole_period(&self, i: usize) -> Option<Candidate> {
        let k = match (self.word(i), self.word(i + 1)) {
            ("all", _) => i + 1,
            ("the", "whole" | "entire") => i + 2,
            _ => return None,
        };
        let pw = self.word(k);
        let next_hyphen = is_dash(self.low(k + 1)) && self.glued(k + 1);
        if next_hyphen || !matches!(pw, "year" | "week" | "month" | "day" | "night" | "summer" | "winter") {
            return None;
        }
        let kind = if pw == "night" { Kind::Time } else { Kind::Date };
        let mut e = k + 1;
        let mut iso = None;
        if pw == "year" && self.word(e) == "of" {
            if let Some((y, ye)) = self.year_at(e + 1) {
                e = ye;
                iso = Some(Temporal::year(y));
            }
        }
        Some(Candidate { iso, ..Candidate::new(i, e, kind) })
    }

    /// "year-long", "decade-long", "month-long": a period, as an adjective; not after "a" ("a
    /// year-long fight").
    fn period_long(&self, i: usize) -> Option<Candidate> {
        let fits = matches!(self.word(i), "year" | "decade" | "month" | "week" | "day" | "century")
            && is_dash(self.low(i + 1))
            && self.glued(i + 1)
            && self.glued(i + 2)
            && self.word(i + 2) == "long"
            && !(i > 0 && matches!(self.word(i - 1), "a" | "an"));
        fits.then(|| Candidate::new(i, i + 3, Kind::Date))
    }

    /// The end of a period: "year-end", "year end", "month-end", "year's end".
    fn period_end(&self, i: usize) -> Option<Candidate> {
        if !matches!(self.word(i), "year" | "month" | "quarter") {
            return None;
        }
        let k = if is_apostrophe(self.low(i + 1)) && self.word(i + 2) == "s" {
            i + 3
        } else if is_dash(self.low(i + 1)) && self.glued(i + 1) && self.glued(i + 2) {
            i + 2
        } else {
            i + 1
        };
        (self.word(k) == "end" && (k == i + 1 || k == i + 3 || self.glued(k)))
            .then(|| Candidate::new(i, k + 1, Kind::Date))
    }

    /// Hedged times: "about 3 p.m.", "nearly midnight", "before 9am" (the hedge is kept as the
    /// modifier).
    fn hedged_time(&self, i: usize) -> Option<Candidate> {
        let (m, k) = self.hedge(i)?;
        if !(matches!(m, Modifier::About | Modifier::Nearly) || self.word(i) == "before") {
            return None;
        }
        let mut c = self.time_expr(k)?;
        c.s = i;
        c.modifier = Some(m);
        Some(c)
    }

    /// "as early as next week", "as late as March 1989", "as early as 7:00 am".
    fn as_early_as(&self, i: usize) -> Option<Candidate> {
        if !(self.word(i) == "as"
            && matches!(self.word(i + 1), "early" | "late" | "recently")
            && self.word(i + 2) == "as")
        {
            return None;
        }
        let c = self.date_core(i + 3).or_else(|| self.date_expr_the(i + 3))?;
        Some(Candidate { s: i, ..c })
    }

    /// "early in the day", "late in 1991"; not "early in Friday's session" (the date only
    /// qualifies what follows it).
    fn early_in(&self, i: usize) -> Option<Candidate> {
        if !(matches!(self.word(i), "early" | "late" | "earlier" | "later") && self.word(i + 1) == "in") {
            return None;
        }
        let possessed = |c: &Candidate| is_apostrophe(self.low(c.e)) && self.word(c.e + 1) == "s";
        let c = self.date_core(i + 2).or_else(|| self.date_expr_the(i + 2)).filter(|c| !possessed(c))?;
        Some(Candidate { s: i, ..c })
    }

    /// "the year-earlier third-quarter earnings", "year-ago period": the same period a year
    /// before, when the date after it ends in a period word.
    fn year_earlier_period(&self, i: usize) -> Option<Candidate> {
        let w = self.word(i);
        let k = match w {
            "year-earlier" | "year-ago" => i + 1,
            "year"
                if is_dash(self.low(i + 1))
                    && self.glued(i + 1)
                    && self.glued(i + 2)
                    && matches!(self.word(i + 2), "earlier" | "ago") =>
            {
                i + 3
            }
            _ => return None,
        };
        let c = self.date_core(k).filter(|c| c.kind == Kind::Date && c.s == k)?;
        matches!(self.word(c.e - 1), "quarter" | "period" | "month" | "half" | "year")
            .then(|| Candidate::new(i, c.e, Kind::Date))
    }

    /// "end of this year", "beginning of March", "end of day"; not after "the" or a possessive
    /// (with "the" before it, `the_date` takes it: "the end of the year").
    fn end_of(&self, i: usize) -> Option<Candidate> {
        if !(matches!(self.word(i), "end" | "beginning" | "middle" | "start")
            && self.word(i + 1) == "of"
            && !(i > 0 && matches!(self.word(i - 1), "the" | "an" | "a" | "its" | "their" | "his" | "her")))
        {
            return None;
        }
        let k = i + 2;
        if matches!(self.word(k), "day" | "year" | "month" | "week") && !self.glued(k + 1) {
            return Some(Candidate::new(i, k + 1, Kind::Date));
        }
        let c = self.date_core(k).or_else(|| self.date_expr_the(k)).filter(|c| c.kind == Kind::Date)?;
        Some(Candidate::new(i, c.e, Kind::Date))
    }

    /// "the strike entered its 13th day", "in its 10th year": an ordinal period after a
    /// possessive, like "the third year"; not "its 10th-year anniversary" (a hyphen after it).
    fn possessive_ordinal_period(&self, i: usize) -> Option<Candidate> {
        if !matches!(self.word(i), "its" | "his" | "her" | "their" | "our") {
            return None;
        }
        let k = i + 1;
        let oe =
            if self.is_num(k) && self.glued(k + 1) && matches!(self.low(k + 1), "st" | "nd" | "rd" | "th") {
                k + 2
            } else {
                self.parse_words(k).filter(|wn| wn.ordinal && wn.value <= 100.0)?.end
            };
        let fits =
            matches!(self.word(oe), "day" | "week" | "month" | "year" | "quarter" | "season" | "decade")
                && !(is_dash(self.low(oe + 1)) && self.glued(oe + 1));
        fits.then(|| Candidate::new(i, oe + 1, Kind::Date))
    }

    /// "AD 79": the era before the year; not a code with letters or digits glued after it
    /// ("AD 12B").
    fn era_year(&self, i: usize) -> Option<Candidate> {
        let fits = matches!(self.raw(i), "AD" | "A.D.")
            && self.plain_int(i + 1)
            && self.t[i + 1].low.len() <= 4
            && !(self.glued(i + 2) && self.t.get(i + 2).is_some_and(|t| t.kind != TokKind::Punct));
        if !fits {
            return None;
        }
        let mut c = Candidate::new(i, i + 2, Kind::Date);
        c.iso = self.t[i + 1].low.parse::<u32>().ok().map(|y| Temporal::year(y as i32));
        Some(c)
    }

    /// Adverb prefixes at `i`: "early 1990s", "late Tuesday", "mid-1980s", "earlier this year",
    /// "late this morning" (a time of this day); else the adverb is part of the date itself
    /// ("late-afternoon", "early morning").
    fn adverb_date(&self, i: usize) -> Option<Candidate> {
        let mut k = i + 1;
        if self.word(i) == "mid" && is_dash(self.low(k)) && self.glued(k) {
            k += 1;
        }
        if let Some(c) = self.date_core(k) {
            let this_part = c.kind == Kind::Time && self.word(k) == "this";
            if c.kind == Kind::Date || this_part {
                return Some(Candidate { s: i, ..c });
            }
        }
        self.date_core(i)
    }

    /// A date after "the" at `i`: "the early hours of Saturday", "the small hours" (times), or
    /// `the_date` after an optional "early"/"mid"/"late" ("the late 1990s", "the mid-1980s").
    fn the_expr(&self, i: usize) -> Option<Candidate> {
        if matches!(self.word(i + 1), "early" | "small" | "wee") && self.word(i + 2) == "hours" {
            let mut e = i + 3;
            if self.word(e) == "of" {
                if let Some(d) = self.date_core(e + 1).filter(|d| d.kind == Kind::Date && d.s == e + 1) {
                    e = d.e;
                }
            }
            return Some(Candidate::new(i, e, Kind::Time));
        }
        let mut k = i + 1;
        if matches!(self.word(k), "early" | "mid" | "late") {
            k += 1;
            if is_dash(self.low(k)) && self.glued(k) {
                k += 1;
            }
        }
        let c = self.the_date(k)?;
        Some(Candidate { s: i, ..c })
    }

    /// A range led by "from" or "between" at `i`: "from 1953 to 1955", "from 2:07 p.m. to 2:30
    /// p.m.", "between 1990 and 1995", "between 10 and 11:30"; a range inside one date counts
    /// too ("between 1990-1995"). "from" needs a time after it ("from Reuters" is no date).
    fn date_range(&self, i: usize) -> Option<Candidate> {
        let w = self.word(i);
        if w == "from" && self.time_expr(i + 1).is_none() {
            return None;
        }
        if w == "between" {
            if let Some(c) = self.between_hours(i) {
                return Some(c);
            }
        }
        let a = self.date_core(i + 1)?;
        // "from 2:07 p.m. to 2:30 p.m.", "between 1990-1995", "between 2014~2018"
        let range = a.iso.as_ref().is_some_and(Temporal::is_range);
        if range && (a.kind == Kind::Time || w == "between") {
            return Some(Candidate { s: i, ..a });
        }
        let conn = if w == "from" { "to" } else { "and" };
        if !(self.word(a.e) == conn || (w == "from" && self.word(a.e) == "through")) {
            return None;
        }
        let b = self.date_core(a.e + 1)?;
        if b.kind != a.kind {
            return None;
        }
        let mut c = Candidate::new(i, b.e, a.kind);
        c.iso = match (&a.iso, &b.iso) {
            (Some(x), Some(y)) => Some(Temporal::range(x.clone(), y.clone())),
            _ => None,
        };
        Some(c)
    }

    /// "between 10 and 11:30", "between 3 and 8am": a bare hour, then a clock time that tells
    /// the half of the day for both (3 to 8 p.m.).
    fn between_hours(&self, i: usize) -> Option<Candidate> {
        let (h, mi, e, _) =
            self.clock(i + 1).filter(|x| !self.is_clock_colon(i + 1) && x.2 == i + 2 && !x.3)?;
        if !(self.word(e) == "and" && (1..=12).contains(&h)) {
            return None;
        }
        let (h2, m2, e2, ampm2) = self.clock(e + 1)?;
        if !(ampm2 || self.is_clock_colon(e + 1)) {
            return None;
        }
        let h1 = if ampm2 { adjust_like(h, h2) } else { h };
        let mut c = Candidate::new(i, e2, Kind::Time);
        c.iso = Some(Temporal::range(Temporal::clock(h1, mi), Temporal::clock(h2, m2)));
        Some(c)
    }

    /// A date that starts with "the" at `i` ("the day", "the 1990s").
    fn date_expr_the(&self, i: usize) -> Option<Candidate> {
        if self.word(i) != "the" {
            return None;
        }
        let mut c = self.the_date(i + 1)?;
        c.s = i;
        Some(c)
    }

    /// After "the": decades, relative periods, quarters, "the 27th of February", centuries.
    fn the_date(&self, k: usize) -> Option<Candidate> {
        let c = self.the_date0(k)?;
        // "the week ended Tuesday", "the year ended June 30"
        if matches!(self.word(c.e), "ended" | "ending") {
            let k = if self.word(c.e + 1) == "in" { c.e + 2 } else { c.e + 1 };
            if let Some(d) = self.date_core(k) {
                if d.kind == Kind::Date {
                    return Some(Candidate { e: d.e, ..c });
                }
            }
        }
        Some(c)
    }

    /// After a day of the month: "of this month", "of the previous month" (the end), if any.
    pub(crate) fn of_relative_month(&self, e: usize) -> Option<usize> {
        if self.word(e) != "of" {
            return None;
        }
        let (r, m) = if self.word(e + 1) == "the" { (e + 2, e + 3) } else { (e + 1, e + 2) };
        let rel_ok = if r == e + 2 {
            matches!(self.word(r), "previous" | "following" | "current" | "same" | "next" | "last")
        } else {
            matches!(self.word(r), "this" | "next" | "last" | "previous")
        };
        (rel_ok && self.word(m) == "month" && !is_apostrophe(self.low(m + 1))).then_some(m + 1)
    }

    /// A date after "the" at `k`, before any "ended June 30" (see `the_date`).
    ///
    /// The steps run in order and the first that finds a date wins: counted runs and days of
    /// the month ("the fifth straight week", "the 20th of this month", "on the 18th"), phrases
    /// about years and counted periods ("the year 2000", "the 12 months"), seasons, named
    /// periods ("the nineties", "the other day", "the weekend"), the end or start of a date,
    /// days and months ("the 27th of February"), decades, centuries, and last the relative
    /// periods ("the past year", "the first quarter"). A season or "end of" decides alone:
    /// when it is no date, nothing after it is tried.
    fn the_date0(&self, k: usize) -> Option<Candidate> {
        let w = self.word(k);
        let found = self
            .counted_in_a_row(k)
            .or_else(|| self.day_of_relative_month(k))
            .or_else(|| self.day_after_preposition(k))
            .or_else(|| self.nth_of(k))
            .or_else(|| self.year_phrase(k))
            .or_else(|| self.counted_periods(k))
            .or_else(|| self.numbered_kind_of_year(k))
            .or_else(|| {
                // "the age of 18": a time of life
                (w == "age"
                    && self.word(k + 1) == "of"
                    && self.plain_int(k + 2)
                    && self.t[k + 2].low.len() <= 3)
                    .then(|| Candidate::new(k, k + 3, Kind::Date))
            });
        if found.is_some() {
            return found;
        }
        if SEASONS.contains(&w) {
            return self.the_season(k);
        }
        let found = self.named_period(k).or_else(|| self.month_of(k)).or_else(|| self.period_around(k));
        if found.is_some() {
            return found;
        }
        if matches!(w, "end" | "beginning" | "start" | "middle" | "turn") && self.word(k + 1) == "of" {
            return self.the_end_of(k);
        }
        self.day_month(k)
            .or_else(|| self.week_of(k))
            .or_else(|| self.numbered_day_of_month(k))
            .or_else(|| self.century(k))
            .or_else(|| self.relative(k, true))
    }

    /// Words that make a count of periods a run: "the 17th consecutive day", "the five
    /// previous months", "the two recent months". Sorted.
    const IN_A_ROW: &'static [&'static str] =
        &["coming", "consecutive", "previous", "recent", "remaining", "straight", "successive", "upcoming"];

    /// A counted run of periods at `k`, one of `IN_A_ROW` among its first words: "the 17th
    /// consecutive day", "the fifth straight week", "the three remaining years".
    fn counted_in_a_row(&self, k: usize) -> Option<Candidate> {
        let adj = |x: usize| Self::IN_A_ROW.contains(&self.word(x));
        if !(adj(k + 1) || adj(k + 2)) {
            return None;
        }
        self.bare_number_expr(k).filter(|c| matches!(c.kind, Kind::Date | Kind::Time) && (c.s..c.e).any(adj))
    }

    /// "the 20th of this month", "the 3rd of the previous month"; a day in digits is glued to
    /// its suffix ("20th").
    fn day_of_relative_month(&self, k: usize) -> Option<Candidate> {
        let (_, e) = self.day_at(k).filter(|&(_, e)| !self.is_num(k) || e == k + 2)?;
        let e2 = self.of_relative_month(e)?;
        Some(Candidate::new(k, e2, Kind::Date))
    }

    /// Words that may follow a bare day of the month: "on the 30th that ...", "on the 31st to
    /// send". Sorted.
    const DAY_FOLLOWERS: &'static [&'static str] =
        &["after", "and", "as", "at", "before", "but", "in", "said", "that", "to", "when", "with"];

    /// "on the 18th", "until the 4th": a day of the month after a preposition, followed by
    /// punctuation or a function word (`DAY_FOLLOWERS`), not a noun ("on the 5th floor").
    fn day_after_preposition(&self, k: usize) -> Option<Candidate> {
        if !(k >= 2 && matches!(self.word(k - 2), "on" | "by" | "until" | "since" | "till")) {
            return None;
        }
        let (d, e) = self.day_at(k)?;
        let next_ok = self.t.get(e).is_none_or(|t| t.kind == TokKind::Punct)
            || Self::DAY_FOLLOWERS.contains(&self.word(e));
        if !(self.is_num(k) && e == k + 2 && next_ok) {
            return None;
        }
        let mut c = Candidate::new(k, e, Kind::Date);
        c.iso = Some(Temporal::day(d));
        Some(c)
    }

    /// Phrases about a year at `k`: "the year-earlier period", "the year-ago quarter", "the year
    /// 2000", "the months ahead", "the fiscal year".
    fn year_phrase(&self, k: usize) -> Option<Candidate> {
        let w = self.word(k);
        if w == "year"
            && is_dash(self.low(k + 1))
            && self.glued(k + 1)
            && matches!(self.word(k + 2), "earlier" | "ago")
            && matches!(self.word(k + 3), "period" | "quarter" | "month" | "level" | "week" | "year")
        {
            return Some(Candidate::new(k, k + 4, Kind::Date));
        }
        if w == "year" {
            if let Some((y, e)) = self.year_at(k + 1) {
                let mut c = Candidate::new(k, e, Kind::Date);
                c.iso = Some(Temporal::year(y));
                return Some(c);
            }
        }
        let ahead = matches!(w, "days" | "weeks" | "months" | "years") && self.word(k + 1) == "ahead";
        // "the fiscal year ended June 30"
        let kind_of_year = matches!(w, "fiscal" | "crop" | "model" | "school" | "calendar" | "academic")
            && self.word(k + 1) == "year";
        (ahead || kind_of_year).then(|| Candidate::new(k, k + 2, Kind::Date))
    }

    /// A count of periods: "the 12 months", "the three months ended in September"; a vague
    /// count is none ("the few months").
    fn counted_periods(&self, k: usize) -> Option<Candidate> {
        let a = self.amount(k, false)?;
        let fits = a.value.is_some()
            && !a.article
            && !a.ordinal
            && !a.few
            && a.end > k
            && matches!(self.word(a.end), "days" | "weeks" | "months" | "years" | "quarters" | "decades");
        fits.then(|| Candidate::new(k, a.end + 1, Kind::Date))
    }

    /// A year and its kind: "the 1989 model year", "the 1990 fiscal year", "the 2019 crop
    /// season".
    fn numbered_kind_of_year(&self, k: usize) -> Option<Candidate> {
        let (_, e) = self.year_at(k)?;
        let fits =
            matches!(self.word(e), "model" | "fiscal" | "crop" | "school" | "tax" | "calendar" | "marketing")
                && matches!(self.word(e + 1), "year" | "season");
        fits.then(|| Candidate::new(k, e + 2, Kind::Date))
    }

    /// The season at `k`: "the summer", "the winter of 1999"; not a name ("the Spring
    /// Festival", "the Winter Olympics") nor "the fall" alone, as often a decline ("the fall in
    /// prices", "the fall of the wall").
    fn the_season(&self, k: usize) -> Option<Candidate> {
        if self.cap(k) && self.cap(k + 1) && self.t[k + 1].kind == TokKind::Word {
            return None;
        }
        if self.word(k + 1) == "of" {
            if let Some((_, e)) = self.year_at(k + 2) {
                return Some(Candidate::new(k, e, Kind::Date));
            }
        }
        (self.word(k) != "fall").then(|| Candidate::new(k, k + 1, Kind::Date))
    }

    /// Decades written as words: "the nineties". Sorted.
    const DECADE_WORDS: &'static [&'static str] =
        &["eighties", "fifties", "forties", "nineties", "seventies", "sixties", "thirties", "twenties"];

    /// Periods named by words: "the Christmas season", "the nineties" (`DECADE_WORDS`), "the
    /// other day".
    fn named_period(&self, k: usize) -> Option<Candidate> {
        let w = self.word(k);
        if matches!(w, "christmas" | "easter" | "thanksgiving" | "holiday") && self.word(k + 1) == "season" {
            return Some(Candidate::new(k, k + 2, Kind::Date));
        }
        if Self::DECADE_WORDS.contains(&w) {
            return Some(Candidate::new(k, k + 1, Kind::Date));
        }
        (w == "other" && matches!(self.word(k + 1), "day" | "week"))
            .then(|| Candidate::new(k, k + 2, Kind::Date))
    }

    /// "the month of October".
    fn month_of(&self, k: usize) -> Option<Candidate> {
        if !(self.word(k) == "month" && self.word(k + 1) == "of") {
            return None;
        }
        let m = self.month_date(k + 2).filter(|m| m.kind == Kind::Date)?;
        Some(Candidate { s: k, ..m })
    }

    /// A period word at `k` told by its place in time: "the year to date", "the month before."
    /// (at the end of a clause), "the day after tomorrow", "the day before yesterday", "the
    /// weekend", "the year" (lower case, no hyphen: not "the Year of the Dragon", "the year-end
    /// results"), "the week ended".
    fn period_around(&self, k: usize) -> Option<Candidate> {
        let w = self.word(k);
        if w == "year" && self.word(k + 1) == "to" && self.word(k + 2) == "date" {
            return Some(Candidate::new(k, k + 3, Kind::Date));
        }
        if matches!(w, "month" | "week")
            && matches!(self.word(k + 1), "before" | "after")
            && self.t.get(k + 2).is_none_or(|t| t.kind == TokKind::Punct)
        {
            return Some(Candidate::new(k, k + 2, Kind::Date));
        }
        if w == "day"
            && matches!((self.word(k + 1), self.word(k + 2)), ("after", "tomorrow") | ("before", "yesterday"))
        {
            return Some(Candidate::new(k, k + 3, Kind::Date));
        }
        let bare = matches!(w, "weekend" | "day" | "years" | "year")
            && !self.cap(k)
            && !(is_dash(self.low(k + 1)) && self.glued(k + 1));
        let ended = matches!(w, "week" | "year" | "quarter" | "month" | "period")
            && matches!(self.word(k + 1), "ended" | "ending");
        (bare || ended).then(|| Candidate::new(k, k + 1, Kind::Date))
    }

    /// "the end of the year", "the turn of the century", "the beginning of March", "the end of
    /// the 1990s": the date that "end of" at `k` points into; none, when no date follows.
    fn the_end_of(&self, k: usize) -> Option<Candidate> {
        let j = k + 2;
        if self.word(j) == "the" {
            if matches!(self.word(j + 1), "year" | "month" | "week" | "quarter" | "decade" | "century") {
                return Some(Candidate::new(k, j + 2, Kind::Date));
            }
            let c = self.the_date(j + 1)?;
            return Some(Candidate { s: k, ..c });
        }
        let c = self.date_core(j).filter(|c| c.kind == Kind::Date)?;
        Some(Candidate { s: k, ..c })
    }

    /// "the week of March 9", "the weekend of the 14th": a week named by a day or month in it.
    fn week_of(&self, k: usize) -> Option<Candidate> {
        if !(matches!(self.word(k), "week" | "weekend") && self.word(k + 1) == "of") {
            return None;
        }
        let d = self.date_core(k + 2)?;
        (d.kind == Kind::Date && d.iso.as_ref().is_some_and(Temporal::names_month_or_day))
            .then_some(Candidate { s: k, ..d })
    }

    /// Digits at `k`: a decade ("the 1990s") or a day of a month ("the 27th of February", "the
    /// 4th of July 1776").
    fn numbered_day_of_month(&self, k: usize) -> Option<Candidate> {
        if !self.is_num(k) {
            return None;
        }
        if let Some(c) = self.decade(k) {
            return Some(c);
        }
        let (d, e) = self.day_at(k)?;
        if self.word(e) != "of" {
            return None;
        }
        let (m, e2) = self.month_at(e + 1)?;
        let mut ymd = Ymd { y: None, m: Some(m), d: Some(d) };
        let mut end = e2;
        if let Some((y, e3)) = self.year_at(end) {
            ymd.y = Some(y);
            end = e3;
        }
        let mut c = Candidate::new(k, end, Kind::Date);
        c.iso = ymd.iso();
        Some(c)
    }

    fn century(&self, k: usize) -> Option<Candidate> {
        // "20th century", "nineteenth century", "21st-century"
        let (o, e) =
            if self.is_num(k) && self.glued(k + 1) && matches!(self.low(k + 1), "st" | "nd" | "rd" | "th") {
                (self.t[k].low.parse::<u32>().ok()?, k + 2)
            } else {
                let wn = self.parse_words(k)?;
                if !wn.ordinal {
                    return None;
                }
                (wn.value as u32, wn.end)
            };
        let mut e2 = e;
        if is_dash(self.low(e2)) && self.glued(e2) {
            e2 += 1;
        }
        if !matches!(self.word(e2), "century" | "centuries") || o == 0 || o > 30 {
            return None;
        }
        Some(Candidate::new(k, e2 + 1, Kind::Date))
    }

    /// "1990s", "'90s".
    fn decade(&self, k: usize) -> Option<Candidate> {
        let (n, start) = if is_apostrophe(self.low(k)) { (k + 1, k) } else { (k, k) };
        // "1990s", or "1990's", "the 90's" with an apostrophe
        let apos = n == k
            && is_apostrophe(self.low(n + 1))
            && self.glued(n + 1)
            && self.glued(n + 2)
            && self.low(n + 2) == "s";
        if !self.plain_int(n) || !(self.glued(n + 1) && self.low(n + 1) == "s" || apos) {
            return None;
        }
        let end = if apos { n + 3 } else { n + 2 };
        let s = &self.t[n].low;
        // "1990's" alone is as often the year's possessive: a decade only after "the", "early"..
        let the_before = k > 0
            && (matches!(self.word(k - 1), "the" | "early" | "late")
                || k > 1 && is_dash(self.low(k - 1)) && self.word(k - 2) == "mid");
        if !s.ends_with('0')
            || !((s.len() == 4 && is_year_token(s)) || (s.len() == 2 && (n > k || apos)))
            || apos && !the_before
        {
            return None;
        }
        if self.glued(end) && self.t.get(end).is_some_and(|t| t.kind != TokKind::Punct) {
            return None;
        }
        if n == k && self.letters_glued_before(n) {
            return None;
        }
        let mut c = Candidate::new(start, end, Kind::Date);
        if s.len() == 4 {
            c.iso = s[..3].parse().ok().map(Temporal::Decade);
        }
        Some(c)
    }

    /// A word glued right before the number at `i` makes it a code ("M5", "COP26"); unlike
    /// `code_before`, digits or a dash before it do not count.
    fn letters_glued_before(&self, i: usize) -> bool {
        i > 0 && !self.t[i].sp && self.t[i - 1].kind == TokKind::Word
    }

    /// Relative dates: "last year", "this week", "the past decade", "next Monday", "recent
    /// years", "the first quarter", "the same period". `after_the`: "the" came before `k`.
    ///
    /// The steps run in order: the relative word at `k`, an optional count after it
    /// (`relative_count`), the period it names (`relative_period`), then the tails that extend it
    /// ("half year", "ahead", "of 1989", "ago").
    fn relative(&self, k: usize, after_the: bool) -> Option<Candidate> {
        // "the most recent year": "most" belongs to "recent"
        if after_the && self.word(k) == "most" && self.word(k + 1) == "recent" {
            return self.relative(k + 1, true).map(|c| Candidate { s: k, ..c });
        }
        if !self.relative_word_at(k, after_the) {
            return None;
        }
        let (j, counted) = self.relative_count(k);
        let (mut end, mut kind) = self.relative_period(k, j, counted, after_the)?;
        if self.word(j) == "half" {
            (end, kind) = self.half_period(j).unwrap_or((end, kind));
        }
        // "the months ahead", "the next few years ahead"
        if self.word(end) == "ahead" && (counted || self.word(j).ends_with('s')) {
            end += 1;
        }
        if kind == Kind::Date {
            end = self.of_time_after(end);
        }
        // "the past three years earlier", "two weeks later": a counted span moved in time
        if counted && matches!(self.word(end), "ago" | "earlier" | "later") {
            end += 1;
        }
        Some(Candidate::new(k, end, kind))
    }

    /// Words that open a relative date after "the": "the past year", "the same period", "the
    /// year-ago quarter". Sorted.
    const RELATIVE_AFTER_THE: &'static [&'static str] = &[
        "coming",
        "current",
        "final",
        "first",
        "following",
        "fourth",
        "last",
        "latest",
        "next",
        "past",
        "preceding",
        "previous",
        "prior",
        "recent",
        "same",
        "second",
        "third",
        "upcoming",
        "year-ago",
        "year-earlier",
    ];

    /// Words that open a relative date without "the": "this week", "every year", "recent years".
    /// Sorted.
    const RELATIVE_BARE: &'static [&'static str] = &[
        "coming",
        "current",
        "each",
        "every",
        "following",
        "last",
        "next",
        "past",
        "previous",
        "recent",
        "this",
        "upcoming",
    ];

    /// The word at `k` opens a relative date: one listed, or after "the" any ordinal up to 20th
    /// ("the twelfth month"; not "the 100th year", an anniversary).
    fn relative_word_at(&self, k: usize, after_the: bool) -> bool {
        let w = self.word(k);
        if after_the {
            Self::RELATIVE_AFTER_THE.contains(&w) || words::ordinal_word(w).is_some_and(|o| o <= 20.0)
        } else {
            Self::RELATIVE_BARE.contains(&w)
        }
    }

    /// An ordinal relative word ("first", "third", "final") names one period of a sequence: "the
    /// first quarter", not "the first decades".
    fn is_ordinal_relative(w: &str) -> bool {
        w == "final" || words::ordinal_word(w).is_some()
    }

    /// After the relative word at `k`: where the period word starts, and whether a count came
    /// before it ("the last six months", "the past 24 hours", "the next few years", "the past
    /// couple of weeks"). Words that only qualify the relative word are skipped: "this past
    /// weekend", "every other day", "the third straight quarter".
    fn relative_count(&self, k: usize) -> (usize, bool) {
        let w = self.word(k);
        let mut j = k + 1;
        // "this past weekend", "this coming Monday"
        if w == "this" && matches!(self.word(j), "past" | "coming") {
            j += 1;
        }
        // "every other day": a period skipped in turn
        if w == "every" && self.word(j) == "other" {
            j += 1;
        }
        // "the first full year", "the third consecutive quarter"
        if Self::is_ordinal_relative(w) && matches!(self.word(j), "consecutive" | "straight" | "full") {
            j += 1;
        }
        if matches!(self.word(j), "few" | "several" | "couple") {
            let e = j + 1;
            return (if self.word(e) == "of" { e + 1 } else { e }, true);
        }
        match self.relative_amount(k, j) {
            Some(e) => (e, true),
            None => (j, false),
        }
    }

    /// The end of a plain count at `i`, with a value and neither an article nor an ordinal
    /// ("six", "24"; not "a", "third").
    fn count_end(&self, i: usize) -> Option<usize> {
        let a = self.amount(i, false)?;
        (a.value.is_some() && !a.article && !a.ordinal && a.end > i).then_some(a.end)
    }

    /// A count at `j` after the relative word at `k`, and where it ends: "the past 24 hours",
    /// "the next six or seven months", "the past 10 to 15 years". "the first three quarters" is
    /// a count of quarters, not the fraction 3/4, when nothing or a time follows (see
    /// `of_names_time`).
    fn relative_amount(&self, k: usize, j: usize) -> Option<usize> {
        let a_end = self.count_end(j)?;
        let mut e = a_end;
        if self.word(a_end - 1) == "quarters" && a_end - 1 > k + 1 && self.of_names_time(a_end) {
            e = a_end - 1;
        }
        // "the next six or seven months", "the past 10 to 15 years"
        if matches!(self.word(e), "or" | "to") {
            if let Some(b_end) = self.count_end(e + 1) {
                e = b_end;
            }
        }
        Some(e)
    }

    /// No "of" at `e`, or an "of" that names a time: "the first three-quarters of this year" (a
    /// period), "of 1999", "of fiscal 2020"; not "the first three-quarters of his report" (a
    /// fraction).
    fn of_names_time(&self, e: usize) -> bool {
        self.word(e) != "of"
            || self.year_at(e + 1).is_some()
            || (self.word(e + 1) == "fiscal" && self.year_at(e + 2).is_some())
            || (matches!(self.word(e + 1), "this" | "last" | "next" | "the")
                && matches!(self.word(e + 2), "year" | "fiscal" | "decade"))
    }

    /// The period at `j` that the relative word at `k` names, and where it ends: a span of the
    /// calendar ("year", "the same period last year"), of the clock ("hours", a time), a month or
    /// weekday ("next Monday"), a kind of year ("this fiscal year") or a holiday ("last Easter").
    fn relative_period(&self, k: usize, j: usize, counted: bool, after_the: bool) -> Option<(usize, Kind)> {
        let (w, pw) = (self.word(k), self.word(j));
        if PERIODS.contains(&pw) {
            return self.relative_span(k, j, counted, after_the).map(|end| (end, Kind::Date));
        }
        if TIME_PERIODS.contains(&pw) {
            // "this moment has arrived", "every moment", "the first night": no time
            let no_time = !counted && (Self::is_ordinal_relative(w) || pw == "moment");
            return (!no_time).then_some((j + 1, Kind::Time));
        }
        // "next Monday", "last March": only bare ("the following Monday" too), not "the next
        // three Mondays" nor "the last March" (a final one)
        let day = if !counted && (!after_the || w == "following") { self.named_day_after(j) } else { None };
        let end = day
            .or_else(|| self.kind_of_year_after(j, counted))
            .or_else(|| self.holiday_after(k, j, counted, after_the))?;
        Some((end, Kind::Date))
    }

    /// The calendar span at `j` ("year", "quarters", "period") after the relative word at `k`,
    /// and where it ends; `None` where the pair is no date.
    fn relative_span(&self, k: usize, j: usize, counted: bool, after_the: bool) -> Option<usize> {
        let (w, pw) = (self.word(k), self.word(j));
        // "the first quarter", "the final year"; not "the first season" (of a show)
        if Self::is_ordinal_relative(w)
            && !counted
            && !matches!(pw, "quarter" | "half" | "week" | "day" | "month" | "year" | "time")
        {
            return None;
        }
        // a bare plural needs a word of the past: "recent years", "past decades"; not "next
        // seasons" nor "this weekends"
        if !counted && pw.ends_with('s') && !after_the && !matches!(w, "recent" | "past" | "previous") {
            return None;
        }
        // "every day", "each year"; not "every two years" nor "every weekends"
        if matches!(w, "every" | "each") && (counted || pw.ends_with('s')) {
            return None;
        }
        if !matches!(pw, "period" | "session" | "term") {
            return Some(j + 1);
        }
        // "this session", "next term": a period of an institution, not of the calendar
        if !after_the {
            return None;
        }
        if matches!(w, "year-earlier" | "year-ago") {
            return Some(j + 1);
        }
        self.same_period_a_year_back(w, j)
    }

    /// "the same period" is a date only with its year: "the same period last year", "the same
    /// period a year ago" (ending after it); not "the same period of time".
    fn same_period_a_year_back(&self, w: &str, j: usize) -> Option<usize> {
        let last_year = self.word(j + 1) == "last" && self.word(j + 2) == "year";
        let a_year_ago = self.word(j + 1) == "a"
            && self.word(j + 2) == "year"
            && matches!(self.word(j + 3), "ago" | "earlier");
        if w != "same" || !(last_year || a_year_ago) {
            return None;
        }
        Some(if last_year { j + 3 } else { j + 4 })
    }

    /// A month or weekday at `j`, and where it ends: "last March", "last March 16", "next
    /// Monday", "this friday 5/12" (the weekday's numeric date).
    fn named_day_after(&self, j: usize) -> Option<usize> {
        if let Some((_, e)) = self.month_at(j) {
            return Some(self.day_at(e).map_or(e, |(_, de)| de));
        }
        let end = self.weekday_at(j)?;
        if self.is_num(end) {
            if let Some(c) = self.weekday_date(j) {
                return Some(end.max(c.e));
            }
        }
        Some(end)
    }

    /// Words that make a kind of year: "this fiscal year", "the next school year". Sorted.
    const KINDS_OF_YEAR: &'static [&'static str] =
        &["academic", "calendar", "crop", "fiscal", "marketing", "model", "school", "tax"];

    /// A kind of year at `j`, uncounted, and where it ends: "this fiscal year", "last crop
    /// year", "the next fiscal quarter".
    fn kind_of_year_after(&self, j: usize, counted: bool) -> Option<usize> {
        let pw = self.word(j);
        let year = self.word(j + 1) == "year" || (pw == "fiscal" && self.word(j + 1) == "quarter");
        (!counted && year && Self::KINDS_OF_YEAR.contains(&pw)).then_some(j + 2)
    }

    /// A capitalised holiday at `j` after a bare relative word at `k`, and where it ends: "last
    /// Easter", "next Christmas Eve" (the holiday of a year named relatively); not "the last
    /// Christmas of the war" (a final one), nor "every Easter".
    fn holiday_after(&self, k: usize, j: usize, counted: bool, after_the: bool) -> Option<usize> {
        let the_before = k > 0 && self.word(k - 1) == "the";
        if counted || after_the || the_before || matches!(self.word(k), "every" | "each") {
            return None;
        }
        if !(self.cap(j) && HOLIDAYS.contains(&self.word(j))) {
            return None;
        }
        Some(if matches!(self.word(j + 1), "eve" | "day") { j + 2 } else { j + 1 })
    }

    /// "the past half year", "the last half-hour": "half" at `j` with the unit after it, where
    /// it ends and its kind.
    fn half_period(&self, j: usize) -> Option<(usize, Kind)> {
        let k2 = if is_dash(self.low(j + 1)) && self.glued(j + 1) { j + 2 } else { j + 1 };
        match self.word(k2) {
            "year" => Some((k2 + 1, Kind::Date)),
            "hour" => Some((k2 + 1, Kind::Time)),
            _ => None,
        }
    }

    /// After a relative date ending at `end`, an "of" that names its time and where it ends: "the
    /// first quarter of 1989", "the end of the year", "the first 10 days of October", "the last
    /// two weeks of March 1990", "the second half of fiscal 2019". `end` when there is none.
    fn of_time_after(&self, end: usize) -> usize {
        if self.word(end) != "of" {
            return end;
        }
        if let Some((_, e)) = self.year_at(end + 1) {
            return e;
        }
        if matches!(self.word(end + 1), "the" | "this" | "next" | "last")
            && matches!(self.word(end + 2), "year" | "month")
        {
            return end + 3;
        }
        if let Some(m) = self.month_date(end + 1).filter(|m| m.kind == Kind::Date) {
            return m.e;
        }
        if self.word(end + 1) == "fiscal" {
            if let Some((_, e)) = self.year_at(end + 2) {
                return e;
            }
        }
        end
    }

    /// Dates and times without a leading "the"/"from". Every step below is tried at `i`, in this
    /// order, and the longest candidate wins; on a tie, the earlier step's. So "Easter Sunday"
    /// (a named day) beats "Easter" (a holiday).
    ///
    /// The first nine steps read words that name a date or a time by themselves; they share no
    /// word, so at most one of them answers at `i`.
    pub(crate) fn date_core(&self, i: usize) -> Option<Candidate> {
        let steps: [fn(&Self, usize) -> Option<Candidate>; 21] = [
            Self::calendar_word,    // "today", "on Sundays", "these days", "the nineties"
            Self::time_of_day_word, // "tonight", "noon", "this morning", "early evening"
            Self::span_word,        // "hours", "years ago", "a fraction of a second", "age 12"
            Self::periodic_word,    // "annual", "quarterly", "daily"
            Self::numbered_period,  // "week 27 of last year", "Q1 2019"
            Self::part_of_year,     // "first-quarter", "second half of 2019", "fiscal 2020"
            Self::relative_word,    // "pre-2008", "recent years", "this 5/12", "next week"
            Self::holiday,          // "Easter", "Christmas Eve", "thanksgiving day 2019"
            Self::season,           // "summer", "winter of 1998"
            Self::time_expr,        // "3pm", "15:30", "half past seven"
            Self::weekday_date,     // "Thursday", "Thursday, Feb. 27", "Monday-Friday"
            Self::ordinal_quarter,  // "3rd quarter", "4th qtr of 2019"
            Self::named_day,        // "day after tomorrow", "New Year's Eve", "Black Friday"
            Self::nth_of,           // "first Monday of March", "last week of July"
            Self::month_date,       // "February 27th", "Dec. 27, 2019", "June 5-7"
            Self::day_month,        // "27 February 2020", "27th of February"
            Self::year_date,        // "2016", "2012–13", "2014-10"
            Self::numeric_date,     // "27/02/2020", "2020-02-27"
            Self::decade,           // "1990s", "'90s"
            Self::nine_eleven,      // "9/11"
            Self::century,          // "19th century"
        ];
        let mut best: Option<Candidate> = None;
        for c in steps.into_iter().filter_map(|step| step(self, i)) {
            if best.as_ref().is_none_or(|b| c.e > b.e) {
                best = Some(c);
            }
        }
        best
    }

    /// Words that name a day or days by themselves: "today", "weekends", "these days", "that
    /// year", "the nineties"; habitual days ("on Sundays") when capitalised and not a name's last
    /// word ("TGI Fridays").
    fn calendar_word(&self, i: usize) -> Option<Candidate> {
        let w = self.word(i);
        let prev = if i > 0 { self.word(i - 1) } else { "" };
        let after_name = || {
            i > 0
                && self.cap(i - 1)
                && self.t[i - 1].kind == TokKind::Word
                && !super::is_function_word(self.word(i - 1))
        };
        let e = match w {
            "today" | "yesterday" | "tomorrow" | "weekends" => i + 1,
            _ if Self::HABITUAL_DAYS.contains(&w) && self.cap(i) && !after_name() => i + 1,
            "these" if self.word(i + 1) == "days" => i + 2,
            "that"
                if matches!(self.word(i + 1), "year" | "day" | "week" | "weekend" | "month" | "decade") =>
            {
                i + 2
            }
            // "the nineties", "in the twenties": a decade only after a word that sets it up
            // (alone, "in her twenties" is an age)
            w if Self::DECADE_WORDS.contains(&w)
                && matches!(prev, "the" | "in" | "early" | "late" | "mid") =>
            {
                i + 1
            }
            _ => return None,
        };
        Some(Candidate::new(i, e, Kind::Date))
    }

    /// Words for a time of day: "tonight", "noon" (12:00), "midnight" (00:00), "back noonish"
    /// (about 12:00), "morningish", "this morning", "late-morning", "early evening", "at dusk",
    /// "Friday night", "that night".
    fn time_of_day_word(&self, i: usize) -> Option<Candidate> {
        let w = self.word(i);
        let at = |e, iso, modifier| Some(Candidate { iso, modifier, ..Candidate::new(i, e, Kind::Time) });
        match w {
            "tonight" | "tonite" => at(i + 1, None, None),
            "noon" | "midday" => at(i + 1, Some(Temporal::clock(12, 0)), None),
            "midnight" => at(i + 1, Some(Temporal::clock(0, 0)), None),
            "noonish" => at(i + 1, Some(Temporal::clock(12, 0)), Some(Modifier::About)),
            "morningish" | "afternoonish" | "eveningish" => at(i + 1, None, Some(Modifier::About)),
            "morning" | "afternoon" | "evening" if self.part_of_day_alone(i) => at(i + 1, None, None),
            // "late-morning", "mid-afternoon"
            "late" | "early" | "mid"
                if is_dash(self.low(i + 1))
                    && self.glued(i + 1)
                    && self.glued(i + 2)
                    && matches!(self.word(i + 2), "morning" | "afternoon" | "evening" | "night") =>
            {
                at(i + 3, None, None)
            }
            "late" | "early" if matches!(self.word(i + 1), "morning" | "afternoon" | "evening") => {
                at(i + 2, None, None)
            }
            "midmorning" | "midafternoon" | "lunchtime" | "daybreak" | "dawn" | "dusk" => {
                at(i + 1, None, None)
            }
            // "night" alone is as often a count ("a night in jail"); after these it is a time
            "night" => {
                let prev = if i > 0 { self.word(i - 1) } else { "" };
                let timed =
                    matches!(prev, "at" | "tomorrow" | "yesterday" | "overnight") || weekday(prev).is_some();
                if timed {
                    at(i + 1, None, None)
                } else {
                    None
                }
            }
            "that" if self.word(i + 1) == "night" => at(i + 2, None, None),
            _ => None,
        }
    }

    /// "morning", "afternoon" or "evening" at `i` is a time, except in a greeting ("good
    /// morning"), glued by a hyphen to another word ("Sunday-morning", "morning-after"), in a
    /// title ("Morning Edition") or in a phrase that names no time ("morning sickness", "evening
    /// star").
    fn part_of_day_alone(&self, i: usize) -> bool {
        let prev = if i > 0 { self.word(i - 1) } else { "" };
        let glued_on = (i > 0 && !self.t[i].sp && is_dash(self.low(i - 1)))
            || (is_dash(self.low(i + 1)) && self.glued(i + 1));
        let titled = self.cap(i)
            && i > 0
            && self.cap(i + 1)
            && self.t.get(i + 1).is_some_and(|t| t.kind == TokKind::Word);
        prev != "good"
            && !glued_on
            && !titled
            && !matches!(self.word(i + 1), "sickness" | "star" | "glory" | "show")
    }

    /// Words for a stretch of time: "hours", "seconds", "a fraction of a second" (times), "years",
    /// "decades", "years ago", "days later" (dates; "days" and "weeks" only with "ago", "earlier",
    /// "later" or "ahead") and an age, "age 12".
    fn span_word(&self, i: usize) -> Option<Candidate> {
        let w = self.word(i);
        let (e, kind) = match w {
            "hours" | "minutes" | "seconds" => (i + 1, Kind::Time),
            "a" if self.word(i + 1) == "fraction"
                && self.word(i + 2) == "of"
                && self.word(i + 3) == "a"
                && self.word(i + 4) == "second" =>
            {
                (i + 5, Kind::Time)
            }
            "years" | "months" | "decades" | "weeks" | "days" => {
                if matches!(self.word(i + 1), "ago" | "earlier" | "later" | "ahead") {
                    (i + 2, Kind::Date)
                } else if w != "days" && w != "weeks" {
                    (i + 1, Kind::Date)
                } else {
                    return None;
                }
            }
            "age" if self.plain_int(i + 1) && self.t[i + 1].low.len() <= 3 => (i + 2, Kind::Date),
            _ => return None,
        };
        Some(Candidate::new(i, e, kind))
    }

    /// How often: "annual", "quarterly", "semiannually", "daily"; not "Daily" capitalised, as in a
    /// name ("China Daily").
    fn periodic_word(&self, i: usize) -> Option<Candidate> {
        let w = self.word(i);
        let periodic = Self::PERIODIC_WORDS.contains(&w) || (w == "daily" && !self.cap(i));
        periodic.then(|| Candidate::new(i, i + 1, Kind::Date))
    }

    /// A numbered week or quarter: "week 1", "week 3 of 2027", "week 27 of last year", "Q1 2019",
    /// "q3", "Q4-2020" (with a year it is the value). "2019 Q1" is read from the year.
    fn numbered_period(&self, i: usize) -> Option<Candidate> {
        match self.word(i) {
            // a week of the year is 1 to 53, not glued to more ("week 2b")
            "week"
                if self.plain_int(i + 1)
                    && self.t[i + 1].low.parse::<u32>().is_ok_and(|n| (1..=53).contains(&n))
                    && !self.glued(i + 2) =>
            {
                let mut e = self.of_year(i + 2);
                if e == i + 2
                    && self.word(e) == "of"
                    && matches!(self.word(e + 1), "this" | "last" | "next")
                    && self.word(e + 2) == "year"
                {
                    e += 3;
                }
                Some(Candidate::new(i, e, Kind::Date))
            }
            "q" if self.glued(i + 1)
                && matches!(self.low(i + 1), "1" | "2" | "3" | "4")
                && (!self.glued(i + 2) || is_dash(self.low(i + 2))) =>
            {
                let mut e = i + 2;
                let mut iso = None;
                let k = if is_dash(self.low(e)) && self.glued(e) { e + 1 } else { e };
                if let Some((y, ye)) = self.year_at(k) {
                    e = ye;
                    iso = Some(Temporal::year(y));
                }
                Some(Candidate { iso, ..Candidate::new(i, e, Kind::Date) })
            }
            _ => None,
        }
    }

    /// Where "of" and a year after a period end ("the first quarter of 2019"): `e` itself when
    /// there is no such year.
    fn of_year(&self, e: usize) -> usize {
        if self.word(e) == "of" {
            if let Some((_, ye)) = self.year_at(e + 1) {
                return ye;
            }
        }
        e
    }

    /// A quarter or half of a year: "first-quarter", "second half of 2019", "fourth qtr", "(its)
    /// fiscal first half"; and a fiscal year, "fiscal 2020", "fiscal year 2021" (its year as the
    /// value).
    fn part_of_year(&self, i: usize) -> Option<Candidate> {
        let date = |e| Some(Candidate::new(i, e, Kind::Date));
        match self.word(i) {
            "first" | "second" | "third" | "fourth"
                if is_dash(self.low(i + 1))
                    && self.glued(i + 1)
                    && self.glued(i + 2)
                    && matches!(self.word(i + 2), "quarter" | "half") =>
            {
                date(i + 3)
            }
            "first" | "second" | "third" | "fourth"
                if matches!(self.word(i + 1), "quarter" | "half" | "qtr") =>
            {
                date(self.of_year(i + 2))
            }
            "fiscal"
                if matches!(self.word(i + 1), "first" | "second" | "third" | "fourth")
                    && matches!(self.word(i + 2), "half" | "quarter") =>
            {
                date(i + 3)
            }
            "fiscal" => {
                let k = if self.word(i + 1) == "year" { i + 2 } else { i + 1 };
                let (y, e) = self.year_at(k)?;
                Some(Candidate { iso: Some(Temporal::year(y)), ..Candidate::new(i, e, Kind::Date) })
            }
            _ => None,
        }
    }

    /// A date relative to another or to now: "pre-2008", "post-1990s", "recent years", "this
    /// 5/12", "next 5/12", "last year", "every week", "on following Friday" (see `relative`).
    /// "following" alone is mostly the preposition ("following Friday's plunge").
    fn relative_word(&self, i: usize) -> Option<Candidate> {
        match self.word(i) {
            "pre" | "post" if is_dash(self.low(i + 1)) && self.glued(i + 1) && self.glued(i + 2) => {
                let c = self.year_date(i + 2).or_else(|| self.decade(i + 2))?;
                Some(Candidate { s: i, ..c })
            }
            "this" | "next" if self.short_numeric_date(i + 1).is_some() => {
                self.short_numeric_date(i + 1).map(|c| Candidate { s: i, ..c })
            }
            "recent" | "this" | "last" | "next" | "past" | "coming" | "upcoming" | "current" | "previous"
            | "every" | "each" => self.relative(i, false),
            "following" if i > 0 && self.word(i - 1) == "on" => self.relative(i, false),
            _ => None,
        }
    }

    /// A holiday: "Easter", "Christmas Eve", "thanksgiving day", "Ramadan 2019"; in lower case
    /// only with "day", "eve" or a year after it ("an easter egg" is none).
    fn holiday(&self, i: usize) -> Option<Candidate> {
        if !HOLIDAYS.contains(&self.word(i))
            || !(self.cap(i) || self.year_at(i + 1).is_some() || matches!(self.word(i + 1), "day" | "eve"))
        {
            return None;
        }
        let mut e = i + 1;
        if matches!(self.word(e), "eve" | "day") {
            e += 1;
        }
        if let Some((_, e2)) = self.year_at(e) {
            e = e2;
        }
        Some(Candidate::new(i, e, Kind::Date))
    }

    /// A season with a year, "summer 2019", "winter of 1998" (the year as the value); or alone,
    /// "their winter meeting", "by spring": not "fall" (as often a decline), "spring" only after
    /// a preposition or determiner (`SPRING_LEAD_INS`; else often the verb: "spring into action"),
    /// and neither capitalised ("Summer" as a name) nor hyphenated ("spring-loaded").
    fn season(&self, i: usize) -> Option<Candidate> {
        let w = self.word(i);
        if !SEASONS.contains(&w) {
            return None;
        }
        let k = if self.word(i + 1) == "of" { i + 2 } else { i + 1 };
        if let Some((y, e)) = self.year_at(k) {
            return Some(Candidate { iso: Some(Temporal::year(y)), ..Candidate::new(i, e, Kind::Date) });
        }
        let prev = if i > 0 { self.word(i - 1) } else { "" };
        let hyphen = is_dash(self.low(i + 1)) && self.glued(i + 1)
            || (i > 0 && !self.t[i].sp && is_dash(self.low(i - 1)));
        let alone = !self.cap(i)
            && !hyphen
            && (matches!(w, "summer" | "winter" | "autumn")
                || (w == "spring" && Self::SPRING_LEAD_INS.contains(&prev)));
        alone.then(|| Candidate::new(i, i + 1, Kind::Date))
    }

    /// An ordinal quarter in digits: "3rd quarter", "4th qtr", "1st quarter of 2019".
    fn ordinal_quarter(&self, i: usize) -> Option<Candidate> {
        let quarter = self.is_num(i)
            && self.glued(i + 1)
            && matches!(self.low(i + 1), "st" | "nd" | "rd" | "th")
            && matches!(self.word(i + 2), "quarter" | "qtr")
            && matches!(self.low(i), "1" | "2" | "3" | "4");
        quarter.then(|| Candidate::new(i, self.of_year(i + 3), Kind::Date))
    }

    /// Days with names of their own: "(the) day after tomorrow", "day before yesterday", "New
    /// Year's Eve", "new years day", "Black Friday", "Good Friday", "Cyber Monday".
    fn named_day(&self, i: usize) -> Option<Candidate> {
        let e = match (self.word(i), self.word(i + 1)) {
            ("day", "after") if self.word(i + 2) == "tomorrow" => i + 3,
            ("day", "before") if self.word(i + 2) == "yesterday" => i + 3,
            ("new", "year" | "years") => {
                let mut k = i + 2;
                if is_apostrophe(self.low(k)) && self.word(k + 1) == "s" {
                    k += 2;
                }
                if !matches!(self.word(k), "eve" | "day") {
                    return None;
                }
                k + 1
            }
            ("black" | "good", "friday")
            | ("cyber", "monday")
            | ("ash", "wednesday")
            | ("palm" | "easter", "sunday") => i + 2,
            _ => return None,
        };
        Some(Candidate::new(i, e, Kind::Date))
    }

    /// "9/11": the attacks of 11 September 2001, whose day is its value.
    fn nine_eleven(&self, i: usize) -> Option<Candidate> {
        let nine_eleven = self.low(i) == "9"
            && self.low(i + 1) == "/"
            && self.low(i + 2) == "11"
            && self.glued(i + 1)
            && self.glued(i + 2)
            && !self.glued(i + 3);
        nine_eleven.then(|| Candidate {
            iso: Some(Temporal::year_month_day(2001, 9, 11)),
            ..Candidate::new(i, i + 3, Kind::Date)
        })
    }

    /// Habitual days, "on Sundays" (sorted).
    const HABITUAL_DAYS: &'static [&'static str] =
        &["fridays", "mondays", "saturdays", "sundays", "thursdays", "tuesdays", "wednesdays"];
    /// How often, "annual", "quarterly" (sorted; "daily" is apart, as it also ends names).
    const PERIODIC_WORDS: &'static [&'static str] = &[
        "annual",
        "annually",
        "biannual",
        "monthly",
        "quarterly",
        "semiannual",
        "semiannually",
        "weekly",
        "yearly",
    ];
    /// Words before "spring" that make it the season: "by spring", "the spring" (sorted).
    const SPRING_LEAD_INS: &'static [&'static str] =
        &["by", "during", "each", "early", "every", "in", "late", "mid", "of", "since", "the", "until"];

    /// "first Monday of March", "the last week of July", "the second week of October 2018",
    /// "last day of october 2015", "the first Monday of the month".
    fn nth_of(&self, i: usize) -> Option<Candidate> {
        let w = self.word(i);
        let mut j = i + 1;
        let nth = if w == "last" {
            true
        } else if self.is_num(i) && self.glued(i + 1) && matches!(self.low(i + 1), "st" | "nd" | "rd" | "th")
        {
            j = i + 2;
            true
        } else if let Some(wn) = self.parse_words(i).filter(|wn| wn.ordinal && wn.end > i + 1) {
            // "the twenty third day of September": a day of the month in words
            if wn.value > 31.0 || self.word(wn.end) != "day" {
                return None;
            }
            j = wn.end;
            true
        } else {
            words::ordinal_word(w).is_some_and(|o| o <= 5.0)
        };
        if !nth {
            return None;
        }
        if w != "last" && self.word(j) == "last" {
            j += 1; // "the second last week"
        }
        let unit = self.word(j);
        if !(weekday(unit).is_some() || matches!(unit, "day" | "week" | "weekend" | "month" | "quarter"))
            || !matches!(self.word(j + 1), "of" | "in")
        {
            return None;
        }
        let k = j + 2;
        let end = if let Some((_, e)) = self.year_at(k) {
            e
        } else if matches!(self.word(k), "the" | "this" | "next" | "last")
            && matches!(self.word(k + 1), "month" | "year")
        {
            k + 2
        } else if let Some(m) = self.month_date(k) {
            m.e
        } else if matches!(self.word(k), "march" | "may") {
            k + 1
        } else {
            return None;
        };
        Some(Candidate::new(i, end, Kind::Date))
    }

    /// "Thursday", "Thursday, Feb. 27", "Thursday to Friday", "Mon 13th".
    fn weekday_date(&self, i: usize) -> Option<Candidate> {
        let e = self.weekday_at(i)?;
        // "Black Monday", "Super Tuesday": a name
        if i > 0
            && self.t[i - 1].kind == TokKind::Word
            && self.t[i - 1].cap
            && self.t[i].sp
            && matches!(self.t[i - 1].low.as_ref(), "black" | "super" | "cyber" | "bloody" | "manic" | "blue")
        {
            return None;
        }
        let mut c = Candidate::new(i, e, Kind::Date);
        let mut k = e;
        if self.low(k) == "," {
            k += 1;
        }
        if let Some(m) = self.month_date(k) {
            if m.iso.as_ref().is_some_and(|x| !matches!(x, Temporal::Decade(_))) {
                c.e = m.e;
                c.iso = m.iso;
                return Some(c);
            }
        }
        if let Some(m) = self.day_month(k) {
            c.e = m.e;
            c.iso = m.iso;
            return Some(c);
        }
        // "Friday 2018-7-6", "thursday 29/03"
        if let Some(m) = self.numeric_date(k).or_else(|| self.short_numeric_date(k)) {
            c.e = m.e;
            c.iso = m.iso;
            return Some(c);
        }
        // "Tuesday the 19th", "wednesday the thirty first"
        if self.word(e) == "the" {
            if let Some((d, de)) = self.day_at(e + 1) {
                if !self.is_num(e + 1) || de == e + 3 {
                    c.e = de;
                    c.iso = Some(Temporal::day(d));
                    return Some(c);
                }
            }
        }
        if k == e {
            if let Some((_, de)) = self.day_at(e) {
                // not "Monday 12-4", "Thursday 9 am"
                let more = (matches!(self.low(de), ":" | "/" | ".") || is_dash(self.low(de)))
                    && self.glued(de)
                    && self.is_num(de + 1);
                let ampm = self.ampm_at(de).is_some() || matches!(self.word(de), "am" | "pm");
                // "Sunday 3 weeks after January 15th": a count, not a day
                let counted = super::units::unit(self.word(de)).is_some() || PERIODS.contains(&self.word(de));
                if self.is_num(e) && !ampm && !more && !counted && self.low(de) != ":" {
                    c.e = de;
                    return Some(c);
                }
            }
        }
        // ranges: "Thursday to Friday", "Monday-Friday"
        let conn = self.low(e);
        if matches!(conn, "to" | "through" | "thru" | "until")
            || (is_dash(conn) && self.glued(e) == self.glued(e + 1))
        {
            if let Some(e2) = self.weekday_at(e + 1) {
                c.e = e2;
            }
        }
        Some(c)
    }

    /// "February 27th", "Dec. 27, 2019", "December 2019", "February", "June 5-7".
    fn month_date(&self, i: usize) -> Option<Candidate> {
        let (m, e) = self.month_at(i)?;
        // "August Strindberg", "April Smith": a first name
        if e == i + 1 && self.cap(e) && self.t.get(e).is_some_and(|t| t.kind == TokKind::Word && t.sp) {
            let nw = self.word(e);
            if month(nw).is_none() && weekday(nw).is_none() && !super::is_function_word(nw) {
                return None;
            }
        }
        let mut ymd = Ymd { y: None, m: Some(m), d: None };
        let mut end = e;
        let mut k = e;
        if self.word(k) == "the" {
            k += 1;
        }
        if let Some((d, de)) = self.day_at(k) {
            // not "May 2019" read as a day; years handled below
            ymd.d = Some(d);
            end = de;
            let mut k2 = de;
            if self.low(k2) == "," {
                k2 += 1;
            }
            if let Some((y, ye)) = self.year_at(k2) {
                ymd.y = Some(y);
                end = ye;
            } else if let Some(c) = self.day_range(i, ymd, de) {
                // "Oct. 14 to Dec. 31", "August 5th to 9th, 1995"
                return Some(c);
            } else if is_dash(self.low(de)) && self.glued(de) == self.glued(de + 1) {
                // "June 5-7"
                if let Some((d2, de2)) = self.day_at(de + 1) {
                    if d2 > d {
                        let mut c = Candidate::new(i, de2, Kind::Date);
                        let a = ymd.iso();
                        let b = Ymd { d: Some(d2), ..ymd }.iso();
                        c.iso = a.zip(b).map(|(a, b)| Temporal::range(a, b));
                        return Some(c);
                    }
                }
            }
        } else {
            let mut k2 = e;
            if self.word(k2) == "of" || self.low(k2) == "," {
                k2 += 1;
            }
            if let Some((y, ye)) = self.year_at(k2).or_else(|| self.word_year_at(k2)) {
                ymd.y = Some(y);
                end = ye;
            } else if self.word(e) == "of"
                && matches!(self.word(e + 1), "this" | "last" | "next")
                && self.word(e + 2) == "year"
            {
                end = e + 3;
            } else if m == 5 || m == 3 {
                // "May" and "March" alone need a date context; "the March contract" (a
                // capitalised month between "the" and a lower-case word) is one
                let prev = if i > 0 { self.word(i - 1) } else { "" };
                let the_month = prev == "the"
                    && self.cap(i)
                    && self.t.get(e).is_some_and(|t| t.kind == TokKind::Word && !t.cap && t.sp);
                if !the_month
                    && !matches!(
                        prev,
                        "in" | "of"
                            | "since"
                            | "until"
                            | "by"
                            | "during"
                            | "last"
                            | "next"
                            | "this"
                            | "early"
                            | "late"
                            | "mid"
                            | "through"
                            | "from"
                            | "to"
                            | "before"
                            | "after"
                            | "and"
                            | "or"
                            | "between"
                    )
                {
                    return None;
                }
            }
        }
        // "Dec-2018", "Dec/2018"
        if ymd.d.is_none()
            && ymd.y.is_none()
            && matches!(self.low(e), "-" | "/")
            && self.glued(e)
            && self.glued(e + 1)
        {
            if let Some((y, ye)) = self.year_at(e + 1) {
                ymd.y = Some(y);
                end = ye;
            } else if self.low(e) == "/" && e == i + 1 && !matches!(self.low(e + 2), "/" | "-" | ".") {
                // "Oct/2": month, slash, day
                if let Some((d, de)) = self.day_at(e + 1).filter(|&(_, de)| de == e + 2) {
                    ymd.d = Some(d);
                    end = de;
                }
            }
        }
        let mut c = Candidate::new(i, end, Kind::Date);
        c.iso = ymd.iso();
        // "January to October", "Nov-Feb 2017"
        let month_dash = is_dash(self.low(end)) && self.glued(end) && self.glued(end + 1);
        if ymd.d.is_none() && ymd.y.is_none() && (matches!(self.word(end), "to" | "through") || month_dash) {
            if let Some((m2, e2)) = self.month_at(end + 1) {
                let mut e3 = e2;
                let mut y2 = None;
                if let Some((y, ye)) = self.year_at(e2) {
                    y2 = Some(y);
                    e3 = ye;
                }
                c.e = e3;
                c.iso = match y2 {
                    // "Nov-Feb 2017": the year is the second month's
                    Some(y) => Some(Temporal::range(
                        Temporal::year_month(if m > m2 { y - 1 } else { y }, m),
                        Temporal::year_month(y, m2),
                    )),
                    None => Some(Temporal::range(Temporal::month(m), Temporal::month(m2))),
                };
            }
        }
        Some(c)
    }

    /// A range of days written out with a word: `de` is just after the first day ("Oct. 14"),
    /// then "to"/"through"/"until" and a later day of the same month ("5th to 9th") or a day of
    /// another month ("to Dec. 31"), then an optional year that applies to both.
    fn day_range(&self, i: usize, a: Ymd, de: usize) -> Option<Candidate> {
        if !matches!(self.word(de), "to" | "through" | "thru" | "until" | "till") {
            return None;
        }
        let k = de + 1;
        let (b, e) = if let Some((m2, me)) = self.month_at(k) {
            let (d2, e) = self.day_at(me)?;
            (Ymd { y: None, m: Some(m2), d: Some(d2) }, e)
        } else {
            let (d2, e) = self.day_at(k)?;
            // "5th to 9th" or "5 to 9", then nothing that makes the second a count ("5 to 9 people")
            let after_ok =
                self.t.get(e).is_none_or(|t| t.kind == TokKind::Punct) || self.year_at(e).is_some();
            if d2 <= a.d? || !after_ok {
                return None;
            }
            (Ymd { d: Some(d2), ..a }, e)
        };
        let mut end = e;
        let mut a = a;
        let mut b = b;
        let k2 = if self.low(e) == "," { e + 1 } else { e };
        if let Some((y, ye)) = self.year_at(k2) {
            a.y = Some(y);
            b.y = Some(y);
            end = ye;
        }
        let mut c = Candidate::new(i, end, Kind::Date);
        c.iso = a.iso().zip(b.iso()).map(|(x, y)| Temporal::range(x, y));
        Some(c)
    }

    /// "27 February 2020", "27th of February".
    fn day_month(&self, i: usize) -> Option<Candidate> {
        if !self.is_num(i) && (self.word(self.day_at(i).map_or(i, |d| d.1)) != "of") {
            return None;
        }
        let (d, de) = self.day_at(i)?;
        let mut k = de;
        if self.word(k) == "of" {
            k += 1;
        }
        // "05-Aug-2016"
        let dashed =
            self.low(k) == "-" && self.glued(k) && self.glued(k + 1) && self.month_at(k + 1).is_some();
        if dashed {
            let (m, me) = self.month_at(k + 1)?;
            if self.low(me) == "-" && self.glued(me) && self.glued(me + 1) {
                if let Some((y, ye)) = self.year_at(me + 1) {
                    let mut c = Candidate::new(i, ye, Kind::Date);
                    c.iso = Ymd { y: Some(y), m: Some(m), d: Some(d) }.iso();
                    return Some(c);
                }
            }
        }
        let (m, me) = match self.month_at(k) {
            Some(x) => x,
            // "the first of march": after "of" a lower-case "march" or "may" is the month
            None if k > de && matches!(self.word(k), "march" | "may") => (month(self.word(k))?, k + 1),
            None => return None,
        };
        let mut ymd = Ymd { y: None, m: Some(m), d: Some(d) };
        let mut end = me;
        let mut k2 = me;
        if self.low(k2) == "," {
            k2 += 1;
        }
        if let Some((y, ye)) = self.year_at(k2) {
            ymd.y = Some(y);
            end = ye;
        }
        let mut c = Candidate::new(i, end, Kind::Date);
        c.iso = ymd.iso();
        Some(c)
    }

    /// "2016", "2012–13", "1990-1995".
    fn year_date(&self, i: usize) -> Option<Candidate> {
        let (y, e) = self.year_at(i)?;
        if self.letters_glued_before(i)
            || (i > 0 && !self.t[i].sp && matches!(self.low(i - 1), "$" | "£" | "€" | "#"))
        {
            return None;
        }
        // after a capitalised name a year is still a year ("Grange Hermitage 1982", "Tokyo 1964"),
        // but not a bill or item number ("S. 1737", "H.R. 2005", "No. 1990")
        if self.numbered_item(i) {
            return None;
        }
        // money, percent, units after: not a date
        if self.low(e) == "%" {
            return None;
        }
        let mut c = Candidate::new(i, e, Kind::Date);
        c.iso = Some(Temporal::year(y));
        // range
        let conn = self.low(e);
        if matches!(self.word(e), "to" | "through") {
            if let Some((y2, e2)) = self.year_at(e + 1) {
                if y2 > y && y2 - y < 200 {
                    c.e = e2;
                    c.iso = Some(Temporal::range(Temporal::year(y), Temporal::year(y2)));
                    return Some(c);
                }
            }
        }
        // "2019 Q1", "2019-Q1"
        {
            let k = if is_dash(conn) && self.glued(e) && self.glued(e + 1) { e + 1 } else { e };
            if self.word(k) == "q"
                && self.glued(k + 1)
                && matches!(self.low(k + 1), "1" | "2" | "3" | "4")
                && !self.glued(k + 2)
                && (k > e || !self.glued(k))
            {
                c.e = k + 2;
                return Some(c);
            }
        }
        if ((is_dash(conn) && self.glued(e) == self.glued(e + 1))
            || matches!(conn, "/" | "~") && self.glued(e) && self.glued(e + 1))
            && self.plain_int(e + 1)
        {
            let s2 = &self.t[e + 1].low;
            let y2 = if s2.len() == 2 {
                Some(y / 100 * 100 + s2.parse::<i32>().ok()?)
            } else if s2.len() == 4 {
                s2.parse::<i32>().ok()
            } else {
                None
            };
            if let Some(y2) = y2 {
                if y2 > y
                    && y2 - y < if s2.len() == 2 { 11 } else { 100 }
                    && !(self.glued(e + 2) && self.t.get(e + 2).is_some_and(|t| t.kind != TokKind::Punct))
                {
                    c.e = e + 2;
                    c.iso = Some(Temporal::range(Temporal::year(y), Temporal::year(y2)));
                    return Some(c);
                }
            }
            // "2014-10", "2014/10": a year and a month, when glued and not a range
            let m: u32 = s2.parse().unwrap_or(0);
            if s2.len() <= 2
                && (1..=12).contains(&m)
                && self.glued(e)
                && self.glued(e + 1)
                && !self.glued(e + 2)
                && !(is_dash(self.low(e + 2)) || self.low(e + 2) == "/")
            {
                c.e = e + 2;
                c.iso = Some(Temporal::year_month(y, m));
                return Some(c);
            }
        }
        if matches!(self.word(e), "to" | "through") {
            if let Some((y2, e2)) = self.year_at(e + 1) {
                if y2 > y && i > 0 && self.word(i - 1) == "from" {
                    // handled by "from ... to ..."
                    return Some(c);
                }
                let _ = e2;
            }
        }
        Some(c)
    }

    /// "27/02/2020", "2020-02-27", "5/12/2019".
    fn numeric_date(&self, i: usize) -> Option<Candidate> {
        if !self.plain_int(i) {
            return None;
        }
        let sep = self.low(i + 1);
        if !matches!(sep, "/" | "-" | ".")
            || !self.glued(i + 1)
            || !self.glued(i + 2)
            || !self.plain_int(i + 2)
        {
            return None;
        }
        if self.low(i + 3) != sep || !self.glued(i + 3) || !self.glued(i + 4) || !self.plain_int(i + 4) {
            return None;
        }
        if self.glued(i + 5) && self.t.get(i + 5).is_some_and(|t| t.kind != TokKind::Punct) {
            return None;
        }
        let a = &self.t[i].low;
        let b = &self.t[i + 2].low;
        let c3 = &self.t[i + 4].low;
        let an: u32 = a.parse().ok()?;
        let bn: u32 = b.parse().ok()?;
        let cn: u32 = c3.parse().ok()?;
        let mut c = Candidate::new(i, i + 5, Kind::Date);
        if a.len() == 4 {
            // yyyy-mm-dd
            if (1..=12).contains(&bn) && (1..=31).contains(&cn) {
                c.iso = Ymd { y: Some(an as i32), m: Some(bn), d: Some(cn) }.iso();
                return Some(c);
            }
            return None;
        }
        if a.len() > 2 || b.len() > 2 || !(c3.len() == 4 || c3.len() == 2) {
            return None;
        }
        let y = if c3.len() == 2 {
            if cn < 50 {
                2000 + cn
            } else {
                1900 + cn
            }
        } else {
            cn
        };
        let (d, m) = if an > 12 && bn <= 12 {
            (an, bn)
        } else if bn > 12 && an <= 12 {
            (bn, an)
        } else if an <= 12 && bn <= 12 {
            if an == bn {
                (an, bn)
            } else {
                (0, 0)
            }
        } else {
            return None;
        };
        if d == 0 || d > 31 || m == 0 {
            if an == 0 || bn == 0 {
                return None;
            }
            c.iso = None;
        } else {
            c.iso = Ymd { y: Some(y as i32), m: Some(m), d: Some(d) }.iso();
        }
        Some(c)
    }

    /// A day and month in digits without a year, "5/12", "29/03": a date only where a weekday or
    /// "this"/"next" says so (alone it is as often a fraction or a score).
    fn short_numeric_date(&self, i: usize) -> Option<Candidate> {
        if !self.plain_int(i) || self.low(i + 1) != "/" || !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        if !self.plain_int(i + 2)
            || self.glued(i + 3) && self.t.get(i + 3).is_some_and(|t| t.low != "." && t.low != ",")
        {
            return None;
        }
        let (a, b) = (&self.t[i].low, &self.t[i + 2].low);
        if a.len() > 2 || b.len() > 2 {
            return None;
        }
        let an: u32 = a.parse().ok()?;
        let bn: u32 = b.parse().ok()?;
        let mut c = Candidate::new(i, i + 3, Kind::Date);
        c.iso = if (1..=12).contains(&an) && (13..=31).contains(&bn) {
            Some(Temporal::month_day(an, bn))
        } else if (1..=12).contains(&bn) && (13..=31).contains(&an) {
            Some(Temporal::month_day(bn, an))
        } else if (1..=12).contains(&an) && (1..=12).contains(&bn) {
            None
        } else {
            return None;
        };
        Some(c)
    }

    /// Clock times: "3pm", "3 p.m.", "15:30", "2.15pm", "10 a.m. EDT", "3 o'clock", "3-4pm".
    pub(crate) fn time_expr(&self, i: usize) -> Option<Candidate> {
        if let Some(c) = self.clock_phrase(i) {
            return Some(c);
        }
        let (h, mi, e, has_ampm) = self.clock(i)?;
        let mut c = Candidate::new(i, e, Kind::Time);
        // range "3-4pm", "9:30 - 11:00", "4:00 to 7 oclock"
        let conn = self.low(e);
        if is_dash(conn) || conn == "to" {
            if let Some((h2, m2, e2, ampm2)) = self.clock(e + 1) {
                let (h1, _) = if !has_ampm && ampm2 { (adjust_like(h, h2), ()) } else { (h, ()) };
                if has_ampm
                    || ampm2
                    || self.low(e).contains(':')
                    || self.is_clock_colon(i)
                    || self.is_clock_colon(e + 1)
                {
                    c.e = e2;
                    c.iso = Some(Temporal::range(Temporal::clock(h1, mi), Temporal::clock(h2, m2)));
                    return Some(c);
                }
            }
        }
        // "between 0730-0930": 24-hour times of four digits
        if i > 0
            && self.word(i - 1) == "between"
            && self.t[i].low.len() == 4
            && is_dash(conn)
            && self.plain_int(e + 1)
        {
            let s2 = &self.t[e + 1].low;
            if s2.len() == 4 {
                let h2: u32 = s2[..2].parse().unwrap_or(99);
                let m2: u32 = s2[2..].parse().unwrap_or(99);
                if h2 < 24 && m2 < 60 {
                    c.e = e + 2;
                    c.iso = Some(Temporal::range(Temporal::clock(h, mi), Temporal::clock(h2, m2)));
                    return Some(c);
                }
            }
        }
        // "3 in the morning", "10 at night", "3:20 in the afternoon", "8 tonight"
        if !has_ampm && (1..=12).contains(&h) {
            let part = if self.word(e) == "in" && self.word(e + 1) == "the" {
                Some((self.word(e + 2), e + 3))
            } else if self.word(e) == "at" && self.word(e + 1) == "night" {
                Some(("night", e + 2))
            } else if self.word(e) == "tonight" {
                Some(("evening", e + 1))
            } else if self.word(e) == "this"
                && matches!(self.word(e + 1), "morning" | "afternoon" | "evening")
            {
                Some((self.word(e + 1), e + 2))
            } else {
                None
            };
            if let Some((p, pe)) = part {
                let h24 = match p {
                    "morning" => Some(if h == 12 { 0 } else { h }),
                    "afternoon" | "evening" => Some(if h == 12 { 12 } else { h + 12 }),
                    "night" => Some(if (6..12).contains(&h) {
                        h + 12
                    } else if h == 12 {
                        0
                    } else {
                        h
                    }),
                    _ => None,
                };
                if let Some(h24) = h24 {
                    c.e = pe;
                    c.iso = Some(Temporal::clock(h24, mi));
                    return Some(c);
                }
            }
        }
        // (a clock in words got here only with a clock's signal: "at five-thirty", "ten thirty am")
        if !has_ampm
            && !self.is_clock_colon(i)
            && !matches!(self.word(e - 1), "clock" | "oclock")
            && self.is_num(i)
        {
            return None;
        }
        c.iso = Some(Temporal::clock(h, mi));
        Some(c)
    }

    /// "half past seven", "quarter to noon", "20 minutes past 3pm", "ten to six".
    fn clock_phrase(&self, i: usize) -> Option<Candidate> {
        let (mins, k) = match (self.word(i), self.word(i + 1)) {
            ("half", _) => (30, i + 1),
            ("quarter", _) => (15, i + 1),
            ("a", "quarter") => (15, i + 2),
            _ => {
                let a = self.amount(i, false)?;
                let v = a.value?;
                if a.article || a.ordinal || v.fract() != 0.0 || !(1.0..60.0).contains(&v) {
                    return None;
                }
                let mut k = a.end;
                if matches!(self.word(k), "min" | "mins" | "minute" | "minutes") {
                    k += 1;
                }
                (v as u32, k)
            }
        };
        let before = match self.word(k) {
            "past" | "after" => false,
            "to" | "before" | "till" | "of" => true,
            _ => return None,
        };
        let h0 = k + 1;
        let (h, e) = match self.word(h0) {
            "noon" | "midday" => (12, h0 + 1),
            "midnight" => (0, h0 + 1),
            _ => {
                if let Some((h, m2, e, _)) = self.clock(h0) {
                    // "9 to 10:30" is a range, not nine minutes before it
                    if m2 != 0 || self.low(h0 + 1) == ":" {
                        return None;
                    }
                    (h, e)
                } else {
                    let a = self.amount(h0, false)?;
                    let v = a.value?;
                    if a.article || a.ordinal || v.fract() != 0.0 || !(1.0..=12.0).contains(&v) {
                        return None;
                    }
                    let mut e = a.end;
                    if let Some(e2) = self.oclock_at(e) {
                        e = e2;
                    }
                    (v as u32, e)
                }
            }
        };
        // "five to ten" is a range unless something makes it a clock time
        let named_minutes = matches!(self.word(i), "half" | "quarter" | "a")
            || matches!(self.word(k - 1), "min" | "mins" | "minute" | "minutes");
        let clocked = matches!(self.word(h0), "noon" | "midday" | "midnight")
            || self.oclock_at(e).is_some()
            || matches!(self.word(e - 1), "clock" | "oclock" | "pm" | "am" | "p.m." | "a.m." | "p.m" | "a.m")
            || self.low(h0 + 1) == ":";
        // "10 past 9" is a time; "5 to 10" is not
        if !named_minutes && !clocked && (before || !self.is_num(i) || !self.is_num(h0)) {
            return None;
        }
        let mut total = if before { (h * 60 + 24 * 60 - mins) % (24 * 60) } else { h * 60 + mins };
        let mut e = e;
        // "20 min past eight in the evening"
        if self.word(e) == "in" && self.word(e + 1) == "the" && total < 12 * 60 {
            match self.word(e + 2) {
                "morning" => e += 3,
                "afternoon" | "evening" => {
                    total += 12 * 60;
                    e += 3;
                }
                _ => {}
            }
        }
        let mut c = Candidate::new(i, e, Kind::Time);
        c.iso = Some(Temporal::clock(total / 60, total % 60));
        Some(c)
    }

    fn is_clock_colon(&self, i: usize) -> bool {
        self.low(i + 1) == ":"
            && self.glued(i + 1)
            && self.glued(i + 2)
            && self.low(i + 2).len() == 2
            && self.plain_int(i + 2)
    }

    /// A clock time at `i`: (hour 0-23, minute, end, whether am/pm or o'clock said so). The
    /// steps, in order: "12 noon" and "12 midnight" (`twelve_noon`, settled by themselves); the
    /// hour and minutes in digits (`digit_clock`: "3", "15:30", "2.15pm", "1140 a.m.") or in
    /// words (`word_clock`: "ten thirty am", "at five-thirty"); then am/pm or o'clock after them
    /// (`half_of_day`: "3pm" is 15:00); then a time zone (`time_zone_end`: "10 a.m. EDT"), read
    /// only where am/pm, o'clock or a colon made it a clock time.
    fn clock(&self, i: usize) -> Option<(u32, u32, usize, bool)> {
        if let Some(noon) = self.twelve_noon(i) {
            return Some(noon);
        }
        let (h, mi, e) = if self.is_num(i) { self.digit_clock(i)? } else { self.word_clock(i)? };
        if h > 24 || mi > 59 {
            return None;
        }
        let (h, e, said) = self.half_of_day(h, e)?;
        let e = if said || self.low(i + 1) == ":" { self.time_zone_end(e) } else { e };
        Some((h, mi, e, said))
    }

    /// "12 noon" (12:00) and "12 midnight" (00:00), a clock time by themselves.
    fn twelve_noon(&self, i: usize) -> Option<(u32, u32, usize, bool)> {
        if !self.is_num(i) || self.low(i) != "12" || self.letters_glued_before(i) {
            return None;
        }
        match self.word(i + 1) {
            "noon" => Some((12, 0, i + 2, true)),
            "midnight" => Some((0, 0, i + 2, true)),
            _ => None,
        }
    }

    /// The hour and minutes of a clock time in digits at `i`, and where they end: "2.15pm" (a
    /// decimal only with am/pm after it), "0730-0930" and "1140 a.m." (`run_together_clock`), an
    /// hour of one or two digits ("3", "15") with minutes after a colon ("15:30") and seconds,
    /// read past ("15:30:45"). Not after glued letters ("A380") nor with a comma ("1,200").
    fn digit_clock(&self, i: usize) -> Option<(u32, u32, usize)> {
        let s = &self.t[i].low;
        if self.letters_glued_before(i) || s.contains(',') {
            return None;
        }
        if let Some((a, b)) = s.split_once('.') {
            if b.len() != 2 {
                return None;
            }
            let (h, mi) = (a.parse().ok()?, b.parse().ok()?);
            self.ampm_at(i + 1)?;
            return Some((h, mi, i + 1));
        }
        if self.run_together_clock(i) {
            let (h, mi) = s.split_at(s.len() - 2);
            return Some((h.parse().ok()?, mi.parse().ok()?, i + 1));
        }
        if s.len() > 2 {
            return None;
        }
        let h = s.parse().ok()?;
        let (mut mi, mut e) = (0, i + 1);
        if self.low(e) == ":"
            && self.glued(e)
            && self.plain_int(e + 1)
            && self.glued(e + 1)
            && self.t[e + 1].low.len() == 2
        {
            mi = self.t[e + 1].low.parse().ok()?;
            e += 2;
            if self.low(e) == ":" && self.glued(e) && self.plain_int(e + 1) && self.t[e + 1].low.len() == 2 {
                e += 2;
            }
        }
        Some((h, mi, e))
    }

    /// Hours and minutes run together in three or four digits at `i`: four after "between",
    /// alone or dashed to four more ("between 0730-0930"; not "between 1000 hours"), or three or
    /// four with am/pm or a part of the day after them ("1140 a.m.", "930 in the morning"). A
    /// single letter is not enough: "450p a share" is pence.
    fn run_together_clock(&self, i: usize) -> bool {
        let s = &self.t[i].low;
        let between = s.len() == 4
            && (!self.glued(i + 1)
                || (is_dash(self.low(i + 1)) && self.plain_int(i + 2) && self.t[i + 2].low.len() == 4))
            && self.word(i + 1) != "hours"
            && i > 0
            && self.word(i - 1) == "between";
        let half_of_day_after = (self.ampm_at(i + 1).is_some() && !matches!(self.word(i + 1), "a" | "p"))
            || (self.word(i + 1) == "in"
                && self.word(i + 2) == "the"
                && matches!(self.word(i + 3), "morning" | "afternoon" | "evening"));
        between || ((s.len() == 3 || s.len() == 4) && half_of_day_after)
    }

    /// A clock time in words at `i`: an hour from one to twelve, minutes in words
    /// (`word_minutes`), and something that makes it a clock time rather than a count: am/pm or
    /// o'clock after it ("ten thirty am", "nine o'clock"), a part of the day ("five in the
    /// morning", "eight tonight") or, for minutes joined by a hyphen, a word of time before or
    /// after it ("at five-thirty", "ten-fifteen tomorrow").
    fn word_clock(&self, i: usize) -> Option<(u32, u32, usize)> {
        let wn = self.parse_words(i)?;
        if wn.ordinal || wn.value.fract() != 0.0 || wn.value > 12.0 || wn.value < 1.0 {
            return None;
        }
        let (mi, e, hyphen_minutes) = self.word_minutes(wn.end);
        let part_of_day = (self.word(e) == "in"
            && self.word(e + 1) == "the"
            && matches!(self.word(e + 2), "morning" | "afternoon" | "evening"))
            || self.word(e) == "tonight";
        let clock_context = hyphen_minutes
            && ((i > 0 && Self::CLOCK_LEAD_INS.contains(&self.word(i - 1)))
                || matches!(self.word(e), "today" | "tomorrow" | "tonight" | "this" | "yesterday"));
        if self.ampm_at(e).is_none() && self.oclock_at(e).is_none() && !part_of_day && !clock_context {
            return None;
        }
        Some((wn.value as u32, mi, e))
    }

    /// Minutes in words after an hour that ends at `e`: (minutes, end, joined by a hyphen), or
    /// (0, `e`, false) when there are none. Spaced, only with am/pm after them ("ten thirty am",
    /// "nine fifty nine a m"); hyphenated, only where no word is glued after them
    /// ("five-thirty").
    fn word_minutes(&self, e: usize) -> (u32, usize, bool) {
        let minutes =
            |mw: &words::WordNum| !mw.ordinal && mw.value.fract() == 0.0 && (10.0..60.0).contains(&mw.value);
        if let Some(mw) = self.parse_words(e).filter(|mw| minutes(mw) && self.ampm_at(mw.end).is_some()) {
            return (mw.value as u32, mw.end, false);
        }
        if is_dash(self.low(e)) && self.glued(e) && self.glued(e + 1) {
            let alone = |mw: &words::WordNum| !(self.glued(mw.end) && self.t[mw.end].kind != TokKind::Punct);
            if let Some(mw) = self.parse_words(e + 1).filter(|mw| minutes(mw) && alone(mw)) {
                return (mw.value as u32, mw.end, true);
            }
        }
        (0, e, false)
    }

    /// Am/pm or o'clock after an hour `h` that ends at `e`: (hour 0-23, end, whether one was
    /// there). "3pm" is 15:00, "12 am" 00:00; "13 pm" and "0 am" are no clock time (`None`);
    /// "3 oclock am" takes both.
    fn half_of_day(&self, h: u32, e: usize) -> Option<(u32, usize, bool)> {
        if let Some((pm, e2)) = self.ampm_at(e) {
            if h > 12 || h == 0 {
                return None;
            }
            return Some((Self::hour_24(h, pm), e2, true));
        }
        let Some(e2) = self.oclock_at(e) else {
            return Some((h, e, false));
        };
        let ampm = self.ampm_at(e2).or(match self.word(e2) {
            "am" => Some((false, e2 + 1)),
            "pm" => Some((true, e2 + 1)),
            _ => None,
        });
        Some(match ampm.filter(|_| (1..=12).contains(&h)) {
            Some((pm, e3)) => (Self::hour_24(h, pm), e3, true),
            None => (h, e2, true),
        })
    }

    /// The hour on a 24-hour clock of an hour from 1 to 12, am or pm: "3 pm" is 15, "12 am" 0,
    /// "12 pm" 12.
    fn hour_24(h: u32, pm: bool) -> u32 {
        if pm && h < 12 {
            h + 12
        } else if !pm && h == 12 {
            0
        } else {
            h
        }
    }

    /// Where a time zone after a clock time at `e` ends: "EDT", "GMT" (as written,
    /// `TIME_ZONES`), "local time", or a lower-case zone that is no English word ("8:00 gmt",
    /// `LOWER_CASE_ZONES`); `e` itself when there is none.
    fn time_zone_end(&self, e: usize) -> usize {
        let Some(tz) = self.t.get(e) else {
            return e;
        };
        if tz.kind == TokKind::Word && Self::TIME_ZONES.contains(&self.raw(e)) {
            e + 1
        } else if tz.low == "local" && self.word(e + 1) == "time" {
            e + 2
        } else if tz.kind == TokKind::Word && Self::LOWER_CASE_ZONES.contains(&self.raw(e)) {
            e + 1
        } else {
            e
        }
    }

    /// Words before an hour in words that make it a clock time with hyphenated minutes: "at
    /// five-thirty", "until ten-fifteen" (sorted).
    const CLOCK_LEAD_INS: &'static [&'static str] =
        &["about", "after", "around", "at", "before", "by", "from", "till", "until"];
    /// Time zones as written after a clock time: "10 a.m. EDT" (sorted).
    const TIME_ZONES: &'static [&'static str] = &[
        "AEDT", "AEST", "BST", "CDT", "CEST", "CET", "CST", "EDT", "EST", "ET", "GMT", "HKT", "IST", "JST",
        "MDT", "MST", "PDT", "PST", "PT", "SGT", "UTC",
    ];
    /// Time zones in lower case that are no English word: "8:00 gmt" (sorted; not "est", "ist").
    const LOWER_CASE_ZONES: &'static [&'static str] =
        &["cdt", "cst", "edt", "gmt", "mdt", "mst", "pdt", "pst", "utc"];

    /// am/pm after a clock number: "pm", "p.m.", "PM", "p. m.".
    fn ampm_at(&self, e: usize) -> Option<(bool, usize)> {
        let w = self.word(e);
        // "9.am": a stray period between the hour and "am"
        if self.low(e) == "." && self.glued(e) && self.glued(e + 1) && matches!(self.word(e + 1), "am" | "pm")
        {
            return self.ampm_at(e + 1);
        }
        // "7p", "9:00a": one letter glued to a time after "at", or to minutes
        if matches!(w, "a" | "p")
            && self.glued(e)
            && e >= 2
            && self.is_num(e - 1)
            && (!self.glued(e + 1) || matches!(self.low(e + 1), "." | "," | "!" | "?" | ";" | ")"))
            && (self.low(e - 2) == ":"
                || matches!(self.word(e - 2), "at" | "by" | "until" | "till" | "before" | "after"))
        {
            return Some((w == "p", e + 1));
        }
        // "3:30 p m", "nine fifty nine a m": the letters spaced, right after the clock
        if matches!(w, "a" | "p")
            && self.word(e + 1) == "m"
            && e >= 1
            && (self.is_num(e - 1) || self.parse_words(e - 1).is_some())
            && self.t.get(e + 2).is_none_or(|t| t.kind == TokKind::Punct)
        {
            return Some((w == "p", e + 2));
        }
        let r = match w {
            "pm" | "p.m." | "p.m" => Some(true),
            "am" | "a.m." | "a.m" => Some(false),
            _ => None,
        }?;
        // "am" spaced and lower-case could be the verb ("I am"): require glued or dotted or caps
        if w == "am" && !self.glued(e) && self.raw(e) == "am" {
            // ... unless it follows minutes: "7:56:30 am", "9:30 am"
            let after_minutes = e >= 2 && self.is_num(e - 1) && self.low(e - 2) == ":";
            // "at 9 am", "before 11 am", "Thursday 9 am", "at three am"
            let time_before = e >= 2
                && (matches!(
                    self.word(e - 2),
                    "at" | "by"
                        | "before"
                        | "after"
                        | "until"
                        | "till"
                        | "from"
                        | "since"
                        | "around"
                        | "about"
                ) || weekday(self.word(e - 2)).is_some());
            // "ten thirty am": an hour and minutes in words
            let word_clock = e >= 2
                && words::tens_word(self.word(e - 1)).is_some()
                && words::unit_word(self.word(e - 2))
                    .or(words::tens_word(self.word(e - 2)))
                    .is_some_and(|h| (1.0..=12.0).contains(&h));
            if !after_minutes && !time_before && !word_clock {
                return None;
            }
        }
        let mut end = e + 1;
        if (w == "p.m" || w == "a.m") && self.low(end) == "." && self.glued(end) {
            end += 1;
        }
        Some((r, end))
    }

    fn oclock_at(&self, e: usize) -> Option<usize> {
        if self.word(e) == "oclock" {
            return Some(e + 1);
        }
        if self.word(e) == "o" && is_apostrophe(self.low(e + 1)) && self.word(e + 2) == "clock" {
            return Some(e + 3);
        }
        None
    }
}

fn adjust_like(h: u32, h2: u32) -> u32 {
    // "3-4pm": the first hour shares the second's half of the day
    if h2 >= 12 && h < 12 && h + 12 <= h2 {
        h + 12
    } else {
        h
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word lists of the date and clock steps are sorted and have no repeats.
    #[test]
    fn word_lists_are_sorted_without_repeats() {
        for list in [
            Parser::RELATIVE_AFTER_THE,
            Parser::RELATIVE_BARE,
            Parser::KINDS_OF_YEAR,
            Parser::IN_A_ROW,
            Parser::DAY_FOLLOWERS,
            Parser::DECADE_WORDS,
            Parser::HABITUAL_DAYS,
            Parser::PERIODIC_WORDS,
            Parser::SPRING_LEAD_INS,
            Parser::CLOCK_LEAD_INS,
            Parser::TIME_ZONES,
            Parser::LOWER_CASE_ZONES,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }
}
