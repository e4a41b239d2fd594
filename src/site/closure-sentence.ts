/**
 * What happened to a channel, in one plain sentence a citizen understands without the data
 * contract's vocabulary: "该账号已于2024年8月14日停止运营。相关信息请关注“威海公安”。" /
 * "On 14 August 2024, this account stopped operating. For related information, go to
 * Weihai Police."
 *
 * One template per closure reason and status (closing or closed), in both languages, each
 * with or without a date (at the data's own precision) and with or without successors. The
 * sentence comes back as parts (text, dates, links to the successors) so a page can link the
 * names and mark the dates up, and everything stays text until the page escapes it.
 *
 * The successors named are the channel's own redirect targets (what happened: "merged into
 * B"), marked when they have since closed themselves; where to go *now*, following chains to
 * live channels, is the destinations list that the page shows right after the sentence.
 */
import { formatDate, isCertainlyBefore, type ApproxDate } from '../domain/approx-date.ts';
import { STATUS_LABELS, type Lang, type Reason, type Status } from '../domain/vocabulary.ts';
import type { LocalName } from './views/names.ts';

export interface SentenceTarget {
  readonly name: LocalName;
  readonly href: string;
  /** A web address, not a page of this site. */
  readonly external: boolean;
  /** Status of a target channel; undefined for web addresses. Not "active" gets a note. */
  readonly status?: Status;
}

export type SentencePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'date'; readonly text: string; readonly datetime: string }
  | { readonly kind: 'target'; readonly target: SentenceTarget }
  /** A name that is not a link (it may be in the other language, so it keeps its own lang). */
  | { readonly kind: 'name'; readonly name: LocalName };

export interface ClosureFacts {
  readonly status: 'closing' | 'closed';
  readonly reason: Reason;
  readonly announced?: ApproxDate;
  readonly closed?: ApproxDate;
  /** The channel's redirect targets, in the data's order. */
  readonly targets: readonly SentenceTarget[];
  /** The day the data is judged on: a closing channel's past due date reads "was due to". */
  readonly today: ApproxDate;
}

type Parts = SentencePart[];

const text = (t: string): SentencePart => ({ kind: 'text', text: t });
const date = (d: ApproxDate, lang: Lang): SentencePart => ({ kind: 'date', text: formatDate(d, lang), datetime: d.value });

/** The parts as plain text (for tests, descriptions and anything that cannot carry links). */
export function sentenceText(parts: readonly SentencePart[]): string {
  return parts
    .map((p) => {
      if (p.kind === 'text' || p.kind === 'date') return p.text;
      const name = p.kind === 'target' ? p.target.name : p.name;
      return name.original ? `${name.text} (${name.original})` : name.text;
    })
    .join('');
}

/** Adjacent text parts merged, so the page has fewer nodes and tests read naturally. */
function tidy(parts: Parts): Parts {
  const out: Parts = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (p.kind === 'text' && last?.kind === 'text') out[out.length - 1] = text(last.text + p.text);
    else if (p.kind !== 'text' || p.text !== '') out.push(p);
  }
  return out;
}

/** "“A”、“B”和C" / "A, B and C", with "(now closed)" after successors no longer live. */
function targetList(targets: readonly SentenceTarget[], lang: Lang): Parts {
  const parts: Parts = [];
  targets.forEach((target, i) => {
    if (i > 0) parts.push(text(i === targets.length - 1 ? (lang === 'zh' ? '和' : ' and ') : lang === 'zh' ? '、' : ', '));
    const quoted = lang === 'zh' && !target.external;
    if (quoted) parts.push(text('“'));
    parts.push({ kind: 'target', target });
    if (quoted) parts.push(text('”'));
    if (target.status && target.status !== 'active') {
      const label = STATUS_LABELS[target.status][lang];
      parts.push(text(lang === 'zh' ? `（目前${label}）` : ` (now ${label.toLowerCase()})`));
    }
  });
  return parts;
}

/** "On 14 August 2024" / "In April 2024" / "In 2024", to open an English sentence. */
function enWhen(d: ApproxDate, lang: 'en'): Parts {
  return [text(d.precision === 'day' ? 'On ' : 'In '), date(d, lang)];
}

// ---------------------------------------------------------------------------------------
// Chinese

interface ZhReason {
  /** Before "该账号", giving the cause ("因主办机构已撤销，"). */
  readonly lead?: string;
  /** What happens, after "该账号已于…" / "将于…": with the successors, or without any. */
  readonly verb: (targets: Parts | undefined, closed: boolean) => Parts;
  /** Said after the main sentence whatever the successors ("请勿相信…"). */
  readonly warning?: string;
  /** With successors that the verb does not name: "相关信息请关注…". */
  readonly advice?: string;
}

const ZH: Record<Reason, ZhReason> = {
  merged: { verb: (t) => (t ? [text('并入'), ...t] : [text('并入其他账号')]) },
  renamed: { verb: (t) => (t ? [text('更名为'), ...t] : [text('更名')]) },
  replaced: { verb: (t) => (t ? [text('停止运营，由'), ...t, text('取代')] : [text('停止运营，由其他账号取代')]) },
  moved: {
    verb: (t, closed) => [text(closed ? '停止运营，相关信息已迁移至' : '停止运营，相关信息将迁移至'), ...(t ?? [text('其他渠道')])],
  },
  split: { verb: (t) => (t ? [text('拆分为'), ...t] : [text('拆分为多个账号')]) },
  abolished: { lead: '因主办机构已撤销，', verb: () => [text('停止运营')], advice: '相关信息请关注' },
  discontinued: { verb: (_t, closed) => [text(closed ? '停止运营' : '停止运营并注销')], advice: '相关信息请关注' },
  compromised: {
    lead: '因被盗用或失去控制，',
    verb: () => [text('停止使用')],
    warning: '请勿相信以该账号名义发布的信息。',
    advice: '官方信息请关注',
  },
};

