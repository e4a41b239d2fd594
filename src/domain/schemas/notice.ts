/**
 * The frontmatter of content/notices/*.md: a closure notice (plain Markdown, never MDX, so
 * contributed content cannot run code at build time). The body is the notice text itself
 * (kind: text) or a summary of it (kind: summary, the default), and pages label it so.
 */
import { z } from 'zod';
import { LANGS } from '../vocabulary.ts';
import { cell, listOf, oneOf, parseDate, parseId, parseRef } from './cells.ts';

/**
 * YAML gives numbers for `2024`, lists or strings for lists, and — in Astro's YAML 1.1 reader —
 * Date objects for an unquoted 2024-08-14; cells want text, so all of those become text.
 */
const asText = (v: unknown) => {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : v.toISOString().slice(0, 10);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v.trim() || undefined;
  return v;
};
const asListText = (v: unknown) => (Array.isArray(v) ? v.map((x) => String(x)).join(';') : asText(v));

export const NOTICE_KINDS = ['text', 'summary'] as const;

export const noticeSchema = z.object({
  title: z.preprocess(asText, z.string()).meta({ description: 'The notice\'s title, as issued.', examples: ['关于荣成公安微博账号停止运营的公告'] }),
  channels: z.preprocess(asListText, cell(listOf(parseId))).meta({ description: 'Ids of the channels the notice closes (a YAML list).', examples: [['rongcheng-police-weibo']] }),
  announced: z.preprocess(asText, cell(parseDate).optional()).meta({ description: 'When the notice was published.', examples: ['2024-08-14'] }),
  effective: z.preprocess(asText, cell(parseDate).optional()).meta({ description: 'When the closure takes effect.', examples: ['2024-08-14'] }),
  issuer: z.preprocess(asText, z.string()).meta({ description: 'The body that issued the notice.', examples: ['荣成市公安局'] }),
  source: z.preprocess(asListText, cell(listOf(parseRef))).meta({ description: 'Where the notice was found: source ids or http(s) URLs.', examples: [['cd-2024-08-28']] }),
  lang: z.preprocess(asText, cell(oneOf(LANGS, 'language'))).meta({ description: 'Language of the body: zh or en.', examples: ['zh'] }),
  kind: z.preprocess(asText, cell(oneOf(NOTICE_KINDS, 'notice kind')).default('summary')).meta({
    description: 'text = the body is the notice as issued; summary = the body summarises it (the default, and labelled so on the page).',
    examples: ['summary'],
  }),
});

export type NoticeFields = z.output<typeof noticeSchema>;
