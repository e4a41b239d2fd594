/**
 * What a citizen relies on, as view models on the site fixture (with its township rows): a
 * channel's entry on its region's page (what happened in one sentence, where to go now, the
 * notice and the numbered sources; how to recognise a live account), the region page around
 * the entries (bodies, township sections, recent closures, the page's source list), the
 * notice page, and the "report a problem" links.
 */
import { describe, expect, it } from 'vitest';
import type { Registry } from '../src/domain/model.ts';
import { sentenceText } from '../src/strings/sentence-parts.ts';
import { siteConfigFromEnv } from '../src/routes/site-config.ts';
import type { PageContext } from '../src/site/i18n.ts';
import { stringsFor } from '../src/strings/index.ts';
import { channelEntry, entriesByAgency, PageSources, type ChannelEntry } from '../src/site/views/channel-entry.ts';
import { excerpt, noticePageView } from '../src/site/views/notice-view.ts';
import { regionView } from '../src/site/views/region-view.ts';
import { channelReportLinks, regionReportLinks } from '../src/site/views/report-links.ts';
import { entryHtml } from '../src/site/render/channel-entries.ts';
import { useTownshipRegistry } from './helpers/fixture-site.ts';

const TODAY = '2026-11-21';
const zh: PageContext = { lang: 'zh', base: '/' };
const en: PageContext = { lang: 'en', base: '/' };
const enSub: PageContext = { lang: 'en', base: '/registry/' };

let registry: Registry;
useTownshipRegistry(TODAY, (loaded) => (registry = loaded));

/** One channel's entry, with the page's source numbering it shares with the other entries. */
function entry(id: string, ctx: PageContext, sources = new PageSources(ctx.lang)): ChannelEntry {
  const c = registry.channelsById.get(id);
  if (!c) throw new Error(`no channel ${id}`);
  return channelEntry(registry, c, ctx, sources, TODAY);
}

const statement = (e: ChannelEntry): string => sentenceText(e.statement ?? []);

