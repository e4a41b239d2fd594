/**
 * Names as a page shows them. English pages prefer the English name and keep the Chinese
 * original beside it, since the Chinese name is what readers search for on the platform.
 * `lang` is set only when the text's language differs from the page's, so screen readers
 * and font selection switch exactly where the language does.
 */
import type { Channel } from '../../domain/model.ts';
import type { Region } from '../../domain/regions.ts';
import { HTML_LANG, type Lang } from '../i18n.ts';

export interface LocalName {
  readonly text: string;
  /** HTML lang of `text` when it is not the page's language. */
  readonly lang?: string;
  /** The Chinese original, on English pages when `text` is a translation. */
  readonly original?: string;
}

/** A name given in Chinese with an optional English rendering. */
export function localName(zh: string, en: string | undefined, lang: Lang): LocalName {
  if (lang === 'zh') return { text: zh };
  if (en && en !== zh) return { text: en, original: zh };
  return { text: zh, lang: HTML_LANG.zh };
}

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
