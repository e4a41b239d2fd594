/**
 * The fast reader of good rows must give exactly what zod gives (fields, their order, values)
 * and give up on anything zod would report, so that diagnostics always come from zod.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { rowReaderFor } from '../src/domain/row-reader.ts';
import { parseApproxDate } from '../src/domain/approx-date.ts';
import { cell, parseDate, parseRegionCode } from '../src/domain/schemas/cells.ts';
import { channelSchema } from '../src/domain/schemas/channel.ts';
import { eventSchema } from '../src/domain/schemas/event.ts';
import { noticeSchema } from '../src/domain/schemas/notice.ts';
import { regionOverrideSchema } from '../src/domain/schemas/region-override.ts';
import { sourceSchema } from '../src/domain/schemas/source.ts';
import { CHANNEL_HEADER } from './helpers/dataset.ts';

const columnsOf = (header: string) => new Map(header.split(',').map((name, i) => [name, i] as const));
const FROM = { marker: 'from' };

/** What the loader does on zod's path: empty cells as undefined, zod's output, then `from`. */
function viaZod(schema: z.ZodObject<z.ZodRawShape>, header: string, cells: string[]) {
  const input: Record<string, string | undefined> = {};
  for (const [name, i] of columnsOf(header)) input[name] = cells[i] === '' ? undefined : cells[i];
  const result = schema.safeParse(input);
  return result.success ? { ...result.data, from: FROM } : undefined;
}

function expectSameAsZod(schema: z.ZodObject<z.ZodRawShape>, header: string, cells: string[]) {
  const reader = rowReaderFor(schema, columnsOf(header));
  expect(reader).toBeDefined();
  const fast = reader!(cells, FROM);
  const zod = viaZod(schema, header, cells);
  expect(fast).toEqual(zod);
  if (fast && zod) expect(Object.keys(fast)).toEqual(Object.keys(zod));
}

const row = (fields: Record<string, string>) => CHANNEL_HEADER.split(',').map((name) => fields[name] ?? '');
const good = { id: 'a', name: '荣成公安', agency: '荣成市公安局', region: '371082', level: 'county', platform: 'weibo', status: 'active', source: 'cd-2024-08-28' };

describe('the fast row reader', () => {
  it('gives what zod gives for good channel rows, empty optional cells as undefined', () => {
    expectSameAsZod(channelSchema, CHANNEL_HEADER, row(good));
    expectSameAsZod(channelSchema, CHANNEL_HEADER, row({
      ...good, status: 'closed', closed: '2024-04', reason: 'merged', redirect: 'b;https://www.rongcheng.gov.cn/', notice: 'a-2024',
      opened: '2014', announced: '2024-03-02', followers: '500', posts: '0', url: 'https://weibo.com/x', checked: '2026-11-01', notes: '注', name_en: 'Rongcheng',
    }));
  });

  it('leaves out fields whose column the file does not have, in any column order', () => {
    const header = 'status,source,id,name,agency,platform,level,region';
    expectSameAsZod(channelSchema, header, header.split(',').map((name) => good[name as keyof typeof good]));
  });

  it('gives up on every row zod would report', () => {
    const bads: Record<string, string>[] = [{ name: '' }, { platform: 'myspace' }, { opened: '2024-02-30' }, { url: 'ftp://x.example/' }, { followers: '1.2万' }, { source: 'a;Bad Id' }, { region: '37108' }];
    for (const bad of bads) {
      expect(rowReaderFor(channelSchema, columnsOf(CHANNEL_HEADER))!(row({ ...good, ...bad }), FROM)).toBeUndefined();
      expect(viaZod(channelSchema, CHANNEL_HEADER, row({ ...good, ...bad }))).toBeUndefined();
    }
  });

  it('gives up on a required cell that shows nothing (zod reports it as REQUIRED), and reads an optional one as zod does', () => {
    const reader = rowReaderFor(channelSchema, columnsOf(CHANNEL_HEADER))!;
    for (const invisible of ['\u200b', '\u2060\ufeff', '\u00ad']) {
      expect(reader(row({ ...good, name: invisible }), FROM)).toBeUndefined();
      expect(reader(row({ ...good, platform: invisible }), FROM)).toBeUndefined();
      expectSameAsZod(channelSchema, CHANNEL_HEADER, row({ ...good, name: `荣成${invisible}公安`, name_en: invisible }));
    }
  });

  it('reads the other CSV entities too', () => {
    expectSameAsZod(sourceSchema, 'id,title,publisher,date,url,archive', ['cd', 'T', 'P', '2024-08-28', '', 'https://web.archive.org/x']);
    expectSameAsZod(eventSchema, 'date,title,title_en,source', ['2023-12', '标题', '', 'ccac-2023-12']);
    expectSameAsZod(regionOverrideSchema, 'code,name,name_en,parent', ['371082', '荣成市', '', '']);
  });

  it('leaves to zod a file without a required column, and schemas with other kinds of fields', () => {
    expect(rowReaderFor(channelSchema, columnsOf('id,name'))).toBeUndefined();
    expect(rowReaderFor(noticeSchema, columnsOf('title,channels'))).toBeUndefined();
    expect(rowReaderFor(z.object({ n: z.string().min(2) }), columnsOf('n'))).toBeUndefined();
    expect(rowReaderFor(z.object({ c: cell(parseDate).default({ value: '2024', precision: 'year', year: 2024 }) }), columnsOf('c'))).toBeUndefined();
  });
});

describe('repeated cell values', () => {
  it('are parsed once and shared, frozen, by every row with the same text', () => {
    const a = parseDate('2024-04');
    const b = parseDate('2024-04');
    expect(a.ok && b.ok && a.value === b.value).toBe(true);
    expect(a.ok && Object.isFrozen(a.value)).toBe(true);
    expect(parseRegionCode('371082')).toBe(parseRegionCode('371082'));
  });

  it('give each date text what parsing it gives, shared only between equal texts', () => {
    const texts = ['1989', '1990', '2024', '2100', '2101', '2024-00', '2024-01', '2024-12', '2024-13', '2024-02-29', '2023-02-29', '2024-02-30', '2024-12-31', '2024-12-32', '2024-1-01', '2024/01', '2024-01/01', 'abcd', '２０２４', '2024-01-01x', ''];
    const seen = new Map<string, unknown>();
    for (const text of [...texts, ...texts]) {
      const result = parseDate(text);
      const direct = parseApproxDate(text);
      expect(result.ok ? { ok: true, date: result.value } : { ok: false, code: result.code, message: result.message }, text).toEqual(direct);
      if (result.ok && seen.has(text)) expect(result.value).toBe(seen.get(text));
      if (result.ok) seen.set(text, result.value);
    }
    expect(new Set(seen.values()).size).toBe(seen.size);
  });

  it('are never kept for bad texts (each is reported where it is)', () => {
    expect(parseDate('2024-13')).not.toBe(parseDate('2024-13'));
  });
});
