/**
 * Astro integration: after the pages are built, writes the downloads, datapackage.json, the
 * JSON API, the feeds, the sitemaps, robots.txt and CITATION.cff into the output folder.
 * A build-done writer rather than endpoints: it streams hundreds of thousands of rows to
 * disk instead of holding one Response per file. The work is in src/downloads/.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { writeDownloads } from '../downloads/write-downloads.ts';
import { siteData } from '../site/registry.ts';

export function dataDownloads(): AstroIntegration {
  let base = '/';
  return {
    name: 'data-downloads',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        const started = performance.now();
        const { registry, config, dataUpdated, dataVersion } = siteData();
        const written = writeDownloads(fileURLToPath(dir), {
          registry,
          config,
          base,
          dataUpdated,
          dataVersion,
          pages: pages.map((p) => p.pathname),
        });
        const total = written.reduce((n, w) => n + w.bytes, 0);
        const largest = written.reduce((a, b) => (b.bytes > a.bytes ? b : a));
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(`${written.length} files, ${(total / 1e6).toFixed(1)} MB; largest ${largest.path} ${(largest.bytes / 1e6).toFixed(1)} MB (${seconds} s)`);
      },
    },
  };
}
