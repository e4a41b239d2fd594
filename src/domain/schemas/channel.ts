/**
 * One row of data/channels/*.csv: an official channel of a government body on one platform.
 * Every field's description is the data dictionary entry shown in docs/data-contract.md; `zh`
 * is the same in Chinese, for the Chinese /data/ page.
 */
import { z } from 'zod';
import { LEVELS, PLATFORMS, REASONS, STATUSES } from '../vocabulary.ts';
import { cell, listOf, multilineText, oneOf, parseCount, parseDate, parseHttpUrl, parseId, parseRef, parseRegionCode } from './cells.ts';

const date = () => cell(parseDate);

export const channelSchema = z.object({
  id: cell(parseId).meta({
    zh: '在所有文件中唯一且永不改变：小写字母、数字和连字符。它是账号的永久地址：/channels/<id>/ 指向其所在地区页面上的条目（#c-<id>）。',
    description: 'Unique across all files and stable forever: lower-case letters, digits and hyphens. It is the channel\'s permanent address: /channels/<id>/ leads to its entry (#c-<id>) on the page of its region.',
    examples: ['rongcheng-police-weibo'],
  }),
  name: z.string().meta({ zh: '账号在平台上显示的名称，一字不改。', description: 'The account\'s name exactly as shown on the platform.', examples: ['荣成公安'] }),
  name_en: z.string().optional().meta({ zh: '英文名称：有通用译名或能忠实翻译时填写。', description: 'English name, when one is used or can be given faithfully.', examples: ['Rongcheng Public Security'] }),
  agency: z.string().meta({ zh: '主办机构的中文正式名称。', description: 'The body that owns the channel, by its official Chinese name.', examples: ['荣成市公安局'] }),
  agency_en: z.string().optional().meta({ zh: '主办机构的英文名称。', description: 'The owning body\'s English name.', examples: ['Rongcheng Public Security Bureau'] }),
  region: cell(parseRegionCode).meta({
    zh: '主办机构所在地区的 GB/T 2260 代码：省（370000）、地市（371000）、县（371082）为6位，乡镇街道为9位（360729200），中央机构为 100000。',
    description: 'GB/T 2260 code of the owning body\'s region: 6 digits for province (370000), prefecture (371000) and county (371082); 9 digits for a township (360729200); 100000 for central-government bodies.',
    examples: ['371082'],
  }),
  level: cell(oneOf(LEVELS, 'level')).meta({
    zh: `主办机构的行政级别：${LEVELS.join(' | ')}，须与地区代码相符（县级代码对应 county）。`,
    description: `Administrative level of the owning body: ${LEVELS.join(' | ')}. Must fit the region (a county code takes county level).`,
    examples: ['county'],
  }),
  platform: cell(oneOf(PLATFORMS, 'platform')).meta({ zh: `账号所在平台：${PLATFORMS.join(' | ')}。`, description: `Where the channel lives: ${PLATFORMS.join(' | ')}.`, examples: ['weibo'] }),
  handle: z.string().optional().meta({ zh: '平台自己的账号标识（微博 uid、微信号、应用包名），核验工具据此识别。', description: 'The platform\'s own account id (Weibo uid, WeChat id, app package), used by the verify tool.', examples: ['rcga110'] }),
  url: cell(parseHttpUrl).optional().meta({ zh: '账号链接（只接受 http:// 或 https://）。', description: 'Link to the channel (http:// or https:// only).', examples: ['https://weibo.com/u/1234567890'] }),
  status: cell(oneOf(STATUSES, 'status')).meta({
    zh: 'active 运营中；dormant 未关停但已停更；closing 已宣布关停或“停止更新、开始注销”，尚未生效；closed 已关停。',
    description: 'active = publishing; dormant = not closed but no longer updated; closing = closure announced or "stopped updating, deactivation started" but not yet effective; closed = gone.',
    examples: ['closed'],
  }),
  opened: date().optional().meta({ zh: '开设时间：YYYY、YYYY-MM 或 YYYY-MM-DD，知道多精确就写多精确。', description: 'When the channel started: YYYY, YYYY-MM or YYYY-MM-DD, only as precisely as known.', examples: ['2014-06'] }),
  announced: date().optional().meta({ zh: '宣布关停的时间（日期写法同上）。', description: 'When the closure was announced (same date forms).', examples: ['2024-08-14'] }),
  closed: date().optional().meta({ zh: '关停生效的时间（日期写法同上）。状态为 closed 时必填。', description: 'When the closure took effect (same date forms). Required when status is closed.', examples: ['2024-04'] }),
  reason: cell(oneOf(REASONS, 'closure reason')).optional().meta({
    zh: '关停原因，注销中或已关停时必填：merged 并入一个 | replaced 由一个或多个取代 | renamed 更名为一个 | split 拆分为多个 | moved 迁往其他账号或网站 | abolished 机构撤销 | discontinued 停止运营 | compromised 被盗或失控。',
    description: 'Why it closed, required when closing or closed: merged (into exactly one) | replaced (by one or more) | renamed (to exactly one) | split (into two or more) | moved (to one or more other channels or a website) | abolished (the body no longer exists) | discontinued | compromised (hacked or out of control).',
    examples: ['discontinued'],
  }),
  redirect: cell(listOf(parseRef)).optional().meta({
    zh: '公众现在该去哪里，按优先顺序，用“;”分隔：登记册中的账号 id 或 http(s) 网址。',
    description: 'Where the public should go instead, in priority order, separated by ";": channel ids from the registry or http(s) URLs.',
    examples: ['weihai-police-weibo;https://www.rongcheng.gov.cn/'],
  }),
  notice: cell(parseId).optional().meta({ zh: '关停公告的标识，对应文件 content/notices/<slug>.md。', description: 'Slug of the closure notice, a file content/notices/<slug>.md.', examples: ['rongcheng-police-weibo-2024'] }),
  followers: cell(parseCount).optional().meta({ zh: '关停时或最近一次核对时的粉丝数（只写数字）。', description: 'Followers at closure or at the last check (digits only).', examples: ['500'] }),
  posts: cell(parseCount).optional().meta({ zh: '关停时或最近一次核对时的发文数（只写数字）。', description: 'Posts at closure or at the last check (digits only).', examples: ['860'] }),
  source: cell(listOf(parseRef)).meta({
    zh: '依据，用“;”分隔：data/sources.csv 中的 id 或 http(s) 网址，至少一个。',
    description: 'Evidence, separated by ";": ids from data/sources.csv or http(s) URLs. At least one.',
    examples: ['cd-2024-08-28'],
  }),
  checked: date().optional().meta({ zh: '最近一次有人核对这一行的日期（最好写 YYYY-MM-DD）。', description: 'When a person last verified the row (YYYY-MM-DD preferred).', examples: ['2026-11-01'] }),
  notes: multilineText().optional().meta({
    zh: '其他值得说明的情况，用中文写；显示在账号所在地区页面的条目里（notes_en 为空时英文页面也显示）。',
    description: 'Anything else worth knowing, in Chinese; shown with the channel\'s entry on its region page (on English pages too when notes_en is empty).',
    examples: ['2016年12月账号被盗。'],
  }),
  notes_en: multilineText().optional().meta({ zh: '说明的英文版本，显示在英文页面的条目里。', description: 'The notes in English, for the channel\'s entry on English pages.', examples: ['Account hacked in December 2016.'] }),
});

export type ChannelFields = z.output<typeof channelSchema>;

export const CHANNEL_COLUMNS = Object.keys(channelSchema.shape) as (keyof ChannelFields)[];
