//! What follows an amount: a percent sign, a currency or a unit ("5%", "30 cents", "5 km").

use super::*;
use crate::text;

impl Parser<'_> {
    /// Percent, currency or unit after an amount ending at `k`.
    pub(super) fn suffix(&self, k: usize, amt: &Amount) -> Option<Suffix> {
        let t = self.t;
        if let Some((sym, uc)) = amt.glued_unit {
            return Some(Suffix { end: k, kind: unit_class_kind(uc), unit: Some(sym), currency: None });
        }
        let w = self.word(k);
        let l = self.low(k);
        if amt.article && matches!(w, "percent" | "percentage" | "per" | "pct") {
            return None;
        }
        // percent
        if l == "%" || l == "٪" {
            return Some(Suffix { end: k + 1, kind: Kind::Percent, unit: None, currency: None });
        }
        match (w, self.word(k + 1)) {
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
                    && self.t.get(k + 1).is_none_or(|n| n.sp || n.kind == TokKind::Punct) =>
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
            && self.t.get(k + 1).is_none_or(|n| n.sp || (n.kind == TokKind::Punct && !is_dash(&n.low)))
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
            && t.get(k).is_some_and(|x| x.kind == TokKind::Word && x.cap)
            && !self.is_num(k + 2)
            && self.low(k + 1) == "$"
            && self.glued(k + 1)
            && self.raw(k).chars().all(|c| c.is_ascii_uppercase())
        {
            if let Some(code) = units::dollar_prefix(&t[k].low) {
                return Some(Suffix { end: k + 2, kind: Kind::Money, unit: None, currency: Some(code) });
            }
        }
        // "90-cent", "one-yen", "billion-dollar"
        if is_dash(l) && self.glued(k) && self.glued(k + 1) {
            let cw = self.word(k + 1);
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
        if t.get(k).is_some_and(|x| x.kind == TokKind::Word) {
            if let Some(code) = units::currency_code(self.raw(k)).or(units::million_code(self.raw(k))) {
                // "3 USD50 cards": the code belongs to the digits glued after it
                if (self.raw(k) != "LE" || !amt.word) && !(self.is_num(k + 1) && self.glued(k + 1)) {
                    return Some(Suffix { end: k + 1, kind: Kind::Money, unit: None, currency: Some(code) });
                }
            }
        }
        // currency words with an optional nationality: "5 million Canadian dollars"
        for (adj_len, cw) in [(0usize, k), (1, k + 1), (2, k + 2)] {
            let word = self.word(cw);
            let code = match units::currency_word(word) {
                Some(c) => c,
                None if word == "pounds" || word == "pound" => {
                    let money = amt.scaled
                        || self.word(cw + 1) == "sterling"
                        || (adj_len > 0 && units::currency_adjective(self.word(cw - 1), "GBP").is_some());
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
                match units::currency_adjective(self.word(cw - 1), code) {
                    Some(c) => {
                        if adj_len == 2
                            && !matches!(
                                self.word(cw - 1),
                                "kong" | "zealand" | "african" | "lankan" | "taiwan"
                            )
                        {
                            continue;
                        }
                        c
                    }
                    None => continue,
                }
            };
            let mut end = cw + 1;
            if self.word(end) == "sterling" {
                end += 1;
            }
            if t.get(end).is_some_and(|x| x.kind == TokKind::Word)
                && units::currency_code(self.raw(end)).is_some()
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
        if self.word(k) == "of"
            && matches!(self.word(k + 1), "a" | "an")
            && amt.value.is_some_and(|v| v > 0.0 && v < 1.0)
            && units::unit(self.word(k + 2)).is_some()
        {
            return self.unit_at(k + 2, amt, false);
        }
        // a unit symbol in brackets after the number: "20 (kg)", "20 {kg}", "20 <kg>"
        if !amt.word && matches!(self.low(k), "(" | "{" | "<") && self.glued(k + 1) && self.glued(k + 2) {
            let close = match self.low(k) {
                "(" => ")",
                "{" => "}",
                _ => ">",
            };
            if self.low(k + 2) == close && units::unit(self.word(k + 1)).is_some_and(|(_, _, sym)| sym) {
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

    pub(super) fn unit_at(&self, u: usize, amt: &Amount, hyph: bool) -> Option<Suffix> {
        let t = self.t;
        let w = self.word(u);
        if w.is_empty() {
            // degree sign
            let l = self.low(u);
            if l == "°" || l == "º" {
                let next = self.raw(u + 1);
                let (sym, end) = match next {
                    "C" | "c" => ("°C", u + 2),
                    "F" | "f" => ("°F", u + 2),
                    _ => match self.word(u + 1) {
                        "celsius" | "centigrade" => ("°C", u + 2),
                        "fahrenheit" => ("°F", u + 2),
                        _ => ("°", u + 1),
                    },
                };
                return Some(Suffix { end, kind: Kind::Quantity, unit: Some(sym), currency: None });
            }
            // inch and foot marks glued to the number: 9", 2½', 6′2″ (not a closing quote)
            if u > 0 && !hyph && self.glued(u) && !amt.word && matches!(l, "\"" | "″" | "'" | "′") {
                let end_ok =
                    self.t.get(u + 1).is_none_or(|n| n.sp || (n.kind == TokKind::Punct && n.low != l));
                // the quote marks before it on its line (a bounded look-back keeps this linear)
                let pos = self.t[amt.s].s;
                let mut from = pos.saturating_sub(200);
                while !self.text.is_char_boundary(from) {
                    from += 1;
                }
                let window = &self.text[from..pos];
                let before = window.rsplit(text::is_line_break).next().unwrap_or(window);
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
            && matches!(
                units::unit(self.word(u + 1)),
                Some((_, UnitClass::DateSpan | UnitClass::TimeSpan, _))
            )
        {
            return self.unit_at(u + 1, amt, false);
        }
        let raw = self.raw(u);
        // prefixes
        let (pre, uw) = match w {
            "square" | "sq" => ("sq", u + 1),
            "cubic" | "cu" => ("cu", u + 1),
            "metric" | "short" | "long"
                if matches!(self.word(u + 1), "ton" | "tons" | "tonne" | "tonnes") =>
            {
                ("", u + 1)
            }
            "nautical" if matches!(self.word(u + 1), "mile" | "miles") => ("nmi", u + 1),
            "light" if matches!(self.word(u + 1), "year" | "years") => ("ly", u + 1),
            "british" if self.word(u + 1) == "thermal" && matches!(self.word(u + 2), "unit" | "units") => {
                return Some(Suffix { end: u + 3, kind: Kind::Quantity, unit: Some("BTU"), currency: None })
            }
            "deg" => {
                let (sym, end) = match self.word(u + 1) {
                    "c" | "celsius" => ("°C", u + 2),
                    "f" | "fahrenheit" => ("°F", u + 2),
                    _ => ("°", u + 1),
                };
                return Some(Suffix { end, kind: Kind::Quantity, unit: Some(sym), currency: None });
            }
            _ => ("", u),
        };
        let uw_word = self.word(uw);
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
            let inv = (is_dash(self.low(uw + 1)) && self.low(uw + 2) == "1" && !self.glued(uw + 3))
                || (self.low(uw + 1) == "⁻" && self.low(uw + 2) == "¹");
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
                "m" => Some(("m", UnitClass::Quantity, true)),
                "t" => Some(("t", UnitClass::Quantity, true)),
                "g" => Some(("g", UnitClass::Quantity, true)),
                "l" | "L" => Some(("l", UnitClass::Quantity, true)),
                "h" => Some(("h", UnitClass::TimeSpan, true)),
                "in" => Some(("in", UnitClass::Quantity, true)),
                // geological time (mega-/giga-annum) and joule-seconds: "66 Ma ago", "45 Js"
                "Ma" | "Ga" | "Myr" | "Gyr" | "Js"
                    if self.t.get(uw + 1).is_none_or(|n| !(n.kind == TokKind::Word && n.cap)) =>
                {
                    let sym = match uraw {
                        "Ma" | "Myr" => "Ma",
                        "Ga" | "Gyr" => "Ga",
                        _ => "J·s",
                    };
                    Some((sym, UnitClass::Quantity, true))
                }
                "C" if self.t.get(uw + 1).is_none_or(|n| n.kind == TokKind::Punct || n.sp) => {
                    Some(("°C", UnitClass::Quantity, true))
                }
                // "100F", glued to the number ("(100F)", "a low of 10F.")
                "F" if self.glued(uw)
                    && self.t.get(uw + 1).is_none_or(|n| n.kind == TokKind::Punct && !is_dash(&n.low)) =>
                {
                    Some(("°F", UnitClass::Quantity, true))
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
            if matches!(self.word(k), "earlier" | "ago" | "later" | "before" | "after") {
                k += 1;
            }
            k > uw + 1
        };
        if amt.article && amt.s > 0 && !relative_after {
            let p = amt.s - 1;
            let pw = self.word(p);
            if self.is_num(p)
                || self.low(p) == "%"
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
            let ends = next
                .is_none_or(|n| n.kind == TokKind::Punct && matches!(n.low.as_ref(), "." | "," | ")" | ";"));
            if !ends {
                return None;
            }
        }
        // "quarter" as a unit only in "a quarter", never "3 quarters" (fractions handled in words)
        // ... unless counted as periods: "16 consecutive quarters"
        let counted_periods = amt.article
            || amt.word
            || matches!(self.word(uw - 1), "consecutive" | "straight" | "successive")
            || matches!(self.word(uw + 1), "ago" | "later" | "earlier");
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
        if uraw == "C" && self.t.get(uw + 1).is_none_or(|n| n.kind == TokKind::Punct || n.sp) && !amt.word {
            return Some(Suffix { end: uw + 1, kind: Kind::Quantity, unit: Some("°C"), currency: None });
        }
        let mut end = uw + 1;
        // "301,338 km2": a power glued to the unit
        if self.glued(end) && matches!(self.low(end), "2" | "3") && !self.glued(end + 1) {
            let sq = self.low(end) == "2";
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
                || (is_dash(self.low(end))
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
            match self.word(end) {
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
        let slash = self.low(end) == "/" && self.glued(end) && self.glued(end + 1);
        if slash || self.word(end) == "per" {
            let den = self.word(end + 1);
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
            } else if !slash && self.word(end) == "per" {
                // "amps per square centimeter", "four times per week": keep the unit, extend
                let mut k = end + 1;
                if matches!(self.word(k), "square" | "sq" | "cubic") {
                    k += 1;
                }
                if units::unit(self.word(k)).is_some() {
                    end = k + 1;
                }
            }
        }
        let _ = t;
        let kind = unit_class_kind(uc);
        // "N years old", "N years ago", "N-year-old"
        if uc == UnitClass::DateSpan {
            if matches!(self.word(end), "ago" | "earlier" | "later" | "old" | "hence") {
                end += 1;
            } else if (self.low(end) == "-"
                && self.glued(end)
                && self.word(end + 1) == "old"
                && self.glued(end + 1))
                || (self.word(end) == "of" && self.word(end + 1) == "age")
            {
                end += 2;
            }
        }
        Some(Suffix { end, kind, unit: Some(sym), currency: None })
    }
}
