/**
 * The JSON API: static files under /api/v1/, shaped for programs. Every shape is written
 * down on the /data/ page (src/downloads/data-page.ts) from the same constants.
 *
 * Channels are sharded by id: sorted by id (plain code-unit order: ids are ASCII) and cut
 * into files of at most CHANNELS_PER_SHARD channels and SHARD_BYTE_LIMIT bytes. index.json
 * lists each shard's first and last id, so a program finds a channel's file by a binary
 * search over `channel_shards[].first`, with no 500,000-entry lookup table.
 */
import { compareApproxDates, type ApproxDate } from '../domain/approx-date.ts';
import { closureDate, isClosure, type Channel, type Registry, type StatusCounts } from '../domain/model.ts';
import { NATION_CODE, type Region } from '../domain/regions.ts';
import type { Ref } from '../domain/schemas/cells.ts';
import { CHANNEL_COLUMNS } from '../domain/schemas/channel.ts';
import { provinceCodeOf } from './csv-export.ts';

export const API_DIR = 'api/v1';
export const CHANNELS_PER_SHARD = 2000;
/** No published file may pass this (25 MB, the largest file some static hosts accept). */
export const FILE_BYTE_LIMIT = 25_000_000;
export const SHARD_BYTE_LIMIT = 20 * 1024 * 1024;

/** Absolute page URLs of a channel or region, in both languages. */
export interface PageLinks {
  channel(id: string): { zh: string; en: string };
  region(code: string): { zh: string; en: string };
}

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface DestinationJson {
  /** A live channel of the registry… */
  channel?: string;
  /** …or a web address. */
  url?: string;
  /** Closed channels passed through on the way (empty for a direct redirect). */
  via: string[];
}

const refText = (r: Ref): string => (r.kind === 'id' ? r.id : r.url);
const dateText = (d: ApproxDate | undefined): string | undefined => d?.value;

/** Drops undefined members, so absent fields are absent rather than null. */
function compact<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

export function destinationsJson(registry: Registry, id: string): DestinationJson[] {
  return registry.destinationsOf(id).map((d) => {
    const passed = d.endpoint.kind === 'channel' ? d.chain.slice(1, -1) : d.chain.slice(1);
    return compact({
      channel: d.endpoint.kind === 'channel' ? d.endpoint.id : undefined,
      url: d.endpoint.kind === 'url' ? d.endpoint.url : undefined,
      via: passed.map((c) => c.id),
    });
  });
}

/**
 * A channel: every column of data/channels/*.csv under its own name (dates as written,
 * YYYY / YYYY-MM / YYYY-MM-DD; lists as arrays; counts as numbers; empty cells absent), then
 * `province`, `destinations` (closing and closed channels: redirects followed to live ends)
 * and `page` / `page_en`.
 */
export function channelJson(registry: Registry, c: Channel, links: PageLinks): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const field of CHANNEL_COLUMNS) {
    const v = c[field];
    if (v === undefined || v === '') continue;
    if (Array.isArray(v)) out[field] = (v as Ref[]).map(refText);
    else if (typeof v === 'object') out[field] = (v as ApproxDate).value;
    else out[field] = v as string | number;
  }
  out.province = provinceCodeOf(registry.regions, c.region);
  if (isClosure(c)) out.destinations = destinationsJson(registry, c.id) as unknown as Json;
  const page = links.channel(c.id);
  out.page = page.zh;
  out.page_en = page.en;
  return out;
}

/** A closure: the channel in brief, when and why it closed, its notice and where to go. */
export function closureJson(registry: Registry, c: Channel, links: PageLinks): Record<string, Json> {
  const notice = registry.noticeOf(c);
  const page = links.channel(c.id);
  return compact({
    id: c.id,
    name: c.name,
    name_en: c.name_en,
    agency: c.agency,
    agency_en: c.agency_en,
    platform: c.platform,
    region: c.region,
    province: provinceCodeOf(registry.regions, c.region),
    status: c.status,
    reason: c.reason,
    announced: dateText(c.announced),
    closed: dateText(c.closed),
    date: dateText(closureDate(c)),
    notice: notice
      ? compact({
          slug: notice.slug,
          title: notice.title,
          issuer: notice.issuer,
          announced: dateText(notice.announced),
          effective: dateText(notice.effective),
          kind: notice.kind ?? 'summary',
        })
      : undefined,
    destinations: destinationsJson(registry, c.id) as unknown as Json,
    page: page.zh,
    page_en: page.en,
  }) as Record<string, Json>;
}

