/**
 * Closure notices for the closures that have one: a plain Markdown file per notice (the
 * frontmatter of src/domain/schemas/notice.ts), and the notice's slug written back into the
 * notice column of every row it closes, so both directions of the link agree.
 */
import type { Reason } from '../domain/vocabulary.ts';
import { PLATFORM_ZH } from './catalogue.ts';
import type { ClosureEvent, MadeChannel } from './channels.ts';
import { isoDay, yearOf } from './days.ts';
import type { Random } from './random.ts';

export interface NoticeFile {
  readonly slug: string;
  readonly text: string;
}

/** Writes a notice for each noticed closure event among `channels` and links the rows to it. */
export function attachNotices(channels: readonly MadeChannel[], rng: Random): NoticeFile[] {
  const byEvent = new Map<ClosureEvent, MadeChannel[]>();
  for (const made of channels) {
    if (!made.event?.noticed || !made.reason) continue;
    let list = byEvent.get(made.event);
    if (!list) byEvent.set(made.event, (list = []));
    list.push(made);
  }
  const notices: NoticeFile[] = [];
  for (const [event, closed] of byEvent) {
    const first = closed[0]!;
    const slug = `${first.row.id}-${yearOf(event.announcedDay ?? event.day)}`;
    for (const made of closed) made.row.notice = slug;
    notices.push({ slug, text: noticeText(event, closed, rng) });
  }
  return notices;
}

function noticeText(event: ClosureEvent, closed: readonly MadeChannel[], rng: Random): string {
  const first = closed[0]!;
  const reason = first.reason!;
  const agency = first.agency;
  const accounts = closed.map((c) => `“${c.row.name}”${PLATFORM_ZH[c.platform]}`).join('、');
  const title =
    reason === 'compromised'
      ? `关于“${first.row.name}”${PLATFORM_ZH[first.platform]}被盗用的严正声明`
      : closed.length > 1
        ? `关于${agency}部分政务新媒体账号${VERB[reason]}的公告`
        : `关于“${first.row.name}”${PLATFORM_ZH[first.platform]}${VERB[reason]}的公告`;
  const announced = event.announcedDay ?? event.day;
  const effective = event.effectiveDay;
  // the row's first source is the year's closure list; its URL source is the notice's page
  const sources = [...new Set(closed.flatMap((c) => c.row.source.split(';')).filter((s) => s.startsWith('closures-') || s.startsWith('https://')))];
  const kind = rng.chance(0.4) ? 'text' : 'summary';
  const frontmatter = [
    '---',
    `title: ${JSON.stringify(title)}`,
    'channels:',
    ...closed.map((c) => `  - ${c.row.id}`),
    `announced: "${isoDay(announced)}"`,
    ...(effective === undefined ? [] : [`effective: "${isoDay(effective)}"`]),
    `issuer: ${JSON.stringify(agency)}`,
    'source:',
    ...sources.map((s) => `  - ${JSON.stringify(s)}`),
    'lang: zh',
    `kind: ${kind}`,
    '---',
  ];
  const when = effective === undefined ? '近期' : `自${zhDay(effective)}起`;
  const goTo = [...new Set(closed.flatMap((c) => c.successorNames))];
  const instead =
    goTo.length === 0
      ? '账号注销后，相关信息将通过本机构门户网站发布。'
      : `今后相关信息请关注${goTo.map((n) => (n.startsWith('http') ? `网站 ${n}` : n)).join('、')}。`;
  const what = REASON_TEXT[reason](accounts, when);
  const body =
    kind === 'text'
      ? [`${OPENING[reason]}${what}`, instead, reason === 'compromised' ? '特此声明。' : '感谢广大网友长期以来的关注和支持！特此公告。', '', agency, zhDay(announced)]
      : [`**以下为公告摘要，不是公告原文。**`, '', `${agency}于${zhDay(announced)}发布公告：${what}`, '', `- ${instead}`, `- 涉及账号：${accounts}。`];
  return `${frontmatter.join('\n')}\n\n${body.join('\n')}\n`;
}

const VERB: Record<Reason, string> = {
  merged: '整合迁移',
  replaced: '停止运营',
  renamed: '更名',
  split: '调整',
  moved: '迁移',
  abolished: '停止运营',
  discontinued: '停止运营',
  compromised: '被盗用',
};

const OPENING: Record<Reason, string> = {
  merged: '为落实整治“指尖上的形式主义”有关要求，推进政务新媒体集约化建设，',
  replaced: '为进一步规范政务新媒体管理，',
  renamed: '因工作需要，',
  split: '根据机构职能调整，',
  moved: '为整合信息发布渠道，',
  abolished: '根据机构改革安排，',
  discontinued: '为落实整治“指尖上的形式主义”有关要求，经自查评估，',
  compromised: '',
};

const REASON_TEXT: Record<Reason, (accounts: string, when: string) => string> = {
  merged: (a, w) => `${w}${a}停止更新，内容整合至其他政务账号。`,
  replaced: (a, w) => `${w}${a}停止更新，由新账号替代。`,
  renamed: (a, w) => `${w}${a}更名，原有内容保留。`,
  split: (a, w) => `${w}${a}停止更新，相关职能分别由有关部门账号承接。`,
  moved: (a, w) => `${w}${a}停止更新，信息发布迁移至其他渠道。`,
  abolished: (a, w) => `${w}${a}随主办机构撤销停止运营。`,
  discontinued: (a, w) => `${w}${a}停止更新并申请注销。`,
  compromised: (a) => `${a}近日被不法分子盗用，其发布的任何信息均与本机构无关，本机构已向平台申请冻结并注销该账号。`,
};

function zhDay(day: number): string {
  const [y, m, d] = isoDay(day).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
