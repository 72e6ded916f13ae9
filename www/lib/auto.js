// The data-newsmark attribute: <article data-newsmark> … </article> + <script type="module"
// src="newsmark.js"> highlights every such container once the page has loaded. This module only
// defines the function; newsmark.js calls it (the library's one side effect on import).

import { LAYERS } from './document.js';
import { highlight } from './highlight.js';

export function autoHighlight() {
  if (typeof document === 'undefined') return;
  const go = () => {
    for (const el of document.querySelectorAll('[data-newsmark]')) {
      if (el.newsmarkHandle) continue;
      const v = el.getAttribute('data-newsmark');
      const layers = v && v !== 'auto' ? v.split(/[\s,]+/).filter((l) => LAYERS.includes(l)) : undefined;
      el.newsmarkHandle = highlight(el, {
        layers: layers?.length ? layers : undefined,
        observe: el.hasAttribute('data-newsmark-observe'),
      });
      el.newsmarkHandle.catch((e) => {
        el.dispatchEvent(new CustomEvent('newsmark:error', { bubbles: true, detail: { message: String(e?.message ?? e) } }));
      });
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', go, { once: true });
  else queueMicrotask(go);
}
