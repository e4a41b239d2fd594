/**
 * Compressed files written from a stream of text: gzip (.gz, for programs) and a ZIP holding
 * one file (.zip, which opens with a double click on Windows and macOS, for people).
 *
 * The text arrives as chunks (rows), is encoded a batch at a time and compressed by
 * node:zlib on libuv's thread pool, so the main thread builds the next rows (or the next
 * file) while a batch is being compressed. Without a cache the text is never held whole;
 * with one (ArchiveOptions.cache) one file's text is held until its hash says whether an
 * earlier build compressed it already (40 MB for the largest file at national scale). The
 * compressed result is kept until the file is written (a ZIP's headers need the sizes and
 * CRC before the data).
 *
 * The ZIP is the plainest the format allows: one deflated entry with its sizes in the local
 * header (no data descriptor, no ZIP64: refused past 4 GiB), an ASCII name and a fixed
 * timestamp (the data's date), so the same data always gives the same bytes.
 */
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createDeflateRaw, createGzip, crc32, type DeflateRaw, type Gzip } from 'node:zlib';
import { DerivedCache } from '../build-cache/derived-cache.ts';

/** zlib's level 9: ~2 % smaller than the default 6 on this data, for a little more time. */
export const COMPRESSION_LEVEL = 9;
/** Bytes of text encoded and handed to zlib at once. */
const BATCH_BYTES = 1 << 20;

interface Compressed {
  readonly parts: Buffer[];
  readonly packedBytes: number;
  readonly rawBytes: number;
  /** CRC-32 of the uncompressed bytes (computed only for ZIP entries). */
  readonly crc: number;
}

type Format = 'gzip' | 'deflate-raw';

export interface ArchiveOptions {
  /** zlib level (default COMPRESSION_LEVEL). */
  readonly level?: number;
  /**
   * Where compressed results are kept between builds, by a hash of the text and the
   * settings: text compressed by an earlier build is read back instead of compressed again.
   */
  readonly cache?: DerivedCache;
}

const freshBatch = (): Buffer => Buffer.allocUnsafe(BATCH_BYTES);

/**
 * The text as batches of UTF-8. Rows are encoded straight into a batch buffer (twice as fast
 * as joining them and then encoding); a fresh buffer per batch (from `allocate`), as zlib
 * reads each one after write() returns.
 */
function* batchesOf(chunks: Iterable<string>, allocate: () => Buffer = freshBatch): Generator<Buffer> {
  let batch = allocate();
  let used = 0;
  for (const chunk of chunks) {
    if (used + chunk.length * 3 > batch.length) {
      if (used > 0) yield batch.subarray(0, used);
      batch = allocate();
      used = 0;
      if (chunk.length * 3 > batch.length) {
        yield Buffer.from(chunk, 'utf8');
        continue;
      }
    }
    used += batch.write(chunk, used, 'utf8');
  }
  if (used > 0) yield batch.subarray(0, used);
}

async function deflate(batches: Iterable<Buffer>, format: Format, level: number, withCrc: boolean): Promise<Compressed> {
  const stream: Gzip | DeflateRaw = format === 'gzip' ? createGzip({ level }) : createDeflateRaw({ level });
  const parts: Buffer[] = [];
  let packedBytes = 0;
  stream.on('data', (b: Buffer) => {
    parts.push(b);
    packedBytes += b.length;
  });
  const done = once(stream, 'end');
  let rawBytes = 0;
  let crc = 0;
  for (const bytes of batches) {
    rawBytes += bytes.length;
    if (withCrc) crc = crc32(bytes, crc);
    // waiting here lets the thread pool work while the event loop runs other files' rows
    if (!stream.write(bytes)) await once(stream, 'drain');
  }
  stream.end();
  await done;
  return { parts, packedBytes, rawBytes, crc };
}

/**
 * Batch buffers free for reuse, per cache (so per build). Files' texts held whole in fresh
 * buffers made V8 collect its whole heap more often (2 s more GC at national scale); reused,
 * they allocate nothing after the first few files.
 */
const freeBatches = new WeakMap<DerivedCache, Buffer[]>();

/**
 * Without a cache the batches stream into zlib as they are made. With one, the file's text is
 * made and hashed first (sha256 runs at over 1 GB/s; deflate at level 9 at ~35 MB/s), then
 * either read back or compressed from the same batches, so both give the same bytes.
 */
