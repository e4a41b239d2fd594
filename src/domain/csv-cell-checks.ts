/**
 * What a cell of a well-formed CSV record can still hide: control characters and broken text,
 * and whole rows swallowed by a quote closed a line too late (legal CSV, so no parser
 * complains). Cheap enough for half a million rows: one scan of the text finds the few records
 * worth a look (SuspectScanner); only those, and records that span several lines, have their
 * cells checked here.
 */
import { ID_PATTERN } from './schemas/cells.ts';

/**
 * Characters that may make a cell unsound: C0 controls but TAB, LF and CR (line breaks are
 * judged by column), DEL, C1 controls, and surrogates (good pairs are passed over).
 */
const SUSPECT = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uD800-\uDFFF]/g;

/** What the closer look refuses: the controls above and surrogates without their other half. */
const CONTROL = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]|\p{Cs}/u;

const LINE_BREAK = /\r\n?|\n/g;

/**
 * Finds, record by record in order, whether a record holds a suspect character. Each stretch
 * of the text is searched once: one pass over the file in all.
 */
export class SuspectScanner {
  readonly #text: string;
  readonly #pattern = new RegExp(SUSPECT);
  /** Offset of the first suspect character at or after the last start asked about. */
  #next = -1;

  constructor(text: string) {
    this.#text = text;
  }

  /** True when text[start, end) may hold a control or broken character; starts must not go back. */
  within(start: number, end: number): boolean {
    if (this.#next < start) {
      const text = this.#text;
      this.#pattern.lastIndex = start;
      let match = this.#pattern.exec(text);
      // a good surrogate pair (an emoji, a rare character) is passed over here, so that a file
      // full of them does not send every row to the closer look
      while (match && isPairAt(text, match.index)) {
        this.#pattern.lastIndex = match.index + 2;
        match = this.#pattern.exec(text);
      }
      this.#next = match ? match.index : Infinity;
    }
    return this.#next < end;
  }
}

function isPairAt(text: string, i: number): boolean {
  const high = text.charCodeAt(i);
  const low = text.charCodeAt(i + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

export interface ControlChar {
  /** Index in the cell's text. */
  readonly index: number;
  /** How a message names it: "U+0000 (NUL)", "an unpaired surrogate U+D800". */
  readonly name: string;
}

const CONTROL_NAMES: Readonly<Record<number, string>> = { 0x00: 'NUL', 0x08: 'backspace', 0x0b: 'vertical tab', 0x0c: 'form feed', 0x1b: 'escape', 0x7f: 'DEL' };

/** The first control character or unpaired surrogate in `cell`, if any. */
export function controlCharIn(cell: string): ControlChar | undefined {
  const match = CONTROL.exec(cell);
  if (!match) return undefined;
  const code = cell.charCodeAt(match.index);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code >= 0xd800 && code <= 0xdfff) return { index: match.index, name: `an unpaired surrogate ${hex} (half of a character, which no UTF-8 file can hold)` };
  const label = CONTROL_NAMES[code];
  return { index: match.index, name: `the control character ${hex}${label ? ` (${label})` : ''}` };
}

/** True when `cell` holds a line break (LF or CR). */
export function hasLineBreak(cell: string): boolean {
  return cell.includes('\n') || cell.includes('\r');
}

export interface SwallowedRow {
  /** Which line of the cell (1 = the second: the first is the opening quote's own). */
  readonly lineIndex: number;
  /** The id the line starts with. */
  readonly id: string;
  /** How many more lines of the cell look like rows. */
  readonly more: number;
}

/**
 * The first line of a multi-line cell, after its first, that looks like a row of the file:
 * its first cell looks like an id and, counted as a line of the file, it has at least as many
 * cells as the header (on the cell's last line, the record's `cellsAfter` cells after this
 * one follow it). Such a line is what a quote closed a line late turns into text of the cell.
 */
export function swallowedRowIn(cell: string, columns: number, cellsAfter: number): SwallowedRow | undefined {
  const lineBreak = new RegExp(LINE_BREAK);
  let found: { lineIndex: number; id: string } | undefined;
  let more = 0;
  let lineIndex = 0;
  // the next comma, only ever moved forward: a cell of many lines is still read once
  let comma = cell.indexOf(',');
  let match = lineBreak.exec(cell);
  while (match) {
    lineIndex++;
    const lineStart = match.index + match[0].length;
    match = lineBreak.exec(cell);
    const lineEnd = match ? match.index : cell.length;
    while (comma >= 0 && comma < lineStart) comma = cell.indexOf(',', comma + 1);
    if (comma < 0 || comma >= lineEnd) continue; // one cell: no row of a CSV file
    const firstComma = comma;
    let cells = 1;
    while (comma >= 0 && comma < lineEnd) {
      cells++;
      comma = cell.indexOf(',', comma + 1);
    }
    if (!match) cells += cellsAfter;
    if (cells < columns) continue;
    const id = cell.slice(lineStart, firstComma).trim();
    if (!ID_PATTERN.test(id)) continue;
    if (found) more++;
    else found = { lineIndex, id };
  }
  return found && { ...found, more };
}
