/**
 * One closure (a closing or closed channel) as the closures browser handles it, and its
 * compact wire form. Shared by the build (which writes the shards and renders the no-JS
 * table) and the browser client (which reads the shards): plain data, no DOM, no Astro.
 *
 * On the wire a row is a JSON array with empty strings for absent values, so 100,000 rows
 * stay a few megabytes before compression and far less after it.
 */
import type { Level, Platform, Reason } from '../domain/vocabulary.ts';

export type ClosureStatus = 'closing' | 'closed';

export interface ClosureRow {
  readonly id: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly status: ClosureStatus;
  /** When the closure took effect, as written in the data (YYYY, YYYY-MM or YYYY-MM-DD). */
  readonly closed?: string;
  /** When it was announced, same forms. */
  readonly announced?: string;
  /** GB/T 2260 code of the owning body's region. */
  readonly region: string;
  readonly regionName: string;
  readonly regionNameEn?: string;
  /** Province-level division above (or equal to) the region; empty for central bodies. */
  readonly province?: string;
  /** Prefecture-level division above (or equal to) the region, when there is one. */
  readonly prefecture?: string;
  readonly agency: string;
  readonly agencyEn?: string;
  readonly platform: Platform;
  readonly level: Level;
  readonly reason?: Reason;
  /** First live destination: a registry channel id (kind 'channel') or a web address. */
  readonly destination?: { readonly kind: 'channel' | 'url'; readonly target: string; readonly name: string; readonly nameEn?: string };
  /** Further destinations beyond the first. */
  readonly moreDestinations?: number;
  /** First cited source: its title (or address) and link. */
  readonly source?: { readonly title: string; readonly href?: string };
  readonly moreSources?: number;
}

/** The date a closure is filed under: when it took effect, else when it was announced. */
export function closureDateOf(row: Pick<ClosureRow, 'closed' | 'announced'>): string | undefined {
  return row.closed ?? row.announced;
}

export type WireRow = (string | number)[];

const s = (v: string | undefined): string => v ?? '';
const o = (v: string | number | undefined): string | undefined => (v === '' || v === undefined || v === 0 ? undefined : String(v));

export function encodeRow(r: ClosureRow): WireRow {
  const d = r.destination;
  return [
    r.id, r.name, s(r.nameEn), r.status === 'closed' ? 1 : 0, s(r.closed), s(r.announced),
    r.region, r.regionName, s(r.regionNameEn), s(r.province), s(r.prefecture),
    r.agency, s(r.agencyEn), r.platform, r.level, s(r.reason),
    d ? (d.kind === 'channel' ? `c:${d.target}` : d.target) : '', d ? d.name : '', d ? s(d.nameEn) : '', r.moreDestinations ?? 0,
    r.source ? r.source.title : '', r.source ? s(r.source.href) : '', r.moreSources ?? 0,
  ];
}

export function decodeRow(w: WireRow): ClosureRow {
  const str = (i: number) => String(w[i] ?? '');
  const target = str(16);
  const more = Number(w[19] ?? 0);
  const moreSources = Number(w[22] ?? 0);
  return {
    id: str(0),
    name: str(1),
    nameEn: o(w[2]),
    status: w[3] === 1 ? 'closed' : 'closing',
    closed: o(w[4]),
    announced: o(w[5]),
    region: str(6),
    regionName: str(7),
    regionNameEn: o(w[8]),
    province: o(w[9]),
    prefecture: o(w[10]),
    agency: str(11),
    agencyEn: o(w[12]),
    platform: str(13) as Platform,
    level: str(14) as Level,
    reason: o(w[15]) as Reason | undefined,
    destination: target
      ? target.startsWith('c:')
        ? { kind: 'channel', target: target.slice(2), name: str(17), nameEn: o(w[18]) }
        : { kind: 'url', target, name: str(17), nameEn: o(w[18]) }
      : undefined,
    moreDestinations: more > 0 ? more : undefined,
    source: str(20) ? { title: str(20), href: o(w[21]) } : undefined,
    moreSources: moreSources > 0 ? moreSources : undefined,
  };
}

/**
 * The period a closure is listed under: its month (YYYY-MM) when the date gives one, its year
 * (YYYY) when it gives only the year, "undated" when there is none.
 */
export const UNDATED = 'undated';

export function periodOf(date: string | undefined): string {
  if (!date) return UNDATED;
  return date.length >= 7 ? date.slice(0, 7) : date.slice(0, 4);
}

/**
 * Newest first: months descending; a year-only period after that year's months (it may be
 * any of them, and sorts at the start of its span); undated last.
 */
export function comparePeriodsDesc(a: string, b: string): number {
  if (a === b) return 0;
  if (a === UNDATED) return 1;
  if (b === UNDATED) return -1;
  const ka = a.length === 4 ? `${a}-00` : a;
  const kb = b.length === 4 ? `${b}-00` : b;
  return kb.localeCompare(ka);
}

/** What the browser fetches first: the periods, their row counts and shard files, and facet totals. */
export interface ClosuresManifest {
  readonly v: 1;
  readonly total: number;
  readonly dataVersion?: string;
  readonly dataUpdated: string;
  /** Newest first; `files` (a long period is split into several) are relative to the manifest. */
  readonly periods: readonly { readonly key: string; readonly count: number; readonly files: readonly string[] }[];
  /** Rows per facet value over the whole registry. */
  readonly facets: Readonly<Record<FacetKey, Readonly<Record<string, number>>>>;
  /** Names of the provinces and prefectures the facets mention: code → [zh, en, parent province]. */
  readonly areas: Readonly<Record<string, readonly [string, string, string?]>>;
}

export const FACET_KEYS = ['status', 'province', 'prefecture', 'platform', 'level', 'reason'] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

export interface Shard {
  readonly v: 1;
  readonly key: string;
  readonly rows: readonly WireRow[];
}

/** The value a row has in a facet ('' when it has none, e.g. no prefecture). */
export function facetValue(row: ClosureRow, key: FacetKey): string {
  switch (key) {
    case 'status': return row.status;
    case 'province': return row.province ?? '';
    case 'prefecture': return row.prefecture ?? '';
    case 'platform': return row.platform;
    case 'level': return row.level;
    case 'reason': return row.reason ?? '';
  }
}
