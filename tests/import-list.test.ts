import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDataset } from '../src/domain/pipeline.ts';
import type { ValidatedDataset } from '../src/domain/validate.ts';
import { importList, type ImportRequest, type ImportResult } from '../src/import/import-list.ts';
import { appendText } from '../src/import/write-rows.ts';
import { encodeLegacy } from './helpers/legacy-encoding.ts';
import { xlsxBytes } from './helpers/xlsx.ts';

const TODAY = '2026-12-03';
const REGISTRY = { dataDir: 'tests/fixtures/import/registry/data', contentDir: 'tests/fixtures/import/registry/content' };
const WEIHAI_GBK = encodeLegacy(readFileSync('tests/fixtures/import/weihai.csv', 'utf8'), 'gb18030');
const WEIHAI_HTML = readFileSync('tests/fixtures/import/weihai.html');
const SHANDONG = readFileSync(join(REGISTRY.dataDir, 'channels/shandong.csv'));

let registry: ValidatedDataset;
beforeAll(() => {
  const checked = checkDataset(REGISTRY, { today: TODAY });
  expect(checked.diagnostics.errorCount).toBe(0);
  registry = checked.dataset;
});

function run(bytes: Uint8Array, extra: Partial<ImportRequest> = {}): Promise<ImportResult> {
  return importList({ file: 'list', bytes, area: '371000', source: 'weihai-list-2024', today: TODAY, outFile: 'rows.csv', ...extra }, registry);
}

/** Placed rows as "line id region level platform". */
const placedRows = (r: ImportResult) => r.placed.map((p) => `${p.at.line} ${p.cells.id} ${p.cells.region} ${p.cells.level} ${p.cells.platform}`);
/** Everything but the placed rows, as "CODE@line:col". */
const reported = (r: ImportResult) => r.diagnostics.sorted().map((d) => `${d.code}@${d.line}:${d.col}`);

