/**
 * The binary layout of the search index's term shards, written by the builder and read by the
 * client.
 *
 * A token is stored as a 32-bit hash (text.ts tokenCheck), not as text: the client hashes the
 * tokens of its query the same way. With a few thousand tokens a shard, a token that is not in
 * the index is mistaken for one that is about once in a million queries, and then only adds
 * results that ranking puts last.
 *
 * A token's record ids are stored in the smaller of two forms, as ascending global ids (delta
 * varints) or as runs (every channel of a region has consecutive ids, and so often have one
 * body's channels). A common token's ids are instead split into blocks of BLOCK_SIZE ids, each
 * a file of its own in the smallest of three forms (as in Roaring bitmaps: a delta list, runs,
 * or a bitmap, which caps a block at BLOCK_SIZE / 8 bytes), so a query fetches only the blocks
 * it needs. A token that is in a place's name also lists those places.
 *
 *   shard   = varint entryCount, entry*                  (entries in ascending check order)
 *   entry   = u32 check (little-endian), varint head, body, [varint placeCount, placeDelta*]
 *   head    = n << 3 | hasPlaces << 2 | form
 *             form 0 (ids):      n × varint (id − previous id − 1), the first from −1
 *             form 1 (runs):     n × (varint start − previous end, varint length − 1)
 *             form 2 (external): varint fileId, n × (varint block − previous block (from 0),
 *                                varint ids in the block − 1)
 *   block   = byte form, varint payloadBytes, payload     (an external block file)
 */
import { ByteReader, varintLength, type ByteWriter } from '../format/bytes.ts';

export const BLOCK_BITS = 16;
export const BLOCK_SIZE = 1 << BLOCK_BITS;

const FORM_LIST = 0;
const FORM_RUNS = 1;
const FORM_BITMAP = 2;

/**
 * Encodes one block's ids, given as half-open runs [start, end) relative to the block start,
 * sorted and not touching, in the smallest form.
 */
export function encodeBlock(runs: readonly number[], out: ByteWriter): void {
  let count = 0;
  let listBytes = 0;
  let runBytes = varintLength(runs.length / 2);
  let prevId = 0;
  let prevEnd = 0;
  for (let i = 0; i < runs.length; i += 2) {
    const start = runs[i]!;
    const end = runs[i + 1]!;
    count += end - start;
    listBytes += varintLength(start - prevId) + (end - start - 1);
    runBytes += varintLength(start - prevEnd) + varintLength(end - start - 1);
    prevId = end - 1;
    prevEnd = end;
  }
  listBytes += varintLength(count);
  const last = runs.length ? runs[runs.length - 1]! - 1 : 0;
  const bitmapBytes = (last >> 3) + 1;

  // The sizes above are exact, so the body is written straight after its length.
  const body = out;
  if (bitmapBytes < listBytes && bitmapBytes < runBytes) {
    out.byte(FORM_BITMAP);
    out.varint(bitmapBytes);
    const bits = new Uint8Array(bitmapBytes);
    for (let i = 0; i < runs.length; i += 2) {
      for (let id = runs[i]!; id < runs[i + 1]!; id++) bits[id >> 3]! |= 1 << (id & 7);
    }
    body.bytes(bits);
  } else if (runBytes < listBytes) {
    out.byte(FORM_RUNS);
    out.varint(runBytes);
    body.varint(runs.length / 2);
    let end = 0;
    for (let i = 0; i < runs.length; i += 2) {
      body.varint(runs[i]! - end);
      body.varint(runs[i + 1]! - runs[i]! - 1);
      end = runs[i + 1]!;
    }
  } else {
    out.byte(FORM_LIST);
    out.varint(listBytes);
    body.varint(count);
    let prev = 0;
    for (let i = 0; i < runs.length; i += 2) {
      for (let id = runs[i]!; id < runs[i + 1]!; id++) {
        body.varint(id - prev);
        prev = id;
      }
    }
  }
}

/** A set of ids within one block, one bit each. */
export type BlockBits = Uint32Array;

export function emptyBits(): BlockBits {
  return new Uint32Array(BLOCK_SIZE >> 5);
}

