//! Quotations and who said them.
//!
//! Three steps, each linear in the text:
//! 1. [`pairing`]: quotation marks are paired per paragraph (char level) into quote spans;
//!    multi-paragraph quotes get a shared `group`.
//! 2. [`speakers`]: ordered rules find each quote's cue and speaker from the tokens around it,
//!    then speakers are carried to neighbouring quotes of the same paragraph and to quote-only
//!    paragraphs. Short Title-Case phrases with no cue are dropped (titles, not speech).
//! 3. [`names`]: a speaker is linked to an entity cluster and given the most complete name in
//!    the document; he/she resolve to the most recent named speaker.

mod cues;
mod layout;
mod names;
mod pairing;
mod speakers;

use crate::entities::{Cluster, Entity};
use crate::span::Span;
use crate::tokens::Tokens;
use cues::Lexicon;
use speakers::{Ctx, Found, QTok, Rule};

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

pub struct Quotes {
    lex: Lexicon,
}

impl Default for Quotes {
    fn default() -> Self {
        Self::new()
    }
}

impl Quotes {
    pub fn new() -> Quotes {
        Quotes { lex: Lexicon::new() }
    }

    /// Quotes of `text` with their speakers, in five steps: pair the marks into quotes
    /// ([`Doc::new`]); attribute each from its own sentence ([`Doc::own_attributions`]); improve
    /// weak guesses from neighbouring quotes and transcript headers; fill the quotes still without
    /// a speaker by ordered fallback rules, each only where the ones before found nothing; then
    /// report them ([`Doc::report`]). E.g. in `Sam Lau said: ¶ "There are no ballots."` the quote
    /// has no attribution of its own and takes Sam Lau from the previous paragraph.
    pub fn find(&self, text: &str, tokens: &Tokens, entities: &[Entity], clusters: &[Cluster]) -> Vec<Quote> {
        let raws = pairing::pair(text);
        if raws.is_empty() {
            return Vec::new();
        }
        let doc = Doc::new(text, tokens, &self.lex, raws);
        let (mut found, own) = doc.own_attributions();
        doc.prefer_cue_before(&mut found);
        doc.prefer_cue_after(&mut found);
        doc.transcript_turns(&mut found);
        let mut filled = doc.fill_from_neighbours(&found);
        doc.fill_from_signature_lines(&mut filled);
        doc.fill_from_previous_paragraph(&mut filled);
        doc.fill_from_previous_sentence(&mut filled);
        doc.fill_from_group(&mut filled);
        doc.fill_from_latest_speaker(&mut filled, &found);
        doc.for_quotes_within(&mut filled, &own);
        let mut out = doc.report(&filled, entities, clusters);
        renumber_groups(&mut out);
        out
    }
}

/// The quotes of one text with what the steps of [`Quotes::find`] read: their token ranges and,
/// for a quote inside a hidden one, that hidden quote.
struct Doc<'a> {
    text: &'a str,
    tokens: &'a Tokens,
    ctx: Ctx<'a>,
    raws: Vec<pairing::Raw>,
    /// Token ranges of the quotes, one per raw.
    qt: Vec<QTok>,
    /// A quote inside a hidden one (`"… “Equal Justice Under Law” …` left unclosed) takes the
    /// hidden one's speaker; the rules see only the hidden one. Index of that hidden one.
    outer: Vec<Option<usize>>,
    /// Number of tokens: a quote with `first >= n` has no tokens (it ends the text).
    n: usize,
    /// The text's lines, split only when a single-quoted quote asks for its line.
    paras: std::cell::OnceCell<Vec<Span>>,
}

