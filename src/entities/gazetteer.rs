//! Gazetteers: hashed sets of lower-cased token sequences (places, names, demonyms, organisations).
//!
//! 24-bit hashes with one type bitmask each. A hash collision only gives a wrong *feature*, never
//! an entity by itself. Built by
//! `cargo run --release --example train_entities -- gaz training/cache/gaz.tsv src/entities/gazetteer.bin`.
//!
//! Stored compactly (version 2), because it ships in every page load: the entries are split by
//! type mask, and each mask's sorted keys are stored as Rice-coded gaps (a set of random 24-bit
//! keys is close to a geometric distribution of gaps, for which Rice coding is near optimal). The
//! Rice parameter of each group is chosen from the data by `encode`, so a regenerated gazetteer
//! stays compact. Grouping by mask stores the masks for free: 66,182 entries take 92 KB instead
//! of version 1's 172 KB of delta varints and mask bytes (111 KB gzip -9; Rice codes do not gzip).
//! Version 1 is still read, so that a file written by an older trainer keeps working.

use super::features::{Info, H};
use super::model::Reader;
use crate::tokens::Tokens;

pub const GAZ_TYPES: usize = 8;
/// Type names, in bit order (the `.tsv` input's first column).
pub const GAZ_NAMES: [&str; GAZ_TYPES] =
    ["country", "city", "region", "demonym", "first", "last", "org", "company"];
/// The longest entry, in tokens.
pub const MAX_LEN: usize = 6;

const MAGIC: &[u8; 4] = b"NMGZ";
/// The version `encode` writes.
pub const VERSION: u16 = 2;
/// Keys are 24-bit.
const KEY_BITS: u32 = 24;

#[derive(Default)]
pub struct Gazetteer {
    keys: Vec<u32>,
    types: Vec<u8>,
    /// `index[b]..index[b + 1]`: the keys whose top bits (`key >> BUCKET_SHIFT`) are `b`
    index: Vec<u32>,
}

/// Buckets of the top 12 bits hold ~16 keys each.
const BUCKET_SHIFT: u32 = 12;
const BUCKETS: usize = 1 << (KEY_BITS - BUCKET_SHIFT);

/// Hash key of a phrase given as its lower-cased tokens.
pub fn key<'a>(lowered: impl Iterator<Item = &'a str>) -> u32 {
    let mut h = H::new(99);
    for w in lowered {
        h = h.s(w);
    }
    (h.done() >> 40) as u32
}

/// Writes bits least significant first.
#[derive(Default)]
struct BitWriter {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl BitWriter {
    fn bits(&mut self, v: u32, n: u32) {
        self.acc |= (v as u64 & ((1u64 << n) - 1)) << self.n;
        self.n += n;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    /// Rice code of `v` with parameter `k`: `v >> k` in unary (ones, then a zero), then the low
    /// `k` bits.
    fn rice(&mut self, v: u32, k: u32) {
        for _ in 0..v >> k {
            self.bits(1, 1);
        }
        self.bits(0, 1);
        self.bits(v, k);
    }

    fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}

struct BitReader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl BitReader<'_> {
    fn bit(&mut self) -> Option<u32> {
        let byte = *self.b.get(self.pos / 8)?;
        let v = (byte >> (self.pos % 8)) & 1;
        self.pos += 1;
        Some(v as u32)
    }

    /// The bits from `pos` on, least significant first: at least 57 of them (zeros past the end).
    #[inline]
    fn window(&self) -> u64 {
        let mut w = [0u8; 8];
        if let Some(rest) = self.b.get(self.pos / 8..) {
            let n = rest.len().min(8);
            w[..n].copy_from_slice(&rest[..n]);
        }
        u64::from_le_bytes(w) >> (self.pos % 8)
    }

    /// A Rice-coded value; `None` past the end or above `max`, so corrupt data cannot loop long.
    /// A code that fits in one 64-bit window (nearly all) is read at once: decoding the shipped
    /// gazetteer takes 1.4 ms instead of 2.2 bit by bit (natively; version 1 took 0.3).
    fn rice(&mut self, k: u32, max: u32) -> Option<u32> {
        let w = self.window();
        let q = w.trailing_ones();
        let len = q + 1 + k;
        if len <= 56 && self.pos + len as usize <= self.b.len() * 8 {
            if q > max >> k {
                return None;
            }
            self.pos += len as usize;
            return Some((q << k) | ((w >> (q + 1)) as u32 & ((1u32 << k) - 1)));
        }
        let mut q = 0u32;
        while self.bit()? == 1 {
            q += 1;
            if q > max >> k {
                return None;
            }
        }
        let mut low = 0u32;
        for i in 0..k {
            low |= self.bit()? << i;
        }
        Some((q << k) | low)
    }
}

/// The gaps Rice codes: the first key itself, then the distance to the previous key less one.
fn gaps(keys: &[u32]) -> impl Iterator<Item = u32> + '_ {
    keys.iter().enumerate().map(|(i, &k)| if i == 0 { k } else { k - keys[i - 1] - 1 })
}

