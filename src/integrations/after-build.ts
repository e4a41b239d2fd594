/**
 * The shape shared by every file writer that runs once the pages are built (data downloads,
 * search index, verify index): each gets the output folder, the site's base path, the built
 * page paths and the registry, and returns one line for the build log. The writers
 * themselves are plain modules; this only ties them to Astro's build.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { localePath, routes } from '../routes/routes.ts';
import { siteData, type SiteData } from '../site/registry.ts';

export interface AfterBuildContext {
  /** The output folder (dist/ or OUT_DIR). */
  readonly outDir: string;
  /** The site's base path, ending in "/". */
  readonly base: string;
  /**
   * Astro's cache folder (cacheDir, ASTRO_CACHE_DIR): what a writer keeps between builds goes
   * in a subfolder. Undefined when run without Astro's full config (tests): then nothing is kept.
   */
  readonly cacheDir: string | undefined;
  /** Paths of the pages Astro built. */
  readonly pages: readonly string[];
  readonly site: SiteData;
  /** Channel page URL patterns with a `{id}` placeholder, per language. */
  readonly channelPage: { readonly zh: string; readonly en: string };
}

export function afterBuild(name: string, write: (context: AfterBuildContext) => string | Promise<string>): AstroIntegration {
  let base = '/';
  let cacheDir: string | undefined;
  return {
    name,
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        cacheDir = config.cacheDir ? fileURLToPath(config.cacheDir) : undefined;
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const started = performance.now();
        const summary = await write({
          outDir: fileURLToPath(dir),
          base,
          cacheDir,
          pages: pages.map((p) => p.pathname),
          site: siteData(),
          channelPage: {
            zh: localePath({ lang: 'zh', base }, routes.channel('{id}')),
            en: localePath({ lang: 'en', base }, routes.channel('{id}')),
          },
        });
        logger.info(`${summary} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      },
    },
  };
}
