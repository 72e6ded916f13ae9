//! Quotes: data-driven examples, inline-marked, checked by slicing.
//!
//! Tags: `qN` is quote N (its exact span, marks included); `sN` its speaker as written and `cN`
//! its cue. A `qN` without an `sN` must have no speaker. `q` is a quote whose speaker is not
//! checked. Every quote found must be marked: nothing else may be reported.

use crate::common::{annotator, seed_article, unmark};
use newsmark::quotes::Quote;
use std::ops::Range;

fn quotes(text: &str) -> Vec<Quote> {
    annotator().annotate(text).quotes
}

fn show(text: &str, qs: &[Quote]) -> String {
    qs.iter()
        .map(|q| {
            format!(
                "{:?} speaker={:?} cue={:?} group={:?}\n",
                q.span.of(text),
                q.speaker.as_ref().map(|s| s.span.of(text)),
                q.cue.map(|c| c.of(text)),
                q.group
            )
        })
        .collect()
}

fn check(marked: &str) {
    let (text, spans) = unmark(marked);
    let qs = quotes(&text);
    let find = |tag: &str| -> Option<Range<usize>> { spans.iter().find(|s| s.1 == tag).map(|s| s.0.clone()) };
    let wanted: Vec<(Range<usize>, String)> =
        spans.iter().filter(|s| s.1.starts_with('q')).cloned().collect();
    let msg = || format!("in {text:?}\nfound:\n{}", show(&text, &qs));
    assert_eq!(qs.len(), wanted.len(), "number of quotes {}", msg());
    for (range, tag) in &wanted {
        let q = qs
            .iter()
            .find(|q| q.span.start as usize == range.start && q.span.end as usize == range.end)
            .unwrap_or_else(|| panic!("quote {:?} not found {}", &text[range.clone()], msg()));
        if tag == "q" {
            continue;
        }
        // `q2=1`: quote 2 has the speaker marked s1
        let (n, who) = match tag[1..].split_once('=') {
            Some((n, w)) => (n, w),
            None => (&tag[1..], &tag[1..]),
        };
        let _ = n;
        match (find(&format!("s{who}")), &q.speaker) {
            (Some(s), Some(sp)) => assert_eq!(
                &text[sp.span.start as usize..sp.span.end as usize],
                &text[s.clone()],
                "speaker of {tag} {}",
                msg()
            ),
            (Some(s), None) => panic!("no speaker for {tag}, want {:?} {}", &text[s], msg()),
            (None, Some(sp)) => panic!("{tag} should have no speaker, got {:?} {}", sp.span.of(&text), msg()),
            (None, None) => {}
        }
        if let Some(c) = find(&format!("c{n}")) {
            let got = q.cue.map(|c| c.of(&text).to_string());
            assert_eq!(got.as_deref(), Some(&text[c]), "cue of {tag} {}", msg());
        }
    }
}

#[test]
fn marks_of_every_kind() {
    for m in [
        r#"[["We will win,"|q1]] [[she|s1]] [[said|c1]]."#,
        "[[\u{201c}We will win,\u{201d}|q1]] [[she|s1]] [[said|c1]].",
        "[[\u{2018}We will win,\u{2019}|q1]] [[she|s1]] [[said|c1]].",
        "[['We will win,'|q1]] [[she|s1]] [[said|c1]].",
        "[[\u{ab}We will win\u{bb}|q1]], [[she|s1]] [[said|c1]].",
        "[[\u{201e}We will win\u{201c}|q1]], [[she|s1]] [[said|c1]].",
        "[[\u{bb}We will win\u{ab}|q1]], [[she|s1]] [[said|c1]].",
    ] {
        check(m);
    }
}

#[test]
fn apostrophes_are_not_marks() {
    check("Ankara\u{2019}s policy hadn\u{2019}t [[\"Not changed\"|q1]], [[he|s1]] [[said|c1]].");
    check("Music of the \u{2019}90s, rock \u{2019}n\u{2019} roll and the students\u{2019} union.");
    check("Music of the '90s, rock 'n' roll and the students' union, 'til dawn.");
    check("[[\u{2018}The workers\u{2019} union is strong,\u{2019}|q1]] [[Smith|s1]] [[said|c1]].");
    check("It\u{2019}s the \u{2018}90s again, said Jo\u{2019}s friend.");
    check("[[\"I don't know what the '90s were like,\"|q1]] [[Jones|s1]] [[said|c1]].");
}

