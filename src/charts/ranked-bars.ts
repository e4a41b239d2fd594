/**
 * Areas ranked by closures (or share closed) as horizontal bars, each labelled with its name
 * and value: the precise companion of the tile map, and the chart for a region's children.
 */
import { scaleLinear } from 'd3-scale';
import { max } from 'd3-array';
import type { AreaBreakdown, AreaTotals } from '../domain/aggregate/area-totals.ts';
import { stringsFor } from '../strings/index.ts';
import { areaTableColumns, areaTableRow, formatMeasure, measureName, measureOf, type AreaMeasure } from './area-measure.ts';
import { captionFor, footer, heading, LAYOUTS, notesBlock, assembleChart, type Chart, type ChartOptions } from './chart-frame.ts';
import { GRID, INK, SERIES } from './palette.ts';
import { PathData } from './path-data.ts';
import { el, group, text, textWidth } from './svg.ts';

export interface RankedBarsOptions extends ChartOptions {
  readonly measure?: AreaMeasure;
  /** The area's name in the page's language, e.g. from RegionIndex or the tile grid. */
  readonly nameOf: (code: string) => string;
  /** Show at most this many bars (the table always has every area). */
  readonly limit?: number;
  /** Column heading for the areas, e.g. "省级行政区" / "Province". */
  readonly areaLabel?: string;
}

/** Areas with channels, highest value first; ties by code so the order is stable. */
export function rankAreas(areas: readonly AreaTotals[], measure: AreaMeasure): AreaTotals[] {
  return areas
    .filter((a) => a.total > 0)
    .sort((a, b) => (measureOf(b, measure) ?? 0) - (measureOf(a, measure) ?? 0) || a.code.localeCompare(b.code));
}

export function rankedBars(breakdown: AreaBreakdown, options: RankedBarsOptions): Chart {
  const { lang, nameOf } = options;
  const m = LAYOUTS[options.layout ?? 'wide'];
  const measure = options.measure ?? 'closures';
  const t = stringsFor(lang).charts.ranked;
  const title = options.title ?? t.title[measure];
  const caption = captionFor(options);
  const ranked = rankAreas(breakdown.areas, measure);
  const shown = options.limit !== undefined ? ranked.slice(0, options.limit) : ranked;

  const head = heading(title, m);
  let body = head.markup;
  const rowHeight = m.font + 9;
  const labelWidth = Math.min(Math.max(...shown.map((a) => textWidth(nameOf(a.code), m.font)), 20), m.width * 0.35);
  const valueRoom = Math.max(...shown.map((a) => textWidth(formatMeasure(measureOf(a, measure), measure, lang), m.font)), 20) + 8;
  const x0 = m.margin + labelWidth + 8;
  const x1 = m.width - m.margin - valueRoom;
  const top = measure === 'share' ? 1 : Math.max(max(shown, (a) => a.closures) ?? 0, 1);
  const x = scaleLinear().domain([0, top]).range([x0, x1]);
  let y = head.bottom + 4;
  const first = y;
  let names = '';
  let bars = '';
  let values = '';
  for (const area of shown) {
    const value = measureOf(area, measure) ?? 0;
    const mid = y + rowHeight / 2;
    names += text(x0 - 8, mid + m.font * 0.35, nameOf(area.code));
    bars += el('rect', { x: x0, y: y + 3, width: Math.max(x(value) - x0, value > 0 ? 1 : 0), height: rowHeight - 6 });
    values += text(x(value) + 5, mid + m.font * 0.35, formatMeasure(value, measure, lang));
    y += rowHeight;
  }
  // Names, bars and values each share their look, written once on a group.
  body += group({ 'font-size': m.font, fill: INK }, group({ 'text-anchor': 'end' }, names) + values);
  body += group({ fill: SERIES.effective }, bars);
  body += el('path', { d: new PathData().moveTo(x0, first).lineTo(x0, Math.max(y, first + 1)).toString(), stroke: INK });
  if (measure === 'share') body += el('path', { d: new PathData().moveTo(x(1), first).lineTo(x(1), y).toString(), stroke: GRID, 'stroke-dasharray': '2 2' });

  const notes: string[] = [];
  if (shown.length < ranked.length) notes.push(t.topNote(shown.length, ranked.length));
  const empty = breakdown.areas.length - ranked.length;
  if (empty) notes.push(t.emptyNote(empty));
  if (breakdown.outside) notes.push(t.outsideNote(breakdown.outside));
  const nb = notesBlock(notes, y + 8, m);
  const foot = footer(caption, nb.bottom + 4, m, nb.markup);
  body += foot.markup;

  const leaders = shown.slice(0, 3).map((a) => `${nameOf(a.code)} ${formatMeasure(measureOf(a, measure), measure, lang)}`);
  const description = t.description(shown.length, measureName(measure, lang), leaders);
  return assembleChart(options, m, {
    title,
    description,
    caption,
    body,
    height: foot.bottom,
    table: { caption, columns: areaTableColumns(lang, options.areaLabel ?? t.area), rows: ranked.map((a) => areaTableRow(nameOf(a.code), a, lang)), notes },
  });
}
