//! Canonical Huffman codes for the model file's two large streams (the rows' tag masks and their
//! int8 weights). gzip, which the page is served with, leaves them ~15 % above their entropy: its
//! LZ77 matches cost more than they save on data this close to random. Coded here first, they
//! reach it (a 4-bit weight costs 3.4 bits instead of 3.9).
//!
//! A code is stored as its symbols with their code lengths; codes are assigned canonically (by
//! length, then symbol), as DEFLATE does, so the decoder needs no tree.
//! Layout: u16 number of symbols n, n × (u16 symbol, u8 length), u32 number of bytes of bits,
//! the bits (most significant first).

use super::model::Reader;

/// Longest code the decoder accepts (the encoder's codes on ~10^5 symbols stay far below it).
const MAX_LEN: usize = 30;

/// Code lengths for symbol counts (`counts[s]` occurrences of symbol `s`), by Huffman's
/// algorithm; ties broken by node order, so the result is deterministic.
fn lengths(counts: &[u32]) -> Vec<u8> {
    // nodes: leaves first (by symbol), then merged nodes with their two children
    let leaves: Vec<usize> = counts.iter().enumerate().filter(|(_, &c)| c > 0).map(|(s, _)| s).collect();
    let mut nodes: Vec<Option<(usize, usize)>> = vec![None; leaves.len()];
    let mut heap: std::collections::BinaryHeap<_> =
        leaves.iter().enumerate().map(|(id, &s)| std::cmp::Reverse((counts[s] as u64, id))).collect();
    let mut out = vec![0u8; counts.len()];
    if leaves.len() == 1 {
        out[leaves[0]] = 1;
        return out;
    }
    while heap.len() > 1 {
        let std::cmp::Reverse((w1, a)) = heap.pop().unwrap();
        let std::cmp::Reverse((w2, b)) = heap.pop().unwrap();
        heap.push(std::cmp::Reverse((w1 + w2, nodes.len())));
        nodes.push(Some((a, b)));
    }
    // depths from the root down (children always come before their parent in `nodes`)
    let mut depth = vec![0u8; nodes.len()];
    for n in (0..nodes.len()).rev() {
        if let Some((a, b)) = nodes[n] {
            depth[a] = depth[n] + 1;
            depth[b] = depth[n] + 1;
        }
    }
    for (leaf, &s) in leaves.iter().enumerate() {
        out[s] = depth[leaf];
    }
    out
}

/// The symbols in canonical order (by code length, then symbol) and how many codes have each
/// length: all a decoder needs.
fn canonical(table: &[(u16, u8)]) -> (Vec<u16>, [u32; MAX_LEN + 1]) {
    let mut sorted = table.to_vec();
    sorted.sort_by_key(|&(s, l)| (l, s));
    let mut per_len = [0u32; MAX_LEN + 1];
    for &(_, l) in &sorted {
        per_len[l as usize] += 1;
    }
    (sorted.iter().map(|&(s, _)| s).collect(), per_len)
}

/// Writes `symbols` (each below `alphabet`) as a table and a bit stream.
pub fn encode(symbols: &[u16], alphabet: usize, out: &mut Vec<u8>) {
    let mut counts = vec![0u32; alphabet];
    for &s in symbols {
        counts[s as usize] += 1;
    }
    let len = lengths(&counts);
    let table: Vec<(u16, u8)> = (0..alphabet).filter(|&s| len[s] > 0).map(|s| (s as u16, len[s])).collect();
    assert!(table.iter().all(|&(_, l)| (l as usize) <= MAX_LEN), "a code longer than {MAX_LEN} bits");
    out.extend_from_slice(&(table.len() as u16).to_le_bytes());
    for &(s, l) in &table {
        out.extend_from_slice(&s.to_le_bytes());
        out.push(l);
    }
    // canonical codes: consecutive within a length, shifted left at each longer length
    let (order, per_len) = canonical(&table);
    let mut code = vec![(0u32, 0u8); alphabet];
    let (mut next, mut k) = (0u32, 0usize);
    for (l, &n) in per_len.iter().enumerate().skip(1) {
        for _ in 0..n {
            code[order[k] as usize] = (next, l as u8);
            next += 1;
            k += 1;
        }
        next <<= 1;
    }
    let mut bits = Vec::new();
    let (mut acc, mut n) = (0u64, 0u32);
    for &s in symbols {
        let (c, l) = code[s as usize];
        acc = acc << l | c as u64;
        n += l as u32;
        while n >= 8 {
            n -= 8;
            bits.push((acc >> n) as u8);
        }
    }
    if n > 0 {
        bits.push((acc << (8 - n)) as u8);
    }
    out.extend_from_slice(&(bits.len() as u32).to_le_bytes());
    out.extend_from_slice(&bits);
}

