/**
 * Text saved as GBK/GB18030 or Big5, as offices' spreadsheets save it, for the import tests.
 * Node decodes these encodings but does not encode them, so the encoder is the decoder's table
 * read backwards: every two-byte code is decoded once and each character keeps its first code.
 */

const tables = new Map<string, Map<string, readonly [number, number]>>();

function tableOf(encoding: 'gb18030' | 'big5'): Map<string, readonly [number, number]> {
  let table = tables.get(encoding);
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder(encoding);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  tables.set(encoding, table);
  return table;
}

/** `text` in GB18030 (GBK for every character a list uses) or Big5; throws on a character the encoding lacks. */
export function encodeLegacy(text: string, encoding: 'gb18030' | 'big5'): Uint8Array {
  const table = tableOf(encoding);
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = table.get(ch);
    if (!pair) throw new Error(`${encoding} has no code for ${ch}`);
    bytes.push(pair[0], pair[1]);
  }
  return new Uint8Array(bytes);
}
