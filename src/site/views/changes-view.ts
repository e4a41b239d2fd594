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
import { stringsFor } from '../../strings/index.ts';
import { localText } from '../../strings/local-name.ts';
import { channelHref } from './hrefs.ts';

export const KIND_ORDER: readonly ChannelChangeKind[] = ['added', 'closed', 'reopened', 'changed', 'removed'];

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
  const c = stringsFor(ctx.lang).changes;
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
          const name = localText(ch.name, current?.name_en, lang);
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