impl<'a> Doc<'a> {
    fn new(text: &'a str, tokens: &'a Tokens, lex: &'a Lexicon, raws: Vec<pairing::Raw>) -> Doc<'a> {
        let mut ctx = Ctx::new(text, tokens, lex);
        let n = tokens.tokens.len();
        // token ranges of the quotes
        let qt: Vec<QTok> = raws
            .iter()
            .map(|r| {
                let first = tokens.at_or_after(r.span.start);
                let end = tokens.at_or_after(r.span.end).max(first);
                let inner = r
                    .span
                    .of(text)
                    .trim_end_matches(|c: char| crate::text::is_quote_mark(c) || c.is_whitespace());
                let final_stop =
                    r.closed && inner.chars().next_back().is_some_and(crate::text::is_sentence_end);
                let para = if first < n { tokens.paragraph_of(first) } else { tokens.paragraphs.len() };
                QTok { first, end, final_stop, para, tail: false }
            })
            .collect();
        ctx.set_quotes(qt.iter().map(|q| (q.first, q.end)));
        let mut outer: Vec<Option<usize>> = vec![None; raws.len()];
        for i in 1..raws.len() {
            if raws[i].within {
                outer[i] = if raws[i - 1].within { outer[i - 1] } else { Some(i - 1) };
            }
        }
        Doc { text, tokens, ctx, raws, qt, outer, n, paras: std::cell::OnceCell::new() }
    }

    /// The token where the text before quote `i` starts to count: the end of the quote before.
    fn prev_end(&self, i: usize) -> usize {
        if i > 0 {
            self.qt[i - 1].end
        } else {
            0
        }
    }

    /// The text's lines (as [`pairing`] splits them), computed once.
    fn paras(&self) -> &[Span] {
        self.paras.get_or_init(|| pairing::paragraphs(self.text))
    }

    /// Quotes `i` and `j` both have tokens and start in one sentence.
    fn same_sentence(&self, i: usize, j: usize) -> bool {
        let (qt, n) = (&self.qt, self.n);
        qt[i].first < n
            && qt[j].first < n
            && self.tokens.sentence_of(qt[j].first) == self.tokens.sentence_of(qt[i].first)
    }

    /// Each quote's attribution from the text around it (right of it first), and, for a quote
    /// inside a hidden one, its own cue-backed attribution read within the hidden one's text
    /// (`Trump tried to laugh it off by interjecting, “Only Rosie O’Donnell.”`).
    fn own_attributions(&self) -> (Vec<Option<Found>>, Vec<Option<Found>>) {
        let (ctx, raws, qt, outer, n) = (&self.ctx, &self.raws, &self.qt, &self.outer, self.n);
        let mut found: Vec<Option<Found>> = vec![None; raws.len()];
        let mut own: Vec<Option<Found>> = vec![None; raws.len()];
        for i in 0..raws.len() {
            if qt[i].first >= n {
                continue;
            }
            if let Some(o) = outer[i] {
                let lo = if raws[i - 1].within { qt[i - 1].end } else { qt[o].first + 1 };
                let hi = match raws.get(i + 1) {
                    Some(r) if r.within => qt[i + 1].first,
                    _ => qt[o].end,
                };
                let f = ctx.right(&qt[i], hi).or_else(|| ctx.left(&qt[i], lo));
                own[i] = f.filter(|f| {
                    f.rule.is_strong() || (f.rule == Rule::Subject && ctx.cue_just_before(&qt[i]))
                });
                continue;
            }
            // the next and previous quotes, skipping those inside this or the previous one
            let next_start = (i + 1..raws.len()).find(|&k| !raws[k].within).map_or(n, |k| qt[k].first);
            let prev_end = match i.checked_sub(1) {
                Some(k) => qt[outer[k].unwrap_or(k)].end,
                None => 0,
            };
            let right = ctx.right(&qt[i], next_start);
            // a quote that ends its sentence, with a cue before it in that sentence: what
            // follows it is the next sentence (`Sanders called Trump a "liar." Fiorina said …`)
            let cued_left =
                || ctx.left(&qt[i], prev_end).filter(|f| matches!(f.rule, Rule::Left | Rule::According));
            found[i] = match right {
                Some(r) if qt[i].final_stop && r.rule == Rule::Right => cued_left().or(Some(r)),
                Some(r) => Some(r),
                None => ctx.left(&qt[i], prev_end),
            };
        }
        (found, own)
    }

    /// A sentence subject is a guess: the cue-backed speaker of the quote before, in the same
    /// paragraph and sentence, is a better one ("X said A "…" and B "…""). A later sentence's
    /// own subject stands (`… Then he cut into Bush`).
    fn prefer_cue_before(&self, found: &mut [Option<Found>]) {
        let qt = &self.qt;
        for i in 1..self.raws.len() {
            if found[i].is_some_and(|f| f.rule == Rule::Subject)
                && qt[i - 1].para == qt[i].para
                && self.same_sentence(i, i - 1)
            {
                if let Some(p) = found[i - 1].filter(|p| p.rule.is_strong()) {
                    found[i] = Some(Found { rule: Rule::Neighbour, cue: None, ..p });
                }
            }
        }
    }

    /// … and so is an attribution closing the sentence after a later quote of it (`Given
    /// Sanders' success, his endorsements will carry "…" and bring the "…" they need, DFA
    /// spokesman Neil Sroka said`), read after the later quote only.
    fn prefer_cue_after(&self, found: &mut [Option<Found>]) {
        let qt = &self.qt;
        for i in (0..self.raws.len().saturating_sub(1)).rev() {
            if found[i].is_some_and(|f| f.rule == Rule::Subject)
                && qt[i + 1].para == qt[i].para
                && self.same_sentence(i, i + 1)
            {
                if let Some(p) = found[i + 1].filter(|p| {
                    matches!(p.rule, Rule::Right | Rule::RightInverted) && p.first >= qt[i + 1].end
                }) {
                    found[i] = Some(Found { rule: Rule::Neighbour, cue: None, ..p });
                }
            }
        }
    }

    /// A transcript turn (`"PENCE: …`) is its header's, named at its nearest other mention.
    fn transcript_turns(&self, found: &mut [Option<Found>]) {
        let (ctx, raws, qt, n) = (&self.ctx, &self.raws, &self.qt, self.n);
        let heads: Vec<(usize, usize)> = (0..raws.len())
            .filter(|&i| !raws[i].within && qt[i].first < n)
            .filter(|&i| self.tokens.paragraphs.get(qt[i].para).is_some_and(|p| p.start == qt[i].first))
            .filter_map(|i| layout::turn_header(ctx, &qt[i]).map(|h| (i, h)))
            .collect();
        let mentions = layout::turn_mentions(ctx, &heads.iter().map(|&(_, h)| h).collect::<Vec<_>>());
        for &(i, h) in &heads {
            if let Some(f) = layout::turn_speaker(ctx, &qt[i], h, &mentions) {
                found[i] = Some(f);
            }
        }
    }

    /// Rule 4: the nearest quote's speaker in the same paragraph (the one before first). A short
    /// phrase does not take the speaker of a later sentence's quote (`The "market accident"
    /// would see …. "I think …," Baha said`).
    fn fill_from_neighbours(&self, found: &[Option<Found>]) -> Vec<Option<Found>> {
        let (raws, qt, n) = (&self.raws, &self.qt, self.n);
        let mut filled = found.to_vec();
        for i in 0..raws.len() {
            if filled[i].is_some() {
                continue;
            }
            let prev = (i > 0 && qt[i - 1].para == qt[i].para).then(|| found[i - 1]).flatten();
            let prev =
                prev.or_else(|| if i > 0 && qt[i - 1].para == qt[i].para { filled[i - 1] } else { None });
            let later_sentence = qt[i].first < n
                && i + 1 < raws.len()
                && qt[i + 1].first < n
                && self.tokens.sentence_of(qt[i + 1].first) != self.tokens.sentence_of(qt[i].first);
            let next = (i + 1 < raws.len()
                && qt[i + 1].para == qt[i].para
                && !(later_sentence && short_phrase(self.text, &raws[i])))
            .then(|| found[i + 1])
            .flatten();
            if let Some(f) = prev.or(next) {
                filled[i] = Some(Found { rule: Rule::Neighbour, cue: None, ..f });
            }
        }
        filled
    }

    /// A quote that ends its paragraph, with a signature line under it (`-President Obama,
    /// tweeting after Clinton's speech.`).
    fn fill_from_signature_lines(&self, filled: &mut [Option<Found>]) {
        let (raws, qt, n) = (&self.raws, &self.qt, self.n);
        for i in 0..raws.len() {
            if filled[i].is_some() || raws[i].within || qt[i].first >= n {
                continue;
            }
            let p = qt[i].para;
            let pend = self.tokens.paragraphs.get(p).map_or(n, |r| r.end);
            let ends_para = (qt[i].end..pend).all(|k| !self.ctx.is_word(k));
            let next_quote_there = raws.get(i + 1).is_some_and(|_| qt[i + 1].para == p + 1);
            if ends_para && !next_quote_there {
                if let Some(f) = layout::signature_line(&self.ctx, p + 1) {
                    filled[i] = Some(f);
                }
            }
        }
    }

    /// Rule 5: a paragraph that opens with the quote takes the previous paragraph's speaker: of
    /// its quote, or else of its last sentence; failing both, the nearest speaker later in the
    /// same group.
    fn fill_from_previous_paragraph(&self, filled: &mut [Option<Found>]) {
        let (raws, qt, n) = (&self.raws, &self.qt, self.n);
        let next_in_group = self.next_in_group(filled);
        for i in 0..raws.len() {
            if filled[i].is_some() {
                continue;
            }
            let pstart = self.tokens.paragraphs.get(qt[i].para).map_or(n, |p| p.start);
            if qt[i].first != pstart {
                continue;
            }
            let prev = (0..i).rev().take_while(|&k| qt[k].para + 1 >= qt[i].para).find_map(|k| {
                if qt[k].para + 1 == qt[i].para {
                    filled[k]
                } else {
                    None
                }
            });
            let from_quote = prev.is_some();
            let prev = prev.or_else(|| self.previous_paragraph_report(i));
            let next = if raws[i].group.is_some() { next_in_group[i] } else { None };
            if let Some(f) = prev.or(next) {
                let cue = if !from_quote && f.end <= qt[i].first { f.cue } else { None };
                filled[i] = Some(Found { rule: Rule::OtherParagraph, cue, ..f });
            }
        }
    }

    /// The nearest speaker later in the same group, per quote (one backward pass, so a long
    /// chain of paragraphs stays linear).
    fn next_in_group(&self, filled: &[Option<Found>]) -> Vec<Option<Found>> {
        let raws = &self.raws;
        let mut next_in_group: Vec<Option<Found>> = vec![None; raws.len()];
        for i in (0..raws.len().saturating_sub(1)).rev() {
            if raws[i].group.is_some() && raws[i + 1].group == raws[i].group {
                next_in_group[i] = filled[i + 1].or(next_in_group[i + 1]);
            }
        }
        next_in_group
    }

    /// For quote `i` opening a paragraph: a speaker named in the previous paragraph's last
    /// sentence, with a cue ("Bolton said:" ¶ "…"), when no quote ends that paragraph. A bare
    /// subject counts only before a colon.
    fn previous_paragraph_report(&self, i: usize) -> Option<Found> {
        let (ctx, qt) = (&self.ctx, &self.qt);
        let p = qt[i].para.checked_sub(1)?;
        let range = self.tokens.paragraphs.get(p)?;
        if i > 0 && qt[i - 1].end >= range.end {
            return None;
        }
        let tail = QTok { first: range.end, end: range.end, final_stop: false, para: p, tail: true };
        let lo = self.prev_end(i);
        let f = ctx.left(&tail, lo)?;
        // the sentence's main report, not a later one inside its clause
        let f = match f.rule {
            Rule::Left => layout::main_report(ctx, lo, range.end).filter(|m| m.first < f.first).unwrap_or(f),
            _ => f,
        };
        let colon = ctx.lw(range.end - 1) == ":";
        (f.rule != Rule::Subject || colon).then_some(f)
    }

    /// A quote that opens a sentence inside a paragraph: the previous sentence's attribution
    /// ("Sam Lau, the director, said in a statement. "There are no ballots."").
    fn fill_from_previous_sentence(&self, filled: &mut [Option<Found>]) {
        let (ctx, tokens, qt, n) = (&self.ctx, self.tokens, &self.qt, self.n);
        for i in 0..self.raws.len() {
            if filled[i].is_some() || qt[i].first >= n || qt[i].first == 0 {
                continue;
            }
            let sent = tokens.sentence_of(qt[i].first);
            let pstart = tokens.paragraphs.get(qt[i].para).map_or(n, |p| p.start);
            if tokens.sentences[sent].start != qt[i].first || qt[i].first <= pstart {
                continue;
            }
            let tail = QTok {
                first: qt[i].first,
                end: qt[i].first,
                final_stop: false,
                para: qt[i].para,
                tail: true,
            };
            if let Some(f) = ctx.left(&tail, self.prev_end(i)) {
                let colon = ctx.lw(qt[i].first - 1) == ":";
                if f.rule != Rule::Subject || colon {
                    filled[i] = Some(Found { rule: Rule::OtherParagraph, ..f });
                }
            }
        }
    }

    /// Within a group (a quote continued over paragraphs), members take the group's speaker.
    fn fill_from_group(&self, filled: &mut [Option<Found>]) {
        let raws = &self.raws;
        for i in 1..raws.len() {
            if raws[i].group.is_some() && raws[i].group == raws[i - 1].group && filled[i].is_none() {
                filled[i] = filled[i - 1].map(|f| Found { rule: Rule::OtherParagraph, cue: None, ..f });
            }
        }
    }

    /// Last resort: a partial quote inside a sentence takes the sentence's first actor; else the
    /// latest speaker of a quote in this or the previous five paragraphs (a run of quotes from
    /// one speaker, broken by a line of narration). A guessed subject is not carried on.
    fn fill_from_latest_speaker(&self, filled: &mut [Option<Found>], found: &[Option<Found>]) {
        let (raws, qt, n) = (&self.raws, &self.qt, self.n);
        let mut latest: Option<(usize, Found)> = None;
        for i in 0..raws.len() {
            if filled[i].is_none() && !raws[i].within && qt[i].first < n {
                if let Some(f) = layout::first_actor(&self.ctx, &qt[i], self.prev_end(i)) {
                    filled[i] = Some(f);
                }
            }
            if filled[i].is_none() {
                if let Some((p, f)) = latest {
                    let before = f.span_end.max(f.end) <= qt[i].first;
                    if qt[i].para <= p + 5 && before {
                        filled[i] = Some(Found { rule: Rule::OtherParagraph, cue: None, ..f });
                    }
                }
            }
            if let Some(f) = filled[i].filter(|f| f.rule != Rule::Subject || found[i].is_some()) {
                latest = Some((qt[i].para, f));
            }
        }
    }

    /// A quote inside a hidden one: its own cue-backed attribution, else the transcript header
    /// opening the hidden one (`"PENCE: … “…” …`), else the hidden one's speaker.
    fn for_quotes_within(&self, filled: &mut [Option<Found>], own: &[Option<Found>]) {
        for i in 0..self.raws.len() {
            if let Some(o) = self.outer[i] {
                filled[i] = own[i]
                    .or_else(|| transcript_header(&self.ctx, &self.qt[o]))
                    .or_else(|| filled[o].map(|f| Found { rule: Rule::OtherParagraph, ..f }));
            }
        }
    }

    /// The quotes to report, with speakers resolved to names. Hidden quotes, titles, scare
    /// quotes and single-marked phrases not cued as speech are left out.
    fn report(&self, filled: &[Option<Found>], entities: &[Entity], clusters: &[Cluster]) -> Vec<Quote> {
        let (ctx, raws, qt) = (&self.ctx, &self.raws, &self.qt);
        let resolver = names::Resolver::new(ctx, entities, clusters);
        let mut out = Vec::with_capacity(raws.len());
        let mut last_named: Vec<(Span, Option<u32>, Option<Span>)> = Vec::new();
        // the previous quote was kept on the strength of its cue (or as such a quote's list
        // member): index of it
        let mut cued: Option<usize> = None;
        for i in 0..raws.len() {
            let f = filled[i];
            // a list of quoted phrases shares its cue: `named "Criminal Minds," "Game of
            // Thrones" and "Veep"`, `called her "Miss Piggy" and "Miss Housekeeping"`
            let listed = i > 0 && cued == Some(i - 1) && list_gap(self.text, &raws[i - 1], &raws[i]);
            let rule =
                if listed || ctx.cue_just_before(&qt[i]) { Some(Rule::Left) } else { f.map(|f| f.rule) };
            if raws[i].hidden {
                // not reported, but its cue still carries to a quote right after it
                cued = rule.is_some_and(Rule::is_strong).then_some(i);
                continue;
            }
            if self.dropped(i, f, rule) {
                continue;
            }
            if rule.is_some_and(Rule::is_strong) {
                cued = Some(i);
            }
            if raws[i].single && !self.single_kept(i, f) {
                continue;
            }
            let speaker = f.map(|f| {
                let span = ctx.speaker_span(&f);
                let (cluster, name) = resolver.resolve(f.first, f.end, &last_named);
                if !ctx.pronoun(f.first) && f.rule.is_strong() {
                    last_named.push((span, cluster, name));
                }
                Speaker { span, cluster, name }
            });
            let cue = match f {
                Some(Found { cue: Some(c), .. }) => Some(c),
                Some(_) => ctx.left_cue(&qt[i], self.prev_end(i)),
                None => None,
            };
            out.push(Quote { span: raws[i].span, group: raws[i].group, speaker, cue });
        }
        out
    }

    /// Quote `i`, attributed `f` by `rule`, is no speech: a title or phrase quoted inside
    /// reported speech is part of what was said ("The Apprentice"), and a short phrase with no
    /// cue in its sentence, attributed only from another paragraph, is a scare quote ("a "unity"
    /// lunch").
    fn dropped(&self, i: usize, f: Option<Found>, rule: Option<Rule>) -> bool {
        let raw = &self.raws[i];
        if !raw.within && drop_as_title(self.text, raw, rule) {
            return true;
        }
        rule == Some(Rule::OtherParagraph)
            && !raw.within
            && f.is_some_and(|f| f.cue.is_none())
            && short_phrase(self.text, raw)
            && self.ctx.left_cue(&self.qt[i], self.prev_end(i)).is_none()
    }

    /// Single marks are as often headline phrases and scare quotes: a single-quoted quote `i` is
    /// kept only when a cue next to it says it is speech (`he said, ‘…’`) and its line is no
    /// headline.
    fn single_kept(&self, i: usize, f: Option<Found>) -> bool {
        f.is_some_and(|f| single_speech(&self.ctx, &self.qt[i], &f))
            && !self.paras().get(self.raws[i].para).is_some_and(|p| headline(p.of(self.text)))
    }
}

/// The `NAME:` that opens a transcript paragraph (`"PENCE: Well, look, …`), as the speaker of
/// the quotes inside it (never of the paragraph itself, which contains it).
fn transcript_header(ctx: &Ctx, q: &QTok) -> Option<Found> {
    let h = q.first + 1;
    let tok = ctx.tokens.tokens.get(h)?;
    let word = tok.span.of(ctx.text);
    let upper = word.chars().count() >= 2 && word.chars().all(|c| c.is_alphabetic() && c.is_uppercase());
    (upper && h + 1 < q.end && ctx.lw(h + 1) == ":").then_some(Found {
        first: h,
        end: h + 1,
        span_end: h + 1,
        cue: None,
        rule: Rule::OtherParagraph,
    })
}

/// A short Title-Case phrase with no final `.!?` and no speech cue is a title, not a quote
/// ("The Apprentice", "Make America Great Again").
fn drop_as_title(text: &str, raw: &pairing::Raw, rule: Option<Rule>) -> bool {
    let inner = raw.span.of(text).trim_matches(|c: char| crate::text::is_quote_mark(c) || c.is_whitespace());
    // a Title-Case name after a possessive is a programme, book or film ("NBC's "Meet the
    // Press,"", "Ayn Rand's "Atlas Shrugged""), cue or not, final stop or not
    if after_possessive(text, raw.span.start as usize) {
        let bare = inner.trim_end_matches(['.', ',', '!', '?', ';', ':']);
        if title_case(bare) {
            return true;
        }
    }
    if rule.is_some_and(Rule::is_strong) {
        return false;
    }
    if inner.chars().next_back().is_some_and(crate::text::is_sentence_end) {
        return false;
    }
    title_case(inner)
}

/// At most three words, with no final `.!?,` inside the marks.
fn short_phrase(text: &str, raw: &pairing::Raw) -> bool {
    let inner = raw.span.of(text).trim_matches(|c: char| crate::text::is_quote_mark(c) || c.is_whitespace());
    !inner.ends_with(['.', '!', '?', ',']) && inner.split_whitespace().count() <= 3
}

/// Two quotes of one list: between them only `,`, `and`, `or` (and spaces), in one paragraph.
fn list_gap(text: &str, a: &pairing::Raw, b: &pairing::Raw) -> bool {
    if a.para != b.para || b.span.start < a.span.end {
        return false;
    }
    let gap = &text[a.span.end as usize..b.span.start as usize];
    gap.len() <= 8
        && gap.split(|c: char| c == ',' || c.is_whitespace()).all(|w| matches!(w, "" | "and" | "or"))
}

/// The text before byte `at` ends in a possessive (`NBC's `, `the networks' `).
fn after_possessive(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\u{a0}']);
    if before.len() == text[..at].len() {
        return false;
    }
    let mut rev = before.chars().rev();
    match (rev.next(), rev.next(), rev.next()) {
        (Some('s' | 'S'), Some('\'' | '\u{2019}'), Some(c)) => c.is_alphanumeric() || c == '.',
        _ => false,
    }
}

/// A phrase of at most 8 words, each capitalised (small words, numbers and marks aside).
fn title_case(inner: &str) -> bool {
    let words: Vec<&str> = inner.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 || !words.iter().any(|w| crate::text::starts_upper(w)) {
        return false;
    }
    words.iter().all(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.is_empty()
            || crate::text::starts_upper(w)
            || w.chars().next().is_some_and(|c| c.is_ascii_digit())
            || matches!(
                w,
                "a" | "an"
                    | "the"
                    | "of"
                    | "and"
                    | "or"
                    | "in"
                    | "on"
                    | "at"
                    | "to"
                    | "for"
                    | "with"
                    | "by"
                    | "from"
                    | "is"
                    | "vs"
                    | "de"
            )
    })
}

