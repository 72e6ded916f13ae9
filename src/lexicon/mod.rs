//! Word lists shared by the annotators: one list per idea, each a sorted text file in this
//! folder (one lower-case entry a line; a line starting with `#` is a comment), compiled in with
//! `include_str!`. `tests/it/lexicon.rs` checks that every list is sorted and has no repeats, so
//! a look-up is a binary search.
//!
//! - `title_abbreviations.txt`: "Dr.", "Sen.", "Lt." (without the period);
//! - `titles.txt`: title words before a name that are no part of it ("President", "Sir", "former");
//! - `roles.txt`: a person's job or office ("spokesman", "analyst");
//! - `organisation_nouns.txt`: what an apposition calls an organisation ("concern", "maker");
//! - `name_particles.txt`: lower-case words inside a name ("van", "de", "bin");
//! - `company_endings.txt`: words that end a company's name ("Inc.", "Holdings", "Re").

use std::sync::OnceLock;

/// One word list, parsed on first use.
pub struct WordList {
    /// The file's name without `.txt`.
    pub name: &'static str,
    text: &'static str,
    words: OnceLock<Vec<&'static str>>,
}

/// The longest word any list may hold, in bytes (the longest today have 14).
pub const MAX_WORD_LEN: usize = 16;

/// `is(w)` with `w` lower-cased (ASCII) on the stack, not in a new `String`: asked of many words
/// on the annotators' hot paths (titles, company endings). False for a word longer than
/// `MAX_WORD_LEN`, which is in no list (`tests/it/lexicon.rs` checks).
pub fn ascii_lower_is(w: &str, is: impl FnOnce(&str) -> bool) -> bool {
    let mut buf = [0u8; MAX_WORD_LEN];
    let Some(low) = buf.get_mut(..w.len()) else { return false };
    low.copy_from_slice(w.as_bytes());
    low.make_ascii_lowercase();
    // ASCII lower-casing keeps UTF-8 valid
    std::str::from_utf8(low).is_ok_and(is)
}

impl WordList {
    const fn new(name: &'static str, text: &'static str) -> WordList {
        WordList { name, text, words: OnceLock::new() }
    }

    /// The entries in file order (comments and blank lines left out).
    pub fn entries(&self) -> impl Iterator<Item = &'static str> {
        self.text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
    }

    /// The entries, sorted (as the file is).
    pub fn words(&self) -> &[&'static str] {
        self.words.get_or_init(|| self.entries().collect())
    }

    /// Is `w` (lower case) in the list?
    pub fn contains(&self, w: &str) -> bool {
        self.words().binary_search(&w).is_ok()
    }

    /// Is `w` in the list, in any ASCII case ("Dr" and "DR" as "dr")?
    pub fn contains_any_case(&self, w: &str) -> bool {
        if w.bytes().any(|b| b.is_ascii_uppercase()) {
            ascii_lower_is(w, |low| self.contains(low))
        } else {
            self.contains(w)
        }
    }
}

/// Abbreviated titles before a name, without the period: "dr", "sen", "lt".
pub static TITLE_ABBREVIATIONS: WordList =
    WordList::new("title_abbreviations", include_str!("title_abbreviations.txt"));

/// Title words before a name that are no part of it: "president", "sir", "former".
pub static TITLES: WordList = WordList::new("titles", include_str!("titles.txt"));

/// Role nouns, a person's job or office: "spokesman", "analyst".
pub static ROLES: WordList = WordList::new("roles", include_str!("roles.txt"));

/// Nouns for an organisation in an apposition: "concern", "maker", "firm".
pub static ORGANISATION_NOUNS: WordList =
    WordList::new("organisation_nouns", include_str!("organisation_nouns.txt"));

/// Lower-case particles inside a name: "van", "de", "bin" ("Hoek van Holland").
pub static NAME_PARTICLES: WordList = WordList::new("name_particles", include_str!("name_particles.txt"));

/// Words that end a company's name, without the final period: "inc", "holdings", "re".
pub static COMPANY_ENDINGS: WordList = WordList::new("company_endings", include_str!("company_endings.txt"));

/// Every list, for the tests.
pub static ALL: [&WordList; 6] =
    [&TITLE_ABBREVIATIONS, &TITLES, &ROLES, &ORGANISATION_NOUNS, &NAME_PARTICLES, &COMPANY_ENDINGS];

/// A word that ends a company's name, with or without its final period, in any case: "Inc.",
/// "PLC", "S.A.", "Holdings".
pub fn is_company_ending(w: &str) -> bool {
    COMPANY_ENDINGS.contains_any_case(w.strip_suffix('.').unwrap_or(w))
}

/// A title before a name, full or abbreviated, with or without its period, in any case: "Dr.",
/// "dr", "President", "SEN.".
pub fn is_title(w: &str) -> bool {
    let w = w.strip_suffix('.').unwrap_or(w);
    TITLES.contains_any_case(w) || TITLE_ABBREVIATIONS.contains_any_case(w)
}

/// An abbreviated title, with or without its period, in any case: "Dr.", "Lt", "SEN.".
pub fn is_title_abbreviation(w: &str) -> bool {
    TITLE_ABBREVIATIONS.contains_any_case(w.strip_suffix('.').unwrap_or(w))
}
