//! Quotations and who said them.

use crate::entities::{Cluster, Entity};
use crate::span::Span;
use crate::tokens::Tokens;

#[derive(Clone, Debug)]
pub struct Quote {
    /// Includes the quotation marks.
    pub span: Span,
    /// Quotes continuing over several paragraphs share a group.
    pub group: Option<u32>,
    pub speaker: Option<Speaker>,
    /// The reporting word or phrase ("said", "according to").
    pub cue: Option<Span>,
}

#[derive(Clone, Debug)]
pub struct Speaker {
    /// The words naming the speaker as written ("He", "a spokesman for …"); never contains the
    /// cue or the quote.
    pub span: Span,
    /// The entity cluster it refers to, if any.
    pub cluster: Option<u32>,
    /// The most complete name of what it refers to (usually the cluster's canonical mention).
    pub name: Option<Span>,
}

pub struct Quotes {}

impl Quotes {
    pub fn new() -> Quotes {
        Quotes {}
    }

    pub fn find(
        &self,
        _text: &str,
        _tokens: &Tokens,
        _entities: &[Entity],
        _clusters: &[Cluster],
    ) -> Vec<Quote> {
        Vec::new()
    }
}
