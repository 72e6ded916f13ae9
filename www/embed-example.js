// The CMS embed example's own script: reacts to the newsmark:annotated event. The annotation itself
// is started by newsmark.js for every element with the data-newsmark attribute.
import { highlight } from './newsmark.js';

const story = document.getElementById('story');
const summary = document.getElementById('summary');
const toggle = document.getElementById('toggle');

story.addEventListener('newsmark:annotated', (ev) => {
  const { doc } = ev.detail;
  const people = new Set(doc.entities.filter((e) => e.label === 'PERSON').map((e) => e.canonical));
  summary.textContent = `${doc.entities.length} names (${people.size} people), ${doc.numbers.length} numbers, `
    + `${doc.quotes.length} quotations.`;
  document.body.dataset.annotated = String(Number(document.body.dataset.annotated ?? 0) + 1);
});

story.addEventListener('newsmark:error', (ev) => {
  summary.textContent = `newsmark could not annotate this article: ${ev.detail.message}`;
});

toggle.addEventListener('click', async () => {
  const handle = await story.newsmarkHandle;
  if (toggle.dataset.hidden) {
    story.newsmarkHandle = highlight(story, { observe: true });
    delete toggle.dataset.hidden;
    toggle.textContent = 'Hide highlights';
  } else {
    handle.clear();
    toggle.dataset.hidden = '1';
    toggle.textContent = 'Show highlights';
  }
});

// A CMS editor: the article becomes editable; data-newsmark-observe re-annotates it as it changes.
const edit = document.getElementById('edit');
edit.addEventListener('click', () => {
  const on = story.contentEditable !== 'true';
  story.contentEditable = on ? 'true' : 'false';
  edit.setAttribute('aria-pressed', String(on));
  edit.textContent = on ? 'Stop editing' : 'Edit the article';
  if (on) story.focus();
});
