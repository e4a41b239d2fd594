/**
 * Answering a query from the static index: the same code runs in the browser client, the
 * tests and the benchmark, each giving it their own way to get files (an IndexSource).
 *
 * A query is planned (plan.ts) into terms that must all match, each a small and/or tree of
 * tokens. The files are fetched in at most three waves: the term shards (with the verify key
 * shard of a handle or address typed whole); then, at once, the blocks of common tokens that
 * the channels can still be in (enough blocks, in rank order, to fill the first page several
 * times over, judged from the ids each block holds), and the places; then the result lines.
 * A term no channel matches at all is left out, so one word too many never empties a search.
 *
 * Results are ranked by closeness: a handle or address typed whole, then an exact name, then
 * a name that starts like the query, then a name that holds every word; a platform the query
 * names and the other preferences (a pinyin syllable typed in full, whole initials) order
 * channels that are otherwise equal; among equals, record order (live before the rest).
 */
import { decodeBlockInto, emptyBits, idsOf, readShard, runsIntoBits, type BlockBits, type TokenPostings } from './codec.ts';
import { ByteReader } from '../format/bytes.ts';
import { keyCheck, readKeyShard, shardOfKey } from '../store/keys.ts';
import { blockPath, linesPath, placesPath, shardPath, type SearchLang, type SearchManifest } from './layout.ts';
import { decodePlaceFile, type PlaceRecord } from './places.ts';
import { planQuery, queryContext, type Expr, type QueryContext, type QueryPlan } from './plan.ts';
import { decodeRecordFile, keyFileOf, type ChannelRecord } from '../store/records.ts';
import { chars, compact, foldText, shardOf, tokenCheck } from './text.ts';

/** Places shown above the channels, at most. */
export const MAX_PLACES = 3;
/** Channels ranked by their records too (a platform named, the words of the name), at most. */
const RANKED_BY_RECORD = 30;
/** Result-line files read to rank them, at most (beyond these, records order the rest). */
const RANKING_FILES = 6;
/** The first blocks fetched are those that promise this many times the matches a page needs. */
const ENOUGH = 3;

/** How the engine gets index files; implementations should cache (fileSource does). */
export interface IndexSource {
  shard(n: number): Promise<Uint8Array>;
  block(fileId: number, block: number): Promise<Uint8Array>;
  /** Result lines in one language, `chunk` × the manifest's lines chunk size onwards. */
  lines(chunk: number, lang: SearchLang): Promise<ChannelRecord[]>;
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
    lines: (chunk, lang) => get(linesPath(manifest.version, lang, chunk), decodeRecordFile),
    places: (chunk) => get(placesPath(manifest.version, chunk), decodePlaceFile),
    keys: (shard) => get(keyFileOf(manifest.store, shard), raw),
  };
}

/** How close a shown result is: 0 exact name, 1 name starting like the query, 2 every word in the name, 3 the rest. */
export type MatchQuality = 0 | 1 | 2 | 3;

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

type Postings = ReadonlyMap<string, TokenPostings>;

/** What ranks a match, best first: lower is better in each. */
interface Rank {
  id: number;
  key: number;
  /** 0 named exactly as the query on a platform it names, 1 named exactly, 2 neither. */
  exact: number;
  start: number;
  quality: MatchQuality;
  platform: number;
  /** Characters of the name that are none of the query's words (fewer is closer). */
  extra: number;
  boosts: number;
}

export class SearchIndex {
  readonly manifest: SearchManifest;
  readonly context: QueryContext;
  private readonly source: IndexSource;
  private readonly blockBits: number;

  constructor(manifest: SearchManifest, source: IndexSource) {
    this.manifest = manifest;
    this.source = source;
    this.context = queryContext(manifest);
    this.blockBits = Math.log2(manifest.blockSize);
  }

  plan(query: string): QueryPlan {
    return planQuery(query, this.context);
  }

  /** Starts fetching what a query will need first (its shards), without waiting: for a query still being typed. */
  prefetch(query: string): void {
    const plan = this.plan(query);
    void this.lookup(plan.tokens).catch(() => undefined);
    for (const key of plan.keys) void this.source.keys(shardOfKey(key, this.manifest.store.keyShards)).catch(() => undefined);
  }

