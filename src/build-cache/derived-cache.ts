/**
 * A folder of bytes derived from other bytes (compressed files), each named by a hash of
 * what it was derived from: the recipe (format, settings, library version) and the input.
 * A rebuild after a small data change derives again only what changed; the rest is read
 * back. An entry can only ever be the output of its own input, so using it gives the same
 * bytes as deriving them again.
 *
 * Entries are written under a temporary name and renamed, so a build stopped half-way
 * leaves no half-written entry. That does not make the folder trustworthy: a disk, a copy or
 * a restored CI cache can still hand back a truncated or altered file, and what a build
 * reads back is published as it is (a ZIP with a bad CRC, a wrong size in datapackage.json),
 * then saved again for the next build. So each entry starts with the SHA-256 of the bytes
 * after it, and read() checks it: an entry that does not match is deleted and counted as a
 * miss, so it is derived again and stored whole. Checking costs ~60 ms for a national
 * build's 85 MB of entries (measured on the 2-core build machine; deriving them is ~13 s).
 *
 * The cache is an optimisation and never a reason for a build to fail: an entry that cannot
 * be read is derived again, one that cannot be stored is not. prune() keeps only what the
 * latest build used, so the folder holds one build's worth.
 */
import { createHash, type Hash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Changes when the entries' layout changes, so older entries are simply never found. */
const LAYOUT = 'derived-cache v2';

/** An entry's first bytes: the SHA-256 of the rest. */
const CHECK_BYTES = 32;

const digestOf = (parts: readonly Uint8Array[]): Buffer => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

/** Far above one national build's compressed downloads (~85 MB at 500,000 channels). */
export const DEFAULT_MAX_BYTES = 1 << 30;

const KEY = /^[0-9a-f]{64}$/;

export interface CacheStats {
  readonly hits: number;
  readonly misses: number;
  /** Bytes read back from the cache. */
  readonly hitBytes: number;
  /** Bytes stored this build. */
  readonly storedBytes: number;
  /** Entries found damaged (their bytes not those they were stored with), deleted and counted as misses. */
  readonly discarded: number;
}

export class DerivedCache {
  readonly dir: string;
  private readonly maxBytes: number;
  /** Keys this build read or stored: what prune() keeps. */
  private readonly used = new Set<string>();
  private usedBytes = 0;
  private stats_ = { hits: 0, misses: 0, hitBytes: 0, storedBytes: 0, discarded: 0 };

  constructor(dir: string, options: { maxBytes?: number } = {}) {
    this.dir = dir;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  }

  /**
   * A hash to feed the input into; its hex digest is the entry's key. The recipe names
   * everything besides the input that decides the output (format, level, library version).
   */
  static hasher(recipe: string): Hash {
    return createHash('sha256').update(`${LAYOUT}\0${recipe}\0`);
  }

  get stats(): CacheStats {
    return { ...this.stats_ };
  }

  private path(key: string): string {
    if (!KEY.test(key)) throw new Error(`not a cache key: ${key}`);
    return join(this.dir, key);
  }

  /**
   * The entry's bytes, or undefined (a miss: derive them, then store()). A damaged entry is
   * removed and is a miss.
   */
  read(key: string): Buffer | undefined {
    const path = this.path(key);
    let file: Buffer;
    try {
      file = readFileSync(path);
    } catch {
      this.stats_.misses++;
      return undefined;
    }
    const bytes = file.subarray(CHECK_BYTES);
    if (file.length < CHECK_BYTES || !digestOf([bytes]).equals(file.subarray(0, CHECK_BYTES))) {
      this.stats_.discarded++;
      this.stats_.misses++;
      try {
        rmSync(path, { force: true });
      } catch {
        // left for store() to replace, or for prune() to remove
      }
      return undefined;
    }
    this.stats_.hits++;
    this.stats_.hitBytes += bytes.length;
    this.keep(key, bytes.length);
    return bytes;
  }

  /** Stores an entry (unless that would pass the size cap). */
  store(key: string, parts: readonly Uint8Array[]): void {
    const size = parts.reduce((n, p) => n + p.length, 0);
    if (this.used.has(key) || this.usedBytes + size > this.maxBytes) return;
    const path = this.path(key);
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(temporary, Buffer.concat([digestOf(parts), ...parts]));
      renameSync(temporary, path);
    } catch {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // the folder itself is unusable: nothing was left in it either
      }
      return;
    }
    this.stats_.storedBytes += size;
    this.keep(key, size);
  }

  private keep(key: string, size: number): void {
    if (this.used.has(key)) return;
    this.used.add(key);
    this.usedBytes += size;
  }

  /**
   * Removes every entry this build did not use (and leftovers of stopped builds), so the
   * folder never grows past one build's worth. Returns what is left.
   */
  prune(): { entries: number; bytes: number; removed: number } {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return { entries: 0, bytes: 0, removed: 0 };
    }
    let entries = 0;
    let bytes = 0;
    let removed = 0;
    for (const name of names) {
      const path = join(this.dir, name);
      if (this.used.has(name)) {
        entries++;
        try {
          bytes += statSync(path).size;
        } catch {
          // removed by a build sharing the folder: it is only a cache
        }
        continue;
      }
      rmSync(path, { recursive: true, force: true });
      removed++;
    }
    return { entries, bytes, removed };
  }
}
