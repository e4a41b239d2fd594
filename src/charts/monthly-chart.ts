/**
 * Closures and openings per month: two panels over one time axis. Closures taking effect are
 * bars and announcements a step line (different shapes, not just colours); openings are bars
 * in the lower panel. Dates known only to the year sit in a band spanning their year, never
 * in January; undated and out-of-window counts are stated in the notes. Policy milestones are
 * numbered dashed rules, listed with their titles underneath.
 */
import { max } from 'd3-array';
import type { ScaleBand, ScaleLinear } from 'd3-scale';
import { formatDate, type ApproxDate } from '../domain/approx-date.ts';
import type { DatedCounts, MonthlySeries } from '../domain/aggregate/monthly-series.ts';
import { monthNumber, parseMonthKey } from '../domain/aggregate/months.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { formatCount } from '../format/count.ts';
import { stringsFor } from '../strings/index.ts';
import { localText } from '../strings/local-name.ts';
import {
  captionFor, footer, HALO, heading, LAYOUTS, legend, notesBlock, assembleChart,
  type Chart, type ChartOptions, type LayoutMetrics, type TableCell,
} from './chart-frame.ts';
import { BAND_FILL, BACKGROUND, INK, MUTED_INK, SERIES } from './palette.ts';
import { barsPath, PathData, stepAfterPath, type Bar } from './path-data.ts';
import { el, group, text, textWidth } from './svg.ts';
import { monthLabel, monthScale, yearLabels, yearRules, yearSpans, type YearSpan } from './time-axis.ts';
import { countAxis, countAxisWidth, countScale } from './value-axis.ts';

export interface TimelineEvent {
  readonly date: ApproxDate;
  readonly title: string;
  readonly title_en?: string;
}

export interface EventMarker {
  /** The number drawn on the chart. */
  readonly number: number;
  readonly date: string;
  readonly title: string;
}

export interface MonthlyChart extends Chart {
  /** Milestones drawn, numbered as on the chart (those outside the window are left out). */
  readonly events: readonly EventMarker[];
}

export interface MonthlyChartOptions extends ChartOptions {
  readonly events?: readonly TimelineEvent[];
  /** Names the area in the default title, e.g. "山东省" or "Shandong". */
  readonly areaName?: string;
}

