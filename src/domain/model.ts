/**
 * The registry as the site shows it: channels placed in the region tree, redirects resolved
 * to live destinations, notices and sources joined, and counts rolled up the tree. Built
 * once per build from a dataset that validated without errors.
 */
import { compareApproxDates, type ApproxDate } from './approx-date.ts';
import { isEffectiveClosure, isScheduledClosure } from './closure-stage.ts';
import type { ChannelRecord, EventRecord, NoticeRecord, SourceRecord } from './load.ts';
import type { Endpoint } from './redirects.ts';
import { kindOfCode, NATION_CODE, type Region, type RegionIndex } from './regions.ts';
import type { Ref } from './schemas/cells.ts';
import type { ValidatedDataset } from './validate.ts';
import { CLOSURE_STATUSES, STATUSES, type Platform, type Status } from './vocabulary.ts';

export type Channel = ChannelRecord;

export type StatusCounts = Record<Status, number> & { total: number };

export interface Destination {
  /** A live channel of the registry, or a web address. */
  readonly endpoint: Endpoint;
  /** The channel, when the destination is one. */
  readonly channel?: Channel;
  /** Channels passed through, from the closed channel to the destination. */
  readonly chain: readonly Channel[];
}

/** A cited source: a bibliography entry, or a bare URL cited directly. */
export type Citation = { kind: 'source'; source: SourceRecord } | { kind: 'url'; url: string };

export interface Headline {
  readonly counts: StatusCounts;
  /** Channels closing or closed with an announcement or closure from December 2023 on. */
  readonly closuresSinceDirective: number;
  readonly provincesWithChannels: number;
  readonly platforms: { platform: Platform; count: number }[];
}

const DIRECTIVE_MONTH = '2023-12';

export function emptyCounts(): StatusCounts {
  return { active: 0, dormant: 0, closing: 0, closed: 0, total: 0 };
}

/** The day or period a closure is dated by: when it took effect, else when it was announced. */
export function closureDate(c: Channel): ApproxDate | undefined {
  return c.closed ?? c.announced;
}

export function isClosure(c: Channel): boolean {
  return CLOSURE_STATUSES.includes(c.status);
}

export class Registry {
  readonly regions: RegionIndex;
  readonly channels: readonly Channel[];
  readonly channelsById: ReadonlyMap<string, Channel>;
  readonly sources: ReadonlyMap<string, SourceRecord>;
  readonly notices: ReadonlyMap<string, NoticeRecord>;
  readonly events: readonly EventRecord[];
  private readonly dataset: ValidatedDataset;
  private readonly direct = new Map<string, Channel[]>();
  private readonly subtreeCounts = new Map<string, StatusCounts>();
  private predecessors: Map<string, Channel[]> | undefined;

  constructor(dataset: ValidatedDataset) {
    this.dataset = dataset;
    this.regions = dataset.regions;
    this.channels = [...dataset.channelsById.values()];
    this.channelsById = dataset.channelsById;
    this.sources = new Map(dataset.loaded.sources.map((s) => [s.id, s] as const));
    this.notices = new Map(dataset.loaded.notices.map((n) => [n.slug, n] as const));
    this.events = [...dataset.loaded.events].sort((a, b) => compareApproxDates(a.date, b.date));
    for (const c of this.channels) {
      let list = this.direct.get(c.region);
      if (!list) this.direct.set(c.region, (list = []));
      list.push(c);
    }
    // rolled up the tree once per region with channels (tens of thousands), not once per channel
    for (const [code, list] of this.direct) {
      const own = emptyCounts();
      for (const c of list) own[c.status]++;
      own.total = list.length;
      for (const r of this.regions.lineage(code)) {
        let counts = this.subtreeCounts.get(r.code);
        if (!counts) this.subtreeCounts.set(r.code, (counts = emptyCounts()));
        for (const status of STATUSES) counts[status] += own[status];
        counts.total += own.total;
      }
    }
    for (const list of this.direct.values()) list.sort(byStatusThenName);
  }

  /** Channels whose owning body sits in exactly this region. */
  channelsIn(code: string): readonly Channel[] {
    return this.direct.get(code) ?? [];
  }

  /** Status counts for the region and everything below it. */
  countsIn(code: string): StatusCounts {
    return this.subtreeCounts.get(code) ?? emptyCounts();
  }

  /**
   * Regions that get a page: the nation, every province and prefecture (an empty one says so
   * and asks for help), and counties with channels in them or below them. Townships have no
   * page of their own: their channels are sections of their county's page (see pageOf), which
   * keeps a national registry's 41,000 townships from costing 82,000 page frames.
   */
  regionPageCodes(): string[] {
    const codes: string[] = [];
    for (const code of this.regions.codes()) {
      if (this.hasPage(code)) codes.push(code);
    }
    return codes;
  }

  hasPage(code: string): boolean {
    if (!this.regions.has(code)) return false;
    // decided from the code's shape, so listing pages never makes 45,000 English names
    const kind = kindOfCode(code);
    if (kind === 'township') return false;
    return kind === 'nation' || kind === 'province' || kind === 'prefecture' || this.subtreeCounts.has(code);
  }

  /**
   * The region whose page shows this region's channels: the region itself, or for a township
   * the nearest ancestor with a page (its county; a prefecture for the cities without counties).
   */
  pageOf(code: string): string {
    const lineage = this.regions.lineage(code); // nation first
    for (let i = lineage.length - 1; i >= 0; i--) {
      if (lineage[i]!.kind !== 'township') return lineage[i]!.code;
    }
    return NATION_CODE;
  }

