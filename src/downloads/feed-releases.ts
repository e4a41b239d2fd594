/**
 * What the closure feeds carry, honest about time: one entry per data release (a commit that
 * changed the data) that recorded closures, dated when that release was committed, listing
 * the closures it recorded with their own dates in the text at their real precision.
 *
 * Why releases and not one entry per closure: an entry's `updated` is when it last changed
 * in the data, and all the closures a release records change at the same instant, so entries
 * per closure would share timestamps (which feed validators flag) or need invented ones;
 * a closure known as "2017" is never turned into 2017-01-01T00:00:00Z. A release's entry
 * never changes once published, so its id and date are stable.
 *
 * Releases come from the build's changelog (src/downloads/changelog.ts: the last data
 * versions in git, compared one with the next). Without history (a build from a tarball or a
 * copied folder) there is one entry instead: every closure in the data, dated the day of the
 * data (the build's day outside git), with an id that changes only when that list changes.
 */
import { isClosure, type Channel, type Registry } from '../domain/model.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { escapeHtml } from '../format/escape.ts';
import { sha256Hex } from '../format/sha256.ts';
import type { Changelog } from './changelog.ts';
import { stringsFor } from '../strings/index.ts';
import { closureText, closureTitle, TAG_DATE } from './feeds.ts';
import { closuresNewestFirst, destinationsJson, type PageLinks } from './json-api.ts';

export interface FeedRelease {
  /** The data commit (short hash); absent for the one entry of a build without history. */
  readonly version?: string;
  /** When the release was committed, RFC 3339 in UTC to the second. */
  readonly instant: string;
  /** The channels it recorded as closing or closed. */
  readonly ids: readonly string[];
}

export interface FeedClosure {
  readonly channel: Channel;
  readonly url: string;
  readonly title: string;
  readonly text: string;
  readonly destinations: ReturnType<typeof destinationsJson>;
}

export interface FeedEntry {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  /** Plain text: one closure a line. */
  readonly text: string;
  /** The same as HTML (every value escaped), each closure linked to its entry. */
  readonly html: string;
  /** RFC 3339: the release's commit time (or the data's day, without history). */
  readonly updated: string;
  readonly version?: string;
  readonly closures: readonly FeedClosure[];
  /** Closures of the release left out by the feed's limit. */
  readonly more: number;
}

const utcSecond = (instant: string): string => new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The releases newest first. Releases committed in the same second are one (their instants
 * could not tell them apart). Without history: one release of every closure in the data.
 */
export function feedReleases(changelog: Changelog | undefined, registry: Registry, dataUpdated: string): FeedRelease[] {
  const found: FeedRelease[] = [];
  if (changelog && !changelog.problem) {
    for (const v of changelog.versions) found.push({ version: v.shortCommit, instant: utcSecond(v.instant), ids: v.recorded.map((r) => r.id) });
    if (changelog.first) found.push({ version: changelog.first.shortCommit, instant: utcSecond(changelog.first.instant), ids: changelog.first.recorded.map((r) => r.id) });
  } else {
    found.push({ instant: `${dataUpdated}T00:00:00Z`, ids: registry.channels.filter(isClosure).map((c) => c.id) });
  }
  const releases: FeedRelease[] = [];
  for (const r of found) {
    const last = releases[releases.length - 1];
    if (last && last.instant === r.instant) releases[releases.length - 1] = { ...last, ids: [...last.ids, ...r.ids] };
    else releases.push(r);
  }
  return releases;
}

export interface FeedScope {
  /** Province code, or undefined for the national feed. */
  readonly province?: string;
  readonly provinceOf: (c: Channel) => string;
  /** Where an entry of several closures links: the /changes/ page (with #v-<version>) or, without history, the feed's page. */
  readonly changesUrl: string;
  readonly homeUrl: string;
}

/**
 * The feed's entries: for each release (newest first), the closures it recorded that are in
 * scope and still closing or closed, newest closure first, undated last; at most `limit`
 * closures in the whole feed, so its size stays bounded whatever a release holds. `today`
 * (YYYY-MM-DD), the day the data is judged on, tenses the closures' sentences as on the pages.
 */
export function feedEntries(registry: Registry, releases: readonly FeedRelease[], scope: FeedScope, lang: Lang, siteUrl: string, links: PageLinks, limit: number, today: string): FeedEntry[] {
  const t = stringsFor(lang);
  const host = new URL(siteUrl).hostname;
  const entries: FeedEntry[] = [];
  let room = limit;
  for (const release of releases) {
    if (room <= 0) break;
    const channels = closuresNewestFirst(
      release.ids.map((id) => registry.channelsById.get(id)).filter((c): c is Channel => c !== undefined && isClosure(c) && (scope.province === undefined || scope.provinceOf(c) === scope.province)),
    );
    if (channels.length === 0) continue;
    const shown = channels.slice(0, room);
    room -= shown.length;
    const closures = shown.map((c) => ({ channel: c, url: links.entry(c)[lang], title: closureTitle(c, lang), text: closureText(registry, c, lang, links, today), destinations: destinationsJson(registry, c.id) }));
    const more = channels.length - shown.length;
    const where = scope.province ?? 'all';
    const id = release.version
      ? `tag:${host},${TAG_DATE}:release/${lang}/${where}/${release.version}`
      : `tag:${host},${TAG_DATE}:closures/${lang}/${where}/${sha256Hex(channels.map((c) => `${c.id}/${c.status}`).join('\n')).slice(0, 16)}`;
    const title = closures.length === 1 && more === 0 ? closures[0]!.title : release.version ? t.feeds.several(channels.length, release.version) : t.feeds.snapshot(channels.length);
    const url = closures.length === 1 && more === 0 ? closures[0]!.url : release.version ? `${scope.changesUrl}#v-${release.version}` : scope.homeUrl;
    const moreText = more > 0 ? t.feeds.more(more) : '';
    entries.push({
      id,
      url,
      title,
      text: [...closures.map((c) => c.text), ...(moreText ? [moreText] : [])].join('\n'),
      html: `<ul>${closures.map((c) => `<li><a href="${escapeHtml(c.url)}">${escapeHtml(c.title)}</a>${t.punctuation.colon}${escapeHtml(c.text)}</li>`).join('')}</ul>${moreText ? `<p><a href="${escapeHtml(`${scope.changesUrl}${release.version ? `#v-${release.version}` : ''}`)}">${escapeHtml(moreText)}</a></p>` : ''}`,
      updated: release.instant,
      ...(release.version ? { version: release.version } : {}),
      closures,
      more,
    });
  }
  return entries;
}