  async search(query: string | QueryPlan, options: SearchOptions): Promise<SearchResult> {
    const plan = typeof query === 'string' ? this.plan(query) : query;
    const offset = options.offset ?? 0;
    const empty: SearchResult = { places: [], hits: [], total: 0, complete: true };
    if (plan.terms.length === 0 && plan.keys.length === 0) return empty;
    const keyIds = this.findKeys(plan.keys);
    const postings = await this.lookup(plan.tokens);
    // a term no channel has is left out; if every term is, nothing matches the words
    const terms = plan.terms.filter((t) => this.blocksOf(t, postings).size > 0);
    const places = offset === 0 && terms.length ? this.placesFetch(terms, postings) : Promise.resolve([]);
    const want = offset + options.limit + 1;

    const { matches, evaluated, complete } = terms.length ? await this.match(terms, plan, postings, want) : { matches: [] as number[], evaluated: [] as number[], complete: true };
    const found = await keyIds;
    const ranks = await this.rank(plan, postings, matches, evaluated, found, options.lang, offset + options.limit);
    const page = ranks.slice(offset, offset + options.limit);
    const records = await this.lines(page.map((r) => r.id), options.lang);
    const hits = page.map((r, i) => ({ id: r.id, record: records[i]!, quality: r.quality }));
    return { places: await places, hits, total: ranks.length, complete };
  }

  /**
   * The ids matching every term, in record order, from as many blocks as the first pages
   * need: blocks that cannot hold a match are skipped from the shards alone, and the blocks
   * of common tokens are fetched all at once (a second wave only when the first fell short).
   */
  private async match(terms: readonly Expr[], plan: QueryPlan, postings: Postings, want: number) {
    const blockCount = Math.ceil(this.manifest.store.count / this.manifest.blockSize);
    const inline = terms.filter((t) => this.isInline(t, postings));
    const fetched = terms.filter((t) => !inline.includes(t));
    const candidates: { block: number; inline?: BlockBits; estimate: number }[] = [];
    for (let block = 0; block < blockCount; block++) {
      if (!terms.every((t) => this.possible(t, block, postings))) continue;
      let bits: BlockBits | undefined;
      for (const t of inline) {
        const b = this.inlineBits(t, block, postings);
        if (bits) and(bits, b);
        else bits = b;
      }
      if (bits && isEmpty(bits)) continue;
      // matches to expect: the ids the inline terms leave, thinned by how common each other
      // term is in the block (a county's channels and a common body word are independent)
      const size = Math.min(this.manifest.blockSize, this.manifest.store.count - block * this.manifest.blockSize);
      let expected = bits ? popcount(bits) : size;
      for (const t of fetched) expected *= Math.min(1, this.estimate(t, block, postings) / size);
      candidates.push({ block, inline: bits, estimate: expected });
    }
    const ranking = [...plan.exact, ...plan.exactOn, ...plan.starts, ...plan.boosts.flatMap(tokensOf)];
    const matches: number[] = [];
    const evaluated: number[] = [];
    let next = 0;
    while (next < candidates.length && matches.length < want) {
      // The first wave: blocks in rank order until they promise enough matches; should they
      // fall short, the second takes every block left.
      const wave: typeof candidates = [];
      let promised = 0;
      const first = next === 0;
      while (next < candidates.length && (wave.length === 0 || !first || promised < want * ENOUGH)) {
        const c = candidates[next++]!;
        wave.push(c);
        promised += c.estimate;
      }
      for (const c of wave) {
        for (const t of fetched) this.prefetchExpr(t, c.block, postings);
        for (const t of ranking) this.prefetchToken(postings.get(t), c.block);
      }
      for (const c of wave) {
        let bits = c.inline;
        for (const t of fetched) {
          const b = await this.bits(t, c.block, postings);
          if (bits) and(bits, b);
          else bits = b;
          if (isEmpty(bits)) break;
        }
        evaluated.push(c.block);
        if (bits && !isEmpty(bits)) matches.push(...idsOf(bits, c.block * this.manifest.blockSize));
      }
    }
    return { matches, evaluated, complete: next >= candidates.length };
  }

