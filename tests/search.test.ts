import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegionIndex, type RegionEntry } from '../src/domain/regions.ts';
import { buildSearchIndex, mergeRuns, type BuildOptions } from '../src/search/build-index.ts';
import { decodeBlockInto, emptyBits, encodeBlock, idsOf } from '../src/search/codec.ts';
import { ByteReader, ByteWriter } from '../src/format/bytes.ts';
import { shardPath } from '../src/search/layout.ts';
import { decodePlaceFile, encodePlaceFile, type PlaceRecord } from '../src/search/places.ts';
import { fileSource, SearchIndex } from '../src/search/query.ts';
import { planQuery, queryContext } from '../src/search/plan.ts';
import { buildRecordStore, STORE_DIR } from '../src/store/record-store.ts';
import { decodeRecordFile, encodeRecordFile, entryLink, placeLink, type RecordInput } from '../src/store/records.ts';
import { bundleSearchClient } from '../src/search/bundle-client.ts';
import { linkPatterns } from '../src/store/links.ts';
import type { RegionLookup, SearchDoc } from '../src/store/search-docs.ts';
import { buildSearchIndexInto } from '../src/search/write-index.ts';
import { searchIndex } from '../src/integrations/search-index.ts';
import { siteData } from '../src/site/registry.ts';
import type { SearchManifest } from '../src/search/layout.ts';
import { browserTestsEnabled, launchBrowser } from './helpers/browser.ts';
import { segmentPinyin, shardOf } from '../src/search/text.ts';
import { compactCharMap, Tokenizer, traditionalToSimplified } from '../src/search/tokenize.ts';

const REGIONS: RegionEntry[] = [
  { code: '100000', name: '全国', nameEn: 'China (national)' },
  { code: '370000', name: '山东省', nameEn: 'Shandong', parent: '100000' },
  { code: '371000', name: '威海市', nameEn: 'Weihai', parent: '370000' },
  { code: '371082', name: '荣成市', nameEn: 'Rongcheng', parent: '371000' },
  { code: '371082001', name: '崖头街道', nameEn: 'Yatou Subdistrict', parent: '371082' },
  { code: '110000', name: '北京市', nameEn: 'Beijing', parent: '100000' },
  { code: '110101', name: '东城区', nameEn: 'Dongcheng District', parent: '110000' },
];

/** The region tree as the index sees it: a township's channels are on its county's page. */
function regionLookup(entries: RegionEntry[]): RegionLookup {
  const index = new RegionIndex(entries);
  return {
    lineage: (code) => index.lineage(code),
    pageOf: (code) => [...index.lineage(code)].reverse().find((r) => r.kind !== 'township')?.code ?? '100000',
  };
}

const doc = (fields: Partial<SearchDoc> & Pick<SearchDoc, 'id' | 'name' | 'agency' | 'region'>): SearchDoc => ({
  platform: 'weibo',
  status: 'active',
  level: 'county',
  destinations: [],
  ...fields,
});

const DOCS: SearchDoc[] = [
  doc({
    id: 'rongcheng-police-weibo',
    name: '荣成公安',
    agency: '荣成市公安局',
    agencyEn: 'Rongcheng Public Security Bureau',
    region: '371082',
    status: 'closed',
    destinations: [{ kind: 'channel', id: 'weihai-police-weibo', page: '371000', name: '威海公安', nameEn: 'Weihai Police', platform: 'weibo' }],
  }),
  doc({ id: 'rongcheng-police-wechat', name: '荣成公安', agency: '荣成市公安局', region: '371082', platform: 'wechat', handle: 'rcga110' }),
  doc({ id: 'rongcheng-traffic', name: '荣成公安交警', agency: '荣成市公安局交通警察大队', region: '371082' }),
  doc({ id: 'weihai-police-weibo', name: '威海公安', nameEn: 'Weihai Police', agency: '威海市公安局', region: '371000', level: 'prefectural' }),
  doc({ id: 'rongcheng-release', name: '荣成发布', agency: '荣成市人民政府新闻办公室', region: '371082', platform: 'wechat' }),
  doc({ id: 'yatou-release', name: '崖头发布', agency: '荣成市崖头街道办事处', region: '371082001', level: 'township', status: 'dormant' }),
  doc({
    id: 'dongcheng-market',
    name: '东城市场监管',
    agency: '北京市东城区市场监督管理局',
    agencyEn: 'Dongcheng District Administration for Market Regulation',
    region: '110101',
  }),
];

