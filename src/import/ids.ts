/**
 * Ids for imported rows, made the way the registry's are: the place in pinyin, the kind of
 * body, the platform (rongcheng-police-weibo; a township after its county, wendeng-zetou-weibo;
 * a district after its city, weihai-huancui-…). The place's own government adds no word
 * (quannan-zhongzhai-weibo); a body the catalogue does not know is its name in pinyin
 * (weihai-dashujuzhongxin-wechat). The same row always gets the same id; one already taken in
 * the registry or earlier in the list gets the account's name in pinyin after it, then a number.
 */
import { pinyin } from 'pinyin-pro';
import { kindOfCode, type Region, type RegionIndex } from '../domain/regions.ts';
import type { Platform } from '../domain/vocabulary.ts';
import { departmentKey, isOwnGovernment } from './bodies.ts';
import { divisionStem } from './place.ts';

/** Words for a branch of a body, named after the place it serves. */
const BRANCH = /^(?:分局|支队|大队|中队|分中心|分所)$/;

/** Longest a part made of full pinyin may be; longer ones are written as initials. */
const MAX_PART = 20;

function syllables(text: string): string[] {
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .map((s) => s.toLowerCase().replace(/ü|v/g, 'u').replace(/[^a-z0-9]+/g, ''))
    .filter((s) => s !== '');
}

/** Text as one id part: full pinyin, or its initials when that is too long. */
function slugPart(text: string): string {
  const parts = syllables(text);
  const full = parts.join('');
  return full.length <= MAX_PART ? full : parts.map((p) => (/^\d/.test(p) ? p : p[0])).join('').slice(0, MAX_PART);
}

export interface IdInput {
  readonly region: Region;
  /** The body's name before the first division named, after the last, and between the last two (see Placer). */
  readonly before: string;
  readonly after: string;
  readonly middle: string;
  readonly platform: Platform;
  readonly name: string;
}

export class IdMaker {
  private readonly regions: RegionIndex;
  private readonly taken: (id: string) => boolean;
  private readonly given = new Set<string>();
  private readonly placeSlugs = new Map<string, string>();
  private readonly bodySlugs = new Map<string, string>();

  /** `taken` says whether the registry already uses an id. */
  constructor(regions: RegionIndex, taken: (id: string) => boolean) {
    this.regions = regions;
    this.taken = taken;
  }

  private stemSlug(region: Region): string {
    return slugPart(divisionStem(region.name) ?? region.name);
  }

  /** The place part: a township after its county, a district after its city. */
  placeSlug(region: Region): string {
    let slug = this.placeSlugs.get(region.code);
    if (slug !== undefined) return slug;
    const parent = region.parent ? this.regions.get(region.parent) : undefined;
    const kind = kindOfCode(region.code);
    const own = this.stemSlug(region);
    if (kind === 'township' && parent) slug = `${this.placeSlug(parent).split('-').pop()}-${own}`;
    else if (kind === 'county' && region.name.endsWith('区') && parent && kindOfCode(parent.code) !== 'nation') {
      // a zone named after its city (威海经济技术开发区) is not named twice: weihai-jingjijishukaifa
      const parentStem = divisionStem(parent.name) ?? parent.name;
      const stem = divisionStem(region.name) ?? region.name;
      slug = `${this.stemSlug(parent)}-${stem.startsWith(parentStem) && stem.length > parentStem.length ? slugPart(stem.slice(parentStem.length)) : own}`;
    }
    else slug = own;
    this.placeSlugs.set(region.code, slug);
    return slug;
  }

  private bodySlug(before: string, middle: string, after: string): string {
    const key = `${before}|${middle}|${after}`;
    let slug = this.bodySlugs.get(key);
    if (slug !== undefined) return slug;
    if (isOwnGovernment(after)) slug = '';
    // a branch named after its place (威海市公安局环翠分局) is the kind of body named before it
    else if (BRANCH.test(after) && departmentKey(before, middle)) slug = departmentKey(before, middle)!;
    else slug = departmentKey(before, after) ?? slugPart(after.replace(/(?:村)?(?:村民委员会|村委会)$/, '村').replace(/(?:社区)?(?:居民委员会|居委会)$/, '社区'));
    this.bodySlugs.set(key, slug);
    return slug;
  }

  /** A new id for the row, unique in the registry and among the ids this maker gave. */
  make(input: IdInput): string {
    const platform = input.platform === 'other' ? 'account' : input.platform;
    const base = [this.placeSlug(input.region), this.bodySlug(input.before, input.middle, input.after), platform].filter((p) => p !== '').join('-');
    const free = (id: string) => !this.taken(id) && !this.given.has(id);
    let id = base;
    if (!free(id)) {
      const named = slugPart(input.name);
      id = named ? `${base}-${named}` : base;
      for (let n = 2; !free(id); n++) id = `${base}-${n}`;
    }
    this.given.add(id);
    return id;
  }
}
