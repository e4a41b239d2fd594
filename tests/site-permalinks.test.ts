/**
 * The permalinks that are not pages of their own (src/site/permalink-map.ts): every channel's
 * /channels/<id>/ in both languages, and every township's /regions/<code>/ that has channels,
 * resolves on the not-found page through a sharded map to the channel's entry or the
 * township's section on the page that shows it — and any other address the reader can type
 * (constructor, __proto__, a hostile map) leads nowhere but the not-found page.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Registry } from '../src/domain/model.ts';
import { checkDataset } from '../src/domain/pipeline.ts';
import { ID_PATTERN } from '../src/domain/schemas/cells.ts';
import { bundleBrowserScript } from '../src/build-tools/bundle-browser-script.ts';
import {
  isSameSitePath,
  pageInShard,
  parsePermalink,
  PERMALINK_ID,
  permalinkDestination,
  permalinkShard,
  permalinkTarget,
  PERMALINK_SHARDS,
  shardFile,
} from '../src/site/permalink-address.ts';
import { permalinkMap } from '../src/site/permalink-map.ts';
import { regionView } from '../src/site/views/region-view.ts';
import { fixtureWithTownships } from './helpers/fixture-site.ts';

const TODAY = '2026-11-21';
const BASE = '/registry/';

let registry: Registry;
let root: string;
let shards: Map<number, Record<string, string>>;

beforeAll(() => {
  const fixture = fixtureWithTownships();
  root = fixture.root;
  registry = new Registry(checkDataset(fixture, { today: TODAY }).dataset);
  shards = permalinkMap(registry);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The map's shard files as the build writes them (permalinks/<nn>.json), by file name. */
const shardFiles = (): Map<string, string> =>
  new Map(Array.from({ length: PERMALINK_SHARDS }, (_, n) => [shardFile(n), JSON.stringify(shards.get(n) ?? {})] as const));

/** Resolve an address the way the not-found page's script does, from the shard files. */
async function resolve(pathname: string, files = shardFiles()): Promise<string | undefined> {
  const parsed = parsePermalink(pathname, BASE);
  if (!parsed) return undefined;
  return permalinkDestination(parsed, async (file) => JSON.parse(files.get(file)!) as unknown);
}

/** The anchors a region page carries: its entries (own and in township sections) and its sections. */
function anchorsOn(code: string, lang: 'zh' | 'en'): Set<string> {
  const view = regionView(registry, code, { lang, base: BASE }, TODAY);
  const groups = [...view.groups, ...view.sections.flatMap((s) => s.groups)];
  return new Set([...groups.flatMap((g) => g.entries.map((e) => e.anchor)), ...view.sections.map((s) => s.anchor)]);
}

