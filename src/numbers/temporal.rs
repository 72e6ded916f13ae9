//! A date or time as far as the text pins it down. The rules build and read it as a value; ISO
//! 8601 text is written once, on the way out (`Display`, called by `Numbers::find`).

use std::fmt;

/// A clock time, 24-hour: 15:30.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Clock {
    pub h: u32,
    pub m: u32,
}

/// What a date or time names, as far as the text pins it down.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Temporal {
    /// A calendar date, maybe with its clock time. Made only by the constructors below, so that
    /// at least the year, the month or the day is known: "2019", "2019-12", "2019-12-27",
    /// "--12-27", "--12" (a month alone), "---05" (a day alone), "2019-12-27T15:30".
    Date { y: Option<i32>, m: Option<u32>, d: Option<u32>, time: Option<Clock> },
    /// A decade by its first three digits: "199" for the 1990s.
    Decade(u32),
    /// A clock time: "T15:30".
    Time(Clock),
    /// From one to the other: "2012/2013", "--07-13/--07-15", "T07:30/T09:30".
    Range(Box<Temporal>, Box<Temporal>),
    /// A length of time (newsmark/2 durations): "P3M", "PT1H30M", "P1.5Y".
    Duration(Duration),
}

/// A length of time as ISO 8601 counts it: a count per designator, years to seconds ("P1Y6M",
/// "PT1H30M"). Built by `numbers::durations`; written out once, like every `Temporal`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Duration {
    /// Years, months, weeks, days, hours, minutes, seconds; each finite and not negative.
    pub slots: [Option<f64>; 7],
}

impl Temporal {
    /// A year: "2019".
    pub fn year(y: i32) -> Temporal {
        Temporal::Date { y: Some(y), m: None, d: None, time: None }
    }

    /// A month of a year: "2019-12".
    pub fn year_month(y: i32, m: u32) -> Temporal {
        Temporal::Date { y: Some(y), m: Some(m), d: None, time: None }
    }

    /// A day of a month of a year: "2019-12-27" (not checked: see `Ymd::temporal`).
    pub fn year_month_day(y: i32, m: u32, d: u32) -> Temporal {
        Temporal::Date { y: Some(y), m: Some(m), d: Some(d), time: None }
    }

    /// A day of a month, the year unsaid: "--12-27".
    pub fn month_day(m: u32, d: u32) -> Temporal {
        Temporal::Date { y: None, m: Some(m), d: Some(d), time: None }
    }

    /// A month, the year unsaid: "--12".
    pub fn month(m: u32) -> Temporal {
        Temporal::Date { y: None, m: Some(m), d: None, time: None }
    }

    /// A day of a month unsaid: "---05".
    pub fn day(d: u32) -> Temporal {
        Temporal::Date { y: None, m: None, d: Some(d), time: None }
    }

    /// A clock time: "T15:30".
    pub fn clock(h: u32, m: u32) -> Temporal {
        Temporal::Time(Clock { h, m })
    }

    /// From `a` to `b`: "2012/2013".
    pub fn range(a: Temporal, b: Temporal) -> Temporal {
        Temporal::Range(Box::new(a), Box::new(b))
    }

    pub fn is_range(&self) -> bool {
        matches!(self, Temporal::Range(..))
    }

    /// A day of a month, with or without its year, no clock time: "2019-12-27", "--12-27".
    pub fn is_day_of_month(&self) -> bool {
        matches!(self, Temporal::Date { m: Some(_), d: Some(_), time: None, .. })
    }

    /// A day of a month of a year, no clock time: "2019-12-27".
    pub fn is_full_date(&self) -> bool {
        matches!(self, Temporal::Date { y: Some(_), m: Some(_), d: Some(_), time: None })
    }

    /// A month with its year or its day (a clock time allowed): "2019-12", "--12-27", not "--12"
    /// or "2019".
    pub fn is_month_and_more(&self) -> bool {
        matches!(self, Temporal::Date { y, m: Some(_), d, .. } if y.is_some() || d.is_some())
    }

    /// It starts with a date whose year is unsaid: "--12", "--12-27", "---05", "--06-26/--06-28".
    pub fn starts_without_year(&self) -> bool {
        match self {
            Temporal::Date { y, .. } => y.is_none(),
            Temporal::Range(a, _) => a.starts_without_year(),
            _ => false,
        }
    }

    /// A month or a day is named somewhere in it: "2019-12", "---05", "1990/1991-03".
    pub fn names_month_or_day(&self) -> bool {
        match self {
            Temporal::Date { m, d, .. } => m.is_some() || d.is_some(),
            Temporal::Range(a, b) => a.names_month_or_day() || b.names_month_or_day(),
            _ => false,
        }
    }
}

impl fmt::Display for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "T{:02}:{:02}", self.h, self.m)
    }
}

