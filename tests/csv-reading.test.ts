import { describe, expect, it } from 'vitest';
import { readCsv, type ColumnSpec } from '../src/domain/csv.ts';
import { DiagnosticList, formatDiagnostic } from '../src/domain/diagnostics.ts';
import { decodeUtf8 } from '../src/domain/text-file.ts';
import { CHANNEL_HEADER, channelRow, checkFiles, codes, only } from './helpers/dataset.ts';

const spec = { required: ['id', 'name'], optional: ['notes'], multiline: ['notes'] };

function read(text: string, columns: ColumnSpec = spec) {
  const diagnostics = new DiagnosticList();
  const table = readCsv(text, 'f.csv', columns, diagnostics);
  return { table, diagnostics, problems: diagnostics.sorted().map((d) => `${d.code}@${d.line}:${d.col}`) };
}

describe('reading what spreadsheets export', () => {
  it('accepts a BOM, CRLF, quoted commas, quotes and line breaks, and trailing blank lines', () => {
    const bytes = new TextEncoder().encode('\ufeffid,name,notes\r\na,"荣成, 威海","he said ""closed"""\r\nb,x,"two\r\nlines"\r\nc,plain,\r\n\r\n\r\n');
    const diagnostics = new DiagnosticList();
    const text = decodeUtf8(bytes, 'f.csv', diagnostics)!;
    const table = readCsv(text, 'f.csv', spec, diagnostics)!;
    expect(diagnostics.items).toEqual([]);
    expect(table.header).toEqual(['id', 'name', 'notes']);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['a', '荣成, 威海', 'he said "closed"'],
      ['b', 'x', 'two\r\nlines'],
      ['c', 'plain', ''],
    ]);
    // The row after a two-line cell starts on line 5, not 4.
    expect(table.rows.map((r) => r.line)).toEqual([2, 3, 5]);
    expect(table.rowsRead).toBe(3);
  });

  it('locates cells by line and character column, even after a multi-line cell', () => {
    const { table } = read('id,name,notes\nb,"two\nlines",x\n', { ...spec, multiline: ['name'] });
    expect(table!.rows[0]!.positionOf(1)).toEqual({ file: 'f.csv', line: 2, col: 3 });
    expect(table!.rows[0]!.positionOf(2)).toEqual({ file: 'f.csv', line: 3, col: 8 });
  });

  it('reports an unclosed quote at the quote, with the lines it swallowed', () => {
    const { problems, table, diagnostics } = read('id,name,notes\na,ok,\nb,"broken,x\nc,lost,\n');
    expect(problems).toEqual(['CSV_UNCLOSED_QUOTE@3:3']);
    expect(diagnostics.items[0]!.message).toContain('lines 3–5');
    expect(table!.rows.map((r) => r.cells[0])).toEqual(['a']);
  });

  it('reports a stray quote after a closing quote', () => {
    const { problems } = read('id,name,notes\na,"x"y,z\nb,ok,\n');
    expect(problems[0]).toMatch(/^CSV_BAD_QUOTE@2:/);
  });

  it('reports rows with the wrong number of cells and keeps the others', () => {
    const { problems, table } = read('id,name,notes\na,b,c,d\nb,ok,\ne,f\n');
    expect(problems).toEqual(['CSV_COLUMN_COUNT@2:1', 'CSV_COLUMN_COUNT@4:1']);
    expect(table!.rows.map((r) => r.cells[0])).toEqual(['b']);
    expect(table!.rowsRead).toBe(3);
  });

  it('reports missing, unknown and duplicated header columns and loads no row', () => {
    expect(read('id,notes\na,b\n').problems).toEqual(['HEADER_MISSING_COLUMN@1:1']);
    const unknown = read('id,name,nmae\na,b,c\n');
    expect(unknown.problems).toEqual(['HEADER_UNKNOWN_COLUMN@1:9']);
    expect(unknown.diagnostics.items[0]!.message).toContain('did you mean "name"');
    expect(unknown.table).toBeNull();
    expect(read('id,name,id\na,b,c\n').problems).toEqual(['HEADER_DUPLICATE_COLUMN@1:9']);
  });

  it('reports an empty file', () => {
    expect(read('').problems).toEqual(['HEADER_EMPTY@1:1']);
  });
});

describe('encodings', () => {
  it('rejects GBK with a hint to re-save as UTF-8, at the first bad byte', () => {
    const gbk = new Uint8Array([...new TextEncoder().encode('id,name\nrc,'), 0xc8, 0xd9, 0xb3, 0xc9, 0x0a]); // 荣成 in GBK
    const diagnostics = new DiagnosticList();
    expect(decodeUtf8(gbk, 'f.csv', diagnostics)).toBeNull();
    expect(diagnostics.items).toHaveLength(1);
    const [d] = diagnostics.items;
    expect(d).toMatchObject({ code: 'FILE_ENCODING', line: 2, col: 4 });
    expect(d!.message).toMatch(/GBK/);
    expect(d!.message).toMatch(/UTF-8/);
  });

  it('reports a GBK channel file through the whole pipeline', () => {
    const gbk = new Uint8Array([...new TextEncoder().encode(`${CHANNEL_HEADER}\n`), 0xc8, 0xd9, 0x0a]);
    const checked = checkFiles({ 'data/channels/test.csv': gbk });
    expect(codes(checked, 'error')).toEqual(['FILE_ENCODING@2']);
  });
});

describe('the report format', () => {
  it('is path:line:col: severity CODE message', () => {
    const checked = checkFiles({ 'data/channels/test.csv': `${CHANNEL_HEADER}\n${channelRow({ id: 'x', name: 'n', platform: 'myspace' })}\n` });
    const [d] = only(checked, 'ENUM');
    expect(formatDiagnostic(d!)).toMatch(/^\/.*\/data\/channels\/test\.csv:2:\d+: error ENUM platform: "myspace" is not a platform; use one of: weibo, /);
  });
});
