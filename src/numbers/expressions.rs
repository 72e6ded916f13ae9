//! Whole expressions: currency prefixes, ranges, fractions, scientific notation and the
//! tests that tell a number from a name or a pronoun.

use super::*;

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
            // a major code in any case ("usd", "Eur"); compared case-blind, with no upper-cased copy
            let code = units::currency_code(self.raw(i)).or_else(|| {
                ["USD", "EUR", "GBP", "RMB", "JPY", "CNY", "INR"]
                    .into_iter()
                    .find(|c| c.eq_ignore_ascii_case(self.raw(i)))
                    .and_then(units::currency_code)
            });
            if let Some(c) = code.or(units::million_code(self.raw(i))) {
                if self.is_num(i + 1) || self.low(i + 1) == "$" {
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

    pub(super) fn number_expr0(&self, i: usize) -> Option<Candidate> {
        match (self.word(i), self.word(i + 1)) {
            ("absolute", "zero") => {
                let mut c = Candidate::new(i, i + 2, Kind::Quantity);
                c.value = Some(0.0);
                c.unit = Some("K");
                return Some(c);
            }
            ("a", "penny") => {
                let mut c = Candidate::new(i, i + 2, Kind::Money);
                c.value = Some(1.0);
                c.unit = Some("¢");
                return Some(c);
            }
            ("a", "baker")
                if is_apostrophe(self.low(i + 2))
                    && self.word(i + 3) == "s"
                    && self.word(i + 4) == "dozen" =>
            {
                let mut c = Candidate::new(i, i + 5, Kind::Cardinal);
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
        let between = self.word(j) == "between";
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
            && self.t.get(amt.end).is_none_or(|t| t.kind == TokKind::Punct)
            && self.low(amt.end) != "%"
        {
            return None;
        }
        // a year with its era: "300 BC", "around 500 B.C.", "2014 A.D."
        if currency.is_none() && amt.plain && amt.end == k + 1 && self.t[k].low.len() <= 4 {
            if let Some(ee) = self.era_at(amt.end) {
                let mut c = Candidate::new(i, ee, Kind::Date);
                c.modifier = modifier;
                if matches!(self.raw(amt.end), "AD" | "A.D." | "A.D" | "CE" | "C.E." | "C.E") {
                    c.iso = self.t[k].low.parse::<u32>().ok().map(|y| format!("{:04}", y));
                }
                return Some(c);
            }
        }
        // ordinal digits "27th"
        if currency.is_none() && self.is_num(amt.end - 1) && amt.plain && amt.end < self.n() {
            let sfx = self.low(amt.end);
            if self.glued(amt.end) && words::is_ordinal_suffix(&self.t[amt.end - 1].low, sfx) {
                if self.code_after(amt.end + 1) {
                    return None;
                }
                // "the 17th consecutive day": a date, like "a fifth straight week"
                let oe = amt.end + 1;
                if matches!(self.word(oe), "consecutive" | "straight" | "successive") {
                    if let Some((_, uc @ (UnitClass::DateSpan | UnitClass::TimeSpan), _)) =
                        units::unit(self.word(oe + 1))
                    {
                        let kind = if uc == UnitClass::TimeSpan { Kind::Time } else { Kind::Date };
                        return Some(self.finish(i, oe + 2, kind, None, None, modifier, None, None, None));
                    }
                }
                let mut c = Candidate::new(i, amt.end + 1, Kind::Ordinal);
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
                if self.t[end].kind == TokKind::Word {
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
            if amt.article && self.word(amt.s) == "half" && amt.end == amt.s + 1 {
                let mut c = Candidate::new(i, amt.end, Kind::Cardinal);
                c.value = Some(0.5);
                c.modifier = modifier;
                return Some(c);
            }
            if amt.article || amt.few {
                return None;
            }
            if amt.vague {
                // "billions of dollars", "hundreds"
                if self.word(end) == "of" {
                    let cw = self.word(end + 1);
                    if let Some(code) =
                        units::currency_word(cw).or(if cw == "pounds" { Some("GBP") } else { None })
                    {
                        let mut c = Candidate::new(i, end + 2, Kind::Money);
                        c.currency = Some(code);
                        c.modifier = modifier;
                        return Some(c);
                    }
                }
                let mut c = Candidate::new(i, end, Kind::Cardinal);
                c.modifier = modifier;
                return Some(c);
            }
            kind = if amt.ordinal { Kind::Ordinal } else { Kind::Cardinal };
        }
        if amt.ordinal && kind != Kind::Ordinal {
            // "a fifth straight week", "the 17th consecutive day": a date, like "the third year"
            if matches!(kind, Kind::Date | Kind::Time)
                && matches!(self.word(amt.end), "straight" | "consecutive" | "successive")
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
            && self.t[end - 1].kind == TokKind::Word
            && units::currency_code(self.raw(end - 1)).is_some()
        {
            if let Some(sc) = words::scale_word(self.word(end)) {
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
            && is_dash(self.low(end))
            && self.glued(end)
            && self.word(end + 1) == "plus"
            && self.glued(end + 1)
            && !(self.glued(end + 2)
                && (is_dash(self.low(end + 2)) || self.t[end + 2].kind != TokKind::Punct))
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
            && matches!(self.low(k), "800" | "888" | "900")
        {
            let n = if is_dash(self.low(end)) && self.glued(end) { end + 1 } else { end };
            if matches!(
                self.word(n),
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
        iso: Option<String>,
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
        let iso = d.iso.as_deref()?;
        // the second is a day of a month: "--07-15" or "2014-07-15"
        let day_iso = (iso.starts_with("--") && iso.len() == 7) || (iso.len() == 10 && !iso.contains('/'));
        if d.kind != Kind::Date || !day_iso || !self.is_num(d.s) && self.word(d.s) != "the" {
            return None;
        }
        let d2: u32 = iso[iso.len() - 2..].parse().ok()?;
        if !(1..d2).contains(&d1) {
            return None;
        }
        let mut c = Candidate::new(i, d.e, Kind::Date);
        let first = format!("{}{:02}", &iso[..iso.len() - 2], d1);
        c.iso = Some(format!("{}/{}", first, iso));
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
