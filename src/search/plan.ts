/**
 * A query as the index can answer it: what must match (terms), what ranks a match higher
 * (boosts, exact names, name starts) and the whole-handle or address keys to look up. Plain
 * functions of the query and of what the client carries (the manifest's character map,
 * syllables and lexicon): the browser, the tests and the benchmark plan alike.
 *
 * Chinese is read against known words first (segment.ts): a place by its short name, a body
 * as any of the ways it is written, a platform word as a preference that never empties the
 * result; what is left is matched by character pairs as before. A Latin word may be English
 * (or a word being typed, completed from the lexicon's English words), pinyin initials, or
 * pinyin, in full or still being typed: `nanlingj` reads nan ling j…, and `na` is a name or
 * place whose pinyin starts with na, so results never vanish while a longer query would
 * still find them. Words in a row may also be one pinyin run (nanling jiao).
 */
import { parseInput } from '../store/normalise.ts';
import type { SearchManifest } from './layout.ts';
import { Lexicon } from './lexicon.ts';
import { segmentHan, type Segment } from './segment.ts';
import {
  bigrams,
  bodyToken,
  chars,
  compact,
  coveringBigrams,
  exactOnToken,
  exactToken,
  foldText,
  initialsToken,
  MAX_PINYIN_START,
  namePinyinStartToken,
  pinyinPrefixToken,
  pinyinStartToken,
  pinyinToken,
  platformToken,
  prefixToken,
  runsOf,
  segmentPinyin,
  STOPWORDS,
  syllableBeginnings,
  wholeInitialsToken,
  wordToken,
} from './text.ts';
import { PLATFORM_WORDS } from './vocabulary.ts';

/** A condition on a channel's tokens. */
export type Expr = { readonly token: string } | { readonly all: readonly Expr[] } | { readonly any: readonly Expr[] };

export interface QueryPlan {
  /** The query folded and compacted, as names are for exact matching. */
  readonly text: string;
  /** Every term must match; a term no channel matches at all is left out rather than emptying the result. */
  readonly terms: readonly Expr[];
  /** Each one a channel matches ranks it higher (a syllable typed in full, whole initials, a lone character). */
  readonly boosts: readonly Expr[];
  /**
   * Platforms the query names: channels on them rank first among equals. Read from the
   * result lines of the leading matches, not the index, so naming one fetches nothing more;
   * a query of platform words alone (微博) is a term instead.
   */
  readonly platforms: readonly string[];
  /** Channels named exactly one of these rank first: the query, and the query without its leading places and platform words. */
  readonly exact: readonly string[];
  /** Before them, channels of those names on a platform the query names (=荣成公安@weibo). */
  readonly exactOn: readonly string[];
  /** Then channels whose name starts like the query (a name-prefix or pinyin-start token). */
  readonly starts: readonly string[];
  /**
   * The query's Chinese words, each as the ways it may be written in a name (荣成; 公安 or
   * 警方 …): a name holding all of them is closer than one that does not, and closer the less
   * else it holds.
   */
  readonly nameWords: readonly (readonly string[])[];
  /** The query's Latin words, the last perhaps half typed: an English name or body holding them all is closer. */
  readonly latinWords: readonly string[];
  /** Verify keys of a handle or address typed whole: a channel found by one comes before any other. */
  readonly keys: readonly string[];
  /** Every token to look up. */
  readonly tokens: readonly string[];
}

export interface QueryContext {
  readonly toSimplified: (ch: string) => string;
  readonly syllables: ReadonlySet<string>;
  /** Every beginning of a syllable, for pinyin still being typed. */
  readonly partialSyllables: ReadonlySet<string>;
  readonly lexicon: Lexicon;
}

export function queryContext(manifest: Pick<SearchManifest, 't2s' | 'syllables' | 'lexicon'>): QueryContext {
  const map = new Map<string, string>();
  const pairs = chars(manifest.t2s);
  for (let i = 0; i + 1 < pairs.length; i += 2) map.set(pairs[i]!, pairs[i + 1]!);
  const syllables = new Set(manifest.syllables.split(' '));
  return { toSimplified: (ch) => map.get(ch) ?? ch, syllables, partialSyllables: syllableBeginnings(syllables), lexicon: new Lexicon(manifest.lexicon) };
}

const tok = (token: string): Expr => ({ token });

function allOf(parts: readonly Expr[]): Expr {
  return parts.length === 1 ? parts[0]! : { all: parts };
}

