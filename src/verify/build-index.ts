/**
 * Builds the verify index: the channel store's key shards (index-format.ts), made with the
 * store (src/search/record-store.ts) from every channel's lookup keys (normalise.ts), and the
 * manifest that points the page's client at them.
 */
import { ByteWriter } from '../format/bytes.ts';
import { linkPatterns } from '../search/links.ts';
import { storeInfo, type RecordStore } from '../search/record-store.ts';
import type { LinkPatterns } from '../search/records.ts';
import type { SearchDoc } from '../search/search-docs.ts';
import { fnv1a } from '../format/hash.ts';
import { keyCheck, VERIFY_FORMAT, writeCheck, type VerifyManifest } from './index-format.ts';
import { channelKeys } from './normalise.ts';

/** Bytes a key takes in a shard: its check and a record number. */
const ENTRY_BYTES = 8;

/**
 * Every channel's keys, in shards of about `shardBytes`: docs[n] is record n. A national
 * registry has about a million (key, record) pairs.
 */
export function buildKeyShards(docs: readonly SearchDoc[], shardBytes: number): { shards: Uint8Array[]; distinct: number } {
  // Each (key, record) pair as two hashes and the record number: the keys' text is not kept.
  let hashes = new Uint32Array(1 << 16);
  let checks = new Float64Array(1 << 16);
  let records = new Int32Array(1 << 16);
  let n = 0;
  docs.forEach((doc, record) => {
    for (const key of channelKeys(doc)) {
      if (n === hashes.length) {
        const grow = <T extends Uint32Array | Float64Array | Int32Array>(a: T): T => {
          const next = new (a.constructor as new (length: number) => T)(a.length * 2);
          next.set(a);
          return next;
        };
        hashes = grow(hashes);
        checks = grow(checks);
        records = grow(records);
      }
      hashes[n] = fnv1a(key);
      checks[n] = keyCheck(key);
      records[n] = record;
      n++;
    }
  });
  const count = Math.max(1, Math.ceil((n * ENTRY_BYTES) / shardBytes));
  const shardOf = Int32Array.from(hashes.subarray(0, n), (h) => h % count);
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => shardOf[a]! - shardOf[b]! || checks[a]! - checks[b]! || records[a]! - records[b]!);
  let distinct = 0;
  const shards: Uint8Array[] = [];
  const out = new ByteWriter();
  let i = 0;
  for (let shard = 0; shard < count; shard++) {
    const from = i;
    while (i < order.length && shardOf[order[i]!] === shard) i++;
    out.reset();
    out.varint(i - from);
    for (let j = from; j < i; j++) {
      const k = order[j]!;
      if (j === from || checks[k] !== checks[order[j - 1]!]) distinct++;
      writeCheck(out, checks[k]!);
      out.varint(records[k]!);
    }
    shards.push(out.result());
  }
  return { shards, distinct };
}

export interface VerifyBuildOptions {
  /** Links in each language (default: the site's routes at base "/"). */
  readonly links?: { readonly zh: LinkPatterns; readonly en: LinkPatterns };
  /** The search folder (which holds the store) as seen from the verify manifest's folder. */
  readonly searchDir?: string;
}

/** The verify manifest over a store. */
export function verifyManifest(store: RecordStore, options: VerifyBuildOptions = {}): VerifyManifest {
  return {
    format: VERIFY_FORMAT,
    version: store.version,
    keys: store.keys,
    store: storeInfo(store, options.searchDir ?? '../search/'),
    links: options.links ?? linkPatterns('/'),
  };
}
