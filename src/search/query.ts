/**
 * Answering a query from the static index: the same code runs in the browser client, the
 * tests and the benchmark, each giving it their own way to get files (an IndexSource).
 *
 * A query becomes terms that must all match; a term is one or more alternatives, each a set
 * of tokens that must all be present (a Latin word may be an English word, pinyin initials,
 * or full pinyin). Only the shards of the query's tokens are fetched, then, block by block in
 * rank order, only the blocks of common tokens that can still contribute, stopping once there
 * are enough results to show. Places whose own names match every term come first; a query that
 * could be a handle is also looked up whole among the verify keys, and a channel with that
 * handle comes before any other.
 */
import { decodeBlockInto, emptyBits, idsOf, readShard, runsIntoBits, type BlockBits, type TokenPostings } from './codec.ts';
import { ByteReader } from '../format/bytes.ts';
import { keyCheck, readKeyShard, shardOfKey } from '../store/keys.ts';
import { handleKeyOf } from '../store/normalise.ts';
import { blockPath, placesPath, shardPath, type SearchLang, type SearchManifest } from './layout.ts';
import { decodePlaceFile, type PlaceRecord } from './places.ts';
import { decodeRecordFile, keyFileOf, recordFileOf, type ChannelRecord } from '../store/records.ts';
import {
  chars,
  compact,
  coveringBigrams,
  exactToken,
  foldText,
  initialsToken,
  MAX_INITIALS,
  prefixToken,
  runsOf,
  segmentPinyin,
  shardOf,
  STOPWORDS,
  tokenCheck,
  wordToken,
} from './text.ts';

/** Candidates gathered before ranking, when a query matches more than that. */
const CANDIDATE_POOL = 60;
/** Places shown above the channels, at most. */
export const MAX_PLACES = 3;

export interface Term {
  /** Any one of these token sets, all of whose tokens are present, satisfies the term. */
  readonly alternatives: readonly (readonly string[])[];
}

export interface QueryPlan {
  /** The query folded and compacted, as names are for exact matching. */
  readonly text: string;
  readonly terms: readonly Term[];
  /** Channels named exactly this rank first. */
  readonly exact?: string;
  /** Then channels whose name starts like the query. */
  readonly prefix?: string;
  /** Every token to look up. */
  readonly tokens: readonly string[];
  /** The verify key of the query as a whole handle ("h:rcga110"), when it can be one. */
  readonly handle?: string;
}

export interface QueryContext {
  readonly toSimplified: (ch: string) => string;
  readonly syllables: ReadonlySet<string>;
}

export function queryContext(manifest: Pick<SearchManifest, 't2s' | 'syllables'>): QueryContext {
  const map = new Map<string, string>();
  const pairs = chars(manifest.t2s);
  for (let i = 0; i + 1 < pairs.length; i += 2) map.set(pairs[i]!, pairs[i + 1]!);
  return { toSimplified: (ch) => map.get(ch) ?? ch, syllables: new Set(manifest.syllables.split(' ')) };
}

export function planQuery(query: string, context: QueryContext): QueryPlan {
  const folded = foldText(query, context.toSimplified);
  const runs = runsOf(folded);
  const terms: Term[] = [];
  for (const run of runs) {
    if (run.kind === 'han') {
      const units = chars(run.text);
      if (units.length === 1) terms.push({ alternatives: [[run.text]] });
      else for (const bigram of coveringBigrams(units)) terms.push({ alternatives: [[bigram]] });
      continue;
    }
    const word = run.text;
    if (STOPWORDS.has(word)) continue;
    const alternatives: string[][] = [[wordToken(word)]];
    if (/^[a-z]+$/.test(word) && word.length >= 2) {
      // Initials are indexed up to MAX_INITIALS letters; a longer word is pinyin or English.
      if (word.length <= MAX_INITIALS) alternatives.push([initialsToken(word)]);
      for (const syllables of segmentPinyin(word, context.syllables)) {
        alternatives.push(coveringBigrams(syllables, ' ').map((pair) => `p:${pair}`));
      }
    }
    terms.push({ alternatives });
  }
  const text = compact(folded);
  const first = runs[0];
  const ranked = first?.kind === 'han' && chars(first.text).length >= 2;
  const exact = ranked ? exactToken(text) : undefined;
  const prefix = ranked ? prefixToken(text) : undefined;
  const tokens = new Set<string>();
  for (const term of terms) for (const alt of term.alternatives) for (const t of alt) tokens.add(t);
  if (exact) tokens.add(exact);
  if (prefix) tokens.add(prefix);
  return { text, terms, exact, prefix, tokens: [...tokens], handle: handleKeyOf(query) };
}