/// The Rice parameter that stores `keys` in the fewest bits.
fn best_rice_k(keys: &[u32]) -> u32 {
    let cost = |k: u32| gaps(keys).map(|g| 1 + k as u64 + (g >> k) as u64).sum::<u64>();
    (0..KEY_BITS).min_by_key(|&k| cost(k)).unwrap_or(0)
}

impl Gazetteer {
    pub fn from_bytes(b: &[u8]) -> Option<Gazetteer> {
        if b.len() < 10 || &b[..4] != MAGIC {
            return None;
        }
        let mut r = Reader { b, pos: 10 };
        let n = u32::from_le_bytes([b[6], b[7], b[8], b[9]]) as usize;
        let (keys, types) = match u16::from_le_bytes([b[4], b[5]]) {
            1 => read_v1(&mut r, n)?,
            2 => read_v2(&mut r, n)?,
            _ => return None,
        };
        let mut index = Vec::new();
        if keys.windows(2).all(|w| w[0] < w[1]) && keys.last().is_none_or(|&k| k >> KEY_BITS == 0) {
            index = (0..=BUCKETS)
                .map(|b| keys.partition_point(|&k| ((k >> BUCKET_SHIFT) as usize) < b) as u32)
                .collect();
        }
        Some(Gazetteer { keys, types, index })
    }

    /// Encodes (key, type mask) pairs; duplicates are merged. Keys must be below 2^24.
    pub fn encode(mut entries: Vec<(u32, u8)>) -> Vec<u8> {
        entries.sort_unstable();
        let mut merged: Vec<(u32, u8)> = Vec::new();
        for (k, t) in entries {
            match merged.last_mut() {
                Some(last) if last.0 == k => last.1 |= t,
                _ => merged.push((k, t)),
            }
        }
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(merged.len() as u32).to_le_bytes());
        let mut masks: Vec<u8> = merged.iter().map(|e| e.1).collect();
        masks.sort_unstable();
        masks.dedup();
        out.push(masks.len() as u8);
        for mask in masks {
            let keys: Vec<u32> = merged.iter().filter(|e| e.1 == mask).map(|e| e.0).collect();
            let k = best_rice_k(&keys);
            let mut w = BitWriter::default();
            for g in gaps(&keys) {
                w.rice(g, k);
            }
            let bytes = w.finish();
            out.push(mask);
            out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
            out.push(k as u8);
            out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
            out.extend_from_slice(&bytes);
        }
        out
    }

    /// Every (key, type mask) pair, sorted by key: what `encode` takes.
    pub fn entries(&self) -> Vec<(u32, u8)> {
        self.keys.iter().copied().zip(self.types.iter().copied()).collect()
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    #[inline]
    pub fn lookup(&self, k: u32) -> u8 {
        let b = (k >> BUCKET_SHIFT) as usize;
        if b < BUCKETS && !self.index.is_empty() {
            let (lo, hi) = (self.index[b] as usize, self.index[b + 1] as usize);
            return match self.keys[lo..hi].binary_search(&k) {
                Ok(i) => self.types[lo + i],
                Err(_) => 0,
            };
        }
        match self.keys.binary_search(&k) {
            Ok(i) => self.types[i],
            Err(_) => 0,
        }
    }

    /// Sets `TokInfo::gaz` position codes (1 B, 2 I, 3 L, 4 U) for the longest match of each type.
    /// `info` is one sentence; its first token is token `first` of `toks`.
    /// Is the name of tokens `range`, which ends in a possessive, listed with it ("Moody's",
    /// "McDonald's")? Then the "'s" is part of the name, not a possessive to drop.
    pub fn is_name_with_possessive(&self, text: &str, toks: &Tokens, range: std::ops::Range<usize>) -> bool {
        if range.len() < 2 || range.len() > MAX_LEN {
            return false;
        }
        let lowered: Vec<String> =
            range.map(|i| toks.tokens[i].span.of(text).replace('\u{2019}', "'").to_lowercase()).collect();
        self.lookup(key(lowered.iter().map(String::as_str))) & (1 << 6 | 1 << 7) != 0
        // "org", "company"
    }

    /// Is the lower-case word a listed given name or surname?
    pub fn is_person_name(&self, lower: &str) -> bool {
        const PERSON: u8 = 1 << 4 | 1 << 5; // "first", "last" in GAZ_NAMES
        self.lookup(key(std::iter::once(lower))) & PERSON != 0
    }

    pub fn mark<I: Info + ?Sized>(&self, info: &mut I, _toks: &Tokens, _first: usize) {
        if self.keys.is_empty() {
            return;
        }
        let n = info.n();
        let mut covered_to = [0usize; GAZ_TYPES];
        for j in 0..n {
            if !info.upper_initial(j) {
                continue;
            }
            let mut best = [0usize; GAZ_TYPES];
            let mut h = H::new(99);
            for l in 1..=MAX_LEN.min(n - j) {
                h = h.s(info.lower(j + l - 1));
                if l > 1 && !info.upper_initial(j + l - 1) {
                    continue;
                }
                let mask = self.lookup((h.done() >> 40) as u32);
                if mask == 0 {
                    continue;
                }
                for (g, b) in best.iter_mut().enumerate() {
                    if mask & (1 << g) != 0 {
                        *b = l;
                    }
                }
            }
            for g in 0..GAZ_TYPES {
                let l = best[g];
                if l == 0 || j < covered_to[g] {
                    continue;
                }
                covered_to[g] = j + l;
                if l == 1 {
                    info.gaz_mut(j)[g] = 4;
                } else {
                    info.gaz_mut(j)[g] = 1;
                    for t in j + 1..j + l - 1 {
                        info.gaz_mut(t)[g] = 2;
                    }
                    info.gaz_mut(j + l - 1)[g] = 3;
                }
            }
        }
    }
}

