/**
 * Index-time tokenizer: turns a channel's name, agency, handle and English names, and a
 * region's names, into the tokens of text.ts. It uses opencc-js (traditional → simplified)
 * and pinyin-pro, which stay on the build side: the client gets only the small character map
 * the index needs (see compactCharMap) and the list of syllables that occur.
 */
import * as OpenCC from 'opencc-js/t2cn';
import { pinyin } from 'pinyin-pro';
import { Lexicon } from './lexicon.ts';
import { segmentHan } from './segment.ts';
import {
  bodyToken,
  chars,
  compact,
  exactToken,
  initialsToken,
  MAX_INITIALS,
  MAX_PINYIN_START,
  MIN_PINYIN_START,
  namePinyinStartToken,
  pinyinPrefixToken,
  pinyinStartToken,
  pinyinToken,
  prefixToken,
  runsOf,
  STOPWORDS,
  wholeInitialsToken,
  wordToken,
} from './text.ts';

/** Unicode blocks searched for characters that have a simplified form. */
const HAN_BLOCKS: [number, number][] = [
  [0x3400, 0x4dbf], // Extension A
  [0x4e00, 0x9fff], // Unified Ideographs
  [0xf900, 0xfaff], // Compatibility Ideographs (NFKC folds most; the rest are kept)
];

let fullMapCache: Map<string, string> | undefined;

/**
 * Every character opencc maps to a different single simplified character, with Hong Kong
 * and Taiwan variants included (榮 → 荣, 臺 → 台, 裏 → 里). Character by character, not
 * phrase by phrase: the browser can only afford a character map, and index and query must
 * fold text the same way, so both use this one.
 */
export function traditionalToSimplified(): ReadonlyMap<string, string> {
  if (fullMapCache) return fullMapCache;
  const hk = OpenCC.Converter({ from: 'hk', to: 'cn' });
  const tw = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const map = new Map<string, string>();
  for (const [from, to] of HAN_BLOCKS) {
    for (let code = from; code <= to; code++) {
      const ch = String.fromCodePoint(code);
      let simplified = hk(ch);
      if (simplified === ch) simplified = tw(ch);
      if (simplified !== ch && chars(simplified).length === 1) map.set(ch, simplified);
    }
  }
  fullMapCache = map;
  return map;
}

/**
 * The part of the map a client needs: entries whose simplified side occurs in the index. A
 * traditional character whose simplified form is nowhere in the index cannot lead to a
 * match either way, so dropping it changes no result. Encoded as pairs in one string.
 */
export function compactCharMap(full: ReadonlyMap<string, string>, indexedChars: ReadonlySet<string>): string {
  let out = '';
  for (const [from, to] of full) if (indexedChars.has(to)) out += from + to;
  return out;
}

/** Pinyin of a Han run, one syllable per character, `undefined` where pinyin-pro has none. */
function syllablesOf(run: string): (string | undefined)[] {
  const units = chars(run);
  // toneless, so the tone changes of 一 and 不 need not be worked out
  const out = pinyin(run, { toneType: 'none', type: 'array', v: true, toneSandhi: false });
  // pinyin-pro returns one item per character for Han input; guard anyway.
  if (out.length !== units.length) return units.map((ch) => syllableOf(ch));
  return out.map((s) => (/^[a-z]+$/.test(s) ? s : undefined));
}

function syllableOf(ch: string): string | undefined {
  const s = pinyin(ch, { toneType: 'none', v: true });
  return /^[a-z]+$/.test(s) ? s : undefined;
}

export interface FieldOptions {
  /** A channel name also gets exact-name, name-prefix and whole-initials tokens, for ranking. */
  readonly isName?: boolean;
  /** Pinyin initials tokens (default true). */
  readonly initials?: boolean;
  /**
   * Tokens for pinyin being typed (default false): the text's pinyin starts (`pp:`) and each
   * syllable with the next one's first letter (`q:`). Names and places have them, the words a
   * reader starts typing with; bodies' names begin with a place, whose own tokens serve.
   */
  readonly typing?: boolean;
  /** Body words (`g:`), read as queries are (default false): names and bodies have them. */
  readonly bodies?: boolean;
}

/**
 * Receives the tokens of a text as their parts, so a caller can intern them without making
 * each token's string (the builder meets 14 million of them at national scale); StringSink
 * makes the strings of text.ts.
 */
