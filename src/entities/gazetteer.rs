//! Gazetteers: hashed sets of lower-cased token sequences (places, names, demonyms, organisations).
//!
//! Stored as sorted 24-bit hashes (delta varints) plus one type bitmask per entry. A hash
//! collision only gives a wrong *feature*, never an entity by itself. Built by
//! `cargo run --release --example train_entities -- gaz training/cache/gaz.tsv src/entities/gazetteer.bin`.

use super::features::{Info, H};
use crate::tokens::Tokens;

pub const GAZ_TYPES: usize = 8;
/// Type names, in bit order (the `.tsv` input's first column).
pub const GAZ_NAMES: [&str; GAZ_TYPES] =
    ["country", "city", "region", "demonym", "first", "last", "org", "company"];
/// The longest entry, in tokens.
pub const MAX_LEN: usize = 6;

const MAGIC: &[u8; 4] = b"NMGZ";
const VERSION: u16 = 1;

#[derive(Default)]
pub struct Gazetteer {
    keys: Vec<u32>,
    types: Vec<u8>,
    /// `index[b]..index[b + 1]`: the keys whose top bits (`key >> BUCKET_SHIFT`) are `b`
    index: Vec<u32>,
}

/// Keys are 24-bit; buckets of the top 12 bits hold ~16 keys each.
const BUCKET_SHIFT: u32 = 12;
const BUCKETS: usize = 1 << (24 - BUCKET_SHIFT);

/// Hash key of a phrase given as its lower-cased tokens.
pub fn key<'a>(lowered: impl Iterator<Item = &'a str>) -> u32 {
    let mut h = H::new(99);
    for w in lowered {
        h = h.s(w);
    }
    (h.done() >> 40) as u32
}

impl Gazetteer {
    pub fn from_bytes(b: &[u8]) -> Option<Gazetteer> {
        if b.len() < 10 || &b[..4] != MAGIC || u16::from_le_bytes([b[4], b[5]]) != VERSION {
            return None;
        }
        let n = u32::from_le_bytes([b[6], b[7], b[8], b[9]]) as usize;
        let mut pos = 10;
        let mut keys = Vec::with_capacity(n);
        let mut cur = 0u32;
        for _ in 0..n {
            let mut v = 0u32;
            let mut shift = 0;
            loop {
                let byte = *b.get(pos)?;
                pos += 1;
                v |= ((byte & 0x7f) as u32).checked_shl(shift)?;
                if byte & 0x80 == 0 {
                    break;
                }
                shift += 7;
            }
            cur = cur.wrapping_add(v);
            keys.push(cur);
        }
        let types = b.get(pos..pos + n)?.to_vec();
        let mut index = Vec::new();
        if keys.windows(2).all(|w| w[0] < w[1]) && keys.last().is_none_or(|&k| k >> 24 == 0) {
            index = (0..=BUCKETS)
                .map(|b| keys.partition_point(|&k| ((k >> BUCKET_SHIFT) as usize) < b) as u32)
                .collect();
        }
        Some(Gazetteer { keys, types, index })
    }

    /// Encodes (key, type mask) pairs; duplicates are merged.
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
        let mut prev = 0u32;
        for &(k, _) in &merged {
            let mut d = k - prev;
            prev = k;
            loop {
                let byte = (d & 0x7f) as u8;
                d >>= 7;
                if d == 0 {
                    out.push(byte);
                    break;
                }
                out.push(byte | 0x80);
            }
        }
        out.extend(merged.iter().map(|e| e.1));
        out
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
