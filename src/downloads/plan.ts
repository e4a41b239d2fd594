/**
 * Which download files a build publishes, decided once from the registry so the /data/ page
 * (which lists them) and the writer (which writes them) always agree. Files that would pass
 * the size limit are split into numbered parts at row boundaries, each a complete file.
 */
import type { Channel, Registry } from '../domain/model.ts';
import { NATION_CODE } from '../domain/regions.ts';
import { localePath, routes } from '../site/i18n.ts';
import { channelCsvHeader, channelCsvLine, partNames, planParts, provinceCodeOf } from './csv-export.ts';
import { channelJson, FILE_BYTE_LIMIT, type PageLinks } from './json-api.ts';

export const DOWNLOADS_DIR = 'downloads';
/** Parts are cut below the hard limit, leaving room for the header. */
export const PART_BYTE_LIMIT = 20 * 1024 * 1024;

export interface PlannedFile {
  /** Path relative to the site's output folder. */
  readonly path: string;
  readonly rows: number;
  readonly bytes: number;
}

export interface ProvinceDownload {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly channels: number;
  readonly files: readonly PlannedFile[];
}

export interface DownloadPlan {
  /** Channels in file order: by province, region, id. */
  readonly channels: readonly Channel[];
  readonly csv: readonly PlannedFile[];
  readonly json: readonly PlannedFile[];
  readonly provinces: readonly ProvinceDownload[];
}

export function pageLinks(siteUrl: string, base: string): PageLinks {
  const origin = siteUrl.replace(/\/+$/, '');
  const abs = (lang: 'zh' | 'en', route: string) => origin + localePath({ lang, base }, route);
  return {
    channel: (id) => ({ zh: abs('zh', routes.channel(id)), en: abs('en', routes.channel(id)) }),
    region: (code) => ({ zh: abs('zh', routes.region(code)), en: abs('en', routes.region(code)) }),
  };
}

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

/** Channels in the order the files list them. */
export function exportOrder(registry: Registry): Channel[] {
  const province = new Map<string, string>();
  const key = (c: Channel) => {
    let p = province.get(c.region);
    if (p === undefined) province.set(c.region, (p = provinceCodeOf(registry.regions, c.region)));
    return p;
  };
  return [...registry.channels].sort((a, b) => {
    const pa = key(a);
    const pb = key(b);
    if (pa !== pb) return pa === NATION_CODE ? -1 : pb === NATION_CODE ? 1 : pa < pb ? -1 : 1;
    if (a.region !== b.region) return a.region < b.region ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/** JSON array text as the files hold it: one channel per line. */
export const JSON_OPEN = '[\n';
export const JSON_CLOSE = '\n]\n';
export const JSON_SEPARATOR = ',\n';

function filesFor(stem: string, ext: string, parts: number[], lineBytes: number[], headerBytes: number, trailerBytes = 0, separatorBytes = 0): PlannedFile[] {
  const names = partNames(stem, ext, parts.length);
  const files: PlannedFile[] = [];
  let at = 0;
  parts.forEach((rows, i) => {
    let bytes = headerBytes + trailerBytes;
    for (let j = at; j < at + rows; j++) bytes += lineBytes[j]!;
    bytes += Math.max(0, rows - 1) * separatorBytes;
    files.push({ path: names[i]!, rows, bytes });
    at += rows;
  });
  return files;
}

const cache = new WeakMap<Registry, DownloadPlan>();

export function downloadPlan(registry: Registry, links: PageLinks, limit = PART_BYTE_LIMIT): DownloadPlan {
  const hit = limit === PART_BYTE_LIMIT ? cache.get(registry) : undefined;
  if (hit) return hit;
  const channels = exportOrder(registry);
  const header = utf8(channelCsvHeader());
  const csvBytes = channels.map((c) => utf8(channelCsvLine(c, registry.regions)));
  const jsonBytes = channels.map((c) => utf8(JSON.stringify(channelJson(registry, c, links))));
  const jsonSep = utf8(JSON_SEPARATOR);
  const csv = filesFor(`${DOWNLOADS_DIR}/channels`, 'csv', planParts(csvBytes, header, limit), csvBytes, header);
  const json = filesFor(
    `${DOWNLOADS_DIR}/channels`,
    'json',
    planParts(jsonBytes.map((n) => n + jsonSep), utf8(JSON_OPEN) + utf8(JSON_CLOSE), limit),
    jsonBytes,
    utf8(JSON_OPEN),
    utf8(JSON_CLOSE),
    jsonSep,
  );

  const provinces: ProvinceDownload[] = [];
  let start = 0;
  while (start < channels.length) {
    const code = provinceCodeOf(registry.regions, channels[start]!.region);
    let end = start;
    while (end < channels.length && provinceCodeOf(registry.regions, channels[end]!.region) === code) end++;
    const lines = csvBytes.slice(start, end);
    const region = registry.regions.get(code);
    provinces.push({
      code,
      name: code === NATION_CODE ? '中央' : (region?.name ?? code),
      nameEn: code === NATION_CODE ? 'Central' : (region?.nameEn ?? code),
      channels: end - start,
      files: filesFor(`${DOWNLOADS_DIR}/provinces/${code}`, 'csv', planParts(lines, header, limit), lines, header),
    });
    start = end;
  }
  const plan = { channels, csv, json, provinces };
  if (limit === PART_BYTE_LIMIT) cache.set(registry, plan);
  return plan;
}

/** Every file of a plan is under the hard limit (true by construction unless one row is huge). */
export function oversized(files: readonly PlannedFile[]): PlannedFile[] {
  return files.filter((f) => f.bytes > FILE_BYTE_LIMIT);
}
