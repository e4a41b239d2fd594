/**
 * Text saved as GBK/GB18030 or Big5, as offices' spreadsheets save it, for the import tests.
 * Node decodes these encodings but does not encode them, so the encoder is the decoder's table
 * read backwards: every two-byte code is decoded once and each character keeps its first code.
 */

const tables = new Map<string, Map<string, readonly number[]>>();

function tableOf(encoding: 'gb18030' | 'big5'): Map<string, readonly number[]> {
  let table = tables.get(encoding);
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder(encoding);
  const add = (bytes: number[]) => {
    const ch = decoder.decode(new Uint8Array(bytes));
    if (ch.length === 1 && ch !== '\ufffd' && !table!.has(ch)) table!.set(ch, bytes);
  };
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) add([lead, trail]);
  }
  // GB18030's four-byte codes of the rest of the Basic Multilingual Plane (rare characters of place names)
  if (encoding === 'gb18030') {
    for (let b1 = 0x81; b1 <= 0x84; b1++) for (let b2 = 0x30; b2 <= 0x39; b2++) for (let b3 = 0x81; b3 <= 0xfe; b3++) for (let b4 = 0x30; b4 <= 0x39; b4++) add([b1, b2, b3, b4]);
  }
  tables.set(encoding, table);
  return table;
}

/** `text` in GB18030 (GBK's two bytes where it has the character) or Big5; throws on a character the encoding lacks. */
export function encodeLegacy(text: string, encoding: 'gb18030' | 'big5'): Uint8Array {
  const table = tableOf(encoding);
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const encoded = table.get(ch) ?? (encoding === 'gb18030' && code > 0xffff ? supplementary(code) : undefined);
    if (!encoded) throw new Error(`${encoding} has no code for ${ch}`);
    bytes.push(...encoded);
  }
  return new Uint8Array(bytes);
}

/** GB18030's four-byte code of a character beyond the Basic Multilingual Plane (a linear range from 0x90308130). */
function supplementary(code: number): number[] {
  let n = code - 0x10000;
  const b4 = 0x30 + (n % 10);
  n = Math.floor(n / 10);
  const b3 = 0x81 + (n % 126);
  n = Math.floor(n / 126);
  return [0x90 + Math.floor(n / 10), 0x30 + (n % 10), b3, b4];
}
