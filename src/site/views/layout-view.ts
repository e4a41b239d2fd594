/**
 * What every page's frame shows: header and navigation, the language switch, the synthetic
 * data banner, and the footer's licence, source and data version.
 */
import { dayOf } from '../../domain/approx-date.ts';
import { displayUrl } from '../../format/url.ts';
import { NATION_CODE } from '../../domain/regions.ts';
import type { SiteConfig } from '../../routes/site-config.ts';
import { otherLang, type PageContext } from '../i18n.ts';
import { stringsFor } from '../../strings/index.ts';
import { localePath, routes } from '../../routes/routes.ts';
import type { ProseIndex } from '../prose.ts';
import { dateView, type DateView } from './dates.ts';
import type { ExternalLink } from './links.ts';

/**
 * No inline scripts or styles and nothing from other origins: the site needs no script at
 * all, and a reader's visit should reach no one but the host. (A meta tag cannot carry
 * frame-ancestors; hosts that allow it should also send the header.)
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** The prose pages offered in the navigation, in order, when they exist in the language. */
const NAV_PROSE = ['about', 'methodology', 'contribute'] as const;

export interface NavItem {
  readonly href: string;
  readonly text: string;
  readonly current: boolean;
}

export interface LayoutInput {
  readonly ctx: PageContext;
  /** Language-neutral route of the page ("/regions/370000/"), for the switch and alternates. */
  readonly route: string;
  /** The page's own title; absent on the home page. */
  readonly title?: string;
  readonly synthetic: boolean;
  readonly config: SiteConfig;
  readonly dataUpdated: string;
  readonly dataVersion?: string;
  readonly prose: ProseIndex;
  /** False when the page does not exist in the other language: the switch then goes home. */
  readonly translated?: boolean;
  /** False for pages that are not a place (the 404): no canonical address, not indexed. */
  readonly indexable?: boolean;
}

export interface LayoutView {
  readonly htmlLang: string;
  readonly documentTitle: string;
  readonly siteName: string;
  readonly tagline: string;
  readonly homeHref: string;
  readonly faviconHref: string;
  readonly skipLabel: string;
  readonly navLabel: string;
  readonly nav: readonly NavItem[];
  readonly langSwitch: { readonly href: string; readonly text: string; readonly hreflang: string };
  /** Absent for pages that must not be indexed. */
  readonly canonical?: string;
  readonly alternates: readonly { readonly hreflang: string; readonly href: string }[];
  readonly banner?: string;
  readonly csp: string;
  readonly footer: {
    readonly licence: { readonly label: string } & ExternalLink;
    readonly source: { readonly label: string } & ExternalLink;
    readonly updated: { readonly label: string } & DateView;
    readonly version?: { readonly label: string; readonly text: string };
  };
}

export function layoutView(input: LayoutInput): LayoutView {
  const { ctx, route, config, prose } = input;
  const t = stringsFor(ctx.lang).site;
  const other = { ...ctx, lang: otherLang(ctx.lang) };
  const indexable = input.indexable ?? true;
  const translated = (input.translated ?? true) && indexable;
  const absolute = (path: string) => new URL(path, config.siteUrl).href;

  const regionsRoute = routes.region(NATION_CODE);
  const nav: NavItem[] = [
    { href: localePath(ctx, routes.home()), text: t.nav.home, current: route === routes.home() },
    { href: localePath(ctx, regionsRoute), text: t.nav.regions, current: route.startsWith('/regions/') },
    { href: localePath(ctx, '/closures/'), text: t.nav.closures, current: route.startsWith('/closures/') },
    { href: localePath(ctx, '/timeline/'), text: t.nav.timeline, current: route === '/timeline/' },
  ];
  nav.push(
    { href: localePath(ctx, routes.data()), text: t.nav.data, current: route === routes.data() },
    { href: localePath(ctx, routes.changes()), text: t.nav.changes, current: route === routes.changes() },
  );
  for (const slug of NAV_PROSE) {
    if (prose.has(slug, ctx.lang)) {
      nav.push({ href: localePath(ctx, routes.prose(slug)), text: t.nav[slug], current: route === routes.prose(slug) });
    }
  }

  const switchRoute = translated ? route : routes.home();
  const alternates = translated
    ? [ctx, other].map((c) => ({ hreflang: stringsFor(c.lang).locale.html, href: absolute(localePath(c, route)) }))
    : [];

  return {
    htmlLang: stringsFor(ctx.lang).locale.html,
    documentTitle: input.title ? `${input.title} · ${t.name}` : t.name,
    siteName: t.name,
    tagline: t.tagline,
    homeHref: localePath(ctx, routes.home()),
    faviconHref: `${ctx.base}favicon.svg`,
    skipLabel: t.skipToContent,
    navLabel: t.navLabel,
    nav,
    langSwitch: {
      href: localePath(other, switchRoute),
      text: t.langSwitch,
      hreflang: stringsFor(other.lang).locale.html,
    },
    canonical: indexable ? absolute(localePath(ctx, route)) : undefined,
    alternates,
    banner: input.synthetic ? t.syntheticBanner : undefined,
    csp: CONTENT_SECURITY_POLICY,
    footer: {
      licence: { label: t.footer.licence, href: config.dataLicence.url, text: config.dataLicence.name },
      source: { label: t.footer.source, href: config.repoUrl, text: displayUrl(config.repoUrl) },
      updated: { label: t.footer.updated, ...dateView(dayOf(input.dataUpdated), ctx.lang) },
      version: input.dataVersion ? { label: t.footer.version, text: input.dataVersion } : undefined,
    },
  };
}

/** Where "help add them" points: the contribute page when it exists, else the repository. */
export function contributeLink(ctx: PageContext, prose: ProseIndex, repoUrl: string): { href: string; external: boolean } {
  return prose.has('contribute', ctx.lang)
    ? { href: localePath(ctx, routes.prose('contribute')), external: false }
    : { href: repoUrl, external: true };
}
