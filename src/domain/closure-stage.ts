/**
 * Whether a closure has happened yet, judged on the day the data is judged ("today", passed
 * in, never read here). Only a closed channel whose closure day has come is a closure in
 * effect. A closing channel is scheduled whatever its dates: its closure is announced, maybe
 * dated, but the data does not say it happened (a day already past reads "was due to" in its
 * sentence). Lists name scheduled closures apart ("预定关停", with their date) and charts count
 * them as announced, never as effective, so a closure set for later this month is never shown
 * as done.
 */
import { startsAfter } from './approx-date.ts';
import type { ChannelRecord } from './load.ts';

export type ClosureStage = 'effective' | 'scheduled';

/** The stage of a closing or closed channel on `today` (YYYY-MM-DD); undefined for live ones. */
export function closureStage(c: Pick<ChannelRecord, 'status' | 'closed'>, today: string): ClosureStage | undefined {
  if (c.status === 'closing') return 'scheduled';
  if (c.status !== 'closed') return undefined;
  // the validator refuses a closed channel dated after today; a dataset judged on an earlier
  // day than it was checked on (a bench, a test) still must not show the future as done
  return c.closed && startsAfter(c.closed, today) ? 'scheduled' : 'effective';
}

export function isEffectiveClosure(c: Pick<ChannelRecord, 'status' | 'closed'>, today: string): boolean {
  return closureStage(c, today) === 'effective';
}

export function isScheduledClosure(c: Pick<ChannelRecord, 'status' | 'closed'>, today: string): boolean {
  return closureStage(c, today) === 'scheduled';
}
