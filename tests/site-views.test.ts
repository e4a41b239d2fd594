/**
 * The site's view models on the small fixture in tests/fixtures/site/: what each page shows,
 * in both languages, without building anything.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Registry } from '../src/domain/model.ts';
import { checkDataset } from '../src/domain/pipeline.ts';
import { siteConfigFromEnv } from '../src/site/config.ts';
import { inEveryLang, langFromParam, localePath, pageContext, routes, type PageContext } from '../src/site/i18n.ts';
import { ProseIndex, proseRoute } from '../src/site/prose.ts';
import { channelView } from '../src/site/views/channel-view.ts';
import { homeView } from '../src/site/views/home-view.ts';
import { contributeLink, layoutView } from '../src/site/views/layout-view.ts';
import { externalLink } from '../src/site/views/links.ts';
import { regionView } from '../src/site/views/region-view.ts';

const FIXTURE = { dataDir: 'tests/fixtures/site/data', contentDir: 'tests/fixtures/site/content' };
const zh: PageContext = { lang: 'zh', base: '/' };
const en: PageContext = { lang: 'en', base: '/' };
const TODAY = '2026-11-21';

let registry: Registry;

beforeAll(() => {
  const { diagnostics, dataset } = checkDataset(FIXTURE, { today: TODAY });
  expect(diagnostics.sorted().filter((d) => d.severity === 'error')).toEqual([]);
  registry = new Registry(dataset);
});

describe('links in two languages', () => {
  it('puts Chinese at the root and English under /en/, inside the base path', () => {
    expect(localePath(zh, '/regions/370000/')).toBe('/regions/370000/');
    expect(localePath(en, '/regions/370000/')).toBe('/en/regions/370000/');
    expect(localePath({ lang: 'en', base: '/registry/' }, routes.channel('a-b'))).toBe('/registry/en/channels/a-b/');
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
    const view = homeView(registry, zh);
    expect(view.counts.total).toBe(8);
    expect(Object.fromEntries(view.counts.byStatus.map((s) => [s.status, s.count]))).toEqual({ active: 4, dormant: 1, closing: 1, closed: 2 });
    // closed 2024-04, closing announced 2024-08-14, closed 2025: all after December 2023
    expect(view.sinceDirective).toBe('3');
    expect(view.provincesCovered).toBe('1 / 34 个省级行政区已有收录');
    expect(view.platforms[0]).toMatchObject({ label: '微博', count: 4 });
  });

  it('lists recent closures newest first, each with where it went', () => {
    const view = homeView(registry, en);
    expect(view.recentClosures.map((c) => c.id)).toEqual(['weihai-police-weibo', 'rongcheng-culture-wechat', 'rongcheng-police-weibo']);
    const [weihai, culture, rongcheng] = view.recentClosures;
    expect(weihai!.date).toMatchObject({ prefix: 'closed', text: '2025' });
    expect(culture!.date).toMatchObject({ prefix: 'closure announced', text: '14 August 2024' });
    expect(culture!.destinations.map((d) => d.href)).toEqual(['https://www.rongcheng.gov.cn/']);
    expect(rongcheng!.region?.text).toBe('Rongcheng');
    expect(rongcheng!.destinations.map((d) => d.href)).toEqual(['/en/channels/weihai-police-wechat/']);
  });

  it('leads into the regions: central bodies and every province', () => {
    const view = homeView(registry, zh);
    expect(view.central).toEqual({ href: '/regions/100000/', count: '1' });
    expect(view.provinces).toHaveLength(34);
    expect(view.provinces[0]).toMatchObject({ code: '370000', href: '/regions/370000/', name: { text: '山东省' } });
    expect(view.provinces[0]!.counts.total).toBe(7);
  });
});

describe('region page', () => {
  it('places the county in the tree, the current region unlinked', () => {
    const view = regionView(registry, '371082', zh);
    expect(view.breadcrumbs.map((c) => [c.name.text, c.href, c.current])).toEqual([
      ['全国', '/regions/100000/', false],
      ['山东省', '/regions/370000/', false],
      ['威海市', '/regions/371000/', false],
      ['荣成市', undefined, true],
    ]);
  });

  it('groups its live channels by body and lists its closures with their destinations', () => {
    const view = regionView(registry, '371082', en);
    expect(view.live.map((g) => [g.agency.text, g.channels.map((c) => c.id)])).toEqual([
      ['荣成市测试局', ['rongcheng-script-douyin']],
      ['荣成市公安局', ['rongcheng-police-douyin']],
    ]);
    expect(view.closures.map((c) => c.id)).toEqual(['rongcheng-culture-wechat', 'rongcheng-police-weibo']);
    const closed = view.closures[1]!;
    expect(closed.name).toEqual({ text: 'Rongcheng Police', original: '荣成公安' });
    expect(closed.date).toMatchObject({ prefix: 'closed', text: 'April 2024', datetime: '2024-04' });
    const [destination] = closed.destinations;
    expect(destination).toMatchObject({ kind: 'channel', href: '/en/channels/weihai-police-wechat/', external: false, platform: 'WeChat official account' });
    expect(destination!.via.map((v) => v.href)).toEqual(['/en/channels/weihai-police-weibo/']);
    expect(view.live[1]!.channels[0]!.destinations).toEqual([]);
  });

  it('lists subdivisions, unlinked and marked empty where nothing is recorded', () => {
    const county = regionView(registry, '371082', zh);
    expect(county.children.length).toBeGreaterThan(0);
    expect(county.children.every((c) => c.href === undefined && c.emptyNote === '尚无收录')).toBe(true);
    const city = regionView(registry, '371000', zh);
    expect(city.children[0]).toMatchObject({ code: '371082', href: '/regions/371082/', emptyNote: undefined });
    expect(city.children[0]!.counts.total).toBe(4);
    expect(city.counts.total).toBe(6);
    expect(city.totalText).toBe('含下辖地区共 6 个账号');
  });

  it('says honestly when nothing is recorded', () => {
    const empty = regionView(registry, '370100', en);
    expect(empty.empty).toBe(true);
    expect([empty.live, empty.closures]).toEqual([[], []]);
    expect(empty.name.text).toBe('Jinan');
    expect(regionView(registry, '370000', en).empty).toBe(false);
  });

  it('shows central channels and the provinces on the national page', () => {
    const nation = regionView(registry, '100000', zh);
    expect(nation.title).toBe('全国');
    expect(nation.childrenHeading).toBe('省级行政区');
    expect(nation.live.flatMap((g) => g.channels.map((c) => c.id))).toEqual(['gov-cn-weibo']);
    expect(nation.counts.total).toBe(8);
  });
});

describe('channel page', () => {
  it('leads a closed channel with where to go, through a two-hop chain', () => {
    const view = channelView(registry, 'rongcheng-police-weibo', zh, TODAY);
    expect(view.isClosure).toBe(true);
    expect(view.destinations).toHaveLength(1);
    expect(view.destinations[0]).toMatchObject({ name: { text: '威海公安微信' }, href: '/channels/weihai-police-wechat/' });
    expect(view.destinations[0]!.via).toEqual([{ name: { text: '威海公安' }, href: '/channels/weihai-police-weibo/' }]);
    expect(view.reason).toEqual({ label: '合并', explanation: '已并入另一个账号。' });
  });

  it('keeps every date at its own precision', () => {
    const zhView = channelView(registry, 'rongcheng-police-weibo', zh, TODAY);
    expect([zhView.opened?.text, zhView.announced?.text, zhView.closed?.text, zhView.checked?.text]).toEqual(['2012年', '2024年3月28日', '2024年4月', '2026年11月1日']);
    const enView = channelView(registry, 'rongcheng-police-weibo', en, TODAY);
    expect([enView.opened?.text, enView.announced?.text, enView.closed?.text]).toEqual(['2012', '28 March 2024', 'April 2024']);
    expect(enView.closed?.datetime).toBe('2024-04');
  });

  it('shows the notes in the page\'s language, else in the other one, marked', () => {
    expect(channelView(registry, 'rongcheng-police-weibo', zh, TODAY).notes).toEqual({ text: '最后一次发文在2024年3月。', lang: 'zh-Hans' });
    expect(channelView(registry, 'rongcheng-police-weibo', en, TODAY).notes).toEqual({ text: 'Last post in March 2024.', lang: 'en' });
  });

  it('shows the facts, the notice, the sources and the sibling channels', () => {
    const view = channelView(registry, 'rongcheng-police-weibo', en, TODAY);
    expect(view.title).toBe('Rongcheng Police (荣成公安)');
    expect(view.agency).toEqual({ text: 'Rongcheng Public Security Bureau', original: '荣成市公安局' });
    expect([view.statusLabel, view.platform, view.level, view.handle]).toEqual(['Closed', 'Weibo', 'County', 'rcga110']);
    expect(view.url).toEqual({ href: 'https://weibo.com/u/1234567890', text: 'weibo.com/u/1234567890' });
    expect(view.breadcrumbs.map((c) => c.href)).toEqual(['/en/regions/100000/', '/en/regions/370000/', '/en/regions/371000/', '/en/regions/371082/']);
    expect([view.followers?.text, view.posts?.text, view.notes]).toEqual(['500', '860', { text: 'Last post in March 2024.', lang: 'en' }]);
    expect(view.notice).toMatchObject({
      slug: 'rongcheng-police-weibo-2024',
      title: '关于荣成公安微博账号停止运营的公告',
      kindLabel: 'Text of the notice',
      lang: 'zh-Hans',
      announced: { text: '28 March 2024' },
      effective: { text: 'April 2024' },
    });
    expect(view.sources).toEqual([
      {
        title: 'Governments closing their unused social media accounts',
        publisher: 'China Daily',
        date: { text: '28 August 2024', datetime: '2024-08-28' },
        link: expect.objectContaining({ href: 'https://www.chinadaily.com.cn/a/202408/28/example.html' }),
        archive: expect.objectContaining({ href: expect.stringMatching(/^https:\/\/web\.archive\.org\//) }),
      },
    ]);
    expect(view.siblings.map((s) => s.id)).toEqual(['rongcheng-police-douyin']);
  });

  it('sends a channel closed towards a website to that website', () => {
    const view = channelView(registry, 'rongcheng-culture-wechat', zh, TODAY);
    expect(view.statusLabel).toBe('注销中');
    expect(view.destinations).toEqual([
      { kind: 'url', name: { text: 'www.rongcheng.gov.cn' }, href: 'https://www.rongcheng.gov.cn/', external: true, via: [] },
    ]);
    expect(view.closed).toBeUndefined();
  });

  it('shows an active channel without destinations but with the channels that moved to it', () => {
    const view = channelView(registry, 'weihai-police-wechat', zh, TODAY);
    expect(view.isClosure).toBe(false);
    expect(view.destinations).toEqual([]);
    expect(view.predecessors.map((p) => p.href)).toEqual(['/channels/weihai-police-weibo/', '/channels/rongcheng-police-weibo/']);
  });

  it('keeps a cited bare URL as a link', () => {
    const view = channelView(registry, 'rongcheng-script-douyin', en, TODAY);
    expect(view.name).toEqual({ text: '<script>alert(1)</script>', lang: 'zh-Hans' });
    expect(view.sources).toEqual([{ link: { href: 'https://example.org/evidence', text: 'example.org/evidence' } }]);
    expect(view.url).toBeUndefined();
  });
});
