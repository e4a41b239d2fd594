/**
 * Search as citizens type (issue #13), one class of query at a time, on a small fixture: a
 * place run together with a name or body, a platform word, pinyin as it is typed, initials,
 * traditional characters, a handle or address, English; ranking by closeness; and the files a
 * query fetches.
 */
import { describe, expect, it } from 'vitest';
import { RegionIndex, type RegionEntry } from '../src/domain/regions.ts';
import { buildSearchIndex, type BuildOptions } from '../src/search/build-index.ts';
import { fileSource, SearchIndex } from '../src/search/query.ts';
import { segmentHan } from '../src/search/segment.ts';
import { Lexicon } from '../src/search/lexicon.ts';
import { buildRecordStore, STORE_DIR } from '../src/store/record-store.ts';
import type { RegionLookup, SearchDoc } from '../src/store/search-docs.ts';

const REGIONS: RegionEntry[] = [
  { code: '100000', name: '全国', nameEn: 'China (national)' },
  { code: '340000', name: '安徽省', nameEn: 'Anhui', parent: '100000' },
  { code: '340200', name: '芜湖市', nameEn: 'Wuhu', parent: '340000' },
  { code: '340223', name: '南陵县', nameEn: 'Nanling County', parent: '340200' },
  { code: '340223100', name: '籍山镇', nameEn: 'Jishan Town', parent: '340223' },
  { code: '370000', name: '山东省', nameEn: 'Shandong', parent: '100000' },
  { code: '371000', name: '威海市', nameEn: 'Weihai', parent: '370000' },
  { code: '371082', name: '荣成市', nameEn: 'Rongcheng', parent: '371000' },
  { code: '130000', name: '河北省', nameEn: 'Hebei', parent: '100000' },
  { code: '130600', name: '保定市', nameEn: 'Baoding', parent: '130000' },
  { code: '130629', name: '容城县', nameEn: 'Rongcheng County', parent: '130600' },
  { code: '110000', name: '北京市', nameEn: 'Beijing', parent: '100000' },
  { code: '110101', name: '东城区', nameEn: 'Dongcheng District', parent: '110000' },
  { code: '110101001', name: '东华门街道', nameEn: 'Donghuamen Subdistrict', parent: '110101' },
  { code: '230000', name: '黑龙江省', nameEn: 'Heilongjiang', parent: '100000' },
  { code: '230800', name: '佳木斯市', nameEn: 'Jiamusi', parent: '230000' },
  { code: '230822', name: '桦南县', nameEn: 'Huanan County', parent: '230800' },
];

function regionLookup(entries: RegionEntry[]): RegionLookup {
  const index = new RegionIndex(entries);
  return {
    lineage: (code) => index.lineage(code),
    pageOf: (code) => [...index.lineage(code)].reverse().find((r) => r.kind !== 'township')?.code ?? '100000',
  };
}

const doc = (fields: Partial<SearchDoc> & Pick<SearchDoc, 'id' | 'name' | 'agency' | 'region'>): SearchDoc => ({
  platform: 'wechat',
  status: 'active',
  level: 'county',
  destinations: [],
  ...fields,
});

