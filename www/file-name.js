// Export file names from a loaded file's name or the article's first line. The text is hostile:
// control, format (bidi overrides, zero-width) and path characters are dropped, Windows' reserved
// names avoided, and the result kept short; "article" when nothing usable is left.

const MAX = 60;
// control and format characters (U+202E RIGHT-TO-LEFT OVERRIDE, U+200B, …), line and paragraph
// separators, and the characters file systems reserve
const UNSAFE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}<>:"/\\|?*]+/gu;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A safe file stem: "Harbour city votes to raise…" -> "Harbour-city-votes-to-raise".
 * @param {string} s a file name without its extension, or an article's first line
 */
export function fileStem(s) {
  let out = String(s ?? '').replace(UNSAFE, ' ').replace(/[\s\p{Z}]+/gu, ' ').trim()
    .replace(/[^\p{L}\p{N}\p{M} ._,'()-]+/gu, ' ')
    .replace(/ +/g, '-').replace(/-+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  if ([...out].length > MAX) {
    const cps = [...out].slice(0, MAX);
    const cut = cps.lastIndexOf('-');
    out = (cut > MAX / 2 ? cps.slice(0, cut) : cps).join('').replace(/[-.]+$/, '');
  }
  return !out || RESERVED.test(out) ? 'article' : out;
}

/** The stem for a text without a file: its first non-empty line. */
export function stemFromText(text) {
  const line = String(text ?? '').slice(0, 500).split(/\r\n|[\n\r\u2028\u2029\u0085]/).find((l) => l.trim()) ?? '';
  return fileStem(line);
}
