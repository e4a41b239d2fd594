/**
 * What every chart shares: its options, the returned shape (SVG plus the same numbers as a
 * table), the outer <svg> with its accessible name, layouts for wide and phone screens,
 * legends and the caption naming the data's source and date.
 */
import { dayOf, formatDate } from '../domain/approx-date.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { BACKGROUND, INK, MUTED_INK } from './palette.ts';
import { PathData } from './path-data.ts';
import { escapeXml } from '../format/escape.ts';
import { stringsFor } from '../strings/index.ts';
import { el, group, idPart, num, paragraph, textWidth, text } from './svg.ts';

export type ChartLayout = 'wide' | 'narrow';

export interface ChartOptions {
  /** Unique on the page; every id inside the SVG derives from it. */
  readonly id: string;
  readonly lang: Lang;
  /** 'wide' (760 units) for desktop, 'narrow' (360 units) drawn for a phone's width. */
  readonly layout?: ChartLayout;
  /** Where the numbers come from, e.g. "Registry data, version 3c29a91". */
  readonly source: string;
  /** The day the data describes, YYYY-MM-DD. */
  readonly asOf: string;
  /** Replaces the default title. */
  readonly title?: string;
}

export type TableCell = string | number;

export interface DataTable {
  readonly caption: string;
  readonly columns: readonly { readonly label: string; readonly numeric: boolean }[];
  readonly rows: readonly (readonly TableCell[])[];
  /** Sentences to print under the table: what could not be placed, how counts were made. */
  readonly notes: readonly string[];
}

export interface Chart {
  readonly id: string;
  readonly title: string;
  /** One-paragraph summary, also the SVG's <desc>. */
  readonly description: string;
  /** Source and date, also printed inside the SVG. */
  readonly caption: string;
  readonly svg: string;
  readonly table: DataTable;
}

export interface LayoutMetrics {
  readonly width: number;
  readonly margin: number;
  readonly font: number;
  readonly small: number;
  readonly titleFont: number;
}

export const LAYOUTS: Record<ChartLayout, LayoutMetrics> = {
  wide: { width: 760, margin: 16, font: 12, small: 11, titleFont: 17 },
  narrow: { width: 360, margin: 10, font: 11.5, small: 10.5, titleFont: 15 },
};

// Unquoted: family names made of plain words need no quotes in CSS, and quotes in an
// attribute come out as &apos; entities, 40 bytes on every chart.
const FONT_STACK = 'Noto Sans CJK SC,Source Han Sans SC,PingFang SC,Microsoft YaHei,system-ui,sans-serif';

export function captionFor(options: ChartOptions): string {
  return stringsFor(options.lang).charts.caption(options.source, formatDate(dayOf(options.asOf), options.lang));
}

/** A white outline behind text so gridlines and rules never run through it. */
export const HALO = { stroke: BACKGROUND, 'stroke-width': 3, 'stroke-linejoin': 'round', 'paint-order': 'stroke' } as const;

export function formatShare(share: number | undefined, lang: Lang): string {
  if (share === undefined) return stringsFor(lang).charts.noShare;
  return `${num(Math.round(share * 1000) / 10)}%`;
}

/** The title block at the top: returns markup and the y where the chart body may start. */
export function heading(title: string, m: LayoutMetrics): { markup: string; bottom: number } {
  const block = paragraph(m.margin, m.margin + m.titleFont, title, m.width - 2 * m.margin, m.titleFont, { 'font-size': m.titleFont, 'font-weight': 700, fill: INK });
  return { markup: block.markup, bottom: m.margin + block.height + 6 };
}

/**
 * The caption block at the bottom, in muted text with the notes above it (`notes`: notesBlock
 * markup, which takes its look from here); returns markup and the y below it.
 */
export function footer(caption: string, top: number, m: LayoutMetrics, notes = ''): { markup: string; bottom: number } {
  const block = paragraph(m.margin, top + m.small, caption, m.width - 2 * m.margin, m.small);
  return { markup: group({ 'font-size': m.small, fill: MUTED_INK }, notes + block.markup), bottom: top + block.height + m.margin };
}

/** Wrapped notes, one paragraph each, for footer() to draw (it sets their size and colour). */
export function notesBlock(notes: readonly string[], top: number, m: LayoutMetrics): { markup: string; bottom: number } {
  let y = top;
  let markup = '';
  for (const note of notes) {
    const block = paragraph(m.margin, y + m.small, note, m.width - 2 * m.margin, m.small);
    markup += block.markup;
    y += block.height + 3;
  }
  return { markup, bottom: y };
}

export interface LegendItem {
  readonly label: string;
  readonly colour: string;
  readonly shape: 'bar' | 'line' | 'band';
  readonly dash?: string;
}

/** Legend entries laid out left to right, wrapping to new rows. */
export function legend(items: readonly LegendItem[], top: number, m: LayoutMetrics): { markup: string; bottom: number } {
  const rowHeight = m.font + 8;
  let x = m.margin;
  let y = top;
  let markup = '';
  for (const item of items) {
    const w = 22 + textWidth(item.label, m.font) + 14;
    if (x > m.margin && x + w > m.width - m.margin) {
      x = m.margin;
      y += rowHeight;
    }
    const mid = y + rowHeight / 2;
    if (item.shape === 'bar') markup += el('rect', { x, y: mid - 6, width: 16, height: 12, fill: item.colour });
    else if (item.shape === 'band') markup += el('rect', { x, y: mid - 6, width: 16, height: 12, fill: item.colour, stroke: MUTED_INK, 'stroke-width': 0.75 });
    else markup += el('path', { d: new PathData().moveTo(x, mid).lineTo(x + 16, mid).toString(), stroke: item.colour, 'stroke-width': 2.5, 'stroke-dasharray': item.dash });
    markup += text(x + 22, mid + m.font * 0.36, item.label);
    x += w;
  }
  return { markup: group({ 'font-size': m.font, fill: INK }, markup), bottom: y + rowHeight };
}

/** A finished chart: the SVG framed around its body, with the texts and table pages print. */
export function assembleChart(
  options: ChartOptions,
  m: LayoutMetrics,
  parts: { title: string; description: string; caption: string; body: string; height: number; table: DataTable },
): Chart {
  return {
    id: options.id,
    title: parts.title,
    description: parts.description,
    caption: parts.caption,
    svg: svgFrame(options, m, parts.height, parts.title, parts.description, parts.body),
    table: parts.table,
  };
}

/** The outer element: responsive (viewBox, 100% wide), named by its <title> and <desc>. */
export function svgFrame(options: ChartOptions, m: LayoutMetrics, height: number, title: string, description: string, body: string): string {
  const titleId = idPart(options.id, 'title');
  const descId = idPart(options.id, 'desc');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg"${attrsInline({
      id: idPart(options.id, 'svg'),
      viewBox: `0 0 ${num(m.width)} ${num(height)}`,
      width: '100%',
      role: 'img',
      'aria-labelledby': `${titleId} ${descId}`,
      lang: stringsFor(options.lang).locale.html,
      'font-family': FONT_STACK,
    })}>` +
    `<title id="${titleId}">${escapeXml(title)}</title><desc id="${descId}">${escapeXml(description)}</desc>` +
    el('rect', { width: m.width, height, fill: BACKGROUND }) +
    body +
    '</svg>'
  );
}

function attrsInline(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
}
