/**
 * Turning file bytes into text: UTF-8 only, with a BOM tolerated, and a precise hint when a
 * spreadsheet saved the file in GBK instead.
 */
import type { DiagnosticList } from './diagnostics.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8 (dropping a BOM); on invalid bytes records FILE_ENCODING and returns null. */
export function decodeUtf8(bytes: Uint8Array, file: string, diagnostics: DiagnosticList): string | null {
  try {
    const text = utf8.decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    const { line, col } = firstInvalidUtf8(bytes);
    const gbk = looksLikeGbk(bytes) ? ' It looks like GBK/GB18030, which Chinese spreadsheets often save.' : '';
    diagnostics.error(
      { file, line, col },
      'FILE_ENCODING',
      `the file is not UTF-8 (first invalid byte here).${gbk} Re-save it as "CSV UTF-8" (Excel: 另存为 → CSV UTF-8; WPS: 文件编码选 UTF-8); none of its rows were read`,
    );
    return null;
  }
}

/**
 * Line and column of the first byte that is not part of valid UTF-8, by the rules the decoder
 * applies (no overlong forms, no surrogates, nothing past U+10FFFF), so the place reported is
 * the place the decoder stopped. Lines end at "\r\n", "\n" or a lone "\r", as the CSV
 * reader counts them; the column counts the characters before the byte on its line.
 */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const length = validSequenceAt(bytes, i);
    if (length === 0) {
      // a BOM opening the file is not text (decodeUtf8 drops it); anywhere else it is a character
      const col = new TextDecoder('utf-8', { ignoreBOM: lineStart > 0 }).decode(bytes.subarray(lineStart, i)).length + 1;
      return { line, col };
    }
    const b = bytes[i]!;
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
    i += length;
  }
  // the decoder refused the bytes, so this is never reached; the start is a place that exists
  return { line: 1, col: 1 };
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none. */
function validSequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  let length: number;
  // the allowed range of the second byte depends on the first (Unicode Table 3-7)
  let low = 0x80;
  let high = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) length = 2;
  else if (b >= 0xe0 && b <= 0xef) {
    length = 3;
    if (b === 0xe0) low = 0xa0;
    if (b === 0xed) high = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    length = 4;
    if (b === 0xf0) low = 0x90;
    if (b === 0xf4) high = 0x8f;
  } else return 0;
  if (i + length > bytes.length) return 0;
  const second = bytes[i + 1]!;
  if (second < low || second > high) return 0;
  for (let k = 2; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return 0;
  return length;
}

function looksLikeGbk(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
