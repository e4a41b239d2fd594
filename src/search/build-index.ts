/**
 * Builds the static search index (codec.ts has the term layout, places.ts the places) over a
 * record store (src/store/record-store.ts): record numbers are ranks, so the index only says which
 * numbers a token is in.
 *
 * National scale shapes it: half a million channels make over half a million distinct tokens
 * and 20 million postings, so tokens are stored as hashes, postings sit in flat typed arrays,
 * each distinct text is tokenized once (search-texts.ts), and files are handed on as soon as
 * they are made.
 */
import { kindOfCode, shortName } from '../domain/regions.ts';
import { PLATFORMS } from '../domain/vocabulary.ts';
import { ContentVersion } from '../format/sha256.ts';
import { BLOCK_BITS, BLOCK_SIZE, encodeBlock, inlineSizes, writeExternalEntry, writeInlineEntry } from './codec.ts';
import { ByteWriter, varintLength } from '../format/bytes.ts';
import { indexFiles, LANGUAGES, MANIFEST_FORMAT, type SearchLang, type SearchManifest } from './layout.ts';
import { Lexicon, placeEntry, type LexiconData } from './lexicon.ts';
import { linkPatterns } from '../store/links.ts';
import { DEFAULT_PLACE_CHUNK, encodePlaceFile, type PlaceRecord } from './places.ts';
import { placeLabels, regionCache, storeInfo, type RecordStore } from '../store/record-store.ts';
import { encodeRecordFile, type LinkPatterns, type RecordInput } from '../store/records.ts';
import type { RegionInfo, SearchDoc } from '../store/search-docs.ts';
import { searchTexts, TEXT_FIELDS, TOKEN_CLASSES, tokenizeTexts, type TokenClass } from './search-texts.ts';
import { Tokenizer } from './tokenize.ts';
import { exactOnToken, platformToken } from './text.ts';

export interface BuildOptions {
  /** Result links in each language (default: the site's routes at base "/"). */
  readonly links?: Readonly<Record<SearchLang, LinkPatterns>>;
  /** Tokens whose ids take more bytes than this get block files of their own. */
  readonly inlineLimit?: number;
  /** Average shard size aimed for, in bytes; sets the number of shards. */
  readonly shardTarget?: number;
  /** Places per place file. */
  readonly placeChunk?: number;
  /** Result lines per file. */
  readonly linesChunk?: number;
  /** English words the lexicon offers to complete a word being typed, at most. */
  readonly englishWords?: number;
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
  readonly kinds: Readonly<Record<'shards' | 'blocks' | 'places' | 'lines', { files: number; bytes: number }>>;
  /** Tokens of each class and the bytes of their entries and blocks. */
  readonly classes: Readonly<Record<TokenClass, { tokens: number; bytes: number }>>;
  /** Milliseconds of each phase (tokenize, postings, regions, order, shards, places). */
  readonly timings: Readonly<Record<string, number>>;
}

export interface BuiltIndex {
  readonly manifest: SearchManifest;
  /** File contents by path relative to the manifest's folder (empty when given `emit`). */
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly stats: IndexStats;
}

const KIND_RANK: Record<string, number> = { province: 0, prefecture: 1, county: 2, township: 3 };
/** Kinds of place the lexicon names (townships would outweigh the rest of the client). */
const LEXICON_KINDS = new Set(['province', 'prefecture', 'county']);
export const DEFAULT_LINES_CHUNK = 32;
const DEFAULT_ENGLISH_WORDS = 600;