describe('permalinks', () => {
  it('resolve every channel’s permalink, in both languages, to its entry on a page that carries it', async () => {
    const pages = new Set(registry.regionPageCodes());
    for (const c of registry.channels) {
      for (const lang of ['zh', 'en'] as const) {
        const prefix = lang === 'zh' ? BASE : `${BASE}en/`;
        const target = await resolve(`${prefix}channels/${c.id}/`);
        const code = registry.pageOf(c.region);
        expect(target, c.id).toBe(`${prefix}regions/${code}/#c-${c.id}`);
        expect(pages.has(code), code).toBe(true);
        expect(anchorsOn(code, lang).has(`c-${c.id}`), `${c.id} on ${code}`).toBe(true);
      }
    }
    expect(await resolve(`${BASE}channels/chengshan-town-wechat/`)).toBe(`${BASE}regions/371082/#c-chengshan-town-wechat`);
    expect(await resolve(`${BASE}en/channels/weihai-police-wechat`)).toBe(`${BASE}en/regions/371000/#c-weihai-police-wechat`);
  });

  it('resolve the townships with channels to their section of the county page, and nothing else', async () => {
    expect(await resolve(`${BASE}regions/371082102/`)).toBe(`${BASE}regions/371082/#r-371082102`);
    expect(await resolve(`${BASE}en/regions/371082001/`)).toBe(`${BASE}en/regions/371082/#r-371082001`);
    expect(anchorsOn('371082', 'en').has('r-371082001')).toBe(true);
    const keys = [...shards.values()].flatMap((s) => Object.keys(s));
    expect(keys.filter((k) => /^r\d{9}$/.test(k)).sort()).toEqual(['r371082001', 'r371082102']);
    expect(keys).toHaveLength(registry.channels.length + 2);
    // a region with a page of its own is never "resolved" away from it
    for (const code of registry.regionPageCodes()) expect(await resolve(`${BASE}regions/${code}/`), code).toBeUndefined();
  });

  it('leave every other missing address to the not-found page', async () => {
    for (const path of [`${BASE}channels/no-such-channel/`, `${BASE}channels/`, `${BASE}about/x/`, '/elsewhere/channels/rongcheng-police-weibo/', `${BASE}channels/Rongcheng/`, `${BASE}channels/a/b/`, `${BASE}regions/37108210/`, `${BASE}channels/-rongcheng/`]) {
      expect(await resolve(path), path).toBeUndefined();
    }
  });

  it('never take what every object inherits for a permalink: constructor, __proto__, toString, hasOwnProperty', async () => {
    const inherited = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'];
    for (const id of inherited) {
      for (const prefix of [BASE, `${BASE}en/`]) expect(await resolve(`${prefix}channels/${id}/`), id).toBeUndefined();
      // nor when a shard holds other keys, nor from a shard that is no object at all
      expect(pageInShard({ 'rongcheng-police-weibo': '371082' }, id), id).toBeUndefined();
      expect(pageInShard(JSON.parse('{}'), id), id).toBeUndefined();
    }
    for (const shard of [null, 'x', 42, ['371082'], undefined]) expect(pageInShard(shard, '0')).toBeUndefined();
    // the ones the id pattern lets through (lower case) are still found when a channel has that id
    const own = JSON.parse('{"constructor":"371082","__proto__":"371000"}') as unknown;
    expect(pageInShard(own, 'constructor')).toBe('371082');
    expect(pageInShard(own, '__proto__')).toBe('371000');
    expect(parsePermalink(`${BASE}channels/constructor/`, BASE)?.key).toBe('constructor');
    expect(parsePermalink(`${BASE}channels/__proto__/`, BASE)).toBeUndefined(); // not an id
    expect(parsePermalink(`${BASE}channels/toString/`, BASE)).toBeUndefined();
    // the build's shards inherit nothing either
    for (const shard of shards.values()) expect(Object.getPrototypeOf(shard)).toBeNull();
  });

  it('only ever lead to a path on this site, whatever the map or the base says', async () => {
    const hostile = new Map(shardFiles());
    const put = (key: string, value: unknown) => {
      const file = shardFile(permalinkShard(key));
      hostile.set(file, JSON.stringify({ ...(JSON.parse(hostile.get(file)!) as object), [key]: value }));
    };
    put('to-elsewhere', '//evil.example/x');
    put('to-script', 'javascript:alert(1)');
    put('to-number', 371082);
    put('to-path', '371082/../../x');
    for (const id of ['to-elsewhere', 'to-script', 'to-number', 'to-path']) expect(await resolve(`${BASE}channels/${id}/`, hostile), id).toBeUndefined();
    const parsed = parsePermalink(`${BASE}channels/rongcheng-police-weibo/`, BASE)!;
    expect(permalinkTarget(parsed, '//evil')).toBeUndefined();
    expect(permalinkTarget(parsed, '371082')).toBe(`${BASE}regions/371082/#c-rongcheng-police-weibo`);
    // a base that is not a path of this site resolves nothing
    for (const base of ['//evil.example/', '/\\evil.example/', 'https://evil.example/', '', '/registry']) {
      expect(parsePermalink(`${base}channels/rongcheng-police-weibo/`, base), base).toBeUndefined();
    }
    expect(['/', '/registry/', '/a/b/#c-x'].every(isSameSitePath)).toBe(true);
    expect(['//x', '/\\x', 'x/', 'javascript:x', '/a b', '/a\nb'].some(isSameSitePath)).toBe(false);
  });

  it('accept exactly the channel ids the validator accepts', () => {
    expect(PERMALINK_ID.source).toBe(ID_PATTERN.source);
    expect(PERMALINK_ID.flags).toBe(ID_PATTERN.flags);
  });

  it('put each key in the one shard its hash names, with shard files named in hex', () => {
    for (const [n, shard] of shards) {
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeLessThan(PERMALINK_SHARDS);
      for (const key of Object.keys(shard)) expect(permalinkShard(key), key).toBe(n);
    }
    expect([shardFile(0), shardFile(15), shardFile(255)]).toEqual(['00.json', '0f.json', 'ff.json']);
    // FNV-1a: stable across builds and the browser (a change here breaks published links)
    expect(permalinkShard('rongcheng-police-weibo')).toBe(permalinkShard('rongcheng-police-weibo'));
    expect(permalinkShard('')).toBe(0x811c9dc5 % PERMALINK_SHARDS);
  });
});

