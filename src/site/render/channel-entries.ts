/**
 * Channel entries as HTML: a region page's channels grouped by body, each entry anchored by
 * its id so /channels/<id>/ can land on it. Kept terse on purpose: at national scale these
 * lists are most of the site's bytes, so nothing is said twice (a live entry's status is
 * the list it is in; the platform is said once; sources are numbers into the page's list).
 */
import type { AgencyEntries, ChannelEntry } from '../views/channel-entry.ts';
import type { RecentClosure } from '../views/region-view.ts';
import { destinationsHtml } from './destinations-html.ts';
import { escapeHtml as esc } from '../../format/escape.ts';
import { attrs, localName, sentence, time } from './html.ts';

export interface EntryLabels {
  /** Text of the link to a live account's own address. */
  readonly homepage: string;
  /** Tooltip of the platform handle. */
  readonly handle: string;
  readonly notice: string;
  /** Before the channels that send their readers here ("Replaces: "). */
  readonly replaces: string;
  /** The predecessors not named: "and 4 more". */
  readonly more: (n: number) => string;
  /** "via" before the closed channels a redirect chain passes. */
  readonly via: string;
}

/**
 * Bodies with their entries: `<div class="ag">`, a `<section>` per body (one grid cell on wide
 * screens) with its name as a heading and the entries as a list. The CSS reaches the parts by
 * position (`.ag > section > ul > li`), not by class: the classes were 50 bytes a body.
 */
export function agencyGroupsHtml(groups: readonly AgencyEntries[], labels: EntryLabels, headingLevel: 3 | 4 = 3): string {
  let out = '<div class="ag">';
  for (const g of groups) {
    out += `<section><h${headingLevel}>${localName(g.agency)}</h${headingLevel}><ul>`;
    for (const e of g.entries) out += entryHtml(e, labels);
    out += '</ul></section>';
  }
  return `${out}</div>`;
}

/**
 * One entry. Bytes matter here (half a million entries, two languages), so the markup is
 * the least that keeps the meaning: the name in `<b>`, the platform in `<small>`, the
 * account's own address (link text "homepage": the address is in the href, and the handle
 * says the rest), the handle in `<code>`, sources as numbers into the page's list. Only
 * non-active entries carry a class (their status), which also colours their badge, and a
 * sentence. The entry's id is its anchor: the permalink /channels/<id>/ lands here, and the
 * address bar then shows a link to share.
 */
export function entryHtml(e: ChannelEntry, labels: EntryLabels): string {
  // an untranslated name carries its language on the <b> itself (no inner span: 26 bytes)
  const name = e.name.lang && !e.name.original ? `<b lang="${esc(e.name.lang)}">${esc(e.name.text)}</b>` : `<b>${localName(e.name)}</b>`;
  let out = `<li id="${e.anchor}"${e.status === 'active' ? '' : ` class="${e.status}"`}>${name} <small>${esc(e.platform)}</small>`;
  if (e.status !== 'active') out += ` <span class="badge">${esc(e.statusLabel)}</span>`;
  if (e.url) out += ` <a href="${esc(e.url.href)}">${esc(labels.homepage)}</a>`;
  if (e.handle) out += ` <code>${esc(e.handle)}</code>`;
  for (const n of e.sources) out += ` <a href="#s-${n}">[${n}]</a>`;
  if (e.statement) out += `<p class="statement">${sentence(e.statement)}</p>`;
  if (e.destinations.length > 0) out += destinationsHtml(e.destinations, labels.via);
  if (e.notice) out += `<p class="meta"><a href="${esc(e.notice.href)}">${esc(labels.notice)}</a></p>`;
  if (e.predecessors.length > 0) {
    out += `<p class="meta">${esc(labels.replaces)}${e.predecessors.map((p) => `<a href="${esc(p.href)}">${localName(p.name)}</a> <small>${esc(p.platform)}</small>`).join(', ')}`;
    if (e.morePredecessors > 0) out += ` ${esc(labels.more(e.morePredecessors))}`;
    out += '</p>';
  }
  if (e.notes) out += `<p class="notes"${attrs({ lang: e.notes.lang })}>${esc(e.notes.text)}</p>`;
  return `${out}</li>`;
}

/** The top of a region page: its latest closures, each a link down to its entry, and when. */
export function recentClosuresHtml(list: readonly RecentClosure[]): string {
  let out = '<ul class="recent">';
  for (const c of list) {
    out += `<li><a href="${esc(c.href)}">${localName(c.name)}</a> <small>${esc(c.platform)} · ${localName(c.agency)}`;
    if (c.date) out += ` · ${esc(c.date.prefix)} ${time(c.date)}`;
    out += '</small></li>';
  }
  return `${out}</ul>`;
}