function setRange(bits: BlockBits, start: number, end: number): void {
  for (let id = start; id < end; ) {
    if ((id & 31) === 0 && id + 32 <= end) {
      bits[id >> 5] = 0xffffffff;
      id += 32;
    } else {
      bits[id >> 5]! |= 1 << (id & 31);
      id++;
    }
  }
}

/** Adds the ids of the block body at the reader's position into `bits`. */
export function decodeBlockInto(reader: ByteReader, bits: BlockBits): void {
  const form = reader.byte();
  const length = reader.varint();
  const end = reader.pos + length;
  if (form === FORM_BITMAP) {
    const buf = reader.buf;
    for (let i = reader.pos; i < end; i++) {
      const byte = buf[i]!;
      if (byte) bits[(i - reader.pos) >> 2]! |= byte << (((i - reader.pos) & 3) * 8);
    }
  } else if (form === FORM_RUNS) {
    let at = 0;
    for (let n = reader.varint(); n > 0; n--) {
      const start = at + reader.varint();
      at = start + reader.varint() + 1;
      setRange(bits, start, at);
    }
  } else {
    let id = 0;
    for (let n = reader.varint(); n > 0; n--) {
      id += reader.varint();
      bits[id >> 5]! |= 1 << (id & 31);
    }
  }
  reader.pos = end;
}

/** Ids set in `bits`, ascending, offset by `base`. */
export function idsOf(bits: BlockBits, base: number): number[] {
  const ids: number[] = [];
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w]!;
    while (word) {
      const low = word & -word;
      ids.push(base + (w << 5) + (31 - Math.clz32(low)));
      word ^= low;
    }
  }
  return ids;
}

/** A token's ids as the client holds them: half-open global runs, or blocks in files. */
export interface InlinePostings {
  readonly kind: 'inline';
  /** [start, end) pairs, ascending, global ids. */
  readonly runs: readonly number[];
  /** Blocks that hold any id. */
  readonly blocks: ReadonlySet<number>;
  readonly places: readonly number[];
}

export interface ExternalPostings {
  readonly kind: 'external';
  readonly fileId: number;
  /** Blocks that hold any id (the others need no fetch). */
  readonly blocks: ReadonlySet<number>;
  /** Ids in each of those blocks: how many matches a block can give, before it is fetched. */
  readonly counts: ReadonlyMap<number, number>;
  readonly places: readonly number[];
}

export type TokenPostings = InlinePostings | ExternalPostings;

const FORM_IDS = 0;
const FORM_RUNS_INLINE = 1;
const FORM_EXTERNAL = 2;

/** Bytes of a token's ids in the ids form and the runs form (runs as flat [start, end) pairs). */
export function inlineSizes(runs: readonly number[]): { ids: number; runs: number; count: number } {
  let ids = 0;
  let runBytes = 0;
  let count = 0;
  let prevId = -1;
  let prevEnd = 0;
  for (let i = 0; i < runs.length; i += 2) {
    const start = runs[i]!;
    const end = runs[i + 1]!;
    count += end - start;
    ids += varintLength(start - prevId - 1) + (end - start - 1);
    runBytes += varintLength(start - prevEnd) + varintLength(end - start - 1);
    prevId = end - 1;
    prevEnd = end;
  }
  return { ids, runs: runBytes, count };
}

function writePlaces(places: readonly number[], out: ByteWriter): void {
  if (places.length === 0) return;
  out.varint(places.length);
  let prev = -1;
  for (const p of places) {
    out.varint(p - prev - 1);
    prev = p;
  }
}

/** Writes an entry whose ids are inline, in the smaller form. */
export function writeInlineEntry(check: number, runs: readonly number[], places: readonly number[], out: ByteWriter): void {
  const sizes = inlineSizes(runs);
  const hasPlaces = places.length > 0 ? 4 : 0;
  out.u32(check);
  if (sizes.runs < sizes.ids) {
    out.varint(((runs.length / 2) * 8) + hasPlaces + FORM_RUNS_INLINE);
    let prevEnd = 0;
    for (let i = 0; i < runs.length; i += 2) {
      out.varint(runs[i]! - prevEnd);
      out.varint(runs[i + 1]! - runs[i]! - 1);
      prevEnd = runs[i + 1]!;
    }
  } else {
    out.varint(sizes.count * 8 + hasPlaces + FORM_IDS);
    let prev = -1;
    for (let i = 0; i < runs.length; i += 2) {
      for (let id = runs[i]!; id < runs[i + 1]!; id++) {
        out.varint(id - prev - 1);
        prev = id;
      }
    }
  }
  writePlaces(places, out);
}