#[test]
fn speaker_shapes() {
    for m in [
        r#"[["It is over,"|q1]] [[Smith|s1]] [[said|c1]]."#,
        r#"[["It is over,"|q1]] [[said|c1]] [[Jane Smith|s1]]."#,
        r#"[[Jane Smith|s1]] [[said|c1]]: [["It is over."|q1]]"#,
        r#"[[Jane Smith|s1]] [[said|c1]] that [["it is over."|q1]]"#,
        r#"[[According to|c1]] [[Jane Smith|s1]], [["it is over."|q1]]"#,
        r#"[["It is over,"|q1]] [[according to|c1]] [[Jane Smith|s1]]."#,
        r#"[["It is over,"|q1]] [[Hugh Hill, a doctor at the clinic|s1]], [[said|c1]]."#,
        r#"[["It is over,"|q1]] [[said|c1]] [[Hugh Hill, a doctor at the clinic|s1]]."#,
        r#"[["It is over,"|q1]] [[said|c1]] [[Hugh Hill|s1]], adding that he would stay."#,
        r#"[["It is over,"|q1]] [[Hugh Hill|s1]] [[said|c1]] in a statement."#,
        r#"[["It is over."|q1]] [[She|s1]] [[says|c1]]."#,
        r#"[["It is over."|q1]] She says it is not."#,
        r#"[[Cross|s1]] said he would vote for Clinton, whom he [[called|c1]] [["the most divisive figure."|q1]]"#,
        r#"[["The only way will be jail time"|q1]] for executives, [[she|s1]] [[said|c1]]."#,
        r#"Obama [["felt a moral obligation"|q1]] on climate, [[Axelrod|s1]] [[said|c1]] on Monday."#,
        r#"[["They want me!"|q1]] [[he|s1]] [[says|c1]] to the crowd from behind the camera in a livestream."#,
        r#"[["What if he had lessons?"|q1]] [[the 43-year-old|s1]] [[asked|c1]] in the description."#,
        r#"Pence, [[who|s2]] [[called|c2]] their son [["an American hero."|q2]] [[He|s1]] [[said|c1]]: [["we are sad."|q1]]"#,
        r#"[[NATO|s1]], of which Turkey is a member, [[has condemned|c1]] [["the strikes"|q1]]."#,
        r#"PHILADELPHIA, July 25 (UPI) — [[The committee|s1]] released a statement offering [["a deep apology"|q1]] to him."#,
        r#"[[Hillary|s1]] [[shot back|c1]], [["I suppose I could have baked cookies."|q1]]"#,
        r#"[["It is over,"|q1]] [[Turkish director of communications Fahrettin Altun|s1]] [[said|c1]]."#,
        r#"[["It is over,"|q1]] [[said|c1]] [[a spokesman for the US State Department|s1]]."#,
        r#"[["It is over,"|q1]] [[he|s1]] also [[said|c1]] on Tuesday."#,
        r#"[[The senator|s1]] [[called|c1]] the bill [["a disaster"|q1]] on Monday."#,
        r#"[[Hugh Hill, a doctor at the clinic|s1]], [[told|c1]] reporters: [["It is over."|q1]]"#,
        r#"[["Go home!"|q1]] [[Trump|s1]] [[shouted|c1]]."#,
        r#"[[Jared Potts|s1]] [[echoed|c1]] him: [["He says it."|q1]]"#,
        // a colon header: an unknown verb before the colon, or a name after a dash
        r#"The officers pressed him. [[Kasich|s1]] [[resisted|c1]]: [["I will not sign it."|q1]]"#,
        r#"Polls did well - [[Carl Bialik|s1]]: [["One lesson was simple."|q1]]"#,
        // a reporting word inside a compound adjective is no cue
        r#"[[According to|c1]] [[Trump|s1]], he is now the so-called [["worst thing for the establishment."|q1]]"#,
        // lower-case modifiers before the speaker's name, either order
        r#"[["It is wrong,"|q1]] [[screenwriter Cole Haddon|s1]] [[wrote|c1]] late Tuesday."#,
        r#"[["It is wrong,"|q1]] [[said|c1]] [[retired neurosurgeon Ben Carson|s1]]."#,
        // a quote ending its sentence after a cue: the next sentence's subject is not its speaker
        r#"[[Sanders|s1]] [[called|c1]] Trump a [["pathological liar."|q1]] Fiorina said Cruz was wrong."#,
        // the word after the subject right after a `,"` quote is the cue, known or not
        r#"[["Voters reject the establishment,"|q1]] [[he|s1]] [[notes|c1]]."#,
        r#"[["Let me help you out,"|q1]] [[the nominee|s1]] [[riffed|c1]] on the answer."#,
        // a predicate is not part of a subject-fallback speaker
        r#"[[Senate Democrats|s1]] blocked a bill because of [["poison pill"|q1]] measures."#,
        // an opening participle clause is skipped before the subject
        r#"Declaring that he alone can fix it, [[the mogul|s1]] offered himself as a [["law and order"|q1]] candidate."#,
        // a subject guess yields to the cue-backed speaker of the quote before it
        r#"[[Devine|s1]] [[said|c1]] Republicans make [["mischief"|q1]] that shows their [["disconnect with voters."|q2=1]]"#,
    ] {
        check(m);
    }
}

