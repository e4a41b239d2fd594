/**
 * HTML as strings, for the lists that run to hundreds of entries a page (and half a million
 * entries a build): Astro's component-per-item rendering costs milliseconds a page there,
 * string building microseconds. Everything interpolated goes through `esc` (escapeHtml).
 */
import type { DateView } from '../views/dates.ts';
import type { LocalName } from '../../strings/local-name.ts';
import type { SentencePart } from '../../strings/sentence-parts.ts';
import { escapeHtml as esc } from '../../format/escape.ts';

/** ` name="value"` for each defined value; nothing for undefined or false. */
export function attrs(values: Record<string, string | undefined | false>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== false) out += ` ${name}="${esc(value)}"`;
  }
  return out;
}

/**
 * A name in the page's language, the Chinese original beside a translation (as LocalName.astro).
 * The original is an `<i lang>`: HTML's element for "a term from another language", styled
 * upright in the muted colour; the shortest markup that still tells a screen reader to switch
 * voice (on half a million entries, every byte of it is a megabyte of the site).
 */
export function localName(name: LocalName): string {
  // a bare text needs no element
  const main = name.lang ? `<span lang="${esc(name.lang)}">${esc(name.text)}</span>` : esc(name.text);
  return name.original ? `${main} <i lang="zh-Hans">(${esc(name.original)})</i>` : main;
}

export function time(date: DateView): string {
  return `<time datetime="${esc(date.datetime)}">${esc(date.text)}</time>`;
}

/**
 * A link off the site. No `rel`: every page's referrer policy is "same-origin" (BaseLayout),
 * so no other site learns which page a reader came from, and without target="_blank" there
 * is no window handle to withhold.
 */
export function externalLink(href: string, text: string): string {
  return `<a href="${esc(href)}" class="external">${esc(text)}</a>`;
}

/** A sentence made of parts: text, dates and linked names (closure-sentence.ts makes them). */
export function sentence(parts: readonly SentencePart[]): string {
  let out = '';
  for (const p of parts) {
    if (p.kind === 'text') out += esc(p.text);
    else if (p.kind === 'date') out += time(p);
    else if (p.kind === 'name') out += localName(p.name);
    else if (p.target.external) out += externalLink(p.target.href, p.target.name.text);
    else out += `<a href="${esc(p.target.href)}">${localName(p.target.name)}</a>`;
  }
  return out;
}
