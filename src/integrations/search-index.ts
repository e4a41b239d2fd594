/**
 * Astro integration: after the pages are built, writes the search index and the search
 * client into the output folder (search/index.json, search/<version>/…, search/client.js).
 * All the work is in plain modules under src/search/; this only wires them to the build.
 *
 * astro.config.mjs: `integrations: [mdx(), searchIndex()]`. The layout includes
 * `<script type="module" src={`${base}search/client.js`}></script>` and a form with
 * `data-search={`${base}search/index.json`}` (see src/search/client.ts).
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleSearchClient } from '../search/bundle-client.ts';
import { searchDocsFromRegistry } from '../search/search-docs.ts';
import { buildSearchIndexInto, CLIENT_FILE, SEARCH_DIR } from '../search/write-index.ts';
import { localePath, routes } from '../site/i18n.ts';
import { siteData } from '../site/registry.ts';

export function searchIndex(): AstroIntegration {
  let base = '/';
  return {
    name: 'search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { registry } = siteData();
        const page = {
          zh: localePath({ lang: 'zh', base }, routes.channel('{id}')),
          en: localePath({ lang: 'en', base }, routes.channel('{id}')),
        };
        const searchDir = join(fileURLToPath(dir), SEARCH_DIR);
        const { built, written } = buildSearchIndexInto(searchDocsFromRegistry(registry), registry.regions, searchDir, { page });
        const client = await bundleSearchClient();
        writeFileSync(join(searchDir, CLIENT_FILE), client);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(`${built.stats.records} channels → ${written.files} files, ${(written.bytes / 1e6).toFixed(1)} MB, ${built.stats.shards} shards; client ${client.length} bytes (${seconds} s)`);
      },
    },
  };
}
