/**
 * The site's view models on the small fixture in tests/fixtures/site/ (with the township rows
 * of tests/fixtures/township/): what each page shows, in both languages, and which page shows
 * each channel and township, without building anything.
 */
import { describe, expect, it } from 'vitest';
import { Registry } from '../src/domain/model.ts';
import { siteConfigFromEnv } from '../src/routes/site-config.ts';
import { inEveryLang, langFromParam, pageContext, type PageContext } from '../src/site/i18n.ts';
import { localePath, routes } from '../src/routes/routes.ts';
import { ProseIndex, proseRoute } from '../src/site/prose.ts';
import { breadcrumbs } from '../src/site/views/breadcrumbs.ts';
import { homeView } from '../src/site/views/home-view.ts';
import { channelHref, regionHref } from '../src/site/views/hrefs.ts';
import { contributeLink, layoutView } from '../src/site/views/layout-view.ts';
import { externalLink } from '../src/site/views/links.ts';
import { regionView } from '../src/site/views/region-view.ts';
import { checkRows } from './helpers/dataset.ts';
import { useTownshipRegistry } from './helpers/fixture-site.ts';

const zh: PageContext = { lang: 'zh', base: '/' };
const en: PageContext = { lang: 'en', base: '/' };
const TODAY = '2026-11-21';

let registry: Registry;
useTownshipRegistry(TODAY, (loaded) => (registry = loaded));

describe('links in two languages', () => {
  it('puts Chinese at the root and English under /en/, inside the base path', () => {
    expect(localePath(zh, '/regions/370000/')).toBe('/regions/370000/');
    expect(localePath(en, '/regions/370000/')).toBe('/en/regions/370000/');
    expect(localePath({ lang: 'en', base: '/registry/' }, routes.channel('a-b'))).toBe('/registry/en/channels/a-b/');
    expect(localePath({ lang: 'en', base: '/registry/' }, routes.channelEntry('371082', 'a-b'))).toBe('/registry/en/regions/371082/#c-a-b');
    expect(localePath(zh, routes.regionAt('371082', '371082102'))).toBe('/regions/371082/#r-371082102');
    expect(localePath(zh, routes.regionAt('371082', '371082'))).toBe('/regions/371082/');
    expect(localePath(pageContext(undefined, '/registry'), routes.home())).toBe('/registry/');
  });

  it('reads the route parameter, refusing languages the site does not have', () => {
    expect(langFromParam(undefined)).toBe('zh');
    expect(langFromParam('en')).toBe('en');
    expect(() => langFromParam('fr')).toThrow(/fr/);
  });

  it('makes every page once per language, Chinese without a lang segment', () => {
    expect(inEveryLang([{ code: '370000' }])).toEqual([
      { params: { code: '370000', lang: undefined } },
      { params: { code: '370000', lang: 'en' } },
    ]);
  });

  it('never links to anything but http(s)', () => {
    expect(externalLink('javascript:alert(1)')).toBeUndefined();
    expect(externalLink('data:text/html,x')).toBeUndefined();
    expect(externalLink('https://www.gov.cn/')).toEqual({ href: 'https://www.gov.cn/', text: 'www.gov.cn' });
  });
});

describe('prose pages', () => {
  it('tells Chinese from English by the file name', () => {
    expect(proseRoute('content/pages/about.mdx')).toEqual({ slug: 'about', lang: 'zh' });
    expect(proseRoute('content/pages/about.en.mdx')).toEqual({ slug: 'about', lang: 'en' });
    expect(proseRoute('content/pages/Not A Slug.mdx')).toBeUndefined();
  });

  it('knows which pages exist in which language', () => {
    const prose = ProseIndex.fromFiles(['content/pages/about.mdx', 'content/pages/contribute.en.mdx', undefined]);
    expect(prose.has('about', 'zh')).toBe(true);
    expect(prose.has('about', 'en')).toBe(false);
    expect(prose.has('contribute', 'en')).toBe(true);
  });
});

