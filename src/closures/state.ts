/**
 * The closures browser's view state (filters and sort) and its place in the URL's query
 * string, so a filtered view can be bookmarked, shared and cited. Parsing is forgiving (an
 * unknown value is dropped, never an error) and serialising is canonical (same state, same
 * URL: values sorted, defaults omitted).
 */
import { LEVELS, PLATFORMS, REASONS } from '../domain/vocabulary.ts';
import type { FacetKey } from './row.ts';

export const SORT_KEYS = ['date', 'region', 'agency', 'platform', 'level', 'reason', 'status'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

export interface FilterState {
  /** First month included, YYYY-MM. */
  readonly from?: string;
  /** Last month included, YYYY-MM. */
  readonly to?: string;
  /** Selected values per facet; empty means "any". */
  readonly facets: Readonly<Record<FacetKey, readonly string[]>>;
  readonly sort: SortKey;
  readonly dir: SortDir;
}

export const DEFAULT_SORT: { sort: SortKey; dir: SortDir } = { sort: 'date', dir: 'desc' };

export function emptyState(): FilterState {
  return { facets: { status: [], province: [], prefecture: [], platform: [], level: [], reason: [] }, ...DEFAULT_SORT };
}

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const REGION_RE = /^\d{6}$/;

/** Which values each facet accepts from a URL. */
const VALID: Record<FacetKey, (v: string) => boolean> = {
  status: (v) => v === 'closing' || v === 'closed',
  province: (v) => REGION_RE.test(v) && v.endsWith('0000'),
  prefecture: (v) => REGION_RE.test(v) && v.endsWith('00') && !v.endsWith('0000'),
  platform: (v) => (PLATFORMS as readonly string[]).includes(v),
  level: (v) => (LEVELS as readonly string[]).includes(v),
  reason: (v) => (REASONS as readonly string[]).includes(v),
};

/** Query parameter names, in the order they are written. */
const ORDER: readonly FacetKey[] = ['status', 'province', 'prefecture', 'platform', 'level', 'reason'];

export function parseState(search: string): FilterState {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const state = emptyState();
  const facets = { ...state.facets } as Record<FacetKey, string[]>;
  for (const key of ORDER) {
    const values = params.getAll(key).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => VALID[key](v));
    facets[key] = [...new Set(values)].sort();
  }
  const month = (v: string | null) => (v && MONTH_RE.test(v) ? v : undefined);
  let from = month(params.get('from'));
  let to = month(params.get('to'));
  if (from && to && from > to) [from, to] = [to, from];
  const sortParam = params.get('sort') ?? '';
  const desc = sortParam.startsWith('-');
  const key = (desc ? sortParam.slice(1) : sortParam) as SortKey;
  const sorted = (SORT_KEYS as readonly string[]).includes(key) ? { sort: key, dir: (desc ? 'desc' : 'asc') as SortDir } : DEFAULT_SORT;
  return { from, to, facets, ...sorted };
}

/** The canonical query string ("" for the default view, else starting with "?"). */
export function serializeState(state: FilterState): string {
  const parts: string[] = [];
  if (state.from) parts.push(`from=${state.from}`);
  if (state.to) parts.push(`to=${state.to}`);
  for (const key of ORDER) {
    const values = [...new Set(state.facets[key])].sort();
    if (values.length) parts.push(`${key}=${values.map(encodeURIComponent).join(',')}`);
  }
  if (state.sort !== DEFAULT_SORT.sort || state.dir !== DEFAULT_SORT.dir) parts.push(`sort=${state.dir === 'desc' ? '-' : ''}${state.sort}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** True when the state filters anything out (sorting alone does not). */
export function isFiltered(state: FilterState): boolean {
  return Boolean(state.from || state.to || ORDER.some((k) => state.facets[k].length > 0));
}

export function withFacet(state: FilterState, key: FacetKey, values: readonly string[]): FilterState {
  const facets = { ...state.facets, [key]: [...new Set(values)].sort() };
  // A prefecture outside the chosen provinces would silently empty the table.
  if (key === 'province' && values.length) facets.prefecture = facets.prefecture.filter((p) => values.includes(`${p.slice(0, 2)}0000`));
  return { ...state, facets };
}

export function withRange(state: FilterState, from: string | undefined, to: string | undefined): FilterState {
  const f = from && MONTH_RE.test(from) ? from : undefined;
  const t = to && MONTH_RE.test(to) ? to : undefined;
  return f && t && f > t ? { ...state, from: t, to: f } : { ...state, from: f, to: t };
}

/** Clicking a column: a new column sorts in its natural direction, the same one flips. */
export function withSort(state: FilterState, sort: SortKey): FilterState {
  if (state.sort === sort) return { ...state, dir: state.dir === 'asc' ? 'desc' : 'asc' };
  return { ...state, sort, dir: sort === 'date' ? 'desc' : 'asc' };
}