async function compress(chunks: Iterable<string>, format: Format, options: ArchiveOptions, withCrc: boolean): Promise<Compressed> {
  const level = options.level ?? COMPRESSION_LEVEL;
  const cache = options.cache;
  if (!cache) return deflate(batchesOf(chunks), format, level, withCrc);
  let free = freeBatches.get(cache);
  if (!free) freeBatches.set(cache, (free = []));
  const taken: Buffer[] = [];
  const allocate = () => {
    const batch = free.pop() ?? freshBatch();
    taken.push(batch);
    return batch;
  };
  try {
    return await compressHeld(batchesOf(chunks, allocate), format, level, cache, withCrc);
  } finally {
    // zlib has read every batch by now (or never will): they can hold the next file's text
    free.push(...taken);
  }
}

async function compressHeld(batches: Iterable<Buffer>, format: Format, level: number, cache: DerivedCache, withCrc: boolean): Promise<Compressed> {
  const held: Buffer[] = [];
  // the zlib build decides the bytes (the same text may compress differently in another)
  const hash = DerivedCache.hasher(`${format} level ${level} zlib ${process.versions.zlib} ${process.platform}`);
  let rawBytes = 0;
  let crc = 0;
  for (const bytes of batches) {
    held.push(bytes);
    hash.update(bytes);
    rawBytes += bytes.length;
    if (withCrc) crc = crc32(bytes, crc);
  }
  const key = hash.digest('hex');
  const cached = cache.read(key);
  if (cached) return { parts: [cached], packedBytes: cached.length, rawBytes, crc };
  const z = await deflate(held, format, level, false);
  held.length = 0;
  cache.store(key, z.parts);
  return { ...z, crc };
}

function writeParts(path: string, parts: readonly Buffer[]): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, Buffer.concat(parts));
}

export interface ArchiveResult {
  /** Bytes written. */
  readonly bytes: number;
  /** Bytes of the text before compression. */
  readonly rawBytes: number;
}

/** Writes the chunks' text, gzip-compressed, to `path`. */
export async function writeGzip(path: string, chunks: Iterable<string>, options: ArchiveOptions = {}): Promise<ArchiveResult> {
  const z = await compress(chunks, 'gzip', options, false);
  writeParts(path, z.parts);
  return { bytes: z.packedBytes, rawBytes: z.rawBytes };
}

/** MS-DOS date and time fields of a YYYY-MM-DD day at midnight (what ZIP headers hold). */
export function dosDateTime(day: string): { date: number; time: number } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return { date: ((Math.max(1980, y) - 1980) << 9) | (m << 5) | d, time: 0 };
}

const LIMIT_32 = 0xffffffff;

/**
 * Writes a ZIP archive at `path` holding one file, `entryName` (ASCII), whose text is the
 * chunks', deflated. `day` (YYYY-MM-DD) is the entry's timestamp.
 */
export async function writeZip(path: string, entryName: string, chunks: Iterable<string>, day: string, options: ArchiveOptions = {}): Promise<ArchiveResult> {
  if (!/^[\x20-\x7e]+$/.test(entryName)) throw new Error(`ZIP entry names are kept ASCII: ${entryName}`);
  const z = await compress(chunks, 'deflate-raw', options, true);
  if (z.rawBytes > LIMIT_32 || z.packedBytes > LIMIT_32) throw new Error(`${path}: over 4 GiB needs ZIP64, which this writer does not do`);
  const name = Buffer.from(entryName, 'ascii');
  const { date, time } = dosDateTime(day);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); // local file header
  local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
  local.writeUInt16LE(0, 6); // flags: none (sizes are in this header)
  local.writeUInt16LE(8, 8); // method: deflate
  local.writeUInt16LE(time, 10);
  local.writeUInt16LE(date, 12);
  local.writeUInt32LE(z.crc >>> 0, 14);
  local.writeUInt32LE(z.packedBytes, 18);
  local.writeUInt32LE(z.rawBytes, 22);
  local.writeUInt16LE(name.length, 26);
  local.writeUInt16LE(0, 28); // extra field length
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); // central directory header
  central.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt16LE(time, 12);
  central.writeUInt16LE(date, 14);
  central.writeUInt32LE(z.crc >>> 0, 16);
  central.writeUInt32LE(z.packedBytes, 20);
  central.writeUInt32LE(z.rawBytes, 24);
  central.writeUInt16LE(name.length, 28);
  // extra, comment, disk number, internal and external attributes, local header offset: 0
  const centralOffset = local.length + name.length + z.packedBytes;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); // end of central directory
  end.writeUInt16LE(1, 8); // entries on this disk
  end.writeUInt16LE(1, 10); // entries in all
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  const parts = [local, name, ...z.parts, central, name, end];
  writeParts(path, parts);
  return { bytes: centralOffset + central.length + name.length + end.length, rawBytes: z.rawBytes };
}

/** Runs `jobs` with at most `limit` at once (a few files compress while the next is built). */
export async function runPooled<T>(jobs: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results = new Array<T>(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}
