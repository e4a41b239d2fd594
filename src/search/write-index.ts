/**
 * Writes a built index and the bundled client into a site's output folder:
 *   <out>/search/index.json, <out>/search/<version>/…, <out>/search/client.js
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildSearchIndex, type BuildOptions, type BuiltIndex } from './build-index.ts';
import { MANIFEST_FILE } from './layout.ts';
import type { RegionLookup, SearchDoc } from './search-docs.ts';

export const SEARCH_DIR = 'search';
export const CLIENT_FILE = 'client.js';

export interface WrittenIndex {
  readonly files: number;
  readonly bytes: number;
}

function fileWriter() {
  const made = new Set<string>();
  const totals = { files: 0, bytes: 0 };
  const write = (path: string, data: Uint8Array | string) => {
    const dir = dirname(path);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(path, data);
    totals.files++;
    totals.bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  };
  return { write, totals };
}

/**
 * Builds the index straight into `searchDir` (e.g. dist/search), each file written as it is
 * made, so the build never holds the whole index in memory. Files go to a staging folder
 * that is renamed to the version once the content hash is known; the manifest comes last.
 */
export function buildSearchIndexInto(
  docs: readonly SearchDoc[],
  regions: RegionLookup,
  searchDir: string,
  options: Omit<BuildOptions, 'emit'> = {},
): { built: BuiltIndex; written: WrittenIndex } {
  const staging = join(searchDir, `.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const { write, totals } = fileWriter();
  const built = buildSearchIndex(docs, regions, { ...options, emit: (path, data) => write(join(staging, path), data) });
  const versionDir = join(searchDir, built.manifest.version);
  rmSync(versionDir, { recursive: true, force: true });
  mkdirSync(searchDir, { recursive: true });
  renameSync(staging, versionDir);
  write(join(searchDir, MANIFEST_FILE), JSON.stringify(built.manifest));
  return { built, written: totals };
}

/** Writes the index under `searchDir` (e.g. dist/search) and returns what it wrote. */
export function writeSearchIndex(built: BuiltIndex, searchDir: string): WrittenIndex {
  const { write, totals } = fileWriter();
  const versionDir = join(searchDir, built.manifest.version);
  for (const [path, data] of built.files) write(join(versionDir, path), data);
  // The manifest last, so a reader never finds it pointing at a half-written folder.
  write(join(searchDir, MANIFEST_FILE), JSON.stringify(built.manifest));
  return totals;
}
