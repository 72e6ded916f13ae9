//! Pairing quotation marks, one paragraph (line) at a time, in one pass.
//!
//! Double marks (`"`, `“ ”`, `„ “`, `« »`) make quotes. A straight `"` takes its direction from
//! its neighbours: after the start, a space, a bracket or a dash and before a non-space it opens;
//! before a space or punctuation it closes; between two letters it toggles. An unambiguous
//! opening mark while a quote is open starts a new quote (the open one ends before it). A quote
//! still open at the end of its paragraph runs to the paragraph's end (trailing space trimmed);
//! it never crosses a line break. When the next paragraph opens with a mark, the two belong to
//! one `group` (the news convention for quotes over several paragraphs).
//!
//! Single marks (`‘ ’`, `'`) make a quote only at the top level (inside a double quote they are
//! nested quotes and stay part of the outer one) and only when closed within the paragraph, so an
//! apostrophe ("Ankara’s", "’90s", "rock ’n’ roll", "students’") never opens a quote that swallows
//! the text after it.
//!
//! Text inside `<…>` tags (embedded tweet HTML) is skipped.

use crate::span::Span;
use crate::text::{is_dash, is_line_break, is_space, is_word_char};

#[derive(Clone, Debug)]
pub struct Raw {
    pub span: Span,
    /// Ended by its own closing mark (not by the paragraph's end or a restart).
    pub closed: bool,
    /// Made by single marks.
    pub single: bool,
    /// Index of the paragraph (line) it lies in.
    pub para: usize,
    pub group: Option<u32>,
    /// Mismatched marks (`“…“`): used for attribution context, never reported.
    pub hidden: bool,
    /// A curly quote inside a hidden unclosed straight one (see [`pair`]): it is reported in its
    /// place and takes its speaker.
    pub within: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Open {
    Straight,
    Curly,
    Low,
    Guillemet,
    RevGuillemet,
}

/// The paragraphs (non-empty lines) of `text`, as byte ranges without their line breaks.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if is_line_break(c) {
            if i > start && !text[start..i].chars().all(is_space) {
                out.push(Span::new(start, i));
            }
            start = i + c.len_utf8();
        }
    }
    if text.len() > start && !text[start..].chars().all(is_space) {
        out.push(Span::new(start, text.len()));
    }
    out
}

fn is_opening_double(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{201e}' | '\u{ab}' | '\u{bb}' | '\u{ff02}' | '\u{201f}')
}

/// Punctuation after which a straight mark still reads as closing.
fn is_close_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            is_space(c)
                || matches!(
                    c,
                    ',' | '.'
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | ')'
                        | ']'
                        | '}'
                        | '\u{2026}'
                        | '"'
                        | '\u{201d}'
                        | '\''
                        | '\u{2019}'
                        | '/'
                        | '*'
                        | '<'
                        | '='
                        | '&'
                )
                || is_dash(c)
        }
    }
}

/// Characters after which a straight mark reads as opening.
fn is_open_before(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            is_space(c)
                || matches!(c, '(' | '[' | '{' | '\u{2018}' | '\u{201c}' | '>' | ':' | '/' | '\u{2026}')
                || is_dash(c)
        }
    }
}

/// Words that start with an elision apostrophe ("'em", "'til", "'cause", "'n'").
fn is_elision(rest: &str) -> bool {
    let lower: String = rest.chars().take(8).flat_map(char::to_lowercase).collect();
    let word: String = lower.chars().take_while(|c| c.is_alphabetic()).collect();
    let after = lower[word.len()..].chars().next();
    if word == "n" && matches!(after, Some('\'' | '\u{2019}')) {
        return true;
    }
    matches!(
        word.as_str(),
        "em" | "til"
            | "cause"
            | "tis"
            | "twas"
            | "bout"
            | "round"
            | "cuz"
            | "n"
            | "s"
            | "ol"
            | "nam"
            | "nuff"
    )
}

struct Para<'a> {
    text: &'a str,
    base: usize,
    chars: Vec<(usize, char)>,
}

impl Para<'_> {
    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|x| x.1)
    }
    fn before(&self, i: usize) -> Option<char> {
        if i == 0 {
            None
        } else {
            Some(self.chars[i - 1].1)
        }
    }
    fn pos(&self, i: usize) -> usize {
        self.base + self.chars.get(i).map_or(self.text.len(), |x| x.0)
    }
    /// Byte end of the text before char `i`, with trailing space trimmed.
    fn trimmed_end(&self, i: usize) -> usize {
        let mut k = i;
        while k > 0 && is_space(self.chars[k - 1].1) {
            k -= 1;
        }
        self.pos(k)
    }
}