describe('importing the 威海市 list (a GBK CSV with a title and a note above the header)', () => {
  // line in the list → id, region, level, platform the row must get
  const EXPECTED = [
    '4 weihai-weibo-weihaifabu 371000 prefectural weibo',
    '5 weihai-wechat 371000 prefectural wechat',
    '6 weihai-police-weibo 371000 prefectural weibo',
    '7 weihai-police-wechat 371000 prefectural wechat',
    '8 weihai-police-douyin 371000 prefectural douyin',
    '9 weihai-traffic-police-wechat 371000 prefectural wechat',
    '10 weihai-ecology-wechat 371000 prefectural wechat',
    '11 weihai-publicity-wechat 371000 prefectural wechat',
    '12 weihai-market-wechat-channels 371000 prefectural wechat-channels',
    '13 weihai-culture-tourism-toutiao 371000 prefectural toutiao',
    '14 weihai-dashujuzhongxin-app 371000 prefectural app',
    '15 weihai-hrss-mini-program 371000 prefectural mini-program',
    '16 weihai-education-kuaishou 371000 prefectural kuaishou',
    '17 weihai-youth-league-wechat 371000 prefectural wechat',
    '18 weihai-tax-wechat 371000 prefectural wechat',
    '19 weihai-weather-weibo 371000 prefectural weibo',
    '20 weihai-court-wechat 371000 prefectural wechat',
    '21 rongcheng-wechat 371082 county wechat',
    '22 rongcheng-media-app 371082 county app',
    '23 rongcheng-police-douyin 371082 county douyin',
    '24 weihai-wendeng-wechat 371003 county wechat',
    '25 weihai-wendeng-jiaoyuhetiyuju-douyin 371003 county douyin',
    '26 rushan-health-wechat 371083 county wechat',
    '27 weihai-huancui-market-wechat 371002 county wechat',
    '28 weihai-huancui-police-weibo 371002 county weibo',
    '29 rushan-rushankou-wechat 371083101 township wechat',
    '30 wendeng-zetou-weibo 371003107 township weibo',
    '31 rongcheng-chengxi-wechat 371082008 township wechat',
    '32 rongcheng-ningjin-douyin 371082001 township douyin',
    '33 wendeng-zeku-wechat 371003104 township wechat',
    '34 rongcheng-gangxi-police-station-wechat 371082104 township wechat',
    '35 rongcheng-gangwan-haigangshequ-wechat 371082002 community wechat',
    '36 wendeng-wendengying-wechat-channels 371003100 township wechat-channels',
    '37 huancui-zhangcun-wechat 371002100 township wechat',
    '38 weihai-jingjijishukaifa-wechat 371072 county wechat',
    '39 weihai-hjgjscykf-weibo 371071 county weibo',
    '40 rushan-media-kuaishou 371083 county kuaishou',
    '41 rongcheng-culture-tourism-douyin 371082 county douyin',
  ];

  it('places every row of the area at the right code, level and platform, with ids like the registry\'s', async () => {
    const result = await run(WEIHAI_GBK);
    expect(result).toMatchObject({ readable: true, format: 'csv', encoding: 'gb18030', rowsRead: 40, reviewRows: 2, recorded: [] });
    expect(placedRows(result)).toEqual(EXPECTED);
    expect(result.placed.length / result.rowsRead).toBeGreaterThanOrEqual(0.9);
  });

  it('names the two bodies outside the area for review, at their lines, with the divisions they do name', async () => {
    const result = await run(WEIHAI_GBK);
    expect(reported(result)).toEqual(['IMPORT_PLACE_NONE@42:4', 'IMPORT_PLACE_NONE@43:4']);
    expect(result.diagnostics.sorted().map((d) => d.message)).toEqual([
      '"烟台市公安局" names no division of 威海市 (371000) but 烟台市 (370600): a body outside the list\'s area?',
      '"青岛市市南区人民政府" names no division of 威海市 (371000) but 青岛市 (370200), 市南区 (370202): a body outside the list\'s area?',
    ]);
  });

  it('hands over rows as the contract has them: active, the source given, checked the list\'s date, the list\'s dates and links', async () => {
    const result = await run(WEIHAI_GBK, { listDate: '2024-12-20' });
    expect(result.placed[0]!.cells).toEqual({
      id: 'weihai-weibo-weihaifabu', name: '威海发布', agency: '威海市人民政府', platform: 'weibo', handle: 'whfb', region: '371000', level: 'prefectural',
      status: 'active', url: 'https://weibo.com/whfb', opened: '2011-06', source: 'weihai-list-2024', checked: '2024-12-20',
    });
    expect(result.placed.slice(1, 4).map((p) => p.cells.opened)).toEqual(['2013-09-01', '2011-03', undefined]);
    expect((await run(WEIHAI_GBK)).placed[0]!.cells.checked).toBe(TODAY);
    // the --out text is what the loader reads: every row valid, in list order
    const out = (await run(WEIHAI_GBK)).outText;
    expect(out.startsWith('\uFEFFid,name,name_en,agency,')).toBe(true);
    expect(out.split('\r\n')[1]).toBe('weihai-weibo-weihaifabu,威海发布,,威海市人民政府,,371000,prefectural,weibo,whfb,https://weibo.com/whfb,active,2011-06,,,,,,,,weihai-list-2024,2026-12-03,,');
  });
});

