/** The link check with a fake network: these tests never open a socket. */
import { describe, expect, it } from 'vitest';
import { checkDataset } from '../src/domain/pipeline.ts';
import {
  checkLinks,
  collectLinks,
  LINK_REPORT_MARKER,
  needsAttention,
  renderLinkReport,
  staleChannels,
  type FetchLike,
  type LinkTarget,
} from '../src/publish/link-check.ts';
import { CHANNEL_HEADER, channelRow, TODAY, writeDataset } from './helpers/dataset.ts';

interface Call {
  url: string;
  method: string;
  at: number;
}

/** A fake network: answers from a table, records every call with the fake clock's time. */
function fakeNetwork(answers: Record<string, number | 'timeout' | 'dns' | ((method: string) => number)>, wayback: Record<string, string> = {}) {
  let clock = 0;
  const calls: Call[] = [];
  const sleeps: number[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, method: init.method, at: clock });
    const wb = /^https:\/\/archive\.org\/wayback\/available\?url=(.*)$/.exec(url);
    if (wb) {
      const snapshot = wayback[decodeURIComponent(wb[1]!)];
      return { status: 200, json: async () => ({ archived_snapshots: snapshot ? { closest: { available: true, url: snapshot, status: '200' } } : {} }) };
    }
    const answer = answers[url];
    if (answer === undefined) throw new Error(`unexpected request to ${url}`);
    if (answer === 'timeout') {
      // behave like a request that hangs until aborted
      return new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(new Error('aborted'))));
    }
    if (answer === 'dns') throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } });
    return { status: typeof answer === 'function' ? answer(init.method) : answer };
  };
  const sleep = async (ms: number) => {
    sleeps.push(ms);
    clock += ms;
  };
  return { fetch, sleep, calls, sleeps };
}

const target = (url: string, archive?: string): LinkTarget => ({ url, uses: [{ what: `channel x url`, file: 'data/channels/a.csv', line: 2 }], ...(archive ? { archive } : {}) });

describe('checkLinks', () => {
  it('sorts links into ok, dead and unreachable', async () => {
    const net = fakeNetwork({
      'https://a.gov.cn/ok': 200,
      'https://b.gov.cn/gone': 404,
      'https://c.gov.cn/removed': 410,
      'https://d.gov.cn/down': 503,
      'https://e.gov.cn/nohost': 'dns',
    });
    const results = await checkLinks(
      ['https://a.gov.cn/ok', 'https://b.gov.cn/gone', 'https://c.gov.cn/removed', 'https://d.gov.cn/down', 'https://e.gov.cn/nohost'].map((u) => target(u)),
      { fetch: net.fetch, sleep: net.sleep, perHostDelayMs: 1000 },
    );
    expect(results.map((r) => [r.target.url, r.verdict, r.status ?? r.error])).toEqual([
      ['https://a.gov.cn/ok', 'ok', 200],
      ['https://b.gov.cn/gone', 'dead', 404],
      ['https://c.gov.cn/removed', 'dead', 410],
      ['https://d.gov.cn/down', 'unreachable', 503],
      ['https://e.gov.cn/nohost', 'unreachable', 'ENOTFOUND'],
    ]);
    // an unreachable link is tried again after a pause; a dead one is not
    expect(net.calls.filter((c) => c.url === 'https://d.gov.cn/down')).toHaveLength(2);
    expect(net.calls.filter((c) => c.url === 'https://b.gov.cn/gone')).toHaveLength(1);
  });

  it('falls back to GET when a server refuses HEAD', async () => {
    const net = fakeNetwork({ 'https://a.gov.cn/x': (m) => (m === 'HEAD' ? 405 : 200) });
    const [r] = await checkLinks([target('https://a.gov.cn/x')], { fetch: net.fetch, sleep: net.sleep });
    expect(r!.verdict).toBe('ok');
    expect(net.calls.map((c) => c.method)).toEqual(['HEAD', 'GET']);
  });

  it('gives up on a hanging server after the timeout', async () => {
    const net = fakeNetwork({ 'https://slow.gov.cn/': 'timeout' });
    const [r] = await checkLinks([target('https://slow.gov.cn/')], { fetch: net.fetch, sleep: net.sleep, timeoutMs: 5, retries: 0 });
    expect(r).toMatchObject({ verdict: 'unreachable', error: 'timed out' });
  });

  it('is polite: never two requests to one host without the pause between them', async () => {
    const urls = ['https://a.gov.cn/1', 'https://a.gov.cn/2', 'https://a.gov.cn/3', 'https://b.gov.cn/1'];
    const net = fakeNetwork(Object.fromEntries(urls.map((u) => [u, 200])));
    await checkLinks(urls.map((u) => target(u)), { fetch: net.fetch, sleep: net.sleep, perHostDelayMs: 1500, concurrency: 1 });
    const aTimes = net.calls.filter((c) => c.url.startsWith('https://a.gov.cn/')).map((c) => c.at);
    expect(aTimes).toEqual([0, 1500, 3000]);
    expect(net.sleeps).toEqual([1500, 1500]);
  });

  it('finds an archive copy for a dead link: the one in the data first, else the Wayback Machine', async () => {
    const net = fakeNetwork(
      { 'https://a.gov.cn/gone': 404, 'https://b.gov.cn/gone': 404, 'https://c.gov.cn/gone': 404 },
      { 'https://b.gov.cn/gone': 'http://web.archive.org/web/20240101000000/https://b.gov.cn/gone' },
    );
    const results = await checkLinks(
      [target('https://a.gov.cn/gone', 'https://archive.ph/abc'), target('https://b.gov.cn/gone'), target('https://c.gov.cn/gone')],
      { fetch: net.fetch, sleep: net.sleep, findArchives: true },
    );
    expect(results.map((r) => r.archive)).toEqual(['https://archive.ph/abc', 'https://web.archive.org/web/20240101000000/https://b.gov.cn/gone', undefined]);
    expect(net.calls.filter((c) => c.url.includes('archive.org')).map((c) => decodeURIComponent(c.url.split('url=')[1]!))).toEqual([
      'https://b.gov.cn/gone',
      'https://c.gov.cn/gone',
    ]);
  });
});

