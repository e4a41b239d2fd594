/**
 * A channel as an entry on its region's page, the one place a channel is shown in full. At
 * national scale (500,000 channels in two languages) a page per channel would not fit the
 * host, so each entry carries what a reader came for and nothing repeated: for a live channel,
 * how to recognise the official account (address, platform handle); for a closed or closing
 * one, the plain sentence of what happened and where to go now, the notice and the evidence.
 * /channels/<id>/ resolves to the entry (see src/site/permalink-map.ts).
 */
import { dayOf } from '../../domain/approx-date.ts';
import { isClosure, type Channel, type Citation, type Registry } from '../../domain/model.ts';
import { PLATFORM_LABELS, PLATFORMS, STATUS_LABELS, type Status } from '../../domain/vocabulary.ts';
import { closureFacts, closureSentence } from '../../strings/closure-sentence.ts';
import { stringsFor } from '../../strings/index.ts';
import { needsDestinations, type SentencePart } from '../../strings/sentence-parts.ts';
import type { PageContext } from '../i18n.ts';
import { localePath, routes } from '../../routes/routes.ts';
import { citationView, type CitationView } from './citations.ts';
import { destinationViews, type DestinationView } from './destinations.ts';
import { channelAnchor, channelHref } from './hrefs.ts';
import { displayUrl } from '../../format/url.ts';
import { localOrOther, type LocalName } from '../../strings/local-name.ts';
import { externalLink, type ExternalLink } from './links.ts';
import { agencyName, channelName } from './names.ts';

export interface ChannelEntry {
  readonly id: string;
  /** The entry's id attribute; /channels/<id>/ lands here. */
  readonly anchor: string;
  /** The permanent link to share: /channels/<id>/ (it forwards here). */
  readonly permalink: string;
  readonly name: LocalName;
  readonly platform: string;
  readonly status: Status;
  readonly statusLabel: string;
  /** What happened and where to go (closures), or that it is dormant; absent for active ones. */
  readonly statement?: readonly SentencePart[];
  /** Live ends of redirect chains, shown only when the sentence's own targets are not live. */
  readonly destinations: readonly DestinationView[];
  /** How to recognise a live account. */
  readonly url?: ExternalLink;
  readonly handle?: string;
  readonly notice?: { readonly href: string; readonly title: string; readonly lang?: string };
  /** The notes in the page's language when given, else in the other one (marked by `lang`). */
  readonly notes?: { readonly text: string; readonly lang?: string };
  /** Numbers into the page's source list (1-based). */
  readonly sources: readonly number[];
  /**
   * The closed or closing channels that send their readers here (their redirects name this
   * one), at most PREDECESSORS_SHOWN, so a reader who followed the old account sees this is
   * where it went; `morePredecessors` counts the rest.
   */
  readonly predecessors: readonly { readonly name: LocalName; readonly platform: string; readonly href: string }[];
  readonly morePredecessors: number;
}

/** How many predecessors an entry names (a provincial account can be the successor of dozens). */
export const PREDECESSORS_SHOWN = 3;

export interface AgencyEntries {
  readonly agency: LocalName;
  readonly entries: readonly ChannelEntry[];
}

/**
 * The sources cited by a page's entries, numbered in order of first citation, so each entry
 * carries a short reference instead of the whole citation.
 */
export class PageSources {
  private readonly numbers = new Map<string, number>();
  private readonly list: CitationView[] = [];
  private readonly lang: PageContext['lang'];

  constructor(lang: PageContext['lang']) {
    this.lang = lang;
  }

  numberOf(citation: Citation): number {
    const key = citation.kind === 'source' ? `s:${citation.source.id}` : `u:${citation.url}`;
    let n = this.numbers.get(key);
    if (n === undefined) {
      this.list.push(citationView(citation, this.lang));
      this.numbers.set(key, (n = this.list.length));
    }
    return n;
  }

  get citations(): readonly CitationView[] {
    return this.list;
  }
}

/** Bodies in the order of their names as shown (pinyin order in Chinese); live channels first, by platform. */
export function entriesByAgency(registry: Registry, channels: readonly Channel[], ctx: PageContext, sources: PageSources, today: string): AgencyEntries[] {
  const groups = new Map<string, Channel[]>();
  for (const c of channels) {
    let list = groups.get(c.agency);
    if (!list) groups.set(c.agency, (list = []));
    list.push(c);
  }
  return [...groups.values()]
    .map((list) => ({ agency: agencyName(list[0]!, ctx.lang), list: [...list].sort(liveFirstByPlatform) }))
    .sort((a, b) => collator.compare(a.agency.text, b.agency.text))
    .map(({ agency, list }) => ({ agency, entries: list.map((c) => channelEntry(registry, c, ctx, sources, today)) }));
}

/** `today` (YYYY-MM-DD): a closing channel whose due day has passed is not "closing on" it. */
export function channelEntry(registry: Registry, c: Channel, ctx: PageContext, sources: PageSources, today: string): ChannelEntry {
  const { lang } = ctx;
  const closure = isClosure(c);
  const notice = registry.noticeOf(c);
  const facts = closureFacts(registry, c, dayOf(today), {
    channel: (target) => ({ name: channelName(target, lang), href: channelHref(registry, target, ctx) }),
    url: (url) => ({ name: { text: displayUrl(url) }, href: url }),
  });
  const predecessors = registry.predecessorsOf(c.id).filter((p) => p.id !== c.id && isClosure(p));
  const destinations = facts && needsDestinations(facts.targets) ? destinationViews(registry, c.id, ctx) : [];
  return {
    id: c.id,
    anchor: channelAnchor(c.id),
    permalink: localePath(ctx, routes.channel(c.id)),
    name: channelName(c, lang),
    platform: PLATFORM_LABELS[c.platform][lang],
    status: c.status,
    statusLabel: STATUS_LABELS[c.status][lang],
    // the badge says "active" or "dormant"; the sentence is for what a reader must act on
    statement: facts && closureSentence(facts, lang),
    destinations,
    url: closure ? undefined : externalLink(c.url),
    handle: closure ? undefined : c.handle,
    notice: notice && {
      href: localePath(ctx, routes.notice(notice.slug)),
      title: notice.title,
      lang: notice.lang === lang ? undefined : stringsFor(notice.lang).locale.html,
    },
    notes: notesIn(c, lang),
    sources: registry.citations(c.source).map((citation) => sources.numberOf(citation)),
    predecessors: predecessors.slice(0, PREDECESSORS_SHOWN).map((p) => ({ name: channelName(p, lang), platform: PLATFORM_LABELS[p.platform][lang], href: channelHref(registry, p, ctx) })),
    morePredecessors: Math.max(0, predecessors.length - PREDECESSORS_SHOWN),
  };
}

/** Notes are written in Chinese (notes) with an optional English version (notes_en). */
function notesIn(c: Channel, lang: PageContext['lang']): ChannelEntry['notes'] {
  return localOrOther(c.notes, c.notes_en, lang);
}

const collator = new Intl.Collator('zh-CN');

function liveFirstByPlatform(a: Channel, b: Channel): number {
  return Number(isClosure(a)) - Number(isClosure(b)) || Number(a.status !== 'active') - Number(b.status !== 'active') || PLATFORMS.indexOf(a.platform) - PLATFORMS.indexOf(b.platform) || a.id.localeCompare(b.id);
}

