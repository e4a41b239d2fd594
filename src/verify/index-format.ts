/**
 * The verify index, shared by the builder (build-index.ts) and the reader (lookup.ts). It is
 * the channel store's keys and records (src/search/record-store.ts), which search shares; the
 * verify folder holds only its manifest and clients. Paths are relative to the manifest's
 * folder:
 *
 *   verify/index.json                    the manifest (revalidated on each visit)
 *   search/store/<version>/k/<n>.bin     key shards
 *   search/store/<version>/r/<n>.bin     records (src/search/records.ts)
 *
 * A key's shard is fnv1a(key) mod shards. A shard lists, in ascending order of a 40-bit hash
 * of the key (hash53, independent of fnv1a), the record numbers it finds:
 *
 *   shard = varint entries, (5-byte check, little-endian; varint record number)*
 *
 * Storing hashes instead of the addresses and handles themselves makes the index a third of
 * the size. The price is that an address not in the registry could share both hashes with one
 * that is: with about 2,000 keys a shard that is one chance in 500 million a lookup, and the
 * channel shown would still be a real, recorded one. One lookup fetches the manifest, the
 * shards of its (one to three) keys and the record files of the matches.
 */
import { fnv1a, hash53 } from '../format/hash.ts';
import { keyFileOf, type ChannelRecord, type LinkPatterns, type StoreInfo } from '../search/records.ts';

export const VERIFY_FORMAT = 2 as const;
export const VERIFY_DIR = 'verify';
export const VERIFY_MANIFEST = 'index.json';
export const VERIFY_CLIENT = 'client.js';

export interface VerifyManifest {
  readonly format: typeof VERIFY_FORMAT;
  /** The store's version (its folder's name): files under it never go stale. */
  readonly version: string;
  /** Distinct keys. */
  readonly keys: number;
  /** The channel store (its path relative to the manifest's folder). */
  readonly store: StoreInfo;
  /** Links to a channel's entry and a region's page, in each language. */
  readonly links: { readonly zh: LinkPatterns; readonly en: LinkPatterns };
}

/** What the verify page shows of a channel: a record of the shared store. */
export type VerifyRecord = ChannelRecord;

const CHECK_RANGE = 2 ** 40;

export function shardOfKey(key: string, shards: number): number {
  return fnv1a(key) % shards;
}

/** The 40 bits that identify a key within its shard. */
export function keyCheck(key: string): number {
  return hash53(key) % CHECK_RANGE;
}

/** Record numbers a key finds, read from its shard of the store. */
export async function findKey(store: StoreInfo, key: string, read: (path: string) => Promise<Uint8Array>): Promise<number[]> {
  const check = keyCheck(key);
  const shard = await read(keyFileOf(store, shardOfKey(key, store.keyShards)));
  return readKeyShard(shard, new Set([check])).get(check) ?? [];
}

/** Writes five bytes, little-endian. */
export function writeCheck(out: { byte(b: number): void }, check: number): void {
  let c = check;
  for (let i = 0; i < 5; i++) {
    out.byte(c % 256);
    c = Math.floor(c / 256);
  }
}

/** The record numbers each wanted check finds in a shard. */
export function readKeyShard(buf: Uint8Array, wanted: ReadonlySet<number>): Map<number, number[]> {
  const found = new Map<number, number[]>();
  let pos = 0;
  const varint = () => {
    let n = 0;
    let shift = 0;
    for (;;) {
      const b = buf[pos++]!;
      n += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return n;
      shift += 7;
    }
  };
  for (let n = varint(); n > 0; n--) {
    const check = buf[pos]! + buf[pos + 1]! * 0x100 + buf[pos + 2]! * 0x10000 + buf[pos + 3]! * 0x1000000 + buf[pos + 4]! * 0x100000000;
    pos += 5;
    const record = varint();
    if (!wanted.has(check)) continue;
    const list = found.get(check);
    if (list) list.push(record);
    else found.set(check, [record]);
  }
  return found;
}