const sources = 'id,title,publisher,date,url,archive\ncd-2024-08-28,T,China Daily,2024-08-28,https://www.chinadaily.com.cn/a,https://web.archive.org/web/2024/https://www.chinadaily.com.cn/a\n';

function dataset() {
  const rows: Record<string, string>[] = [
    { id: 'old-check', name: '旧核实', checked: '2025-11-20', url: 'https://weibo.com/u/1' },
    { id: 'recent-check', name: '新核实', checked: '2025-11-21', url: 'https://weibo.com/u/1' },
    { id: 'year-only', name: '只有年份', checked: '2025' },
    { id: 'never', name: '从未核实' },
    { id: 'gone', name: '已关停', status: 'closed', closed: '2024', reason: 'moved', redirect: 'https://www.rongcheng.gov.cn/', checked: '2020' },
  ];
  const ds = writeDataset({ 'data/sources.csv': sources, 'data/channels/a.csv': [CHANNEL_HEADER, ...rows.map(channelRow)].join('\n') + '\n' });
  return checkDataset(ds, { today: TODAY }).dataset.loaded;
}

describe('collectLinks and staleChannels', () => {
  it('collects every address once, with everything that uses it, and the recorded archive copy', () => {
    const links = collectLinks(dataset());
    expect(links.map((l) => [l.url, l.uses.map((u) => `${u.what}@${u.line}`), l.archive])).toEqual([
      ['https://web.archive.org/web/2024/https://www.chinadaily.com.cn/a', ['source cd-2024-08-28 archive@2'], undefined],
      ['https://weibo.com/u/1', ['channel old-check url@2', 'channel recent-check url@3'], undefined],
      ['https://www.chinadaily.com.cn/a', ['source cd-2024-08-28 url@2'], 'https://web.archive.org/web/2024/https://www.chinadaily.com.cn/a'],
      ['https://www.rongcheng.gov.cn/', ['channel gone redirect@6'], undefined],
    ]);
  });

  it('flags active channels checked more than a year ago, or never', () => {
    // today is 2026-11-21: 2025-11-20 is over a year ago, 2025-11-21 is not; "2025" may mean 2025-12-31.
    expect(staleChannels(dataset(), TODAY).map((s) => [s.id, s.checked, s.line])).toEqual([
      ['never', undefined, 5],
      ['old-check', '2025-11-20', 2],
    ]);
  });
});

describe('renderLinkReport', () => {
  it('lists dead links with their archive copies and stale channels, under the issue marker', async () => {
    const loaded = dataset();
    const net = fakeNetwork({ 'https://weibo.com/u/1': 200, 'https://www.chinadaily.com.cn/a': 404, 'https://web.archive.org/web/2024/https://www.chinadaily.com.cn/a': 200, 'https://www.rongcheng.gov.cn/': 403 });
    const results = await checkLinks(collectLinks(loaded), { fetch: net.fetch, sleep: net.sleep, findArchives: true });
    const report = { today: TODAY, results, stale: staleChannels(loaded, TODAY) };
    const md = renderLinkReport(report);
    expect(needsAttention(report)).toBe(true);
    expect(md.startsWith(LINK_REPORT_MARKER)).toBe(true);
    expect(md).toContain('Checked 4 links: 1 dead, 1 unreachable; 2 active channels need checking again.');
    expect(md).toMatch(/\| <https:\/\/www\.chinadaily\.com\.cn\/a> \| 404 \| source cd-2024-08-28 url \(`[^`]*sources\.csv:2`\) \| <https:\/\/web\.archive\.org\/web\/2024\/https:\/\/www\.chinadaily\.com\.cn\/a> \|/);
    expect(md).toMatch(/\| `old-check` \| 旧核实 \| 2025-11-20 \| `[^`]*a\.csv:2` \|/);
    expect(md).toMatch(/\| `never` \| 从未核实 \| 从未 never \|/);
    expect(md).toContain('| <https://www.rongcheng.gov.cn/> | 403 |');
    // the Wayback Machine is not asked about a link the data already has a copy of
    expect(net.calls.some((c) => c.url.includes('archive.org/wayback'))).toBe(false);
  });

  it('says so when nothing needs attention', () => {
    const report = { today: TODAY, results: [], stale: [] };
    expect(needsAttention(report)).toBe(false);
    expect(renderLinkReport(report)).toContain('Nothing needs attention.');
  });
});
