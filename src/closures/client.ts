/**
 * The closures browser in the page: a thin DOM layer over the pure modules next to it
 * (state.ts, filter.ts, present.ts, csv.ts). Without it the pages are still a complete listing
 * split by month. With it the filter form appears; the manifest (facet totals, the list of
 * monthly shards) loads at once, the shards only when a reader filters, sorts or downloads,
 * and only those the date range needs. The view state lives in the query string.
 *
 * The shards are gzipped files, inflated with DecompressionStream; a browser without it keeps
 * the listing without filters. The table is the same HTML the build writes (present.ts, every
 * value escaped there); labels and names come from the client's own string table.
 */
import { closuresCsv, csvFileName } from './csv.ts';
import { facetCounts, filterRows, periodsInRange, sortRows } from './filter.ts';
import { tableHtml } from './present.ts';
import { areaNameOf, decodeRow, type ClosureRow, type ClosuresManifest, type FacetKey, type Shard } from './row.ts';
import { DEFAULT_SORT, emptyState, isFiltered, parseState, serializeState, withFacet, withRange, withSort, type FilterState, type SortKey } from './state.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { locale as enLocale } from '../strings/en.ts';
import { langOfTag } from '../strings/lang.ts';
import { locale as zhLocale } from '../strings/zh.ts';

const PAGE = 200;
const NUMBERS: Record<Lang, string> = { zh: zhLocale.number, en: enLocale.number };

interface Strings {
  loading: string;
  loadFailed: string;
  none: string;
  showMore: string;
  any: string;
  showing: string;
  sortBy: string;
}

const root = document.getElementById('closures-app');
if (root && typeof DecompressionStream === 'function') void start(root);

