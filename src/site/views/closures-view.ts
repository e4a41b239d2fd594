/**
 * The closures browser (/closures/): every closing and closed channel, newest first.
 *
 * Without JavaScript the pages are a complete listing split by month: /closures/ shows the
 * latest rows and an index of every month; /closures/2024-08/ (and /closures/2024-08/2/ …,
 * PERIOD_PAGE_ROWS rows a page) lists the month by province. With JavaScript the same page
 * filters and sorts all rows, which it fetches as shards per month (closures/data/…), one set
 * for both languages, listed in a manifest (closures/data/index.json) with the facet totals,
 * only when a reader starts filtering. Rows are built once per build and shared by every page
 * and shard; the tables are HTML strings from src/closures/present.ts.
 */
import { gzipSync } from 'node:zlib';
import { formatDate, parseApproxDate } from '../../domain/approx-date.ts';
import { isClosure, type Channel, type Registry } from '../../domain/model.ts';
import { LEVELS, LEVEL_LABELS, PLATFORMS, PLATFORM_LABELS, REASONS, REASON_LABELS, STATUS_LABELS, type Lang } from '../../domain/vocabulary.ts';
import { facetCounts, sortRows } from '../../closures/filter.ts';
import { groupedTableHtml, tableHtml, type PresentContext, type RowGroup } from '../../closures/present.ts';
import {
  areaNameOf, comparePeriodsDesc, encodeRow, FACET_KEYS, periodOf, UNDATED,
  type ClosureRow, type ClosuresManifest, type FacetKey, type Shard, type WireContext,
} from '../../closures/row.ts';
import { emptyState } from '../../closures/state.ts';
import { formatNumber, type PageContext } from '../i18n.ts';
import { localePath } from '../../routes/routes.ts';
import { displayUrl } from '../../format/url.ts';
import { stringsFor, type Strings } from '../../strings/index.ts';

/** Rows on /closures/ itself: the first screen must stay small at any scale. */
export const FIRST_SCREEN_ROWS = 100;
/** Rows per page of a month: keeps the heaviest page (English, ~300 bytes a row) near 250 KB. */
export const PERIOD_PAGE_ROWS = 800;
/** Where the shards live, relative to the site base (language-neutral). */
export const DATA_ROUTE = '/closures/data/';

export const closuresRoutes = {
  index: () => '/closures/',
  period: (key: string, page = 1) => (page > 1 ? `/closures/${key}/${page}/` : `/closures/${key}/`),
};

// ---------------------------------------------------------------------------------------
// Rows, built once per registry

interface ClosureData {
  readonly rows: ClosureRow[];
  /** Newest period first; rows within newest first. */
  readonly periods: Map<string, ClosureRow[]>;
  /** Names of the provinces and prefectures with closures: code → [zh, en, parent province]. */
  readonly areas: ClosuresManifest['areas'];
}

const cache = new WeakMap<Registry, ClosureData>();

export function closureData(registry: Registry): ClosureData {
  let data = cache.get(registry);
  if (data) return data;
  const rows = sortRows(registry.channels.filter(isClosure).map((c) => closureRow(registry, c)), emptyState(), 'zh');
  const periods = new Map<string, ClosureRow[]>();
  for (const key of [...new Set(rows.map((r) => periodOf(r.closed ?? r.announced)))].sort(comparePeriodsDesc)) periods.set(key, []);
  for (const r of rows) periods.get(periodOf(r.closed ?? r.announced))!.push(r);
  const areas: Record<string, [string, string, string?]> = {};
  const codes = new Set(rows.flatMap((r) => [r.province, r.prefecture]).filter((c): c is string => Boolean(c)));
  for (const code of [...codes].sort()) {
    const r = registry.regions.get(code);
    if (!r) continue;
    areas[code] = r.kind === 'prefecture' ? [r.name, r.nameEn, registry.regions.provinceOf(code)?.code ?? ''] : [r.name, r.nameEn];
  }
  data = { rows, periods, areas };
  cache.set(registry, data);
  return data;
}

