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

/** Line and column of the first byte sequence that is not valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let valid = len > 0 && i + len <= bytes.length;
    for (let k = 1; valid && k < len; k++) valid = (bytes[i + k]! & 0xc0) === 0x80;
    if (!valid) {
      const col = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, i)).length + 1;
      return { line, col };
    }
    if (b === 0x0a) {
      line++;
      lineStart = i + 1;
    }
    i += len;
  }
  return { line, col: 1 };
}

function looksLikeGbk(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
