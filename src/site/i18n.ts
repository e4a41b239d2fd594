/**
 * The site's two languages: UI strings, and each page's language and base path (links are
 * made from them by src/routes/routes.ts). Chinese is the default and lives at the root;
 * English mirrors every page under /en/. Pure functions of their arguments: the base path is
 * passed in, never read from the build tool, so views built on this are testable under plain
 * Node.
 */
import { LANGS, type Labelled, type Lang } from '../domain/vocabulary.ts';

export type { Lang };

/** What every view needs to know about the page it is for. */
export interface PageContext {
  readonly lang: Lang;
  /** The site's base path with a trailing slash ("/" or "/registry/"). */
  readonly base: string;
}

/** BCP 47 tags for the lang attribute: the Chinese is written in simplified characters. */
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-Hans', en: 'en' };

/** The `lang` route parameter: absent for Chinese (the root), "en" for English. */
export type LangParam = 'en' | undefined;

export function langFromParam(param: string | undefined): Lang {
  if (param === undefined || param === '') return 'zh';
  if (param === 'en') return 'en';
  throw new Error(`unknown language segment "${param}"`);
}

export function paramForLang(lang: Lang): LangParam {
  return lang === 'en' ? 'en' : undefined;
}

/**
 * Static paths for a page type in both languages: each set of route params once per
 * language, the `lang` param absent for Chinese so its pages live at the root.
 */
export function inEveryLang<P extends Record<string, string>>(params: readonly P[]): { params: P & { lang: LangParam } }[] {
  return LANGS.flatMap((lang) => params.map((p) => ({ params: { ...p, lang: paramForLang(lang) } })));
}

export function otherLang(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}

export function pageContext(param: string | undefined, base: string): PageContext {
  return { lang: langFromParam(param), base: base.endsWith('/') ? base : `${base}/` };
}

// Made once: constructing an Intl.NumberFormat per call was half of a region page's render time.
const NUMBER_FORMATS: Record<Lang, Intl.NumberFormat> = { zh: new Intl.NumberFormat('zh-CN'), en: new Intl.NumberFormat('en-GB') };

export function formatNumber(n: number, lang: Lang): string {
  return NUMBER_FORMATS[lang].format(n);
}

/** What the one date shown beside a channel in a list means. */
export type ListDateKind = 'opened' | 'announced' | 'closed' | 'closes';
const LIST_DATE_PREFIX: Record<ListDateKind, Labelled> = {
  opened: { zh: '开设于', en: 'opened' },
  announced: { zh: '宣布关停于', en: 'closure announced' },
  closed: { zh: '关停于', en: 'closed' },
  closes: { zh: '预定关停于', en: 'closes' },
};

export function listDatePrefix(kind: ListDateKind, lang: Lang): string {
  return LIST_DATE_PREFIX[kind][lang];
}

