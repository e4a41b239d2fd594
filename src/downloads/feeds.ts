/**
 * Feeds of closures, in Atom (RFC 4287) and JSON Feed 1.1, one per language for the nation
 * and for each province: newest first, at most FEED_LIMIT entries (PROVINCE_FEED_LIMIT for a
 * province: 136 feeds of 100 entries were ~9 MB at national scale), each linking the
 * channel's entry on its region's page and saying in a sentence when it closed, why, and
 * where to go instead.
 *
 * Entry ids are tag URIs (RFC 4151) made of the site's host, the language, the channel id
 * and its status ("tag:host,2024:closure/zh/<id>/closed"): they never change while the
 * channel stays in that state, and a channel that goes from closing to closed is news again.
 * Closures with no date at all are left out: a feed orders news by time.
 */
import { formatDate, earliestDay, type ApproxDate } from '../domain/approx-date.ts';
import { isClosure, type Channel, type Registry } from '../domain/model.ts';
import { PLATFORM_LABELS, REASON_EXPLANATIONS, type Lang } from '../domain/vocabulary.ts';
import { escapeXml } from '../format/escape.ts';
import { destinationsJson, type PageLinks } from './json-api.ts';

export const FEED_LIMIT = 100;
export const PROVINCE_FEED_LIMIT = 50;
export const TAG_DATE = '2024';

export interface FeedMeta {
  readonly lang: Lang;
  readonly title: string;
  readonly subtitle: string;
  /** Absolute URL of this feed file, and of the companion in the other format. */
  readonly selfUrl: string;
  readonly jsonUrl: string;
  readonly atomUrl: string;
  /** Absolute URL of the HTML page the feed follows. */
  readonly homeUrl: string;
  readonly siteUrl: string;
  readonly author: string;
  readonly rights: string;
  /** YYYY-MM-DD of the last data change: the feed's own updated time when it has no entries. */
  readonly dataUpdated: string;
}

export interface FeedEntry {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly text: string;
  /** RFC 3339 (the first day of the period when the date is only a month or year). */
  readonly updated: string;
  readonly channel: Channel;
  readonly date: ApproxDate;
  readonly destinations: ReturnType<typeof destinationsJson>;
}

/** The date a closure is news on: a closing channel's announcement, a closed one's closure. */
export function feedDate(c: Channel): ApproxDate | undefined {
  return c.status === 'closing' ? (c.announced ?? c.closed) : (c.closed ?? c.announced);
}

export function rfc3339(d: ApproxDate): string {
  return `${earliestDay(d)}T00:00:00Z`;
}

/** Newest first by feedDate, then by id; undated closures left out; at most `limit`. */
export function feedChannels(channels: Iterable<Channel>, limit = FEED_LIMIT): Channel[] {
  const dated: { c: Channel; day: string; value: string }[] = [];
  for (const c of channels) {
    if (!isClosure(c)) continue;
    const d = feedDate(c);
    if (d) dated.push({ c, day: earliestDay(d), value: d.value });
  }
  dated.sort((a, b) => (a.day !== b.day ? (a.day < b.day ? 1 : -1) : a.value.length !== b.value.length ? b.value.length - a.value.length : a.c.id < b.c.id ? -1 : 1));
  return dated.slice(0, limit).map((x) => x.c);
}

function name(zh: string, en: string | undefined, lang: Lang): string {
  return lang === 'en' && en ? en : zh;
}

function when(d: ApproxDate, lang: Lang): string {
  if (lang === 'zh') return formatDate(d, 'zh');
  return `${d.precision === 'day' ? 'on' : 'in'} ${formatDate(d, 'en')}`;
}

/** The closure as one paragraph of plain text. */
export function closureSentence(registry: Registry, c: Channel, lang: Lang): string {
  const platform = PLATFORM_LABELS[c.platform][lang];
  const parts: string[] = [];
  const who = lang === 'zh' ? `${c.name}（${c.agency}，${platform}）` : `${name(c.name, c.name_en, 'en')} (${name(c.agency, c.agency_en, 'en')}, ${platform})`;
  if (c.status === 'closed') {
    parts.push(lang === 'zh' ? `${who}${c.closed ? `于${when(c.closed, 'zh')}` : ''}关停。` : `${who} closed${c.closed ? ` ${when(c.closed, 'en')}` : ''}.`);
  } else {
    const announced = c.announced ? (lang === 'zh' ? `于${when(c.announced, 'zh')}宣布关停` : `closure announced ${when(c.announced, 'en')}`) : lang === 'zh' ? '正在注销' : 'is closing';
    const closes = c.closed ? (lang === 'zh' ? `，预定于${when(c.closed, 'zh')}关停` : `; closes ${when(c.closed, 'en')}`) : '';
    parts.push(lang === 'zh' ? `${who}${announced}${closes}。` : `${who}: ${announced}${closes}.`);
  }
  if (c.reason) parts.push(REASON_EXPLANATIONS[c.reason][lang]);
  const destinations = registry.destinationsOf(c.id).map((d) => {
    if (d.endpoint.kind === 'url') return d.endpoint.url;
    const ch = d.channel;
    return ch ? `${name(ch.name, ch.name_en, lang)}${lang === 'zh' ? `（${PLATFORM_LABELS[ch.platform].zh}）` : ` (${PLATFORM_LABELS[ch.platform].en})`}` : d.endpoint.id;
  });
  if (destinations.length > 0) parts.push(lang === 'zh' ? `现在请前往：${destinations.join('；')}。` : `Go here instead: ${destinations.join('; ')}.`);
  const notice = registry.noticeOf(c);
  if (notice) parts.push(lang === 'zh' ? `关停公告：《${notice.title}》。` : `Closure notice: “${notice.title}”.`);
  return parts.join(lang === 'zh' ? '' : ' ');
}

