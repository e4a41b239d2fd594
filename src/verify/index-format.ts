/**
 * The verify index's files, shared by the builder (build-index.ts) and the reader (lookup.ts):
 *
 *   verify/index.json                    the manifest (revalidated on each visit)
 *   verify/<version>/k/<n>.json          key shards: { key: [record number, …] }
 *   verify/<version>/r/<n>.json          records, chunkSize per file, strings shared
 *
 * A key's shard is fnv1a(key) mod shards. One lookup fetches the manifest, the shards of its
 * (one to three) keys and the record files of the matches: at 500,000 channels each file is a
 * few tens of kilobytes (the builder sizes shards by bytes), so one lookup stays far under
 * 300 KB.
 */
import type { Platform, Status } from '../domain/vocabulary.ts';
import { StringTable } from '../site/string-table.ts';

export const VERIFY_FORMAT = 1 as const;
export const VERIFY_DIR = 'verify';
export const VERIFY_MANIFEST = 'index.json';
export const VERIFY_CLIENT = 'client.js';

export interface VerifyManifest {
  readonly format: typeof VERIFY_FORMAT;
  /** Content hash; the files live in a folder of this name, so they never go stale. */
  readonly version: string;
  readonly records: number;
  readonly shards: number;
  readonly chunkSize: number;
  /** Path of a channel's page in each language, `{id}` standing for the channel id. */
  readonly page: { readonly zh: string; readonly en: string };
}

/** A key shard: each key of the shard with the numbers of the records it finds. */
export type KeyShard = Record<string, number[]>;

/** Where to go instead of a closed channel. */
export interface VerifyDestination {
  /** A channel id of the registry, or an http(s) address. */
  readonly target: string;
  readonly label: { readonly zh: string; readonly en: string };
  /** The destination channel's own address, when it has one. */
  readonly url?: string;
}

/** What the verify page shows of a channel. */
export interface VerifyRecord {
  readonly id: string;
  readonly status: Status;
  readonly platform: Platform;
  readonly name: { readonly zh: string; readonly en: string };
  readonly agency: { readonly zh: string; readonly en: string };
  /** Dates as written in the data (YYYY, YYYY-MM, YYYY-MM-DD). */
  readonly closed?: string;
  readonly announced?: string;
  readonly url?: string;
  readonly handle?: string;
  readonly destinations: readonly VerifyDestination[];
}

/**
 * A record file: strings once each, rows of indexes into them:
 *   [id, status, platform, zh name, en name, zh agency, en agency, closed, announced, url,
 *    handle, (target, zh label, en label, url)*]   (absent text is -1)
 */
export interface RecordFile {
  readonly s: string[];
  readonly r: (string | number)[][];
}

export function encodeRecords(records: readonly VerifyRecord[]): RecordFile {
  const table = new StringTable();
  const ref = (text: string | undefined) => table.ref(text);
  const r = records.map((rec) => [
    rec.id,
    rec.status,
    rec.platform,
    ref(rec.name.zh),
    ref(rec.name.en),
    ref(rec.agency.zh),
    ref(rec.agency.en),
    ref(rec.closed),
    ref(rec.announced),
    ref(rec.url),
    ref(rec.handle),
    ...rec.destinations.flatMap((d) => [ref(d.target), ref(d.label.zh), ref(d.label.en), ref(d.url)]),
  ]);
  return { s: table.strings, r };
}

export function decodeRecords(file: RecordFile): VerifyRecord[] {
  const text = (i: string | number | undefined) => (typeof i === 'number' && i >= 0 ? file.s[i] : undefined);
  const both = (zh: string | number | undefined, en: string | number | undefined) => {
    const z = text(zh) ?? '';
    return { zh: z, en: text(en) ?? z };
  };
  return file.r.map((row) => {
    const destinations: VerifyDestination[] = [];
    for (let i = 11; i + 3 < row.length; i += 4) {
      const d: VerifyDestination = { target: text(row[i]) ?? '', label: both(row[i + 1], row[i + 2]), url: text(row[i + 3]) };
      destinations.push(d);
    }
    return {
      id: String(row[0]),
      status: row[1] as Status,
      platform: row[2] as Platform,
      name: both(row[3], row[4]),
      agency: both(row[5], row[6]),
      closed: text(row[7]),
      announced: text(row[8]),
      url: text(row[9]),
      handle: text(row[10]),
      destinations,
    };
  });
}

/** 32-bit FNV-1a over the key's UTF-16 code units: the same in Node and every browser. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function shardOfKey(key: string, shards: number): number {
  return fnv1a(key) % shards;
}

export function keyShardPath(n: number): string {
  return `k/${n}.json`;
}

export function recordFilePath(n: number): string {
  return `r/${n}.json`;
}
