/**
 * The link patterns the search and verify clients fill in, made from the site's own routes so
 * results link exactly where pages do: a channel to its entry on its region's page, a place to
 * its page or its section of its county's page.
 */
import { localePath, routes } from '../routes/routes.ts';
import type { LinkPatterns } from './records.ts';

export function linkPatterns(base = '/'): { zh: LinkPatterns; en: LinkPatterns } {
  const make = (lang: 'zh' | 'en'): LinkPatterns => {
    const ctx = { lang, base: base.endsWith('/') ? base : `${base}/` };
    return {
      entry: localePath(ctx, routes.channelEntry('{page}', '{id}')),
      region: localePath(ctx, routes.region('{code}')),
      section: localePath(ctx, routes.regionAt('{page}', '{code}')),
    };
  };
  return { zh: make('zh'), en: make('en') };
}
