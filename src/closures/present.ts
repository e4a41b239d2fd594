/**
 * A closure row as the table shows it, in the page's language: the same function feeds the
 * page rendered at build time (no JavaScript needed) and the rows the browser client draws
 * after filtering, so both tables read alike.
 */
import { parseApproxDate, formatDate } from '../domain/approx-date.ts';
import { LEVEL_LABELS, PLATFORM_LABELS, REASON_LABELS, STATUS_LABELS, type Lang } from '../domain/vocabulary.ts';
import { closureDateOf, type ClosureRow } from './row.ts';
import type { SortKey } from './state.ts';

export interface CellView {
  readonly text: string;
  /** HTML lang of `text` when it is not the page's language. */
  readonly lang?: string;
  /** The Chinese original beside an English translation. */
  readonly original?: string;
  readonly href?: string;
  readonly external?: boolean;
  /** A second, muted line (the province and prefecture under a county). */
  readonly sub?: string;
  /** <time datetime> value for dates. */
  readonly datetime?: string;
  /** "+2 more" after the first destination or source. */
  readonly more?: string;
}

export const COLUMNS = ['date', 'channel', 'region', 'agency', 'platform', 'level', 'reason', 'status', 'destination', 'source'] as const;
export type Column = (typeof COLUMNS)[number];

/** Columns that sort, and by which key. */
export const SORTABLE: Partial<Record<Column, SortKey>> = {
  date: 'date', region: 'region', agency: 'agency', platform: 'platform', level: 'level', reason: 'reason', status: 'status',
};

export interface RowView {
  readonly id: string;
  readonly status: ClosureRow['status'];
  readonly cells: Readonly<Record<Column, CellView>>;
}

export interface PresentContext {
  readonly lang: Lang;
  /** Site base path with trailing slash. */
  readonly base: string;
  /** Name of a province or prefecture in the page's language. */
  readonly areaName: (code: string) => string | undefined;
}

const ZH = 'zh-Hans';

export const COLUMN_LABELS: Record<Column, { zh: string; en: string }> = {
  date: { zh: '日期', en: 'Date' },
  channel: { zh: '账号', en: 'Channel' },
  region: { zh: '地区', en: 'Region' },
  agency: { zh: '主办机构', en: 'Agency' },
  platform: { zh: '平台', en: 'Platform' },
  level: { zh: '级别', en: 'Level' },
  reason: { zh: '原因', en: 'Reason' },
  status: { zh: '状态', en: 'Status' },
  destination: { zh: '现在请前往', en: 'Go instead to' },
  source: { zh: '来源', en: 'Source' },
};

function local(zh: string, en: string | undefined, lang: Lang): Pick<CellView, 'text' | 'lang' | 'original'> {
  if (lang === 'zh') return { text: zh };
  if (en && en !== zh) return { text: en, original: zh };
  return { text: zh, lang: ZH };
}

/** Link to a page of the site in the page's language. */
export function sitePath(base: string, lang: Lang, route: string): string {
  return `${base}${lang === 'en' ? 'en/' : ''}${route.replace(/^\/+/, '')}`;
}

/** "2024年4月" / "April 2024" at the data's precision, or the raw value if it is not a date. */
export function formatDateValue(value: string, lang: Lang): string {
  const parsed = parseApproxDate(value);
  return parsed.ok ? formatDate(parsed.date, lang) : value;
}

export function dateCell(row: ClosureRow, lang: Lang): CellView {
  const date = closureDateOf(row);
  if (!date) return { text: lang === 'zh' ? '日期不详' : 'no date' };
  const text = formatDateValue(date, lang);
  // Only the announcement is known: say so, since it is not when the channel went.
  const onlyAnnounced = !row.closed;
  return { text, datetime: date, sub: onlyAnnounced ? (lang === 'zh' ? '宣布日期' : 'announced') : undefined };
}

export function presentRow(row: ClosureRow, ctx: PresentContext): RowView {
  const { lang, base } = ctx;
  const areas = [row.province, row.prefecture].filter((c): c is string => Boolean(c) && c !== row.region).map((c) => ctx.areaName(c) ?? c);
  const d = row.destination;
  const more = (n: number | undefined) => (n ? (lang === 'zh' ? `等${n + 1}处` : `+${n} more`) : undefined);
  const destination: CellView = d
    ? {
        ...(d.kind === 'channel' ? local(d.name, d.nameEn, lang) : { text: d.name }),
        href: d.kind === 'channel' ? sitePath(base, lang, `/channels/${d.target}/`) : d.target,
        external: d.kind === 'url',
        more: more(row.moreDestinations),
      }
    : { text: '—' };
  const source: CellView = row.source
    ? { text: row.source.title, href: row.source.href, external: Boolean(row.source.href), more: more(row.moreSources) }
    : { text: '—' };
  return {
    id: row.id,
    status: row.status,
    cells: {
      date: dateCell(row, lang),
      channel: { ...local(row.name, row.nameEn, lang), href: sitePath(base, lang, `/channels/${row.id}/`) },
      region: { ...local(row.regionName, row.regionNameEn, lang), sub: areas.length ? areas.join(' · ') : undefined },
      agency: local(row.agency, row.agencyEn, lang),
      platform: { text: PLATFORM_LABELS[row.platform]?.[lang] ?? row.platform },
      level: { text: LEVEL_LABELS[row.level]?.[lang] ?? row.level },
      reason: { text: row.reason ? (REASON_LABELS[row.reason]?.[lang] ?? row.reason) : '—' },
      status: { text: STATUS_LABELS[row.status][lang] },
      destination,
      source,
    },
  };
}