function build(options: BuildOptions = {}) {
  const store = buildRecordStore(DOCS, regionLookup(REGIONS));
  const built = buildSearchIndex(store, options);
  const fetched: string[] = [];
  const source = fileSource(built.manifest, async (path) => {
    fetched.push(path);
    const storePath = `${STORE_DIR}/${store.version}/`;
    const bytes = path.startsWith(storePath) ? store.files.get(path.slice(storePath.length)) : built.files.get(path);
    if (!bytes) throw new Error(`no file ${path}`);
    return bytes;
  });
  return { built, store, fetched, index: new SearchIndex(built.manifest, source) };
}

async function names(index: SearchIndex, query: string): Promise<string[]> {
  const result = await index.search(query, { lang: 'zh', limit: 20 });
  return result.hits.map((h) => h.record.id);
}

describe('tokenizer', () => {
  const tokenizer = new Tokenizer();

  it('indexes Han unigrams and bigrams, so part of a word matches', () => {
    const tokens = tokenizer.chineseTokens('荣成市公安局');
    expect(tokens).toEqual(expect.arrayContaining(['荣', '荣成', '成市', '公安', '安局']));
    expect(tokens).not.toContain('荣成市');
  });

  it('folds traditional characters to simplified', () => {
    expect(tokenizer.fold('榮成公安')).toBe('荣成公安');
    expect(tokenizer.fold('臺灣')).toBe('台湾');
    expect(tokenizer.chineseTokens('榮成')).toContain('荣成');
  });

  it('indexes full pinyin as syllable pairs and initials as prefixes', () => {
    const tokens = tokenizer.chineseTokens('荣成公安');
    expect(tokens).toEqual(expect.arrayContaining(['p:rong cheng', 'p:cheng gong', 'p:gong an', 'i:rc', 'i:rcg', 'i:rcga']));
    expect(tokenizer.syllables).toContain('rong');
  });

  it('gives names exact and prefix tokens, other fields none', () => {
    expect(tokenizer.chineseTokens('荣成 公安', { isName: true })).toEqual(expect.arrayContaining(['=荣成公安', '^荣成']));
    expect(tokenizer.chineseTokens('荣成公安').some((t) => t.startsWith('=') || t.startsWith('^'))).toBe(false);
  });

  it('indexes English words in lower case, without stopwords, and full-width letters folded', () => {
    const tokens = tokenizer.wordTokens('Administration for Market Regulation');
    expect(tokens).toEqual(['w:administration', 'w:market', 'w:regulation']);
    expect(tokenizer.wordTokens('ＲＣＧＡ110')).toEqual(['w:rcga110']);
  });

  it('keeps Latin words inside Chinese names as words', () => {
    expect(tokenizer.chineseTokens('荣成APP')).toEqual(expect.arrayContaining(['荣成', 'w:app']));
  });

  it('ships only the traditional characters whose simplified form is indexed', () => {
    const full = traditionalToSimplified();
    expect(full.get('榮')).toBe('荣');
    expect(full.size).toBeGreaterThan(2000);
    const compact = compactCharMap(full, new Set(['荣', '成']));
    expect(compact).toContain('榮荣');
    expect(compact).not.toContain('臺');
  });
});