export function closureTitle(c: Channel, lang: Lang): string {
  const platform = PLATFORM_LABELS[c.platform][lang];
  if (lang === 'zh') return `${c.name}（${platform}）${c.status === 'closed' ? '已关停' : '注销中'}`;
  return `${name(c.name, c.name_en, 'en')} (${platform}) ${c.status === 'closed' ? 'closed' : 'closing'}`;
}

export function entryId(siteUrl: string, lang: Lang, c: Channel): string {
  return `tag:${new URL(siteUrl).hostname},${TAG_DATE}:closure/${lang}/${c.id}/${c.status}`;
}

export function feedEntries(registry: Registry, channels: Iterable<Channel>, lang: Lang, siteUrl: string, links: PageLinks, limit = FEED_LIMIT): FeedEntry[] {
  return feedChannels(channels, limit).map((c) => {
    const date = feedDate(c)!;
    return {
      id: entryId(siteUrl, lang, c),
      url: links.entry(c)[lang],
      title: closureTitle(c, lang),
      text: closureSentence(registry, c, lang),
      updated: rfc3339(date),
      channel: c,
      date,
      destinations: destinationsJson(registry, c.id),
    };
  });
}

const XML_LANG: Record<Lang, string> = { zh: 'zh-Hans', en: 'en' };

function feedUpdated(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const data = `${meta.dataUpdated}T00:00:00Z`;
  const newest = entries[0]?.updated;
  return newest && newest > data ? newest : data;
}

export function atomFeed(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const x = escapeXml;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${XML_LANG[meta.lang]}">`,
    `  <id>${x(meta.selfUrl)}</id>`,
    `  <title>${x(meta.title)}</title>`,
    `  <subtitle>${x(meta.subtitle)}</subtitle>`,
    `  <updated>${feedUpdated(meta, entries)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${x(meta.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(meta.homeUrl)}"/>`,
    `  <link rel="alternate" type="application/feed+json" href="${x(meta.jsonUrl)}"/>`,
    `  <author><name>${x(meta.author)}</name><uri>${x(meta.siteUrl)}</uri></author>`,
    `  <rights>${x(meta.rights)}</rights>`,
  ];
  for (const e of entries) {
    lines.push(
      '  <entry>',
      `    <id>${x(e.id)}</id>`,
      `    <title>${x(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${x(e.url)}"/>`,
      `    <updated>${e.updated}</updated>`,
      `    <category term="${x(e.channel.status)}"/>`,
      ...(e.channel.reason ? [`    <category term="${x(e.channel.reason)}"/>`] : []),
      `    <summary type="text">${x(e.text)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

export function jsonFeed(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: meta.title,
    description: meta.subtitle,
    home_page_url: meta.homeUrl,
    feed_url: meta.selfUrl,
    language: meta.lang === 'zh' ? 'zh-CN' : 'en',
    authors: [{ name: meta.author, url: meta.siteUrl }],
    items: entries.map((e) => ({
      id: e.id,
      url: e.url,
      title: e.title,
      content_text: e.text,
      date_published: e.updated,
      tags: [e.channel.status, ...(e.channel.reason ? [e.channel.reason] : [])],
      _registry: {
        channel: e.channel.id,
        status: e.channel.status,
        ...(e.channel.reason ? { reason: e.channel.reason } : {}),
        ...(e.channel.announced ? { announced: e.channel.announced.value } : {}),
        ...(e.channel.closed ? { closed: e.channel.closed.value } : {}),
        date: e.date.value,
        destinations: e.destinations,
        ...(e.channel.notice ? { notice: e.channel.notice } : {}),
      },
    })),
  };
  // compact: 136 feeds of 100 items at national scale, and feed readers need no indentation
  return `${JSON.stringify(feed)}\n`;
}