/** Closures newest first (by closure date, else announcement); undated last; then by id. */
export function closuresNewestFirst(channels: Iterable<Channel>): Channel[] {
  return [...channels].filter(isClosure).sort((a, b) => {
    const da = closureDate(a);
    const db = closureDate(b);
    if (!da || !db) return Number(!da) - Number(!db) || (a.id < b.id ? -1 : 1);
    return compareApproxDates(db, da) || (a.id < b.id ? -1 : 1);
  });
}

function countsJson(c: StatusCounts): Record<string, Json> {
  return { active: c.active, dormant: c.dormant, closing: c.closing, closed: c.closed, total: c.total };
}

/** A region: its names and place in the tree, counts for it and everything below, and its page. */
export function regionJson(registry: Registry, r: Region, links: PageLinks): Record<string, Json> {
  const page = links.region(r.code);
  return compact({
    code: r.code,
    name: r.name,
    name_en: r.nameEn,
    kind: r.kind,
    parent: r.parent,
    counts: countsJson(registry.countsIn(r.code)),
    channels_here: registry.channelsIn(r.code).length,
    page: page.zh,
    page_en: page.en,
  }) as Record<string, Json>;
}

/**
 * Regions as the API files them: regions.json holds the nation, every province and every
 * prefecture; regions/<province>.json every county and township of that province with
 * channels (tens of thousands at national scale, so they are split by province).
 */
export function publishedRegions(registry: Registry): { top: Region[]; byProvince: Map<string, Region[]> } {
  const top: Region[] = [];
  const byProvince = new Map<string, Region[]>();
  for (const code of registry.regionPageCodes()) {
    const r = registry.regions.get(code)!;
    if (r.kind === 'nation' || r.kind === 'province' || r.kind === 'prefecture') top.push(r);
    else if (registry.countsIn(code).total > 0) {
      const province = provinceCodeOf(registry.regions, code);
      let list = byProvince.get(province);
      if (!list) byProvince.set(province, (list = []));
      list.push(r);
    }
  }
  return { top, byProvince };
}

export function eventJson(e: Registry['events'][number]): Record<string, Json> {
  return compact({ date: e.date.value, title: e.title, title_en: e.title_en, source: e.source.map(refText) }) as Record<string, Json>;
}

export function sourceJson(s: NonNullable<ReturnType<Registry['sources']['get']>>): Record<string, Json> {
  return compact({ id: s.id, title: s.title, publisher: s.publisher, date: dateText(s.date), url: s.url, archive: s.archive }) as Record<string, Json>;
}

export interface Shard {
  readonly file: string;
  readonly first: string;
  readonly last: string;
  readonly count: number;
}

/** Channels sorted by id, as the shards hold them. */
export function channelsById(channels: Iterable<Channel>): Channel[] {
  return [...channels].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Cuts id-sorted items into shards of at most `perShard` items and `byteLimit` bytes
 * (`bytes(item)` is the item's serialised size). Pure, so the page and the writer agree.
 */
export function planShards<T>(items: readonly T[], bytes: (t: T) => number, perShard: number, byteLimit: number): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  let start = 0;
  let size = 2;
  for (let i = 0; i < items.length; i++) {
    const n = bytes(items[i]!) + 1;
    if (i > start && (i - start >= perShard || size + n > byteLimit)) {
      ranges.push({ start, end: i });
      start = i;
      size = 2;
    }
    size += n;
  }
  if (items.length > 0) ranges.push({ start, end: items.length });
  return ranges;
}

/** Which shard holds an id, by binary search over the shards' first ids (what clients do). */
export function shardFor(shards: readonly Shard[], id: string): Shard | undefined {
  let lo = 0;
  let hi = shards.length - 1;
  let found: Shard | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (shards[mid]!.first <= id) {
      found = shards[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found && id <= found.last ? found : undefined;
}

/** Province-level codes closures are filed under, nation first. */
export function closureProvinces(registry: Registry): string[] {
  const codes = new Set<string>();
  for (const c of registry.channels) if (isClosure(c)) codes.add(provinceCodeOf(registry.regions, c.region));
  return [...codes].sort((a, b) => Number(b === NATION_CODE) - Number(a === NATION_CODE) || a.localeCompare(b));
}