export function monthlyChart(series: MonthlySeries, options: MonthlyChartOptions): MonthlyChart {
  const { lang } = options;
  const t = stringsFor(lang).charts.monthly;
  const m = LAYOUTS[options.layout ?? 'wide'];
  const first = series.months[0]!;
  const last = series.months[series.months.length - 1]!;
  const span = t.span(monthLabel(first, lang), monthLabel(last, lang));
  const title = options.title ?? t.title(options.areaName);
  const caption = captionFor(options);
  const notes = monthlyNotes(series, lang, first, last);
  const markers = eventMarkers(series, options.events ?? [], lang);

  // Scales first: the left margin depends on the widest tick label.
  const ticks = options.layout === 'narrow' ? 3 : 4;
  const closuresMax = Math.max(max(series.effective.byMonth) ?? 0, max(series.announced.byMonth) ?? 0);
  const openedMax = max(series.opened.byMonth) ?? 0;
  const closureHeight = options.layout === 'narrow' ? 120 : 160;
  const openedHeight = options.layout === 'narrow' ? 80 : 110;
  const probeA = countScale(closuresMax, closureHeight, 0, ticks);
  const probeB = countScale(openedMax, openedHeight, 0, ticks);
  const x0 = m.margin + Math.max(countAxisWidth(probeA, ticks, m.small), countAxisWidth(probeB, ticks, m.small));
  const x1 = m.width - m.margin;
  const x = monthScale(series.months, x0, x1);
  const years = yearSpans(x);

  let body = '';
  const head = heading(title, m);
  body += head.markup;
  const key = legend(
    [
      { label: t.legend.effective, colour: SERIES.effective, shape: 'bar' },
      { label: t.legend.announced, colour: SERIES.announced, shape: 'line' },
      { label: t.legend.opened, colour: SERIES.opened, shape: 'bar' },
      { label: t.legend.yearOnly, colour: BAND_FILL, shape: 'band' },
    ],
    head.bottom,
    m,
  );
  body += key.markup;

  let y = key.bottom + 4;
  const markerTop = y;
  const markerRow = markers.length > 0 ? 2 * (m.small + 6) : 0;
  y += markerRow;
  const plotTop = y;
  // Year rules go behind the bars; their extent is known only once the panels are laid out.
  const rulesAt = body.length;

  // Panel A: closures.
  y = panelLabel(t.closuresPanel, y, x0, m, (markup) => (body += markup));
  const a = countScale(closuresMax, y + closureHeight, y, ticks);
  body += countAxis(a, ticks, x0, x1, m.small);
  body += bars(series.effective.byMonth, series.months, x, a, SERIES.effective);
  body += stepLine(series.announced.byMonth, series.months, x, a, SERIES.announced);
  y += closureHeight;
  body += baseline(x0, x1, y);
  y = yearOnlyRow(series.effective, years, t.effectiveYearOnly, SERIES.effective, y, m, (s) => (body += s));
  y = yearOnlyRow(series.announced, years, t.announcedYearOnly, SERIES.announced, y, m, (s) => (body += s));

  // Panel B: openings.
  y += 10;
  y = panelLabel(t.openedPanel, y, x0, m, (markup) => (body += markup));
  const b = countScale(openedMax, y + openedHeight, y, ticks);
  body += countAxis(b, ticks, x0, x1, m.small);
  body += bars(series.opened.byMonth, series.months, x, b, SERIES.opened);
  y += openedHeight;
  body += baseline(x0, x1, y);
  y = yearOnlyRow(series.opened, years, t.openedYearOnly, SERIES.opened, y, m, (s) => (body += s));

  const milestones = drawMarkers(options.events ?? [], series, x, years, markerTop, y, m);
  body = body.slice(0, rulesAt) + yearRules(years, plotTop, y) + milestones.back + body.slice(rulesAt);
  body += yearLabels(years, y, m.small) + milestones.front;
  y += m.small + 14;

  const eventLines = markers.map((e) => t.event(e.number, e.date, e.title));
  const ev = notesBlock(eventLines.length ? [t.events, ...eventLines] : [], y, m);
  const nb = notesBlock(notes, ev.bottom + (eventLines.length ? 6 : 0), m);
  const foot = footer(caption, nb.bottom + 4, m, ev.markup + nb.markup);
  body += foot.markup;

  const description = describe(series, lang, span);
  return {
    ...assembleChart(options, m, { title, description, caption, body, height: foot.bottom, table: monthlyTable(series, lang, caption, notes, first, last) }),
    events: markers,
  };
}

function panelLabel(label: string, y: number, x0: number, m: LayoutMetrics, emit: (s: string) => void): number {
  emit(text(x0, y + m.small, label, { 'font-size': m.small, 'font-weight': 700, fill: INK, ...HALO }));
  return y + m.small + 6;
}

function baseline(x0: number, x1: number, y: number): string {
  return el('path', { d: new PathData().moveTo(x0, y).lineTo(x1, y).toString(), stroke: INK });
}

function bars(values: readonly number[], months: readonly string[], x: ScaleBand<string>, y: ScaleLinear<number, number>, fill: string): string {
  const w = x.bandwidth();
  const shown: Bar[] = [];
  for (const [i, v] of values.entries()) {
    if (v <= 0) continue;
    const left = x(months[i]!)!;
    shown.push({ left, right: left + w, top: y(v) });
  }
  // One path per series keeps the SVG small at 200 months; the table carries the numbers.
  return shown.length ? el('path', { d: barsPath(shown, y(0)), fill }) : '';
}

function stepLine(values: readonly number[], months: readonly string[], x: ScaleBand<string>, y: ScaleLinear<number, number>, stroke: string): string {
  if (values.length === 0 || values.every((v) => v === 0)) return '';
  const step = x.step();
  const offset = (step - x.bandwidth()) / 2;
  const points: [number, number][] = values.map((v, i) => [x(months[i]!)! - offset, y(v)]);
  points.push([points[points.length - 1]![0] + step, y(values[values.length - 1]!)]);
  return el('path', { d: stepAfterPath(points), fill: 'none', stroke, 'stroke-width': 1.75, 'stroke-linejoin': 'round' });
}

