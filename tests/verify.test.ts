/**
 * The verify tool's plain parts: how pasted links and handles become keys, how channels are
 * keyed, and lookups against an index built in memory (the same code the browser runs).
 */
import { describe, expect, it } from 'vitest';
import { buildRecordStore, STORE_DIR } from '../src/store/record-store.ts';
import type { SearchDoc } from '../src/store/search-docs.ts';
import { headerSearchView, verifyPageView } from '../src/site/views/search-view.ts';
import { verifyManifest } from '../src/verify/build-index.ts';
import { fnv1a } from '../src/format/hash.ts';
import { type VerifyRecord } from '../src/verify/index-format.ts';
import { keyCheck } from '../src/store/keys.ts';
import { VerifyIndex } from '../src/verify/lookup.ts';
import { canonicalUrl, channelKeys, normaliseHandle, parseInput } from '../src/store/normalise.ts';
import { queryParam, withQueryParam } from '../src/verify/query-param.ts';
import { verdictView, type VerdictLinks } from '../src/verify/verdict.ts';

const key = (input: string) => {
  const parsed = parseInput(input);
  return 'keys' in parsed ? parsed.keys : parsed.kind;
};
const keysOf = (input: string): readonly string[] => {
  const parsed = parseInput(input);
  return 'keys' in parsed ? parsed.keys : [];
};

describe('canonical addresses', () => {
  it.each([
    ['https://weibo.com/u/1234567890', 'weibo.com/u/1234567890'],
    ['http://weibo.com/u/1234567890/', 'weibo.com/u/1234567890'],
    ['HTTPS://WWW.Weibo.COM/u/1234567890?refer_flag=1005055013_', 'weibo.com/u/1234567890'],
    ['https://m.weibo.cn/u/1234567890#top', 'weibo.com/u/1234567890'],
    ['weibo.com/u/1234567890', 'weibo.com/u/1234567890'],
    ['https://weibo.com/RCGA110', 'weibo.com/rcga110'],
    ['https://www.rongcheng.gov.cn/', 'rongcheng.gov.cn'],
    ['https://www.rongcheng.gov.cn/index.html', 'rongcheng.gov.cn'],
    ['http://m.rongcheng.gov.cn:80/col/Col1/', 'rongcheng.gov.cn/col/Col1'],
    ['https://m.www.rongcheng.gov.cn/', 'rongcheng.gov.cn'],
    ['https://www.gov.cn/', 'gov.cn'],
    ['https://www.example.gov.cn/list?utm_source=x&b=2&a=1', 'example.gov.cn/list?a=1&b=2'],
    ['https://www.douyin.com/user/MS4wLjABAAAA?from=share', 'douyin.com/user/MS4wLjABAAAA'],
    ['https://m.bilibili.com/space/12345', 'space.bilibili.com/12345'],
    ['https://www.rongcheng.gov.cn/%E5%85%AC%E5%AE%89/', 'rongcheng.gov.cn/公安'],
    ['ｈｔｔｐｓ：／／ｗｅｉｂｏ．ｃｏｍ／ｕ／１２３４５６７８９０', 'weibo.com/u/1234567890'],
  ])('%s → %s', (input, text) => {
    expect(canonicalUrl(input)?.text).toBe(text);
  });

  it('refuses what is not a web address', () => {
    expect(canonicalUrl('weixin://dl/chat')).toBeUndefined();
    expect(canonicalUrl('https://localhost/')).toBeUndefined();
  });

  it.each([
    ['https://weibo.com/u/1234567890', ['weibo:1234567890']],
    ['https://weibo.com/1234567890', ['weibo:1234567890']],
    ['https://weibo.com/1234567890/NAbCdEfG', ['weibo:1234567890']],
    ['https://m.weibo.cn/profile/1234567890', ['weibo:1234567890']],
    ['https://weibo.com/rcga110', ['weibo:rcga110']],
    ['https://weibo.com/n/荣成公安', []],
    ['https://mp.weixin.qq.com/s?__biz=MzA5NjQ0OTk0MQ==&mid=1&idx=1', ['wechat-biz:MzA5NjQ0OTk0MQ']],
    ['https://space.bilibili.com/12345/dynamic', ['bilibili:12345']],
    ['https://www.toutiao.com/c/user/123456/', ['toutiao:123456']],
  ])('reads the account of %s', (input, ids) => {
    expect(canonicalUrl(input)?.ids).toEqual(ids);
  });
});