export function closureRow(registry: Registry, c: Channel): ClosureRow {
  const lineage = registry.regions.lineage(c.region);
  const region = lineage[lineage.length - 1];
  const destinations = registry.destinationsOf(c.id);
  const first = destinations[0];
  const citations = registry.citations(c.source);
  const cite = citations[0];
  return {
    id: c.id,
    name: c.name,
    nameEn: c.name_en,
    status: c.status === 'closed' ? 'closed' : 'closing',
    closed: c.closed?.value,
    announced: c.announced?.value,
    region: c.region,
    page: registry.pageOf(c.region),
    regionName: region?.name ?? c.region,
    regionNameEn: region?.nameEn,
    province: lineage.find((r) => r.kind === 'province')?.code,
    prefecture: lineage.find((r) => r.kind === 'prefecture')?.code,
    agency: c.agency,
    agencyEn: c.agency_en,
    platform: c.platform,
    level: c.level,
    reason: c.reason,
    destination: first
      ? first.endpoint.kind === 'url'
        ? { kind: 'url', target: first.endpoint.url, name: displayUrl(first.endpoint.url) }
        : {
            kind: 'channel',
            target: first.endpoint.id,
            page: first.channel ? registry.pageOf(first.channel.region) : undefined,
            name: first.channel?.name ?? first.endpoint.id,
            nameEn: first.channel?.name_en,
          }
      : undefined,
    moreDestinations: destinations.length > 1 ? destinations.length - 1 : undefined,
    source: cite ? (cite.kind === 'url' ? { title: displayUrl(cite.url), href: cite.url } : { title: cite.source.title, href: cite.source.url }) : undefined,
    moreSources: citations.length > 1 ? citations.length - 1 : undefined,
  };
}

// ---------------------------------------------------------------------------------------
// Shards and manifest (language-neutral JSON)
//
// The shards are stored gzipped (".json.gz") and the client inflates them with the browser's
// DecompressionStream: the site's size is what is stored, and JSON of ~100,000 rows is
// ~27 MB plain but ~6 MB gzipped. A reader downloads the same bytes as from a server that
// compresses on the fly. The manifest, which the first screen needs, stays plain JSON.

/** Rows per shard file: a long period (a year-only one, say) is split so no file is heavy. */
export const SHARD_ROWS = 2000;

/** The shard file names of a period: "2024-06.json.gz", then "2024-06.2.json.gz" … when long. */
export function shardFiles(key: string, count: number): string[] {
  const parts = Math.max(1, Math.ceil(count / SHARD_ROWS));
  return Array.from({ length: parts }, (_, i) => (i === 0 ? `${key}.json.gz` : `${key}.${i + 1}.json.gz`));
}

/** Every shard file of the registry with its period and part (1-based). */
export function allShardFiles(registry: Registry): { file: string; key: string; part: number }[] {
  return [...closureData(registry).periods].flatMap(([key, list]) => shardFiles(key, list.length).map((file, i) => ({ file, key, part: i + 1 })));
}

export function closuresManifest(registry: Registry, meta: { dataVersion?: string; dataUpdated: string }): ClosuresManifest {
  const { rows, periods, areas } = closureData(registry);
  const counts = facetCounts(rows, emptyState());
  const facets = Object.fromEntries(FACET_KEYS.map((k) => [k, Object.fromEntries([...counts[k]].sort(([a], [b]) => a.localeCompare(b)))])) as Record<FacetKey, Record<string, number>>;
  return {
    v: 2,
    total: rows.length,
    dataVersion: meta.dataVersion,
    dataUpdated: meta.dataUpdated,
    periods: [...periods].map(([key, list]) => ({ key, count: list.length, files: shardFiles(key, list.length) })),
    facets,
    areas,
  };
}

export function closuresShard(registry: Registry, key: string, part = 1): Shard {
  const { areas } = closureData(registry);
  // In the pages' order (by place): like rows side by side compress better; the client sorts anyway.
  const rows = periodLayout(registry, key).rows.slice((part - 1) * SHARD_ROWS, part * SHARD_ROWS);
  const sources: [string, string?][] = [];
  const seen = new Map<string, number>();
  const sourceIndex = (title: string, href: string | undefined): number => {
    const k = `${title}\n${href ?? ''}`;
    let i = seen.get(k);
    if (i === undefined) {
      seen.set(k, (i = sources.length));
      sources.push(href ? [title, href] : [title]);
    }
    return i;
  };
  const ctx: WireContext = { areas, sources };
  return { v: 2, key, sources, rows: rows.map((r) => encodeRow(r, ctx, sourceIndex)) };
}

