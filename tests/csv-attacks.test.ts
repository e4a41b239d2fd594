/**
 * Contributed CSV is hostile input: rows must never vanish, and every problem must be
 * reported at the right file, line and column, on one clean line, in linear time.
 */
import { describe, expect, it } from 'vitest';
import { readCsv, type ColumnSpec } from '../src/domain/csv.ts';
import { DiagnosticList, formatDiagnostic, quoted } from '../src/domain/diagnostics.ts';
import { decodeUtf8 } from '../src/domain/text-file.ts';
import { CHANNEL_HEADER, channelRow, checkFiles, codes, only } from './helpers/dataset.ts';

const spec: ColumnSpec = { required: ['id', 'name'], optional: ['notes'], multiline: ['notes'] };

function read(text: string, columns: ColumnSpec = spec) {
  const diagnostics = new DiagnosticList();
  const table = readCsv(text, 'f.csv', columns, diagnostics);
  expect(diagnostics.items.filter((d) => d.file !== 'f.csv')).toEqual([]);
  return { table, diagnostics, problems: diagnostics.sorted().map((d) => `${d.code}@${d.line}:${d.col}`) };
}

/** A channel file's text from rows of named fields, lines joined by `eol`. */
const channelFile = (rows: Record<string, string>[], eol = '\n') => [CHANNEL_HEADER, ...rows.map(channelRow)].join(eol) + eol;

/** Column (1-based) of a channel row's cell, for rows whose earlier cells hold no comma or quote. */
const colOf = (rowText: string, column: string) => {
  const index = CHANNEL_HEADER.split(',').indexOf(column);
  return rowText.split(',').slice(0, index).join(',').length + (index > 0 ? 2 : 1);
};

describe('a quote closed a line late (a row hidden in a note)', () => {
  const rows = Array.from({ length: 13 }, (_, i) => ({ id: `ch-${i + 1}`, name: `名称${i + 1}` }));

  it('is an error at the opening quote naming both lines, and neither row is loaded', () => {
    // line 12 (row 11) opens a note it never closes; row 12 (line 13) ends with the closing quote
    const lines = channelFile(rows).split('\n');
    const open = `${lines[11]}"他说`;
    lines[11] = open;
    lines[12] = `${lines[12]}了"`;
    const checked = checkFiles({ 'data/channels/test.csv': lines.join('\n') });
    expect(codes(checked, 'error')).toEqual(['CSV_SWALLOWED_ROW@12']);
    const [d] = only(checked, 'CSV_SWALLOWED_ROW');
    expect(d).toMatchObject({ file: checked.file, line: 12, col: open.length - 2 });
    expect(d!.message).toContain('opened at line 12 runs on over line 13');
    expect(d!.message).toContain('"ch-12"');
    expect(checked.dataset.loaded.channels.map((c) => c.id)).not.toContain('ch-11');
    expect(checked.dataset.loaded.channels.map((c) => c.id)).not.toContain('ch-12');
    // the file's 13 rows are all counted (with the one row of sources.csv), though 2 are not loaded
    expect(checked.dataset.loaded.rowsRead).toBe(13 + 1);
  });

  it('names the first swallowed line and counts the others, in CRLF and CR-only files too', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['id,name,notes', 'a,A,"opens here', 'b,B,swallowed', 'c,C,swallowed too', 'd,D,closes"', 'e,E,fine'].join(eol) + eol;
      const { problems, diagnostics, table } = read(text);
      expect(problems, JSON.stringify(eol)).toEqual(['CSV_SWALLOWED_ROW@2:5']);
      expect(diagnostics.items[0]!.message).toContain('runs on over line 3');
      expect(diagnostics.items[0]!.message).toContain('and 2 more lines');
      expect(table!.rows.map((r) => r.cells[0])).toEqual(['e']);
      expect(table!.rowsRead).toBe(5);
    }
  });

  it('is found when the note is not the last column', () => {
    const columns: ColumnSpec = { required: ['id', 'name'], optional: ['notes', 'notes_en'], multiline: ['notes', 'notes_en'] };
    const { problems } = read('id,name,notes,notes_en\na,A,"note,en\nb,B,note b",en b\n', columns);
    expect(problems).toEqual(['CSV_SWALLOWED_ROW@2:5']);
  });

  it('leaves notes of several lines alone', () => {
    const { problems, table } = read('id,name,notes\na,A,"第一行\n第二行, 有逗号\nsee also: b, c"\nb,B,\n');
    expect(problems).toEqual([]);
    expect(table!.rows.map((r) => r.cells[0])).toEqual(['a', 'b']);
  });
});

