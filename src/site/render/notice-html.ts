/**
 * A notice page's content as HTML (everything inside <main>): the page template only adds the
 * frame. About 3,000 notices × 2 languages at national scale, so the markup is kept to what
 * the page says: the body, the channels it closes (name, platform, status, date, where to go
 * instead; the agency only when it is not the issuer) and the sources.
 */
import type { ChannelSummary } from '../views/channel-summary.ts';
import type { NoticePageView } from '../views/notice-view.ts';
import { destinationsHtml } from './destinations-html.ts';
import { noticeBodyHtml } from './notice-body-html.ts';
import { sourceListHtml } from './sources-html.ts';
import { escapeHtml as esc } from '../../format/escape.ts';
import { localName, time } from './html.ts';

/** The notice page's content: the facts, the body (rendered from its checked tree), the channels, the sources. */
export function noticePageHtml(view: NoticePageView): string {
  const t = view.labels;
  const lang = view.lang ? ` lang="${esc(view.lang)}"` : '';
  let out = `<p class="kicker">${esc(t.kicker)}</p><h1 class="notice-heading"${lang}>${esc(view.title)}</h1>`;
  out += `<dl class="facts"><dt>${esc(t.issuer)}</dt><dd${lang}>${esc(view.issuer)}</dd>`;
  if (view.announced) out += `<dt>${esc(t.published)}</dt><dd>${time(view.announced)}</dd>`;
  if (view.effective) out += `<dt>${esc(t.effective)}</dt><dd>${time(view.effective)}</dd>`;
  out += '</dl>';
  out += `<section class="notice" aria-labelledby="notice-body"><h2 id="notice-body">${esc(view.kindLabel)}</h2>`;
  if (view.languageNote) out += `<p class="meta">${esc(view.languageNote)}</p>`;
  out += `<div class="notice-body" lang="${esc(view.bodyLang)}">${noticeBodyHtml(view.body)}</div></section>`;
  out += `<section aria-labelledby="closes"><h2 id="closes">${esc(t.closes)}</h2><ul class="channel-list">`;
  for (const c of view.channels) out += channelHtml(c, view.issuer, t.via);
  out += '</ul></section>';
  out += `<section aria-labelledby="sources"><h2 id="sources">${esc(t.sources)}</h2>${sourceListHtml(view.sources, t.archive)}</section>`;
  return out;
}

function channelHtml(c: ChannelSummary, issuer: string, via: string): string {
  let out = `<li><a class="channel-name" href="${esc(c.href)}">${localName(c.name)}</a> <span class="meta"><span>${esc(c.platform)}</span><span class="badge status-${c.status}">${esc(c.statusLabel)}</span>`;
  if (c.date) out += `<span>${esc(c.date.prefix)} ${time(c.date)}</span>`;
  // Most notices are issued by the channel's own body, which the facts above already name.
  if (c.agency.text !== issuer && c.agency.original !== issuer) out += `<span>${localName(c.agency)}</span>`;
  out += '</span>';
  if (c.destinations.length > 0) out += destinationsHtml(c.destinations, via);
  return `${out}</li>`;
}