/** A shard file's bytes: the JSON, gzipped (the same bytes every build: no name or time in the header). */
export function closuresShardFile(registry: Registry, key: string, part = 1): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(gzipSync(JSON.stringify(closuresShard(registry, key, part)), { level: 9 }));
}

// ---------------------------------------------------------------------------------------
// Pages

export interface PeriodLink {
  readonly key: string;
  readonly label: string;
  readonly href: string;
  readonly count: number;
  readonly countText: string;
}

export interface PeriodGroup {
  readonly key: string;
  readonly heading: string;
  /** Link to the whole period when this group shows only part of it. */
  readonly more?: PeriodLink & { readonly text: string };
  /** The rows as a table (HTML, escaped). */
  readonly tableHtml: string;
  readonly rowCount: number;
}

export interface FacetOption {
  readonly value: string;
  readonly label: string;
  readonly count: number;
}

export interface FilterField {
  readonly key: FacetKey;
  readonly legend: string;
  readonly options: readonly FacetOption[];
}

export interface ClosuresIndexView {
  readonly title: string;
  readonly intro: string;
  readonly totalText: string;
  readonly empty: boolean;
  readonly latestHeading: string;
  readonly groups: readonly PeriodGroup[];
  readonly indexHeading: string;
  /** Every period, grouped by year (undated last). */
  readonly years: readonly { readonly label: string; readonly periods: readonly PeriodLink[] }[];
  readonly filters: {
    readonly checkboxes: readonly FilterField[];
    readonly provinces: FilterField;
    readonly prefectureLegend: string;
  };
  readonly manifestHref: string;
  readonly labels: Strings['closures'];
  /** The texts the client script needs, as JSON for a data- attribute ({shown} etc. are filled in by it). */
  readonly clientStrings: string;
  readonly dataVersion?: string;
}

/** A province of a period, and where its rows start. */
export interface ProvinceLink {
  readonly label: string;
  readonly href: string;
  readonly countText: string;
}

export interface ClosuresPeriodView {
  readonly key: string;
  readonly title: string;
  readonly heading: string;
  readonly summary: string;
  /** On a period's first page: its provinces, each linked to its heading (on whichever page it starts). */
  readonly provinces: readonly ProvinceLink[];
  readonly provincesLabel: string;
  /** This page's rows under province headings (HTML, escaped). */
  readonly tableHtml: string;
  readonly rowCount: number;
  readonly pages: readonly { readonly number: number; readonly href: string; readonly current: boolean; readonly range: string }[];
  readonly newer?: PeriodLink;
  readonly older?: PeriodLink;
  readonly indexHref: string;
  readonly labels: Strings['closures'];
}

export function periodLabel(key: string, lang: Lang): string {
  const t = stringsFor(lang).closures;
  if (key === UNDATED) return t.undated;
  if (key.length === 4) return t.yearOnly(Number(key));
  const parsed = parseApproxDate(key);
  return parsed.ok ? formatDate(parsed.date, lang) : key;
}

function presentContext(registry: Registry, ctx: PageContext): PresentContext {
  const { areas } = closureData(registry);
  return { lang: ctx.lang, base: ctx.base, areaName: (code) => areaNameOf(areas, code, ctx.lang) };
}

function periodLink(key: string, count: number, ctx: PageContext): PeriodLink {
  return { key, label: periodLabel(key, ctx.lang), href: localePath(ctx, closuresRoutes.period(key)), count, countText: formatNumber(count, ctx.lang) };
}

