/**
 * Writes the verify index into a site's output folder: the channel store it shares with
 * search (unless the search writer wrote it already), then the manifest, last, so a reader
 * never finds it pointing at a half-written store.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SEARCH_DIR, writeRecordStore, type RecordStore } from '../store/record-store.ts';
import { verifyManifest, type VerifyBuildOptions } from './build-index.ts';
import { VERIFY_MANIFEST, type VerifyManifest } from './index-format.ts';

/** `verifyDir` is <out>/verify; the store goes to <out>/search/store/ (../search/store/ from here). */
export async function writeVerifyIndex(
  store: RecordStore,
  verifyDir: string,
  options: Omit<VerifyBuildOptions, 'searchDir'> = {},
): Promise<{ manifest: VerifyManifest; store: { files: number; bytes: number } }> {
  const written = await writeRecordStore(store, join(dirname(verifyDir), SEARCH_DIR));
  const manifest = verifyManifest(store, { ...options, searchDir: `../${SEARCH_DIR}/` });
  mkdirSync(verifyDir, { recursive: true });
  writeFileSync(join(verifyDir, VERIFY_MANIFEST), JSON.stringify(manifest));
  return { manifest, store: written };
}