  /**
   * Matches in ranking order. Token signals rank them all; the best RANKED_BY_RECORD are then
   * ranked again from their result lines (a platform the query names, the words of the name),
   * which the first page reads anyway.
   */
  private async rank(plan: QueryPlan, postings: Postings, matches: readonly number[], evaluated: readonly number[], keyIds: readonly number[], lang: SearchLang, pageEnd: number): Promise<Rank[]> {
    const blockSize = this.manifest.blockSize;
    // each signal's ids in the blocks evaluated, decoded once (a query can match thousands)
    const signal = async (e: Expr) => {
      const byBlock = new Map<number, BlockBits>();
      for (const block of evaluated) if (this.possible(e, block, postings)) byBlock.set(block, await this.bits(e, block, postings));
      const token = 'token' in e ? postings.get(e.token) : undefined;
      return (id: number): boolean => {
        if (token?.kind === 'inline') return inRuns(token.runs, id);
        const block = Math.floor(id / blockSize);
        const bits = byBlock.get(block);
        const at = id - block * blockSize;
        return bits !== undefined && (bits[at >> 5]! & (1 << (at & 31))) !== 0;
      };
    };
    const exact = await Promise.all(plan.exact.map((t) => signal({ token: t })));
    const exactOn = await Promise.all(plan.exactOn.map((t) => signal({ token: t })));
    const starts = await Promise.all(plan.starts.map((t) => signal({ token: t })));
    const boosts = await Promise.all(plan.boosts.map(signal));
    const ids = new Set(matches);
    // channels named as the query stands for, wherever they are (closed ones too, in blocks
    // not read): the name holds every word
    for (const t of [...plan.exact, ...plan.exactOn]) {
      const p = postings.get(t);
      if (p?.kind === 'inline') for (let i = 0; i < p.runs.length; i += 2) for (let id = p.runs[i]!; id < p.runs[i + 1]!; id++) ids.add(id);
    }
    const keyed = new Set(keyIds);
    for (const id of keyIds) ids.add(id);
    const ranks: Rank[] = [];
    for (const id of ids) {
      const isExact = exact.some((has) => has(id));
      const isStart = starts.some((has) => has(id));
      ranks.push({
        id,
        key: keyed.has(id) ? 0 : 1,
        exact: exactOn.some((has) => has(id)) ? 0 : isExact ? 1 : 2,
        start: isStart ? 0 : 1,
        quality: isExact ? 0 : isStart ? 1 : 3,
        platform: 0,
        extra: 0,
        boosts: -boosts.filter((has) => has(id)).length,
      });
    }
    const order = (a: Rank, b: Rank) => a.key - b.key || a.exact - b.exact || a.start - b.start || a.quality - b.quality || a.platform - b.platform || a.extra - b.extra || a.boosts - b.boosts || a.id - b.id;
    ranks.sort(order);
    // The leading matches are ranked again from their result lines: as many as the page
    // needs, and more up to RANKED_BY_RECORD while they are in RANKING_FILES files. The page
    // is among them, so its lines are read in the same round trip.
    const size = this.manifest.lines.chunkSize;
    const chunks = new Set<number>();
    let pool = 0;
    for (; pool < ranks.length; pool++) {
      const chunk = Math.floor(ranks[pool]!.id / size);
      const enough = pool >= pageEnd && (pool >= RANKED_BY_RECORD || (!chunks.has(chunk) && chunks.size >= RANKING_FILES));
      if (enough) break;
      chunks.add(chunk);
    }
    const top = ranks.slice(0, pool);
    await this.rankByRecords(plan, top, lang);
    return [...top.sort(order), ...ranks.slice(pool)];
  }

  /** Refines the leading matches from their result lines: the platform asked for, and how much of the query the name holds. */
  private async rankByRecords(plan: QueryPlan, readable: Rank[], lang: SearchLang): Promise<void> {
    const records = await this.lines(readable.map((r) => r.id), lang);
    const platforms = new Set<string>(plan.platforms);
    const fold = (s: string) => compact(foldText(s, this.context.toSimplified));
    readable.forEach((r, i) => {
      const record = records[i]!;
      if (platforms.has(record.platform)) r.platform = -1;
      const extra = Math.min(this.extraHan(plan, fold(record.name.zh)), lang === 'en' ? Math.min(extraLatin(plan, record.name.en), extraLatin(plan, record.agency.en)) : Infinity);
      if (extra === Infinity) r.extra = Number.MAX_SAFE_INTEGER;
      else {
        if (r.quality === 3) r.quality = 2;
        r.extra = extra;
      }
    });
  }