describe('pasted input', () => {
  it('tells addresses, handles and names apart', () => {
    expect(parseInput('  ')).toEqual({ kind: 'empty' });
    expect(parseInput('荣成公安').kind).toBe('name');
    expect(parseInput('Rongcheng Police').kind).toBe('name');
    expect(parseInput('weixin://dl/chat').kind).toBe('invalid');
    expect(parseInput('https://weibo.com/u/1').kind).toBe('url');
    expect(parseInput('@rcga110')).toEqual({ kind: 'handle', text: '@rcga110', keys: ['h:rcga110'] });
  });

  it('tries a dotted word both as a host and as a handle (app packages have dots)', () => {
    expect(key('www.rongcheng.gov.cn')).toEqual(['u:rongcheng.gov.cn', 'h:www.rongcheng.gov.cn']);
    expect(key('cn.gov.rongcheng.app')).toEqual(['u:cn.gov.rongcheng.app', 'h:cn.gov.rongcheng.app']);
  });

  it('strips quotes and punctuation copied with a link', () => {
    expect(key('“https://weibo.com/u/1234567890”。')).toEqual(['u:weibo.com/u/1234567890', 'p:weibo:1234567890']);
    expect(key('<https://weibo.com/rcga110>')).toEqual(['u:weibo.com/rcga110', 'p:weibo:rcga110']);
  });

  it('folds handles: @, case, full-width, spaces', () => {
    expect(normaliseHandle('@RCGA110')).toBe('rcga110');
    expect(normaliseHandle('ｒｃｇａ１１０ ')).toBe('rcga110');
    expect(key('ｒｃｇａ１１０')).toEqual(['h:rcga110']);
  });
});

describe('channel keys', () => {
  it('come from the address, the account read from it and the handle', () => {
    expect(channelKeys({ platform: 'weibo', url: 'https://weibo.com/u/1234567890', handle: 'rcga110' }).sort()).toEqual(
      ['h:1234567890', 'h:rcga110', 'p:weibo:1234567890', 'p:weibo:rcga110', 'u:weibo.com/u/1234567890'].sort(),
    );
  });

  it('keep a handle to its platform only where the platform has one namespace of ids', () => {
    expect(channelKeys({ platform: 'douyin', handle: 'rcga' })).toEqual(['h:rcga']);
    expect(channelKeys({ platform: 'website' })).toEqual([]);
  });

  it('meet the keys of every way of writing the same account', () => {
    const keys = new Set(channelKeys({ platform: 'weibo', url: 'https://weibo.com/u/1234567890', handle: 'rcga110' }));
    for (const pasted of ['weibo.com/u/1234567890/', 'http://m.weibo.cn/profile/1234567890', 'https://weibo.com/1234567890', 'https://weibo.com/RCGA110?is_all=1', 'WWW.WEIBO.COM/rcga110', '1234567890', '@rcga110']) {
      expect(keysOf(pasted).some((k) => keys.has(k)), pasted).toBe(true);
    }
    // the same handle on another platform is another account
    expect(keysOf('https://www.douyin.com/rcga110').some((k) => keys.has(k))).toBe(false);
  });
});

/** A channel as the indexes take it (src/store/search-docs.ts). */
const doc = (over: Partial<SearchDoc> & Pick<SearchDoc, 'id'>): SearchDoc => ({
  name: over.id,
  agency: '荣成市公安局',
  agencyEn: 'Rongcheng Public Security Bureau',
  platform: 'weibo',
  status: 'active',
  level: 'county',
  region: '371082',
  destinations: [],
  ...over,
});

const DOCS: SearchDoc[] = [
  doc({
    id: 'rongcheng-police-weibo',
    status: 'closed',
    name: '荣成公安',
    nameEn: 'Rongcheng Police',
    closed: '2024-04',
    announced: '2024-03-28',
    url: 'https://weibo.com/u/1234567890',
    handle: 'rcga110',
    destinations: [{ kind: 'channel', id: 'weihai-police-wechat', page: '371000', name: '威海公安微信', platform: 'wechat', url: 'https://mp.weixin.qq.com/weihai' }],
  }),
  doc({ id: 'weihai-police-wechat', platform: 'wechat', region: '371000', level: 'prefectural', url: 'https://mp.weixin.qq.com/weihai', handle: 'weihaigongan' }),
  doc({ id: 'rongcheng-culture-wechat', platform: 'wechat', status: 'closing', announced: '2024-08-14', handle: 'rcwl', destinations: [{ kind: 'url', url: 'https://www.rongcheng.gov.cn/' }] }),
  doc({ id: 'rongcheng-police-douyin', platform: 'douyin', handle: 'rcga110', url: 'https://www.douyin.com/user/rcga' }),
];

