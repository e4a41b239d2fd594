/**
 * A region's page: where it sits, the channels its own bodies still run (grouped by body, so
 * a reader looking for one department's accounts finds them together), the ones that closed
 * with where they went, counts for everything below it, and its subdivisions. A region with
 * nothing recorded says so and asks for help.
 */
import { compareApproxDates } from '../../domain/approx-date.ts';
import { closureDate, isClosure, type Channel, type Registry } from '../../domain/model.ts';
import { formatNumber, type PageContext } from '../i18n.ts';
import { stringsFor } from '../../strings/index.ts';
import { breadcrumbs, type Crumb } from './breadcrumbs.ts';
import { listDateView, type ListDate } from './channel-summary.ts';
import { entriesByAgency, PageSources, type AgencyEntries } from './channel-entry.ts';
import type { CitationView } from './citations.ts';
import type { EntryLabels } from '../render/channel-entries.ts';
import { channelAnchor, regionAnchor } from './hrefs.ts';
import type { LocalName } from '../../strings/local-name.ts';
import { agencyName, channelName, plainName, regionName } from './names.ts';
import { PLATFORM_LABELS } from '../../domain/vocabulary.ts';
import { childRegions, type RegionListItem } from './region-list.ts';
import { countsView, type CountsView } from './status-counts.ts';

export interface RegionSection {
  readonly code: string;
  /** The section's id attribute: links to a township land here. */
  readonly anchor: string;
  readonly name: LocalName;
  readonly countText: string;
  readonly groups: readonly AgencyEntries[];
}

/**
 * A line of the "recent closures" list: which account, and when. Everything else (the
 * sentence, where to go now, the notice) is in its entry further down the same page, one
 * tap away; saying it twice was 5 KB a page.
 */
export interface RecentClosure {
  readonly id: string;
  /** The entry on this page: "#c-<id>". */
  readonly href: string;
  readonly name: LocalName;
  readonly platform: string;
  readonly agency: LocalName;
  readonly date?: ListDate;
}

export interface RegionView {
  readonly code: string;
  readonly title: string;
  readonly name: LocalName;
  readonly breadcrumbs: readonly Crumb[];
  /** Counts for the region and everything below it. */
  readonly counts: CountsView;
  readonly totalText: string;
  /** Every channel of bodies in exactly this region, grouped by body, live ones first in each. */
  readonly groups: readonly AgencyEntries[];
  readonly ownCount: string;
  /** On a county's page: its townships with channels, each a section with its own entries. */
  readonly sections: readonly RegionSection[];
  /** The most recent closures on this page (own and sections), linking to their entries. */
  readonly recentClosures: readonly RecentClosure[];
  readonly closuresCount: string;
  /** The line under "recent closures": how many there are on the page, and what to do. */
  readonly closuresIntro: string;
  /** The words the entries' markup needs, in the page's language. */
  readonly entryLabels: EntryLabels;
  /** The sources the entries cite, numbered in order of first citation. */
  readonly sources: readonly CitationView[];
  readonly childrenHeading: string;
  readonly children: readonly RegionListItem[];
  /** Nothing recorded here or below: the page says so and asks for help. */
  readonly empty: boolean;
  /** Nothing recorded for bodies at exactly this level (though there may be below). */
  readonly ownEmpty: boolean;
}

/** How many recent closures the top of a region page lists (each links to its entry below). */
const RECENT_CLOSURES = 10;

/** `today` (YYYY-MM-DD) words the closure sentences (a closing channel past its date). */
export function regionView(registry: Registry, code: string, ctx: PageContext, today: string): RegionView {
  const region = registry.regions.get(code);
  if (!region) throw new Error(`no region ${code}`);
  const t = stringsFor(ctx.lang);
  const channels = registry.channelsIn(code);
  const counts = countsView(registry.countsIn(code), ctx.lang);
  const name = regionName(region, ctx.lang);
  const sources = new PageSources(ctx.lang);
  const groups = entriesByAgency(registry, channels, ctx, sources, today);
  const townships = registry.sectionsOf(code);
  const sections = townships.map(({ region: r, channels: list }) => ({
    code: r.code,
    anchor: regionAnchor(r.code),
    name: regionName(r, ctx.lang),
    countText: formatNumber(list.length, ctx.lang),
    groups: entriesByAgency(registry, list, ctx, sources, today),
  }));
  const closures = [...channels, ...townships.flatMap((s) => s.channels)].filter(isClosure).sort(newestClosureFirst);
  return {
    code,
    title: plainName(name),
    name,
    breadcrumbs: breadcrumbs(registry, code, ctx, true),
    counts,
    totalText: t.region.totalWithChildren(counts.totalText),
    groups,
    ownCount: formatNumber(channels.length, ctx.lang),
    sections,
    recentClosures: closures.slice(0, RECENT_CLOSURES).map((c) => recentClosure(c, ctx)),
    closuresCount: formatNumber(closures.length, ctx.lang),
    closuresIntro: t.region.closedIntro.replace('{n}', formatNumber(closures.length, ctx.lang)),
    entryLabels: { ...t.region.entry, via: t.channel.via },
    sources: sources.citations,
    childrenHeading: region.kind === 'nation' ? t.region.provincesHeading : t.region.childrenHeading,
    children: childRegions(registry, code, ctx),
    empty: counts.total === 0,
    ownEmpty: channels.length === 0,
  };
}

function recentClosure(c: Channel, ctx: PageContext): RecentClosure {
  return {
    id: c.id,
    href: `#${channelAnchor(c.id)}`,
    name: channelName(c, ctx.lang),
    platform: PLATFORM_LABELS[c.platform][ctx.lang],
    agency: agencyName(c, ctx.lang),
    date: listDateView(c, ctx.lang),
  };
}

/** Newest closure first; undated ones last, by name. */
function newestClosureFirst(a: Channel, b: Channel): number {
  const da = closureDate(a);
  const db = closureDate(b);
  if (da && db) return compareApproxDates(db, da) || a.id.localeCompare(b.id);
  if (da || db) return da ? -1 : 1;
  return a.id.localeCompare(b.id);
}
