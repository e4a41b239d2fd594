/**
 * Where a body belongs: the division its name names, within the list's area, and the level
 * that follows. Bodies are named after their place (荣成市公安局, 文登区泽头镇人民政府,
 * 中共威海市委宣传部), so every division of the area is looked for in the name, by its full
 * name and by its name without the suffix (荣成市 and 荣成; 泽头镇; 城西街道 and 城西), and
 * the most specific division on one line of descent wins (文登区 + 泽头镇 → the township).
 *
 * It never guesses. A name that names no division of the area, several that are not on one
 * line of descent (城关镇 in two counties), one above the area, or that goes on to name a
 * place the division list does not have (威海高区管委会: 高区 is a development zone the list
 * knows only by its full name) is left for review, with the candidates it found.
 *
 * A short name that is part of the words body names are made of (公安县 → 公安, 人民街道 →
 * 人民) is never looked for: 荣成市公安局 is not in 公安县. A township's short name (港西 for
 * 港西镇) is common as a word, so it counts only at the start of the name or after its own
 * county is named (荣成市公安局港西派出所).
 */
import { quoted } from '../domain/diagnostics.ts';
import type { ErrorCode } from '../domain/error-codes.ts';
import { kindOfCode, LEVELS_FOR_KIND, NATION_CODE, type Region, type RegionIndex } from '../domain/regions.ts';
import type { Level } from '../domain/vocabulary.ts';
import { isBodyWord } from './bodies.ts';

/**
 * Designations a division's name ends with, longest first. Its own list, not the English
 * names' (regions.ts): for matching, 省 and 自治区 must go too, and 办事处 does not.
 */
const DESIGNATIONS = ['特别行政区', '自治区', '自治州', '自治县', '自治旗', '街道', '林区', '新区', '地区', '苏木', '省', '市', '盟', '区', '县', '旗', '镇', '乡'];

/** The name without its designation (荣成市 → 荣成), or undefined when that leaves under two characters. */
export function divisionStem(name: string): string | undefined {
  for (const d of DESIGNATIONS) {
    if (name.endsWith(d)) {
      const stem = name.slice(0, -d.length);
      return stem.length >= 2 ? stem : undefined;
    }
  }
  return undefined;
}

interface NameEntry {
  readonly code: string;
  /** Matched by its name without designation. */
  readonly short: boolean;
}

export interface PlaceOk {
  readonly ok: true;
  readonly region: Region;
  readonly level: Level;
  /** Text of the name before the first division named and after the last one (中共|威海市|委宣传部). */
  readonly before: string;
  readonly after: string;
  /** Text between the last two divisions named (威海市|公安局|环翠|分局), empty when there are not two. */
  readonly middle: string;
}

export interface PlaceProblem {
  readonly ok: false;
  readonly code: Extract<ErrorCode, 'IMPORT_PLACE_NONE' | 'IMPORT_PLACE_AMBIGUOUS' | 'IMPORT_LEVEL'>;
  readonly message: string;
  readonly candidates: readonly Region[];
}

export type Placement = PlaceOk | PlaceProblem;

/** Bodies of a village or a residents' community (东墩村村民委员会, 海港社区): community level, under a township. */
const COMMUNITY_BODY = /(?:村民委员会|居民委员会|村委会|居委会|[村屯]$|社区$|社区(?:党委|党支部|党总支|服务站|工作站)$)/;
/** Bodies of a township or subdistrict. */
const TOWNSHIP_BODY = /(?:[镇乡]人民政府|[镇乡]政府|街道办事处|[镇乡]党委|街道党工委|街道工委)/;
/**
 * Words after the last division named that name a division themselves (a county, a district
 * or zone, a town, a subdistrict) the list of divisions did not find: 高区, 开发区, 石岛管理区.
 * 社区/景区/辖区 and the like, and 城乡/乡村/城镇, are ordinary words of body names.
 */
const UNKNOWN_DIVISION = /(?:县|(?<![社景辖小片矿库湖山牧营警])区(?![域划间])|(?<![城乡])镇(?!压)|(?<!城)乡(?![村镇土])|街道)/;
const UNKNOWN_DIVISION_BELOW_TOWNSHIP = /(?:县|(?<![城乡])镇|(?<!城)乡(?![村镇土])|街道)/;