/// Reads a stream written by `encode`: its symbols, one at a time.
pub struct Decoder<'a> {
    order: Vec<u16>,
    per_len: [u32; MAX_LEN + 1],
    bits: &'a [u8],
    pos: usize,
}

impl<'a> Decoder<'a> {
    pub fn new(r: &mut Reader<'a>) -> Option<Decoder<'a>> {
        let n = u16::from_le_bytes(r.take(2)?.try_into().ok()?) as usize;
        let mut table = Vec::with_capacity(n);
        for _ in 0..n {
            let s = r.take(3)?;
            let l = s[2];
            if l == 0 || l as usize > MAX_LEN {
                return None;
            }
            table.push((u16::from_le_bytes([s[0], s[1]]), l));
        }
        let (order, per_len) = canonical(&table);
        let len = r.u32()? as usize;
        Some(Decoder { order, per_len, bits: r.take(len)?, pos: 0 })
    }

    /// The next symbol; `None` past the end or on a code the table does not have.
    pub fn next(&mut self) -> Option<u16> {
        // DEFLATE's canonical decoding (zlib's puff.c): codes of each length are consecutive
        let (mut code, mut first, mut index) = (0u32, 0u32, 0u32);
        for l in 1..=MAX_LEN {
            let byte = *self.bits.get(self.pos / 8)?;
            code |= ((byte >> (7 - self.pos % 8)) & 1) as u32;
            self.pos += 1;
            let count = self.per_len[l];
            if code.wrapping_sub(first) < count {
                return self.order.get((index + code - first) as usize).copied();
            }
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(symbols: &[u16], alphabet: usize) -> Vec<u8> {
        let mut out = Vec::new();
        encode(symbols, alphabet, &mut out);
        let mut r = Reader { b: &out, pos: 0 };
        let mut d = Decoder::new(&mut r).expect("a table");
        let back: Vec<u16> = (0..symbols.len()).map(|_| d.next().expect("a symbol")).collect();
        assert_eq!(back, symbols);
        out
    }

    #[test]
    fn symbols_come_back() {
        round_trip(&[3, 3, 3, 1, 0, 3, 2, 3, 3, 1], 4);
        round_trip(&[7; 20], 9); // one symbol: a one-bit code
        let skewed: Vec<u16> = (0..5000u32).map(|i| (i * i % 97).min(60) as u16 % 53).collect();
        round_trip(&skewed, 53);
        let wide: Vec<u16> = (0..3000u32).map(|i| (i * 7919 % 511) as u16).collect();
        round_trip(&wide, 512);
    }

    #[test]
    fn frequent_symbols_get_short_codes() {
        let mut s = vec![0u16; 900];
        s.extend([1; 90]);
        s.extend([2; 10]);
        let len = lengths(&[900, 90, 10]);
        assert_eq!(len, [1, 2, 2]);
        // 900 one-bit codes + 100 two-bit codes = 1100 bits = 138 bytes, after a 13-byte header
        assert_eq!(round_trip(&s, 3).len(), 2 + 3 * 3 + 4 + 138);
    }

    #[test]
    fn damaged_streams_are_refused_not_a_panic() {
        let mut out = Vec::new();
        encode(&[1, 2, 3, 1, 1, 1, 0], 4, &mut out);
        for n in 0..out.len() {
            let mut r = Reader { b: &out[..n], pos: 0 };
            if let Some(mut d) = Decoder::new(&mut r) {
                // a truncated bit stream ends in None, never a panic
                while d.next().is_some() {}
            }
        }
        let mut bad = out.clone();
        bad[4] = 31; // a code length over MAX_LEN
        assert!(Decoder::new(&mut Reader { b: &bad, pos: 0 }).is_none());
    }
}
