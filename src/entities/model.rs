//! The tagger's weights: a hashed table of 2^bits rows × 9 BIO tags, integer weights, and a tag
//! transition table; whole-sentence Viterbi decoding.
//!
//! Binary format (little endian), version 5:
//! `"NMNE"`, u16 version, u8 bits, u8 tags, f32 step (the weight of one integer unit),
//! f32 × 3 calibration (`Calibration`: temperature, Platt a, Platt b),
//! (tags + 1) × tags i16 transitions (row 0: sentence start), a bitmap of the non-zero rows
//! (2^bits / 8 bytes), u32 count + u32 indices of the rows stored as i16 ("outlier" rows whose
//! weights do not fit in i8), then the non-zero rows' masks of their non-zero tags (9-bit
//! symbols) and the int8 weights of the other rows, each Huffman-coded (`huffman.rs`), then the
//! outlier rows' weights as raw i16. (Version 3 interleaved u16 masks and raw weights: 237 KB
//! gzipped at 127 levels, 166 KB at 15; separate raw streams 155 KB; Huffman-coded 138 KB.)

pub const TAGS: usize = 9;

use super::huffman;
/// Entity labels in tag order: tag `1 + 2k` is B-label k, `2 + 2k` is I-label k, 0 is O.
pub const LABELS: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

const MAGIC: &[u8; 4] = b"NMNE";
const VERSION: u16 = 5;

/// How a span's probability becomes its `score`: the tagger's scores (in float weight units)
/// divided by `temp` are read as a linear-chain CRF, whose marginal probability `p` of the exact
/// span is then Platt-scaled: `score = 1 / (1 + exp(-(a * logit(p) + b)))`. Fitted by the trainer
/// on held-out documents (see `MODEL.md`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Calibration {
    pub temp: f32,
    pub a: f32,
    pub b: f32,
}

impl Default for Calibration {
    fn default() -> Self {
        Calibration { temp: 1.0, a: 1.0, b: 0.0 }
    }
}

impl Calibration {
    /// The score of a span whose CRF probability is `p`.
    pub fn score(&self, p: f64) -> f32 {
        let p = if p.is_finite() { p.clamp(1e-9, 1.0 - 1e-9) } else { 0.5 };
        let z = self.a as f64 * (p / (1.0 - p)).ln() + self.b as f64;
        let s = 1.0 / (1.0 + (-z).exp());
        if s.is_finite() {
            s as f32
        } else {
            0.5
        }
    }
}

pub struct Model {
    pub bits: u8,
    pub step: f32,
    pub calib: Calibration,
    /// `(TAGS + 1) * TAGS`: row 0 is the start state, row `1 + p` is previous tag p.
    pub trans: Vec<i32>,
    /// `2^bits * TAGS`.
    pub weights: Vec<i16>,
    /// exp() of the emission distances for `Marginals::run` at this model's step and temperature.
    pub exp: ExpTable,
}

/// `exp(-d * k)` for the small integer distances `d` of a token's tag scores below its best tag,
/// computed once per model: the marginals need one per tag and token, and exp() is slow. Gives
/// exactly what exp() gives (the same computation), and falls back to it for other `k` or `d`.
pub struct ExpTable {
    k_bits: u64,
    v: Vec<f64>,
}

impl ExpTable {
    /// Distances covered (32 KB of f64); larger ones are rare and computed.
    const LEN: usize = 4096;

    pub fn new(k: f64) -> ExpTable {
        ExpTable {
            k_bits: k.to_bits(),
            v: (0..Self::LEN).map(|d| ((-(d as i32)) as f64 * k).exp()).collect(),
        }
    }

    /// `exp(diff * k)` for `diff <= 0`.
    #[inline]
    fn exp(&self, diff: i32, k: f64) -> f64 {
        if k.to_bits() == self.k_bits && diff <= 0 {
            if let Some(&x) = self.v.get(diff.unsigned_abs() as usize) {
                return x;
            }
        }
        (diff as f64 * k).exp()
    }
}

