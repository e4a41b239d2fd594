/**
 * Channels grouped under every region above them, so each region page's charts read only its
 * own subtree. One pass: a channel joins the list of each region in its lineage (at most five),
 * and lineages are computed once per distinct region code.
 */
import type { RegionIndex } from '../regions.ts';

export function groupBySubtree<C extends { readonly region: string }>(
  channels: readonly C[],
  regions: Pick<RegionIndex, 'lineage'>,
): Map<string, C[]> {
  const groups = new Map<string, C[]>();
  const lineageLists = new Map<string, C[][]>();
  for (const c of channels) {
    let lists = lineageLists.get(c.region);
    if (!lists) {
      lists = regions.lineage(c.region).map((r) => {
        let list = groups.get(r.code);
        if (!list) groups.set(r.code, (list = []));
        return list;
      });
      lineageLists.set(c.region, lists);
    }
    for (const list of lists) list.push(c);
  }
  return groups;
}
