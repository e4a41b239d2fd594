/**
 * After the build: the search index and the search client (search/index.json,
 * search/<version>/…, search/store/<store>/…, search/client.js, which carries the manifest).
 * The work is in src/search/. The layout's search form points at search/index.json and loads
 * search/client.js. The channel store is shared with the verify index (whichever writer runs
 * first writes it).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleSearchClient } from '../search/bundle-client.ts';
import { linkPatterns } from '../store/links.ts';
import { SEARCH_DIR } from '../store/record-store.ts';
import { CLIENT_FILE, writeSearchIndexOf } from '../search/write-index.ts';
import { afterBuild } from './after-build.ts';

export const searchIndex = () =>
  afterBuild('search-index', async ({ outDir, base, site }) => {
    const searchDir = join(outDir, SEARCH_DIR);
    const { built, written } = await writeSearchIndexOf(site.registry, searchDir, { links: linkPatterns(base) });
    // the client carries the manifest, so a query starts with its own files
    const client = await bundleSearchClient(built.manifest);
    writeFileSync(join(searchDir, CLIENT_FILE), client);
    const mb = (n: number) => (n / 1e6).toFixed(1);
    return `${built.stats.records} channels, ${built.stats.places} places → ${written.files} files, ${mb(written.bytes)} MB (${built.stats.shards} shards); store ${written.store.files ? `${written.store.files} files, ${mb(written.store.bytes)} MB` : 'written by verify'}; client ${client.length} bytes`;
  });
