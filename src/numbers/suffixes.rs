//! What follows an amount: a percent sign, a currency or a unit ("5%", "30 cents", "5 km").

use super::*;
use crate::text;

impl Parser<'_> {
    /// Percent, currency or unit after an amount ending at `k`. The steps run in order and the
    /// first that finds a suffix wins: percent, then money (pence, symbols, codes, words), then
    /// units.
    pub(super) fn suffix(&self, k: usize, amt: &Amount) -> Option<Suffix> {
        if let Some((sym, uc)) = amt.glued_unit {
            return Some(Suffix { end: k, kind: unit_class_kind(uc), unit: Some(sym), currency: None });
        }
        // "a percentage of", "a per cent rise": an article alone is no amount before a percent
        if amt.article && matches!(self.word(k), "percent" | "percentage" | "per" | "pct") {
            return None;
        }
        let found = self
            .percent_after(k, amt)
            .or_else(|| self.glued_pence(k, amt))
            .or_else(|| self.currency_symbol_after(k))
            .or_else(|| self.country_dollar_after(k, amt))
            .or_else(|| self.hyphenated_currency(k))
            .or_else(|| self.currency_code_after(k, amt))
            .or_else(|| self.currency_words(k, amt));
        if found.is_some() {
            return found;
        }
        // "three quarters of an hour", "half of a mile": the unit after "of a"
        if self.word(k) == "of"
            && matches!(self.word(k + 1), "a" | "an")
            && amt.value.is_some_and(|v| v > 0.0 && v < 1.0)
            && units::unit(self.word(k + 2)).is_some()
        {
            return self.unit_at(k + 2, amt, false);
        }
        self.bracketed_unit(k, amt).or_else(|| {
            // units, after an optional glued hyphen: "12-year", "2.5-mile"
            let hyph = self.t.get(k).is_some_and(|x| is_dash(&x.low) && !x.sp) && self.glued(k + 1);
            self.unit_at(if hyph { k + 1 } else { k }, amt, hyph)
        })
    }

    /// A percent: "5%", "5 per cent", "2 percentage points" (unit "pp"), "25pc", "5 percent".
    fn percent_after(&self, k: usize, amt: &Amount) -> Option<Suffix> {
        let l = self.low(k);
        if l == "%" || l == "٪" {
            return Some(percentage(k + 1, None));
        }
        match (self.word(k), self.word(k + 1)) {
            ("per", "cent") => Some(percentage(k + 2, None)),
            ("percentage", "point" | "points") => Some(percentage(k + 2, Some("pp"))),
            // "25pc": per cent in British newspapers, glued to the number
            ("pc", _)
                if self.glued(k)
                    && !amt.word
                    && self.t.get(k + 1).is_none_or(|n| n.sp || n.kind == TokKind::Punct) =>
            {
                Some(percentage(k + 1, None))
            }
            ("percent" | "pct" | "percentage" | "percents", _) => Some(percentage(k + 1, None)),
            _ => None,
        }
    }

    /// Pence glued to the amount: "450p a share", "99p"; not a video format ("1080p", "720p").
    fn glued_pence(&self, k: usize, amt: &Amount) -> Option<Suffix> {
        let pence = self.raw(k) == "p"
            && self.glued(k)
            && !amt.word
            && amt.glued_unit.is_none()
            && amt.value.is_some_and(|v| {
                v > 0.0
                    && v < 100_000.0
                    && !matches!(v as u32, 240 | 360 | 480 | 720 | 1080 | 1440 | 2160 | 4320)
            })
            && self.t.get(k + 1).is_none_or(|n| n.sp || (n.kind == TokKind::Punct && !is_dash(&n.low)));
        pence.then(|| Suffix { end: k + 1, kind: Kind::Money, unit: Some("p"), currency: Some("GBP") })
    }

    /// A currency symbol after the number: "10$", "20 €", "100,000 ₭"; when digits follow, only
    /// glued ("5 $ 10" leaves the "$" to the 10).
    fn currency_symbol_after(&self, k: usize) -> Option<Suffix> {
        let code = units::currency_symbol(self.low(k))?;
        (!self.is_num(k + 1) || self.glued(k)).then(|| money(k + 1, code))
    }

    /// A dollar symbol with its country after the number: "3.14US$", "5 HK$".
    fn country_dollar_after(&self, k: usize, amt: &Amount) -> Option<Suffix> {
        let t = self.t;
        let fits = !amt.article
            && !amt.word
            && !amt.few
            && t.get(k).is_some_and(|x| x.kind == TokKind::Word && x.cap)
            && !self.is_num(k + 2)
            && self.low(k + 1) == "$"
            && self.glued(k + 1)
            && self.raw(k).chars().all(|c| c.is_ascii_uppercase());
        if !fits {
            return None;
        }
        units::dollar_prefix(&t[k].low).map(|code| money(k + 2, code))
    }

    /// A currency word hyphenated to the amount: "90-cent", "one-yen", "billion-dollar".
    fn hyphenated_currency(&self, k: usize) -> Option<Suffix> {
        let cw = self.word(k + 1);
        if !(is_dash(self.low(k)) && self.glued(k) && self.glued(k + 1) && HYPHEN_CURRENCIES.contains(&cw)) {
            return None;
        }
        let code = units::currency_word(cw).unwrap_or("GBP");
        let unit = if cw == "cent" { Some("¢") } else { None };
        Some(Suffix { end: k + 2, kind: Kind::Money, unit, currency: Some(code) })
    }

    /// A currency code after the number: "50 million USD", "10MNT"; not "3 USD50 cards", where
    /// the code belongs to the digits glued after it, nor "five LE" (Egyptian pounds only in
    /// digits).
    fn currency_code_after(&self, k: usize, amt: &Amount) -> Option<Suffix> {
        if !self.t.get(k).is_some_and(|x| x.kind == TokKind::Word) {
            return None;
        }
        let raw = self.raw(k);
        let code = units::currency_code(raw).or(units::million_code(raw))?;
        ((raw != "LE" || !amt.word) && !(self.is_num(k + 1) && self.glued(k + 1))).then(|| money(k + 1, code))
    }

    /// Currency words, with a nationality of up to two words before them: "30 cents",
    /// "5 million Canadian dollars", "10 Hong Kong dollars", "5 pounds sterling".
    fn currency_words(&self, k: usize, amt: &Amount) -> Option<Suffix> {
        (0..3).find_map(|adj_len| {
            let cw = k + adj_len;
            let code = self.currency_word_at(cw, adj_len, amt)?;
            Some(self.currency_words_end(cw, code))
        })
    }

    /// The currency code of the word at `cw` after `adj_len` nationality words, when it is money
    /// there. Words that are also common English need support: "pounds" a scale, "sterling" or a
    /// British adjective ("5 pounds" is a weight); "won", "real", "mark", "rand" a scale or a
    /// nationality ("they won", "two real options"). Two-word nationalities are the few listed
    /// ("Hong Kong", "New Zealand", "South African", "Sri Lankan", "New Taiwan").
    fn currency_word_at(&self, cw: usize, adj_len: usize, amt: &Amount) -> Option<&'static str> {
        let word = self.word(cw);
        let code = match units::currency_word(word) {
            Some(c) => c,
            None if word == "pounds" || word == "pound" => {
                let money = amt.scaled
                    || self.word(cw + 1) == "sterling"
                    || (adj_len > 0 && units::currency_adjective(self.word(cw - 1), "GBP").is_some());
                if !money {
                    return None;
                }
                "GBP"
            }
            None => return None,
        };
        if word == "won" && !(amt.scaled || adj_len > 0) {
            return None;
        }
        if (word == "real" || word == "mark" || word == "rand") && adj_len == 0 && !amt.scaled {
            return None;
        }
        if adj_len == 0 {
            return Some(code);
        }
        let c = units::currency_adjective(self.word(cw - 1), code)?;
        if adj_len == 2 && !matches!(self.word(cw - 1), "kong" | "zealand" | "african" | "lankan" | "taiwan")
        {
            return None;
        }
        Some(c)
    }

    /// The money suffix for the currency word at `cw`, taking in "sterling" and a code after it
    /// ("5 pounds sterling", "10 dollars USD"); cents and pence keep their unit ("¢", "p").
    fn currency_words_end(&self, cw: usize, code: &'static str) -> Suffix {
        let mut end = cw + 1;
        if self.word(end) == "sterling" {
            end += 1;
        }
        if self.t.get(end).is_some_and(|x| x.kind == TokKind::Word)
            && units::currency_code(self.raw(end)).is_some()
        {
            end += 1;
        }
        let unit = match self.word(cw) {
            "cent" | "cents" => Some("¢"),
            "pence" => Some("p"),
            _ => None,
        };
        Suffix { end, kind: Kind::Money, unit, currency: Some(code) }
    }

    /// A unit symbol in brackets after the number: "20 (kg)", "20 {kg}", "20 <kg>".
    fn bracketed_unit(&self, k: usize, amt: &Amount) -> Option<Suffix> {
        let close = match self.low(k) {
            "(" => ")",
            "{" => "}",
            "<" => ">",
            _ => return None,
        };
        if amt.word
            || !self.glued(k + 1)
            || !self.glued(k + 2)
            || self.low(k + 2) != close
            || !units::unit(self.word(k + 1)).is_some_and(|(_, _, sym)| sym)
        {
            return None;
        }
        let sfx = self.unit_at(k + 1, amt, false).filter(|x| x.end == k + 2 && x.kind == Kind::Quantity)?;
        Some(Suffix { end: k + 3, ..sfx })
    }

    /// The unit starting at token `u` after an amount: "5 km", "three straight years", "9\"".
    /// `hyph` says a glued hyphen stood before it ("12-year"). The steps run in order and the
    /// first that decides, decides: marks and signs, span adjectives, whole phrases, prefixes,
    /// glued symbols, the unit itself, the readings that are no measure, then what follows it.
    pub(super) fn unit_at(&self, u: usize, amt: &Amount, hyph: bool) -> Option<Suffix> {
        let w = self.word(u);
        if w.is_empty() {
            return self.degree_sign(u).or_else(|| self.inch_or_foot_mark(u, amt, hyph));
        }
        // "three straight years", "five working days": the adjective belongs to the span
        if SPAN_ADJECTIVES.contains(&w) && !amt.article && self.is_span_unit(u + 1) {
            return self.unit_at(u + 1, amt, false);
        }
        if let Some(sfx) = self.phrase_unit(u) {
            return Some(sfx);
        }
        let (pre, uw) = self.unit_prefix(u);
        if let Some(sfx) = self.picometres(uw, amt).or_else(|| self.inverse_second(uw, amt)) {
            return Some(sfx);
        }
        let (sym, uc, abbr) = self.lookup_unit(uw, amt)?;
        if self.rejects_unit(u, uw, abbr, amt, hyph) {
            return None;
        }
        if let Some(sfx) = self.capital_celsius(uw, amt) {
            return Some(sfx);
        }
        self.unit_tail(sym, uc, pre, uw)
    }

    /// A degree sign, with its scale when one follows: "30°C", "30° Celsius", "a 90° turn".
    fn degree_sign(&self, u: usize) -> Option<Suffix> {
        if !matches!(self.low(u), "°" | "º") {
            return None;
        }
        let (sym, end) = match self.raw(u + 1) {
            "C" | "c" => ("°C", u + 2),
            "F" | "f" => ("°F", u + 2),
            _ => match self.word(u + 1) {
                "celsius" | "centigrade" => ("°C", u + 2),
                "fahrenheit" => ("°F", u + 2),
                _ => ("°", u + 1),
            },
        };
        Some(quantity(end, sym))
    }

    /// Inch and foot marks glued to the number: 9", 2½', 6′2″. A straight mark may also close a
    /// quotation ('"I paid 5" he said'), so it counts only when the same marks before it on its
    /// line are paired; a prime (″ ′) is never a quote mark.
    fn inch_or_foot_mark(&self, u: usize, amt: &Amount, hyph: bool) -> Option<Suffix> {
        let l = self.low(u);
        if u == 0 || hyph || !self.glued(u) || amt.word || !matches!(l, "\"" | "″" | "'" | "′") {
            return None;
        }
        // the mark ends the number: not 5"" or 5''
        let end_ok = self.t.get(u + 1).is_none_or(|n| n.sp || (n.kind == TokKind::Punct && n.low != l));
        let prime = matches!(l, "″" | "′");
        let ch = l.chars().next().unwrap_or(' ');
        if !(end_ok && (prime || self.marks_paired_before(amt.s, ch))) {
            return None;
        }
        let sym = if matches!(l, "\"" | "″") { "in" } else { "ft" };
        Some(quantity(u + 1, sym))
    }

    /// Whether the marks `ch` on the line before token `tok` are even in number, so a mark after
    /// the number opens nothing it could close. The look-back is bounded (200 bytes) to keep the
    /// parser linear. An apostrophe inside a word ("Hubble's", "don't") is not a quote mark.
    fn marks_paired_before(&self, tok: usize, ch: char) -> bool {
        let pos = self.t[tok].s;
        let mut from = pos.saturating_sub(200);
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        let window = &self.text[from..pos];
        let before = window.rsplit(text::is_line_break).next().unwrap_or(window);
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
        marks % 2 == 0
    }

    /// A span of days or of hours at `i` ("years", "hours"), the only units a span adjective
    /// may stand before: "three straight years", not "three full cups".
    fn is_span_unit(&self, i: usize) -> bool {
        matches!(units::unit(self.word(i)), Some((_, UnitClass::DateSpan | UnitClass::TimeSpan, _)))
    }

    /// Units written as a phrase with a symbol of their own: "British thermal units" (BTU),
    /// "deg C", "40 deg".
    fn phrase_unit(&self, u: usize) -> Option<Suffix> {
        match self.word(u) {
            "british" if self.word(u + 1) == "thermal" && matches!(self.word(u + 2), "unit" | "units") => {
                Some(quantity(u + 3, "BTU"))
            }
            "deg" => {
                let (sym, end) = match self.word(u + 1) {
                    "c" | "celsius" => ("°C", u + 2),
                    "f" | "fahrenheit" => ("°F", u + 2),
                    _ => ("°", u + 1),
                };
                Some(quantity(end, sym))
            }
            _ => None,
        }
    }

    /// A word that qualifies the unit after it: the prefix ("sq", "cu", "nmi", "ly" or none) and
    /// where the unit word is. "square miles" → ("sq", u + 1); "metric tons" → ("", u + 1): a
    /// metric ton is the tonne already; "light years" → ("ly", u + 1).
    fn unit_prefix(&self, u: usize) -> (&'static str, usize) {
        let next = self.word(u + 1);
        match self.word(u) {
            "square" | "sq" => ("sq", u + 1),
            "cubic" | "cu" => ("cu", u + 1),
            "metric" | "short" | "long" if matches!(next, "ton" | "tons" | "tonne" | "tonnes") => ("", u + 1),
            "nautical" if matches!(next, "mile" | "miles") => ("nmi", u + 1),
            "light" if matches!(next, "year" | "years") => ("ly", u + 1),
            _ => ("", u),
        }
    }

    /// Picometres after a decimal: "52.9 pm". Not after a whole number ("2 pm") nor after two
    /// decimals ("3.30 pm"): those are clock times.
    fn picometres(&self, uw: usize, amt: &Amount) -> Option<Suffix> {
        let is_pm = self.word(uw) == "pm"
            && !amt.plain
            && amt.value.is_some_and(|v| v.fract() != 0.0)
            && self.t[uw - 1].low.split('.').nth(1).is_none_or(|f| f.len() != 2);
        is_pm.then(|| quantity(uw + 1, "pm"))
    }

    /// An inverse second (a frequency) in digits: "4e14 s-1", "3 s⁻¹"; not "5 s-10", a code.
    fn inverse_second(&self, uw: usize, amt: &Amount) -> Option<Suffix> {
        if self.raw(uw) != "s" || amt.word || amt.article || !self.glued(uw + 1) || !self.glued(uw + 2) {
            return None;
        }
        let inv = (is_dash(self.low(uw + 1)) && self.low(uw + 2) == "1" && !self.glued(uw + 3))
            || (self.low(uw + 1) == "⁻" && self.low(uw + 2) == "¹");
        inv.then(|| quantity(uw + 3, "s⁻¹"))
    }

    /// The unit word at `uw` as (symbol, class, is an abbreviation): from the unit list, else a
    /// short case-sensitive symbol written apart from digits.
    fn lookup_unit(&self, uw: usize, amt: &Amount) -> Option<(&'static str, UnitClass, bool)> {
        units::unit(self.word(uw)).or_else(|| self.symbol_apart(uw, amt))
    }

    /// Short symbols written apart from the number, case-sensitive because they are also words or
    /// initials: "5 m", "278,000 t", "2 l", "66 Ma ago". Never after a number in words or an
    /// article ("a m", "two t").
    fn symbol_apart(&self, uw: usize, amt: &Amount) -> Option<(&'static str, UnitClass, bool)> {
        if amt.word || amt.article {
            return None;
        }
        let raw = self.raw(uw);
        let next = self.t.get(uw + 1);
        let sym = match raw {
            "m" => "m",
            "t" => "t",
            "g" => "g",
            "l" | "L" => "l",
            "h" => return Some(("h", UnitClass::TimeSpan, true)),
            "in" => "in",
            // geological time (mega-/giga-annum) and joule-seconds: "66 Ma ago", "45 Js"; not
            // before a capitalised word, where they are initials ("5 Ma Ying-jeou")
            "Ma" | "Myr" if next.is_none_or(|n| !(n.kind == TokKind::Word && n.cap)) => "Ma",
            "Ga" | "Gyr" if next.is_none_or(|n| !(n.kind == TokKind::Word && n.cap)) => "Ga",
            "Js" if next.is_none_or(|n| !(n.kind == TokKind::Word && n.cap)) => "J·s",
            "C" if next.is_none_or(|n| n.kind == TokKind::Punct || n.sp) => "°C",
            // "100F", glued to the number ("(100F)", "a low of 10F.")
            "F" if self.glued(uw) && next.is_none_or(|n| n.kind == TokKind::Punct && !is_dash(&n.low)) => {
                "°F"
            }
            _ => return None,
        };
        Some((sym, UnitClass::Quantity, true))
    }

    /// Readings of a found unit that are no measure, in order; any one rejects it.
    fn rejects_unit(&self, u: usize, uw: usize, abbr: bool, amt: &Amount, hyph: bool) -> bool {
        let w = self.word(uw);
        // "three night markets": a singular "night" after a count other than one is an
        // attribute ("a night table", "a night when ...": "a night" alone is no count of nights)
        (w == "night" && !hyph && (amt.value != Some(1.0) || amt.article))
            // "a few MB", "a bit": an article counts only spelled-out units ("a mile")
            || ((amt.article || amt.few) && (abbr || matches!(w, "bit" | "bits" | "byte")))
            || self.is_rate_article(uw, amt)
            || self.is_inches_mid_clause(uw, amt)
            // "quarter" as a unit only in "a quarter", never "3 quarters" (fractions are read as
            // words) ... unless counted as periods: "16 consecutive quarters"
            || (matches!(w, "quarter" | "quarters" | "semester" | "semesters") && !self.counts_periods(uw, amt))
            // "second" after an amount is a unit only when it agrees in number or is hyphenated:
            // "1 second", "a 5-second delay"; after another count it is the ordinal ("2 second")
            || (w == "second" && !((amt.value == Some(1.0) && !amt.article) || hyph))
            // "2 pm" is a time
            || self.raw(u) == "pm"
    }

    /// "$5 an hour", "2% a year": after an amount, "a"/"an" and a unit make a rate, not a
    /// duration; but "a year ago" is one.
    fn is_rate_article(&self, uw: usize, amt: &Amount) -> bool {
        let relative_after = matches!(self.word(uw + 1), "earlier" | "ago" | "later" | "before" | "after");
        if !amt.article || amt.s == 0 || relative_after {
            return false;
        }
        let p = amt.s - 1;
        let pw = self.word(p);
        self.is_num(p)
            || self.low(p) == "%"
            || units::currency_word(pw).is_some()
            || units::unit(pw).is_some()
            || words::scale_word(pw).is_some()
            || matches!(pw, "times" | "percent" | "cents" | "once" | "twice" | "pounds")
    }

    /// "in" (inches) only at the end of a clause ("a 5 in.", "5 in)"), never after a scale
    /// ("443 million in") or inside a clause ("5 in the morning").
    fn is_inches_mid_clause(&self, uw: usize, amt: &Amount) -> bool {
        if self.raw(uw) != "in" {
            return false;
        }
        let ends = self
            .t
            .get(uw + 1)
            .is_none_or(|n| n.kind == TokKind::Punct && matches!(n.low.as_ref(), "." | "," | ")" | ";"));
        amt.scaled || amt.word || !ends
    }

    /// Quarters and semesters counted as periods: "a quarter", "two quarters ago",
    /// "16 consecutive quarters"; "3 quarters" alone is a fraction.
    fn counts_periods(&self, uw: usize, amt: &Amount) -> bool {
        amt.article
            || amt.word
            || matches!(self.word(uw - 1), "consecutive" | "straight" | "successive")
            || matches!(self.word(uw + 1), "ago" | "later" | "earlier")
    }

    /// "30 C", "-10C": Celsius written in capitals, before punctuation or a space.
    fn capital_celsius(&self, uw: usize, amt: &Amount) -> Option<Suffix> {
        let is_c = self.raw(uw) == "C"
            && self.t.get(uw + 1).is_none_or(|n| n.kind == TokKind::Punct || n.sp)
            && !amt.word;
        is_c.then(|| quantity(uw + 1, "°C"))
    }

    /// What follows the unit word at `uw`, in order: a glued power ("km2"), the prefix read
    /// before it ("square miles"), a degree scale ("degrees Celsius"), a rate ("km/h"), an age
    /// ("years old"). None when the unit turns out to be part of a code ("24703 L-202").
    fn unit_tail(&self, sym: &'static str, uc: UnitClass, pre: &str, uw: usize) -> Option<Suffix> {
        let (sym, end) = self.glued_power(sym, uw + 1);
        if self.is_code_at(end) {
            return None;
        }
        let sym = with_prefix(pre, sym);
        let (sym, end) = self.degree_scale(sym, end);
        let (sym, end) = self.compound_rate(sym, end);
        let end = self.age_tail(uc, end);
        Some(Suffix { end, kind: unit_class_kind(uc), unit: Some(sym), currency: None })
    }

    /// "301,338 km2": a power glued to the unit, alone ("km23" is a code).
    fn glued_power(&self, sym: &'static str, end: usize) -> (&'static str, usize) {
        if self.glued(end) && matches!(self.low(end), "2" | "3") && !self.glued(end + 1) {
            if let Some(p) = metric_power(sym, self.low(end)) {
                return (p, end + 1);
            }
        }
        (sym, end)
    }

    /// Digits glued after the unit make it a code, not a measure: "24703 L-202", "24703 m212".
    fn is_code_at(&self, end: usize) -> bool {
        self.glued(end)
            && (self.is_num(end)
                || (is_dash(self.low(end))
                    && self.glued(end + 1)
                    && (self.is_num(end + 1) || self.t.get(end + 1).is_some_and(|t| t.cap))))
    }

    /// "40 degrees Celsius", "98.6 degrees F": the scale after a bare degree.
    fn degree_scale(&self, sym: &'static str, end: usize) -> (&'static str, usize) {
        if sym != "°" {
            return (sym, end);
        }
        match self.word(end) {
            "celsius" | "centigrade" | "c" => ("°C", end + 1),
            "fahrenheit" | "farenheit" | "f" => ("°F", end + 1),
            _ => (sym, end),
        }
    }

    /// Compound rates: "km/h", "miles per hour" (mph), "kb per second". A "per" with no rate of
    /// its own keeps the unit and takes in what it is per: "amps per square centimeter",
    /// "four times per week".
    fn compound_rate(&self, sym: &'static str, end: usize) -> (&'static str, usize) {
        let slash = self.low(end) == "/" && self.glued(end) && self.glued(end + 1);
        if !slash && self.word(end) != "per" {
            return (sym, end);
        }
        if let Some(r) = rate_symbol(sym, self.word(end + 1)) {
            return (r, end + 2);
        }
        if slash {
            return (sym, end);
        }
        let mut k = end + 1;
        if matches!(self.word(k), "square" | "sq" | "cubic") {
            k += 1;
        }
        if units::unit(self.word(k)).is_some() {
            return (sym, k + 1);
        }
        (sym, end)
    }

    /// A span of days or longer takes in what makes it an age or a distance in time:
    /// "N years old", "N years ago", "N-year-old", "18 years of age".
    fn age_tail(&self, uc: UnitClass, end: usize) -> usize {
        if uc != UnitClass::DateSpan {
            return end;
        }
        if matches!(self.word(end), "ago" | "earlier" | "later" | "old" | "hence") {
            end + 1
        } else if (self.low(end) == "-"
            && self.glued(end)
            && self.word(end + 1) == "old"
            && self.glued(end + 1))
            || (self.word(end) == "of" && self.word(end + 1) == "age")
        {
            end + 2
        } else {
            end
        }
    }
}

