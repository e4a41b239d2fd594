/**
 * Links out of the site. Only http(s) addresses ever become links (the contract already
 * rejects other schemes; this is the last line of defence for anything rendered as href).
 */

export interface ExternalLink {
  readonly href: string;
  /** The address as text, shortened for display. */
  readonly text: string;
}

export function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** An external link, or undefined when the address is not http(s). */
export function externalLink(url: string | undefined): ExternalLink | undefined {
  if (!url || !isHttpUrl(url)) return undefined;
  return { href: url, text: displayUrl(url) };
}

/** "https://www.example.gov.cn/a/b/" → "www.example.gov.cn/a/b", cut at 60 characters. */
export function displayUrl(url: string): string {
  const bare = url.replace(/^https?:\/\//i, '').replace(/\/$/, '');
  return bare.length > 60 ? `${bare.slice(0, 59)}…` : bare;
}
