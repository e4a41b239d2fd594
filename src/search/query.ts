/**
 * Answering a query from the static index: the same code runs in the browser client, the
 * tests and the benchmark, each giving it their own way to get files (an IndexSource).
 *
 * A query becomes terms that must all match; a term is one or more alternatives, each a set
 * of tokens that must all be present (a Latin word may be an English word, pinyin initials,
 * or full pinyin). Only the shards of the query's tokens are fetched, then, block by block in
 * rank order, only the blocks of common tokens that can still contribute, stopping once there
 * are enough results to show.
 */
import { ByteReader, decodeBlockInto, decodeShard, emptyBits, idsOf, type BlockBits, type TokenPostings } from './codec.ts';
import { blockPath, decodeRecordChunk, recordsPath, shardPath, type RecordChunk, type RecordRow, type SearchLang, type SearchManifest } from './layout.ts';
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
  wordToken,
} from './text.ts';

/** Candidates gathered before ranking, when a query matches more than that. */
const CANDIDATE_POOL = 60;

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
  return { text, terms, exact, prefix, tokens: [...tokens] };
}

/** The shards a plan needs, each once. */
export function shardsOf(plan: QueryPlan, shardCount: number): number[] {
  return [...new Set(plan.tokens.map((t) => shardOf(t, shardCount)))].sort((a, b) => a - b);
}

/** How the engine gets index files; implementations should cache (the client does). */
export interface IndexSource {
  shard(n: number): Promise<Uint8Array>;
  block(fileId: number, block: number): Promise<Uint8Array>;
  records(lang: SearchLang, chunk: number): Promise<RecordRow[]>;
}

/** An IndexSource over a function that reads a file of the version folder, with caching. */
export function fileSource(read: (path: string) => Promise<Uint8Array>): IndexSource {
  const cache = new Map<string, Promise<Uint8Array>>();
  const get = (path: string) => {
    let p = cache.get(path);
    if (!p) {
      p = read(path);
      cache.set(path, p);
      p.catch(() => cache.delete(path)); // a failed fetch may be retried
    }
    return p;
  };
  const decoder = new TextDecoder();
  return {
    shard: (n) => get(shardPath(n)),
    block: (fileId, block) => get(blockPath(fileId, block)),
    records: async (lang, chunk) => decodeRecordChunk(JSON.parse(decoder.decode(await get(recordsPath(chunk)))) as RecordChunk, lang),
  };
}

/** How well a shown result matches: 0 exact name … 4 only all terms somewhere. */
export type MatchQuality = 0 | 1 | 2 | 3 | 4;

export interface SearchHit {
  /** Record id in the index (its rank order). */
  readonly id: number;
  readonly row: RecordRow;
  readonly quality: MatchQuality;
}

export interface SearchResult {
  readonly hits: readonly SearchHit[];
  /** Matches found; a lower bound when `complete` is false. */
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
  private readonly shards = new Map<number, Promise<Map<string, TokenPostings>>>();

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
    if (plan.terms.length === 0) return { hits: [], total: 0, complete: true };
    const postings = await this.lookup(plan.tokens);
    const want = Math.max(offset + options.limit, CANDIDATE_POOL);

    const blockCount = Math.ceil(this.manifest.records / this.manifest.blockSize);
    const matches: number[] = [];
    let evaluated = 0;
    for (let block = 0; block < blockCount && matches.length < want; block++) {
      const bits = await this.evaluateBlock(plan.terms, postings, block);
      if (bits) matches.push(...idsOf(bits, block * this.manifest.blockSize));
      evaluated = block + 1;
      // The first block was not enough: fetch what the rest need all at once, so the rest
      // cost one round trip, not one each.
      if (block === 0 && matches.length < want) {
        for (let later = 1; later < blockCount; later++) void this.evaluateBlock(plan.terms, postings, later, true).catch(() => undefined);
      }
    }
    const complete = evaluated >= blockCount;

    // Exact names first (whatever block they are in), then names starting like the query.
    const exact = await this.allIds(postings.get(plan.exact ?? ''), evaluated);
    const prefix = new Set(await this.allIds(postings.get(plan.prefix ?? ''), evaluated));
    const seen = new Set<number>();
    const ordered: number[] = [];
    const take = (id: number) => {
      if (seen.has(id)) return;
      seen.add(id);
      ordered.push(id);
    };
    exact.forEach(take);
    for (const id of matches) if (prefix.has(id)) take(id);
    matches.forEach(take);

    const page = ordered.slice(offset, offset + options.limit);
    const rows = await this.rows(page, options.lang);
    const hits = page
      .map((id, i) => ({ id, row: rows[i]!, quality: this.quality(rows[i]!, plan.text), i }))
      .sort((a, b) => a.quality - b.quality || a.i - b.i)
      .map(({ id, row, quality }) => ({ id, row, quality }));
    return { hits, total: ordered.length, complete };
  }

  /** Ranking within a page, from the text itself (the tokens only approximate it). */
  private quality(row: RecordRow, text: string): MatchQuality {
    const name = compact(foldText(row[1], this.context.toSimplified));
    if (name === text) return 0;
    if (name.startsWith(text)) return 1;
    if (name.includes(text)) return 2;
    if (compact(foldText(row[2], this.context.toSimplified)).includes(text)) return 3;
    return 4;
  }

  private async lookup(tokens: readonly string[]): Promise<Map<string, TokenPostings>> {
    const found = new Map<string, TokenPostings>();
    const shards = await Promise.all(tokens.map((t) => this.shard(shardOf(t, this.manifest.shards))));
    tokens.forEach((t, i) => {
      const p = shards[i]!.get(t);
      if (p) found.set(t, p);
    });
    return found;
  }

  private shard(n: number): Promise<Map<string, TokenPostings>> {
    let p = this.shards.get(n);
    if (!p) {
      p = this.source.shard(n).then(decodeShard);
      this.shards.set(n, p);
      p.catch(() => this.shards.delete(n));
    }
    return p;
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
    if (p.kind === 'inline') decodeBlockInto(new ByteReader(p.buf, p.blocks.get(block)!), bits);
    else decodeBlockInto(new ByteReader(await this.source.block(p.fileId, block)), bits);
    return bits;
  }

  private prefetch(p: TokenPostings, block: number): void {
    if (p.kind === 'external' && p.blocks.has(block)) void this.source.block(p.fileId, block).catch(() => undefined);
  }

  /** A token's ids, across every block when inline, else across the blocks evaluated. */
  private async allIds(p: TokenPostings | undefined, evaluated: number): Promise<number[]> {
    if (!p) return [];
    const ids: number[] = [];
    for (const block of [...p.blocks.keys()].sort((a, b) => a - b)) {
      if (p.kind === 'external' && block >= evaluated) continue;
      ids.push(...idsOf(await this.tokenBits(p, block), block * this.manifest.blockSize));
    }
    return ids;
  }

  private async rows(ids: readonly number[], lang: SearchLang): Promise<RecordRow[]> {
    const size = this.manifest.chunkSize;
    const chunks = [...new Set(ids.map((id) => Math.floor(id / size)))];
    const loaded = new Map(await Promise.all(chunks.map(async (c) => [c, await this.source.records(lang, c)] as const)));
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
