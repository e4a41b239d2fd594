/**
 * A channel's page. It answers "is this still the official account, and if it closed, where
 * do I go now?" first: one plain sentence on the channel's state (closed, closing, dormant or
 * the official active account), then for a closure the live destinations with the chain that
 * leads to each, then the facts, the closure notice, the evidence, and the related channels.
 */
import { dayOf, type ApproxDate } from '../../domain/approx-date.ts';
import { closureDate, isClosure, type Channel, type Registry } from '../../domain/model.ts';
import type { Lang } from '../../domain/vocabulary.ts';
import { LEVEL_LABELS, PLATFORM_LABELS, REASON_LABELS, STATUS_LABELS, type Status } from '../../domain/vocabulary.ts';
import { activeSentence, closureSentence, dormantSentence, type SentencePart, type SentenceTarget } from '../closure-sentence.ts';
import { formatNumber, localePath, reasonExplanation, routes, ui, type PageContext } from '../i18n.ts';
import { breadcrumbs, type Crumb } from './breadcrumbs.ts';
import { channelSummary, type ChannelSummary } from './channel-summary.ts';
import { citationView, type CitationView } from './citations.ts';
import { dateView, optionalDate, type DateView } from './dates.ts';
import { destinationViews, type ChannelLink, type DestinationView } from './destinations.ts';
import { displayUrl, externalLink, isHttpUrl, type ExternalLink } from './links.ts';
import { agencyName, channelName, plainName, type LocalName } from './names.ts';
import { noticeSummary, type NoticeSummaryView } from './notice-view.ts';

export type { NoticeSummaryView as NoticeView };

/** A closed channel that sent its readers here, directly or through other closed channels. */
export interface PredecessorView extends ChannelLink {
  readonly status: Status;
  readonly statusLabel: string;
  /** When it closed (or was announced to). */
  readonly date?: DateView;
  /** Closed channels between it and this one; empty when it redirects here directly. */
  readonly via: readonly ChannelLink[];
}

export interface LabelledValue {
  readonly label: string;
  readonly text: string;
}

export interface ChannelView {
  readonly id: string;
  readonly title: string;
  readonly name: LocalName;
  readonly agency: LocalName;
  readonly status: Status;
  readonly statusLabel: string;
  readonly isClosure: boolean;
  /** The sentence that leads the page: what happened, or that this is the official account. */
  readonly statement: readonly SentencePart[];
  readonly platform: string;
  /** Active or dormant with an address or handle: the page says how to reach it, up front. */
  readonly reachable: boolean;
  readonly handle?: string;
  readonly url?: ExternalLink;
  /** Where the channel's body sits, nation first; every crumb links to its region page. */
  readonly breadcrumbs: readonly Crumb[];
  readonly level: string;
  readonly opened?: DateView;
  readonly announced?: DateView;
  readonly closed?: DateView;
  readonly reason?: { readonly label: string; readonly explanation: string };
  /** Live places to go instead (closures only), redirect chains followed. */
  readonly destinations: readonly DestinationView[];
  /** Closed channels that sent their readers here, nearest first. */
  readonly predecessors: readonly PredecessorView[];
  /** "Followers at closure" for closures, "Followers" otherwise. */
  readonly followers?: LabelledValue;
  readonly posts?: LabelledValue;
  readonly notice?: NoticeSummaryView;
  readonly sources: readonly CitationView[];
  readonly checked?: DateView;
  /** The notes in the page's language when given, else in the other one (marked by `lang`). */
  readonly notes?: { readonly text: string; readonly lang: 'zh-Hans' | 'en' };
  /** Other channels of the same body (on other platforms, or earlier accounts). */
  readonly siblings: readonly ChannelSummary[];
}