describe('query planning', () => {
  const context = queryContext({
    t2s: '榮荣',
    syllables: 'rong cheng gong an xi xian ling nan jiao jing',
    lexicon: { places: '荣成|市 南陵|县 芜湖|市 山东|省', english: 'bureau police public publicity' },
  });

  it('reads Chinese as places, bodies and pairs of what is left, folding traditional characters', () => {
    const plan = planQuery('榮成公安', context);
    // a body is a word of its own in the index too: 公安 (or 公安局, 警方 …) is g:公安
    expect(plan.terms).toEqual([{ token: '荣成' }, { token: 'g:公安' }]);
    expect(plan.exact).toEqual(['=荣成公安']);
    expect(plan.starts).toEqual(['^荣成']);
    expect(planQuery('东华门', context).terms).toEqual([{ token: '东华' }, { token: '华门' }]);
    expect(planQuery('芜湖南陵交警', context).exact).toEqual(['=芜湖南陵交警', '=南陵交警']);
    // an account is named by places' and bodies' short names: 荣成市公安局 is likely 荣成公安;
    // with the platform named, that name on that platform comes first
    const named = planQuery('荣成市公安局微博', context);
    expect(named.exact).toEqual(['=荣成公安', '=荣成市公安局']);
    expect(named.exactOn).toEqual(['=荣成公安@weibo', '=荣成市公安局@weibo']);
  });

  it('reads a Latin word as an English word, initials, a pinyin start or pinyin, the last syllable perhaps half typed', () => {
    const [term] = planQuery('RongCheng', context).terms;
    expect(term).toEqual({ any: [{ token: 'w:rongcheng' }, { token: 'q:rong c' }] });
    // a word before another is complete: its pinyin is whole syllables
    expect(planQuery('rongcheng 公安', context).terms[0]).toEqual({ any: [{ token: 'w:rongcheng' }, { token: 'p:rong cheng' }] });
    expect(planQuery('rongcheng', context).boosts).toContainEqual({ token: 'p:rong cheng' });
    expect(planQuery('rcga', context).terms[0]).toEqual({ any: [{ token: 'w:rcga' }, { token: 'i:rcga' }, { token: 'pn:rcga' }, { token: 'pp:rcga' }] });
    expect(planQuery('rcga', context).boosts).toEqual([{ token: 'i=rcga' }]);
    expect(planQuery('nanlingj', context).terms[0]).toMatchObject({ any: expect.arrayContaining([{ all: [{ token: 'p:nan ling' }, { token: 'q:ling j' }] }]) });
  });

  it('segments pinyin every way it can be read', () => {
    expect(segmentPinyin('xian', new Set(['xi', 'an', 'xian']))).toEqual([['xi', 'an']]);
    expect(segmentPinyin('xianxian', new Set(['xi', 'an', 'xian']))).toContainEqual(['xian', 'xian']);
  });

  it('drops stopwords and plans nothing for punctuation', () => {
    expect(planQuery('the of', context).terms).toEqual([]);
    expect(planQuery('，。', context).terms).toEqual([]);
  });
});

describe('codec', () => {
  const roundTrip = (runs: number[]) => {
    const w = new ByteWriter();
    encodeBlock(runs, w);
    const bits = emptyBits();
    decodeBlockInto(new ByteReader(w.result()), bits);
    return { ids: idsOf(bits, 0), bytes: w.length };
  };
  const expand = (runs: number[]) => runs.flatMap((_, i) => (i % 2 ? [] : Array.from({ length: runs[i + 1]! - runs[i]! }, (_, k) => runs[i]! + k)));

  it('round-trips sparse ids, ranges and dense sets, each in a compact form', () => {
    const sparse = [3, 4, 1000, 1001, 65535, 65536];
    expect(roundTrip(sparse).ids).toEqual([3, 1000, 65535]);
    const ranges = [10, 5000, 20000, 30000];
    const r = roundTrip(ranges);
    expect(r.ids).toEqual(expand(ranges));
    expect(r.bytes).toBeLessThan(16);
    const dense: number[] = [];
    for (let id = 0; id < 4000; id += 3) dense.push(id, id + 1);
    const d = roundTrip(dense);
    expect(d.ids).toEqual(expand(dense));
    expect(d.bytes).toBeLessThanOrEqual(4000 / 8 + 4);
  });

  it('merges ids with region ranges', () => {
    expect(mergeRuns([1, 2, 3, 9], [5, 8, 0, 2])).toEqual([0, 4, 5, 8, 9, 10]);
    expect(mergeRuns([1, 2], [3, 5])).toEqual([1, 5]);
  });
});

