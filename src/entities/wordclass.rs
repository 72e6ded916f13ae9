//! Word classes learned from unlabelled news text (Brown-style clusters, Ratinov & Roth 2009): a
//! lower-cased word → a leaf of a binary tree of classes, whose path prefixes are tagger features
//! ("mayor", "senator" and "spokesman" share a class; "tuesday" and "friday" another).
//!
//! The table maps ~30k words without storing them: a static function over 3 hashed slots
//! (an xor filter: `slot[h0] ^ slot[h1] ^ slot[h2]` is the word's class in the low byte and an
//! 8-bit fingerprint of its hash in the high byte), ~2.5 bytes per word. A word not in the table
//! ("Birkel", most unseen names) is told apart by its fingerprint (all but 1 in 256) and gets
//! the class "unknown" instead of an arbitrary one. Built by `train_entities -- classes` (see
//! `MODEL.md`).
//!
//! Binary format (little endian), version 2: `"NMWC"`, u16 version, u16 classes K, u64 seed,
//! u32 block (slots per hash), K × (u32 path bits, most significant first; u8 path length),
//! then 3 × block u16 slots. (Version 1 had class bytes without fingerprints.)

use super::features::H;

const MAGIC: &[u8; 4] = b"NMWC";
const VERSION: u16 = 2;

/// Features of one word's class: path prefixes of 4, 6 and 10 bits and the whole path (its
/// own), then the whole path as the previous and as the next word.
pub const WC_FEATS: usize = 6;
const PREFIXES: [u8; 3] = [4, 6, 10];

pub struct WordClasses {
    seed: u64,
    block: u32,
    slots: Vec<u16>,
    /// per class, its feature hashes (`WC_FEATS`); the last entry is the class "unknown"
    feats: Vec<[u64; WC_FEATS]>,
}

impl Default for WordClasses {
    /// No table: no word-class features (all hashes 0, which the feature code skips).
    fn default() -> Self {
        WordClasses { seed: 0, block: 0, slots: Vec::new(), feats: vec![[0; WC_FEATS]] }
    }
}

/// The feature hashes of a class with path `bits` (`len` bits, most significant first).
fn class_feats(bits: u32, len: u8) -> [u64; WC_FEATS] {
    let prefix = |k: u8| -> u32 {
        let k = k.min(len);
        if k == 0 {
            0
        } else {
            bits >> (len - k)
        }
    };
    let whole = |tpl: u8| {
        let p = prefix(len);
        H::new(tpl).b(len).b(p as u8).b((p >> 8) as u8).b((p >> 16) as u8).b((p >> 24) as u8)
    };
    let mut out = [0u64; WC_FEATS];
    for (n, &k) in PREFIXES.iter().enumerate() {
        let p = prefix(k);
        out[n] = H::new(50 + n as u8).b(k.min(len)).b(p as u8).b((p >> 8) as u8).done();
    }
    out[3] = whole(53).done();
    out[4] = whole(54).done();
    out[5] = whole(55).done();
    out
}

/// The feature hashes of the class "unknown" (a word outside the table).
fn unknown_feats() -> [u64; WC_FEATS] {
    std::array::from_fn(|n| H::new(50 + n as u8).b(0xff).b(0xff).done())
}

/// The fingerprint a word's slots store with its class.
#[inline]
fn fingerprint(h: u64) -> u16 {
    (h >> 56) as u16
}

/// The three slots of a word hash `h` (one per block).
#[inline]
fn positions(h: u64, seed: u64, block: u32) -> [usize; 3] {
    let x = mix(h ^ seed);
    let y = mix(x);
    let b = block as u64;
    [
        (((x & 0xffff_ffff) * b) >> 32) as usize,
        ((((x >> 32) * b) >> 32) + b) as usize,
        ((((y & 0xffff_ffff) * b) >> 32) + 2 * b) as usize,
    ]
}

#[inline]
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The hash of a lower-cased word that the table is keyed by.
#[inline]
pub fn word_hash(lower: &str) -> u64 {
    H::new(49).s(lower).done()
}

impl WordClasses {
    pub fn from_bytes(b: &[u8]) -> Option<WordClasses> {
        if b.len() < 20 || &b[..4] != MAGIC || u16::from_le_bytes([b[4], b[5]]) != VERSION {
            return None;
        }
        let k = u16::from_le_bytes([b[6], b[7]]) as usize;
        let seed = u64::from_le_bytes(b[8..16].try_into().ok()?);
        let block = u32::from_le_bytes(b[16..20].try_into().ok()?);
        let mut pos = 20;
        let mut feats = Vec::with_capacity(k);
        for _ in 0..k {
            let r = b.get(pos..pos + 5)?;
            let (bits, len) = (u32::from_le_bytes([r[0], r[1], r[2], r[3]]), r[4].min(32));
            feats.push(class_feats(bits, len));
            pos += 5;
        }
        feats.push(unknown_feats());
        let slots: Vec<u16> = b
            .get(pos..pos + 6 * block as usize)?
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        if k == 0 || k > 256 || block == 0 {
            return None;
        }
        Some(WordClasses { seed, block, slots, feats })
    }

