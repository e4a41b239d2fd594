/**
 * A region's page: where it sits, its own bodies' channels grouped by status (closures with
 * their destinations), counts for everything below it, and its subdivisions.
 */
import type { Registry } from '../../domain/model.ts';
import { STATUSES, STATUS_LABELS, type Status } from '../../domain/vocabulary.ts';
import { ui, type PageContext } from '../i18n.ts';
import { breadcrumbs, type Crumb } from './breadcrumbs.ts';
import { channelSummary, type ChannelSummary } from './channel-summary.ts';
import { plainName, regionName, type LocalName } from './names.ts';
import { childRegions, type RegionListItem } from './region-list.ts';
import { countsView, type CountsView } from './status-counts.ts';

export interface StatusGroup {
  readonly status: Status;
  readonly label: string;
  readonly channels: readonly ChannelSummary[];
}

export interface RegionView {
  readonly code: string;
  readonly title: string;
  readonly name: LocalName;
  readonly breadcrumbs: readonly Crumb[];
  readonly counts: CountsView;
  readonly totalText: string;
  /** Channels of bodies in exactly this region, non-empty groups only, in status order. */
  readonly groups: readonly StatusGroup[];
  readonly childrenHeading: string;
  readonly children: readonly RegionListItem[];
  /** Nothing recorded here or below: the page says so and asks for help. */
  readonly empty: boolean;
}

export function regionView(registry: Registry, code: string, ctx: PageContext): RegionView {
  const region = registry.regions.get(code);
  if (!region) throw new Error(`no region ${code}`);
  const t = ui(ctx.lang);
  const channels = registry.channelsIn(code);
  const counts = countsView(registry.countsIn(code), ctx.lang);
  const name = regionName(region, ctx.lang);
  return {
    code,
    title: plainName(name),
    name,
    breadcrumbs: breadcrumbs(registry, code, ctx, true),
    counts,
    totalText: t.region.totalWithChildren(counts.totalText),
    groups: STATUSES.flatMap((status) => {
      const inGroup = channels.filter((c) => c.status === status);
      if (inGroup.length === 0) return [];
      return [{ status, label: STATUS_LABELS[status][ctx.lang], channels: inGroup.map((c) => channelSummary(registry, c, ctx)) }];
    }),
    childrenHeading: region.kind === 'nation' ? t.region.provincesHeading : t.region.childrenHeading,
    children: childRegions(registry, code, ctx),
    empty: counts.total === 0,
  };
}
