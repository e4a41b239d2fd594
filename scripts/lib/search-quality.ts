/**
 * How often search finds what a citizen means: natural queries made from channels of a
 * (synthetic) registry, one class of query at a time, each scored by whether its channel is
 * among the first ten results. The classes are the ways people type (issue #13): a place run
 * together with a name or body, a platform word added, pinyin cut off while being typed,
 * initials, traditional characters, a handle or address, English (its last word half typed
 * now and then). Channels are sampled with a seeded generator, so a run is repeatable.
 */
import * as OpenCC from 'opencc-js/cn2t';
import { pinyin } from 'pinyin-pro';
import { shortName } from '../../src/domain/regions.ts';
import type { Channel, Registry } from '../../src/domain/model.ts';
import type { Platform } from '../../src/domain/vocabulary.ts';
import type { SearchIndex } from '../../src/search/query.ts';

export const QUERY_CLASSES = ['run together', 'platform word', 'pinyin prefix', 'initials', 'traditional', 'handle', 'English'] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];

export interface NaturalQuery {
  readonly kind: QueryClass;
  readonly query: string;
  /** The channel the query is for. */
  readonly id: string;
  readonly channel: Pick<Channel, 'name' | 'platform'>;
}

/** Words people add for a platform. */
const PLATFORM_WORD: Partial<Record<Platform, readonly string[]>> = {
  weibo: ['微博'],
  wechat: ['公众号', '微信'],
  'wechat-channels': ['视频号'],
  douyin: ['抖音'],
  kuaishou: ['快手'],
  toutiao: ['头条号'],
  bilibili: ['B站'],
  xiaohongshu: ['小红书'],
  qq: ['QQ'],
  app: ['APP', '客户端'],
  'mini-program': ['小程序'],
  website: ['官网'],
};

/** Mulberry32: a small seeded generator. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syllables(text: string): string[] {
  return pinyin(text, { toneType: 'none', type: 'array', v: true }).filter((s) => /^[a-z]+$/.test(s));
}

/** `perClass` natural queries of every class, from channels picked at random (seeded). */
export function naturalQueries(registry: Registry, perClass: number, seed = 1): NaturalQuery[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const channels = registry.channels;
  const out: NaturalQuery[] = [];

  /** The channel's regions below the nation, with short names, largest first. */
  const places = (c: Channel) =>
    registry.regions
      .lineage(c.region)
      .filter((r) => r.code !== '100000')
      .map((r) => ({ full: r.name, short: shortName(r.code, r.name) }));

  const makers: Record<QueryClass, (c: Channel) => string | undefined> = {
    'run together': (c) => {
      const lineage = places(c);
      // the region whose short name the account's name opens with (南陵交警 → 南陵县)
      const at = lineage.findIndex((r) => c.name.startsWith(r.short) && c.name.length > r.short.length + 1);
      if (at < 0) return undefined;
      const own = lineage[at]!;
      const tail = c.name.slice(own.short.length);
      const above = lineage[at - 1];
      const forms = [`${own.full}${tail}`];
      if (above) forms.push(`${above.short}${c.name}`, `${above.full}${own.full}${tail}`);
      return pick(forms);
    },
    'platform word': (c) => {
      const words = PLATFORM_WORD[c.platform];
      if (!words) return undefined;
      const word = pick(words);
      return next() < 0.75 ? `${c.name}${word}` : `${word} ${c.name}`;
    },
    'pinyin prefix': (c) => {
      const s = syllables(c.name);
      if (s.length < 2) return undefined;
      const letters = s.join('');
      // stopped somewhere in the last syllable: typed far enough to tell the name from the
      // others of its place (yangchun alone is only the place 阳春)
      const from = letters.length - s[s.length - 1]!.length + 1;
      const cut = from + Math.floor(next() * (letters.length - from + 1));
      if (next() >= 0.3) return letters.slice(0, cut);
      // typed with spaces between syllables
      let typed = '';
      let typedLetters = 0;
      for (const ch of s.join(' ')) {
        if (typedLetters === cut) break;
        typed += ch;
        if (ch !== ' ') typedLetters++;
      }
      return typed.trim();
    },
    initials: (c) => {
      const s = syllables(c.name);
      return s.length >= 2 ? s.map((x) => x[0]).join('') : undefined;
    },
    traditional: (c) => {
      const lineage = places(c);
      const traditional = toTraditional(c.name);
      if (traditional === c.name && lineage.length === 0) return undefined;
      const own = lineage.find((r) => c.name.startsWith(r.short));
      return own && next() < 0.4 ? toTraditional(`${own.full}${c.name.slice(own.short.length)}`) : traditional;
    },
    handle: (c) => {
      if (c.handle && next() < 0.6) return next() < 0.3 ? `@${c.handle}` : c.handle;
      return c.url;
    },
    English: (c) => {
      const text = c.name_en ?? c.agency_en;
      if (!text) return undefined;
      const words = text.split(/\s+/);
      if (words.length >= 2 && next() < 0.4) {
        // the last word still being typed
        const last = words[words.length - 1]!;
        if (last.length > 4) words[words.length - 1] = last.slice(0, 2 + Math.floor(next() * (last.length - 3)));
      }
      const typed = words.join(' ');
      return next() < 0.5 ? typed.toLowerCase() : typed;
    },
  };

  for (const kind of QUERY_CLASSES) {
    let made = 0;
    for (let tries = 0; made < perClass && tries < perClass * 50; tries++) {
      const c = pick(channels);
      const query = makers[kind](c);
      if (!query) continue;
      out.push({ kind, query, id: c.id, channel: c });
      made++;
    }
  }
  return out;
}

export interface ClassQuality {
  readonly kind: QueryClass;
  readonly queries: number;
  /** Queries whose channel is among the first ten results. */
  readonly found: number;
  /**
   * Of the others, those whose first ten results all have the channel's very name (and its
   * platform, when the query names one): queries that cannot tell it from others.
   */
  readonly alike: number;
  /** Some that were not found, for a look. */
  readonly misses: readonly string[];
}

/** Runs every query (first page of ten, in Chinese but English ones in English) and counts, per class, those whose channel is on it. */
export async function measureQuality(index: SearchIndex, queries: readonly NaturalQuery[]): Promise<ClassQuality[]> {
  const byClass = new Map<QueryClass, { queries: number; found: number; alike: number; misses: string[] }>();
  for (const q of queries) {
    let entry = byClass.get(q.kind);
    if (!entry) byClass.set(q.kind, (entry = { queries: 0, found: 0, alike: 0, misses: [] }));
    entry.queries++;
    // English is typed on the English pages
    const result = await index.search(q.query, { lang: q.kind === 'English' ? 'en' : 'zh', limit: 10 });
    if (result.hits.some((h) => h.record.id === q.id)) {
      entry.found++;
      continue;
    }
    const target = q.channel;
    const alike = result.hits.length === 10 && result.hits.every((h) => h.record.name.zh === target.name && (q.kind !== 'platform word' || h.record.platform === target.platform));
    if (alike) entry.alike++;
    else if (entry.misses.length < 6) entry.misses.push(`${q.query} → ${target.name} (${q.id}); first ${result.hits[0]?.record.name.zh ?? 'nothing'}`);
  }
  return QUERY_CLASSES.filter((k) => byClass.has(k)).map((kind) => ({ kind, ...byClass.get(kind)! }));
}
