/**
 * Closure rows as table HTML, in the page's language: the one renderer behind the pages built
 * at build time (no JavaScript needed) and the rows the browser client draws after filtering,
 * so both tables read alike.
 *
 * Built as strings: at national scale the period pages carry ~200,000 rows (two languages),
 * which Astro's component-per-cell rendering turns into seconds of build and hundreds of
 * megabytes of markup. So a row is lean: seven cells, no per-cell classes or labels (the
 * stylesheet addresses cells by position), and the optional end tags of cells and rows left
 * out (HTML lets </td>, </th> and </tr> go; every parser closes them the same way). Level,
 * reason and source stay in the data, the filters and the CSV, and on the channel's entry.
 * Every value from the data goes through `esc`.
 */
import { PLATFORM_LABELS, STATUS_LABELS, type Lang } from '../domain/vocabulary.ts';
import { escapeHtml as esc } from '../format/escape.ts';
import { isHttpUrl, shortUrl } from '../format/url.ts';
import { localePath, routes } from '../routes/routes.ts';
import { closuresTable as enTable, names as enNames } from '../strings/en.ts';
import { localText } from '../strings/local-name.ts';
import { closuresTable as zhTable, locale as zhLocale, names as zhNames } from '../strings/zh.ts';
import { closureDateOf, type ClosureRow } from './row.ts';
import type { SortKey } from './state.ts';

export const COLUMNS = ['date', 'channel', 'platform', 'region', 'agency', 'status', 'destination'] as const;
export type Column = (typeof COLUMNS)[number];

/** Columns that sort, and by which key. */
export const SORTABLE: Partial<Record<Column, SortKey>> = {
  date: 'date', platform: 'platform', region: 'region', agency: 'agency', status: 'status',
};

/** The table's words in each language (the browser draws tables in either). */
const TEXT = { zh: zhTable, en: enTable };
const NAMES = { zh: zhNames, en: enNames };

export interface PresentContext {
  readonly lang: Lang;
  /** Site base path with trailing slash. */
  readonly base: string;
  /** Name of a province or prefecture in the page's language. */
  readonly areaName: (code: string) => string | undefined;
}

/**
 * A channel's entry on its region's page. Without a page known, the permalink, which the
 * not-found page resolves.
 */
export function entryPath(base: string, lang: Lang, id: string, page: string | undefined): string {
  return localePath({ base, lang }, page ? routes.channelEntry(page, id) : routes.channel(id));
}

/** How a page marks a Chinese name shown for want of a translation: only English pages need to. */
const CHINESE_MARK: Record<Lang, string> = { zh: '', en: ` lang="${zhLocale.html}"` };

/** Text in the page's language: [text, lang attribute or ""]. */
function local(zh: string, en: string | undefined, lang: Lang): [string, string] {
  const text = localText(zh, en, lang);
  return [text, text === en ? '' : CHINESE_MARK[lang]];
}

/** The date as the data gives it (2024-08-14, 2024-08, 2024): the same in both languages. */
export function dateText(row: Pick<ClosureRow, 'closed' | 'announced'>, lang: Lang): string {
  const date = closureDateOf(row);
  if (!date) return TEXT[lang].undated;
  // Only the announcement is known: say so, since it is not when the channel went.
  return row.closed ? date : TEXT[lang].announced(date);
}

/**
 * Where the owning body is. `within` leaves out what a heading above already says (the
 * province, on a page grouped by province). Chinese reads from the large to the small
 * (山东省威海市荣成市), English the other way (Rongcheng, Weihai, Shandong).
 */
export function regionText(row: ClosureRow, ctx: PresentContext, within?: 'province'): [string, string] {
  const [own, ownLang] = local(row.regionName, row.regionNameEn, ctx.lang);
  const above = [within === 'province' ? undefined : row.province, row.prefecture]
    .filter((c): c is string => Boolean(c) && c !== row.region)
    .map((c) => ctx.areaName(c) ?? c);
  if (!above.length) return [own, ownLang];
  // A Chinese name inside an English list is not worth a lang attribute per part: the region's own name decides.
  return [NAMES[ctx.lang].place([...above, own]), ownLang];
}

