import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DiagnosticList } from '../src/domain/diagnostics.ts';
import { decodeListText } from '../src/import/decode-text.ts';
import { readListTables, type ListTables } from '../src/import/read-table.ts';
import { encodeLegacy } from './helpers/legacy-encoding.ts';
import { xlsxBytes } from './helpers/xlsx.ts';

const WEIHAI_CSV = readFileSync('tests/fixtures/import/weihai.csv', 'utf8');

async function read(bytes: Uint8Array, options: { sheet?: string } = {}) {
  const diagnostics = new DiagnosticList();
  const tables = await readListTables(bytes, 'list', options, diagnostics);
  return { tables, diagnostics, codes: diagnostics.sorted().map((d) => `${d.severity} ${d.code}@${d.line}`) };
}

/** Each table's rows as "line: cell|cell|…". */
function lines(tables: ListTables | null): string[][] {
  return (tables?.tables ?? []).map((t) => t.rows.map((r) => `${r.line}: ${r.cells.join('|')}`));
}

describe('reading a CSV list', () => {
  it('reads GBK (GB18030) text, keeping every line number, title and notes included', async () => {
    const { tables, codes } = await read(encodeLegacy(WEIHAI_CSV, 'gb18030'));
    expect(codes).toEqual([]);
    expect(tables).toMatchObject({ format: 'csv', encoding: 'gb18030' });
    const rows = lines(tables)[0]!;
    expect(rows).toHaveLength(43);
    expect(rows[0]).toBe('1: 威海市政务新媒体名录（2024年12月）||||||');
    expect(rows[2]).toBe('3: 序号|开办单位|账号名称|平台类型|账号|开通时间|网址');
    expect(rows[3]).toBe('4: 1|威海市人民政府|威海发布|新浪微博|whfb|2011-06|https://weibo.com/whfb');
    expect(rows[42]).toBe('43: 40|青岛市市南区人民政府|市南发布|微信公众号|||');
  });

  it('reads Big5 and UTF-8 with or without a BOM, and honours a given encoding', async () => {
    const text = '序號,單位名稱,帳號名稱,平台\n1,臺北市政府,臺北市政府,臉書\n';
    expect((await read(encodeLegacy(text, 'big5'))).tables).toMatchObject({ encoding: 'big5' });
    expect(lines((await read(encodeLegacy(text, 'big5'))).tables)[0]![1]).toBe('2: 1|臺北市政府|臺北市政府|臉書');
    const utf8 = new TextEncoder().encode(`\uFEFF${WEIHAI_CSV}`);
    const withBom = await read(utf8);
    expect(withBom.tables).toMatchObject({ encoding: 'utf-8' });
    expect(lines(withBom.tables)[0]![0]).toMatch(/^1: 威海市政务新媒体名录/);
    expect(decodeListText(encodeLegacy('荣成市公安局', 'gb18030'), 'big5')).toMatchObject({ ok: true, encoding: 'big5' });
    expect(decodeListText(new Uint8Array([0xe8, 0x8d]), 'utf-8')).toEqual({ ok: false, message: 'the list is not valid utf-8 text' });
    // Node's Big5 decoder would drop a lone 0xFF silently: such text is not Big5
    expect(decodeListText(new Uint8Array([0x61, 0xff, 0x62]), 'big5')).toEqual({ ok: false, message: 'the list is not valid big5 text' });
  });

  it('tells GBK from Big5 by the characters a list is made of, when both decode', () => {
    // these GBK bytes are also valid Big5, which reads them as rare characters
    const gbk = encodeLegacy('威海市公安局 新浪微博 微信公众号 荣成市人民政府', 'gb18030');
    expect(decodeListText(gbk)).toMatchObject({ ok: true, encoding: 'gb18030', text: '威海市公安局 新浪微博 微信公众号 荣成市人民政府' });
    const big5 = encodeLegacy('臺北市政府 警察局 單位名稱 帳號', 'big5');
    expect(decodeListText(big5)).toMatchObject({ ok: true, encoding: 'big5', text: '臺北市政府 警察局 單位名稱 帳號' });
  });

  it('keeps the rows before a quote that never closes, and says where the rest was lost', async () => {
    const { tables, codes, diagnostics } = await read(new TextEncoder().encode('单位名称,账号名称,平台\n荣成市公安局,荣成公安,微博\n"荣成市人民政府,荣成发布,微信\n威海市公安局,威海公安,微博\n'));
    expect(lines(tables)[0]).toEqual(['1: 单位名称|账号名称|平台', '2: 荣成市公安局|荣成公安|微博']);
    expect(codes).toEqual(['warning IMPORT_UNREADABLE@3']);
    expect(diagnostics.items[0]!.message).toMatch(/never closes/);
  });

  it('refuses an empty file, an old binary .xls and text in no known encoding, at line 1', async () => {
    expect((await read(new Uint8Array())).codes).toEqual(['error IMPORT_UNREADABLE@1']);
    const xls = await read(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect(xls.tables).toBeNull();
    expect(xls.codes).toEqual(['error IMPORT_UNREADABLE@1']);
    expect(xls.diagnostics.items[0]!.message).toMatch(/save it as \.xlsx/);
    const junk = await read(new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0xff, 0xff, 0xff, 0x0a]));
    expect(junk.codes).toEqual(['error IMPORT_UNREADABLE@1']);
    expect(junk.diagnostics.items[0]!.message).toMatch(/--encoding/);
  });
});