/** How the engine gets index files; implementations should cache (fileSource does). */
export interface IndexSource {
  shard(n: number): Promise<Uint8Array>;
  block(fileId: number, block: number): Promise<Uint8Array>;
  records(chunk: number): Promise<ChannelRecord[]>;
  places(chunk: number): Promise<PlaceRecord[]>;
  keys(shard: number): Promise<Uint8Array>;
}

/**
 * An IndexSource over a function that reads a file by its path relative to the manifest's
 * folder, with caching (records decoded once per file).
 */
export function fileSource(manifest: SearchManifest, read: (path: string) => Promise<Uint8Array>): IndexSource {
  const cache = new Map<string, Promise<unknown>>();
  const get = <T>(path: string, decode: (bytes: Uint8Array) => T): Promise<T> => {
    let p = cache.get(path) as Promise<T> | undefined;
    if (!p) {
      p = read(path).then(decode);
      cache.set(path, p);
      p.catch(() => cache.delete(path)); // a failed fetch may be retried
    }
    return p;
  };
  const raw = (bytes: Uint8Array) => bytes;
  return {
    shard: (n) => get(shardPath(manifest.version, n), raw),
    block: (fileId, block) => get(blockPath(manifest.version, fileId, block), raw),
    records: (chunk) => get(recordFileOf(manifest.store, chunk * manifest.store.chunkSize), decodeRecordFile),
    places: (chunk) => get(placesPath(manifest.version, chunk), decodePlaceFile),
    keys: (shard) => get(keyFileOf(manifest.store, shard), raw),
  };
}

/** How well a shown result matches: 0 exact name … 4 only all terms somewhere. */
export type MatchQuality = 0 | 1 | 2 | 3 | 4;

export interface SearchHit {
  /** Record number (its rank order). */
  readonly id: number;
  readonly record: ChannelRecord;
  readonly quality: MatchQuality;
}

export interface PlaceHit {
  /** Place number. */
  readonly id: number;
  readonly place: PlaceRecord;
}

export interface SearchResult {
  /** Places whose names match (first page only). */
  readonly places: readonly PlaceHit[];
  readonly hits: readonly SearchHit[];
  /** Channels found; a lower bound when `complete` is false. */
  readonly total: number;
  /** False when the search stopped early because it had plenty to show. */
  readonly complete: boolean;
}

export interface SearchOptions {
  readonly lang: SearchLang;
  readonly limit: number;
  readonly offset?: number;
}

export class SearchIndex {
  readonly manifest: SearchManifest;
  readonly context: QueryContext;
  private readonly source: IndexSource;

  constructor(manifest: SearchManifest, source: IndexSource) {
    this.manifest = manifest;
    this.source = source;
    this.context = queryContext(manifest);
  }

  plan(query: string): QueryPlan {
    return planQuery(query, this.context);
  }

