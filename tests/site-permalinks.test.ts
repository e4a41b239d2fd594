/**
 * The permalinks that are not pages of their own (src/site/permalink-stubs.ts): every channel's
 * /channels/<id>/ in both languages, and every township's /regions/<code>/ that has channels,
 * is a tiny page that forwards, without JavaScript, to the channel's entry or the township's
 * section on the page that shows it.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Registry } from '../src/domain/model.ts';
import { checkDataset } from '../src/domain/pipeline.ts';
import { permalinkStubs, stubHtml, type PermalinkStub } from '../src/site/permalink-stubs.ts';
import { regionView } from '../src/site/views/region-view.ts';
import { fixtureWithTownships } from './helpers/fixture-site.ts';

const TODAY = '2026-11-21';
const BASE = '/registry/';

let registry: Registry;
let root: string;
let stubs: Map<string, PermalinkStub>;

beforeAll(() => {
  const fixture = fixtureWithTownships();
  root = fixture.root;
  registry = new Registry(checkDataset(fixture, { today: TODAY }).dataset);
  stubs = new Map([...permalinkStubs(registry, BASE)].map((s) => [s.path, s]));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** What a browser takes from a stub: its language, title, where the refresh goes and the link for anything that does not follow it. */
function readStub(html: string): { lang?: string; title?: string; refresh?: string; link?: string } {
  return {
    lang: /<html lang="([^"]+)">/.exec(html)?.[1],
    title: unescape(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? ''),
    refresh: unescape(/<meta http-equiv="refresh" content="0; ?url=([^"]*)">/.exec(html)?.[1] ?? ''),
    link: unescape(/<a href="([^"]*)">/.exec(html)?.[1] ?? ''),
  };
}

/** The anchors a region page carries: its entries (own and in township sections) and its sections. */
const anchorCache = new Map<string, Set<string>>();
function anchorsOn(code: string, lang: 'zh' | 'en'): Set<string> {
  const key = `${lang}:${code}`;
  if (!anchorCache.has(key)) anchorCache.set(key, regionAnchors(code, lang));
  return anchorCache.get(key)!;
}
function regionAnchors(code: string, lang: 'zh' | 'en'): Set<string> {
  const view = regionView(registry, code, { lang, base: BASE }, TODAY);
  const groups = [...view.groups, ...view.sections.flatMap((s) => s.groups)];
  return new Set([...groups.flatMap((g) => g.entries.map((e) => e.anchor)), ...view.sections.map((s) => s.anchor)]);
}

describe('permalink pages', () => {
  it('forward every channel’s permalink, in both languages, to its entry on the page that shows it', () => {
    const pages = new Set(registry.regionPageCodes());
    for (const c of registry.channels) {
      for (const lang of ['zh', 'en'] as const) {
        const prefix = lang === 'zh' ? BASE : `${BASE}en/`;
        const stub = stubs.get(`${prefix}channels/${c.id}/`);
        expect(stub, `${lang} ${c.id}`).toBeDefined();
        const { lang: htmlLang, refresh, link } = readStub(stub!.html);
        expect(htmlLang).toBe(lang === 'zh' ? 'zh-Hans' : 'en');
        const [page, anchor] = refresh!.split('#');
        const code = registry.pageOf(c.region);
        expect([page, anchor], c.id).toEqual([`${prefix}regions/${code}/`, `c-${c.id}`]);
        expect(link).toBe(refresh);
        // the page exists and carries the entry
        expect(pages.has(code), code).toBe(true);
        expect(anchorsOn(code, lang).has(anchor!), `${c.id} on ${code}`).toBe(true);
      }
    }
    expect(readStub(stubs.get(`${BASE}channels/chengshan-town-wechat/`)!.html).refresh).toBe(`${BASE}regions/371082/#c-chengshan-town-wechat`);
    expect(readStub(stubs.get(`${BASE}en/channels/weihai-police-wechat/`)!.html).refresh).toBe(`${BASE}en/regions/371000/#c-weihai-police-wechat`);
  });

  it('forward the townships with channels to their section of the county page, and make nothing for the others', () => {
    const townships = [...stubs.keys()].filter((p) => p.includes('/regions/'));
    expect(townships.sort()).toEqual([
      `${BASE}en/regions/371082001/`,
      `${BASE}en/regions/371082102/`,
      `${BASE}regions/371082001/`,
      `${BASE}regions/371082102/`,
    ]);
    const zh = readStub(stubs.get(`${BASE}regions/371082102/`)!.html);
    expect(zh).toEqual({ lang: 'zh-Hans', title: '成山镇', refresh: `${BASE}regions/371082/#r-371082102`, link: `${BASE}regions/371082/#r-371082102` });
    const en = readStub(stubs.get(`${BASE}en/regions/371082001/`)!.html);
    expect([en.title, en.refresh]).toEqual(['Ningjin Subdistrict', `${BASE}en/regions/371082/#r-371082001`]);
    expect(anchorsOn('371082', 'en').has('r-371082001')).toBe(true);
  });

  it('are one per channel and township in each language, and never stand where a real page is', () => {
    expect(stubs.size).toBe(2 * (registry.channels.length + 2));
    for (const code of registry.regionPageCodes()) {
      expect(stubs.has(`${BASE}regions/${code}/`), code).toBe(false);
      expect(stubs.has(`${BASE}en/regions/${code}/`), code).toBe(false);
    }
  });

  it('are tiny: a fixed few dozen bytes around the title and the address', () => {
    for (const { path, html } of stubs.values()) {
      // as written, escaped
      const title = /<title>([^<]*)<\/title>/.exec(html)![1]!;
      const target = /<a href="([^"]*)">/.exec(html)![1]!;
      const overhead = Buffer.byteLength(html) - 2 * Buffer.byteLength(title) - 2 * Buffer.byteLength(target);
      expect(overhead, path).toBeLessThanOrEqual(150);
      expect(html).not.toMatch(/<script|<link|<style|<img/);
    }
  });

  it('name the channel in the page’s language, as text', () => {
    expect(readStub(stubs.get(`${BASE}en/channels/rongcheng-police-weibo/`)!.html).title).toBe('Rongcheng Police');
    expect(readStub(stubs.get(`${BASE}channels/rongcheng-police-weibo/`)!.html).title).toBe('荣成公安');
    const script = stubs.get(`${BASE}en/channels/rongcheng-script-douyin/`)!.html;
    expect(script).not.toContain('<script>');
    expect(readStub(script).title).toBe('<script>alert(1)</script>');
  });

  it('escape whatever they are given', () => {
    const html = stubHtml('en', `"A" <b> & 'c'`, `/x/"onload="y'#<z>`);
    expect(html).not.toContain('<b>');
    expect(html).not.toMatch(/"onload=/);
    expect(readStub(html)).toEqual({ lang: 'en', title: `"A" <b> & 'c'`, refresh: `/x/"onload="y'#<z>`, link: `/x/"onload="y'#<z>` });
  });
});
