/**
 * Every page template of the built site fixture (with its township rows), in both languages,
 * in Chromium:
 * - without JavaScript, each page's content is in its HTML, a channel's permalink (which
 *   needs the not-found page's script) says how to find the channel, and the header's search
 *   form leads to a page that explains and offers the region browser;
 * - axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation (at 360 px, with the search results
 *   and a verify answer showing where the page has them, and with an entry or a township
 *   section highlighted as a permalink leaves it, in light and dark);
 * - no page asks anything of another origin (every request is routed; others are refused).
 */
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, launchBrowser } from './helpers/browser.ts';
import { fixtureSite } from './helpers/fixture-site.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';

/** One page of each template, by its Chinese path ('/en' + path is the English one). */
const TEMPLATES: [template: string, path: string][] = [
  ['home', '/'],
  ['region (county: entries and township sections)', '/regions/371082/'],
  ['region (prefecture)', '/regions/371000/'],
  ['region (nation)', '/regions/100000/'],
  ['region, a closed channel’s entry landed on', '/regions/371082/#c-rongcheng-police-weibo'],
  ['region, a township section landed on', '/regions/371082/#r-371082102'],
  ['notice', '/notices/rongcheng-police-weibo-2024/'],
  ['search', '/search/'],
  ['verify', '/verify/'],
  ['closures', '/closures/'],
  ['closures, one month', '/closures/2024-04/'],
  ['timeline', '/timeline/'],
  ['data', '/data/'],
  ['changes', '/changes/'],
  ['prose', '/about/'],
  ['404', '/no-such-page/'],
];
const PAGES = TEMPLATES.flatMap(([template, path]) => [
  { name: `${template} (zh)`, path, lang: 'zh' as const },
  { name: `${template} (en)`, path: `/en${path}`, lang: 'en' as const },
]);

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const AXE = resolve('node_modules/axe-core/axe.min.js');

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(await fixtureSite());
  if (browserTestsEnabled()) browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Where axe is served from, inside the site, so the pages' policy (scripts from 'self') allows it. */
const AXE_PATH = '/__test__/axe.min.js';

