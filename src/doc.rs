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
        let mut doc = self.annotate_except_numbers(text);
        let mut numbers = Vec::new();
        self.each_number(&doc, |n| numbers.push(n));
        doc.numbers = numbers;
        doc
    }

    /// The document with its `numbers` left empty, for a caller that takes them one at a time
    /// from [`Annotator::each_number`] (`export::write_annotation` writes them as they are found:
    /// hostile text such as `"$1 "` repeated has one number per 3 bytes, 100 bytes each).
    pub fn annotate_except_numbers<'t>(&self, text: &'t str) -> Document<'t> {
        let tokens = tokens::tokenize(text);
        let (entities, clusters) = self.entities.find(text, &tokens);
        let quotes = self.quotes.find(text, &tokens, &entities, &clusters);
        Document { text, tokens, entities, clusters, numbers: Vec::new(), quotes }
    }

    /// Hands the numbers of `doc`'s text to `f` in order, as they are found: a number word
    /// inside a name the entity layer found is no number ("Formula One").
    pub fn each_number(&self, doc: &Document, mut f: impl FnMut(Number)) {
        let names: Vec<_> = doc.entities.iter().map(|e| e.span).collect();
        let mut inside = crate::numbers::InsideNames::new(&names, doc.text);
        self.numbers.each(doc.text, crate::numbers::PIECE, |n| {
            if !inside.holds(&n) {
                f(n)
            }
        })
    }
}
