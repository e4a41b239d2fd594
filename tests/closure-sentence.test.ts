/**
 * The plain-language sentence at the top of a closed or closing channel's page: every
 * closure reason, in both languages, closing and closed, with and without a date (at its own
 * precision) and with and without successors.
 */
import { describe, expect, it } from 'vitest';
import { dayOf, parseApproxDate, type ApproxDate } from '../src/domain/approx-date.ts';
import { REASONS, type Reason } from '../src/domain/vocabulary.ts';
import { closureSentence } from '../src/strings/closure-sentence.ts';
import { sentenceText, type ClosureFacts, type SentenceTarget } from '../src/strings/sentence-parts.ts';

const d = (text: string): ApproxDate => {
  const parsed = parseApproxDate(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.date;
};
const today = dayOf('2026-11-21');

const weihaiZh: SentenceTarget = { name: { text: '威海公安' }, href: '/channels/weihai/', external: false, status: 'active' };
const weihaiEn: SentenceTarget = { name: { text: 'Weihai Police', original: '威海公安' }, href: '/en/channels/weihai/', external: false, status: 'active' };
const site: SentenceTarget = { name: { text: 'www.rongcheng.gov.cn' }, href: 'https://www.rongcheng.gov.cn/', external: true };

function say(lang: 'zh' | 'en', facts: Partial<ClosureFacts> & Pick<ClosureFacts, 'reason' | 'status'>): string {
  return sentenceText(closureSentence({ targets: [], today, ...facts }, lang));
}

/**
 * Each reason: closed on a day with one successor channel, and closing (due in 2027, one
 * successor), in Chinese and English.
 */
const EXPECTED: Record<Reason, { zhClosed: string; zhClosing: string; enClosed: string; enClosing: string }> = {
  merged: {
    zhClosed: '该账号已于2024年8月14日并入“威海公安”。',
    zhClosing: '该账号将于2027年并入“威海公安”。',
    enClosed: 'On 14 August 2024, this account was merged into Weihai Police (威海公安).',
    enClosing: 'In 2027, this account will be merged into Weihai Police (威海公安).',
  },
  renamed: {
    zhClosed: '该账号已于2024年8月14日更名为“威海公安”。',
    zhClosing: '该账号将于2027年更名为“威海公安”。',
    enClosed: 'On 14 August 2024, this account was renamed; it continues as Weihai Police (威海公安).',
    enClosing: 'In 2027, this account will be renamed and continue as Weihai Police (威海公安).',
  },
  replaced: {
    zhClosed: '该账号已于2024年8月14日停止运营，由“威海公安”取代。',
    zhClosing: '该账号将于2027年停止运营，由“威海公安”取代。',
    enClosed: 'On 14 August 2024, this account closed and was replaced by Weihai Police (威海公安).',
    enClosing: 'In 2027, this account will close and be replaced by Weihai Police (威海公安).',
  },
  moved: {
    zhClosed: '该账号已于2024年8月14日停止运营，相关信息已迁移至“威海公安”。',
    zhClosing: '该账号将于2027年停止运营，相关信息将迁移至“威海公安”。',
    enClosed: 'On 14 August 2024, this account closed and its information moved to Weihai Police (威海公安).',
    enClosing: 'In 2027, this account will close and move its information to Weihai Police (威海公安).',
  },
  split: {
    zhClosed: '该账号已于2024年8月14日拆分为“威海公安”。',
    zhClosing: '该账号将于2027年拆分为“威海公安”。',
    enClosed: 'On 14 August 2024, this account closed and was split into Weihai Police (威海公安).',
    enClosing: 'In 2027, this account will close and be split into Weihai Police (威海公安).',
  },
  abolished: {
    zhClosed: '因主办机构已撤销，该账号已于2024年8月14日停止运营。相关信息请关注“威海公安”。',
    zhClosing: '因主办机构已撤销，该账号将于2027年停止运营。相关信息请关注“威海公安”。',
    enClosed: 'On 14 August 2024, this account closed because the body that ran it no longer exists. For related information, go to Weihai Police (威海公安).',
    enClosing: 'In 2027, this account will close because the body that ran it no longer exists. For related information, go to Weihai Police (威海公安).',
  },
  discontinued: {
    zhClosed: '该账号已于2024年8月14日停止运营。相关信息请关注“威海公安”。',
    zhClosing: '该账号将于2027年停止运营并注销。相关信息请关注“威海公安”。',
    enClosed: 'On 14 August 2024, this account stopped operating. For related information, go to Weihai Police (威海公安).',
    enClosing: 'In 2027, this account will stop operating and close. For related information, go to Weihai Police (威海公安).',
  },
  compromised: {
    zhClosed: '因被盗用或失去控制，该账号已于2024年8月14日停止使用。请勿相信以该账号名义发布的信息。官方信息请关注“威海公安”。',
    zhClosing: '因被盗用或失去控制，该账号将于2027年停止使用。请勿相信以该账号名义发布的信息。官方信息请关注“威海公安”。',
    enClosed:
      'On 14 August 2024, this account was shut down because it had been hacked or lost to its owner’s control. Do not trust anything posted in its name. For official information, go to Weihai Police (威海公安).',
    enClosing:
      'In 2027, this account will be shut down because it was hacked or lost to its owner’s control. Do not trust anything posted in its name. For official information, go to Weihai Police (威海公安).',
  },
};

describe('closure sentences, every reason in both languages', () => {
  for (const reason of REASONS) {
    it(`${reason}: closed and closing, Chinese and English`, () => {
      const e = EXPECTED[reason];
      expect(say('zh', { reason, status: 'closed', closed: d('2024-08-14'), targets: [weihaiZh] })).toBe(e.zhClosed);
      expect(say('zh', { reason, status: 'closing', closed: d('2027'), targets: [weihaiZh] })).toBe(e.zhClosing);
      expect(say('en', { reason, status: 'closed', closed: d('2024-08-14'), targets: [weihaiEn] })).toBe(e.enClosed);
      expect(say('en', { reason, status: 'closing', closed: d('2027'), targets: [weihaiEn] })).toBe(e.enClosing);
    });

    it(`${reason}: a whole sentence without a date or successors`, () => {
      for (const lang of ['zh', 'en'] as const) {
        for (const status of ['closed', 'closing'] as const) {
          const s = say(lang, { reason, status });
          expect(s, `${lang} ${status}`).toMatch(lang === 'zh' ? /^[^a-z]*。$/ : /^[A-Z].*\.$/);
          expect(s).not.toMatch(/undefined|\s\s|于。|, \./);
        }
      }
    });
  }

  it('names the other channels and accounts when no successor is recorded', () => {
    expect(say('zh', { reason: 'merged', status: 'closed', closed: d('2024-04') })).toBe('该账号已于2024年4月并入其他账号。');
    expect(say('zh', { reason: 'split', status: 'closed' })).toBe('该账号已拆分为多个账号。');
    expect(say('zh', { reason: 'moved', status: 'closing' })).toBe('该账号即将停止运营，相关信息将迁移至其他渠道。');
    expect(say('en', { reason: 'replaced', status: 'closed', closed: d('2024-04') })).toBe('In April 2024, this account closed and was replaced by other accounts.');
    expect(say('en', { reason: 'renamed', status: 'closed' })).toBe('This account was renamed.');
    expect(say('en', { reason: 'discontinued', status: 'closing' })).toBe('The closure of this account has been announced: it will stop operating and close.');
    // reasons that only advise leave the advice out when there is nowhere to send people
    expect(say('zh', { reason: 'discontinued', status: 'closed', closed: d('2025') })).toBe('该账号已于2025年停止运营。');
    expect(say('en', { reason: 'abolished', status: 'closed', closed: d('2025') })).toBe('In 2025, this account closed because the body that ran it no longer exists.');
  });

  it('writes the date at its own precision, with the right English preposition', () => {
    expect(say('zh', { reason: 'discontinued', status: 'closed', closed: d('2024') })).toBe('该账号已于2024年停止运营。');
    expect(say('zh', { reason: 'discontinued', status: 'closed', closed: d('2024-04') })).toBe('该账号已于2024年4月停止运营。');
    expect(say('en', { reason: 'discontinued', status: 'closed', closed: d('2024') })).toBe('In 2024, this account stopped operating.');
    expect(say('en', { reason: 'discontinued', status: 'closed', closed: d('2024-04') })).toBe('In April 2024, this account stopped operating.');
    expect(say('en', { reason: 'discontinued', status: 'closed', closed: d('2024-04-01') })).toBe('On 1 April 2024, this account stopped operating.');
    const parts = closureSentence({ reason: 'discontinued', status: 'closed', closed: d('2024-04'), targets: [], today }, 'zh');
    expect(parts).toContainEqual({ kind: 'date', text: '2024年4月', datetime: '2024-04' });
  });

  it('dates a closing channel by its announcement when no closing day is set', () => {
    expect(say('zh', { reason: 'moved', status: 'closing', announced: d('2024-08-14'), targets: [site] })).toBe(
      '该账号已于2024年8月14日宣布将停止运营，相关信息将迁移至www.rongcheng.gov.cn。',
    );
    expect(say('en', { reason: 'moved', status: 'closing', announced: d('2024-08-14'), targets: [site] })).toBe(
      'On 14 August 2024, it was announced that this account will close and move its information to www.rongcheng.gov.cn.',
    );
  });

  it('does not promise a closure in the future when its day has passed ("today" is passed in)', () => {
    const overdue = { reason: 'merged' as const, status: 'closing' as const, closed: d('2025-06'), targets: [weihaiZh] };
    expect(say('zh', overdue)).toBe('该账号原定于2025年6月并入“威海公安”，目前尚未确认是否已完成。');
    expect(say('en', { ...overdue, targets: [weihaiEn] })).toBe(
      'In June 2025, this account was due to be merged into Weihai Police (威海公安); whether this has happened is not yet confirmed.',
    );
    // the same month as today is not certainly past
    expect(say('zh', { ...overdue, closed: d('2026-11') })).toBe('该账号将于2026年11月并入“威海公安”。');
    expect(say('zh', { ...overdue, today: dayOf('2025-01-01') })).toBe('该账号将于2025年6月并入“威海公安”。');
  });

  it('lists several successors, quoting channel names in Chinese but not web addresses', () => {
    const other: SentenceTarget = { name: { text: '荣成发布' }, href: '/channels/rc/', external: false, status: 'active' };
    expect(say('zh', { reason: 'split', status: 'closed', closed: d('2024-08-14'), targets: [weihaiZh, other, site] })).toBe(
      '该账号已于2024年8月14日拆分为“威海公安”、“荣成发布”和www.rongcheng.gov.cn。',
    );
    expect(say('en', { reason: 'replaced', status: 'closed', targets: [weihaiEn, { ...other, name: { text: '荣成发布', lang: 'zh-Hans' } }, site] })).toBe(
      'This account closed and was replaced by Weihai Police (威海公安), 荣成发布 and www.rongcheng.gov.cn.',
    );
  });

  it('says when a successor has since closed or gone quiet itself', () => {
    expect(say('zh', { reason: 'merged', status: 'closed', targets: [{ ...weihaiZh, status: 'closed' }] })).toBe('该账号已并入“威海公安”（目前已关停）。');
    expect(say('en', { reason: 'merged', status: 'closed', targets: [{ ...weihaiEn, status: 'dormant' }] })).toBe('This account was merged into Weihai Police (威海公安) (now dormant).');
  });

  it('keeps successors as links, never as markup', () => {
    const parts = closureSentence({ reason: 'moved', status: 'closed', targets: [site, { ...weihaiZh, name: { text: '<b>x</b>' } }], today }, 'zh');
    const targets = parts.filter((p) => p.kind === 'target');
    expect(targets.map((p) => p.kind === 'target' && [p.target.href, p.target.external])).toEqual([
      ['https://www.rongcheng.gov.cn/', true],
      ['/channels/weihai/', false],
    ]);
    expect(parts.some((p) => p.kind === 'text' && p.text.includes('<'))).toBe(false);
  });
});

