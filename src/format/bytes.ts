/**
 * Bytes for the binary files the browser clients read (the search terms and places, the
 * channel store's records and key shards): a growing write buffer and a read position, with
 * little-endian u32s and LEB128 varints (7 bits a byte, low first). Plain typed-array code:
 * the clients bundle it.
 */

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

  /** Four bytes, little-endian. */
  u32(n: number): void {
    this.room(4);
    this.buf[this.length++] = n & 0xff;
    this.buf[this.length++] = (n >>> 8) & 0xff;
    this.buf[this.length++] = (n >>> 16) & 0xff;
    this.buf[this.length++] = (n >>> 24) & 0xff;
  }

  reset(): void {
    this.length = 0;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  /** A copy of what was written. */
  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }

  /** What was written, without copying (valid until the next write). */
  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
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

  u32(): number {
    const b = this.buf;
    const p = this.pos;
    this.pos += 4;
    return (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16)) + b[p + 3]! * 0x1000000;
  }

  /** Moves past `count` varints without decoding them. */
  skipVarints(count: number): void {
    const b = this.buf;
    while (count > 0) if (b[this.pos++]! < 0x80) count--;
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
