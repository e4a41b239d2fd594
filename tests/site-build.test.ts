/**
 * Builds the site from the small fixture in tests/fixtures/site/ with its township rows (once,
 * under a base path, as a GitHub Pages project site would be) and checks the pages a reader
 * relies on: channels as entries on their region's page, townships as sections of their
 * county's, permalinks that forward to them, every internal link landing somewhere; and checks
 * that a dataset with an error stops the build before any page is written.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Registry } from '../src/domain/model.ts';
import { checkDataset } from '../src/domain/pipeline.ts';
import { permalinkMap } from '../src/site/permalink-map.ts';
import { PERMALINK_SHARDS, permalinkShard, shardFile } from '../src/site/permalink-address.ts';
import { buildSite as build, type BuildResult } from './helpers/build-site.ts';
import { FIXTURE, fixtureWithTownships } from './helpers/fixture-site.ts';

const BASE = '/registry/';

const tmp = mkdtempSync(join(tmpdir(), 'site-build-'));
const outDir = join(tmp, 'out');
let result: BuildResult;
let registry: Registry;
let fixtureRoot: string;

const page = (path: string): string => readFileSync(join(outDir, path, 'index.html'), 'utf8');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return htmlFiles(full);
    return e.name.endsWith('.html') ? [full] : [];
  });
}

/** The part of a page from an element's id to the end of its section. */
function section(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  expect(start, `section #${id}`).toBeGreaterThan(-1);
  const end = html.indexOf('</section>', start);
  return html.slice(start, end);
}

/** A channel's entry on a page: from its <li> to the next entry or the end of its list. */
function entry(html: string, id: string): string {
  const start = html.indexOf(`<li id="c-${id}"`);
  expect(start, `entry #c-${id}`).toBeGreaterThan(-1);
  const ends = [html.indexOf('<li id="c-', start + 1), html.indexOf('</ul></section>', start)].filter((n) => n > -1);
  return html.slice(start, Math.min(...ends));
}

const hrefsIn = (html: string): string[] => [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));


/**
 * Added to the fixture's notice: Markdown that looks like markup but is valid (a tag in a code
 * span, an image from another host: a warning), so the built page shows what becomes of it.
 */
const NOTICE_EXTRA = '\n## 附注\n\n代码 `<meta http-equiv="refresh" content="0;url=https://evil.example/">` 照原样显示。\n\n![示意图](https://evil.example/track.png)\n';
/** Added to a prose page: a code block, which a syntax highlighter would colour with style="". */
const PROSE_EXTRA = '\n```js\nconst shown = "<b>plain</b>";\n```\n';

beforeAll(async () => {
  const fixture = fixtureWithTownships();
  fixtureRoot = fixture.root;
  appendFileSync(join(fixture.contentDir, 'notices/rongcheng-police-weibo-2024.md'), NOTICE_EXTRA);
  appendFileSync(join(fixture.contentDir, 'pages/about.mdx'), PROSE_EXTRA);
  registry = new Registry(checkDataset(fixture, { today: '2026-11-21' }).dataset);
  result = await build({ DATA_DIR: fixture.dataDir, CONTENT_DIR: fixture.contentDir, OUT_DIR: outDir, BASE_PATH: BASE });
  if (result.code !== 0) console.error(result.output);
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  rmSync(fixtureRoot, { recursive: true, force: true });
});

