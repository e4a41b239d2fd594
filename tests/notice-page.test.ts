/**
 * The notice page's content as the page inserts it (src/site/render/notice-html.ts), on the
 * site fixture: the facts, the body in its own language, the channels it closes with where
 * to go instead, the sources with their archived copies, and a short description.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Registry } from '../src/domain/model.ts';
import type { PageContext } from '../src/site/i18n.ts';
import { noticePageHtml } from '../src/site/render/notice-html.ts';
import { noticePageView } from '../src/site/views/notice-view.ts';
import { townshipRegistry } from './helpers/fixture-site.ts';

const zh: PageContext = { lang: 'zh', base: '/' };
const en: PageContext = { lang: 'en', base: '/' };
const SLUG = 'rongcheng-police-weibo-2024';

let registry: Registry;
let remove: () => void;

beforeAll(() => {
  const loaded = townshipRegistry('2026-11-21');
  expect(loaded.errors).toEqual([]);
  registry = loaded.registry;
  remove = loaded.remove;
});

afterAll(() => remove());

describe('the notice page', () => {
  it('says who issued it and when, then the body in its own language', () => {
    const html = noticePageHtml(noticePageView(registry, SLUG, en));
    expect(html).toContain('<h1 class="notice-heading" lang="zh-Hans">关于荣成公安微博账号停止运营的公告</h1>');
    expect(html).toContain('<dt>Issued by</dt><dd lang="zh-Hans">荣成市公安局</dd>');
    expect(html).toContain('<dt>Published</dt><dd><time datetime="2024-03-28">28 March 2024</time></dd>');
    expect(html).toContain('<p class="meta">The notice is in Chinese and shown as published.</p><div class="notice-body" lang="zh-Hans"><p>自2024年4月起，“荣成公安”微博账号停止更新，相关信息请关注 <strong>威海公安</strong>。</p>\n</div>');
  });

  it('lists the channels it closes, with where to go instead, and names an agency only when it is not the issuer', () => {
    const html = noticePageHtml(noticePageView(registry, SLUG, zh));
    const channels = html.slice(html.indexOf('id="closes"'), html.indexOf('id="sources"'));
    expect(channels).toContain('<a class="channel-name" href="/regions/371082/#c-rongcheng-police-weibo">荣成公安</a>');
    expect(channels).toContain('<span class="badge status-closed">已关停</span>');
    expect(channels).toContain('<span class="arrow" aria-hidden="true">→</span> <a href="/regions/371000/#c-weihai-police-wechat">');
    expect(channels).not.toContain('荣成市公安局'); // the issuer, named in the facts above
  });

  it('cites its sources with publisher, date and archived copy, links sending no referrer', () => {
    const html = noticePageHtml(noticePageView(registry, SLUG, zh));
    const sources = html.slice(html.indexOf('id="sources"'));
    expect(sources).toMatch(/<li><a href="[^"]+" class="external">Governments closing their unused social media accounts<\/a> <span class="meta">China Daily <time datetime="2024-08-28">2024年8月28日<\/time> \(<a href="https:\/\/web\.archive\.org\/[^"]+" class="external">存档<\/a>\)<\/span><\/li>/);
  });

  it('keeps the description short, in the body\'s words without markup', () => {
    const view = noticePageView(registry, SLUG, zh);
    expect([...view.description].length).toBeLessThanOrEqual(40);
    expect(view.description).toMatch(/^自2024年4月起，“荣成公安”微博账号停止更新/);
    expect(view.description).not.toContain('**');
  });
});
