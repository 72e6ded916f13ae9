//! Entities: data-driven examples (inline-marked), model loading, conventions, clusters, and the
//! seed article when `../shared` is present.

use crate::common::{annotator, seed_article, unmark};
use newsmark::entities::Label;

fn found(text: &str) -> Vec<(String, &'static str)> {
    let doc = annotator().annotate(text);
    doc.entities.iter().map(|e| (e.span.of(text).to_string(), e.label.as_str())).collect()
}

/// Every marked span must be found with its label (other entities may be found too).
fn check(marked: &str) {
    let (text, spans) = unmark(marked);
    let doc = annotator().annotate(&text);
    for (range, tag) in spans {
        let want = &text[range.clone()];
        let hit = doc
            .entities
            .iter()
            .find(|e| e.span.start as usize == range.start && e.span.end as usize == range.end);
        match hit {
            Some(e) => assert_eq!(e.label.as_str(), tag, "{want:?} in {text:?}"),
            None => panic!("{want:?} ({tag}) not found in {text:?}; found {:?}", found(&text)),
        }
    }
}

#[test]
fn model_loads_and_fixed_input_gives_fixed_output() {
    assert!(newsmark::entities::MODEL_DATE.len() == 10);
    let text = "NATO Secretary General Jens Stoltenberg met Turkish officials in Ankara on Friday.";
    let got = found(text);
    assert_eq!(
        got,
        vec![
            ("NATO".to_string(), "ORG"),
            ("Jens Stoltenberg".to_string(), "PERSON"),
            ("Turkish".to_string(), "MISC"),
            ("Ankara".to_string(), "PLACE"),
        ]
    );
    // deterministic
    assert_eq!(got, found(text));
}

#[test]
fn examples() {
    for ex in [
        "[[Jens Stoltenberg|PERSON]] said [[NATO|ORG]] would meet in [[Brussels|PLACE]].",
        "Mr. [[Vinken|PERSON]] is chairman of [[Elsevier N.V.|ORG]], the [[Dutch|MISC]] publishing group.",
        "Foreign Minister [[Mevlüt Cavusoglu|PERSON]] spoke to reporters.",
        "The [[European Union|ORG]] and the [[United Nations|ORG]] condemned the attack.",
        "[[Ankara|PLACE]]’s heavy casualties",
        "the [[Iranian|MISC]]-backed militias",
        "\"[[Stoltenberg|PERSON]] is right,\" said [[Angela Merkel|PERSON]].",
    ] {
        check(ex);
    }
}

#[test]
fn conventions_no_title_the_possessive_or_punctuation() {
    for text in [
        "Secretary General Jens Stoltenberg's visit to Paris, France.",
        "Mr. Smith met Dr. Jones at the White House.",
        "President Bashar Al-Assad's forces.",
    ] {
        let doc = annotator().annotate(text);
        for e in &doc.entities {
            let s = e.span.of(text);
            assert!(!s.starts_with("the ") && !s.starts_with("The "), "{s:?}");
            assert!(!s.ends_with("'s") && !s.ends_with(',') && !s.ends_with('.'), "{s:?}");
            if e.label == Label::Person {
                for t in ["Mr.", "Dr.", "Secretary", "General", "President"] {
                    assert!(!s.starts_with(t), "{s:?} keeps a title");
                }
            }
        }
    }
}

#[test]
fn clusters_link_short_names_and_acronyms() {
    let text = "Jens Stoltenberg spoke. The United Nations (UN) agreed. On Friday, Stoltenberg said the UN \
                was wrong, and John Smith and Mary Smith left.";
    let doc = annotator().annotate(text);
    let canon = |s: &str| {
        let e = doc.entities.iter().find(|e| e.span.of(text) == s).unwrap_or_else(|| panic!("{s} not found"));
        (doc.clusters[e.cluster as usize].canonical.of(text), e.cluster)
    };
    assert_eq!(canon("Stoltenberg").0, "Jens Stoltenberg");
    assert_eq!(canon("UN").0, "United Nations");
    assert_ne!(canon("John Smith").1, canon("Mary Smith").1);
}

