import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDataset } from '../src/domain/pipeline.ts';
import { applyCellEdits, cellValue, parseCsvDocument, scanCsv } from '../src/format/csv-edit.ts';
import { ClosureInputError, recordClosure, splitList, type ClosureInput } from '../src/publish/record-closure.ts';
import { CHANNEL_HEADER, channelRow, TODAY, writeDataset, type FixtureFiles } from './helpers/dataset.ts';

describe('csv-edit', () => {
  const text = '\uFEFFid,name,notes\r\na,"Name, with comma","line one\r\nline ""two"""\r\nb,B,\r\n';

  it('finds every cell of every record, through BOM, CRLF, quotes and embedded newlines', () => {
    const records = scanCsv(text);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(records.map((r) => r.cells.map((c) => cellValue(text, c)))).toEqual([
      ['id', 'name', 'notes'],
      ['a', 'Name, with comma', 'line one\r\nline "two"'],
      ['b', 'B', ''],
    ]);
  });

  it('replaces only the edited cells, keeping quotes where they were and adding them where needed', () => {
    const doc = parseCsvDocument(text);
    const [a, b] = doc.rows;
    const out = applyCellEdits(text, [
      { cell: a!.cells[1]!, value: 'New' }, // was quoted: stays quoted
      { cell: b!.cells[2]!, value: 'x, "y"' }, // needs quotes
    ]);
    expect(out).toBe('\uFEFFid,name,notes\r\na,"New","line one\r\nline ""two"""\r\nb,B,"x, ""y"""\r\n');
  });

  it('splits repeatable and ;-separated list flags', () => {
    expect(splitList(['a;b', ' c ', ';', 'https://x.gov.cn/a'])).toEqual(['a', 'b', 'c', 'https://x.gov.cn/a']);
  });
});

const rongcheng = { id: 'rongcheng-police-weibo', name: '荣成公安', notes: '粉丝约500, 帖子860' };
const weihai = { id: 'weihai-police-weibo', name: '威海公安', agency: '威海市公安局', region: '371000', level: 'prefectural' };

/** A channel file as a spreadsheet on Windows saves it: BOM, CRLF, a quoted cell. */
function spreadsheetCsv(...rows: Record<string, string>[]): string {
  return `\uFEFF${[CHANNEL_HEADER, ...rows.map(channelRow)].join('\r\n')}\r\n`;
}

function setup(files: FixtureFiles = {}) {
  const original = spreadsheetCsv(rongcheng, weihai);
  const ds = writeDataset({ 'data/channels/shandong.csv': original, ...files });
  const file = join(ds.dataDir, 'channels/shandong.csv');
  const validate = () => checkDataset(ds, { today: TODAY }).diagnostics.sorted();
  const noticeFile = (slug: string) => join(ds.contentDir, 'notices', `${slug}.md`);
  return { ds, file, original, validate, noticeFile, read: () => readFileSync(file, 'utf8') };
}

const closure = (over: Partial<ClosureInput> = {}): ClosureInput => ({
  id: 'rongcheng-police-weibo',
  status: 'closed',
  announced: '2024-08-14',
  closed: '2024-08-14',
  reason: 'merged',
  redirect: ['weihai-police-weibo'],
  source: ['cd-2024-08-28'],
  noticeTitle: '关于荣成公安微博账号停止运营的公告',
  today: TODAY,
  ...over,
});