describe('line and column with any line breaks', () => {
  const rowText = channelRow({ id: 'bad', name: 'n', platform: 'myspace' });
  for (const [name, eol] of [['CR-only', '\r'], ['CRLF', '\r\n'], ['LF', '\n']] as const) {
    it(`reports a ${name} file's bad cell at its line and column`, () => {
      const good = channelRow({ id: 'good', name: 'n' });
      const checked = checkFiles({ 'data/channels/test.csv': [CHANNEL_HEADER, good, good.replace('good', 'good2'), rowText].join(eol) + eol });
      expect(only(checked, 'ENUM').map((d) => [d.file, d.line, d.col])).toEqual([[checked.file, 4, colOf(rowText, 'platform')]]);
      expect(checked.diagnostics.errorCount).toBe(1);
    });
  }

  it('counts a multi-line note in a CR-only file', () => {
    const text = ['id,name,notes', 'a,A,"one\rtwo"', 'b,,x'].join('\r') + '\r';
    const { problems, table } = read(text);
    expect(problems).toEqual([]);
    expect(table!.rows[1]!.positionOf(1)).toEqual({ file: 'f.csv', line: 4, col: 3 });
  });

  it('counts every kind of line break in a mixed file, as an editor shows it', () => {
    // papaparse takes "\r\n" as the line break here (most "\r" are followed by a "\n"), so the
    // lone "\r" is text of a cell: the line break of a one-line column, reported where it is
    const text = 'id,name,notes\r\na,A,\r\nb,B\rC,x\r\nc,"n"x,\r\n';
    const { problems } = read(text);
    expect(problems).toEqual(['CELL_CONTROL_CHAR@3:3', 'CSV_BAD_QUOTE@5:4']);
  });

  it('finds cells after a "\\n" that is text in a file of "\\r\\n" records', () => {
    const { table } = read('id,name,notes\r\nx,a\nb,c\r\ny,d,e\r\n', { ...spec, multiline: ['name'] });
    expect(table!.rows[0]!.cells).toEqual(['x', 'a\nb', 'c']);
    expect(table!.rows[0]!.positionOf(2)).toEqual({ file: 'f.csv', line: 3, col: 3 });
    expect(table!.rows[1]!.positionOf(1)).toEqual({ file: 'f.csv', line: 4, col: 3 });
  });
});

describe('encoding errors', () => {
  const utf8 = (s: string) => [...new TextEncoder().encode(s)];
  /** Decodes and checks the reported place exists: the line is in the file, the column at most one past its end. */
  function encodingError(bytes: number[]) {
    const diagnostics = new DiagnosticList();
    expect(decodeUtf8(new Uint8Array(bytes), 'f.csv', diagnostics)).toBeNull();
    expect(diagnostics.items).toHaveLength(1);
    const d = diagnostics.items[0]!;
    expect(d).toMatchObject({ file: 'f.csv', code: 'FILE_ENCODING' });
    const lines = new TextDecoder('utf-8').decode(new Uint8Array(bytes)).split(/\r\n|\r|\n/);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lines.length);
    expect(d.col).toBeGreaterThanOrEqual(1);
    expect(d.col).toBeLessThanOrEqual(lines[d.line - 1]!.length + 1);
    return [d.line, d.col];
  }

  it('reports a GBK file at its first Chinese character', () => {
    // 荣成市 in GBK on line 3 after two lines of ASCII
    expect(encodingError([...utf8('id,name\nrc,x\nrs,'), 0xc8, 0xd9, 0xb3, 0xc9, 0xca, 0xd0, 0x0a])).toEqual([3, 4]);
  });

  it('reports one stray byte in the middle of a line of Chinese', () => {
    expect(encodingError([...utf8('id,name\na,荣成'), 0xff, ...utf8('市\nb,x\n')])).toEqual([2, 5]);
  });

  it('counts CRLF and CR-only lines', () => {
    expect(encodingError([...utf8('id,name\r\na,b\r\nc,'), 0x80, ...utf8('\r\n')])).toEqual([3, 3]);
    expect(encodingError([...utf8('id,name\ra,b\rc,'), 0x80, ...utf8('\r')])).toEqual([3, 3]);
  });

  it('reports a bad byte on the last line, with and without a final line break', () => {
    expect(encodingError([...utf8('id,name\na,b\nc,d'), 0xe8])).toEqual([3, 4]);
    expect(encodingError([...utf8('id,name\na,b\nc,d'), 0xe8, 0x8d, 0x0a])).toEqual([3, 4]);
  });

  it('reports the sequences the decoder refuses though they look well formed (overlong, surrogate, past U+10FFFF)', () => {
    expect(encodingError([...utf8('id\na'), 0xc0, 0x80, ...utf8('\n')])).toEqual([2, 2]);
    expect(encodingError([...utf8('id\n荣'), 0xe0, 0x80, 0x80, ...utf8('\n')])).toEqual([2, 2]);
    expect(encodingError([...utf8('id\nab'), 0xed, 0xa0, 0x80, ...utf8('\n')])).toEqual([2, 3]);
    expect(encodingError([...utf8('id\n'), 0xf4, 0x90, 0x80, 0x80, ...utf8('\n')])).toEqual([2, 1]);
  });

  it('reports through the pipeline at the line of the bad byte', () => {
    const bytes = [...utf8(`${CHANNEL_HEADER}\r${channelRow({ id: 'a', name: 'n' })}\r`), 0xc8, 0xd9, 0x0d];
    const checked = checkFiles({ 'data/channels/test.csv': new Uint8Array(bytes) });
    expect(codes(checked, 'error')).toEqual(['FILE_ENCODING@3']);
    expect(only(checked, 'FILE_ENCODING')[0]!.file).toBe(checked.file);
  });
});

