/**
 * The channel store's lookup keys: every address and handle a channel can be recognised by
 * (normalise.ts makes them), found by hash. The verify page looks up what is pasted; search
 * looks up a handle typed whole. Built with the store (record-store.ts), read by both clients.
 *
 * A key's shard is fnv1a(key) mod shards. A shard lists, in ascending order of a 40-bit hash
 * of the key (hash53, independent of fnv1a), the record numbers it finds:
 *
 *   shard = varint entries, (5-byte check, little-endian; varint record number)*
 *
 * Storing hashes instead of the addresses and handles themselves makes the index a third of
 * the size. The price is that an address not in the registry could share both hashes with one
 * that is: with about 2,000 keys a shard that is one chance in 500 million a lookup, and the
 * channel shown would still be a real, recorded one.
 */
import { ByteWriter } from '../format/bytes.ts';
import { fnv1a, hash53 } from '../format/hash.ts';
import { channelKeys } from './normalise.ts';
import { keyFileOf, type StoreInfo } from './records.ts';
import type { SearchDoc } from './search-docs.ts';

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
