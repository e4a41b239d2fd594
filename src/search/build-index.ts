/**
 * Builds the static search index (codec.ts has the term layout, places.ts the places) over a
 * record store (record-store.ts): record numbers are ranks, so the index only says which
 * numbers a token is in.
 *
 * National scale shapes it: half a million channels make about 1.4 million distinct tokens and
 * 28 million postings, so tokens are stored as hashes, postings sit in flat typed arrays, each
 * distinct text is tokenized once, and every shard is written as soon as it is complete.
 */
import { createHash } from 'node:crypto';
import { kindOfCode } from '../domain/regions.ts';
import { BLOCK_BITS, BLOCK_SIZE, ByteWriter, encodeBlock, inlineSizes, varintLength, writeExternalEntry, writeInlineEntry } from './codec.ts';
import { indexFiles, MANIFEST_FORMAT, type SearchLang, type SearchManifest } from './layout.ts';
import { linkPatterns } from './links.ts';
import { DEFAULT_PLACE_CHUNK, encodePlaceFile, type PlaceRecord } from './places.ts';
import { placeLabels, regionCache, storeInfo, type RecordStore } from './record-store.ts';
import type { LinkPatterns } from './records.ts';
import type { RegionInfo } from './search-docs.ts';
import { chars, shardOf, tokenCheck } from './text.ts';
import { compactCharMap, TokenInterner, Tokenizer, type TokenSink } from './tokenize.ts';

export interface BuildOptions {
  /** Result links in each language (default: the site's routes at base "/"). */
  readonly links?: Readonly<Record<SearchLang, LinkPatterns>>;
  /** Tokens whose ids take more bytes than this get block files of their own. */
  readonly inlineLimit?: number;
  /** Average shard size aimed for, in bytes; sets the number of shards. */
  readonly shardTarget?: number;
  /** Places per place file. */
  readonly placeChunk?: number;
  readonly tokenizer?: Tokenizer;
  /**
   * Receives each file as it is made (path relative to the version folder), instead of keeping
   * them all in `files`. The version is a hash of everything made, so the caller writes into a
   * staging folder and renames it at the end.
   */
  readonly emit?: (path: string, data: Uint8Array) => void;
}

export interface IndexStats {
  readonly records: number;
  readonly places: number;
  readonly tokens: number;
  readonly postings: number;
  readonly externalTokens: number;
  readonly shards: number;
  readonly largestShard: number;
  readonly largestFile: number;
  /** Files and bytes of each kind of file. */
  readonly kinds: Readonly<Record<'shards' | 'blocks' | 'places', { files: number; bytes: number }>>;
  /** Tokens of each class and the bytes of their entries and blocks. */
  readonly classes: Readonly<Record<TokenClass, { tokens: number; bytes: number }>>;
  /** Milliseconds of each phase (tokenize, postings, regions, order, shards, places). */
  readonly timings: Readonly<Record<string, number>>;
}

export const TOKEN_CLASSES = ['unigram', 'bigram', 'pinyin', 'initials', 'word', 'exact', 'prefix'] as const;
export type TokenClass = (typeof TOKEN_CLASSES)[number];

/** The class of a token, from its prefix (text.ts). */
export function classOf(token: string): TokenClass {
  if (token.startsWith('p:')) return 'pinyin';
  if (token.startsWith('i:')) return 'initials';
  if (token.startsWith('w:')) return 'word';
  if (token[0] === '=') return 'exact';
  if (token[0] === '^') return 'prefix';
  return chars(token).length === 1 ? 'unigram' : 'bigram';
}

export interface BuiltIndex {
  readonly manifest: SearchManifest;
  /** File contents by path relative to the manifest's folder (empty when given `emit`). */
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly stats: IndexStats;
}

const KIND_RANK: Record<string, number> = { province: 0, prefecture: 1, county: 2, township: 3 };

