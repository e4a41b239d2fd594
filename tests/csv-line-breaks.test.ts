/**
 * readCsv tells papaparse the line break only when papaparse would guess "\n" itself; the
 * rows must come out as papaparse reads them with its own guess, whatever the line breaks.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../src/domain/csv.ts';
import { DiagnosticList } from '../src/domain/diagnostics.ts';

const spec = { required: ['id', 'name'], optional: ['notes'], multiline: ['notes'] };

/** The data rows as papaparse reads the text with the line break it guesses. */
const guessed = (text: string) => Papa.parse<string[]>(text, { delimiter: ',' }).data.slice(1).filter((r) => r.some((c) => c.trim() !== ''));

describe('line breaks', () => {
  const filler = (n: number, eol: string) => Array.from({ length: n }, (_, i) => `r${i},name ${i},"x${eol}y"`).join(eol);
  const cases: Record<string, string> = {
    'LF': `id,name,notes\n${filler(3, '\n')}\n`,
    'CRLF': `id,name,notes\r\n${filler(3, '\r\n')}\r\n`,
    'CR': `id,name,notes\r${filler(3, '\r')}\r`,
    'LF, a CR inside a cell only after the first megabyte': `id,name,notes\n${filler(60_000, '\n')}\nlast,x,"a\rb"\n`,
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`reads ${name} as papaparse's own guess does`, () => {
      const table = readCsv(text, 'f.csv', spec, new DiagnosticList())!;
      expect(table.rows.map((r) => r.cells)).toEqual(guessed(text).map((r) => r.map((c) => c.trim())));
    });
  }
});
