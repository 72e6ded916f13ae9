// newsmark for readers: highlights the post's text on a published post (Settings → newsmark).
// Loaded as a module by the plugin; reads its settings from <script id="newsmark-config"> (JSON,
// never executed) and imports the library from the plugin's own URL. The article's markup is
// never changed: highlights are ranges over its text, drawn with the CSS Custom Highlight API.
const el = document.getElementById('newsmark-config');
const config = el ? JSON.parse(el.textContent) : null;
if (config) {
  const { highlight } = await import(config.library);
  for (const root of document.querySelectorAll(config.selector)) {
    root.newsmarkHandle = highlight(root, { layers: config.layers });
    root.newsmarkHandle.catch((e) => console.info('newsmark:', e?.message ?? e));
  }
}