  /** Characters of a name beyond the query's Chinese words, or Infinity when it lacks one of them. */
  private extraHan(plan: QueryPlan, name: string): number {
    if (plan.nameWords.length === 0) return Infinity;
    let held = 0;
    for (const forms of plan.nameWords) {
      const form = forms.find((f) => name.includes(f));
      if (form === undefined) return Infinity;
      held += chars(form).length;
    }
    return Math.max(0, chars(name).length - held);
  }

  /** Records found by any of the verify keys. */
  private async findKeys(keys: readonly string[]): Promise<number[]> {
    const found = await Promise.all(
      keys.map(async (key) => {
        const check = keyCheck(key);
        const shard = await this.source.keys(shardOfKey(key, this.manifest.store.keyShards));
        return readKeyShard(shard, new Set([check])).get(check) ?? [];
      }),
    );
    return [...new Set(found.flat())].sort((a, b) => a - b);
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
        const entries = readShard(await this.source.shard(n), new Set(list.map(tokenCheck)), this.blockBits);
        for (const t of list) {
          const p = entries.get(tokenCheck(t));
          if (p) found.set(t, p);
        }
      }),
    );
    return found;
  }

  /** Places matching every term, in place order, at most MAX_PLACES of them. */
  private async placesFetch(terms: readonly Expr[], postings: Postings): Promise<PlaceHit[]> {
    const placesOf = (e: Expr): Set<number> => {
      if ('token' in e) return new Set(postings.get(e.token)?.places ?? []);
      const parts = ('all' in e ? e.all : e.any).map(placesOf);
      if ('any' in e) return new Set(parts.flatMap((p) => [...p]));
      return parts.reduce((acc, p) => new Set([...acc].filter((x) => p.has(x))));
    };
    const acc = terms.map(placesOf).reduce((a, p) => new Set([...a].filter((x) => p.has(x))));
    const ids = [...acc].sort((a, b) => a - b).slice(0, MAX_PLACES);
    const size = this.manifest.places.chunkSize;
    return Promise.all(ids.map(async (id) => ({ id, place: (await this.source.places(Math.floor(id / size)))[id % size]! })));
  }

  /** Blocks a condition can hold channels in, from the shards alone. */
  private blocksOf(e: Expr, postings: Postings): Set<number> {
    if ('token' in e) return new Set(postings.get(e.token)?.blocks ?? []);
    const parts = ('all' in e ? e.all : e.any).map((p) => this.blocksOf(p, postings));
    if ('any' in e) return new Set(parts.flatMap((p) => [...p]));
    return parts.reduce((acc, p) => new Set([...acc].filter((b) => p.has(b))));
  }

  private possible(e: Expr, block: number, postings: Postings): boolean {
    if ('token' in e) return postings.get(e.token)?.blocks.has(block) ?? false;
    if ('all' in e) return e.all.every((p) => this.possible(p, block, postings));
    return e.any.some((p) => this.possible(p, block, postings));
  }

  /** True when every token the condition can use is inline (no fetch needed). */
  private isInline(e: Expr, postings: Postings): boolean {
    if ('token' in e) return postings.get(e.token)?.kind !== 'external';
    return ('all' in e ? e.all : e.any).every((p) => this.isInline(p, postings));
  }

  /** At most how many channels of a block the condition can match. */
  private estimate(e: Expr, block: number, postings: Postings): number {
    if ('token' in e) {
      const p = postings.get(e.token);
      if (!p || !p.blocks.has(block)) return 0;
      return p.kind === 'external' ? (p.counts.get(block) ?? 0) : countInBlock(p.runs, block, this.blockBits);
    }
    if ('all' in e) return Math.min(...e.all.map((p) => this.estimate(p, block, postings)));
    return Math.min(this.manifest.blockSize, e.any.reduce((n, p) => n + this.estimate(p, block, postings), 0));
  }

  private inlineBits(e: Expr, block: number, postings: Postings): BlockBits {
    const bits = emptyBits();
    if ('token' in e) {
      const p = postings.get(e.token);
      if (p?.kind === 'inline' && p.blocks.has(block)) runsIntoBits(p.runs, block, bits, this.blockBits);
      return bits;
    }
    const parts = ('all' in e ? e.all : e.any).map((p) => this.inlineBits(p, block, postings));
    if ('any' in e) for (const p of parts) or(bits, p);
    else {
      bits.set(parts[0]!);
      for (let i = 1; i < parts.length; i++) and(bits, parts[i]!);
    }
    return bits;
  }

  private async bits(e: Expr, block: number, postings: Postings): Promise<BlockBits> {
    if ('token' in e) {
      const p = postings.get(e.token);
      return p && p.blocks.has(block) ? this.tokenBits(p, block) : emptyBits();
    }
    if (!this.possible(e, block, postings)) return emptyBits();
    const parts = await Promise.all(('all' in e ? e.all : e.any).map((p) => this.bits(p, block, postings)));
    const acc = emptyBits();
    if ('any' in e) for (const p of parts) or(acc, p);
    else {
      acc.set(parts[0]!);
      for (let i = 1; i < parts.length; i++) and(acc, parts[i]!);
    }
    return acc;
  }

  private prefetchExpr(e: Expr, block: number, postings: Postings): void {
    if ('token' in e) return this.prefetchToken(postings.get(e.token), block);
    if (!this.possible(e, block, postings)) return;
    for (const p of 'all' in e ? e.all : e.any) this.prefetchExpr(p, block, postings);
  }

  private prefetchToken(p: TokenPostings | undefined, block: number): void {
    if (p?.kind === 'external' && p.blocks.has(block)) void this.source.block(p.fileId, block).catch(() => undefined);
  }

  private async tokenBits(p: TokenPostings, block: number): Promise<BlockBits> {
    const bits = emptyBits();
    if (!p.blocks.has(block)) return bits;
    if (p.kind === 'inline') runsIntoBits(p.runs, block, bits, this.blockBits);
    else decodeBlockInto(new ByteReader(await this.source.block(p.fileId, block)), bits);
    return bits;
  }

  private async lines(ids: readonly number[], lang: SearchLang): Promise<ChannelRecord[]> {
    const size = this.manifest.lines.chunkSize;
    const chunks = [...new Set(ids.map((id) => Math.floor(id / size)))];
    const loaded = new Map(await Promise.all(chunks.map(async (c) => [c, await this.source.lines(c, lang)] as const)));
    return ids.map((id) => loaded.get(Math.floor(id / size))![id % size]!);
  }
}

