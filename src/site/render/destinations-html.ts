/** Where to go instead of a closed channel, as HTML: on its entry and on its notice page. */
import type { DestinationView } from '../views/destinations.ts';
import { escapeHtml as esc } from '../../format/escape.ts';
import { externalLink, localName } from './html.ts';

/** Where to go instead, a line each: the live destination, its platform, the closed channels passed through. */
export function destinationsHtml(destinations: readonly DestinationView[], via: string): string {
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