/// ISO 8601, as the wire format gives it (see `Number::iso`).
impl fmt::Display for Temporal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Temporal::Date { y, m, d, time } => {
                match (y, m, d) {
                    (Some(y), Some(m), Some(d)) => write!(f, "{:04}-{:02}-{:02}", y, m, d)?,
                    (Some(y), Some(m), None) => write!(f, "{:04}-{:02}", y, m)?,
                    (None, Some(m), Some(d)) => write!(f, "--{:02}-{:02}", m, d)?,
                    (None, Some(m), None) => write!(f, "--{:02}", m)?,
                    (Some(y), None, _) => write!(f, "{:04}", y)?,
                    (None, None, Some(d)) => write!(f, "---{:02}", d)?,
                    (None, None, None) => {}
                }
                match time {
                    Some(t) => write!(f, "{}", t),
                    None => Ok(()),
                }
            }
            Temporal::Decade(x) => write!(f, "{}", x),
            Temporal::Time(t) => write!(f, "{}", t),
            Temporal::Range(a, b) => write!(f, "{}/{}", a, b),
            Temporal::Duration(d) => write!(f, "{}", d),
        }
    }
}

/// `v` as `{}` writes an f64: the shortest decimal that reads back as `v`, never with an exponent
/// ("0.0000001", "1000000000000000000000"), made from `zmij`'s shortest digits ("1e-7", "1e21").
/// Why not `{}`: it pulls core's float formatting into the wasm, 10 KiB gzip for this one use.
/// The one difference: an exact tie in the 17th digit, only in values of 10^13 and more
/// ("1308548795726862.25"), which `{}` rounds up and zmij to even ("…862.2"); both read back.
fn write_decimal(f: &mut impl fmt::Write, v: f64) -> fmt::Result {
    let mut buf = zmij::Buffer::new();
    let s = buf.format(v); // "NaN", "inf" and "-inf" as `{}` writes them
    let Some((mantissa, exp)) = s.split_once('e') else {
        return f.write_str(s.strip_suffix(".0").unwrap_or(s)); // zmij writes "100.0"
    };
    let exp: i64 = exp.parse().unwrap_or(0);
    let (sign, mantissa) = mantissa.strip_prefix('-').map_or(("", mantissa), |m| ("-", m));
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = [int, frac].concat();
    let point = int.len() as i64 + exp; // where the decimal point goes in `digits`
    f.write_str(sign)?;
    if point <= 0 {
        f.write_str("0.")?;
        (0..-point).try_for_each(|_| f.write_char('0'))?;
        f.write_str(&digits)
    } else if point as usize >= digits.len() {
        f.write_str(&digits)?;
        (digits.len()..point as usize).try_for_each(|_| f.write_char('0'))
    } else {
        let (a, b) = digits.split_at(point as usize);
        write!(f, "{a}.{b}")
    }
}

/// ISO 8601 duration: "P3M", "P1Y6M", "PT1H30M", "P1.5Y" (a whole count without decimals).
impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("P")?;
        for (i, (slot, des)) in self.slots.iter().zip("YMWDHMS".chars()).enumerate() {
            if i == 4 && self.slots[4..].iter().any(Option::is_some) {
                f.write_str("T")?;
            }
            if let Some(v) = slot {
                if v.fract() == 0.0 && *v < 1e15 {
                    write!(f, "{}{}", *v as i64, des)?;
                } else {
                    write_decimal(f, *v)?;
                    write!(f, "{des}")?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    /// `write_decimal` writes what `{}` writes, for every kind of f64 (but for the last digit of
    /// an exact tie, 57 of these 200,000 values, all of 10^13 and more).
    #[test]
    fn decimals_as_display_writes_them() {
        let mut values = vec![
            0.5,
            1.5,
            -2.25,
            0.1,
            0.3,
            1e-7,
            1.25e-8,
            -2.5e-8,
            1e15,
            1.5e15,
            1e16,
            1e21,
            1.2345e25,
            1e300,
            5e-324,
            f64::MIN_POSITIVE,
            f64::MAX,
            f64::MIN,
            f64::EPSILON,
            123456.789,
            0.1 + 0.2,
            100.0,
            -0.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        // and 200,000 bit patterns from a fixed-seed generator (splitmix64)
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..200_000 {
            x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            values.push(f64::from_bits(z ^ (z >> 31)));
        }
        for v in values {
            let mut mine = String::new();
            super::write_decimal(&mut mine, v).unwrap();
            let display = format!("{v}");
            if mine != display {
                // a tie in the 17th significant digit ("1308548795726862.25"): `{}` rounds it up,
                // zmij to even; both are as short and read back as `v`
                let tie = v.abs() >= 1e13 && mine.parse::<f64>() == Ok(v) && mine.len() == display.len();
                assert!(tie, "{v:e}: {mine} against {display}");
            }
        }
    }
}
