/** One channel as a line in a list (region pages, recent closures, siblings). */
import { isClosure, type Channel, type Registry } from '../../domain/model.ts';
import { PLATFORM_LABELS, STATUS_LABELS, type Status } from '../../domain/vocabulary.ts';
import { stringsFor, type Strings } from '../../strings/index.ts';
import type { Lang, PageContext } from '../i18n.ts';
import { channelHref } from './hrefs.ts';
import type { ApproxDate } from '../../domain/approx-date.ts';
import { dateView, type DateView } from './dates.ts';
import { destinationViews, type DestinationView } from './destinations.ts';
import type { LocalName } from '../../strings/local-name.ts';
import { agencyName, channelName, regionName } from './names.ts';

/** The date a list shows for a channel, with the words before it ("closed", "opened"…). */
export type ListDate = { readonly prefix: string } & DateView;

/** What the one date shown beside a channel in a list means. */
type ListDateKind = keyof Strings['listDate'];

export interface ChannelSummary {
  readonly id: string;
  readonly href: string;
  readonly name: LocalName;
  readonly agency: LocalName;
  readonly platform: string;
  readonly status: Status;
  readonly statusLabel: string;
  /** The date that matters for the status: closure (or its announcement), else opening. */
  readonly date?: ListDate;
  /** Where to go instead, for closing and closed channels; empty otherwise. */
  readonly destinations: readonly DestinationView[];
  /** The channel's region, when the list mixes regions. */
  readonly region?: LocalName;
}

export function channelSummary(registry: Registry, c: Channel, ctx: PageContext, options: { withRegion?: boolean } = {}): ChannelSummary {
  const closure = isClosure(c);
  const region = options.withRegion ? registry.regions.get(c.region) : undefined;
  return {
    id: c.id,
    href: channelHref(registry, c, ctx),
    name: channelName(c, ctx.lang),
    agency: agencyName(c, ctx.lang),
    platform: PLATFORM_LABELS[c.platform][ctx.lang],
    status: c.status,
    statusLabel: STATUS_LABELS[c.status][ctx.lang],
    date: listDateView(c, ctx.lang),
    destinations: closure ? destinationViews(registry, c.id, ctx) : [],
    region: region ? regionName(region, ctx.lang) : undefined,
  };
}

/** The date a list shows for a channel, in the page's language; undefined when it is not known. */
export function listDateView(c: Channel, lang: Lang): ListDate | undefined {
  const [kind, date] = listDate(c);
  return date ? { prefix: stringsFor(lang).listDate[kind], ...dateView(date, lang) } : undefined;
}

/** The date a list shows for a channel: when it closed (or will, or was announced to), else when it opened. */
function listDate(c: Channel): [ListDateKind, ApproxDate | undefined] {
  if (c.status === 'closed') return ['closed', c.closed];
  if (c.status === 'closing') return c.closed ? ['closes', c.closed] : ['announced', c.announced];
  return ['opened', c.opened];
}