/** A row of per-year counts for dates known only to the year, each spanning its whole year. */
function yearOnlyRow(
  counts: DatedCounts,
  years: readonly YearSpan[],
  label: string,
  colour: string,
  top: number,
  m: LayoutMetrics,
  emit: (s: string) => void,
): number {
  if (counts.yearOnly.every((n) => n === 0)) return top;
  const firstYear = years[0]!.year;
  let markup = text(m.margin, top + m.small + 3, label, { 'font-size': m.small, fill: MUTED_INK, ...HALO });
  const rowTop = top + m.small + 7;
  const h = m.small + 6;
  let row = '';
  for (const span of years) {
    const n = counts.yearOnly[span.year - firstYear] ?? 0;
    if (n === 0) continue;
    row += el('rect', { x: span.x0 + 0.5, y: rowTop, width: Math.max(span.x1 - span.x0 - 1, 1), height: h });
    // Narrow years shrink the number rather than let it spill over the neighbouring year.
    const label = formatCount(n);
    const room = span.x1 - span.x0 - 3;
    const font = Math.max(7, Math.min(m.small, (m.small * room) / textWidth(label, m.small)));
    row += text((span.x0 + span.x1) / 2, rowTop + h / 2 + font * 0.36, label, { 'font-size': font < m.small ? font : undefined, fill: INK, stroke: 'none' });
  }
  // Each band, then its number (a number too wide for its year stays under the next band, as
  // drawn before); the band's look is the group's, the number overrides fill and stroke.
  markup += group({ fill: BAND_FILL, stroke: colour, 'font-size': m.small, 'text-anchor': 'middle' }, row);
  emit(markup);
  return rowTop + h + 2;
}

function inWindow(date: ApproxDate, series: MonthlySeries): boolean {
  const first = parseMonthKey(series.months[0]!);
  const last = parseMonthKey(series.months[series.months.length - 1]!);
  const a = date.precision === 'year' ? monthNumber(date.year, 1) : monthNumber(date.year, date.month!);
  const b = date.precision === 'year' ? monthNumber(date.year, 12) : a;
  return b >= first && a <= last;
}

function eventMarkers(series: MonthlySeries, events: readonly TimelineEvent[], lang: Lang): EventMarker[] {
  return events
    .filter((e) => inWindow(e.date, series))
    .map((e, i) => ({ number: i + 1, date: formatDate(e.date, lang), title: localText(e.title, e.title_en, lang) }));
}