async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ url: AXE_PATH });
  const violations = await page.evaluate(async (tags) => {
    const run = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Violation[] }> } }).axe.run;
    const result = await run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, AXE_TAGS);
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${JSON.stringify(n.target)} ${n.failureSummary?.split('\n').slice(1, 2).join(' ') ?? ''}`));
}

/** A context whose every request is checked: anything not from the site is refused and noted. */
async function guardedContext(options: Parameters<Browser['newContext']>[0]): Promise<{ context: BrowserContext; offsite: string[] }> {
  const context = await browser.newContext(options);
  const offsite: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === `${server.origin}${AXE_PATH}`) return route.fulfill({ path: AXE, contentType: 'text/javascript' });
    if (new URL(url).origin === server.origin) return route.continue();
    offsite.push(url);
    return route.abort('blockedbyclient');
  });
  return { context, offsite };
}

describe.skipIf(!browserTestsEnabled())('every page template', () => {
  it('has its content in the HTML without JavaScript, and the search form leads somewhere useful', { timeout: 120_000 }, async () => {
    const { context, offsite } = await guardedContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    for (const p of PAGES) {
      await page.goto('about:blank'); // so a page that differs from the last only by its #fragment is loaded afresh
      const response = await page.goto(`${server.origin}${p.path}`);
      expect(response?.status(), p.name).toBe(p.name.startsWith('404') ? 404 : 200);
      const h1 = (await page.locator('main h1').first().textContent())?.trim();
      expect(h1, p.name).toBeTruthy();
      expect((await page.locator('main').innerText()).length, p.name).toBeGreaterThan(h1!.length);
      // the header's search form, unenhanced, goes to the search page of the page's language
      const form = page.locator('form.site-search');
      expect(await form.getAttribute('action'), p.name).toBe(p.lang === 'en' && !p.name.startsWith('404') ? '/en/search/' : '/search/');
      expect(await page.locator('.search-results').count(), p.name).toBe(0);
    }

    // page content that only a script could have added would be missing here
    await page.goto(`${server.origin}/regions/371082/#c-rongcheng-police-weibo`);
    const entry = page.locator('#c-rongcheng-police-weibo');
    expect(await entry.locator('.statement').textContent()).toContain('2024年4月');
    expect(await entry.locator('.destinations').textContent()).toContain('威海公安微信');
    await page.goto(`${server.origin}/en/regions/371082/#c-rongcheng-police-weibo`);
    expect(await page.locator('#c-rongcheng-police-weibo .statement').textContent()).toContain('April 2024');
    expect(await page.locator('#r-371082102').textContent()).toContain('Chengshan Release');
    // a permalink needs the not-found page's script: without it, the page says so and offers search
    const permalink = await page.goto(`${server.origin}/channels/rongcheng-police-weibo/`);
    expect(permalink?.status()).toBe(404);
    expect(new URL(page.url()).pathname).toBe('/channels/rongcheng-police-weibo/');
    expect(await page.locator('main').textContent()).toContain('JavaScript');
    expect(await page.locator('form.site-search').count()).toBe(1);

    // searching without JavaScript lands on the search page, which offers the region browser
    await page.goto(`${server.origin}/regions/371082/`);
    await page.getByRole('searchbox', { name: '搜索账号、机构或地区' }).fill('荣成');
    await Promise.all([page.waitForURL('**/search/?q=*'), page.getByRole('button', { name: '搜索', exact: true }).click()]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('荣成');
    expect(await page.locator('main').textContent()).toContain('需要启用脚本');
    const shandong = page.locator('main .region-list a', { hasText: '山东' });
    await Promise.all([page.waitForURL('**/regions/370000/'), shandong.click()]);

    // the verify page explains how to check by hand, and how to report a missing account
    await page.goto(`${server.origin}/en/verify/?q=https://weibo.com/u/1234567890`);
    expect(await page.locator('#verify-result').textContent()).toBe('');
    expect(await page.locator('main').textContent()).toContain('Checking by hand');
    expect(await page.locator('main').textContent()).toContain('needs JavaScript, which is turned off');
    expect(await page.getByRole('link', { name: 'Open the search page' }).getAttribute('href')).toBe('/en/search/');
    expect(await page.getByRole('link', { name: 'Browse by region' }).getAttribute('href')).toBe('/en/regions/100000/');
    expect(await page.getByRole('link', { name: 'Report a missing account' }).getAttribute('href')).toBe('https://github.com/gov-channels/registry/issues/new?template=channel-missing.yml');
    expect(offsite).toEqual([]);
    await context.close();
  });

  it('passes axe (WCAG 2.0–2.2 A and AA) in both languages and asks nothing of other origins', { timeout: 240_000 }, async () => {
    const { context, offsite } = await guardedContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    const found: string[] = [];
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${String(e)}`));
    for (const p of PAGES) {
      await page.goto('about:blank');
      await page.goto(`${server.origin}${p.path}`, { waitUntil: 'networkidle' });
      for (const v of await axe(page)) found.push(`${p.name}: ${v}`);
    }

    // the states scripts make: a permalink resolved to its entry, results as you type, and each kind of verify answer
    await page.goto(`${server.origin}/en/channels/chengshan-town-weibo/`);
    await page.waitForURL('**/en/regions/371082/#c-chengshan-town-weibo');
    await page.waitForLoadState('networkidle');
    for (const v of await axe(page)) found.push(`permalink resolved (en): ${v}`);
    await page.goto(`${server.origin}/`);
    await page.getByRole('searchbox').first().fill('荣成');
    await page.locator('.search-item--closed').first().waitFor();
    for (const v of await axe(page)) found.push(`search results (zh): ${v}`);
    await page.goto(`${server.origin}/en/search/?q=rongcheng`);
    await page.locator('main .search-item').first().waitFor();
    for (const v of await axe(page)) found.push(`search page results (en): ${v}`);
    for (const [path, selector] of [
      [`/verify/?q=${encodeURIComponent('https://weibo.com/u/1234567890')}`, '.verify-match--closed'],
      [`/en/verify/?q=${encodeURIComponent('https://weibo.com/u/42')}`, '.verify-match--missing'],
      [`/en/verify/?q=${encodeURIComponent('@rcga110')}`, '.verify-note'],
      [`/verify/?q=${encodeURIComponent('https://weibo.com/govcn')}`, '.verify-match--active'],
    ] as const) {
      await page.goto(`${server.origin}${path}`);
      await page.locator(`#verify-result ${selector}`).first().waitFor();
      for (const v of await axe(page)) found.push(`verify answer ${path}: ${v}`);
    }

    // the same states in the dark colour scheme, and the highlighted entry and section
    await page.emulateMedia({ colorScheme: 'dark' });
    for (const path of ['/en/regions/371082/#c-rongcheng-police-weibo', '/regions/371082/#r-371082102']) {
      await page.goto('about:blank');
      await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
      for (const v of await axe(page)) found.push(`${path}, dark: ${v}`);
    }
    await page.goto(`${server.origin}/en/`);
    await page.getByRole('searchbox').first().fill('rongcheng');
    await page.locator('.search-item--closed').first().waitFor();
    for (const v of await axe(page)) found.push(`search results, dark (en): ${v}`);
    await page.goto(`${server.origin}/verify/?q=${encodeURIComponent('https://weibo.com/u/1234567890')}`);
    await page.locator('#verify-result .verify-match--closed').waitFor();
    for (const v of await axe(page)) found.push(`verify answer, dark: ${v}`);

    // the harness does see violations: one planted in a page is reported
    await page.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('img'), { src: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' })));
    expect((await axe(page)).some((v) => v.startsWith('image-alt'))).toBe(true);

    expect(found).toEqual([]);
    expect(errors).toEqual([]);
    expect(offsite).toEqual([]);
    await context.close();
  });
});