/// Version 1: `n` delta varints of the sorted keys, then `n` type masks.
fn read_v1(r: &mut Reader, n: usize) -> Option<(Vec<u32>, Vec<u8>)> {
    let mut keys = Vec::with_capacity(n);
    let mut cur = 0u32;
    for _ in 0..n {
        let mut v = 0u32;
        let mut shift = 0;
        loop {
            let byte = r.u8()?;
            v |= ((byte & 0x7f) as u32).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                break;
            }
            shift += 7;
        }
        cur = cur.wrapping_add(v);
        keys.push(cur);
    }
    let types = r.take(n)?.to_vec();
    Some((keys, types))
}

/// Version 2: a group count, then per type mask: the mask, its key count, its Rice parameter, the
/// byte length of its Rice-coded gaps and those bytes. The groups are merged back into one
/// sorted key list (66,182 keys: well under a millisecond).
fn read_v2(r: &mut Reader, n: usize) -> Option<(Vec<u32>, Vec<u8>)> {
    let mut pairs: Vec<u64> = Vec::with_capacity(n.min(1 << KEY_BITS));
    for _ in 0..r.u8()? {
        let (mask, count, k, len) = (r.u8()?, r.u32()?, r.u8()? as u32, r.u32()? as usize);
        if k >= KEY_BITS || count as usize > n - pairs.len() {
            return None;
        }
        let mut bits = BitReader { b: r.take(len)?, pos: 0 };
        let mut key = 0u32;
        for i in 0..count {
            let gap = bits.rice(k, 1 << KEY_BITS)?;
            key = if i == 0 { gap } else { key.checked_add(gap)?.checked_add(1)? };
            pairs.push((key as u64) << 8 | mask as u64);
        }
    }
    if pairs.len() != n {
        return None;
    }
    pairs.sort_unstable();
    Some((pairs.iter().map(|&p| (p >> 8) as u32).collect(), pairs.iter().map(|&p| p as u8).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped file is in the compact version and reads back to what it encodes.
    #[test]
    fn shipped_gazetteer_is_compact_and_round_trips() {
        let bin = include_bytes!("gazetteer.bin");
        assert_eq!(
            u16::from_le_bytes([bin[4], bin[5]]),
            VERSION,
            "gazetteer.bin is not in version {VERSION}: re-encode it with \
             `cargo run --release --example train_entities -- gaz-recode src/entities/gazetteer.bin`"
        );
        let gaz = Gazetteer::from_bytes(bin).unwrap();
        assert!(gaz.len() > 10_000 && !gaz.index.is_empty());
        assert_eq!(Gazetteer::encode(gaz.entries()), bin.to_vec());
    }

    #[test]
    fn encode_round_trips_edge_keys() {
        let entries = vec![(0, 1), (1, 2), (2, 1), (5, 4), (5, 8), ((1 << 24) - 1, 1), (700, 128)];
        let gaz = Gazetteer::from_bytes(&Gazetteer::encode(entries)).unwrap();
        assert_eq!(gaz.entries(), vec![(0, 1), (1, 2), (2, 1), (5, 12), (700, 128), ((1 << 24) - 1, 1)]);
        assert_eq!((gaz.lookup(5), gaz.lookup(6)), (12, 0));
    }

    /// Truncated or corrupt data is refused (or reads as something), never a panic.
    #[test]
    fn corrupt_data_never_panics() {
        let good = Gazetteer::encode((0..500u32).map(|i| (i * 7919 % (1 << 24), 1 << (i % 8))).collect());
        for cut in 0..good.len() {
            let _ = Gazetteer::from_bytes(&good[..cut]);
        }
        for i in 10..good.len() {
            let mut bad = good.clone();
            bad[i] ^= 0xa5;
            let _ = Gazetteer::from_bytes(&bad);
        }
    }
}
