/**
 * The controlled vocabularies of the data contract, each value with its Chinese and English
 * label. These lists are the single source for validation, page labels, filters and docs.
 */

export interface Labelled {
  zh: string;
  en: string;
}

export const LEVELS = ['central', 'provincial', 'prefectural', 'county', 'township', 'community'] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABELS: Record<Level, Labelled> = {
  central: { zh: '中央', en: 'Central' },
  provincial: { zh: '省级', en: 'Provincial' },
  prefectural: { zh: '地市级', en: 'Prefectural' },
  county: { zh: '县级', en: 'County' },
  township: { zh: '乡镇（街道）级', en: 'Township' },
  community: { zh: '村（社区）级', en: 'Community' },
};

export const PLATFORMS = [
  'weibo',
  'wechat',
  'wechat-channels',
  'douyin',
  'kuaishou',
  'toutiao',
  'bilibili',
  'xiaohongshu',
  'qq',
  'app',
  'mini-program',
  'website',
  'other',
] as const;
export type Platform = (typeof PLATFORMS)[number];
export const PLATFORM_LABELS: Record<Platform, Labelled> = {
  weibo: { zh: '微博', en: 'Weibo' },
  wechat: { zh: '微信公众号', en: 'WeChat official account' },
  'wechat-channels': { zh: '微信视频号', en: 'WeChat Channels' },
  douyin: { zh: '抖音', en: 'Douyin' },
  kuaishou: { zh: '快手', en: 'Kuaishou' },
  toutiao: { zh: '今日头条', en: 'Toutiao' },
  bilibili: { zh: '哔哩哔哩', en: 'Bilibili' },
  xiaohongshu: { zh: '小红书', en: 'Xiaohongshu' },
  qq: { zh: 'QQ', en: 'QQ' },
  app: { zh: '移动应用（App）', en: 'Mobile app' },
  'mini-program': { zh: '小程序', en: 'Mini-program' },
  website: { zh: '网站', en: 'Website' },
  other: { zh: '其他', en: 'Other' },
};

export const STATUSES = ['active', 'dormant', 'closing', 'closed'] as const;
export type Status = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<Status, Labelled> = {
  active: { zh: '运营中', en: 'Active' },
  dormant: { zh: '停更', en: 'Dormant' },
  closing: { zh: '注销中', en: 'Closing' },
  closed: { zh: '已关停', en: 'Closed' },
};
/** Statuses under which a channel is no longer a place to go: they need a closure reason. */
export const CLOSURE_STATUSES: readonly Status[] = ['closing', 'closed'];
/** Statuses under which a channel still publishes and can be a redirect destination. */
export const LIVE_STATUSES: readonly Status[] = ['active'];

export const REASONS = [
  'merged',
  'replaced',
  'renamed',
  'split',
  'moved',
  'abolished',
  'discontinued',
  'compromised',
] as const;
export type Reason = (typeof REASONS)[number];
export const REASON_LABELS: Record<Reason, Labelled> = {
  merged: { zh: '合并', en: 'Merged' },
  replaced: { zh: '被替代', en: 'Replaced' },
  renamed: { zh: '更名', en: 'Renamed' },
  split: { zh: '拆分', en: 'Split' },
  moved: { zh: '迁移至其他渠道', en: 'Moved' },
  abolished: { zh: '主办机构撤销', en: 'Body abolished' },
  discontinued: { zh: '停止运营', en: 'Discontinued' },
  compromised: { zh: '账号被盗或失控', en: 'Compromised' },
};
/**
 * How many successors (redirect targets) each closure reason needs, after GOV.UK's rules for
 * closed organisations: merged into / renamed to exactly one; replaced by / moved to at least
 * one; split into at least two; the rest may have none.
 */
export const SUCCESSOR_RULES: Record<Reason, { min: number; max: number }> = {
  merged: { min: 1, max: 1 },
  renamed: { min: 1, max: 1 },
  replaced: { min: 1, max: Infinity },
  moved: { min: 1, max: Infinity },
  split: { min: 2, max: Infinity },
  abolished: { min: 0, max: Infinity },
  discontinued: { min: 0, max: Infinity },
  compromised: { min: 0, max: Infinity },
};

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