describe('a closed or closing channel’s entry: what happened, in one sentence', () => {
  it('says when a closed channel merged and into what, linking the successor’s entry and noting that it closed too', () => {
    const view = entry('rongcheng-police-weibo', zh);
    expect(statement(view)).toBe('该账号已于2024年4月并入“威海公安”（目前已关停）。');
    expect(view.statement).toContainEqual({ kind: 'date', text: '2024年4月', datetime: '2024-04' });
    // the successor is an entry on its own region's page (Weihai, the prefecture)
    expect(view.statement!.find((p) => p.kind === 'target')).toMatchObject({ target: { href: '/regions/371000/#c-weihai-police-weibo', external: false, status: 'closed' } });
    const enView = entry('rongcheng-police-weibo', enSub);
    expect(statement(enView)).toBe('In April 2024, this account was merged into Weihai Police (威海公安) (now closed).');
    expect(enView.statement!.find((p) => p.kind === 'target')).toMatchObject({ target: { href: '/registry/en/regions/371000/#c-weihai-police-weibo' } });
  });

  it('then gives the live destination at the end of the chain, with the closed channel passed through', () => {
    const view = entry('rongcheng-police-weibo', en);
    expect(view.destinations.map((d) => [d.name.text, d.platform, d.href, d.via.map((v) => [v.name.text, v.href])])).toEqual([
      ['Weihai Police WeChat', 'WeChat official account', '/en/regions/371000/#c-weihai-police-wechat', [['Weihai Police', '/en/regions/371000/#c-weihai-police-weibo']]],
    ]);
    // one hop, to a channel that closed: the chain is the one channel it merged into
    expect(entry('weihai-police-weibo', zh).destinations).toEqual([]);
  });

  it('lists no destinations when the sentence already names the live successor (here on the same page)', () => {
    const view = entry('chengshan-town-weibo', zh);
    expect(statement(view)).toBe('该账号已于2024年6月并入“成山发布”。');
    expect(view.statement!.find((p) => p.kind === 'target')).toMatchObject({ target: { href: '/regions/371082/#c-chengshan-town-wechat', status: 'active' } });
    expect(view.destinations).toEqual([]);
  });

  it('says a closing channel was announced to move to a website, linking it as an external address', () => {
    const view = entry('rongcheng-culture-wechat', zh);
    expect(statement(view)).toBe('该账号已于2024年8月14日宣布将停止运营，相关信息将迁移至www.rongcheng.gov.cn。');
    expect(view.statement!.find((p) => p.kind === 'target')).toMatchObject({ target: { href: 'https://www.rongcheng.gov.cn/', external: true } });
    expect(view.destinations).toEqual([]);
    expect([view.status, view.statusLabel]).toEqual(['closing', '注销中']);
    expect(statement(entry('rongcheng-culture-wechat', en))).toBe(
      'On 14 August 2024, it was announced that this account will close and move its information to www.rongcheng.gov.cn.',
    );
  });

  it('keeps every date at its own precision: a year, a month, a day, never a made-up one', () => {
    expect(entry('weihai-police-weibo', zh).statement).toContainEqual({ kind: 'date', text: '2025年', datetime: '2025' });
    expect(entry('weihai-police-weibo', en).statement).toContainEqual({ kind: 'date', text: '2025', datetime: '2025' });
    expect(entry('rongcheng-police-weibo', en).statement).toContainEqual({ kind: 'date', text: 'April 2024', datetime: '2024-04' });
    expect(entry('rongcheng-culture-wechat', en).statement).toContainEqual({ kind: 'date', text: '14 August 2024', datetime: '2024-08-14' });
    expect(statement(entry('rongcheng-police-weibo', zh))).not.toMatch(/2024年4月\d+日/);
    expect(statement(entry('rongcheng-police-weibo', en))).not.toMatch(/\d+ April 2024/);
    expect(statement(entry('weihai-police-weibo', zh))).not.toMatch(/2025年\d+月/);
  });

  it('does not offer the address of a closed account as a way to reach it', () => {
    // the data has the old Weibo address and handle; the entry points to where to go instead
    const view = entry('rongcheng-police-weibo', zh);
    expect([view.url, view.handle]).toEqual([undefined, undefined]);
  });

  it('shows the row’s notes in the page’s language, the other language marked when that is all there is; none when there are none', () => {
    expect(entry('rongcheng-police-weibo', zh).notes).toEqual({ text: '最后一次发文在2024年3月。' });
    expect(entry('rongcheng-police-weibo', en).notes).toEqual({ text: 'Last post in March 2024.' });
    expect(entry('gov-cn-weibo', zh).notes).toBeUndefined();
    const labels = { homepage: 'homepage', handle: 'Handle', notice: 'Notice', via: 'via', replaces: 'Replaces: ', more: (n: number) => `and ${n} more` };
    const onlyChinese = { ...entry('rongcheng-police-weibo', en), notes: { text: '最后一次发文在2024年3月。', lang: 'zh-Hans' } };
    expect(entryHtml(onlyChinese, labels)).toContain('<p class="notes" lang="zh-Hans">最后一次发文在2024年3月。</p>');
    expect(entryHtml(entry('rongcheng-police-weibo', en), labels)).toContain('<p class="notes">Last post in March 2024.</p>');
  });

  it('names the closed channels that send their readers here, so a follower of the old account knows this is where it went', () => {
    expect(entry('weihai-police-wechat', en).predecessors).toEqual([{ name: { text: 'Weihai Police', original: '威海公安' }, platform: 'Weibo', href: '/en/regions/371000/#c-weihai-police-weibo' }]);
    // a closed channel can be a successor too (the chain goes on from it)
    expect(entry('weihai-police-weibo', zh).predecessors.map((p) => p.href)).toEqual(['/regions/371082/#c-rongcheng-police-weibo']);
    expect([entry('gov-cn-weibo', zh).predecessors, entry('gov-cn-weibo', zh).morePredecessors]).toEqual([[], 0]);
    const html = entryHtml(entry('weihai-police-wechat', zh), { ...stringsFor('zh').region.entry, via: '经由' });
    expect(html).toContain('<p class="meta">接替：<a href="/regions/371000/#c-weihai-police-weibo">威海公安</a> <small>微博</small></p>');
  });

  it('links the closure notice, marking its language on English pages', () => {
    expect(entry('rongcheng-police-weibo', enSub).notice).toEqual({
      href: '/registry/en/notices/rongcheng-police-weibo-2024/',
      title: '关于荣成公安微博账号停止运营的公告',
      lang: 'zh-Hans',
    });
    expect(entry('rongcheng-police-weibo', zh).notice).toMatchObject({ href: '/notices/rongcheng-police-weibo-2024/', lang: undefined });
    expect(entry('rongcheng-culture-wechat', zh).notice).toBeUndefined();
  });
});