    /// The feature hashes of a lower-cased word's class.
    #[inline]
    pub fn feats(&self, lower: &str) -> &[u64; WC_FEATS] {
        if self.block == 0 {
            return &self.feats[0];
        }
        let h = word_hash(lower);
        let [a, b, c] = positions(h, self.seed, self.block);
        let v = self.slots[a] ^ self.slots[b] ^ self.slots[c];
        let unknown = self.feats.len() - 1;
        let class = (v & 0xff) as usize;
        if v >> 8 != fingerprint(h) || class >= unknown {
            return &self.feats[unknown];
        }
        &self.feats[class]
    }

    /// Builds the table from (word hash, class) pairs and each class's path (bits, length).
    /// Deterministic: tries seeds 0, 1, 2… until the slots can be solved.
    pub fn encode(words: &[(u64, u8)], paths: &[(u32, u8)]) -> Vec<u8> {
        let n = words.len();
        let block = ((n as f64 * 1.23 / 3.0).ceil() as u32).max(1) + 8;
        let m = 3 * block as usize;
        for seed in 0u64.. {
            let mut count = vec![0u32; m];
            let mut xor = vec![0usize; m];
            for (k, &(h, _)) in words.iter().enumerate() {
                for p in positions(h, seed, block) {
                    count[p] += 1;
                    xor[p] ^= k;
                }
            }
            // peel: a slot used by one key is that key's to set
            let mut queue: Vec<usize> = (0..m).filter(|&p| count[p] == 1).collect();
            let mut order: Vec<(usize, usize)> = Vec::with_capacity(n);
            while let Some(p) = queue.pop() {
                if count[p] != 1 {
                    continue;
                }
                let k = xor[p];
                order.push((k, p));
                for q in positions(words[k].0, seed, block) {
                    count[q] -= 1;
                    xor[q] ^= k;
                    if count[q] == 1 {
                        queue.push(q);
                    }
                }
            }
            if order.len() < n {
                continue;
            }
            let mut slots = vec![0u16; m];
            for &(k, p) in order.iter().rev() {
                let (h, class) = words[k];
                let [a, b, c] = positions(h, seed, block);
                slots[p] = 0;
                slots[p] = (fingerprint(h) << 8 | class as u16) ^ slots[a] ^ slots[b] ^ slots[c];
            }
            let mut out = Vec::new();
            out.extend_from_slice(MAGIC);
            out.extend_from_slice(&VERSION.to_le_bytes());
            out.extend_from_slice(&(paths.len() as u16).to_le_bytes());
            out.extend_from_slice(&seed.to_le_bytes());
            out.extend_from_slice(&block.to_le_bytes());
            for &(bits, len) in paths {
                out.extend_from_slice(&bits.to_le_bytes());
                out.push(len);
            }
            for x in slots {
                out.extend_from_slice(&x.to_le_bytes());
            }
            return out;
        }
        unreachable!()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word of the table gets back its own class's features; the classes' paths decide
    /// which prefix features two classes share.
    #[test]
    fn round_trip() {
        let words: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
        let mut keyed: Vec<(u64, u8)> =
            words.iter().enumerate().map(|(i, w)| (word_hash(w), (i % 4) as u8)).collect();
        keyed.sort_unstable();
        // classes 0 and 1 share the path prefix "0000", 2 and 3 differ from the first bit
        let paths = [(0b00000, 5u8), (0b00001, 5), (0b10, 2), (0b11, 2)];
        let wc = WordClasses::from_bytes(&WordClasses::encode(&keyed, &paths)).unwrap();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(wc.feats(w), &class_feats(paths[i % 4].0, paths[i % 4].1), "{w}");
        }
        let (a, b, c) = (wc.feats("w0"), wc.feats("w1"), wc.feats("w2"));
        assert_eq!(a[0], b[0], "4-bit prefix shared by classes 0 and 1");
        assert_ne!(a[3], b[3], "whole paths differ");
        assert_ne!(a[0], c[0]);
        // words outside the table: nearly all are "unknown" (a fingerprint matches 1 in 256)
        let unknown = (0..5000).filter(|i| wc.feats(&format!("x{i}")) == &unknown_feats()).count();
        assert!(unknown > 4900, "{unknown} of 5000 unknown");
    }

    #[test]
    fn bad_bytes_do_not_load() {
        assert!(WordClasses::from_bytes(b"NMWC").is_none());
        assert!(WordClasses::from_bytes(&[0; 64]).is_none());
        let mut ok = WordClasses::encode(&[(word_hash("a"), 0)], &[(0, 1)]);
        ok.truncate(ok.len() - 1);
        assert!(WordClasses::from_bytes(&ok).is_none());
    }
}
