import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDataset } from '../src/domain/pipeline.ts';
import { diffDatasets, NATION, type DataDiff } from '../src/domain/data-diff.ts';
import { diffAgainstRef } from '../src/publish/diff-ref.ts';
import { DIFF_COMMENT_MARKER, escapeMarkdown, renderDiffMarkdown } from '../src/publish/diff-markdown.ts';
import { CHANNEL_HEADER, channelRow, TODAY, writeDataset, type FixtureFiles } from './helpers/dataset.ts';

const csv = (...rows: Record<string, string>[]) => [CHANNEL_HEADER, ...rows.map(channelRow)].join('\n') + '\n';

const rongcheng = { id: 'rongcheng-police-weibo', name: '荣成公安', region: '371082', level: 'county' };
const weihai = { id: 'weihai-police-weibo', name: '威海公安', agency: '威海市公安局', region: '371000', level: 'prefectural' };
const jinan = { id: 'jinan-wechat', name: '济南发布', agency: '济南市人民政府新闻办公室', region: '370100', level: 'prefectural', platform: 'wechat' };
const gd = { id: 'guangzhou-weibo', name: '广州发布', agency: '广州市人民政府新闻办公室', region: '440100', level: 'prefectural' };
const central = { id: 'mps-weibo', name: '公安部', agency: '中华人民共和国公安部', region: '100000', level: 'central' };

function diffOf(before: FixtureFiles, after: FixtureFiles): DataDiff {
  const a = writeDataset(before);
  const b = writeDataset(after);
  const old = checkDataset(a, { today: TODAY });
  const now = checkDataset(b, { today: TODAY });
  return diffDatasets(old.dataset, now.dataset, { beforeDataDir: a.dataDir, afterDataDir: b.dataDir, diagnostics: now.diagnostics.sorted() });
}

const summary = (d: DataDiff) => d.channels.map((c) => `${c.kind}:${c.id}`);

