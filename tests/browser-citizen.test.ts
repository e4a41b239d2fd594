/**
 * What a citizen does, in Chromium on the built site fixture (with its township rows): search
 * from the header, open a closed account (its entry on its region's page, highlighted), see
 * when it closed and follow where it went; follow a shared permalink (resolved by the
 * not-found page's script) to its entry or township section; paste a link into /verify/ and learn whether it is official, closed (and where to
 * go) or not recorded; the same in English; and the header and region pages on a 360 px phone.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, launchBrowser } from './helpers/browser.ts';
import { fixtureSite } from './helpers/fixture-site.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await serveStatic(await fixtureSite());
  if (browserTestsEnabled()) {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  }
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

/**
 * A permalink (/channels/<id>/, /regions/<township>/) is no page: the host answers 404 with
 * the not-found page, whose script sends the reader on. Chromium reports that 404 as a console
 * error; it is the only one expected.
 */
const isPermalink = (url: string): boolean => /^\/(en\/)?(channels\/[a-z0-9-]+|regions\/\d{9})\/?$/.test(new URL(url).pathname);

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (m.text().includes('status of 404') && isPermalink(m.location().url)) return;
    errors.push(`${m.text()} ${m.location().url}`);
  });
  await page.goto(`${server.origin}${path}`);
  return { page, errors };
}

/** The channel id a result or answer links to, whether by its permalink or straight to its entry. */
const idOf = (href: string): string => /\/channels\/([^/]+)\/$|#c-(.+)$/.exec(href)!.slice(1).find(Boolean)!;

/**
 * After a link to a channel (its permalink, which forwards, or its entry): the page is its
 * region's, the entry is the :target and in view at the top of the screen.
 */
async function expectLandedOn(page: Page, region: string, id: string): Promise<void> {
  await page.waitForURL((url) => url.pathname.endsWith(`/regions/${region}/`) && url.hash === `#c-${id}`);
  expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(`c-${id}`);
  const box = await page.locator(`#c-${id}`).boundingBox();
  expect(box, id).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeLessThan(400);
}

