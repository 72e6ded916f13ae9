//! Durations and ages (`newsmark/2`): a length of time the grammar has read as a date or time
//! ("three months", "a 15-year sentence", "two hours") gets its count back as `value`, its unit
//! as a word (`year` … `second`) and an ISO 8601 duration as `iso` ("P3M", "P15Y", "PT2H");
//! a person's or thing's age ("60 years old", "eighteen months of age", "a 7-year-old",
//! "Arthur Hatch, 59,", "age 59") is kind `age` with its value and unit.
//!
//! The grammar finds these spans as before (`units::unit` gives their unit class) and keeps the
//! count internally; this step, run once on each finished expression, only decides what the
//! span is. It never changes a span, so the number layer finds exactly what it found before.
//!
//! A length of time anchored to the time of writing stays a date with no value: "three months
//! ago", "two years later", "the past two years", "the next three days" (a period of the
//! calendar, not an amount of time).

use super::temporal::{Duration, Temporal};
use super::{units, Candidate, Kind, Parser};

/// Words that, inside the span, anchor a length of time to the calendar ("two years ago",
/// "the past two years"): the span stays a date. Sorted.
const ANCHORS: &[&str] = &[
    "ago",
    "ahead",
    "coming",
    "earlier",
    "final",
    "first",
    "following",
    "hence",
    "last",
    "later",
    "next",
    "past",
    "preceding",
    "previous",
    "prior",
    "recent",
    "since",
    "these",
    "this",
    "upcoming",
];

/// Words that open an age given after them ("age 59", "aged 30", "at the age of 7"). Sorted.
const AGE_OPENERS: &[&str] = &["age", "aged"];

/// The wire unit of an internal duration symbol. Units the wire does not name ("decade",
/// "night", "quarter") are no duration: they stay dates.
fn wire_unit(sym: &str) -> Option<&'static str> {
    Some(match sym {
        "yr" => "year",
        "mo" => "month",
        "wk" => "week",
        "d" => "day",
        "h" => "hour",
        "min" => "minute",
        "s" => "second",
        _ => return None,
    })
}

/// How many of the next smaller unit make one of `unit`, where that is exact ("1 hour and 30
/// minutes" = 90 minutes); a year is no whole number of days.
fn smaller(unit: &str) -> Option<(&'static str, f64)> {
    Some(match unit {
        "year" => ("month", 12.0),
        "week" => ("day", 7.0),
        "day" => ("hour", 24.0),
        "hour" => ("minute", 60.0),
        "minute" => ("second", 60.0),
        _ => return None,
    })
}

/// Run on every finished expression: a date or time that is a length of time becomes a
/// `duration` or an `age`.
pub(crate) fn classify(p: &Parser, c: &mut Candidate) {
    if !matches!(c.kind, Kind::Date | Kind::Time) {
        return;
    }
    if let Some(v) = opened_age(p, c) {
        c.kind = Kind::Age;
        c.value = Some(v);
        c.unit = Some("year");
        c.iso = None;
        return;
    }
    let (Some(sym), Some(v)) = (c.unit, c.value) else { return };
    let Some(unit) = wire_unit(sym) else { return };
    if (c.s..c.e).any(|k| ANCHORS.binary_search(&p.word(k)).is_ok()) {
        return;
    }
    if is_age(p, c) {
        c.kind = Kind::Age;
        c.unit = Some(unit);
        c.iso = None;
        return;
    }
    let parts = parts(p, c, v, sym);
    c.kind = Kind::Duration;
    c.iso = if c.to.is_none() { iso(&parts) } else { None };
    if parts.len() == 1 {
        c.unit = Some(unit);
        return;
    }
    // several units: the value in the smallest, where each larger one converts exactly
    // ("1 hour and 30 minutes" = 90 minutes, like "7 feet 10 inches" = 94 inches)
    let (mut total, mut unit) = (parts[0].0, parts[0].1);
    for &(v2, u2) in &parts[1..] {
        let mut t = total;
        let mut u = unit;
        while u != u2 {
            let Some((next, factor)) = smaller(u) else {
                c.value = None;
                c.unit = None;
                return;
            };
            t *= factor;
            u = next;
        }
        total = t + v2;
        unit = u2;
    }
    c.value = Some(total);
    c.unit = Some(unit);
}

