/**
 * Channel entries as HTML: a region page's channels grouped by body, each entry anchored by
 * its id so /channels/<id>/ can land on it. Kept terse on purpose: at national scale these
 * lists are most of the site's bytes, so nothing is said twice (a live entry's status is
 * the list it is in; the platform is said once; sources are numbers into the page's list).
 */
import type { CitationView } from '../views/citations.ts';
import type { AgencyEntries, ChannelEntry } from '../views/channel-entry.ts';
import type { DestinationView } from '../views/destinations.ts';
import { attrs, esc, externalLink, localName, sentence, time } from './html.ts';

export interface EntryLabels {
  /** "Opened" before a live channel's opening date. */
  readonly opened: string;
  readonly handle: string;
  readonly notice: string;
  readonly sources: string;
  /** "via" before the closed channels a redirect chain passes. */
  readonly via: string;
  /** "Source" + number, for screen readers (the visible text is the bare number). */
  readonly sourceNumber: (n: number) => string;
}

export function agencyGroupsHtml(groups: readonly AgencyEntries[], labels: EntryLabels, headingLevel: 3 | 4 = 3): string {
  let out = '<div class="agency-groups">';
  for (const g of groups) {
    out += `<section class="agency-group"><h${headingLevel} class="agency-name">${localName(g.agency)}</h${headingLevel}><ul class="entries">`;
    for (const e of g.entries) out += entryHtml(e, labels);
    out += '</ul></section>';
  }
  return `${out}</div>`;
}

export function entryHtml(e: ChannelEntry, labels: EntryLabels): string {
  let out = `<li id="${e.anchor}" class="entry status-${e.status}"><p class="entry-head"><a class="entry-name" href="${esc(e.permalink)}">${localName(e.name)}</a> <span class="platform">${esc(e.platform)}</span>`;
  if (e.status !== 'active') out += ` <span class="badge status-${e.status}">${esc(e.statusLabel)}</span>`;
  out += '</p>';
  if (e.statement) out += `<p class="statement">${sentence(e.statement)}</p>`;
  if (e.destinations.length > 0) out += destinationsHtml(e.destinations, labels.via);
  if (e.url || e.handle) {
    out += '<p class="entry-reach">';
    if (e.url) out += externalLink(e.url.href, e.url.text);
    if (e.handle) out += `${e.url ? ' ' : ''}<span class="handle">${esc(labels.handle)} <code>${esc(e.handle)}</code></span>`;
    out += '</p>';
  }
  const meta: string[] = [];
  if (e.opened) meta.push(`${esc(labels.opened)} ${time(e.opened)}`);
  if (e.notice) meta.push(`<a href="${esc(e.notice.href)}">${esc(labels.notice)}</a>`);
  if (e.sources.length > 0) {
    meta.push(`${esc(labels.sources)} ${e.sources.map((n) => `<a href="#s-${n}" aria-label="${esc(labels.sourceNumber(n))}">${n}</a>`).join(' ')}`);
  }
  if (meta.length > 0) out += `<p class="entry-meta">${meta.join(' · ')}</p>`;
  return `${out}</li>`;
}

function destinationsHtml(destinations: readonly DestinationView[], via: string): string {
  let out = '<ul class="destinations">';
  for (const d of destinations) {
    out += '<li><span class="arrow" aria-hidden="true">→</span> ';
    out += d.external ? externalLink(d.href, d.name.text) : `<a href="${esc(d.href)}">${localName(d.name)}</a>`;
    if (d.platform) out += ` <span class="meta">${esc(d.platform)}</span>`;
    if (d.via.length > 0) out += ` <span class="via">${esc(via)} ${d.via.map((s) => `<a href="${esc(s.href)}">${localName(s.name)}</a>`).join(' → ')}</span>`;
    out += '</li>';
  }
  return `${out}</ul>`;
}

/**
 * Sources as a reference list: what, who, when, where, and an archived copy against link rot.
 * `anchored`: each item gets the id the entries' source numbers link to (s-1, s-2, …).
 */
export function sourceListHtml(citations: readonly CitationView[], archiveLabel: string, anchored = false): string {
  let out = '<ol class="citations">';
  citations.forEach((c, i) => {
    out += `<li${attrs({ id: anchored && `s-${i + 1}` })}>`;
    if (c.title) out += c.link ? externalLink(c.link.href, c.title) : `<cite>${esc(c.title)}</cite>`;
    else if (c.link) out += externalLink(c.link.href, c.link.text);
    if (c.publisher) out += ` <span class="meta">${esc(c.publisher)}</span>`;
    if (c.date) out += ` <span class="meta">${time(c.date)}</span>`;
    if (c.archive) out += ` <span class="meta">(${externalLink(c.archive.href, archiveLabel)})</span>`;
    out += '</li>';
  });
  return `${out}</ol>`;
}
