/**
 * How many channels were open at the end of each month, overall and per platform.
 *
 * A channel counts in a month only when it was certainly open at the month's end: from the
 * month (or, for a year-only date, the December) by which it had certainly opened, up to the
 * month before the earliest month its closure can fall in. Approximate dates therefore make
 * the line a lower bound, never an invention. Channels whose opening date is unknown are
 * left out and counted, since no month could honestly be chosen for them. A closure's day
 * counts only once it has come ("today", passed in): a channel set to close later this month
 * is still open now.
 */
import { startsAfter } from '../approx-date.ts';
import { PLATFORMS, type Platform } from '../vocabulary.ts';
import type { DatedChannel } from './dated-channel.ts';
import { monthKeysBetween, monthSpan, resolveWindow, type MonthKey, type MonthWindow } from './months.ts';

export interface PlatformLine {
  readonly platform: Platform;
  /** Open channels at the end of each month, aligned with `LiveSeries.months`. */
  readonly values: number[];
}

export interface LiveSeries {
  readonly months: MonthKey[];
  /** Open channels at the end of each month, all platforms together. */
  readonly overall: number[];
  /** Platforms with at least one channel drawn, most channels at the window's end first. */
  readonly platforms: PlatformLine[];
  /** Channels left out because their opening date is unknown. */
  readonly openedUnknown: number;
  /** Closed channels left out because their closure date is unknown. */
  readonly closedUnknown: number;
  /** Channels drawn (open during at least one month of the window or before it). */
  readonly counted: number;
}

/** Earliest month in which any channel had certainly opened. */
function earliestOpening(channels: readonly DatedChannel[]): number | undefined {
  let earliest: number | undefined;
  for (const c of channels) {
    if (!c.opened) continue;
    const n = monthSpan(c.opened).last;
    if (earliest === undefined || n < earliest) earliest = n;
  }
  return earliest;
}

/**
 * Linear in channels; memory is one difference array per platform over the window. `today`
 * (YYYY-MM-DD) decides which closures are in effect.
 */
export function liveSeries(channels: readonly DatedChannel[], window: MonthWindow, today: string): LiveSeries {
  const { first, last } = resolveWindow(window, window.start ? undefined : earliestOpening(channels));
  const length = last - first + 1;
  // Difference arrays: +1 where a channel starts counting, −1 where it stops.
  const diffs = new Map<Platform, Int32Array>();
  let openedUnknown = 0;
  let closedUnknown = 0;
  let counted = 0;
  for (const c of channels) {
    if (!c.opened) {
      openedUnknown++;
      continue;
    }
    const hasClosed = c.status === 'closed' || c.status === 'closing';
    if (c.status === 'closed' && !c.closed) {
      closedUnknown++;
      continue;
    }
    const from = Math.max(monthSpan(c.opened).last - first, 0);
    // a closure day still to come (a closing channel's, later this month) closes nothing yet;
    // one that has come, even where the data does not yet say it closed, may have: the line
    // stays a lower bound
    const until = hasClosed && c.closed && !startsAfter(c.closed, today) ? monthSpan(c.closed).first - first : Infinity;
    if (from >= length || until <= from) continue;
    let diff = diffs.get(c.platform);
    if (!diff) diffs.set(c.platform, (diff = new Int32Array(length + 1)));
    diff[from]!++;
    if (until < length) diff[until]!--;
    counted++;
  }
  const overall = new Array<number>(length).fill(0);
  const platforms: PlatformLine[] = [];
  for (const platform of PLATFORMS) {
    const diff = diffs.get(platform);
    if (!diff) continue;
    const values = new Array<number>(length);
    let running = 0;
    for (let i = 0; i < length; i++) {
      running += diff[i]!;
      values[i] = running;
      overall[i]! += running;
    }
    platforms.push({ platform, values });
  }
  // Stable sort keeps vocabulary order among equal platforms, so output is deterministic.
  platforms.sort((a, b) => b.values[length - 1]! - a.values[length - 1]!);
  return { months: monthKeysBetween(first, last), overall, platforms, openedUnknown, closedUnknown, counted };
}