describe('layout', () => {
  const config = siteConfigFromEnv({ BASE_PATH: '/registry', SITE_URL: 'https://example.org' });
  const prose = ProseIndex.fromFiles(['about.mdx', 'about.en.mdx', 'contribute.mdx']);
  const base = { route: '/regions/370000/', synthetic: false, config, dataUpdated: '2026-11-01', prose };
  const zhCtx = pageContext(undefined, config.basePath);
  const enCtx = pageContext('en', config.basePath);

  it('links the language switch to the same page in the other language', () => {
    expect(layoutView({ ...base, ctx: zhCtx }).langSwitch).toEqual({ href: '/registry/en/regions/370000/', text: 'English', hreflang: 'en' });
    expect(layoutView({ ...base, ctx: enCtx }).langSwitch).toEqual({ href: '/registry/regions/370000/', text: '中文', hreflang: 'zh-Hans' });
  });

  it('sends the switch home when the page has no translation', () => {
    expect(layoutView({ ...base, ctx: enCtx, translated: false }).langSwitch.href).toBe('/registry/');
  });

  it('offers prose pages in the navigation only where they exist', () => {
    const zhNav = layoutView({ ...base, ctx: zhCtx }).nav.map((n) => n.href);
    const enNav = layoutView({ ...base, ctx: enCtx }).nav.map((n) => n.href);
    expect(zhNav).toEqual(['/registry/', '/registry/regions/100000/', '/registry/closures/', '/registry/timeline/', '/registry/data/', '/registry/changes/', '/registry/about/', '/registry/contribute/']);
    expect(enNav).toEqual(['/registry/en/', '/registry/en/regions/100000/', '/registry/en/closures/', '/registry/en/timeline/', '/registry/en/data/', '/registry/en/changes/', '/registry/en/about/']);
    expect(layoutView({ ...base, ctx: zhCtx }).nav.find((n) => n.current)?.text).toBe('地区');
  });

  it('says so on every page when the data is synthetic, and only then', () => {
    expect(layoutView({ ...base, ctx: zhCtx, synthetic: true }).banner).toMatch(/示例数据/);
    expect(layoutView({ ...base, ctx: enCtx, synthetic: true }).banner).toMatch(/not real/);
    expect(layoutView({ ...base, ctx: zhCtx }).banner).toBeUndefined();
  });

  it('shows licence, source, data date and version in the footer', () => {
    const view = layoutView({ ...base, ctx: zhCtx, dataVersion: 'abc1234' });
    expect(view.htmlLang).toBe('zh-Hans');
    expect(view.footer.licence.text).toBe('CC BY 4.0');
    expect(view.footer.source.href).toBe(config.repoUrl);
    expect(view.footer.updated).toMatchObject({ text: '2026年11月1日', datetime: '2026-11-01' });
    expect(view.footer.version?.text).toBe('abc1234');
    expect(layoutView({ ...base, ctx: enCtx }).footer.updated.text).toBe('1 November 2026');
  });

  it('gives absolute canonical and alternate addresses, none for the 404', () => {
    const view = layoutView({ ...base, ctx: enCtx, title: 'Shandong' });
    expect(view.documentTitle).toBe('Shandong · Government New-Media Channel Registry');
    expect(view.canonical).toBe('https://example.org/registry/en/regions/370000/');
    expect(view.alternates).toContainEqual({ hreflang: 'zh-Hans', href: 'https://example.org/registry/regions/370000/' });
    expect(layoutView({ ...base, ctx: zhCtx, indexable: false }).canonical).toBeUndefined();
  });

  it('allows no inline script or style and nothing from elsewhere', () => {
    const { csp } = layoutView({ ...base, ctx: zhCtx });
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/https?:/);
  });

  it('asks for help on the contribute page, or the repository when there is none', () => {
    expect(contributeLink(zhCtx, prose, config.repoUrl)).toEqual({ href: '/registry/contribute/', external: false });
    expect(contributeLink(enCtx, prose, config.repoUrl)).toEqual({ href: config.repoUrl, external: true });
  });
});

