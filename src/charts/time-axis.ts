/**
 * The shared horizontal time axis of the timeline charts: one band per month, year boundaries
 * as faint rules, year labels thinned to fit the width, and month labels in both languages.
 */
import { scaleBand, type ScaleBand } from 'd3-scale';
import { formatDate, type ApproxDate } from '../domain/approx-date.ts';
import type { MonthKey } from '../domain/aggregate/months.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { AXIS, GRID, INK } from './palette.ts';
import { el, text } from './svg.ts';

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
  let markup = '';
  for (const s of spans.slice(1)) markup += el('line', { x1: s.x0, y1: top, x2: s.x0, y2: bottom, stroke: GRID, 'stroke-width': 1 });
  return markup;
}

/** The axis line at `y`, a tick at each year boundary and year labels centred on their year. */
export function yearLabels(spans: readonly YearSpan[], y: number, font: number): string {
  const every = yearLabelEvery(spans, font);
  let markup = '';
  for (const s of spans) {
    markup += el('line', { x1: s.x0, y1: y, x2: s.x0, y2: y + 4, stroke: AXIS });
    if (s.year % every === 0 || spans.length === 1) {
      markup += text((s.x0 + s.x1) / 2, y + 4 + font, String(s.year), { 'font-size': font, fill: INK, 'text-anchor': 'middle' });
    }
  }
  const first = spans[0];
  const last = spans[spans.length - 1];
  if (first && last) markup += el('line', { x1: first.x0, y1: y, x2: last.x1, y2: y, stroke: AXIS, 'stroke-width': 1 });
  return markup;
}
