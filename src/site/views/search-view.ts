/**
 * The search box in every page's header, the /search/ page its form leads to without
 * JavaScript, and the /verify/ page: links, words, and the region browser to fall back on.
 */
import { NATION_CODE } from '../../domain/regions.ts';
import type { Registry } from '../../domain/model.ts';
import { reportIssueUrl } from '../../routes/report-links.ts';
import { VERIFY_DIR, VERIFY_MANIFEST } from '../../verify/index-format.ts';
import type { PageContext } from '../i18n.ts';
import { stringsFor, type Strings } from '../../strings/index.ts';
import { localePath, routes } from '../../routes/routes.ts';
import { childRegions, type RegionListItem } from './region-list.ts';

export const SEARCH_ROUTE = '/search/';
export const VERIFY_ROUTE = '/verify/';

/** Files the integrations write (src/integrations/search-index.ts and verify-index.ts). */
export const SEARCH_MANIFEST_PATH = 'search/index.json';
export const SEARCH_CLIENT_PATH = 'search/client.js';
export const VERIFY_CLIENT_PATH = `${VERIFY_DIR}/client.js`;
export const SEARCH_PAGE_CLIENT_PATH = `${VERIFY_DIR}/search-page.js`;

export interface HeaderSearchView {
  /** Where the form goes without JavaScript: the search page, which explains and links the region browser. */
  readonly action: string;
  readonly manifest: string;
  readonly client: string;
  readonly lang: 'zh' | 'en';
  readonly landmark: string;
  readonly label: string;
  readonly placeholder: string;
  readonly button: string;
  readonly verify: { readonly href: string; readonly text: string };
}

export function headerSearchView(ctx: PageContext): HeaderSearchView {
  const t = stringsFor(ctx.lang).searchBox;
  return {
    action: localePath(ctx, SEARCH_ROUTE),
    manifest: `${ctx.base}${SEARCH_MANIFEST_PATH}`,
    client: `${ctx.base}${SEARCH_CLIENT_PATH}`,
    lang: ctx.lang,
    landmark: t.landmark,
    label: t.label,
    placeholder: t.placeholder,
    button: t.button,
    verify: { href: localePath(ctx, VERIFY_ROUTE), text: t.verify },
  };
}

export interface SearchPageView {
  readonly text: Strings['searchPage'];
  readonly header: HeaderSearchView;
  readonly pageClient: string;
  readonly nationHref: string;
  readonly provinces: readonly RegionListItem[];
  readonly closuresHref: string;
  readonly verifyHref: string;
}

export function searchPageView(registry: Registry, ctx: PageContext): SearchPageView {
  return {
    text: stringsFor(ctx.lang).searchPage,
    header: headerSearchView(ctx),
    pageClient: `${ctx.base}${SEARCH_PAGE_CLIENT_PATH}`,
    nationHref: localePath(ctx, routes.region(NATION_CODE)),
    provinces: childRegions(registry, NATION_CODE, ctx),
    closuresHref: localePath(ctx, '/closures/'),
    verifyHref: localePath(ctx, VERIFY_ROUTE),
  };
}

export interface VerifyPageView {
  /** The page's words, with the report link's, which the script's answers share. */
  readonly text: Strings['verify'] & Pick<Strings['verifyAnswers'], 'reportLink'>;
  readonly action: string;
  readonly manifest: string;
  readonly client: string;
  readonly repoUrl: string;
  readonly searchHref: string;
  readonly regionsHref: string;
  readonly reportHref: string;
}

export function verifyPageView(ctx: PageContext, repoUrl: string): VerifyPageView {
  return {
    text: { ...stringsFor(ctx.lang).verify, reportLink: stringsFor(ctx.lang).verifyAnswers.reportLink },
    action: localePath(ctx, VERIFY_ROUTE),
    manifest: `${ctx.base}${VERIFY_DIR}/${VERIFY_MANIFEST}`,
    client: `${ctx.base}${VERIFY_CLIENT_PATH}`,
    repoUrl,
    searchHref: localePath(ctx, SEARCH_ROUTE),
    regionsHref: localePath(ctx, routes.region(NATION_CODE)),
    reportHref: reportIssueUrl(repoUrl, 'missing', {}),
  };
}