export function buildSearchIndex(store: RecordStore, options: BuildOptions = {}): BuiltIndex {
  const inlineLimit = options.inlineLimit ?? 2048;
  const shardTarget = options.shardTarget ?? 6_000;
  const placeChunk = options.placeChunk ?? DEFAULT_PLACE_CHUNK;
  const linesChunk = options.linesChunk ?? DEFAULT_LINES_CHUNK;
  const docs = store.docs;
  const region = regionCache(store.regions);
  const timings: Record<string, number> = {};
  let phase = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - phase);
    phase = now;
  };

  // Each distinct text is tokenized once (search-texts.ts).
  const plan = searchTexts(docs, store.regions);
  const tokenizer = options.tokenizer ?? new Tokenizer();
  // body words are read among the places the data is in, as a query's are among the lexicon's
  const everyPlace = [...plan.regionTexts].map(([code, [zh]]) => placeEntry(plan.list.texts[zh]!, shortName(code, plan.list.texts[zh]!)));
  tokenizer.useWords(new Lexicon({ places: everyPlace.join(' '), english: '' }));
  // every channel is also its platform's (a query of a platform word alone asks for it), and
  // its name on its platform is a token of its own (荣成公安 on Weibo for 荣成公安微博)
  const namedOn = docs.map((d) => {
    const exact = d.name ? tokenizer.exactName(d.name) : undefined;
    return exact && exactOnToken(exact, d.platform);
  });
  const tokenized = tokenizeTexts(plan.list, tokenizer, PLATFORMS.map(platformToken), namedOn);
  const platformOf = new Map(PLATFORMS.map((p, i) => [p, tokenized.extra[i]!]));
  const { offsets, hashes, checks, classes: tokenClasses } = tokenized;
  let pool = tokenized.pool;
  const FIELDS = TEXT_FIELDS;
  const textOf = (id: number, field: number) => plan.docTexts[id * FIELDS + field]!;
  lap('tokenize');

  // Postings: each record's distinct tokens, counted then placed (a counting sort by token).
  const tokenCount = hashes.length;
  const starts = new Int32Array(tokenCount + 1);
  const lastSeen = new Int32Array(tokenCount).fill(-1);
  const eachToken = (id: number, visit: (t: number) => void) => {
    visit(platformOf.get(docs[id]!.platform)!);
    if (tokenized.perChannel[id]! >= 0) visit(tokenized.perChannel[id]!);
    for (let f = 0; f < FIELDS; f++) {
      const text = textOf(id, f);
      if (text < 0) continue;
      const at = offsets[text]!;
      const end = at + 1 + pool[at]!;
      for (let i = at + 1; i < end; i++) {
        const t = pool[i]!;
        if (lastSeen[t] === id) continue;
        lastSeen[t] = id;
        visit(t);
      }
    }
  };
  for (let id = 0; id < docs.length; id++) eachToken(id, (t) => starts[t + 1]!++);
  for (let t = 0; t < tokenCount; t++) starts[t + 1]! += starts[t]!;
  const postingCount = starts[tokenCount]!;
  const postingIds = new Int32Array(postingCount);
  const fill = starts.slice(0, tokenCount);
  lastSeen.fill(-1);
  for (let id = 0; id < docs.length; id++) eachToken(id, (t) => (postingIds[fill[t]!++] = id));
  const ids = { of: (t: number) => postingIds.subarray(starts[t]!, starts[t + 1]!) };
  // the commonest English words, for completing a word being typed (polic → police)
  const english = [...tokenized.words]
    .filter(([, word]) => /^[a-z]{3,}$/.test(word))
    .map(([t, word]) => ({ word, channels: starts[t + 1]! - starts[t]! }))
    .filter((w) => w.channels > 0)
    .sort((a, b) => b.channels - a.channels || (a.word < b.word ? -1 : 1))
    .slice(0, options.englishWords ?? DEFAULT_ENGLISH_WORDS)
    .map((w) => w.word);
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
  const stamp = new Int32Array(tokenCount).fill(-1);
  placeList.forEach(({ info, runs }, placeId) => {
    const regionTokens: number[] = [];
    for (const text of plan.regionTexts.get(info.code) ?? []) {
      if (text < 0) continue;
      for (let i = offsets[text]! + 1; i < offsets[text]! + 1 + pool[offsets[text]!]!; i++) {
        const t = pool[i]!;
        if (stamp[t] === placeId) continue;
        stamp[t] = placeId;
        regionTokens.push(t);
      }
    }
    for (const t of regionTokens) {
      const r = (ranges[t] ??= []);
      for (const n of runs) r.push(n);
      if (TOKEN_CLASSES[tokenClasses[t]!] !== 'unigram') (places[t] ??= []).push(placeId);
    }
  });

  lap('regions');
  // The texts' tokens are all in the postings and ranges now: their pool (80 MB at national
  // scale) is let go before the shards are made.
  pool = tokenized.pool = new Int32Array(0);
  plan.list.texts.length = 0;
  const files = new Map<string, Uint8Array>();
  const version = new ContentVersion();
  let largestFile = 0;
  const kinds = { shards: { files: 0, bytes: 0 }, blocks: { files: 0, bytes: 0 }, places: { files: 0, bytes: 0 }, lines: { files: 0, bytes: 0 } };
  const put = (kind: keyof typeof kinds, path: string, data: Uint8Array) => {
    version.add(path).add(data);
    largestFile = Math.max(largestFile, data.length);
    kinds[kind].files++;
    kinds[kind].bytes += data.length;
    if (options.emit) options.emit(path, data);
    else files.set(path, data);
  };

  // Shards: sized from each token's entry (ids alone are enough to choose their number), and
  // each token's place in them (shard, then check) fixed before any is written.
  const runs: number[] = [];
  let estimate = 0;
  for (let t = 0; t < tokenCount; t++) {
    idRunsInto(ids.of(t), runs);
    const size = inlineSizes(runs);
    const body = Math.min(size.ids, size.runs) + 4 * (ranges[t]?.length ?? 0);
    estimate += body > inlineLimit ? 12 : 5 + varintLength(size.count * 8) + body + 2 * (places[t]?.length ?? 0);
  }
  const shardCount = Math.max(1, Math.round(estimate / shardTarget));
  const shardOfToken = Int32Array.from(hashes, (h) => h % shardCount);
  const order = Int32Array.from({ length: tokenCount }, (_, t) => t).sort((a, b) => shardOfToken[a]! - shardOfToken[b]! || checks[a]! - checks[b]!);

  lap('order');
  const classes = Object.fromEntries(TOKEN_CLASSES.map((c) => [c, { tokens: 0, bytes: 0 }])) as Record<TokenClass, { tokens: number; bytes: number }>;
  const body = new ByteWriter();
  const out = new ByteWriter();
  const scratch = new ByteWriter();
  let nextFileId = 0;
  let written = 0;
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
      // A token of the nation's name, or of a region's that has no channels, finds nothing.
      if (tokenRuns.length === 0 && placeIds.length === 0) continue;
      entries++;
      written++;
      const tokenClass = classes[TOKEN_CLASSES[tokenClasses[first]!]!];
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
        writeExternalEntry(check, fileId, blocks.map((b) => ({ block: b.block, count: countOf(b.runs) })), placeIds, body);
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
    // a province has no place above it worth naming (the nation is every place's)
    const above = lineage.slice(0, -1).filter((r) => r.code !== '100000');
    return {
      code: info.code,
      page: store.regions.pageOf(info.code),
      name: { zh: info.name, en: info.nameEn },
      parent: above.length > 0 ? placeLabels(above) : { zh: '', en: '' },
      channels,
    };
  });
  for (let start = 0, chunk = 0; start < placeRecords.length; start += placeChunk, chunk++) {
    put('places', indexFiles.places(chunk), encodePlaceFile(placeRecords.slice(start, start + placeChunk)));
  }

  lap('places');
  // Result lines: each language's records with only what a result line shows.
  for (const lang of LANGUAGES) {
    for (let start = 0, chunk = 0; start < docs.length; start += linesChunk, chunk++) {
      const lines = docs.slice(start, start + linesChunk).map((d) => resultLine(d, lang));
      put('lines', indexFiles.lines(lang, chunk), encodeRecordFile(lines, (d) => placeIn(region(d.region).place, lang)));
    }
  }
  lap('lines');

  const lexicon: LexiconData = {
    places: placeList
      .filter(({ info }) => LEXICON_KINDS.has(kindOfCode(info.code)))
      .map(({ info }) => placeEntry(info.name, shortName(info.code, info.name)))
      .join(' '),
    english: english.join(' '),
  };
  const base = {
    format: MANIFEST_FORMAT,
    store: storeInfo(store, ''),
    places: { count: placeRecords.length, chunkSize: placeChunk },
    lines: { chunkSize: linesChunk },
    blockSize: BLOCK_SIZE,
    shards: shardCount,
    links: options.links ?? linkPatterns('/'),
    t2s: tokenized.t2s,
    syllables: tokenized.syllables,
    lexicon,
  };
  version.add(JSON.stringify(base));
  const manifest: SearchManifest = { ...base, version: version.name() };
  const named = new Map<string, Uint8Array>();
  for (const [path, data] of files) named.set(`${manifest.version}/${path}`, data);
  return {
    manifest,
    files: named,
    stats: {
      records: docs.length,
      places: placeRecords.length,
      tokens: written,
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

/** A channel as a result line shows it in one language: its texts in that language only (English falls back to Chinese), no addresses. */
function resultLine(d: SearchDoc, lang: SearchLang): RecordInput & Pick<SearchDoc, 'region'> {
  const en = lang === 'en';
  return {
    id: d.id,
    status: d.status,
    platform: d.platform,
    region: d.region,
    // the Chinese name stays: it is what the reader will see on the platform
    name: d.name,
    nameEn: en ? d.nameEn : undefined,
    agency: en ? (d.agencyEn ?? d.agency) : d.agency,
    closed: d.closed,
    announced: d.announced,
    destinations: d.destinations.map((dest) => (dest.kind === 'url' ? dest : { kind: 'channel', id: dest.id, page: dest.page, name: dest.name, nameEn: en ? dest.nameEn : undefined, platform: dest.platform })),
  };
}

function placeIn(place: { zh: string; en: string; page: string }, lang: SearchLang): { zh: string; en: string; page: string } {
  const label = lang === 'en' ? place.en : place.zh;
  return { zh: label, en: label, page: place.page };
}

function countOf(runs: readonly number[]): number {
  let n = 0;
  for (let i = 0; i < runs.length; i += 2) n += runs[i + 1]! - runs[i]!;
  return n;
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
