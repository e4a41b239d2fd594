/**
 * Web addresses as the site shows and accepts them: one rule for every page, client and
 * table. Only http(s) addresses ever become links (the contract already rejects other
 * schemes; this is the last line of defence for anything rendered as href). Plain string
 * functions: the browser clients bundle them.
 */

/** Characters an address is shown in where there is room (entries, answers, the footer). */
export const URL_TEXT_CHARS = 60;
/** Characters an address is shown in where it shares a line (result labels, table cells). */
export const SHORT_URL_CHARS = 40;

const SCHEME = /^https?:\/\//i;

export function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

function cut(text: string, maxChars: number): string {
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}

/** "https://www.example.gov.cn/a/b/" → "www.example.gov.cn/a/b": no scheme or final slash, cut with "…". */
export function displayUrl(url: string, maxChars = URL_TEXT_CHARS): string {
  return cut(url.replace(SCHEME, '').replace(/\/$/, ''), maxChars);
}

/** For a narrow table cell: also without "www.", at most SHORT_URL_CHARS ("example.gov.cn/a/b"). */
export function shortUrl(url: string): string {
  return cut(url.replace(SCHEME, '').replace(/^www\./i, '').replace(/\/$/, ''), SHORT_URL_CHARS);
}