export function buildSearchIndex(store: RecordStore, options: BuildOptions = {}): BuiltIndex {
  const tokenizer = options.tokenizer ?? new Tokenizer();
  const inlineLimit = options.inlineLimit ?? 4096;
  const shardTarget = options.shardTarget ?? 12_000;
  const placeChunk = options.placeChunk ?? DEFAULT_PLACE_CHUNK;
  const docs = store.docs;
  const region = regionCache(store.regions);
  const timings: Record<string, number> = {};
  let phase = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - phase);
    phase = now;
  };

  // Each distinct text is tokenized once (a body's four channels share its name): texts are
  // numbered per kind, a name's tokens differing from the same text's as a body (exact and
  // prefix tokens), and each record refers to its texts by number.
  const texts: string[] = [];
  const textKinds: TextKind[] = [];
  const textIds = { name: new Map<string, number>(), agency: new Map<string, number>(), english: new Map<string, number>() };
  const textOf = (kind: TextKind, text: string | undefined): number => {
    if (!text) return -1;
    const map = textIds[kind];
    let n = map.get(text);
    if (n === undefined) {
      map.set(text, (n = texts.length));
      texts.push(text);
      textKinds.push(kind);
    }
    return n;
  };
  const FIELDS = 4;
  const docTexts = new Int32Array(docs.length * FIELDS);
  docs.forEach((doc, id) => {
    docTexts[id * FIELDS] = textOf('name', doc.name);
    docTexts[id * FIELDS + 1] = textOf('agency', doc.agency);
    docTexts[id * FIELDS + 2] = textOf('english', doc.nameEn);
    docTexts[id * FIELDS + 3] = textOf('english', doc.agencyEn);
  });
  for (const map of Object.values(textIds)) map.clear();

  // Their tokens, interned to numbers, in one flat pool: text n's are pool[offsets[n] + 1 …],
  // pool[offsets[n]] of them (a million small arrays would burden the garbage collector).
  const interner = new TokenInterner();
  const tokens = interner.tokens;
  const { pool, offsets } = tokenizeTexts(texts, textKinds, tokenizer, interner);
  lap('tokenize');

  // Postings: each record's distinct tokens, counted then placed (a counting sort by token).
  const channelTokenCount = tokens.length;
  const starts = new Int32Array(channelTokenCount + 1);
  const lastSeen = new Int32Array(channelTokenCount).fill(-1);
  const eachToken = (id: number, visit: (t: number) => void) => {
    for (let f = 0; f < FIELDS; f++) {
      const text = docTexts[id * FIELDS + f]!;
      if (text < 0) continue;
      const at = offsets[text]!;
      const end = at + 1 + pool.get(at);
      for (let i = at + 1; i < end; i++) {
        const t = pool.get(i);
        if (lastSeen[t] === id) continue;
        lastSeen[t] = id;
        visit(t);
      }
    }
  };
  for (let id = 0; id < docs.length; id++) eachToken(id, (t) => starts[t + 1]!++);
  for (let t = 0; t < channelTokenCount; t++) starts[t + 1]! += starts[t]!;
  const postingCount = starts[channelTokenCount]!;
  const postingIds = new Int32Array(postingCount);
  const fill = starts.slice(0, channelTokenCount);
  lastSeen.fill(-1);
  for (let id = 0; id < docs.length; id++) eachToken(id, (t) => (postingIds[fill[t]!++] = id));
  const none = new Int32Array(0);
  // Tokens interned later (region names only) have no postings of their own.
  const ids = { of: (t: number) => (t < channelTokenCount ? postingIds.subarray(starts[t]!, starts[t + 1]!) : none) };
  lap('postings');

  // Each region's channels as id ranges; the regions themselves become places.
  const regionRuns = new Map<string, { info: RegionInfo; lineage: readonly RegionInfo[]; runs: number[]; channels: number }>();
  for (let id = 0; id < docs.length; id++) {
    const lineage = region(docs[id]!.region).lineage;
    for (let depth = 0; depth < lineage.length; depth++) {
      const info = lineage[depth]!;
      if (info.code === '100000') continue; // "全国" would match everything
      let entry = regionRuns.get(info.code);
      if (!entry) regionRuns.set(info.code, (entry = { info, lineage: lineage.slice(0, depth + 1), runs: [], channels: 0 }));
      entry.channels++;
      const runs = entry.runs;
      if (runs.length > 0 && runs[runs.length - 1] === id) runs[runs.length - 1] = id + 1;
      else runs.push(id, id + 1);
    }
  }
  const placeList = [...regionRuns.values()].sort(
    (a, b) => (KIND_RANK[kindOfCode(a.info.code)] ?? 4) - (KIND_RANK[kindOfCode(b.info.code)] ?? 4) || (a.info.code < b.info.code ? -1 : a.info.code > b.info.code ? 1 : 0),
  );
  // A region's name tokens find its channels (by id range) and the region itself (a place),
  // except single characters: 市 alone should not offer every city.
  const ranges: (number[] | undefined)[] = [];
  const places: (number[] | undefined)[] = [];
  placeList.forEach(({ info, runs }, placeId) => {
    const regionTokens = interner.collect((sink) => {
      tokenizer.chinese(info.name, sink);
      tokenizer.words(info.nameEn, sink);
    });
    for (const t of regionTokens) {
      const r = (ranges[t] ??= []);
      for (const n of runs) r.push(n);
      const token = tokens[t]!;
      if (!(chars(token).length === 1 && token.charCodeAt(0) > 0x7f)) (places[t] ??= []).push(placeId);
    }
  });

  lap('regions');
  const files = new Map<string, Uint8Array>();
  const hash = createHash('sha256');
  let largestFile = 0;
  const kinds = { shards: { files: 0, bytes: 0 }, blocks: { files: 0, bytes: 0 }, places: { files: 0, bytes: 0 } };
  const put = (kind: keyof typeof kinds, path: string, data: Uint8Array) => {
    hash.update(path);
    hash.update(data);
    largestFile = Math.max(largestFile, data.length);
    kinds[kind].files++;
    kinds[kind].bytes += data.length;
    if (options.emit) options.emit(path, data);
    else files.set(path, data);
  };

  // Shards: sized from each token's entry (ids alone are enough to choose their number), and
  // each token's place in them (shard, then check) fixed before any is written.
  const tokenCount = tokens.length;
  const runs: number[] = [];
  let estimate = 0;
  for (let t = 0; t < tokenCount; t++) {
    idRunsInto(ids.of(t), runs);
    const size = inlineSizes(runs);
    const body = Math.min(size.ids, size.runs) + 4 * (ranges[t]?.length ?? 0);
    estimate += body > inlineLimit ? 12 : 5 + varintLength(size.count * 8) + body + 2 * (places[t]?.length ?? 0);
  }
  const shardCount = Math.max(1, Math.round(estimate / shardTarget));
  const shardOfToken = new Int32Array(tokenCount);
  const checks = new Float64Array(tokenCount);
  for (let t = 0; t < tokenCount; t++) {
    shardOfToken[t] = shardOf(tokens[t]!, shardCount);
    checks[t] = tokenCheck(tokens[t]!);
  }
  const order = Int32Array.from({ length: tokenCount }, (_, t) => t).sort((a, b) => shardOfToken[a]! - shardOfToken[b]! || checks[a]! - checks[b]!);

  lap('order');
  const classes = Object.fromEntries(TOKEN_CLASSES.map((c) => [c, { tokens: 0, bytes: 0 }])) as Record<TokenClass, { tokens: number; bytes: number }>;
  const body = new ByteWriter();
  const out = new ByteWriter();
  const scratch = new ByteWriter();
  let nextFileId = 0;
  let largestShard = 0;
  let i = 0;
  for (let shard = 0; shard < shardCount; shard++) {
    body.reset();
    let entries = 0;
    while (i < tokenCount && shardOfToken[order[i]!] === shard) {
      const first = order[i]!;
      const check = checks[first]!;
      let tokenRuns: number[] = ranges[first] ? mergeRuns(ids.of(first), ranges[first]) : idRunsInto(ids.of(first), runs);
      let placeIds = places[first] ?? [];
      i++;
      // Tokens of one shard with the same check are one entry (their ids merged): a query for
      // either finds both, which ranking sorts out. At a few thousand tokens a shard this
      // happens to about one pair in the whole index.
      while (i < tokenCount && shardOfToken[order[i]!] === shard && checks[order[i]!] === check) {
        const other = order[i]!;
        tokenRuns = mergeRuns(ids.of(other), [...(ranges[other] ?? []), ...tokenRuns]);
        placeIds = [...new Set([...placeIds, ...(places[other] ?? [])])].sort((a, b) => a - b);
        i++;
      }
      entries++;
      const tokenClass = classes[classOf(tokens[first]!)];
      const before = body.length;
      tokenClass.tokens++;
      const size = inlineSizes(tokenRuns);
      if (Math.min(size.ids, size.runs) <= inlineLimit) {
        writeInlineEntry(check, tokenRuns, placeIds, body);
      } else {
        const fileId = nextFileId++;
        const blocks = splitIntoBlocks(tokenRuns);
        for (const { block, runs: blockRuns } of blocks) {
          scratch.reset();
          encodeBlock(blockRuns, scratch);
          put('blocks', indexFiles.block(fileId, block), scratch.result());
          tokenClass.bytes += scratch.length;
        }
        writeExternalEntry(check, fileId, blocks.map((b) => b.block), placeIds, body);
      }
      tokenClass.bytes += body.length - before;
    }
    out.reset();
    out.varint(entries);
    out.bytes(body.view());
    const data = out.result();
    largestShard = Math.max(largestShard, data.length);
    put('shards', indexFiles.shard(shard), data);
  }

  lap('shards');
  // The places, in place order.
  const placeRecords: PlaceRecord[] = placeList.map(({ info, lineage, channels }) => {
    const parent = lineage.length > 1 ? placeLabels(lineage.slice(0, -1)) : { zh: '', en: '' };
    return {
      code: info.code,
      page: store.regions.pageOf(info.code),
      name: { zh: info.name, en: info.nameEn },
      parent: parent.zh === '中央' ? { zh: '', en: '' } : parent,
      channels,
    };
  });
  for (let start = 0, chunk = 0; start < placeRecords.length; start += placeChunk, chunk++) {
    put('places', indexFiles.places(chunk), encodePlaceFile(placeRecords.slice(start, start + placeChunk)));
  }

  lap('places');
  const base = {
    format: MANIFEST_FORMAT,
    store: storeInfo(store, ''),
    places: { count: placeRecords.length, chunkSize: placeChunk },
    blockSize: BLOCK_SIZE,
    shards: shardCount,
    links: options.links ?? linkPatterns('/'),
    t2s: compactCharMap(tokenizer.charMapEntries(), tokenizer.indexedChars),
    syllables: [...tokenizer.syllables].sort().join(' '),
  };
  hash.update(JSON.stringify(base));
  const manifest: SearchManifest = { ...base, version: hash.digest('hex').slice(0, 12) };
  const named = new Map<string, Uint8Array>();
  for (const [path, data] of files) named.set(`${manifest.version}/${path}`, data);
  return {
    manifest,
    files: named,
    stats: {
      records: docs.length,
      places: placeRecords.length,
      tokens: tokenCount,
      postings: postingCount,
      externalTokens: nextFileId,
      shards: shardCount,
      largestShard,
      largestFile,
      kinds,
      classes,
      timings,
    },
  };
}