const DOCS: SearchDoc[] = [
  doc({ id: 'nanling-traffic-weibo', name: '南陵交警', agency: '南陵县公安局交通警察大队', agencyEn: 'Nanling County Traffic Police Brigade', region: '340223', platform: 'weibo' }),
  doc({ id: 'nanling-traffic-wechat', name: '南陵交警', agency: '南陵县公安局交通警察大队', agencyEn: 'Nanling County Traffic Police Brigade', region: '340223' }),
  doc({ id: 'nanling-police-wechat', name: '南陵公安', agency: '南陵县公安局', agencyEn: 'Nanling County Public Security Bureau', region: '340223' }),
  doc({ id: 'nanling-police-douyin', name: '平安南陵', agency: '南陵县公安局', agencyEn: 'Nanling County Public Security Bureau', region: '340223', platform: 'douyin' }),
  doc({ id: 'nanling-hrss-wechat', name: '南陵就业', agency: '南陵县人力资源和社会保障局', agencyEn: 'Nanling County Human Resources and Social Security Bureau', region: '340223' }),
  doc({ id: 'nanling-education-wechat', name: '南陵教育', agency: '南陵县教育局', agencyEn: 'Nanling County Education Bureau', region: '340223' }),
  doc({ id: 'jishan-police-station-wechat', name: '籍山派出所', agency: '南陵县公安局籍山派出所', agencyEn: 'Jishan Town Police Station', region: '340223100', level: 'township' }),
  doc({
    id: 'rongcheng-police-weibo',
    name: '荣成公安',
    nameEn: 'Rongcheng Police',
    agency: '荣成市公安局',
    agencyEn: 'Rongcheng Public Security Bureau',
    region: '371082',
    platform: 'weibo',
    status: 'closed',
    closed: '2024-04',
    url: 'https://weibo.com/u/1234567890',
    destinations: [{ kind: 'channel', id: 'rongcheng-police-wechat', page: '371082', name: '荣成公安', platform: 'wechat' }],
  }),
  doc({ id: 'rongcheng-police-wechat', name: '荣成公安', agency: '荣成市公安局', agencyEn: 'Rongcheng Public Security Bureau', region: '371082', handle: 'rcga110' }),
  doc({ id: 'rongcheng-police-douyin', name: '荣成公安', agency: '荣成市公安局', agencyEn: 'Rongcheng Public Security Bureau', region: '371082', platform: 'douyin' }),
  doc({ id: 'rongcheng-traffic-weibo', name: '荣成公安交警', agency: '荣成市公安局交通警察大队', agencyEn: 'Rongcheng Traffic Police Brigade', region: '371082', platform: 'weibo' }),
  doc({ id: 'rongcheng-release-wechat', name: '荣成发布', agency: '荣成市人民政府', agencyEn: "Rongcheng People's Government", region: '371082' }),
  doc({ id: 'rongcheng-county-police-wechat', name: '容城公安', agency: '容城县公安局', agencyEn: 'Rongcheng County Public Security Bureau', region: '130629' }),
  doc({ id: 'beijing-traffic-weibo', name: '北京交警', agency: '北京市公安局公安交通管理局', agencyEn: 'Beijing Traffic Management Bureau', region: '110000', level: 'provincial', platform: 'weibo' }),
  doc({ id: 'beijinxing-community-wechat', name: '美丽北金星', agency: '东华门街道北金星社区居民委员会', region: '110101001', level: 'community' }),
  doc({ id: 'huanan-forestry-wechat', name: '桦南林业局', agency: '桦南县林业局', region: '230822' }),
];

