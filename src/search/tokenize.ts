/**
 * Index-time tokenizer: turns a channel's name, agency, handle and English names, and a
 * region's names, into the tokens of text.ts. It uses opencc-js (traditional → simplified)
 * and pinyin-pro, which stay on the build side: the client gets only the small character map
 * the index needs (see compactCharMap) and the list of syllables that occur.
 */
import * as OpenCC from 'opencc-js/t2cn';
import { pinyin } from 'pinyin-pro';
import {
  bigrams,
  chars,
  compact,
  exactToken,
  foldText,
  initialsToken,
  MAX_INITIALS,
  pinyinToken,
  prefixToken,
  runsOf,
  STOPWORDS,
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
  const out = pinyin(run, { toneType: 'none', type: 'array', v: true });
  // pinyin-pro returns one item per character for Han input; guard anyway.
  if (out.length !== units.length) return units.map((ch) => syllableOf(ch));
  return out.map((s) => (/^[a-z]+$/.test(s) ? s : undefined));
}

function syllableOf(ch: string): string | undefined {
  const s = pinyin(ch, { toneType: 'none', v: true });
  return /^[a-z]+$/.test(s) ? s : undefined;
}

export interface FieldOptions {
  /** A channel name also gets exact-name and name-prefix tokens, for ranking. */
  readonly isName?: boolean;
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
  private readonly cache = new Map<string, readonly string[]>();

  constructor(charMap: ReadonlyMap<string, string> = traditionalToSimplified()) {
    this.charMap = charMap;
    this.toSimplified = (ch) => this.charMap.get(ch) ?? ch;
  }

  /** The traditional → simplified map this tokenizer folds with. */
  charMapEntries(): ReadonlyMap<string, string> {
    return this.charMap;
  }

  fold(text: string): string {
    return foldText(text, this.toSimplified);
  }

  /** Tokens of Chinese text (a name, an agency, a region name), which may hold Latin words. */
  chineseTokens(text: string, options: FieldOptions = {}): readonly string[] {
    const key = `${options.isName ? 'n' : 'f'}${text}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const folded = this.fold(text);
    const tokens = new Set<string>();
    let initials = '';
    for (const run of runsOf(folded)) {
      if (run.kind === 'word') {
        if (!STOPWORDS.has(run.text)) tokens.add(wordToken(run.text));
        continue;
      }
      const units = chars(run.text);
      for (const ch of units) {
        tokens.add(ch);
        this.indexedChars.add(ch);
      }
      for (const b of bigrams(units)) tokens.add(b);
      const syllables = syllablesOf(run.text);
      for (let i = 0; i < syllables.length; i++) {
        const s = syllables[i];
        if (s === undefined) continue;
        this.syllables.add(s);
        initials += s[0];
        const next = syllables[i + 1];
        if (next !== undefined) tokens.add(pinyinToken(s, next));
      }
    }
    for (let len = 2; len <= Math.min(initials.length, MAX_INITIALS); len++) tokens.add(initialsToken(initials.slice(0, len)));
    if (options.isName) {
      const whole = compact(folded);
      if (whole) tokens.add(exactToken(whole));
      const prefix = prefixToken(whole);
      if (prefix) tokens.add(prefix);
    }
    const result = [...tokens];
    // Agencies and region names repeat across many channels; names mostly do not.
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(key, result);
    return result;
  }

  /** Tokens of English text or a handle: its words and numbers. */
  wordTokens(text: string): readonly string[] {
    const tokens = new Set<string>();
    for (const run of runsOf(this.fold(text))) {
      if (run.kind === 'word' && !STOPWORDS.has(run.text)) tokens.add(wordToken(run.text));
      else if (run.kind === 'han') for (const t of this.chineseTokens(run.text)) tokens.add(t);
    }
    return [...tokens];
  }
}