describe('home page', () => {
  it('counts the whole registry', () => {
    const view = homeView(registry, zh, TODAY);
    expect(view.counts.total).toBe(11);
    expect(Object.fromEntries(view.counts.byStatus.map((s) => [s.status, s.count]))).toEqual({ active: 6, dormant: 1, closing: 1, closed: 3 });
    // closed 2024-04, closed 2024-06, closing announced 2024-08-14, closed 2025: all after December 2023
    expect(view.sinceDirective).toBe('4');
    expect(view.provincesCovered).toBe('1 / 34 个省级行政区已有收录');
    expect(view.platforms[0]).toMatchObject({ label: '微博', count: 5 });
  });

  it('lists recent closures in effect newest first, each linking to its entry, with where it went', () => {
    const view = homeView(registry, en, TODAY);
    expect(view.recentClosures.map((c) => c.id)).toEqual(['weihai-police-weibo', 'chengshan-town-weibo', 'rongcheng-police-weibo']);
    const [weihai, chengshan, rongcheng] = view.recentClosures;
    expect(weihai!.date).toMatchObject({ prefix: 'closed', text: '2025' });
    expect(weihai!.href).toBe('/en/regions/371000/#c-weihai-police-weibo');
    // a township's channel is an entry on its county's page
    expect(chengshan!.href).toBe('/en/regions/371082/#c-chengshan-town-weibo');
    expect(chengshan!.destinations.map((d) => d.href)).toEqual(['/en/regions/371082/#c-chengshan-town-wechat']);
    expect(rongcheng!.region?.text).toBe('Rongcheng');
    expect(rongcheng!.href).toBe('/en/regions/371082/#c-rongcheng-police-weibo');
    expect(rongcheng!.destinations.map((d) => d.href)).toEqual(['/en/regions/371000/#c-weihai-police-wechat']);
  });

  it('lists a closure still closing apart, as scheduled, with its date and where to go', () => {
    const view = homeView(registry, en, TODAY);
    expect(view.scheduledClosures.map((c) => c.id)).toEqual(['rongcheng-culture-wechat']);
    const [culture] = view.scheduledClosures;
    expect(culture!.date).toMatchObject({ prefix: 'closure announced', text: '14 August 2024' });
    expect(culture!.destinations.map((d) => d.href)).toEqual(['https://www.rongcheng.gov.cn/']);
  });

  it('leads into the regions: central bodies and every province', () => {
    const view = homeView(registry, zh, TODAY);
    expect(view.central).toEqual({ href: '/regions/100000/', count: '1' });
    expect(view.provinces).toHaveLength(34);
    expect(view.provinces[0]).toMatchObject({ code: '370000', href: '/regions/370000/', name: { text: '山东省' } });
    expect(view.provinces[0]!.counts.total).toBe(10);
  });
});

describe('region page', () => {
  it('places the county in the tree, the current region unlinked', () => {
    const view = regionView(registry, '371082', zh, TODAY);
    expect(view.breadcrumbs.map((c) => [c.name.text, c.href, c.current])).toEqual([
      ['全国', '/regions/100000/', false],
      ['山东省', '/regions/370000/', false],
      ['威海市', '/regions/371000/', false],
      ['荣成市', undefined, true],
    ]);
  });

  it('places a township in the tree with a link to its section of the county page', () => {
    expect(breadcrumbs(registry, '371082102', en, false).map((c) => c.href)).toEqual([
      '/en/regions/100000/',
      '/en/regions/370000/',
      '/en/regions/371000/',
      '/en/regions/371082/',
      '/en/regions/371082/#r-371082102',
    ]);
  });

  it('lists subdivisions: townships with channels link to their sections, the others are marked empty', () => {
    const county = regionView(registry, '371082', zh, TODAY);
    const linked = county.children.filter((c) => c.href !== undefined);
    expect(linked.map((c) => [c.code, c.href, c.counts.total])).toEqual([
      // sections of this very page: the anchor alone
      ['371082001', '#r-371082001', 1],
      ['371082102', '#r-371082102', 2],
    ]);
    const rest = county.children.filter((c) => c.href === undefined);
    expect(rest.length).toBeGreaterThan(10);
    expect(rest.every((c) => c.emptyNote === '尚无收录' && c.counts.total === 0)).toBe(true);
    const city = regionView(registry, '371000', zh, TODAY);
    expect(city.children[0]).toMatchObject({ code: '371082', href: '/regions/371082/', emptyNote: undefined });
    expect(city.children[0]!.counts.total).toBe(7);
    expect(city.counts.total).toBe(9);
    expect(city.totalText).toBe('含下辖地区共 9 个账号');
  });

  it('says honestly when nothing is recorded', () => {
    const empty = regionView(registry, '370100', en, TODAY);
    expect(empty.empty).toBe(true);
    expect([empty.groups, empty.sections, empty.recentClosures]).toEqual([[], [], []]);
    expect(empty.name.text).toBe('Jinan');
    expect(regionView(registry, '370000', en, TODAY).empty).toBe(false);
  });

  it('shows central channels and the provinces on the national page', () => {
    const nation = regionView(registry, '100000', zh, TODAY);
    expect(nation.title).toBe('全国');
    expect(nation.childrenHeading).toBe('省级行政区');
    expect(nation.groups.flatMap((g) => g.entries.map((e) => e.id))).toEqual(['gov-cn-weibo']);
    expect(nation.sections).toEqual([]);
    expect(nation.counts.total).toBe(11);
  });
});

