// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { siteConfigFromEnv } from './src/routes/site-config.ts';
import { dataDownloads } from './src/integrations/data-downloads.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { verifyIndex } from './src/integrations/verify-index.ts';
import { permalinkMapFiles } from './src/integrations/permalink-map.ts';
import { validateFirst } from './src/integrations/validate-first.ts';

const config = siteConfigFromEnv(process.env);

export default defineConfig({
  site: config.siteUrl,
  base: config.basePath,
  output: 'static',
  outDir: process.env.OUT_DIR || 'dist',
  // Content collections (the prose pages) are cached here; builds of different datasets
  // running at once (tests) each pass their own folder so they cannot read each other's pages.
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  integrations: [validateFirst(), mdx(), permalinkMapFiles(), dataDownloads(), searchIndex(), verifyIndex()],
  build: { format: 'directory', inlineStylesheets: 'never' },
  // No highlighter: Shiki colours code with style="" attributes, which the pages' strict
  // Content-Security-Policy blocks (code would lose its colours anyway), and a page with no
  // inline style is one the policy never has to allow. The prose pages (MDX) inherit this.
  markdown: { syntaxHighlight: false },
  // No telemetry, no prefetch: a citizen's visit is nobody else's business.
  prefetch: false,
  devToolbar: { enabled: false },
});