/// The scale `Marginals::run` puts on integer scores: weight units over the temperature.
fn marg_scale(step: f32, temp: f32) -> f64 {
    step as f64 / temp.max(1e-6) as f64
}

/// Is the transition `prev -> cur` valid in BIO (`prev` None = sentence start)?
#[inline]
pub fn allowed(prev: Option<usize>, cur: usize) -> bool {
    if cur == 0 || cur % 2 == 1 {
        return true;
    }
    // I-x needs B-x or I-x before it
    matches!(prev, Some(p) if p != 0 && p.div_ceil(2) == cur / 2)
}

/// The tags allowed before each tag (`allowed(Some(p), t)`), in increasing order: all for O and B-x,
/// B-x and I-x for I-x. Viterbi walks these instead of testing all 81 pairs.
#[inline]
fn preds(t: usize) -> std::ops::Range<usize> {
    // (a range rather than a table, so that the indexing it drives needs no bounds checks)
    if t != 0 && t.is_multiple_of(2) {
        t - 1..t + 1
    } else {
        0..TAGS
    }
}

/// Little-endian fields read off the front of a byte slice; `None` past its end (the entity
/// data files: `model.bin`, `gazetteer.bin`).
pub(super) struct Reader<'a> {
    pub(super) b: &'a [u8],
    pub(super) pos: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.b.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(s)
    }
    pub(super) fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    fn u16(&mut self) -> Option<u16> {
        let s = self.take(2)?;
        Some(u16::from_le_bytes([s[0], s[1]]))
    }
    fn i16(&mut self) -> Option<i16> {
        Some(self.u16()? as i16)
    }
    pub(super) fn u32(&mut self) -> Option<u32> {
        let s = self.take(4)?;
        Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
}

impl Model {
    pub fn from_bytes(b: &[u8]) -> Option<Model> {
        let mut r = Reader { b, pos: 0 };
        if r.take(4)? != MAGIC {
            return None;
        }
        if r.u16()? != VERSION {
            return None;
        }
        let bits = r.u8()?;
        if r.u8()? as usize != TAGS || !(8..=24).contains(&bits) {
            return None;
        }
        let step = f32::from_bits(r.u32()?);
        let mut f = || r.u32().map(f32::from_bits);
        let calib = Calibration { temp: f()?, a: f()?, b: f()? };
        let ok = |x: f32| x.is_finite() && x.abs() < 1e6;
        if !(ok(calib.temp) && calib.temp > 0.0 && ok(calib.a) && ok(calib.b)) {
            return None;
        }
        let mut trans = Vec::with_capacity((TAGS + 1) * TAGS);
        for _ in 0..(TAGS + 1) * TAGS {
            trans.push(r.i16()? as i32);
        }
        let rows = 1usize << bits;
        let bitmap = r.take(rows / 8)?;
        let n_out = r.u32()? as usize;
        if n_out > rows {
            return None;
        }
        let mut outliers = Vec::with_capacity(n_out);
        for _ in 0..n_out {
            outliers.push(r.u32()? as usize);
        }
        let mut masks = huffman::Decoder::new(&mut r)?;
        let mut small = huffman::Decoder::new(&mut r)?;
        let mut weights = vec![0i16; rows * TAGS];
        let mut next_out = 0;
        for row in 0..rows {
            if bitmap[row / 8] & (1 << (row % 8)) == 0 {
                continue;
            }
            let wide = next_out < outliers.len() && outliers[next_out] == row;
            if wide {
                next_out += 1;
            }
            let tagmask = masks.next()?;
            for t in (0..TAGS).filter(|t| tagmask & (1 << t) != 0) {
                weights[row * TAGS + t] = if wide { r.i16()? } else { small.next()? as u8 as i8 as i16 };
            }
        }
        let exp = ExpTable::new(marg_scale(step, calib.temp));
        Some(Model { bits, step, calib, trans, weights, exp })
    }