function anyOf(parts: readonly Expr[]): Expr {
  const seen = new Set<string>();
  const unique = parts.filter((p) => {
    const key = JSON.stringify(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.length === 1 ? unique[0]! : { any: unique };
}

/**
 * A body, written any of its ways: the texts hold its word (g:, found by the same reading as
 * the query's), so 公安 finds 荣成市公安局 and 民政 does not find 人民政府.
 */
function bodyTerm(forms: readonly string[]): Expr {
  return tok(bodyToken(forms[0]!));
}

/** Tokens of one reading of pinyin syllables, the last of which may still be being typed. */
function readingTokens(syllables: readonly string[]): string[] {
  const n = syllables.length;
  const complete = n > 2 ? coveringBigrams(syllables.slice(0, n - 1), ' ').map((pair) => `p:${pair}`) : [];
  return [...complete, pinyinPrefixToken(syllables[n - 2]!, syllables[n - 1]![0]!)];
}

const LATIN = /^[a-z]+$/;
/** Words this long or shorter may be a name's initials (longer names are rare). */
const MAX_QUERY_INITIALS = 6;

/** True when a syllable is the start of a longer one (jin of jing). */
function grows(syllable: string, syllables: ReadonlySet<string>): boolean {
  for (const s of syllables) if (s.length > syllable.length && s.startsWith(syllable)) return true;
  return false;
}
/** Completions offered for an English word being typed. */
const COMPLETIONS = 3;
/** Readings of a pinyin word kept (longest syllables first). */
const READINGS = 2;

/** A handle typed whole looks like one: an @, or a digit, underscore, dot or hyphen in it. */
const HANDLE_SHAPED = /^@|[\d_.-]/;

export function planQuery(query: string, context: QueryContext): QueryPlan {
  const parsed = parseInput(query);
  if (parsed.kind === 'url') return finish({ text: '', terms: [], boosts: [], platforms: [], exact: [], exactOn: [], starts: [], nameWords: [], latinWords: [], keys: parsed.keys });
  const keys = parsed.kind === 'handle' && HANDLE_SHAPED.test(parsed.text) ? parsed.keys : [];

  let folded = foldText(query, context.toSimplified);
  const terms: Expr[] = [];
  const boosts: Expr[] = [];
  const platforms = new Set<string>();
  const nameWords: (readonly string[])[] = [];
  const latinWords: string[] = [];
  // platform words that mix scripts (b站, qq空间) would be split by runsOf
  folded = folded.replace(/b站|qq空间/g, (word) => {
    platforms.add(PLATFORM_WORDS[word]!);
    return ' ';
  });
  const runs = runsOf(folded);
  const segments: Segment[] = [];
  const { lexicon } = context;
  let latin: string[] = [];
  const latinRuns = runs.filter((r) => r.kind === 'word' && !STOPWORDS.has(r.text) && !PLATFORM_WORDS[r.text]);
  const latinCount = latinRuns.length;
  // The word being typed: the query's last, if nothing comes after it. Only it may be a
  // pinyin syllable or an English word still incomplete.
  const lastRun = runs[runs.length - 1];
  const typing = lastRun?.kind === 'word' && lastRun === latinRuns[latinRuns.length - 1] ? lastRun.text : undefined;

  /** A word read as pinyin: whole syllables, the last maybe incomplete if the word is being typed. */
  const pinyinReadings = (letters: string, isTyping: boolean): Expr[] => {
    const readings = segmentPinyin(letters, context.syllables, READINGS, isTyping ? context.partialSyllables : undefined);
    const first = readings[0];
    // A last syllable typed in full ranks the channels that have it first (rongcheng: 荣成
    // before 荣昌), unless it may yet grow (beijin is on its way to beijing, not 北金).
    const last = first?.[first.length - 1];
    if (first && last && context.syllables.has(last) && !(isTyping && grows(last, context.syllables))) boosts.push(tok(pinyinToken(first[first.length - 2]!, last)));
    return readings.map((r) => allOf((isTyping ? readingTokens(r) : bigrams(r, ' ').map((pair) => `p:${pair}`)).map(tok)));
  };
  /** The ways one Latin word may be meant: English (completed if being typed), initials, a name's or place's start, pinyin. */
  const wordAlternatives = (word: string): Expr[] => {
    const isTyping = word === typing;
    const alternatives: Expr[] = [tok(wordToken(word))];
    if (isTyping && LATIN.test(word) && word.length >= (latinCount > 1 ? 2 : 3)) {
      for (const c of lexicon.completions(word, COMPLETIONS)) alternatives.push(tok(wordToken(c)));
    }
    if (!LATIN.test(word) || word.length < 2) return alternatives;
    if (word.length <= MAX_QUERY_INITIALS) {
      alternatives.push(tok(initialsToken(word)));
      boosts.push(tok(wholeInitialsToken(word)));
    }
    // a name's or place's pinyin start says all there is to say of a word up to its length
    if (word.length <= MAX_PINYIN_START) alternatives.push(tok(namePinyinStartToken(word)), tok(pinyinStartToken(word)));
    alternatives.push(...pinyinReadings(word, isTyping));
    return alternatives;
  };
  const flushLatin = () => {
    if (latin.length === 0) return;
    const each = allOf(latin.map((w) => anyOf(wordAlternatives(w))));
    const joined = latin.join('');
    // Words in a row may be one pinyin run typed with spaces (nanling jiao); then, unless one
    // of them is English, they are only that.
    const asOne = latin.length > 1 && LATIN.test(joined) ? pinyinReadings(joined, latin[latin.length - 1] === typing) : [];
    const english = latin.some((w) => !LATIN.test(w) || lexicon.isWord(w) || (w === typing && lexicon.completions(w, 1).length > 0) || segmentPinyin(w, context.syllables, 1, context.partialSyllables).length === 0 && !context.syllables.has(w));
    terms.push(asOne.length && !english ? anyOf(asOne) : anyOf([each, ...asOne]));
    latin = [];
  };

  for (const run of runs) {
    if (run.kind === 'word') {
      if (STOPWORDS.has(run.text)) continue;
      const platform = PLATFORM_WORDS[run.text];
      if (platform) platforms.add(platform);
      else {
        latin.push(run.text);
        latinWords.push(run.text);
      }
      continue;
    }
    flushLatin();
    const words = segmentHan(run.text, lexicon);
    segments.push(...words);
    for (const word of words) {
      switch (word.kind) {
        case 'place':
          terms.push(allOf(coveringBigrams(chars(word.short)).map(tok)));
          nameWords.push([word.short]);
          break;
        case 'body':
          terms.push(bodyTerm(word.forms));
          nameWords.push(word.forms);
          break;
        case 'platform':
          platforms.add(word.platform);
          break;
        case 'other': {
          const units = chars(word.text);
          if (units.length >= 2) {
            for (const pair of coveringBigrams(units)) terms.push(tok(pair));
            nameWords.push([word.text]);
          }
          // a character between known words (南陵的交警) only ranks: it may be a particle
          else if (words.length === 1) terms.push(tok(word.text));
          else boosts.push(tok(word.text));
        }
      }
    }
  }
  flushLatin();

  // a query of platform words alone (微博) asks for that platform
  if (terms.length === 0 && platforms.size) terms.push(anyOf([...platforms].map((p) => tok(platformToken(p)))));

  const text = compact(folded);
  const exact: string[] = [];
  const starts: string[] = [];
  const first = runs[0];
  if (first?.kind === 'han' && chars(first.text).length >= 2) {
    // the query as typed, unless it names a platform (no account's name has one)
    if (platforms.size === 0) {
      exact.push(exactToken(text));
      starts.push(prefixToken(text)!);
    }
    // The name the query may stand for: without its platform words (荣成公安微博 is 荣成公安),
    // the places before the last one it opens with (芜湖南陵交警 is 南陵交警, in 芜湖: a name
    // opens with its own place's short name, if with any), places and bodies as accounts are
    // named (荣成市公安局 is 荣成公安).
    const kept = segments.filter((s) => s.kind !== 'platform');
    let lead = 0;
    while (lead + 1 < kept.length && kept[lead]!.kind === 'place' && kept[lead + 1]!.kind === 'place') lead++;
    const core = kept.slice(lead);
    const named = core.map((s) => (s.kind === 'place' ? s.short : s.kind === 'body' ? s.forms[0]! : s.text)).join('');
    const asTyped = core.map((s) => s.text).join('');
    for (const name of [named, asTyped]) {
      if (exact.length >= 2 || chars(name).length < 2 || exact.includes(exactToken(name))) continue;
      exact.push(exactToken(name));
      const start = prefixToken(name)!;
      if (!starts.includes(start)) starts.push(start);
    }
  } else if (first?.kind === 'word' && LATIN.test(first.text) && first.text.length >= 2) {
    starts.push(namePinyinStartToken(first.text));
  }
  const exactOn = exact.flatMap((e) => [...platforms].map((p) => exactOnToken(e, p)));
  return finish({ text, terms, boosts, platforms: [...platforms], exact, exactOn, starts, nameWords, latinWords, keys });
}

function finish(plan: Omit<QueryPlan, 'tokens'>): QueryPlan {
  const { terms, boosts, exact, exactOn, starts } = plan;
  const tokens = new Set<string>();
  const visit = (e: Expr) => {
    if ('token' in e) tokens.add(e.token);
    else for (const part of 'all' in e ? e.all : e.any) visit(part);
  };
  terms.forEach(visit);
  boosts.forEach(visit);
  for (const t of [...exact, ...exactOn, ...starts]) tokens.add(t);
  return { ...plan, tokens: [...tokens] };
}