describe.each([
  ['inline postings', {}],
  ['every token in files of its own', { inlineLimit: 0 }],
])('search end to end (%s)', (_, options: BuildOptions) => {
  it('finds 荣成公安 by its initials rcga', async () => {
    const { index } = build(options);
    expect(await names(index, 'rcga')).toEqual(expect.arrayContaining(['rongcheng-police-weibo', 'rongcheng-police-wechat']));
    expect(await names(index, 'rcga')).not.toContain('weihai-police-weibo');
  });

  it('finds 荣成市公安局 by part of its name, 公安', async () => {
    const { index } = build(options);
    const found = await names(index, '公安');
    expect(found).toEqual(expect.arrayContaining(['rongcheng-police-weibo', 'rongcheng-traffic', 'weihai-police-weibo']));
    expect(found).not.toContain('rongcheng-release');
  });

  it('finds 荣成 typed in traditional characters', async () => {
    const { index } = build(options);
    const found = await names(index, '榮成');
    expect(found).toEqual(expect.arrayContaining(['rongcheng-police-weibo', 'rongcheng-release', 'yatou-release']));
    expect(found).not.toContain('weihai-police-weibo');
  });

  it('finds a place by full pinyin, including the channels under it', async () => {
    const { index } = build(options);
    const found = await names(index, 'rongcheng');
    expect(found).toEqual(expect.arrayContaining(['rongcheng-release', 'yatou-release', 'rongcheng-police-wechat']));
    expect(found).not.toContain('dongcheng-market');
  });

  it('finds every channel under a region named only in the region tree', async () => {
    const { index } = build(options);
    // 山东 and Shandong occur in no channel's own fields, only in the province's names.
    const shandong = ['rongcheng-police-weibo', 'rongcheng-police-wechat', 'rongcheng-traffic', 'weihai-police-weibo', 'rongcheng-release', 'yatou-release'];
    expect((await names(index, '山东')).sort()).toEqual([...shandong].sort());
    expect((await names(index, 'shandong')).sort()).toEqual([...shandong].sort());
    expect(await names(index, '东城区')).toEqual(['dongcheng-market']);
  });

  it('finds channels by English agency words and region names', async () => {
    const { index } = build(options);
    expect(await names(index, 'market regulation')).toEqual(['dongcheng-market']);
    expect(await names(index, 'Dongcheng')).toEqual(['dongcheng-market']);
    expect(await names(index, 'security bureau')).toEqual(['rongcheng-police-weibo']);
  });

  it('finds a channel by its handle', async () => {
    const { index } = build(options);
    expect(await names(index, 'rcga110')).toEqual(['rongcheng-police-wechat']);
  });

  it('needs every word to match', async () => {
    const { index } = build(options);
    // 崖头发布 is under 荣成市, so the place name matches it too.
    expect(await names(index, '荣成 发布')).toEqual(['rongcheng-release', 'yatou-release']);
    expect(await names(index, '崖头 发布')).toEqual(['yatou-release']);
    expect(await names(index, '北京 发布')).toEqual([]);
    expect(await names(index, '北京 公安')).toEqual([]);
  });

  it('ranks exact names first, live before closed, then names that start the same', async () => {
    const { index } = build(options);
    const result = await index.search('荣成公安', { lang: 'zh', limit: 10 });
    expect(result.hits.map((h) => h.record.id)).toEqual(['rongcheng-police-wechat', 'rongcheng-police-weibo', 'rongcheng-traffic']);
    expect(result.hits.map((h) => h.quality)).toEqual([0, 0, 1]);
    expect(result.complete).toBe(true);
    expect(result.total).toBe(3);
  });

  it('shows a closed channel with its live destination, status and where its entry is', async () => {
    const { index } = build(options);
    const result = await index.search('荣成公安', { lang: 'en', limit: 10 });
    const closed = result.hits.find((h) => h.record.id === 'rongcheng-police-weibo')!.record;
    expect(closed.status).toBe('closed');
    expect(closed.platform).toBe('weibo');
    expect(closed.place.en).toBe('Rongcheng, Weihai, Shandong');
    expect(closed.page).toBe('371082');
    expect(closed.destinations).toEqual([{ kind: 'channel', id: 'weihai-police-weibo', page: '371000', name: { zh: '威海公安', en: 'Weihai Police' }, platform: 'weibo', url: undefined }]);
    const links = index.manifest.links;
    expect(entryLink(links.en, closed)).toBe('/en/regions/371082/#c-rongcheng-police-weibo');
    expect(entryLink(links.zh, closed.destinations[0] as { id: string; page: string })).toBe('/regions/371000/#c-weihai-police-weibo');
  });

  it('links a township\'s channel to its entry on the county page', async () => {
    const { index } = build(options);
    const [hit] = (await index.search('崖头发布', { lang: 'zh', limit: 10 })).hits;
    expect(hit!.record.page).toBe('371082');
    expect(entryLink(index.manifest.links.zh, hit!.record)).toBe('/regions/371082/#c-yatou-release');
  });

  it('offers the places a query names, above the channels, linked to their pages or sections', async () => {
    const { index } = build(options);
    const rongcheng = await index.search('荣成', { lang: 'zh', limit: 10 });
    expect(rongcheng.places.map((p) => p.place.code)).toEqual(['371082']);
    const place = rongcheng.places[0]!.place;
    expect(place).toMatchObject({ name: { zh: '荣成市', en: 'Rongcheng' }, parent: { zh: '山东省威海市', en: 'Weihai, Shandong' }, channels: 5 });
    expect(placeLink(index.manifest.links.zh, place)).toBe('/regions/371082/');
    const yatou = (await index.search('崖头', { lang: 'en', limit: 10 })).places[0]!.place;
    expect(yatou.page).toBe('371082');
    expect(placeLink(index.manifest.links.en, yatou)).toBe('/en/regions/371082/#r-371082001');
    // by pinyin and English too, provinces before the regions under them
    expect((await index.search('shandong', { lang: 'zh', limit: 10 })).places.map((p) => p.place.code)).toEqual(['370000']);
    expect((await index.search('Weihai', { lang: 'zh', limit: 10 })).places.map((p) => p.place.code)).toEqual(['371000']);
    // a channel's words are no place
    expect((await index.search('荣成公安', { lang: 'zh', limit: 10 })).places).toEqual([]);
    expect((await index.search('荣成', { lang: 'zh', limit: 10, offset: 10 })).places).toEqual([]);
  });

  it('pages through results', async () => {
    const { index } = build(options);
    const first = await index.search('荣成', { lang: 'zh', limit: 2 });
    const second = await index.search('荣成', { lang: 'zh', limit: 2, offset: 2 });
    expect(first.hits).toHaveLength(2);
    expect(second.hits.map((h) => h.id)).not.toContain(first.hits[0]!.id);
    expect(first.total).toBe(5);
  });

  it('fetches only the shards of the query tokens', async () => {
    const { index, fetched, built } = build({ ...options, shardTarget: 16 });
    expect(built.manifest.shards).toBeGreaterThan(8);
    const plan = index.plan('荣成');
    await index.search(plan, { lang: 'zh', limit: 10 });
    const shards = fetched.filter((p) => p.includes('/s/'));
    const planShards = new Set(plan.tokens.map((t) => shardOf(t, built.manifest.shards)));
    expect(shards.sort()).toEqual([...planShards].map((n) => shardPath(built.manifest.version, n)).sort());
    expect(shards.length).toBeLessThan(built.manifest.shards);
  });
});