/// Adjectives that may stand between a count and a span of time, read past to the unit:
/// "three straight years", "five working days", "two more weeks". Sorted.
const SPAN_ADJECTIVES: &[&str] = &[
    "additional",
    "business",
    "calendar",
    "coming",
    "consecutive",
    "full",
    "further",
    "long",
    "more",
    "previous",
    "recent",
    "remaining",
    "school",
    "separate",
    "straight",
    "successive",
    "trading",
    "upcoming",
    "working",
];

/// Currency words that may be hyphenated to an amount ("90-cent", "billion-dollar"). Sorted.
const HYPHEN_CURRENCIES: &[&str] =
    &["cent", "dollar", "euro", "franc", "lira", "mark", "peso", "pound", "rupee", "yen", "yuan"];

/// A percent suffix ending at token `end`; `unit` "pp" for percentage points.
fn percentage(end: usize, unit: Option<&'static str>) -> Suffix {
    Suffix { end, kind: Kind::Percent, unit, currency: None }
}

/// A money suffix in currency `code`, ending at token `end`.
fn money(end: usize, code: &'static str) -> Suffix {
    Suffix { end, kind: Kind::Money, unit: None, currency: Some(code) }
}

/// A quantity suffix with a unit symbol, ending at token `end`.
fn quantity(end: usize, sym: &'static str) -> Suffix {
    Suffix { end, kind: Kind::Quantity, unit: Some(sym), currency: None }
}

