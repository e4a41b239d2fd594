/**
 * Every rule of the validator, each with bad input asserting its error code and line. Row n
 * of the `rows` array sits on line n + 2 (line 1 is the header).
 */
import { describe, expect, it } from 'vitest';
import { CHANNEL_HEADER, channelRow, checkFiles, checkRows, codes, only } from './helpers/dataset.ts';

const active = (id: string, extra: Record<string, string> = {}) => ({ id, name: `${id}-name`, ...extra });
const closed = (id: string, extra: Record<string, string> = {}) =>
  active(id, { status: 'closed', closed: '2024-04', reason: 'discontinued', ...extra });

describe('a valid dataset', () => {
  it('loads every row with no problem at all', () => {
    const checked = checkRows([
      active('a', { opened: '2014-06', url: 'https://weibo.com/x', followers: '500', posts: '860' }),
      closed('b', { reason: 'merged', redirect: 'a' }),
      closed('c', { reason: 'moved', redirect: 'https://www.rongcheng.gov.cn/' }),
      active('d', { region: '360729200', level: 'township' }),
      active('e', { region: '100000', level: 'central', agency: '国务院办公厅' }),
      active('f', { region: '110101', level: 'county' }),
    ]);
    expect(checked.diagnostics.items).toEqual([]);
    expect(checked.dataset.loaded.channels.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    const a = checked.dataset.channelsById.get('a')!;
    expect(a).toMatchObject({ followers: 500, posts: 860, url: 'https://weibo.com/x' });
    expect(a.opened).toMatchObject({ value: '2014-06', precision: 'month' });
  });
});

describe('cells', () => {
  it('REQUIRED: an empty required cell, at its line and column', () => {
    const checked = checkRows([active('a'), active('b', { name: '' })]);
    expect(codes(checked)).toEqual(['REQUIRED@3']);
    const [d] = only(checked, 'REQUIRED');
    expect(d!.col).toBe(3); // "b," then the empty name cell
    expect(d!.message).toContain('name');
  });

  it('ID_FORMAT: ids with capitals, spaces or a leading hyphen', () => {
    const checked = checkRows([active('Rongcheng'), active('-a'), active('a b')]);
    expect(codes(checked)).toEqual(['ID_FORMAT@2', 'ID_FORMAT@3', 'ID_FORMAT@4']);
  });

  it('ENUM: bad level, platform, status and reason, with a hint for near misses', () => {
    const checked = checkRows([
      active('a', { level: 'city' }),
      active('b', { platform: 'WeChat' }),
      active('c', { status: 'deleted' }),
      closed('d', { reason: 'gone' }),
    ]);
    expect(codes(checked)).toEqual(['ENUM@2', 'ENUM@3', 'ENUM@4', 'ENUM@5']);
    expect(only(checked, 'ENUM')[1]!.message).toContain('did you mean "wechat"');
  });

  it('DATE_FORMAT and DATE_IMPOSSIBLE', () => {
    const checked = checkRows([active('a', { opened: '2014/06' }), closed('b', { closed: '2024-02-30' })]);
    expect(codes(checked)).toEqual(['DATE_FORMAT@2', 'DATE_IMPOSSIBLE@3']);
  });

  it('INTEGER: followers and posts must be plain digits', () => {
    const checked = checkRows([active('a', { followers: '1.2万' }), active('b', { posts: '12,000' })]);
    expect(codes(checked)).toEqual(['INTEGER@2', 'INTEGER@3']);
  });

  it('URL_SCHEME: javascript: and data: links, in url and in redirect', () => {
    const checked = checkRows([
      active('a', { url: 'javascript:alert(1)' }),
      active('b', { url: 'data:text/html,<b>x</b>' }),
      closed('c', { reason: 'moved', redirect: 'javascript:alert(1)' }),
      active('d', { url: 'ftp://example.com/x' }),
    ]);
    expect(codes(checked)).toEqual(['URL_SCHEME@2', 'URL_SCHEME@3', 'URL_SCHEME@4', 'URL_SCHEME@5']);
  });

  it('URL_FORMAT: an http link without a host', () => {
    expect(codes(checkRows([active('a', { url: 'https://' })]))).toEqual(['URL_FORMAT@2']);
  });

  it('REGION_FORMAT: codes that are not 6 or 9 digits', () => {
    expect(codes(checkRows([active('a', { region: '37108' }), active('b', { region: 'rongcheng' })]))).toEqual(['REGION_FORMAT@2', 'REGION_FORMAT@3']);
  });

  it('reports every bad cell of a row, not just the first', () => {
    const checked = checkRows([active('a', { level: 'x', platform: 'y', opened: 'z' })]);
    expect(codes(checked)).toEqual(['ENUM@2', 'ENUM@2', 'DATE_FORMAT@2']);
  });
});

describe('rows and references', () => {
  it('DUPLICATE_ID across files, pointing at the first use', () => {
    const checked = checkFiles({
      'data/channels/a.csv': `${CHANNEL_HEADER}\n${channelRow(active('x'))}\n`,
      'data/channels/b.csv': `${CHANNEL_HEADER}\n${channelRow(active('y'))}\n${channelRow(active('x'))}\n`,
    });
    const [d] = only(checked, 'DUPLICATE_ID');
    expect(d).toMatchObject({ line: 3 });
    expect(d!.file).toMatch(/b\.csv$/);
    expect(d!.message).toMatch(/a\.csv:2/);
  });

  it('REGION_UNKNOWN: a well-formed code that is no division', () => {
    expect(codes(checkRows([active('a', { region: '379999' })]))).toEqual(['REGION_UNKNOWN@2']);
  });

  it('LEVEL_REGION_MISMATCH: the level contradicts the kind of region', () => {
    const checked = checkRows([
      active('a', { region: '370000', level: 'county' }),
      active('b', { region: '371082', level: 'provincial' }),
      active('c', { region: '360729200', level: 'county' }),
      active('d', { region: '100000', level: 'provincial' }),
      active('ok', { region: '360729200', level: 'community' }),
    ]);
    expect(codes(checked)).toEqual(['LEVEL_REGION_MISMATCH@2', 'LEVEL_REGION_MISMATCH@3', 'LEVEL_REGION_MISMATCH@4', 'LEVEL_REGION_MISMATCH@5']);
  });

  it('SOURCE_UNKNOWN: a cited id missing from sources.csv (URLs are fine)', () => {
    const checked = checkRows([active('a', { source: 'nosuch' }), active('b', { source: 'https://example.com/report' })]);
    expect(codes(checked, 'error')).toEqual(['SOURCE_UNKNOWN@2']);
  });

  it('SOURCE_UNUSED: a warning for a source nothing cites', () => {
    const checked = checkRows([active('a', { source: 'https://example.com/report' })]);
    expect(codes(checked)).toEqual(['SOURCE_UNUSED@2']);
    expect(only(checked, 'SOURCE_UNUSED')[0]!.severity).toBe('warning');
  });
});

describe('closures', () => {
  it('CLOSED_NO_DATE and CLOSED_NO_REASON', () => {
    const checked = checkRows([
      active('a', { status: 'closed', reason: 'discontinued' }),
      active('b', { status: 'closed', closed: '2024' }),
      active('c', { status: 'closing' }),
    ]);
    expect(codes(checked)).toEqual(['CLOSED_NO_DATE@2', 'CLOSED_NO_REASON@3', 'CLOSED_NO_REASON@4']);
  });

  it('a closing channel needs a reason but not yet a date', () => {
    expect(codes(checkRows([active('a', { status: 'closing', announced: '2024', reason: 'discontinued' })]))).toEqual([]);
  });

  it('REASON_NOT_CLOSED and STATUS_DATE_MISMATCH: closure fields on a live channel', () => {
    const checked = checkRows([active('a', { reason: 'merged' }), active('b', { status: 'dormant', closed: '2024' })]);
    expect(codes(checked)).toEqual(['REASON_NOT_CLOSED@2', 'STATUS_DATE_MISMATCH@3']);
  });

  it('DATE_ORDER: closed or announced before opened, only when certainly so', () => {
    const checked = checkRows([
      closed('a', { opened: '2014-06', closed: '2014-05' }),
      closed('b', { opened: '2015', announced: '2014-12-31', closed: '2016' }),
      closed('fine', { opened: '2014', closed: '2014-01' }),
    ]);
    expect(codes(checked)).toEqual(['DATE_ORDER@2', 'DATE_ORDER@3']);
  });

  it('DATE_FUTURE: dates after today, except the planned end of a closing channel', () => {
    const checked = checkRows([
      closed('a', { closed: '2027-01' }),
      active('b', { checked: '2026-12-01' }),
      active('c', { status: 'closing', reason: 'discontinued', closed: '2027-03' }),
    ]);
    expect(codes(checked)).toEqual(['DATE_FUTURE@2', 'DATE_FUTURE@3']);
  });

  describe('SUCCESSOR_COUNT follows the closure reason', () => {
    const targets = [active('t1'), active('t2')];
    const cases: [string, string, boolean][] = [
      ['merged', '', false],
      ['merged', 't1', true],
      ['merged', 't1;t2', false],
      ['renamed', 't1;t2', false],
      ['renamed', 't1', true],
      ['replaced', '', false],
      ['replaced', 't1;https://www.gov.cn/', true],
      ['moved', '', false],
      ['moved', 'https://www.gov.cn/', true],
      ['split', 't1', false],
      ['split', 't1;t2', true],
      ['abolished', '', true],
      ['discontinued', '', true],
      ['compromised', '', true],
    ];
    for (const [reason, redirect, valid] of cases) {
      it(`${reason} with ${redirect ? redirect.split(';').length : 0} target(s) is ${valid ? 'fine' : 'an error'}`, () => {
        const checked = checkRows([...targets, closed('x', { reason, redirect })]);
        expect(codes(checked)).toEqual(valid ? [] : ['SUCCESSOR_COUNT@4']);
      });
    }
  });
});

describe('redirects', () => {
  it('REDIRECT_UNKNOWN and REDIRECT_SELF', () => {
    const checked = checkRows([closed('a', { reason: 'merged', redirect: 'nosuch' }), closed('b', { reason: 'merged', redirect: 'b' })]);
    expect(codes(checked)).toEqual(['REDIRECT_UNKNOWN@2', 'REDIRECT_SELF@3']);
  });

  it('does not call a target unknown when its own row was rejected for a bad cell', () => {
    const checked = checkRows([closed('a', { reason: 'merged', redirect: 'b' }), active('b', { platform: 'nope' })]);
    expect(codes(checked)).toEqual(['ENUM@3']);
  });

  it('REDIRECT_CYCLE names the whole cycle once', () => {
    const checked = checkRows([
      closed('a', { reason: 'merged', redirect: 'b' }),
      closed('b', { reason: 'merged', redirect: 'c' }),
      closed('c', { reason: 'merged', redirect: 'a' }),
      closed('d', { reason: 'merged', redirect: 'a' }),
    ]);
    expect(codes(checked, 'error')).toEqual(['REDIRECT_CYCLE@2']);
    expect(only(checked, 'REDIRECT_CYCLE')[0]!.message).toContain('a → b → c → a');
  });

  it('REDIRECT_DEAD_END warns when every chain ends at closed channels', () => {
    const checked = checkRows([closed('a', { reason: 'merged', redirect: 'b' }), closed('b'), closed('c', { reason: 'replaced', redirect: 'b;https://www.gov.cn/' })]);
    expect(codes(checked)).toEqual(['REDIRECT_DEAD_END@2']);
    expect(only(checked, 'REDIRECT_DEAD_END')[0]).toMatchObject({ severity: 'warning' });
  });

  it('REDIRECT_FROM_LIVE warns about redirects on an active channel', () => {
    expect(codes(checkRows([active('a', { redirect: 'b' }), active('b')]))).toEqual(['REDIRECT_FROM_LIVE@2']);
  });
});

describe('notices', () => {
  const notice = (frontmatter: string, body = '正文') => `---\n${frontmatter}\n---\n${body}\n`;
  const good = 'title: 关于停止运营的公告\nchannels:\n  - a\nannounced: 2024-08-14\nissuer: 荣成市公安局\nsource: cd-2024-08-28\nlang: zh';

  it('loads a good notice and links it both ways', () => {
    const checked = checkRows([closed('a', { notice: 'a-closure' })], { 'content/notices/a-closure.md': notice(good) });
    expect(checked.diagnostics.items).toEqual([]);
    const [n] = checked.dataset.loaded.notices;
    expect(n).toMatchObject({ slug: 'a-closure', channels: ['a'], lang: 'zh', kind: 'summary', body: '正文' });
    expect(n!.announced).toMatchObject({ value: '2024-08-14', precision: 'day' });
  });

  it('NOTICE_UNKNOWN: a row names a notice file that does not exist', () => {
    expect(codes(checkRows([closed('a', { notice: 'nosuch' })]))).toEqual(['NOTICE_UNKNOWN@2']);
  });

  it('NOTICE_UNKNOWN_CHANNEL: a notice names a channel that does not exist, at its line', () => {
    const checked = checkRows([closed('a', { notice: 'n' })], { 'content/notices/n.md': notice(good.replace('  - a', '  - a\n  - ghost')) });
    const [d] = only(checked, 'NOTICE_UNKNOWN_CHANNEL');
    expect(d).toMatchObject({ line: 3 });
    expect(d!.file).toMatch(/n\.md$/);
    expect(d!.message).toContain('ghost');
  });

  it('NOTICE_NOT_LINKED warns when the row does not name the notice back', () => {
    const checked = checkRows([closed('a')], { 'content/notices/n.md': notice(good) });
    expect(codes(checked)).toEqual(['NOTICE_NOT_LINKED@2']);
  });

  it('FRONTMATTER: missing, not YAML, or unknown fields', () => {
    const rows = [closed('a')];
    const missing = checkRows(rows, { 'content/notices/n.md': '# just a heading\n' });
    expect(only(missing, 'FRONTMATTER')).toMatchObject([{ line: 1 }]);
    const broken = checkRows(rows, { 'content/notices/n.md': notice('title: [unclosed\nlang: zh') });
    expect(only(broken, 'FRONTMATTER').length).toBeGreaterThan(0);
    expect(only(broken, 'FRONTMATTER')[0]!.line).toBeGreaterThanOrEqual(2);
    const unknown = checkRows(rows, { 'content/notices/n.md': notice(`${good}\nauthor: x`) });
    expect(only(unknown, 'FRONTMATTER')).toMatchObject([{ line: 9 }]);
  });

  it('REQUIRED and ENUM inside frontmatter point at the field', () => {
    const checked = checkRows([closed('a', { notice: 'n' })], { 'content/notices/n.md': notice(good.replace('lang: zh', 'lang: fr').replace('issuer: 荣成市公安局\n', '')) });
    expect(codes(checked, 'error')).toEqual(expect.arrayContaining(['REQUIRED@1', 'ENUM@7']));
  });

  it('NOTICE_NOT_MARKDOWN: MDX is refused in notices', () => {
    const checked = checkRows([closed('a')], { 'content/notices/n.mdx': notice(good) });
    expect(codes(checked, 'error')).toEqual(['NOTICE_NOT_MARKDOWN@1']);
  });
});

describe('region overrides', () => {
  const regions = (rows: string) => ({ 'data/regions.csv': `code,name,name_en,parent\n${rows}` });

  it('adds a new division that channels can use', () => {
    const checked = checkRows([active('a', { region: '371082999', level: 'township' })], regions('371082999,新设街道,,\n'));
    expect(codes(checked)).toEqual([]);
    expect(checked.dataset.regions.get('371082999')).toMatchObject({ name: '新设街道', parent: '371082' });
  });

  it('REGION_PARENT_UNKNOWN: an added division whose parent does not exist', () => {
    expect(codes(checkRows([active('a')], regions('379998001,x,,379998\n')))).toEqual(['REGION_PARENT_UNKNOWN@2']);
  });

  it('renames a division and keeps its place in the tree', () => {
    const checked = checkRows([active('a')], regions('371082,荣成市,Rongcheng City,\n'));
    expect(checked.dataset.regions.get('371082')).toMatchObject({ nameEn: 'Rongcheng City', parent: '371000' });
  });

  it('REGION_PARENT_LEVEL: a parent not above the region, at its parent cell; the region keeps its own place', () => {
    const rows = [
      '371082998,甲街道,,371082', // a township under its county: fine
      '371082999,乙街道,,371082998', // a township under a township
      '371083,某县,,371082', // a county under a county
      '370000,山东省,,371000', // a province under one of its prefectures
      '100000,全国,,370000', // the nation under anything
    ];
    const checked = checkRows([active('a')], regions(rows.map((r) => `${r}\n`).join('')));
    expect(codes(checked)).toEqual(['REGION_PARENT_LEVEL@3', 'REGION_PARENT_LEVEL@4', 'REGION_PARENT_LEVEL@5', 'REGION_PARENT_LEVEL@6']);
    const [township] = only(checked, 'REGION_PARENT_LEVEL');
    expect(township!.col).toBe('371082999,乙街道,,'.length + 1);
    expect(township!.message).toContain('371082998 of 371082999 is a township');
    // each falls back to the parent its code implies (or the built-in list gives)
    expect(checked.dataset.regions.get('371082999')!.parent).toBe('371082');
    expect(checked.dataset.regions.get('371083')!.parent).toBe('371000');
    expect(checked.dataset.regions.get('370000')!.parent).toBe('100000');
    expect(checked.dataset.regions.get('100000')!.parent).toBeUndefined();
  });

  it('REGION_PARENT_LEVEL: a chain of 5,000 townships each under the last, every link at its line (returns within 5 s)', () => {
    const started = Date.now();
    const code = (n: number) => String(371080000 + n);
    const rows = Array.from({ length: 5000 }, (_, n) => `${code(n)},第${n}街道,,${n === 0 ? '371082' : code(n - 1)}\n`);
    const checked = checkRows([active('a', { region: code(4999), level: 'township' })], regions(rows.join('')));
    const levelLines = only(checked, 'REGION_PARENT_LEVEL').map((d) => d.line);
    expect(levelLines).toEqual(Array.from({ length: 4999 }, (_, n) => n + 3));
    expect(Date.now() - started).toBeLessThan(5000);
    // the first township stands under its county; the others' implied parents (37108x) do not exist
    expect(checked.dataset.regions.lineage(code(0)).map((r) => r.code)).toEqual(['100000', '370000', '371000', '371082', code(0)]);
    expect(codes(checked).filter((c) => !c.startsWith('REGION_PARENT_LEVEL@'))).toEqual(['REGION_UNKNOWN@2']);
  });

  it('the same code twice with a parent that does not exist is reported, not thrown', () => {
    const checked = checkRows([active('a')], regions('379998001,x,,379998\n379998001,y,,379998\n'));
    expect(codes(checked)).toEqual(['REGION_PARENT_UNKNOWN@2']);
  });
});

describe('never losing a row', () => {
  it('every input row ends up loaded or in an error', () => {
    const rows = [active('a'), active('b', { platform: 'x' }), active('c'), active('d', { opened: '2024-13' })];
    const csv = `${CHANNEL_HEADER}\n${rows.map(channelRow).join('\n')}\nshort,row\n`;
    const checked = checkFiles({ 'data/channels/test.csv': csv });
    const loaded = checked.dataset.loaded.channels.length;
    const erroredLines = new Set(checked.diagnostics.items.filter((d) => d.severity === 'error' && d.file === checked.file).map((d) => d.line));
    expect(loaded).toBe(2);
    expect(erroredLines).toEqual(new Set([3, 5, 6]));
    const dataLines = 5;
    expect(loaded + erroredLines.size).toBe(dataLines);
    expect(checked.dataset.loaded.rowsRead).toBe(dataLines + 1); // + the one row of sources.csv
  });

  it('FILE_MISSING: no channel files, or no sources.csv', () => {
    const checked = checkFiles({ 'data/sources.csv': 'id,title,publisher,date,url,archive\n' });
    expect(codes(checked)).toEqual(['FILE_MISSING@1']);
  });
});

describe('notice dates written unquoted', () => {
  it('are read the same whether YAML gives text or a Date object', async () => {
    const { noticeSchema } = await import('../src/domain/schemas/notice.ts');
    const base = { title: 't', channels: ['a'], issuer: 'i', source: 'cd-2024-08-28', lang: 'zh' };
    const fromText = noticeSchema.parse({ ...base, announced: '2024-08-14' });
    const fromDate = noticeSchema.parse({ ...base, announced: new Date('2024-08-14T00:00:00Z') });
    expect(fromDate.announced).toEqual(fromText.announced);
  });
});

describe('raw HTML in notices', () => {
  const frontmatter = '---\ntitle: t\nchannels:\n  - a\nissuer: i\nsource: cd-2024-08-28\nlang: zh\n---\n';
  const withBody = (body: string) => checkRows([closed('a', { notice: 'n' })], { 'content/notices/n.md': `${frontmatter}${body}` });

  it('NOTICE_HTML: each tag or comment in the body, at its line and column', () => {
    const checked = withBody('第一段。\n\n请访问 <a href="https://x.example/">这里</a>。\n');
    expect(codes(checked, 'error')).toEqual(['NOTICE_HTML@11', 'NOTICE_HTML@11']);
    expect(only(checked, 'NOTICE_HTML').map((d) => d.col)).toEqual([5, 36]);
    expect(codes(withBody('<!-- hidden -->\n'), 'error')).toEqual(['NOTICE_HTML@9']);
    expect(codes(withBody('<iframe src="https://x.example/"></iframe>\n'), 'error')).toEqual(['NOTICE_HTML@9']);
  });

  it('allows angle brackets that are not tags, and tags shown as code', () => {
    expect(codes(withBody('粉丝数 < 500，发文 > 800。\n\n代码 `<b>` 不算。\n\n```\n<div>示例</div>\n```\n'))).toEqual([]);
  });
});
