/**
 * "Where to go instead" as a page shows it: each live destination of a closed channel, with
 * the closed channels passed through on the way when the redirect took several hops (so a
 * reader who followed an old link understands why they land somewhere unexpected).
 */
import type { Destination, Registry } from '../../domain/model.ts';
import { PLATFORM_LABELS } from '../../domain/vocabulary.ts';
import type { PageContext } from '../i18n.ts';
import { channelHref } from './hrefs.ts';
import { displayUrl, isHttpUrl } from '../../format/url.ts';
import type { LocalName } from '../../strings/local-name.ts';
import { agencyName, channelName } from './names.ts';

export interface ChannelLink {
  readonly name: LocalName;
  readonly href: string;
}

export interface DestinationView {
  readonly kind: 'channel' | 'url';
  readonly name: LocalName;
  readonly href: string;
  /** True for web addresses (links off the site). */
  readonly external: boolean;
  /** Platform label of a destination channel. */
  readonly platform?: string;
  readonly agency?: LocalName;
  /** Closed channels between the channel and this destination; empty for a direct redirect. */
  readonly via: readonly ChannelLink[];
}

export function destinationViews(registry: Registry, id: string, ctx: PageContext): DestinationView[] {
  return registry.destinationsOf(id).flatMap((d) => {
    const view = destinationView(registry, d, ctx);
    return view ? [view] : [];
  });
}

function destinationView(registry: Registry, d: Destination, ctx: PageContext): DestinationView | undefined {
  // The chain starts at the closed channel itself; a channel destination ends it.
  const passedThrough = d.endpoint.kind === 'channel' ? d.chain.slice(1, -1) : d.chain.slice(1);
  const via = passedThrough.map((c) => ({ name: channelName(c, ctx.lang), href: channelHref(registry, c, ctx) }));
  if (d.endpoint.kind === 'url') {
    if (!isHttpUrl(d.endpoint.url)) return undefined;
    return { kind: 'url', name: { text: displayUrl(d.endpoint.url) }, href: d.endpoint.url, external: true, via };
  }
  const channel = d.channel;
  if (!channel) return undefined;
  return {
    kind: 'channel',
    name: channelName(channel, ctx.lang),
    href: channelHref(registry, channel, ctx),
    external: false,
    platform: PLATFORM_LABELS[channel.platform][ctx.lang],
    agency: agencyName(channel, ctx.lang),
    via,
  };
}
