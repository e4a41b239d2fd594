/** The home page: headline numbers, recent closures with where they went, and the way into regions. */
import type { Registry } from '../../domain/model.ts';
import { NATION_CODE } from '../../domain/regions.ts';
import { PLATFORM_LABELS } from '../../domain/vocabulary.ts';
import { formatNumber, type PageContext } from '../i18n.ts';
import { stringsFor } from '../../strings/index.ts';
import { localePath, routes } from '../../routes/routes.ts';
import { channelSummary, type ChannelSummary } from './channel-summary.ts';
import { childRegions, type RegionListItem } from './region-list.ts';
import { countsView, type CountsView } from './status-counts.ts';

/** Enough closures to show the pace of change without turning the home page into a list. */
export const RECENT_CLOSURES = 10;

export interface HomeView {
  readonly counts: CountsView;
  readonly sinceDirective: string;
  readonly provincesCovered: string;
  readonly platforms: readonly { readonly label: string; readonly count: number; readonly text: string }[];
  /** Closures in effect on the day the data is judged, newest first. */
  readonly recentClosures: readonly ChannelSummary[];
  /** Closures announced and not yet in effect ("预定关停"), soonest first, listed apart. */
  readonly scheduledClosures: readonly ChannelSummary[];
  readonly central: { readonly href: string; readonly count: string };
  readonly provinces: readonly RegionListItem[];
}

/** `today` (YYYY-MM-DD), the day the data is judged on, parts recent closures from scheduled ones. */
export function homeView(registry: Registry, ctx: PageContext, today: string): HomeView {
  const t = stringsFor(ctx.lang);
  const headline = registry.headline();
  const provinceCount = registry.regions.get(NATION_CODE)?.children.length ?? 0;
  return {
    counts: countsView(headline.counts, ctx.lang),
    sinceDirective: formatNumber(headline.closuresSinceDirective, ctx.lang),
    provincesCovered: t.home.provincesCovered(headline.provincesWithChannels, provinceCount),
    platforms: headline.platforms.map(({ platform, count }) => ({
      label: PLATFORM_LABELS[platform][ctx.lang],
      count,
      text: formatNumber(count, ctx.lang),
    })),
    recentClosures: registry.recentClosures(RECENT_CLOSURES, today).map((c) => channelSummary(registry, c, ctx, { withRegion: true })),
    scheduledClosures: registry.scheduledClosures(RECENT_CLOSURES, today).map((c) => channelSummary(registry, c, ctx, { withRegion: true })),
    central: {
      href: localePath(ctx, routes.region(NATION_CODE)),
      count: formatNumber(registry.channelsIn(NATION_CODE).length, ctx.lang),
    },
    provinces: childRegions(registry, NATION_CODE, ctx),
  };
}
