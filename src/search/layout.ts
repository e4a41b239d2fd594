/**
 * Where the index's files are and what the small ones hold: shared by the builder, which
 * writes them, and the client, which reads them.
 *
 *   search/index.json                 the manifest (revalidated on each visit)
 *   search/<version>/s/<n>.bin        shards of tokens (codec.ts)
 *   search/<version>/b/<file>-<block>.bin   blocks of common tokens
 *   search/<version>/r/<lang>/<n>.json      display records, chunkSize per file
 */
import type { Status } from '../domain/vocabulary.ts';

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

export function shardPath(n: number): string {
  return `s/${n}.bin`;
}

export function blockPath(fileId: number, block: number): string {
  return `b/${fileId}-${block}.bin`;
}

export function recordsPath(lang: SearchLang, chunk: number): string {
  return `r/${lang}/${chunk}.json`;
}
