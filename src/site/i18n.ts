/**
 * The site's two languages: each page's language and base path (links are made from them by
 * src/routes/routes.ts; the words are in the catalogue, src/strings/). Chinese is the default
 * and lives at the root; English mirrors every page under /en/. Pure functions of their
 * arguments: the base path is passed in, never read from the build tool, so views built on
 * this are testable under plain Node.
 */
import { LANGS, type Lang } from '../domain/vocabulary.ts';
import { stringsFor } from '../strings/index.ts';

export type { Lang };

/** What every view needs to know about the page it is for. */
export interface PageContext {
  readonly lang: Lang;
  /** The site's base path with a trailing slash ("/" or "/registry/"). */
  readonly base: string;
}

/** The `lang` route parameter: absent for Chinese (the root), "en" for English. */
export type LangParam = 'en' | undefined;

export function langFromParam(param: string | undefined): Lang {
  if (param === undefined || param === '') return 'zh';
  if (param === 'en') return 'en';
  throw new Error(`unknown language segment "${param}"`);
}

const PARAM: Record<Lang, LangParam> = { zh: undefined, en: 'en' };

export function paramForLang(lang: Lang): LangParam {
  return PARAM[lang];
}

/**
 * Static paths for a page type in both languages: each set of route params once per
 * language, the `lang` param absent for Chinese so its pages live at the root.
 */
export function inEveryLang<P extends Record<string, string>>(params: readonly P[]): { params: P & { lang: LangParam } }[] {
  return LANGS.flatMap((lang) => params.map((p) => ({ params: { ...p, lang: paramForLang(lang) } })));
}

const OTHER: Record<Lang, Lang> = { zh: 'en', en: 'zh' };

export function otherLang(lang: Lang): Lang {
  return OTHER[lang];
}

export function pageContext(param: string | undefined, base: string): PageContext {
  return { lang: langFromParam(param), base: base.endsWith('/') ? base : `${base}/` };
}

// Made once: constructing an Intl.NumberFormat per call was half of a region page's render time.
const NUMBER_FORMATS: Record<Lang, Intl.NumberFormat> = {
  zh: new Intl.NumberFormat(stringsFor('zh').locale.number),
  en: new Intl.NumberFormat(stringsFor('en').locale.number),
};

export function formatNumber(n: number, lang: Lang): string {
  return NUMBER_FORMATS[lang].format(n);
}
