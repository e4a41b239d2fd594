/**
 * Text primitives shared by the index builder and the browser client. Both sides must cut
 * text into tokens in exactly the same way, so everything that decides what a token is lives
 * here, with no dependencies but the shared hashes (src/format/hash.ts): the client bundles
 * this file as is.
 *
 * Token kinds, told apart by a prefix so they can share one index:
 * - Han unigrams and bigrams, bare ("荣", "荣成"): partial Chinese words match.
 * - `=` + the whole compacted name: exact name, for ranking.
 * - `^` + the name's first two characters: names starting that way, for ranking.
 * - `p:` + two pinyin syllables ("p:rong cheng"): full pinyin, homophones merged.
 * - `q:` + a syllable and the first letter of the next ("q:rong c"): pinyin whose last
 *   syllable is still being typed (rongch, nanlingj).
 * - `i:` + a prefix of the pinyin initials of a name ("i:rcga"); `i=` + all of them ("i=rcga").
 * - `pn:` + the first two to six letters of a name's pinyin ("pn:nanl"), `pp:` the same of a
 *   place's: pinyin typed from the start of a name or place, before its first syllable is
 *   complete; a name's also ranks it (the name starts like the query).
 * - `w:` + a Latin word or number (English names, handles, "12345").
 * - `g:` + a body word as the vocabulary writes it first ("g:公安"): the text names that body
 *   (荣成市公安局, 荣成公安), found by the same reading as the query's (segment.ts), so 民政 is
 *   not found in 人民政府.
 * - `t:` + a platform ("t:weibo"): a platform word in the query ranks that platform first.
 * - `=` + a name + `@` + its platform ("=荣成公安@weibo"): the account a name and a platform
 *   word stand for (travels with the name's `=` token).
 */
import { fnv1a, hash53 } from '../format/hash.ts';

/** Runs of Han characters, or of other letters and digits (nanling交警 is two runs); everything else separates. */
const RUN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;

export interface Run {
  readonly kind: 'han' | 'word';
  readonly text: string;
}

/** English words too common to narrow anything; dropped at index and query time alike. */
export const STOPWORDS: ReadonlySet<string> = new Set(['a', 'an', 'and', 'at', 'for', 'in', 'of', 'on', 'the', 'to']);

/** Longest initials prefix indexed: longer queries are cut to this before lookup. */
export const MAX_INITIALS = 8;
/** Pinyin starts (`pp:`) are indexed from two letters up to this many. */
export const MIN_PINYIN_START = 2;
export const MAX_PINYIN_START = 6;

/**
 * The form both sides compare: compatibility forms folded (full-width letters, compatibility
 * ideographs), lower case, and each traditional or variant character replaced by its
 * simplified form through `toSimplified` (a character map, so index and query agree).
 */
export function foldText(text: string, toSimplified: (ch: string) => string): string {
  let out = '';
  for (const ch of text.normalize('NFKC').toLowerCase()) out += toSimplified(ch);
  return out;
}

/** Han runs and word runs in order; punctuation and spaces dropped. */
export function runsOf(folded: string): Run[] {
  const runs: Run[] = [];
  for (const m of folded.matchAll(RUN)) {
    if (m[1]) runs.push({ kind: 'han', text: m[1] });
    else if (m[2]) {
      // A word run may mix scripts that are neither Han nor Latin; keep it whole.
      runs.push({ kind: 'word', text: m[2] });
    }
  }
  return runs;
}

/** Code points of a string (Han characters outside the BMP are one unit, not two). */
export function chars(text: string): string[] {
  return Array.from(text);
}

export function bigrams(units: readonly string[], join = ''): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < units.length; i++) out.push(units[i] + join + units[i + 1]);
  return out;
}

/**
 * Bigrams enough to pin down a long run without fetching all of them: every other one, plus
 * the last. A record holding all of them almost surely holds the run; ranking checks the text.
 */
export function coveringBigrams(units: readonly string[], join = ''): string[] {
  const all = bigrams(units, join);
  if (all.length <= 3) return all;
  const picked = all.filter((_, i) => i % 2 === 0);
  if ((all.length - 1) % 2 !== 0) picked.push(all[all.length - 1]!);
  return picked;
}

