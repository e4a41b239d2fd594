/**
 * The search box, progressively enhanced. Served as its own cacheable file (the CSP allows no
 * inline scripts). Without it the form still submits to its action, the /search/ page (which offers the region browser).
 *
 * It enhances every `<form data-search="…/search/index.json">`: the form's first search
 * input gets results as you type, in a list after the form, with a live region announcing the
 * count. Keys: ↓ from the box to the results, ↑/↓ between them, Esc back to the box.
 * Language: the form's `data-search-lang`, else the page's lang ("en…" or Chinese).
 */
import { PLATFORM_LABELS, STATUS_LABELS } from '../domain/vocabulary.ts';
import { type SearchLang, type SearchManifest } from './layout.ts';
import type { PlaceRecord } from './places.ts';
import { fileSource, SearchIndex, type SearchResult } from './query.ts';
import { destinationLabel, entryLink, placeLink, type ChannelRecord, type LinkPatterns } from '../store/records.ts';
import { punctuation as enPunctuation, searchResults as enResults } from '../strings/en.ts';
import { langOfTag } from '../strings/lang.ts';
import { punctuation as zhPunctuation, searchResults as zhResults } from '../strings/zh.ts';

const PAGE = 10;
const DELAY_MS = 150;

/** The results' words in each language (a form says which it is in). */
const TEXT = { zh: zhResults, en: enResults };
const LIST_COMMA = { zh: zhPunctuation.listComma, en: enPunctuation.listComma };

let loading: Promise<SearchIndex> | undefined;

function loadIndex(manifestUrl: string): Promise<SearchIndex> {
  loading ??= (async () => {
    // Revalidated each visit; everything it points to is immutable (versioned folder).
    const response = await fetch(manifestUrl, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`search index: ${response.status}`);
    const manifest = (await response.json()) as SearchManifest;
    // Index files are named relative to the manifest's folder.
    const base = new URL(manifestUrl, location.href);
    const source = fileSource(manifest, async (path) => {
      const r = await fetch(new URL(path, base));
      if (!r.ok) throw new Error(`search index: ${r.status} for ${path}`);
      return new Uint8Array(await r.arrayBuffer());
    });
    return new SearchIndex(manifest, source);
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function enhance(form: HTMLFormElement, n: number): void {
  const input = form.querySelector<HTMLInputElement>('input[type=search], input[name=q]');
  const manifestUrl = form.dataset.search;
  if (!input || !manifestUrl) return;
  const lang: SearchLang = langOfTag(form.dataset.searchLang ?? document.documentElement.lang);
  const text = TEXT[lang];

  const panel = el('div', 'search-results');
  const status = el('p', 'search-status');
  status.setAttribute('role', 'status');
  status.id = `search-status-${n}`;
  const list = el('ol', 'search-list');
  list.id = `search-list-${n}`;
  const more = el('button', 'search-more', text.more);
  more.type = 'button';
  more.hidden = true;
  panel.append(status, list, more);
  form.after(panel);
  input.setAttribute('aria-controls', list.id);
  // Keep any description the page gave the box (the search page's tips), add the count.
  input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), status.id].filter(Boolean).join(' '));
  input.autocomplete = 'off';

  let timer: ReturnType<typeof setTimeout> | undefined;
  let sequence = 0;
  let shown = PAGE;

  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a.search-name')];

  const run = async (limit: number) => {
    const query = input.value.trim();
    const mine = ++sequence;
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      more.hidden = true;
      return;
    }
    panel.setAttribute('aria-busy', 'true');
    try {
      const index = await loadIndex(manifestUrl);
      const result = await index.search(query, { lang, limit });
      if (mine !== sequence) return; // a newer query is under way
      render(index.manifest, result, limit);
    } catch {
      if (mine === sequence) status.textContent = text.failed;
    } finally {
      if (mine === sequence) panel.removeAttribute('aria-busy');
    }
  };

  const render = (manifest: SearchManifest, result: SearchResult, limit: number) => {
    const links = manifest.links[lang];
    list.replaceChildren(...result.places.map((hit) => placeItem(links, hit.place, lang)), ...result.hits.map((hit) => item(links, hit.record, lang)));
    status.textContent = text.found(result.total + result.places.length, !result.complete);
    more.hidden = result.hits.length < limit || (result.complete && result.total <= limit);
  };

  // Keystrokes wait for the typing pause, so a word half typed fetches nothing. Text that
  // arrives whole — the characters an input method commits, a paste — is what the reader
  // meant: it is searched at once (the pause would be 150 ms of the one second a search has).
  let searched: string | undefined;
  const searchNow = () => {
    clearTimeout(timer);
    shown = PAGE;
    searched = input.value.trim();
    void run(shown);
  };
  input.addEventListener('input', (event) => {
    const kind = (event as InputEvent).inputType;
    if (kind === 'insertFromPaste' || kind === 'insertFromDrop' || kind === 'insertReplacementText') return searchNow();
    clearTimeout(timer);
    shown = PAGE;
    timer = setTimeout(() => {
      // some browsers send one more input event after the commit: that text is already shown
      if (input.value.trim() !== searched) void run(shown);
      searched = undefined;
    }, DELAY_MS);
  });
  input.addEventListener('compositionend', searchNow);
  input.addEventListener('focus', () => void loadIndex(manifestUrl).catch(() => undefined), { once: true });
  // Enter searches in place; focus stays in the box and the live region reads the count.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run(shown);
  });
  more.addEventListener('click', () => {
    const next = links().length;
    shown += PAGE;
    void run(shown).then(() => links()[next]?.focus());
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && event.target === input) {
      event.preventDefault();
      links()[0]?.focus();
    }
  });
  panel.addEventListener('keydown', (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'Escape') input.focus();
    else if (at < 0) return;
    else if (event.key === 'ArrowDown') all[at + 1]?.focus();
    else if (event.key === 'ArrowUp') (all[at - 1] ?? input).focus();
    else return;
    event.preventDefault();
  });
}

