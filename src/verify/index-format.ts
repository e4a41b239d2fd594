/**
 * The verify index, shared by the builder (build-index.ts) and the reader (lookup.ts). It is
 * the channel store's keys and records (src/store/), which search shares; the verify folder
 * holds only its manifest and clients. Paths are relative to the manifest's folder:
 *
 *   verify/index.json                    the manifest (revalidated on each visit)
 *   search/store/<version>/k/<n>.bin     key shards (src/store/keys.ts)
 *   search/store/<version>/r/<n>.bin     records (src/store/records.ts)
 *
 * One lookup fetches the manifest, the shards of its (one to three) keys and the record files
 * of the matches.
 */
import type { ChannelRecord, LinkPatterns, StoreInfo } from '../store/records.ts';

export const VERIFY_FORMAT = 2 as const;
export const VERIFY_DIR = 'verify';
export const VERIFY_MANIFEST = 'index.json';

export interface VerifyManifest {
  readonly format: typeof VERIFY_FORMAT;
  /** The store's version (its folder's name): files under it never go stale. */
  readonly version: string;
  /** Distinct keys. */
  readonly keys: number;
  /** The channel store (its path relative to the manifest's folder). */
  readonly store: StoreInfo;
  /** Links to a channel's entry and a region's page, in each language. */
  readonly links: { readonly zh: LinkPatterns; readonly en: LinkPatterns };
}

/** What the verify page shows of a channel: a record of the shared store. */
export type VerifyRecord = ChannelRecord;