type TextKind = 'name' | 'agency' | 'english';

const NAME_OPTIONS = { isName: true };
// Initials are for names (rcga for 荣成公安) and places (rc for 荣成市, which the region's
// tokens cover); a body's initials would double the initials tokens for little use.
const AGENCY_OPTIONS = { initials: false };

/** Tokenizes each text as its kind into a pool ([count, token…] per text, at offsets[n]). */
function tokenizeTexts(texts: readonly string[], kinds: readonly TextKind[], tokenizer: Tokenizer, interner: TokenInterner): { pool: PagedInts; offsets: Int32Array } {
  const pool = new PagedInts();
  const offsets = new Int32Array(texts.length);
  for (let n = 0; n < texts.length; n++) {
    const text = texts[n]!;
    const kind = kinds[n]!;
    const list = interner.collect((sink) => {
      if (kind === 'english') tokenizer.words(text, sink);
      else tokenizer.chinese(text, sink, kind === 'name' ? NAME_OPTIONS : AGENCY_OPTIONS);
    });
    offsets[n] = pool.length;
    pool.push(list.length);
    for (const t of list) pool.push(t);
  }
  return { pool, offsets };
}

/** A growable list of 32-bit integers in fixed pages (growing never copies). */
class PagedInts {
  private static readonly BITS = 20;
  private readonly pages: Int32Array[] = [];
  length = 0;

  push(n: number): void {
    const page = this.length >>> PagedInts.BITS;
    if (page === this.pages.length) this.pages.push(new Int32Array(1 << PagedInts.BITS));
    this.pages[page]![this.length & ((1 << PagedInts.BITS) - 1)] = n;
    this.length++;
  }

  get(i: number): number {
    return this.pages[i >>> PagedInts.BITS]![i & ((1 << PagedInts.BITS) - 1)]!;
  }
}

/** Ascending ids → half-open runs, into `out` (emptied first). */
function idRunsInto(ids: ArrayLike<number>, out: number[]): number[] {
  out.length = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (out.length > 0 && out[out.length - 1] === id) out[out.length - 1] = id + 1;
    else out.push(id, id + 1);
  }
  return out;
}

/** Sorted ids and unsorted ranges → sorted, merged half-open runs. */
export function mergeRuns(ids: ArrayLike<number>, extra: readonly number[] | undefined): number[] {
  const pairs = idRunsInto(ids, []);
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
