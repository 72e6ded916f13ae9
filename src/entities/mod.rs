//! Named entities: people, organisations, places and MISC (nationalities, groups, events, laws,
//! works), with mention clusters.

use crate::span::Span;
use crate::tokens::Tokens;

/// Date of the shipped model (the wire format's `generator`).
pub const MODEL_DATE: &str = "none";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Label {
    Person,
    Org,
    Place,
    Misc,
}

impl Label {
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Place => "PLACE",
            Label::Misc => "MISC",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Entity {
    pub span: Span,
    pub label: Label,
    /// Confidence in [0, 1].
    pub score: f32,
    /// Index into the document's clusters.
    pub cluster: u32,
}

/// Mentions of one entity.
#[derive(Clone, Debug)]
pub struct Cluster {
    /// The most complete mention's span: its text is the `canonical` name.
    pub canonical: Span,
    pub label: Label,
}

pub struct Entities {}

impl Entities {
    pub fn new() -> Entities {
        Entities {}
    }

    /// Entities (sorted, non-overlapping) and their clusters.
    pub fn find(&self, _text: &str, _tokens: &Tokens) -> (Vec<Entity>, Vec<Cluster>) {
        (Vec::new(), Vec::new())
    }
}