describe('which page shows a channel or a township', () => {
  it('gives a page to the nation, every province and prefecture, and counties with channels; never to a township', () => {
    for (const code of ['100000', '370000', '371000', '370100', '371082']) expect(registry.hasPage(code), code).toBe(true);
    // a county with nothing recorded, a township with channels, one without, a code that does not exist
    for (const code of ['371002', '371082102', '371082003', '379999']) expect(registry.hasPage(code), code).toBe(false);
    const pages = registry.regionPageCodes();
    expect(pages).toContain('371082');
    expect(pages.filter((c) => c.length === 9)).toEqual([]);
    expect(pages.every((c) => registry.hasPage(c))).toBe(true);
  });

  it('shows a township’s channels on its county’s page, everything else on its own region’s', () => {
    expect(['100000', '370000', '371000', '371082'].map((c) => registry.pageOf(c))).toEqual(['100000', '370000', '371000', '371082']);
    expect(registry.pageOf('371082102')).toBe('371082');
    expect(registry.pageOf('371082003')).toBe('371082');
    for (const c of registry.channels) {
      const page = registry.pageOf(c.region);
      expect(registry.hasPage(page), c.id).toBe(true);
      expect(page === c.region || registry.sectionsOf(page).some((s) => s.region.code === c.region), c.id).toBe(true);
    }
  });

  it('makes a county’s townships with channels its sections, in code order, and no one else’s', () => {
    expect(registry.sectionsOf('371082').map((s) => [s.region.code, s.region.name, s.channels.map((c) => c.id).sort()])).toEqual([
      ['371082001', '宁津街道', ['dongdun-community-douyin']],
      ['371082102', '成山镇', ['chengshan-town-wechat', 'chengshan-town-weibo']],
    ]);
    // the townships below a prefecture's counties are the counties' sections, not the prefecture's
    for (const code of ['100000', '370000', '371000', '370100', '371082102', '379999']) expect(registry.sectionsOf(code), code).toEqual([]);
  });

  it('links a channel to its entry and a township to its section', () => {
    const chengshan = registry.channelsById.get('chengshan-town-wechat')!;
    expect(channelHref(registry, chengshan, en)).toBe('/en/regions/371082/#c-chengshan-town-wechat');
    expect(channelHref(registry, registry.channelsById.get('gov-cn-weibo')!, { lang: 'zh', base: '/registry/' })).toBe('/registry/regions/100000/#c-gov-cn-weibo');
    expect(regionHref(registry, '371082102', zh)).toBe('/regions/371082/#r-371082102');
    expect(regionHref(registry, '371082', zh)).toBe('/regions/371082/');
    expect(regionHref(registry, '370100', zh)).toBe('/regions/370100/');
    expect([regionHref(registry, '371082003', zh), regionHref(registry, '371002', zh)]).toEqual([undefined, undefined]);
  });

  it('puts the townships of a city without counties on the city’s page, and a municipality district’s on the district’s', () => {
    const { dataset, diagnostics } = checkRows([
      { id: 'dongcheng-jd-weibo', name: '东城街道', agency: '东莞市东城街道办事处', region: '441900003', level: 'township' },
      { id: 'longtan-jd-weibo', name: '龙潭街道', agency: '北京市东城区龙潭街道办事处', region: '110101014', level: 'township' },
    ]);
    expect(diagnostics.errorCount).toBe(0);
    const r = new Registry(dataset);
    expect([r.pageOf('441900003'), r.pageOf('110101014')]).toEqual(['441900', '110101']);
    expect([r.hasPage('441900'), r.hasPage('110101'), r.hasPage('441900003')]).toEqual([true, true, false]);
    expect(r.sectionsOf('441900').map((s) => s.region.code)).toEqual(['441900003']);
    expect(r.sectionsOf('110101').map((s) => s.region.code)).toEqual(['110101014']);
    expect(channelHref(r, r.channelsById.get('dongcheng-jd-weibo')!, zh)).toBe('/regions/441900/#c-dongcheng-jd-weibo');
    expect(regionView(r, '441900', zh, TODAY).sections.map((s) => [s.anchor, s.groups.flatMap((g) => g.entries.map((e) => e.id))])).toEqual([
      ['r-441900003', ['dongcheng-jd-weibo']],
    ]);
  });
});