  async search(query: string | QueryPlan, options: SearchOptions): Promise<SearchResult> {
    const plan = typeof query === 'string' ? this.plan(query) : query;
    const offset = options.offset ?? 0;
    if (plan.terms.length === 0 && !plan.handle) return { places: [], hits: [], total: 0, complete: true };
    const handleIds = plan.handle ? this.findHandle(plan.handle) : Promise.resolve([]);
    const postings = await this.lookup(plan.tokens);
    const want = Math.max(offset + options.limit, CANDIDATE_POOL);
    const places = offset === 0 ? this.placesFetch(plan.terms, postings) : Promise.resolve([]);

    const blockSize = this.manifest.blockSize;
    const blockCount = plan.terms.length ? Math.ceil(this.manifest.store.count / blockSize) : 0;
    const matches: number[] = [];
    let evaluated = 0;
    for (let block = 0; block < blockCount && matches.length < want; block++) {
      const bits = await this.evaluateBlock(plan.terms, postings, block);
      if (bits) matches.push(...idsOf(bits, block * blockSize));
      evaluated = block + 1;
      // The first block was not enough: fetch what the rest need all at once, so the rest
      // cost one round trip, not one each.
      if (block === 0 && matches.length < want) {
        for (let later = 1; later < blockCount; later++) void this.evaluateBlock(plan.terms, postings, later, true).catch(() => undefined);
      }
    }
    const complete = evaluated >= blockCount;

    // The channel with that handle first, then exact names (whatever block they are in),
    // then names starting like the query.
    const exact = await this.idsBelow(postings.get(plan.exact ?? ''), Infinity, evaluated);
    const prefix = new Set(await this.idsBelow(postings.get(plan.prefix ?? ''), evaluated * blockSize, evaluated));
    const seen = new Set<number>();
    const ordered: number[] = [];
    const take = (id: number) => {
      if (seen.has(id)) return;
      seen.add(id);
      ordered.push(id);
    };
    (await handleIds).forEach(take);
    exact.forEach(take);
    for (const id of matches) if (prefix.has(id)) take(id);
    matches.forEach(take);

    const page = ordered.slice(offset, offset + options.limit);
    const records = await this.records(page);
    const hits = page
      .map((id, i) => ({ id, record: records[i]!, quality: this.quality(records[i]!, plan.text), i }))
      .sort((a, b) => a.quality - b.quality || a.i - b.i)
      .map(({ id, record, quality }) => ({ id, record, quality }));
    return { places: await places, hits, total: ordered.length, complete };
  }

  /** Ranking within a page, from the text itself (the tokens only approximate it). */
  private quality(record: ChannelRecord, text: string): MatchQuality {
    const fold = (s: string) => compact(foldText(s, this.context.toSimplified));
    let best: MatchQuality = 4;
    for (const name of [record.name.zh, record.name.en]) {
      const n = fold(name);
      const q: MatchQuality = n === text ? 0 : n.startsWith(text) ? 1 : n.includes(text) ? 2 : 4;
      if (q < best) best = q;
    }
    if (best === 4 && (fold(record.agency.zh).includes(text) || fold(record.agency.en).includes(text))) best = 3;
    return best;
  }

  /** Records whose handle is the key. */
  private async findHandle(key: string): Promise<number[]> {
    const check = keyCheck(key);
    const shard = await this.source.keys(shardOfKey(key, this.manifest.store.keyShards));
    return (readKeyShard(shard, new Set([check])).get(check) ?? []).sort((a, b) => a - b);
  }

  private async lookup(tokens: readonly string[]): Promise<Map<string, TokenPostings>> {
    const byShard = new Map<number, string[]>();
    for (const t of tokens) {
      const n = shardOf(t, this.manifest.shards);
      const list = byShard.get(n);
      if (list) list.push(t);
      else byShard.set(n, [t]);
    }
    const found = new Map<string, TokenPostings>();
    await Promise.all(
      [...byShard].map(async ([n, list]) => {
        const entries = readShard(await this.source.shard(n), new Set(list.map(tokenCheck)), Math.log2(this.manifest.blockSize));
        for (const t of list) {
          const p = entries.get(tokenCheck(t));
          if (p) found.set(t, p);
        }
      }),
    );
    return found;
  }

  /** Places matching every term, in place order, at most MAX_PLACES of them. */
  private async placesFetch(terms: readonly Term[], postings: ReadonlyMap<string, TokenPostings>): Promise<PlaceHit[]> {
    let acc: Set<number> | undefined;
    for (const term of terms) {
      const union = new Set<number>();
      for (const alt of term.alternatives) {
        let inAll: number[] | undefined;
        for (const t of alt) {
          const list = postings.get(t)?.places ?? [];
          inAll = inAll ? inAll.filter((p) => list.includes(p)) : [...list];
        }
        for (const p of inAll ?? []) union.add(p);
      }
      acc = acc ? new Set([...acc].filter((p) => union.has(p))) : union;
      if (acc.size === 0) return [];
    }
    const ids = [...(acc ?? [])].sort((a, b) => a - b).slice(0, MAX_PLACES);
    const size = this.manifest.places.chunkSize;
    return Promise.all(ids.map(async (id) => ({ id, place: (await this.source.places(Math.floor(id / size)))[id % size]! })));
  }

