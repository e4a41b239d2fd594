/**
 * What a citizen's search downloads: representative queries run through src/search's own query
 * planning and lookup (SearchIndex) against a written index, counting every file fetched from a
 * cold cache (token shards, key shards, blocks, the places shown, the result lines read) and
 * the round trips they take. The manifest is not counted: the client carries it (layout.ts).
 * Shared by `npm run bench:search` (index built in-process) and `npm run bench` (index in a
 * built site).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { SearchManifest } from '../../src/search/layout.ts';
import { fileSource, SearchIndex } from '../../src/search/query.ts';

/** Every query must download less than this (uncompressed): the scale issue's budget. */
export const SEARCH_BUDGET_BYTES = 300 * 1024;

/**
 * The query set: [query, what it stands for], every class of issue #13 among them. `township`
 * is a township name found in the data, `handle` and `address` a channel's handle and address.
 */
export function representativeQueries(township: string, handle: string, address: string): [string, string][] {
  return [
    ['公安', 'common bigram'],
    ['荣成', 'place'],
    ['rcga', 'initials'],
    ['rongcheng', 'full pinyin'],
    ['市场监督', 'common phrase'],
    [township, 'township'],
    ['police', 'English word'],
    ['榮成公安', 'traditional'],
    ['荣成公安', 'exact name'],
    ['人民政府', 'very common'],
    ['市场监督管理局', 'long'],
    ['北京 交警', 'two words'],
    ['芜湖南陵交警', 'run together'],
    ['南陵县公安局', 'run together'],
    ['荣成市公安局微博', 'platform word'],
    ['nanlingjiaoj', 'pinyin prefix'],
    ['nanling jiao', 'pinyin, spaced'],
    ['nanling交警', 'pinyin + Han'],
    ['rongch', 'pinyin prefix'],
    ['beijin', 'pinyin prefix'],
    ['polic', 'English prefix'],
    ['Rongcheng Publ', 'English prefix'],
    [handle, 'handle'],
    [address, 'address'],
  ];
}

/** A handle and an address of the channels given, for the queries that paste one. */
export function handleAndAddress(channels: readonly { readonly handle?: string; readonly url?: string }[]): [string, string] {
  return [channels.find((c) => c.handle && /\d/.test(c.handle))?.handle ?? 'rcga110', channels.find((c) => c.url)?.url ?? 'https://weibo.com/rcga110'];
}

export interface QueryPayload {
  readonly query: string;
  /** Files fetched. */
  readonly files: number;
  /** Waves of fetches, each needing the one before: round trips after the page has loaded. */
  readonly roundTrips: number;
  readonly bytes: number;
  readonly gzip: number;
  /** Matches (a lower bound when the search stopped early: see `complete`). */
  readonly total: number;
  readonly complete: boolean;
  /** Places shown above the channels. */
  readonly places: number;
  readonly ms: number;
  /** The first result's name, status and platform, for a glance. */
  readonly top?: string;
  /** The first place shown, if any. */
  readonly topPlace?: string;
}

/**
 * Runs one query from a cold cache. `versionDir` is the index's version folder
 * (search/<version>/), beside the manifest. Files are read by their paths relative to the
 * manifest's folder, each as a fetch that answers a moment later: a fetch started after an
 * earlier one has answered opens a new round trip.
 */
export async function measureQuery(manifest: SearchManifest, versionDir: string, query: string, lang: 'zh' | 'en' = 'zh'): Promise<QueryPayload> {
  const searchDir = dirname(versionDir);
  const fetched: Uint8Array[] = [];
  let answered = 0;
  let answeredBeforeWave = -1;
  let roundTrips = 0;
  const source = fileSource(manifest, async (path) => {
    if (answered !== answeredBeforeWave) {
      roundTrips++;
      answeredBeforeWave = answered;
    }
    const data = new Uint8Array(readFileSync(join(searchDir, path)));
    fetched.push(data);
    await new Promise((resolve) => setTimeout(resolve, 1));
    answered++;
    return data;
  });
  const t = performance.now();
  const index = new SearchIndex(manifest, source);
  const result = await index.search(query, { lang, limit: 10 });
  const ms = performance.now() - t;
  const bytes = fetched.reduce((n, f) => n + f.length, 0);
  const gzip = fetched.reduce((n, f) => n + gzipSync(f).length, 0);
  const hit = result.hits[0];
  const place = result.places[0];
  return {
    query,
    files: fetched.length,
    roundTrips,
    bytes,
    gzip,
    total: result.total,
    complete: result.complete,
    places: result.places.length,
    ms,
    top: hit ? `${hit.record.name.zh} (${hit.record.status}, ${hit.record.place.zh})` : undefined,
    topPlace: place ? `${place.place.parent.zh}${place.place.name.zh}` : undefined,
  };
}