/** A name with separators removed: what an exact-name token compares. */
export function compact(folded: string): string {
  return runsOf(folded)
    .map((r) => r.text)
    .join('');
}

export function exactToken(compactName: string): string {
  return `=${compactName}`;
}

export function prefixToken(compactName: string): string | undefined {
  const head = chars(compactName).slice(0, 2);
  return head.length === 2 ? `^${head.join('')}` : undefined;
}

export function pinyinToken(a: string, b: string): string {
  return `p:${a} ${b}`;
}

export function initialsToken(prefix: string): string {
  return `i:${prefix}`;
}

export function wordToken(word: string): string {
  return `w:${word}`;
}

/** A syllable followed by one whose first letter is `letter`. */
export function pinyinPrefixToken(a: string, letter: string): string {
  return `q:${a} ${letter}`;
}

/** All of a name's initials: the name is exactly these (rcga is 荣成公安, not 荣成公安交警). */
export function wholeInitialsToken(initials: string): string {
  return `i=${initials}`;
}

/** A place whose pinyin starts with these letters. */
export function pinyinStartToken(letters: string): string {
  return `pp:${letters.slice(0, MAX_PINYIN_START)}`;
}

/** A name whose pinyin starts with these letters. */
export function namePinyinStartToken(letters: string): string {
  return `pn:${letters.slice(0, MAX_PINYIN_START)}`;
}

export function platformToken(platform: string): string {
  return `t:${platform}`;
}

export function bodyToken(word: string): string {
  return `g:${word}`;
}

/** An exact name on one platform. */
export function exactOnToken(exact: string, platform: string): string {
  return `${exact}@${platform}`;
}

/**
 * The key that picks a token's shard. A prefix token travels with the Han bigram it is made
 * of, which the query fetches anyway. Exact-name tokens do not: thousands of names can start
 * alike (青春…, 中共…), and one shard holding all of them would be heavy to fetch.
 */
export function routeKey(token: string): string {
  if (token[0] === '^') return token.slice(1);
  // a name's whole initials travel with the initials prefix the query looks up anyway, a
  // name's pinyin start with a place's
  if (token.startsWith('i=')) return initialsToken(token.slice(2, 2 + MAX_INITIALS));
  if (token.startsWith('pn:')) return `pp:${token.slice(3)}`;
  if (token[0] === '=') {
    const at = token.lastIndexOf('@');
    if (at > 0) return token.slice(0, at);
  }
  return token;
}

export function shardOf(token: string, shardCount: number): number {
  return fnv1a(routeKey(token)) % shardCount;
}

/** The 32 bits that identify a token within its shard. */
export function tokenCheck(token: string): number {
  return hash53(token) % 4294967296;
}

/**
 * Ways to read a run of letters as whole pinyin syllables (`xian` is xian or xi an), longest
 * syllables first, at most `limit` of them. Only readings of two or more syllables are kept:
 * single syllables are not indexed.
 *
 * With `partial` (the set of every beginning of a syllable, the syllables included), the last
 * syllable may be one still being typed: `nanlingj` is nan ling j…, so a word being typed never
 * stops matching what it will match once complete.
 */
export function segmentPinyin(word: string, syllables: ReadonlySet<string>, limit = 3, partial?: ReadonlySet<string>): string[][] {
  const out: string[][] = [];
  const maxLen = 6;
  const walk = (at: number, path: string[]) => {
    if (out.length >= limit) return;
    if (at === word.length) {
      if (path.length >= 2) out.push([...path]);
      return;
    }
    for (let len = Math.min(maxLen, word.length - at); len >= 1; len--) {
      const s = word.slice(at, at + len);
      const last = at + len === word.length;
      if (!syllables.has(s) && !(last && partial?.has(s))) continue;
      path.push(s);
      walk(at + len, path);
      path.pop();
    }
  };
  if (/^[a-z]+$/.test(word)) walk(0, []);
  return out;
}

/** Every beginning of every syllable ("z", "zh", "zha", "zhan", "zhang", …). */
export function syllableBeginnings(syllables: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const s of syllables) for (let i = 1; i <= s.length; i++) out.add(s.slice(0, i));
  return out;
}
