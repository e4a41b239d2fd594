/**
 * Channel entries and a page's source list as HTML strings (src/site/render/): every value a
 * contributor can write comes out as text, never markup; and each entry carries what a reader
 * came for, in its place: the name linking to the permalink, the status where it is not
 * active, how to recognise a live account, the closure sentence, where to go now, the notice
 * and the numbered sources.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Registry } from '../src/domain/model.ts';
import { checkDataset } from '../src/domain/pipeline.ts';
import type { PageContext } from '../src/site/i18n.ts';
import { stringsFor } from '../src/strings/index.ts';
import { agencyGroupsHtml, entryHtml, type EntryLabels } from '../src/site/render/channel-entries.ts';
import { sourceListHtml } from '../src/site/render/sources-html.ts';
import { channelEntry, PageSources, type ChannelEntry } from '../src/site/views/channel-entry.ts';
import { regionView } from '../src/site/views/region-view.ts';
import { fixtureWithTownships } from './helpers/fixture-site.ts';

const TODAY = '2026-11-21';
const EVIL = `<img src=x onerror="alert('x')">&amp;`;
const TAGS = new Set(['li', 'a', 'b', 'i', 'small', 'span', 'code', 'p', 'ul', 'ol', 'time', 'cite', 'div', 'section', 'h3', 'h4']);

const labelsFor = (lang: 'zh' | 'en'): EntryLabels => ({ ...stringsFor(lang).region.entry, via: stringsFor(lang).channel.via });

/** Every tag is one of the few the renderer writes, with every attribute value quoted; nothing else looks like markup. */
function expectOnlyOwnMarkup(html: string): void {
  for (const [tag, name] of html.matchAll(/<\/?([a-zA-Z0-9]+)[^>]*>/g)) {
    expect(TAGS.has(name!), tag).toBe(true);
    expect(tag, tag).toMatch(/^<\/?[a-z0-9]+(?: [a-z-]+="[^"<>]*")*>$/);
    expect(tag, tag).not.toMatch(/\son[a-z]+=/i);
  }
  const text = html.replace(/<[^>]*>/g, '');
  expect(text).not.toMatch(/[<>"]/);
}

/** The text a browser would show (tags dropped, the renderer's entities decoded). */
const text = (html: string): string =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

const hrefs = (html: string): string[] => [...html.matchAll(/ href="([^"]*)"/g)].map((m) => text(m[1]!));

/** One entry of a rendered list, by channel id. */
function entryOf(html: string, id: string): string {
  const start = html.indexOf(`<li id="c-${id}"`);
  expect(start, id).toBeGreaterThan(-1);
  const ends = [html.indexOf('<li id="c-', start + 1), html.indexOf('</ul></section>', start)].filter((n) => n > -1);
  return html.slice(start, Math.min(...ends));
}

const base: ChannelEntry = {
  id: 'x',
  anchor: 'c-x',
  permalink: '/channels/x/',
  name: { text: 'X' },
  platform: '微博',
  status: 'active',
  statusLabel: '运营中',
  destinations: [],
  sources: [],
  predecessors: [],
  morePredecessors: 0,
};

describe('an entry as HTML', () => {
  it('writes what contributors wrote as text, in attributes and in content', () => {
    const hostile: ChannelEntry = {
      ...base,
      permalink: `/channels/"><b>/`,
      name: { text: EVIL, original: `</span>${EVIL}` },
      platform: `<b>weibo</b>`,
      status: 'closed',
      statusLabel: `"closed"`,
      handle: `"><script>alert(1)</script>`,
      url: { href: `https://example.org/?a=1&b="2"><script>`, text: 'example.org' },
      statement: [
        { kind: 'text', text: `<i>${EVIL}</i>` },
        { kind: 'date', text: '2024年4月', datetime: `2024-04"><x` },
        { kind: 'target', target: { name: { text: EVIL }, href: `/regions/1/#c-"x"`, external: false, status: 'active' } },
        { kind: 'target', target: { name: { text: EVIL }, href: `https://e.org/"onmouseover="x`, external: true } },
      ],
      destinations: [
        { kind: 'channel', name: { text: EVIL, lang: 'zh-Hans' }, href: `/regions/2/#c-<y>`, external: false, platform: `<u>`, via: [{ name: { text: EVIL }, href: `/regions/3/#c-'z'` }] },
        { kind: 'url', name: { text: EVIL }, href: `https://f.org/<q>`, external: true, via: [] },
      ],
      notice: { href: `/notices/"n"/`, title: EVIL },
      sources: [1, 2],
      predecessors: [{ name: { text: EVIL, original: `</i>${EVIL}` }, platform: `<s>`, href: `/regions/4/#c-"p"` }],
      morePredecessors: 2,
    };
    const html = entryHtml(hostile, { homepage: `<home>`, handle: `"handle"`, notice: `<notice>`, via: `<via>`, replaces: `<replaces>`, more: (n) => `<${n} more>` });
    expectOnlyOwnMarkup(html);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    const shown = text(html);
    for (const s of [EVIL, `</span>${EVIL}`, '<b>weibo</b>', '"closed"', '"><script>alert(1)</script>', `<i>${EVIL}</i>`, '<home>', '<notice>', '<via>', '<u>', '<replaces>', `</i>${EVIL}`, '<s>', '<2 more>']) expect(shown).toContain(s);
    expect(hrefs(html)).toEqual([
      `https://example.org/?a=1&b="2"><script>`,
      '#s-1',
      '#s-2',
      `/regions/1/#c-"x"`,
      `https://e.org/"onmouseover="x`,
      `/regions/2/#c-<y>`,
      `/regions/3/#c-'z'`,
      `https://f.org/<q>`,
      `/notices/"n"/`,
      `/regions/4/#c-"p"`,
    ]);
    expect(html).toContain('datetime="2024-04&quot;&gt;&lt;x"');
  });

  it('anchors a live entry by its id and shows how to recognise it (address, handle) and its sources, with no status badge', () => {
    const live: ChannelEntry = { ...base, name: { text: 'Weihai Police WeChat', original: '威海公安微信' }, url: { href: 'https://mp.weixin.qq.com/weihai', text: 'mp.weixin.qq.com/weihai' }, handle: 'weihaigongan', sources: [3, 1] };
    const html = entryHtml(live, labelsFor('en'));
    expect(html).toMatch(/^<li id="c-x">/);
    expect(text(html)).toMatch(/^Weihai Police WeChat \(威海公安微信\) 微博 /);
    // the original: an upright <i lang> (HTML's "term from another language"), so a screen reader switches voice
    expect(html).toContain('<b>Weihai Police WeChat <i lang="zh-Hans">(威海公安微信)</i></b> <small>微博</small>');
    const links = [...html.matchAll(/<a [^>]*>[^<]*<\/a>/g)].map((m) => m[0]);
    expect(links.map((a) => [hrefs(a)[0], text(a)])).toEqual([
      ['https://mp.weixin.qq.com/weihai', 'homepage'],
      ['#s-3', '[3]'],
      ['#s-1', '[1]'],
    ]);
    // no rel: the page's referrer policy (same-origin) already keeps the referrer from other sites
    expect(links[0]).toBe('<a href="https://mp.weixin.qq.com/weihai">homepage</a>');
    expect(html).toMatch(/<code[^>]*>weihaigongan<\/code>/);
    expect(html).not.toContain('badge');
    expect(html).not.toContain('Active');
    expect(html).not.toContain('class="statement"');
    expect(html).not.toContain('class="destinations"');
  });

  it('says a closed entry’s status, then what happened, where to go now and the notice, in that order', () => {
    const closed: ChannelEntry = {
      ...base,
      status: 'closed',
      statusLabel: '已关停',
      statement: [{ kind: 'text', text: '该账号已于' }, { kind: 'date', text: '2024年4月', datetime: '2024-04' }, { kind: 'text', text: '停止运营。' }],
      destinations: [{ kind: 'channel', name: { text: 'Weihai Police WeChat', original: '威海公安微信' }, href: '/en/regions/371000/#c-b', external: false, platform: 'WeChat', via: [{ name: { text: 'Weihai Police' }, href: '/en/regions/371000/#c-a' }] }],
      notice: { href: '/en/notices/n/', title: '公告', lang: 'zh-Hans' },
      sources: [1],
    };
    const html = entryHtml(closed, labelsFor('en'));
    expect(html).toMatch(/^<li id="c-x" class="closed">/);
    // the badge is coloured by the entry's class (closed), not a class of its own
    expect(html).toContain('<span class="badge">已关停</span>');
    expect(html).toContain('<p class="statement">该账号已于<time datetime="2024-04">2024年4月</time>停止运营。</p>');
    const destinations = html.slice(html.indexOf('<ul class="destinations">'), html.indexOf('</ul>') + 5);
    expect(destinations).toContain('<a href="/en/regions/371000/#c-b">Weihai Police WeChat <i lang="zh-Hans">(威海公安微信)</i></a>');
    expect(text(destinations)).toBe('→ Weihai Police WeChat (威海公安微信) WeChat via Weihai Police');
    expect(hrefs(destinations)).toEqual(['/en/regions/371000/#c-b', '/en/regions/371000/#c-a']);
    expect(html).toContain('<a href="/en/notices/n/">Closure notice</a>');
    const order = ['class="badge', 'class="statement"', 'class="destinations"', '/en/notices/n/'].map((s) => html.indexOf(s));
    expect(order.every((n) => n > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('leaves out what an entry does not have', () => {
    const html = entryHtml(base, labelsFor('en'));
    expect(text(html)).toBe('X 微博');
    expect(html).toMatch(/^<li id="c-x">.*<\/li>$/);
    expect(html).not.toMatch(/<(a|p|ul|code|time) /);
  });
});

describe('a region page’s entries and sources, from the fixture', () => {
  let registry: Registry;
  let root: string;

  beforeAll(() => {
    const fixture = fixtureWithTownships();
    root = fixture.root;
    registry = new Registry(checkDataset(fixture, { today: TODAY }).dataset);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const render = (code: string, ctx: PageContext) => {
    const view = regionView(registry, code, ctx, TODAY);
    return { view, groups: agencyGroupsHtml(view.groups, labelsFor(ctx.lang)), sources: sourceListHtml(view.sources, stringsFor(ctx.lang).channel.archive, true) };
  };

  it('shows the 荣成 closure in English with English names beside the Chinese originals, linking the successor and the destination entries', () => {
    const { groups } = render('371082', { lang: 'en', base: '/registry/' });
    expectOnlyOwnMarkup(groups);
    const li = entryOf(groups, 'rongcheng-police-weibo');
    expect(text(li)).toContain('Rongcheng Police (荣成公安) Weibo Closed');
    expect(text(li)).toContain('In April 2024, this account was merged into Weihai Police (威海公安) (now closed).');
    expect(li).toContain('<time datetime="2024-04">April 2024</time>');
    expect(hrefs(li)).toEqual([
      '#s-2',
      '/registry/en/regions/371000/#c-weihai-police-weibo',
      '/registry/en/regions/371000/#c-weihai-police-wechat',
      '/registry/en/regions/371000/#c-weihai-police-weibo',
      '/registry/en/notices/rongcheng-police-weibo-2024/',
    ]);
    // a name with no English version is marked as Chinese; a script-like name stays text
    expect(entryOf(groups, 'rongcheng-script-douyin')).toContain('<b lang="zh-Hans">&lt;script&gt;alert(1)&lt;/script&gt;</b>');
  });

  it('numbers the sources as the entries cite them, each with its link and archived copy', () => {
    const { groups, sources } = render('371082', { lang: 'zh', base: '/' });
    expectOnlyOwnMarkup(sources);
    const items = [...sources.matchAll(/<li id="s-(\d+)">(.*?)<\/li>/g)].map((m) => [Number(m[1]), m[2]!]);
    expect(items.map(([n]) => n)).toEqual([1, 2, 3]);
    // only the county's own entries are rendered here; the township sections cite s-2 and s-3
    expect([...new Set(hrefs(groups).filter((h) => h.startsWith('#s-')))].sort()).toEqual(['#s-1', '#s-2']);
    const [, chinaDaily] = items[1]!;
    expect(hrefs(chinaDaily as string)).toEqual([
      'https://www.chinadaily.com.cn/a/202408/28/example.html',
      'https://web.archive.org/web/2024/https://www.chinadaily.com.cn/a/202408/28/example.html',
    ]);
    expect(text(chinaDaily as string)).toBe('Governments closing their unused social media accounts China Daily 2024年8月28日 (存档)');
    expect(chinaDaily).toContain('<time datetime="2024-08-28">2024年8月28日</time>');
    for (const [tag] of sources.matchAll(/<a [^>]*>/g)) expect(tag).toMatch(/^<a href="https:[^"]+" class="external">$/);
    expect(text(items[0]![1] as string)).toBe('example.org/evidence');
  });

  it('puts the body names at the heading level asked for, bodies in order', () => {
    const { view } = render('371082', { lang: 'zh', base: '/' });
    const township = agencyGroupsHtml(view.sections[1]!.groups, labelsFor('zh'), 4);
    expect([...township.matchAll(/<section><h(\d)>(.*?)<\/h\d>/g)].map((m) => [m[1], text(m[2]!)])).toEqual([['4', '荣成市成山镇人民政府']]);
    const own = agencyGroupsHtml(view.groups, labelsFor('zh'));
    expect([...own.matchAll(/<section><h(\d)>(.*?)<\/h\d>/g)].map((m) => [m[1], text(m[2]!)])).toEqual([
      ['3', '荣成市测试局'],
      ['3', '荣成市公安局'],
      ['3', '荣成市文化和旅游局'],
    ]);
  });

  it('gives a source list ids only where entries point into it', () => {
    const sources = new PageSources('en');
    sources.numberOf({ kind: 'url', url: 'https://example.org/a' });
    expect(sourceListHtml(sources.citations, 'archived copy')).toBe(
      '<ol class="citations"><li><a href="https://example.org/a" class="external">example.org/a</a></li></ol>',
    );
    expect(sourceListHtml([{ title: `<b>A</b> & "B"`, publisher: '<P>' }], 'archived copy', true)).toBe(
      '<ol class="citations"><li id="s-1"><cite>&lt;b&gt;A&lt;/b&gt; &amp; &quot;B&quot;</cite> <span class="meta">&lt;P&gt;</span></li></ol>',
    );
  });

  it('renders every entry of the fixture without markup from the data', () => {
    for (const lang of ['zh', 'en'] as const) {
      const page = new PageSources(lang);
      for (const c of registry.channels) {
        const html = entryHtml(channelEntry(registry, c, { lang, base: '/' }, page, TODAY), labelsFor(lang));
        expectOnlyOwnMarkup(html);
        expect(html.startsWith(`<li id="c-${c.id}"`), c.id).toBe(true);
      }
    }
  });
});