describe('importing a page with two tables', () => {
  it('reads both, places what it can, finds what the registry has, and names every other row with its reason', async () => {
    const result = await run(WEIHAI_HTML);
    expect(result).toMatchObject({ format: 'html', rowsRead: 12, reviewRows: 7 });
    expect(placedRows(result)).toEqual([
      '16 weihai-police-weibo 371000 prefectural weibo',
      '17 weihai-police-douyin 371000 prefectural douyin',
      '18 weihai-weibo-weihaifabu 371000 prefectural weibo',
      '30 wendeng-zetou-wechat-channels 371003107 township wechat-channels',
    ]);
    expect(reported(result)).toEqual([
      'IMPORT_COLUMN_UNMAPPED@13:68',
      'IMPORT_PLATFORM@19:49',
      'IMPORT_PLACE_NONE@20:19',
      'IMPORT_DUPLICATE@21:1',
      'IMPORT_ALREADY_RECORDED@28:1',
      'IMPORT_LEVEL@29:17',
      'IMPORT_CELL@31:78',
      'IMPORT_CELL@33:72',
      'IMPORT_CELL@34:60',
    ]);
    const message = (code: string, line: number) => result.diagnostics.items.find((d) => d.code === code && d.line === line)!.message;
    expect(message('IMPORT_DUPLICATE', 21)).toMatch(/^repeats the account at line 16 /);
    expect(message('IMPORT_PLACE_NONE', 20)).toMatch(/"威海高区管委会" goes on after 威海市 \(371000\) to name a place \("…高区"\)/);
    expect(message('IMPORT_LEVEL', 29)).toMatch(/is a village or community committee, but the only division its name gives is 荣成市 \(371082\)/);
    expect(message('IMPORT_CELL', 31)).toMatch(/^status "已注销"/);
    expect(message('IMPORT_CELL', 33)).toMatch(/^opened date "去年"/);
    expect(message('IMPORT_CELL', 34)).toMatch(/starts like a spreadsheet formula/);
  });

  it('reports an account already recorded (same platform and handle) with what the list says differently, and does not add it', async () => {
    const result = await run(WEIHAI_HTML);
    expect(result.recorded).toEqual([
      {
        at: { file: 'list', line: 28, col: 1 },
        id: 'rongcheng-police-weibo',
        where: 'tests/fixtures/import/registry/data/channels/shandong.csv:2',
        differences: [{ column: 'name', list: '荣成公安', registry: '荣成市公安局官方微博' }],
      },
    ]);
    expect(result.placed.some((p) => p.cells.handle === 'rcga110')).toBe(false);
  });

  it('finds an account by name, body and platform when the list gives no handle', async () => {
    const csv = '单位名称,账号名称,平台\n威海市人民政府,威海政府网,微博\n威海市人民政府,威海政府网,微信\n';
    const result = await run(new TextEncoder().encode(csv));
    expect(reported(result)).toEqual(['IMPORT_ALREADY_RECORDED@2:1']);
    expect(result.diagnostics.items[0]!.message).toBe('already recorded as weihai-weibo (tests/fixtures/import/registry/data/channels/shandong.csv:3)');
    expect(placedRows(result)).toEqual(['3 weihai-wechat 371000 prefectural wechat']);
  });
});

describe('importing an .xlsx list', () => {
  const workbook = (header: string[]) =>
    xlsxBytes([
      {
        name: '威海',
        rows: [
          ['威海市政务新媒体名录'],
          header,
          ['1', '荣成市公安局', '平安荣成', '微信公众号', { date: '2014-06-03' }],
          ['2', null, '荣成公安', '抖音', '2019-05'],
          ['3', '乳山市夏村镇人民政府', '夏村发布', '快手', null],
        ],
        merges: ['B3:B4'],
      },
    ]);

  it('reads the first sheet, a body merged over two rows given to both', async () => {
    const result = await run(workbook(['序号', '开办单位', '新媒体名称', '类型', '开通时间']));
    expect(placedRows(result)).toEqual([
      '3 rongcheng-police-wechat 371082 county wechat',
      '4 rongcheng-police-douyin 371082 county douyin',
      '5 rushan-xiacun-kuaishou 371083100 township kuaishou',
    ]);
    expect(result.placed.map((p) => p.cells.opened)).toEqual(['2014-06-03', '2019-05', undefined]);
  });

  it('reads nothing under a header it cannot use, and reads it once --column names the column', async () => {
    const header = ['序号', '开办单位', '新媒体名称', '媒体', '开通时间'];
    const without = await run(workbook(header));
    expect(without.readable).toBe(false);
    expect(reported(without)).toEqual(['IMPORT_HEADER@1:1', 'IMPORT_HEADER@2:1']);
    expect(without.diagnostics.items[0]!.message).toMatch(/the header has no column for the platform \(平台\), so the 3 rows under it were not read; name the column with --column platform=/);
    const named = await run(workbook(header), { columns: new Map([['platform', '媒体']]) });
    expect(placedRows(named)).toHaveLength(3);
  });
});

