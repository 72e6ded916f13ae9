//! The shared word lists (src/lexicon/*.txt): sorted, no repeats, one spelling convention.

use newsmark::lexicon;

#[test]
fn every_list_is_sorted_without_repeats() {
    for list in lexicon::ALL {
        let entries: Vec<&str> = list.entries().collect();
        assert!(!entries.is_empty(), "{} is empty", list.name);
        for pair in entries.windows(2) {
            assert!(
                pair[0] < pair[1],
                "{}.txt: {:?} before {:?} (unsorted or repeated)",
                list.name,
                pair[0],
                pair[1]
            );
        }
    }
}

#[test]
fn entries_are_lower_case_without_final_period_or_spaces() {
    for list in lexicon::ALL {
        for w in list.entries() {
            assert_eq!(w, w.to_lowercase(), "{}.txt: {:?} is not lower case", list.name, w);
            assert!(!w.ends_with('.') && !w.contains(char::is_whitespace), "{}.txt: {:?}", list.name, w);
            // `WordList::contains_any_case` lower-cases on the stack, up to this length
            assert!(
                w.len() <= lexicon::MAX_WORD_LEN,
                "{}.txt: {:?} is longer than MAX_WORD_LEN",
                list.name,
                w
            );
        }
    }
}

#[test]
fn one_list_per_idea() {
    // an abbreviation is not also spelled as a title word, and the lists look up as they should
    for w in lexicon::TITLE_ABBREVIATIONS.entries() {
        assert!(!lexicon::TITLES.contains(w), "{:?} is in titles.txt and title_abbreviations.txt", w);
    }
    for (w, title) in [
        ("Dr.", true),
        ("dr", true),
        ("DR.", true),
        ("Gen.", true),
        ("President", true),
        ("former", true),
        ("Drive", false),
        ("", false),
        (".", false),
    ] {
        assert_eq!(lexicon::is_title(w), title, "is_title({:?})", w);
    }
    assert!(lexicon::is_title_abbreviation("Lt.") && !lexicon::is_title_abbreviation("President"));
    assert!(lexicon::ROLES.contains("spokesman") && !lexicon::ROLES.contains("Spokesman"));
    assert!(lexicon::ROLES.contains_any_case("Spokesman"));
}
