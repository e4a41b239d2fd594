/**
 * The catalogue of the site's words: one file per language (zh.ts, en.ts), each a set of
 * named sections. The build takes a language's whole catalogue from stringsFor; a browser
 * script imports the sections it shows straight from the two files, so it carries nothing
 * else. The English is typed section by section from the Chinese, and the two must have the
 * same sections (checked below), so the catalogues cannot drift apart in shape;
 * tests/strings.test.ts checks that no text is empty and that placeholders match.
 */
import type { Lang } from '../domain/vocabulary.ts';
import * as en from './en.ts';
import * as zh from './zh.ts';

/** A language's catalogue. */
export type Strings = typeof zh;

/** True when the two types have exactly the same members. */
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
type Holds<T extends true> = T;
/** A section in one language and not the other fails to compile here. */
type _SameSections = Holds<SameKeys<typeof en, typeof zh>>;

const CATALOGUES: Record<Lang, Strings> = { zh, en };

export function stringsFor(lang: Lang): Strings {
  return CATALOGUES[lang];
}