/// The cluster rules through the whole pipeline, where the titles are in the text before the
/// person's span ("Ms. Olsen" is tagged "Olsen"). One rule per line; `cluster.rs` has a unit test
/// per rule on given mentions.
#[test]
fn clusters_a_reader_would_draw() {
    for (text, groups) in [
        (
            "Maria T. Olsen, the chief executive, resigned on Monday. Maria Olsen joined in 2019. \
             Olsen declined to comment, and Ms. Olsen left the building.",
            &[&["Maria T. Olsen", "Maria Olsen", "Olsen"][..]][..],
        ),
        (
            "Lena Haddad spoke first. Sen. Haddad said the bill would pass, and Dr. Haddad agreed.",
            &[&["Lena Haddad", "Haddad"][..]],
        ),
        (
            "Anna Berg spoke first. On Monday, Berg said the bill would pass. Then Erik Berg arrived.",
            &[&["Anna Berg", "Berg"][..], &["Erik Berg"]],
        ),
    ] {
        let doc = annotator().annotate(text);
        let cluster_of = |name: &str| {
            let found: Vec<u32> =
                doc.entities.iter().filter(|e| e.span.of(text) == name).map(|e| e.cluster).collect();
            assert!(!found.is_empty(), "{name:?} not found in {text:?}: {:?}", found_in(text));
            found
        };
        let mut seen = Vec::new();
        for group in groups {
            let ids: Vec<u32> = group.iter().flat_map(|name| cluster_of(name)).collect();
            assert!(ids.iter().all(|&c| c == ids[0]), "{group:?} are not one cluster in {text:?}");
            assert_eq!(doc.clusters[ids[0] as usize].canonical.of(text), group[0], "{text:?}");
            assert!(!seen.contains(&ids[0]), "{group:?} joined another group in {text:?}");
            seen.push(ids[0]);
        }
    }
}

fn found_in(text: &str) -> Vec<(String, &'static str)> {
    found(text)
}

#[test]
fn sorted_non_overlapping_and_scores_in_range() {
    let text = "BRUSSELS 1996-08-22\nGERMANY'S SCHROEDER MEETS CHIRAC IN PARIS\n\"Yes,\" said O'Brien-Smith of AT&T Inc.";
    let doc = annotator().annotate(text);
    for w in doc.entities.windows(2) {
        assert!(w[0].span.end <= w[1].span.start);
    }
    for e in &doc.entities {
        assert!((0.0..=1.0).contains(&e.score));
        assert!((e.cluster as usize) < doc.clusters.len());
    }
}

#[test]
fn clear_names_score_high_and_scores_are_calibrated_probabilities() {
    let text = "Syrian President Bashar Al-Assad met Russian President Vladimir Putin in Moscow on Monday, \
                the Kremlin said.";
    let doc = annotator().annotate(text);
    for name in ["Bashar Al-Assad", "Vladimir Putin", "Moscow"] {
        let e = doc.entities.iter().find(|e| e.span.of(text) == name).unwrap_or_else(|| panic!("{name}"));
        assert!(e.score > 0.8, "{name}: score {}", e.score);
    }
    // a calibration is stored in the model and maps probabilities monotonically into (0, 1)
    let calib = newsmark::entities::Entities::new().calibration().expect("model loads");
    assert!(calib.temp > 0.0 && calib.a > 0.0, "{calib:?}");
    let s: Vec<f32> = [1e-6, 0.1, 0.5, 0.9, 1.0 - 1e-6].iter().map(|&p| calib.score(p)).collect();
    assert!(s.windows(2).all(|w| w[0] <= w[1]) && s.iter().all(|x| (0.0..=1.0).contains(x)), "{s:?}");
}

/// Names a reader sees as one (src/entities/names.rs), through the whole pipeline: a particle
/// inside a name, a company's ending, a company's short name. Invented text.
#[test]
fn names_with_a_particle_or_a_company_ending_are_one_name() {
    for ex in [
        "Fishermen in [[Hoek van Holland|PLACE]] say the work will close the waterway.",
        "\"It is costly,\" said Tomas Whitford, chief risk officer at [[Northgate Re|ORG]], in London.",
        "[[Marieke van Dalen|PERSON]] said work would begin in March.",
    ] {
        check(ex);
    }
    // the particle is no name of its own and no half of the name is left over
    let got = found("Fishermen in Hoek van Holland say the work will close the waterway.");
    assert!(!got.iter().any(|e| e.0 == "Hoek" || e.0 == "Holland"), "{got:?}");
}

