/**
 * Builds the verify index (index-format.ts) from the registry: every channel's lookup keys
 * (normalise.ts) into key shards sized by bytes, and what the page shows of each channel into
 * record files. Files are handed to `emit` as they are made, so a national registry is never
 * held twice in memory; the version is a hash of everything emitted.
 */
import { createHash } from 'node:crypto';
import type { Registry } from '../domain/model.ts';
import { destinationLabel } from '../search/search-docs.ts';
import {
  encodeRecords,
  keyShardPath,
  recordFilePath,
  shardOfKey,
  VERIFY_FORMAT,
  type KeyShard,
  type VerifyManifest,
  type VerifyRecord,
} from './index-format.ts';
import { channelKeys } from './normalise.ts';

export interface VerifySource {
  readonly record: VerifyRecord;
  readonly keys: readonly string[];
}

export interface VerifyBuildOptions {
  readonly page: VerifyManifest['page'];
  /** Target size of one key shard, in bytes of JSON. */
  readonly shardBytes?: number;
  /** Records per record file. */
  readonly chunkSize?: number;
}

export interface VerifyBuildStats {
  readonly records: number;
  readonly keys: number;
  readonly shards: number;
  readonly files: number;
  readonly bytes: number;
  readonly largestShard: number;
  readonly largestRecordFile: number;
}

export const DEFAULT_SHARD_BYTES = 32_000;
export const DEFAULT_CHUNK_SIZE = 200;

/** Each channel as the verify page shows it, with the keys it is found by. */
export function verifySourcesFromRegistry(registry: Registry): VerifySource[] {
  return registry.channels.map((c) => {
    const destinations = c.status === 'active' || c.status === 'dormant'
      ? []
      : registry.destinationsOf(c.id).map((d) => {
          if (d.endpoint.kind === 'url') return { target: d.endpoint.url, label: destinationLabel({ url: d.endpoint.url }) };
          const dest = d.channel!;
          return { target: dest.id, label: destinationLabel({ name: dest.name, nameEn: dest.name_en, platform: dest.platform }), url: dest.url };
        });
    const record: VerifyRecord = {
      id: c.id,
      status: c.status,
      platform: c.platform,
      name: { zh: c.name, en: c.name_en ?? c.name },
      agency: { zh: c.agency, en: c.agency_en ?? c.agency },
      closed: c.closed?.value,
      announced: c.announced?.value,
      url: c.url,
      handle: c.handle,
      destinations,
    };
    return { record, keys: channelKeys(c) };
  });
}

/** Builds the index, handing each file to `emit` (path relative to the version folder). */
export function buildVerifyIndex(
  sources: readonly VerifySource[],
  options: VerifyBuildOptions,
  emit: (path: string, data: string) => void,
): { manifest: VerifyManifest; stats: VerifyBuildStats } {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const hash = createHash('sha256');
  let files = 0;
  let bytes = 0;
  let largestShard = 0;
  let largestRecordFile = 0;
  const put = (path: string, data: string) => {
    hash.update(path).update('\0').update(data).update('\0');
    files++;
    const size = Buffer.byteLength(data);
    bytes += size;
    emit(path, data);
    return size;
  };

  // Shards sized by the JSON they will hold: "key":[n,…], per key and posting.
  let estimate = 0;
  sources.forEach((s, n) => {
    for (const key of s.keys) {
      estimate += key.length * 1.5 + 6 + String(n).length + 1;
    }
  });
  const shards = Math.max(1, Math.ceil(estimate / (options.shardBytes ?? DEFAULT_SHARD_BYTES)));
  const buckets: Map<string, number[]>[] = Array.from({ length: shards }, () => new Map());
  sources.forEach((s, n) => {
    for (const key of s.keys) {
      const bucket = buckets[shardOfKey(key, shards)]!;
      const list = bucket.get(key);
      if (list) list.push(n);
      else bucket.set(key, [n]);
    }
  });
  let distinctKeys = 0;
  buckets.forEach((bucket, i) => {
    const shard: KeyShard = {};
    for (const key of [...bucket.keys()].sort()) shard[key] = bucket.get(key)!;
    distinctKeys += bucket.size;
    largestShard = Math.max(largestShard, put(keyShardPath(i), JSON.stringify(shard)));
    buckets[i] = new Map();
  });

  for (let start = 0, chunk = 0; start < sources.length; start += chunkSize, chunk++) {
    const records = sources.slice(start, start + chunkSize).map((s) => s.record);
    largestRecordFile = Math.max(largestRecordFile, put(recordFilePath(chunk), JSON.stringify(encodeRecords(records))));
  }

  hash.update(JSON.stringify(options.page));
  const manifest: VerifyManifest = {
    format: VERIFY_FORMAT,
    version: hash.digest('hex').slice(0, 12),
    records: sources.length,
    shards,
    chunkSize,
    page: options.page,
  };
  return { manifest, stats: { records: sources.length, keys: distinctKeys, shards, files, bytes, largestShard, largestRecordFile } };
}
