/**
 * Where each page of the site lives, in each language: language-neutral routes
 * ("/regions/370000/") and the one rule that turns a route into a link. Chinese is the
 * default and lives at the root; English mirrors every page under /en/. Pure functions of
 * their arguments (the base path is passed in, never read from the build tool), with no UI
 * strings, so the downloads, the channel store and the browser clients link exactly where
 * the pages are.
 */
import type { Lang } from '../domain/vocabulary.ts';

/** The language of a link and the site's base path with a trailing slash ("/" or "/registry/"). */
export interface LocaleBase {
  readonly lang: Lang;
  readonly base: string;
}

/**
 * The link to a route in a language: localePath({lang:'en', base:'/r/'}, '/regions/370000/')
 * is "/r/en/regions/370000/". Routes are written with leading and trailing slashes.
 */
export function localePath(ctx: LocaleBase, route: string): string {
  const rest = route.replace(/^\/+/, '');
  return `${ctx.base}${ctx.lang === 'en' ? 'en/' : ''}${rest}`;
}

/** Routes of each page type, language-neutral. */
export const routes = {
  home: () => '/',
  region: (code: string) => `/regions/${code}/`,
  /** A channel's permalink: a small page that sends the reader on to the channel's entry. */
  channel: (id: string) => `/channels/${id}/`,
  /** A channel's entry on the page of its region (see Registry.pageOf). */
  channelEntry: (pageCode: string, id: string) => `/regions/${pageCode}/#c-${id}`,
  /** A region: its own page, or its section of the page it is shown on (townships). */
  regionAt: (pageCode: string, code: string) => (pageCode === code ? `/regions/${code}/` : `/regions/${pageCode}/#r-${code}`),
  notice: (slug: string) => `/notices/${slug}/`,
  prose: (slug: string) => `/${slug}/`,
  data: () => '/data/',
  changes: () => '/changes/',
};
