/**
 * The pages a citizen relies on, built from the site fixture (with its township rows) with a
 * fork's repository and address: a county's page with its channels as entries (a closed one
 * leads with its closure sentence, then where to go now, the notice and the sources) and its
 * townships as sections; every notice has a page in both languages, linked both ways; and
 * "report a problem" goes to the configured repository.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from './helpers/build-site.ts';
import { fixtureWithTownships } from './helpers/fixture-site.ts';

const REPO = 'https://github.com/example/registry-fork';
const tmp = mkdtempSync(join(tmpdir(), 'site-pages-'));
const outDir = join(tmp, 'out');
let result: BuildResult;
let fixtureRoot: string;

const page = (path: string): string => readFileSync(join(outDir, path, 'index.html'), 'utf8');
/** The page's visible text in one line, tags removed (entities left as they are). */
const text = (html: string): string => html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ');
/** A channel's entry: from its <li> to the next entry or the end of its list. */
const entry = (html: string, id: string): string => {
  const start = html.indexOf(`<li id="c-${id}"`);
  expect(start, id).toBeGreaterThan(-1);
  const ends = [html.indexOf('<li id="c-', start + 1), html.indexOf('</ul></section>', start)].filter((n) => n > -1);
  return html.slice(start, Math.min(...ends));
};
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
const hrefs = (html: string): string[] => [...html.matchAll(/ href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

beforeAll(async () => {
  const fixture = fixtureWithTownships();
  fixtureRoot = fixture.root;
  result = await buildSite({
    DATA_DIR: fixture.dataDir,
    CONTENT_DIR: fixture.contentDir,
    OUT_DIR: outDir,
    REPO_URL: REPO,
    SITE_URL: 'https://example.org',
  });
  if (result.code !== 0) console.error(result.output);
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  rmSync(fixtureRoot, { recursive: true, force: true });
});

describe('region and notice pages', () => {
  it('builds', () => {
    expect(result.code).toBe(0);
  });

  it('shows a closed channel’s status, then its closure sentence, then where to go now, the notice and the sources', () => {
    const zh = entry(page('regions/371082'), 'rongcheng-police-weibo');
    expect(text(zh)).toMatch(/^荣成公安 微博 已关停/);
    const statement = paragraph(zh, 'statement');
    expect(text(statement)).toContain('该账号已于2024年4月并入“威海公安”（目前已关停）。');
    expect(statement).toContain('<time datetime="2024-04">2024年4月</time>');
    expect(statement).toContain('href="/regions/371000/#c-weihai-police-weibo"');
    const order = ['已关停', 'class="statement"', 'class="destinations"', 'href="/notices/rongcheng-police-weibo-2024/"'].map((s) => zh.indexOf(s));
    expect(order.every((n) => n > 0), String(order)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(hrefs(zh.slice(zh.indexOf('class="destinations"')))[0]).toBe('/regions/371000/#c-weihai-police-wechat');
    expect(hrefs(zh).filter((h) => h.startsWith('#s-'))).toEqual(['#s-2']);
    const en = entry(page('en/regions/371082'), 'rongcheng-police-weibo');
    expect(text(paragraph(en, 'statement'))).toContain('In April 2024, this account was merged into Weihai Police (威海公安) (now closed).');
  });

  it('links a website destination out of the site safely', () => {
    const statement = paragraph(entry(page('regions/371082'), 'rongcheng-culture-wechat'), 'statement');
    expect(statement).toMatch(/<a href="https:\/\/www\.rongcheng\.gov\.cn\/"[^>]*>www\.rongcheng\.gov\.cn<\/a>/);
  });

  it('shows how to recognise a live account, and marks a dormant one without sending anyone elsewhere', () => {
    const active = entry(page('en/regions/371000'), 'weihai-police-wechat');
    expect(active).toMatch(/<a href="https:\/\/mp\.weixin\.qq\.com\/weihai">homepage<\/a>/);
    expect(active).toContain('weihaigongan');
    expect(active).not.toContain('badge');
    expect(active).not.toContain('class="statement"');
    const dormant = entry(page('regions/370000'), 'shandong-gov-weibo');
    expect(text(dormant)).toContain('停更');
    expect(dormant).not.toContain('class="destinations"');
  });

  it('leads a region page with its recent closures, each linking to its entry below, townships’ included', () => {
    const county = page('regions/371082');
    const recent = county.slice(county.indexOf('id="closures"'), county.indexOf('</section>', county.indexOf('id="closures"')));
    // each says which account and when, and links down to its entry, which says where to go now
    expect(hrefs(recent)).toEqual(['#c-rongcheng-culture-wechat', '#c-chengshan-town-weibo', '#c-rongcheng-police-weibo']);
    expect(text(recent)).toContain('荣成市文化和旅游局');
    expect(recent).toMatch(/<time datetime="2024-08-14">/);
    for (const id of ['rongcheng-culture-wechat', 'chengshan-town-weibo', 'rongcheng-police-weibo']) {
      expect(county.indexOf(`<li id="c-${id}"`), id).toBeGreaterThan(county.indexOf('id="closures"'));
    }
  });

  it('shows the county’s own bodies with their channels, then its townships, then its subdivisions, the sources and the report links', () => {
    const county = page('regions/371082');
    const marks = ['id="counts"', 'id="closures"', 'id="live"', 'id="townships"', 'id="r-371082001"', 'id="r-371082102"', 'id="children"', 'id="sources"', 'class="report"'].map((m) => [m, county.indexOf(m)] as const);
    for (const [m, i] of marks) expect(i, m).toBeGreaterThan(-1);
    expect(marks.map(([m]) => m)).toEqual([...marks].sort((a, b) => a[1] - b[1]).map(([m]) => m));
    const live = county.slice(county.indexOf('id="live"'), county.indexOf('id="townships"'));
    expect(live).toContain('荣成市公安局');
    expect(live).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect([...live.matchAll(/<li id="c-([^"]+)"/g)].map((m) => m[1])).toEqual(['rongcheng-script-douyin', 'rongcheng-police-douyin', 'rongcheng-police-weibo', 'rongcheng-culture-wechat']);
    // the subdivision list links the townships with channels to their sections
    const children = county.slice(county.indexOf('id="children"'));
    expect(hrefs(children)).toContain('#r-371082102');
    expect(hrefs(children)).toContain('#r-371082001');
  });

  it('gives every notice a page in both languages, linked from its channels’ entries and linking back to them', () => {
    for (const lang of ['', 'en/']) {
      expect(existsSync(join(outDir, lang, 'notices/rongcheng-police-weibo-2024/index.html')), lang).toBe(true);
    }
    const zh = page('notices/rongcheng-police-weibo-2024');
    expect(zh).toContain('关于荣成公安微博账号停止运营的公告');
    expect(zh).toContain('公告原文');
    expect(zh).toContain('<strong>威海公安</strong>');
    expect(zh).toContain('href="/regions/371082/#c-rongcheng-police-weibo"');
    const en = page('en/notices/rongcheng-police-weibo-2024');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Text of the notice');
    expect(en).toMatch(/<div class="notice-body" lang="zh-Hans">/);
    expect(en).toContain('href="/en/regions/371082/#c-rongcheng-police-weibo"');
    expect(entry(page('en/regions/371082'), 'rongcheng-police-weibo')).toContain('href="/en/notices/rongcheng-police-weibo-2024/"');
  });

  it('sends reports of a missing account to the configured repository, with the region filled in', () => {
    const county = reportHrefs(page('regions/371082'));
    expect(county).toHaveLength(1);
    expect(county[0]!.startsWith(`${REPO}/issues/new?template=`)).toBe(true);
    expect(new URL(county[0]!).searchParams.get('region')).toBe('荣成市 371082');
    const region = reportHrefs(page('en/regions/370100'));
    expect(region).toHaveLength(1);
    expect(new URL(region[0]!).searchParams.get('template')).toBe('channel-missing.yml');
    expect(new URL(region[0]!).searchParams.get('region')).toBe('济南市 370100');
    expect(page('en/regions/370100')).toContain('No channels recorded here yet.');
  });
});
