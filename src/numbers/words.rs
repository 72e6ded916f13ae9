//! Spelled-out numbers: "forty-eight", "one hundred and twenty", "half a million",
//! "one and a half thousand", "five point three three thousand", "two thirds", "twenty-first".

use std::ops::ControlFlow;

use super::lex::{Tok, TokKind};

pub fn unit_word(w: &str) -> Option<f64> {
    Some(match w {
        "zero" | "nought" | "nil" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        _ => return None,
    })
}

pub fn tens_word(w: &str) -> Option<f64> {
    Some(match w {
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" | "fourty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// Scale words, including the news abbreviations written apart from the number.
pub fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "mln" | "mn" => 1e6,
        "billion" | "bln" | "bn" => 1e9,
        "trillion" | "tn" | "trn" | "tln" => 1e12,
        "lakh" | "lac" | "lakhs" | "lkh" => 1e5,
        "crore" | "crores" | "cr" => 1e7,
        _ => return None,
    })
}

/// A scale in the plural after a counted number: "5 billions", "two millions" (bare, "billions of
/// dollars" is a vague amount and no number).
pub fn plural_scale(w: &str) -> Option<f64> {
    match w.strip_suffix('s')? {
        "lakh" | "crore" => None, // already in `scale_word`
        stem => scale_word(stem),
    }
}

/// A tens word glued to a unit or ordinal word, written as one: "twentyfive", "twentyfifth",
/// "NinetyNine". (value, is ordinal).
pub fn glued_tens(w: &str) -> Option<(f64, bool)> {
    const TENS: [&str; 9] =
        ["twenty", "thirty", "forty", "fourty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    let tens = TENS.iter().find(|t| w.len() > t.len() && w.starts_with(*t))?;
    let rest = &w[tens.len()..];
    let tv = tens_word(tens)?;
    if let Some(u) = unit_word(rest).filter(|&u| u > 0.0 && u < 10.0) {
        return Some((tv + u, false));
    }
    ordinal_word(rest).filter(|&o| o < 10.0).map(|o| (tv + o, true))
}

/// A scale glued to digits: "45.2bn", "3k", "$1.2tn". `money` allows the ambiguous m/b/t.
pub fn glued_scale(w: &str, money: bool) -> Option<f64> {
    Some(match w {
        "k" | "thousand" => 1e3,
        "mn" | "mln" | "mil" | "million" => 1e6,
        "bn" | "bln" | "billion" => 1e9,
        "tn" | "trn" | "trillion" => 1e12,
        "m" if money => 1e6,
        "b" if money => 1e9,
        "t" if money => 1e12,
        _ => return None,
    })
}

pub fn ordinal_word(w: &str) -> Option<f64> {
    Some(match w {
        "first" => 1.0,
        "second" => 2.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "sixtieth" => 60.0,
        "seventieth" => 70.0,
        "eightieth" => 80.0,
        "ninetieth" => 90.0,
        "hundredth" => 100.0,
        "thousandth" => 1000.0,
        "millionth" => 1e6,
        "billionth" => 1e9,
        "trillionth" => 1e12,
        _ => return None,
    })
}

/// Denominators of fractions: "third(s)", "quarter(s)", "half/halves".
pub fn denominator(w: &str) -> Option<(f64, bool)> {
    // (denominator, plural)
    let (stem, plural) = match w {
        "half" => return Some((2.0, false)),
        "halves" => return Some((2.0, true)),
        "quarter" => return Some((4.0, false)),
        "quarters" => return Some((4.0, true)),
        _ => match w.strip_suffix('s') {
            Some(s) => (s, true),
            None => (w, false),
        },
    };
    if stem == "first" || stem == "second" {
        return None;
    }
    ordinal_word(stem).filter(|&d| d >= 3.0).map(|d| (d, plural))
}

/// Ordinal suffix after digits.
pub fn is_ordinal_suffix(n: &str, suf: &str) -> bool {
    let last = n.as_bytes().last().copied().unwrap_or(b'0');
    let tens = n.len() >= 2 && n.as_bytes()[n.len() - 2] == b'1';
    match suf {
        "st" => last == b'1' && !tens,
        "nd" => last == b'2' && !tens,
        "rd" => last == b'3' && !tens,
        "th" => true,
        _ => false,
    }
}

#[allow(dead_code)]
pub struct WordNum {
    /// Token index after the number.
    pub end: usize,
    pub value: f64,
    pub ordinal: bool,
    /// Ended on a fraction word ("two thirds").
    pub fraction: bool,
    /// Only a scale word ("a million", "hundred") or "a dozen".
    pub scale_only: bool,
    /// Number of number words used.
    pub words: usize,
}

fn is_joiner(t: &[Tok], i: usize) -> bool {
    // a hyphen/dash glued on both sides: "forty-eight", "thirty—first"
    i + 1 < t.len()
        && t[i].kind == TokKind::Punct
        && matches!(t[i].low.as_ref(), "-" | "‐" | "‑" | "–" | "—")
        && !t[i].sp
        && !t[i + 1].sp
}

/// Next token index of a word, skipping one glued hyphen. Returns (index, via_hyphen).
fn next_word(t: &[Tok], i: usize) -> (usize, bool) {
    if i < t.len() && is_joiner(t, i) {
        (i + 1, true)
    } else {
        (i, false)
    }
}

fn low<'a>(t: &'a [Tok], i: usize) -> &'a str {
    if i < t.len() && t[i].kind == TokKind::Word {
        &t[i].low
    } else {
        ""
    }
}