function moreText(n: number | undefined, lang: Lang): string {
  return n ? TEXT[lang].moreDestinations(n) : '';
}

export interface RowOptions {
  /** The rows sit under a province heading (see regionText). */
  readonly within?: 'province';
}

/** One row: <tr> with seven cells, end tags left out. */
export function rowHtml(row: ClosureRow, ctx: PresentContext, options: RowOptions = {}): string {
  const { lang, base } = ctx;
  const [name, nameLang] = local(row.name, row.nameEn, lang);
  // The Chinese name is what a reader searches for on the platform: kept beside a translation.
  const original = lang === 'en' && row.nameEn ? ` (<span${CHINESE_MARK.en}>${esc(row.name)}</span>)` : '';
  const [region, regionLang] = regionText(row, ctx, options.within);
  const [agency, agencyLang] = local(row.agency, row.agencyEn, lang);
  const d = row.destination;
  let destination = '—';
  if (d) {
    if (d.kind === 'channel') {
      const [text, textLang] = local(d.name, d.nameEn, lang);
      destination = `<a href="${esc(entryPath(base, lang, d.target, d.page))}"${textLang}>${esc(text)}</a>`;
    } else if (isHttpUrl(d.target)) {
      destination = `<a href="${esc(d.target)}">${esc(shortUrl(d.target))}</a>`;
    } else {
      // the client draws rows from downloaded shards: an address only ever becomes a link when http(s)
      destination = esc(shortUrl(d.target));
    }
    destination += moreText(row.moreDestinations, lang);
  }
  return (
    `<tr${row.status === 'closing' ? ' class="closing"' : ''}>` +
    `<td>${esc(dateText(row, lang))}` +
    `<th><a href="${esc(entryPath(base, lang, row.id, row.page))}"${nameLang}>${esc(name)}</a>${original}` +
    `<td>${esc(PLATFORM_LABELS[row.platform]?.[lang] ?? row.platform)}` +
    `<td${regionLang}>${esc(region)}` +
    `<td${agencyLang}>${esc(agency)}` +
    `<td>${STATUS_LABELS[row.status][lang]}` +
    `<td>${destination}`
  );
}

/** The header row; sortable columns carry data-sort (the client makes them buttons). */
export function headHtml(lang: Lang): string {
  return `<thead><tr>${COLUMNS.map((c) => `<th scope="col"${SORTABLE[c] ? ` data-sort="${SORTABLE[c]}"` : ''}>${TEXT[lang].columns[c]}</th>`).join('')}</tr></thead>`;
}

export interface TableOptions {
  readonly caption?: string;
}

/** A whole table of rows, one <tbody>. */
export function tableHtml(rows: readonly ClosureRow[], ctx: PresentContext, options: TableOptions = {}): string {
  let body = '';
  for (const r of rows) body += rowHtml(r, ctx);
  return `<table class="closures-table">${caption(options.caption)}${headHtml(ctx.lang)}<tbody>${body}</tbody></table>`;
}

export interface RowGroup {
  /** Anchor of the group's heading row (unique in the page). */
  readonly id: string;
  readonly heading: string;
  readonly rows: readonly ClosureRow[];
}

/**
 * A table whose rows come in groups, each a <tbody> headed by a row-group header (a province
 * on a period page): the grouping saves every row its province.
 */
export function groupedTableHtml(groups: readonly RowGroup[], ctx: PresentContext, options: TableOptions & RowOptions = {}): string {
  let body = '';
  for (const g of groups) {
    body += `<tbody><tr class="group"><th colspan="${COLUMNS.length}" scope="rowgroup" id="${esc(g.id)}">${esc(g.heading)}</th></tr>`;
    for (const r of g.rows) body += rowHtml(r, ctx, options);
    body += '</tbody>';
  }
  return `<table class="closures-table">${caption(options.caption)}${headHtml(ctx.lang)}${body}</table>`;
}

function caption(text: string | undefined): string {
  return text ? `<caption class="visually-hidden">${esc(text)}</caption>` : '';
}
