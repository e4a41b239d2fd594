/**
 * Text from the data in a page's language. The data gives names, agencies, notes and titles
 * in Chinese, with an optional English version in a second column (name / name_en): which
 * column to show is a choice about data, not UI text, and it is made here, once.
 *
 * English pages prefer the English and keep the Chinese original beside it, since the Chinese
 * name is what readers search for on the platform. `lang` is set only when the text's
 * language differs from the page's, so screen readers and font selection switch exactly where
 * the language does.
 */
import type { Lang } from '../domain/vocabulary.ts';
import { locale as enLocale } from './en.ts';
import { locale as zhLocale } from './zh.ts';

export interface LocalName {
  readonly text: string;
  /** HTML lang of `text` when it is not the page's language. */
  readonly lang?: string;
  /** The Chinese original, on English pages when `text` is a translation. */
  readonly original?: string;
}

/** The column to show: the English one on English pages when it is given, else the Chinese. */
export function localText(zh: string, en: string | undefined, lang: Lang): string {
  if (lang === 'zh' || !en) return zh;
  return en;
}

/** A name given in Chinese with an optional English rendering, marked for the page. */
export function localName(zh: string, en: string | undefined, lang: Lang): LocalName {
  if (lang === 'zh') return { text: zh };
  if (en && en !== zh) return { text: en, original: zh };
  return { text: zh, lang: zhLocale.html };
}

/**
 * Text the data gives in either language or both (notes, notes_en): the page's own when
 * given, else the other one, marked with its language; undefined when there is neither.
 */
export function localOrOther(zh: string | undefined, en: string | undefined, lang: Lang): { readonly text: string; readonly lang?: string } | undefined {
  if (lang === 'zh') {
    if (zh) return { text: zh };
    return en ? { text: en, lang: enLocale.html } : undefined;
  }
  if (en) return { text: en };
  return zh ? { text: zh, lang: zhLocale.html } : undefined;
}