#[test]
fn same_sentence_speakers() {
    for m in [
        // `according to` later in the sentence names the source, over a nearer `X said`
        r#"[["It is over,"|q1]] the judge said, [[according to|c1]] [[the Post|s1]]."#,
        r#"[[According to|c1]] [[Yahoo News|s1]], a spokesman said Friday that [["she would sign it."|q1]]"#,
        r#"[["It is over,"|q1]] he said in a statement [[according to|c1]] [[excerpts of his speech released by the White House|s1]]."#,
        // an attribution closing the sentence, followed by an appositive
        r#"[["For teachers, he is saying the right things"|q1]] about unions, [[said|c1]] [[Marla Kilfoyle, executive director of the Badass Teachers Association|s1]]."#,
        // a later sentence's own subject is not replaced by the previous quote's speaker
        r#"[["It is bad,"|q1]] [[the board|s1]] [[wrote|c1]]. [[The piece|s2]] goes on to slam his [["political revolution"|q2]] for its aims."#,
        // `that` before a name opens a clause; a lone quantifier is a subject
        r#"[[The ad|s1]] concludes that Trump is too [["dangerous and reckless"|q1]] to be president."#,
        r#"[[Another|s1]] [[said|c1]] he hoped with his [["whole heart"|q1]] that Trump wins."#,
        // a share of people as the subject
        r#"However, [[63 percent|s1]] [[said|c1]] Clinton was [["justified"|q1]] in keeping it private."#,
        // the named reporter of a pronoun, before an earlier quote of the sentence
        r#"[[Flynn|s1]] said Trump was [["absolutely right"|q]] when he [[said|c1]] that under Obama, [["the generals have been reduced to rubble."|q1]]"#,
        // after `?` or `!`, a long subject with an appositive is still the attribution
        r#"[["How are you today?"|q1]] [[Miller, a retired worker from a nuclear plant|s1]], [[said|c1]] pleasantly into the phone."#,
        // an expletive `it` as the subject: the name after it
        r#"It is strange that [[Trump|s1]] would denounce [["self-deportation,"|q1]] which is like a sundae."#,
        r#"And on Friday, it was a report by [[Politico|s1]] that he [["fabricated"|q1]] the story."#,
        // a parenthetical inverted report
        r#"The paradox of Nancy, [[says|c1]] [[Carl Anthony, historian at the library|s1]], is that she was [["one of the most powerful first ladies,"|q1]] not for policy."#,
        // a parenthetical `as X put it,` / `as X noted …,` before the quote
        r#"He has been seen, as [[The New Yorker|s1]] [[put|c1]] it in a lengthy expose, [["the operator."|q1]]"#,
        r#"But as [[the tabloid|s1]] [[noted|c1]] in an op-ed Thursday, the candidate [["has earned himself a few fans."|q1]]"#,
        // the quote inside a relative clause of a name, still open
        r#"Trump, [[who|s1]] has postured himself as the [["law and order candidate,"|q1]] has taken a hard line."#,
        // … not a restrictive one, nor one closed by a dash
        r#"[[Smith|s1]] wants tenure for judges who serve in [["good behavior"|q1]] and protects them."#,
        // a coordinated or concessive clause with a subject of its own
        r#"Clinton arrived early - but [[the Sanders campaign|s1]] rejected the idea as [["ludicrous"|q1]] because of the game."#,
        r#"Netanyahu said he would go ahead with the meeting, although [[he|s1]] [[tweeted|c1]] that he [["rejects the comments."|q1]]"#,
        // … but not one inside the report of an earlier cue, with no cue of its own
        r#"[[Guccifer|s1]] [[said|c1]] that the server was open, and he had access to a server that [["was like an open orchid."|q1]]"#,
        // a long introductory phrase (after a conjunction, a short one)
        r#"On the eve of his historic election to a fourth term as prime minister in March, [[Netanyahu|s1]] rallied supporters by warning that [["the rule of the right is in danger."|q1]]"#,
        // a name reported inside an earlier report: the reporter is the source
        r#"[[Trump|s1]] said at a rally that Clinton once described the deal as [["the gold standard"|q1]] of trade deals."#,
        "When Clinton noted that he paid no taxes \u{2014} [[Trump|s1]] [[boasted|c1]], [[\"That makes me smart.\"|q1]]",
        // the state after an introductory phrase's place
        r#"Speaking at a town hall event in Salem, New Hampshire, [[Trump|s1]] went after Bush, calling him [["a total stiff."|q1]]"#,
        r#"At a conference that month in Aspen, Colo., [[the graduate|s1]] ended her speech by quoting him: [["Every obstacle yields."|q1]]"#,
        // an adverb before the subject, with no comma
        r#"[[Trump|s1]] [[accused|c1]] Cruz of being [["politically correct."|q1]] Then [[he|s2]] cut into Bush, calling him a [["stiff"|q2]] on the stage."#,
        // a time or an adverb before a preposition opens an introductory phrase
        r#"Hours later, [[she|s1]] issued a statement calling on the city [["to stay calm and patient"|q1]] this week."#,
        r#"Twenty-two years ago, [[a Times article|s1]] hailed him as [["The Comeback Kid"|q1]] for his success."#,
        r#"Shortly after the call ended, [[the campaign|s1]] sent out a release saying he owes [["Florida an explanation."|q1]]"#,
        r#"But [[Sen. Pat Toomey (R-Pa.)|s1]] refused to entertain the idea of campaigning alongside Cruz, responding that he is [["not going to go into what my campaign is doing."|q1]]"#,
    ] {
        check(m);
    }
}

#[test]
fn transcript_speaker_is_not_inside_the_quote() {
    // "WALLACE:" inside the marks names the speaker, but a speaker span never lies inside its
    // quote (the wire format's invariant), so none is reported from there
    let text = "\"WALLACE: Will you be there?\n\n\"PENCE: No.\"";
    for q in quotes(text) {
        if let Some(s) = &q.speaker {
            assert!(s.span.end <= q.span.start || s.span.start >= q.span.end);
        }
    }
}

