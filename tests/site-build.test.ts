/**
 * Builds the site from the small fixture in tests/fixtures/site/ (once, under a base path, as
 * a GitHub Pages project site would be) and checks the pages a reader relies on; and checks
 * that a dataset with an error stops the build before any page is written.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Registry } from '../src/domain/model.ts';
import { checkDataset } from '../src/domain/pipeline.ts';
import { buildSite as build, type BuildResult } from './helpers/build-site.ts';

const FIXTURE = 'tests/fixtures/site';
const BASE = '/registry/';

const tmp = mkdtempSync(join(tmpdir(), 'site-build-'));
const outDir = join(tmp, 'out');
let result: BuildResult;
let channelIds: string[];

const page = (path: string): string => readFileSync(join(outDir, path, 'index.html'), 'utf8');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return htmlFiles(full);
    return e.name.endsWith('.html') ? [full] : [];
  });
}

/** The part of a page between two markers, to check something is in the right section. */
function section(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  expect(start, `section #${id}`).toBeGreaterThan(-1);
  const end = html.indexOf('</section>', start);
  return html.slice(start, end);
}

beforeAll(async () => {
  const { dataset } = checkDataset({ dataDir: `${FIXTURE}/data`, contentDir: `${FIXTURE}/content` }, { today: '2026-11-21' });
  channelIds = new Registry(dataset).channels.map((c) => c.id);
  result = await build({ DATA_DIR: `${FIXTURE}/data`, CONTENT_DIR: `${FIXTURE}/content`, OUT_DIR: outDir, BASE_PATH: BASE });
  if (result.code !== 0) console.error(result.output);
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('the built site', () => {
  it('builds', () => {
    expect(result.code).toBe(0);
  });

  it('has the home page, the regions on the path and every channel, in both languages', () => {
    const paths = ['', 'regions/100000', 'regions/370000', 'regions/371000', 'regions/371082', 'about', ...channelIds.map((id) => `channels/${id}`)];
    expect(channelIds).toHaveLength(8);
    for (const lang of ['', 'en/']) {
      for (const path of paths) expect(existsSync(join(outDir, lang, path, 'index.html')), `${lang}${path}`).toBe(true);
    }
    expect(existsSync(join(outDir, '404.html'))).toBe(true);
    expect(page('')).toContain('<html lang="zh-Hans">');
    expect(page('en')).toContain('<html lang="en">');
  });

  it('shows a channel name that looks like a script as text', () => {
    for (const path of ['channels/rongcheng-script-douyin', 'en/channels/rongcheng-script-douyin', 'regions/371082']) {
      const html = page(path);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).not.toContain('<script>alert(1)');
    }
  });

  it('keeps dates at the precision the data gives', () => {
    const zh = page('channels/rongcheng-police-weibo');
    expect(zh).toContain('<time datetime="2024-04">2024年4月</time>');
    expect(zh).toContain('<time datetime="2012">2012年</time>');
    expect(zh).not.toMatch(/2024年4月\d+日/);
    const en = page('en/channels/rongcheng-police-weibo');
    expect(en).toContain('<time datetime="2024-04">April 2024</time>');
    expect(en).not.toMatch(/\d+ April 2024/);
    expect(page('channels/weihai-police-weibo')).toContain('<time datetime="2025">2025年</time>');
  });

  it('sends readers of a closed channel to its live destination, naming the channel passed through', () => {
    const goInstead = section(page('channels/rongcheng-police-weibo'), 'go-instead');
    expect(goInstead).toContain(`href="${BASE}channels/weihai-police-wechat/"`);
    expect(goInstead).toContain(`href="${BASE}channels/weihai-police-weibo/"`);
    expect(goInstead.indexOf('weihai-police-wechat')).toBeLessThan(goInstead.indexOf('weihai-police-weibo'));
    const enGoInstead = section(page('en/channels/rongcheng-police-weibo'), 'go-instead');
    expect(enGoInstead).toContain(`href="${BASE}en/channels/weihai-police-wechat/"`);
    const website = section(page('channels/rongcheng-culture-wechat'), 'go-instead');
    expect(website).toContain('href="https://www.rongcheng.gov.cn/" rel="noopener noreferrer"');
  });

  it('renders the closure notice from its Markdown on its own page, linked from the channel', () => {
    const notice = section(page('channels/rongcheng-police-weibo'), 'notice');
    expect(notice).toContain('关于荣成公安微博账号停止运营的公告');
    expect(notice).toContain(`href="${BASE}notices/rongcheng-police-weibo-2024/"`);
    expect(section(page('notices/rongcheng-police-weibo-2024'), 'notice-body')).toContain('<strong>威海公安</strong>');
  });

  it('links breadcrumbs and the language switch within the base path', () => {
    const county = page('regions/371082');
    expect(county).toMatch(/<a href="\/registry\/regions\/100000\/"><span>全国<\/span><\/a>/);
    expect(county).toMatch(/<span aria-current="page"><span>荣成市<\/span><\/span>/);
    expect(county).toContain(`class="lang-switch" href="${BASE}en/regions/371082/"`);
    expect(page('en/about')).toContain(`class="lang-switch" href="${BASE}about/"`);
  });

  it('marks every page as synthetic data when the dataset is', () => {
    expect(page('')).toContain('class="synthetic-banner"');
    expect(readFileSync(join(outDir, '404.html'), 'utf8')).toContain('class="synthetic-banner"');
  });

  it('keeps every link inside the base path, runs no inline script, and loads nothing from elsewhere', () => {
    const files = htmlFiles(outDir);
    expect(files.length).toBeGreaterThan(channelIds.length * 2);
    const stylesheets = new Set<string>();
    for (const file of files) {
      const html = readFileSync(file, 'utf8');
      // scripts only as separate same-site module files (the CSP forbids inline ones)
      for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        expect(attributes, file).toMatch(/type="module" src="\/registry\//);
        expect(body!.trim(), file).toBe('');
      }
      expect(html, file).not.toMatch(/\sstyle=/i);
      expect(html, file).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'self';`);
      for (const [, href] of html.matchAll(/\shref="(\/[^"]*)"/g)) expect(href, file).toMatch(/^\/registry\//);
      for (const [, src] of html.matchAll(/\ssrc="([^"]*)"/g)) expect(src, file).toMatch(/^\/registry\//);
      for (const [tag] of html.matchAll(/<a [^>]*href="https?:[^"]*"[^>]*>/g)) expect(tag, file).toContain('rel="noopener noreferrer"');
      for (const [, href] of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) stylesheets.add(href!);
    }
    expect(stylesheets.size).toBe(1);
    expect([...stylesheets][0]).toMatch(/^\/registry\/_astro\/.+\.css$/);
  });
});

describe('a dataset with an error', () => {
  it('fails the build without writing pages', async () => {
    const broken = join(tmp, 'broken');
    cpSync(FIXTURE, broken, { recursive: true });
    appendFileSync(join(broken, 'data/channels/central.csv'), 'bad-status-row,某账号,,某机构,,100000,central,weibo,,,gone,,,,,,,,,https://example.org/,,\n');
    const brokenOut = join(tmp, 'broken-out');
    const failed = await build({ DATA_DIR: join(broken, 'data'), CONTENT_DIR: join(broken, 'content'), OUT_DIR: brokenOut });
    expect(failed.code).not.toBe(0);
    expect(failed.output).toMatch(/central\.csv:\d+:\d+.*"gone" is not a status/);
    expect(existsSync(join(brokenOut, 'index.html'))).toBe(false);
  });
});
