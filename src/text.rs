//! Character classes shared by the tokenizer and the annotators. The one place that decides
//! what counts as a quote mark, an apostrophe, a dash, a space or a line break.

/// Any line break: `\n`, `\r` (CRLF is two), NEL, LINE and PARAGRAPH SEPARATOR.
#[inline]
pub fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Whitespace including NBSP, narrow NBSP, BOM and zero-width spaces, which news CMSs scatter
/// through copy. None of these is ever inside a span's edge.
#[inline]
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}')
}

/// Invisible characters that CMSs put inside words: the soft hyphen (a hyphenation hint,
/// "Eliz\u{AD}abeth"), zero-width space, non-joiner, joiner and word joiner. Between two word
/// characters they belong to the word (so "Eliz\u{AD}abeth" is one name); elsewhere they are
/// spaces (see `is_space`). The text is never normalised: offsets still count them.
#[inline]
pub fn is_invisible_in_word(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}')
}

/// Marks that can open or close a quotation (apostrophe-like marks included; the quote layer
/// decides which role each one plays).
#[inline]
pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201a}'
            | '\u{201b}'
            | '\u{201c}'
            | '\u{201d}'
            | '\u{201e}'
            | '\u{201f}'
            | '\u{ab}'
            | '\u{bb}'
            | '\u{2039}'
            | '\u{203a}'
            | '\u{ff02}'
    )
}

/// Apostrophe-like marks: the straight one, the right single quotation mark (the usual typographic
/// apostrophe, "Ankara’s") and the modifier letter apostrophe.
#[inline]
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2bc}' | '\u{2032}')
}

/// Hyphens and dashes.
#[inline]
pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe63}' | '\u{ff0d}')
}

/// Hyphens proper (hyphen-minus, hyphen, non-breaking hyphen): what joins the groups of a phone
/// number ("650-650-6500"), not the dashes of a range.
#[inline]
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// A minus sign: hyphen-minus or U+2212 ("-12e-1", "−40").
#[inline]
pub fn is_minus_sign(c: char) -> bool {
    matches!(c, '-' | '\u{2212}')
}

/// Spaces that group the digits of a number: "40 000", "40\u{202f}000" (space, NBSP, narrow NBSP,
/// thin space).
#[inline]
pub fn is_digit_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Characters that end a sentence.
#[inline]
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{2026}' | '\u{203c}' | '\u{2047}' | '\u{2048}' | '\u{2049}')
}

/// Letters, digits and combining marks: what a word is made of.
#[inline]
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

/// Combining marks (general category M) in the blocks news text uses: they stay attached to the
/// letter before them, so "e\u{301}" is one word character sequence.
#[inline]
pub fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}'
        | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}' | '\u{fe00}'..='\u{fe0f}')
}

/// Does the string start with an upper-case letter?
#[inline]
pub fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Cuts `text` into consecutive pieces of about `max` bytes or less, each with its byte offset,
/// ending at a line end where one is in reach, else after a space, else on a char boundary.
/// Together the pieces are the text. A layer that never looks across a line end gives the same
/// answer piece by piece as on the whole text, with working memory bounded by the piece size:
/// the number layer's own tokens cost 48 bytes each, so `"$1 "` × 2.8 million (8 MB) held
/// 270 MB of them at once. A line longer than `max` (no news paragraph is) is cut after a space.
pub fn pieces(text: &str, max: usize) -> impl Iterator<Item = (usize, &str)> {
    let max = max.max(4);
    let mut at = 0;
    std::iter::from_fn(move || {
        let rest = &text[at..];
        if rest.is_empty() {
            return None;
        }
        let len = if rest.len() <= max {
            rest.len()
        } else {
            let mut cut = max;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            let head = &rest.as_bytes()[..cut];
            // after the last line end, else after the last space (ASCII: never inside a char)
            match head.iter().rposition(|&b| b == b'\n').or_else(|| head.iter().rposition(|&b| b == b' ')) {
                Some(i) => i + 1,
                None => cut,
            }
        };
        let piece = (at, &rest[..len]);
        at += len;
        Some(piece)
    })
}

#[cfg(test)]
mod tests {
    use super::pieces;

    #[test]
    fn pieces_cover_the_text_and_cut_at_line_ends_then_spaces() {
        let text = "ab\ncd ef\n\u{201c}gh\u{201d} ijklmnopqrstu";
        for max in 1..text.len() + 2 {
            let ps: Vec<_> = pieces(text, max).collect();
            let mut at = 0;
            for &(off, p) in &ps {
                assert_eq!(off, at);
                assert!(!p.is_empty());
                at += p.len();
            }
            assert_eq!(at, text.len(), "max {max}");
        }
        let ps: Vec<&str> = pieces(text, 10).map(|(_, p)| p).collect();
        assert_eq!(ps[0], "ab\ncd ef\n");
    }
}