export class Placer {
  readonly area: Region;
  private readonly regions: RegionIndex;
  private readonly names = new Map<string, NameEntry[]>();
  private readonly inArea = new Set<string>();
  private readonly above = new Set<string>();
  private maxLength = 0;
  private national: Map<string, NameEntry[]> | undefined;
  private nationalMax = 0;
  private readonly cache = new Map<string, Placement>();

  constructor(regions: RegionIndex, areaCode: string) {
    const area = regions.get(areaCode);
    if (!area) throw new Error(`region ${areaCode} is not in the division list`);
    this.area = area;
    this.regions = regions;
    // the area and every division under it, walked with a stack (overrides could make a cycle)
    const stack = [areaCode];
    while (stack.length > 0) {
      const code = stack.pop()!;
      if (this.inArea.has(code)) continue;
      this.inArea.add(code);
      const region = regions.get(code)!;
      this.addName(this.names, region, (n) => (this.maxLength = Math.max(this.maxLength, n)));
      for (const child of region.children) stack.push(child);
    }
    // the area's ancestors may open a body's name (山东省威海市…): known, but never a placement
    for (const r of regions.lineage(areaCode)) {
      if (r.code === areaCode || r.code === NATION_CODE) continue;
      this.above.add(r.code);
      this.addName(this.names, r, (n) => (this.maxLength = Math.max(this.maxLength, n)));
    }
  }

  private addName(map: Map<string, NameEntry[]>, region: Region, length: (n: number) => void, shortToo = true): void {
    const add = (name: string, short: boolean) => {
      let list = map.get(name);
      if (!list) map.set(name, (list = []));
      if (!list.some((e) => e.code === region.code)) list.push({ code: region.code, short });
      length(name.length);
    };
    add(region.name, false);
    const stem = shortToo ? divisionStem(region.name) : undefined;
    if (stem && !isBodyWord(stem)) add(stem, true);
  }

  private isAncestorOrSelf(ancestor: string, code: string): boolean {
    for (let c: string | undefined = code, steps = 0; c !== undefined && steps < 8; c = this.regions.get(c)?.parent, steps++) {
      if (c === ancestor) return true;
    }
    return false;
  }

  /** Where the body `agency` belongs; `hint` is the list's area cell for the row (所属区县), if any. */
  place(agency: string, hint = ''): Placement {
    const text = hint && !agency.includes(hint) ? `${hint}${agency}` : agency;
    let placement = this.cache.get(text);
    if (!placement) this.cache.set(text, (placement = this.placeText(text)));
    return placement;
  }

