/**
 * Closures by province as a tile-grid map: one square per province-level division in the
 * fixed layout of china-tile-grid.ts, shaded in five classes and always printing its number,
 * so the map reads without colour. Provinces without channels stay white and say so.
 */
import { scaleQuantize } from 'd3-scale';
import { max } from 'd3-array';
import type { AreaBreakdown } from '../domain/aggregate/area-totals.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { formatCount } from '../format/count.ts';
import { stringsFor } from '../strings/index.ts';
import { localText } from '../strings/local-name.ts';
import { areaTableColumns, areaTableRow, formatMeasure, measureName, measureOf, type AreaMeasure } from './area-measure.ts';
import { captionFor, footer, heading, LAYOUTS, notesBlock, assembleChart, type Chart, type ChartOptions, type LayoutMetrics } from './chart-frame.ts';
import { CHINA_TILE_GRID, TILE_COLUMNS, TILE_ROWS, tileOf } from './china-tile-grid.ts';
import { inkOn, INK, MUTED_INK, NO_DATA_FILL, SEQUENTIAL } from './palette.ts';
import { el, group, text, textWidth } from './svg.ts';

export interface TileMapOptions extends ChartOptions {
  readonly measure?: AreaMeasure;
}

export function provinceTileMap(breakdown: AreaBreakdown, options: TileMapOptions): Chart {
  const { lang } = options;
  const narrow = options.layout === 'narrow';
  const m = LAYOUTS[options.layout ?? 'wide'];
  const measure = options.measure ?? 'closures';
  const t = stringsFor(lang).charts.tileMap;
  const title = options.title ?? t.title[measure];
  const caption = captionFor(options);
  const byCode = new Map(breakdown.areas.map((a) => [a.code, a] as const));

  const values = breakdown.areas.map((a) => measureOf(a, measure)).filter((v): v is number => v !== undefined);
  const top = measure === 'share' ? Math.max(max(values) ?? 0, 0.01) : Math.max(max(values) ?? 0, SEQUENTIAL.length);
  const colour = scaleQuantize<string>().domain([0, top]).nice(SEQUENTIAL.length).range([...SEQUENTIAL]);
  const thresholds = [0, ...colour.thresholds(), colour.domain()[1]!];

  const head = heading(title, m);
  let body = head.markup;
  const legendWidth = narrow ? 0 : 150;
  const gap = 4;
  const tile = Math.floor(Math.min((m.width - 2 * m.margin - legendWidth - gap * (TILE_COLUMNS - 1)) / TILE_COLUMNS, 74));
  const gridLeft = m.margin;
  const gridTop = head.bottom + 6;
  // Tiles, names and numbers each share their look on a group; a tile states only what differs.
  const valueSize = m.font + 2;
  let tiles = '';
  let names = '';
  let numbers = '';
  for (const pos of CHINA_TILE_GRID) {
    const area = byCode.get(pos.code);
    const value = area ? measureOf(area, measure) : undefined;
    const hasData = area !== undefined && area.total > 0 && value !== undefined;
    const fill = hasData ? colour(value) : NO_DATA_FILL;
    const ink = hasData ? inkOn(fill) : MUTED_INK;
    const x = gridLeft + pos.col * (tile + gap);
    const y = gridTop + pos.row * (tile + gap);
    // Phones get ISO abbreviations in English; wide tiles shrink a long name to fit.
    const name = localText(pos.zh, narrow ? pos.abbr : pos.en, lang);
    const nameFont = Math.max(8, Math.min(m.small, ((tile - 6) / textWidth(name, m.small)) * m.small));
    tiles += el('rect', { x, y, width: tile, height: tile, rx: 3, fill, stroke: hasData ? undefined : MUTED_INK, 'stroke-dasharray': hasData ? undefined : '3 2' });
    const inkAttr = ink === INK ? undefined : ink;
    names += text(x + tile / 2, y + tile * 0.36, name, { 'font-size': nameFont < m.small ? nameFont : undefined, fill: inkAttr });
    const label = hasData ? formatMeasure(value, measure, lang) : '—';
    const valueFont = Math.min(valueSize, ((tile - 6) / Math.max(textWidth(label, valueSize), 1)) * valueSize);
    numbers += text(x + tile / 2, y + tile * 0.74, label, { 'font-size': valueFont < valueSize ? valueFont : undefined, fill: inkAttr });
  }
  body += tiles;
  body += group({ fill: INK, 'text-anchor': 'middle' }, group({ 'font-size': m.small }, names) + group({ 'font-size': valueSize, 'font-weight': 700 }, numbers));
  const gridBottom = gridTop + TILE_ROWS * (tile + gap);
  const legendX = narrow ? m.margin : gridLeft + TILE_COLUMNS * (tile + gap) + 12;
  const legendTop = narrow ? gridBottom + 4 : gridTop + 2 * (tile + gap);
  const key = classLegend(thresholds, measure, lang, legendX, legendTop, m, narrow);
  body += key.markup;

  const notes = tileNotes(breakdown, lang);
  const nb = notesBlock(notes, Math.max(gridBottom, key.bottom) + 6, m);
  const foot = footer(caption, nb.bottom + 4, m, nb.markup);
  body += foot.markup;

  const ranked = [...breakdown.areas].filter((a) => a.total > 0).sort((a, b) => (measureOf(b, measure) ?? 0) - (measureOf(a, measure) ?? 0));
  const leaders = ranked.slice(0, 3).map((a) => `${nameOf(a.code, lang)} ${formatMeasure(measureOf(a, measure), measure, lang)}`);
  const description = t.description(measureName(measure, lang), leaders, ranked.length);
  const rows = breakdown.areas.map((a) => areaTableRow(nameOf(a.code, lang), a, lang));
  return assembleChart(options, m, {
    title,
    description,
    caption,
    body,
    height: foot.bottom,
    table: { caption, columns: areaTableColumns(lang, t.province), rows, notes },
  });
}