  /**
   * The ids of one block matching every term, or undefined when none can. Terms whose tokens
   * are all inline are applied first, so common tokens' blocks are fetched only where the
   * rarer terms leave something.
   */
  private async evaluateBlock(terms: readonly Term[], postings: ReadonlyMap<string, TokenPostings>, block: number, fetchOnly = false): Promise<BlockBits | undefined> {
    const live = terms.map((term) => term.alternatives.filter((alt) => alt.every((t) => postings.get(t)?.blocks.has(block))));
    if (live.some((alts) => alts.length === 0)) return undefined;
    const isInline = (alts: readonly (readonly string[])[]) => alts.every((alt) => alt.every((t) => postings.get(t)!.kind === 'inline'));
    const termBits = async (alts: readonly (readonly string[])[]) => {
      const bits = emptyBits();
      for (const alt of await Promise.all(alts.map((alt) => this.alternativeBits(alt, postings, block)))) or(bits, alt);
      return bits;
    };
    let acc: BlockBits | undefined;
    for (const alts of live.filter(isInline)) {
      const bits = await termBits(alts);
      if (acc) and(acc, bits);
      else acc = bits;
      if (isEmpty(acc)) return undefined;
    }
    // The rest need fetches: all at once, so a block costs one round trip.
    const fetching = live.filter((alts) => !isInline(alts));
    if (fetchOnly) {
      for (const alts of fetching) for (const alt of alts) for (const t of alt) this.prefetch(postings.get(t)!, block);
      return undefined;
    }
    for (const bits of await Promise.all(fetching.map(termBits))) {
      if (acc) and(acc, bits);
      else acc = bits;
    }
    return acc && !isEmpty(acc) ? acc : undefined;
  }

  private async alternativeBits(tokens: readonly string[], postings: ReadonlyMap<string, TokenPostings>, block: number): Promise<BlockBits> {
    const all = await Promise.all(tokens.map((t) => this.tokenBits(postings.get(t)!, block)));
    const acc = all[0]!;
    for (let i = 1; i < all.length; i++) and(acc, all[i]!);
    return acc;
  }

  private async tokenBits(p: TokenPostings, block: number): Promise<BlockBits> {
    const bits = emptyBits();
    if (!p.blocks.has(block)) return bits;
    if (p.kind === 'inline') runsIntoBits(p.runs, block, bits, Math.log2(this.manifest.blockSize));
    else decodeBlockInto(new ByteReader(await this.source.block(p.fileId, block)), bits);
    return bits;
  }

  private prefetch(p: TokenPostings, block: number): void {
    if (p.kind === 'external' && p.blocks.has(block)) void this.source.block(p.fileId, block).catch(() => undefined);
  }

  /** A token's ids below `limit` when inline, else in the blocks evaluated. */
  private async idsBelow(p: TokenPostings | undefined, limit: number, evaluated: number): Promise<number[]> {
    if (!p) return [];
    const ids: number[] = [];
    if (p.kind === 'inline') {
      for (let i = 0; i < p.runs.length; i += 2) for (let id = p.runs[i]!; id < p.runs[i + 1]! && id < limit; id++) ids.push(id);
      return ids;
    }
    for (const block of [...p.blocks].sort((a, b) => a - b)) {
      if (block >= evaluated) continue;
      ids.push(...idsOf(await this.tokenBits(p, block), block * this.manifest.blockSize));
    }
    return ids;
  }

  private async records(ids: readonly number[]): Promise<ChannelRecord[]> {
    const size = this.manifest.store.chunkSize;
    const chunks = [...new Set(ids.map((id) => Math.floor(id / size)))];
    const loaded = new Map(await Promise.all(chunks.map(async (c) => [c, await this.source.records(c)] as const)));
    return ids.map((id) => loaded.get(Math.floor(id / size))![id % size]!);
  }
}

function or(into: BlockBits, bits: BlockBits): void {
  for (let i = 0; i < into.length; i++) into[i]! |= bits[i]!;
}

function and(into: BlockBits, bits: BlockBits): void {
  for (let i = 0; i < into.length; i++) into[i]! &= bits[i]!;
}

function isEmpty(bits: BlockBits): boolean {
  for (let i = 0; i < bits.length; i++) if (bits[i] !== 0) return false;
  return true;
}