/// Can a spelled-out number start at token `i`? Most tokens start none: with no number word
/// seen, `parse_words_in` only goes on from a unit, tens or ordinal word (its special starts are
/// these four), so this rules the rest out before its grammar runs (the number layer asks at
/// every token, for several date and amount rules, and keeps the answers: `Parser::parse_words`).
pub fn may_start(t: &[Tok], i: usize) -> bool {
    let w0 = low(t, i);
    matches!(w0, "a" | "an" | "half" | "naught")
        || unit_word(w0).is_some()
        || tens_word(w0).is_some()
        || ordinal_word(w0).is_some()
        || glued_tens(w0).is_some()
        || bare_scale_before_currency(t, i)
}

/// "hundred" or "thousand" alone right before a currency in the plural counts one of it:
/// "hundred dollars" is $100 (Recognizers-Text's issue 3208). Not an adjective ("a thousand
/// dollar bill", "multi-million dollar verdicts", "million dollar contributions"), not in a name
/// ("Hundred Dollars" in capitals).
fn bare_scale_before_currency(t: &[Tok], i: usize) -> bool {
    let next = low(t, i + 1);
    matches!(low(t, i), "hundred" | "thousand")
        && !t[i].cap
        && next.ends_with('s')
        && super::units::currency_word(next).is_some()
        && (i == 0 || (t[i - 1].kind != TokKind::Num && t[i].sp))
}

/// Words before a clock time said in words ("at two thirty-five"). Sorted.
const CLOCK_BEFORE: &[&str] =
    &["after", "around", "at", "before", "by", "from", "since", "till", "to", "until"];
/// Words after one ("nine fifty-nine a m", "two thirty pm", "five forty in the morning"). Sorted.
const CLOCK_AFTER: &[&str] =
    &["a", "a.m", "am", "hours", "in", "o'clock", "p", "p.m", "pm", "this", "tonight"];

/// Words after "quarters" that make it a span of time, not a fraction: "two quarters ago", "lost
/// money in two quarters this year" ("three-quarters", hyphenated, is always the fraction). Sorted.
const QUARTERS_AS_PERIODS: &[&str] =
    &["after", "ago", "ahead", "before", "earlier", "last", "later", "next", "running", "this"];

/// Parses a spelled-out number starting at token `i`.
pub fn parse_words(t: &[Tok], i: usize) -> Option<WordNum> {
    parse_words_in(t, i, true)
}

