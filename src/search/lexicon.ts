/**
 * The words of the indexed data that a query is read by before anything is fetched, written
 * into the manifest (and so into the client, which carries the manifest: layout.ts):
 *
 * - places: every province, prefecture and county that has channels, by full name and short
 *   name (南陵县 and 南陵), so 芜湖南陵交警 is read as 芜湖 + 南陵 + 交警. Townships are left out
 *   (40,000 of them would weigh more than the rest of the client): their names fall back to
 *   character pairs, which find them as well.
 * - English: the commonest Latin words of the English names and bodies, most common first,
 *   so a word being typed (polic, publ) can be completed to the words it may become.
 *
 *   places  = entry (" " entry)*     entry = short ["|" rest of the full name]   (南陵|县)
 *   english = word (" " word)*
 */

export interface LexiconData {
  readonly places: string;
  readonly english: string;
}

export class Lexicon {
  /** A place's full or short name → its short name. */
  readonly places = new Map<string, string>();
  /** Length of the longest place name, in characters. */
  readonly longestPlace: number;
  private readonly english: readonly string[];
  private readonly englishSet: ReadonlySet<string>;

  constructor(data: LexiconData) {
    let longest = 0;
    for (const entry of data.places.split(' ')) {
      if (!entry) continue;
      const bar = entry.indexOf('|');
      const short = bar < 0 ? entry : entry.slice(0, bar);
      const full = bar < 0 ? entry : short + entry.slice(bar + 1);
      this.places.set(short, short);
      this.places.set(full, short);
      longest = Math.max(longest, Array.from(full).length);
    }
    this.longestPlace = longest;
    this.english = data.english ? data.english.split(' ') : [];
    this.englishSet = new Set(this.english);
  }

  /** True when the word is one of the English words. */
  isWord(word: string): boolean {
    return this.englishSet.has(word);
  }

  /** Up to `limit` known English words that start with `prefix` and are longer, commonest first. */
  completions(prefix: string, limit: number): string[] {
    const out: string[] = [];
    for (const word of this.english) {
      if (word.length > prefix.length && word.startsWith(prefix)) {
        out.push(word);
        if (out.length >= limit) break;
      }
    }
    return out;
  }
}

/** A place as the lexicon writes it: its short name, then what the full name adds. */
export function placeEntry(fullName: string, shortName: string): string {
  return fullName !== shortName && fullName.startsWith(shortName) ? `${shortName}|${fullName.slice(shortName.length)}` : fullName;
}
