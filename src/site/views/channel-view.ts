/**
 * A channel's page. For a closing or closed channel the first thing a reader needs is where
 * to go instead, so destinations lead; then the facts, the closure notice, and the evidence.
 */
import type { Registry } from '../../domain/model.ts';
import { isClosure } from '../../domain/model.ts';
import { HTML_LANG, formatNumber, localePath, reasonExplanation, routes, ui, type PageContext } from '../i18n.ts';
import { LEVEL_LABELS, PLATFORM_LABELS, REASON_LABELS, STATUS_LABELS, type Status } from '../../domain/vocabulary.ts';
import { breadcrumbs, type Crumb } from './breadcrumbs.ts';
import { channelSummary, type ChannelSummary } from './channel-summary.ts';
import { citationView, type CitationView } from './citations.ts';
import { optionalDate, type DateView } from './dates.ts';
import { destinationViews, type ChannelLink, type DestinationView } from './destinations.ts';
import { externalLink, type ExternalLink } from './links.ts';
import { agencyName, channelName, plainName, type LocalName } from './names.ts';

export interface NoticeView {
  /** Slug in the notices collection, whose Markdown body the page renders. */
  readonly slug: string;
  readonly title: string;
  readonly issuer: string;
  readonly announced?: DateView;
  readonly effective?: DateView;
  /** "Text of the notice" or "Summary of the notice": what the body is. */
  readonly kindLabel: string;
  /** HTML lang of the body. */
  readonly bodyLang: string;
  readonly sources: readonly CitationView[];
}

export interface ChannelView {
  readonly id: string;
  readonly title: string;
  readonly name: LocalName;
  readonly agency: LocalName;
  readonly status: Status;
  readonly statusLabel: string;
  readonly isClosure: boolean;
  readonly platform: string;
  readonly handle?: string;
  readonly url?: ExternalLink;
  readonly breadcrumbs: readonly Crumb[];
  readonly level: string;
  readonly opened?: DateView;
  readonly announced?: DateView;
  readonly closed?: DateView;
  readonly reason?: { readonly label: string; readonly explanation: string };
  readonly destinations: readonly DestinationView[];
  /** Closed channels that sent their readers here. */
  readonly predecessors: readonly ChannelLink[];
  readonly followers?: string;
  readonly posts?: string;
  readonly notice?: NoticeView;
  readonly sources: readonly CitationView[];
  readonly checked?: DateView;
  readonly notes?: string;
  readonly siblings: readonly ChannelSummary[];
}

export function channelView(registry: Registry, id: string, ctx: PageContext): ChannelView {
  const c = registry.channelsById.get(id);
  if (!c) throw new Error(`no channel ${id}`);
  const { lang } = ctx;
  const t = ui(lang);
  const name = channelName(c, lang);
  const notice = registry.noticeOf(c);
  return {
    id: c.id,
    title: plainName(name),
    name,
    agency: agencyName(c, lang),
    status: c.status,
    statusLabel: STATUS_LABELS[c.status][lang],
    isClosure: isClosure(c),
    platform: PLATFORM_LABELS[c.platform][lang],
    handle: c.handle,
    url: externalLink(c.url),
    breadcrumbs: breadcrumbs(registry, c.region, ctx, false),
    level: LEVEL_LABELS[c.level][lang],
    opened: optionalDate(c.opened, lang),
    announced: optionalDate(c.announced, lang),
    closed: optionalDate(c.closed, lang),
    reason: c.reason ? { label: REASON_LABELS[c.reason][lang], explanation: reasonExplanation(c.reason, lang) } : undefined,
    destinations: isClosure(c) ? destinationViews(registry, c.id, ctx) : [],
    predecessors: registry.predecessorsOf(c.id).map((p) => ({ name: channelName(p, lang), href: localePath(ctx, routes.channel(p.id)) })),
    followers: c.followers === undefined ? undefined : formatNumber(c.followers, lang),
    posts: c.posts === undefined ? undefined : formatNumber(c.posts, lang),
    notice: notice && {
      slug: notice.slug,
      title: notice.title,
      issuer: notice.issuer,
      announced: optionalDate(notice.announced, lang),
      effective: optionalDate(notice.effective, lang),
      kindLabel: notice.kind === 'text' ? t.channel.noticeText : t.channel.noticeSummary,
      bodyLang: HTML_LANG[notice.lang],
      sources: registry.citations(notice.source).map((citation) => citationView(citation, lang)),
    },
    sources: registry.citations(c.source).map((citation) => citationView(citation, lang)),
    checked: optionalDate(c.checked, lang),
    notes: c.notes,
    siblings: registry.siblingsOf(c).map((s) => channelSummary(registry, s, ctx)),
  };
}