    /// Quantises float weights (`2^bits * TAGS` emissions, `(TAGS+1) * TAGS` transitions) into
    /// the binary format: int8 at step T/`levels` (at most 127), T the 99.8th percentile of the
    /// row maxima; rows above T are kept as i16.
    ///
    /// Weights under `prune` units of T/127 are dropped (size against accuracy); fewer `levels`
    /// make the weights cheaper to compress.
    pub fn encode(
        bits: u8,
        weights: &[f32],
        trans: &[f32],
        prune: f32,
        levels: f32,
        calib: Calibration,
    ) -> Vec<u8> {
        let rows = 1usize << bits;
        let row_max: Vec<f32> = (0..rows)
            .map(|r| weights[r * TAGS..(r + 1) * TAGS].iter().fold(0f32, |m, w| m.max(w.abs())))
            .collect();
        let mut nz: Vec<f32> = row_max.iter().copied().filter(|&m| m > 0.0).collect();
        nz.sort_by(|a, b| a.total_cmp(b));
        let t = if nz.is_empty() { 1.0 } else { nz[((nz.len() as f64 * 0.998) as usize).min(nz.len() - 1)] };
        let levels = levels.clamp(1.0, 127.0);
        let fine = (t / 127.0).max(1e-9);
        let step = (t / levels).max(1e-9);
        let q = |w: f32| {
            if (w / fine).round().abs() < prune {
                0.0
            } else {
                (w / step).round()
            }
        };
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.push(bits);
        out.push(TAGS as u8);
        out.extend_from_slice(&step.to_bits().to_le_bytes());
        for x in [calib.temp, calib.a, calib.b] {
            out.extend_from_slice(&x.to_bits().to_le_bytes());
        }
        for &w in trans {
            out.extend_from_slice(&(q(w).clamp(-32767.0, 32767.0) as i16).to_le_bytes());
        }
        let mut bitmap = vec![0u8; rows / 8];
        let mut outliers = Vec::new();
        let mut masks: Vec<u16> = Vec::new();
        let mut small: Vec<u16> = Vec::new();
        let mut wide = Vec::new();
        for r in 0..rows {
            let row = &weights[r * TAGS..(r + 1) * TAGS];
            if row.iter().all(|&w| q(w) == 0.0) {
                continue;
            }
            bitmap[r / 8] |= 1 << (r % 8);
            let tagmask: u16 = (0..TAGS).filter(|&t| q(row[t]) != 0.0).fold(0, |m, t| m | 1 << t);
            masks.push(tagmask);
            let kept = row.iter().enumerate().filter(|(t, _)| tagmask & (1 << t) != 0);
            if row_max[r] / step > levels + 0.4 {
                outliers.push(r as u32);
                for (_, &w) in kept {
                    wide.extend_from_slice(&(q(w).clamp(-32767.0, 32767.0) as i16).to_le_bytes());
                }
            } else {
                for (_, &w) in kept {
                    small.push(q(w).clamp(-levels, levels) as i8 as u8 as u16);
                }
            }
        }
        out.extend_from_slice(&bitmap);
        out.extend_from_slice(&(outliers.len() as u32).to_le_bytes());
        for o in outliers {
            out.extend_from_slice(&o.to_le_bytes());
        }
        huffman::encode(&masks, 1 << TAGS, &mut out);
        huffman::encode(&small, 256, &mut out);
        out.extend_from_slice(&wide);
        out
    }

    #[inline]
    pub fn row(&self, h: u64) -> usize {
        (h as usize) & ((1usize << self.bits) - 1)
    }