/// `comma`: a comma may join the groups after a scale ("three million, two hundred").
///
/// The steps, in order: a lead-in that is a number by itself or sets up the count (`lead_in`:
/// "a gross", "half a dozen", "a million"); then one word at a time (`step`) until a word does
/// not go on with the number; then a fraction after it and the checks on the result (`finish`:
/// "two thirds").
fn parse_words_in(t: &[Tok], i: usize, comma: bool) -> Option<WordNum> {
    if !may_start(t, i) {
        return None;
    }
    let mut r = Reader::new(t, i, comma);
    if let ControlFlow::Break(whole) = r.lead_in() {
        return whole;
    }
    loop {
        match r.step() {
            Step::Next => {}
            Step::Stop => break,
            Step::Return(whole) => return whole,
        }
    }
    r.finish()
}

/// A `WordNum` of two words that is a scale phrase by itself: "half a million", "a gross".
fn scale_phrase(end: usize, value: f64) -> WordNum {
    WordNum { end, value, ordinal: false, fraction: false, scale_only: true, words: 2 }
}

/// What one step of the word loop tells it.
enum Step {
    /// The word belongs to the number: read the next one.
    Next,
    /// The number ends here (before this word, or with what the step just took).
    Stop,
    /// The step settled the answer by itself (a number, or none at all).
    Return(Option<WordNum>),
}

/// One parse: the value read so far and what the last word allows next.
struct Reader<'a> {
    t: &'a [Tok<'a>],
    /// Where the parse started (a number must end after it).
    start: usize,
    /// The first word after the lead-in ("a million": "million").
    i0: usize,
    /// A comma may join the groups after a scale (not inside such a joined group).
    comma: bool,
    /// The token to read next.
    j: usize,
    /// Token index after the last number word taken.
    end: usize,
    /// Completed groups (thousands and up).
    total: f64,
    /// The current group below 1000.
    cur: f64,
    /// The last scale applied to `total`.
    last_scale: f64,
    /// The group's value before "and" ("three hundred and ...").
    and_base: Option<f64>,
    /// Number words taken.
    words: usize,
    /// Any number word seen.
    have: bool,
    /// Only a scale so far ("a million", "a dozen").
    scale_only: bool,
    /// The last word was a tens word (a unit may follow: "forty eight").
    prev_tens: bool,
    /// The last word was a unit (a second one ends the number: "two three").
    prev_unit: bool,
    ordinal: bool,
    fraction: bool,
}

