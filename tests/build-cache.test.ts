/**
 * The cache of compressed downloads: a build with it writes exactly the bytes a build without
 * it writes, cold or warm, and after a one-row change compresses again only the files whose
 * text changed. The folder keeps only what the latest build used.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { crc32, gunzipSync, inflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { DerivedCache } from '../src/build-cache/derived-cache.ts';
import { Registry } from '../src/domain/model.ts';
import { checkDataset } from '../src/domain/pipeline.ts';
import { writeGzip, writeZip } from '../src/downloads/archive.ts';
import { writeDownloads } from '../src/downloads/write-downloads.ts';
import { siteConfigFromEnv } from '../src/routes/site-config.ts';
import { writeSyntheticDataset } from '../src/synth/dataset.ts';

const TODAY = '2026-11-21';
const temp = (name: string) => mkdtempSync(join(tmpdir(), `${name}-`));
const KEY = 'a'.repeat(64);

describe('derived cache', () => {
  it('misses, stores, then hands back the same bytes', () => {
    const cache = new DerivedCache(join(temp('derived'), 'c'));
    expect(cache.read(KEY)).toBeUndefined();
    cache.store(KEY, [Buffer.from('ab'), Buffer.from('c')]);
    expect(cache.read(KEY)?.toString()).toBe('abc');
    expect(cache.stats).toMatchObject({ hits: 1, misses: 1, hitBytes: 3, storedBytes: 3 });
  });

  it('keys by recipe and input, and refuses anything but a key as a name', () => {
    const key = (recipe: string, text: string) => DerivedCache.hasher(recipe).update(text).digest('hex');
    expect(key('gzip 9', 'x')).toBe(key('gzip 9', 'x'));
    expect(key('gzip 9', 'x')).not.toBe(key('gzip 6', 'x'));
    expect(key('gzip 9', 'x')).not.toBe(key('gzip 9', 'y'));
    expect(() => new DerivedCache(temp('derived')).read('../escape')).toThrow(/not a cache key/);
  });

  it('prunes what the latest build did not use, and leftovers of stopped builds', () => {
    const dir = temp('derived');
    const first = new DerivedCache(dir);
    first.store(KEY, [Buffer.from('old')]);
    writeFileSync(join(dir, `${'b'.repeat(64)}.123.tmp`), 'half');
    const second = new DerivedCache(dir);
    const kept = 'c'.repeat(64);
    second.store(kept, [Buffer.from('new')]);
    expect(second.prune()).toEqual({ entries: 1, bytes: 32 + 3, removed: 2 }); // the check digest, then the bytes
    expect(readdirSync(dir)).toEqual([kept]);
  });

  it('discards an entry whose bytes are not those it stored (truncated, altered, emptied), as a miss, and stores it again', () => {
    const dir = temp('derived');
    const bytes = Buffer.from('compressed bytes of some file');
    const damages: Record<string, (file: Buffer) => Buffer> = {
      truncated: (file) => file.subarray(0, file.length - 5),
      'one byte flipped': (file) => Buffer.from(file.map((b, i) => (i === file.length - 3 ? b ^ 0x01 : b))),
      'digest flipped': (file) => Buffer.from(file.map((b, i) => (i === 0 ? b ^ 0x80 : b))),
      'shorter than its digest': (file) => file.subarray(0, 10),
      emptied: () => Buffer.alloc(0),
    };
    for (const [damage, apply] of Object.entries(damages)) {
      new DerivedCache(dir).store(KEY, [bytes]);
      const path = join(dir, KEY);
      writeFileSync(path, apply(readFileSync(path)));
      const next = new DerivedCache(dir);
      expect(next.read(KEY), damage).toBeUndefined();
      expect(existsSync(path), damage).toBe(false);
      expect(next.stats, damage).toMatchObject({ hits: 0, misses: 1, discarded: 1 });
      next.store(KEY, [bytes]);
      expect(new DerivedCache(dir).read(KEY)?.equals(bytes), damage).toBe(true);
    }
  });

  it('never finds an entry of the layout before entries carried their digest', () => {
    const dir = temp('derived');
    const key = DerivedCache.hasher('gzip level 9').update('text').digest('hex');
    const v1 = createHash('sha256').update('derived-cache v1\0gzip level 9\0').update('text').digest('hex');
    expect(key).not.toBe(v1);
    writeFileSync(join(dir, v1), 'bytes without a digest');
    const cache = new DerivedCache(dir);
    expect(cache.read(key)).toBeUndefined();
    expect(cache.prune().removed).toBe(1);
  });

  it('stores nothing past its size cap', () => {
    const dir = temp('derived');
    const cache = new DerivedCache(dir, { maxBytes: 4 });
    cache.store(KEY, [Buffer.from('abc')]);
    cache.store('d'.repeat(64), [Buffer.from('de')]);
    expect(readdirSync(dir)).toEqual([KEY]);
  });

  it('never fails a build: a folder it cannot write is no cache', () => {
    const file = join(temp('derived'), 'file');
    writeFileSync(file, '');
    const cache = new DerivedCache(join(file, 'below'));
    cache.store(KEY, [Buffer.from('x')]);
    expect(cache.read(KEY)).toBeUndefined();
    expect(cache.prune()).toEqual({ entries: 0, bytes: 0, removed: 0 });
  });
});

describe('archives through the cache', () => {
  const rows = ['\uFEFFid,name\r\n', ...Array.from({ length: 3000 }, (_, i) => `id-${i},账号${i}\r\n`), 'x'.repeat(1 << 20)];

  it('writes the same ZIP and gzip bytes with and without it, and reads them back warm', async () => {
    const dir = temp('archive-cache');
    const cache = new DerivedCache(join(dir, 'cache'));
    await writeZip(join(dir, 'plain.zip'), 'a.csv', rows, TODAY);
    await writeGzip(join(dir, 'plain.gz'), rows);
    for (const run of ['cold', 'warm']) {
      const zip = await writeZip(join(dir, `${run}.zip`), 'a.csv', rows, TODAY, { cache });
      await writeGzip(join(dir, `${run}.gz`), rows, { cache });
      expect(readFileSync(join(dir, `${run}.zip`)).equals(readFileSync(join(dir, 'plain.zip'))), run).toBe(true);
      expect(readFileSync(join(dir, `${run}.gz`)).equals(readFileSync(join(dir, 'plain.gz'))), run).toBe(true);
      expect(zip.rawBytes).toBe(Buffer.byteLength(rows.join('')));
    }
    expect(cache.stats).toMatchObject({ misses: 2, hits: 2 });
    expect(Buffer.from(unzipSync(readFileSync(join(dir, 'warm.zip')))['a.csv']!).toString('utf8')).toBe(rows.join(''));
    expect(gunzipSync(readFileSync(join(dir, 'warm.gz'))).toString('utf8')).toBe(rows.join(''));
  });

  it('compresses again when the level differs', async () => {
    const dir = temp('archive-cache');
    const cache = new DerivedCache(join(dir, 'cache'));
    await writeGzip(join(dir, '9.gz'), rows, { cache });
    await writeGzip(join(dir, '1.gz'), rows, { cache, level: 1 });
    expect(cache.stats).toMatchObject({ misses: 2, hits: 0 });
    expect(readFileSync(join(dir, '1.gz')).equals(readFileSync(join(dir, '9.gz')))).toBe(false);
  });
});

/** Every file under `root`, by relative path. */
function filesOf(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.set(relative(root, path), readFileSync(path));
    }
  };
  walk(root);
  return out;
}

