/**
 * Astro integration: after the pages are built, writes the verify index and the clients of
 * the /verify/ and /search/ pages into the output folder (verify/index.json,
 * verify/<version>/…, verify/client.js, verify/search-page.js). The work is in src/verify/.
 *
 * astro.config.mjs: `integrations: [mdx(), searchIndex(), verifyIndex()]`.
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localePath, routes } from '../site/i18n.ts';
import { siteData } from '../site/registry.ts';
import { verifySourcesFromRegistry } from '../verify/build-index.ts';
import { bundleVerifyClients } from '../verify/bundle-client.ts';
import { VERIFY_DIR } from '../verify/index-format.ts';
import { writeVerifyIndex } from '../verify/write-index.ts';

export function verifyIndex(): AstroIntegration {
  let base = '/';
  return {
    name: 'verify-index',
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
        const verifyDir = join(fileURLToPath(dir), VERIFY_DIR);
        const { stats } = writeVerifyIndex(verifySourcesFromRegistry(registry), verifyDir, { page });
        const clients = await bundleVerifyClients();
        for (const [name, text] of Object.entries(clients)) writeFileSync(join(verifyDir, name), text);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(
          `${stats.records} channels, ${stats.keys} keys → ${stats.files} files, ${(stats.bytes / 1e6).toFixed(1)} MB; largest key shard ${(stats.largestShard / 1e3).toFixed(0)} kB, record file ${(stats.largestRecordFile / 1e3).toFixed(0)} kB; client ${clients['client.js'].length} bytes (${seconds} s)`,
        );
      },
    },
  };
}
