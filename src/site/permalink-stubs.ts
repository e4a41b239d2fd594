/**
 * The pages behind permalinks that are not pages of their own: /channels/<id>/ (a channel is
 * an entry on its region's page) and /regions/<township>/ (a township is a section of its
 * county's page). Each is a few hundred bytes that forwards at once, without JavaScript, and
 * still shows a link for anything that does not follow the refresh. Kept out of search
 * engines: an immediate refresh is read as a redirect, so the region page is what gets indexed.
 */
import type { Registry } from '../domain/model.ts';
import { kindOfCode } from '../domain/regions.ts';
import { LANGS, type Lang } from '../domain/vocabulary.ts';
import { HTML_LANG, localePath, routes } from './i18n.ts';
import { esc } from './render/html.ts';
import { channelEntryRoute } from './views/hrefs.ts';

export interface PermalinkStub {
  /** Site path of the permalink (with the base path, ending in "/"). */
  readonly path: string;
  readonly html: string;
}

export function stubHtml(lang: Lang, title: string, target: string): string {
  const href = esc(target);
  // no <html>/<head>/<body> tags (optional in HTML) and no closing tags: a million of these
  return `<!DOCTYPE html><html lang="${HTML_LANG[lang]}"><meta charset="utf-8"><title>${esc(title)}</title><meta http-equiv="refresh" content="0;url=${href}"><a href="${href}">${esc(title)}</a>\n`;
}

/** Every stub of the site, both languages, generated lazily (there are a million at national scale). */
export function* permalinkStubs(registry: Registry, base: string): Generator<PermalinkStub> {
  for (const lang of LANGS) {
    const ctx = { lang, base };
    for (const c of registry.channels) {
      const title = lang === 'en' && c.name_en ? c.name_en : c.name;
      yield { path: localePath(ctx, routes.channel(c.id)), html: stubHtml(lang, title, localePath(ctx, channelEntryRoute(registry, c))) };
    }
    for (const code of registry.regions.codes()) {
      // decided from the code's shape first: naming 41,000 townships costs time
      if (kindOfCode(code) !== 'township' || registry.countsIn(code).total === 0) continue;
      const region = registry.regions.get(code)!;
      const title = lang === 'en' ? region.nameEn : region.name;
      yield { path: localePath(ctx, routes.region(code)), html: stubHtml(lang, title, localePath(ctx, routes.regionAt(registry.pageOf(code), code))) };
    }
  }
}
