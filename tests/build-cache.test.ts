/**
 * The cache of compressed downloads: a build with it writes exactly the bytes a build without
 * it writes, cold or warm, and after a one-row change compresses again only the files whose
 * text changed. The folder keeps only what the latest build used.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { DerivedCache } from '../src/build-cache/derived-cache.ts';
import { Registry } from '../src/domain/model.ts';
import { checkDataset } from '../src/domain/pipeline.ts';
import { writeGzip, writeZip } from '../src/downloads/archive.ts';
import { writeDownloads } from '../src/downloads/write-downloads.ts';
import { siteConfigFromEnv } from '../src/site/config.ts';
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
    expect(second.prune()).toEqual({ entries: 1, bytes: 3, removed: 2 });
    expect(readdirSync(dir)).toEqual([kept]);
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

describe('downloads built twice', () => {
  let root: string;
  const load = () => new Registry(checkDataset({ dataDir: join(root, 'data'), contentDir: join(root, 'content') }, { today: TODAY }).dataset);
  const write = async (registry: Registry, cache?: DerivedCache) => {
    const out = temp('downloads-out');
    const ctx = { registry, config: siteConfigFromEnv({}), base: '/', dataUpdated: TODAY, pages: ['/', '/en/'] };
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
    // its province's ZIP and its JSON shard (an active channel is in no closures file)
    expect(changed.stats.misses).toBe(2);
    expect(changed.stats.hits).toBe(files - 2);
    expect(changed.prune().removed).toBe(2);
  });
});
