//! Hedges inside a number's span ("at least 33", "some 3.6 million").

use super::*;

impl Parser<'_> {
    /// A hedge phrase at `i`: (modifier, index after it).
    pub(super) fn hedge(&self, i: usize) -> Option<(Modifier, usize)> {
        use Modifier::*;
        let w0 = self.word(i);
        let w1 = self.word(i + 1);
        let w2 = self.word(i + 2);
        let two = |m| Some((m, i + 2));
        let one = |m| Some((m, i + 1));
        match (w0, w1, w2) {
            ("at", "least", _) => two(AtLeast),
            ("at", "most", _) => two(AtMost),
            ("no", "less" | "fewer", "than") | ("not", "less" | "fewer", "than") => Some((AtLeast, i + 3)),
            ("no", "more", "than") | ("not", "more", "than") => Some((AtMost, i + 3)),
            ("more", "than", _) => two(MoreThan),
            ("greater", "than", _) => two(MoreThan),
            ("upwards", "of", _) | ("upward", "of", _) => two(MoreThan),
            ("in", "excess", "of") => Some((MoreThan, i + 3)),
            ("less", "than", _) | ("fewer", "than", _) => two(LessThan),
            // "inched up to 47.6%": a particle of the verb, then the new level
            ("up", "to", _) if i > 0 && self.moved_up(i - 1) => None,
            ("up", "to", _) => two(UpTo),
            ("as", "many" | "much" | "high" | "long", "as") => Some((UpTo, i + 3)),
            ("as", "little" | "few" | "low", "as") => Some((AtMost, i + 3)),
            ("close", "to", _) => two(Nearly),
            ("just", "over", _) | ("well", "over", _) => two(Over),
            ("just", "under", _) => two(Under),
            ("just", "below", _) => two(Under),
            ("an", "estimated", _) => two(About),
            // "how about 2019?", "what about 30 minutes later?": a suggestion, not a hedge
            ("about", _, _) if i > 0 && matches!(self.word(i - 1), "how" | "what") => None,
            (
                "about" | "around" | "approximately" | "roughly" | "some" | "circa" | "approx" | "estimated",
                _,
                _,
            ) => one(About),
            ("nearly" | "almost", _, _) => one(Nearly),
            ("over", _, _) => one(Over),
            ("under", _, _) => one(Under),
            _ => None,
        }
    }
}
