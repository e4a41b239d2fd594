/**
 * The JSON API: static files under /api/v1/, shaped for programs. Every shape is written
 * down on the /data/ page (src/site/views/data-view.ts) from the same constants.
 *
 * Channels are filed by a hash of their id: the file of channel `id` is
 * channels/<first two hex digits of SHA-256(id)>.jsonl.gz, so any program computes it
 * without an index, the 256 file names never change as the registry grows, and each file
 * holds about 1/256 of the channels. The big files (channels, closures) are JSON Lines
 * compressed with gzip: a national registry's JSON is ~230 MB raw, ~35 MB compressed, and
 * gzip files put one after another are still one gzip stream, so the 256 files together
 * are the whole dataset as JSON Lines.
 */
import { compareApproxDates, type ApproxDate } from '../domain/approx-date.ts';
import { closureDate, isClosure, type Channel, type Registry, type StatusCounts } from '../domain/model.ts';
import type { Region } from '../domain/regions.ts';
import type { Ref } from '../domain/schemas/cells.ts';
import { CHANNEL_COLUMNS } from '../domain/schemas/channel.ts';
import { sha256Hex } from '../format/sha256.ts';
import { provinceCodeOf } from './csv-export.ts';

export const API_DIR = 'api/v1';
/** No published file may pass this (25 MB, the largest file some static hosts accept). */
export const FILE_BYTE_LIMIT = 25_000_000;

/** Hex digits of SHA-256(id) that name a channel's file: 2, so 256 files. */
export const SHARD_HEX_DIGITS = 2;

/** The shard (two lower-case hex digits) a channel id is filed under. */
export function shardOf(id: string): string {
  return sha256Hex(id).slice(0, SHARD_HEX_DIGITS);
}

/** Every shard name, 00 … ff: all are written, empty ones too, so no lookup meets a 404. */
export const SHARDS: readonly string[] = Array.from({ length: 16 ** SHARD_HEX_DIGITS }, (_, i) => i.toString(16).padStart(SHARD_HEX_DIGITS, '0'));

/** Absolute page URLs, in both languages. */
export interface PageLinks {
  /** The channel's entry on its region's page. */
  entry(c: Channel): { zh: string; en: string };
  /** A region's page, or a township's section of its county's page. */
  region(code: string): { zh: string; en: string };
  /** The channel permalink pattern (/channels/{id}/, which the not-found page resolves to the entry). */
  readonly permalink: { zh: string; en: string };
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
 * `province` and `destinations` (closing and closed channels: redirects followed to live
 * ends). No page URL per row: 500,000 of them would be ~15 % of the file, and the permalink
 * is the id in a pattern index.json gives.
 */
export function channelJson(registry: Registry, c: Channel): Record<string, Json> {
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
  return out;
}

/** A closure: the channel in brief, when and why it closed, its notice and where to go. */
export function closureJson(registry: Registry, c: Channel): Record<string, Json> {
  const notice = registry.noticeOf(c);
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

/** Channels of each shard, sorted by id (plain code-unit order: ids are ASCII). */
export function channelsByShard(channels: Iterable<Channel>): Map<string, Channel[]> {
  const shards = new Map<string, Channel[]>(SHARDS.map((s) => [s, []]));
  for (const c of channels) shards.get(shardOf(c.id))!.push(c);
  for (const list of shards.values()) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return shards;
}
