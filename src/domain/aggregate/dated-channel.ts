/**
 * The few fields of a channel the timeline aggregations read. Taking only these lets tests
 * build channels in one line and lets callers pass full Channel records unchanged.
 */
import type { Channel } from '../model.ts';

export type DatedChannel = Pick<Channel, 'status' | 'platform' | 'region' | 'opened' | 'announced' | 'closed'>;
