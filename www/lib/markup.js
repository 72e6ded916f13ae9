// Article markup rules shared by the live-DOM reader (dom-text.js) and the .html file reader of the
// page (../html-text.js): which containers are not article text, and where markup sits inside a
// word. Each rule is data defined once (sorted lists) plus a small named function.

/**
 * Containers skipped by default (`skipAsides: false` reads them): asides, navigation, anything
 * hidden from assistive technology, and the usual ad, promo and related-link boxes of CMS themes
 * (by class name). `data-newsmark-skip` on any element always skips it and everything inside.
 */
export const ASIDE_TAGS = Object.freeze(['aside', 'nav']);
export const ASIDE_ROLES = Object.freeze(['complementary', 'navigation']);
export const ASIDE_CLASSES = Object.freeze([
  'ad', 'ad-container', 'ad-slot', 'ad-unit', 'ads', 'adsbygoogle', 'advert', 'advertisement',
  'newsletter-signup', 'promo', 'read-more', 'related', 'related-articles', 'related-content',
  'related-links', 'related-posts', 'share', 'social-share', 'sponsored',
]);
const ASIDE_CLASS_SET = new Set(ASIDE_CLASSES);

/** Whether an element opts out of annotation: `data-newsmark-skip` (any value). */
export function isOptedOut(attr) {
  return attr('data-newsmark-skip') != null;
}

/**
 * Whether an element is an aside by default: its tag, role, `aria-hidden="true"` or one of its
 * class names. `attr(name)` returns the attribute's value or null.
 */
export function isAside(tag, attr) {
  if (ASIDE_TAGS.includes(tag.toLowerCase())) return true;
  if (attr('aria-hidden')?.trim().toLowerCase() === 'true') return true;
  const role = attr('role')?.trim().toLowerCase();
  if (role && ASIDE_ROLES.includes(role)) return true;
  const cls = attr('class');
  return !!cls && cls.split(/[ \t\n\f\r]+/).some((c) => ASIDE_CLASS_SET.has(c.toLowerCase()));
}

const LETTER_END = /\p{L}$/u;
const WORD_START = /^[\p{L}\p{N}\p{M}]/u;
// a unit raised to a power is not a footnote: "km<sup>2</sup>", "m<sup>3</sup>"
const UNIT_POWER = /(?:^|[^\p{L}])(?:[kcmd]?m|ft|in|mi|yd)$/u;

/**
 * Whether a <sup> mark after `before` (the text read so far) is a footnote mark to keep apart
 * from the word: "Paris<sup>1</sup>" reads "Paris 1", not "Paris1". Not after a unit ("km²").
 */
export function footnoteGap(before, mark) {
  if (!LETTER_END.test(before) || !mark || /^\s/.test(mark)) return false;
  return !(/^[23]$/.test(mark.trim()) && UNIT_POWER.test(before.slice(-4)));
}

/**
 * Whether a block-looking element (e.g. a floated drop cap, whose display a float turns into
 * "block") sits inside a word and is read inline: its text is letters only, and the text right
 * after it starts a word with no space ("<span class=dropcap>J</span>ohn").
 */
export function isInsideWord(ownText, after) {
  return /^[\p{L}\p{N}]{1,3}$/u.test(ownText) && WORD_START.test(after);
}
