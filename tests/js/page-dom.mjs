// Functions evaluated inside the page (pass them as `${fn}` source): they read the article view,
// which holds the text verbatim as text nodes in plain <div class="chunk"> blocks.

/** "text only" when #article holds nothing but chunk blocks of one text node each. */
export function articleShape() {
  const a = document.getElementById('article');
  for (const c of a.childNodes) {
    if (c.nodeType !== 1 || c.tagName !== 'DIV' || c.className !== 'chunk' || c.attributes.length !== 1) return `unexpected child ${c.nodeName}`;
    if (c.childNodes.length !== 1 || c.firstChild.nodeType !== 3) return `unexpected content in a chunk: ${[...c.childNodes].map((n) => n.nodeName)}`;
  }
  return 'text only';
}

/** A Range over #article for the UTF-16 span [start, end) of its text. */
export function articleRange(start, end) {
  const a = document.getElementById('article');
  const r = document.createRange();
  let at = 0;
  let started = false;
  for (const c of a.childNodes) {
    const n = c.firstChild;
    const len = n.data.length;
    if (!started && start < at + len) {
      r.setStart(n, start - at);
      started = true;
    }
    if (started && end <= at + len) {
      r.setEnd(n, end - at);
      return r;
    }
    at += len;
  }
  throw new Error(`span ${start}-${end} outside the article`);
}