const zh = {
  siteName: '政务新媒体账号登记册',
  siteTagline: '哪些政务新媒体账号仍在运营、哪些已经关停，关停后该去哪里。',
  skipToContent: '跳到正文',
  nav: { home: '首页', regions: '地区', closures: '关停记录', timeline: '时间线', about: '关于', methodology: '方法说明', contribute: '参与贡献', data: '数据下载', changes: '更新记录' },
  navLabel: '主导航',
  langSwitch: 'English',
  syntheticBanner: '示例数据：本站显示的是程序生成的虚构账号，并非真实记录。',
  footer: {
    licence: '数据许可',
    source: '源代码与数据',
    updated: '数据更新于',
    version: '数据版本',
  },
  breadcrumbLabel: '位置',
  home: {
    channelsRecorded: '收录账号',
    byStatus: '按状态',
    sinceDirective: '2023年12月整治“指尖上的形式主义”以来关停或注销中',
    provincesCovered: (n: number, of: number) => `${n} / ${of} 个省级行政区已有收录`,
    byPlatform: '按平台',
    recentClosures: '最近关停',
    noClosures: '尚未收录关停的账号。',
    browseRegions: '按地区浏览',
    central: '中央机构的账号',
  },
  region: {
    channelsHere: '本级机构的账号',
    totalWithChildren: (n: string) => `含下辖地区共 ${n} 个账号`,
    childrenHeading: '下辖地区',
    provincesHeading: '省级行政区',
    noneRecorded: '尚无收录',
    emptyState: '这里还没有收录任何账号。',
    helpAdd: '欢迎帮忙补充',
    countsHeading: '账号统计（含下辖地区）',
    liveHeading: '本级机构的账号',
    liveIntro: '按主办机构列出，仍在运营的在前；要找某个部门的账号，先找机构名称。已关停的账号写明了现在该去哪里。',
    closedHeading: '最近关停',
    closedIntro: '本页最近关停或即将关停的账号（共 {n} 个），点击名称看详情和现在该去哪里。',
    sectionsHeading: '乡镇、街道的账号',
    sourcesHeading: '本页引用的来源',
    entry: { homepage: '主页', handle: '平台账号', notice: '关停公告', replaces: '接替：', more: (n: number) => `等 ${n} 个账号` },
    noOwnChannels: '本级机构还没有收录任何账号；下辖地区的账号见下方。',
    reportMissing: '这里缺少某个账号？告诉我们',
  },
  channel: {
    agency: '主办机构',
    platform: '平台',
    handle: '平台账号',
    url: '链接',
    region: '所在地区',
    level: '机构级别',
    status: '状态',
    opened: '开设',
    announced: '宣布关停',
    closed: '关停',
    reason: '关停原因',
    goInstead: '现在请前往',
    via: '经由',
    noDestination: '没有记录替代的账号或网站。',
    followers: '粉丝数',
    posts: '发文数',
    notice: '关停公告',
    noticeText: '公告原文',
    noticeSummary: '公告摘要',
    issuer: '发布机构',
    effective: '生效',
    sources: '来源',
    archive: '存档',
    checked: '最近核实',
    notes: '备注',
    siblings: '同一机构的其他账号',
    predecessors: '由以下账号迁移而来',
    details: '账号信息',
    whereNow: '现在去哪里',
    chainNote: '经过的已关停账号：',
    reach: '如何找到这个账号',
    reachNote: '请认准上面的地址或平台账号；名称相同的其他账号不一定是官方账号。',
    followersAtClosure: '关停时粉丝数',
    postsAtClosure: '关停时发文数',
    readNotice: '阅读公告全文',
    readSummary: '查看公告摘要及来源',
    noticeExcerpt: '公告摘录',
    reportHeading: '发现问题？',
    reportWrong: '这个账号的信息有误',
    reportClosed: '这个账号已经关停或注销',
    reportNote: '链接会在 GitHub 上打开一张预先填好的问题单（需要 GitHub 账号）。',
    platformSiblings: '同一机构在其他平台的账号',
  },
  notice: {
    label: '关停公告',
    closes: '本公告涉及的账号',
    otherLanguage: '公告为英文，按发布时的原文显示。',
    published: '发布日期',
  },
  notFound: {
    title: '找不到这个页面',
    body: '这个地址没有对应的页面。账号的永久链接（/channels/账号编号/）会自动转到它所在地区页面上的条目，这需要 JavaScript；也可以在上方搜索账号名称。如果链接来自本站，请告诉我们。',
    resolving: '正在前往账号所在的地区页面……',
    home: '返回首页',
  },
  /** Between a sentence and what follows it: Chinese full stops carry their own space. */
  sentenceGap: '',
};

export type UiStrings = typeof zh;

