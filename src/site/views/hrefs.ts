/**
 * Where links to a channel or a region go. A channel is an entry on its region's page and a
 * township a section of its county's page, so links go straight there; /channels/<id>/ stays
 * the permalink (a stub that forwards) for links from outside.
 */
import type { Channel, Registry } from '../../domain/model.ts';
import type { PageContext } from '../i18n.ts';
import { localePath, routes } from '../../routes/routes.ts';

/** The id attribute of a channel's entry (ids are [a-z0-9-], so safe as a fragment). */
export const channelAnchor = (id: string): string => `c-${id}`;
/** The id attribute of a township's section on its county's page. */
export const regionAnchor = (code: string): string => `r-${code}`;

/** The site path of a channel's entry on its region's page (language-neutral). */
export function channelEntryRoute(registry: Registry, channel: Channel): string {
  return routes.channelEntry(registry.pageOf(channel.region), channel.id);
}

export function channelHref(registry: Registry, channel: Channel, ctx: PageContext): string {
  return localePath(ctx, channelEntryRoute(registry, channel));
}

/** A region's page or section, or undefined when nothing is recorded there (no page, no section). */
export function regionHref(registry: Registry, code: string, ctx: PageContext): string | undefined {
  if (registry.hasPage(code)) return localePath(ctx, routes.region(code));
  if (registry.countsIn(code).total === 0) return undefined;
  return localePath(ctx, routes.regionAt(registry.pageOf(code), code));
}
