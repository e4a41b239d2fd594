/** Laying data/regions.csv over the built-in division list, with its own checks. */
import type { DiagnosticList } from './diagnostics.ts';
import type { RegionOverrideRecord } from './load.ts';
import { impliedParent, isAboveKind, kindOfCode, KIND_ORDER, RegionIndex, type RegionEntry } from './regions.ts';

export function applyRegionOverrides(
  builtin: readonly RegionEntry[],
  overrides: readonly RegionOverrideRecord[],
  diagnostics: DiagnosticList,
): RegionIndex {
  const builtinByCode = new Map(builtin.map((e) => [e.code, e] as const));
  const entries = new Map(builtinByCode);
  for (const o of overrides) {
    const existing = entries.get(o.code);
    entries.set(o.code, {
      code: o.code,
      name: o.name,
      nameEn: o.name_en ?? (existing?.name === o.name ? existing?.nameEn : undefined),
      parent: o.parent ?? existing?.parent ?? impliedParent(o.code),
    });
  }
  // Every parent strictly above its child bounds the tree's depth at five (nation to
  // township) whatever the file holds, so no walk up or down it can grow with the data. All
  // of them are put right before any walk below, so that no walk passes a long chain of
  // overrides not yet checked. A misplaced region falls back to its built-in or implied parent.
  const misplaced = new Set<RegionOverrideRecord>();
  for (const o of overrides) {
    // a parent the row does not give is the built-in one or the code's own, always above it
    const parent = o.parent;
    if (parent === undefined || !entries.has(parent) || isAboveKind(kindOfCode(parent), kindOfCode(o.code))) continue;
    diagnostics.error(
      o.from.at('parent'),
      'REGION_PARENT_LEVEL',
      `parent region ${parent} of ${o.code} is a ${kindOfCode(parent)}, not above this ${kindOfCode(o.code)}; a parent must be of a higher kind (${KIND_ORDER.join(' > ')}): give the division ${o.code} belongs to`,
    );
    misplaced.add(o);
    const entry = entries.get(o.code)!;
    if (entry.parent === parent) entries.set(o.code, { ...entry, parent: builtinByCode.get(o.code)?.parent ?? impliedParent(o.code) });
  }
  for (const o of overrides) {
    // gone when an earlier row of the same code was dropped
    const entry = entries.get(o.code);
    if (!entry) continue;
    const parent = entry.parent;
    if (parent !== undefined && !entries.has(parent)) {
      // a misplaced region whose fallback parent does not exist either: its error is reported
      if (!misplaced.has(o)) diagnostics.error(o.from.at(o.parent ? 'parent' : 'code'), 'REGION_PARENT_UNKNOWN', `parent region ${parent} of ${o.code} does not exist; add it to data/regions.csv first or give an existing parent`);
      entries.delete(o.code);
      continue;
    }
    const seen = new Set([o.code]);
    for (let p = parent; p !== undefined; p = entries.get(p)?.parent) {
      if (seen.has(p)) {
        diagnostics.error(o.from.at('parent'), 'REGION_PARENT_CYCLE', `region ${o.code} would be its own ancestor (${[...seen, p].join(' → ')})`);
        entries.set(o.code, { ...entry, parent: impliedParent(o.code) });
        break;
      }
      seen.add(p);
    }
  }
  return new RegionIndex(entries.values());
}
