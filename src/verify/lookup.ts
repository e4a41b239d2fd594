/**
 * Answers "is this link or id in the registry?" from the static verify index. The same code
 * runs in the browser client, the tests and the benchmark; each gives it its own way to get
 * files.
 */
import { decodeRecordFile, recordFileOf } from '../store/records.ts';
import { type VerifyManifest, type VerifyRecord } from './index-format.ts';
import { findKey } from '../store/keys.ts';
import { parseInput } from '../store/normalise.ts';

/** Reads a file by its path relative to the manifest's folder ("../search/store/<version>/k/3.bin"). */
export type IndexFiles = (path: string) => Promise<Uint8Array>;

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

  private file<T>(path: string, decode: (bytes: Uint8Array) => T): Promise<T> {
    let pending = this.cache.get(path) as Promise<T> | undefined;
    if (!pending) {
      pending = this.files(path).then(decode);
      this.cache.set(path, pending);
      pending.catch(() => this.cache.delete(path));
    }
    return pending;
  }

  /** Record numbers found by each key, in the keys' order (address first). */
  async find(keys: readonly string[]): Promise<{ n: number; by: MatchedBy }[]> {
    const found = await Promise.all(keys.map((key) => findKey(this.manifest.store, key, (path) => this.file(path, (bytes) => bytes))));
    const seen = new Set<number>();
    const out: { n: number; by: MatchedBy }[] = [];
    keys.forEach((key, i) => {
      for (const n of found[i]!) {
        if (seen.has(n)) continue;
        seen.add(n);
        out.push({ n, by: BY[key[0]!] ?? 'handle' });
      }
    });
    return out;
  }

  async record(n: number): Promise<VerifyRecord> {
    const { store } = this.manifest;
    const file = await this.file(recordFileOf(store, n), decodeRecordFile);
    const record = file[n % store.chunkSize];
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
