//! Whole expressions: currency prefixes, ranges, fractions, scientific notation and the
//! tests that tell a number from a name or a pronoun.

use super::*;
use std::ops::ControlFlow;

impl Parser<'_> {
    pub(super) fn currency_prefix(&self, i: usize) -> Option<(&'static str, usize)> {
        let t = self.t;
        let tok = t.get(i)?;
        if tok.kind == TokKind::Punct {
            if let Some(c) = units::currency_symbol(&tok.low) {
                return Some((c, i + 1));
            }
            // "#25 million": the pound sign in older newswire
            if tok.low == "#" && self.is_num(i + 1) && self.glued(i + 1) {
                return Some(("GBP", i + 1));
            }
            return None;
        }
        if tok.kind == TokKind::Word {
            // "US$", "C$", "HK$", "c $"
            if self.low(i + 1) == "$" {
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
            // a major code in any case ("usd", "Eur") before an amount; compared case-blind, with
            // no upper-cased copy (the amount is asked first: most words have none after them)
            if self.is_num(i + 1) || self.low(i + 1) == "$" {
                let code = units::currency_code(self.raw(i)).or_else(|| {
                    ["USD", "EUR", "GBP", "RMB", "JPY", "CNY", "INR"]
                        .into_iter()
                        .find(|c| c.eq_ignore_ascii_case(self.raw(i)))
                        .and_then(units::currency_code)
                });
                if let Some(c) = code.or(units::million_code(self.raw(i))) {
                    let k = if self.low(i + 1) == "$" { i + 2 } else { i + 1 };
                    return Some((c, k));
                }
            }
            if self.raw(i) == "Rs" && self.low(i + 1) == "." && self.is_num(i + 2) {
                return Some(("INR", i + 2));
            }
            // a currency word before an amount with its scale: "dollar 22.5 million",
            // "US dollars 5 billion", "pounds 3 million" (not "the dollar 1.5 ...")
            let c = if matches!(self.word(i), "us" | "u.s.") { i + 1 } else { i };
            let code = match self.word(c) {
                "dollar" | "dollars" => Some("USD"),
                "euro" | "euros" if c == i => Some("EUR"),
                "pounds" if c == i => Some("GBP"),
                "yen" | "yuan" | "rupees" if c == i => units::currency_word(self.word(c)),
                _ => None,
            };
            if let Some(code) = code {
                let det = i > 0 && matches!(self.word(i - 1), "the" | "a" | "per" | "each" | "every" | "one");
                if !det
                    && self.is_num(c + 1)
                    && !self.glued(c + 1)
                    && words::scale_word(self.word(c + 2)).is_some()
                {
                    return Some((code, c + 1));
                }
            }
        }
        None
    }

    /// Cardinals, ordinals, percentages, money and quantities (and durations).
    pub(super) fn number_expr(&self, i: usize) -> Option<Candidate> {
        // "$300 million-a-year": the article of a rate inside a compound is not a count
        if matches!(self.word(i), "a" | "an") && i > 0 && is_dash(self.low(i - 1)) && !self.t[i].sp {
            return None;
        }
        // "a multibillion-dollar dam": money of no stated value
        if matches!(self.word(i), "multibillion" | "multimillion" | "multi-billion" | "multi-million")
            && is_dash(self.low(i + 1))
            && self.glued(i + 1)
            && self.glued(i + 2)
        {
            if let Some(code) = units::currency_word(self.word(i + 2)) {
                let mut c = Candidate::new(i, i + 3, Kind::Money);
                c.currency = Some(code);
                return Some(c);
            }
        }
        // a bare scale in a compound: "a billion-dollar morass" (a billion dollars)
        if let Some(sc) = words::scale_word(self.word(i)).filter(|&sc| sc >= 1e6) {
            if is_dash(self.low(i + 1))
                && self.glued(i + 1)
                && self.glued(i + 2)
                && !(i > 0 && (self.is_num(i - 1) || self.glued(i)))
            {
                let cw = self.word(i + 2);
                if matches!(cw, "dollar" | "euro" | "pound" | "yen" | "yuan") {
                    let mut c = Candidate::new(i, i + 3, Kind::Money);
                    c.value = Some(sc);
                    c.currency = units::currency_word(cw).or(Some("GBP"));
                    return Some(c);
                }
            }
        }
        // "another million": one more of the scale
        if self.word(i) == "another" && !self.glued(i + 1) {
            if let Some(sc) = words::scale_word(self.word(i + 1)).filter(|&sc| sc >= 1000.0) {
                if self.word(i + 2) != "of" && !is_dash(self.low(i + 2)) {
                    let mut c = Candidate::new(i, i + 2, Kind::Cardinal);
                    c.value = Some(sc);
                    return Some(c);
                }
            }
        }
        // enumerating adverbs: "Firstly, ...", "Secondly, ..."
        let nth = match self.word(i) {
            "firstly" => 1.0,
            "secondly" => 2.0,
            "thirdly" => 3.0,
            "fourthly" => 4.0,
            "fifthly" => 5.0,
            _ => 0.0,
        };
        if nth > 0.0 {
            let mut c = Candidate::new(i, i + 1, Kind::Ordinal);
            c.value = Some(nth);
            return Some(c);
        }
        // "only 15%", "an additional 150", "another 19%": part of the span, no modifier
        let lead = match (self.word(i), self.word(i + 1)) {
            ("only" | "exactly", _) | ("another", _) => 1,
            // "just one yen", "just 30 cents": like "only" ("just over"/"just under" are hedges)
            ("just", w1) if !matches!(w1, "over" | "under" | "below" | "about" | "around" | "as") => 1,
            ("an", "additional") | ("a", "further") => 2,
            _ => 0,
        };
        let c = self.bare_number_expr(i + lead)?;
        let dated = matches!(c.kind, Kind::Date | Kind::Time);
        // "over the past two years" is not a hedge; "up to 10 years" is
        if dated && matches!(c.modifier, Some(Modifier::Over | Modifier::Under)) {
            return None;
        }
        if lead > 0 {
            // a counted duration keeps the word ("only three months", "another 90 days", "an
            // additional 120 days"); other dates do not ("another notch this week")
            let counted =
                dated && c.unit.is_some() && matches!(self.word(i), "only" | "just" | "another" | "an" | "a");
            if (dated && !counted) || c.kind == Kind::Ordinal {
                return None;
            }
            let mut c = c;
            c.s = i;
            return Some(c);
        }
        Some(c)
    }

    /// A number expression with no lead word (`number_expr` takes "only", "another", "an
    /// additional"). The steps run in order, and the first that settles the answer wins:
    ///
    /// 1. a set phrase that is an amount by itself (`set_phrase`: "absolute zero", "a penny");
    /// 2. a hedge, "between", a currency prefix and the amount (`read_expr`: "about $5 million");
    /// 3. what the amount is part of, when it is no count: a name (`number_in_name`: "7-Eleven"),
    ///    a year (`year_after_preposition`, `year_with_era`: "300 BC"), an ordinal
    ///    (`ordinal_digits`: "27th");
    /// 4. what it counts (`what_it_counts`): money after a prefix, a suffix ("5%", "3 km"), or
    ///    nothing ("hundreds"); an ordinal before a unit is a date or nothing (`ordinal_streak`);
    /// 5. fix-ups to the value and the span: millions in a currency code (`million_code`,
    ///    `scale_after_code`: "MAUD 60", "75 USD million"); a vague amount that counts nothing
    ///    and digits in a code are none (`vague_without_unit`, `code_after_digits`: "3D"); then
    ///    "49,000-plus" (`plus_suffix`);
    /// 6. a range from here ("between 10 and 20", "5 to 44 days");
    /// 7. the checks that rule out a count that is no number (`count_is_no_number`: "one of them").
    pub(super) fn bare_number_expr(&self, i: usize) -> Option<Candidate> {
        if let Some(c) = self.set_phrase(i) {
            return Some(c);
        }
        let mut x = self.read_expr(i)?;
        if self.number_in_name(&x) || self.year_after_preposition(&x) {
            return None;
        }
        if let Some(c) = self.year_with_era(&x) {
            return Some(c);
        }
        if self.has_ordinal_suffix(&x) {
            return self.ordinal_digits(&x);
        }
        if let ControlFlow::Break(answer) = self.what_it_counts(&mut x) {
            return answer;
        }
        if x.amt.ordinal && x.kind != Kind::Ordinal {
            return self.ordinal_streak(&x);
        }
        self.million_code(&mut x);
        self.scale_after_code(&mut x);
        if self.vague_without_unit(&x) || self.code_after_digits(&x) {
            return None;
        }
        self.plus_suffix(&mut x);
        if !(x.amt.vague || x.amt.few || x.amt.article || x.amt.ordinal) {
            let first = (x.kind, x.unit, x.currency, x.end);
            if let Some(r) = self.range(x.s, &x.amt, x.between, x.prefix.is_some(), first, x.modifier) {
                return Some(r);
            }
        }
        if self.count_is_no_number(&x) {
            return None;
        }
        Some(self.finish(x.s, x.end, x.kind, x.amt.value, None, x.modifier, x.unit, x.currency, None))
    }

    /// Set phrases that are an amount by themselves: "absolute zero" (0 K), "a penny" (1¢), "a
    /// baker's dozen" (13).
    fn set_phrase(&self, i: usize) -> Option<Candidate> {
        let (e, kind, value, unit) = match (self.word(i), self.word(i + 1)) {
            ("absolute", "zero") => (i + 2, Kind::Quantity, 0.0, Some("K")),
            ("a", "penny") => (i + 2, Kind::Money, 1.0, Some("¢")),
            ("a", "baker")
                if is_apostrophe(self.low(i + 2))
                    && self.word(i + 3) == "s"
                    && self.word(i + 4) == "dozen" =>
            {
                (i + 5, Kind::Cardinal, 13.0, None)
            }
            _ => return None,
        };
        let mut c = Candidate::new(i, e, kind);
        c.value = Some(value);
        c.unit = unit;
        Some(c)
    }

    /// Reads the start of an expression at `i`: a hedge ("about", "more than"), then "between"
    /// (only with no hedge: "between 10 and 20"), a currency prefix ("$", "US$", "EUR") and the
    /// amount. An approximate amount ("30-odd", "forty-some") is hedged "about" unless a hedge
    /// came before it.
    fn read_expr(&self, i: usize) -> Option<Expr> {
        let mut j = i;
        let mut modifier = None;
        if let Some((m, k)) = self.hedge(j) {
            modifier = Some(m);
            j = k;
        }
        let between = self.word(j) == "between";
        if between && modifier.is_none() {
            j += 1;
        }
        let (prefix, k) = match self.currency_prefix(j) {
            Some((c, k)) => (Some(c), k),
            None => (None, j),
        };
        let amt = self.amount_in(k, prefix.is_some(), prefix.is_none())?;
        if amt.end <= k {
            return None;
        }
        if amt.approx {
            modifier = modifier.or(Some(Modifier::About));
        }
        let end = amt.end;
        Some(Expr {
            s: i,
            j,
            k,
            modifier,
            between,
            prefix,
            amt,
            end,
            kind: Kind::Cardinal,
            unit: None,
            currency: prefix,
        })
    }

    /// The amount is part of a name of digits, a hyphen and a capitalised number word, "7-Eleven",
    /// whether read from the digits ("7" before "-Eleven") or from the word ("Eleven" after "7-").
    fn number_in_name(&self, x: &Expr) -> bool {
        let (amt, k) = (&x.amt, x.k);
        let name_after = !amt.word
            && is_dash(self.low(amt.end))
            && self.glued(amt.end)
            && self.glued(amt.end + 1)
            && self.t.get(amt.end + 1).is_some_and(|t| t.cap)
            && self.parse_words(amt.end + 1).is_some_and(|wn| !wn.ordinal && !wn.fraction);
        let name_before = amt.word
            && k >= 2
            && self.t[k].cap
            && !self.t[k].sp
            && is_dash(self.low(k - 1))
            && !self.t[k - 1].sp
            && self.is_num(k - 2);
        name_after || name_before
    }

    /// A year right after "over" or "under" is a date on its own, not a hedged count: "sales
    /// losses over 1987", "not under 1987-style pressure" (but "over 1987%" is a hedged percent).
    fn year_after_preposition(&self, x: &Expr) -> bool {
        let (amt, k) = (&x.amt, x.k);
        matches!(x.modifier, Some(Modifier::Over | Modifier::Under))
            && x.j == x.s + 1
            && x.prefix.is_none()
            && amt.plain
            && amt.end == k + 1
            && is_year_token(&self.t[k].low)
            && self.t.get(amt.end).is_none_or(|t| t.kind == TokKind::Punct)
            && self.low(amt.end) != "%"
    }

    /// A year with its era is a date: "300 BC", "around 500 B.C.", "2014 A.D."; only a year AD
    /// or CE gets its ISO year, a year BC none.
    fn year_with_era(&self, x: &Expr) -> Option<Candidate> {
        let (amt, k) = (&x.amt, x.k);
        if x.prefix.is_some() || !amt.plain || amt.end != k + 1 || self.t[k].low.len() > 4 {
            return None;
        }
        let ee = self.era_at(amt.end)?;
        let mut c = Candidate::new(x.s, ee, Kind::Date);
        c.modifier = x.modifier;
        if COMMON_ERA.contains(&self.raw(amt.end)) {
            c.iso = self.t[k].low.parse::<i32>().ok().map(Temporal::year);
        }
        Some(c)
    }

    /// Digits with an ordinal suffix glued after them: "27th", "1st", "3rd".
    fn has_ordinal_suffix(&self, x: &Expr) -> bool {
        let amt = &x.amt;
        x.prefix.is_none()
            && self.is_num(amt.end - 1)
            && amt.plain
            && amt.end < self.n()
            && self.glued(amt.end)
            && words::is_ordinal_suffix(&self.t[amt.end - 1].low, self.low(amt.end))
    }

    /// The ordinal of digits with their suffix ("the 27th"): none when the suffix runs on into a
    /// code (`code_after`); a date before a streak of days or times ("the 17th consecutive day",
    /// like "a fifth straight week").
    fn ordinal_digits(&self, x: &Expr) -> Option<Candidate> {
        let oe = x.amt.end + 1;
        if self.code_after(oe) {
            return None;
        }
        if STREAK_WORDS.contains(&self.word(oe)) {
            if let Some((_, uc @ (UnitClass::DateSpan | UnitClass::TimeSpan), _)) =
                units::unit(self.word(oe + 1))
            {
                let kind = if uc == UnitClass::TimeSpan { Kind::Time } else { Kind::Date };
                return Some(self.finish(x.s, oe + 2, kind, None, None, x.modifier, None, None, None));
            }
        }
        let mut c = Candidate::new(x.s, oe, Kind::Ordinal);
        c.value = x.amt.value;
        c.modifier = x.modifier;
        Some(c)
    }

    /// Sets what the amount counts, its kind and the end of the expression: money after a
    /// currency prefix ("$5", "$5 USD"), else what the suffix says ("5%", "3 km", "10 dollars"),
    /// else a bare count ("42", "the third"). Breaks with the answer when that settles it: a
    /// prefix before a vague, few, article or ordinal amount is none; with no suffix, "a half" is
    /// 0.5, an article or "a few" alone is none, and a vague amount is a number of no value
    /// ("hundreds", "billions of dollars").
    fn what_it_counts(&self, x: &mut Expr) -> ControlFlow<Option<Candidate>> {
        let amt = &x.amt;
        if x.prefix.is_some() {
            x.kind = Kind::Money;
            if amt.vague || amt.few || amt.article || amt.ordinal {
                return ControlFlow::Break(None);
            }
            // "$5 USD"
            if let Some(code) = units::currency_code(self.raw(x.end)) {
                if self.t[x.end].kind == TokKind::Word {
                    x.currency = Some(code);
                    x.end += 1;
                }
            }
        } else if let Some(sfx) = self.suffix(x.end, amt) {
            x.kind = sfx.kind;
            x.unit = sfx.unit;
            x.currency = sfx.currency;
            x.end = sfx.end;
        } else {
            if amt.article && self.word(amt.s) == "half" && amt.end == amt.s + 1 {
                let mut c = Candidate::new(x.s, amt.end, Kind::Cardinal);
                c.value = Some(0.5);
                c.modifier = x.modifier;
                return ControlFlow::Break(Some(c));
            }
            if amt.article || amt.few {
                return ControlFlow::Break(None);
            }
            if amt.vague {
                return ControlFlow::Break(Some(self.vague_number(x)));
            }
            x.kind = if amt.ordinal { Kind::Ordinal } else { Kind::Cardinal };
        }
        ControlFlow::Continue(())
    }

    /// A vague amount with no suffix has no value: money before "of" and a currency ("billions
    /// of dollars", "millions of pounds"), else a count ("hundreds").
    fn vague_number(&self, x: &Expr) -> Candidate {
        let end = x.end;
        if self.word(end) == "of" {
            let cw = self.word(end + 1);
            if let Some(code) = units::currency_word(cw).or(if cw == "pounds" { Some("GBP") } else { None }) {
                let mut c = Candidate::new(x.s, end + 2, Kind::Money);
                c.currency = Some(code);
                c.modifier = x.modifier;
                return c;
            }
        }
        let mut c = Candidate::new(x.s, end, Kind::Cardinal);
        c.modifier = x.modifier;
        c
    }

    /// An ordinal with a unit after it is no amount, except in a streak of days or times: "a
    /// fifth straight week" is a date, like "the third year".
    fn ordinal_streak(&self, x: &Expr) -> Option<Candidate> {
        let streak = matches!(x.kind, Kind::Date | Kind::Time)
            && STREAK_WORDS.contains(&self.word(x.amt.end))
            && x.end == x.amt.end + 2;
        streak.then(|| self.finish(x.s, x.end, x.kind, None, None, x.modifier, None, None, None))
    }

    /// Millions of a currency in its code ("MAUD 60", "twenty MUSD"): the code before the amount
    /// after a prefix, else the last word of the suffix.
    fn million_code(&self, x: &mut Expr) {
        if x.kind != Kind::Money || x.amt.scaled {
            return;
        }
        let m = if x.prefix.is_some() { self.raw(x.j) } else { self.raw(x.end - 1) };
        if units::million_code(m).is_some() {
            x.amt.value = x.amt.value.map(|v| v * 1e6);
            x.amt.scaled = true;
        }
    }

    /// A scale after the currency code multiplies the amount and joins the span: "75 USD
    /// million".
    fn scale_after_code(&self, x: &mut Expr) {
        let code_last = x.kind == Kind::Money
            && !x.amt.scaled
            && x.end > x.amt.end
            && self.t[x.end - 1].kind == TokKind::Word
            && units::currency_code(self.raw(x.end - 1)).is_some();
        if !code_last {
            return;
        }
        if let Some(sc) = words::scale_word(self.word(x.end)) {
            x.amt.value = x.amt.value.map(|v| v * sc);
            x.amt.scaled = true;
            x.end += 1;
        }
    }

    /// A vague amount ("hundreds", "dozens") whose suffix makes it neither money, a date, a time
    /// nor a quantity is no number ("hundreds percent").
    fn vague_without_unit(&self, x: &Expr) -> bool {
        x.amt.vague && !matches!(x.kind, Kind::Money | Kind::Date | Kind::Time | Kind::Quantity)
    }

    /// A code right after the digits of a count: "3D", "4a".
    fn code_after_digits(&self, x: &Expr) -> bool {
        !x.amt.word && x.kind == Kind::Cardinal && self.code_after(x.amt.end)
    }

    /// "49,000-plus": more than the amount, the "-plus" in the span; a currency may follow a
    /// count ("20 billion-plus dollars"). Not when more is glued after it ("5-plus-3").
    fn plus_suffix(&self, x: &mut Expr) {
        let end = x.end;
        let plus = matches!(x.kind, Kind::Cardinal | Kind::Money | Kind::Percent | Kind::Quantity)
            && is_dash(self.low(end))
            && self.glued(end)
            && self.word(end + 1) == "plus"
            && self.glued(end + 1)
            && !(self.glued(end + 2)
                && (is_dash(self.low(end + 2)) || self.t[end + 2].kind != TokKind::Punct));
        if !plus {
            return;
        }
        x.end += 2;
        x.modifier = x.modifier.or(Some(Modifier::MoreThan));
        if x.kind == Kind::Cardinal && !x.amt.ordinal {
            if let Some(sfx) = self.suffix(x.end, &x.amt).filter(|s| s.kind == Kind::Money) {
                x.kind = sfx.kind;
                x.currency = sfx.currency;
                x.end = sfx.end;
            }
        }
    }

    /// The last checks, on a count or an ordinal with no range; it is no number when: "between"
    /// has no range after it; "one" is a pronoun ("one of them", `one_is_number`); unhedged
    /// digits name a thing ("Boeing 737", `name_before`; "S. 1737", `numbered_item`), a phone
    /// prefix (`toll_free_prefix`) or a year (a bare "1987" is a date: dates.rs reads it); an
    /// ordinal word is not used as one (`ordinal_ok`: "a second").
    fn count_is_no_number(&self, x: &Expr) -> bool {
        let (amt, k) = (&x.amt, x.k);
        let count = x.kind == Kind::Cardinal;
        let plain_count = count && x.modifier.is_none();
        (count && x.between)
            || (count && amt.word && amt.value == Some(1.0) && !self.one_is_number(amt.s))
            || (plain_count && !amt.word && (self.name_before(k) || self.numbered_item(k)))
            || (plain_count && amt.plain && self.toll_free_prefix(x))
            || (plain_count && amt.plain && is_year_token(&self.t[k].low))
            || (x.kind == Kind::Ordinal && !self.ordinal_ok(amt.s, amt.end))
    }

    /// A toll-free or premium-rate prefix before a word for the line: "900 service", "an
    /// 800-number", "an 800 line".
    fn toll_free_prefix(&self, x: &Expr) -> bool {
        let end = x.end;
        let n = if is_dash(self.low(end)) && self.glued(end) { end + 1 } else { end };
        PHONE_PREFIXES.contains(&self.low(x.k)) && PHONE_LINE_WORDS.contains(&self.word(n))
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn finish(
        &self,
        s: usize,
        e: usize,
        kind: Kind,
        value: Option<f64>,
        to: Option<f64>,
        modifier: Option<Modifier>,
        unit: Option<&'static str>,
        currency: Option<&'static str>,
        iso: Option<Temporal>,
    ) -> Candidate {
        let mut c = Candidate::new(s, e, kind);
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

    pub(super) fn day_to_day_month(&self, i: usize) -> Option<Candidate> {
        let k = if self.word(i) == "the" { i + 1 } else { i };
        if !self.is_num(k) || !self.plain_int(k) || self.t[k].low.len() > 2 {
            return None;
        }
        let d1: u32 = self.t[k].low.parse().ok()?;
        let mut e = k + 1;
        if self.glued(e) && matches!(self.low(e), "st" | "nd" | "rd" | "th") {
            e += 1;
        }
        let conn = self.low(e);
        let dash = is_dash(conn) && self.glued(e) == self.glued(e + 1);
        if !(matches!(conn, "to" | "through" | "thru" | "till" | "until") || dash) {
            return None;
        }
        let d = self.date_core(e + 1).or_else(|| {
            // "to the 15th July"
            if self.word(e + 1) == "the" {
                self.date_core(e + 2)
            } else {
                None
            }
        })?;
        // the second is a day of a month: "--07-15" or "2014-07-15"
        let iso = d.iso.as_ref().filter(|x| x.is_day_of_month())?;
        if d.kind != Kind::Date || !self.is_num(d.s) && self.word(d.s) != "the" {
            return None;
        }
        let Temporal::Date { d: Some(d2), .. } = *iso else { return None };
        if !(1..d2).contains(&d1) {
            return None;
        }
        let mut c = Candidate::new(i, d.e, Kind::Date);
        let mut first = iso.clone();
        if let Temporal::Date { d, .. } = &mut first {
            *d = Some(d1);
        }
        c.iso = Some(Temporal::range(first, iso.clone()));
        Some(c)
    }

    /// A verb of movement before "up" ("inched up to 47.6%"): "up" is its particle, not a hedge.
    pub(super) fn moved_up(&self, k: usize) -> bool {
        matches!(
            self.word(k),
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
    pub(super) fn after_change_word(&self, i: usize) -> bool {
        let mut k = i;
        // "rose by 4% to", "a gain of 0.54 cent to", "rose from $70 to $90" (two levels)
        if k > 0 && matches!(self.word(k - 1), "by" | "of" | "from") {
            k -= 1;
        }
        if k == 0 {
            return false;
        }
        matches!(
            self.word(k - 1),
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

    pub(super) fn blocked_after(&self, e: usize) -> bool {
        self.blocked.get(e).copied().unwrap_or(false)
    }

    /// A glued exponent: "12.32e+14", "1.3x10^6", "6.23x10^-4", "1.1^23".
    pub(super) fn scientific(&self, c: &mut Candidate) {
        let Some(v) = c.value else { return };
        if !self.is_num(c.e - 1) {
            return;
        }
        let mut k = c.e;
        let mut base = None;
        if self.glued(k) && matches!(self.low(k), "e") {
            base = Some(10.0);
            k += 1;
        } else if self.glued(k)
            && matches!(self.low(k), "x" | "×" | "*")
            && self.glued(k + 1)
            && self.low(k + 1) == "10"
            && self.glued(k + 2)
            && self.low(k + 2) == "^"
        {
            base = Some(10.0);
            k += 3;
        } else if self.glued(k) && self.low(k) == "^" {
            k += 1;
        }
        if k == c.e {
            return;
        }
        let mut neg = false;
        let mut signs = 0;
        while signs < 2 && self.glued(k) && (self.low(k) == "+" || is_minus(self.low(k))) {
            neg ^= self.low(k) != "+";
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
    pub(super) fn fraction_over(&self, c: &mut Candidate) {
        let Some(v1) = c.value else { return };
        if c.modifier.is_some() || v1.fract() != 0.0 {
            return;
        }
        let k = match (self.word(c.e), self.word(c.e + 1)) {
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
        let after_ok = self.t.get(a2.end).is_none_or(|t| t.kind == TokKind::Punct)
            || is_function_word(self.word(a2.end));
        if v2 > v1.abs() && after_ok {
            c.value = Some(v1 / v2);
            c.e = a2.end;
        }
    }

    /// A range after the first amount: "10-20%", "between 10 and 20", "5 to 44 days",
    /// "$5 to $10 million", "8 1/2% to 8 3/8%".
    pub(super) fn range(
        &self,
        i: usize,
        amt: &Amount,
        between: bool,
        money: bool,
        first: (Kind, Option<&'static str>, Option<&'static str>, usize),
        modifier: Option<Modifier>,
    ) -> Option<Candidate> {
        let (kind, unit, cur_code, end) = first;
        let suffix_before = money || (kind != Kind::Cardinal && end > amt.end);
        let mut conn_at = if suffix_before { end } else { amt.end };
        if !suffix_before
            && is_dash(self.low(conn_at))
            && self.glued(conn_at)
            && self.word(conn_at + 1) == "to"
        {
            conn_at += 1;
        }
        let c = self.low(conn_at);
        let dash = is_dash(c) && c != "−";
        let ok = if between {
            self.word(conn_at) == "and"
        } else {
            (dash && self.glued(conn_at) == self.glued(conn_at + 1))
                || self.word(conn_at) == "to"
                || (self.word(conn_at) == "or" && !suffix_before)
        };
        let or_conn = self.word(conn_at) == "or";
        if !ok {
            return None;
        }
        // "rose 4% to 8%", "a gain of 0.54 cent to 14.26 cents": a change, then the new level
        // (two numbers), not a range
        if !between && suffix_before && self.word(conn_at) == "to" && self.after_change_word(i) {
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
            if let Some(sc) = scale_of(self.word(a2.end - 1)) {
                // "$1 to $2 million", "$500 to $600 million" share the scale; "$10,000 to $1
                // million" does not
                if v1 < v2 / sc * 10.0 || (money && v1 < 1000.0) {
                    v1 *= sc;
                }
            }
        }
        let (kind2, unit2, cur2, e2) = if money {
            let mut e2 = a2.end;
            if self.t.get(e2).is_some_and(|x| x.kind == TokKind::Word)
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
                && self.word(conn_at) == "to"
                && !(i > 0 && self.word(i - 1) == "from");
            // "down 24/32 to 30/32 point", "1/4 to 3/4": fractions make "to" a range
            let fractions = v1.fract() != 0.0
                && v2.fract() != 0.0
                && v1 < 1.0
                && v2 < 1.0
                && !amt.word
                && self.low(k2 + 1) == "/"
                && self.word(conn_at) == "to";
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
    pub(super) fn one_is_number(&self, i: usize) -> bool {
        let w = self.word(i);
        if w != "one" {
            return true;
        }
        // "a one-time payment"
        if is_dash(self.low(i + 1)) && self.glued(i + 1) && self.glued(i + 2) && self.word(i + 2) != "another"
        {
            return true;
        }
        // "eat one,", "for one," : a pronoun at the end of a phrase
        if i > 0
            && self.t.get(i + 1).is_none_or(|t| {
                t.kind == TokKind::Punct && matches!(t.low.as_ref(), "." | "," | ";" | ")" | "?" | "!" | ":")
            })
            && self.hedge(i - 1).is_none()
            && !matches!(self.word(i - 1), "than" | "only" | "just" | "least")
        {
            return false;
        }
        if matches!(self.word(i + 1), "of" | "another" | "'s" | "who" | "which" | "that") {
            return false;
        }
        if is_apostrophe(self.low(i + 1)) {
            return false;
        }
        if i > 0 {
            let p = self.word(i - 1);
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
    pub(super) fn numbered_item(&self, k: usize) -> bool {
        if k == 0 || !self.is_num(k) {
            return false;
        }
        let p = self.word(k - 1);
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
        if k >= 2 && self.low(k - 1) == "." && self.glued(k - 1) {
            let q = &self.t[k - 2];
            let raw = &self.text[q.s..q.e];
            if q.kind == TokKind::Word
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
    pub(super) fn name_before(&self, k: usize) -> bool {
        if k == 0 || !self.t[k].sp {
            return false;
        }
        let p = &self.t[k - 1];
        if p.kind != TokKind::Word || !p.cap {
            return false;
        }
        if dates::month(&p.low).is_some() || dates::weekday(&p.low).is_some() {
            return false;
        }
        // a capitalised word at the start of a sentence is an ordinary word
        let start = k < 2
            || matches!(self.low(k - 2), "." | "!" | "?" | ":" | "\"" | "“" | "(" | "\n")
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
    pub(super) fn ordinal_ok(&self, s: usize, e: usize) -> bool {
        if e == s + 1 && self.t[s].kind == TokKind::Word {
            let w = self.word(s);
            // names: "First Union", "Sixth Avenue", "Second U.S. Circuit"
            if self.t[s].cap {
                if let Some(n) = self.t.get(e) {
                    if n.kind == TokKind::Word && n.cap && n.sp {
                        return false;
                    }
                }
            }
            if w == "first" {
                // the adverb: "at first", "when it first came out"
                if s > 0 && self.word(s - 1) == "at" {
                    return false;
                }
                let nx = self.word(e);
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
            && self.word(s) == "second"
            && s > 0
            && matches!(self.word(s - 1), "per" | "one" | "split" | "every" | "each")
        {
            return false;
        }
        true
    }
}

/// A number expression as `bare_number_expr` reads it: where its parts start, the amount, and
/// what the steps have found after it so far.
struct Expr {
    /// The first token (the hedge's, if any).
    s: usize,
    /// The token after the hedge and "between": where a currency prefix starts.
    j: usize,
    /// The amount's first token (after any currency prefix).
    k: usize,
    modifier: Option<Modifier>,
    /// "between 10 and 20": only a range completes it.
    between: bool,
    /// The currency of a prefix: "$5", "EUR 5".
    prefix: Option<&'static str>,
    amt: Amount,
    /// The token after the expression so far: the amount's end, then its suffix's.
    end: usize,
    kind: Kind,
    unit: Option<&'static str>,
    /// The currency, from the prefix or the suffix.
    currency: Option<&'static str>,
}

/// The marks of a year of the common era, which gets its ISO year ("2014 A.D."). Sorted.
const COMMON_ERA: &[&str] = &["A.D", "A.D.", "AD", "C.E", "C.E.", "CE"];

/// Words that make an ordinal before days or times a streak: "the 17th consecutive day", "a
/// fifth straight week". Sorted.
const STREAK_WORDS: &[&str] = &["consecutive", "straight", "successive"];

/// Toll-free and premium-rate telephone prefixes ("an 800 number"). Sorted.
const PHONE_PREFIXES: &[&str] = &["800", "888", "900"];

/// Words after a telephone prefix that make it one: "900 service", "an 800-number". Sorted.
const PHONE_LINE_WORDS: &[&str] =
    &["line", "number", "numbers", "phone", "product", "service", "services", "telephone"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_without_repeats() {
        for list in [COMMON_ERA, STREAK_WORDS, PHONE_PREFIXES, PHONE_LINE_WORDS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }
}
