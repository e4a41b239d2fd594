/**
 * The platform labels offices write (新浪微博, 微信公众号, 政务APP, 视频号 …, and their English
 * forms) → the contract's platform values. A label is compared without full-width forms,
 * spaces, case, a bracketed note (微信公众号（服务号）) or a trailing 账号/平台. A label
 * not listed here — or one naming two platforms (微信、微博) — is not guessed at: the row
 * goes to review.
 */
import { PLATFORM_LABELS, PLATFORMS, type Platform } from '../domain/vocabulary.ts';

const LABELS: Record<Platform, readonly string[]> = {
  weibo: ['微博', '新浪微博', '新浪', '政务微博', '微博号', 'sina微博', 'weibo', 'sinaweibo'],
  wechat: ['微信', '微信公众号', '公众号', '微信公众平台', '微信订阅号', '微信服务号', '订阅号', '服务号', '政务微信', '微信号', 'wechat', 'weixin', 'wechatofficialaccount', 'wechatofficial'],
  'wechat-channels': ['微信视频号', '视频号', '政务视频号', 'wechatchannels', 'channels', 'wechatvideo'],
  douyin: ['抖音', '抖音号', '政务抖音', '抖音短视频', 'douyin'],
  kuaishou: ['快手', '快手号', '政务快手', 'kuaishou'],
  toutiao: ['今日头条', '今日头条号', '头条', '头条号', '政务头条', 'toutiao'],
  bilibili: ['哔哩哔哩', 'b站', 'bilibili'],
  xiaohongshu: ['小红书', '小红书号', 'xiaohongshu', 'rednote'],
  qq: ['qq', 'qq空间', 'qq公众号', 'qq号'],
  app: ['app', '政务app', '客户端', '移动客户端', '手机客户端', '政务客户端', '移动应用', '应用程序', '手机app', 'mobileapp', '移动端'],
  'mini-program': ['小程序', '微信小程序', '支付宝小程序', '百度小程序', '政务小程序', 'miniprogram', 'mini-program', 'miniapp'],
  website: ['网站', '门户网站', '政府网站', '官方网站', '官网', 'website', 'web'],
  other: ['其他', '其它', 'other'],
};

/** A label as compared. */
export function normaliseLabel(label: string): string {
  return label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[([【（][^)\]】）]*[)\]】）]/g, '')
    .replace(/[\s·•]+/g, '')
    .replace(/(?:账号|帐号|平台)$/, '');
}

const BY_LABEL = new Map<string, Platform>();
for (const platform of PLATFORMS) {
  for (const label of [...LABELS[platform], PLATFORM_LABELS[platform].zh, PLATFORM_LABELS[platform].en, platform]) {
    BY_LABEL.set(normaliseLabel(label), platform);
  }
}

/** The contract's platform for an office's label, or undefined when the label is not known. */
export function platformOf(label: string): Platform | undefined {
  return BY_LABEL.get(normaliseLabel(label));
}