export interface TokenSink {
  /** A Han character. */
  unigram(ch: string): void;
  bigram(a: string, b: string): void;
  /** Two consecutive syllables. */
  pinyin(a: string, b: string): void;
  /** A text's pinyin initials: every prefix of two to MAX_INITIALS letters is a token. */
  initials(initials: string): void;
  /** A name's initials, all of them. */
  wholeInitials(initials: string): void;
  /** A syllable and the first letter of the next. */
  pinyinPrefix(a: string, letter: string): void;
  /** A text's pinyin letters: every start of MIN_PINYIN_START to MAX_PINYIN_START letters is a token (a name's or a place's). */
  pinyinStart(letters: string, ofName: boolean): void;
  /** A Latin word or number. */
  word(word: string): void;
  /** A body word, as the vocabulary writes it first. */
  bodyWord(word: string): void;
  /** A whole name, compacted. */
  exact(whole: string): void;
  /** A name's first two characters. */
  prefix(a: string, b: string): void;
}

/** Collects tokens as the strings of text.ts, each once. */
class StringSink implements TokenSink {
  readonly tokens = new Set<string>();
  unigram(ch: string): void {
    this.tokens.add(ch);
  }
  bigram(a: string, b: string): void {
    this.tokens.add(a + b);
  }
  pinyin(a: string, b: string): void {
    this.tokens.add(pinyinToken(a, b));
  }
  initials(initials: string): void {
    for (let len = 2; len <= Math.min(initials.length, MAX_INITIALS); len++) this.tokens.add(initialsToken(initials.slice(0, len)));
  }
  wholeInitials(initials: string): void {
    this.tokens.add(wholeInitialsToken(initials));
  }
  pinyinPrefix(a: string, letter: string): void {
    this.tokens.add(pinyinPrefixToken(a, letter));
  }
  pinyinStart(letters: string, ofName: boolean): void {
    const token = ofName ? namePinyinStartToken : pinyinStartToken;
    for (let len = MIN_PINYIN_START; len <= Math.min(letters.length, MAX_PINYIN_START); len++) this.tokens.add(token(letters.slice(0, len)));
  }
  word(word: string): void {
    this.tokens.add(wordToken(word));
  }
  bodyWord(word: string): void {
    this.tokens.add(bodyToken(word));
  }
  exact(whole: string): void {
    this.tokens.add(exactToken(whole));
  }
  prefix(a: string, b: string): void {
    this.tokens.add(prefixToken(a + b)!);
  }
}

/**
 * Cuts text into tokens. Remembers the characters and syllables it has seen, which the
 * manifest passes to the client (the character map and the pinyin segmenter need them).
 */
export class Tokenizer {
  readonly indexedChars = new Set<string>();
  readonly syllables = new Set<string>();
  private readonly charMap: ReadonlyMap<string, string>;
  private readonly toSimplified: (ch: string) => string;

  /** The map's characters, to find texts that need folding at all (most need none). */
  private readonly mapped: RegExp;
  private readonly mappedAll: RegExp;
  /** The places body words are read among (useWords), so 公安县 is a place, not 公安. */
  private places = new Lexicon({ places: '', english: '' });

