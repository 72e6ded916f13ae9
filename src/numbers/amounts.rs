//! Amounts: digits or words with their scale ("3.5 million", "thirty-odd"), and the codes
//! that are no amounts ("G7", "3D").

use super::*;

impl Parser<'_> {
    /// Letters glued before the digits make it a name or code ("G7", "M5", "F-16", "COVID-19").
    pub(super) fn code_before(&self, i: usize) -> bool {
        if i == 0 || self.t[i].sp {
            return false;
        }
        let p = &self.t[i - 1];
        if p.kind == TokKind::Word {
            return true;
        }
        if p.low == "/" && i >= 2 && !p.sp && self.t[i - 2].kind == TokKind::Num {
            return true; // the second half of "90/10"
        }
        if p.kind == TokKind::Num {
            return true;
        }
        if is_dash(&p.low) && i >= 2 && !p.sp {
            let q = &self.t[i - 2];
            if q.kind == TokKind::Word && !matches!(q.low.as_ref(), "mid" | "pre" | "post" | "late" | "early")
            {
                return true;
            }
            if q.kind == TokKind::Num {
                return true;
            }
        }
        false
    }

    /// Letters glued after digits that make it a code ("3D", "4a", "24703L202").
    pub(super) fn code_after(&self, k: usize) -> bool {
        match self.t.get(k) {
            Some(t) if !t.sp => {
                if t.kind == TokKind::Word || t.kind == TokKind::Num {
                    return true;
                }
                // "3-D", "737-800"
                if is_dash(&t.low) {
                    if let Some(n) = self.t.get(k + 1) {
                        if !n.sp && n.kind == TokKind::Word && n.cap && self.text[n.s..n.e].len() <= 2 {
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
    pub(super) fn approx_suffix(&self, a: &mut Amount) {
        let k = a.end;
        if a.glued_unit.is_none()
            && is_dash(self.low(k))
            && self.glued(k)
            && self.glued(k + 1)
            && matches!(self.word(k + 1), "odd" | "some")
            && !(self.glued(k + 2)
                && self.t.get(k + 2).is_some_and(|t| t.kind != TokKind::Punct || is_dash(&t.low)))
        {
            a.end = k + 2;
            a.approx = true;
            a.plain = false;
        }
    }

    pub(super) fn amount(&self, i: usize, money: bool) -> Option<Amount> {
        self.amount_in(i, money, true)
    }

    pub(super) fn amount_in(&self, i: usize, money: bool, check: bool) -> Option<Amount> {
        let t = self.t;
        let (sign, j) = self.sign_at(i);
        let mut a = Amount { s: i, end: j, ..Amount::default() };
        if self.is_num(j) {
            return self.digit_amount(a, j, sign, money, check);
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
            a.scaled = (j..wn.end).any(|x| words::scale_word(self.word(x)).is_some());
            // "one point five million" handled inside; digits after words are not joined
            if !wn.ordinal && !wn.fraction {
                self.approx_suffix(&mut a);
            }
            return Some(a);
        }
        if sign < 0.0 {
            return None;
        }
        self.vague_amount(a, j)
    }

    /// A minus before an amount at `i` ("minus 5", "-5", "(−3", "convert - 20 degrees"): the sign
    /// and the token the amount itself starts at.
    fn sign_at(&self, i: usize) -> (f64, usize) {
        let t = self.t;
        let mut j = i;
        let mut sign = 1.0;
        let minus_word = matches!(self.word(j), "minus" | "negative")
            && (self.is_num(j + 1) || words::unit_word(self.word(j + 1)).is_some());
        let minus_sign = j < t.len()
            && (is_minus(&t[j].low) || t[j].low == "–") // an en dash typed for a minus: "–5"
            && self.is_num(j + 1)
            && (j == 0 || t[j].sp || matches!(self.low(j - 1), "(" | "[" | ":"))
            && (self.glued(j + 1) || j == 0 || matches!(self.low(j - 1), "(" | "[" | ":"))
            && (j == 0 || !self.is_num(j - 1));
        // a spaced minus before a temperature after a verb or preposition: "convert - 20 degrees"
        let minus_temp = !minus_sign
            && j > 0
            && is_minus(self.low(j))
            && t[j].sp
            && self.is_num(j + 1)
            && matches!(
                self.word(j - 1),
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
            && (matches!(self.word(j + 2), "degrees" | "degree") || matches!(self.low(j + 2), "°" | "º"));
        if minus_word || minus_sign || minus_temp {
            sign = -1.0;
            j += 1;
        }
        (sign, j)
    }

    /// An amount in digits at `j`: with a fraction ("1/2", "8 3/8"), a decimal comma ("3,50") or a
    /// glued vulgar fraction ("2½"), then its glued scale or unit and its spaced scales.
    fn digit_amount(&self, mut a: Amount, j: usize, sign: f64, money: bool, check: bool) -> Option<Amount> {
        let t = self.t;
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
            if self.glued(k) && matches!(self.low(k), "th" | "st" | "nd" | "rd") && !self.glued(k + 1) {
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
            && self.low(k) == ","
            && self.glued(k)
            && self.glued(k + 1)
            && self.plain_int(k + 1)
            && t[k + 1].low.len() == 2
            && !(self.glued(k + 2)
                && (self.is_num(k + 3) || t.get(k + 2).is_some_and(|x| x.kind != TokKind::Punct)))
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
        let (v, k) = self.glued_scale_or_unit(&mut a, v, j, k, money)?;
        let (v, k) = self.spaced_scales(&mut a, v, j, k, money);
        a.value = Some(sign * v);
        a.end = k;
        self.approx_suffix(&mut a);
        Some(a)
    }

    /// A scale or unit glued to the digits ending at `k`: "45.2bn", "3k", "29km", "5km2". None when
    /// a glued unit makes the whole a code ("4a").
    fn glued_scale_or_unit(
        &self,
        a: &mut Amount,
        mut v: f64,
        j: usize,
        mut k: usize,
        money: bool,
    ) -> Option<(f64, usize)> {
        let t = self.t;
        let n = t.len();
        // glued scale or unit: "45.2bn", "3k", "29km"
        if k < n && !t[k].sp && t[k].kind == TokKind::Word {
            let raw = self.raw(k);
            if let Some(sc) = words::glued_scale(
                &t[k].low,
                money
                        || matches!(raw, "M" | "B" | "bn" | "tn")
                        // "3.6m people" (million) but "100m sprint", "1.8m tall" (metres)
                        || (raw == "m"
                            && t[j].low.contains('.')
                            && !matches!(
                                self.word(k + 1),
                                "tall" | "high" | "long" | "wide" | "deep" | "away" | "sprint" | "above" | "below"
                            )
                            && !self.glued(k + 1))
                        // "2m barrels", "5m people": millions of a counted thing
                        || (raw == "m"
                            && !self.glued(k + 1)
                            && (units::unit(self.word(k + 1)).is_some_and(|(sym, _, _)| !matches!(sym, "m" | "km" | "cm" | "mm" | "ft" | "in" | "mi"))
                                || matches!(
                                    self.word(k + 1),
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
                if self.glued(k) && matches!(self.low(k), "2" | "3") && !self.glued(k + 1) {
                    let sq = match (u.0, self.low(k)) {
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
        Some((v, k))
    }

    /// Spaced scale words after the amount ending at `k` ("3.6 million", "4 thousand 3 hundred",
    /// "6 crore and two hundred"), an uncertainty ("±0.01") and "and a half".
    fn spaced_scales(&self, a: &mut Amount, mut v: f64, j: usize, mut k: usize, money: bool) -> (f64, usize) {
        // spaced scale words: "3.6 million", "5 hundred thousand"
        let mut guard = 0;
        while a.glued_unit.is_none() && guard < 3 {
            let wk = self.word(k);
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
                    && self.t.get(k + 1).is_none_or(|x| x.kind == TokKind::Punct && !is_dash(&x.low)) =>
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
            let mut last = words::scale_word(self.word(k - 1)).unwrap_or(0.0);
            let mut hops = 0;
            while hops < 3 && self.plain_int(k) && !self.glued(k) {
                let Some(sc) = words::scale_word(self.word(k + 1)).filter(|&sc| sc < last) else { break };
                let Some(g) = num_value(&self.t[k].low).filter(|&g| g > 0.0 && g < 1000.0) else { break };
                v += g * sc;
                last = sc;
                k += 2;
                hops += 1;
            }
        }
        // "6 crore and two hundred": a smaller group in words after the scale
        if guard > 0 && self.word(k) == "and" {
            let last = words::scale_word(self.word(k - 1)).unwrap_or(0.0);
            if let Some(wn) = self.parse_words(k + 1) {
                let scaled_words = (k + 1..wn.end).any(|x| words::scale_word(self.word(x)).is_some());
                if scaled_words && !wn.ordinal && !wn.fraction && wn.value > 0.0 && wn.value < last {
                    v += wn.value;
                    k = wn.end;
                }
            }
        }
        // an uncertainty: "2,000.45±0.01"
        if matches!(self.low(k), "±" | "+/-") && self.is_num(k + 1) && self.glued(k + 1) {
            k += 2;
        }
        // "5 and a half", "3 million and a quarter"
        if self.word(k) == "and"
            && matches!(self.word(k + 1), "a" | "an")
            && matches!(self.word(k + 2), "half" | "quarter")
        {
            let f = if self.word(k + 2) == "half" { 0.5 } else { 0.25 };
            let sc = if a.scaled { words::scale_word(self.word(k - 1)).unwrap_or(1.0) } else { 1.0 };
            v += f * sc;
            k += 3;
            a.plain = false;
        }
        (v, k)
    }

    /// An amount in words that are no number: "a"/"an" before a unit, "a few", "a couple of", "a
    /// third of", "half", "several thousand", "dozens", "hundreds of thousands".
    fn vague_amount(&self, mut a: Amount, j: usize) -> Option<Amount> {
        let w = self.word(j);
        match w {
            "a" | "an" => {
                if self.word(j + 1) == "few" {
                    // "a few million" is a vague amount, "a few" alone counts only before a unit
                    let mut k = j + 2;
                    while k < j + 5
                        && matches!(self.word(k), "hundred" | "thousand" | "million" | "billion" | "trillion")
                    {
                        k += 1;
                    }
                    if k > j + 2 {
                        a.vague = true;
                        a.scaled = matches!(self.word(k - 1), "million" | "billion" | "trillion");
                    } else {
                        a.few = true;
                    }
                    a.end = k;
                } else if self.word(j + 1) == "couple" {
                    a.value = Some(2.0);
                    a.end = if self.word(j + 2) == "of" { j + 3 } else { j + 2 };
                    a.few = true;
                } else if let Some(d) = words::tens_word(self.word(j + 1))
                    .filter(|_| is_dash(self.low(j + 2)) && self.glued(j + 2) && self.glued(j + 3))
                    .zip(words::ordinal_word(self.word(j + 3)).filter(|&o| o < 10.0))
                    .map(|(tv, o)| tv + o)
                    .filter(|_| {
                        self.word(j + 4) == "of"
                            || self.t.get(j + 4).is_none_or(|t| t.kind == TokKind::Punct && !is_dash(&t.low))
                    })
                {
                    // "a twenty-first of", "a thirty-second." (not "a twenty-first century")
                    a.value = Some(1.0 / d);
                    a.end = j + 4;
                    a.word = true;
                } else if let Some((d, false)) = words::denominator(self.word(j + 1)).filter(|_| {
                    self.word(j + 2) == "of" || self.t.get(j + 2).is_none_or(|t| t.kind == TokKind::Punct)
                }) {
                    // "a third of", "nearly a tenth."
                    a.value = Some(1.0 / d);
                    a.end = j + 2;
                    a.word = true;
                } else if self.word(j + 1) == "half" {
                    a.value = Some(0.5);
                    a.end = j + 2;
                    a.article = true;
                } else if self.word(j + 1) == "quarter"
                    && self.word(j + 2) == "of"
                    && matches!(self.word(j + 3), "a" | "an")
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
                if matches!(self.word(j + 1), "hundreds" | "thousands" | "millions" | "billions") =>
            {
                // "many thousands of jobs": a vague amount
                a.vague = true;
                a.scaled = matches!(self.word(j + 1), "millions" | "billions");
                a.end = j + 2;
                Some(a)
            }
            "several" | "few" | "many" => {
                // "several thousand", "several hundred million": a vague amount (no value)
                let mut k = j + 1;
                while k < j + 4
                    && matches!(self.word(k), "hundred" | "thousand" | "million" | "billion" | "trillion")
                {
                    k += 1;
                }
                if k > j + 1 && w != "many" {
                    a.vague = true;
                    // "several hundred million pounds" is sterling, like "300 million pounds"
                    a.scaled = matches!(self.word(k - 1), "million" | "billion" | "trillion");
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
                if matches!(self.word(j + 1), "a" | "an") && units::unit(self.word(j + 2)).is_some() {
                    a.end = j + 2;
                }
                a.article = true;
                Some(a)
            }
            "dozens" | "hundreds" | "thousands" | "millions" | "billions" | "trillions" | "tens" => {
                let mut k = j + 1;
                while self.word(k) == "of"
                    && matches!(
                        self.word(k + 1),
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
}