describe('the not-found page’s script', () => {
  let script: string;
  beforeAll(async () => {
    script = await bundleBrowserScript(fileURLToPath(new URL('../src/site/permalink-client.ts', import.meta.url)));
  });

  /**
   * Runs the bundled resolver at an address on a fake page: the status line carrying the base,
   * fetch answering from the shard files, and location recording where it was sent.
   */
  async function visit(pathname: string, options: { files?: Map<string, string>; base?: string } = {}) {
    const files = options.files ?? shardFiles();
    const base = options.base ?? BASE;
    const notice = { hidden: true, dataset: { permalinkBase: base } };
    const fetched: string[] = [];
    const replaced: string[] = [];
    const page = {
      document: { querySelector: (selector: string) => (selector === '[data-permalink-base]' ? notice : null) },
      location: { href: `https://registry.example${pathname}`, origin: 'https://registry.example', pathname, replace: (href: string) => replaced.push(href) },
      fetch: async (url: string) => {
        fetched.push(url);
        const file = files.get(url.slice(`${base}permalinks/`.length));
        return { json: async () => (file === undefined ? Promise.reject(new Error('404')) : (JSON.parse(file) as unknown)) };
      },
      URL,
    };
    runInNewContext(script, page);
    // the fake fetch answers at once: the script is done once the pending promises are
    await new Promise((resolve) => setTimeout(resolve, 0));
    return { replaced, fetched, hidden: notice.hidden };
  }

  it('sends a permalink on to its entry, fetching only its shard', async () => {
    const id = 'rongcheng-police-weibo';
    const visited = await visit(`${BASE}en/channels/${id}/`);
    expect(visited.fetched).toEqual([`${BASE}permalinks/${shardFile(permalinkShard(id))}`]);
    expect(visited.replaced).toEqual([`https://registry.example${BASE}en/regions/${registry.pageOf(registry.channelsById.get(id)!.region)}/#c-${id}`]);
  });

  it('stays on the not-found page for constructor, __proto__, toString and hasOwnProperty, and says nothing is resolving', async () => {
    for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const visited = await visit(`${BASE}channels/${id}/`);
      expect(visited.replaced, id).toEqual([]);
      expect(visited.hidden, id).toBe(true);
    }
    expect((await visit(`${BASE}channels/constructor/`)).fetched).toHaveLength(1); // a valid id, so looked up
    expect((await visit(`${BASE}channels/toString/`)).fetched).toEqual([]); // not an id: never looked up
  });

  it('never leaves the site, whatever the map says', async () => {
    const files = shardFiles();
    const id = 'weihai-police-wechat';
    files.set(shardFile(permalinkShard(id)), JSON.stringify({ [id]: '//evil.example/x' }));
    expect((await visit(`${BASE}channels/${id}/`, { files })).replaced).toEqual([]);
    files.set(shardFile(permalinkShard(id)), '[]');
    expect((await visit(`${BASE}channels/${id}/`, { files })).replaced).toEqual([]);
    expect((await visit(`//evil.example/channels/${id}/`, { base: '//evil.example/' })).fetched).toEqual([]);
  });
});
