/**
 * The texts the search index cuts into tokens, each distinct text once (a body's four channels
 * share its name and its body), and their tokens: the slowest step of the build at national
 * scale (pinyin for half a million texts, about 9 s of the index's 15).
 *
 * Tokens are interned to numbers, and each text's token numbers are kept in one flat array
 * (pool[offsets[n]] is how many, then the numbers): a million small arrays would burden the
 * garbage collector.
 */
import type { RegionLookup, SearchDoc } from '../store/search-docs.ts';
import { fnv1a } from '../format/hash.ts';
import { chars, routeKey, tokenCheck } from './text.ts';
import { compactCharMap, TokenInterner, Tokenizer } from './tokenize.ts';

/** How a text is tokenized: a channel name, a body, English (or a handle's words), a place name. */
export const TEXT_KINDS = ['name', 'agency', 'english', 'place'] as const;
export type TextKind = (typeof TEXT_KINDS)[number];

export interface SearchTexts {
  readonly texts: string[];
  /** Index into TEXT_KINDS of each text. */
  readonly kinds: number[];
}

/** Kinds of token (text.ts), for the build's figures and for places (no single characters). */
export const TOKEN_CLASSES = ['unigram', 'bigram', 'pinyin', 'pinyinPrefix', 'pinyinStart', 'initials', 'wholeInitials', 'word', 'body', 'exact', 'prefix', 'platform'] as const;
export type TokenClass = (typeof TOKEN_CLASSES)[number];

/** The class of a token, from its prefix (text.ts). */
export function classOf(token: string): TokenClass {
  if (token.startsWith('p:')) return 'pinyin';
  if (token.startsWith('q:')) return 'pinyinPrefix';
  if (token.startsWith('pp:') || token.startsWith('pn:')) return 'pinyinStart';
  if (token.startsWith('i:')) return 'initials';
  if (token.startsWith('i=')) return 'wholeInitials';
  if (token.startsWith('w:')) return 'word';
  if (token.startsWith('t:')) return 'platform';
  if (token.startsWith('g:')) return 'body';
  if (token[0] === '=') return 'exact';
  if (token[0] === '^') return 'prefix';
  return chars(token).length === 1 ? 'unigram' : 'bigram';
}

/**
 * The tokens of the texts, by number. The index keeps a token's hashes, never its text: fnv1a
 * of its route key (which picks the shard) and its check (text.ts); and its class.
 */
export interface TokenizedTexts {
  readonly hashes: Uint32Array;
  readonly checks: Uint32Array;
  /** Index into TOKEN_CLASSES. */
  readonly classes: Uint8Array;
  /** Emptied by the index builder once it has what it needs from it (80 MB at national scale). */
  pool: Int32Array;
  /** Where each text's tokens start in the pool. */
  readonly offsets: Int32Array;
  /** The manifest's traditional → simplified pairs and syllables (tokenize.ts). */
  readonly t2s: string;
  readonly syllables: string;
  /** The Latin words of the texts by token number (for the lexicon's English words). */
  readonly words: ReadonlyMap<number, string>;
  /** The numbers of the `extra` tokens tokenizeTexts was given, in their order. */
  readonly extra: Int32Array;
  /** The number of each channel's `perChannel` token, −1 for none. */
  readonly perChannel: Int32Array;
}

/** The fields of a channel that are tokenized, in the order SearchTexts.docTexts keeps them. */
export const TEXT_FIELDS = 4;

/**
 * The distinct texts, and which are whose: docTexts holds each channel's name, body, English
 * name and English body (-1 when absent) as text numbers, TEXT_FIELDS a channel; regionTexts
 * each region's name and English name.
 */
export interface SearchTextPlan {
  readonly list: SearchTexts;
  readonly docTexts: Int32Array;
  readonly regionTexts: ReadonlyMap<string, readonly [zh: number, en: number]>;
}

