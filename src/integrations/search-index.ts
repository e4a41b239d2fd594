/**
 * After the build: the search index and the search client (search/index.json,
 * search/<version>/…, search/client.js). The work is in src/search/. The layout's search form
 * points at search/index.json and loads search/client.js.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleSearchClient } from '../search/bundle-client.ts';
import { searchDocsFromRegistry } from '../search/search-docs.ts';
import { buildSearchIndexInto, CLIENT_FILE, SEARCH_DIR } from '../search/write-index.ts';
import { afterBuild } from './after-build.ts';

export const searchIndex = () =>
  afterBuild('search-index', async ({ outDir, site, channelPage }) => {
    const { registry } = site;
    const searchDir = join(outDir, SEARCH_DIR);
    const { built, written } = buildSearchIndexInto(searchDocsFromRegistry(registry), registry.regions, searchDir, { page: channelPage });
    const client = await bundleSearchClient();
    writeFileSync(join(searchDir, CLIENT_FILE), client);
    return `${built.stats.records} channels → ${written.files} files, ${(written.bytes / 1e6).toFixed(1)} MB, ${built.stats.shards} shards; client ${client.length} bytes`;
  });
