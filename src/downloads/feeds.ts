/**
 * Feeds of closures, in Atom (RFC 4287) and JSON Feed 1.1, one per language for the nation
 * and for each province (titled with the province's name). Each entry is a data release that
 * recorded closures, dated when it was committed (feed-releases.ts says why), listing them,
 * each linked to the channel's entry on its region's page with a sentence saying when it
 * closed (at the precision the data has), why, and where to go instead; closures with no
 * date are listed too. At most FEED_LIMIT closures in a feed (PROVINCE_FEED_LIMIT for a
 * province: 136 feeds of 100 were ~9 MB at national scale).
 *
 * Entry ids are tag URIs (RFC 4151) made of the site's host, the language, the feed's scope
 * and the release ("tag:host,2024:release/zh/370000/<commit>"): a published entry never
 * changes its id or its date.
 */
import { dayOf } from '../domain/approx-date.ts';
import type { Channel, Registry } from '../domain/model.ts';
import { PLATFORM_LABELS, STATUS_LABELS, type Lang } from '../domain/vocabulary.ts';
import { escapeXml } from '../format/escape.ts';
import { closureFacts, closureSentence } from '../strings/closure-sentence.ts';
import { stringsFor } from '../strings/index.ts';
import { localName, localText } from '../strings/local-name.ts';
import { needsDestinations, sentenceText } from '../strings/sentence-parts.ts';
import type { FeedEntry } from './feed-releases.ts';
import type { PageLinks } from './json-api.ts';

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

export type { FeedEntry };

/**
 * A closure as one line of plain text, saying what the channel's entry says: which channel,
 * the entry's own sentence (closureFacts, so a channel still closing is never said to have
 * closed, and a due date past `today` is not promised), where to go now when a successor the
 * sentence names is no longer live, and the notice.
 */
export function closureText(registry: Registry, c: Channel, lang: Lang, links: PageLinks, today: string): string {
  const t = stringsFor(lang);
  const facts = closureFacts(registry, c, dayOf(today), {
    channel: (target) => ({ name: localName(target.name, target.name_en, lang), href: links.entry(target)[lang] }),
    // plain text cannot link: a web address is written out whole
    url: (url) => ({ name: { text: url }, href: url }),
  });
  const about = t.feeds.about(localText(c.name, c.name_en, lang), localText(c.agency, c.agency_en, lang), PLATFORM_LABELS[c.platform][lang]);
  const parts = [about + (facts ? sentenceText(closureSentence(facts, lang)) : '')];
  if (facts && needsDestinations(facts.targets)) {
    const destinations = registry.destinationsOf(c.id).map((d) => {
      if (d.endpoint.kind === 'url') return d.endpoint.url;
      const ch = d.channel;
      return ch ? t.names.withPlatform(localText(ch.name, ch.name_en, lang), PLATFORM_LABELS[ch.platform][lang]) : d.endpoint.id;
    });
    if (destinations.length > 0) parts.push(t.feeds.goInstead(destinations));
  }
  const notice = registry.noticeOf(c);
  if (notice) parts.push(t.feeds.notice(notice.title));
  return t.site.joinSentences(parts);
}

export function closureTitle(c: Channel, lang: Lang): string {
  return stringsFor(lang).feeds.entryTitle(localText(c.name, c.name_en, lang), PLATFORM_LABELS[c.platform][lang], STATUS_LABELS[c.status][lang]);
}

/** The feed changed when its newest entry did; with no entry, the data's day. */
function feedUpdated(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  return entries.reduce((newest, e) => (e.updated > newest ? e.updated : newest), entries[0]?.updated ?? `${meta.dataUpdated}T00:00:00Z`);
}

export function atomFeed(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const x = escapeXml;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${stringsFor(meta.lang).locale.html}">`,
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
      ...[...new Set(e.closures.flatMap((c) => [c.channel.status, ...(c.channel.reason ? [c.channel.reason] : [])]))].map((term) => `    <category term="${x(term)}"/>`),
      `    <summary type="text">${x(e.text)}</summary>`,
      `    <content type="html">${x(e.html)}</content>`,
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
    language: stringsFor(meta.lang).feeds.language,
    authors: [{ name: meta.author, url: meta.siteUrl }],
    items: entries.map((e) => ({
      id: e.id,
      url: e.url,
      title: e.title,
      content_html: e.html,
      content_text: e.text,
      date_published: e.updated,
      date_modified: e.updated,
      tags: [...new Set(e.closures.flatMap((c) => [c.channel.status, ...(c.channel.reason ? [c.channel.reason] : [])]))],
      _registry: {
        ...(e.version ? { version: e.version } : {}),
        closures: e.closures.map(({ channel: c, url, destinations }) => ({
          channel: c.id,
          url,
          status: c.status,
          ...(c.reason ? { reason: c.reason } : {}),
          ...(c.announced ? { announced: c.announced.value } : {}),
          ...(c.closed ? { closed: c.closed.value } : {}),
          destinations,
          ...(c.notice ? { notice: c.notice } : {}),
        })),
        ...(e.more > 0 ? { more: e.more } : {}),
      },
    })),
  };
  // compact: 136 feeds of 100 items at national scale, and feed readers need no indentation
  return `${JSON.stringify(feed)}\n`;
}