describe('diffDatasets', () => {
  it('reports nothing for identical data, even though the files live in different folders', () => {
    const files = { 'data/channels/shandong.csv': csv(rongcheng, weihai) };
    const d = diffOf(files, files);
    expect(d.channels).toEqual([]);
    expect(d.moved).toEqual([]);
    expect(d.provinces).toEqual([]);
    expect(d.totals).toEqual({ before: 2, after: 2 });
  });

  it('lists an added channel with every filled field, at its file and line', () => {
    const d = diffOf({ 'data/channels/shandong.csv': csv(weihai) }, { 'data/channels/shandong.csv': csv(weihai, rongcheng) });
    expect(summary(d)).toEqual(['added:rongcheng-police-weibo']);
    const added = d.channels[0]!;
    expect(added.file).toBe('channels/shandong.csv');
    expect(added.line).toBe(3);
    expect(added.province).toBe('370000');
    expect(added.fields).toContainEqual({ field: 'name', before: '', after: '荣成公安' });
    expect(added.fields.some((f) => f.field === 'url')).toBe(false); // empty cells are not listed
  });

  it('calls active → closed a closure and names the fields that changed', () => {
    const closed = { ...rongcheng, status: 'closed', closed: '2024-04', reason: 'merged', redirect: 'weihai-police-weibo' };
    const d = diffOf({ 'data/channels/s.csv': csv(rongcheng, weihai) }, { 'data/channels/s.csv': csv(closed, weihai) });
    expect(summary(d)).toEqual(['closed:rongcheng-police-weibo']);
    const c = d.channels[0]!;
    expect(c.previousStatus).toBe('active');
    expect(c.status).toBe('closed');
    expect(c.fields).toEqual([
      { field: 'status', before: 'active', after: 'closed' },
      { field: 'closed', before: '', after: '2024-04' },
      { field: 'reason', before: '', after: 'merged' },
      { field: 'redirect', before: '', after: 'weihai-police-weibo' },
    ]);
  });

  it('counts active → closing as a closure too, but closing → closed as a change', () => {
    const closing = { ...rongcheng, status: 'closing', announced: '2024-08-14', reason: 'discontinued' };
    const closedNow = { ...closing, status: 'closed', closed: '2024-09' };
    expect(summary(diffOf({ 'data/channels/s.csv': csv(rongcheng) }, { 'data/channels/s.csv': csv(closing) }))).toEqual(['closed:rongcheng-police-weibo']);
    const d = diffOf({ 'data/channels/s.csv': csv(closing) }, { 'data/channels/s.csv': csv(closedNow) });
    expect(summary(d)).toEqual(['changed:rongcheng-police-weibo']);
    expect(d.channels[0]!.previousStatus).toBe('closing');
  });

  it('calls closed → active a reopening', () => {
    const closed = { ...rongcheng, status: 'closed', closed: '2024-04', reason: 'discontinued' };
    const d = diffOf({ 'data/channels/s.csv': csv(closed) }, { 'data/channels/s.csv': csv({ ...rongcheng, notes: '2025年恢复更新' }) });
    expect(summary(d)).toEqual(['reopened:rongcheng-police-weibo']);
    expect(d.channels[0]!.fields.map((f) => f.field)).toEqual(['status', 'closed', 'reason', 'notes']);
  });

  it('lists changed fields with old and new text, for typed cells too', () => {
    const edited = { ...rongcheng, name: '荣成公安在线', followers: '1200', opened: '2014-06', source: 'cd-2024-08-28;https://example.gov.cn/a' };
    const d = diffOf({ 'data/channels/s.csv': csv({ ...rongcheng, followers: '500' }) }, { 'data/channels/s.csv': csv(edited) });
    expect(summary(d)).toEqual(['changed:rongcheng-police-weibo']);
    expect(d.channels[0]!.fields).toEqual([
      { field: 'name', before: '荣成公安', after: '荣成公安在线' },
      { field: 'opened', before: '', after: '2014-06' },
      { field: 'followers', before: '500', after: '1200' },
      { field: 'source', before: 'cd-2024-08-28', after: 'cd-2024-08-28;https://example.gov.cn/a' },
    ]);
  });

  it('notices a row moved to another file, with or without other edits', () => {
    const d = diffOf(
      { 'data/channels/a.csv': csv(rongcheng, weihai) },
      { 'data/channels/a.csv': csv(weihai), 'data/channels/shandong.csv': csv(rongcheng) },
    );
    expect(summary(d)).toEqual(['changed:rongcheng-police-weibo']);
    expect(d.moved.map((m) => [m.id, m.movedFrom, m.file])).toEqual([['rongcheng-police-weibo', 'channels/a.csv', 'channels/shandong.csv']]);
    expect(d.channels[0]!.fields).toEqual([]);
  });

  it('reports removed channels, and a row broken by the edit as unreadable rather than removed', () => {
    const d = diffOf(
      { 'data/channels/s.csv': csv(rongcheng, weihai, jinan) },
      { 'data/channels/s.csv': csv({ ...rongcheng, opened: '2014-13' }, weihai) },
    );
    expect(summary(d)).toEqual(['removed:jinan-wechat']);
    expect(d.unreadable).toEqual([{ id: 'rongcheng-police-weibo', previouslyPresent: true }]);
    expect(d.diagnostics.map((x) => `${x.code}@${x.line}`)).toContain('DATE_IMPOSSIBLE@2');
  });

  it('tallies changes per province, central bodies first', () => {
    const d = diffOf(
      { 'data/channels/s.csv': csv(rongcheng, weihai) },
      { 'data/channels/s.csv': csv({ ...rongcheng, status: 'closed', closed: '2024', reason: 'discontinued' }, weihai, jinan, gd, central) },
    );
    expect(d.provinces.map((p) => [p.code, p.added, p.closed])).toEqual([
      [NATION, 1, 0],
      ['370000', 1, 1],
      ['440000', 1, 0],
    ]);
    expect(d.provinces[1]!.name).toBe('山东省');
  });

  it('compares notices, sources and events', () => {
    const notice = (title: string) => `---\ntitle: ${title}\nchannels: [rongcheng-police-weibo]\nissuer: 荣成市公安局\nsource: cd-2024-08-28\nlang: zh\n---\n正文\n`;
    const closed = { ...rongcheng, status: 'closed', closed: '2024', reason: 'discontinued', notice: 'rc-2024' };
    const base = { 'data/channels/s.csv': csv(closed), 'content/notices/rc-2024.md': notice('旧标题') };
    const d = diffOf(base, {
      ...base,
      'content/notices/rc-2024.md': notice('新标题'),
      'data/sources.csv': 'id,title,publisher,date,url,archive\ncd-2024-08-28,Governments closing their unused social media accounts,China Daily,2024-08-28,,\ngt-2024,Closure,Global Times,2024,,\n',
      'data/events.csv': 'date,title,title_en,source\n2023-12,整治,Directive,cd-2024-08-28\n',
    });
    expect(d.channels).toEqual([]);
    expect(d.notices).toEqual({ added: [], removed: [], changed: ['rc-2024'] });
    expect(d.sources).toEqual({ added: ['gt-2024'], removed: [], changed: [] });
    expect(d.events).toEqual({ added: 1, removed: 0 });
  });
});

