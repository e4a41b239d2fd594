/**
 * Sitemaps (sitemaps.org 0.9): a sitemap index pointing at sitemaps of at most 50,000 URLs
 * each, and robots.txt naming the index. URLs come from the pages Astro built, so channel
 * permalinks and township links (small forwarding pages written after the build, marked
 * noindex) are not listed: only pages worth indexing.
 *
 * Lean on purpose: a URL is its <loc> only. No per-URL <lastmod> (a build cannot tell which
 * pages a data change touched, and search engines ignore dates that all move together; the
 * index dates each sitemap instead), and no hreflang alternates (every page names its other
 * language in its own <head>, which search engines accept as well, and alternates would
 * triple the file).
 *
 * Not @astrojs/sitemap (3.7.4, measured 2026-12-03 on the 500,000-channel site's 13,261 page
 * URLs): set as lean as it goes (no namespaces, `serialize` dropping each URL's lastmod so only
 * the index is dated) its XML matches this but for line breaks, yet it took 1.5 s CPU to this
 * code's 0.15 s (ten times as much at 500,000 URLs), dates the index with a time, puts
 * the files at the root as sitemap-0.xml…, writes no robots.txt, and lists only what Astro
 * rendered plus URLs fixed in the config, not pages an integration writes after the build.
 */
import { escapeXml } from '../format/escape.ts';

export const URLS_PER_SITEMAP = 50_000;
export const SITEMAP_INDEX = 'sitemap-index.xml';
export const SITEMAP_DIR = 'sitemaps';

export interface SitemapFiles {
  /** The index, written to SITEMAP_INDEX. */
  readonly index: string;
  /** Sitemaps, file names relative to the output folder. */
  readonly sitemaps: readonly { readonly file: string; readonly xml: string; readonly count: number }[];
}

/** `urls` absolute; `siteRoot` the absolute URL of the site's base folder, with a trailing slash; `lastmod` dates the sitemaps in the index. */
export function buildSitemaps(urls: readonly string[], siteRoot: string, lastmod?: string, perFile = URLS_PER_SITEMAP): SitemapFiles {
  const sitemaps: { file: string; xml: string; count: number }[] = [];
  const sorted = [...new Set(urls)].sort();
  for (let i = 0; i < sorted.length || i === 0; i += perFile) {
    const chunk = sorted.slice(i, i + perFile);
    const body = chunk.map((u) => `<url><loc>${escapeXml(u)}</loc></url>`);
    sitemaps.push({
      file: `${SITEMAP_DIR}/sitemap-${sitemaps.length + 1}.xml`,
      xml: ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...body, '</urlset>', ''].join('\n'),
      count: chunk.length,
    });
    if (sorted.length === 0) break;
  }
  const index = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...sitemaps.map((s) => `<sitemap><loc>${escapeXml(siteRoot + s.file)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</sitemap>`),
    '</sitemapindex>',
    '',
  ].join('\n');
  return { index, sitemaps };
}

/**
 * robots.txt: everything may be crawled; the sitemap index is named. (Crawlers read
 * robots.txt only at the host's root: a site served from a sub-folder should have the host
 * serve this file, or add the Sitemap line to the host's own robots.txt.)
 */
export function robotsTxt(sitemapIndexUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemapIndexUrl}\n`;
}

/** Page URLs from the build's page list: HTML pages only, not the 404. */
export function pageUrls(pathnames: Iterable<string>, siteUrl: string, base: string): string[] {
  const out: string[] = [];
  for (const raw of pathnames) {
    const path = raw.replace(/^\/+/, '');
    if (path === '404' || path === '404/' || path.endsWith('.html') && path.startsWith('404')) continue;
    if (/\.[a-z0-9]+$/i.test(path)) continue; // endpoints (feeds, files), not pages
    const withSlash = path === '' || path.endsWith('/') ? path : `${path}/`;
    out.push(new URL(`${base}${withSlash}`.replace(/\/{2,}/g, '/'), siteUrl).href);
  }
  return out;
}