#[test]
fn speaker_carried_to_neighbours_and_paragraphs() {
    check(r#"[["It is over,"|q1]] [[she|s1]] [[said|c1]]. [["We lost."|q2=1]]"#);
    check(r#"[["It is over,"|q1]] [[she|s1]] [[said|c1]], [["and we lost."|q2=1]]"#);
    check(concat!(
        r#"[[Mayor Jane Smith|s1]] [[said|c1]] on Monday that the city would appeal: [["We are not done."|q1]]"#,
        "\n\n",
        r#"[["The ruling is wrong."|q2=1]]"#
    ));
    // the previous sentence's attribution, inside one paragraph
    check(
        r#"[[Sam Lau, the director|s1]], [[said|c1]] in a statement. [["There are no paper ballots."|q1]]"#,
    );
    check(
        r#"[["It is costly,"|q1]] [[said|c1]] [[Will Doyle, a professor at Vanderbilt|s1]]. [["Personnel costs rise."|q2=1]]"#,
    );
    // a speaker introduced at the end of the previous paragraph
    check(concat!(
        r#"Bolton discussed the rules. [[He|s1]] [[said|c1]]:"#,
        "\n\n",
        r#"[["It is like a monastery."|q1]]"#
    ));
    // the speaker of quote 2 is that of quote 1
    let text = "\"It is over,\" Smith said.\n\n\"We lost.\"";
    let qs = quotes(text);
    assert_eq!(qs.len(), 2);
    assert_eq!(qs[1].speaker.as_ref().map(|s| s.span.of(text)), Some("Smith"));
}

#[test]
fn latest_speaker_over_a_line_of_narration() {
    // a quote with no attribution of its own takes the latest speaker a few paragraphs back
    check(
        "[[\"How are you today?\"|q1]] [[Miller|s1]] [[said|c1]] into the phone.\n\nShe pauses.\n\n\
         Pause.\n\n[[\"Well, you do that!\"|q2=1]]",
    );
}

#[test]
fn scare_quotes_far_from_any_speaker() {
    // a short phrase with no cue in its sentence, whose only speaker would come from another
    // paragraph, is not reported
    check("[[\"We will win,\"|q1]] [[Smith|s1]] [[said|c1]].\n\nLater the team went to a \"unity\" lunch.");
}

#[test]
fn multi_paragraph_quotes_share_a_group() {
    let marked = concat!(
        r#"[[Smith|s1]] [[said|c1]]: [["The first part.|q1]]"#,
        "\n\n",
        r#"[["The second part.|q2]]"#,
        "\n\n",
        r#"[["The last part."|q3]]"#,
        "\n\nThe end."
    );
    let (text, _) = unmark(marked);
    let qs = quotes(&text);
    assert_eq!(qs.len(), 3, "{}", show(&text, &qs));
    assert!(qs[0].group.is_some());
    assert!(qs.iter().all(|q| q.group == qs[0].group));
    assert!(qs.iter().all(|q| q.speaker.as_ref().map(|s| s.span.of(&text)) == Some("Smith")));
    // two separate quotes are no group
    let text = "\"Bob.\"\n\n\"What.\"";
    let qs = quotes(text);
    assert_eq!(qs.iter().map(|q| q.span.of(text)).collect::<Vec<_>>(), ["\"Bob.\"", "\"What.\""]);
    assert!(qs.iter().all(|q| q.group.is_none()));
}

#[test]
fn unbalanced_marks_stay_in_their_paragraph() {
    check(concat!(
        r#"He said [["this runs on|q]]"#,
        "\n\nAnd this paragraph is not quoted, and neither is this one.\n\nNor this."
    ));
    // a stray closing mark quotes nothing
    check("The figure was 12\" long and nobody said more.\n\nThe end.");
    // a lone mark at the end of a long article
    let long = "The council met on Tuesday and agreed on a budget. ".repeat(2000) + "\"";
    assert!(quotes(&long).is_empty());
    check(r#"""="#);
    check(r#"[["one,"|q]] [["two"|q]] and [["three"|q]] are not one quote."#);
    check(
        r#"[["One,"|q1]] [[he|s1]] [[said|c1]], [["two."|q2=1]] Then [["three,"|q3]] [[she|s3]] [[said|c3]]."#,
    );
}

#[test]
fn spaces_inside_marks_and_missing_spaces() {
    check(
        r#"[["All known positions were taken under fire from our ground and air units "|q1]], [[Fahrettin Altun|s1]] [[said|c1]]."#,
    );
    check(
        r#"[["We support our NATO ally, Turkey, and Iranian-backed forces"|q1]][[said|c1]] [[a spokesman for the US State Department|s1]]."#,
    );
}

#[test]
fn nested_quotes_stay_inside() {
    check(r#"[["He told me 'go away' and left,"|q1]] [[she|s1]] [[said|c1]]."#);
    check("[[\u{201c}He told me \u{2018}go away\u{2019} and left,\u{201d}|q1]] [[she|s1]] [[said|c1]].");
    check("[[\u{201c}They called it \"fake news\" again,\u{201d}|q1]] [[she|s1]] [[said|c1]].");
    check("[[\u{2018}He said \u{201c}no\u{201d} twice,\u{2019}|q1]] [[she|s1]] [[said|c1]].");
}

#[test]
fn headlines_and_titles() {
    // a headline quote is found (with no speaker)
    check(
        "[[\"Humanitarian cease-fire now\" remained a dead letter|q]]"
            .replace(" remained a dead letter|q]]", "|q]] remained a dead letter")
            .as_str(),
    );
    // short Title-Case phrases with no attribution are titles, not quotes
    check(r#"She appeared on "Meet the Press" and "Fox and Friends" last week."#);
    check(r#"Robert C. "Bobby" Scott voted no."#);
    // ... unless attributed
    check(r#"[[He|s1]] [[called|c1]] it [["Fake News"|q1]] on Monday."#);
    // ... or right after a reporting word, and so are the other members of its list
    check(
        r#"[[Cruz|s1]] [[named|c1]] [["Criminal Minds,"|q1]] [["Game of Thrones"|q2=1]] and [["Veep"|q3=1]] as his top shows."#,
    );
    check(r#"Crowds marched, chanting [["Bernie or Jill, No Hill,"|q]] past the hall."#);
    check(r#"The bill, the so-called [["Bathroom Bill,"|q]] passed."#);
    // a Title-Case name after a possessive is a programme or book, even next to a cue
    check(r#"[["It's too early,"|q1]] [[said|c1]] [[Cuban|s1]] on NBC's "Meet the Press." He left."#);
    check(r#"He told ABC's "Good Morning America," that he agrees."#);
    // single-quoted phrases in a headline are headline style, not speech
    check("Trump Says Clinton \u{2018}Would Love\u{2019} a War\n\nHe spoke on Monday.");
    // `''…''` (two apostrophes as a double mark): a single quote inside it is nested
    check("''Sometimes they say, 'Yeah, Trump is right,''' said Mr. Regalado.");
}

#[test]
fn pronouns_resolve_to_names() {
    let text = concat!(
        "NATO Secretary General Jens Stoltenberg met with Turkish Foreign Minister Mevl\u{fc}t Cavusoglu. ",
        "He called Damascus and Moscow to \"Stop their offensive\".\n\n",
        "\"We will not accept it,\" Stoltenberg said.\n\n",
        "\"It must end,\" he added."
    );
    let qs = quotes(text);
    assert_eq!(qs.len(), 3, "{}", show(text, &qs));
    for q in &qs {
        let sp = q.speaker.as_ref().expect("speaker");
        assert_eq!(sp.name.map(|n| n.of(text)), Some("Jens Stoltenberg"), "{}", show(text, &qs));
    }
    assert_eq!(qs[0].speaker.as_ref().unwrap().span.of(text), "He");
}

#[test]
fn names_of_speakers() {
    let name = |text: &str| -> Vec<Option<String>> {
        quotes(text)
            .iter()
            .map(|q| q.speaker.as_ref().and_then(|s| s.name).map(|n| n.of(text).to_string()))
            .collect()
    };
    assert_eq!(name(r#""We won," said Sen. Ted Cruz (R-Texas)."#), [Some("Ted Cruz".to_string())]);
    assert_eq!(name(r#""We won," the spot says."#), [None]);
    assert_eq!(name(r#""We won," said a spokesman for the State Department."#), [None]);
    assert_eq!(
        name("Senator Elizabeth Warren spoke on Monday. \"We won,\" Warren said."),
        [Some("Elizabeth Warren".to_string())]
    );
}

#[test]
fn pathological_input_is_fast_and_safe() {
    // the quote layer alone (the other layers have their own limits)
    let quotes_only = |text: &str| {
        let tokens = newsmark::tokens::tokenize(text);
        newsmark::quotes::Quotes::new().find(text, &tokens, &[], &[])
    };
    let t = std::time::Instant::now();
    for text in [
        "\"".repeat(100_000),
        "\u{201c}".repeat(100_000),
        "\u{2019}".repeat(100_000),
        "'a".repeat(50_000),
        "\"a ".repeat(50_000),
        "\"Bob.\"\n\n".repeat(20_000),
        "\"a\n".repeat(30_000),
        "<a".repeat(50_000),
        "said \"x\", said ".repeat(20_000),
    ] {
        let qs = quotes_only(&text);
        for q in &qs {
            assert!(
                text.is_char_boundary(q.span.start as usize) && text.is_char_boundary(q.span.end as usize)
            );
        }
    }
    // generous: these take milliseconds; a quadratic pass would take minutes
    assert!(t.elapsed().as_secs() < 60);
    for text in
        ["\r\n\"a\r\n\"b\"\r\n", "\u{a0}\"\u{a0}\"\u{a0}", "\u{1f600}\"\u{1f600}\" he said", "\"", "'", ""]
    {
        let qs = quotes(text);
        for q in &qs {
            assert!(
                text.is_char_boundary(q.span.start as usize) && text.is_char_boundary(q.span.end as usize)
            );
        }
    }
}

#[test]
fn seed_article_quotes() {
    let Some(text) = seed_article() else { return };
    let qs = quotes(&text);
    let get = |start: &str| -> &Quote {
        qs.iter()
            .find(|q| q.span.of(&text).starts_with(start))
            .unwrap_or_else(|| panic!("{start:?} not found:\n{}", show(&text, &qs)))
    };
    let speaker = |q: &Quote| q.speaker.as_ref().map(|s| s.span.of(&text).to_string());
    let name = |q: &Quote| q.speaker.as_ref().and_then(|s| s.name).map(|n| n.of(&text).to_string());
    let cue = |q: &Quote| q.cue.map(|c| c.of(&text).to_string());
    // 11 quoted passages (the headline one may be reported or not)
    assert!(qs.len() == 10 || qs.len() == 11, "{}", show(&text, &qs));
    let q = get("\"The indiscriminate strikes");
    assert_eq!(speaker(q).as_deref(), Some("NATO"));
    assert_eq!(cue(q).as_deref(), Some("has condemned"));
    for start in ["\"Stop their offensive\"", "\"Urged all parties"] {
        let q = get(start);
        assert_eq!(speaker(q).as_deref(), Some("He"));
        assert_eq!(name(q).as_deref(), Some("Jens Stoltenberg"), "{}", show(&text, &qs));
    }
    assert_eq!(get("\"Stop their offensive\"").span.of(&text), "\"Stop their offensive\"");
    assert_eq!(cue(get("\"Stop their")).as_deref(), Some("called"));
    let q = get("\"We support our NATO ally");
    assert!(q.span.of(&text).ends_with("forces\""));
    assert_eq!(speaker(q).as_deref(), Some("a spokesman for the US State Department"));
    assert_eq!(name(q), None);
    assert_eq!(cue(q).as_deref(), Some("said"));
    let q = get("\"All known positions");
    assert!(q.span.of(&text).ends_with("units \""));
    let s = speaker(q).unwrap();
    assert!(s == "Turkish director of communications Fahrettin Altun" || s == "Fahrettin Altun", "{s}");
    assert_eq!(name(q).as_deref(), Some("Fahrettin Altun"));
    for start in ["\"Take responsibility\"", "\"Put an end"] {
        let q = get(start);
        assert_eq!(speaker(q).as_deref(), Some("He"));
        assert_eq!(name(q).as_deref(), Some("Fahrettin Altun"));
    }
    assert_eq!(cue(get("\"Take responsibility\"")).as_deref(), Some("urged"));
    let hum: Vec<&Quote> = qs.iter().filter(|q| q.span.of(&text) == "\"Humanitarian cease-fire\"").collect();
    let last = hum.last().expect("the partial quote in paragraph 12");
    assert_eq!(speaker(last).as_deref(), Some("Western members of the United Nations (UN) Security Council"));
    assert_eq!(cue(last).as_deref(), Some("called for"));
    if hum.len() == 2 {
        assert!(hum[0].speaker.is_none());
    }
    for start in ["\"No longer able to retain\"", "\"Not changed\""] {
        let q = get(start);
        let s = speaker(q).unwrap();
        assert!(
            s == "Omer Celik"
                || s == "spokesman for the ruling Justice and Development Party (AKP, Islamist-conservative, Omer Celik)",
            "{s}"
        );
        assert_eq!(name(q).as_deref(), Some("Omer Celik"));
    }
    assert_eq!(cue(get("\"Not changed\"")).as_deref(), Some("stressing"));
    // traps: apostrophes are not quotes, indirect speech is not a quote
    assert!(qs.iter().all(|q| !q.span.of(&text).contains("Ankara\u{2019}s heavy")));
    assert!(qs.iter().all(|q| !q.span.of(&text).contains("Rahmi Dogan")));
    for q in &qs {
        let s = q.span.of(&text);
        assert!(!s.contains('\n'), "{s:?}");
    }
}

#[test]
fn mismatched_curly_marks_and_tags_over_lines() {
    // `“…“`: an opening mark used to close is mismatched marks, not a reported quote; its
    // attribution still reaches the next quote of the paragraph
    check(concat!(
        "\u{201c}It's unusual,\u{201c} said [[Larry Noble, an attorney|s1]]. ",
        "[[\u{201c}It's a hard thing to do.\u{201d}|q1]]"
    ));
    // nor is the part before a second “ in one paragraph; the inner pair is a quote
    check(concat!(
        "Jack noted that \u{201c}many of those elected from [Cruz\u{2019}s] ",
        "[[\u{201c}list\u{201d}|q]] are firmly undecided."
    ));
    // a tag running over a line break is markup up to its `>`
    check(concat!(
        "<tweet tweet-author=\"@ByronYork\" tweet-date=\"March 9, 2016\n\">Rubio event. ",
        "Stands empty.<tweet/>\n\n[[\"It was fine,\"|q1]] [[she|s1]] [[said|c1]]."
    ));
}

#[test]
fn curly_quotes_inside_an_unclosed_straight_quote() {
    // a straight quote left open at its paragraph's end with curly quotes inside: the curly
    // quotes are reported (titles too), with the straight one's speaker
    check(concat!(
        "[[Dr. Ward|s1]] stated:\n\n\"The department isn\u{2019}t about ",
        "[[\u{201c}Equal Justice Under Law\u{201d}|q1]] anymore, and it knows it."
    ));
    // unless a cue inside gives them their own
    check(concat!(
        "Kelly wrote:\n\n\"[[Trump|s1]] tried to laugh it off by [[interjecting|c1]], ",
        "[[\u{201c}Only Rosie O\u{2019}Donnell.\u{201d}|q1]] Then he left the stage."
    ));
    // a transcript's `NAME:` is the speaker of the quotes inside its paragraph
    check(concat!(
        "\"[[PENCE|s1]]: Well, she thinks this is an episode of ",
        "[[\u{201c}Shark Tank.\u{201d}|q1]] But this is America, Chris."
    ));
    // closed straight quotes keep their inner quotes nested
    check("[[\"It is about \u{201c}Equal Justice Under Law\u{201d} now,\"|q1]] [[she|s1]] [[said|c1]].");
}

#[test]
fn typed_and_website() {
    // `type` is a reporting verb (`typed`); a website can speak
    check(r#"[[The doctor|s1]] [[typed|c1]] that she was [["a danger to others."|q1]]"#);
    check(r#"[[The campaign website|s1]] [[notes|c1]]: [["We will win in November."|q1]]"#);
}

// ---- q2: attribution outside the quote's own sentence (layout, other paragraphs) ----

#[test]
fn transcript_turns_name_their_speaker_elsewhere() {
    // a turn's `NAME:` header names its speaker; the speaker is reported at the nearest other
    // mention of that name (never inside the turn itself)
    check(concat!(
        "Chris [[Wallace|s1]] asked [[Pence|s2]] about the debate. Partial transcript as follows:\n\n",
        "[[\"WALLACE: Will Gennifer Flowers be there?\"|q1]]\n\n",
        "[[\"PENCE: She will not be attending the debate.\"|q2]]"
    ));
    // a continuation paragraph of a turn keeps its speaker
    check(concat!(
        "[[Wallace|s1]] interviewed [[Pence|s2]] on Sunday:\n\n[[\"WALLACE: Will she be there?\"|q1]]\n\n",
        "[[\"PENCE: No, because the debate is about the issues.|q2]]\n\n",
        "[[\"And the American people know it.\"|q3=2]]"
    ));
    // a caption (`VIDEO:`) is not a name: no mention of it is capitalised
    check(concat!(
        "[[Ramos|s1]] [[asked|c1]]: [[\"Did you lie to them?\"|q1]]\n\n",
        "[[\"VIDEO: They all told me it was a video when they knew it was not the video.\"|q2=1]]"
    ));
}

#[test]
fn signature_line_under_a_quote() {
    // a short line under a quote naming its source: after a dash, the name alone; without
    // one, a name and its affiliation
    check(concat!(
        "[[\"Great speech. She's tested. She's ready.\"|q1]]\n\n",
        "-[[President Obama|s1]], tweeting after Clinton's speech."
    ));
    check(concat!(
        "[[\"We are going to enter the next recession without that consensus.\"|q1]]\n\n",
        "[[Josh Bivens, Economic Policy Institute|s1]]."
    ));
    // a bare capitalised line is narration or a heading, not a signature
    check("[[\"Well, thank you so much.\"|q1]]\n\nPause.");
}

#[test]
fn partial_quote_takes_its_sentence_actor_before_other_paragraphs() {
    // a partial quote inside a sentence that no cue and no subject attributes: the sentence's
    // first name or personal pronoun, not a speaker carried from earlier paragraphs
    check(concat!(
        "[[\"We show anger,\"|q1]] [[said|c1]] [[Harvey|s1]].\n\n",
        "When [[Trump|s2]] finally wrapped up \u{2014} [[\"I will fight for you, and I will win for you!\"|q2]] ",
        "\u{2014} the balloons cascaded down on the crowd."
    ));
    check(concat!(
        "[[\"We are ready,\"|q1]] [[said|c1]] [[Sen. Marco Rubio|s1]].\n\n",
        "There's still time for [[Cruz|s2]] to build bridges, even after dismissing them as the ",
        "[[\"Washington cartel\"|q2]] last year."
    ));
}

#[test]
fn block_quote_takes_the_main_report_of_the_paragraph_above() {
    // a quote-only paragraph under a sentence with several reports: the main clause's speaker,
    // not the subject of a report inside it
    check(concat!(
        "[[Schoen|s1]] [[elaborated|c1]] in an editorial piece for The Wall Street Journal that superdelegates ",
        "currently pledged to Clinton, even those who did so before the campaign began, may reconsider.\n\n",
        "[[\"A Sanders win in California would underscore her weakness as a candidate.\"|q1]]"
    ));
}

#[test]
fn quantity_subject_of_a_partial_quote() {
    // a sentence opening with a quantity of people: that quantity is the speaker
    check(concat!(
        "[[\"We will win,\"|q1]] [[said|c1]] [[Clinton|s1]].\n\n",
        "Only [[52 percent of registered voters|s2]] agreed that Clinton is in ",
        "[[\"good enough overall health to serve as president,\"|q2]] while 73 percent said the same of Trump."
    ));
    check(concat!(
        "[[\"We will win,\"|q1]] [[said|c1]] [[Trump|s1]].\n\n",
        "About [[four in 10|s2]] said they were [[\"angry\"|q2]] with the way the government is operating."
    ));
}

// ---- q5: speaker accuracy, round 5 ----

#[test]
fn round5_attributions() {
    for m in [
        // after `!` or `?` a long predicate still attributes the quote
        r#"[["Full speed ahead!"|q1]] [[Rep. Jane Doe, D-Ore.|s1]], [[said|c1]] of the busy week in the capital."#,
        // a capitalised word after `,"` is a name even when the lexicon knows it as a verb
        r#"[["It is a good deal,"|q1]] [[Read|s1]] [[said|c1]]."#,
        // lower-case modifiers with compounds (`9/11`, `warm-and-fuzzy`) before a name
        r#"[["We are not done,"|q1]] [[said|c1]] [[9/11 widow Jane Doe|s1]]."#,
        r#"[["We did not discuss that,"|q1]] [[warm-and-fuzzy Smith|s1]] [[said|c1]]."#,
        // a name with lower-case words inside, before the verb
        r#"[["We will not run his columns,"|q1]] [[Daily Planet opinion editor Jane Doe|s1]] [[told|c1]] reporters."#,
    ] {
        check(m);
    }
    // a short phrase does not take the speaker of a later sentence's quote
    check(concat!(
        "[[\"We won,\"|q1]] [[Jane Doe|s1]] [[said|c1]].\n\n",
        "The \"market crash\" would see big declines as investors flee. ",
        "[[\"I think it is likely,\"|q2]] [[Bob Roe|s2]] [[said|c2]]."
    ));
    for m in [
        // an attribution closing the sentence after a later quote is the earlier quote's too,
        // over the sentence's subject
        // `to speak` inside an appositive does not end the search for the verb
        r#"[["The agents are under a lot of pressure,"|q1]] [[an intelligence source, who was not authorized to speak on the record|s1]], [[told|c1]] the paper."#,
        // the object of a participle's preposition is not the reporter
        r#"[[Another source|s1]] speaking to the paper [[said|c1]], [["The agents are investigating the donations."|q1]]"#,
        // a lower-case word before a capitalised title is not part of the speaker
        r#"At the state party convention [[Sen. Jane Doe (D-MA)|s1]] [[said|c1]] Smith was a [["proven failure"|q1]] in business."#,
        // a clause between commas ends an appositive chain, not a place's state
        r#"Tuesday at the university in Berea, OH, after winning Ohio in the primary, [[Gov. John Doe (R-OH)|s1]], [[said|c1]], [["We are ready."|q1]]"#,
        r#"[[Clinton|s1]], during a town hall meeting in Columbus, Ohio, [[said|c1]] she was [["going to put them out of business,"|q1]] while trying to explain."#,
        // a dateline with a news agency is no subject
        r#"Washington (AFP) – [[Democrat Jane Doe|s1]] has taken a swipe at her rival, [[saying|c1]] that [["bombastic comments"|q1]] do more harm than good."#,
        // the pronoun of a colon header takes the named reporter before it
        r#"[[John Doe|s1]] may have said it best when he [[blogged|c1]]: [["She is as close to a chosen candidate as we will see."|q1]]"#,
        // a preposition's object before a colon is no speaker
        r#"But back home, [[he|s1]] returned to his familiar lines: [["It's called America First!"|q1]]"#,
        // a bare cue form after a determiner and an adjective is a noun
        r#"And although he thanked the community, [[he|s1]] sounded a rare note of humility, [[saying|c1]], [["I'm not sure I really deserve it."|q1]]"#,
        r#"[[Rep. Tom Cole|s1]] [[said|c1]] Thursday his biggest worry about Trump is that he is [["unpredictable."|q1]]"#,
        // `with X V-ing` names its speaker
        r#"Republicans were irritated about the lack of detail, with [[Sen. John Doe|s1]] [[calling|c1]] it a [["Chinese menu."|q1]]"#,
        // a relative clause's report yields to the subject of a participle after a comma
        r#"[[Smith|s1]] was defensive when forced to defend not paying an architect who said he was stiffed, [[saying|c1]], [["Maybe he didn't do a good job."|q1]]"#,
        r#"[[Rival Jane Doe|s1]] had mocked the complaint, saying anybody who complains about a microphone [["is not having a good night."|q1]]"#,
        // a cue with no subject of its own after a relative clause: the clause's antecedent
        r#"Although there is no overlap, [[a White House official|s1]] who spoke anonymously to discuss strategy [[said|c1]] Wednesday, [["Certainly there are discussions."|q1]]"#,
        // `she says it …`: the reporter, not the `it` of the reported clause
        r#"[[Doe|s1]] [[says|c1]] Smith's [["latest meltdown is unhinged."|q1]] [[She|s2]] says it [[underscores|c2]] that Smith is [["unfit to be commander-in-chief."|q2]]"#,
        // a described speaker with a prepositional phrase after a quote; a noun-like `-s` verb
        // closing the sentence
        r#"[["They know she is strong enough,"|q1]] [[a voice-over in the ad|s1]] [[states|c1]]."#,
        r#"[["Will he be the next attorney general?"|q1]] [[a staffer in the room|s1]] [[wondered|c1]]."#,
        // a role and a name before a colon, as the object of a verb that is no cue
        r#"The timing of the surge doesn't surprise [[Republican pollster Dan Shaw|s1]]: [["Lesser-known candidates see the biggest boost."|q1]]"#,
        // an earlier quote of the sentence (here a title) does not open a new subject
        "[[Sen. Jane Doe (D-Vt.)|s1]] visited NBC\u{2019}s \u{201c}Today\u{201d} to discuss her remarks about her rival, John Smith, [[saying|c1]] [[\u{201c}on his worst day\u{201d}|q1]] he\u{2019}d be [[\u{201c}a better president\u{201d}|q2=1]] than the others.",
        // `according to` lower-case modifiers and a name
        "[[According to|c1]] [[conservative radio host Rush Doe|s1]], the move reeks of [[\u{201c}fear\u{201d}|q1]] and desperation.",
        // a parenthetical inverted report with any cue that does not name a listener
        "Because of how the party crafted the schedule, [[explained|c1]] [[Rosenberg|s1]], [[\u{201c}with this thing over by March, it is hard.\u{201d}|q1]]",
        // `with` and a described speaker before a participle; an absolute after a dash, and
        // the one coordinated with it
        r#"And Smith turned on Jones, with [[the campaign of the former senator from Ohio|s1]] [[saying|c1]] Jones was [["not a real conservative."|q1]]"#,
        "Both men issued a statement \u{2013} [[Ryan|s1]] [[saying|c1]] he was [[\u{201c}very encouraged\u{201d}|q1]] and [[Trump|s2]] [[calling|c2]] it a [[\u{201c}great meeting.\u{201d}|q2]]",
        r#"Given his success, his support will carry [["a great deal of weight"|q1=2]] and bring the [["grass-roots firepower"|q2]] they need, [[spokesman Neil Doe|s2]] [[said|c2]]."#,
    ] {
        check(m);
    }
}

#[test]
fn restarted_subject_never_inside_a_quote() {
    // the sentence's subject before an earlier quote is never taken from inside a quote
    for text in [
        "\u{2019}s\u{ab}, Stoltenbergat least (\u{ab}\u{ab} said ",
        "\u{2019}s\u{ab}. Stoltenbergat least \u{2018}-\u{ab}\u{ab} said ",
    ] {
        let qs = quotes(text);
        for q in &qs {
            if let Some(s) = &q.speaker {
                assert!(
                    qs.iter().all(|o| s.span.end <= o.span.start || s.span.start >= o.span.end),
                    "speaker {:?} inside a quote in {text:?}",
                    s.span.of(text)
                );
            }
        }
    }
}

// ---- q6: speaker spans and accuracy, round 6 ----

#[test]
fn round6_attributions() {
    for m in [
        // after an inverted cue, a name, lower-case words and a later name are one speaker
        r#"[["He is a longtime friend of mine,"|q1]] [[said|c1]] [[Smith ally John Doe|s1]]."#,
        r#"[["Anyone who refuses to follow the law puts us at risk,"|q1]] [[said|c1]] [[Cruz constituent Dan Roe|s1]] when asked about it."#,
        // a described speaker's `close to …` / `familiar with …` belongs to it
        r#"[["He has been very worked up about it,"|q1]] [[said|c1]] [[a source close to the campaign|s1]]."#,
        r#"[["I think he will try to be friendlier,"|q1]] [[said|c1]] [[one official familiar with the talks|s1]]."#,
        // after a possessive the speaker goes on to its head noun before the verb
        r#"[["This is a smear,"|q1]] [[said|c1]] [[Congressman John Doe's office|s1]]."#,
        r#"[[Doe's office|s1]] [[said|c1]] the claim was [["absurd."|q1]]"#,
        // (not past the head noun: `Barrett's dictum to his interns was`)
        r#"[[Roe|s1]]'s dictum to his interns was, [["It's not a good story without a threat."|q1]]"#,
        // a relative pronoun after a quote is no speaker; a name with lower-case words inside,
        // after a comma, is the one closing the sentence
        r#"[["If the agency finds more records, it will search them for records"|q1]] that would respond to the requests, [[Justice Department senior trial counsel Jane Doe|s1]] [[wrote in|c1]] a court filing."#,
        // an attribution closing a long sentence, more than 40 tokens after the quote
        r#"The promise to [["take our country back"|q1]] appeals to voters who wish for a return to an era when a college degree was not necessary to earn a middle-class living and when most of the jobs in the small towns of the region were still in the mills and the mines, [[said|c1]] [[Alan Doe, a demographer at the university|s1]]."#,
        // a quote completing an earlier cue's `that` clause is that cue's, when the report
        // after it has a clause of its own
        r#"But even as [[Doe|s1]] [[claimed|c1]] on Tuesday that [["the general got in trouble for far less,"|q1]] one of the former prosecutors said the two cases were quite different."#,
        // a participle after a comma reports for the `when`/`where`/`as` clause right before it
        r#"The first incident came during a speech in Ohio, when [[Smith protesters|s1]] interrupted her speech, [[shouting|c1]] [["she wins, we lose!"|q1]]"#,
        r#"Doe spoke down the street from the casino, where [[about 50 workers|s1]] had gathered on Wednesday, [[chanting|c1]] [["no contract, no peace."|q1]]"#,
        r#"[["Who can remember how many states I lost?"|q1]] [[Doe|s1]] [[asks|c1]] as [[a maintenance man|s2]] walks in, [[saying|c2]] he is [["here to fix the holes."|q2]]"#,
        // not after `after`, nor with a pronoun subject
        r#"[["I think we need him back,"|q1]] [[Roe|s1]] [[said|c1]] on his show after the senator easily won, remarking that some are [["still angry over the bill."|q2=1]]"#,
    ] {
        check(m);
    }
}
