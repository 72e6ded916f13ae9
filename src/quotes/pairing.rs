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
fn pair_paragraph(full: &str, p: Span, pi: usize, in_tag: bool, out: &mut Vec<Raw>) -> bool {
    let text = p.of(full);
    let para = Para { text, base: p.start as usize, chars: text.char_indices().collect() };
    let n = para.chars.len();
    // the double quote open: (char index of its mark, kind)
    let mut open: Option<(usize, Open)> = None;
    // a nested quote inside the open one, of the other family of marks (straight vs curly)
    let mut nested = false;
    // a top-level single quote open: char index of its mark
    let mut single: Option<usize> = None;
    let mut single_nested = false;
    // inside a `''…''` pair (two apostrophes used as a double mark, as some papers print them):
    // single marks there are nested quotes, not top-level ones
    let mut apos_pair = false;
    // `<…>` skipping: position of the next `>` is searched at most once per `<` run
    let mut no_gt_from = usize::MAX;
    // curly pairs inside the open straight quote (char indices of their marks), for a straight
    // quote left unclosed at the paragraph's end
    let mut inner: Vec<(usize, usize)> = Vec::new();
    let mut inner_open: Option<usize> = None;
    let mut i = 0;
    if in_tag {
        // the rest of a tag from the line before: up to its `>`, or the whole line
        match para.chars.iter().position(|x| x.1 == '>' || x.1 == '<') {
            Some(k) if para.chars[k].1 == '>' => i = k + 1,
            Some(_) => {}
            None => return true,
        }
    }
    let push = |out: &mut Vec<Raw>, start: usize, end: usize, closed: bool, single: bool| {
        if end > start {
            out.push(Raw {
                span: Span::new(start, end),
                closed,
                single,
                para: pi,
                group: None,
                hidden: false,
                within: false,
            });
        }
    };
    let push_hidden = |out: &mut Vec<Raw>, start: usize, end: usize, closed: bool| {
        if end > start {
            out.push(Raw {
                span: Span::new(start, end),
                closed,
                single: false,
                para: pi,
                group: None,
                hidden: true,
                within: false,
            });
        }
    };
    while i < n {
        let c = para.chars[i].1;
        let prev = para.before(i);
        let next = para.at(i + 1);
        if c == '<' && next.is_some_and(|d| d.is_ascii_alphabetic() || d == '/' || d == '!') && i < no_gt_from
        {
            // a tag: skip to its `>` when there is one before the next `<`
            let mut k = i + 1;
            while k < n && para.chars[k].1 != '>' && para.chars[k].1 != '<' {
                k += 1;
            }
            if k < n && para.chars[k].1 == '>' {
                i = k + 1;
                continue;
            }
            if k >= n {
                if open.is_none() && single.is_none() && text[para.chars[i].0..].contains('=') {
                    // a tag with attributes running over the line break: its rest is markup
                    return true;
                }
                no_gt_from = i;
            }
            i += 1;
            continue;
        }
        if c == '\'' && next == Some('\'') && open.is_none() && single.is_none() {
            apos_pair = !apos_pair;
            i += 2;
            continue;
        }
        match c {
            '"' | '\u{ff02}' => {
                let closing_ctx = is_close_context(next) && prev.is_some_and(|c| !is_space(c));
                let opening_ctx = is_open_before(prev) && next.is_some_and(|c| !is_space(c));
                match open {
                    Some((s, Open::Straight)) => {
                        if opening_ctx && !is_close_context(next) {
                            // restart: an unambiguous opening mark while a quote is open
                            push(out, para.pos(s), para.trimmed_end(i), false, false);
                            open = Some((i, Open::Straight));
                            nested = false;
                            inner.clear();
                        } else {
                            push(out, para.pos(s), para.pos(i + 1), true, false);
                            open = None;
                        }
                    }
                    Some((s, kind)) => {
                        // a straight mark inside a curly (or other) quote: nested, or a sloppy close
                        if nested {
                            nested = false;
                        } else if opening_ctx && !closing_ctx {
                            nested = true;
                        } else if closing_ctx && kind == Open::Curly {
                            push(out, para.pos(s), para.pos(i + 1), true, false);
                            open = None;
                        } else {
                            nested = true;
                        }
                    }
                    None => {
                        if single.is_some() {
                            single_nested = !single_nested;
                        } else if opening_ctx || (!closing_ctx && next.is_some_and(|c| !is_space(c))) {
                            open = Some((i, Open::Straight));
                            nested = false;
                        }
                    }
                }
            }
            '\u{201c}' => {
                // “ opens; it closes a „ quote, and is a sloppy close before a space or punctuation
                let closing_ctx = is_close_context(next) && prev.is_some_and(|c| !is_space(c));
                match open {
                    Some((s, Open::Low)) => {
                        push(out, para.pos(s), para.pos(i + 1), true, false);
                        open = None;
                    }
                    Some((s, Open::Curly)) => {
                        // `“It's unusual,“ said …`, `“… number of “cell phone only” …`: a `“…“`
                        // pair is mismatched marks, not a reported quote (nor is the part before
                        // a second “ in one paragraph); it is kept hidden, so its attribution
                        // still reaches its neighbours
                        if closing_ctx {
                            push_hidden(out, para.pos(s), para.pos(i + 1), true);
                            open = None;
                        } else {
                            push_hidden(out, para.pos(s), para.trimmed_end(i), false);
                            open = Some((i, Open::Curly));
                            nested = false;
                        }
                    }
                    Some((_, kind)) => {
                        nested = !nested;
                        inner_open = (kind == Open::Straight && nested).then_some(i);
                    }
                    None => {
                        if single.is_some() {
                            single_nested = true;
                        } else if !closing_ctx || next.is_some_and(|c| !is_space(c)) {
                            open = Some((i, Open::Curly));
                            nested = false;
                        }
                    }
                }
            }
            '\u{201d}' => match open {
                Some((s, Open::Curly | Open::Low)) => {
                    if nested && is_word_char(next.unwrap_or(' ')) {
                        nested = false;
                    } else {
                        push(out, para.pos(s), para.pos(i + 1), true, false);
                        open = None;
                        nested = false;
                    }
                }
                Some((s, Open::Straight)) if !nested => {
                    // a straight mark closed by a curly one
                    push(out, para.pos(s), para.pos(i + 1), true, false);
                    open = None;
                }
                Some((_, kind)) => {
                    nested = false;
                    if let Some(a) = inner_open.take().filter(|_| kind == Open::Straight) {
                        inner.push((a, i));
                    }
                }
                None => {
                    if single.is_some() {
                        single_nested = false;
                    } else if is_open_before(prev) && next.is_some_and(is_word_char) {
                        // ”used as an opening mark
                        open = Some((i, Open::Curly));
                        nested = false;
                    }
                }
            },
            '\u{201e}' => {
                if open.is_none() && single.is_none() {
                    open = Some((i, Open::Low));
                    nested = false;
                } else if open.is_some() {
                    nested = true;
                }
            }
            '\u{ab}' => match open {
                Some((s, Open::RevGuillemet)) => {
                    push(out, para.pos(s), para.pos(i + 1), true, false);
                    open = None;
                }
                Some((s, Open::Guillemet)) => {
                    push(out, para.pos(s), para.trimmed_end(i), false, false);
                    open = Some((i, Open::Guillemet));
                }
                Some(_) => {}
                None => {
                    if single.is_none() {
                        open = Some((i, Open::Guillemet));
                    }
                }
            },
            '\u{bb}' => match open {
                Some((s, Open::Guillemet)) => {
                    push(out, para.pos(s), para.pos(i + 1), true, false);
                    open = None;
                }
                Some(_) => {}
                None => {
                    if single.is_none() && is_open_before(prev) && next.is_some_and(is_word_char) {
                        open = Some((i, Open::RevGuillemet));
                    }
                }
            },
            '\'' | '\u{2018}' | '\u{2019}' if open.is_none() && !apos_pair => {
                let word_before = prev.is_some_and(is_word_char);
                let word_after = next.is_some_and(is_word_char);
                if let Some(s) = single {
                    // closing: after a non-space, before a non-word
                    let closes = c != '\u{2018}'
                        && prev.is_some_and(|c| !is_space(c))
                        && !word_after
                        && !single_nested
                        && !(prev.is_some_and(|c| c == 's' || c == 'S') && next_is_lower_word(&para, i + 1));
                    if closes {
                        push(out, para.pos(s), para.pos(i + 1), true, true);
                        single = None;
                    } else if c != '\u{2019}' && is_open_before(prev) && word_after && !word_before {
                        // a second opening: the first was an apostrophe after all
                        if !is_elision(&text[para.chars[i + 1].0..]) && !next.unwrap().is_ascii_digit() {
                            single = Some(i);
                            single_nested = false;
                        }
                    }
                } else if c != '\u{2019}'
                    && is_open_before(prev)
                    && word_after
                    && !next.unwrap().is_ascii_digit()
                    && !is_elision(&text[para.chars[i + 1].0..])
                {
                    single = Some(i);
                    single_nested = false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    match open {
        // `"The Department isn’t about “Equal Justice Under Law” anymore.` with no closing mark:
        // the curly quotes inside are the quotes (PolNeAR's reading); the straight one stays
        // hidden, for its attribution
        Some((s, Open::Straight)) if inner.first().is_some_and(|x| x.0 > s) => {
            let at = out.len();
            push(out, para.pos(s), para.trimmed_end(n), false, false);
            if let Some(q) = out.get_mut(at) {
                q.hidden = true;
            }
            for &(a, b) in inner.iter().filter(|x| x.0 > s) {
                out.push(Raw {
                    span: Span::new(para.pos(a), para.pos(b + 1)),
                    closed: true,
                    single: false,
                    para: pi,
                    group: None,
                    hidden: false,
                    within: true,
                });
            }
        }
        Some((s, _)) => push(out, para.pos(s), para.trimmed_end(n), false, false),
        None => {}
    }
    // an unclosed single mark was an apostrophe: nothing to report
    false
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