describe('index layout', () => {
  it('puts common tokens in block files that only their queries fetch', async () => {
    const { index, fetched, built } = build({ inlineLimit: 0 });
    expect(built.stats.externalTokens).toBe(built.stats.tokens);
    await index.search('东城', { lang: 'zh', limit: 10 });
    const blocks = fetched.filter((p) => p.includes('/b/'));
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.length).toBeLessThanOrEqual(index.plan('东城').tokens.length);
  });

  it('lists in the manifest only traditional characters the index can use, and the syllables', () => {
    const { built } = build();
    expect(built.manifest.t2s).toContain('榮荣');
    expect(built.manifest.t2s).not.toContain('灣');
    expect(built.manifest.syllables.split(' ')).toEqual(expect.arrayContaining(['rong', 'cheng', 'gong', 'an']));
    expect(built.manifest.store.count).toBe(DOCS.length);
  });

  it('is the same for the same input', () => {
    expect(build().built.manifest.version).toBe(build().built.manifest.version);
  });
});

describe('whole handles', () => {
  it('finds a channel by its handle typed whole, first, without indexing handles as words', async () => {
    const { index, built } = build();
    expect(await names(index, '@RCGA110')).toEqual(['rongcheng-police-wechat']);
    expect(index.plan('rcga110').keys).toEqual(['h:rcga110']);
    expect(index.plan('荣成 公安').keys).toEqual([]);
    // a word that could be a name is no handle: no key lookup for it
    expect(index.plan('rongcheng').keys).toEqual([]);
    expect(built.stats.classes.word.tokens).toBeGreaterThan(0);
    // handles are the verify keys' business: no token of a handle is in the term shards
    const { index: other, fetched } = build();
    await other.search('rcga110', { lang: 'zh', limit: 10 });
    expect(fetched.some((p) => p.includes('/k/'))).toBe(true);
  });
});

