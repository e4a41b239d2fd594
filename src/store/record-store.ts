/**
 * The one store of channels that the search index and the verify index both point into:
 * records (records.ts: what a result or an answer shows) and lookup keys (the addresses and
 * handles the verify page matches, which search also uses for a handle typed whole). Built
 * once per registry and written once per site: both writers ask for it, and whichever comes
 * second finds it made (same content, same folder name).
 *
 *   search/store/<version>/r/<n>.bin     records, chunkSize per file
 *   search/store/<version>/k/<n>.bin     key shards (keys.ts)
 *
 * Record numbers are assigned in the order results should come in when a query matches more
 * than a page: live channels before the others, higher-level bodies before lower ones, then by
 * place, body and name. Within each of those tiers the channels of one region have
 * consecutive numbers, so a region's name is indexed as a few ranges, not as a list of every
 * channel under it, and a body's channels are neighbours, which the files compress well.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Registry } from '../domain/model.ts';
import { ContentVersion } from '../format/sha256.ts';
import { buildKeyShards } from './keys.ts';
import { BackgroundWriter } from '../build-tools/background-writer.ts';
import { names as enNames, places as enPlaces } from '../strings/en.ts';
import { names as zhNames, places as zhPlaces } from '../strings/zh.ts';
import { encodeRecordFile, storeFiles, type StoreInfo } from './records.ts';
import { regionLookupOf, searchDocsFromRegistry, type RegionInfo, type RegionLookup, type SearchDoc } from './search-docs.ts';

export const DEFAULT_RECORD_CHUNK = 64;
export const DEFAULT_KEY_SHARD_BYTES = 8_000;

/**
 * The site folder the store is written under (<out>/search/store/<version>/): the search
 * index's own folder, which the verify manifest points into.
 */
export const SEARCH_DIR = 'search';
/** The store's folder under the search folder. */
export const STORE_DIR = 'store';

export interface StoreFiles {
  readonly files: number;
  readonly bytes: number;
  readonly largest: number;
}

export interface RecordStore {
  /** The channels in record order: docs[n] is record n. */
  readonly docs: readonly SearchDoc[];
  /** Records (docs.length). */
  readonly count: number;
  readonly regions: RegionLookup;
  /** Content hash: the store's folder name. */
  readonly version: string;
  readonly chunkSize: number;
  readonly keyShards: number;
  /** Distinct lookup keys. */
  readonly keys: number;
  /** Path within the store's folder → bytes (empty once written to a site: queueRecordStore). */
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly records: StoreFiles & {
    /** Of `bytes`, those of the files' text tables (the rest is rows and places). */
    readonly tableBytes: number;
  };
  readonly keyFiles: StoreFiles;
  /** Milliseconds spent ordering and encoding records, and building the keys. */
  readonly timings: { readonly records: number; readonly keys: number };
}


const HIGH_LEVELS = new Set(['central', 'provincial', 'prefectural']);

/** 0 = live and high-level … 3 = not live and local. */
function tierOf(doc: SearchDoc): number {
  return (doc.status === 'active' ? 0 : 2) + (HIGH_LEVELS.has(doc.level) ? 0 : 1);
}

/** The place labels of a region: every level below the nation, largest first in Chinese. */
export function placeLabels(lineage: readonly RegionInfo[]): { zh: string; en: string } {
  const below = lineage.filter((r) => r.code !== '100000');
  if (below.length === 0) return { zh: zhPlaces.central, en: enPlaces.central };
  return { zh: zhNames.place(below.map((r) => r.name)), en: enNames.place(below.map((r) => r.nameEn)) };
}

/** Memoised lineage, labels and page of each region the channels are in. */
export function regionCache(regions: RegionLookup) {
  const cache = new Map<string, { lineage: readonly RegionInfo[]; place: { zh: string; en: string; page: string } }>();
  return (code: string) => {
    let entry = cache.get(code);
    if (!entry) {
      const lineage = regions.lineage(code);
      entry = { lineage, place: { ...placeLabels(lineage), page: regions.pageOf(code) } };
      cache.set(code, entry);
    }
    return entry;
  };
}