/// Finds all quotes of `text`, sorted by start.
pub fn pair(text: &str) -> Vec<Raw> {
    let paras = paragraphs(text);
    let mut out: Vec<Raw> = Vec::new();
    // a tag left open at a paragraph's end (`<tweet tweet-date="March 9, 2016` ¶ `">Rubio …`)
    // (followed for at most 8 lines, so a stray `<` cannot hide the rest of the text)
    let mut in_tag = 0u8;
    for (pi, p) in paras.iter().enumerate() {
        let open_tag = pair_paragraph(text, *p, pi, in_tag > 0, &mut out);
        in_tag = if !open_tag {
            0
        } else if in_tag == 0 {
            8
        } else {
            in_tag - 1
        };
    }
    out.retain(|q| has_words(q.span.of(text)));
    assign_groups(text, &paras, &mut out);
    out
}

fn has_words(s: &str) -> bool {
    s.chars().any(|c| c.is_alphanumeric())
}

/// Returns whether the paragraph ends inside a `<…>` tag that continues on the next line.
///
/// One pass over the paragraph's characters, each read by [`Pairer::step`]; then
/// [`Pairer::finish`] settles a quote still open at the paragraph's end.
fn pair_paragraph(full: &str, p: Span, pi: usize, in_tag: bool, out: &mut Vec<Raw>) -> bool {
    let text = p.of(full);
    let para = Para { text, base: p.start as usize, chars: text.char_indices().collect() };
    let mut pairer = Pairer::new(para, pi, out);
    let mut i = 0;
    if in_tag {
        match pairer.tag_rest() {
            Some(k) => i = k,
            None => return true,
        }
    }
    while i < pairer.para.chars.len() {
        match pairer.step(i) {
            Step::To(k) => i = k,
            Step::TagRunsOn => return true,
        }
    }
    pairer.finish();
    // an unclosed single mark was an apostrophe: nothing to report
    false
}

/// What [`Pairer::step`] tells the loop: where to read next, or that the rest of the paragraph
/// is markup (a tag running over the line break).
enum Step {
    To(usize),
    TagRunsOn,
}

/// The state of one pass over a paragraph: which marks are open, and the quotes found so far.
struct Pairer<'a, 'o> {
    para: Para<'a>,
    /// Index of the paragraph, for [`Raw::para`].
    pi: usize,
    out: &'o mut Vec<Raw>,
    /// The double quote open: (char index of its mark, kind).
    open: Option<(usize, Open)>,
    /// A nested quote inside the open one, of the other family of marks (straight vs curly).
    nested: bool,
    /// A top-level single quote open: char index of its mark.
    single: Option<usize>,
    /// A double mark inside the open single quote (`'He said "no" to me'`).
    single_nested: bool,
    /// Inside a `''…''` pair (two apostrophes used as a double mark, as some papers print them):
    /// single marks there are nested quotes, not top-level ones.
    apos_pair: bool,
    /// `<…>` skipping: the position of the next `>` is searched at most once per `<` run, so a
    /// line full of stray `<` stays linear.
    no_gt_from: usize,
    /// Curly pairs inside the open straight quote (char indices of their marks), for a straight
    /// quote left unclosed at the paragraph's end (see [`Pairer::finish`]).
    inner: Vec<(usize, usize)>,
    /// The `“` of a curly pair being read inside the open straight quote.
    inner_open: Option<usize>,
}

impl<'a, 'o> Pairer<'a, 'o> {
    fn new(para: Para<'a>, pi: usize, out: &'o mut Vec<Raw>) -> Self {
        Pairer {
            para,
            pi,
            out,
            open: None,
            nested: false,
            single: None,
            single_nested: false,
            apos_pair: false,
            no_gt_from: usize::MAX,
            inner: Vec::new(),
            inner_open: None,
        }
    }

    /// Records a quote from byte `start` to byte `end` (nothing when empty).
    fn push(&mut self, start: usize, end: usize, closed: bool, single: bool) {
        self.push_raw(start, end, closed, single, false);
    }

    /// Records a hidden quote (mismatched marks): it gives attribution context, never a report.
    fn push_hidden(&mut self, start: usize, end: usize, closed: bool) {
        self.push_raw(start, end, closed, false, true);
    }

    fn push_raw(&mut self, start: usize, end: usize, closed: bool, single: bool, hidden: bool) {
        if end > start {
            self.out.push(Raw {
                span: Span::new(start, end),
                closed,
                single,
                para: self.pi,
                group: None,
                hidden,
                within: false,
            });
        }
    }

