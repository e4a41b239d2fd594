/**
 * The closures browser in Chromium, on the site fixture plus tests/fixtures/closures/: the
 * table is complete without JavaScript; with it, filters narrow the table, the URL carries
 * the filters, reloading the URL restores the view, and "download this view" gives the
 * filtered rows as safe CSV. Also checks the pages carry no inline script.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, launchBrowser } from './helpers/browser.ts';
import { buildSite } from './helpers/build-site.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';

const tmp = mkdtempSync(join(tmpdir(), 'browser-closures-'));
const dataset = join(tmp, 'dataset');
const outDir = join(tmp, 'out');
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  cpSync('tests/fixtures/site', dataset, { recursive: true });
  cpSync('tests/fixtures/closures/data', join(dataset, 'data'), { recursive: true });
  const result = await buildSite({ DATA_DIR: join(dataset, 'data'), CONTENT_DIR: join(dataset, 'content'), OUT_DIR: outDir });
  if (result.code !== 0) throw new Error(`build failed:\n${result.output.slice(-4000)}`);
  server = await serveStatic(outDir);
  if (browserTestsEnabled()) browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const ALL_CLOSURES = 10;

/** The channel ids of a table's rows (from each row's link to its entry; province heading rows skipped). */
async function rowIds(page: Page, scope: string): Promise<string[]> {
  return page.$$eval(`${scope} table.closures-table tbody tr:not(.group) > th a`, (as) => as.map((a) => /#c-([a-z0-9-]+)$/.exec(a.getAttribute('href') ?? '')?.[1] ?? ''));
}

async function waitForCount(page: Page, n: number): Promise<void> {
  await page.waitForFunction((want) => document.querySelectorAll('[data-results] tbody tr').length === want && !document.querySelector('#closures-app[aria-busy]'), n);
}

describe('the closures pages as built', () => {
  it('have no inline scripts or styles', () => {
    const pages = ['closures/index.html', 'en/closures/index.html', 'closures/2024-06/index.html', 'timeline/index.html', 'en/timeline/index.html'];
    for (const p of pages) {
      const html = readFileSync(join(outDir, p), 'utf8');
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag, p).toMatch(/\bsrc="/);
      expect(html, p).not.toMatch(/<style\b/);
      expect(html, p).not.toMatch(/\sstyle="/);
    }
  });

  it('write one gzipped JSON shard per month, for both languages, and a manifest', () => {
    const files = readdirSync(join(outDir, 'closures/data')).sort();
    expect(files).toContain('index.json');
    expect(files).toContain('2024-06.json.gz');
    expect(existsSync(join(outDir, 'en/closures/data'))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(outDir, 'closures/data/index.json'), 'utf8')) as { total: number };
    expect(manifest.total).toBe(ALL_CLOSURES);
    const shard = JSON.parse(gunzipSync(readFileSync(join(outDir, 'closures/data/2024-06.json.gz'))).toString('utf8')) as { rows: unknown[] };
    expect(shard.rows).toHaveLength(3);
  });

  it('list a month by province, each row linking to its channel', () => {
    const html = readFileSync(join(outDir, 'en/closures/2024-04/index.html'), 'utf8');
    expect(html).toContain('id="p-370000">Shandong</th>');
    expect(html).toContain('href="/en/regions/371082/#c-rongcheng-police-weibo"');
  });
});

describe.skipIf(!browserTestsEnabled())('the closures browser in Chromium', () => {
  it('is a complete table without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.origin}/closures/`);
    expect(await rowIds(page, '#closures-latest')).toHaveLength(ALL_CLOSURES);
    expect(await page.isVisible('#closure-filters')).toBe(false);
    // every month page together holds every closure
    const months = await page.$$eval('#closures-index a', (as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    let total = 0;
    for (const href of months) {
      await page.goto(`${server.origin}${href}`);
      total += (await rowIds(page, 'main')).length;
    }
    expect(total).toBe(ALL_CLOSURES);
    // a row's link lands on the channel's entry, still without JavaScript
    await page.goto(`${server.origin}/closures/2024-04/`);
    await Promise.all([page.waitForURL('**/regions/371082/#c-rongcheng-police-weibo'), page.click('a[href="/regions/371082/#c-rongcheng-police-weibo"]')]);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('c-rongcheng-police-weibo');
    await context.close();
  });

  it('keeps the listing, without filters, in a browser that cannot inflate the shards', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    await context.addInitScript(() => {
      delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.origin}/closures/`);
    await page.waitForLoadState('networkidle');
    expect(await rowIds(page, '#closures-latest')).toHaveLength(ALL_CLOSURES);
    expect(await page.isVisible('#closure-filters')).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('filters, keeps the filters in the URL, restores them on reload and downloads the view', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.origin}/en/closures/`);
    await page.waitForSelector('#closure-filters:not([hidden])');
    await page.waitForFunction(() => document.querySelector('[data-facet="platform:weibo"]')?.textContent === '4');

    await page.selectOption('select[name="province"]', '440000');
    await waitForCount(page, 4);
    expect(new URL(page.url()).search).toBe('?province=440000');
    // counts beside the other facets now count Guangdong only
    expect(await page.textContent('[data-facet="platform:weibo"]')).toBe('1');

    await page.check('input[name="platform"][value="weibo"]');
    await waitForCount(page, 1);
    expect(new URL(page.url()).search).toBe('?province=440000&platform=weibo');
    expect(await rowIds(page, '[data-results]')).toEqual(['shenzhen-traffic-weibo']);
    expect(await page.isVisible('#closures-latest')).toBe(false);

    // a shared link opens the same view
    const shared = page.url();
    const other = await context.newPage();
    await other.goto(shared);
    await waitForCount(other, 1);
    expect(await other.inputValue('select[name="province"]')).toBe('440000');
    expect(await other.isChecked('input[name="platform"][value="weibo"]')).toBe(true);
    expect(await rowIds(other, '[data-results]')).toEqual(['shenzhen-traffic-weibo']);
    await other.close();

    // the download holds the filtered rows
    await page.uncheck('input[name="platform"][value="weibo"]');
    await waitForCount(page, 4);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="download"]')]);
    expect(download.suggestedFilename()).toMatch(/^closures.*\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]!.startsWith('date,date_precision,status,channel,channel_id')).toBe(true);
    expect(lines).toHaveLength(5);
    const ids = lines.slice(1).map((l) => /,([a-z0-9-]+),(?:Weibo|WeChat|Douyin|Toutiao|Mobile app|Kuaishou)/.exec(l)?.[1]);
    expect(ids.sort()).toEqual(['guangdong-culture-kuaishou', 'nanshan-health-app', 'shenzhen-inject-toutiao', 'shenzhen-traffic-weibo']);
    // the formula-looking name is neutralised
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).toContain("'+深圳市测试局");

    // sorting is part of the view, too
    await page.click('[data-results] th[data-sort="date"] button');
    await page.waitForFunction(() => location.search.includes('sort=date'));
    await waitForCount(page, 4);
    expect(await rowIds(page, '[data-results]')).toEqual(['shenzhen-inject-toutiao', 'guangdong-culture-kuaishou', 'shenzhen-traffic-weibo', 'nanshan-health-app']);

    // a date range that only whole years fit
    await page.click('[data-action="clear"]');
    await page.fill('input[name="from"]', '2024-01');
    await page.fill('input[name="to"]', '2024-12');
    await page.dispatchEvent('input[name="to"]', 'change');
    await waitForCount(page, 6);
    expect(new URL(page.url()).searchParams.get('from')).toBe('2024-01');
    expect(errors).toEqual([]);
    await context.close();
  });
});
