/**
 * What the search and verify indexes know of a channel: the fields people type or paste, what
 * a result shows at a glance, and where to go instead, resolved from the model once at build
 * time. Both indexes are built from the same list, in the same order (records.ts), so they
 * share one store of records.
 */
import type { Registry } from '../domain/model.ts';
import type { Level, Platform, Status } from '../domain/vocabulary.ts';

/** Where the public should go instead of a closed channel. */
export type SearchDestination =
  | {
      readonly kind: 'channel';
      readonly id: string;
      /** Code of the region page that shows the channel (Registry.pageOf). */
      readonly page: string;
      readonly name: string;
      readonly nameEn?: string;
      readonly platform: Platform;
      /** The destination's own address, shown next to it by the verify page. */
      readonly url?: string;
    }
  | { readonly kind: 'url'; readonly url: string };

export interface SearchDoc {
  readonly id: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly agency: string;
  readonly agencyEn?: string;
  /** Indexed (search by handle, verify keys), not shown. */
  readonly handle?: string;
  /** Indexed by the verify keys, not shown. */
  readonly url?: string;
  readonly platform: Platform;
  readonly status: Status;
  readonly level: Level;
  readonly region: string;
  /** Dates as written in the data (YYYY, YYYY-MM or YYYY-MM-DD). */
  readonly closed?: string;
  readonly announced?: string;
  /** Live destinations in priority order (empty for live channels and dead ends). */
  readonly destinations: readonly SearchDestination[];
}

export interface RegionInfo {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
}

/** The part of the region tree the indexes need (a Registry has it: regionLookupOf). */
export interface RegionLookup {
  /** The region and its ancestors, nation first. */
  lineage(code: string): readonly RegionInfo[];
  /** The region whose page shows this region's channels: itself, or a township's county. */
  pageOf(code: string): string;
}

export function regionLookupOf(registry: Registry): RegionLookup {
  return { lineage: (code) => registry.regions.lineage(code), pageOf: (code) => registry.pageOf(code) };
}

export function searchDocsFromRegistry(registry: Registry): SearchDoc[] {
  return registry.channels.map((c) => ({
    id: c.id,
    name: c.name,
    nameEn: c.name_en,
    agency: c.agency,
    agencyEn: c.agency_en,
    handle: c.handle,
    url: c.url,
    platform: c.platform,
    status: c.status,
    level: c.level,
    region: c.region,
    closed: c.closed?.value,
    announced: c.announced?.value,
    destinations: c.status === 'active'
      ? []
      : registry.destinationsOf(c.id).map((d): SearchDestination => {
          if (d.endpoint.kind === 'url') return { kind: 'url', url: d.endpoint.url };
          const dest = d.channel!;
          return { kind: 'channel', id: dest.id, page: registry.pageOf(dest.region), name: dest.name, nameEn: dest.name_en, platform: dest.platform, url: dest.url };
        }),
  }));
}