/** `today` (YYYY-MM-DD): a closing channel whose due day has passed is not "closing on" it. */
export function channelView(registry: Registry, id: string, ctx: PageContext, today: string): ChannelView {
  const c = registry.channelsById.get(id);
  if (!c) throw new Error(`no channel ${id}`);
  const { lang } = ctx;
  const t = ui(lang);
  const name = channelName(c, lang);
  const notice = registry.noticeOf(c);
  const closure = isClosure(c);
  const count = (n: number | undefined, atClosure: string, otherwise: string): LabelledValue | undefined =>
    n === undefined ? undefined : { label: closure ? atClosure : otherwise, text: formatNumber(n, lang) };
  return {
    id: c.id,
    title: plainName(name),
    name,
    agency: agencyName(c, lang),
    status: c.status,
    statusLabel: STATUS_LABELS[c.status][lang],
    isClosure: closure,
    statement: statement(registry, c, ctx, dayOf(today)),
    platform: PLATFORM_LABELS[c.platform][lang],
    reachable: !closure && Boolean(externalLink(c.url) || c.handle),
    handle: c.handle,
    url: externalLink(c.url),
    breadcrumbs: breadcrumbs(registry, c.region, ctx, false),
    level: LEVEL_LABELS[c.level][lang],
    opened: optionalDate(c.opened, lang),
    announced: optionalDate(c.announced, lang),
    closed: optionalDate(c.closed, lang),
    reason: c.reason ? { label: REASON_LABELS[c.reason][lang], explanation: reasonExplanation(c.reason, lang) } : undefined,
    destinations: closure ? destinationViews(registry, c.id, ctx) : [],
    predecessors: predecessors(registry, c, ctx),
    followers: count(c.followers, t.channel.followersAtClosure, t.channel.followers),
    posts: count(c.posts, t.channel.postsAtClosure, t.channel.posts),
    notice: notice && noticeSummary(notice, ctx),
    sources: registry.citations(c.source).map((citation) => citationView(citation, lang)),
    checked: optionalDate(c.checked, lang),
    notes: notesIn(c, lang),
    siblings: registry.siblingsOf(c).map((s) => channelSummary(registry, s, ctx)),
  };
}

function statement(registry: Registry, c: Channel, ctx: PageContext, today: ApproxDate): SentencePart[] {
  const { lang } = ctx;
  if (c.status === 'active') return activeSentence(agencyName(c, lang), PLATFORM_LABELS[c.platform][lang], c.checked, lang);
  if (c.status === 'dormant') return dormantSentence(c.checked, lang);
  // closing and closed channels always have a reason (the validator requires one)
  return closureSentence(
    { status: c.status, reason: c.reason ?? 'discontinued', announced: c.announced, closed: c.closed, targets: directTargets(registry, c, ctx), today },
    lang,
  );
}

/** The channel's own redirect targets, as the sentence names them. */
function directTargets(registry: Registry, c: Channel, ctx: PageContext): SentenceTarget[] {
  return (c.redirect ?? []).flatMap((ref): SentenceTarget[] => {
    if (ref.kind === 'url') return isHttpUrl(ref.url) ? [{ name: { text: displayUrl(ref.url) }, href: ref.url, external: true }] : [];
    const target = registry.channelsById.get(ref.id);
    if (!target || target.id === c.id) return [];
    return [{ name: channelName(target, ctx.lang), href: localePath(ctx, routes.channel(target.id)), external: false, status: target.status }];
  });
}

/** Channels that lead here: those redirecting here directly, then those reaching here through them. */
function predecessors(registry: Registry, c: Channel, ctx: PageContext): PredecessorView[] {
  const link = (p: Channel): ChannelLink => ({ name: channelName(p, ctx.lang), href: localePath(ctx, routes.channel(p.id)) });
  const out: PredecessorView[] = [];
  const seen = new Set([c.id]);
  let frontier: { channel: Channel; via: ChannelLink[] }[] = [{ channel: c, via: [] }];
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const { channel, via } of frontier) {
      for (const p of registry.predecessorsOf(channel.id)) {
        if (seen.has(p.id)) continue;
        seen.add(p.id);
        const date = closureDate(p);
        out.push({ ...link(p), status: p.status, statusLabel: STATUS_LABELS[p.status][ctx.lang], date: date && dateView(date, ctx.lang), via });
        // a live channel redirecting here is a pointer, not a chain: readers stop there
        if (isClosure(p) || p.status === 'dormant') next.push({ channel: p, via: [link(p), ...via] });
      }
    }
    frontier = next;
  }
  return out;
}

function notesIn(c: Channel, lang: Lang): ChannelView['notes'] {
  const zh = c.notes ? { text: c.notes, lang: 'zh-Hans' as const } : undefined;
  const en = c.notes_en ? { text: c.notes_en, lang: 'en' as const } : undefined;
  return lang === 'en' ? (en ?? zh) : (zh ?? en);
}
