/**
 * The shared horizontal time axis of the timeline charts: one band per month, year boundaries
 * as faint rules, year labels thinned to fit the width, and month labels in both languages.
 */
import { scaleBand, type ScaleBand } from 'd3-scale';
import { formatDate, type ApproxDate } from '../domain/approx-date.ts';
import type { MonthKey } from '../domain/aggregate/months.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { AXIS, GRID, INK } from './palette.ts';
import { PathData } from './path-data.ts';
import { el, group, text } from './svg.ts';

export function monthDate(key: MonthKey): ApproxDate {
  const [year, month] = key.split('-').map(Number) as [number, number];
  return { value: key, precision: 'month', year, month };
}

export function monthLabel(key: MonthKey, lang: Lang): string {
  return formatDate(monthDate(key), lang);
}

export function monthScale(months: readonly MonthKey[], x0: number, x1: number): ScaleBand<string> {
  const perMonth = (x1 - x0) / Math.max(months.length, 1);
  // Thin bars need every pixel; wide ones read better with a gap.
  return scaleBand<string>().domain(months).range([x0, x1]).paddingInner(perMonth >= 4 ? 0.2 : 0);
}

export interface YearSpan {
  readonly year: number;
  readonly x0: number;
  readonly x1: number;
}

/** Each calendar year's horizontal extent within the month scale (clipped to the window). */
export function yearSpans(x: ScaleBand<string>): YearSpan[] {
  const spans: YearSpan[] = [];
  const step = x.step();
  for (const key of x.domain()) {
    const year = Number(key.slice(0, 4));
    const start = x(key)! - (step - x.bandwidth()) / 2;
    const last = spans[spans.length - 1];
    if (last && last.year === year) (last as { x1: number }).x1 = start + step;
    else spans.push({ year, x0: start, x1: start + step });
  }
  return spans;
}

/** Label every year, every 2nd, 5th or 10th, whichever first leaves room for "2024". */
export function yearLabelEvery(spans: readonly YearSpan[], font: number): number {
  const full = spans.reduce((w, s) => Math.max(w, s.x1 - s.x0), 0);
  const needed = font * 2.8;
  for (const every of [1, 2, 5, 10]) if (full * every >= needed) return every;
  return 20;
}

/** Faint rules at each year boundary from `top` to `bottom`, drawn behind the data. */
export function yearRules(spans: readonly YearSpan[], top: number, bottom: number): string {
  const d = new PathData();
  for (const s of spans.slice(1)) d.moveTo(s.x0, top).lineTo(s.x0, bottom);
  return spans.length > 1 ? el('path', { d: d.toString(), stroke: GRID }) : '';
}

/** The axis line at `y`, a tick at each year boundary and year labels centred on their year. */
export function yearLabels(spans: readonly YearSpan[], y: number, font: number): string {
  const every = yearLabelEvery(spans, font);
  const axis = new PathData();
  let labels = '';
  for (const s of spans) {
    axis.moveTo(s.x0, y).lineTo(s.x0, y + 4);
    if (s.year % every === 0 || spans.length === 1) labels += text((s.x0 + s.x1) / 2, y + 4 + font, String(s.year));
  }
  const first = spans[0];
  const last = spans[spans.length - 1];
  if (first && last) axis.moveTo(first.x0, y).lineTo(last.x1, y);
  return (first ? el('path', { d: axis.toString(), stroke: AXIS }) : '') + group({ 'font-size': font, fill: INK, 'text-anchor': 'middle' }, labels);
}
