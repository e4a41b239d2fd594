/**
 * Where the search index's files are and what the manifest says: shared by the builder, which
 * writes them, and the client, which reads them. Paths are relative to the manifest's folder.
 *
 *   search/index.json                   the manifest (revalidated on each visit)
 *   search/<version>/s/<n>.bin          term shards (codec.ts)
 *   search/<version>/b/<file>-<block>.bin   blocks of common terms
 *   search/<version>/p/<n>.bin          places (regions) that names match, placeChunk per file
 *   search/<version>/l/<lang>/<n>.bin   result lines: the channel records in one language, with
 *                                       only what a result shows (src/store/records.ts format)
 *   search/store/<store>/r/<n>.bin      channel records, shared with the verify index (src/store/records.ts)
 *   search/store/<store>/k/<n>.bin      lookup keys, shared with verify: search finds a handle
 *                                       typed whole there (src/store/keys.ts)
 */
import type { LexiconData } from './lexicon.ts';
import type { LinkPatterns, StoreInfo } from '../store/records.ts';

export const MANIFEST_FORMAT = 3 as const;
export const MANIFEST_FILE = 'index.json';

export const LANGUAGES = ['zh', 'en'] as const;
export type SearchLang = (typeof LANGUAGES)[number];

export interface SearchManifest {
  readonly format: typeof MANIFEST_FORMAT;
  /** Content hash; the term files live in a folder of this name, so they never go stale. */
  readonly version: string;
  /** The channel store shared with verify (src/store/record-store.ts). */
  readonly store: StoreInfo;
  readonly places: { readonly count: number; readonly chunkSize: number };
  /** Result lines per file (record n is in file floor(n / chunkSize)). */
  readonly lines: { readonly chunkSize: number };
  readonly blockSize: number;
  readonly shards: number;
  /** Links of results in each language. */
  readonly links: Readonly<Record<SearchLang, LinkPatterns>>;
  /** Traditional → simplified character pairs, concatenated ("榮荣臺台…"). */
  readonly t2s: string;
  /** Pinyin syllables that occur in the index, space-separated. */
  readonly syllables: string;
  /** Places and English words a query is read by (lexicon.ts). */
  readonly lexicon: LexiconData;
}

/** Files of the version folder, by path within it. */
export const indexFiles = {
  shard: (n: number) => `s/${n}.bin`,
  block: (fileId: number, block: number) => `b/${fileId}-${block}.bin`,
  places: (chunk: number) => `p/${chunk}.bin`,
  lines: (lang: SearchLang, chunk: number) => `l/${lang}/${chunk}.bin`,
};

export function shardPath(version: string, n: number): string {
  return `${version}/${indexFiles.shard(n)}`;
}

export function blockPath(version: string, fileId: number, block: number): string {
  return `${version}/${indexFiles.block(fileId, block)}`;
}

export function placesPath(version: string, chunk: number): string {
  return `${version}/${indexFiles.places(chunk)}`;
}

export function linesPath(version: string, lang: SearchLang, chunk: number): string {
  return `${version}/${indexFiles.lines(lang, chunk)}`;
}
