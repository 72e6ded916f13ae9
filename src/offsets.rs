//! UTF-8 byte offsets → UTF-16 code units and code points. The only module that knows them.
//!
//! Like rust-analyzer's line index, only the non-ASCII characters are stored, so a pure-ASCII text
//! costs nothing and every conversion is a binary search.

/// Converts byte offsets of one text. Offsets must be on `char` boundaries.
pub struct OffsetMap {
    /// Byte offset just after each non-ASCII char, with the cumulative savings up to it.
    marks: Vec<Mark>,
    len_utf16: u32,
    len_cp: u32,
}

#[derive(Clone, Copy)]
struct Mark {
    /// byte offset of the end of a non-ASCII char
    end: u32,
    /// bytes minus UTF-16 units, summed over all non-ASCII chars up to and including this one
    less16: u32,
    /// bytes minus code points, summed likewise
    less_cp: u32,
}

impl OffsetMap {
    pub fn new(text: &str) -> OffsetMap {
        let mut marks = Vec::new();
        let (mut less16, mut less_cp) = (0u32, 0u32);
        for (i, c) in text.char_indices() {
            let n8 = c.len_utf8() as u32;
            if n8 > 1 {
                less16 += n8 - c.len_utf16() as u32;
                less_cp += n8 - 1;
                marks.push(Mark { end: i as u32 + n8, less16, less_cp });
            }
        }
        let len = text.len() as u32;
        OffsetMap { marks, len_utf16: len - less16, len_cp: len - less_cp }
    }

    fn before(&self, byte: u32) -> Option<&Mark> {
        let k = self.marks.partition_point(|m| m.end <= byte);
        k.checked_sub(1).map(|k| &self.marks[k])
    }

    /// The UTF-16 offset of a byte offset.
    pub fn utf16(&self, byte: u32) -> u32 {
        byte - self.before(byte).map_or(0, |m| m.less16)
    }

    /// The code-point offset of a byte offset.
    pub fn cp(&self, byte: u32) -> u32 {
        byte - self.before(byte).map_or(0, |m| m.less_cp)
    }

    pub fn len_utf16(&self) -> u32 {
        self.len_utf16
    }

    pub fn len_cp(&self) -> u32 {
        self.len_cp
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_std() {
        let text = "a😀é\r\n\u{a0}“x”e\u{301}漢字";
        let map = OffsetMap::new(text);
        for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(map.utf16(b as u32) as usize, text[..b].encode_utf16().count());
            assert_eq!(map.cp(b as u32) as usize, text[..b].chars().count());
        }
        assert_eq!(map.len_utf16() as usize, text.encode_utf16().count());
    }
}