function nameOf(code: string, lang: Lang): string {
  const pos = tileOf(code);
  return pos ? localText(pos.zh, pos.en, lang) : code;
}

function classLegend(thresholds: number[], measure: AreaMeasure, lang: Lang, x: number, top: number, m: LayoutMetrics, narrow: boolean) {
  let markup = text(x, top + m.small, measureName(measure, lang), { 'font-size': m.small, 'font-weight': 700, fill: INK });
  let y = top + m.small + 6;
  const swatch = 14;
  const entries: { fill: string; label: string; dashed: boolean }[] = SEQUENTIAL.map((fill, i) => ({ fill, label: rangeLabel(thresholds[i]!, thresholds[i + 1]!, i === SEQUENTIAL.length - 1, measure), dashed: false }));
  entries.push({ fill: NO_DATA_FILL, label: stringsFor(lang).charts.tileMap.noChannels, dashed: true });
  let cx = x;
  for (const e of entries) {
    const w = swatch + 6 + textWidth(e.label, m.small) + 12;
    if (narrow && cx > x && cx + w > m.width - m.margin) {
      cx = x;
      y += swatch + 6;
    }
    markup += el('rect', { x: cx, y, width: swatch, height: swatch, rx: 2, fill: e.fill, stroke: e.dashed ? MUTED_INK : 'none', 'stroke-dasharray': e.dashed ? '3 2' : undefined });
    markup += text(cx + swatch + 6, y + swatch * 0.8, e.label, { 'font-size': m.small, fill: INK });
    if (narrow) cx += w;
    else y += swatch + 6;
  }
  return { markup, bottom: narrow ? y + swatch + 6 : y };
}

function rangeLabel(from: number, to: number, last: boolean, measure: AreaMeasure): string {
  if (measure === 'share') {
    const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;
    return last ? `≥ ${pct(from)}` : `${pct(from)}–${pct(to)}`;
  }
  // Counts are whole numbers: a class [20, 40) holds 20–39.
  const lo = Math.ceil(from);
  const hi = Math.ceil(to) - 1;
  if (last) return `≥ ${formatCount(lo)}`;
  return hi <= lo ? formatCount(lo) : `${formatCount(lo)}–${formatCount(hi)}`;
}

function tileNotes(breakdown: AreaBreakdown, lang: Lang): string[] {
  const t = stringsFor(lang).charts.tileMap;
  const notes: string[] = [];
  const empty = breakdown.areas.filter((a) => a.total === 0).length;
  if (empty) notes.push(t.emptyNote(empty));
  if (breakdown.outside) notes.push(t.outsideNote(breakdown.outside));
  return notes;
}