#[test]
fn compass_word_in_parentheses_is_not_a_place() {
    let text = "They cut the motorway connecting the capital Damascus to the metropolis of Aleppo (North).";
    let got = found(text);
    assert!(got.iter().any(|e| e.0 == "Aleppo" && e.1 == "PLACE"), "{got:?}");
    assert!(!got.iter().any(|e| e.0 == "North"), "{got:?}");
}

#[test]
fn seed_article_entities() {
    let Some(text) = seed_article() else { return };
    let doc = annotator().annotate(&text);
    let ents: Vec<(&str, &str)> = doc.entities.iter().map(|e| (e.span.of(&text), e.label.as_str())).collect();
    let count = |s: &str, l: &str| ents.iter().filter(|e| e.0 == s && e.1 == l).count();
    assert_eq!(count("Idlib", "PLACE"), 7, "{ents:?}");
    for (name, label) in [
        ("Hatay", "PLACE"),
        ("Saraqeb", "PLACE"),
        ("Syrian Observatory for Human Rights", "ORG"),
        ("AKP", "ORG"),
        ("Bashar Al-Assad", "PERSON"),
        ("Mevlüt Cavusoglu", "PERSON"),
        ("Jens Stoltenberg", "PERSON"),
        ("Fahrettin Altun", "PERSON"),
        ("NATO", "ORG"),
        ("Idlib", "PLACE"),
        ("Ankara", "PLACE"),
        ("Turkish", "MISC"),
    ] {
        assert!(count(name, label) > 0, "{name} {label} missing: {ents:?}");
    }
    for e in &doc.entities {
        let s = e.span.of(&text);
        assert!(!s.ends_with("’s") && !s.starts_with("the ") && !s.starts_with("Secretary"), "{s:?}");
        assert_ne!(s, "North", "Aleppo (North)");
        if s == "Turkish" {
            assert_eq!(e.label.as_str(), "MISC");
        }
        if s == "Bashar Al-Assad" {
            assert_eq!(e.label.as_str(), "PERSON");
        }
    }
    let stolt = doc.entities.iter().find(|e| e.span.of(&text) == "Assad").expect("Assad");
    assert_eq!(doc.clusters[stolt.cluster as usize].canonical.of(&text), "Bashar Al-Assad");
}

#[test]
fn hostile_input_never_panics() {
    let long_word = "A".repeat(100_000);
    let long_caps = "NATO ".repeat(5_000);
    let no_punct = "Jens Stoltenberg ".repeat(3_000);
    for text in [
        "",
        " ",
        "\u{301}\u{301}",
        "'s",
        "( ) ( ) ((",
        "The the THE",
        "Mr.",
        "Mr. Mr. Mr.",
        "U.S.-led",
        "\u{feff}\u{200b}Ankara\u{2019}s \u{1f600} Idlib\r\n\r\nX",
        long_word.as_str(),
        long_caps.as_str(),
        no_punct.as_str(),
    ] {
        let doc = annotator().annotate(text);
        for e in &doc.entities {
            assert!(
                text.is_char_boundary(e.span.start as usize) && text.is_char_boundary(e.span.end as usize)
            );
            assert!(e.span.start < e.span.end);
        }
    }
}