    /// The rest of a tag from the line before (`tweet-date="March 9, 2016` ¶ `">Rubio …`):
    /// where to start reading after its `>`, or `None` when the whole line is markup. A `<`
    /// before any `>` means the tag was not markup after all: read from the start.
    fn tag_rest(&self) -> Option<usize> {
        let chars = &self.para.chars;
        match chars.iter().position(|x| x.1 == '>' || x.1 == '<') {
            Some(k) if chars[k].1 == '>' => Some(k + 1),
            Some(_) => Some(0),
            None => None,
        }
    }

    /// Reads char `i`. The steps, in order:
    /// 1. a `<…>` tag is skipped (`<a href="…">` must not open a quote);
    /// 2. `''` toggles an apostrophe pair used as a double mark (`''No,'' he said`);
    /// 3. each kind of double mark, then single marks (only outside a double quote).
    fn step(&mut self, i: usize) -> Step {
        let c = self.para.chars[i].1;
        let next = self.para.at(i + 1);
        let tag_like = next.is_some_and(|d| d.is_ascii_alphabetic() || d == '/' || d == '!');
        if c == '<' && tag_like && i < self.no_gt_from {
            return self.skip_tag(i);
        }
        if c == '\'' && next == Some('\'') && self.open.is_none() && self.single.is_none() {
            self.apos_pair = !self.apos_pair;
            return Step::To(i + 2);
        }
        match c {
            '"' | '\u{ff02}' => self.straight(i),
            '\u{201c}' => self.left_curly(i),
            '\u{201d}' => self.right_curly(i),
            '\u{201e}' => self.low(i),
            '\u{ab}' => self.left_guillemet(i),
            '\u{bb}' => self.right_guillemet(i),
            '\'' | '\u{2018}' | '\u{2019}' if self.open.is_none() && !self.apos_pair => self.single_mark(i),
            _ => {}
        }
        Step::To(i + 1)
    }

    /// A tag at `i` (`<blockquote class="twitter-tweet">`): skip to its `>` when there is one
    /// before the next `<`. With none left on the line, a tag with attributes (`<a href="…` ¶)
    /// makes the rest of the line markup; otherwise the `<` is a plain character (`a < b`).
    fn skip_tag(&mut self, i: usize) -> Step {
        let chars = &self.para.chars;
        let n = chars.len();
        let mut k = i + 1;
        while k < n && chars[k].1 != '>' && chars[k].1 != '<' {
            k += 1;
        }
        if k < n && chars[k].1 == '>' {
            return Step::To(k + 1);
        }
        if k >= n {
            let attrs = self.para.text[chars[i].0..].contains('=');
            if self.open.is_none() && self.single.is_none() && attrs {
                return Step::TagRunsOn;
            }
            self.no_gt_from = i;
        }
        Step::To(i + 1)
    }

    /// Whether a mark at `i` reads as closing: after a non-space, before a space or punctuation
    /// (`said "no."`).
    fn closing_ctx(&self, i: usize) -> bool {
        is_close_context(self.para.at(i + 1)) && self.para.before(i).is_some_and(|c| !is_space(c))
    }

    /// A straight `"` (or its full-width form): its direction comes from its neighbours.
    fn straight(&mut self, i: usize) {
        let (prev, next) = (self.para.before(i), self.para.at(i + 1));
        let closing_ctx = self.closing_ctx(i);
        let opening_ctx = is_open_before(prev) && next.is_some_and(|c| !is_space(c));
        match self.open {
            Some((s, Open::Straight)) => {
                if opening_ctx && !is_close_context(next) {
                    // restart: an unambiguous opening mark while a quote is open
                    self.push(self.para.pos(s), self.para.trimmed_end(i), false, false);
                    self.open = Some((i, Open::Straight));
                    self.nested = false;
                    self.inner.clear();
                } else {
                    self.push(self.para.pos(s), self.para.pos(i + 1), true, false);
                    self.open = None;
                }
            }
            Some((s, kind)) => {
                // a straight mark inside a curly (or other) quote: nested, or a sloppy close
                if self.nested {
                    self.nested = false;
                } else if opening_ctx && !closing_ctx {
                    self.nested = true;
                } else if closing_ctx && kind == Open::Curly {
                    self.push(self.para.pos(s), self.para.pos(i + 1), true, false);
                    self.open = None;
                } else {
                    self.nested = true;
                }
            }
            None => {
                if self.single.is_some() {
                    self.single_nested = !self.single_nested;
                } else if opening_ctx || (!closing_ctx && next.is_some_and(|c| !is_space(c))) {
                    self.open = Some((i, Open::Straight));
                    self.nested = false;
                }
            }
        }
    }