/// The metric lengths squared ("2") or cubed ("3"): "km²", "m³". Other units keep their symbol.
fn metric_power(sym: &str, power: &str) -> Option<&'static str> {
    Some(match (sym, power) {
        ("km", "2") => "km²",
        ("m", "2") => "m²",
        ("cm", "2") => "cm²",
        ("km", "3") => "km³",
        ("m", "3") => "m³",
        ("cm", "3") => "cm³",
        _ => return None,
    })
}

/// The symbol with the prefix read before its word: "square km" → "km²", "square miles" →
/// "sq mi", "cubic feet" → "cu ft", "nautical miles" → "nmi", "light years" → "ly".
fn with_prefix(pre: &str, sym: &'static str) -> &'static str {
    match (pre, sym) {
        ("sq", "mi") => "sq mi",
        ("sq", "ft") => "sq ft",
        ("cu", "ft") => "cu ft",
        ("sq", _) => metric_power(sym, "2").unwrap_or(sym),
        ("cu", _) => metric_power(sym, "3").unwrap_or(sym),
        ("nmi", _) => "nmi",
        ("ly", _) => "ly",
        _ => sym,
    }
}

/// The rate symbol for a unit per a denominator word: ("km", "hour") → "km/h".
fn rate_symbol(sym: &str, den: &str) -> Option<&'static str> {
    Some(match (sym, den) {
        ("km", "h" | "hr" | "hour") => "km/h",
        ("mi", "hour" | "h" | "hr") => "mph",
        ("m", "s" | "sec" | "second") => "m/s",
        ("kB", "s" | "second") => "kB/s",
        ("MB", "s" | "second") => "MB/s",
        ("GB", "s" | "second") => "GB/s",
        ("l", "km") => "l/km",
        ("l", "100km") => "l/100km",
        ("bbl", "day" | "d") => "bbl/d",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_without_repeats() {
        for list in [SPAN_ADJECTIVES, HYPHEN_CURRENCIES] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn prefixes_and_powers_make_one_symbol() {
        assert_eq!(with_prefix("sq", "km"), "km²");
        assert_eq!(with_prefix("cu", "cm"), "cm³");
        assert_eq!(with_prefix("sq", "mi"), "sq mi");
        assert_eq!(with_prefix("sq", "km²"), "km²");
        assert_eq!(with_prefix("", "km"), "km");
        assert_eq!(metric_power("mi", "2"), None);
        assert_eq!(rate_symbol("mi", "hr"), Some("mph"));
        assert_eq!(rate_symbol("A", "square"), None);
    }
}
