/**
 * Closure notices: the notice's own page (its text or a summary of it, the channels it
 * closes, who issued it and when, and where it was found), and the short form a channel page
 * shows with a link to that page.
 */
import type { Root } from 'mdast';
import type { NoticeRecord } from '../../domain/load.ts';
import type { Registry } from '../../domain/model.ts';
import { noticePlainText } from '../../domain/notice-markdown.ts';
import type { PageContext } from '../i18n.ts';
import { stringsFor } from '../../strings/index.ts';
import { localePath, routes } from '../../routes/routes.ts';
import { channelSummary, type ChannelSummary } from './channel-summary.ts';
import { citationView, type CitationView } from './citations.ts';
import { optionalDate, type DateView } from './dates.ts';

export interface NoticeSummaryView {
  /** Slug in the notices collection. */
  readonly slug: string;
  /** The notice's own page. */
  readonly href: string;
  readonly title: string;
  readonly issuer: string;
  readonly announced?: DateView;
  readonly effective?: DateView;
  /** "Text of the notice" or "Summary of the notice": what the body is. */
  readonly kindLabel: string;
  /** HTML lang of the title, issuer and body, when not the page's language. */
  readonly lang?: string;
  /** The start of the body as plain text. */
  readonly excerpt: string;
  /** The link's text: "read the whole notice" or "read the summary". */
  readonly readLabel: string;
}

export interface NoticePageView extends NoticeSummaryView {
  /** The body as the checked CommonMark tree (rendered by render/notice-body-html.ts). */
  readonly body: Root;
  /** HTML lang of the body, always set (the rendered Markdown goes in an element with it). */
  readonly bodyLang: string;
  /** "The notice is in Chinese…" on pages in the other language. */
  readonly languageNote?: string;
  readonly channels: readonly ChannelSummary[];
  readonly sources: readonly CitationView[];
  /** The page's short description (search results, link previews): who closed what, when. */
  readonly description: string;
  readonly labels: NoticeLabels;
}

export interface NoticeLabels {
  readonly kicker: string;
  readonly issuer: string;
  readonly published: string;
  readonly effective: string;
  readonly closes: string;
  readonly sources: string;
  readonly archive: string;
  readonly via: string;
}

/** Characters of the body a channel page shows: about two lines on a phone. */
const EXCERPT_LENGTH = { zh: 90, en: 220 } as const;
/**
 * Characters of the body in the page's description, which the page head carries twice (meta
 * and Open Graph): what a search result shows, no more; the body is on the page anyway.
 */
const DESCRIPTION_LENGTH = { zh: 40, en: 100 } as const;

export function noticeSummary(notice: NoticeRecord, ctx: PageContext): NoticeSummaryView {
  const t = stringsFor(ctx.lang);
  const bodyLang = stringsFor(notice.lang).locale.html;
  return {
    slug: notice.slug,
    href: localePath(ctx, routes.notice(notice.slug)),
    title: notice.title,
    issuer: notice.issuer,
    announced: optionalDate(notice.announced, ctx.lang),
    effective: optionalDate(notice.effective, ctx.lang),
    kindLabel: notice.kind === 'text' ? t.channel.noticeText : t.channel.noticeSummary,
    lang: notice.lang === ctx.lang ? undefined : bodyLang,
    excerpt: excerpt(noticePlainText(notice.bodyTree), EXCERPT_LENGTH[notice.lang]),
    readLabel: notice.kind === 'text' ? t.channel.readNotice : t.channel.readSummary,
  };
}

export function noticePageView(registry: Registry, slug: string, ctx: PageContext): NoticePageView {
  const notice = registry.notices.get(slug);
  if (!notice) throw new Error(`no notice ${slug}`);
  const t = stringsFor(ctx.lang);
  return {
    ...noticeSummary(notice, ctx),
    body: notice.bodyTree,
    bodyLang: stringsFor(notice.lang).locale.html,
    languageNote: notice.lang === ctx.lang ? undefined : t.notice.otherLanguage,
    channels: notice.channels.flatMap((id) => {
      const c = registry.channelsById.get(id);
      return c ? [channelSummary(registry, c, ctx, { withRegion: true })] : [];
    }),
    sources: registry.citations(notice.source).map((c) => citationView(c, ctx.lang)),
    description: excerpt(noticePlainText(notice.bodyTree), DESCRIPTION_LENGTH[notice.lang]),
    labels: {
      kicker: t.notice.label,
      issuer: t.channel.issuer,
      published: t.notice.published,
      effective: t.channel.effective,
      closes: t.notice.closes,
      sources: t.channel.sources,
      archive: t.channel.archive,
      via: t.channel.via,
    },
  };
}

/**
 * The first `max` characters or fewer, ending at a sentence's end when one falls in the
 * second half, else cut with an ellipsis.
 */
export function excerpt(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max).join('');
  const ends = [...head.matchAll(/[。！？；!?](?=.)|[.;](?=\s)/gu)];
  const last = ends[ends.length - 1];
  if (last?.index !== undefined && [...head.slice(0, last.index)].length >= max / 2) return head.slice(0, last.index + 1);
  return `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
