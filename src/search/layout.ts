/**
 * Where the index's files are and what the small ones hold: shared by the builder, which
 * writes them, and the client, which reads them.
 *
 *   search/index.json                 the manifest (revalidated on each visit)
 *   search/<version>/s/<n>.bin        shards of tokens (codec.ts)
 *   search/<version>/b/<file>-<block>.bin   blocks of common tokens
 *   search/<version>/r/<n>.json      display records in both languages, chunkSize per file
 */
import type { Status } from '../domain/vocabulary.ts';
import { StringTable } from '../site/string-table.ts';

export const MANIFEST_FORMAT = 1 as const;
export const MANIFEST_FILE = 'index.json';

export interface SearchManifest {
  readonly format: typeof MANIFEST_FORMAT;
  /** Content hash; the index files live in a folder of this name, so they never go stale. */
  readonly version: string;
  readonly records: number;
  readonly blockSize: number;
  readonly shards: number;
  /** Records per record file. */
  readonly chunkSize: number;
  /** Path of a channel's page in each language, `{id}` standing for the channel id. */
  readonly page: Readonly<Record<SearchLang, string>>;
  /** Traditional → simplified character pairs, concatenated ("榮荣臺台…"). */
  readonly t2s: string;
  /** Pinyin syllables that occur in the index, space-separated. */
  readonly syllables: string;
}

/** A result as displayed: one row of a record file, in one language. */
export type RecordRow = [
  id: string,
  name: string,
  agency: string,
  place: string,
  status: Status,
  /** Platform label in the record file's language. */
  platform: string,
  /** Where to go instead: label, and a channel id or an http(s) URL. */
  destinations?: [label: string, target: string][],
];

export const LANGUAGES = ['zh', 'en'] as const;
export type SearchLang = (typeof LANGUAGES)[number];

/** A display record in both languages, as the builder has it. */
export interface DisplayRecord {
  readonly id: string;
  readonly status: Status;
  /** Name, agency, place and platform label in each language. */
  readonly zh: readonly [name: string, agency: string, place: string, platform: string];
  readonly en: readonly [name: string, agency: string, place: string, platform: string];
  readonly destinations: readonly { target: string; zh: string; en: string }[];
}

/**
 * A record file: the strings of its records once each (consecutive channels share agencies,
 * places and platforms; English often repeats Chinese), and rows of indexes into them:
 *   [id, status, zh name, agency, place, platform, en name, agency, place, platform,
 *    (destination target, zh label, en label)*]
 */
export interface RecordChunk {
  readonly s: string[];
  readonly r: (string | number)[][];
}

export function encodeRecordChunk(records: readonly DisplayRecord[]): RecordChunk {
  const table = new StringTable();
  const ref = (text: string) => table.ref(text); // '' → -1, which decodes back to ''
  const r = records.map((rec) => [
    rec.id,
    rec.status,
    ...rec.zh.map(ref),
    ...rec.en.map(ref),
    ...rec.destinations.flatMap((d) => [ref(d.target), ref(d.zh), ref(d.en)]),
  ]);
  return { s: table.strings, r };
}

export function decodeRecordChunk(chunk: RecordChunk, lang: SearchLang): RecordRow[] {
  const text = (i: string | number | undefined) => chunk.s[i as number] ?? '';
  const from = lang === 'zh' ? 2 : 6;
  return chunk.r.map((row) => {
    const out: RecordRow = [String(row[0]), text(row[from]), text(row[from + 1]), text(row[from + 2]), row[1] as Status, text(row[from + 3])];
    const destinations: [string, string][] = [];
    for (let i = 10; i + 2 < row.length; i += 3) destinations.push([text(row[i + (lang === 'zh' ? 1 : 2)]), text(row[i])]);
    if (destinations.length) out.push(destinations);
    return out;
  });
}

export function shardPath(n: number): string {
  return `s/${n}.bin`;
}

export function blockPath(fileId: number, block: number): string {
  return `b/${fileId}-${block}.bin`;
}

export function recordsPath(chunk: number): string {
  return `r/${chunk}.json`;
}