/// A document with thousands of different names (a directory, a results list) is annotated in
/// time proportional to its length: name clusters and short-name propagation are indexed, not
/// compared pairwise. Four times the text may take at most eight times as long (quadratic work
/// would take sixteen); best of three runs each, so a busy machine does not decide.
#[test]
fn many_distinct_names_stay_linear() {
    let doc = |n: usize| {
        let syl = ["ba", "ko", "mi", "tu", "ve", "sa", "lo", "ri", "ne", "du"];
        (0..n)
            .map(|i| {
                let name: String =
                    [i % 10, i / 10 % 10, i / 100 % 10, i / 1000 % 10].map(|k| syl[k]).concat();
                let name = name[..1].to_uppercase() + &name[1..];
                format!("Anna {name} met officials in Paris on Monday. {name} later left.")
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let time = |text: &str| {
        (0..3)
            .map(|_| {
                let t0 = std::time::Instant::now();
                std::hint::black_box(annotator().annotate(text));
                t0.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min)
    };
    let (small, large) = (doc(1500), doc(6000));
    let found = annotator().annotate(&small);
    assert!(found.entities.len() >= 3000, "the names are found ({} entities)", found.entities.len());
    let ratio = time(&large) / time(&small);
    assert!(ratio < 8.0, "4x the names took {ratio:.1}x as long");
}

/// One invented entity of an invented article: the ways the article writes it (the most complete
/// first: it must be the cluster's canonical name) and its label.
struct Invented {
    forms: &'static [&'static str],
    label: &'static str,
}

/// Invented articles (written for this test; `tests/data/invented-*.txt`) in which an unfamiliar
/// organisation, place and person each recur five times or more, once in an all-capitals
/// headline: every mention is found with the right label, and the mentions of each are one
/// cluster. None of the invented names is in a gazetteer (checked), so listing them cannot pass.
#[test]
fn invented_subjects_every_mention_right_and_one_cluster() {
    let articles: [(&str, &[Invented]); 2] = [
        (
            include_str!("../data/invented-mine-closure.txt"),
            &[
                Invented { forms: &["Tarrowind Minerals", "TARROWIND MINERALS"], label: "ORG" },
                Invented { forms: &["Skellbrae", "SKELLBRAE"], label: "PLACE" },
                Invented { forms: &["Ilsa Brannock", "Brannock", "BRANNOCK"], label: "PERSON" },
            ],
        ),
        (
            include_str!("../data/invented-broadcaster-fine.txt"),
            &[
                Invented { forms: &["Velmarch Broadcasting", "VELMARCH BROADCASTING"], label: "ORG" },
                Invented { forms: &["Drasketh", "DRASKETH"], label: "PLACE" },
                Invented {
                    forms: &["Tamsin R. Okavell", "Tamsin Okavell", "Okavell", "OKAVELL"],
                    label: "PERSON",
                },
            ],
        ),
    ];
    let mut errors = Vec::new();
    for (text, subjects) in articles {
        let headline = text.lines().next().unwrap();
        assert_eq!(headline, headline.to_uppercase(), "the article starts with an all-capitals headline");
        let doc = annotator().annotate(text);
        for subject in subjects {
            for form in subject.forms {
                let known = in_gazetteers(form);
                assert!(known.is_empty(), "{form:?} is in a gazetteer: {known:?}");
            }
            let mentions = mentions_of(text, subject.forms);
            assert!(mentions.len() >= 5, "{:?} recurs {} times", subject.forms[0], mentions.len());
            assert!(mentions[0].end <= headline.len(), "{:?} is in the headline", subject.forms[0]);
            let mut clusters = Vec::new();
            for m in &mentions {
                let hit = doc
                    .entities
                    .iter()
                    .find(|e| e.span.start as usize == m.start && e.span.end as usize == m.end);
                match hit {
                    Some(e) if e.label.as_str() == subject.label => clusters.push(e.cluster),
                    Some(e) => {
                        errors.push(format!("{:?} at {} is {}", &text[m.clone()], m.start, e.label.as_str()))
                    }
                    None => errors.push(format!("{:?} at {} not found", &text[m.clone()], m.start)),
                }
            }
            clusters.dedup();
            if clusters.len() > 1 {
                errors.push(format!("{:?} is {} clusters", subject.forms[0], clusters.len()));
            }
            if let Some(&c) = clusters.first() {
                let canonical = doc.clusters[c as usize].canonical.of(text);
                if canonical != subject.forms[0] {
                    errors.push(format!("{:?}'s canonical name is {canonical:?}", subject.forms[0]));
                }
            }
        }
        if !errors.is_empty() {
            errors.push(format!("found: {:?}", found(text)));
        }
    }
    assert!(errors.is_empty(), "{errors:#?}");
}

/// Byte ranges of every whole-word occurrence of the forms in `text`, longer forms first
/// ("Ilsa Brannock" is one mention, not also "Brannock"), in text order.
fn mentions_of(text: &str, forms: &[&str]) -> Vec<std::ops::Range<usize>> {
    let mut by_length = forms.to_vec();
    by_length.sort_by_key(|f| std::cmp::Reverse(f.len()));
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    for form in by_length {
        for (at, _) in text.match_indices(form) {
            let r = at..at + form.len();
            let whole =
                !word_char(text[..at].chars().next_back()) && !word_char(text[r.end..].chars().next());
            if whole && !out.iter().any(|o| o.start < r.end && r.start < o.end) {
                out.push(r);
            }
        }
    }
    out.sort_by_key(|r| r.start);
    out
}

/// The gazetteer entries among the word sequences of `name` (as the tagger looks them up:
/// lower-cased tokens).
fn in_gazetteers(name: &str) -> Vec<String> {
    use newsmark::entities::gazetteer::{key, GAZ_NAMES};
    let entities = newsmark::entities::Entities::new();
    assert!(!entities.gazetteer().is_empty(), "the gazetteer loads");
    let tokens = newsmark::tokens::tokenize(name);
    let words: Vec<String> = tokens.tokens.iter().map(|t| t.span.of(name).to_lowercase()).collect();
    let mut known = Vec::new();
    for a in 0..words.len() {
        for b in a + 1..=words.len() {
            let mask = entities.gazetteer().lookup(key(words[a..b].iter().map(String::as_str)));
            let types: Vec<&str> =
                (0..GAZ_NAMES.len()).filter(|g| mask & (1 << g) != 0).map(|g| GAZ_NAMES[g]).collect();
            if !types.is_empty() {
                known.push(format!("{} ({})", words[a..b].join(" "), types.join(", ")));
            }
        }
    }
    known
}

/// The gazetteer check above can fail: names the gazetteers do list are found.
#[test]
fn gazetteer_check_finds_listed_names() {
    assert!(!in_gazetteers("Paris").is_empty());
    assert!(!in_gazetteers("Maria Olsen").is_empty());
    assert!(in_gazetteers("Skellbrae").is_empty());
}

/// A soft hyphen (a CMS's hyphenation hint) or a zero-width character inside a word belongs to
/// that word: "Eliz\u{AD}abeth Warren" is one name, found whole, with the same label and cluster
/// as the name written without it. The text is never normalised, so the span's text, offsets and
/// `text_sha256` keep the invisible character (`annotate_checked` slices every span).
#[test]
fn invisible_characters_inside_a_word_keep_the_name_whole() {
    for mark in ['\u{ad}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}'] {
        let plain =
            "Senator Elizabeth Warren told reporters in Washington on Monday that she would run again.";
        let text = plain
            .replace("Elizabeth", &format!("Eliz{mark}abeth"))
            .replace("Washington", &format!("Wash{mark}ington"));
        let text = format!("{text} Elizabeth Warren said the campaign would start in Boston.");
        let doc = crate::common::annotate_checked(&text);
        let ents = doc["entities"].as_array().unwrap();
        let get = |t: &str| {
            ents.iter().find(|e| e["text"] == t).unwrap_or_else(|| panic!("{t:?} in {text:?}: {ents:?}"))
        };
        let soft = get(&format!("Eliz{mark}abeth Warren"));
        let plain_name = get("Elizabeth Warren");
        assert_eq!(soft["label"], "PERSON", "{mark:?}");
        assert_eq!(soft["cluster"], plain_name["cluster"], "one person with or without {mark:?}");
        assert_eq!(get(&format!("Wash{mark}ington"))["label"], "PLACE", "{mark:?}");
        let tokens = newsmark::tokens::tokenize(&text);
        let words: Vec<&str> = tokens.tokens.iter().map(|t| t.span.of(&text)).collect();
        assert!(words.contains(&format!("Eliz{mark}abeth").as_str()), "one token: {words:?}");
    }
    // between words (or at a word's edge) they are still spaces: the name does not include them
    let doc = crate::common::annotate_checked(
        "Talks in \u{200b}Ankara\u{200b} ended. \u{ad}Jens Stoltenberg left.",
    );
    let names: Vec<&str> =
        doc["entities"].as_array().unwrap().iter().map(|e| e["text"].as_str().unwrap()).collect();
    assert!(names.contains(&"Ankara"), "{names:?}");
}