describe('control characters', () => {
  for (const [name, char] of [['NUL', '\0'], ['a vertical tab', '\v'], ['DEL', '\x7f'], ['a C1 control', '\x85'], ['escape', '\x1b']] as const) {
    it(`refuse ${name} in a cell, at the cell`, () => {
      const rowText = channelRow({ id: 'a', name: `荣成${char}公安` });
      const checked = checkFiles({ 'data/channels/test.csv': `${CHANNEL_HEADER}\n${channelRow({ id: 'b', name: 'ok' })}\n${rowText}\n` });
      expect(codes(checked, 'error')).toEqual(['CELL_CONTROL_CHAR@3']);
      const [d] = only(checked, 'CELL_CONTROL_CHAR');
      expect(d).toMatchObject({ file: checked.file, line: 3, col: colOf(rowText, 'name') });
      expect(formatDiagnostic(d!)).not.toMatch(/[\0-\x08\x0b-\x1f\x7f-\x9f]/);
      expect(checked.dataset.loaded.channels.map((c) => c.id)).toEqual(['b']);
    });
  }

  it('refuse an unpaired surrogate, and let a pair through', () => {
    const { problems, table } = read('id,name,notes\na,x\ud800y,\nb,𠮷,😀\nc,😀😀,\ude00\nd,\ud83d,\n');
    expect(problems).toEqual(['CELL_CONTROL_CHAR@2:3', 'CELL_CONTROL_CHAR@4:8', 'CELL_CONTROL_CHAR@5:3']);
    expect(table!.rows.map((r) => r.cells[1])).toEqual(['𠮷']);
  });

  it('allow tabs anywhere and line breaks in quoted notes, and refuse line breaks elsewhere', () => {
    const { problems, table } = read('id,name,notes\na,x\ty,"line\r\nline"\nb,"two\nlines",\nc,"after",\n');
    expect(problems).toEqual(['CELL_CONTROL_CHAR@4:3']);
    expect(table!.rows.map((r) => r.cells[0])).toEqual(['a', 'c']);
  });

  it('are found in a row after a multi-line one, wherever the scan stands', () => {
    const { problems } = read('id,name,notes\na,x,"1\n2"\nb,y,\nc,z\0,\nd,w,"\0"\n');
    expect(problems).toEqual(['CELL_CONTROL_CHAR@5:3', 'CELL_CONTROL_CHAR@6:5']);
  });
});

