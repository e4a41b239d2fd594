/**
 * What a citizen relies on, as view models on the site fixture: the channel page's leading
 * sentence, destinations and related channels; the region page's live channels by body and
 * its closures; the notice page; and the "report a problem" links.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Registry } from '../src/domain/model.ts';
import { checkDataset } from '../src/domain/pipeline.ts';
import { sentenceText } from '../src/site/closure-sentence.ts';
import { siteConfigFromEnv } from '../src/site/config.ts';
import type { PageContext } from '../src/site/i18n.ts';
import { channelView } from '../src/site/views/channel-view.ts';
import { excerpt, markdownToText, noticePageView } from '../src/site/views/notice-view.ts';
import { regionView } from '../src/site/views/region-view.ts';
import { channelReportLinks, regionReportLinks } from '../src/site/views/report-links.ts';

const FIXTURE = { dataDir: 'tests/fixtures/site/data', contentDir: 'tests/fixtures/site/content' };
const TODAY = '2026-11-21';
const zh: PageContext = { lang: 'zh', base: '/' };
const en: PageContext = { lang: 'en', base: '/' };
const enSub: PageContext = { lang: 'en', base: '/registry/' };

let registry: Registry;

beforeAll(() => {
  const { diagnostics, dataset } = checkDataset(FIXTURE, { today: TODAY });
  expect(diagnostics.sorted().filter((d) => d.severity === 'error')).toEqual([]);
  registry = new Registry(dataset);
});

describe('channel page: what happened, in one sentence', () => {
  it('says when a closed channel merged and into what, noting that the successor closed too', () => {
    const view = channelView(registry, 'rongcheng-police-weibo', zh, TODAY);
    expect(sentenceText(view.statement)).toBe('该账号已于2024年4月并入“威海公安”（目前已关停）。');
    expect(view.statement).toContainEqual({ kind: 'date', text: '2024年4月', datetime: '2024-04' });
    const target = view.statement.find((p) => p.kind === 'target');
    expect(target).toMatchObject({ target: { href: '/channels/weihai-police-weibo/', external: false, status: 'closed' } });
    const enView = channelView(registry, 'rongcheng-police-weibo', enSub, TODAY);
    expect(sentenceText(enView.statement)).toBe('In April 2024, this account was merged into Weihai Police (威海公安) (now closed).');
    expect(enView.statement.find((p) => p.kind === 'target')).toMatchObject({ target: { href: '/registry/en/channels/weihai-police-weibo/' } });
  });

  it('then gives the live destination at the end of the chain, with the chain', () => {
    const view = channelView(registry, 'rongcheng-police-weibo', en, TODAY);
    expect(view.destinations.map((d) => [d.href, d.via.map((v) => v.href)])).toEqual([
      ['/en/channels/weihai-police-wechat/', ['/en/channels/weihai-police-weibo/']],
    ]);
  });

  it('says a closing channel was announced to move to a website, linking it as an external address', () => {
    const view = channelView(registry, 'rongcheng-culture-wechat', zh, TODAY);
    expect(sentenceText(view.statement)).toBe('该账号已于2024年8月14日宣布将停止运营，相关信息将迁移至www.rongcheng.gov.cn。');
    expect(view.statement.find((p) => p.kind === 'target')).toMatchObject({ target: { href: 'https://www.rongcheng.gov.cn/', external: true } });
    expect(sentenceText(channelView(registry, 'rongcheng-culture-wechat', en, TODAY).statement)).toBe(
      'On 14 August 2024, it was announced that this account will close and move its information to www.rongcheng.gov.cn.',
    );
  });

  it('calls an active channel the official account as recorded, with how to reach it', () => {
    const view = channelView(registry, 'weihai-police-wechat', en, TODAY);
    expect(sentenceText(view.statement)).toBe(
      'As recorded in this registry, this is an official account of Weihai Public Security Bureau (威海市公安局). No one has yet recorded checking it by hand.',
    );
    expect(sentenceText(channelView(registry, 'weihai-police-wechat', zh, TODAY).statement)).toBe(
      '据本登记册记录，这是威海市公安局在微信公众号上的官方账号。这条记录还没有人工核实的日期。',
    );
    expect(view.reachable).toBe(true);
    expect([view.url?.href, view.handle]).toEqual(['https://mp.weixin.qq.com/weihai', 'weihaigongan']);
    expect(channelView(registry, 'rongcheng-script-douyin', zh, TODAY).reachable).toBe(false);
    expect(channelView(registry, 'rongcheng-police-weibo', zh, TODAY).reachable).toBe(false);
  });

  it('says plainly that a dormant channel still exists but is no longer updated', () => {
    const view = channelView(registry, 'shandong-gov-weibo', zh, TODAY);
    expect(sentenceText(view.statement)).toMatch(/^该账号仍然存在，但已不再更新/);
    expect(view.destinations).toEqual([]);
  });

  it('lists the channels that were sent here, directly and through a chain', () => {
    const view = channelView(registry, 'weihai-police-wechat', zh, TODAY);
    expect(view.predecessors.map((p) => [p.href, p.statusLabel, p.date?.text, p.via.map((v) => v.href)])).toEqual([
      ['/channels/weihai-police-weibo/', '已关停', '2025年', []],
      ['/channels/rongcheng-police-weibo/', '已关停', '2024年4月', ['/channels/weihai-police-weibo/']],
    ]);
  });

  it('labels followers and posts as at closure for closed channels only', () => {
    const closed = channelView(registry, 'rongcheng-police-weibo', en, TODAY);
    expect([closed.followers, closed.posts]).toEqual([
      { label: 'Followers at closure', text: '500' },
      { label: 'Posts at closure', text: '860' },
    ]);
    expect(channelView(registry, 'rongcheng-police-douyin', zh, TODAY).followers).toEqual({ label: '粉丝数', text: '12,000' });
  });

  it('shows the notice as an excerpt that links to the notice page', () => {
    const view = channelView(registry, 'rongcheng-police-weibo', enSub, TODAY);
    expect(view.notice).toMatchObject({
      href: '/registry/en/notices/rongcheng-police-weibo-2024/',
      excerpt: '自2024年4月起，“荣成公安”微博账号停止更新，相关信息请关注 威海公安。',
      lang: 'zh-Hans',
      readLabel: 'Read the whole notice',
    });
    expect(channelView(registry, 'rongcheng-police-weibo', zh, TODAY).notice?.lang).toBeUndefined();
  });
});

describe('region page', () => {
  it('groups live channels by body (dormant included) and lists closures newest first', () => {
    const province = regionView(registry, '370000', zh);
    expect(province.live).toEqual([{ agency: { text: '山东省人民政府新闻办公室' }, channels: [expect.objectContaining({ id: 'shandong-gov-weibo', statusLabel: '停更' })] }]);
    const city = regionView(registry, '371000', en);
    expect(city.live.map((g) => [g.agency.text, g.channels.map((c) => c.platform)])).toEqual([['Weihai Public Security Bureau', ['WeChat official account']]]);
    expect(city.closures.map((c) => [c.id, c.date?.text, c.destinations.map((d) => d.href)])).toEqual([
      ['weihai-police-weibo', '2025', ['/en/channels/weihai-police-wechat/']],
    ]);
    expect([city.liveCount, city.closuresCount, city.ownEmpty]).toEqual(['1', '1', false]);
  });

  it('is honest about a region with nothing recorded', () => {
    const empty = regionView(registry, '370100', zh);
    expect([empty.empty, empty.ownEmpty, empty.live, empty.closures]).toEqual([true, true, [], []]);
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
      ['/channels/rongcheng-police-weibo/', '已关停', ['/channels/weihai-police-wechat/']],
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
  it('reads Markdown as plain text', () => {
    expect(markdownToText('# 标题\n\n**说明：** 见[公告](https://x.org/a) 和 `代码`。\n\n> 引用\n- 一\n- 二')).toBe('标题 说明： 见公告 和 代码。 引用 一 二');
    expect(markdownToText('Some *emphasis* and _more_, snake_case_name kept. <b>tag</b>')).toBe('Some emphasis and more, snake_case_name kept. tag');
    expect(markdownToText('```\ncode\n```\nafter ![alt](i.png)')).toBe('after alt');
  });

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
