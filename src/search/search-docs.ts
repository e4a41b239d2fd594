/**
 * What the search index knows of a channel: the fields people type, the status shown at a
 * glance, and where to go instead, resolved from the model once at build time.
 */
import type { Registry } from '../domain/model.ts';
import type { Level, Platform, Status } from '../domain/vocabulary.ts';
import { PLATFORM_LABELS } from '../domain/vocabulary.ts';

export interface SearchDestination {
  /** A channel id of the registry, or an http(s) URL. */
  readonly target: string;
  readonly label: { readonly zh: string; readonly en: string };
}

export interface SearchDoc {
  readonly id: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly agency: string;
  readonly agencyEn?: string;
  readonly handle?: string;
  readonly platform: Platform;
  readonly status: Status;
  readonly level: Level;
  readonly region: string;
  /** Live destinations in priority order (empty for live channels and dead ends). */
  readonly destinations: readonly SearchDestination[];
}

/** The part of the region tree the index needs (RegionIndex has it). */
export interface RegionLookup {
  /** The region and its ancestors, nation first. */
  lineage(code: string): readonly { readonly code: string; readonly name: string; readonly nameEn: string }[];
}

/** A destination's label: the channel's name and platform, or the web address's host and path. */
export function destinationLabel(target: { name: string; nameEn?: string; platform: Platform } | { url: string }): SearchDestination['label'] {
  if ('url' in target) {
    const short = target.url.replace(/^https?:\/\//, '').replace(/\/$/, '');
    const label = short.length > 40 ? `${short.slice(0, 39)}…` : short;
    return { zh: label, en: label };
  }
  const platform = PLATFORM_LABELS[target.platform];
  return { zh: `${target.name}（${platform.zh}）`, en: `${target.nameEn ?? target.name} (${platform.en})` };
}

export function searchDocsFromRegistry(registry: Registry): SearchDoc[] {
  return registry.channels.map((c) => ({
    id: c.id,
    name: c.name,
    nameEn: c.name_en,
    agency: c.agency,
    agencyEn: c.agency_en,
    handle: c.handle,
    platform: c.platform,
    status: c.status,
    level: c.level,
    region: c.region,
    destinations: c.status === 'active'
      ? []
      : registry.destinationsOf(c.id).map((d) => {
          if (d.endpoint.kind === 'url') return { target: d.endpoint.url, label: destinationLabel({ url: d.endpoint.url }) };
          const dest = d.channel!;
          return { target: dest.id, label: destinationLabel({ name: dest.name, nameEn: dest.name_en, platform: dest.platform }) };
        }),
  }));
}
