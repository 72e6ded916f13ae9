//! How a headline's capitals would be written in running text, read from the rest of the document.
//!
//! In an all-caps line ("TARROWIND MINERALS SHUTS MINE AFTER FLOOD") every word looks like a name,
//! so the tagger can say little there. The same words usually recur in the body, written as usual
//! ("Tarrowind Minerals said…", "the mine", "after the flood"): the tagger then reads each capital
//! word of the headline with the shape of its body form ("Tarrowind", "mine"), and a word the body
//! never uses keeps its capitals. Only the word's shape changes (its lower-case form is the same),
//! the text is never changed, and the trainer reads headlines the same way.
//!
//! Evidence, for each word of an all-caps sentence, from the words of the other sentences:
//! 1. written in lower case ("mine") — a common word;
//! 2. capitalised, not first in its sentence ("Tarrowind") — a name;
//! 3. in capitals ("NATO") — an acronym, kept as it is.
//!
//! The form used is the one with the most occurrences (ties: lower case, then capitalised).
//! Words first in their sentence say nothing ("After the flood…").

use crate::tokens::{Kind, Tokens};
use std::collections::HashMap;

/// Distinct words looked up from headlines, at most (a headline has a dozen; this bounds the
/// memory for a text that is all capitals).
const MAX_KEYS: usize = 4096;

/// For the tokens of all-caps sentences that the rest of the document writes otherwise, the token
/// whose form to read instead.
#[derive(Default)]
pub struct Recase {
    /// (token, token whose form it takes), sorted by token
    forms: Vec<(u32, u32)>,
    /// the token ranges of the all-caps sentences, in order
    headlines: Vec<std::ops::Range<usize>>,
}

#[derive(Default)]
struct Evidence {
    counts: [u32; 3],
    /// an occurrence of each form (token index)
    example: [u32; 3],
}

const LOWER: usize = 0;
const CAPITALISED: usize = 1;
const CAPITALS: usize = 2;

impl Recase {
    pub fn new(text: &str, toks: &Tokens) -> Recase {
        let caps: Vec<bool> = toks.sentences.iter().map(|s| all_caps(text, toks, s.clone())).collect();
        if !caps.contains(&true) {
            return Recase::default();
        }
        let word = |i: usize| toks.tokens[i].span.of(text);
        let mut evidence: HashMap<String, Evidence> = HashMap::new();
        for (s, _) in toks.sentences.iter().zip(&caps).filter(|(_, &c)| c) {
            for i in s.clone().filter(|&i| is_word(text, toks, i)) {
                if evidence.len() >= MAX_KEYS {
                    break;
                }
                evidence.entry(word(i).to_lowercase()).or_default();
            }
        }
        let mut key = String::new();
        for (s, _) in toks.sentences.iter().zip(&caps).filter(|(_, &c)| !c) {
            for i in s.clone().filter(|&i| is_word(text, toks, i)) {
                let form = match form_of(word(i)) {
                    Some(CAPITALISED) if i == s.start || after_opening(text, toks, i) => continue,
                    Some(f) => f,
                    None => continue,
                };
                key.clear();
                key.extend(word(i).chars().flat_map(char::to_lowercase));
                if let Some(e) = evidence.get_mut(key.as_str()) {
                    if e.counts[form] == 0 {
                        e.example[form] = i as u32;
                    }
                    e.counts[form] += 1;
                }
            }
        }
        let mut forms = Vec::new();
        let headlines: Vec<_> =
            toks.sentences.iter().zip(&caps).filter(|(_, &c)| c).map(|(s, _)| s.clone()).collect();
        for s in &headlines {
            for i in s.clone().filter(|&i| is_word(text, toks, i)) {
                key.clear();
                key.extend(word(i).chars().flat_map(char::to_lowercase));
                let Some(e) = evidence.get(key.as_str()) else { continue };
                let best = (0..3).fold(LOWER, |b, f| if e.counts[f] > e.counts[b] { f } else { b });
                if e.counts[best] > 0 && best != CAPITALS {
                    forms.push((i as u32, e.example[best]));
                }
            }
        }
        Recase { forms, headlines }
    }

    /// Is token `i` in an all-caps sentence?
    pub fn in_headline(&self, i: usize) -> bool {
        let k = self.headlines.partition_point(|s| s.end <= i);
        self.headlines.get(k).is_some_and(|s| s.start <= i)
    }

    /// Does token `i` read as a capitalised word? A headline word the body does not use is not
    /// taken for one ("OVER DRASKETH FLOOD": "FLOOD" does not extend the name).
    pub fn capitalised(&self, text: &str, toks: &Tokens, i: usize) -> bool {
        let w = self.word(text, toks, i);
        w.chars().next().is_some_and(char::is_uppercase)
            && (w.chars().any(char::is_lowercase) || !self.in_headline(i))
    }