    /// Asks for the weight row of feature `h` to be brought into the cache (x86-64 only).
    #[inline]
    pub fn prefetch(&self, h: u64) {
        #[cfg(target_arch = "x86_64")]
        {
            let p = self.weights.as_ptr().wrapping_add(self.row(h) * TAGS) as *const i8;
            // SAFETY: prefetching is a hint; it never faults, whatever the address
            unsafe { core::arch::x86_64::_mm_prefetch(p, core::arch::x86_64::_MM_HINT_T0) };
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = h;
    }

    /// Emission scores of one token from its feature hashes.
    #[inline]
    pub fn emit(&self, feats: &[u64], out: &mut [i32; TAGS]) {
        *out = [0; TAGS];
        for &h in feats {
            let base = self.row(h) * TAGS;
            let w = &self.weights[base..base + TAGS];
            for t in 0..TAGS {
                out[t] += w[t] as i32;
            }
        }
    }
}

/// Is token `i` fixed to O? (`fixed_o` may be empty: none is.)
#[inline]
fn is_fixed(fixed_o: &[bool], i: usize) -> bool {
    fixed_o.get(i).copied().unwrap_or(false)
}

/// Viterbi over emission scores (`em[i][tag]`) with transitions `trans` (`(TAGS+1) * TAGS`,
/// row 0 = start), BIO constraints enforced. Tokens with `fixed_o[i]` set can only be O (their
/// emissions are not read; `fixed_o` may be empty: none are). Generic over the score type so the
/// trainer can decode float weights with the same code.
pub fn viterbi<S>(em: &[[S; TAGS]], fixed_o: &[bool], trans: &[S], out: &mut Vec<u8>)
where
    S: Copy + PartialOrd + std::ops::Add<Output = S> + Default,
{
    out.clear();
    let n = em.len();
    // a fixed-size view of the transitions, so that the inner loop's indexing is checked once
    let Some(Ok(trans)) = trans.get(..(TAGS + 1) * TAGS).map(<&[S; (TAGS + 1) * TAGS]>::try_from) else {
        return;
    };
    if n == 0 {
        return;
    }
    let fixed = |i: usize| is_fixed(fixed_o, i);
    let mut back: Vec<[u8; TAGS]> = vec![[0; TAGS]; n];
    let mut score = [S::default(); TAGS];
    let mut valid = [false; TAGS];
    for t in 0..TAGS {
        valid[t] = allowed(None, t) && (t == 0 || !fixed(0));
        score[t] = trans[t] + em[0][t];
    }
    for i in 1..n {
        // invalid tags come only from position 0 (I-x cannot start a sentence) and from a token
        // fixed to O; elsewhere O and B-x are always reachable, hence I-x too
        let check = i == 1 || fixed(i - 1);
        let tags = if fixed(i) { 1 } else { TAGS };
        let mut next = [S::default(); TAGS];
        let mut nvalid = [false; TAGS];
        for t in 0..tags {
            let mut best: Option<(S, usize)> = None;
            for p in preds(t) {
                if check && !valid[p] {
                    continue;
                }
                let s = score[p] + trans[(1 + p) * TAGS + t];
                if best.is_none_or(|(b, _)| s > b) {
                    best = Some((s, p));
                }
            }
            if let Some((s, p)) = best {
                next[t] = s + em[i][t];
                nvalid[t] = true;
                back[i][t] = p as u8;
            }
        }
        score = next;
        valid = nvalid;
    }
    let mut best = 0;
    for t in 0..TAGS {
        if valid[t] && (!valid[best] || score[t] > score[best]) {
            best = t;
        }
    }
    out.resize(n, 0);
    out[n - 1] = best as u8;
    for i in (1..n).rev() {
        out[i - 1] = back[i][out[i] as usize];
    }
}

/// Byte offset of the calibration in a model file (the trainer rewrites it in place).
pub const CALIBRATION_OFFSET: usize = 12;

/// Forward-backward over integer emission scores, read as a linear-chain CRF at temperature
/// `temp` (scores × `step` / `temp`), BIO constraints enforced; a token with `fixed_o[i]` set is O
/// with probability 1 (as `viterbi` reads it). Keeps scaled forward and backward tables so that
/// span probabilities can be read off (`span_prob`).
#[derive(Default)]
pub struct Marginals {
    /// exp-scaled emissions per token (max tag = 1)
    e: Vec<[f64; TAGS]>,
    /// exp-scaled transitions, `(TAGS + 1) * TAGS`, 0 where not allowed
    m: Vec<f64>,
    alpha: Vec<[f64; TAGS]>,
    beta: Vec<[f64; TAGS]>,
    /// per-token normalisers
    s: Vec<f64>,
    /// the transitions and scale `m` was computed from
    m_key: Option<(Vec<i32>, f64)>,
}

impl Marginals {
    pub fn run(
        &mut self,
        em: &[[i32; TAGS]],
        fixed_o: &[bool],
        trans: &[i32],
        step: f32,
        temp: f32,
        exp: &ExpTable,
    ) {
        let n = em.len();
        let fixed = |i: usize| is_fixed(fixed_o, i);
        let k = marg_scale(step, temp);
        if !self.m_key.as_ref().is_some_and(|(t, kk)| t.as_slice() == trans && kk.to_bits() == k.to_bits()) {
            self.m.clear();
            let tmax = trans.iter().copied().max().unwrap_or(0);
            for p in 0..=TAGS {
                for t in 0..TAGS {
                    let ok = allowed(if p == 0 { None } else { Some(p - 1) }, t);
                    self.m.push(if ok { ((trans[p * TAGS + t] - tmax) as f64 * k).exp() } else { 0.0 });
                }
            }
            self.m_key = Some((trans.to_vec(), k));
        }
        // a fixed-size view, so that the indexing below needs no bounds checks (always this size)
        let Ok(m) = <&[f64; (TAGS + 1) * TAGS]>::try_from(self.m.as_slice()) else {
            return;
        };
        self.e.clear();
        for (i, row) in em.iter().enumerate() {
            let mut r = [0f64; TAGS];
            if fixed(i) {
                r[0] = 1.0;
            } else {
                let mx = row.iter().copied().max().unwrap_or(0);
                for t in 0..TAGS {
                    r[t] = exp.exp(row[t] - mx, k);
                }
            }
            self.e.push(r);
        }
        self.alpha.clear();
        self.s.clear();
        for i in 0..n {
            let mut a = [0f64; TAGS];
            // a token fixed to O has only that tag: the other eight products are zeros
            let tags = if fixed(i) { 1 } else { TAGS };
            for (t, at) in a.iter_mut().enumerate().take(tags) {
                let into = if i == 0 {
                    m[t]
                } else {
                    let prev = &self.alpha[i - 1];
                    (0..TAGS).map(|p| prev[p] * m[(1 + p) * TAGS + t]).sum()
                };
                *at = into * self.e[i][t];
            }
            let mut s: f64 = a.iter().sum();
            if !(s > 1e-300 && s.is_finite()) {
                s = 1e-300;
            }
            for x in a.iter_mut() {
                *x /= s;
            }
            self.alpha.push(a);
            self.s.push(s);
        }
        self.beta.clear();
        self.beta.resize(n, [0.0; TAGS]);
        if n > 0 {
            self.beta[n - 1] = [1.0; TAGS];
        }
        for i in (0..n.saturating_sub(1)).rev() {
            let mut b = [0f64; TAGS];
            let tags = if fixed(i + 1) { 1 } else { TAGS };
            for (p, bp) in b.iter_mut().enumerate() {
                *bp = (0..tags)
                    .map(|t| m[(1 + p) * TAGS + t] * self.e[i + 1][t] * self.beta[i + 1][t])
                    .sum::<f64>()
                    / self.s[i + 1];
            }
            self.beta[i] = b;
        }
    }

