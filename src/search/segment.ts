/**
 * Reads a run of Chinese the way it was written: as places, bodies and platforms run together
 * (荣成市公安局微博 → 荣成市 | 公安局 | 微博, 芜湖南陵交警 → 芜湖 | 南陵 | 交警), with whatever is not
 * one of those words left as it is. The reading covers as many characters with known words as
 * it can, in as few words as it can; a word that is both a body's and a place's short name
 * (公安, also 公安县) is read as the body's.
 */
import { chars } from './text.ts';
import type { Lexicon } from './lexicon.ts';
import { BODY_WORDS, PLATFORM_WORDS } from './vocabulary.ts';
import type { Platform } from '../domain/vocabulary.ts';

export type Segment =
  | { readonly kind: 'place'; readonly text: string; readonly short: string }
  | { readonly kind: 'body'; readonly text: string; readonly forms: readonly string[] }
  | { readonly kind: 'platform'; readonly text: string; readonly platform: Platform }
  /** Characters that are none of the known words. */
  | { readonly kind: 'other'; readonly text: string };

const BODY_GROUPS = new Map<string, readonly string[]>();
for (const group of BODY_WORDS) for (const form of group) BODY_GROUPS.set(form, group);
const LONGEST_WORD = Math.max(...[...BODY_GROUPS.keys(), ...Object.keys(PLATFORM_WORDS)].map((w) => chars(w).length));

function known(word: string, lexicon: Lexicon): Segment | undefined {
  const platform = PLATFORM_WORDS[word];
  if (platform) return { kind: 'platform', text: word, platform };
  const forms = BODY_GROUPS.get(word);
  if (forms) return { kind: 'body', text: word, forms };
  const short = lexicon.places.get(word);
  if (short) return { kind: 'place', text: word, short };
  return undefined;
}

/**
 * Township-level designations: their places are too many for the lexicon, so what is left
 * over is cut after one of these when two or more characters come before it (沙田镇之声 →
 * 沙田镇 | 之声), never inside a word (城镇, 乡村).
 */
const TOWNSHIP = /街道|苏木|社区|镇|乡|村/g;

function splitTownships(text: string): Segment[] {
  const out: Segment[] = [];
  let from = 0;
  for (const m of text.matchAll(TOWNSHIP)) {
    const short = text.slice(from, m.index);
    if (chars(short).length < 2) continue;
    out.push({ kind: 'place', text: short + m[0], short });
    from = m.index + m[0].length;
  }
  if (from < text.length) out.push({ kind: 'other', text: text.slice(from) });
  return out;
}

/** The words of a run of Han characters (folded), in order; places longer than `longestPlace` characters are not looked for. */
export function segmentHan(run: string, lexicon: Lexicon, longestPlace = Infinity): Segment[] {
  const units = chars(run);
  const n = units.length;
  const longest = Math.max(LONGEST_WORD, Math.min(longestPlace, lexicon.longestPlace));
  // best[i]: the best reading of the first i characters, scored by characters covered with
  // known words (×16) less the number of those words
  const score = new Array<number>(n + 1).fill(-Infinity);
  const step = new Array<{ from: number; word?: Segment }>(n + 1);
  score[0] = 0;
  for (let i = 0; i < n; i++) {
    if (score[i] === -Infinity) continue;
    for (let len = Math.min(longest, n - i); len >= 2; len--) {
      const word = known(units.slice(i, i + len).join(''), lexicon);
      if (!word) continue;
      const s = score[i]! + len * 16 - 1;
      if (s > score[i + len]!) {
        score[i + len] = s;
        step[i + len] = { from: i, word };
      }
    }
    if (score[i]! > score[i + 1]!) {
      score[i + 1] = score[i]!;
      step[i + 1] = { from: i };
    }
  }
  const out: Segment[] = [];
  let other = '';
  for (let at = n; at > 0; ) {
    const { from, word } = step[at]!;
    if (word) {
      if (other) out.push({ kind: 'other', text: other });
      other = '';
      out.push(word);
    } else other = units[from] + other;
    at = from;
  }
  if (other) out.push({ kind: 'other', text: other });
  return out.reverse().flatMap((s) => (s.kind === 'other' ? splitTownships(s.text) : [s]));
}