describe('validation by the registry\'s own checks', () => {
  it('leaves a row the validator refuses for review, with the validator\'s code', async () => {
    const csv = '单位名称,账号名称,平台,开通时间\n荣成市公安局,荣成公安,抖音,2030-01\n荣成市公安局,荣成公安,快手,2016\n';
    const result = await run(new TextEncoder().encode(csv));
    expect(placedRows(result)).toEqual(['3 rongcheng-police-kuaishou 371082 county kuaishou']);
    expect(reported(result)).toEqual(['IMPORT_INVALID@2:1']);
    expect(result.diagnostics.items[0]!.message).toBe("as imported, the row fails the registry's check: DATE_FUTURE opened 2030-01 is after today (2026-12-03)");
    expect(result.reviewRows).toBe(1);
  });

  it('cites a source given as an address', async () => {
    const result = await run(new TextEncoder().encode('单位名称,账号名称,平台\n荣成市公安局,荣成公安,抖音\n'), { source: 'https://www.weihai.gov.cn/list.html' });
    expect(result.placed[0]!.cells.source).toBe('https://www.weihai.gov.cn/list.html');
  });

  it('does not search a body\'s name longer than any body\'s for places (returns within 5 s)', async () => {
    const started = Date.now();
    const result = await run(new TextEncoder().encode(`单位名称,账号名称,平台\n${'荣成市'.repeat(100_000)},荣成公安,抖音\n`));
    expect(reported(result)).toEqual(['IMPORT_CELL@2:1']);
    expect(result.diagnostics.items[0]!.message).toBe('the body (单位名称) is 300000 characters long, longer than any body\'s name; check the cell');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('cannot read a list in which no table has a header', async () => {
    const result = await run(new TextEncoder().encode('荣成市公安局,荣成公安,抖音\n'));
    expect(result.readable).toBe(false);
    expect(reported(result)).toEqual(['IMPORT_HEADER@1:1', 'IMPORT_HEADER@1:1']);
    expect(result.diagnostics.items.map((d) => d.severity)).toEqual(['warning', 'error']);
  });
});

describe('appending to a province\'s file (--into)', () => {
  const rows = [
    { id: 'wendeng-zetou-weibo', name: '泽头发布', agency: '文登区泽头镇人民政府', region: '371003107', level: 'township', platform: 'weibo', status: 'active', source: 'weihai-list-2024', checked: TODAY },
    { id: 'weihai-publicity-wechat', name: '威海宣传, "官方"', agency: '中共威海市委宣传部', region: '371000', level: 'prefectural', platform: 'wechat', status: 'active', source: 'weihai-list-2024', checked: TODAY },
  ];

  it('adds after the last byte, in the file\'s column order and CRLF, and still without a final line break', () => {
    const before = SHANDONG.toString('utf8');
    const appended = appendText(before, rows);
    expect(appended.written).toEqual([0, 1]);
    expect(appended.text).toBe(
      '\r\nwendeng-zetou-weibo,泽头发布,文登区泽头镇人民政府,371003107,township,weibo,,,active,,weihai-list-2024,2026-12-03' +
        '\r\nweihai-publicity-wechat,"威海宣传, ""官方""",中共威海市委宣传部,371000,prefectural,wechat,,,active,,weihai-list-2024,2026-12-03',
    );
  });

  it('keeps a file\'s LF and final line break, refuses a row whose value has no column there, and starts a new file with the header', () => {
    const lf = 'id,name,agency,region,level,platform,status,source,checked\nx,荣成公安,荣成市公安局,371082,county,weibo,active,cd-2024-08-28,\n';
    const appended = appendText(lf, [rows[0]!, { ...rows[0]!, id: 'y', url: 'https://weibo.com/y' }]);
    expect(appended.text).toBe('wendeng-zetou-weibo,泽头发布,文登区泽头镇人民政府,371003107,township,weibo,active,weihai-list-2024,2026-12-03\n');
    expect(appended.refused).toEqual([{ index: 1, columns: ['url'] }]);
    expect(appendText(undefined, [rows[0]!]).text).toBe(
      'id,name,name_en,agency,agency_en,region,level,platform,handle,url,status,opened,announced,closed,reason,redirect,notice,followers,posts,source,checked,notes,notes_en\n' +
        'wendeng-zetou-weibo,泽头发布,,文登区泽头镇人民政府,,371003107,township,weibo,,,active,,,,,,,,,weihai-list-2024,2026-12-03,,\n',
    );
  });
});

describe('npm run import', () => {
  function copyRegistry(): string {
    const root = mkdtempSync(join(tmpdir(), 'import-cli-'));
    cpSync('tests/fixtures/import/registry', root, { recursive: true });
    writeFileSync(join(root, 'weihai.csv'), WEIHAI_GBK);
    return root;
  }
  // Each run is a fresh Node process that loads the registry and the 45,000 built-in divisions
  // (~2 s idle); on a loaded 2-core machine four of them took over 30 s.
  const CLI_TIMEOUT = 180_000;
  const cli = (root: string, ...args: string[]) =>
    spawnSync(process.execPath, ['scripts/import.ts', ...args], { encoding: 'utf8', env: { ...process.env, DATA_DIR: join(root, 'data'), CONTENT_DIR: join(root, 'content') } });

  it('writes the rows, appends them to the province\'s file changing no other byte, and the registry stays valid', () => {
    const root = copyRegistry();
    const into = join(root, 'data/channels/shandong.csv');
    const run = cli(root, join(root, 'weihai.csv'), '--region', '371000', '--source', 'weihai-list-2024', '--out', join(root, 'rows.csv'), '--into', into, '--today', TODAY);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/ {2}read {14}40\n {2}placed {12}38 → .*rows\.csv\n {2}already recorded {2}0\n {2}for review {8}2\n/);
    expect(run.stdout).toMatch(/weihai\.csv:42:4: warning IMPORT_PLACE_NONE "烟台市公安局"/);
    expect(run.stdout).toMatch(/38 rows appended to /);
    const after = readFileSync(into);
    expect(after.subarray(0, SHANDONG.length).equals(SHANDONG)).toBe(true);
    expect(after.subarray(SHANDONG.length).toString('utf8').split('\r\n')).toHaveLength(39);
    const checked = checkDataset({ dataDir: join(root, 'data'), contentDir: join(root, 'content') }, { today: TODAY });
    expect(checked.diagnostics.errorCount).toBe(0);
    expect(checked.dataset.loaded.channels).toHaveLength(40);
    expect(readFileSync(join(root, 'rows.csv'), 'utf8').split('\r\n')).toHaveLength(40);
    // a second run finds them all recorded and adds nothing
    const again = cli(root, join(root, 'weihai.csv'), '--region', '371000', '--source', 'weihai-list-2024', '--out', join(root, 'rows2.csv'), '--into', into, '--today', TODAY);
    expect(again.stdout).toMatch(/ {2}placed {12}0 → .*\n {2}already recorded {2}38\n/);
    expect(readFileSync(into).equals(after)).toBe(true);
  }, CLI_TIMEOUT);

  it('exits 1 when the list cannot be read, and 2 on a bad request', () => {
    const root = copyRegistry();
    writeFileSync(join(root, 'empty.csv'), '');
    const unreadable = cli(root, join(root, 'empty.csv'), '--region', '371000', '--source', 'weihai-list-2024', '--out', join(root, 'rows.csv'));
    expect(unreadable.status).toBe(1);
    expect(unreadable.stderr).toMatch(/empty\.csv:1:1: error IMPORT_UNREADABLE the list is empty/);
    const list = join(root, 'weihai.csv');
    expect(cli(root, list, '--source', 'weihai-list-2024', '--out', 'x.csv').status).toBe(2);
    const badSource = cli(root, list, '--region', '371000', '--source', 'no-such-source', '--out', 'x.csv');
    expect(badSource.status).toBe(2);
    expect(badSource.stderr).toMatch(/--source no-such-source: no such id in .*sources\.csv/);
    const outside = cli(root, list, '--region', '371000', '--source', 'weihai-list-2024', '--out', join(root, 'x.csv'), '--into', join(root, 'elsewhere.csv'));
    expect(outside.status).toBe(2);
    expect(outside.stderr).toMatch(/--into .*elsewhere\.csv: give a \.csv file in /);
  }, CLI_TIMEOUT);
});
