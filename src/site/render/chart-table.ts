/**
 * A chart's numbers as an accessible table, with its notes, as a string. A county's table is a
 * hundred rows on each of thousands of pages, so each cell is written as little as HTML allows:
 * no class (charts.css aligns the number columns, every column after the first unless marked
 * "text"), no scope on the row headers (a <th> opening a row of a simple table is its row header
 * by HTML's own rule; the column headers keep scope="col"), and no end tags the parser infers
 * (</td>, </th>, </tr>, </li>), as in the closures table. The scroll wrapper is focusable and
 * labelled so keyboard users can scroll a wide table (WCAG scrollable-region-focusable).
 */
import type { ChartView } from '../views/chart-view.ts';
import { escapeHtml as esc } from '../../format/escape.ts';

export function chartTableHtml(chart: ChartView): string {
  const { columns, notes } = chart.table;
  // Only a text column after the first needs saying so: numbers are the rule.
  const text = columns.map((c, i) => (i > 0 && !c.numeric ? ' class="text"' : ''));
  let html = `<div class="table-scroll" tabindex="0" role="region" aria-label="${esc(chart.title)}"><table class="data-table"><caption>${esc(chart.title)}</caption>`;
  html += `<thead><tr>${columns.map((c, i) => `<th scope="col"${text[i]}>${esc(c.label)}</th>`).join('')}</tr></thead><tbody>`;
  for (const row of chart.tableRows) {
    html += '<tr>';
    for (const [i, cell] of row.entries()) html += i === 0 ? `<th>${esc(cell)}` : `<td${text[i] ?? ''}>${esc(cell)}`;
  }
  html += '</tbody></table></div>';
  if (notes.length > 0) html += `<ul class="chart-notes">${notes.map((n) => `<li>${esc(n)}`).join('')}</ul>`;
  return html;
}