function build(options: BuildOptions = {}) {
  const store = buildRecordStore(DOCS, regionLookup(REGIONS));
  const built = buildSearchIndex(store, options);
  const fetched: string[] = [];
  let answered = 0;
  let waveStart = -1;
  let waves = 0;
  const source = fileSource(built.manifest, async (path) => {
    // a fetch begun after another has answered is a new round trip
    if (answered !== waveStart) {
      waves++;
      waveStart = answered;
    }
    fetched.push(path);
    const storePath = `${STORE_DIR}/${store.version}/`;
    const bytes = path.startsWith(storePath) ? store.files.get(path.slice(storePath.length)) : built.files.get(path);
    if (!bytes) throw new Error(`no file ${path}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
    answered++;
    return bytes;
  });
  return { built, fetched, index: new SearchIndex(built.manifest, source), waves: () => waves };
}

const { index } = build();

async function ids(query: string, limit = 10, lang: 'zh' | 'en' = 'zh'): Promise<string[]> {
  return (await index.search(query, { lang, limit })).hits.map((h) => h.record.id);
}

describe('a place run together with a name, a body or a function', () => {
  it('reads the query as places and body words against the built-in names', () => {
    const lexicon = index.context.lexicon;
    expect(segmentHan('芜湖南陵交警', lexicon).map((s) => `${s.kind}:${s.text}`)).toEqual(['place:芜湖', 'place:南陵', 'body:交警']);
    expect(segmentHan('荣成市公安局微博', lexicon).map((s) => `${s.kind}:${s.text}`)).toEqual(['place:荣成市', 'body:公安局', 'platform:微博']);
    // a township is not in the lexicon: its designation still ends a word (沙田镇 | 之声)
    expect(segmentHan('沙田镇之声', new Lexicon({ places: '', english: '' }))).toEqual([{ kind: 'place', text: '沙田镇', short: '沙田' }, { kind: 'other', text: '之声' }]);
    expect(segmentHan('城镇建设', new Lexicon({ places: '', english: '' }))).toEqual([{ kind: 'other', text: '城镇建设' }]);
  });

  it('finds 芜湖南陵交警, 南陵县交警 and 芜湖市南陵县交警, the exact name first', async () => {
    for (const query of ['芜湖南陵交警', '南陵县交警', '芜湖市南陵县交警']) {
      const found = await ids(query);
      expect(found.slice(0, 2).sort(), query).toEqual(['nanling-traffic-wechat', 'nanling-traffic-weibo']);
    }
  });

  it('finds the police of 南陵县公安局, the account named for it first, both ways round (公安局 finds 公安)', async () => {
    const found = await ids('南陵县公安局');
    expect(found[0]).toBe('nanling-police-wechat');
    expect(found).toEqual(expect.arrayContaining(['nanling-police-douyin', 'nanling-traffic-wechat', 'jishan-police-station-wechat']));
    expect(found).not.toContain('nanling-education-wechat');
    expect((await ids('南陵警方'))[0]).toBe('nanling-police-wechat');
  });

  it('finds a body by its short name and by its full one (人社, 人力资源和社会保障局)', async () => {
    expect(await ids('南陵人社')).toEqual(['nanling-hrss-wechat']);
    expect(await ids('南陵县人力资源和社会保障局')).toEqual(['nanling-hrss-wechat']);
  });

  it('leaves out a word no channel has rather than finding nothing, but still needs every word that matches something', async () => {
    expect((await ids('荣成公安xyzzyq')).slice(0, 3).sort()).toEqual(['rongcheng-police-douyin', 'rongcheng-police-wechat', 'rongcheng-police-weibo']);
    expect(await ids('北京 发布')).toEqual([]);
  });
});

describe('a platform word anywhere', () => {
  it('ranks that platform first and never empties the result', async () => {
    expect((await ids('荣成公安微博'))[0]).toBe('rongcheng-police-weibo');
    expect((await ids('微博 荣成公安'))[0]).toBe('rongcheng-police-weibo');
    expect((await ids('荣成公安抖音'))[0]).toBe('rongcheng-police-douyin');
    expect((await ids('荣成市公安局微博'))[0]).toBe('rongcheng-police-weibo');
    // no 南陵交警 on Douyin: the others still show
    expect((await ids('南陵交警抖音')).sort()).toEqual(['nanling-traffic-wechat', 'nanling-traffic-weibo']);
  });

  it('asks for the platform when it is the whole query', async () => {
    const found = await ids('抖音', 20);
    expect(found.sort()).toEqual(['nanling-police-douyin', 'rongcheng-police-douyin']);
  });
});

describe('pinyin as it is typed', () => {
  it('never loses the channel while a longer query would still find it (nanlingjiaojing letter by letter)', async () => {
    const full = 'nanlingjiaojing';
    for (let n = 2; n <= full.length; n++) {
      const found = await ids(full.slice(0, n));
      expect(found, full.slice(0, n)).toContain('nanling-traffic-weibo');
    }
  });

  it('reads a word being typed as the names that start so: nanlin is 南陵, not 桦南林业局; beijin is 北京, not 美丽北金星', async () => {
    expect((await ids('nanlin'))[0]).toMatch(/^nanling-/);
    expect((await ids('beijin'))[0]).toBe('beijing-traffic-weibo');
    expect(await ids('rongch')).toEqual(expect.arrayContaining(['rongcheng-police-wechat', 'rongcheng-county-police-wechat']));
  });

  it('takes pinyin with spaces, and mixed with Chinese', async () => {
    expect((await ids('nanling jiao')).slice(0, 2).sort()).toEqual(['nanling-traffic-wechat', 'nanling-traffic-weibo']);
    expect((await ids('nanling交警')).sort()).toEqual(['nanling-traffic-wechat', 'nanling-traffic-weibo']);
    // 荣成公安 and 容城公安 sound the same
    expect((await ids('rongcheng gongan')).slice(0, 4)).toEqual(expect.arrayContaining(['rongcheng-police-wechat', 'rongcheng-county-police-wechat']));
  });
});

describe('initials', () => {
  it('find a name by its initials, names that are exactly those initials first', async () => {
    const found = await ids('rcga');
    expect(found.slice(0, 4).sort()).toEqual(['rongcheng-county-police-wechat', 'rongcheng-police-douyin', 'rongcheng-police-wechat', 'rongcheng-police-weibo']);
    expect(found[4]).toBe('rongcheng-traffic-weibo');
    expect((await ids('nljj')).sort()).toEqual(['nanling-traffic-wechat', 'nanling-traffic-weibo']);
  });
});

describe('traditional characters', () => {
  it('are read as simplified, places and body words included', async () => {
    expect((await ids('榮成公安')).slice(0, 3).sort()).toEqual(['rongcheng-police-douyin', 'rongcheng-police-wechat', 'rongcheng-police-weibo']);
    expect((await ids('南陵縣交警')).slice(0, 2).sort()).toEqual(['nanling-traffic-wechat', 'nanling-traffic-weibo']);
  });
});

describe('a handle or an address', () => {
  it('finds the channel first, looking up keys only for what looks like a handle or address', async () => {
    expect((await ids('rcga110'))[0]).toBe('rongcheng-police-wechat');
    expect((await ids('@RCGA110'))[0]).toBe('rongcheng-police-wechat');
    expect(await ids('https://weibo.com/u/1234567890')).toEqual(['rongcheng-police-weibo']);
    const { index: fresh, fetched } = build();
    await fresh.search('rongcheng', { lang: 'zh', limit: 10 });
    expect(fetched.some((p) => p.includes('/k/'))).toBe(false);
  });
});

describe('English', () => {
  it('finds names and bodies, also while the last word is being typed, the closest English first', async () => {
    // 荣成 before 容城 (Rongcheng County …): the body's English name holds the query and no more
    expect((await ids('Rongcheng Public Security Bureau', 10, 'en'))[0]).toMatch(/^rongcheng-police-/);
    expect((await ids('Rongcheng Publ', 10, 'en')).slice(0, 3).sort()).toEqual(['rongcheng-police-douyin', 'rongcheng-police-wechat', 'rongcheng-police-weibo']);
    expect(await ids('polic', 10, 'en')).toEqual(expect.arrayContaining(['nanling-traffic-weibo', 'rongcheng-police-weibo', 'jishan-police-station-wechat']));
    expect((await ids('nanling traffic police', 10, 'en')).sort()).toEqual(['nanling-traffic-wechat', 'nanling-traffic-weibo']);
  });
});

describe('results', () => {
  it('say when a closed channel closed, to the precision known, and where to go', async () => {
    const hit = (await index.search('荣成公安微博', { lang: 'zh', limit: 10 })).hits[0]!;
    expect(hit.record).toMatchObject({ status: 'closed', closed: '2024-04', platform: 'weibo' });
    expect(hit.record.destinations).toEqual([{ kind: 'channel', id: 'rongcheng-police-wechat', page: '371082', name: { zh: '荣成公安', en: '荣成公安' }, platform: 'wechat', url: undefined }]);
  });

  it('come in the reader\'s language, the Chinese name kept beside the English', async () => {
    const hit = (await index.search('rongcheng-police', { lang: 'en', limit: 10 })).hits.find((h) => h.record.id === 'rongcheng-police-weibo');
    expect(hit?.record.name).toEqual({ zh: '荣成公安', en: 'Rongcheng Police' });
    expect(hit?.record.agency.en).toBe('Rongcheng Public Security Bureau');
    expect(hit?.record.place.en).toBe('Rongcheng, Weihai, Shandong');
  });
});

describe('files fetched', () => {
  it('take at most three round trips, blocks of common tokens included', async () => {
    for (const query of ['芜湖南陵交警', 'rcga', '荣成市公安局微博', 'nanlingj', 'polic', 'rcga110']) {
      const { index: fresh, waves } = build({ inlineLimit: 0 });
      await fresh.search(query, { lang: 'zh', limit: 10 });
      expect(waves(), query).toBeLessThanOrEqual(3);
    }
  });

  it('read a result line in the reader\'s language only, without addresses', async () => {
    const { index: fresh, fetched, built } = build();
    await fresh.search('荣成公安', { lang: 'zh', limit: 10 });
    expect(fetched.filter((p) => p.includes('/l/'))).toEqual([`${built.manifest.version}/l/zh/0.bin`]);
    expect(fetched.some((p) => p.includes('/r/'))).toBe(false);
  });
});