describe('files', () => {
  it('store tokens as hashes, not as text', () => {
    const { built } = build();
    const shardText = new TextDecoder().decode(Buffer.concat([...built.files].filter(([p]) => p.includes('/s/')).map(([, d]) => d)));
    expect(shardText).not.toContain('荣成');
    expect(shardText).not.toContain('police');
  });

  it('round-trip records: texts shared, English only where it differs', () => {
    const place = { zh: '山东省威海市荣成市', en: 'Rongcheng, Weihai, Shandong', page: '371082' };
    const inputs: RecordInput[] = [
      { id: 'rongcheng-police-weibo', status: 'closed', platform: 'weibo', name: '荣成公安', nameEn: 'Rongcheng Police', agency: '荣成市公安局', closed: '2024-04', announced: '2024-03-28', destinations: [{ kind: 'channel', id: 'weihai-police-wechat', page: '371000', name: '威海公安', platform: 'wechat', url: 'https://mp.weixin.qq.com/weihai' }, { kind: 'url', url: 'https://www.rongcheng.gov.cn/' }] },
      { id: 'rongcheng-police-wechat', status: 'active', platform: 'wechat', name: '荣成公安', agency: '荣成市公安局', agencyEn: '荣成市公安局', destinations: [] },
    ];
    const bytes = encodeRecordFile(inputs, () => place);
    expect(decodeRecordFile(bytes)).toEqual([
      { id: 'rongcheng-police-weibo', status: 'closed', platform: 'weibo', name: { zh: '荣成公安', en: 'Rongcheng Police' }, agency: { zh: '荣成市公安局', en: '荣成市公安局' }, place: { zh: place.zh, en: place.en }, page: '371082', closed: '2024-04', announced: '2024-03-28', destinations: [{ kind: 'channel', id: 'weihai-police-wechat', page: '371000', name: { zh: '威海公安', en: '威海公安' }, platform: 'wechat', url: 'https://mp.weixin.qq.com/weihai' }, { kind: 'url', url: 'https://www.rongcheng.gov.cn/' }] },
      { id: 'rongcheng-police-wechat', status: 'active', platform: 'wechat', name: { zh: '荣成公安', en: '荣成公安' }, agency: { zh: '荣成市公安局', en: '荣成市公安局' }, place: { zh: place.zh, en: place.en }, page: '371082', closed: undefined, announced: undefined, destinations: [] },
    ]);
    // the shared name, agency and place are stored once
    const text = new TextDecoder().decode(bytes);
    expect(text.split('荣成公安').length - 1).toBe(1);
  });

  it('round-trip places', () => {
    const places: PlaceRecord[] = [
      { code: '371082', page: '371082', name: { zh: '荣成市', en: 'Rongcheng' }, parent: { zh: '山东省威海市', en: 'Weihai, Shandong' }, channels: 5 },
      { code: '371082001', page: '371082', name: { zh: '崖头街道', en: 'Yatou Subdistrict' }, parent: { zh: '山东省威海市荣成市', en: 'Rongcheng, Weihai, Shandong' }, channels: 1 },
      { code: '370000', page: '370000', name: { zh: '山东省', en: 'Shandong' }, parent: { zh: '', en: '' }, channels: 6 },
    ];
    expect(decodePlaceFile(encodePlaceFile(places))).toEqual(places);
  });
});