export function closuresIndexView(registry: Registry, ctx: PageContext, meta: { dataVersion?: string } = {}): ClosuresIndexView {
  const { lang } = ctx;
  const t = stringsFor(lang).closures;
  const columns = stringsFor(lang).closuresTable.columns;
  const { rows, periods, areas } = closureData(registry);
  const present = presentContext(registry, ctx);
  const groups: PeriodGroup[] = [];
  let left = FIRST_SCREEN_ROWS;
  for (const [key, list] of periods) {
    if (left <= 0) break;
    const shown = list.slice(0, left);
    left -= shown.length;
    const link = periodLink(key, list.length, ctx);
    groups.push({
      key,
      heading: link.label,
      more: shown.length < list.length ? { ...link, text: t.more(link.countText) } : undefined,
      tableHtml: tableHtml(shown, present, { caption: t.tableCaption(link.label) }),
      rowCount: shown.length,
    });
  }
  const years = new Map<string, PeriodLink[]>();
  for (const [key, list] of periods) {
    const year = key === UNDATED ? t.undated : t.year(key.slice(0, 4));
    let bucket = years.get(year);
    if (!bucket) years.set(year, (bucket = []));
    bucket.push(periodLink(key, list.length, ctx));
  }
  const counts = facetCounts(rows, emptyState());
  const option = (key: FacetKey, value: string, label: string): FacetOption => ({ value, label, count: counts[key].get(value) ?? 0 });
  const provinceOptions = [...counts.province.keys()].sort().map((code) => option('province', code, areaNameOf(areas, code, lang) ?? code));
  return {
    title: t.title,
    intro: t.intro,
    totalText: t.total(formatNumber(rows.length, lang)),
    empty: rows.length === 0,
    latestHeading: t.latest,
    groups,
    indexHeading: t.index,
    years: [...years].map(([label, list]) => ({ label, periods: list })),
    filters: {
      checkboxes: [
        { key: 'status', legend: columns.status, options: (['closed', 'closing'] as const).map((s) => option('status', s, STATUS_LABELS[s][lang])) },
        { key: 'platform', legend: columns.platform, options: PLATFORMS.map((p) => option('platform', p, PLATFORM_LABELS[p][lang])).filter((o) => o.count > 0) },
        { key: 'level', legend: columns.level, options: LEVELS.map((l) => option('level', l, LEVEL_LABELS[l][lang])).filter((o) => o.count > 0) },
        { key: 'reason', legend: columns.reason, options: REASONS.map((r) => option('reason', r, REASON_LABELS[r][lang])).filter((o) => o.count > 0) },
      ],
      provinces: { key: 'province', legend: t.province, options: provinceOptions },
      prefectureLegend: t.prefecture,
    },
    manifestHref: `${ctx.base}${DATA_ROUTE.slice(1)}index.json`,
    labels: t,
    clientStrings: JSON.stringify({
      loading: t.loading, loadFailed: t.loadFailed, none: t.none, showMore: t.showMore, any: t.any,
      showing: t.showing('{shown}', '{total}'), sortBy: t.sortBy('{col}'),
    }),
    dataVersion: meta.dataVersion,
  };
}

// A period's pages list its rows by province (central bodies first), then by region code (a
// prefecture's counties together), newest first within a region: a reader without
// JavaScript finds a place by scrolling, and each row need not repeat its province.

interface PeriodLayout {
  /** The period's rows in page order. */
  readonly rows: readonly ClosureRow[];
  /** Province ('' for central bodies) → index of its first row. */
  readonly starts: ReadonlyMap<string, number>;
}

const layouts = new WeakMap<Registry, Map<string, PeriodLayout>>();

function periodLayout(registry: Registry, key: string): PeriodLayout {
  let byKey = layouts.get(registry);
  if (!byKey) layouts.set(registry, (byKey = new Map()));
  let layout = byKey.get(key);
  if (layout) return layout;
  const list = closureData(registry).periods.get(key);
  if (!list) throw new Error(`no closures in period ${key}`);
  // The list is newest first; a stable sort by place keeps that order within a region.
  const rows = [...list].sort((a, b) => {
    const pa = a.province ?? '';
    const pb = b.province ?? '';
    return pa < pb ? -1 : pa > pb ? 1 : a.region < b.region ? -1 : a.region > b.region ? 1 : 0;
  });
  const starts = new Map<string, number>();
  rows.forEach((r, i) => {
    if (!starts.has(r.province ?? '')) starts.set(r.province ?? '', i);
  });
  layout = { rows, starts };
  byKey.set(key, layout);
  return layout;
}