describe.skipIf(!browserTestsEnabled())('a citizen in Chromium', () => {
  it('searches 荣成 from the home page, opens the closed Weibo account, sees when it closed and follows the destination', async () => {
    const { page, errors } = await open('/');
    await page.getByRole('searchbox', { name: '搜索账号、机构或地区' }).fill('荣成');
    const closed = page.locator('.search-item--closed', { hasText: '荣成公安' });
    await closed.waitFor();
    // status at a glance, and the live destination right in the result
    expect(await closed.locator('.search-badge').textContent()).toBe('已关停');
    expect(await closed.locator('.search-destination a').first().textContent()).toBe('威海公安微信（微信公众号）');
    expect(await page.locator('.search-status').textContent()).toMatch(/^找到 \d+ 个结果$/);

    await closed.locator('a.search-name').click();
    await expectLandedOn(page, '371082', 'rongcheng-police-weibo');
    expect(await page.locator('h1').textContent()).toContain('荣成市');
    const entry = page.locator('#c-rongcheng-police-weibo');
    expect(await entry.textContent()).toContain('荣成公安');
    expect(await entry.locator('.badge').textContent()).toBe('已关停');
    const statement = entry.locator('.statement');
    expect(await statement.textContent()).toContain('2024年4月');
    expect(await statement.locator('time').getAttribute('datetime')).toBe('2024-04');

    // where to go now: the live end of the chain, through the Weihai Weibo account that closed too
    expect(await entry.locator('.destinations .via').textContent()).toContain('威海公安');
    await entry.locator('.destinations a', { hasText: '威海公安微信' }).click();
    await expectLandedOn(page, '371000', 'weihai-police-wechat');
    const destination = page.locator('#c-weihai-police-wechat');
    expect(await destination.textContent()).toContain('威海公安微信');
    expect(await destination.locator('a[href="https://mp.weixin.qq.com/weihai"]').count()).toBe(1);
    expect(await destination.textContent()).toContain('weihaigongan');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows a shared permalink to the entry or township section it stands for, highlighted', async () => {
    const { page, errors } = await open('/channels/chengshan-town-weibo/');
    await expectLandedOn(page, '371082', 'chengshan-town-weibo');
    const background = (selector: string) => page.locator(selector).evaluate((el) => getComputedStyle(el).backgroundColor);
    // the entry landed on stands out from the entry beside it
    expect(await background('#c-chengshan-town-weibo')).not.toBe(await background('#c-chengshan-town-wechat'));
    expect(await page.locator('#c-chengshan-town-weibo').textContent()).toContain('2024年6月');

    await page.goto(`${server.origin}/en/channels/weihai-police-wechat/`);
    await expectLandedOn(page, '371000', 'weihai-police-wechat');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.goto(`${server.origin}/en/regions/371082102/`);
    await page.waitForURL('**/en/regions/371082/#r-371082102');
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('r-371082102');
    const heading = page.locator('#r-371082102 h3');
    expect(await heading.textContent()).toContain('Chengshan Town');
    expect((await heading.boundingBox())!.y).toBeLessThan(400);
    expect(await page.locator('#r-371082102 li[id^="c-"]').count()).toBe(2);

    // a permalink to nothing stays on the not-found page, which says how to find a channel
    const response = await page.goto(`${server.origin}/channels/no-such-channel/`);
    expect(response?.status()).toBe(404);
    await page.locator('.permalink-status').waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe('/channels/no-such-channel/');
    expect(await page.locator('main h1').first().textContent()).toBe('找不到这个页面');
    expect(await page.locator('main').textContent()).toContain('/channels/');
    expect(errors.filter((e) => !e.includes('/channels/no-such-channel/'))).toEqual([]);
    await page.close();
  });

  it('goes from the search box to a result and back with the keyboard', async () => {
    const { page } = await open('/regions/371082/');
    const box = page.getByRole('searchbox', { name: '搜索账号、机构或地区' });
    await box.fill('威海公安');
    await page.locator('.search-item').first().waitFor();
    await box.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('search-name'))).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    // Enter in the box searches (focus stays there); ↓ then Enter opens the first result
    await box.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    await box.press('ArrowDown');
    const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href'));
    const id = idOf(href!);
    await page.keyboard.press('Enter');
    await expectLandedOn(page, '371000', id);
    expect(id.startsWith('weihai-police-')).toBe(true);
    await page.close();
  });

  it('searches what an input method commits at once, and keystrokes only after the typing pause', async () => {
    const { page, errors } = await open('/');
    await page.locator('.search-results').waitFor({ state: 'attached' });
    // a search under way marks the results busy at once (before its first fetch)
    const busy = await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#site-search-q')!;
      const panel = document.querySelector('.search-results')!;
      input.value = 'rong';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: 'g' }));
      const afterKeystroke = panel.getAttribute('aria-busy');
      input.value = '荣成';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertCompositionText', data: '荣成', isComposing: true }));
      const whileComposing = panel.getAttribute('aria-busy');
      input.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '荣成' }));
      return [afterKeystroke, whileComposing, panel.getAttribute('aria-busy')];
    });
    expect(busy).toEqual([null, null, 'true']);
    await page.locator('.search-item', { hasText: '荣成公安' }).first().waitFor();
    expect(await page.locator('.search-status').textContent()).toMatch(/^找到 \d+ 个结果$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds a shared search link on the search page', async () => {
    const { page } = await open(`/search/?q=${encodeURIComponent('荣成文旅')}`);
    const main = page.locator('main');
    await main.locator('.search-item').first().waitFor();
    expect(await main.getByRole('searchbox').inputValue()).toBe('荣成文旅');
    expect(await main.locator('.search-item--closing .search-badge').textContent()).toBe('注销中');
    expect(await main.locator('.search-item--closing .search-destination a').getAttribute('href')).toBe('https://www.rongcheng.gov.cn/');
    await page.close();
  });

  it('verifies a closed channel\'s link, written any usual way: closed since …, go here', async () => {
    const { page, errors } = await open('/verify/');
    const box = page.getByRole('textbox', { name: '链接或平台账号' });
    await box.fill('http://m.weibo.cn/u/1234567890/');
    await box.press('Enter');
    const match = page.locator('#verify-result .verify-match--closed');
    await match.waitFor();
    expect(await match.locator('h2').textContent()).toBe('官方账号，已于2024年4月关停');
    expect(await match.locator('time').getAttribute('datetime')).toBe('2024-04');
    const go = match.locator('.verify-go a').first();
    expect(await go.textContent()).toBe('威海公安微信（微信公众号）');
    // straight to the destination's entry on its region's page
    expect(await go.getAttribute('href')).toBe('/regions/371000/#c-weihai-police-wechat');
    expect(await match.locator('.verify-url a').getAttribute('href')).toBe('https://mp.weixin.qq.com/weihai');
    // the address keeps the question, so the answer can be shared
    expect(new URL(page.url()).searchParams.get('q')).toBe('http://m.weibo.cn/u/1234567890/');
    await go.click();
    await expectLandedOn(page, '371000', 'weihai-police-wechat');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says "not in the registry" for an unknown link, with what that means and the report link', async () => {
    const { page } = await open('/verify/');
    const box = page.getByRole('textbox', { name: '链接或平台账号' });
    await box.fill('https://weibo.com/u/999999');
    await page.getByRole('button', { name: '核验' }).click();
    const missing = page.locator('#verify-result .verify-match--missing');
    await missing.waitFor();
    expect(await missing.locator('h2').textContent()).toBe('登记册中没有这个链接或账号');
    expect(await missing.textContent()).toContain('并不说明它不是官方账号');
    const report = await missing.getByRole('link', { name: '报告缺少的账号' }).getAttribute('href');
    const url = new URL(report!);
    expect(`${url.origin}${url.pathname}`).toBe('https://github.com/gov-channels/registry/issues/new');
    expect(url.searchParams.get('template')).toBe('channel-missing.yml');
    expect(url.searchParams.get('url')).toBe('https://weibo.com/u/999999');
    await page.close();
  });

  it('says "official and active" for an active channel, and finds a handle on any platform', async () => {
    const { page } = await open(`/verify/?q=${encodeURIComponent('https://douyin.com/user/rcga')}`);
    const active = page.locator('#verify-result .verify-match--active');
    await active.waitFor();
    expect(await active.locator('h2').textContent()).toBe('官方账号，仍在运营');
    expect(await active.locator('.verify-details a').getAttribute('href')).toBe('/regions/371082/#c-rongcheng-police-douyin');
    expect(await active.locator('.verify-go').count()).toBe(0);

    const box = page.getByRole('textbox', { name: '链接或平台账号' });
    await box.fill('@RCGA110');
    await box.press('Enter');
    await page.locator('#verify-result .verify-note').waitFor();
    expect(await page.locator('#verify-result .verify-match--closed .verify-channel').textContent()).toContain('荣成公安');
    expect(await page.locator('#verify-result .verify-note').textContent()).toContain('rcga110');

    await box.fill('荣成公安');
    await box.press('Enter');
    const note = page.locator('#verify-result .verify-match--note');
    await note.waitFor();
    expect(await note.getByRole('link').getAttribute('href')).toBe(`/search/?q=${encodeURIComponent('荣成公安')}`);
    await page.close();
  });

  it('works the same in English, with English words and dates', async () => {
    const { page, errors } = await open('/en/');
    await page.getByRole('searchbox', { name: 'Search channels, bodies or places' }).fill('rongcheng');
    const closed = page.locator('.search-item--closed', { hasText: 'Rongcheng Police' });
    await closed.waitFor();
    expect(await closed.locator('.search-badge').textContent()).toBe('Closed');
    expect(await closed.locator('.search-destination a').first().textContent()).toBe('Weihai Police WeChat (WeChat official account)');
    await closed.locator('a.search-name').click();
    await expectLandedOn(page, '371082', 'rongcheng-police-weibo');
    expect(new URL(page.url()).pathname).toBe('/en/regions/371082/');
    const entry = page.locator('#c-rongcheng-police-weibo');
    expect(await entry.locator('.statement').textContent()).toContain('April 2024');
    // English names, with the Chinese a reader will search for on the platform
    expect(await entry.textContent()).toContain('Rongcheng Police (荣成公安)');
    await entry.locator('.destinations a', { hasText: 'Weihai Police WeChat' }).click();
    await expectLandedOn(page, '371000', 'weihai-police-wechat');
    expect(new URL(page.url()).pathname).toBe('/en/regions/371000/');

    await page.getByRole('link', { name: 'Verify a link or handle' }).click();
    await page.waitForURL('**/en/verify/');
    const box = page.getByRole('textbox', { name: 'Link or handle' });
    await box.fill('HTTPS://WWW.WEIBO.COM/rcga110');
    await box.press('Enter');
    const match = page.locator('#verify-result .verify-match--closed');
    await match.waitFor();
    expect(await match.locator('h2').textContent()).toBe('Official but closed since April 2024');
    const go = match.locator('.verify-go a').first();
    expect(await go.textContent()).toBe('Weihai Police WeChat (WeChat official account)');
    expect(await go.getAttribute('href')).toBe('/en/regions/371000/#c-weihai-police-wechat');

    await box.fill('weibo.com/nobody-here');
    await box.press('Enter');
    await page.locator('#verify-result .verify-match--missing').waitFor();
    expect(await page.locator('#verify-result h2').textContent()).toBe('Not in the registry');
    expect(await page.locator('#verify-result').textContent()).toContain('the registry is incomplete');

    await box.fill('https://weibo.com/govcn');
    await box.press('Enter');
    await page.locator('#verify-result .verify-match--active').waitFor();
    expect(await page.locator('#verify-result h2').textContent()).toBe('Official and active');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a 360 px screen: nothing scrolls sideways, targets are 44 px', async () => {
    for (const path of ['/', '/en/', '/verify/', '/en/search/', '/regions/371082/#c-rongcheng-police-weibo', '/en/regions/371082/#r-371082102', '/en/regions/371000/']) {
      const { page } = await open(path);
      if (path === '/') {
        await page.getByRole('searchbox').first().fill('荣成');
        await page.locator('.search-item').first().waitFor();
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
      const small = await page.$$eval('.header-search a, .header-search input, .header-search button, .search-name, .search-destination a, form button, form input', (els) =>
        els.filter((e) => {
          const r = e.getBoundingClientRect();
          return r.width > 0 && r.height < 44;
        }).map((e) => e.outerHTML.slice(0, 80)),
      );
      expect(small, path).toEqual([]);
      await page.close();
    }
  });
});