/** Writes an entry whose ids are in block files `fileId`-`block`, with how many ids each block holds. */
export function writeExternalEntry(check: number, fileId: number, blocks: readonly { readonly block: number; readonly count: number }[], places: readonly number[], out: ByteWriter): void {
  out.u32(check);
  out.varint(blocks.length * 8 + (places.length > 0 ? 4 : 0) + FORM_EXTERNAL);
  out.varint(fileId);
  let prev = 0;
  for (const { block, count } of blocks) {
    out.varint(block - prev);
    out.varint(count - 1);
    prev = block;
  }
  writePlaces(places, out);
}

/**
 * The entries of a shard whose checks are wanted (others are skipped without being decoded).
 * `blockBits` is log2 of the block size, for the blocks an inline token touches.
 */
export function readShard(buf: Uint8Array, wanted: ReadonlySet<number>, blockBits = BLOCK_BITS): Map<number, TokenPostings> {
  const reader = new ByteReader(buf);
  const found = new Map<number, TokenPostings>();
  for (let n = reader.varint(); n > 0; n--) {
    const check = reader.u32();
    const head = reader.varint();
    const form = head & 3;
    const hasPlaces = (head & 4) !== 0;
    const count = Math.floor(head / 8);
    const want = wanted.has(check);
    let postings: { kind: 'inline'; runs: number[]; blocks: Set<number> } | { kind: 'external'; fileId: number; blocks: Set<number>; counts: Map<number, number> } | undefined;
    if (form === FORM_EXTERNAL) {
      const fileId = reader.varint();
      const blocks = new Set<number>();
      const counts = new Map<number, number>();
      let b = 0;
      for (let i = 0; i < count; i++) {
        blocks.add((b += reader.varint()));
        counts.set(b, reader.varint() + 1);
      }
      postings = { kind: 'external', fileId, blocks, counts };
    } else if (!want) {
      reader.skipVarints(form === FORM_RUNS_INLINE ? count * 2 : count);
    } else {
      const runs: number[] = [];
      const blocks = new Set<number>();
      if (form === FORM_RUNS_INLINE) {
        let end = 0;
        for (let i = 0; i < count; i++) {
          const start = end + reader.varint();
          end = start + reader.varint() + 1;
          runs.push(start, end);
        }
      } else {
        let id = -1;
        for (let i = 0; i < count; i++) {
          id += reader.varint() + 1;
          if (runs.length > 0 && runs[runs.length - 1] === id) runs[runs.length - 1] = id + 1;
          else runs.push(id, id + 1);
        }
      }
      for (let i = 0; i < runs.length; i += 2) {
        for (let b = runs[i]! >> blockBits; b <= (runs[i + 1]! - 1) >> blockBits; b++) blocks.add(b);
      }
      postings = { kind: 'inline', runs, blocks };
    }
    const places: number[] = [];
    if (hasPlaces) {
      let p = -1;
      for (let i = reader.varint(); i > 0; i--) places.push((p += reader.varint() + 1));
    }
    if (want) found.set(check, { ...postings!, places });
  }
  return found;
}

/** Adds the ids of inline runs that fall in `block` into `bits`. */
export function runsIntoBits(runs: readonly number[], block: number, bits: BlockBits, blockBits = BLOCK_BITS): void {
  const size = 1 << blockBits;
  const from = block * size;
  const to = from + size;
  for (let i = 0; i < runs.length; i += 2) {
    const start = Math.max(runs[i]!, from);
    const end = Math.min(runs[i + 1]!, to);
    if (start < end) setRange(bits, start - from, end - from);
  }
}
