/**
 * Escaping contributed text for the markup it is written into: one rule per language, used
 * by every writer (pages, the closures client, charts, feeds, sitemaps), so no writer can
 * drift into a weaker one. Plain string functions: the browser clients bundle them.
 */

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const HTML_SPECIAL = /[&<>"']/;
const HTML_SPECIALS = /[&<>"']/g;

/**
 * Text or a quoted attribute value in HTML. Quotes of both kinds are escaped, so the result is
 * safe in either kind of attribute. Most values need nothing: tested before replacing, which
 * matters at half a million entries a build.
 */
export function escapeHtml(text: string): string {
  return HTML_SPECIAL.test(text) ? text.replace(HTML_SPECIALS, (c) => HTML_ENTITIES[c]!) : text;
}

/** Characters XML 1.0 forbids anywhere (controls, U+FFFE/U+FFFF, unpaired surrogates). */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text safe inside XML 1.0 elements and attributes (feeds, sitemaps, SVG): characters XML
 * forbids removed (a parser would reject the whole file), then markup characters escaped.
 */
export function escapeXml(text: string): string {
  return text
    .replace(XML_FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
