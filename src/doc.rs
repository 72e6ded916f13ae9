//! The document: the text, never modified, and one layer per annotator.

use crate::entities::{Cluster, Entities, Entity};
use crate::numbers::{Number, Numbers};
use crate::quotes::{Quote, Quotes};
use crate::tokens::{self, Tokens};

/// Everything found in one text. Each layer is sorted by `span.start`.
pub struct Document<'t> {
    pub text: &'t str,
    pub tokens: Tokens,
    /// Non-overlapping, sorted.
    pub entities: Vec<Entity>,
    /// Indexed by `Entity::cluster`.
    pub clusters: Vec<Cluster>,
    /// Non-overlapping, sorted.
    pub numbers: Vec<Number>,
    /// Sorted; may contain entities and numbers.
    pub quotes: Vec<Quote>,
}

/// The long-lived state: built once (model, gazetteers, patterns), then used for many texts.
pub struct Annotator {
    entities: Entities,
    numbers: Numbers,
    quotes: Quotes,
}

impl Default for Annotator {
    fn default() -> Self {
        Self::new()
    }
}

impl Annotator {
    pub fn new() -> Annotator {
        Annotator { entities: Entities::new(), numbers: Numbers::new(), quotes: Quotes::new() }
    }

    /// Annotates `text`. Never panics, whatever the string.
    pub fn annotate<'t>(&self, text: &'t str) -> Document<'t> {
        let tokens = tokens::tokenize(text);
        let (entities, clusters) = self.entities.find(text, &tokens);
        let mut numbers = self.numbers.find(text, &tokens);
        // a number word inside a name the entity layer found is no number ("Formula One")
        let names: Vec<_> = entities.iter().map(|e| e.span).collect();
        crate::numbers::drop_inside_names(&mut numbers, &names, text);
        let quotes = self.quotes.find(text, &tokens, &entities, &clusters);
        Document { text, tokens, entities, clusters, numbers, quotes }
    }
}
