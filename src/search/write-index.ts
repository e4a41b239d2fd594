/**
 * Writes a built index and the bundled client into a site's output folder:
 *   <out>/search/index.json, <out>/search/<version>/…, <out>/search/store/<store>/… (shared
 *   with verify), <out>/search/client.js
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSearchIndex, type BuildOptions, type BuiltIndex } from './build-index.ts';
import { MANIFEST_FILE } from './layout.ts';
import { BackgroundWriter } from '../build-tools/background-writer.ts';
import type { Registry } from '../domain/model.ts';
import { queueRecordStore, recordStoreOf, type RecordStore } from '../store/record-store.ts';

export const CLIENT_FILE = 'client.js';

export interface WrittenIndex {
  /** Files and bytes of the terms, places and manifest. */
  readonly files: number;
  readonly bytes: number;
  /** Files and bytes of the channel store (none when the verify writer made it first). */
  readonly store: { readonly files: number; readonly bytes: number };
}

/**
 * Builds the index straight into `searchDir` (e.g. dist/search), with the channel store unless
 * it is there already. Files are written on another thread as they are made, so the build
 * never holds the whole index in memory and the disk works while the index is computed. They
 * go to staging folders renamed once everything is written (the term folder to the version,
 * known only at the end); the manifest comes last.
 */
export async function buildSearchIndexInto(store: RecordStore, searchDir: string, options: Omit<BuildOptions, 'emit'> = {}): Promise<{ built: BuiltIndex; written: WrittenIndex }> {
  const storeWriter = new BackgroundWriter();
  const commitStore = queueRecordStore(store, searchDir, storeWriter);
  const staging = join(searchDir, `.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const writer = new BackgroundWriter();
  const built = buildSearchIndex(store, { ...options, emit: (path, data) => writer.write(join(staging, path), data, true) });
  await Promise.all([storeWriter.finish(), writer.finish()]);
  commitStore?.();
  const versionDir = join(searchDir, built.manifest.version);
  rmSync(versionDir, { recursive: true, force: true });
  renameSync(staging, versionDir);
  const manifest = JSON.stringify(built.manifest);
  writeFileSync(join(searchDir, MANIFEST_FILE), manifest);
  return {
    built,
    written: { files: writer.files + 1, bytes: writer.bytes + Buffer.byteLength(manifest), store: { files: storeWriter.files, bytes: storeWriter.bytes } },
  };
}

/** The registry's search index, and the channel store (unless already written), into `searchDir`. */
export async function writeSearchIndexOf(registry: Registry, searchDir: string, options: Omit<BuildOptions, 'emit'> = {}): Promise<{ store: RecordStore; built: BuiltIndex; written: WrittenIndex }> {
  const store = recordStoreOf(registry);
  return { store, ...(await buildSearchIndexInto(store, searchDir, options)) };
}