describe('reading an .xlsx list', () => {
  const workbook = () =>
    xlsxBytes([
      {
        name: '名录',
        rows: [
          ['威海市政务新媒体名录'],
          ['序号', '单位名称', '账号名称', '平台', '账号', '开通时间'],
          ['1', '威海市公安局', '威海公安', '新浪微博', '12345678901234567890', { date: '2014-06-03' }],
          ['2', null, '平安威海', '微信公众号', 'pinganweihai', '2015-01'],
          ['3', '荣成市公安局', '荣成公安', '抖音', null, null],
        ],
        merges: ['B3:B4'],
      },
      { name: '说明', rows: [['本表由威海市人民政府办公室整理']] },
    ]);

  it('reads the first sheet: sheet rows as lines, dates as days, digits exactly, merged cells given to every row they span', async () => {
    const { tables, codes } = await read(workbook());
    expect(codes).toEqual([]);
    expect(tables).toMatchObject({ format: 'xlsx' });
    expect(tables!.tables[0]!.label).toBe('sheet "名录"');
    expect(lines(tables)[0]).toEqual([
      '1: 威海市政务新媒体名录||||',
      '2: 序号|单位名称|账号名称|平台|账号|开通时间',
      '3: 1|威海市公安局|威海公安|新浪微博|12345678901234567890|2014-06-03',
      '4: 2|威海市公安局|平安威海|微信公众号|pinganweihai|2015-01',
      '5: 3|荣成市公安局|荣成公安|抖音||',
    ].map((l) => (l.startsWith('1:') ? '1: 威海市政务新媒体名录|||||' : l)));
  });

  it('reads the sheet --sheet names, by name or number, and lists the sheets when it has no such one', async () => {
    expect(lines((await read(workbook(), { sheet: '说明' })).tables)[0]).toEqual(['1: 本表由威海市人民政府办公室整理']);
    expect(lines((await read(workbook(), { sheet: '2' })).tables)[0]).toEqual(['1: 本表由威海市人民政府办公室整理']);
    const missing = await read(workbook(), { sheet: '附表' });
    expect(missing.codes).toEqual(['error IMPORT_UNREADABLE@1']);
    expect(missing.diagnostics.items[0]!.message).toBe('the workbook has no sheet 附表; its sheets: 1 "名录", 2 "说明"');
  });

  it('refuses a zip bomb before it inflates: the XML parts are counted as they inflate and stopped at the cap', async () => {
    // 170 MB of one repeated byte compresses to ~170 KB
    const bomb = new Uint8Array(170 * 1024 * 1024).fill(0x20);
    const bytes = xlsxBytes([{ name: 'a', rows: [['x']] }], { 'xl/worksheets/sheet2.xml': bomb });
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    const { tables, codes, diagnostics } = await read(bytes);
    expect(tables).toBeNull();
    expect(codes).toEqual(['error IMPORT_UNREADABLE@1']);
    expect(diagnostics.items[0]!.message).toMatch(/inflates to more than 160 MB/);
  });

  it('spends no more on merged cells than the sheet has rows, however many merges it lists (returns within 5 s)', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [String(i), i === 0 ? '威海市公安局' : null]);
    const merges = Array.from({ length: 20_000 }, () => 'B1:B5000');
    const started = Date.now();
    const { tables } = await read(xlsxBytes([{ name: 'a', rows, merges }]));
    expect(lines(tables)[0]![4999]).toBe('5000: 4999|威海市公安局');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses a ZIP that is not a workbook', async () => {
    const { codes, diagnostics } = await read(zipSync({ 'readme.txt': strToU8('hello') }));
    expect(codes).toEqual(['error IMPORT_UNREADABLE@1']);
    expect(diagnostics.items[0]!.message).toBe('the workbook has no sheet');
  });
});