function pageCountOf(rows: number, perPage: number): number {
  return Math.max(1, Math.ceil(rows / perPage));
}

/** Every period page: one per month (or year-only / undated group), more when long. */
export function closuresPeriodPaths(registry: Registry, perPage = PERIOD_PAGE_ROWS): { period: string; page: string | undefined }[] {
  const paths: { period: string; page: string | undefined }[] = [];
  for (const [key, list] of closureData(registry).periods) {
    for (let p = 1; p <= pageCountOf(list.length, perPage); p++) paths.push({ period: key, page: p === 1 ? undefined : String(p) });
  }
  return paths;
}

const provinceAnchor = (code: string) => `p-${code || 'central'}`;

/** `perPage`: rows a page (tests page small fixtures with it). */
export function closuresPeriodView(registry: Registry, ctx: PageContext, key: string, page = 1, perPage = PERIOD_PAGE_ROWS): ClosuresPeriodView {
  const { lang } = ctx;
  const t = stringsFor(lang).closures;
  const { periods } = closureData(registry);
  const { rows, starts } = periodLayout(registry, key);
  const keys = [...periods.keys()];
  const i = keys.indexOf(key);
  const pageCount = pageCountOf(rows.length, perPage);
  if (page < 1 || page > pageCount) throw new Error(`no page ${page} of closures in ${key}`);
  const label = periodLabel(key, lang);
  const present = presentContext(registry, ctx);
  const central = stringsFor(lang).places.central;
  const provinceName = (code: string) => (code ? (present.areaName(code) ?? code) : central);
  const pageHref = (n: number) => localePath(ctx, closuresRoutes.period(key, n));
  const first = (page - 1) * perPage;
  const slice = rows.slice(first, first + perPage);
  const groups: RowGroup[] = [];
  for (const r of slice) {
    const code = r.province ?? '';
    const last = groups[groups.length - 1];
    if (last && last.id === provinceAnchor(code)) (last.rows as ClosureRow[]).push(r);
    else groups.push({ id: provinceAnchor(code), heading: provinceName(code), rows: [r] });
  }
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.province ?? '', (counts.get(r.province ?? '') ?? 0) + 1);
  // The first page lists every province of the period; the pager says what the others hold.
  const provinces = page > 1 ? [] : [...starts].map(([code, start]) => {
    const onPage = Math.floor(start / perPage) + 1;
    return {
      label: provinceName(code),
      href: `${onPage === page ? '' : pageHref(onPage)}#${provinceAnchor(code)}`,
      countText: formatNumber(counts.get(code)!, lang),
    };
  });
  const newerKey = i > 0 ? keys[i - 1] : undefined;
  const olderKey = i < keys.length - 1 ? keys[i + 1] : undefined;
  return {
    key,
    title: t.periodTitle(label) + (page > 1 ? ` (${page}/${pageCount})` : ''),
    heading: t.periodTitle(label),
    summary: t.periodSummary(formatNumber(rows.length, lang)),
    provinces,
    provincesLabel: t.provinces,
    tableHtml: groupedTableHtml(groups, present, { caption: t.tableCaption(label), within: 'province' }),
    rowCount: slice.length,
    pages: pageCount > 1
      ? Array.from({ length: pageCount }, (_, n) => {
          const a = rows[n * perPage]!;
          const b = rows[Math.min(rows.length, (n + 1) * perPage) - 1]!;
          const [na, nb] = [provinceName(a.province ?? ''), provinceName(b.province ?? '')];
          return { number: n + 1, href: pageHref(n + 1), current: n + 1 === page, range: na === nb ? na : `${na} – ${nb}` };
        })
      : [],
    newer: newerKey ? periodLink(newerKey, periods.get(newerKey)!.length, ctx) : undefined,
    older: olderKey ? periodLink(olderKey, periods.get(olderKey)!.length, ctx) : undefined,
    indexHref: localePath(ctx, closuresRoutes.index()),
    labels: t,
  };
}
