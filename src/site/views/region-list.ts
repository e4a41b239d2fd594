/** Child regions as a list with their counts: linked when they have a page, else marked empty. */
import type { Registry } from '../../domain/model.ts';
import type { PageContext } from '../i18n.ts';
import { stringsFor } from '../../strings/index.ts';
import { regionAnchor, regionHref } from './hrefs.ts';
import type { LocalName } from '../../strings/local-name.ts';
import { regionName } from './names.ts';
import { countsView, type CountsView } from './status-counts.ts';

export interface RegionListItem {
  readonly code: string;
  readonly name: LocalName;
  /** Its page, or a township's section of its county's page; absent when nothing is recorded there. */
  readonly href?: string;
  readonly counts: CountsView;
  /** "no channels recorded yet" when the subtree has none. */
  readonly emptyNote?: string;
}

export function childRegions(registry: Registry, code: string, ctx: PageContext): RegionListItem[] {
  const t = stringsFor(ctx.lang);
  return registry.childrenOf(code).map(({ region, counts }) => ({
    code: region.code,
    name: regionName(region, ctx.lang),
    // a township shown as a section of this very page: just its anchor
    href: !registry.hasPage(region.code) && registry.pageOf(region.code) === code && counts.total > 0 ? `#${regionAnchor(region.code)}` : regionHref(registry, region.code, ctx),
    counts: countsView(counts, ctx.lang),
    emptyNote: counts.total === 0 ? t.region.noneRecorded : undefined,
  }));
}
