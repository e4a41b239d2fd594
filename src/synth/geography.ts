/**
 * The real division tree as the generator sees it: the built-in GB/T 2260 list grouped by
 * province, with the short names accounts are called by (荣成市 → 荣成), English names, and
 * slugs for ids and example host names. Slugs are handed out on first use and stay unique:
 * the second 城关镇 to be used gets its code appended.
 */
import { builtinRegionEntries, englishName, kindOfCode, NATION_CODE, shortName, type RegionEntry, type RegionKind } from '../domain/regions.ts';

export interface ProvinceArea {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  /** File name stem under data/channels/ (shandong, inner-mongolia). */
  readonly fileStem: string;
  /** Beijing, Tianjin, Shanghai, Chongqing: departments are 局, not 厅. */
  readonly municipality: boolean;
  readonly prefectures: readonly string[];
  readonly counties: readonly string[];
  readonly townships: readonly string[];
}

/** Hong Kong, Macao and Taiwan have codes but no mainland government channels to invent. */
const SKIPPED_PROVINCES = new Set(['710000', '810000', '820000']);
const MUNICIPALITIES = new Set(['110000', '120000', '310000', '500000']);

export class Geography {
  readonly provinces: readonly ProvinceArea[];
  private readonly entries = new Map<string, RegionEntry>();
  private readonly englishNames = new Map<string, string>();
  private readonly slugs = new Map<string, string>();
  private readonly slugOwners = new Map<string, string>();

  constructor(entries: readonly RegionEntry[] = builtinRegionEntries()) {
    for (const e of entries) this.entries.set(e.code, e);
    const byProvince = new Map<string, { prefectures: string[]; counties: string[]; townships: string[] }>();
    for (const e of entries) {
      const kind = kindOfCode(e.code);
      if (kind === 'nation' || kind === 'province') continue;
      const province = `${e.code.slice(0, 2)}0000`;
      let lists = byProvince.get(province);
      if (!lists) byProvince.set(province, (lists = { prefectures: [], counties: [], townships: [] }));
      (kind === 'prefecture' ? lists.prefectures : kind === 'county' ? lists.counties : lists.townships).push(e.code);
    }
    const provinces: ProvinceArea[] = [];
    for (const e of entries) {
      if (kindOfCode(e.code) !== 'province' || SKIPPED_PROVINCES.has(e.code)) continue;
      const lists = byProvince.get(e.code) ?? { prefectures: [], counties: [], townships: [] };
      const nameEn = this.english(e.code);
      provinces.push({
        code: e.code,
        name: e.name,
        nameEn,
        fileStem: slugify(nameEn),
        municipality: MUNICIPALITIES.has(e.code),
        prefectures: lists.prefectures.sort(),
        counties: lists.counties.sort(),
        townships: lists.townships.sort(),
      });
    }
    this.provinces = provinces.sort((a, b) => a.code.localeCompare(b.code));
  }

  name(code: string): string {
    return this.entry(code).name;
  }

  parent(code: string): string | undefined {
    return this.entry(code).parent;
  }

  kind(code: string): RegionKind {
    return kindOfCode(code);
  }

  /** The name accounts are called by: 荣成市 → 荣成, 恩施土家族苗族自治州 → 恩施, 城关镇 → 城关. */
  short(code: string): string {
    return shortName(code, this.name(code));
  }

  english(code: string): string {
    let name = this.englishNames.get(code);
    if (name === undefined) {
      const entry = this.entry(code);
      name = entry.nameEn ?? englishName(code, entry.name);
      this.englishNames.set(code, name);
    }
    return name;
  }

  /** A slug unique to this region for ids and host names (rongcheng, wuhua-district). */
  slug(code: string): string {
    let slug = this.slugs.get(code);
    if (slug !== undefined) return slug;
    slug = code === NATION_CODE ? 'china' : slugify(this.english(code)) || `r${code}`;
    if (this.slugOwners.has(slug)) slug = `${slug}-${code}`;
    this.slugOwners.set(slug, code);
    this.slugs.set(code, slug);
    return slug;
  }

  private entry(code: string): RegionEntry {
    const entry = this.entries.get(code);
    if (!entry) throw new Error(`unknown region ${code}`);
    return entry;
  }
}

/** Lower-case letters, digits and single hyphens: "Xi'an" → xian, "Wuhua District" → wuhua-district. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