impl<'a> Reader<'a> {
    fn new(t: &'a [Tok<'a>], i: usize, comma: bool) -> Self {
        Reader {
            t,
            start: i,
            i0: i,
            comma,
            j: i,
            end: i,
            total: 0.0,
            cur: 0.0,
            last_scale: f64::INFINITY,
            and_base: None,
            words: 0,
            have: false,
            scale_only: false,
            prev_tens: false,
            prev_unit: false,
            ordinal: false,
            fraction: false,
        }
    }

    fn word(&self, k: usize) -> &'a str {
        low(self.t, k)
    }

    /// Takes the word at `j` into the number and moves past it.
    fn take_word(&mut self) {
        self.have = true;
        self.words += 1;
        self.j += 1;
        self.end = self.j;
    }

    /// The number ends at `k`, or after a scale there that multiplies what was read: "five point
    /// three three thousand", "one and a half million".
    fn end_with_scale(&mut self, k: usize) {
        self.j = k;
        self.end = k;
        if let Some(sc) = scale_word(self.word(k)) {
            self.total += self.cur * sc;
            self.cur = 0.0;
            self.j = k + 1;
            self.end = k + 1;
        }
    }

    // ---- lead-ins, before the word loop ----

    /// Step 1: "a"/"an" (`article`), then "half" before a scale (`half`). Breaks with the answer
    /// when the lead-in settles it.
    fn lead_in(&mut self) -> ControlFlow<Option<WordNum>> {
        if matches!(self.word(self.i0), "a" | "an") {
            self.article()?;
        }
        self.half()?;
        self.j = self.i0;
        ControlFlow::Continue(())
    }

    /// "a"/"an" counts one of the scale or dozen after it ("a million", "a dozen"); "a half
    /// million" reads as "half a million"; "a gross" and "a square dozen" are 144, "a quarter
    /// million" 250,000. Before anything else it is no number ("a quarter" alone is a period).
    fn article(&mut self) -> ControlFlow<Option<WordNum>> {
        let (t, i0) = (self.t, self.i0);
        let w1 = low(t, i0 + 1);
        // "a gross" only where nothing follows that makes "gross" an adjective or a film's
        // takings: "a gross margin", "a gross of $5 million"
        let gross_end =
            t.get(i0 + 2).is_none_or(|n| n.kind == TokKind::Punct && n.low != "-" && n.low != "$")
                || matches!(low(t, i0 + 2), "is" | "was" | "being");
        if (w1 == "square" && low(t, i0 + 2) == "dozen") || (w1 == "gross" && gross_end) {
            let end = if w1 == "gross" { i0 + 2 } else { i0 + 3 };
            return ControlFlow::Break(Some(scale_phrase(end, 144.0)));
        }
        if w1 == "quarter" {
            // "a quarter million", "a quarter-million"
            let (k2, _) = next_word(t, i0 + 2);
            let sc = scale_word(low(t, k2)).filter(|&sc| sc >= 1000.0);
            return ControlFlow::Break(sc.map(|sc| scale_phrase(k2 + 1, 0.25 * sc)));
        }
        if w1 == "half" && scale_word(low(t, i0 + 2)).is_some_and(|sc| sc >= 1000.0) {
            self.i0 += 1;
        } else if scale_word(w1).is_some() || w1 == "dozen" {
            self.cur = 1.0;
            self.have = true;
            self.scale_only = true;
            self.i0 += 1;
            self.end = self.i0;
        } else {
            return ControlFlow::Break(None);
        }
        ControlFlow::Continue(())
    }

    /// Half of one scale: "half million" (and "a half million"), "half a million", "half a
    /// dozen" (6).
    fn half(&self) -> ControlFlow<Option<WordNum>> {
        let (t, i0) = (self.t, self.i0);
        if low(t, i0) != "half" {
            return ControlFlow::Continue(());
        }
        if let Some(sc) = scale_word(low(t, i0 + 1)).filter(|&sc| sc >= 1000.0) {
            return ControlFlow::Break(Some(scale_phrase(i0 + 2, 0.5 * sc)));
        }
        if matches!(low(t, i0 + 1), "a" | "an") {
            let w2 = low(t, i0 + 2);
            let whole = if w2 == "dozen" { Some(12.0) } else { scale_word(w2) };
            if let Some(v) = whole {
                return ControlFlow::Break(Some(scale_phrase(i0 + 3, 0.5 * v)));
            }
        }
        ControlFlow::Continue(())
    }

    // ---- the word loop ----

    /// Step 2, once per token: punctuation first ("-and-a-half", "&", ","), then the word by its
    /// kind, in this order: glued tens, unit, tens, dozen, scale, "and", "point", ordinal.
    fn step(&mut self) -> Step {
        let mut w = self.word(self.j);
        // "naught point five": "naught" is a number only before a decimal point ("came to naught")
        if w == "naught" && !self.have && self.word(self.j + 1) == "point" {
            w = "nought";
        }
        if w.is_empty() {
            if self.hyphenated_and_fraction() || !self.joins_groups() {
                return Step::Stop;
            }
            w = "and"; // "&"
        }
        if let Some((v, ord)) = glued_tens(w) {
            return self.glued_tens_word(v, ord);
        }
        if let Some(u) = unit_word(w) {
            return self.unit(u);
        }
        if let Some(tv) = tens_word(w) {
            return self.tens(tv);
        }
        if self.is_dozen(w) {
            return self.dozen();
        }
        if let Some(sc) = scale_word(w).or_else(|| plural_scale(w).filter(|_| self.have && self.cur > 0.0)) {
            return self.scale(sc);
        }
        match (w, ordinal_word(w)) {
            ("and", _) if self.have => self.and(),
            ("point", _) if self.have => self.point(),
            (_, Some(o)) => self.ordinal(o),
            _ => Step::Stop,
        }
    }

    /// "three-and-a-half million", "two-and-a-quarter": a hyphenated fraction after the count, and
    /// a scale after that. True if it ended the number here.
    fn hyphenated_and_fraction(&mut self) -> bool {
        let (t, j) = (self.t, self.j);
        let joined = self.have
            && is_joiner(t, j)
            && low(t, j + 1) == "and"
            && is_joiner(t, j + 2)
            && matches!(low(t, j + 3), "a" | "an")
            && is_joiner(t, j + 4);
        if !joined {
            return false;
        }
        let Some((d, false)) = denominator(low(t, j + 5)) else { return false };
        self.cur += 1.0 / d;
        self.words += 1;
        self.end_with_scale(j + 6);
        true
    }

    /// Punctuation after a scale, before a unit or tens word: "&" reads as "and" ("two hundred &
    /// forty"); a comma ends this parse, adding the smaller groups after it when they read as a
    /// number of their own ("three million, two hundred thousand"). True if it reads as "and".
    fn joins_groups(&mut self) -> bool {
        let (t, j) = (self.t, self.j);
        let after_scale = self.have && j > self.i0 && scale_word(low(t, j - 1)).is_some();
        let next_num = unit_word(low(t, j + 1)).or(tens_word(low(t, j + 1))).is_some_and(|v| v > 0.0);
        if !after_scale || !next_num || j >= t.len() {
            return false;
        }
        if t[j].low == "&" {
            return true;
        }
        if t[j].low == "," && self.comma && self.cur == 0.0 {
            self.add_comma_group();
        }
        false
    }

    /// The groups after "million," parsed on their own (no second comma), added when they hold a
    /// scale, are smaller than the last scale and are no ordinal or fraction: "three million, two
    /// hundred thousand" (not "two million, two million").
    fn add_comma_group(&mut self) {
        let Some(sub) = parse_words_in(self.t, self.j + 1, false) else { return };
        let scaled = (self.j + 1..sub.end).any(|x| scale_word(self.word(x)).is_some());
        if scaled && !sub.ordinal && !sub.fraction && sub.value < self.last_scale {
            self.total += sub.value;
            self.words += sub.words;
            self.end = sub.end;
        }
    }

    /// "twentyfive", "one hundred twentyfifth": a tens word and a unit or ordinal written as one,
    /// only where a tens word may stand (not after "two" or "forty").
    fn glued_tens_word(&mut self, v: f64, ordinal: bool) -> Step {
        if self.prev_unit || self.prev_tens || self.cur % 100.0 != 0.0 {
            return Step::Stop;
        }
        self.cur += v;
        self.take_word();
        if ordinal {
            self.ordinal = true;
            return Step::Stop;
        }
        self.prev_unit = true;
        Step::Next
    }

    /// A unit adds to a tens word before it ("forty eight") or starts a group ("three hundred",
    /// "two million five"); after a unit or inside a group it ends the number ("two three").
    fn unit(&mut self, u: f64) -> Step {
        if self.prev_unit {
            return Step::Stop;
        }
        if self.prev_tens && u < 10.0 && u > 0.0 {
            self.cur += u;
            self.prev_tens = false;
        } else if self.cur % 100.0 != 0.0 {
            return Step::Stop;
        } else {
            self.cur += u;
        }
        self.prev_unit = true;
        self.take_word();
        Step::Next
    }

    /// A tens word starts the tens of a group ("three hundred forty", "forty-eight"). After a unit
    /// it is the rest of a number said in pairs (`spoken_hundreds`) or a denominator
    /// (`tens_denominator`).
    fn tens(&mut self, tv: f64) -> Step {
        if self.spoken_hundreds(tv) {
            return Step::Next;
        }
        if self.prev_unit || self.prev_tens || self.cur % 100.0 != 0.0 {
            return self.tens_denominator(tv);
        }
        self.cur += tv;
        self.prev_tens = true;
        self.prev_unit = false;
        self.take_word();
        self.hyphen_after_tens()
    }

    /// A digit word, then a two-digit compound, said as in "flight one twenty-two": the hundreds
    /// and the rest (122); "ONE TwentY tWO". Not a clock time ("at two thirty-five", "nine fifty
    /// nine a m"), nor "one twenty-two-year-old". True if it read one.
    fn spoken_hundreds(&mut self, tv: f64) -> bool {
        let (t, j) = (self.t, self.j);
        if !(self.prev_unit && self.words == 1 && self.total == 0.0 && (1.0..10.0).contains(&self.cur)) {
            return false;
        }
        let (k, _) = next_word(t, j + 1);
        let clock = (self.i0 > 0 && CLOCK_BEFORE.contains(&low(t, self.i0 - 1)))
            || CLOCK_AFTER.contains(&low(t, k + 1))
            || is_joiner(t, k + 1);
        let Some(u2) = unit_word(low(t, k)).filter(|&u| u > 0.0 && u < 10.0 && !clock) else {
            return false;
        };
        self.cur = self.cur * 100.0 + tv + u2;
        self.words += 2;
        self.j = k + 1;
        self.end = self.j;
        true
    }

    /// A tens word where it cannot add to the group ends the number, unless a numerator is
    /// followed by a hyphenated denominator: "two thirty-fifths" (2/35), "one thirty-fifth".
    fn tens_denominator(&self, tv: f64) -> Step {
        let (k, hy) = next_word(self.t, self.j + 1);
        let num = self.total + self.cur;
        let den = denominator(self.word(k)).filter(|&(d, pl)| d < 10.0 && pl != (num == 1.0));
        match den {
            Some((d, _)) if self.prev_unit && hy && !self.ordinal => Step::Return(Some(WordNum {
                end: k + 1,
                value: num / (tv + d),
                ordinal: false,
                fraction: true,
                scale_only: false,
                words: self.words,
            })),
            _ => Step::Stop,
        }
    }

    /// After a tens word, a glued hyphen before a unit or ordinal: "forty-eight", "twenty-first";
    /// a spaced one between two number words reads the same ("ninety - five", as transcripts
    /// write it). A glued hyphen before anything else ends the number ("forty-odd").
    fn hyphen_after_tens(&mut self) -> Step {
        let (t, j) = (self.t, self.j);
        let spaced = j + 1 < t.len()
            && t[j].low == "-"
            && t[j].sp
            && t[j + 1].sp
            && unit_word(low(t, j + 1)).is_some_and(|u| u > 0.0 && u < 10.0);
        let (k, hy) = if spaced { (j + 1, true) } else { next_word(t, j) };
        if !hy {
            return Step::Next;
        }
        let wk = low(t, k);
        if unit_word(wk).is_some_and(|u| u > 0.0 && u < 10.0) || ordinal_word(wk).is_some_and(|o| o < 10.0) {
            self.j = k;
            return Step::Next;
        }
        Step::Stop
    }

    /// "dozen" after a count or "a" ("two dozen", "a dozen"); "dozens", "doz", "dozs" only right
    /// after a counted number ("two dozens", "five dozs"; "dozens of" alone is vague).
    fn is_dozen(&self, w: &str) -> bool {
        (w == "dozen" && (self.have || self.scale_only))
            || (matches!(w, "dozens" | "doz" | "dozs")
                && self.have
                && self.cur > 0.0
                && (self.prev_unit || self.prev_tens))
    }

    /// A dozen multiplies the count by 12; after "and" only the count after it: "three hundred
    /// and two dozen" is 324.
    fn dozen(&mut self) -> Step {
        self.cur = match self.and_base {
            Some(b) if b > 0.0 && self.cur > b => b + (self.cur - b) * 12.0,
            _ if self.cur == 0.0 => 12.0,
            _ => self.cur * 12.0,
        };
        self.prev_unit = false;
        self.prev_tens = false;
        self.take_word();
        Step::Next
    }

    /// "hundred" multiplies the group below 1000 ("three hundred"), a larger scale adds the group
    /// times the scale to `total` ("two million three hundred thousand"), or multiplies all of it
    /// when no smaller than the last one ("a thousand million"). A bare "hundred"/"million" is no
    /// number, except "hundred dollars" (`bare_scale_before_currency`).
    fn scale(&mut self, sc: f64) -> Step {
        if !self.have && !self.scale_only && !bare_scale_before_currency(self.t, self.j) {
            return Step::Stop;
        }
        let base = if self.cur == 0.0 { 1.0 } else { self.cur };
        if sc == 100.0 {
            if self.cur >= 100.0 {
                return Step::Stop;
            }
            self.cur = base * 100.0;
        } else {
            if sc >= self.last_scale {
                self.total = (self.total + self.cur) * sc;
            } else {
                self.total += base * sc;
            }
            self.last_scale = sc;
            if self.total > 1e30 {
                // "thousand thousand thousand ...": not a number (and keeps this O(1))
                return Step::Return(None);
            }
            self.cur = 0.0;
        }
        self.prev_unit = false;
        self.prev_tens = false;
        self.take_word();
        Step::Next
    }

    /// "and" brings a fraction that ends the number ("two and a half", "one and a half thousand",
    /// "a million and a half") or goes on after a scale before a unit or tens word ("one hundred
    /// and twenty"); else the number ends before it.
    fn and(&mut self) -> Step {
        if let Some((f, k)) = fraction_after_and(self.t, self.j) {
            self.add_and_fraction(f, k);
            return Step::Stop;
        }
        let n1 = self.word(self.j + 1);
        let after_scale = self.j > self.i0 && scale_word(self.word(self.j - 1)).is_some();
        if after_scale && (unit_word(n1).is_some() || tens_word(n1).is_some()) {
            self.and_base = Some(self.cur);
            self.j += 1;
            return Step::Next;
        }
        Step::Stop
    }

    /// Adds the fraction `f` read by "and" up to token `k`: of the scale before it ("a million and
    /// a half" = 1,500,000), of a smaller scale after it ("one billion and a quarter million"), or
    /// to the count, then times a scale after it ("one and a half thousand").
    fn add_and_fraction(&mut self, f: f64, k: usize) {
        let prev_scale = scale_word(self.word(self.j - 1)).filter(|&sc| sc >= 1000.0);
        let next_scale = scale_word(self.word(k)).filter(|&sc| prev_scale.is_some_and(|p| sc < p));
        match (prev_scale, next_scale) {
            (Some(_), Some(sc2)) => self.total += f * sc2,
            (Some(sc), None) => self.total += f * sc,
            (None, _) => self.cur += f,
        }
        self.words += 1;
        let after = if next_scale.is_some() { k + 1 } else { k };
        if prev_scale.is_none() {
            self.end_with_scale(after);
        } else {
            self.j = after;
            self.end = after;
        }
    }

    /// Decimals end the number, with a scale after them: "five point three three", "two hundred
    /// point seventy-one", "five point three three thousand".
    fn point(&mut self) -> Step {
        let (digits, k) = decimal_digits(self.t, self.j + 1);
        if digits.is_empty() {
            return Step::Stop;
        }
        let frac: f64 = format!("0.{}", digits).parse().unwrap_or(0.0);
        self.cur += frac;
        self.have = true;
        self.words += 1;
        self.end_with_scale(k);
        Step::Stop
    }

    /// An ordinal ends the number: "first", "twenty-first", "one hundred twenty fifth"; one of a
    /// scale multiplies the count ("two hundredth", "the five thousandth visitor"), except where
    /// it is a fraction, read by `finish` ("one hundredth", "a trillionth").
    fn ordinal(&mut self, o: f64) -> Step {
        if self.prev_unit && o < 10.0 && self.cur % 100.0 != 0.0 {
            return Step::Stop;
        }
        if o >= 100.0 && self.have {
            if self.total + self.cur == 1.0 || self.scale_only || (o == 100.0 && self.cur >= 100.0) {
                return Step::Stop;
            }
            let base = if self.cur == 0.0 { 1.0 } else { self.cur };
            self.total += base * o;
            self.cur = 0.0;
        } else {
            self.cur += o;
        }
        self.ordinal = true;
        self.take_word();
        Step::Stop
    }

    // ---- the result ----

    /// Step 3: the number read, with a fraction after it (`trailing_fraction`); none if no number
    /// word was taken, it is too large, or it is the ordinal zero. A dangling "and" is left out
    /// (`end` only moves on number words).
    fn finish(mut self) -> Option<WordNum> {
        let mut value = self.total + self.cur;
        if !self.have || self.end == self.start || !value.is_finite() || value > 1e30 {
            return None;
        }
        if !self.ordinal {
            if let Some((v, end)) = self.trailing_fraction(value) {
                value = v;
                self.fraction = true;
                self.end = end;
            }
        }
        if self.ordinal && value == 0.0 {
            return None;
        }
        Some(WordNum {
            end: self.end,
            value,
            ordinal: self.ordinal,
            fraction: self.fraction,
            scale_only: self.scale_only && self.words <= 1,
            words: self.words,
        })
    }

    /// A denominator after the count makes it a fraction: "two thirds", "one-eighth", "three
    /// quarters"; hyphenated to a tens word, that word is the denominator's ("one hundred
    /// thirty-fifths" = 100/35). The denominator agrees with the count ("one third", "two
    /// thirds"); "quarters" before `QUARTERS_AS_PERIODS` is a span of time. (value, end)
    fn trailing_fraction(&self, value: f64) -> Option<(f64, usize)> {
        let (t, end) = (self.t, self.end);
        let (k, hy) = next_word(t, end);
        let (d, plural) = denominator(low(t, k))?;
        let tens = if hy && d < 10.0 { tens_word(low(t, end - 1)) } else { None };
        let (num, den) = match tens {
            Some(tv) => (value - tv, d + tv),
            None => (value, d),
        };
        let one = num == 1.0;
        let periods = low(t, k) == "quarters" && !hy && QUARTERS_AS_PERIODS.contains(&low(t, k + 1));
        (num > 0.0 && !periods && plural != one).then_some((num / den, k + 1))
    }
}