describe('renderDiffMarkdown', () => {
  it('starts with the hidden marker and shows each kind of change with its fields', () => {
    const d = diffOf(
      { 'data/channels/s.csv': csv(rongcheng, weihai) },
      { 'data/channels/s.csv': csv({ ...rongcheng, status: 'closed', closed: '2024-04', reason: 'merged', redirect: 'weihai-police-weibo' }, weihai, jinan) },
    );
    const md = renderDiffMarkdown(d, { baseLabel: 'origin/main', checks: [{ name: 'tests', outcome: 'success' }, { name: 'build', outcome: 'failure' }] });
    expect(md.startsWith(`${DIFF_COMMENT_MARKER}\n`)).toBe(true);
    expect(md).toContain('| 1 | 1 | 0 | 0 | 0 | 0 | 0 | 0 |');
    expect(md).toContain('### 关停 / 注销中 Closed or closing (1)');
    expect(md).toContain('| `rongcheng-police-weibo` | 荣成公安 | active → closed | status: `active` → `closed`<br>closed: `2024-04`');
    expect(md).toContain('| 山东省 Shandong | 1 | 1 | 0 | 0 | 0 |');
    expect(md).toContain('- ✅ tests: success');
    expect(md).toContain('- ❌ build: failure');
  });

  it('lists validator errors with file and line, and says when nothing changed', () => {
    const files = { 'data/channels/s.csv': csv(rongcheng) };
    const d = diffOf(files, { 'data/channels/s.csv': csv({ ...rongcheng, closed: '2024' }) });
    const md = renderDiffMarkdown(d, { baseLabel: 'main' });
    expect(md).toMatch(/- `[^`]*s\.csv:2:\d+` \*\*STATUS\\_DATE\\_MISMATCH\*\*/);
    const same = renderDiffMarkdown(diffOf(files, files), { baseLabel: 'main' });
    expect(same).toContain('没有数据变更。No data changes.');
  });

  it('escapes names so data cannot break the table, inject HTML or mention people', () => {
    expect(escapeMarkdown('a|b <img src=x> @everyone\nnext')).toBe('a\\|b &lt;img src=x&gt; @\u200deveryone next');
    const d = diffOf({ 'data/channels/s.csv': csv(weihai) }, { 'data/channels/s.csv': csv(weihai, { ...rongcheng, name: 'x|<b>@admin' }) });
    const md = renderDiffMarkdown(d, { baseLabel: 'main' });
    expect(md).toContain('| x\\|&lt;b&gt;@\u200dadmin |');
    // Raw text appears only inside code spans, which GitHub renders literally.
    expect(md.replace(/`[^`\n]*`/g, '')).not.toMatch(/<b>|@admin/);
    expect(md).toMatch(/\| `rongcheng-police-weibo` \| x/);
  });
});

describe('diffAgainstRef', () => {
  it('compares a commit with the working tree through git archive, leaving the tree alone', () => {
    const repo = writeDataset({ 'data/channels/shandong.csv': csv(rongcheng, weihai) }).root;
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' }).toString();
    git('init', '-q');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'base');
    writeFileSync(join(repo, 'data/channels/shandong.csv'), csv({ ...rongcheng, status: 'closed', closed: '2024', reason: 'discontinued' }, weihai));
    mkdirSync(join(repo, 'content/notices'), { recursive: true }); // did not exist at the ref

    const d = diffAgainstRef('HEAD', { dataDir: join(repo, 'data'), contentDir: join(repo, 'content') }, TODAY, repo);
    expect(summary(d)).toEqual(['closed:rongcheng-police-weibo']);
    expect(d.moved).toEqual([]);
    expect(git('status', '--porcelain')).toBe(' M data/channels/shandong.csv\n');
    expect(() => diffAgainstRef('no-such-ref', { dataDir: join(repo, 'data'), contentDir: join(repo, 'content') }, TODAY, repo)).toThrow(/not a commit/);
  });
});
