/** Laying data/regions.csv over the built-in division list, with its own checks. */
import type { DiagnosticList } from './diagnostics.ts';
import type { RegionOverrideRecord } from './load.ts';
import { impliedParent, RegionIndex, type RegionEntry } from './regions.ts';

export function applyRegionOverrides(
  builtin: readonly RegionEntry[],
  overrides: readonly RegionOverrideRecord[],
  diagnostics: DiagnosticList,
): RegionIndex {
  const entries = new Map(builtin.map((e) => [e.code, e] as const));
  for (const o of overrides) {
    const existing = entries.get(o.code);
    entries.set(o.code, {
      code: o.code,
      name: o.name,
      nameEn: o.name_en ?? (existing?.name === o.name ? existing?.nameEn : undefined),
      parent: o.parent ?? existing?.parent ?? impliedParent(o.code),
    });
  }
  for (const o of overrides) {
    const parent = entries.get(o.code)!.parent;
    if (parent !== undefined && !entries.has(parent)) {
      diagnostics.error(o.from.at(o.parent ? 'parent' : 'code'), 'REGION_PARENT_UNKNOWN', `parent region ${parent} of ${o.code} does not exist; add it to data/regions.csv first or give an existing parent`);
      entries.delete(o.code);
      continue;
    }
    const seen = new Set([o.code]);
    for (let p = parent; p !== undefined; p = entries.get(p)?.parent) {
      if (seen.has(p)) {
        diagnostics.error(o.from.at('parent'), 'REGION_PARENT_CYCLE', `region ${o.code} would be its own ancestor (${[...seen, p].join(' → ')})`);
        entries.set(o.code, { ...entries.get(o.code)!, parent: impliedParent(o.code) });
        break;
      }
      seen.add(p);
    }
  }
  return new RegionIndex(entries.values());
}