    /// Probability that tokens `a..b` (indices into the decoded range) are exactly one entity of
    /// label `label` (B at `a`, I up to `b`, no I of the label at `b`).
    pub fn span_prob(&self, a: usize, b: usize, label: usize) -> f64 {
        let n = self.alpha.len();
        if a >= b || b > n {
            return 0.0;
        }
        let (bt, it) = (1 + 2 * label, 2 + 2 * label);
        let mut p = self.alpha[a][bt];
        let mut prev = bt;
        for k in a + 1..b {
            p *= self.m[(1 + prev) * TAGS + it] * self.e[k][it] / self.s[k];
            prev = it;
        }
        if b < n {
            let next: f64 = (0..TAGS)
                .filter(|&t| t != it)
                .map(|t| self.m[(1 + prev) * TAGS + t] * self.e[b][t] * self.beta[b][t])
                .sum();
            p *= next / self.s[b];
        } else {
            p *= self.beta[b - 1][prev];
        }
        if p.is_finite() {
            p.clamp(0.0, 1.0)
        } else {
            0.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{viterbi, ExpTable, Marginals, TAGS};

    /// A token fixed to O is O whatever its emissions say, and the tag after it cannot be an I
    /// (nothing to continue); forward-backward gives the same paths probability 0.
    #[test]
    fn tokens_fixed_to_o() {
        let (b_per, i_per) = (1, 2);
        let mut em = vec![[0i32; TAGS]; 3];
        em[0][b_per] = 50;
        em[1][i_per] = 100; // would continue the name
        em[2][i_per] = 100;
        let trans = vec![0i32; (TAGS + 1) * TAGS];
        let mut tags = Vec::new();
        viterbi(&em, &[], &trans, &mut tags);
        assert_eq!(tags, [b_per as u8, i_per as u8, i_per as u8]);
        viterbi(&em, &[false, true, false], &trans, &mut tags);
        assert_eq!(tags[..2], [b_per as u8, 0]);
        assert_ne!(tags[2], i_per as u8);
        let mut m = Marginals::default();
        let exp = ExpTable::new(0.01);
        m.run(&em, &[false, true, false], &trans, 1.0, 100.0, &exp);
        assert!(m.span_prob(0, 2, 0) == 0.0 && m.span_prob(0, 1, 0) > 0.0);
        m.run(&em, &[], &trans, 1.0, 100.0, &exp);
        assert!(m.span_prob(0, 2, 0) > 0.0);
    }

    #[test]
    fn predecessor_table() {
        for p in 0..super::TAGS {
            for t in 0..super::TAGS {
                assert_eq!(super::preds(t).contains(&p), super::allowed(Some(p), t));
            }
        }
    }

    /// A model written by `encode` reads back as the quantised weights: small ones pruned, the
    /// rest at the coarse step, a row too large for i8 kept whole, tag 8 included.
    #[test]
    fn encode_round_trip() {
        use super::{Calibration, Model, TAGS};
        let bits = 10;
        let rows = 1usize << bits;
        // row r has weight (r % 50) / 10 on tag r % 9, and -0.35 on tag 8 for even rows
        let mut w = vec![0f32; rows * TAGS];
        for r in 0..rows {
            w[r * TAGS + r % TAGS] = (r % 50) as f32 / 10.0;
            if r % 2 == 0 {
                w[r * TAGS + 8] = -0.35;
            }
        }
        w[7 * TAGS + 3] = 40.0; // an outlier row
        let trans: Vec<f32> = (0..(TAGS + 1) * TAGS).map(|i| i as f32 / 100.0 - 0.4).collect();
        let calib = Calibration { temp: 2.0, a: 1.5, b: -0.25 };
        let bytes = Model::encode(bits, &w, &trans, 16.0, 15.0, calib);
        let m = Model::from_bytes(&bytes).expect("reads back");
        assert_eq!((m.bits, m.calib), (bits, calib));
        let fine = m.step * 15.0 / 127.0;
        for (i, (&f, &q)) in w.iter().zip(&m.weights).enumerate() {
            let want = if (f / fine).round().abs() < 16.0 { 0.0 } else { (f / m.step).round() };
            assert_eq!(q as f32, want, "weight {i}: {f}");
        }
        assert!(m.weights[7 * TAGS + 3] > 15, "the outlier row keeps its i16 weight, over the 15 levels");
        assert!((0..rows).any(|r| m.weights[r * TAGS + 8] != 0), "tag 8 weights survive");
        // every truncation of the file is refused, never a panic
        for n in 0..bytes.len() {
            assert!(Model::from_bytes(&bytes[..n]).is_none(), "length {n}");
        }
    }
}
