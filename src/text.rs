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