const REGIONS = {
  lineage: (code: string) => [
    { code: '100000', name: '全国', nameEn: 'China' },
    { code: '370000', name: '山东省', nameEn: 'Shandong' },
    { code: '371000', name: '威海市', nameEn: 'Weihai' },
    ...(code === '371082' ? [{ code: '371082', name: '荣成市', nameEn: 'Rongcheng' }] : []),
  ],
  pageOf: (code: string) => code,
};

function memoryIndex(docs: readonly SearchDoc[], options: { keyShardBytes?: number; chunkSize?: number } = {}) {
  const store = buildRecordStore(docs, REGIONS, options);
  const manifest = verifyManifest(store);
  const fetched: string[] = [];
  const prefix = `../search/${STORE_DIR}/${store.version}/`;
  const index = new VerifyIndex(manifest, async (path) => {
    fetched.push(path.slice(prefix.length));
    const bytes = path.startsWith(prefix) ? store.files.get(path.slice(prefix.length)) : undefined;
    if (!bytes) throw new Error(`no file ${path}`);
    return bytes;
  });
  return { index, store, fetched, manifest };
}

/** A record as the verify page shows it. */
const record = (over: Partial<VerifyRecord> & Pick<VerifyRecord, 'id'>): VerifyRecord => ({
  status: 'active',
  platform: 'weibo',
  name: { zh: over.id, en: over.id },
  agency: { zh: '荣成市公安局', en: 'Rongcheng Public Security Bureau' },
  place: { zh: '山东省威海市荣成市', en: 'Rongcheng, Weihai, Shandong' },
  page: '371082',
  destinations: [],
  ...over,
});

const RECORDS: VerifyRecord[] = [
  record({
    id: 'rongcheng-police-weibo',
    status: 'closed',
    name: { zh: '荣成公安', en: 'Rongcheng Police' },
    closed: '2024-04',
    announced: '2024-03-28',
    destinations: [{ kind: 'channel', id: 'weihai-police-wechat', page: '371000', name: { zh: '威海公安微信', en: 'Weihai Police WeChat' }, platform: 'wechat', url: 'https://mp.weixin.qq.com/weihai' }],
  }),
  record({ id: 'weihai-police-wechat', platform: 'wechat', page: '371000' }),
  record({ id: 'rongcheng-culture-wechat', platform: 'wechat', status: 'closing', announced: '2024-08-14', destinations: [{ kind: 'url', url: 'https://www.rongcheng.gov.cn/' }] }),
];

describe.each([
  ['one shard, one record file', {}],
  ['many shards, small record files', { keyShardBytes: 10, chunkSize: 1 }],
])('lookups (%s)', (_name, options) => {
  it('find a closed channel by any way of writing its address, address matches first', async () => {
    const { index } = memoryIndex(DOCS, options);
    for (const pasted of ['https://weibo.com/u/1234567890', 'm.weibo.cn/u/1234567890/', 'https://weibo.com/rcga110']) {
      const answer = await index.lookup(pasted);
      expect(answer.kind, pasted).toBe('found');
      if (answer.kind !== 'found') continue;
      expect(answer.matches.map((m) => m.record.id)).toEqual(['rongcheng-police-weibo']);
      expect(answer.matches[0]!.record.destinations[0]).toMatchObject({ kind: 'channel', id: 'weihai-police-wechat', page: '371000' });
      expect(answer.matches[0]!.record.page).toBe('371082');
    }
  });

  it('find every platform\'s account with a bare handle', async () => {
    const { index } = memoryIndex(DOCS, options);
    const answer = await index.lookup('@RCGA110');
    expect(answer.kind).toBe('found');
    if (answer.kind === 'found') {
      expect(answer.matches.map((m) => m.record.id).sort()).toEqual(['rongcheng-police-douyin', 'rongcheng-police-weibo']);
      expect(answer.matches.every((m) => m.by === 'handle')).toBe(true);
    }
  });

  it('say when nothing is recorded, and pass names and bad links on', async () => {
    const { index } = memoryIndex(DOCS, options);
    expect(await index.lookup('https://weibo.com/u/999')).toEqual({ kind: 'missing', text: 'https://weibo.com/u/999', input: 'url' });
    expect(await index.lookup('nobody')).toEqual({ kind: 'missing', text: 'nobody', input: 'handle' });
    expect((await index.lookup('威海公安')).kind).toBe('name');
    // inherited object properties are not keys
    expect((await index.lookup('constructor')).kind).toBe('missing');
  });
});

