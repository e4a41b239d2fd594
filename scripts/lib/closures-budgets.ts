/**
 * The closures browser's budgets, shared by `npm run bench:closures` (pages rendered
 * in-process) and `npm run bench` (first screen of a built site).
 */
export const CLOSURES_BUDGETS = {
  /**
   * HTML + script + manifest of the first screen, gzipped: a mid-range phone on a slow 4G
   * link (~1.5 Mbit/s, 150 ms RTT) shows it in under a second only if it stays around 100 KB.
   */
  firstScreenGzip: 120_000,
  /** The largest single shard (stored gzipped): one month must load in a few seconds on 4G. */
  largestShardGzip: 400_000,
  /**
   * Everything under /closures/ and /en/closures/ (pages, shards, manifest, client): its share
   * of the site's 1 GB at 500,000 channels (~100,000 closures), beside region pages, search
   * index and downloads.
   */
  closuresOutputBytes: 70_000_000,
  /**
   * Every notice page, both languages: ~3,000 notices at 500,000 channels. Measured 36 MB:
   * ~2.3 KB of notice and ~3.7 KB of the site's frame a page (CSP, Open Graph, feeds, the
   * header's search). The first share, 30 MB, assumed a 2.7 KB frame; the whole site is
   * 858 MB at that scale, so the share is set from the measurement instead of the frame being
   * cut for it.
   */
  noticesOutputBytes: 40_000_000,
  /** Any one closures page, raw: a month's page is split well before this. */
  heaviestPageBytes: 300 * 1024,
};