describe('a live channel’s entry', () => {
  it('says nothing about an active channel’s status but shows how to recognise it: its address and handle', () => {
    const view = entry('weihai-police-wechat', en);
    expect(view.statement).toBeUndefined();
    expect(view.destinations).toEqual([]);
    expect([view.url, view.handle]).toEqual([{ href: 'https://mp.weixin.qq.com/weihai', text: 'mp.weixin.qq.com/weihai' }, 'weihaigongan']);
    expect([view.status, view.statusLabel, view.platform]).toEqual(['active', 'Active', 'WeChat official account']);
  });

  it('marks a dormant channel by its status alone: it still exists, there is nowhere else to go', () => {
    const view = entry('shandong-gov-weibo', zh);
    expect([view.status, view.statusLabel, view.statement]).toEqual(['dormant', '停更', undefined]);
    expect(view.destinations).toEqual([]);
    expect(entry('shandong-gov-weibo', en).statusLabel).toBe('Dormant');
  });

  it('leaves out an address that is missing', () => {
    const view = entry('rongcheng-script-douyin', en);
    expect([view.url, view.handle]).toEqual([undefined, undefined]);
  });
});

describe('names, anchors and permalinks', () => {
  it('shows English names with the Chinese original on English pages, and Chinese marked as such where there is no English name', () => {
    expect(entry('rongcheng-police-weibo', en).name).toEqual({ text: 'Rongcheng Police', original: '荣成公安' });
    expect(entry('rongcheng-police-weibo', zh).name).toEqual({ text: '荣成公安' });
    expect(entry('rongcheng-script-douyin', en).name).toEqual({ text: '<script>alert(1)</script>', lang: 'zh-Hans' });
  });

  it('anchors the entry by the channel id and links the permalink that forwards to it', () => {
    const view = entry('chengshan-town-wechat', enSub);
    expect([view.id, view.anchor, view.permalink]).toEqual(['chengshan-town-wechat', 'c-chengshan-town-wechat', '/registry/en/channels/chengshan-town-wechat/']);
    expect(entry('gov-cn-weibo', zh).permalink).toBe('/channels/gov-cn-weibo/');
  });
});

describe('sources, numbered per page', () => {
  it('gives a source cited by several entries one number, and each bare URL its own', () => {
    const sources = new PageSources('en');
    const numbers = ['rongcheng-script-douyin', 'rongcheng-police-weibo', 'rongcheng-police-douyin', 'chengshan-town-weibo'].map((id) => entry(id, en, sources).sources);
    expect(numbers).toEqual([[1], [2], [2], [3]]);
    expect(sources.citations).toEqual([
      { link: { href: 'https://example.org/evidence', text: 'example.org/evidence' } },
      {
        title: 'Governments closing their unused social media accounts',
        publisher: 'China Daily',
        date: { text: '28 August 2024', datetime: '2024-08-28' },
        link: { href: 'https://www.chinadaily.com.cn/a/202408/28/example.html', text: 'www.chinadaily.com.cn/a/202408/28/example.html' },
        archive: expect.objectContaining({ href: 'https://web.archive.org/web/2024/https://www.chinadaily.com.cn/a/202408/28/example.html' }),
      },
      { link: { href: 'https://example.org/chengshan-evidence', text: 'example.org/chengshan-evidence' } },
    ]);
    expect(new PageSources('zh').citations).toEqual([]);
  });
});

describe('entries grouped by body', () => {
  it('orders bodies by name (pinyin in Chinese) and puts live channels first within each, then by platform', () => {
    const groups = entriesByAgency(registry, registry.channelsIn('371082'), zh, new PageSources('zh'), TODAY);
    expect(groups.map((g) => [g.agency.text, g.entries.map((e) => e.id)])).toEqual([
      ['荣成市测试局', ['rongcheng-script-douyin']],
      ['荣成市公安局', ['rongcheng-police-douyin', 'rongcheng-police-weibo']],
      ['荣成市文化和旅游局', ['rongcheng-culture-wechat']],
    ]);
    // the closed Weibo account comes after the live WeChat one, though Weibo is listed first among platforms
    const weihai = entriesByAgency(registry, registry.channelsIn('371000'), en, new PageSources('en'), TODAY);
    expect(weihai.map((g) => [g.agency, g.entries.map((e) => e.id)])).toEqual([
      [{ text: 'Weihai Public Security Bureau', original: '威海市公安局' }, ['weihai-police-wechat', 'weihai-police-weibo']],
    ]);
  });
});

