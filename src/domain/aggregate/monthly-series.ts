/**
 * Closures (announced and effective) and openings per month, for the timeline's bar chart.
 *
 * Dates known only to the year are never placed in a month: they are counted per year in
 * `yearOnly`, and the chart draws them in a band spanning the whole year. Missing dates are
 * counted, not dropped, so every chart can say how many it could not place.
 *
 * Only closures in effect on "today" are counted as effective: a closing channel, even one
 * set to close later this month, is counted as announced and as scheduled, never as done.
 */
import type { ApproxDate } from '../approx-date.ts';
import { closureStage } from '../closure-stage.ts';
import type { DatedChannel } from './dated-channel.ts';
import { monthKeysBetween, monthSpan, resolveWindow, yearOfMonth, type MonthKey, type MonthWindow } from './months.ts';

export interface DatedCounts {
  /** Per month of the window (aligned with `MonthlySeries.months`): dates known to the month or day. */
  readonly byMonth: number[];
  /** Per year of the window (aligned with `MonthlySeries.years`): dates known only to the year. */
  readonly yearOnly: number[];
  /** Channels of this population with no date at all. */
  readonly undated: number;
  /** Dated before the window's first month (or, year-only, before its first year). */
  readonly beforeWindow: number;
  /** Dated after the window's last month: closures scheduled for later, mostly. */
  readonly afterWindow: number;
  /** Every channel of the population: the sum of all the above. */
  readonly total: number;
}

export interface MonthlySeries {
  /** The window's months, YYYY-MM. */
  readonly months: MonthKey[];
  /** Calendar years the window touches, for the year-only counts. */
  readonly years: number[];
  /** Closures (closing or closed channels) by the day their closure was announced. */
  readonly announced: DatedCounts;
  /** Closures in effect on "today", by the day they took effect (closureStage: closed channels). */
  readonly effective: DatedCounts;
  /** Every channel by the day it opened. */
  readonly opened: DatedCounts;
  /** Closures not in effect on "today" (closing channels, dated or not): announced, not effective. */
  readonly scheduled: number;
}

class Tally {
  readonly byMonth: number[];
  readonly yearOnly: number[];
  undated = 0;
  beforeWindow = 0;
  afterWindow = 0;
  total = 0;
  private readonly first: number;
  private readonly last: number;
  private readonly firstYear: number;
  private readonly lastYear: number;

  constructor(first: number, last: number) {
    this.first = first;
    this.last = last;
    this.firstYear = yearOfMonth(first);
    this.lastYear = yearOfMonth(last);
    this.byMonth = new Array<number>(last - first + 1).fill(0);
    this.yearOnly = new Array<number>(this.lastYear - this.firstYear + 1).fill(0);
  }

  add(date: ApproxDate | undefined): void {
    this.total++;
    if (!date) {
      this.undated++;
    } else if (date.precision === 'year') {
      if (date.year < this.firstYear) this.beforeWindow++;
      else if (date.year > this.lastYear) this.afterWindow++;
      else this.yearOnly[date.year - this.firstYear]!++;
    } else {
      const n = monthSpan(date).first;
      if (n < this.first) this.beforeWindow++;
      else if (n > this.last) this.afterWindow++;
      else this.byMonth[n - this.first]!++;
    }
  }

  freeze(): DatedCounts {
    const { byMonth, yearOnly, undated, beforeWindow, afterWindow, total } = this;
    return { byMonth, yearOnly, undated, beforeWindow, afterWindow, total };
  }
}

/** The earliest month any of the channels' dates can fall in. */
export function earliestMonth(channels: readonly DatedChannel[]): number | undefined {
  let earliest: number | undefined;
  for (const c of channels) {
    for (const d of [c.opened, c.announced, c.closed]) {
      if (!d) continue;
      const n = monthSpan(d).first;
      if (earliest === undefined || n < earliest) earliest = n;
    }
  }
  return earliest;
}

/**
 * One pass over the channels; linear in their number plus the window's length. `today`
 * (YYYY-MM-DD) is the day the data is judged on: it decides which closures are in effect.
 */
export function monthlySeries(channels: readonly DatedChannel[], window: MonthWindow, today: string): MonthlySeries {
  const { first, last } = resolveWindow(window, window.start ? undefined : earliestMonth(channels));
  const announced = new Tally(first, last);
  const effective = new Tally(first, last);
  const opened = new Tally(first, last);
  let scheduled = 0;
  for (const c of channels) {
    opened.add(c.opened);
    const stage = closureStage(c, today);
    if (!stage) continue;
    announced.add(c.announced);
    if (stage === 'effective') effective.add(c.closed);
    else scheduled++;
  }
  const years: number[] = [];
  for (let y = yearOfMonth(first); y <= yearOfMonth(last); y++) years.push(y);
  return {
    months: monthKeysBetween(first, last),
    years,
    announced: announced.freeze(),
    effective: effective.freeze(),
    opened: opened.freeze(),
    scheduled,
  };
}