describe('required cells that show nothing', () => {
  const invisible = ['\u200b', '\u200c\u200d', '\u2060', '\ufeff\u200b', '\u00ad', '\u3000\u200b', '\u00a0\u200b', '\u2800', '\u{e0020}'];
  for (const text of invisible) {
    it(`refuse ${quoted(text)} as REQUIRED, in a plain text column and in a typed one`, () => {
      const a = channelRow({ id: 'a', name: text });
      const b = channelRow({ id: 'b', name: 'n', platform: text, source: text });
      const checked = checkFiles({ 'data/channels/test.csv': `${CHANNEL_HEADER}\n${a}\n${b}\n` });
      expect(checked.diagnostics.sorted().map((d) => `${d.code}@${d.line}:${d.col}`)).toEqual([
        `REQUIRED@2:${colOf(a, 'name')}`,
        `REQUIRED@3:${colOf(b, 'platform')}`,
        `REQUIRED@3:${colOf(b, 'source')}`,
      ]);
      expect(checked.diagnostics.items.filter((d) => d.file !== checked.file)).toEqual([]);
      expect(only(checked, 'REQUIRED')[0]!.message).toMatch(/^name is required but holds only invisible characters \("\\u/);
    });
  }

  it('refuse them in sources.csv and events.csv too', () => {
    const checked = checkFiles({
      'data/channels/test.csv': `${CHANNEL_HEADER}\n${channelRow({ id: 'a', name: 'n', source: 'https://example.org/a' })}\n`,
      'data/sources.csv': 'id,title,publisher,date,url,archive\ncd-2024-08-28,\u200b,China Daily,2024-08-28,,\n',
      'data/events.csv': 'date,title,title_en,source\n2024-01,\u2060,,https://example.org/e\n',
    });
    expect(checked.diagnostics.sorted().map((d) => `${d.file.replace(/.*\/data\//, '')}:${d.code}@${d.line}:${d.col}`)).toEqual([
      'events.csv:REQUIRED@2:9',
      'sources.csv:REQUIRED@2:15',
    ]);
  });

  it('leave a value with an invisible character inside it as it was', () => {
    const checked = checkFiles({ 'data/channels/test.csv': `${CHANNEL_HEADER}\n${channelRow({ id: 'a', name: '荣成\u200b公安', name_en: '\u200b' })}\n` });
    expect(checked.diagnostics.errorCount).toBe(0);
    const [channel] = checked.dataset.loaded.channels;
    expect(channel!.name).toBe('荣成\u200b公安');
    expect(channel!.name_en).toBe('\u200b');
  });
});

describe('lists of nothing but separators', () => {
  it('refuse ";;;" as a source, in channels and in events, and ";" as a redirect', () => {
    const a = channelRow({ id: 'a', name: 'n', source: ';;;' });
    const b = channelRow({ id: 'b', name: 'n', source: ' ; ; ' });
    const c = channelRow({ id: 'c', name: 'n', status: 'closed', closed: '2024', reason: 'discontinued', redirect: ';' });
    const checked = checkFiles({
      'data/channels/test.csv': `${CHANNEL_HEADER}\n${a}\n${b}\n${c}\n`,
      'data/events.csv': 'date,title,title_en,source\n2024-01,t,,;\n',
    });
    expect(checked.diagnostics.sorted().filter((d) => d.code === 'LIST_EMPTY').map((d) => `${d.file.replace(/.*\/data\//, '')}:${d.line}:${d.col}`)).toEqual([
      'channels/test.csv:2:' + colOf(a, 'source'),
      'channels/test.csv:3:' + colOf(b, 'source'),
      'channels/test.csv:4:' + colOf(c, 'redirect'),
      'events.csv:2:12',
    ]);
    expect(checked.dataset.loaded.channels).toEqual([]);
  });

  it('still ignore a stray separator beside an item', () => {
    const checked = checkFiles({ 'data/channels/test.csv': `${CHANNEL_HEADER}\n${channelRow({ id: 'a', name: 'n', source: ';cd-2024-08-28;' })}\n` });
    expect(checked.diagnostics.errorCount).toBe(0);
    expect(checked.dataset.loaded.channels[0]!.source).toEqual([{ kind: 'id', id: 'cd-2024-08-28' }]);
  });
});

describe('messages quote cells short and on one line', () => {
  it('quoted() escapes line breaks, controls and invisible characters and cuts at 80 characters', () => {
    expect(quoted('a\nb\r\tc\0\u200b\u202e')).toBe('"a\\nb\\r\\tc\\u0000\\u200B\\u202E"');
    expect(quoted('荣'.repeat(100))).toBe(`"${'荣'.repeat(80)}…"`);
    expect(quoted(`${'a'.repeat(79)}𠮷`)).toBe(`"${'a'.repeat(79)}…"`); // a pair is never cut in two
    expect(quoted('\ud800')).toBe('"\\uD800"');
  });

  it('keeps huge cells out of messages, in cell rules and in rules across rows', () => {
    const longId = `b${'x'.repeat(100_000)}`;
    const rows = [
      channelRow({ id: 'X'.repeat(100_000), name: 'n' }),
      channelRow({ id: 'a', name: 'n', platform: `weibo ${'x,'.repeat(50_000)}` }),
      channelRow({ id: longId, name: 'n' }),
      channelRow({ id: longId, name: 'n' }),
      channelRow({ id: 'c', name: 'n', status: 'closed', closed: '2024', reason: 'renamed', redirect: `${longId}x` }),
      channelRow({ id: 'd', name: 'n', opened: '2'.repeat(100_000) }),
    ];
    const checked = checkFiles({ 'data/channels/test.csv': `${CHANNEL_HEADER}\n${rows.join('\n')}\n` });
    expect(codes(checked, 'error')).toEqual(['ID_FORMAT@2', 'ENUM@3', 'DUPLICATE_ID@5', 'REDIRECT_UNKNOWN@6', 'DATE_FORMAT@7']);
    for (const d of checked.diagnostics.items) {
      expect(formatDiagnostic(d)).not.toMatch(/[\r\n]/);
      expect(d.message.length, d.code).toBeLessThan(400);
    }
  });

  it('quotes header names short and on one line', () => {
    const evil = `x\ny${'z'.repeat(1000)}`;
    const diagnostics = new DiagnosticList();
    expect(readCsv(`id,name,nmae,"${evil}",id\n`, 'f.csv', spec, diagnostics)).toBeNull();
    expect(diagnostics.items.map((d) => d.code)).toEqual(['HEADER_UNKNOWN_COLUMN', 'HEADER_UNKNOWN_COLUMN', 'HEADER_DUPLICATE_COLUMN']);
    expect(diagnostics.items[1]!.message).toContain('unknown column "x\\nyzzz');
    for (const d of diagnostics.items) {
      expect(formatDiagnostic(d)).not.toMatch(/[\r\n]/);
      expect(d.message.length).toBeLessThan(400);
    }
  });

  it('formatDiagnostic never writes a raw line break, whatever the message or file name', () => {
    const line = formatDiagnostic({ file: 'a\nb.csv', line: 1, col: 1, severity: 'error', code: 'ENUM', message: 'one\ntwo\r\nthree\u2028four' });
    expect(line).toBe('a\\nb.csv:1:1: error ENUM one\\ntwo\\r\\nthree\\u2028four');
  });
});

describe('hostile sizes are read in linear time', () => {
  it('reports a header of 20,000 unknown columns in 21 lines, quickly', () => {
    const header = ['id', 'name', ...Array.from({ length: 20_000 }, (_, i) => `column-${i}`)].join(',');
    const started = performance.now();
    const { problems, diagnostics, table } = read(`${header}\na,b\n`);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(table).toBeNull();
    expect(problems).toHaveLength(21);
    expect(problems.slice(0, 2)).toEqual(['HEADER_UNKNOWN_COLUMN@1:9', 'HEADER_UNKNOWN_COLUMN@1:18']);
    expect(diagnostics.items[20]!.message).toContain('and 19980 more unknown columns');
  });

  it('reports 20,000 repeated columns in 21 lines, quickly', () => {
    const header = ['id', ...Array.from({ length: 20_000 }, () => 'name')].join(',');
    const started = performance.now();
    const { diagnostics } = read(`${header}\n`);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(diagnostics.items.map((d) => d.code)).toEqual(Array(21).fill('HEADER_DUPLICATE_COLUMN'));
  });

  it('reads a megabyte-long header name, a note of 200,000 lines and a line of a million cells quickly', () => {
    const started = performance.now();
    expect(read(`id,name,${'n'.repeat(1_000_000)}\n`).problems).toEqual(['HEADER_UNKNOWN_COLUMN@1:9']);
    const note = Array.from({ length: 200_000 }, (_, i) => `line ${i}, with a comma`).join('\n');
    expect(read(`id,name,notes\na,b,"${note}"\nc,d,\n`).table!.rows).toHaveLength(2);
    expect(read(`id,name,notes\nx${','.repeat(1_000_000)}\n`).problems).toEqual(['CSV_COLUMN_COUNT@2:1']);
    const manyLines = `id,name,notes\r${'a,b,"1\r2"\r'.repeat(100_000)}`;
    expect(read(manyLines).table!.rows).toHaveLength(100_000);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