/// A headline: a line with no final stop, or with most of its words capitalised ("Trump Slams
/// GOP’s ‘Doom and Despair’", "The Latest: Sanders declares ‘revolution,’"). Single-quoted
/// phrases there are headline style, not speech.
fn headline(line: &str) -> bool {
    let t = line.trim_end_matches(|c: char| {
        c.is_whitespace() || crate::text::is_quote_mark(c) || matches!(c, ',' | ')' | ']')
    });
    if !t.chars().next_back().is_some_and(crate::text::is_sentence_end) {
        return true;
    }
    let words: Vec<&str> = t.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).collect();
    let caps = words
        .iter()
        .filter(|w| w.trim_start_matches(|c: char| !c.is_alphanumeric()).starts_with(char::is_uppercase))
        .count();
    words.len() >= 3 && caps * 5 >= words.len() * 3
}

/// Is a single-quoted passage attributed as speech: by the rules right after it, or by a cue
/// close before it (`he said, ‘…’`)?
fn single_speech(ctx: &Ctx, q: &QTok, f: &Found) -> bool {
    match f.rule {
        Rule::Right | Rule::RightInverted | Rule::According => true,
        Rule::Left => f.cue.is_some_and(|c| {
            let at = ctx.tokens.at_or_after(c.end);
            q.first >= at && q.first - at <= 2
        }),
        _ => false,
    }
}

/// Group ids in order of first appearance, without gaps; a group left with one member (its
/// partner dropped) is no group.
fn renumber_groups(out: &mut [Quote]) {
    let mut count: std::collections::HashMap<u32, (u32, Option<u32>)> = std::collections::HashMap::new();
    for q in out.iter() {
        if let Some(g) = q.group {
            count.entry(g).or_insert((0, None)).0 += 1;
        }
    }
    let mut next = 0;
    for q in out.iter_mut() {
        let Some(g) = q.group else { continue };
        let e = count.get_mut(&g).expect("counted above");
        if e.0 < 2 {
            q.group = None;
            continue;
        }
        let id = *e.1.get_or_insert_with(|| {
            next += 1;
            next - 1
        });
        q.group = Some(id);
    }
}
