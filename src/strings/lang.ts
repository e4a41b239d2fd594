/** The site's language named by a language tag: a browser script reads it from the page. */
import type { Lang } from '../domain/vocabulary.ts';

/** English for "en" and its regional tags ("en-GB"), else Chinese, the site's default. */
export function langOfTag(tag: string | undefined): Lang {
  return tag?.startsWith('en') ? 'en' : 'zh';
}