function drawMarkers(
  events: readonly TimelineEvent[],
  series: MonthlySeries,
  x: ScaleBand<string>,
  years: readonly YearSpan[],
  top: number,
  bottom: number,
  m: LayoutMetrics,
): { back: string; front: string } {
  const r = m.small * 0.75;
  const rules = new PathData();
  const brackets = new PathData();
  let circles = '';
  let numbers = '';
  let previousX = -Infinity;
  let level = 0;
  for (const [i, e] of events.filter((ev) => inWindow(ev.date, series)).entries()) {
    let cx: number;
    const yearOnly = e.date.precision === 'year';
    if (yearOnly) {
      const span = years.find((s) => s.year === e.date.year)!;
      cx = (span.x0 + span.x1) / 2;
      const y = top + r * 2 + 4;
      brackets.moveTo(span.x0 + 1, y).lineTo(span.x0 + 1, y - 3).lineTo(span.x1 - 1, y - 3).lineTo(span.x1 - 1, y);
    } else {
      const key = `${e.date.year}-${String(e.date.month).padStart(2, '0')}`;
      cx = x(key)! + x.bandwidth() / 2;
    }
    level = cx - previousX < 2 * r + 3 ? (level + 1) % 2 : 0;
    previousX = cx;
    const cy = top + r + 1 + level * (2 * r + 3);
    if (!yearOnly) rules.moveTo(cx, cy + r).lineTo(cx, bottom);
    circles += el('circle', { cx, cy, r });
    numbers += text(cx, cy + m.small * 0.35, String(i + 1));
  }
  // Markers share their look: written once on a group each (a dashed subpath restarts its dashes).
  const d = rules.toString();
  const b = brackets.toString();
  return {
    back: d ? el('path', { d, stroke: SERIES.event, 'stroke-dasharray': '3 3' }) : '',
    front:
      (b ? el('path', { d: b, fill: 'none', stroke: SERIES.event }) : '') +
      group({ fill: BACKGROUND, stroke: SERIES.event, 'stroke-width': 1.25 }, circles) +
      group({ 'font-size': m.small * 0.9, 'font-weight': 700, fill: INK, 'text-anchor': 'middle' }, numbers),
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

function monthlyNotes(series: MonthlySeries, lang: Lang, first: string, last: string): string[] {
  const t = stringsFor(lang).charts.monthly;
  const { effective, announced, opened } = series;
  const notes: string[] = [];
  const yearOnly = [sum(effective.yearOnly), sum(announced.yearOnly), sum(opened.yearOnly)];
  if (yearOnly.some((n) => n > 0)) notes.push(t.yearOnlyNote(yearOnly[0]!, yearOnly[1]!, yearOnly[2]!));
  const missing: string[] = [];
  if (effective.undated) missing.push(t.undatedClosed(effective.undated));
  if (announced.undated) missing.push(t.undatedAnnounced(announced.undated));
  if (opened.undated) missing.push(t.undatedOpened(opened.undated));
  if (missing.length) notes.push(t.notShown(missing));
  if (series.scheduled) notes.push(t.scheduled(series.scheduled));
  const after = effective.afterWindow + announced.afterWindow + opened.afterWindow;
  if (after) notes.push(t.after(after, monthLabel(last, lang)));
  const before = effective.beforeWindow + announced.beforeWindow + opened.beforeWindow;
  if (before) notes.push(t.before(before, monthLabel(first, lang)));
  return notes;
}

function describe(series: MonthlySeries, lang: Lang, span: string): string {
  const t = stringsFor(lang).charts.monthly;
  const effectiveShown = sum(series.effective.byMonth);
  const openedShown = sum(series.opened.byMonth);
  const peak = series.effective.byMonth.reduce((best, v, i) => (v > series.effective.byMonth[best]! ? i : best), 0);
  const peakValue = series.effective.byMonth[peak] ?? 0;
  const peakText = peakValue > 0 ? t.peak(monthLabel(series.months[peak]!, lang), peakValue) : '';
  return t.description(span, effectiveShown, peakText, sum(series.announced.byMonth), openedShown);
}

function monthlyTable(series: MonthlySeries, lang: Lang, caption: string, notes: readonly string[], first: string, last: string) {
  const t = stringsFor(lang).charts.monthly;
  const { effective, announced, opened } = series;
  // Months with nothing are left out (the table says so): a county's thirteen years of
  // mostly empty months would otherwise be most of its page.
  const rows: TableCell[][] = [];
  series.months.forEach((key, i) => {
    const row = [announced.byMonth[i]!, effective.byMonth[i]!, opened.byMonth[i]!];
    if (row.some((n) => n > 0)) rows.push([monthLabel(key, lang), ...row]);
  });
  for (const [i, year] of series.years.entries()) {
    const row = [announced.yearOnly[i]!, effective.yearOnly[i]!, opened.yearOnly[i]!];
    if (row.some((n) => n > 0)) rows.push([t.yearRow(year), ...row]);
  }
  const extra: [string, (c: DatedCounts) => number][] = [
    [t.beforeRow(monthLabel(first, lang)), (c) => c.beforeWindow],
    [t.afterRow(monthLabel(last, lang)), (c) => c.afterWindow],
    [t.noDate, (c) => c.undated],
  ];
  for (const [label, pick] of extra) {
    const row = [pick(announced), pick(effective), pick(opened)];
    if (row.some((n) => n > 0)) rows.push([label, ...row]);
  }
  rows.push([t.total, announced.total, effective.total, opened.total]);
  return {
    caption,
    columns: [
      { label: t.columns.month, numeric: false },
      { label: t.columns.announced, numeric: true },
      { label: t.columns.effective, numeric: true },
      { label: t.columns.opened, numeric: true },
    ],
    rows,
    notes: [...notes, t.emptyMonths],
  };
}