const en: UiStrings = {
  siteName: 'Government New-Media Channel Registry',
  siteTagline: 'Which official government channels are still active, which have closed, and where to go instead.',
  skipToContent: 'Skip to content',
  nav: { home: 'Home', regions: 'Regions', closures: 'Closures', timeline: 'Timeline', about: 'About', methodology: 'Methodology', contribute: 'Contribute', data: 'Data', changes: 'Changes' },
  navLabel: 'Main',
  langSwitch: '中文',
  syntheticBanner: 'Synthetic data — not real. The channels on this site were generated for testing.',
  footer: {
    licence: 'Data licence',
    source: 'Source code and data',
    updated: 'Data updated',
    version: 'Data version',
  },
  breadcrumbLabel: 'Breadcrumb',
  home: {
    channelsRecorded: 'Channels recorded',
    byStatus: 'By status',
    sinceDirective: 'Closed or closing since the December 2023 directive against “formalism on fingertips”',
    provincesCovered: (n: number, of: number) => `${n} of ${of} provinces with channels recorded`,
    byPlatform: 'By platform',
    recentClosures: 'Recent closures',
    noClosures: 'No closures recorded yet.',
    browseRegions: 'Browse by region',
    central: 'Central government channels',
  },
  region: {
    channelsHere: 'Channels of bodies at this level',
    totalWithChildren: (n: string) => `${n} channels including subdivisions`,
    childrenHeading: 'Subdivisions',
    provincesHeading: 'Provinces',
    noneRecorded: 'no channels recorded yet',
    emptyState: 'No channels recorded here yet.',
    helpAdd: 'Help add them',
    countsHeading: 'Channels (including subdivisions)',
    liveHeading: 'Channels of bodies at this level',
    liveIntro: 'Listed by the body that runs them, live ones first: to find a department’s accounts, look for its name. Closed ones say where to go now.',
    closedHeading: 'Recent closures',
    closedIntro: 'The most recent of the {n} closed or closing channels on this page; follow a name for the details and where to go now.',
    sectionsHeading: 'Channels of towns and subdistricts',
    sourcesHeading: 'Sources cited on this page',
    entry: { homepage: 'homepage', handle: 'Platform handle', notice: 'Closure notice', replaces: 'Replaces: ', more: (n: number) => `and ${n} more` },
    noOwnChannels: 'No channels of bodies at this level are recorded yet; the subdivisions’ channels are below.',
    reportMissing: 'Is an account missing here? Tell us',
  },
  channel: {
    agency: 'Agency',
    platform: 'Platform',
    handle: 'Handle',
    url: 'Link',
    region: 'Region',
    level: 'Level',
    status: 'Status',
    opened: 'Opened',
    announced: 'Closure announced',
    closed: 'Closed',
    reason: 'Reason',
    goInstead: 'Go here instead',
    via: 'via',
    noDestination: 'No replacement channel or website is recorded.',
    followers: 'Followers',
    posts: 'Posts',
    notice: 'Closure notice',
    noticeText: 'Text of the notice',
    noticeSummary: 'Summary of the notice',
    issuer: 'Issued by',
    effective: 'Effective',
    sources: 'Sources',
    archive: 'archived copy',
    checked: 'Last checked',
    notes: 'Notes',
    siblings: 'Other channels of this agency',
    predecessors: 'Replaces',
    details: 'Details',
    whereNow: 'Where to go now',
    chainNote: 'Closed channels passed on the way:',
    reach: 'How to reach it',
    reachNote: 'Check the address or handle above: other accounts with the same name are not necessarily official.',
    followersAtClosure: 'Followers at closure',
    postsAtClosure: 'Posts at closure',
    readNotice: 'Read the whole notice',
    readSummary: 'Read the summary of the notice and its sources',
    noticeExcerpt: 'Excerpt',
    reportHeading: 'Spot a problem?',
    reportWrong: 'Something about this account is wrong',
    reportClosed: 'This account has closed',
    reportNote: 'The links open a pre-filled issue on GitHub (a GitHub account is needed).',
    platformSiblings: 'The same body on other platforms',
  },
  notice: {
    label: 'Closure notice',
    closes: 'Channels this notice closes',
    otherLanguage: 'The notice is in Chinese and shown as published.',
    published: 'Published',
  },
  notFound: {
    title: 'Page not found',
    body: 'There is no page at this address. A channel’s permanent link (/channels/<id>/) forwards to its entry on its region’s page, which needs JavaScript; you can also search for the channel’s name above. If the link came from this site, please tell us.',
    resolving: 'Going to the channel’s region page…',
    home: 'Back to the home page',
  },
  sentenceGap: ' ',
};

const STRINGS: Record<Lang, UiStrings> = { zh, en };

/** The site's name and one-line description in both languages, for what is published beside the pages (feeds, datapackage.json). */
export function siteIdentity(): { readonly name: Labelled; readonly tagline: Labelled } {
  return { name: { zh: zh.siteName, en: en.siteName }, tagline: { zh: zh.siteTagline, en: en.siteTagline } };
}

export function ui(lang: Lang): UiStrings {
  return STRINGS[lang];
}
