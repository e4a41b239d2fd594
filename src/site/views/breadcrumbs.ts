/** The path from the nation down to a region: 全国 › 山东省 › 威海市 › 荣成市. */
import type { Registry } from '../../domain/model.ts';
import type { PageContext } from '../i18n.ts';
import { regionHref } from './hrefs.ts';
import type { LocalName } from '../../strings/local-name.ts';
import { regionName } from './names.ts';

export interface Crumb {
  readonly name: LocalName;
  /** Absent for the page's own region (rendered with aria-current) and regions with nothing recorded. */
  readonly href?: string;
  readonly current: boolean;
}

/**
 * `currentIsPage`: true on the region's own page (its crumb is the current page, not a
 * link); false when the region is context, as on a channel page.
 */
export function breadcrumbs(registry: Registry, code: string, ctx: PageContext, currentIsPage: boolean): Crumb[] {
  const lineage = registry.regions.lineage(code);
  return lineage.map((region, i) => {
    const current = currentIsPage && i === lineage.length - 1;
    const href = current ? undefined : regionHref(registry, region.code, ctx);
    return { name: regionName(region, ctx.lang), href, current };
  });
}
