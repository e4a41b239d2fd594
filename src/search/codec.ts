/**
 * The binary layout of the search index, written by the builder and read by the client.
 *
 * Record ids are split into blocks of BLOCK_SIZE. A token's ids in one block are stored in the
 * smallest of three forms (as in Roaring bitmaps): a delta list for sparse ids, runs for ids
 * that come in ranges (every channel of a region has consecutive ids), or a bitmap for dense
 * ones, which caps any block of any token at BLOCK_SIZE / 8 bytes.
 *
 * A shard file holds the tokens routed to it. A token's blocks are inline when small; a
 * common token's blocks are separate files, so a query fetches only the blocks it needs.
 *
 *   shard   = varint entryCount, entry*
 *   entry   = varint tokenBytes, utf8 token, varint idCount, byte where,
 *             where 0 (inline):   varint segmentCount, (varint block, body)*
 *             where 1 (external): varint fileId, varint blockCount, varint block*
 *   body    = byte form, varint payloadBytes, payload      (an external block file is a body)
 */

export const BLOCK_BITS = 16;
export const BLOCK_SIZE = 1 << BLOCK_BITS;

const FORM_LIST = 0;
const FORM_RUNS = 1;
const FORM_BITMAP = 2;

export class ByteWriter {
  private buf = new Uint8Array(64);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.length++] = b;
  }

  varint(n: number): void {
    this.room(5);
    while (n >= 0x80) {
      this.buf[this.length++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    this.buf[this.length++] = n;
  }

  reset(): void {
    this.length = 0;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

export function varintLength(n: number): number {
  let len = 1;
  while (n >= 0x80) {
    n >>>= 7;
    len++;
  }
  return len;
}

/** A read position in a buffer. */
export class ByteReader {
  readonly buf: Uint8Array;
  pos: number;

  constructor(buf: Uint8Array, pos = 0) {
    this.buf = buf;
    this.pos = pos;
  }

  byte(): number {
    return this.buf[this.pos++]!;
  }

  varint(): number {
    let n = 0;
    let shift = 0;
    for (;;) {
      const b = this.buf[this.pos++]!;
      n += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return n;
      shift += 7;
    }
  }
}

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

export interface InlinePostings {
  readonly kind: 'inline';
  readonly count: number;
  /** Block number → where its body starts in `buf`. */
  readonly blocks: ReadonlyMap<number, number>;
  readonly buf: Uint8Array;
}

export interface ExternalPostings {
  readonly kind: 'external';
  readonly count: number;
  readonly fileId: number;
  /** Blocks that hold any id (the others need no fetch). */
  readonly blocks: ReadonlySet<number>;
}

export type TokenPostings = InlinePostings | ExternalPostings;

export interface ShardEntry {
  readonly token: string;
  readonly count: number;
  /** Encoded segments (varint block, body)* when inline. */
  readonly inline?: { segments: number; bytes: Uint8Array };
  readonly external?: { fileId: number; blocks: readonly number[] };
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

export function encodeShard(entries: readonly ShardEntry[]): Uint8Array {
  const out = new ByteWriter();
  out.varint(entries.length);
  for (const e of entries) {
    const token = utf8.encode(e.token);
    out.varint(token.length);
    out.bytes(token);
    out.varint(e.count);
    if (e.inline) {
      out.byte(0);
      out.varint(e.inline.segments);
      out.bytes(e.inline.bytes);
    } else {
      out.byte(1);
      out.varint(e.external!.fileId);
      out.varint(e.external!.blocks.length);
      for (const b of e.external!.blocks) out.varint(b);
    }
  }
  return out.result();
}

/** Reads a shard's entries; inline block bodies stay in the shard's buffer until needed. */
export function decodeShard(buf: Uint8Array): Map<string, TokenPostings> {
  const reader = new ByteReader(buf);
  const entries = new Map<string, TokenPostings>();
  for (let n = reader.varint(); n > 0; n--) {
    const tokenLength = reader.varint();
    const token = fromUtf8.decode(buf.subarray(reader.pos, reader.pos + tokenLength));
    reader.pos += tokenLength;
    const count = reader.varint();
    if (reader.byte() === 0) {
      const blocks = new Map<number, number>();
      for (let s = reader.varint(); s > 0; s--) {
        const block = reader.varint();
        blocks.set(block, reader.pos);
        reader.byte();
        const length = reader.varint(); // read before `pos`: `pos += varint()` would add to the old pos
        reader.pos += length;
      }
      entries.set(token, { kind: 'inline', count, blocks, buf });
    } else {
      const fileId = reader.varint();
      const blocks = new Set<number>();
      for (let b = reader.varint(); b > 0; b--) blocks.add(reader.varint());
      entries.set(token, { kind: 'external', count, fileId, blocks });
    }
  }
  return entries;
}