    /// `“` opens; it closes a `„` quote, and is a sloppy close before a space or punctuation.
    fn left_curly(&mut self, i: usize) {
        let next = self.para.at(i + 1);
        let closing_ctx = self.closing_ctx(i);
        match self.open {
            Some((s, Open::Low)) => {
                self.push(self.para.pos(s), self.para.pos(i + 1), true, false);
                self.open = None;
            }
            Some((s, Open::Curly)) => {
                // `“It's unusual,“ said …`, `“… number of “cell phone only” …`: a `“…“`
                // pair is mismatched marks, not a reported quote (nor is the part before
                // a second “ in one paragraph); it is kept hidden, so its attribution
                // still reaches its neighbours
                if closing_ctx {
                    self.push_hidden(self.para.pos(s), self.para.pos(i + 1), true);
                    self.open = None;
                } else {
                    self.push_hidden(self.para.pos(s), self.para.trimmed_end(i), false);
                    self.open = Some((i, Open::Curly));
                    self.nested = false;
                }
            }
            Some((_, kind)) => {
                self.nested = !self.nested;
                self.inner_open = (kind == Open::Straight && self.nested).then_some(i);
            }
            None => {
                if self.single.is_some() {
                    self.single_nested = true;
                } else if !closing_ctx || next.is_some_and(|c| !is_space(c)) {
                    self.open = Some((i, Open::Curly));
                    self.nested = false;
                }
            }
        }
    }

    /// `”` closes a curly or `„` quote, except that with a nested quote open a `”` right before
    /// a word ends only the nested one; it also closes a straight one (`"…”`). Inside an open
    /// straight quote it ends a curly pair kept for [`Pairer::finish`]. At the top level before
    /// a word it opens (`”Yes,” he said`).
    fn right_curly(&mut self, i: usize) {
        let (prev, next) = (self.para.before(i), self.para.at(i + 1));
        match self.open {
            Some((s, Open::Curly | Open::Low)) => {
                if self.nested && is_word_char(next.unwrap_or(' ')) {
                    self.nested = false;
                } else {
                    self.push(self.para.pos(s), self.para.pos(i + 1), true, false);
                    self.open = None;
                    self.nested = false;
                }
            }
            Some((s, Open::Straight)) if !self.nested => {
                // a straight mark closed by a curly one
                self.push(self.para.pos(s), self.para.pos(i + 1), true, false);
                self.open = None;
            }
            Some((_, kind)) => {
                self.nested = false;
                if let Some(a) = self.inner_open.take().filter(|_| kind == Open::Straight) {
                    self.inner.push((a, i));
                }
            }
            None => {
                if self.single.is_some() {
                    self.single_nested = false;
                } else if is_open_before(prev) && next.is_some_and(is_word_char) {
                    // ”used as an opening mark
                    self.open = Some((i, Open::Curly));
                    self.nested = false;
                }
            }
        }
    }

    /// `„` (German-style low mark) opens a quote closed by `“` or `”`; inside one it nests.
    fn low(&mut self, i: usize) {
        if self.open.is_none() && self.single.is_none() {
            self.open = Some((i, Open::Low));
            self.nested = false;
        } else if self.open.is_some() {
            self.nested = true;
        }
    }

    /// `«` opens (a second one restarts: `«Non «Oui»`), and closes a reversed `»…«` quote.
    fn left_guillemet(&mut self, i: usize) {
        match self.open {
            Some((s, Open::RevGuillemet)) => {
                self.push(self.para.pos(s), self.para.pos(i + 1), true, false);
                self.open = None;
            }
            Some((s, Open::Guillemet)) => {
                self.push(self.para.pos(s), self.para.trimmed_end(i), false, false);
                self.open = Some((i, Open::Guillemet));
            }
            Some(_) => {}
            None => {
                if self.single.is_none() {
                    self.open = Some((i, Open::Guillemet));
                }
            }
        }
    }

    /// `»` closes a `«` quote; at the top level before a word it opens a reversed one
    /// (`»Nein«`, the German order).
    fn right_guillemet(&mut self, i: usize) {
        let (prev, next) = (self.para.before(i), self.para.at(i + 1));
        match self.open {
            Some((s, Open::Guillemet)) => {
                self.push(self.para.pos(s), self.para.pos(i + 1), true, false);
                self.open = None;
            }
            Some(_) => {}
            None => {
                if self.single.is_none() && is_open_before(prev) && next.is_some_and(is_word_char) {
                    self.open = Some((i, Open::RevGuillemet));
                }
            }
        }
    }

