/**
 * The search box in every page's header, the /search/ page its form leads to without
 * JavaScript, and the /verify/ page: links, words, and the region browser to fall back on.
 */
import { NATION_CODE } from '../../domain/regions.ts';
import type { Registry } from '../../domain/model.ts';
import { reportIssueUrl } from '../../routes/report-links.ts';
import { VERIFY_COPY, type VerifyCopy } from '../../verify/copy.ts';
import { VERIFY_DIR, VERIFY_MANIFEST } from '../../verify/index-format.ts';
import type { PageContext } from '../i18n.ts';
import { localePath, routes } from '../../routes/routes.ts';
import { childRegions, type RegionListItem } from './region-list.ts';

export const SEARCH_ROUTE = '/search/';
export const VERIFY_ROUTE = '/verify/';

/** Files the integrations write (src/integrations/search-index.ts and verify-index.ts). */
export const SEARCH_MANIFEST_PATH = 'search/index.json';
export const SEARCH_CLIENT_PATH = 'search/client.js';
export const VERIFY_CLIENT_PATH = `${VERIFY_DIR}/client.js`;
export const SEARCH_PAGE_CLIENT_PATH = `${VERIFY_DIR}/search-page.js`;

const HEADER = {
  zh: {
    landmark: '全站搜索',
    label: '搜索账号、机构或地区',
    placeholder: '账号、机构或地区',
    button: '搜索',
    verify: '核验链接或账号',
  },
  en: {
    landmark: 'Site search',
    label: 'Search channels, bodies or places',
    placeholder: 'Channel, body or place',
    button: 'Search',
    verify: 'Verify a link or handle',
  },
};

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
  const t = HEADER[ctx.lang];
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

const SEARCH_PAGE = {
  zh: {
    title: '搜索账号',
    lede: '输入账号名称、主办机构或地区，简体、繁体、拼音和拼音首字母都可以。结果会标明账号是否仍在运营；已关停的账号会直接给出现在该去的地方。',
    formLandmark: '搜索账号',
    tips: '例如：荣成公安、荣成、rongcheng、rcga。',
    noScriptHeading: '没有看到结果？',
    noScript: '搜索在你的浏览器中运行，需要启用脚本。脚本被关闭时，可以按地区浏览：每个地区页列出当地仍在运营和已关停的账号。',
    provinces: '省级行政区',
    nation: '全国及中央机构的账号',
    otherWays: '其他方式',
    closures: '最近关停的账号',
    verify: '已经有链接或账号？核验它是否是官方账号',
  },
  en: {
    title: 'Search the registry',
    lede: 'Type a channel’s name, the body that runs it or a place; simplified and traditional characters, pinyin and initials all work. Results show whether each channel is still active, and for closed ones, where to go now.',
    formLandmark: 'Search channels',
    tips: 'For example: 荣成公安, 荣成, rongcheng, rcga.',
    noScriptHeading: 'No results showing?',
    noScript: 'Search runs in your browser and needs JavaScript. Without it, browse by region: each region’s page lists its active and closed channels.',
    provinces: 'Provinces',
    nation: 'The whole country and central government channels',
    otherWays: 'Other ways in',
    closures: 'Recent closures',
    verify: 'Have a link or handle? Check whether it is official',
  },
};

export interface SearchPageView {
  readonly text: (typeof SEARCH_PAGE)['zh'];
  readonly header: HeaderSearchView;
  readonly pageClient: string;
  readonly nationHref: string;
  readonly provinces: readonly RegionListItem[];
  readonly closuresHref: string;
  readonly verifyHref: string;
}

export function searchPageView(registry: Registry, ctx: PageContext): SearchPageView {
  return {
    text: SEARCH_PAGE[ctx.lang],
    header: headerSearchView(ctx),
    pageClient: `${ctx.base}${SEARCH_PAGE_CLIENT_PATH}`,
    nationHref: localePath(ctx, routes.region(NATION_CODE)),
    provinces: childRegions(registry, NATION_CODE, ctx),
    closuresHref: localePath(ctx, '/closures/'),
    verifyHref: localePath(ctx, VERIFY_ROUTE),
  };
}

export interface VerifyPageView {
  readonly text: VerifyCopy;
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
    text: VERIFY_COPY[ctx.lang],
    action: localePath(ctx, VERIFY_ROUTE),
    manifest: `${ctx.base}${VERIFY_DIR}/${VERIFY_MANIFEST}`,
    client: `${ctx.base}${VERIFY_CLIENT_PATH}`,
    repoUrl,
    searchHref: localePath(ctx, SEARCH_ROUTE),
    regionsHref: localePath(ctx, routes.region(NATION_CODE)),
    reportHref: reportIssueUrl(repoUrl, 'missing', {}),
  };
}
