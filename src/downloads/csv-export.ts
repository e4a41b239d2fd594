/**
 * The dataset as CSV for people to take away: the same columns contributors edit (so a row
 * can be checked against data/channels/*.csv), a few derived columns after them, CRLF line
 * ends. Every cell is formula-guarded (src/format/csv.ts).
 *
 * The byte-order mark: the ZIPs (made to open with a double click) start with one, because
 * Excel reads a UTF-8 file without it in the computer's legacy code page and garbles the
 * Chinese. The files described by datapackage.json (the .csv.gz tables, sources.csv,
 * events.csv) have none, because readers that do not strip it (Python's csv with "utf-8",
 * DuckDB's older versions, R's read.csv) then see a first column named "\uFEFFid".
 */
import type { ChannelRecord, EventRecord, SourceRecord } from '../domain/load.ts';
import type { RegionIndex } from '../domain/regions.ts';
import { CHANNEL_COLUMNS } from '../domain/schemas/channel.ts';
import { BOM, CRLF, csvField, csvRow } from '../format/csv.ts';
import { cellText } from '../domain/data-diff.ts';

export function csvLine(cells: readonly string[]): string {
  return csvRow(cells) + CRLF;
}

/** Columns derived from the region tree, after the contributors' columns. */
export const DERIVED_CHANNEL_COLUMNS = ['province', 'province_name', 'province_name_en', 'region_name', 'region_name_en'] as const;

export const CHANNEL_EXPORT_COLUMNS: readonly string[] = [...CHANNEL_COLUMNS, ...DERIVED_CHANNEL_COLUMNS];

export const DERIVED_COLUMN_DESCRIPTIONS: Record<(typeof DERIVED_CHANNEL_COLUMNS)[number], string> = {
  province: 'Derived: GB/T 2260 code of the province-level division the region belongs to (100000 for central bodies).',
  province_name: 'Derived: Chinese name of that province-level division.',
  province_name_en: 'Derived: English name of that province-level division.',
  region_name: 'Derived: Chinese name of the region in the region column.',
  region_name_en: 'Derived: English name of the region in the region column.',
};

// A national export asks for the same few thousand regions 500,000 times over; walking the
// tree each time was ~10 % of the writer. Caches per region index, so tests' small
// registries never see another's answers.
const provinceCache = new WeakMap<RegionIndex, Map<string, string>>();
const derivedCache = new WeakMap<RegionIndex, Map<string, { cells: string[]; csv: string }>>();

function cacheFor<V>(caches: WeakMap<RegionIndex, Map<string, V>>, regions: RegionIndex): Map<string, V> {
  let cache = caches.get(regions);
  if (!cache) caches.set(regions, (cache = new Map()));
  return cache;
}

/** Province-level code a channel is filed under: the nation's for central bodies. */
export function provinceCodeOf(regions: RegionIndex, region: string): string {
  const cache = cacheFor(provinceCache, regions);
  let code = cache.get(region);
  if (code === undefined) cache.set(region, (code = regions.provinceOf(region)?.code ?? '100000'));
  return code;
}

/** The derived cells of a region, raw and as CSV text (with the leading comma). */
function derived(regions: RegionIndex, code: string): { cells: string[]; csv: string } {
  const cache = cacheFor(derivedCache, regions);
  let d = cache.get(code);
  if (!d) {
    const province = regions.get(provinceCodeOf(regions, code));
    const region = regions.get(code);
    const cells = [province?.code ?? '', province?.name ?? '', province?.nameEn ?? '', region?.name ?? '', region?.nameEn ?? ''];
    cache.set(code, (d = { cells, csv: cells.map((x) => `,${csvField(x)}`).join('') }));
  }
  return d;
}

/** The derived cells of a region (DERIVED_CHANNEL_COLUMNS order), not formula-guarded. */
export function derivedCells(regions: RegionIndex, region: string): readonly string[] {
  return derived(regions, region).cells;
}

/** The header line; `bom` for the spreadsheet download (see above). */
export const channelCsvHeader = (bom: boolean): string => (bom ? BOM : '') + csvLine(CHANNEL_EXPORT_COLUMNS);

export function channelCsvLine(c: ChannelRecord, regions: RegionIndex): string {
  let line = csvField(cellText(c[CHANNEL_COLUMNS[0]!]));
  for (let i = 1; i < CHANNEL_COLUMNS.length; i++) line += `,${csvField(cellText(c[CHANNEL_COLUMNS[i]!]))}`;
  return line + derived(regions, c.region).csv + CRLF;
}

export const SOURCE_COLUMNS = ['id', 'title', 'publisher', 'date', 'url', 'archive'] as const;
export const EVENT_COLUMNS = ['date', 'title', 'title_en', 'source'] as const;

export function sourcesCsv(sources: Iterable<SourceRecord>): string {
  let out = csvLine(SOURCE_COLUMNS);
  for (const s of sources) out += csvLine(SOURCE_COLUMNS.map((k) => cellText(s[k])));
  return out;
}

export function eventsCsv(events: Iterable<EventRecord>): string {
  let out = csvLine(EVENT_COLUMNS);
  for (const e of events) out += csvLine(EVENT_COLUMNS.map((k) => cellText(e[k])));
  return out;
}