/// The unit word `next` names a shorter unit than `prev` ("month" after "years"): the parts of
/// one duration go from the largest unit down ("2 years 1 month 21 days").
pub(crate) fn smaller_unit(next: &str, prev: &str) -> bool {
    const ORDER: &[&str] = &[
        "century",
        "decade",
        "yr",
        "semester",
        "quarter",
        "mo",
        "fortnight",
        "wk",
        "d",
        "night",
        "h",
        "min",
        "s",
    ];
    let rank = |w: &str| units::unit(w).and_then(|u| ORDER.iter().position(|&x| x == u.0));
    matches!((rank(next), rank(prev)), (Some(a), Some(b)) if a > b)
}

/// An age in years given after "age"/"aged": "age 59", "at the age of 7", "aged 30".
fn opened_age(p: &Parser, c: &Candidate) -> Option<f64> {
    if c.e < c.s + 2 || !p.plain_int(c.e - 1) {
        return None;
    }
    let opener = c.e - if p.word(c.e - 2) == "of" { 3 } else { 2 };
    if opener < c.s || AGE_OPENERS.binary_search(&p.word(opener)).is_err() {
        return None;
    }
    p.t[c.e - 1].low.parse::<f64>().ok()
}

/// "60 years old", "a 7-year-old", "eighteen months of age", and a bare age in apposition
/// ("Arthur Hatch, 59,": one number token counted in years).
fn is_age(p: &Parser, c: &Candidate) -> bool {
    let last = p.word(c.e - 1);
    last == "old"
        || (last == "age" && c.e >= 2 && p.word(c.e - 2) == "of")
        || (c.e == c.s + 1 && p.is_num(c.s) && c.unit == Some("yr"))
}

/// The (count, wire unit) parts of a duration: "2 years 1 month 21 days" has three. The first
/// is the candidate's own; the others follow as `compound_duration` in the grammar took them.
fn parts(p: &Parser, c: &Candidate, v: f64, sym: &str) -> Vec<(f64, &'static str)> {
    let mut out: Vec<(f64, &'static str)> = wire_unit(sym).map(|u| (v, u)).into_iter().collect();
    // the token after the first unit word
    let Some(mut k) = (c.s..c.e).find(|&k| units::unit(p.word(k)).is_some_and(|u| u.0 == sym)).map(|k| k + 1)
    else {
        return out;
    };
    while k < c.e {
        if p.low(k) == "," {
            k += 1;
        }
        if p.word(k) == "and" {
            k += 1;
        }
        let Some(a) = p.amount_in(k, false, false) else { break };
        let (Some(v2), true) = (a.value, a.end > k && a.end < c.e) else { break };
        let Some(u2) = units::unit(p.word(a.end)).and_then(|u| wire_unit(u.0)) else { break };
        out.push((v2, u2));
        k = a.end + 1;
    }
    out
}

/// ISO 8601 duration of the parts: "P3M", "P1Y6M", "PT1H30M", "P1.5Y". Weeks mixed with
/// other units are written as days (the standard has no "P1W3D").
fn iso(parts: &[(f64, &'static str)]) -> Option<Temporal> {
    const ORDER: [&str; 7] = ["year", "month", "week", "day", "hour", "minute", "second"];
    let mixed_weeks = parts.len() > 1 && parts.iter().any(|p| p.1 == "week");
    let mut slots: [Option<f64>; 7] = [None; 7];
    for &(v, unit) in parts {
        if !(v.is_finite() && v >= 0.0) {
            return None;
        }
        let (v, unit) = if mixed_weeks && unit == "week" { (v * 7.0, "day") } else { (v, unit) };
        let i = ORDER.iter().position(|&u| u == unit)?;
        slots[i] = Some(slots[i].unwrap_or(0.0) + v);
    }
    Some(Temporal::Duration(Duration { slots }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_without_repeats() {
        for list in [ANCHORS, AGE_OPENERS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn iso_durations() {
        assert_eq!(iso(&[(3.0, "month")]).map(|d| d.to_string()).as_deref(), Some("P3M"));
        assert_eq!(
            iso(&[(1.0, "hour"), (30.0, "minute")]).map(|d| d.to_string()).as_deref(),
            Some("PT1H30M")
        );
        assert_eq!(
            iso(&[(2.0, "year"), (1.0, "day"), (3.0, "hour")]).map(|d| d.to_string()).as_deref(),
            Some("P2Y1DT3H")
        );
        assert_eq!(iso(&[(2.0, "week"), (3.0, "day")]).map(|d| d.to_string()).as_deref(), Some("P17D"));
        assert_eq!(iso(&[(1.5, "year")]).map(|d| d.to_string()).as_deref(), Some("P1.5Y"));
    }
}
