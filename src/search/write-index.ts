/**
 * Writes a built index and the bundled client into a site's output folder:
 *   <out>/search/index.json, <out>/search/<version>/…, <out>/search/client.js
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BuiltIndex } from './build-index.ts';
import { MANIFEST_FILE } from './layout.ts';

export const SEARCH_DIR = 'search';
export const CLIENT_FILE = 'client.js';

export interface WrittenIndex {
  readonly files: number;
  readonly bytes: number;
}

/** Writes the index under `searchDir` (e.g. dist/search) and returns what it wrote. */
export function writeSearchIndex(built: BuiltIndex, searchDir: string): WrittenIndex {
  let files = 0;
  let bytes = 0;
  const made = new Set<string>();
  const write = (path: string, data: Uint8Array | string) => {
    const dir = dirname(path);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(path, data);
    files++;
    bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  };
  const versionDir = join(searchDir, built.manifest.version);
  for (const [path, data] of built.files) write(join(versionDir, path), data);
  // The manifest last, so a reader never finds it pointing at a half-written folder.
  write(join(searchDir, MANIFEST_FILE), JSON.stringify(built.manifest));
  return { files, bytes };
}