describe('region page', () => {
  it('shows a county’s own bodies, then its townships as sections, with the recent closures of both on top', () => {
    const view = regionView(registry, '371082', en, TODAY);
    expect(view.groups.flatMap((g) => g.entries.map((e) => e.id))).toEqual([
      'rongcheng-script-douyin',
      'rongcheng-police-douyin',
      'rongcheng-police-weibo',
      'rongcheng-culture-wechat',
    ]);
    expect(view.ownCount).toBe('4');
    expect(view.sections.map((s) => [s.code, s.anchor, s.name, s.countText, s.groups.flatMap((g) => g.entries.map((e) => e.id))])).toEqual([
      ['371082001', 'r-371082001', { text: 'Ningjin Subdistrict', original: '宁津街道' }, '1', ['dongdun-community-douyin']],
      ['371082102', 'r-371082102', { text: 'Chengshan Town', original: '成山镇' }, '2', ['chengshan-town-wechat', 'chengshan-town-weibo']],
    ]);
    // each links down to its entry on the same page (township ones too), which says where to go
    expect(view.recentClosures.map((c) => [c.id, c.href, c.date?.prefix, c.date?.text])).toEqual([
      ['rongcheng-culture-wechat', '#c-rongcheng-culture-wechat', 'closure announced', '14 August 2024'],
      ['chengshan-town-weibo', '#c-chengshan-town-weibo', 'closed', 'June 2024'],
      ['rongcheng-police-weibo', '#c-rongcheng-police-weibo', 'closed', 'April 2024'],
    ]);
    const anchors = [...view.groups, ...view.sections.flatMap((s) => s.groups)].flatMap((g) => g.entries.map((e) => `#${e.anchor}`));
    for (const c of view.recentClosures) expect(anchors).toContain(c.href);
    expect(view.closuresCount).toBe('3');
    expect(view.counts.total).toBe(7);
  });

  it('lists each source its entries cite once, numbered as the entries cite them', () => {
    const view = regionView(registry, '371082', zh, TODAY);
    const entries = [...view.groups, ...view.sections.flatMap((s) => s.groups)].flatMap((g) => g.entries);
    const cited = new Set(entries.flatMap((e) => e.sources));
    expect([...cited].sort()).toEqual(view.sources.map((_, i) => i + 1));
    expect(view.sources.map((s) => s.link?.href)).toEqual([
      'https://example.org/evidence',
      'https://www.chinadaily.com.cn/a/202408/28/example.html',
      'https://example.org/chengshan-evidence',
    ]);
    expect(entries.find((e) => e.id === 'chengshan-town-weibo')!.sources).toEqual([3]);
  });

  it('shows a dormant channel among the live ones of its body, and a prefecture’s closures with where they went', () => {
    const province = regionView(registry, '370000', zh, TODAY);
    expect(province.groups).toEqual([{ agency: { text: '山东省人民政府新闻办公室' }, entries: [expect.objectContaining({ id: 'shandong-gov-weibo', statusLabel: '停更' })] }]);
    expect(province.sections).toEqual([]);
    const city = regionView(registry, '371000', en, TODAY);
    expect(city.recentClosures.map((c) => [c.id, c.name, c.platform, c.agency.text, c.date?.text])).toEqual([
      ['weihai-police-weibo', { text: 'Weihai Police', original: '威海公安' }, 'Weibo', 'Weihai Public Security Bureau', '2025'],
    ]);
    const closed = city.groups.flatMap((g) => g.entries).find((e) => e.id === 'weihai-police-weibo')!;
    expect(closed.statement!.some((p) => p.kind === 'target' && p.target.href === '/en/regions/371000/#c-weihai-police-wechat')).toBe(true);
    expect([city.ownCount, city.closuresCount, city.ownEmpty, city.sections]).toEqual(['2', '1', false, []]);
  });

  it('is honest about a region with nothing recorded', () => {
    const empty = regionView(registry, '370100', zh, TODAY);
    expect([empty.empty, empty.ownEmpty, empty.groups, empty.sections, empty.recentClosures, empty.sources]).toEqual([true, true, [], [], [], []]);
  });
});

