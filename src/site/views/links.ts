/**
 * Links out of the site: only http(s) addresses become links, shown as src/format/url.ts
 * writes them.
 */
import { displayUrl, isHttpUrl } from '../../format/url.ts';

export interface ExternalLink {
  readonly href: string;
  /** The address as text, shortened for display. */
  readonly text: string;
}

/** An external link, or undefined when the address is not http(s). */
export function externalLink(url: string | undefined): ExternalLink | undefined {
  if (!url || !isHttpUrl(url)) return undefined;
  return { href: url, text: displayUrl(url) };
}