  private placeText(text: string): Placement {
    const matches = this.matchesIn(text);
    if (matches.length === 0) {
      const elsewhere = this.nationalCandidates(text);
      return {
        ok: false,
        code: 'IMPORT_PLACE_NONE',
        message: elsewhere.length > 0
          ? `${quoted(text)} names no division of ${this.area.name} (${this.area.code}) but ${elsewhere.map(describe).join(', ')}: a body outside the list's area?`
          : `${quoted(text)} names no division of ${this.area.name} (${this.area.code}); give the body's full name, or the row's county in an area column`,
        candidates: elsewhere,
      };
    }
    // a placement is an entry of some match that every match leads down to
    const valid = new Set<string>();
    for (const m of matches) {
      for (const e of m.entries) {
        if (matches.every((other) => other.entries.some((o) => this.isAncestorOrSelf(o.code, e.code)))) valid.add(e.code);
      }
    }
    const deepest = [...valid].filter((code) => ![...valid].some((other) => other !== code && this.isAncestorOrSelf(code, other)));
    if (deepest.length !== 1) {
      const candidates = (deepest.length > 0 ? deepest : [...new Set(matches.flatMap((m) => m.entries.map((e) => e.code)))]).sort().map((c) => this.regions.get(c)!);
      return {
        ok: false,
        code: 'IMPORT_PLACE_AMBIGUOUS',
        message: `${quoted(text)} fits ${candidates.length} divisions: ${candidates.map(describe).join(', ')}; add the county to the body's name, or place the row by hand`,
        candidates,
      };
    }
    const region = this.regions.get(deepest[0]!)!;
    if (this.above.has(region.code)) {
      return {
        ok: false,
        code: 'IMPORT_PLACE_NONE',
        message: `${quoted(text)} is a body of ${describe(region)}, above the list's area ${describe(this.area)}; import it with --region ${region.code}, or add the row by hand`,
        candidates: [region],
      };
    }
    const ordered = [...matches].sort((a, b) => a.start - b.start);
    const lastMatch = ordered[ordered.length - 1]!;
    const previous = ordered.length > 1 ? ordered[ordered.length - 2]! : undefined;
    const before = text.slice(0, ordered[0]!.start);
    const after = text.slice(Math.max(...matches.map((m) => m.end)));
    const middle = previous && previous.end < lastMatch.start ? text.slice(previous.end, lastMatch.start) : '';
    const kind = kindOfCode(region.code);
    const unknown = (kind === 'township' ? UNKNOWN_DIVISION_BELOW_TOWNSHIP : UNKNOWN_DIVISION).exec(after);
    if (unknown) {
      return {
        ok: false,
        code: 'IMPORT_PLACE_NONE',
        message: `${quoted(text)} goes on after ${describe(region)} to name a place (${quoted(`…${after.slice(0, unknown.index + unknown[0].length)}`)}) that is not in the division list; place the row by hand, or add the division to data/regions.csv`,
        candidates: [region],
      };
    }
    const community = COMMUNITY_BODY.test(after);
    if (community || TOWNSHIP_BODY.test(text)) {
      if (kind !== 'township') {
        const what = community ? 'a village or community committee' : 'a township or subdistrict body';
        return {
          ok: false,
          code: 'IMPORT_LEVEL',
          message: `${quoted(text)} is ${what}, but the only division its name gives is ${describe(region)}, a ${kind}; the township is missing from its name or from the division list`,
          candidates: [region],
        };
      }
    }
    const level: Level = community ? 'community' : LEVELS_FOR_KIND[kind][0]!;
    return { ok: true, region, level, before, after, middle };
  }

  /** Division names found in `text`, those inside a longer one dropped. */
  private matchesIn(text: string): { start: number; end: number; entries: NameEntry[] }[] {
    const found: { start: number; end: number; entries: NameEntry[] }[] = [];
    for (let i = 0; i < text.length; i++) {
      for (let length = Math.min(this.maxLength, text.length - i); length >= 2; length--) {
        const entries = this.names.get(text.slice(i, i + length));
        if (entries) found.push({ start: i, end: i + length, entries });
      }
    }
    // a name inside a longer one is part of it (荣成 in 荣成市); a short name overlapping a full
    // one is a chance reading across two words (市中 in 胶州市中云街道 is not 市中区)
    const outer = found.filter(
      (m) =>
        !found.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start) &&
        !(m.entries.every((e) => e.short) && found.some((o) => o !== m && o.start < m.end && m.start < o.end && o.entries.some((e) => !e.short))),
    );
    // a township's short name counts at the start, or after its county (or prefecture) is named
    return outer
      .map((m) => ({
        ...m,
        entries: m.entries.filter(
          (e) => !e.short || kindOfCode(e.code) !== 'township' || m.start === 0 || outer.some((o) => o.end <= m.start && o.entries.some((p) => p.code !== e.code && this.isAncestorOrSelf(p.code, e.code))),
        ),
      }))
      .filter((m) => m.entries.length > 0);
  }

  /** Prefectures and counties anywhere in the country that the text names (for the review message). */
  private nationalCandidates(text: string): Region[] {
    if (!this.national) {
      this.national = new Map();
      for (const code of this.regions.codes()) {
        const kind = kindOfCode(code);
        if (kind !== 'prefecture' && kind !== 'county' && kind !== 'province') continue;
        // counties by their full names only: thousands of two-character stems would name anything
        this.addName(this.national, this.regions.get(code)!, (n) => (this.nationalMax = Math.max(this.nationalMax, n)), kind !== 'county');
      }
    }
    const codes = new Set<string>();
    for (let i = 0; i < text.length; i++) {
      for (let length = Math.min(this.nationalMax, text.length - i); length >= 2; length--) {
        const entries = this.national.get(text.slice(i, i + length));
        if (entries) {
          for (const e of entries) codes.add(e.code);
          break;
        }
      }
    }
    return [...codes].sort().slice(0, 5).map((c) => this.regions.get(c)!);
  }
}

function describe(region: Region): string {
  return `${region.name} (${region.code})`;
}
