/**
 * Filtering, sorting and facet counts over closure rows: pure functions the browser client
 * calls and the tests check directly.
 *
 * Date ranges are honest about approximate dates: a row is inside a range only when its
 * whole date is (a closure known only as "2024" is in 2024-01…2024-12, but not in
 * 2024-03…2024-05, since it may have happened in any month). Undated rows are in no range.
 */
import { LEVELS, PLATFORMS, REASONS, type Lang } from '../domain/vocabulary.ts';
import { locale as enLocale } from '../strings/en.ts';
import { localText } from '../strings/local-name.ts';
import { locale as zhLocale } from '../strings/zh.ts';
import { closureDateOf, FACET_KEYS, facetValue, UNDATED, type ClosureRow, type FacetKey } from './row.ts';
import type { FilterState, SortKey } from './state.ts';

/** First and last month (YYYY-MM) a date can mean. */
export function monthSpanOf(date: string): [string, string] {
  if (date.length >= 7) return [date.slice(0, 7), date.slice(0, 7)];
  return [`${date}-01`, `${date}-12`];
}

export function inRange(date: string | undefined, from: string | undefined, to: string | undefined): boolean {
  if (!from && !to) return true;
  if (!date) return false;
  const [first, last] = monthSpanOf(date);
  return (!from || first >= from) && (!to || last <= to);
}

/** Periods (shard keys) that can hold rows inside the state's date range. */
export function periodsInRange(periods: readonly string[], from: string | undefined, to: string | undefined): string[] {
  return periods.filter((p) => (p === UNDATED ? !from && !to : inRange(p, from, to)));
}

function matchesExcept(row: ClosureRow, state: FilterState, skip: FacetKey | undefined): boolean {
  if (!inRange(closureDateOf(row), state.from, state.to)) return false;
  for (const key of FACET_KEYS) {
    if (key === skip) continue;
    const wanted = state.facets[key];
    if (wanted.length && !wanted.includes(facetValue(row, key))) return false;
  }
  return true;
}

export function matches(row: ClosureRow, state: FilterState): boolean {
  return matchesExcept(row, state, undefined);
}

export function filterRows(rows: readonly ClosureRow[], state: FilterState): ClosureRow[] {
  return rows.filter((r) => matches(r, state));
}

/**
 * How many rows each facet value would show: for each facet, counted over the rows matching
 * every other filter (so a reader sees what ticking a box would give). Values without a row
 * are absent; the empty value ('' — no prefecture, say) is not counted.
 */
export function facetCounts(rows: readonly ClosureRow[], state: FilterState): Record<FacetKey, Map<string, number>> {
  const counts = Object.fromEntries(FACET_KEYS.map((k) => [k, new Map<string, number>()])) as Record<FacetKey, Map<string, number>>;
  for (const row of rows) {
    if (!inRange(closureDateOf(row), state.from, state.to)) continue;
    // Which facets this row fails; a row failing two counts for none.
    let failed: FacetKey | undefined;
    let failures = 0;
    for (const key of FACET_KEYS) {
      const wanted = state.facets[key];
      if (wanted.length && !wanted.includes(facetValue(row, key))) {
        failed = key;
        if (++failures > 1) break;
      }
    }
    if (failures > 1) continue;
    for (const key of FACET_KEYS) {
      if (failures === 1 && key !== failed) continue;
      const v = facetValue(row, key);
      if (v === '') continue;
      const map = counts[key];
      map.set(v, (map.get(v) ?? 0) + 1);
    }
  }
  return counts;
}

/** A sortable key for an approximate date: its first day, coarser dates before finer on ties. */
export function dateSortKey(date: string): string {
  if (date.length === 4) return `${date}-01-01:0`;
  if (date.length === 7) return `${date}-01:1`;
  return `${date}:2`;
}

const RANK = {
  platform: new Map<string, number>(PLATFORMS.map((p, i) => [p, i])),
  level: new Map<string, number>(LEVELS.map((p, i) => [p, i])),
  reason: new Map<string, number>(REASONS.map((p, i) => [p, i])),
};

const COLLATION: Record<Lang, string> = { zh: zhLocale.collation, en: enLocale.collation };
const collators: Partial<Record<Lang, Intl.Collator>> = {};
function collator(lang: Lang): Intl.Collator {
  return (collators[lang] ??= new Intl.Collator(COLLATION[lang], { numeric: true }));
}

function compareBy(key: SortKey, lang: Lang): (a: ClosureRow, b: ClosureRow) => number {
  const coll = collator(lang);
  switch (key) {
    case 'date':
      return () => 0; // handled separately (undated rows stay last in both directions)
    case 'region':
      // Codes put a province's prefectures and counties together, in the official order.
      return (a, b) => a.region.localeCompare(b.region);
    case 'agency':
      return (a, b) => coll.compare(localText(a.agency, a.agencyEn, lang), localText(b.agency, b.agencyEn, lang));
    case 'platform':
    case 'level':
      return (a, b) => RANK[key].get(a[key])! - RANK[key].get(b[key])!;
    case 'reason':
      return (a, b) => (a.reason ? RANK.reason.get(a.reason)! : 99) - (b.reason ? RANK.reason.get(b.reason)! : 99);
    case 'status':
      return (a, b) => (a.status === b.status ? 0 : a.status === 'closing' ? -1 : 1);
  }
}

/**
 * Rows sorted by the state's column and direction; ties newest first, then by id, so the
 * order is total and the same in every browser. Undated rows sort last either way.
 */
export function sortRows(rows: readonly ClosureRow[], state: Pick<FilterState, 'sort' | 'dir'>, lang: Lang): ClosureRow[] {
  const sign = state.dir === 'desc' ? -1 : 1;
  const keyed = rows.map((row) => {
    const d = closureDateOf(row);
    return { row, date: d ? dateSortKey(d) : '' };
  });
  const byColumn = compareBy(state.sort, lang);
  const byDateDesc = (a: { date: string }, b: { date: string }) => (a.date === b.date ? 0 : !a.date ? 1 : !b.date ? -1 : a.date < b.date ? 1 : -1);
  keyed.sort((a, b) => {
    if (state.sort === 'date') {
      if (!a.date || !b.date) return Number(!a.date) - Number(!b.date);
      if (a.date !== b.date) return sign * (a.date < b.date ? -1 : 1);
    } else {
      const c = byColumn(a.row, b.row);
      if (c !== 0) return sign * c;
    }
    return byDateDesc(a, b) || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0);
  });
  return keyed.map((k) => k.row);
}