describe('the index files', () => {
  it('fetch one key shard and one record file for a lookup', async () => {
    const { index, fetched, store } = memoryIndex(DOCS, { keyShardBytes: 10, chunkSize: 1 });
    expect(store.keyShards).toBeGreaterThan(4);
    await index.lookup('https://weibo.com/rcga110');
    // two keys (address, weibo id): at most two shards, and the one record file
    expect(fetched.filter((p) => p.startsWith('k/')).length).toBeLessThanOrEqual(2);
    expect(fetched.filter((p) => p.startsWith('r/'))).toHaveLength(1);
  });

  it('keep hashes of the keys, not the addresses and handles', () => {
    const { store } = memoryIndex(DOCS);
    const keys = new TextDecoder('latin1').decode(Buffer.concat([...store.files].filter(([p]) => p.startsWith('k/')).map(([, d]) => d)));
    expect(keys).not.toContain('weibo.com');
    expect(keys).not.toContain('rcga110');
    // and the records neither: the answer says where to go, not what was pasted
    const records = new TextDecoder().decode(Buffer.concat([...store.files].filter(([p]) => p.startsWith('r/')).map(([, d]) => d)));
    expect(records).not.toContain('1234567890');
  });

  it('have a version that depends on the content only', () => {
    expect(memoryIndex(DOCS).manifest.version).toBe(memoryIndex(DOCS).manifest.version);
    expect(memoryIndex(DOCS.slice(1)).manifest.version).not.toBe(memoryIndex(DOCS).manifest.version);
  });

  it('hash keys the same way everywhere', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(keyCheck('h:rcga110')).toBe(keyCheck('h:rcga110'));
    expect(keyCheck('h:rcga110')).toBeLessThan(2 ** 40);
    expect(keyCheck('h:rcga110')).not.toBe(keyCheck('h:rcga111'));
  });

  it('stay small at national scale: one lookup downloads well under 300 KB', () => {
    // 20,000 synthetic channels at the default sizes: the files' sizes do not grow with the
    // registry (more channels make more files), so this bounds a 500,000-channel lookup too.
    const many: SearchDoc[] = [];
    for (let i = 0; i < 20_000; i++) {
      const uid = String(1_000_000_000 + i * 7919);
      many.push(doc({
        id: `channel-${i}`,
        status: i % 3 ? 'active' : 'closed',
        name: `测试账号${i}`,
        nameEn: `Test channel ${i}`,
        agency: `测试机构${i % 50}`,
        agencyEn: `Test body ${i % 50}`,
        url: `https://weibo.com/u/${uid}`,
        handle: `handle${i}`,
        closed: i % 3 ? undefined : '2024-05',
        destinations: i % 3 ? [] : [{ kind: 'channel', id: `channel-${i + 1}`, page: '371082', name: `测试账号${i + 1}`, nameEn: `Test channel ${i + 1}`, platform: 'wechat', url: `https://mp.weixin.qq.com/x${i}` }],
      }));
    }
    const { store } = memoryIndex(many);
    expect(store.keyFiles.largest).toBeLessThan(20_000);
    expect(store.records.largest).toBeLessThan(20_000);
    // a lookup: manifest + up to three key shards + the record files of its matches
    expect(3 * store.keyFiles.largest + 2 * store.records.largest).toBeLessThan(300_000);
  });
});

