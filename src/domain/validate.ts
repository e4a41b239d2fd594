/**
 * The rules that span rows and files: unique ids, references (regions, sources, notices,
 * redirect targets), closure semantics, date order, and redirect chains. Each broken rule is
 * one diagnostic at the cell that breaks it. "Today" is passed in so results never depend on
 * when the validator happens to run.
 */
import { isCertainlyBefore, startsAfter, type ApproxDate } from './approx-date.ts';
import { quoted, type DiagnosticList } from './diagnostics.ts';
import type { ChannelRecord, LoadedDataset } from './load.ts';
import type { Provenance } from './records.ts';
import { applyRegionOverrides } from './region-overrides.ts';
import { findCycles, MAX_REDIRECT_CHAIN, RedirectResolver, type RedirectNode, type RedirectNodes } from './redirects.ts';
import { builtinRegionEntries, kindOfCode, LEVELS_FOR_KIND, type RegionEntry, type RegionIndex } from './regions.ts';
import type { Ref } from './schemas/cells.ts';
import { CLOSURE_STATUSES, LIVE_STATUSES, SUCCESSOR_RULES } from './vocabulary.ts';

export interface ValidationOptions {
  /** The day the data is judged on, YYYY-MM-DD. */
  readonly today: string;
  /** The division list to check regions against (defaults to the built-in one). */
  readonly builtinRegions?: readonly RegionEntry[];
}

export interface ValidatedDataset {
  readonly loaded: LoadedDataset;
  readonly regions: RegionIndex;
  readonly channelsById: ReadonlyMap<string, ChannelRecord>;
  readonly resolver: RedirectResolver;
}

let builtinCache: RegionEntry[] | undefined;

export function validateDataset(loaded: LoadedDataset, options: ValidationOptions, diagnostics: DiagnosticList): ValidatedDataset {
  const regions = applyRegionOverrides(options.builtinRegions ?? (builtinCache ??= builtinRegionEntries()), loaded.regionOverrides, diagnostics);

  const channelsById = indexById(loaded.channels, diagnostics);

  const sourceIds = new Set<string>();
  for (const s of loaded.sources) {
    if (sourceIds.has(s.id)) diagnostics.error(s.from.at('id'), 'DUPLICATE_SOURCE', `source ${quoted(s.id)} is defined twice`);
    sourceIds.add(s.id);
  }
  const citedSources = new Set<string>();
  const checkSources = (refs: readonly Ref[], from: Provenance) => {
    for (const ref of refs) {
      if (ref.kind !== 'id') continue;
      citedSources.add(ref.id);
      if (!sourceIds.has(ref.id)) diagnostics.error(from.at('source'), 'SOURCE_UNKNOWN', `source ${quoted(ref.id)} is not in data/sources.csv; add it there or cite an http(s) URL`);
    }
  };

  const noticesBySlug = new Map(loaded.notices.map((n) => [n.slug, n] as const));
  const today = options.today;

  for (const c of loaded.channels) {
    checkRegion(c, regions, diagnostics);
    checkClosure(c, diagnostics);
    checkDates(c, today, diagnostics);
    checkRedirectTargets(c, channelsById, loaded.rejectedChannelIds, diagnostics);
    checkSources(c.source, c.from);
    if (c.notice !== undefined && !noticesBySlug.has(c.notice) && !loaded.rejectedNoticeSlugs.has(c.notice)) {
      diagnostics.error(c.from.at('notice'), 'NOTICE_UNKNOWN', `notice ${quoted(c.notice)} is not a file in content/notices/ (a notice's file is its slug followed by .md)`);
    }
  }

  for (const n of loaded.notices) {
    for (const id of n.channels) {
      const channel = channelsById.get(id);
      if (!channel) {
        if (loaded.rejectedChannelIds.has(id)) continue;
        diagnostics.error(n.from.at('channels'), 'NOTICE_UNKNOWN_CHANNEL', `notice names channel ${quoted(id)}, which is not in the registry`);
      } else if (channel.notice !== n.slug) {
        diagnostics.warning(channel.from.at('notice'), 'NOTICE_NOT_LINKED', `notice ${quoted(n.slug)} closes ${quoted(id)}, but this row's notice column ${channel.notice ? `names ${quoted(channel.notice)}` : 'is empty'}`);
      }
    }
    checkSources(n.source, n.from);
  }
  for (const e of loaded.events) checkSources(e.source, e.from);
  // Only on an otherwise clean dataset: a rejected row's citations would make this noise.
  for (const s of diagnostics.errorCount > 0 ? [] : loaded.sources) {
    if (!citedSources.has(s.id)) diagnostics.warning(s.from.at('id'), 'SOURCE_UNUSED', `source ${quoted(s.id)} is not cited by any channel, notice or event`);
  }

  // only a channel that is not live and redirects can be on a cycle or lead nowhere: the checks
  // below walk from those (a few in a hundred), not from every channel
  const leading: ChannelRecord[] = [];
  for (const c of channelsById.values()) if (c.redirect?.length && !LIVE_STATUSES.includes(c.status)) leading.push(c);
  const nodes = redirectNodes(channelsById, leading);
  const onCycle = new Set<string>();
  for (const cycle of findCycles(nodes)) {
    cycle.forEach((id) => onCycle.add(id));
    const first = channelsById.get(cycle[0]!)!;
    diagnostics.error(first.from.at('redirect'), 'REDIRECT_CYCLE', `redirects go round in a circle: ${[...cycle, cycle[0]].join(' → ')}; at least one of them must lead to an active channel or a URL`);
  }
  const resolver = new RedirectResolver(nodes);
  for (const c of leading) {
    if (onCycle.has(c.id)) continue;
    const resolution = resolver.resolve(c.id);
    if (resolution.tooLong) {
      diagnostics.error(c.from.at('redirect'), 'REDIRECT_CHAIN_TOO_LONG', `a redirect chain from here passes more than ${MAX_REDIRECT_CHAIN} channels before a live one; point this channel straight at the live channel or website the chain ends at`);
    }
    if (resolution.endpoints.length === 0 && resolution.deadEnds.length > 0) {
      const ends = resolution.deadEnds.map((id) => `${id} (${channelsById.get(id)?.status})`).join(', ');
      diagnostics.warning(c.from.at('redirect'), 'REDIRECT_DEAD_END', `every redirect from here ends at channels that are not active: ${ends}; point it at a live channel or a website`);
    }
  }

  return { loaded, regions, channelsById, resolver };
}

