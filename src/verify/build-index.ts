/**
 * Builds the verify index: the manifest that points the page's client at the channel store
 * (src/store/: its records, and key shards made from every channel's lookup keys).
 */
import { linkPatterns } from '../store/links.ts';
import { storeInfo, type RecordStore } from '../store/record-store.ts';
import type { LinkPatterns } from '../store/records.ts';
import { VERIFY_FORMAT, type VerifyManifest } from './index-format.ts';

export interface VerifyBuildOptions {
  /** Links in each language (default: the site's routes at base "/"). */
  readonly links?: { readonly zh: LinkPatterns; readonly en: LinkPatterns };
  /** The search folder (which holds the store) as seen from the verify manifest's folder. */
  readonly searchDir?: string;
}

/** The verify manifest over a store. */
export function verifyManifest(store: RecordStore, options: VerifyBuildOptions = {}): VerifyManifest {
  return {
    format: VERIFY_FORMAT,
    version: store.version,
    keys: store.keys,
    store: storeInfo(store, options.searchDir ?? '../search/'),
    links: options.links ?? linkPatterns('/'),
  };
}
