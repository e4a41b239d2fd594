/**
 * After the build: the downloads, datapackage.json, the JSON API, the feeds, the sitemaps,
 * robots.txt and CITATION.cff. A build-done writer rather than endpoints: it streams hundreds
 * of thousands of rows through compressors instead of holding one Response per file. The
 * work is in src/downloads/.
 */
import { writeDownloads } from '../downloads/write-downloads.ts';
import { afterBuild } from './after-build.ts';

export const dataDownloads = () =>
  afterBuild('data-downloads', async ({ outDir, base, pages, site }) => {
    const { registry, config, dataUpdated, dataVersion } = site;
    const written = await writeDownloads(outDir, { registry, config, base, dataUpdated, dataVersion, pages: [...pages] });
    const total = written.reduce((n, w) => n + w.bytes, 0);
    const largest = written.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    return `${written.length} files, ${(total / 1e6).toFixed(1)} MB; largest ${largest.path} ${(largest.bytes / 1e6).toFixed(1)} MB`;
  });
