/**
 * Channels and closures per area (province, or the children of a region) for the tile-grid
 * map and the ranked bars. Area lookups are cached per region code, because 500,000 channels
 * sit in a few thousand distinct regions.
 */
import { NATION_CODE, type Region, type RegionIndex } from '../regions.ts';
import { CLOSURE_STATUSES, type Status } from '../vocabulary.ts';
import type { DatedChannel } from './dated-channel.ts';

export interface AreaTotals {
  readonly code: string;
  /** All channels of the area's bodies, whatever their status. */
  readonly total: number;
  /** Closing and closed channels. */
  readonly closures: number;
  readonly byStatus: Record<Status, number>;
  /** closures / total; undefined when the area has no channels (a share of nothing is not 0%). */
  readonly shareClosed: number | undefined;
}

export interface AreaBreakdown {
  /** One entry per requested area, in the order asked, including empty ones. */
  readonly areas: AreaTotals[];
  /** Channels whose region falls in none of the areas (central bodies, for provinces). */
  readonly outside: number;
}

type RegionLookup = Pick<RegionIndex, 'get' | 'lineage'>;

/**
 * Totals for each area in `areaCodes`; `areaOf` maps a channel's region code to the area it
 * belongs to (or undefined). `areaOf` is called once per distinct region code.
 */
export function totalsByArea(
  channels: readonly DatedChannel[],
  areaCodes: readonly string[],
  areaOf: (regionCode: string) => string | undefined,
): AreaBreakdown {
  const counts = new Map<string, Record<Status, number>>();
  for (const code of areaCodes) counts.set(code, { active: 0, dormant: 0, closing: 0, closed: 0 });
  const cache = new Map<string, Record<Status, number> | null>();
  let outside = 0;
  for (const c of channels) {
    let target = cache.get(c.region);
    if (target === undefined) {
      const area = areaOf(c.region);
      target = (area !== undefined && counts.get(area)) || null;
      cache.set(c.region, target);
    }
    if (target) target[c.status]++;
    else outside++;
  }
  const areas = areaCodes.map((code): AreaTotals => {
    const byStatus = counts.get(code)!;
    const total = byStatus.active + byStatus.dormant + byStatus.closing + byStatus.closed;
    const closures = CLOSURE_STATUSES.reduce((sum, s) => sum + byStatus[s], 0);
    return { code, total, closures, byStatus, shareClosed: total > 0 ? closures / total : undefined };
  });
  return { areas, outside };
}

/** The province-level divisions of the tree (34 with the built-in list), by code. */
export function provinceCodes(regions: RegionLookup): string[] {
  return (regions.get(NATION_CODE)?.children ?? []).filter((code) => regions.get(code)?.kind === 'province');
}

/** Totals per province-level division; central bodies (100000) are counted as `outside`. */
export function totalsByProvince(channels: readonly DatedChannel[], regions: RegionLookup): AreaBreakdown {
  return totalsByArea(channels, provinceCodes(regions), (code) => regions.lineage(code).find((r) => r.kind === 'province')?.code);
}

/**
 * Totals per child of a region (a province's prefectures, a prefecture's counties). Channels
 * of the region's own bodies are `outside`, since they belong to no child.
 */
export function totalsByChild(channels: readonly DatedChannel[], regions: RegionLookup, parentCode: string): AreaBreakdown {
  const parent = regions.get(parentCode);
  const children = parent?.children ?? [];
  return totalsByArea(channels, children, (code) => childOnPath(regions.lineage(code), parentCode));
}

function childOnPath(lineage: readonly Region[], parentCode: string): string | undefined {
  const i = lineage.findIndex((r) => r.code === parentCode);
  return i >= 0 ? lineage[i + 1]?.code : undefined;
}
