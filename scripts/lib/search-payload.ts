/**
 * What a citizen's search downloads: representative queries run through src/search's own query
 * planning and lookup (SearchIndex) against a written index, counting every file fetched from a
 * cold cache (the manifest, token shards, blocks, the places shown, the first page of records).
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

/** The query set: [query, what it stands for]. `township` is a township name found in the data. */
export function representativeQueries(township: string): [string, string][] {
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
  ];
}

export interface QueryPayload {
  readonly query: string;
  /** Files fetched, the manifest included. */
  readonly files: number;
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
 * (search/<version>/), beside the manifest; `manifestBytes` is the manifest as served
 * (search/index.json). Files are read by their paths relative to the manifest's folder.
 */
export async function measureQuery(manifest: SearchManifest, manifestBytes: Uint8Array, versionDir: string, query: string, lang: 'zh' | 'en' = 'zh'): Promise<QueryPayload> {
  const searchDir = dirname(versionDir);
  const fetched: Uint8Array[] = [];
  const source = fileSource(manifest, async (path) => {
    const data = new Uint8Array(readFileSync(join(searchDir, path)));
    fetched.push(data);
    return data;
  });
  const t = performance.now();
  const index = new SearchIndex(manifest, source);
  const result = await index.search(query, { lang, limit: 10 });
  const ms = performance.now() - t;
  const bytes = manifestBytes.length + fetched.reduce((n, f) => n + f.length, 0);
  const gzip = gzipSync(manifestBytes).length + fetched.reduce((n, f) => n + gzipSync(f).length, 0);
  const hit = result.hits[0];
  const place = result.places[0];
  return {
    query,
    files: fetched.length + 1,
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