describe('the built site', () => {
  it('builds', () => {
    expect(result.code).toBe(0);
  });

  it('has the home page and the regions on the path, in both languages; channels and townships are entries and sections, not pages', () => {
    expect(registry.channels).toHaveLength(11);
    const paths = ['', 'regions/100000', 'regions/370000', 'regions/371000', 'regions/371082', 'about'];
    for (const lang of ['', 'en/']) {
      for (const path of paths) expect(existsSync(join(outDir, lang, path, 'index.html')), `${lang}${path}`).toBe(true);
      // their permalinks resolve through the not-found page (see the permalink map test below)
      for (const path of ['channels/gov-cn-weibo', 'regions/371082102', 'regions/371082003']) expect(existsSync(join(outDir, lang, path)), `${lang}${path}`).toBe(false);
    }
    expect(existsSync(join(outDir, '404.html'))).toBe(true);
    expect(page('')).toContain('<html lang="zh-Hans">');
    expect(page('en')).toContain('<html lang="en">');
  });

  it('writes the permalink map the not-found page resolves, every key to a page that carries its anchor', () => {
    const shards = permalinkMap(registry);
    let keys = 0;
    for (const [n, shard] of shards) {
      const written = JSON.parse(readFileSync(join(outDir, 'permalinks', shardFile(n)), 'utf8'));
      expect(written).toEqual(shard);
      for (const [key, code] of Object.entries(shard)) {
        keys++;
        expect(permalinkShard(key)).toBe(n);
        const anchor = key.startsWith('r') && /^r\d{9}$/.test(key) ? `r-${key.slice(1)}` : `c-${key}`;
        for (const prefix of ['', 'en/']) expect(page(`${prefix}regions/${code}`), `${key} → ${prefix}${code}`).toContain(` id="${anchor}"`);
      }
    }
    expect(keys).toBe(11 + 2);
    // every shard is there, empty ones too, so looking up any missing address finds a file
    const files = readdirSync(join(outDir, 'permalinks')).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(Array.from({ length: PERMALINK_SHARDS }, (_, n) => shardFile(n)).sort());
    expect(existsSync(join(outDir, 'permalinks', 'resolve.js'))).toBe(true);
    expect(readFileSync(join(outDir, '404.html'), 'utf8')).toContain(`<script type="module" src="${BASE}permalinks/resolve.js">`);
    // no page per channel any more
    expect(existsSync(join(outDir, 'channels'))).toBe(false);
  });

  it('shows a channel name that looks like a script as text', () => {
    for (const path of ['regions/371082', 'en/regions/371082']) {
      const html = page(path);
      expect(html, path).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html, path).not.toContain('<script>alert(1)');
    }
    expect(entry(page('regions/371082'), 'rongcheng-script-douyin')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('keeps dates at the precision the data gives', () => {
    const zh = entry(page('regions/371082'), 'rongcheng-police-weibo');
    expect(zh).toContain('<time datetime="2024-04">2024年4月</time>');
    expect(zh).not.toMatch(/2024年4月\d+日/);
    const en = entry(page('en/regions/371082'), 'rongcheng-police-weibo');
    expect(en).toContain('<time datetime="2024-04">April 2024</time>');
    expect(en).not.toMatch(/\d+ April 2024/);
    expect(entry(page('regions/371000'), 'weihai-police-weibo')).toContain('<time datetime="2025">2025年</time>');
    expect(entry(page('regions/371082'), 'rongcheng-culture-wechat')).toContain('<time datetime="2024-08-14">2024年8月14日</time>');
  });

  it('sends readers of a closed channel to its live destination, naming the channel passed through', () => {
    const zh = entry(page('regions/371082'), 'rongcheng-police-weibo');
    const destinations = zh.slice(zh.indexOf('class="destinations"'));
    expect(hrefsIn(destinations).slice(0, 2)).toEqual([`${BASE}regions/371000/#c-weihai-police-wechat`, `${BASE}regions/371000/#c-weihai-police-weibo`]);
    const en = entry(page('en/regions/371082'), 'rongcheng-police-weibo');
    expect(hrefsIn(en.slice(en.indexOf('class="destinations"')))[0]).toBe(`${BASE}en/regions/371000/#c-weihai-police-wechat`);
    expect(entry(page('regions/371082'), 'rongcheng-culture-wechat')).toContain('href="https://www.rongcheng.gov.cn/"');
  });

  it('shows a county’s townships as sections of its page, their channels as entries there', () => {
    const county = page('regions/371082');
    const townships = section(county, 'townships');
    expect(townships).toContain('乡镇、街道的账号');
    const chengshan = county.slice(county.indexOf('id="r-371082102"'), county.indexOf('</section></section>', county.indexOf('id="r-371082102"')));
    const heading = /<h3>(.*?)<\/h3>/.exec(chengshan)?.[1] ?? '';
    expect(heading.replace(/<[^>]*>/g, '')).toBe('成山镇 2');
    expect([...chengshan.matchAll(/<li id="c-([^"]+)"/g)].map((m) => m[1])).toEqual(['chengshan-town-wechat', 'chengshan-town-weibo']);
    expect(entry(county, 'chengshan-town-weibo')).toContain(`href="${BASE}regions/371082/#c-chengshan-town-wechat"`);
    expect(county.indexOf('id="r-371082001"')).toBeLessThan(county.indexOf('id="r-371082102"'));
    // every entry id appears once on the page
    const ids = [...county.matchAll(/<li id="(c-[^"]+)"/g)].map((m) => m[1]);
    expect(ids.sort()).toEqual(['c-chengshan-town-wechat', 'c-chengshan-town-weibo', 'c-dongdun-community-douyin', 'c-rongcheng-culture-wechat', 'c-rongcheng-police-douyin', 'c-rongcheng-police-weibo', 'c-rongcheng-script-douyin']);
  });

  it('renders the closure notice from its Markdown on its own page, linked from the channel’s entry', () => {
    expect(entry(page('regions/371082'), 'rongcheng-police-weibo')).toContain(`href="${BASE}notices/rongcheng-police-weibo-2024/"`);
    expect(entry(page('en/regions/371082'), 'rongcheng-police-weibo')).toContain(`href="${BASE}en/notices/rongcheng-police-weibo-2024/"`);
    const notice = page('notices/rongcheng-police-weibo-2024');
    expect(notice).toContain('关于荣成公安微博账号停止运营的公告');
    expect(notice.slice(notice.indexOf('class="notice-body"'))).toContain('<strong>威海公安</strong>');
  });

  it('renders the notice body from the validated record: markup-like text as text, headings below the title, images as links', () => {
    const notice = page('notices/rongcheng-police-weibo-2024');
    const body = notice.slice(notice.indexOf('<div class="notice-body"'), notice.indexOf('</div></section>'));
    expect(body).toContain('<h3>附注</h3>');
    expect(body).toContain('<code>&lt;meta http-equiv=&quot;refresh&quot; content=&quot;0;url=https://evil.example/&quot;&gt;</code>');
    expect(body).toContain('<a href="https://evil.example/track.png">示意图</a>');
    expect(notice.match(/<meta http-equiv=/g)).toHaveLength(1); // the page's own Content-Security-Policy
    expect(body).not.toMatch(/<img|\ssrc=|\sstyle=/);
  });

  it('shows code in prose pages without a highlighter\'s inline styles', () => {
    const about = page('about');
    expect(about).toContain('<pre');
    expect(about).toContain('const shown = &quot;&lt;b&gt;plain&lt;/b&gt;&quot;;');
    expect(about).not.toMatch(/\sstyle=/i);
  });

  it('cites each page’s sources once, numbered, with an archived copy', () => {
    const county = page('regions/371082');
    const list = section(county, 'sources');
    const items = [...list.matchAll(/<li id="(s-\d+)">/g)].map((m) => m[1]);
    expect(items).toEqual(['s-1', 's-2', 's-3']);
    const cited = new Set([...county.matchAll(/href="#(s-\d+)"/g)].map((m) => m[1]));
    expect([...cited].sort()).toEqual(items);
    expect(list).toContain('href="https://web.archive.org/web/2024/https://www.chinadaily.com.cn/a/202408/28/example.html" class="external"');
  });

  it('links breadcrumbs and the language switch within the base path', () => {
    const county = page('regions/371082');
    expect(county).toMatch(/<a href="\/registry\/regions\/100000\/">全国<\/a>/);
    expect(county).toMatch(/<span aria-current="page">荣成市<\/span>/);
    expect(county).toContain(`class="lang-switch" href="${BASE}en/regions/371082/"`);
    expect(page('en/about')).toContain(`class="lang-switch" href="${BASE}about/"`);
  });

  it('marks every page as synthetic data when the dataset is', () => {
    expect(page('')).toContain('class="synthetic-banner"');
    expect(page('regions/371082')).toContain('class="synthetic-banner"');
    expect(readFileSync(join(outDir, '404.html'), 'utf8')).toContain('class="synthetic-banner"');
  });

  it('lands every link to a region page’s entry or section on an element with that id', () => {
    const seen = new Set<string>();
    for (const file of htmlFiles(outDir)) {
      for (const href of hrefsIn(readFileSync(file, 'utf8'))) {
        const m = /^(\/registry\/(?:en\/)?regions\/\d+\/)#(.+)$/.exec(href);
        if (!m || seen.has(href)) continue;
        seen.add(href);
        const target = join(outDir, m[1]!.slice(BASE.length), 'index.html');
        expect(existsSync(target), `${href} in ${file}`).toBe(true);
        expect(readFileSync(target, 'utf8'), `${href} in ${file}`).toContain(` id="${m[2]}"`);
      }
    }
    // entries in both languages, from entries and lists of other pages
    for (const href of [`${BASE}regions/371000/#c-weihai-police-wechat`, `${BASE}en/regions/371082/#c-chengshan-town-wechat`]) {
      expect(seen.has(href), href).toBe(true);
    }
    // a county's subdivision list links its townships' sections on the same page (checked below, with every in-page link)
    expect(hrefsIn(page('regions/371082'))).toEqual(expect.arrayContaining(['#r-371082102', '#r-371082001']));
    expect(hrefsIn(page('en/regions/371082'))).toEqual(expect.arrayContaining(['#r-371082102', '#r-371082001']));
  });

  it('uses each id once on a page, and points every in-page link and heading label at one', () => {
    let inPage = 0;
    for (const file of htmlFiles(outDir)) {
      const html = readFileSync(file, 'utf8');
      const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i), file).toEqual([]);
      const known = new Set(ids);
      for (const [, id] of html.matchAll(/\shref="#([^"]+)"/g)) {
        expect(known.has(id!), `#${id} in ${file}`).toBe(true);
        inPage++;
      }
      for (const [, list] of html.matchAll(/\saria-labelledby="([^"]+)"/g)) {
        for (const id of list!.split(' ')) expect(known.has(id), `${id} in ${file}`).toBe(true);
      }
    }
    // the entries' source numbers at least
    expect(inPage).toBeGreaterThan(10);
  });

  it('keeps every link inside the base path, runs no inline script, and loads nothing from elsewhere', () => {
    const files = htmlFiles(outDir);
    expect(files.length).toBeGreaterThan(50);
    const stylesheets = new Set<string>();
    for (const file of files) {
      const html = readFileSync(file, 'utf8');
      for (const [, href] of html.matchAll(/\shref="(\/[^"]*)"/g)) expect(href, file).toMatch(/^\/registry\//);
      for (const [, src] of html.matchAll(/\ssrc="([^"]*)"/g)) expect(src, file).toMatch(/^\/registry\//);
      // no other site learns which page a reader came from: the whole page's referrer policy
      // says so (links need no rel="noreferrer"), and no link opens a window that could reach back
      expect(html, file).toContain('<meta name="referrer" content="same-origin">');
      expect(html, file).not.toMatch(/\sreferrerpolicy=|\starget="_blank"/i);
      expect(html, file).not.toMatch(/\sstyle=/i);
      // scripts only as separate same-site module files (the CSP forbids inline ones)
      for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        expect(attributes, file).toMatch(/type="module" src="\/registry\//);
        expect(body!.trim(), file).toBe('');
      }
      expect(html, file).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'self';`);
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