export function buildRecordStore(
  docs: readonly SearchDoc[],
  regions: RegionLookup,
  options: { chunkSize?: number; keyShardBytes?: number } = {},
): RecordStore {
  const started = performance.now();
  const chunkSize = options.chunkSize ?? DEFAULT_RECORD_CHUNK;
  const region = regionCache(regions);
  // Sorted by tier, then the region's path in the tree (so a region's channels, those of the
  // regions below it included, are consecutive), body, name and id.
  const paths = [...new Set(docs.map((d) => d.region))].map((code) => ({ code, path: region(code).lineage.map((r) => r.code).join('/') }));
  paths.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const regionRank = new Map(paths.map((p, i) => [p.code, i]));
  const tiers = Int8Array.from(docs, tierOf);
  const ranks = Int32Array.from(docs, (d) => regionRank.get(d.region)!);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const order = Int32Array.from(docs, (_, i) => i).sort((a, b) => {
    const x = docs[a]!;
    const y = docs[b]!;
    return tiers[a]! - tiers[b]! || ranks[a]! - ranks[b]! || cmp(x.agency, y.agency) || cmp(x.name, y.name) || cmp(x.id, y.id);
  });
  const ordered = Array.from(order, (i) => docs[i]!);

  const files = new Map<string, Uint8Array>();
  const version = new ContentVersion().add(`chunk ${chunkSize}\0`);
  /** A file of the store: hashed into its version, kept for writing, counted in `tally`. */
  const add = (tally: { files: number; bytes: number; largest: number }, path: string, data: Uint8Array) => {
    version.add(path).add(data);
    files.set(path, data);
    tally.files++;
    tally.bytes += data.length;
    tally.largest = Math.max(tally.largest, data.length);
  };
  const records = { files: 0, bytes: 0, largest: 0, tableBytes: 0 };
  const sizes = { table: 0 };
  for (let start = 0, chunk = 0; start < ordered.length; start += chunkSize, chunk++) {
    add(records, storeFiles.record(chunk), encodeRecordFile(ordered.slice(start, start + chunkSize), (d) => region(d.region).place, sizes));
  }
  records.tableBytes = sizes.table;
  const recordsDone = performance.now();

  const keys = buildKeyShards(ordered, options.keyShardBytes ?? DEFAULT_KEY_SHARD_BYTES);
  const keyFiles = { files: 0, bytes: 0, largest: 0 };
  keys.shards.forEach((data, shard) => add(keyFiles, storeFiles.keys(shard), data));

  return {
    docs: ordered,
    count: ordered.length,
    regions,
    version: version.name(),
    chunkSize,
    keyShards: keys.shards.length,
    keys: keys.distinct,
    files,
    records,
    keyFiles,
    timings: { records: recordsDone - started, keys: performance.now() - recordsDone },
  };
}

const stores = new WeakMap<Registry, RecordStore>();

/** The registry's store, made on first use (the search and verify writers share it). */
export function recordStoreOf(registry: Registry): RecordStore {
  let store = stores.get(registry);
  if (!store) {
    store = buildRecordStore(searchDocsFromRegistry(registry), regionLookupOf(registry));
    stores.set(registry, store);
  }
  return store;
}

/**
 * Queues the store's files for `writer` under `searchDir`/store/<version>/, unless the folder
 * is there already (it is named by its content, and renamed into place only once complete,
 * so one that exists holds exactly these files). The files' bytes are handed to the writer's
 * thread, not copied (52 MB at national scale): the store keeps no files after. Returns what to
 * call once the writer has finished (the rename), or undefined when there was nothing to do.
 */
export function queueRecordStore(store: RecordStore, searchDir: string, writer: BackgroundWriter): (() => void) | undefined {
  const dir = join(searchDir, STORE_DIR, store.version);
  if (existsSync(dir)) return undefined;
  if (store.files.size === 0 && store.count > 0) throw new Error(`the channel store was written elsewhere already: its files are gone (writing it to ${dir})`);
  const staging = join(searchDir, STORE_DIR, `.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  for (const [path, data] of store.files) writer.write(join(staging, path), data, true);
  (store.files as Map<string, Uint8Array>).clear();
  return () => renameSync(staging, dir);
}

/** Writes the store under `searchDir` unless it is there; returns the files and bytes written. */
export async function writeRecordStore(store: RecordStore, searchDir: string): Promise<{ files: number; bytes: number }> {
  const writer = new BackgroundWriter();
  const commit = queueRecordStore(store, searchDir, writer);
  await writer.finish();
  commit?.();
  return { files: writer.files, bytes: writer.bytes };
}

/** The store as a manifest names it; `searchDir` is the search folder seen from the manifest's. */
export function storeInfo(store: RecordStore, searchDir: string): StoreInfo {
  return { path: `${searchDir}${STORE_DIR}/${store.version}/`, count: store.count, chunkSize: store.chunkSize, keyShards: store.keyShards };
}
