/**
 * A region's page: where it sits, the channels its own bodies still run (grouped by body, so
 * a reader looking for one department's accounts finds them together), the ones that closed
 * with where they went, counts for everything below it, and its subdivisions. A region with
 * nothing recorded says so and asks for help.
 */
import { compareApproxDates } from '../../domain/approx-date.ts';
import { closureDate, isClosure, type Channel, type Registry } from '../../domain/model.ts';
import { PLATFORMS } from '../../domain/vocabulary.ts';
import { formatNumber, ui, type PageContext } from '../i18n.ts';
import { breadcrumbs, type Crumb } from './breadcrumbs.ts';
import { channelSummary, type ChannelSummary } from './channel-summary.ts';
import { agencyName, plainName, regionName, type LocalName } from './names.ts';
import { childRegions, type RegionListItem } from './region-list.ts';
import { countsView, type CountsView } from './status-counts.ts';

/** One body's live channels, in the platform vocabulary's order. */
export interface AgencyGroup {
  readonly agency: LocalName;
  readonly channels: readonly ChannelSummary[];
}

export interface RegionView {
  readonly code: string;
  readonly title: string;
  readonly name: LocalName;
  readonly breadcrumbs: readonly Crumb[];
  /** Counts for the region and everything below it. */
  readonly counts: CountsView;
  readonly totalText: string;
  /** Active and dormant channels of bodies in exactly this region, grouped by body. */
  readonly live: readonly AgencyGroup[];
  readonly liveCount: string;
  /** Closing and closed channels of bodies in exactly this region, most recent first. */
  readonly closures: readonly ChannelSummary[];
  readonly closuresCount: string;
  readonly childrenHeading: string;
  readonly children: readonly RegionListItem[];
  /** Nothing recorded here or below: the page says so and asks for help. */
  readonly empty: boolean;
  /** Nothing recorded for bodies at exactly this level (though there may be below). */
  readonly ownEmpty: boolean;
}

export function regionView(registry: Registry, code: string, ctx: PageContext): RegionView {
  const region = registry.regions.get(code);
  if (!region) throw new Error(`no region ${code}`);
  const t = ui(ctx.lang);
  const channels = registry.channelsIn(code);
  const counts = countsView(registry.countsIn(code), ctx.lang);
  const name = regionName(region, ctx.lang);
  const live = channels.filter((c) => !isClosure(c));
  const closures = channels.filter(isClosure).sort(newestClosureFirst);
  return {
    code,
    title: plainName(name),
    name,
    breadcrumbs: breadcrumbs(registry, code, ctx, true),
    counts,
    totalText: t.region.totalWithChildren(counts.totalText),
    live: byAgency(registry, live, ctx),
    liveCount: formatNumber(live.length, ctx.lang),
    closures: closures.map((c) => channelSummary(registry, c, ctx)),
    closuresCount: formatNumber(closures.length, ctx.lang),
    childrenHeading: region.kind === 'nation' ? t.region.provincesHeading : t.region.childrenHeading,
    children: childRegions(registry, code, ctx),
    empty: counts.total === 0,
    ownEmpty: channels.length === 0,
  };
}

/** Pinyin order for Chinese names, alphabetical for English ones (the zh collation does both). */
const collator = new Intl.Collator('zh-CN');

/** Bodies in the order of their names as shown (pinyin order in Chinese), channels by platform, active first. */
function byAgency(registry: Registry, channels: readonly Channel[], ctx: PageContext): AgencyGroup[] {
  const groups = new Map<string, Channel[]>();
  for (const c of channels) {
    let list = groups.get(c.agency);
    if (!list) groups.set(c.agency, (list = []));
    list.push(c);
  }
  return [...groups.values()]
    .map((list) => ({
      agency: agencyName(list[0]!, ctx.lang),
      channels: [...list]
        .sort((a, b) => Number(a.status !== 'active') - Number(b.status !== 'active') || PLATFORMS.indexOf(a.platform) - PLATFORMS.indexOf(b.platform))
        .map((c) => channelSummary(registry, c, ctx)),
    }))
    .sort((a, b) => collator.compare(a.agency.text, b.agency.text));
}

/** Newest closure first; undated ones last, by name. */
function newestClosureFirst(a: Channel, b: Channel): number {
  const da = closureDate(a);
  const db = closureDate(b);
  if (da && db) return compareApproxDates(db, da) || a.id.localeCompare(b.id);
  if (da || db) return da ? -1 : 1;
  return a.id.localeCompare(b.id);
}