describe('answers as shown', () => {
  const links: VerdictLinks = {
    channel: (c) => `/en/regions/${c.page}/#c-${c.id}`,
    search: (q) => `/en/search/?q=${encodeURIComponent(q)}`,
    report: (q) => `https://github.com/o/r/issues/new?template=channel-missing.yml&url=${encodeURIComponent(q)}`,
  };

  it('a closed channel: closed since when, and where to go instead', () => {
    const view = verdictView({ kind: 'found', text: 'x', input: 'url', matches: [{ record: RECORDS[0]!, by: 'url' }] }, 'en', links);
    expect(view.kind).toBe('found');
    if (view.kind !== 'found') return;
    const m = view.matches[0]!;
    expect(m.verdict).toEqual(['Official but closed since ', { text: 'April 2024', datetime: '2024-04' }]);
    expect(m.destinations![0]!.link).toEqual({ text: 'Weihai Police WeChat (WeChat official account)', href: '/en/regions/371000/#c-weihai-police-wechat', external: false });
    expect(m.destinations![0]!.url?.href).toBe('https://mp.weixin.qq.com/weihai');
    expect(m.page.href).toBe('/en/regions/371082/#c-rongcheng-police-weibo');
    const zh = verdictView({ kind: 'found', text: 'x', input: 'url', matches: [{ record: RECORDS[0]!, by: 'url' }] }, 'zh', links);
    if (zh.kind === 'found') expect(zh.matches[0]!.verdict).toEqual(['官方账号，已于', { text: '2024年4月', datetime: '2024-04' }, '关停']);
  });

  it('active, closing, and found by handle', () => {
    const view = verdictView({ kind: 'found', text: '@rcwl', input: 'handle', matches: [{ record: RECORDS[1]!, by: 'url' }, { record: RECORDS[2]!, by: 'handle' }] }, 'en', links);
    if (view.kind !== 'found') throw new Error(view.kind);
    expect(view.intro).toBe('2 channels found:');
    expect(view.matches[0]!.verdict).toEqual(['Official and active']);
    expect(view.matches[0]!.destinations).toBeUndefined();
    expect(view.matches[1]!.verdict).toEqual(['Official; closure announced ', { text: '14 August 2024', datetime: '2024-08-14' }]);
    expect(view.matches[1]!.destinations![0]!.link).toEqual({ text: 'www.rongcheng.gov.cn', href: 'https://www.rongcheng.gov.cn/', external: true });
    expect(view.matches[1]!.note).toContain('“rcwl”');
  });

  it('nothing recorded: what it means, the report form and search', () => {
    const view = verdictView({ kind: 'missing', text: 'https://weibo.com/u/9', input: 'url' }, 'en', links);
    if (view.kind !== 'missing') throw new Error(view.kind);
    expect(view.heading).toBe('Not in the registry');
    expect(view.text).toMatch(/incomplete/);
    expect(view.links[0]!.href).toContain('url=https%3A%2F%2Fweibo.com%2Fu%2F9');
  });

  it('a name leads to search', () => {
    const view = verdictView({ kind: 'name', text: '荣成公安' }, 'zh', links);
    if (view.kind !== 'note') throw new Error(view.kind);
    expect(view.links[0]!.href).toBe('/en/search/?q=%E8%8D%A3%E6%88%90%E5%85%AC%E5%AE%89');
  });
});

describe('query parameters', () => {
  it('read and write ?q=', () => {
    expect(queryParam('?q=%E8%8D%A3%E6%88%90+', 'q')).toBe('荣成');
    expect(queryParam('', 'q')).toBe('');
    expect(withQueryParam('http://x/verify/?q=a#r', 'q', 'https://weibo.com/u/1')).toBe('/verify/?q=https%3A%2F%2Fweibo.com%2Fu%2F1#r');
    expect(withQueryParam('http://x/verify/?q=a', 'q', '')).toBe('/verify/');
  });
});

describe('the header search, search page and verify page views', () => {
  it('link the right files and pages in each language and under a base path', () => {
    const zh = headerSearchView({ lang: 'zh', base: '/registry/' });
    expect(zh).toMatchObject({ action: '/registry/search/', manifest: '/registry/search/index.json', client: '/registry/search/client.js', lang: 'zh', verify: { href: '/registry/verify/' } });
    const en = headerSearchView({ lang: 'en', base: '/' });
    expect(en).toMatchObject({ action: '/en/search/', manifest: '/search/index.json', label: 'Search channels, bodies or places', verify: { href: '/en/verify/', text: 'Verify a link or handle' } });
    const verify = verifyPageView({ lang: 'en', base: '/registry/' }, 'https://github.com/o/r/');
    expect(verify).toMatchObject({
      action: '/registry/en/verify/',
      manifest: '/registry/verify/index.json',
      client: '/registry/verify/client.js',
      searchHref: '/registry/en/search/',
      regionsHref: '/registry/en/regions/100000/',
      reportHref: 'https://github.com/o/r/issues/new?template=channel-missing.yml',
    });
  });
});
