/**
 * One row of data/channels/*.csv: an official channel of a government body on one platform.
 * Every field's description is the data dictionary entry shown in docs/data-contract.md.
 */
import { z } from 'zod';
import { LEVELS, PLATFORMS, REASONS, STATUSES } from '../vocabulary.ts';
import { cell, listOf, multilineText, oneOf, parseCount, parseDate, parseHttpUrl, parseId, parseRef, parseRegionCode } from './cells.ts';

const date = () => cell(parseDate);

export const channelSchema = z.object({
  id: cell(parseId).meta({
    description: 'Unique across all files and stable forever: lower-case letters, digits and hyphens. It is the channel\'s permanent address: /channels/<id>/ leads to its entry (#c-<id>) on the page of its region.',
    examples: ['rongcheng-police-weibo'],
  }),
  name: z.string().meta({ description: 'The account\'s name exactly as shown on the platform.', examples: ['荣成公安'] }),
  name_en: z.string().optional().meta({ description: 'English name, when one is used or can be given faithfully.', examples: ['Rongcheng Public Security'] }),
  agency: z.string().meta({ description: 'The body that owns the channel, by its official Chinese name.', examples: ['荣成市公安局'] }),
  agency_en: z.string().optional().meta({ description: 'The owning body\'s English name.', examples: ['Rongcheng Public Security Bureau'] }),
  region: cell(parseRegionCode).meta({
    description: 'GB/T 2260 code of the owning body\'s region: 6 digits for province (370000), prefecture (371000) and county (371082); 9 digits for a township (360729200); 100000 for central-government bodies.',
    examples: ['371082'],
  }),
  level: cell(oneOf(LEVELS, 'level')).meta({
    description: `Administrative level of the owning body: ${LEVELS.join(' | ')}. Must fit the region (a county code takes county level).`,
    examples: ['county'],
  }),
  platform: cell(oneOf(PLATFORMS, 'platform')).meta({ description: `Where the channel lives: ${PLATFORMS.join(' | ')}.`, examples: ['weibo'] }),
  handle: z.string().optional().meta({ description: 'The platform\'s own account id (Weibo uid, WeChat id, app package), used by the verify tool.', examples: ['rcga110'] }),
  url: cell(parseHttpUrl).optional().meta({ description: 'Link to the channel (http:// or https:// only).', examples: ['https://weibo.com/u/1234567890'] }),
  status: cell(oneOf(STATUSES, 'status')).meta({
    description: 'active = publishing; dormant = not closed but no longer updated; closing = closure announced or "stopped updating, deactivation started" but not yet effective; closed = gone.',
    examples: ['closed'],
  }),
  opened: date().optional().meta({ description: 'When the channel started: YYYY, YYYY-MM or YYYY-MM-DD, only as precisely as known.', examples: ['2014-06'] }),
  announced: date().optional().meta({ description: 'When the closure was announced (same date forms).', examples: ['2024-08-14'] }),
  closed: date().optional().meta({ description: 'When the closure took effect (same date forms). Required when status is closed.', examples: ['2024-04'] }),
  reason: cell(oneOf(REASONS, 'closure reason')).optional().meta({
    description: 'Why it closed, required when closing or closed: merged (into exactly one) | replaced (by one or more) | renamed (to exactly one) | split (into two or more) | moved (to one or more other channels or a website) | abolished (the body no longer exists) | discontinued | compromised (hacked or out of control).',
    examples: ['discontinued'],
  }),
  redirect: cell(listOf(parseRef)).optional().meta({
    description: 'Where the public should go instead, in priority order, separated by ";": channel ids from the registry or http(s) URLs.',
    examples: ['weihai-police-weibo;https://www.rongcheng.gov.cn/'],
  }),
  notice: cell(parseId).optional().meta({ description: 'Slug of the closure notice, a file content/notices/<slug>.md.', examples: ['rongcheng-police-weibo-2024'] }),
  followers: cell(parseCount).optional().meta({ description: 'Followers at closure or at the last check (digits only).', examples: ['500'] }),
  posts: cell(parseCount).optional().meta({ description: 'Posts at closure or at the last check (digits only).', examples: ['860'] }),
  source: cell(listOf(parseRef)).meta({
    description: 'Evidence, separated by ";": ids from data/sources.csv or http(s) URLs. At least one.',
    examples: ['cd-2024-08-28'],
  }),
  checked: date().optional().meta({ description: 'When a person last verified the row (YYYY-MM-DD preferred).', examples: ['2026-11-01'] }),
  notes: multilineText().optional().meta({
    description: 'Anything else worth knowing, in Chinese; shown with the channel\'s entry on its region page (on English pages too when notes_en is empty).',
    examples: ['2016年12月账号被盗。'],
  }),
  notes_en: multilineText().optional().meta({ description: 'The notes in English, for the channel\'s entry on English pages.', examples: ['Account hacked in December 2016.'] }),
});

export type ChannelFields = z.output<typeof channelSchema>;

export const CHANNEL_COLUMNS = Object.keys(channelSchema.shape) as (keyof ChannelFields)[];