  constructor(charMap: ReadonlyMap<string, string> = traditionalToSimplified()) {
    this.charMap = charMap;
    this.toSimplified = (ch) => this.charMap.get(ch) ?? ch;
    const set = [...charMap.keys()].map((ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`).join('');
    this.mapped = new RegExp(set ? `[${set}]` : '[]', 'u');
    this.mappedAll = new RegExp(this.mapped.source, 'gu');
  }

  /** Reads body words among these places (every region of the data, townships too). */
  useWords(places: Lexicon): void {
    this.places = places;
  }

  /** The exact-name token of a name. */
  exactName(name: string): string | undefined {
    const whole = compact(this.fold(name));
    return whole ? exactToken(whole) : undefined;
  }

  /** The traditional → simplified map this tokenizer folds with. */
  charMapEntries(): ReadonlyMap<string, string> {
    return this.charMap;
  }

  /** foldText with this map, without building a new string when nothing maps. */
  fold(text: string): string {
    const lowered = text.normalize('NFKC').toLowerCase();
    return this.mapped.test(lowered) ? lowered.replace(this.mappedAll, this.toSimplified) : lowered;
  }

  /** Tokens of Chinese text (a name, an agency, a region name), which may hold Latin words. */
  chineseTokens(text: string, options: FieldOptions = {}): readonly string[] {
    const sink = new StringSink();
    this.chinese(text, sink, options);
    return [...sink.tokens];
  }

  /** Tokens of English text or a handle: its words and numbers. */
  wordTokens(text: string): readonly string[] {
    const sink = new StringSink();
    this.words(text, sink);
    return [...sink.tokens];
  }

  /** chineseTokens, into a sink (a token may be given more than once). */
  chinese(text: string, sink: TokenSink, options: FieldOptions = {}): void {
    const folded = this.fold(text);
    let initials = '';
    let letters = '';
    for (const run of runsOf(folded)) {
      if (run.kind === 'word') {
        if (!STOPWORDS.has(run.text)) sink.word(run.text);
        continue;
      }
      const units = chars(run.text);
      for (let i = 0; i < units.length; i++) {
        const ch = units[i]!;
        sink.unigram(ch);
        this.indexedChars.add(ch);
        if (i + 1 < units.length) sink.bigram(ch, units[i + 1]!);
      }
      if (options.bodies) {
        for (const word of segmentHan(run.text, this.places, BODY_READING_LIMIT)) if (word.kind === 'body') sink.bodyWord(word.forms[0]!);
      }
      const syllables = syllablesOf(run.text);
      for (let i = 0; i < syllables.length; i++) {
        const s = syllables[i];
        if (s === undefined) continue;
        this.syllables.add(s);
        initials += s[0];
        if (letters.length < MAX_PINYIN_START) letters += s;
        const next = syllables[i + 1];
        if (next !== undefined) {
          sink.pinyin(s, next);
          if (options.typing) sink.pinyinPrefix(s, next[0]!);
        }
      }
    }
    if (initials.length >= 2 && options.initials !== false) sink.initials(initials);
    if (options.typing && letters.length >= MIN_PINYIN_START) sink.pinyinStart(letters, options.isName === true);
    if (options.isName && initials.length >= 2) sink.wholeInitials(initials);
    if (options.isName) {
      const whole = compact(folded);
      if (whole) sink.exact(whole);
      const head = chars(whole);
      if (head.length >= 2) sink.prefix(head[0]!, head[1]!);
    }
  }

  /** wordTokens, into a sink. */
  words(text: string, sink: TokenSink): void {
    for (const run of runsOf(this.fold(text))) {
      if (run.kind === 'word') {
        if (!STOPWORDS.has(run.text)) sink.word(run.text);
      } else this.chinese(run.text, sink);
    }
  }
}

/** Longest place name looked for when reading body words in a text (longer ones are rare and cost time). */
const BODY_READING_LIMIT = 10;

/** Han characters from Extension A to the end of the Unified block: two fit a small integer. */
const HAN_FIRST = 0x3400;
const HAN_SPAN = 0xa000 - HAN_FIRST;

/**
 * Gives every distinct token a number. Tokens are looked up by small-integer keys where they
 * can be (a character pair for a bigram, syllable numbers for a pinyin pair, a trie of
 * initials) and by their parts otherwise, so a token's string is made only the first time it is
 * met; at national scale the builder meets 14 million tokens, 1.4 million of them distinct.
 * `collect` gathers one text's distinct token numbers.
 */
export class TokenInterner implements TokenSink {
  /** Token text by number. */
  readonly tokens: string[] = [];
  private readonly unigrams = new Map<number, number>();
  private readonly bigrams = new Map<number, number>();
  private readonly prefixes = new Map<number, number>();
  private readonly syllableIds = new Map<string, number>();
  private readonly pinyins = new Map<number, number>();
  private readonly pinyinPrefixes = new Map<number, number>();
  /** Initials trie: parent node × 32 + letter → node; a node of two or more letters is a token. */
  private readonly initialsNodes = new Map<number, number>();
  private readonly nodeTokens: number[] = [-1];
  private readonly others = new Map<string, number>();
  private readonly words = new Map<string, number>();
  private readonly exacts = new Map<string, number>();
  private stamp = 0;
  private seen = new Int32Array(1 << 16);
  private readonly out: number[] = [];

  private newToken(token: string): number {
    this.tokens.push(token);
    return this.tokens.length - 1;
  }

  private take(t: number): void {
    if (t >= this.seen.length) {
      const next = new Int32Array(Math.max(this.seen.length * 2, t + 1));
      next.set(this.seen);
      this.seen = next;
    }
    if (this.seen[t] === this.stamp) return;
    this.seen[t] = this.stamp;
    this.out.push(t);
  }

  /** The numbers of the distinct tokens `feed` gives (an array reused by the next call). */
  collect(feed: (sink: TokenSink) => void): readonly number[] {
    this.stamp++;
    this.out.length = 0;
    feed(this);
    return this.out;
  }

  /** A pair of characters as a small integer, or undefined outside the common Han blocks. */
  private static pairKey(a: string, b: string): number | undefined {
    if (a.length !== 1 || b.length !== 1) return undefined;
    const x = a.charCodeAt(0) - HAN_FIRST;
    const y = b.charCodeAt(0) - HAN_FIRST;
    return x >= 0 && x < HAN_SPAN && y >= 0 && y < HAN_SPAN ? x * HAN_SPAN + y : undefined;
  }

  private byText(token: string): void {
    let t = this.others.get(token);
    if (t === undefined) this.others.set(token, (t = this.newToken(token)));
    this.take(t);
  }

  unigram(ch: string): void {
    const key = ch.codePointAt(0)!;
    let t = this.unigrams.get(key);
    if (t === undefined) this.unigrams.set(key, (t = this.newToken(ch)));
    this.take(t);
  }

  bigram(a: string, b: string): void {
    const key = TokenInterner.pairKey(a, b);
    if (key === undefined) return this.byText(a + b);
    let t = this.bigrams.get(key);
    if (t === undefined) this.bigrams.set(key, (t = this.newToken(a + b)));
    this.take(t);
  }

  prefix(a: string, b: string): void {
    const key = TokenInterner.pairKey(a, b);
    if (key === undefined) return this.byText(prefixToken(a + b)!);
    let t = this.prefixes.get(key);
    if (t === undefined) this.prefixes.set(key, (t = this.newToken(prefixToken(a + b)!)));
    this.take(t);
  }

  pinyin(a: string, b: string): void {
    const key = this.syllable(a) * 8192 + this.syllable(b);
    let t = this.pinyins.get(key);
    if (t === undefined) this.pinyins.set(key, (t = this.newToken(pinyinToken(a, b))));
    this.take(t);
  }

  initials(initials: string): void {
    let node = 0;
    const max = Math.min(initials.length, MAX_INITIALS);
    for (let len = 1; len <= max; len++) {
      // letters a–z are 1–26 in their low five bits
      const key = node * 32 + (initials.charCodeAt(len - 1) & 31);
      let next = this.initialsNodes.get(key);
      if (next === undefined) {
        next = this.nodeTokens.length;
        this.initialsNodes.set(key, next);
        this.nodeTokens.push(len >= 2 ? this.newToken(initialsToken(initials.slice(0, len))) : -1);
      }
      node = next;
      if (len >= 2) this.take(this.nodeTokens[node]!);
    }
  }

  wholeInitials(initials: string): void {
    this.byText(wholeInitialsToken(initials));
  }

  bodyWord(word: string): void {
    this.byText(bodyToken(word));
  }

  pinyinPrefix(a: string, letter: string): void {
    // letters a–z are 1–26 in their low five bits
    const key = this.syllable(a) * 32 + (letter.charCodeAt(0) & 31);
    let t = this.pinyinPrefixes.get(key);
    if (t === undefined) this.pinyinPrefixes.set(key, (t = this.newToken(pinyinPrefixToken(a, letter))));
    this.take(t);
  }

  pinyinStart(letters: string, ofName: boolean): void {
    const token = ofName ? namePinyinStartToken : pinyinStartToken;
    for (let len = MIN_PINYIN_START; len <= Math.min(letters.length, MAX_PINYIN_START); len++) this.byText(token(letters.slice(0, len)));
  }

  /** The number of a token made by the builder rather than from a text (a platform's). */
  intern(token: string): number {
    let t = this.others.get(token);
    if (t === undefined) this.others.set(token, (t = this.newToken(token)));
    return t;
  }

  word(word: string): void {
    let t = this.words.get(word);
    if (t === undefined) this.words.set(word, (t = this.newToken(wordToken(word))));
    this.take(t);
  }

  exact(whole: string): void {
    let t = this.exacts.get(whole);
    if (t === undefined) this.exacts.set(whole, (t = this.newToken(exactToken(whole))));
    this.take(t);
  }

  private syllable(s: string): number {
    let n = this.syllableIds.get(s);
    if (n === undefined) this.syllableIds.set(s, (n = this.syllableIds.size));
    return n;
  }
}