/**
 * The channels as redirect nodes, each made when asked for (a copy of the whole map cost more
 * than the redirect checks); walks start from `leading`.
 */
function redirectNodes(channelsById: ReadonlyMap<string, ChannelRecord>, leading: readonly ChannelRecord[]): RedirectNodes {
  return {
    get(id: string): RedirectNode | undefined {
      const c = channelsById.get(id);
      return c && { id: c.id, live: LIVE_STATUSES.includes(c.status), redirect: c.redirect ?? [] };
    },
    keys: () => leading.map((c) => c.id),
  };
}

/**
 * Channels by id, the first of any duplicates kept and the others reported. Ids are almost
 * always unique, so one map operation per channel comes first, and the careful pass that
 * finds the duplicates runs only when the count shows there are some.
 */
function indexById(channels: readonly ChannelRecord[], diagnostics: DiagnosticList): Map<string, ChannelRecord> {
  const byId = new Map<string, ChannelRecord>();
  for (const c of channels) byId.set(c.id, c);
  if (byId.size === channels.length) return byId;
  byId.clear();
  for (const c of channels) {
    const first = byId.get(c.id);
    if (first) {
      diagnostics.error(c.from.at('id'), 'DUPLICATE_ID', `id ${quoted(c.id)} is already used at ${first.from.file}:${first.from.line}; ids must be unique across all files`);
    } else {
      byId.set(c.id, c);
    }
  }
  return byId;
}

function checkRegion(c: ChannelRecord, regions: RegionIndex, diagnostics: DiagnosticList): void {
  if (!regions.has(c.region)) {
    diagnostics.error(c.from.at('region'), 'REGION_UNKNOWN', `region ${c.region} is not a known GB/T 2260 division; check the code, or add the division to data/regions.csv if it is new`);
    return;
  }
  const kind = kindOfCode(c.region);
  const allowed = LEVELS_FOR_KIND[kind];
  if (!allowed.includes(c.level)) {
    const region = regions.get(c.region)!;
    diagnostics.error(c.from.at('level'), 'LEVEL_REGION_MISMATCH', `level "${c.level}" does not fit region ${c.region} ${region.name}, a ${kind}-level code; use ${allowed.join(' or ')}, or the region code of the owning body's level`);
  }
}

