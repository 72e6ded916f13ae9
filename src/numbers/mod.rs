//! Numbers with their values: cardinals, ordinals, percentages, money, quantities, dates, times.

use crate::span::Span;
use crate::tokens::Tokens;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Cardinal,
    Ordinal,
    Percent,
    Money,
    Quantity,
    Date,
    Time,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Cardinal => "cardinal",
            Kind::Ordinal => "ordinal",
            Kind::Percent => "percent",
            Kind::Money => "money",
            Kind::Quantity => "quantity",
            Kind::Date => "date",
            Kind::Time => "time",
        }
    }
}

/// The hedge inside a number's span ("at least 33").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Modifier {
    About,
    AtLeast,
    AtMost,
    MoreThan,
    LessThan,
    UpTo,
    Nearly,
    Over,
    Under,
}

impl Modifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Modifier::About => "about",
            Modifier::AtLeast => "at_least",
            Modifier::AtMost => "at_most",
            Modifier::MoreThan => "more_than",
            Modifier::LessThan => "less_than",
            Modifier::UpTo => "up_to",
            Modifier::Nearly => "nearly",
            Modifier::Over => "over",
            Modifier::Under => "under",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Number {
    pub span: Span,
    pub kind: Kind,
    /// The number in its own unit or currency; the lower bound of a range. None for dates,
    /// times and vague amounts.
    pub value: Option<f64>,
    /// The upper bound of a range.
    pub to: Option<f64>,
    pub modifier: Option<Modifier>,
    /// Normalised unit symbol ("km", "°C").
    pub unit: Option<&'static str>,
    /// ISO 4217 code.
    pub currency: Option<&'static str>,
    /// ISO 8601 for dates and times, as far as the text pins it down.
    pub iso: Option<String>,
}

pub struct Numbers {}

impl Numbers {
    pub fn new() -> Numbers {
        Numbers {}
    }

    /// Numbers, sorted and non-overlapping.
    pub fn find(&self, _text: &str, _tokens: &Tokens) -> Vec<Number> {
        Vec::new()
    }
}