async function start(app: HTMLElement): Promise<void> {
  const lang = langOfTag(app.dataset.lang);
  const base = app.dataset.base ?? '/';
  const manifestUrl = new URL(app.dataset.manifest!, location.href);
  const form = app.querySelector<HTMLFormElement>('#closure-filters')!;
  const status = app.querySelector<HTMLElement>('[data-status]')!;
  const results = app.querySelector<HTMLElement>('[data-results]')!;
  const serverView = document.querySelector<HTMLElement>('[data-server-view]');
  const strings = JSON.parse(app.dataset.strings ?? '{}') as Strings;
  const provinceSelect = form.querySelector<HTMLSelectElement>('select[name="province"]')!;
  const prefectureSelect = form.querySelector<HTMLSelectElement>('select[name="prefecture"]')!;
  const fmt = new Intl.NumberFormat(NUMBERS[lang]);

  let state = parseState(location.search);
  let manifest: ClosuresManifest | undefined;
  const shards = new Map<string, Promise<ClosureRow[]>>();
  let shown = PAGE;
  let generation = 0;
  let current: ClosureRow[] = [];

  const areaName = (code: string): string | undefined => (manifest ? areaNameOf(manifest.areas, code, lang) : undefined);

  form.hidden = false;
  const panel = form.querySelector<HTMLDetailsElement>('[data-filter-panel]');
  // Open on wide screens, or when the address already filters; folded on phones.
  if (panel && (matchMedia('(min-width: 62rem)').matches || isFiltered(parseState(location.search)))) panel.open = true;
  writeForm(state);
  enhanceHeaders(document);

  try {
    const res = await fetch(manifestUrl);
    if (!res.ok) throw new Error(String(res.status));
    manifest = (await res.json()) as ClosuresManifest;
  } catch {
    status.textContent = strings.loadFailed;
    return;
  }
  fillPrefectures(undefined);
  await update();

  form.addEventListener('change', (e) => {
    const target = e.target as HTMLInputElement | HTMLSelectElement;
    if (target.name === 'province') {
      state = withFacet(state, 'province', target.value ? [target.value] : []);
    }
    state = readForm(state);
    shown = PAGE;
    void update();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    state = readForm(state);
    void update();
  });
  form.querySelector('[data-action="clear"]')!.addEventListener('click', () => {
    state = { ...emptyState(), sort: state.sort, dir: state.dir };
    writeForm(state);
    void update();
  });
  form.querySelector('[data-action="download"]')!.addEventListener('click', () => void download());

  function readForm(prev: FilterState): FilterState {
    const data = new FormData(form);
    let next = withRange(prev, String(data.get('from') ?? '') || undefined, String(data.get('to') ?? '') || undefined);
    for (const key of ['status', 'platform', 'level', 'reason'] as const) next = withFacet(next, key, data.getAll(key).map(String));
    const province = String(data.get('province') ?? '');
    next = withFacet(next, 'province', province ? [province] : []);
    const prefecture = prefectureSelect.disabled ? '' : String(data.get('prefecture') ?? '');
    next = withFacet(next, 'prefecture', prefecture ? [prefecture] : []);
    return next;
  }

  function writeForm(s: FilterState): void {
    (form.elements.namedItem('from') as HTMLInputElement).value = s.from ?? '';
    (form.elements.namedItem('to') as HTMLInputElement).value = s.to ?? '';
    for (const input of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      input.checked = s.facets[input.name as FacetKey]?.includes(input.value) ?? false;
    }
    provinceSelect.value = s.facets.province[0] ?? '';
    fillPrefectures(undefined);
  }

  /** Prefectures of the chosen province, with counts; disabled while no province is chosen. */
  function fillPrefectures(counts: Map<string, number> | undefined): void {
    const province = state.facets.province[0];
    const selected = state.facets.prefecture[0] ?? '';
    prefectureSelect.replaceChildren(option('', strings.any));
    prefectureSelect.disabled = !province || !manifest;
    if (!province || !manifest) return;
    const codes = Object.keys(manifest.areas).filter((c) => manifest!.areas[c]![2] === province).sort();
    for (const code of codes) {
      const n = counts ? (counts.get(code) ?? 0) : (manifest.facets.prefecture[code] ?? 0);
      prefectureSelect.append(option(code, `${areaName(code) ?? code} (${fmt.format(n)})`));
    }
    prefectureSelect.value = selected;
  }

  function option(value: string, text: string): HTMLOptionElement {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = text;
    return o;
  }

  function showCounts(counts: Record<FacetKey, Map<string, number>> | undefined): void {
    const get = (key: FacetKey, value: string) => (counts ? (counts[key].get(value) ?? 0) : (manifest?.facets[key][value] ?? 0));
    for (const span of form.querySelectorAll<HTMLElement>('[data-facet]')) {
      const [key, value] = span.dataset.facet!.split(':') as [FacetKey, string];
      span.textContent = fmt.format(get(key, value));
    }
    for (const o of provinceSelect.options) {
      if (o.value) o.textContent = `${o.dataset.label ?? o.value} (${fmt.format(get('province', o.value))})`;
    }
    fillPrefectures(counts?.prefecture);
  }

  function loadShard(key: string): Promise<ClosureRow[]> {
    let p = shards.get(key);
    if (!p) {
      const entry = manifest!.periods.find((x) => x.key === key)!;
      p = Promise.all(
        entry.files.map(async (file) => {
          const res = await fetch(new URL(file, manifestUrl));
          if (!res.ok) throw new Error(`${res.status} ${file}`);
          const shard = JSON.parse(await inflate(await res.arrayBuffer())) as Shard;
          const ctx = { areas: manifest!.areas, sources: shard.sources };
          return shard.rows.map((w) => decodeRow(w, ctx));
        }),
      ).then((parts) => parts.flat());
      p.catch(() => shards.delete(key));
      shards.set(key, p);
    }
    return p;
  }

  /** Rows of every period the date range can touch (all periods when there is no range). */
  async function rowsInRange(s: FilterState): Promise<ClosureRow[]> {
    const keys = periodsInRange(manifest!.periods.map((p) => p.key), s.from, s.to);
    const lists = await Promise.all(keys.map(loadShard));
    return lists.flat();
  }

  async function update(): Promise<void> {
    const query = serializeState(state);
    const active = activeFilters(state);
    const badge = form.querySelector<HTMLElement>('[data-active-count]');
    if (badge) badge.textContent = active ? `(${fmt.format(active)})` : '';
    history.replaceState(history.state, '', `${location.pathname}${query}${location.hash}`);
    const sorted = state.sort !== DEFAULT_SORT.sort || state.dir !== DEFAULT_SORT.dir;
    if (!isFiltered(state) && !sorted) {
      // The page as built already shows the default view.
      results.hidden = true;
      if (serverView) serverView.hidden = false;
      status.textContent = '';
      showCounts(undefined);
      return;
    }
    const mine = ++generation;
    app.setAttribute('aria-busy', 'true');
    status.textContent = strings.loading;
    let rows: ClosureRow[];
    try {
      rows = await rowsInRange(state);
    } catch {
      if (mine === generation) status.textContent = strings.loadFailed;
      app.removeAttribute('aria-busy');
      return;
    }
    if (mine !== generation) return; // a newer change is on its way
    current = sortRows(filterRows(rows, state), state, lang);
    showCounts(facetCounts(rows, state));
    render();
    app.removeAttribute('aria-busy');
  }

  function render(): void {
    if (serverView) serverView.hidden = true;
    results.hidden = false;
    const total = current.length;
    const visible = Math.min(shown, total);
    status.textContent = total === 0 ? strings.none : strings.showing.replace('{shown}', fmt.format(visible)).replace('{total}', fmt.format(total));
    if (total === 0) {
      results.replaceChildren();
      return;
    }
    // present.ts escapes every value it puts in the markup.
    results.innerHTML = tableHtml(current.slice(0, visible), { lang, base, areaName });
    if (visible < total) {
      const more = document.createElement('button');
      more.type = 'button';
      more.className = 'button secondary show-more';
      more.textContent = strings.showMore;
      more.addEventListener('click', () => {
        shown += PAGE;
        render();
      });
      results.append(more);
    }
    enhanceHeaders(results);
  }

  /** Column headings become sort buttons (in the built tables too: sorting loads the data). */
  function enhanceHeaders(scope: ParentNode): void {
    for (const th of scope.querySelectorAll<HTMLElement>('table.closures-table th[data-sort]')) {
      if (th.querySelector('button')) continue;
      const key = th.dataset.sort as SortKey;
      const label = th.textContent ?? '';
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort-button';
      button.textContent = label;
      button.title = strings.sortBy.replace('{col}', label);
      const active = results.contains(th) && state.sort === key;
      th.setAttribute('aria-sort', active ? (state.dir === 'asc' ? 'ascending' : 'descending') : 'none');
      if (active) button.dataset.dir = state.dir;
      button.addEventListener('click', () => {
        state = withSort(state, key);
        shown = PAGE;
        void update();
      });
      th.replaceChildren(button);
    }
  }

  async function download(): Promise<void> {
    status.textContent = strings.loading;
    let rows: ClosureRow[];
    try {
      rows = sortRows(filterRows(await rowsInRange(state), state), state, lang);
    } catch {
      status.textContent = strings.loadFailed;
      return;
    }
    const csv = closuresCsv(rows, { lang, siteUrl: new URL(base, location.origin).href, areaName });
    const blob = new Blob([csv], { type: 'text/csv;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = csvFileName(state.from, state.to, manifest?.dataVersion);
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 30_000);
    if (!isFiltered(state)) status.textContent = '';
    else status.textContent = strings.showing.replace('{shown}', fmt.format(Math.min(shown, current.length))).replace('{total}', fmt.format(current.length));
  }
}

/** How many filters are set (a date range counts once). */
function activeFilters(s: FilterState): number {
  return (s.from || s.to ? 1 : 0) + Object.values(s.facets).reduce((n, v) => n + v.length, 0);
}

/**
 * A shard's text: gunzipped here, unless the server already did (one that sends .gz files
 * with Content-Encoding: gzip hands fetch the inflated JSON).
 */
async function inflate(buffer: ArrayBuffer): Promise<string> {
  const bytes = new Uint8Array(buffer);
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new TextDecoder().decode(bytes);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}
