/**
 * Permalink addresses as both the build and the not-found page's script read them (this
 * module runs in the browser too, so it imports only the shared hash): which shard of the
 * permalink map holds a key, and where a resolved permalink leads. See permalink-map.ts.
 */
import { fnv1a } from '../format/hash.ts';

/** Shards of the map: ~2,000 keys each at 500,000 channels. */
export const PERMALINK_SHARDS = 256;
/** The map's folder under the site root. */
export const PERMALINK_DIR = 'permalinks';

/** FNV-1a of the key: the same in the build and the browser. */
export function permalinkShard(key: string): number {
  return fnv1a(key) % PERMALINK_SHARDS;
}

export const shardFile = (n: number): string => `${n.toString(16).padStart(2, '0')}.json`;

/**
 * A channel id as the validator accepts it (ID_PATTERN in src/domain/schemas/cells.ts, which
 * this module cannot import: it runs in the browser and cells.ts brings zod). The permalink
 * tests check that the two agree.
 */
export const PERMALINK_ID = /^[a-z0-9][a-z0-9-]*$/;
const TOWNSHIP_CODE = /^\d{9}$/;
/** What the map's values are: the six-digit code of a region with a page. */
const PAGE_CODE = /^\d{6}$/;

/**
 * A path on this site: one leading slash, then no second slash or backslash (which browsers
 * read as "//host", another site), and nothing that would leave the path (scheme, spaces,
 * controls). The base path and every target the resolver makes must be one.
 */
export function isSameSitePath(path: string): boolean {
  return /^\/(?![/\\])[A-Za-z0-9._~!$&'()*+,;=:@%/#-]*$/.test(path);
}

export interface ParsedPermalink {
  /** The key in the permalink map: a channel id, or "r" + a township code. */
  readonly key: string;
  /** The base path, plus "en/" for the English permalinks. */
  readonly prefix: string;
  /** The anchor of the entry or section on the page it resolves to. */
  readonly fragment: string;
}

/** What a missing address is, if it is a permalink: the map key and the language prefix. */
export function parsePermalink(pathname: string, base: string): ParsedPermalink | undefined {
  if (!isSameSitePath(base) || !base.endsWith('/') || !pathname.startsWith(base)) return undefined;
  const m = /^(en\/)?(channels|regions)\/([^/]+)\/?$/.exec(pathname.slice(base.length));
  if (!m) return undefined;
  const [, en = '', kind, value = ''] = m;
  if (kind === 'channels') return PERMALINK_ID.test(value) ? { key: value, prefix: `${base}${en}`, fragment: `#c-${value}` } : undefined;
  return TOWNSHIP_CODE.test(value) ? { key: `r${value}`, prefix: `${base}${en}`, fragment: `#r-${value}` } : undefined;
}

/**
 * The page code a shard of the map (parsed JSON, so anything) gives for the key: only the
 * shard's own properties count, so "constructor" or "__proto__" never finds what every
 * object inherits, and only a page code is an answer.
 */
export function pageInShard(shard: unknown, key: string): string | undefined {
  if (typeof shard !== 'object' || shard === null || Array.isArray(shard)) return undefined;
  // hasOwnProperty.call rather than Object.hasOwn: the not-found page also serves old browsers
  if (!Object.prototype.hasOwnProperty.call(shard, key)) return undefined;
  const page: unknown = (shard as Record<string, unknown>)[key];
  return typeof page === 'string' && PAGE_CODE.test(page) ? page : undefined;
}

/** The entry or section a permalink leads to: always a path on this site, or undefined. */
export function permalinkTarget(parsed: ParsedPermalink, pageCode: string): string | undefined {
  if (!PAGE_CODE.test(pageCode)) return undefined;
  const target = `${parsed.prefix}regions/${pageCode}/${parsed.fragment}`;
  return isSameSitePath(target) ? target : undefined;
}

/**
 * Where a permalink leads: its key looked up in the one shard of the map that can hold it
 * (`loadShard` fetches a shard file by name and parses it). Undefined when the map has no
 * such key or says something that is not a page code.
 */
export async function permalinkDestination(parsed: ParsedPermalink, loadShard: (file: string) => Promise<unknown>): Promise<string | undefined> {
  const page = pageInShard(await loadShard(shardFile(permalinkShard(parsed.key))), parsed.key);
  return page === undefined ? undefined : permalinkTarget(parsed, page);
}
