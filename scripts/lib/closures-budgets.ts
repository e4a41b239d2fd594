/**
 * The closures browser's budgets, shared by `npm run bench:closures` (first screen rendered
 * in-process) and `npm run bench` (first screen of a built site): a mid-range phone on a slow
 * 4G link (~1.5 Mbit/s, 150 ms RTT) shows the first screen in under a second only if it stays
 * around 100 KB compressed.
 */
export const CLOSURES_BUDGETS = {
  /** HTML + script + manifest of the first screen, gzipped. */
  firstScreenGzip: 120_000,
  /** The largest single shard, gzipped: one month must load in a few seconds on 4G. */
  largestShardGzip: 400_000,
};
