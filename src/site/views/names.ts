/**
 * Names of channels, agencies and regions as a page shows them (src/strings/local-name.ts
 * decides between the Chinese and the English column and marks the language).
 */
import type { Channel } from '../../domain/model.ts';
import type { Region } from '../../domain/regions.ts';
import { localName, type LocalName } from '../../strings/local-name.ts';
import type { Lang } from '../i18n.ts';

export function channelName(c: Channel, lang: Lang): LocalName {
  return localName(c.name, c.name_en, lang);
}

export function agencyName(c: Channel, lang: Lang): LocalName {
  return localName(c.agency, c.agency_en, lang);
}

export function regionName(r: Region, lang: Lang): LocalName {
  return localName(r.name, r.nameEn, lang);
}

/** Plain text for titles and attributes, where markup cannot mark the language. */
export function plainName(n: LocalName): string {
  return n.original ? `${n.text} (${n.original})` : n.text;
}
