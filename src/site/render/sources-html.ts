/** A page's sources as HTML: region pages (numbered, for the entries' references), notices, prose pages. */
import type { CitationView } from '../views/citations.ts';
import { escapeHtml as esc } from '../../format/escape.ts';
import { attrs, externalLink, time } from './html.ts';

/**
 * Sources as a reference list: what (linked), then who, when and an archived copy against link
 * rot in one muted line. One renderer for region pages, notices and every other source list.
 * `anchored`: each item gets the id the entries' source numbers link to (s-1, s-2, …).
 */
export function sourceListHtml(citations: readonly CitationView[], archiveLabel: string, anchored = false): string {
  let out = '<ol class="citations">';
  citations.forEach((c, i) => {
    out += `<li${attrs({ id: anchored && `s-${i + 1}` })}>`;
    if (c.title) out += c.link ? externalLink(c.link.href, c.title) : `<cite>${esc(c.title)}</cite>`;
    else if (c.link) out += externalLink(c.link.href, c.link.text);
    const meta: string[] = [];
    if (c.publisher) meta.push(esc(c.publisher));
    if (c.date) meta.push(time(c.date));
    if (c.archive) meta.push(`(${externalLink(c.archive.href, archiveLabel)})`);
    if (meta.length > 0) out += ` <span class="meta">${meta.join(' ')}</span>`;
    out += '</li>';
  });
  return `${out}</ol>`;
}