describe.skipIf(!browserTestsEnabled())('the search client in a browser', () => {
  const PAGE = `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>search</title></head><body>
<form action="/regions/100000/" method="get" role="search" data-search="/search/index.json">
<label for="q">搜索账号、机构或地区</label> <input id="q" name="q" type="search"> <button>搜索</button>
</form>
<script type="module" src="/search/client.js"></script>
</body></html>`;
  let dir: string;
  let server: Server;
  let origin: string;
  let browser: Browser;
  const requests: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'search-client-'));
    const store = buildRecordStore(DOCS, regionLookup(REGIONS));
    await buildSearchIndexInto(store, join(dir, 'search'));
    writeFileSync(join(dir, 'search', 'client.js'), await bundleSearchClient());
    writeFileSync(join(dir, 'index.html'), PAGE);
    const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json' };
    server = createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url!, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
      requests.push(path);
      if (path.startsWith('/regions/')) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<title>regions</title>');
        return;
      }
      const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
      try {
        const body = readFileSync(file);
        // The site's policy: no inline scripts, nothing from elsewhere.
        res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'content-security-policy': "default-src 'self'" });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows results as you type, with status, and the destination of a closed channel', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused/.test(m.text())) violations.push(m.text());
    });
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    await page.goto(`${origin}/`);
    await page.getByLabel('搜索账号、机构或地区').fill('rcga');
    await page.locator('.search-item').nth(2).waitFor();
    // 荣成公安 twice (Weibo, closed; WeChat), and 荣成公安交警, whose initials start rcga too.
    expect(await page.locator('.search-item').count()).toBe(3);
    expect(await page.getByRole('status').textContent()).toBe('找到 3 个结果');
    const closed = page.locator('.search-item--closed');
    expect(await closed.locator('.search-badge').textContent()).toBe('已关停');
    const destination = closed.locator('.search-destination a');
    expect(await destination.textContent()).toBe('威海公安（微博）');
    // straight to the channels' entries on their regions' pages
    expect(await destination.getAttribute('href')).toBe('/regions/371000/#c-weihai-police-weibo');
    expect(await page.locator('.search-item--active .search-name').first().getAttribute('href')).toBe('/regions/371082/#c-rongcheng-police-wechat');
    expect(violations).toEqual([]);
    // Nothing from elsewhere; from here, only the page, the client and index files.
    expect(urls.filter((u) => !u.startsWith(`${origin}/`))).toEqual([]);
    expect(requests.filter((r) => r !== '/' && r !== '/favicon.ico' && !r.startsWith('/search/'))).toEqual([]);
    await page.close();
  });

  it('offers a place above the channels, linked to its page', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    await page.getByLabel('搜索账号、机构或地区').fill('荣成');
    const place = page.locator('.search-item').first();
    await place.waitFor();
    expect(await place.getAttribute('class')).toContain('search-item--place');
    expect(await place.locator('.search-name').textContent()).toBe('荣成市');
    expect(await place.locator('.search-name').getAttribute('href')).toBe('/regions/371082/');
    expect(await place.locator('.search-badge').textContent()).toBe('地区');
    expect(await place.locator('.search-meta').textContent()).toBe('山东省威海市 · 5 个账号');
    await page.close();
  });

  it('moves between the box and the results with the keyboard', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    const box = page.getByLabel('搜索账号、机构或地区');
    await box.fill('榮成');
    await page.locator('.search-item').first().waitFor();
    await box.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('search-name');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.close();
  });

  it('without JavaScript, submits to the region browser', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.getByLabel('搜索账号、机构或地区').fill('荣成');
    await Promise.all([page.waitForURL(/regions/, { waitUntil: 'commit' }), page.getByRole('button', { name: '搜索' }).click()]);
    expect(new URL(page.url()).pathname).toBe('/regions/100000/');
    expect(new URL(page.url()).searchParams.get('q')).toBe('荣成');
    await context.close();
  });
});

describe('the Astro integration', () => {
  it('writes the index of the site data and the client into the build output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'search-integration-'));
    try {
      const integration = searchIndex();
      type Hooks = typeof integration.hooks;
      const configDone = integration.hooks['astro:config:done']!;
      const buildDone = integration.hooks['astro:build:done']!;
      await configDone({ config: { base: '/registry' } } as unknown as Parameters<NonNullable<Hooks['astro:config:done']>>[0]);
      const logged: string[] = [];
      await buildDone({ dir: pathToFileURL(`${dir}/`), pages: [], logger: { info: (m: string) => logged.push(m) } } as unknown as Parameters<NonNullable<Hooks['astro:build:done']>>[0]);

      const manifest = JSON.parse(readFileSync(join(dir, 'search', 'index.json'), 'utf8')) as SearchManifest;
      expect(manifest.links).toEqual(linkPatterns('/registry/'));
      expect(manifest.links.en.entry).toBe('/registry/en/regions/{page}/#c-{id}');
      expect(existsSync(join(dir, 'search', 'client.js'))).toBe(true);
      expect(logged.join('\n')).toMatch(/channels, \d+ places → \d+ files/);

      const { registry } = siteData();
      expect(manifest.store.count).toBe(registry.channels.length);
      const channel = registry.channels[0]!;
      const index = new SearchIndex(manifest, fileSource(manifest, async (path) => new Uint8Array(readFileSync(join(dir, 'search', path)))));
      const found = await index.search(channel.name, { lang: 'zh', limit: 50 });
      const hit = found.hits.find((h) => h.record.id === channel.id);
      expect(hit?.record.page).toBe(registry.pageOf(channel.region));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