describe('reading an HTML page', () => {
  it('reads every table with the line of each row, a cell spanning rows given to each of them, no script as data', async () => {
    const { tables, codes } = await read(readFileSync('tests/fixtures/import/weihai.html'));
    expect(codes).toEqual([]);
    expect(tables).toMatchObject({ format: 'html', encoding: 'utf-8' });
    const [first, second] = lines(tables);
    expect(tables!.tables.map((t) => t.label)).toEqual(['table 1', 'table 2']);
    expect(first!.slice(0, 3)).toEqual([
      '13: 序号|单位名称|账号名称|平台|账号|备注',
      '16: 1|威海市公安局|威海公安|新浪微博|whga110|',
      '17: 2|威海市公安局|威海公安|抖音|whga|',
    ]);
    expect(second![0]).toBe('26: 区市政务新媒体（按区市排列）|||||');
    expect(second).toHaveLength(9);
  });

  it('reads a page declared as GBK', async () => {
    const page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><table><tr><td>单位名称</td><td>账号名称</td></tr><tr><td>荣成市公安局</td><td>荣成公安</td></tr></table></body></html>';
    const { tables } = await read(encodeLegacy(page, 'gb18030'));
    expect(tables).toMatchObject({ encoding: 'gb18030' });
    expect(lines(tables)[0]).toEqual(['1: 单位名称|账号名称', '1: 荣成市公安局|荣成公安']);
  });

  it('walks a page nested 50,000 deep without recursion (returns within 5 s)', async () => {
    const deep = `<table><tr><td>单位名称</td><td>账号名称</td></tr><tr><td>${'<span>'.repeat(50_000)}荣成市公安局${'</span>'.repeat(50_000)}</td><td>荣成公安</td></tr></table>`;
    const started = Date.now();
    const { tables } = await read(new TextEncoder().encode(deep));
    expect(lines(tables)[0]![1]).toBe('1: 荣成市公安局|荣成公安');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('spreads spans no further than the table\'s size, however large they claim to be (returns within 5 s)', async () => {
    const row = `<tr>${'<td rowspan="65534" colspan="1000">荣成市公安局</td>'.repeat(20)}</tr>`;
    const started = Date.now();
    const { tables } = await read(new TextEncoder().encode(`<table>${row.repeat(400)}</table>`));
    expect(tables!.tables[0]!.rows.length).toBeGreaterThan(0);
    expect(lines(tables)[0]![0]).toMatch(/^1: 荣成市公安局\|/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses a page without a table', async () => {
    const { codes } = await read(new TextEncoder().encode('<html><body><p>名录见附件</p></body></html>'));
    expect(codes).toEqual(['error IMPORT_UNREADABLE@1']);
  });
});