/** Every text of the channels and of the regions they are in. */
export function searchTexts(docs: readonly Pick<SearchDoc, 'name' | 'agency' | 'nameEn' | 'agencyEn' | 'region'>[], regions: RegionLookup): SearchTextPlan {
  const list: SearchTexts = { texts: [], kinds: [] };
  const maps = TEXT_KINDS.map(() => new Map<string, number>());
  const of = (kind: TextKind, text: string | undefined): number => {
    if (!text) return -1;
    const k = TEXT_KINDS.indexOf(kind);
    const map = maps[k]!;
    let n = map.get(text);
    if (n === undefined) {
      map.set(text, (n = list.texts.length));
      list.texts.push(text);
      list.kinds.push(k);
    }
    return n;
  };
  const docTexts = new Int32Array(docs.length * TEXT_FIELDS);
  const regionTexts = new Map<string, readonly [number, number]>();
  docs.forEach((doc, i) => {
    docTexts[i * TEXT_FIELDS] = of('name', doc.name);
    docTexts[i * TEXT_FIELDS + 1] = of('agency', doc.agency);
    docTexts[i * TEXT_FIELDS + 2] = of('english', doc.nameEn);
    docTexts[i * TEXT_FIELDS + 3] = of('english', doc.agencyEn);
    if (regionTexts.has(doc.region)) return;
    for (const r of regions.lineage(doc.region)) {
      // the nation is no place to search (it is everywhere)
      if (r.code !== '100000' && !regionTexts.has(r.code)) regionTexts.set(r.code, [of('place', r.name), of('english', r.nameEn)]);
    }
  });
  return { list, docTexts, regionTexts };
}

const NAME = { isName: true, typing: true, bodies: true };
// Initials are for names (rcga for 荣成公安) and places (rcs for 荣成市); a body's initials
// would double the initials tokens for little use.
const AGENCY = { initials: false, bodies: true };
const PLACE = { typing: true };

/**
 * `extra`: tokens the builder gives channels itself (platforms), numbered with the rest;
 * `perChannel`: one more token for each channel, or undefined (a name on its platform).
 */
export function tokenizeTexts(list: SearchTexts, tokenizer = new Tokenizer(), extra: readonly string[] = [], perChannel: readonly (string | undefined)[] = []): TokenizedTexts {
  const interner = new TokenInterner();
  const extraTokens = Int32Array.from(extra, (token) => interner.intern(token));
  const channelTokens = Int32Array.from(perChannel, (token) => (token === undefined ? -1 : interner.intern(token)));
  // grown in place and trimmed at the end: no copies of a pool of 80 MB
  const buffer = new ArrayBuffer(1 << 22, { maxByteLength: 2 ** 31 - 4 });
  const pool = new Int32Array(buffer);
  let length = 0;
  const offsets = new Int32Array(list.texts.length);
  for (let n = 0; n < list.texts.length; n++) {
    const text = list.texts[n]!;
    const kind = TEXT_KINDS[list.kinds[n]!];
    const tokens = interner.collect((sink) => {
      if (kind === 'english') tokenizer.words(text, sink);
      else tokenizer.chinese(text, sink, kind === 'name' ? NAME : kind === 'agency' ? AGENCY : PLACE);
    });
    if (length + tokens.length + 1 > pool.length) buffer.resize(Math.min(buffer.maxByteLength, Math.max(buffer.byteLength * 2, (length + tokens.length + 1) * 4)));
    offsets[n] = length;
    pool[length++] = tokens.length;
    for (const t of tokens) pool[length++] = t;
  }
  const tokens = interner.tokens;
  buffer.resize(length * 4);
  const words = new Map<number, string>();
  tokens.forEach((t, n) => {
    if (t.startsWith('w:')) words.set(n, t.slice(2));
  });
  return {
    hashes: Uint32Array.from(tokens, (t) => fnv1a(routeKey(t))),
    checks: Uint32Array.from(tokens, tokenCheck),
    classes: Uint8Array.from(tokens, (t) => TOKEN_CLASSES.indexOf(classOf(t))),
    pool,
    offsets,
    t2s: compactCharMap(tokenizer.charMapEntries(), tokenizer.indexedChars),
    syllables: [...tokenizer.syllables].sort().join(' '),
    words,
    extra: extraTokens,
    perChannel: channelTokens,
  };
}