function zhSentence(facts: ClosureFacts): Parts {
  const r = ZH[facts.reason];
  const targets = facts.targets.length > 0 ? targetList(facts.targets, 'zh') : undefined;
  const closed = facts.status === 'closed';
  const verb = r.verb(r.advice ? undefined : targets, closed);
  const parts: Parts = [text(r.lead ?? ''), text('该账号')];
  let after = '';
  if (closed) {
    parts.push(...(facts.closed ? [text('已于'), date(facts.closed, 'zh')] : [text('已')]), ...verb);
  } else {
    const timing = closingTiming(facts);
    if (timing.kind === 'due') parts.push(text('将于'), date(timing.date, 'zh'), ...verb);
    else if (timing.kind === 'overdue') {
      parts.push(text('原定于'), date(timing.date, 'zh'), ...verb);
      after = '，目前尚未确认是否已完成';
    } else if (timing.kind === 'announced') parts.push(text('已于'), date(timing.date, 'zh'), text('宣布将'), ...verb);
    else parts.push(text('即将'), ...verb);
  }
  parts.push(text(`${after}。`));
  if (r.warning) parts.push(text(r.warning));
  if (r.advice && targets) parts.push(text(r.advice), ...targets, text('。'));
  return tidy(parts);
}

// ---------------------------------------------------------------------------------------
// English

interface EnReason {
  /** After "this account will" / "was due to": the base form. */
  readonly base: (targets: Parts | undefined) => Parts;
  /** After "this account": the past tense. */
  readonly past: (targets: Parts | undefined) => Parts;
  readonly warning?: string;
  readonly advice?: string;
}

const or = (t: Parts | undefined, otherwise: string): Parts => t ?? [text(otherwise)];

const EN: Record<Reason, EnReason> = {
  merged: {
    base: (t) => [text('be merged into '), ...or(t, 'another account')],
    past: (t) => [text('was merged into '), ...or(t, 'another account')],
  },
  renamed: {
    base: (t) => (t ? [text('be renamed and continue as '), ...t] : [text('be renamed')]),
    past: (t) => (t ? [text('was renamed; it continues as '), ...t] : [text('was renamed')]),
  },
  replaced: {
    base: (t) => [text('close and be replaced by '), ...or(t, 'other accounts')],
    past: (t) => [text('closed and was replaced by '), ...or(t, 'other accounts')],
  },
  moved: {
    base: (t) => [text('close and move its information to '), ...or(t, 'other channels')],
    past: (t) => [text('closed and its information moved to '), ...or(t, 'other channels')],
  },
  split: {
    base: (t) => [text('close and be split into '), ...or(t, 'several accounts')],
    past: (t) => [text('closed and was split into '), ...or(t, 'several accounts')],
  },
  abolished: {
    base: () => [text('close because the body that ran it no longer exists')],
    past: () => [text('closed because the body that ran it no longer exists')],
    advice: 'For related information, go to ',
  },
  discontinued: {
    base: () => [text('stop operating and close')],
    past: () => [text('stopped operating')],
    advice: 'For related information, go to ',
  },
  compromised: {
    base: () => [text('be shut down because it was hacked or lost to its owner’s control')],
    past: () => [text('was shut down because it had been hacked or lost to its owner’s control')],
    warning: ' Do not trust anything posted in its name.',
    advice: 'For official information, go to ',
  },
};

function enSentence(facts: ClosureFacts): Parts {
  const r = EN[facts.reason];
  const targets = facts.targets.length > 0 ? targetList(facts.targets, 'en') : undefined;
  const named = r.advice ? undefined : targets;
  const parts: Parts = [];
  if (facts.status === 'closed') {
    if (facts.closed) parts.push(...enWhen(facts.closed, 'en'), text(', this account '));
    else parts.push(text('This account '));
    parts.push(...r.past(named), text('.'));
  } else {
    const timing = closingTiming(facts);
    if (timing.kind === 'due') parts.push(...enWhen(timing.date, 'en'), text(', this account will '), ...r.base(named), text('.'));
    else if (timing.kind === 'overdue') {
      parts.push(...enWhen(timing.date, 'en'), text(', this account was due to '), ...r.base(named), text('; whether this has happened is not yet confirmed.'));
    } else if (timing.kind === 'announced') {
      parts.push(...enWhen(timing.date, 'en'), text(', it was announced that this account will '), ...r.base(named), text('.'));
    } else parts.push(text('The closure of this account has been announced: it will '), ...r.base(named), text('.'));
  }
  if (r.warning) parts.push(text(r.warning));
  if (r.advice && targets) parts.push(text(' '), text(r.advice), ...targets, text('.'));
  return tidy(parts);
}

// ---------------------------------------------------------------------------------------

type ClosingTiming =
  | { kind: 'due' | 'overdue' | 'announced'; date: ApproxDate }
  | { kind: 'none' };

/**
 * Which date a closing channel's sentence is about: the day it is due to close (or was, when
 * that day has certainly passed without the data saying it closed), else the announcement.
 */
function closingTiming(facts: ClosureFacts): ClosingTiming {
  if (facts.closed) return { kind: isCertainlyBefore(facts.closed, facts.today) ? 'overdue' : 'due', date: facts.closed };
  if (facts.announced) return { kind: 'announced', date: facts.announced };
  return { kind: 'none' };
}

/** The sentence for a closing or closed channel. */
export function closureSentence(facts: ClosureFacts, lang: Lang): SentencePart[] {
  return lang === 'zh' ? zhSentence(facts) : enSentence(facts);
}
