/**
 * "Download this view as CSV": the filtered rows, in the order shown, as RFC 4180 CSV that
 * spreadsheets open correctly (UTF-8 BOM, CRLF) and safely: every cell formula-guarded
 * (src/format/csv.ts), since channel names and agencies are contributed text and must never
 * run in a journalist's spreadsheet.
 */
import { LEVEL_LABELS, PLATFORM_LABELS, REASON_LABELS, STATUS_LABELS, type Lang } from '../domain/vocabulary.ts';
import { BOM, CRLF, csvRow } from '../format/csv.ts';
import { localePath, routes } from '../routes/routes.ts';
import { closuresTable as enTable } from '../strings/en.ts';
import { localText } from '../strings/local-name.ts';
import { closuresTable as zhTable } from '../strings/zh.ts';
import { closureDateOf, type ClosureRow } from './row.ts';

/** The CSV's words in each language (the browser writes it in either). */
const TEXT = { zh: zhTable, en: enTable };

/** A date's precision by its length as the data writes it (2024, 2024-08, 2024-08-14). */
const PRECISION_OF_LENGTH: Record<number, 'year' | 'month' | 'day'> = { 4: 'year', 7: 'month', 10: 'day' };

export interface CsvContext {
  readonly lang: Lang;
  /** Absolute URL of the site's base, e.g. "https://example.org/registry/". */
  readonly siteUrl: string;
  readonly areaName: (code: string) => string | undefined;
}

export function closuresCsv(rows: readonly ClosureRow[], ctx: CsvContext): string {
  const { lang } = ctx;
  const t = TEXT[lang];
  const name = (zh: string, en: string | undefined) => localText(zh, en, lang);
  const lines = [csvRow(t.csvHeaders)];
  const origin = ctx.siteUrl.endsWith('/') ? ctx.siteUrl : `${ctx.siteUrl}/`;
  const base = new URL(origin).pathname;
  const absolute = (path: string) => new URL(path, origin).href;
  for (const r of rows) {
    const date = closureDateOf(r) ?? '';
    const d = r.destination;
    const unit = PRECISION_OF_LENGTH[date.length];
    const precision = unit ? t.precision[unit] : '';
    lines.push(
      csvRow([
        date,
        date && !r.closed ? t.announcedPrecision(precision) : precision,
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