    /// The word to read for token `i`: its body form, or itself.
    #[inline]
    pub fn word<'t>(&self, text: &'t str, toks: &Tokens, i: usize) -> &'t str {
        let j = if self.forms.is_empty() {
            i
        } else {
            match self.forms.binary_search_by_key(&(i as u32), |&(t, _)| t) {
                Ok(k) => self.forms[k].1 as usize,
                Err(_) => i,
            }
        };
        toks.tokens[j].span.of(text)
    }

    /// Is the sentence (token range) written in capitals (a headline), as it is read?
    pub fn all_caps(&self, text: &str, toks: &Tokens, range: std::ops::Range<usize>) -> bool {
        caps_share(range.filter(|&i| toks.tokens[i].kind == Kind::Word).map(|i| self.word(text, toks, i)))
    }
}

/// Is the sentence (token range) written in capitals?
pub fn all_caps(text: &str, toks: &Tokens, range: std::ops::Range<usize>) -> bool {
    caps_share(range.filter(|&i| toks.tokens[i].kind == Kind::Word).map(|i| toks.tokens[i].span.of(text)))
}

/// At least two words, 80 % of them without a lower-case letter.
fn caps_share<'a>(words: impl Iterator<Item = &'a str>) -> bool {
    let (mut n, mut upper) = (0, 0);
    for w in words {
        n += 1;
        if w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
            upper += 1;
        }
    }
    n >= 2 && upper * 10 >= n * 8
}

/// A word with at least two letters (a one-letter "A" or initial says nothing of its case).
fn is_word(text: &str, toks: &Tokens, i: usize) -> bool {
    toks.tokens[i].kind == Kind::Word
        && toks.tokens[i].span.of(text).chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
}

/// Which of the three forms a word is written in, if any ("McDonald" is capitalised; "iPhone" none).
fn form_of(w: &str) -> Option<usize> {
    let mut letters = w.chars().filter(|c| c.is_alphabetic());
    let first = letters.next()?;
    let (mut lower, mut upper) = (0, 0);
    for c in letters {
        if c.is_lowercase() {
            lower += 1;
        } else if c.is_uppercase() {
            upper += 1;
        }
    }
    match (first.is_uppercase(), lower, upper) {
        (false, _, 0) if first.is_lowercase() => Some(LOWER),
        (true, l, _) if l > 0 => Some(CAPITALISED),
        (true, 0, _) => Some(CAPITALS),
        _ => None,
    }
}

/// Right after an opening quote or bracket, a word is capitalised as a sentence start is.
fn after_opening(text: &str, toks: &Tokens, i: usize) -> bool {
    i > 0
        && toks.tokens[i - 1].kind == Kind::Punct
        && matches!(
            toks.tokens[i - 1].span.of(text),
            "\"" | "\u{201c}" | "(" | "'" | "\u{2018}" | ":" | "-" | "\u{2014}"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_as(text: &str) -> Vec<String> {
        let toks = crate::tokens::tokenize(text);
        let r = Recase::new(text, &toks);
        let first = &toks.sentences[0];
        first.clone().map(|i| r.word(text, &toks, i).to_string()).collect()
    }

    #[test]
    fn headline_words_take_their_body_form() {
        let text = "TARROWIND MINERALS SHUTS MINE AFTER NATO FLOOD\n\nTarrowind Minerals said the mine would shut. NATO said so. After the flood, Tarrowind left.";
        assert_eq!(read_as(text), ["Tarrowind", "Minerals", "SHUTS", "mine", "AFTER", "NATO", "flood"]);
    }

    #[test]
    fn mixed_case_text_is_read_as_written() {
        let text = "Tarrowind Minerals said the mine would shut.";
        assert_eq!(read_as(text), ["Tarrowind", "Minerals", "said", "the", "mine", "would", "shut", "."]);
    }

    #[test]
    fn a_word_mostly_lower_case_is_read_so() {
        // "Mine" once as a name, "mine" twice as a noun
        let text = "MINE CLOSES\n\nThe Mine Workers union met. The mine closes. A second mine closes too.";
        assert_eq!(read_as(text), ["mine", "closes"]);
    }

    #[test]
    fn all_caps_is_recomputed_on_the_reading() {
        let text = "TARROWIND MINERALS SHUTS MINE\n\nTarrowind Minerals said the mine would shut.";
        let toks = crate::tokens::tokenize(text);
        let r = Recase::new(text, &toks);
        let first = toks.sentences[0].clone();
        assert!(all_caps(text, &toks, first.clone()));
        assert!(!r.all_caps(text, &toks, first));
    }
}
