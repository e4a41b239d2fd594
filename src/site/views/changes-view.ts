/**
 * The /changes/ page: per published version of the data, what changed (channels added,
 * closed, reopened, changed, removed; notices and sources), newest first, and an honest
 * note when the build could not see the history.
 */
import type { Registry } from '../../domain/model.ts';
import { PLATFORM_LABELS, STATUS_LABELS, type Platform } from '../../domain/vocabulary.ts';
import type { ChannelChangeKind } from '../../domain/data-diff.ts';
import type { Changelog } from '../../downloads/changelog.ts';
import { formatNumber, type Lang, type PageContext } from '../i18n.ts';
import { channelHref } from './hrefs.ts';

export const KIND_ORDER: readonly ChannelChangeKind[] = ['added', 'closed', 'reopened', 'changed', 'removed'];

export const CHANGES_COPY = {
  zh: {
    title: '数据更新记录',
    lede: '每次数据发布（仓库中修改数据的提交）之间，哪些账号新增、关停、恢复、修改或删除。',
    kinds: { added: '新增', closed: '关停', reopened: '恢复运营', changed: '修改', removed: '删除' } as Record<ChannelChangeKind, string>,
    version: (v: string, prev: string) => `数据版本 ${v}（与 ${prev} 相比）`,
    noChanges: '这一版本没有账号变化。',
    more: (n: string) => `另有 ${n} 项变化未列出，见完整数据。`,
    notices: '关停公告',
    sources: '来源',
    recordChanges: (a: number, c: number, r: number) => `新增 ${a}，修改 ${c}，删除 ${r}`,
    fields: '修改的字段',
    totals: (b: string, a: string) => `账号总数：${b} → ${a}`,
    problem: {
      'no-git': '构建时没有 git 仓库，无法列出数据的历史版本。',
      'outside-repository': '数据文件夹不在 git 仓库中，无法列出历史版本。',
      'no-commits': '数据还没有任何已提交的版本。',
    },
    shallow: '本次构建只取得了部分 git 历史（浅克隆），更早的版本未能列出。',
    capped: (n: number) => `只列出最近 ${n} 个版本；更早的变化请查看仓库的提交历史。`,
    start: (v: string, d: string) => `版本 ${v}（${d}）是数据的第一个版本。`,
    history: '完整的提交历史',
  },
  en: {
    title: 'Data changes',
    lede: 'Between each release of the data (each commit that changed it in the repository): which channels were added, closed, reopened, changed or removed.',
    kinds: { added: 'Added', closed: 'Closed', reopened: 'Reopened', changed: 'Changed', removed: 'Removed' } as Record<ChannelChangeKind, string>,
    version: (v: string, prev: string) => `Data version ${v} (compared with ${prev})`,
    noChanges: 'No channel changed in this version.',
    more: (n: string) => `${n} more changes not listed here; see the full data.`,
    notices: 'Closure notices',
    sources: 'Sources',
    recordChanges: (a: number, c: number, r: number) => `${a} added, ${c} changed, ${r} removed`,
    fields: 'fields changed',
    totals: (b: string, a: string) => `Channels in total: ${b} → ${a}`,
    problem: {
      'no-git': 'This build had no git repository, so past versions of the data cannot be listed.',
      'outside-repository': 'The data folder is not in a git repository, so past versions cannot be listed.',
      'no-commits': 'The data has no committed version yet.',
    },
    shallow: 'This build had only part of the git history (a shallow clone); earlier versions could not be listed.',
    capped: (n: number) => `Only the latest ${n} versions are listed; see the repository's history for earlier changes.`,
    start: (v: string, d: string) => `Version ${v} (${d}) is the first version of the data.`,
    history: 'Full commit history',
  },
};

export interface ChangeItem {
  readonly name: string;
  readonly href?: string;
  readonly platform: string;
  readonly detail: string;
}

export interface VersionView {
  readonly id: string;
  readonly heading: string;
  readonly date: string;
  readonly commitHref: string;
  readonly summary: readonly { readonly kind: ChannelChangeKind; readonly label: string; readonly count: string }[];
  readonly groups: readonly { readonly kind: ChannelChangeKind; readonly label: string; readonly items: readonly ChangeItem[] }[];
  readonly more?: string;
  readonly records: readonly string[];
  readonly totals: string;
}

export interface ChangesView {
  readonly versions: readonly VersionView[];
  readonly notes: readonly string[];
  readonly historyHref: string;
}

export function changesView(changelog: Changelog, registry: Registry, ctx: PageContext, repoUrl: string): ChangesView {
  const c = CHANGES_COPY[ctx.lang];
  const lang: Lang = ctx.lang;
  const repo = repoUrl.replace(/\/+$/, '');
  const versions = changelog.versions.map((v) => {
    const groups = KIND_ORDER.map((kind) => ({
      kind,
      label: c.kinds[kind],
      items: v.channels
        .filter((ch) => ch.kind === kind)
        .map((ch) => {
          const current = registry.channelsById.get(ch.id);
          const status = STATUS_LABELS[ch.status][lang];
          const detail =
            kind === 'changed' ? `${c.fields}: ${ch.fields.join(', ')}` : ch.previousStatus ? `${STATUS_LABELS[ch.previousStatus][lang]} → ${status}` : status;
          const name = lang === 'en' && current?.name_en ? current.name_en : ch.name;
          return {
            name,
            href: ch.exists && current ? channelHref(registry, current, ctx) : undefined,
            platform: PLATFORM_LABELS[ch.platform as Platform]?.[lang] ?? ch.platform,
            detail,
          };
        }),
    })).filter((g) => g.items.length > 0);
    const records: string[] = [];
    if (v.notices.added + v.notices.changed + v.notices.removed > 0) records.push(`${c.notices}: ${c.recordChanges(v.notices.added, v.notices.changed, v.notices.removed)}`);
    if (v.sources.added + v.sources.changed + v.sources.removed > 0) records.push(`${c.sources}: ${c.recordChanges(v.sources.added, v.sources.changed, v.sources.removed)}`);
    return {
      id: `v-${v.shortCommit}`,
      heading: c.version(v.shortCommit, v.previous),
      date: v.date,
      commitHref: `${repo}/commit/${v.commit}`,
      summary: KIND_ORDER.filter((k) => v.counts[k] > 0).map((k) => ({ kind: k, label: c.kinds[k], count: formatNumber(v.counts[k], lang) })),
      groups,
      more: v.more > 0 ? c.more(formatNumber(v.more, lang)) : undefined,
      records,
      totals: c.totals(formatNumber(v.totals.before, lang), formatNumber(v.totals.after, lang)),
    };
  });
  const notes: string[] = [];
  if (changelog.problem) notes.push(c.problem[changelog.problem]);
  if (changelog.shallow) notes.push(c.shallow);
  if (changelog.capped) notes.push(c.capped(changelog.versions.length));
  if (changelog.reachedStart && changelog.oldestCommit) notes.push(c.start(changelog.oldestCommit.commit, changelog.oldestCommit.date));
  return { versions, notes, historyHref: `${repo}/commits/HEAD/data` };
}
