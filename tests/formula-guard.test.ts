/**
 * The spreadsheet formula guard (src/format/csv.ts): every cell a spreadsheet could evaluate
 * is guarded, and undoing the guard by the documented rule gives back the value exactly,
 * including values that already start with a quote before a formula character.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvField, FORMULA_START, neutraliseCell, originalCell } from '../src/format/csv.ts';

/** A small deterministic generator (mulberry32), so a failure names a reproducible case. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = ["'", "'", '=', '+', '-', '@', '\t', '\r', '\n', ' ', '"', ',', 'a', '1', '荣'];

function randomCells(count: number, seed: number): string[] {
  const next = random(seed);
  return Array.from({ length: count }, () => {
    const length = Math.floor(next() * 6);
    let s = '';
    for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(next() * ALPHABET.length)];
    return s;
  });
}

describe('formula guard', () => {
  it('guards what a spreadsheet would evaluate, including after quotes and spaces', () => {
    for (const bad of ['=', '=1+1', '+', '-1', '@', '@SUM(A1)', '\tx', '\rx', "'=1+1", "''=1", "'+1", "'-1", "'@x", "'\tx", ' =1', "' =1", "' '=1"]) {
      expect(neutraliseCell(bad), JSON.stringify(bad)).toBe(`'${bad}`);
    }
    for (const fine of ['荣成公安', 'a=b', '1-2', "'quoted", "'", "''", ' ', '', 'https://x.org/?a=1', "a'=1"]) {
      expect(neutraliseCell(fine), JSON.stringify(fine)).toBe(fine);
    }
  });

  it("a value that already starts with '= is quoted again, so undoing the guard gives it back", () => {
    expect(neutraliseCell("'=1+1")).toBe("''=1+1");
    expect(originalCell("''=1+1")).toBe("'=1+1");
    expect(originalCell(neutraliseCell("''=x"))).toBe("''=x");
  });

  it('guard then undo is the identity over random strings of quotes, formula characters and text', () => {
    const cells = [...randomCells(20_000, 16), "'=", "''=", '=', '-1', '+', '@', "'", "''", ''];
    for (const cell of cells) {
      const guarded = neutraliseCell(cell);
      expect(originalCell(guarded), JSON.stringify(cell)).toBe(cell);
      // changed exactly when a spreadsheet could evaluate it, and then only by one quote in front
      expect(guarded !== cell, JSON.stringify(cell)).toBe(FORMULA_START.test(cell));
      if (guarded !== cell) expect(guarded).toBe(`'${cell}`);
    }
  });

  it('survives the CSV field writer: parse, undo, and the original is back', () => {
    const cells = randomCells(2_000, 99);
    const line = cells.map(csvField).join(',');
    const parsed = Papa.parse<string[]>(line, { header: false, newline: '\n' }).data[0]!;
    expect(parsed.map(originalCell)).toEqual(cells);
  });
});
