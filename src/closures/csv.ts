/**
 * "Download this view as CSV": the filtered rows, in the order shown, as RFC 4180 CSV that
 * spreadsheets open correctly (UTF-8 BOM, CRLF) and safely: every cell formula-guarded
 * (src/format/csv.ts), since channel names and agencies are contributed text and must never
 * run in a journalist's spreadsheet.
 */
import { LEVEL_LABELS, PLATFORM_LABELS, REASON_LABELS, STATUS_LABELS, type Lang } from '../domain/vocabulary.ts';
import { BOM, CRLF, csvRow } from '../format/csv.ts';
import { localePath, routes } from '../routes/routes.ts';
import { closureDateOf, type ClosureRow } from './row.ts';

const HEADERS = {
  zh: ['日期', '日期精度', '状态', '账号', '账号ID', '平台', '省级行政区', '地市', '地区', '地区代码', '主办机构', '级别', '原因', '现在请前往', '前往链接', '来源', '来源链接', '登记册页面'],
  en: ['date', 'date_precision', 'status', 'channel', 'channel_id', 'platform', 'province', 'prefecture', 'region', 'region_code', 'agency', 'level', 'reason', 'destination', 'destination_url', 'source', 'source_url', 'registry_page'],
} as const;

const PRECISION = {
  zh: { 4: '年', 7: '月', 10: '日' } as Record<number, string>,
  en: { 4: 'year', 7: 'month', 10: 'day' } as Record<number, string>,
};

export interface CsvContext {
  readonly lang: Lang;
  /** Absolute URL of the site's base, e.g. "https://example.org/registry/". */
  readonly siteUrl: string;
  readonly areaName: (code: string) => string | undefined;
}

export function closuresCsv(rows: readonly ClosureRow[], ctx: CsvContext): string {
  const { lang } = ctx;
  const name = (zh: string, en: string | undefined) => (lang === 'en' && en ? en : zh);
  const lines = [csvRow(HEADERS[lang])];
  const origin = ctx.siteUrl.endsWith('/') ? ctx.siteUrl : `${ctx.siteUrl}/`;
  const base = new URL(origin).pathname;
  const absolute = (path: string) => new URL(path, origin).href;
  for (const r of rows) {
    const date = closureDateOf(r) ?? '';
    const d = r.destination;
    const precision = date ? PRECISION[lang][date.length] ?? '' : '';
    lines.push(
      csvRow([
        date,
        date && !r.closed ? `${precision} (${lang === 'zh' ? '宣布日期' : 'announced'})` : precision,
        STATUS_LABELS[r.status][lang],
        name(r.name, r.nameEn),
        r.id,
        PLATFORM_LABELS[r.platform]?.[lang] ?? r.platform,
        r.province ? (ctx.areaName(r.province) ?? r.province) : '',
        r.prefecture ? (ctx.areaName(r.prefecture) ?? r.prefecture) : '',
        name(r.regionName, r.regionNameEn),
        r.region,
        name(r.agency, r.agencyEn),
        LEVEL_LABELS[r.level]?.[lang] ?? r.level,
        r.reason ? (REASON_LABELS[r.reason]?.[lang] ?? r.reason) : '',
        d ? name(d.name, d.nameEn) : '',
        d ? (d.kind === 'channel' ? absolute(localePath({ base, lang }, routes.channel(d.target))) : d.target) : '',
        r.source?.title ?? '',
        r.source?.href ?? '',
        absolute(localePath({ base, lang }, routes.channel(r.id))),
      ]),
    );
  }
  // BOM: Excel otherwise reads UTF-8 as the local code page and garbles every Chinese name.
  return `${BOM}${lines.join(CRLF)}${CRLF}`;
}

/** A file name that says what the view is: "closures-2024-01_2024-06.csv". */
export function csvFileName(from: string | undefined, to: string | undefined, version: string | undefined): string {
  const range = from || to ? `-${from ?? 'start'}_${to ?? 'end'}` : '';
  return `closures${range}${version ? `-${version}` : ''}.csv`;
}
