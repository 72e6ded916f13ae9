//! A Bloom filter over words, 2^14 bits with two bit positions a word: build.rs fills it with the
//! words of the number grammar's string literals, `Parser::may_start_at` asks it. Both use this
//! file (build.rs includes it by path), so they cannot disagree on a word's positions.
//!
//! With ~1,200 words, a word outside the grammar finds both its bits set ~2 % of the time; the
//! scan then runs the rules for nothing, so the answer never depends on the filter. 2 KB in the
//! wasm, where the words themselves would take ~6 KB gzip.

/// The filter's size in bits, held as `BITS / 64` words.
pub const BITS: usize = 1 << 14;

/// The two bit positions of `w`: FNV-1a over its bytes, mixed (the finaliser of MurmurHash3),
/// then two 14-bit slices.
pub fn positions(w: &str) -> [usize; 2] {
    let mut h = w.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3));
    h = (h ^ (h >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    [(h as usize) % BITS, ((h >> 32) as usize) % BITS]
}

/// Sets `w`'s bits in `bits` (`BITS / 64` words).
#[allow(dead_code)] // build.rs fills the filter; the crate only asks it
pub fn insert(bits: &mut [u64], w: &str) {
    for p in positions(w) {
        bits[p / 64] |= 1 << (p % 64);
    }
}

/// Are all of `w`'s bits set? Surely not a word of the filter when false.
#[allow(dead_code)] // the crate asks the filter; build.rs only fills it
pub fn may_contain(bits: &[u64], w: &str) -> bool {
    positions(w).iter().all(|&p| bits[p / 64] & (1 << (p % 64)) != 0)
}
