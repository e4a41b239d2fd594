/**
 * The pages a citizen relies on, built from the site fixture with a fork's repository and
 * address: the closed channel's page leads with its closure sentence and destination, every
 * notice has a page in both languages, and "report a problem" goes to the configured repository.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from './helpers/build-site.ts';

const FIXTURE = 'tests/fixtures/site';
const REPO = 'https://github.com/example/registry-fork';
const tmp = mkdtempSync(join(tmpdir(), 'site-pages-'));
const outDir = join(tmp, 'out');
let result: BuildResult;

const page = (path: string): string => readFileSync(join(outDir, path, 'index.html'), 'utf8');
/** The page's visible text in one line, tags removed (entities left as they are). */
const text = (html: string): string => html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ');
/** The first element with this class, up to the end of its paragraph. */
const paragraph = (html: string, cls: string): string => {
  const start = html.indexOf(`class="${cls}`);
  expect(start, cls).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</p>', start));
};
const reportHrefs = (html: string): string[] => {
  const start = html.indexOf('class="report"');
  expect(start).toBeGreaterThan(-1);
  return [...html.slice(start, html.indexOf('</section>', start)).matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
};

beforeAll(async () => {
  result = await buildSite({
    DATA_DIR: `${FIXTURE}/data`,
    CONTENT_DIR: `${FIXTURE}/content`,
    OUT_DIR: outDir,
    REPO_URL: REPO,
    SITE_URL: 'https://example.org',
  });
  if (result.code !== 0) console.error(result.output);
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('channel, region and notice pages', () => {
  it('builds', () => {
    expect(result.code).toBe(0);
  });

  it('leads a closed channel with its closure sentence, then where to go now', () => {
    const zh = page('channels/rongcheng-police-weibo');
    const statement = paragraph(zh, 'statement');
    expect(text(statement)).toContain('该账号已于2024年4月并入“威海公安”（目前已关停）。');
    expect(statement).toContain('<time datetime="2024-04">2024年4月</time>');
    expect(statement).toContain('href="/channels/weihai-police-weibo/"');
    expect(zh.indexOf('class="statement')).toBeLessThan(zh.indexOf('id="go-instead"'));
    expect(zh.indexOf('id="go-instead"')).toBeLessThan(zh.indexOf('id="details"'));
    expect(zh.slice(zh.indexOf('id="go-instead"'))).toMatch(/^[^]*?class="destination-name"[^]*?href="\/channels\/weihai-police-wechat\/"/);
    const en = page('en/channels/rongcheng-police-weibo');
    expect(text(paragraph(en, 'statement'))).toContain('In April 2024, this account was merged into Weihai Police (威海公安) (now closed).');
    expect(en).toContain('<meta name="description" content="In April 2024, this account was merged into Weihai Police (威海公安) (now closed).">');
  });

  it('links a website destination out of the site safely', () => {
    const statement = paragraph(page('channels/rongcheng-culture-wechat'), 'statement');
    expect(statement).toContain('<a href="https://www.rongcheng.gov.cn/" rel="noopener noreferrer" class="external">www.rongcheng.gov.cn</a>');
  });

  it('says an active channel is the official one and how to reach it; a dormant one that it is no longer updated', () => {
    const active = page('en/channels/weihai-police-wechat');
    expect(text(paragraph(active, 'statement'))).toContain('this is an official account of Weihai Public Security Bureau');
    expect(active).toContain('id="reach"');
    expect(active).toContain('id="predecessors"');
    expect(text(paragraph(page('channels/shandong-gov-weibo'), 'statement'))).toContain('该账号仍然存在，但已不再更新');
  });

  it('gives every notice a page in both languages, linked from its channels', () => {
    for (const lang of ['', 'en/']) {
      expect(existsSync(join(outDir, lang, 'notices/rongcheng-police-weibo-2024/index.html')), lang).toBe(true);
    }
    const zh = page('notices/rongcheng-police-weibo-2024');
    expect(zh).toContain('关于荣成公安微博账号停止运营的公告');
    expect(zh).toContain('公告原文');
    expect(zh).toContain('<strong>威海公安</strong>');
    expect(zh).toContain('href="/channels/rongcheng-police-weibo/"');
    const en = page('en/notices/rongcheng-police-weibo-2024');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Text of the notice');
    expect(en).toMatch(/<div class="notice-body" lang="zh-Hans">/);
    expect(en).toContain('href="/en/channels/rongcheng-police-weibo/"');
    expect(page('en/channels/rongcheng-police-weibo')).toContain('href="/en/notices/rongcheng-police-weibo-2024/"');
  });

  it('sends reports to the configured repository, pre-filled', () => {
    const channel = reportHrefs(page('channels/rongcheng-police-douyin'));
    expect(channel).toHaveLength(2);
    for (const href of channel) expect(href.startsWith(`${REPO}/issues/new?template=`)).toBe(true);
    const wrong = new URL(channel[0]!);
    expect(wrong.searchParams.get('template')).toBe('channel-wrong.yml');
    expect(wrong.searchParams.get('channel')).toBe('rongcheng-police-douyin');
    expect(wrong.searchParams.get('page')).toBe('https://example.org/channels/rongcheng-police-douyin/');
    expect(new URL(channel[1]!).searchParams.get('template')).toBe('channel-closed.yml');
    const region = reportHrefs(page('en/regions/370100'));
    expect(region).toHaveLength(1);
    expect(new URL(region[0]!).searchParams.get('template')).toBe('channel-missing.yml');
    expect(new URL(region[0]!).searchParams.get('region')).toBe('济南市 370100');
    expect(page('en/regions/370100')).toContain('No channels recorded here yet.');
  });

  it('shows the region’s live channels by body and its closures with where they went', () => {
    const county = page('regions/371082');
    const live = county.slice(county.indexOf('id="live"'), county.indexOf('id="closures"'));
    expect(live).toContain('荣成市公安局');
    expect(live).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const closures = county.slice(county.indexOf('id="closures"'));
    expect(closures).toContain('href="/channels/weihai-police-wechat/"');
  });
});