function checkClosure(c: ChannelRecord, diagnostics: DiagnosticList): void {
  const closing = CLOSURE_STATUSES.includes(c.status);
  if (c.status === 'closed' && !c.closed) {
    diagnostics.error(c.from.at('closed'), 'CLOSED_NO_DATE', 'status is closed but the closed date is empty; give it as precisely as known (2024, 2024-04 or 2024-04-15)');
  }
  if (closing && !c.reason) {
    diagnostics.error(c.from.at('reason'), 'CLOSED_NO_REASON', `status is ${c.status} but reason is empty; use one of merged, replaced, renamed, split, moved, abolished, discontinued, compromised`);
  }
  if (!closing && c.reason) {
    diagnostics.error(c.from.at('reason'), 'REASON_NOT_CLOSED', `reason "${c.reason}" is given but status is ${c.status}; set status to closing or closed, or empty the reason`);
  }
  if (!closing && c.closed) {
    diagnostics.error(c.from.at('closed'), 'STATUS_DATE_MISMATCH', `a closed date (${c.closed.value}) is given but status is ${c.status}; set status to closed (or closing if it is still to come)`);
  }
  if (closing && c.reason) {
    const rule = SUCCESSOR_RULES[c.reason];
    const count = c.redirect?.length ?? 0;
    if (count < rule.min || count > rule.max) {
      const need = rule.min === rule.max ? `exactly ${rule.min}` : `at least ${rule.min}`;
      diagnostics.error(
        c.from.at(count === 0 ? 'reason' : 'redirect'),
        'SUCCESSOR_COUNT',
        `reason "${c.reason}" needs ${need} redirect target${rule.min === 1 && rule.max === 1 ? '' : 's'} but ${count} ${count === 1 ? 'is' : 'are'} given${c.reason === 'merged' || c.reason === 'renamed' ? '; with several destinations use "replaced" or "moved"' : ''}`,
      );
    }
  }
}

// column by column rather than from lists of [column, date]: two lists per row of half a
// million rows were most of this check's cost
function checkDates(c: ChannelRecord, today: string, diagnostics: DiagnosticList): void {
  if (c.opened) {
    checkNotBefore(c, 'announced', c.announced, c.opened, diagnostics);
    checkNotBefore(c, 'closed', c.closed, c.opened, diagnostics);
  }
  checkNotFuture(c, 'opened', c.opened, today, diagnostics);
  checkNotFuture(c, 'announced', c.announced, today, diagnostics);
  checkNotFuture(c, 'checked', c.checked, today, diagnostics);
  // a closing channel may carry the future day its closure takes effect
  if (c.status !== 'closing') checkNotFuture(c, 'closed', c.closed, today, diagnostics);
}

function checkNotBefore(c: ChannelRecord, column: string, date: ApproxDate | undefined, opened: ApproxDate, diagnostics: DiagnosticList): void {
  if (date && isCertainlyBefore(date, opened)) {
    diagnostics.error(c.from.at(column), 'DATE_ORDER', `${column} ${date.value} is before opened ${opened.value}`);
  }
}

function checkNotFuture(c: ChannelRecord, column: string, date: ApproxDate | undefined, today: string, diagnostics: DiagnosticList): void {
  if (date && startsAfter(date, today)) {
    diagnostics.error(c.from.at(column), 'DATE_FUTURE', `${column} ${date.value} is after today (${today})${column === 'closed' ? '; a closure still to come has status closing' : ''}`);
  }
}

function checkRedirectTargets(
  c: ChannelRecord,
  byId: ReadonlyMap<string, ChannelRecord>,
  rejectedIds: ReadonlySet<string>,
  diagnostics: DiagnosticList,
): void {
  if (!c.redirect?.length) return;
  if (LIVE_STATUSES.includes(c.status)) {
    diagnostics.warning(c.from.at('redirect'), 'REDIRECT_FROM_LIVE', `channel is ${c.status} but has redirect targets; redirects are for channels people should leave`);
  }
  for (const ref of c.redirect) {
    if (ref.kind !== 'id') continue;
    if (ref.id === c.id) diagnostics.error(c.from.at('redirect'), 'REDIRECT_SELF', `${quoted(c.id)} redirects to itself`);
    else if (!byId.has(ref.id) && !rejectedIds.has(ref.id)) diagnostics.error(c.from.at('redirect'), 'REDIRECT_UNKNOWN', `redirect target ${quoted(ref.id)} is not a channel id in the registry (a website must be a full https:// URL)`);
  }
}
