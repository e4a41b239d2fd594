/**
 * What a page tells link previews and feed readers: Open Graph tags (no images: nothing is
 * fetched from anywhere else) and the closure feeds in the page's language.
 */
import { escapeHtml } from '../../format/escape.ts';
import { localePath } from '../../routes/routes.ts';
import { stringsFor } from '../../strings/index.ts';
import { otherLang, type PageContext } from '../i18n.ts';

export interface MetaView {
  readonly og: readonly { readonly property: string; readonly content: string }[];
  readonly feeds: readonly { readonly type: string; readonly title: string; readonly href: string }[];
}

export interface MetaInput {
  readonly ctx: PageContext;
  readonly siteName: string;
  readonly title: string;
  readonly description: string;
  /** Absolute canonical URL; absent for pages that are not indexed. */
  readonly url?: string;
  /** The province, when the page is a province with closures: its own feeds are offered too, by its name. */
  readonly provinceFeed?: { readonly code: string; readonly name: string };
}

/** The province whose feeds a page offers: a province page ("/regions/370000/") with closures, named in the page's language. */
export function provinceFeedFor(route: string, closuresIn: (code: string) => number, nameOf: (code: string) => string | undefined): MetaInput['provinceFeed'] {
  const code = /^\/regions\/(\d{2}0000)\/$/.exec(route)?.[1];
  return code && code !== '100000' && closuresIn(code) > 0 ? { code, name: nameOf(code) ?? code } : undefined;
}

export function metaView({ ctx, siteName, title, description, url, provinceFeed }: MetaInput): MetaView {
  const prefix = localePath(ctx, '/');
  const feedTitle = stringsFor(ctx.lang).feeds.linkTitle(siteName);
  return {
    og: [
      { property: 'og:type', content: 'website' },
      { property: 'og:site_name', content: siteName },
      { property: 'og:title', content: title },
      { property: 'og:description', content: description },
      ...(url ? [{ property: 'og:url', content: url }] : []),
      { property: 'og:locale', content: stringsFor(ctx.lang).site.ogLocale },
      { property: 'og:locale:alternate', content: stringsFor(otherLang(ctx.lang)).site.ogLocale },
    ],
    feeds: [
      { type: 'application/atom+xml', title: feedTitle, href: `${prefix}feed.xml` },
      { type: 'application/feed+json', title: feedTitle, href: `${prefix}feed.json` },
      ...(provinceFeed
        ? [
            { type: 'application/atom+xml', title: `${feedTitle} · ${provinceFeed.name}`, href: `${prefix}feeds/${provinceFeed.code}.xml` },
            { type: 'application/feed+json', title: `${feedTitle} · ${provinceFeed.name}`, href: `${prefix}feeds/${provinceFeed.code}.json` },
          ]
        : []),
    ],
  };
}

/**
 * The tags as HTML, every attribute fully escaped (a channel named "<script>…" stays text,
 * not even a tag-like string inside an attribute).
 */
export function metaHtml(view: MetaView): string {
  return [
    ...view.og.map((m) => `<meta property="${escapeHtml(m.property)}" content="${escapeHtml(m.content)}">`),
    ...view.feeds.map((f) => `<link rel="alternate" type="${escapeHtml(f.type)}" title="${escapeHtml(f.title)}" href="${escapeHtml(f.href)}">`),
  ].join('\n');
}
