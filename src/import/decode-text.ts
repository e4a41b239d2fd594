/**
 * A published list's bytes as text. Offices publish UTF-8 (with or without a BOM), GBK or
 * GB18030 (what Chinese Windows and WPS save by default) and, in Hong Kong, Macao and Taiwan,
 * Big5; none of them says which. Valid UTF-8 is taken as UTF-8: GBK text of any length is
 * almost never valid UTF-8 by chance. Otherwise GB18030 and Big5 are both tried; when only
 * one decodes without error it is the one, and when both do (their byte ranges overlap), the
 * one whose text has more of the characters lists of government accounts are made of wins,
 * since the wrong one turns them into rare characters.
 */

export type ListEncoding = 'utf-8' | 'gb18030' | 'big5';

/** Names a person may pass as --encoding (or a page may declare), and the decoder each means. */
const ENCODING_NAMES: Record<string, ListEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  gb18030: 'gb18030',
  cp936: 'gb18030',
  big5: 'big5',
  'big5-hkscs': 'big5',
  cp950: 'big5',
};

export function encodingNamed(name: string): ListEncoding | undefined {
  return ENCODING_NAMES[name.trim().toLowerCase()];
}

export const ENCODING_CHOICES = Object.keys(ENCODING_NAMES);

// Frequent characters of ordinary text and of account lists, in both scripts: a right decoding
// is full of them, a wrong one has few.
const FREQUENT = new Set(
  [
    '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研',
    '市县区镇乡村街道办事处局委厅院会所站中心政府公安微信博号账名称单位平台类型抖音快手今日头条视频网址开通时间序号主办官方发布融媒体新闻服务宣传教育卫生健康交通警察消防检法税务人社环境生态市场监督管理旅游文化',
    '們個這會於與國為發說對時來開關號帳賬稱單網頁區縣鎮鄉辦處員會務門數據資訊條體應當從還進經過現實點業長義樣電際問題電話機構衛生報導單位臺灣門戶網站頻視訊類型號碼稱謂發佈辦公廳政務縣市區鄉鎮',
  ].join(''),
);

/** How much of a text is scored: plenty to tell the encodings apart, and cheap for a long list. */
const SCORED_LENGTH = 64 * 1024;

function frequentCount(text: string): number {
  let n = 0;
  for (const ch of text.slice(0, SCORED_LENGTH)) if (FREQUENT.has(ch)) n++;
  return n;
}

/**
 * True when every byte over 0x7F is in a two-byte Big5 code. Node's Big5 decoder drops a lone
 * 0x80 or 0xFF without an error even when told to be strict, so it is checked here first.
 */
function isBig5Shaped(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    if (b === 0x80 || b === 0xff) return false;
    const trail = bytes[++i];
    if (trail === undefined || !((trail >= 0x40 && trail <= 0x7e) || (trail >= 0xa1 && trail <= 0xfe))) return false;
  }
  return true;
}

function tryDecode(bytes: Uint8Array, encoding: ListEncoding): string | undefined {
  if (encoding === 'big5' && !isBig5Shaped(bytes)) return undefined;
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export type DecodeResult = { ok: true; text: string; encoding: ListEncoding } | { ok: false; message: string };

/**
 * Decodes with the given encoding, else with the page's declared one when it decodes, else by
 * the detection above. A BOM is dropped.
 */
export function decodeListText(bytes: Uint8Array, given?: ListEncoding, declared?: ListEncoding): DecodeResult {
  const done = (text: string, encoding: ListEncoding): DecodeResult => ({ ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding });
  if (given) {
    const text = tryDecode(bytes, given);
    return text === undefined ? { ok: false, message: `the list is not valid ${given} text` } : done(text, given);
  }
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== undefined) return done(utf8, 'utf-8');
  if (declared) {
    const text = tryDecode(bytes, declared);
    if (text !== undefined) return done(text, declared);
  }
  const gb = tryDecode(bytes, 'gb18030');
  const big5 = tryDecode(bytes, 'big5');
  if (gb !== undefined && big5 !== undefined) return frequentCount(big5) > frequentCount(gb) ? done(big5, 'big5') : done(gb, 'gb18030');
  if (gb !== undefined) return done(gb, 'gb18030');
  if (big5 !== undefined) return done(big5, 'big5');
  return { ok: false, message: `the list is not UTF-8, GB18030 (GBK) or Big5 text; pass --encoding if you know its encoding (${ENCODING_CHOICES.join(', ')})` };
}
