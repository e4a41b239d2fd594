/**
 * The permalinks that are not pages of their own (src/site/permalink-map.ts): every channel's
 * /channels/<id>/ in both languages, and every township's /regions/<code>/ that has channels,
 * resolves on the not-found page through a sharded map to the channel's entry or the
 * township's section on the page that shows it.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Registry } from '../src/domain/model.ts';
import { checkDataset } from '../src/domain/pipeline.ts';
import { parsePermalink, permalinkShard, permalinkTarget, PERMALINK_SHARDS, shardFile } from '../src/site/permalink-address.ts';
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

/** Resolve an address the way the not-found page's script does. */
function resolve(pathname: string): string | undefined {
  const parsed = parsePermalink(pathname, BASE);
  if (!parsed) return undefined;
  const page = shards.get(permalinkShard(parsed.key))?.[parsed.key];
  return page ? permalinkTarget(parsed, page) : undefined;
}

/** The anchors a region page carries: its entries (own and in township sections) and its sections. */
function anchorsOn(code: string, lang: 'zh' | 'en'): Set<string> {
  const view = regionView(registry, code, { lang, base: BASE }, TODAY);
  const groups = [...view.groups, ...view.sections.flatMap((s) => s.groups)];
  return new Set([...groups.flatMap((g) => g.entries.map((e) => e.anchor)), ...view.sections.map((s) => s.anchor)]);
}

describe('permalinks', () => {
  it('resolve every channel’s permalink, in both languages, to its entry on a page that carries it', () => {
    const pages = new Set(registry.regionPageCodes());
    for (const c of registry.channels) {
      for (const lang of ['zh', 'en'] as const) {
        const prefix = lang === 'zh' ? BASE : `${BASE}en/`;
        const target = resolve(`${prefix}channels/${c.id}/`);
        const code = registry.pageOf(c.region);
        expect(target, c.id).toBe(`${prefix}regions/${code}/#c-${c.id}`);
        expect(pages.has(code), code).toBe(true);
        expect(anchorsOn(code, lang).has(`c-${c.id}`), `${c.id} on ${code}`).toBe(true);
      }
    }
    expect(resolve(`${BASE}channels/chengshan-town-wechat/`)).toBe(`${BASE}regions/371082/#c-chengshan-town-wechat`);
    expect(resolve(`${BASE}en/channels/weihai-police-wechat`)).toBe(`${BASE}en/regions/371000/#c-weihai-police-wechat`);
  });

  it('resolve the townships with channels to their section of the county page, and nothing else', () => {
    expect(resolve(`${BASE}regions/371082102/`)).toBe(`${BASE}regions/371082/#r-371082102`);
    expect(resolve(`${BASE}en/regions/371082001/`)).toBe(`${BASE}en/regions/371082/#r-371082001`);
    expect(anchorsOn('371082', 'en').has('r-371082001')).toBe(true);
    const keys = [...shards.values()].flatMap((s) => Object.keys(s));
    expect(keys.filter((k) => /^r\d{9}$/.test(k)).sort()).toEqual(['r371082001', 'r371082102']);
    expect(keys).toHaveLength(registry.channels.length + 2);
    // a region with a page of its own is never "resolved" away from it
    for (const code of registry.regionPageCodes()) expect(resolve(`${BASE}regions/${code}/`), code).toBeUndefined();
  });

  it('leave every other missing address to the not-found page', () => {
    for (const path of [`${BASE}channels/no-such-channel/`, `${BASE}channels/`, `${BASE}about/x/`, '/elsewhere/channels/rongcheng-police-weibo/', `${BASE}channels/Rongcheng/`, `${BASE}channels/a/b/`, `${BASE}regions/37108210/`]) {
      expect(resolve(path), path).toBeUndefined();
    }
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
