/** Child regions as a list with their counts: linked when they have a page, else marked empty. */
import type { Registry } from '../../domain/model.ts';
import { localePath, routes, ui, type PageContext } from '../i18n.ts';
import { regionName, type LocalName } from './names.ts';
import { countsView, type CountsView } from './status-counts.ts';

export interface RegionListItem {
  readonly code: string;
  readonly name: LocalName;
  /** Absent when the region has no page (counties and townships with no channels). */
  readonly href?: string;
  readonly counts: CountsView;
  /** "no channels recorded yet" when the subtree has none. */
  readonly emptyNote?: string;
}

export function childRegions(registry: Registry, code: string, ctx: PageContext): RegionListItem[] {
  const t = ui(ctx.lang);
  return registry.childrenOf(code).map(({ region, counts, hasPage }) => ({
    code: region.code,
    name: regionName(region, ctx.lang),
    href: hasPage ? localePath(ctx, routes.region(region.code)) : undefined,
    counts: countsView(counts, ctx.lang),
    emptyNote: counts.total === 0 ? t.region.noneRecorded : undefined,
  }));
}