function item(links: LinkPatterns, record: ChannelRecord, lang: SearchLang): HTMLLIElement {
  const { status } = record;
  const li = el('li', `search-item search-item--${status}`);
  const title = el('p', 'search-title');
  const link = el('a', 'search-name', record.name[lang]);
  link.href = entryLink(links, record);
  title.append(link, ' ', el('span', `search-badge search-badge--${status}`, STATUS_LABELS[status][lang]));
  li.append(title, el('p', 'search-meta', `${record.agency[lang]} · ${record.place[lang]} · ${PLATFORM_LABELS[record.platform][lang]}`));
  if (status !== 'active' && record.destinations.length) {
    const go = el('p', 'search-destination', TEXT[lang].goTo);
    record.destinations.slice(0, 3).forEach((d, i) => {
      const a = el('a', '', destinationLabel(d)[lang]);
      // off-site links need no rel: the page's referrer policy is same-origin (BaseLayout)
      a.href = d.kind === 'url' ? d.url : entryLink(links, d);
      go.append(...(i ? [LIST_COMMA[lang], a] : [a]));
    });
    li.append(go);
  }
  return li;
}

/** A place: its page, or its section of its county's page. */
function placeItem(links: LinkPatterns, place: PlaceRecord, lang: SearchLang): HTMLLIElement {
  const li = el('li', 'search-item search-item--place');
  const title = el('p', 'search-title');
  const link = el('a', 'search-name', place.name[lang]);
  link.href = placeLink(links, place);
  title.append(link, ' ', el('span', 'search-badge search-badge--place', TEXT[lang].place));
  const where = place.parent[lang];
  li.append(title, el('p', 'search-meta', `${where ? `${where} · ` : ''}${TEXT[lang].channels(place.channels)}`));
  return li;
}

document.querySelectorAll<HTMLFormElement>('form[data-search]').forEach(enhance);
