//! Spelled-out numbers: "forty-eight", "one hundred and twenty", "half a million",
//! "one and a half thousand", "five point three three thousand", "two thirds", "twenty-first".

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

/// Parses a spelled-out number starting at token `i`.
pub fn parse_words(t: &[Tok], i: usize) -> Option<WordNum> {
    parse_words_in(t, i, true)
}

/// `comma`: a comma may join the groups after a scale ("three million, two hundred").
fn parse_words_in(t: &[Tok], i: usize, comma: bool) -> Option<WordNum> {
    let mut total = 0.0f64; // completed groups (thousands and up)
    let mut cur = 0.0f64; // current group below 1000
    let mut i0 = i;
    let mut end = i;
    let mut words = 0usize;
    let mut scale_only = false;
    let mut last_scale = f64::INFINITY; // the last scale applied to `total`
    let mut have = false; // any number word seen
    let mut prev_tens = false; // last word was a tens word (allows a unit)
    let mut prev_unit = false;
    let mut ordinal = false;
    let mut fraction = false;
    let mut and_base: Option<f64> = None; // the group's value before "and" ("three hundred and ...")

    if !may_start(t, i) {
        return None;
    }
    // "a"/"an" before a scale, "dozen", "half", "quarter"
    let w0 = low(t, i0);
    if w0 == "a" || w0 == "an" {
        let w1 = low(t, i0 + 1);
        // "a square dozen", "a gross" (twelve dozen; only where nothing follows that makes
        // "gross" an adjective or a film's takings: "a gross margin", "a gross of $5 million")
        let gross_end =
            t.get(i0 + 2).is_none_or(|n| n.kind == TokKind::Punct && n.low != "-" && n.low != "$")
                || matches!(low(t, i0 + 2), "is" | "was" | "being");
        if (w1 == "square" && low(t, i0 + 2) == "dozen") || (w1 == "gross" && gross_end) {
            let end = if w1 == "gross" { i0 + 2 } else { i0 + 3 };
            return Some(WordNum {
                end,
                value: 144.0,
                ordinal: false,
                fraction: false,
                scale_only: true,
                words: 2,
            });
        }
        // "a quarter million", "a quarter-million" (not "a quarter" alone: a period)
        let (k2, _) = next_word(t, i0 + 2);
        if w1 == "quarter" {
            let sc = scale_word(low(t, k2)).filter(|&sc| sc >= 1000.0)?;
            return Some(WordNum {
                end: k2 + 1,
                value: 0.25 * sc,
                ordinal: false,
                fraction: false,
                scale_only: true,
                words: 2,
            });
        }
        if w1 == "half" && scale_word(low(t, i0 + 2)).is_some_and(|sc| sc >= 1000.0) {
            // "a half million": read as "half a million" below
            i0 += 1;
        } else if scale_word(w1).is_some() || w1 == "dozen" {
            cur = 1.0;
            have = true;
            scale_only = true;
            i0 += 1;
            end = i0;
        } else {
            return None;
        }
    }
    // "half million", "a half million"
    if low(t, i0) == "half" {
        if let Some(sc) = scale_word(low(t, i0 + 1)).filter(|&sc| sc >= 1000.0) {
            return Some(WordNum {
                end: i0 + 2,
                value: 0.5 * sc,
                ordinal: false,
                fraction: false,
                scale_only: true,
                words: 2,
            });
        }
    }
    // "half a million", "half a dozen"
    if low(t, i0) == "half" && matches!(low(t, i0 + 1), "a" | "an") {
        let w2 = low(t, i0 + 2);
        if let Some(sc) = scale_word(w2) {
            return Some(WordNum {
                end: i0 + 3,
                value: 0.5 * sc,
                ordinal: false,
                fraction: false,
                scale_only: true,
                words: 2,
            });
        }
        if w2 == "dozen" {
            return Some(WordNum {
                end: i0 + 3,
                value: 6.0,
                ordinal: false,
                fraction: false,
                scale_only: true,
                words: 2,
            });
        }
    }
    let mut j = i0;
    loop {
        let mut w = low(t, j);
        // "naught point five": "naught" is a number only before a decimal point ("came to naught")
        if w == "naught" && !have && low(t, j + 1) == "point" {
            w = "nought";
        }
        // "three-and-a-half million", "two-and-a-quarter"
        if w.is_empty()
            && have
            && is_joiner(t, j)
            && low(t, j + 1) == "and"
            && is_joiner(t, j + 2)
            && matches!(low(t, j + 3), "a" | "an")
            && is_joiner(t, j + 4)
        {
            if let Some((d, false)) = denominator(low(t, j + 5)) {
                cur += 1.0 / d;
                words += 1;
                j += 6;
                end = j;
                if let Some(sc) = scale_word(low(t, j)) {
                    total += cur * sc;
                    cur = 0.0;
                    end = j + 1;
                }
                break;
            }
        }
        if w.is_empty() {
            // "three million, two hundred & forty": after a scale word, a comma before the
            // smaller groups, or "&" for "and"
            let after_scale = have && j > i0 && scale_word(low(t, j - 1)).is_some();
            let next_num = unit_word(low(t, j + 1)).or(tens_word(low(t, j + 1))).is_some_and(|v| v > 0.0);
            if !after_scale || !next_num || j >= t.len() {
                break;
            }
            if t[j].low == "&" {
                w = "and";
            } else if t[j].low == "," && comma && cur == 0.0 {
                if let Some(sub) = parse_words_in(t, j + 1, false) {
                    let scaled = (j + 1..sub.end).any(|x| scale_word(low(t, x)).is_some());
                    if scaled && !sub.ordinal && !sub.fraction && sub.value < last_scale {
                        total += sub.value;
                        words += sub.words;
                        end = sub.end;
                    }
                }
                break;
            } else {
                break;
            }
        }
        if let Some((v, ord)) = glued_tens(w) {
            // "twentyfive", "one hundred twentyfifth"
            if prev_unit || prev_tens || cur % 100.0 != 0.0 {
                break;
            }
            cur += v;
            have = true;
            words += 1;
            j += 1;
            end = j;
            if ord {
                ordinal = true;
                break;
            }
            prev_unit = true;
            continue;
        }
        if let Some(u) = unit_word(w) {
            if prev_unit {
                break;
            }
            if prev_tens && u < 10.0 && u > 0.0 {
                cur += u;
                prev_tens = false;
            } else if cur % 100.0 != 0.0 {
                break; // "two three"
            } else {
                cur += u;
            }
            prev_unit = true;
        } else if let Some(tv) = tens_word(w) {
            // a digit word, then a two-digit compound, said as in "flight one twenty-two": the
            // hundreds and the rest (122); "ONE TwentY tWO"
            // (not a clock time, "at two thirty-five", "nine fifty nine a m", nor "one
            // twenty-two-year-old")
            if prev_unit && words == 1 && total == 0.0 && (1.0..10.0).contains(&cur) {
                let (k, _) = next_word(t, j + 1);
                let clock = (i0 > 0 && CLOCK_BEFORE.contains(&low(t, i0 - 1)))
                    || CLOCK_AFTER.contains(&low(t, k + 1))
                    || is_joiner(t, k + 1);
                if let Some(u2) = unit_word(low(t, k)).filter(|&u| u > 0.0 && u < 10.0 && !clock) {
                    cur = cur * 100.0 + tv + u2;
                    words += 2;
                    j = k + 1;
                    end = j;
                    continue;
                }
            }
            if prev_unit || prev_tens || cur % 100.0 != 0.0 {
                // a numerator, then a hyphenated denominator: "two thirty-fifths", "one thirty-fifth"
                let (k, hy) = next_word(t, j + 1);
                let num = total + cur;
                if let Some((d, _)) = denominator(low(t, k)).filter(|&(d, pl)| d < 10.0 && pl != (num == 1.0))
                {
                    if prev_unit && hy && !ordinal {
                        let value = num / (tv + d);
                        return Some(WordNum {
                            end: k + 1,
                            value,
                            ordinal,
                            fraction: true,
                            scale_only: false,
                            words,
                        });
                    }
                }
                break;
            }
            cur += tv;
            prev_tens = true;
            prev_unit = false;
            have = true;
            words += 1;
            j += 1;
            end = j;
            // glued hyphen then a unit or ordinal: "forty-eight", "twenty-first"; a spaced one
            // between two number words reads the same ("ninety - five", as transcripts write it)
            let spaced = j + 1 < t.len()
                && t[j].low == "-"
                && t[j].sp
                && t[j + 1].sp
                && unit_word(low(t, j + 1)).is_some_and(|u| u > 0.0 && u < 10.0);
            let (k, hy) = if spaced { (j + 1, true) } else { next_word(t, j) };
            if hy {
                let wk = low(t, k);
                if unit_word(wk).is_some_and(|u| u > 0.0 && u < 10.0)
                    || ordinal_word(wk).is_some_and(|o| o < 10.0)
                {
                    j = k;
                } else {
                    break;
                }
            }
            continue;
        } else if (w == "dozen" && (have || scale_only))
            // "two dozens", "five dozs", "3 doz" after a counted number
            || (matches!(w, "dozens" | "doz" | "dozs") && have && cur > 0.0 && (prev_unit || prev_tens))
        {
            cur = match and_base {
                // "three hundred and two dozen": the dozens are the group after "and" (324)
                Some(b) if b > 0.0 && cur > b => b + (cur - b) * 12.0,
                _ if cur == 0.0 => 12.0,
                _ => cur * 12.0,
            };
            prev_unit = false;
            prev_tens = false;
        } else if let Some(sc) = scale_word(w).or_else(|| plural_scale(w).filter(|_| have && cur > 0.0)) {
            if !have && !scale_only && !bare_scale_before_currency(t, j) {
                // a bare "hundred"/"million" is not a number here
                break;
            }
            let base = if cur == 0.0 { 1.0 } else { cur };
            if sc == 100.0 {
                if cur >= 100.0 {
                    break;
                }
                cur = base * 100.0;
            } else {
                if sc >= last_scale {
                    // "thousand million": multiply through
                    total = (total + cur) * sc;
                } else {
                    total += base * sc;
                }
                last_scale = sc;
                if total > 1e30 {
                    return None; // "thousand thousand thousand ...": not a number (and keeps this O(1))
                }
                cur = 0.0;
            }
            prev_unit = false;
            prev_tens = false;
        } else if w == "and" && have {
            // "one hundred and twenty", "one and a half thousand", "two and a half"
            let n1 = low(t, j + 1);
            // a fraction after "and": "and a half", "and three quarters", "and a fifth"
            let frac = if n1 == "a" || n1 == "an" {
                denominator(low(t, j + 2)).filter(|&(_, pl)| !pl).map(|(d, _)| (1.0 / d, j + 3))
            } else if let Some(u) = unit_word(n1).filter(|&u| u >= 1.0) {
                let (k, _) = next_word(t, j + 2);
                denominator(low(t, k)).filter(|&(_, pl)| pl != (u == 1.0)).map(|(d, _)| (u / d, k + 1))
            } else if let Some(tv) = tens_word(n1) {
                // "two and fifty-four hundredths"
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
            };
            if let Some((f, k)) = frac {
                let prev_scale = scale_word(low(t, j - 1)).filter(|&sc| sc >= 1000.0);
                // "one billion and a quarter million": the fraction of the smaller scale after it
                let next_scale = scale_word(low(t, k)).filter(|&sc| prev_scale.is_some_and(|p| sc < p));
                match (prev_scale, next_scale) {
                    (Some(_), Some(sc2)) => total += f * sc2,
                    // "a million and a half" = 1,500,000
                    (Some(sc), None) => total += f * sc,
                    (None, _) => cur += f,
                }
                words += 1;
                j = if next_scale.is_some() { k + 1 } else { k };
                end = j;
                // optional scale after: "one and a half thousand"
                if prev_scale.is_none() {
                    if let Some(sc) = scale_word(low(t, j)) {
                        total += cur * sc;
                        cur = 0.0;
                        j += 1;
                        end = j;
                    }
                }
                break;
            }
            let after_scale = j > i0 && scale_word(low(t, j - 1)).is_some();
            if after_scale && (unit_word(n1).is_some() || tens_word(n1).is_some()) {
                and_base = Some(cur);
                j += 1;
                continue;
            }
            break;
        } else if w == "point" && have {
            // decimals: "five point three three", "two hundred point seventy-one"
            let mut k = j + 1;
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
                // "nought point eleven"
                digits.push_str(&format!("{}", u as u64));
                k += 1;
            } else {
                while let Some(u) = unit_word(low(t, k)).filter(|&u| u < 10.0) {
                    digits.push(char::from(b'0' + u as u8));
                    k += 1;
                }
            }
            if digits.is_empty() {
                break;
            }
            let frac: f64 = format!("0.{}", digits).parse().unwrap_or(0.0);
            cur += frac;
            have = true;
            words += 1;
            j = k;
            end = j;
            if let Some(sc) = scale_word(low(t, j)) {
                total += cur * sc;
                cur = 0.0;
                j += 1;
                end = j;
            }
            break;
        } else if let Some(o) = ordinal_word(w) {
            // "twenty-first", "one hundred twenty fifth", "first"
            if prev_unit && o < 10.0 && cur % 100.0 != 0.0 {
                break;
            }
            if o >= 100.0 && have {
                // "two hundredth", "the five thousandth visitor": an ordinal of a counted scale;
                // "one hundredth" (and "a trillionth") is a fraction, read below
                if total + cur == 1.0 || scale_only || (o == 100.0 && cur >= 100.0) {
                    break;
                }
                let base = if cur == 0.0 { 1.0 } else { cur };
                total += base * o;
                cur = 0.0;
                ordinal = true;
                words += 1;
                j += 1;
                end = j;
                break;
            }
            cur += o;
            ordinal = true;
            have = true;
            words += 1;
            j += 1;
            end = j;
            break;
        } else {
            break;
        }
        have = true;
        words += 1;
        j += 1;
        end = j;
    }
    if !have || end == i || !(total + cur).is_finite() || total + cur > 1e30 {
        return None;
    }
    // "and" left dangling is not included (end only advances on number words)
    let mut value = total + cur;
    // fractions: "two thirds", "one-eighth", "three quarters"
    if !ordinal {
        let (k, hy) = next_word(t, end);
        if let Some((d, plural)) = denominator(low(t, k)) {
            // a denominator joined to a tens word: "one hundred thirty-fifths" = 100/35
            let tens = if hy && d < 10.0 { tens_word(low(t, end - 1)) } else { None };
            let (num, den) = match tens {
                Some(tv) => (value - tv, d + tv),
                None => (value, d),
            };
            let one = num == 1.0;
            // "two quarters ago", "lost money in two quarters this year": periods, not 2/4 (never
            // "three-quarters", always the fraction)
            let periods = low(t, k) == "quarters"
                && !hy
                && matches!(
                    low(t, k + 1),
                    "ago"
                        | "later"
                        | "earlier"
                        | "this"
                        | "last"
                        | "next"
                        | "running"
                        | "ahead"
                        | "before"
                        | "after"
                );
            if num > 0.0 && !periods && ((plural && !one) || (!plural && one)) {
                value = num / den;
                fraction = true;
                end = k + 1;
            }
        }
    }
    if ordinal && value == 0.0 {
        return None;
    }
    Some(WordNum { end, value, ordinal, fraction, scale_only: scale_only && words <= 1, words })
}

#[cfg(test)]
mod tests {
    #[test]
    fn clock_words_are_sorted_without_repeats() {
        for list in [super::CLOCK_BEFORE, super::CLOCK_AFTER] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }
}
