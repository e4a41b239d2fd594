/**
 * Builds the static search index from the channels (see codec.ts for the layout).
 *
 * Record ids are assigned in the order results should come in when a query matches more than
 * a page: live channels before closed ones, higher-level bodies before lower ones, then by
 * place. Within each of those tiers the channels of one region have consecutive ids, so a
 * region's name is indexed as a few id ranges, not as a list of every channel under it.
 */
import { createHash } from 'node:crypto';
import { PLATFORM_LABELS } from '../domain/vocabulary.ts';
import { BLOCK_BITS, BLOCK_SIZE, ByteWriter, encodeBlock, encodeShard, type ShardEntry } from './codec.ts';
import { blockPath, encodeRecordChunk, MANIFEST_FORMAT, recordsPath, shardPath, type DisplayRecord, type SearchLang, type SearchManifest } from './layout.ts';
import type { RegionLookup, SearchDoc } from './search-docs.ts';
import { shardOf } from './text.ts';
import { compactCharMap, Tokenizer } from './tokenize.ts';

export interface BuildOptions {
  /** Channel page path in each language, `{id}` standing for the id (default /channels/{id}/, /en/channels/{id}/). */
  readonly page?: Readonly<Record<SearchLang, string>>;
  /** Tokens whose blocks take more bytes than this get files of their own. */
  readonly inlineLimit?: number;
  /** Average shard size aimed for; sets the number of shards. */
  readonly shardTarget?: number;
  readonly chunkSize?: number;
  readonly tokenizer?: Tokenizer;
  /**
   * Receives each file as it is made, instead of keeping them all in `files` (a national
   * index is over 100 MB). Paths are relative to the version folder, which is named only
   * once everything is made.
   */
  readonly emit?: (path: string, data: Uint8Array) => void;
}

export interface IndexStats {
  readonly records: number;
  readonly tokens: number;
  readonly externalTokens: number;
  readonly shards: number;
  readonly largestShard: number;
  readonly largestFile: number;
}

export interface BuiltIndex {
  readonly manifest: SearchManifest;
  /** File contents by path relative to the version folder (empty when given `emit`). */
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly stats: IndexStats;
}

const HIGH_LEVELS = new Set(['central', 'provincial', 'prefectural']);

/** 0 = live and high-level … 3 = closed and local. */
function tierOf(doc: SearchDoc): number {
  return (doc.status === 'active' ? 0 : 2) + (HIGH_LEVELS.has(doc.level) ? 0 : 1);
}

type Lineage = ReturnType<RegionLookup['lineage']>;

function placeLabels(lineage: Lineage): { zh: string; en: string } {
  const below = lineage.filter((r) => r.code !== '100000');
  if (below.length === 0) return { zh: '中央', en: 'Central government' };
  return { zh: below.map((r) => r.name).join(''), en: below.map((r) => r.nameEn).reverse().join(', ') };
}

const utf8 = new TextEncoder();