    /// A single mark outside any double quote: it closes the open single quote after a
    /// non-space and before a non-word (`'no'.`), except a plural possessive (`the students’
    /// union`); it opens before a word that is neither a digit (`'90s`) nor an elision (`'em`).
    /// A second opening means the first was an apostrophe after all.
    fn single_mark(&mut self, i: usize) {
        let c = self.para.chars[i].1;
        let (prev, next) = (self.para.before(i), self.para.at(i + 1));
        let word_before = prev.is_some_and(is_word_char);
        let word_after = next.is_some_and(is_word_char);
        if let Some(s) = self.single {
            // closing: after a non-space, before a non-word
            let closes = c != '\u{2018}'
                && prev.is_some_and(|c| !is_space(c))
                && !word_after
                && !self.single_nested
                && !(prev.is_some_and(|c| c == 's' || c == 'S') && next_is_lower_word(&self.para, i + 1));
            if closes {
                self.push(self.para.pos(s), self.para.pos(i + 1), true, true);
                self.single = None;
            } else if c != '\u{2019}' && is_open_before(prev) && word_after && !word_before {
                // a second opening: the first was an apostrophe after all
                let rest = &self.para.text[self.para.chars[i + 1].0..];
                if !is_elision(rest) && !next.unwrap().is_ascii_digit() {
                    self.single = Some(i);
                    self.single_nested = false;
                }
            }
        } else if c != '\u{2019}'
            && is_open_before(prev)
            && word_after
            && !next.unwrap().is_ascii_digit()
            && !is_elision(&self.para.text[self.para.chars[i + 1].0..])
        {
            self.single = Some(i);
            self.single_nested = false;
        }
    }

    /// A double quote still open at the paragraph's end runs to it (trailing space trimmed).
    fn finish(&mut self) {
        let n = self.para.chars.len();
        match self.open {
            // `"The Department isn’t about “Equal Justice Under Law” anymore.` with no closing
            // mark: the curly quotes inside are the quotes (PolNeAR's reading); the straight one
            // stays hidden, for its attribution
            Some((s, Open::Straight)) if self.inner.first().is_some_and(|x| x.0 > s) => {
                self.push_hidden(self.para.pos(s), self.para.trimmed_end(n), false);
                for &(a, b) in self.inner.iter().filter(|x| x.0 > s) {
                    self.out.push(Raw {
                        span: Span::new(self.para.pos(a), self.para.pos(b + 1)),
                        closed: true,
                        single: false,
                        para: self.pi,
                        group: None,
                        hidden: false,
                        within: true,
                    });
                }
            }
            Some((s, _)) => self.push(self.para.pos(s), self.para.trimmed_end(n), false, false),
            None => {}
        }
    }
}

/// `s’ union`: after a plural `s`, a mark followed by a lower-case word is a possessive.
fn next_is_lower_word(para: &Para, i: usize) -> bool {
    let mut k = i;
    while k < para.chars.len() && is_space(para.chars[k].1) {
        k += 1;
    }
    k > i && para.at(k).is_some_and(|c| c.is_lowercase())
}

/// Quotes left open at a paragraph's end continue into the next paragraph when it opens with
/// a mark; such runs share a group id.
fn assign_groups(text: &str, paras: &[Span], out: &mut [Raw]) {
    let mut next_group = 0u32;
    for k in 0..out.len() {
        if out[k].closed || out[k].single {
            continue;
        }
        let pi = out[k].para;
        let p = paras[pi];
        if out[k].span.end as usize != trimmed_para_end(text, p) {
            continue;
        }
        // the next paragraph's first quote must start at its first non-space character
        let Some(q) = out.get(k + 1) else { continue };
        if q.para != pi + 1 || q.single {
            continue;
        }
        let np = paras[pi + 1];
        let first = np.of(text).char_indices().find(|x| !is_space(x.1));
        let Some((off, c)) = first else { continue };
        if !is_opening_double(c) || q.span.start as usize != np.start as usize + off {
            continue;
        }
        let g = match out[k].group {
            Some(g) => g,
            None => {
                let g = next_group;
                next_group += 1;
                out[k].group = Some(g);
                g
            }
        };
        out[k + 1].group = Some(g);
    }
}

fn trimmed_para_end(text: &str, p: Span) -> usize {
    p.start as usize + p.of(text).trim_end_matches(is_space).len()
}