  /**
   * The townships shown as sections of this region's page, with their channels, in code order.
   * Empty for every page but a county's (or a county-less prefecture's).
   */
  sectionsOf(code: string): { region: Region; channels: readonly Channel[] }[] {
    const region = this.regions.get(code);
    if (!region || region.kind === 'township') return [];
    const sections: { region: Region; channels: readonly Channel[] }[] = [];
    // an explicit stack, though the tree is at most five deep (regions.csv parents are checked to be above)
    const pending = [...region.children];
    for (let c = pending.pop(); c !== undefined; c = pending.pop()) {
      const r = this.regions.get(c)!;
      if (r.kind !== 'township' || !this.subtreeCounts.has(c)) continue;
      const own = this.channelsIn(c);
      if (own.length > 0) sections.push({ region: r, channels: own });
      for (const child of r.children) pending.push(child);
    }
    return sections.sort((a, b) => a.region.code.localeCompare(b.region.code));
  }

  /** Children of a region with their counts, those with channels first. */
  childrenOf(code: string): { region: Region; counts: StatusCounts; hasPage: boolean }[] {
    const region = this.regions.get(code);
    if (!region) return [];
    return region.children
      .map((c) => {
        const child = this.regions.get(c)!;
        const counts = this.countsIn(c);
        return { region: child, counts, hasPage: this.hasPage(c) };
      })
      .sort((a, b) => Number(b.counts.total > 0) - Number(a.counts.total > 0) || a.region.code.localeCompare(b.region.code));
  }

  /** Where the public should go instead of a channel, redirect chains followed to live ends. */
  destinationsOf(id: string): Destination[] {
    const resolution = this.dataset.resolver.resolve(id);
    return resolution.endpoints.map((endpoint, i) => ({
      endpoint,
      channel: endpoint.kind === 'channel' ? this.channelsById.get(endpoint.id) : undefined,
      chain: resolution.chains[i]!.map((cid) => this.channelsById.get(cid)!),
    }));
  }

  /** Channels that redirect straight to this one. */
  predecessorsOf(id: string): readonly Channel[] {
    if (!this.predecessors) {
      this.predecessors = new Map();
      for (const c of this.channels) {
        for (const r of c.redirect ?? []) {
          if (r.kind !== 'id') continue;
          let list = this.predecessors.get(r.id);
          if (!list) this.predecessors.set(r.id, (list = []));
          list.push(c);
        }
      }
    }
    return this.predecessors.get(id) ?? [];
  }

  /** True when the dataset was made by `npm run synth` (every page then says so). */
  get synthetic(): boolean {
    return this.dataset.loaded.synthetic;
  }

  /** Other channels of the same agency in the same region. */
  siblingsOf(channel: Channel): Channel[] {
    return this.channelsIn(channel.region).filter((c) => c.agency === channel.agency && c.id !== channel.id);
  }

  citations(refs: readonly Ref[]): Citation[] {
    return refs.map((ref) => {
      if (ref.kind === 'url') return { kind: 'url', url: ref.url };
      return { kind: 'source', source: this.sources.get(ref.id)! };
    });
  }

  noticeOf(channel: Channel): NoticeRecord | undefined {
    return channel.notice ? this.notices.get(channel.notice) : undefined;
  }

  headline(): Headline {
    const counts = this.countsIn(NATION_CODE);
    let closuresSinceDirective = 0;
    const platforms = new Map<Platform, number>();
    for (const c of this.channels) {
      platforms.set(c.platform, (platforms.get(c.platform) ?? 0) + 1);
      const date = closureDate(c);
      if (isClosure(c) && date && date.value.slice(0, 7) >= DIRECTIVE_MONTH) closuresSinceDirective++;
    }
    const provincesWithChannels = (this.regions.get(NATION_CODE)?.children ?? []).filter((p) => this.subtreeCounts.has(p)).length;
    return {
      counts,
      closuresSinceDirective,
      provincesWithChannels,
      platforms: [...platforms].map(([platform, count]) => ({ platform, count })).sort((a, b) => b.count - a.count),
    };
  }

  /**
   * The most recent closures in effect on `today` (YYYY-MM-DD), newest first; undated ones
   * last. Scheduled ones are never among them (see scheduledClosures).
   */
  recentClosures(limit: number, today: string): Channel[] {
    return this.channels
      .filter((c) => isEffectiveClosure(c, today))
      .sort((a, b) => {
        const da = closureDate(a);
        const db = closureDate(b);
        if (!da || !db) return Number(!da) - Number(!db);
        return compareApproxDates(db, da);
      })
      .slice(0, limit);
  }

  /**
   * Closures not in effect on `today`: closing channels (and any closed one dated later),
   * soonest first by the day they are due; those with no due day after them, latest
   * announcement first.
   */
  scheduledClosures(limit: number, today: string): Channel[] {
    return this.channels
      .filter((c) => isScheduledClosure(c, today))
      .sort(soonestDueFirst)
      .slice(0, limit);
  }
}

const zhCollator = new Intl.Collator('zh');

/** Scheduled closures: the soonest due day first; without one, the latest announcement first; undated last. */
export function soonestDueFirst(a: Channel, b: Channel): number {
  if (a.closed && b.closed) return compareApproxDates(a.closed, b.closed) || a.id.localeCompare(b.id);
  if (a.closed || b.closed) return a.closed ? -1 : 1;
  if (a.announced && b.announced) return compareApproxDates(b.announced, a.announced) || a.id.localeCompare(b.id);
  if (a.announced || b.announced) return a.announced ? -1 : 1;
  return a.id.localeCompare(b.id);
}

function byStatusThenName(a: Channel, b: Channel): number {
  return STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status) || compareZh(a.agency, b.agency) || compareZh(a.name, b.name);
}

/** The collator's order; equal texts (most agencies in a region's list) without asking it. */
function compareZh(a: string, b: string): number {
  return a === b ? 0 : zhCollator.compare(a, b);
}