describe('notice page', () => {
  it('labels the body by its kind and lists the channels it closes, with where they went', () => {
    const view = noticePageView(registry, 'rongcheng-police-weibo-2024', zh);
    expect(view).toMatchObject({
      title: '关于荣成公安微博账号停止运营的公告',
      issuer: '荣成市公安局',
      kindLabel: '公告原文',
      bodyLang: 'zh-Hans',
      announced: { text: '2024年3月28日' },
      effective: { text: '2024年4月' },
    });
    expect(view.languageNote).toBeUndefined();
    expect(view.channels.map((c) => [c.href, c.statusLabel, c.destinations.map((d) => d.href)])).toEqual([
      ['/regions/371082/#c-rongcheng-police-weibo', '已关停', ['/regions/371000/#c-weihai-police-wechat']],
    ]);
    expect(view.sources[0]).toMatchObject({ publisher: 'China Daily', archive: { href: expect.stringMatching(/^https:\/\/web\.archive\.org\//) } });
  });

  it('says on English pages that the notice is in Chinese', () => {
    const view = noticePageView(registry, 'rongcheng-police-weibo-2024', en);
    expect(view).toMatchObject({ kindLabel: 'Text of the notice', lang: 'zh-Hans', bodyLang: 'zh-Hans', languageNote: 'The notice is in Chinese and shown as published.' });
    expect(view.channels[0]!.name).toEqual({ text: 'Rongcheng Police', original: '荣成公安' });
  });
});

describe('notice excerpts', () => {
  it('cuts at a sentence end in the second half, else with an ellipsis', () => {
    expect(excerpt('短句。', 10)).toBe('短句。');
    expect(excerpt('第一句话比较长一些。第二句话也很长很长。', 15)).toBe('第一句话比较长一些。');
    expect(excerpt('一二三四五六七八九十一二三四五', 10)).toBe('一二三四五六七八九…');
    expect(excerpt('One. Two three four five six seven.', 20)).toBe('One. Two three four…');
    expect(excerpt('The first sentence is here. The second one is longer.', 40)).toBe('The first sentence is here.');
  });
});

describe('report a problem', () => {
  const config = siteConfigFromEnv({ REPO_URL: 'https://github.com/example/fork', SITE_URL: 'https://example.org', BASE_PATH: '/registry/' });

  it('opens the "wrong" form pre-filled for every channel, and "closed" for channels not yet closed', () => {
    const active = channelReportLinks(registry.channelsById.get('weihai-police-wechat')!, enSub, config);
    expect(active.links.map((l) => l.text)).toEqual(['Something about this account is wrong', 'This account has closed']);
    const wrong = new URL(active.links[0]!.href);
    expect(`${wrong.origin}${wrong.pathname}`).toBe('https://github.com/example/fork/issues/new');
    expect(Object.fromEntries(wrong.searchParams)).toEqual({
      template: 'channel-wrong.yml',
      title: '[信息有误 wrong] 威海公安微信',
      channel: 'weihai-police-wechat',
      page: 'https://example.org/registry/en/channels/weihai-police-wechat/',
      url: 'https://mp.weixin.qq.com/weihai',
    });
    expect(new URL(active.links[1]!.href).searchParams.get('template')).toBe('channel-closed.yml');
    const closed = channelReportLinks(registry.channelsById.get('rongcheng-police-weibo')!, zh, config);
    expect(closed.links.map((l) => new URL(l.href).searchParams.get('template'))).toEqual(['channel-wrong.yml']);
    expect(closed.heading).toBe('发现问题？');
  });

  it('asks for missing accounts on a region page, with the region filled in', () => {
    const report = regionReportLinks(registry.regions.get('371082')!, zh, config);
    expect(report.links).toHaveLength(1);
    const url = new URL(report.links[0]!.href);
    expect(url.href.startsWith('https://github.com/example/fork/issues/new?')).toBe(true);
    expect(Object.fromEntries(url.searchParams)).toEqual({ template: 'channel-missing.yml', title: '[缺少 missing] 荣成市', region: '荣成市 371082' });
    expect(report.links[0]!.text).toBe('这里缺少某个账号？告诉我们');
  });
});