export function buildSearchIndex(docs: readonly SearchDoc[], regions: RegionLookup, options: BuildOptions = {}): BuiltIndex {
  const tokenizer = options.tokenizer ?? new Tokenizer();
  const inlineLimit = options.inlineLimit ?? 1024;
  const shardTarget = options.shardTarget ?? 8192;
  const chunkSize = options.chunkSize ?? 32;

  // Order the records.
  const lineages = new Map<string, Lineage>();
  const lineageOf = (code: string): Lineage => {
    let l = lineages.get(code);
    if (!l) lineages.set(code, (l = regions.lineage(code)));
    return l;
  };
  const keyed = docs.map((doc) => ({
    doc,
    key: `${tierOf(doc)}|${lineageOf(doc.region).map((r) => r.code).join('/')}|${doc.name}|${doc.id}`,
  }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const ordered = keyed.map((k) => k.doc);

  // Postings of the channels' own fields. At national scale there are tens of millions, so
  // they go into flat typed arrays: (token) per posting in record order, then bucketed by token.
  const tokenIds = new Map<string, number>();
  const tokens: string[] = [];
  const lastSeen: number[] = [];
  const intern = (token: string): number => {
    let t = tokenIds.get(token);
    if (t === undefined) {
      t = tokens.length;
      tokenIds.set(token, t);
      tokens.push(token);
      lastSeen.push(-1);
    }
    return t;
  };
  const postingTokens = new IntList();
  const recordStarts = new Int32Array(ordered.length + 1);
  const post = (list: readonly string[], id: number) => {
    for (const token of list) {
      const t = intern(token);
      if (lastSeen[t] === id) continue;
      lastSeen[t] = id;
      postingTokens.push(t);
    }
  };
  ordered.forEach((doc, id) => {
    post(tokenizer.chineseTokens(doc.name, { isName: true }), id);
    post(tokenizer.chineseTokens(doc.agency), id);
    if (doc.handle) post(tokenizer.wordTokens(doc.handle), id);
    if (doc.nameEn) post(tokenizer.wordTokens(doc.nameEn), id);
    if (doc.agencyEn) post(tokenizer.wordTokens(doc.agencyEn), id);
    recordStarts[id + 1] = postingTokens.length;
  });
  const ids = postingsByToken(postingTokens.view(), recordStarts, tokens.length);

  // Each region's channels as id ranges, then the region's name tokens pointing at them.
  const regionRuns = new Map<string, { region: Lineage[number]; runs: number[] }>();
  ordered.forEach((doc, id) => {
    for (const region of lineageOf(doc.region)) {
      if (region.code === '100000') continue; // "全国" would match everything
      let entry = regionRuns.get(region.code);
      if (!entry) regionRuns.set(region.code, (entry = { region, runs: [] }));
      const runs = entry.runs;
      if (runs.length > 0 && runs[runs.length - 1] === id) runs[runs.length - 1] = id + 1;
      else runs.push(id, id + 1);
    }
  });
  const ranges: (number[] | undefined)[] = [];
  for (const { region, runs } of regionRuns.values()) {
    const regionTokens = new Set([...tokenizer.chineseTokens(region.name), ...tokenizer.wordTokens(region.nameEn)]);
    for (const token of regionTokens) {
      const t = intern(token);
      (ranges[t] ??= []).push(...runs);
    }
  }

  const files = new Map<string, Uint8Array>();
  const hash = createHash('sha256');
  let largestFile = 0;
  const put = (path: string, data: Uint8Array) => {
    hash.update(path);
    hash.update(data);
    largestFile = Math.max(largestFile, data.length);
    if (options.emit) options.emit(path, data);
    else files.set(path, data);
  };

  // Encode every token; big ones go to files of their own.
  const scratch = new ByteWriter();
  const entries: { entry: ShardEntry; size: number }[] = [];
  let nextFileId = 0;
  for (let t = 0; t < tokens.length; t++) {
    const runs = mergeRuns(ids.of(t), ranges[t]);
    const blocks = splitIntoBlocks(runs);
    // Encoded as inline segments (varint block, body)* in one reused buffer; a big token's
    // bodies are then cut out of it into files.
    scratch.reset();
    const bodies = blocks.map(({ block, runs: blockRuns }) => {
      scratch.varint(block);
      const start = scratch.length;
      encodeBlock(blockRuns, scratch);
      return { block, start, end: scratch.length };
    });
    const count = countOf(runs);
    const size = scratch.length;
    const token = tokens[t]!;
    if (size <= inlineLimit) {
      const entry: ShardEntry = { token, count, inline: { segments: bodies.length, bytes: scratch.result() } };
      entries.push({ entry, size: size + token.length * 3 + 4 });
    } else {
      const fileId = nextFileId++;
      const all = scratch.result();
      for (const { block, start, end } of bodies) put(blockPath(fileId, block), all.slice(start, end));
      entries.push({ entry: { token, count, external: { fileId, blocks: bodies.map((b) => b.block) } }, size: token.length * 3 + 8 });
    }
  }
  const totalShardBytes = entries.reduce((n, e) => n + e.size, 0);
  let shardCount = 1;
  while (totalShardBytes / shardCount > shardTarget) shardCount *= 2;
  const shards: ShardEntry[][] = Array.from({ length: shardCount }, () => []);
  for (const { entry } of entries) shards[shardOf(entry.token, shardCount)]!.push(entry);
  let largestShard = 0;
  shards.forEach((list, n) => {
    list.sort((a, b) => (a.token < b.token ? -1 : 1));
    const bytes = encodeShard(list);
    largestShard = Math.max(largestShard, bytes.length);
    put(shardPath(n), bytes);
  });

  // Display records, both languages in one file.
  for (let start = 0; start < ordered.length; start += chunkSize) {
    const records = ordered.slice(start, start + chunkSize).map((doc) => displayRecord(doc, placeLabels(lineageOf(doc.region))));
    put(recordsPath(start / chunkSize), utf8.encode(JSON.stringify(encodeRecordChunk(records))));
  }

  const base = {
    format: MANIFEST_FORMAT,
    records: ordered.length,
    blockSize: BLOCK_SIZE,
    shards: shardCount,
    chunkSize,
    page: options.page ?? { zh: '/channels/{id}/', en: '/en/channels/{id}/' },
    t2s: compactCharMap(tokenizer.charMapEntries(), tokenizer.indexedChars),
    syllables: [...tokenizer.syllables].sort().join(' '),
  };
  hash.update(JSON.stringify(base));
  const manifest: SearchManifest = { ...base, version: hash.digest('hex').slice(0, 12) };
  return {
    manifest,
    files,
    stats: {
      records: ordered.length,
      tokens: tokens.length,
      externalTokens: nextFileId,
      shards: shardCount,
      largestShard,
      largestFile,
    },
  };
}

function displayRecord(doc: SearchDoc, place: { zh: string; en: string }): DisplayRecord {
  const platform = PLATFORM_LABELS[doc.platform];
  return {
    id: doc.id,
    status: doc.status,
    zh: [doc.name, doc.agency, place.zh, platform.zh],
    en: [doc.nameEn ?? doc.name, doc.agencyEn ?? doc.agency, place.en, platform.en],
    destinations: doc.destinations.map((d) => ({ target: d.target, zh: d.label.zh, en: d.label.en })),
  };
}

/** A growable list of 32-bit integers. */
class IntList {
  private buf = new Int32Array(1 << 16);
  length = 0;

  push(n: number): void {
    if (this.length === this.buf.length) {
      const next = new Int32Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = n;
  }

  view(): Int32Array {
    return this.buf.subarray(0, this.length);
  }
}

/** Each token's record ids, ascending, from the tokens of each record (a counting sort). */
function postingsByToken(postingTokens: Int32Array, recordStarts: Int32Array, tokenCount: number): { of(t: number): Int32Array } {
  const starts = new Int32Array(tokenCount + 1);
  for (let i = 0; i < postingTokens.length; i++) starts[postingTokens[i]! + 1]!++;
  for (let t = 0; t < tokenCount; t++) starts[t + 1]! += starts[t]!;
  const fill = starts.slice(0, tokenCount);
  const ids = new Int32Array(postingTokens.length);
  for (let id = 0; id + 1 < recordStarts.length; id++) {
    for (let i = recordStarts[id]!; i < recordStarts[id + 1]!; i++) ids[fill[postingTokens[i]!]!++] = id;
  }
  // Tokens interned later (region names only) have no postings of their own.
  const none = new Int32Array(0);
  return { of: (t) => (t < tokenCount ? ids.subarray(starts[t]!, starts[t + 1]!) : none) };
}

/** Sorted ids and unsorted ranges → sorted, merged half-open runs. */
export function mergeRuns(ids: ArrayLike<number>, extra: readonly number[] | undefined): number[] {
  const pairs: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (pairs.length > 0 && pairs[pairs.length - 1] === id) pairs[pairs.length - 1] = id + 1;
    else pairs.push(id, id + 1);
  }
  if (!extra || extra.length === 0) return pairs;
  const all: [number, number][] = [];
  for (let i = 0; i < pairs.length; i += 2) all.push([pairs[i]!, pairs[i + 1]!]);
  for (let i = 0; i < extra.length; i += 2) all.push([extra[i]!, extra[i + 1]!]);
  all.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [start, end] of all) {
    if (out.length > 0 && start <= out[out.length - 1]!) out[out.length - 1] = Math.max(out[out.length - 1]!, end);
    else out.push(start, end);
  }
  return out;
}

function countOf(runs: readonly number[]): number {
  let n = 0;
  for (let i = 0; i < runs.length; i += 2) n += runs[i + 1]! - runs[i]!;
  return n;
}

/** Runs cut at block boundaries, each block's runs relative to its start. */
function splitIntoBlocks(runs: readonly number[]): { block: number; runs: number[] }[] {
  const out: { block: number; runs: number[] }[] = [];
  for (let i = 0; i < runs.length; i += 2) {
    let start = runs[i]!;
    const end = runs[i + 1]!;
    while (start < end) {
      const block = start >> BLOCK_BITS;
      const blockEnd = Math.min(end, (block + 1) * BLOCK_SIZE);
      let current = out[out.length - 1];
      if (!current || current.block !== block) out.push((current = { block, runs: [] }));
      current.runs.push(start - block * BLOCK_SIZE, blockEnd - block * BLOCK_SIZE);
      start = blockEnd;
    }
  }
  return out;
}