/// The fraction after "and" at `j`, and the token after it: "and a half", "and a fifth" (one
/// part, in the singular), "and three quarters" (plural after more than one), "two and
/// fifty-four hundredths" (a tens count over hundredths and up).
fn fraction_after_and(t: &[Tok], j: usize) -> Option<(f64, usize)> {
    let n1 = low(t, j + 1);
    if n1 == "a" || n1 == "an" {
        denominator(low(t, j + 2)).filter(|&(_, pl)| !pl).map(|(d, _)| (1.0 / d, j + 3))
    } else if let Some(u) = unit_word(n1).filter(|&u| u >= 1.0) {
        let (k, _) = next_word(t, j + 2);
        denominator(low(t, k)).filter(|&(_, pl)| pl != (u == 1.0)).map(|(d, _)| (u / d, k + 1))
    } else if let Some(tv) = tens_word(n1) {
        let mut u = tv;
        let (mut k, hy) = next_word(t, j + 2);
        if let Some(x) = unit_word(low(t, k)).filter(|&x| hy && x > 0.0 && x < 10.0) {
            u += x;
            k = next_word(t, k + 1).0;
        } else {
            k = j + 2;
        }
        denominator(low(t, k)).filter(|&(d, pl)| pl && d >= 100.0).map(|(d, _)| (u / d, k + 1))
    } else {
        None
    }
}

/// The words after "point" as decimal digits, and the token after them: "three three" is "33",
/// "seventy-one" "71", "eleven" "11" ("nought point eleven").
fn decimal_digits(t: &[Tok], mut k: usize) -> (String, usize) {
    let mut digits = String::new();
    if let Some(tv) = tens_word(low(t, k)) {
        let mut v = tv;
        k += 1;
        let (k2, _) = next_word(t, k);
        if let Some(u) = unit_word(low(t, k2)).filter(|&u| u > 0.0 && u < 10.0) {
            v += u;
            k = k2 + 1;
        }
        digits.push_str(&format!("{}", v as u64));
    } else if let Some(u) = unit_word(low(t, k)).filter(|&u| u >= 10.0) {
        digits.push_str(&format!("{}", u as u64));
        k += 1;
    } else {
        while let Some(u) = unit_word(low(t, k)).filter(|&u| u < 10.0) {
            digits.push(char::from(b'0' + u as u8));
            k += 1;
        }
    }
    (digits, k)
}

#[cfg(test)]
mod tests {
    #[test]
    fn word_lists_are_sorted_without_repeats() {
        for list in [super::CLOCK_BEFORE, super::CLOCK_AFTER, super::QUARTERS_AS_PERIODS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }
}
