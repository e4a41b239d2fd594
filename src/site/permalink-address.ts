/**
 * Permalink addresses as both the build and the not-found page's script read them (this
 * module runs in the browser too, so it imports nothing): which shard of the permalink map
 * holds a key, and where a resolved permalink leads. See permalink-map.ts.
 */

/** Shards of the map: ~2,000 keys each at 500,000 channels. */
export const PERMALINK_SHARDS = 256;
/** The map's folder under the site root. */
export const PERMALINK_DIR = 'permalinks';

/** FNV-1a over the key's UTF-16 code units: the same in the build and the browser. */
export function permalinkShard(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % PERMALINK_SHARDS;
}

export const shardFile = (n: number): string => `${n.toString(16).padStart(2, '0')}.json`;

/** What a missing address is, if it is a permalink: the map key and the language prefix. */
export function parsePermalink(pathname: string, base: string): { key: string; prefix: string; fragment: (code: string) => string } | undefined {
  if (!pathname.startsWith(base)) return undefined;
  const m = /^(en\/)?(channels|regions)\/([a-z0-9-]+)\/?$/.exec(pathname.slice(base.length));
  if (!m) return undefined;
  const [, en = '', kind, value] = m;
  if (kind === 'channels') return { key: value!, prefix: `${base}${en}`, fragment: () => `#c-${value}` };
  if (!/^\d{9}$/.test(value!)) return undefined;
  return { key: `r${value}`, prefix: `${base}${en}`, fragment: () => `#r-${value}` };
}

/** The entry or section a permalink leads to. */
export function permalinkTarget(parsed: { prefix: string; fragment: (code: string) => string }, pageCode: string): string {
  return `${parsed.prefix}regions/${pageCode}/${parsed.fragment(pageCode)}`;
}