function tokensOf(e: Expr): string[] {
  if ('token' in e) return [e.token];
  return ('all' in e ? e.all : e.any).flatMap(tokensOf);
}

/** Words of an English text beyond the query's Latin words (the last may be a word's start), or Infinity when it lacks one of them. */
function extraLatin(plan: QueryPlan, text: string): number {
  if (plan.latinWords.length === 0) return Infinity;
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const last = plan.latinWords.length - 1;
  const held = plan.latinWords.every((q, i) => words.some((w) => w === q || (i === last && w.startsWith(q))));
  return held ? Math.max(0, words.length - plan.latinWords.length) : Infinity;
}

function inRuns(runs: readonly number[], id: number): boolean {
  let lo = 0;
  let hi = runs.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid * 2 + 1]! <= id) lo = mid + 1;
    else hi = mid;
  }
  return lo < runs.length / 2 && runs[lo * 2]! <= id;
}

function countInBlock(runs: readonly number[], block: number, blockBits: number): number {
  const from = block << blockBits;
  const to = from + (1 << blockBits);
  let n = 0;
  for (let i = 0; i < runs.length; i += 2) n += Math.max(0, Math.min(runs[i + 1]!, to) - Math.max(runs[i]!, from));
  return n;
}

function popcount(bits: BlockBits): number {
  let n = 0;
  for (let i = 0; i < bits.length; i++) {
    let v = bits[i]!;
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
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
