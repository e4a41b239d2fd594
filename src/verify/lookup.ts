/**
 * Answers "is this link or id in the registry?" from the static verify index. The same code
 * runs in the browser client and the tests; each gives it its own way to get files.
 */
import {
  decodeRecords,
  keyShardPath,
  recordFilePath,
  shardOfKey,
  type KeyShard,
  type RecordFile,
  type VerifyManifest,
  type VerifyRecord,
} from './index-format.ts';
import { parseInput } from './normalise.ts';

/** Reads a file of the index's version folder ("k/3.json") as parsed JSON. */
export type IndexFiles = (path: string) => Promise<unknown>;

/** How a channel was found: by its address, an account id read from it, or its handle. */
export type MatchedBy = 'url' | 'id' | 'handle';

export interface VerifyMatch {
  readonly record: VerifyRecord;
  readonly by: MatchedBy;
}

export type VerifyAnswer =
  | { readonly kind: 'empty' }
  | { readonly kind: 'name'; readonly text: string }
  | { readonly kind: 'invalid'; readonly text: string }
  | { readonly kind: 'found'; readonly text: string; readonly input: 'url' | 'handle'; readonly matches: readonly VerifyMatch[] }
  | { readonly kind: 'missing'; readonly text: string; readonly input: 'url' | 'handle' };

const BY: Record<string, MatchedBy> = { u: 'url', p: 'id', h: 'handle' };

export class VerifyIndex {
  readonly manifest: VerifyManifest;
  private readonly files: IndexFiles;
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(manifest: VerifyManifest, files: IndexFiles) {
    this.manifest = manifest;
    this.files = files;
  }

  private file<T>(path: string): Promise<T> {
    let pending = this.cache.get(path);
    if (!pending) {
      pending = this.files(path);
      this.cache.set(path, pending);
      pending.catch(() => this.cache.delete(path));
    }
    return pending as Promise<T>;
  }

  /** Record numbers found by each key, in the keys' order (address first). */
  async find(keys: readonly string[]): Promise<{ n: number; by: MatchedBy }[]> {
    const shards = await Promise.all(keys.map((key) => this.file<KeyShard>(keyShardPath(shardOfKey(key, this.manifest.shards)))));
    const seen = new Set<number>();
    const found: { n: number; by: MatchedBy }[] = [];
    keys.forEach((key, i) => {
      // own keys only ("constructor" is no channel); hasOwnProperty for older in-app browsers
      const list = Object.prototype.hasOwnProperty.call(shards[i]!, key) ? shards[i]![key]! : [];
      for (const n of list) {
        if (seen.has(n)) continue;
        seen.add(n);
        found.push({ n, by: BY[key[0]!] ?? 'handle' });
      }
    });
    return found;
  }

  async record(n: number): Promise<VerifyRecord> {
    const chunk = Math.floor(n / this.manifest.chunkSize);
    const file = await this.file<RecordFile>(recordFilePath(chunk));
    const record = decodeRecords(file)[n % this.manifest.chunkSize];
    if (!record) throw new Error(`verify index: no record ${n}`);
    return record;
  }

  async lookup(input: string): Promise<VerifyAnswer> {
    const parsed = parseInput(input);
    if (parsed.kind === 'empty' || parsed.kind === 'name' || parsed.kind === 'invalid') return parsed;
    const found = await this.find(parsed.keys);
    if (!found.length) return { kind: 'missing', text: parsed.text, input: parsed.kind };
    const matches = await Promise.all(found.map(async ({ n, by }) => ({ record: await this.record(n), by })));
    return { kind: 'found', text: parsed.text, input: parsed.kind, matches };
  }
}
