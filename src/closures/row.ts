/**
 * One closure (a closing or closed channel) as the closures browser handles it, and its
 * compact wire form. Shared by the build (which writes the shards and renders the no-JS
 * table) and the browser client (which reads the shards): plain data, no DOM, no Astro.
 *
 * On the wire a row is a JSON array (encodeRow), one set of shards for both languages: the
 * client holds the labels.
 */
import { LEVELS, PLATFORMS, REASONS, type Level, type Platform, type Reason } from '../domain/vocabulary.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { displayUrl } from '../format/url.ts';
import { localText } from '../strings/local-name.ts';

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
  /**
   * The region whose page carries the channel's entry (the region itself; a township's
   * county): links go to /regions/<page>/#c-<id>, which works without JavaScript.
   */
  readonly page: string;
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
  /** First live destination: a registry channel id (kind 'channel', with its entry's page) or a web address. */
  readonly destination?: { readonly kind: 'channel' | 'url'; readonly target: string; readonly page?: string; readonly name: string; readonly nameEn?: string };
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

/** What a shard shares among its rows: the sources they cite, once each. */
export interface WireContext {
  /** Provinces and prefectures by code (the manifest's `areas`), to infer a row's from its region code. */
  readonly areas: Readonly<Record<string, readonly [string, string, string?]>>;
  /** The shard's sources: [title, href]. */
  readonly sources: readonly (readonly [string, string?])[];
}

/**
 * A row's province and prefecture as its region code implies them (371082 → 370000, 371000),
 * when those divisions are in `areas`. The wire leaves them out whenever this guess is right,
 * which is nearly always; overrides in data/regions.csv may break the pattern, and then the
 * row carries them.
 */
export function impliedAreas(region: string, areas: WireContext['areas']): { province?: string; prefecture?: string } {
  if (region.length < 6 || region === '100000') return {};
  const p = `${region.slice(0, 2)}0000`;
  if (!areas[p] || areas[p]!.length > 2) return {};
  const f = `${region.slice(0, 4)}00`;
  return { province: p, prefecture: f !== p && areas[f]?.[2] === p ? f : undefined };
}

/** The page a region's entries are on, as its code implies it: a township's (9 digits) is its county's. */
export function impliedPage(region: string): string {
  return region.length === 9 ? region.slice(0, 6) : region;
}

const s = (v: string | undefined): string => v ?? '';
const o = (v: string | number | undefined): string | undefined => (v === '' || v === undefined || v === 0 ? undefined : String(v));

const PLATFORM_INDEX = new Map<string, number>(PLATFORMS.map((p, i) => [p, i]));
const LEVEL_INDEX = new Map<string, number>(LEVELS.map((l, i) => [l, i]));
const REASON_INDEX = new Map<string, number>(REASONS.map((r, i) => [r, i]));

/** Bits of the flags field. */
const CLOSED = 1;
const ANNOUNCED_ONLY = 2;

/**
 * A row on the wire: one array, vocabulary as indexes into the lists the client is built
 * with, names of the province and prefecture left to the manifest, sources by index into the
 * shard's table, trailing defaults dropped. A channel destination is "<page>/<id>" (ids never
 * contain "/" or ":"), a web address has "://". The page of the row's own entry is left out
 * when the region code implies it (impliedPage).
 */
export function encodeRow(r: ClosureRow, ctx: WireContext, sourceIndex: (title: string, href: string | undefined) => number): WireRow {
  const d = r.destination;
  const date = r.closed ?? r.announced;
  const implied = impliedAreas(r.region, ctx.areas);
  const areas = implied.province === r.province && implied.prefecture === r.prefecture ? '' : `${s(r.province)},${s(r.prefecture)}`;
  const w: WireRow = [
    r.id, r.name, s(r.nameEn), (r.status === 'closed' ? CLOSED : 0) | (!r.closed && r.announced ? ANNOUNCED_ONLY : 0), s(date),
    r.region, r.regionName, s(r.regionNameEn), r.agency, s(r.agencyEn),
    PLATFORM_INDEX.get(r.platform) ?? -1, LEVEL_INDEX.get(r.level) ?? -1, r.reason ? (REASON_INDEX.get(r.reason) ?? -1) : -1,
    d ? (d.kind === 'channel' ? `${d.page ?? ''}/${d.target}` : d.target) : '', d?.kind === 'channel' ? d.name : '', d?.kind === 'channel' ? s(d.nameEn) : '', r.moreDestinations ?? 0,
    r.source ? sourceIndex(r.source.title, r.source.href) : -1, r.moreSources ?? 0, areas, r.page === impliedPage(r.region) ? '' : r.page,
  ];
  const defaults: (string | number)[] = ['', '', '', 0, '', '', '', '', '', '', -1, -1, -1, '', '', '', 0, -1, 0, '', ''];
  let end = w.length;
  while (end > 0 && w[end - 1] === defaults[end - 1]) end--;
  return w.slice(0, end);
}

export function decodeRow(w: WireRow, ctx: WireContext): ClosureRow {
  const str = (i: number) => String(w[i] ?? '');
  const num = (i: number, fallback: number) => (typeof w[i] === 'number' ? (w[i] as number) : fallback);
  const flags = num(3, 0);
  const date = o(w[4]);
  const region = str(5);
  const target = str(13);
  const more = num(16, 0);
  const source = ctx.sources[num(17, -1)];
  const moreSources = num(18, 0);
  const explicit = str(19);
  const slash = target.indexOf('/');
  const areas = explicit ? { province: o(explicit.split(',')[0]), prefecture: o(explicit.split(',')[1]) } : impliedAreas(region, ctx.areas);
  const reason = REASONS[num(12, -1)];
  return {
    id: str(0),
    name: str(1),
    nameEn: o(w[2]),
    status: flags & CLOSED ? 'closed' : 'closing',
    closed: flags & ANNOUNCED_ONLY ? undefined : date,
    announced: flags & ANNOUNCED_ONLY ? date : undefined,
    region,
    page: str(20) || impliedPage(region),
    regionName: str(6),
    regionNameEn: o(w[7]),
    province: areas.province,
    prefecture: areas.prefecture,
    agency: str(8),
    agencyEn: o(w[9]),
    platform: PLATFORMS[num(10, -1)] ?? 'other',
    level: LEVELS[num(11, -1)] ?? 'county',
    reason,
    destination: target
      ? target.includes('://')
        ? { kind: 'url', target, name: displayUrl(target) }
        : { kind: 'channel', target: target.slice(slash + 1), page: o(target.slice(0, Math.max(0, slash))), name: str(14), nameEn: o(w[15]) }
      : undefined,
    moreDestinations: more > 0 ? more : undefined,
    source: source ? { title: source[0], href: o(source[1]) } : undefined,
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
  readonly v: 2;
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

/** A province's or prefecture's name from the manifest's `areas`, in the page's language. */
export function areaNameOf(areas: ClosuresManifest['areas'], code: string, lang: Lang): string | undefined {
  const area = areas[code];
  return area && localText(area[0], area[1], lang);
}

export const FACET_KEYS = ['status', 'province', 'prefecture', 'platform', 'level', 'reason'] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

export interface Shard {
  readonly v: 2;
  readonly key: string;
  /** The sources the rows cite (by index): [title, href]. */
  readonly sources: readonly (readonly [string, string?])[];
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