function expectSameFiles(actual: string, expected: string): void {
  const a = filesOf(actual);
  const b = filesOf(expected);
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [path, bytes] of b) expect(a.get(path)!.equals(bytes), path).toBe(true);
}

/**
 * Every entry of a ZIP read the way an unzipper does, from the central directory: its
 * compressed bytes inflate to the size and CRC-32 both headers record. Returns the names.
 */
function checkZip(zip: Buffer, label: string): string[] {
  const end = zip.length - 22; // no archive comment
  expect(zip.readUInt32LE(end), `${label}: end of central directory`).toBe(0x06054b50);
  const names: string[] = [];
  let at = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    expect(zip.readUInt32LE(at), `${label}: central header`).toBe(0x02014b50);
    const [crc, packed, raw] = [zip.readUInt32LE(at + 16), zip.readUInt32LE(at + 20), zip.readUInt32LE(at + 24)];
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('ascii', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    expect(zip.readUInt32LE(local), `${label}: local header`).toBe(0x04034b50);
    expect([zip.readUInt32LE(local + 14), zip.readUInt32LE(local + 18), zip.readUInt32LE(local + 22)], `${label}: local sizes and CRC`).toEqual([crc, packed, raw]);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const text = inflateRawSync(zip.subarray(start, start + packed));
    expect([text.length, crc32(text) >>> 0], `${label}: ${name}`).toEqual([raw, crc]);
    names.push(name);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return names;
}

describe('downloads built twice', () => {
  let root: string;
  const load = () => new Registry(checkDataset({ dataDir: join(root, 'data'), contentDir: join(root, 'content') }, { today: TODAY }).dataset);
  const write = async (registry: Registry, cache?: DerivedCache) => {
    const out = temp('downloads-out');
    const ctx = { registry, config: siteConfigFromEnv({}), base: '/', dataUpdated: TODAY, today: TODAY, pages: ['/', '/en/'] };
    await writeDownloads(out, ctx, { cache });
    return out;
  };
  const compressed = (out: string) => [...filesOf(out).keys()].filter((p) => /\.(zip|gz)$/.test(p)).length;

  beforeAll(() => {
    root = temp('downloads-cache-data');
    writeSyntheticDataset({ channels: 1500, seed: '1', today: TODAY, out: root });
  });

  it('writes byte-identical files without the cache, cold and warm; after a one-row change, compresses only what changed', async () => {
    const cacheDir = join(temp('downloads-cache'), 'compressed');
    let registry = load();
    const plain = await write(registry);
    const files = compressed(plain);
    expect(files).toBeGreaterThan(100);

    const cold = new DerivedCache(cacheDir);
    expectSameFiles(await write(registry, cold), plain);
    expect(cold.stats.hits).toBeLessThan(files); // a few files have the same text (empty shards)
    const warm = new DerivedCache(cacheDir);
    expectSameFiles(await write(registry, warm), plain);
    expect(warm.stats).toMatchObject({ hits: files, misses: 0 });
    expect(warm.prune().removed).toBe(0);

    // one channel renamed in one province's file
    const csv = join(root, 'data', 'channels', readdirSync(join(root, 'data', 'channels')).filter((f) => f !== 'central.csv')[0]!);
    const parsed = Papa.parse<Record<string, string>>(readFileSync(csv, 'utf8'), { header: true, skipEmptyLines: true });
    const row = parsed.data.find((r) => r.status === 'active')!;
    row.name = `${row.name}（新）`;
    writeFileSync(csv, Papa.unparse(parsed.data, { columns: parsed.meta.fields, newline: '\n' }) + '\n');
    registry = load();
    expect(registry.channelsById.get(row.id!)!.name).toBe(row.name);

    const changed = new DerivedCache(cacheDir);
    expectSameFiles(await write(registry, changed), await write(registry));
    // its province's ZIP, its province's .csv.gz table in the Data Package, and its JSON shard
    // (an active channel is in no closures file)
    expect(changed.stats.misses).toBe(3);
    expect(changed.stats.hits).toBe(files - 3);
    expect(changed.prune().removed).toBe(3);
  });

  it('repairs damaged entries: the next build writes what a cold build writes, every ZIP CRC valid', async () => {
    const cacheDir = join(temp('downloads-cache'), 'compressed');
    const registry = load();
    const plain = await write(registry);
    await write(registry, new DerivedCache(cacheDir));

    // the largest entry (a province's ZIP) cut short, as a full disk or an interrupted copy
    // leaves it; another with one byte altered, as a bad sector or a bad restore does
    const entries = readdirSync(cacheDir)
      .map((name) => ({ path: join(cacheDir, name), size: statSync(join(cacheDir, name)).size }))
      .sort((a, b) => b.size - a.size);
    const [cut, altered] = [entries[0]!, entries[1]!];
    truncateSync(cut.path, Math.floor(cut.size / 2));
    const bytes = readFileSync(altered.path);
    bytes[bytes.length >> 1]! ^= 0x10;
    writeFileSync(altered.path, bytes);

    const repairing = new DerivedCache(cacheDir);
    const out = await write(registry, repairing);
    expectSameFiles(out, plain);
    expect(repairing.stats).toMatchObject({ discarded: 2, misses: 2 });
    const zips = [...filesOf(out)].filter(([path]) => path.endsWith('.zip'));
    expect(zips.length).toBeGreaterThan(30);
    for (const [path, zip] of zips) expect(checkZip(zip, path)).toHaveLength(1);
    for (const [path, gz] of filesOf(out)) if (path.endsWith('.gz')) gunzipSync(gz); // checks its CRC

    // stored whole again: the build after reads everything back
    const after = new DerivedCache(cacheDir);
    expectSameFiles(await write(registry, after), plain);
    expect(after.stats).toMatchObject({ misses: 0, discarded: 0 });
  });
});
