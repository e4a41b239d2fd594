/**
 * Addresses from the data become links only when they are http(s), also where HTML is drawn
 * from downloaded files in the browser: the closures table (the same renderer for the built
 * pages and the client's innerHTML) and the channel store the search and verify clients read.
 * The validator already refuses other schemes; these are the last line of defence should a
 * file ever hold one.
 */
import { describe, expect, it } from 'vitest';
import { rowHtml } from '../src/closures/present.ts';
import type { ClosureRow } from '../src/closures/row.ts';
import { decodeRecordFile, encodeRecordFile, type RecordInput } from '../src/store/records.ts';

const HOSTILE = ['javascript:alert(1)', 'data:text/html,<script>alert(2)</script>', 'vbscript:msgbox(3)', 'JAVASCRIPT:alert(4)'];

describe('the closures table', () => {
  const row = (target: string): ClosureRow => ({
    id: 'a', name: '某账号', status: 'closed', closed: '2024-04', region: '371082', page: '371082', regionName: '荣成市',
    agency: '某机构', platform: 'weibo', level: 'county', destination: { kind: 'url', target, name: target },
  });
  const ctx = { lang: 'zh' as const, base: '/', areaName: () => undefined };

  it('links a destination address when it is http(s)', () => {
    expect(rowHtml(row('https://www.rongcheng.gov.cn/'), ctx)).toContain('<td><a href="https://www.rongcheng.gov.cn/">rongcheng.gov.cn</a>');
  });

  it('shows any other address as escaped text, never as a link', () => {
    for (const target of HOSTILE) {
      const html = rowHtml(row(target), ctx);
      const destination = html.slice(html.lastIndexOf('<td>'));
      expect(destination, target).not.toContain('<a');
      expect(destination, target).not.toContain('<script');
      expect(html, target).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
    }
  });
});

describe('the channel store the search and verify clients read', () => {
  const place = { zh: '山东省威海市荣成市', en: 'Rongcheng, Weihai, Shandong', page: '371082' };

  it('keeps http(s) destinations and drops every other address, whatever the file holds', () => {
    const input: RecordInput = {
      id: 'a', status: 'closed', platform: 'weibo', name: '某账号', agency: '某机构',
      destinations: [
        { kind: 'url', url: 'https://www.rongcheng.gov.cn/' },
        ...HOSTILE.map((url) => ({ kind: 'url' as const, url })),
        { kind: 'channel', id: 'b', page: '371000', name: '威海公安', platform: 'wechat', url: 'javascript:alert(5)' },
        { kind: 'channel', id: 'c', page: '371000', name: '威海公安', platform: 'weibo', url: 'https://weibo.com/weihai' },
      ],
    };
    const [record] = decodeRecordFile(encodeRecordFile([input], () => place));
    expect(record!.destinations).toEqual([
      { kind: 'url', url: 'https://www.rongcheng.gov.cn/' },
      { kind: 'channel', id: 'b', page: '371000', name: { zh: '威海公安', en: '威海公安' }, platform: 'wechat', url: undefined },
      { kind: 'channel', id: 'c', page: '371000', name: { zh: '威海公安', en: '威海公安' }, platform: 'weibo', url: 'https://weibo.com/weihai' },
    ]);
  });
});