describe('recordClosure', () => {
  it('edits only the closure cells of the row, keeping BOM, CRLF and quoting, and writes a valid notice', () => {
    const t = setup({ 'content/notices/.keep': '' });
    const result = recordClosure(closure(), t.ds, t.validate);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);

    const expected = t.original.replace(
      channelRow(rongcheng),
      channelRow({ ...rongcheng, status: 'closed', announced: '2024-08-14', closed: '2024-08-14', reason: 'merged', redirect: 'weihai-police-weibo', notice: 'rongcheng-police-weibo-2024', checked: TODAY }),
    );
    expect(t.read()).toBe(expected);
    expect(readFileSync(t.file).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(result.plan.line).toBe(2);
    expect(result.plan.changes.map((c) => c.column)).toEqual(['status', 'announced', 'closed', 'reason', 'redirect', 'notice', 'checked']);

    const notice = readFileSync(t.noticeFile('rongcheng-police-weibo-2024'), 'utf8');
    expect(notice).toMatch(/^---\ntitle: 关于荣成公安微博账号停止运营的公告\nchannels:\n {2}- rongcheng-police-weibo\nannounced: 2024-08-14\neffective: 2024-08-14\nissuer: 荣成市公安局\n/);
    expect(notice).toContain('kind: summary');
    expect(notice).toContain('荣成市公安局于2024年8月14日发布公告，“荣成公安”（微博）已于2024年8月14日停止运营（合并）。公众可改为关注：weihai-police-weibo。');
    // The whole dataset validates after the edit.
    expect(t.validate().filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('keeps a cell quoted when the spreadsheet had quoted it, and adds a new source to the old ones', () => {
    const quoted = `${CHANNEL_HEADER}\n${channelRow(weihai)}\n${channelRow(rongcheng).replace(',active,', ',"active",')}\n`;
    const t = setup({ 'data/channels/shandong.csv': quoted, 'data/sources.csv': 'id,title,publisher,date,url,archive\ncd-2024-08-28,T,China Daily,2024-08-28,,\n' });
    const result = recordClosure(closure({ status: 'closing', closed: undefined, reason: 'discontinued', redirect: [], noticeTitle: undefined, source: ['https://www.rongcheng.gov.cn/notice'] }), t.ds, t.validate);
    expect(result.ok).toBe(true);
    const row = t.read().split('\n')[2]!;
    expect(row).toContain(',"closing",,2024-08-14,,discontinued,,,,,cd-2024-08-28;https://www.rongcheng.gov.cn/notice,2026-11-21,"粉丝约500, 帖子860"');
    expect(t.read().split('\n').slice(0, 2).join('\n')).toBe(quoted.split('\n').slice(0, 2).join('\n'));
  });

  it('restores the file and removes the notice when the edit is invalid, and reports the error at its line', () => {
    const t = setup();
    const result = recordClosure(closure({ redirect: ['weihai-police-weibo', 'no-such-channel'] }), t.ds, t.validate);
    expect(result.ok).toBe(false);
    expect(result.errors.map((d) => `${d.code}@${d.line}`)).toEqual(['REDIRECT_UNKNOWN@2', 'SUCCESSOR_COUNT@2']);
    expect(readFileSync(t.file, 'utf8')).toBe(t.original);
    expect(existsSync(t.noticeFile('rongcheng-police-weibo-2024'))).toBe(false);
  });

  it('rolls back a bad date, which the validator reports as DATE_FORMAT', () => {
    const t = setup();
    const result = recordClosure(closure({ closed: '2024/08/14', noticeTitle: undefined }), t.ds, t.validate);
    expect(result.ok).toBe(false);
    expect(result.errors.map((d) => `${d.code}@${d.line}`)).toEqual(['DATE_FORMAT@2']);
    expect(t.read()).toBe(t.original);
  });

  it('rolls back when the notice stub itself would be invalid (a date in the future)', () => {
    const t = setup();
    const result = recordClosure(closure({ status: 'closing', closed: undefined, reason: 'discontinued', redirect: [], announced: '2027-01-05' }), t.ds, t.validate);
    expect(result.ok).toBe(false);
    expect(result.errors.map((d) => d.code)).toContain('DATE_FUTURE');
    expect(t.read()).toBe(t.original);
    expect(existsSync(t.noticeFile('rongcheng-police-weibo-2027'))).toBe(false);
  });

  it('is not blocked by errors that were already elsewhere in the data', () => {
    const broken = `${CHANNEL_HEADER}\n${channelRow({ id: 'other', name: 'X', opened: '2024-13' })}\n`;
    const t = setup({ 'data/channels/zz-other.csv': broken });
    const result = recordClosure(closure({ noticeTitle: undefined }), t.ds, t.validate);
    expect(result.ok).toBe(true);
    expect(t.read()).not.toBe(t.original);
  });

  it('links an existing notice that names the channel instead of overwriting it', () => {
    const existing = '---\ntitle: 公告\nchannels: [rongcheng-police-weibo]\nissuer: 荣成市公安局\nsource: cd-2024-08-28\nlang: zh\n---\n原文\n';
    const t = setup({ 'content/notices/rc.md': existing });
    const result = recordClosure(closure({ noticeSlug: 'rc', noticeTitle: undefined }), t.ds, t.validate);
    expect(result.ok).toBe(true);
    expect(readFileSync(t.noticeFile('rc'), 'utf8')).toBe(existing);
    expect(t.read()).toContain(',rc,');
  });

  it('refuses bad requests before writing anything', () => {
    const t = setup({ 'content/notices/taken.md': '---\ntitle: x\nchannels: [weihai-police-weibo]\nissuer: x\nsource: cd-2024-08-28\nlang: zh\n---\n' });
    const attempt = (over: Partial<ClosureInput>) => () => recordClosure(closure(over), t.ds, t.validate);
    expect(attempt({ id: 'nobody' })).toThrow(ClosureInputError);
    expect(attempt({ id: 'nobody' })).toThrow(/no channel with id "nobody"/);
    expect(attempt({ status: 'active' as 'closed' })).toThrow(/--status must be closing or closed/);
    expect(attempt({ source: [] })).toThrow(/at least one --source/);
    expect(attempt({ noticeSlug: 'taken' })).toThrow(/does not name "rongcheng-police-weibo"/);
    expect(attempt({ noticeSlug: 'absent', noticeTitle: undefined })).toThrow(/give --notice-title/);
    expect(t.read()).toBe(t.original);
  });

  it('refuses a file whose header lacks a column the closure needs', () => {
    const header = 'id,name,agency,region,level,platform,status,source';
    const t = setup({ 'data/channels/shandong.csv': `${header}\nrongcheng-police-weibo,荣成公安,荣成市公安局,371082,county,weibo,active,cd-2024-08-28\n` });
    expect(() => recordClosure(closure({ noticeTitle: undefined }), t.ds, t.validate)).toThrow(/has no "announced" column/);
  });
});

describe('npm run new:closure', () => {
  it('never waits for answers without a terminal: missing flags are a usage error, full flags record the closure', () => {
    const t = setup();
    const run = (...args: string[]) =>
      spawnSync('npm', ['run', '-s', 'new:closure', '--', ...args], {
        encoding: 'utf8',
        input: '', // stdin is a pipe, not a TTY
        env: { ...process.env, DATA_DIR: t.ds.dataDir, CONTENT_DIR: t.ds.contentDir, REGISTRY_TODAY: TODAY },
        timeout: 60_000,
      });
    const missing = run('--id', 'rongcheng-police-weibo', '--status', 'closed', '--closed', '2024-08-14');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('missing --reason, --source');
    expect(t.read()).toBe(t.original);

    const ok = run('--id', 'rongcheng-police-weibo', '--status', 'closed', '--closed', '2024-08-14', '--reason', 'merged', '--redirect', 'weihai-police-weibo', '--source', 'cd-2024-08-28', '--today', TODAY);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('status: active → closed');
    expect(t.read()).toContain(',closed,,,2024-08-14,merged,weihai-police-weibo,,');
  }, 60_000);
});
