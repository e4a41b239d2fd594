/**
 * After the build: the downloads, datapackage.json, the JSON API, the feeds, the sitemaps,
 * robots.txt and CITATION.cff. A build-done writer rather than endpoints: it streams hundreds
 * of thousands of rows through compressors instead of holding one Response per file. The
 * work is in src/downloads/.
 *
 * Compressed files are kept in Astro's cache folder by a hash of their text and settings
 * (src/build-cache/): a rebuild after a small data change compresses only the files whose
 * text changed. Entries this build did not use are removed, so the folder holds one build's.
 */
import { join } from 'node:path';
import { DerivedCache } from '../build-cache/derived-cache.ts';
import { siteChangelog } from '../downloads/changelog.ts';
import { datasetPathsFromEnv } from '../domain/pipeline.ts';
import { writeDownloads } from '../downloads/write-downloads.ts';
import { afterBuild } from './after-build.ts';

export const COMPRESSED_CACHE_DIR = 'compressed-downloads';

export const dataDownloads = () =>
  afterBuild('data-downloads', async ({ outDir, base, cacheDir, pages, site }) => {
    const { registry, config, dataUpdated, dataVersion, today } = site;
    // the /changes/ page computed it already in this process: the feeds date their entries by it
    const changelog = siteChangelog(datasetPathsFromEnv(process.env), today);
    const cache = cacheDir === undefined ? undefined : new DerivedCache(join(cacheDir, COMPRESSED_CACHE_DIR));
    const written = await writeDownloads(outDir, { registry, config, base, dataUpdated, today, dataVersion, pages: [...pages], changelog }, { cache });
    const total = written.reduce((n, w) => n + w.bytes, 0);
    const largest = written.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const summary = `${written.length} files, ${(total / 1e6).toFixed(1)} MB; largest ${largest.path} ${(largest.bytes / 1e6).toFixed(1)} MB`;
    if (!cache) return summary;
    const kept = cache.prune();
    return `${summary}; compressed ${cache.stats.misses}, reused ${cache.stats.hits} (cache ${(kept.bytes / 1e6).toFixed(1)} MB)`;
  });
