/**
 * Areas ranked by closures (or share closed) as horizontal bars, each labelled with its name
 * and value: the precise companion of the tile map, and the chart for a region's children.
 */
import { scaleLinear } from 'd3-scale';
import { max } from 'd3-array';
import type { AreaBreakdown, AreaTotals } from '../domain/aggregate/area-totals.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { areaTableColumns, areaTableRow, formatMeasure, measureName, measureOf, type AreaMeasure } from './area-measure.ts';
import { captionFor, countNoun, footer, formatCount, heading, LAYOUTS, notesBlock, assembleChart, type Chart, type ChartOptions } from './chart-frame.ts';
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

const t = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);

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
  const title = options.title ?? (measure === 'closures' ? t(lang, '关停数排名', 'Closures, ranked') : t(lang, '关停占比排名', 'Share of channels closed, ranked'));
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
  if (shown.length < ranked.length) notes.push(t(lang, `仅显示前${shown.length}名，共${ranked.length}个有记录的地区；完整数字见数据表。`, `Top ${shown.length} of ${ranked.length} areas with channels shown; the table has them all.`));
  const empty = breakdown.areas.length - ranked.length;
  if (empty) notes.push(t(lang, `${empty}个地区尚无记录，未列出。`, `${empty} areas with no channels recorded are not listed.`));
  if (breakdown.outside) notes.push(t(lang, `${formatCount(breakdown.outside)}个渠道不属于任何所列地区（如本级机构或中央机构），未计入。`, `${countNoun(breakdown.outside, 'channel belongs', 'channels belong')} to none of these areas (the level's own bodies, or central bodies) and ${breakdown.outside === 1 ? 'is' : 'are'} not counted.`));
  const nb = notesBlock(notes, y + 8, m);
  const foot = footer(caption, nb.bottom + 4, m, nb.markup);
  body += foot.markup;

  const leaders = shown.slice(0, 3).map((a) => `${nameOf(a.code)} ${formatMeasure(measureOf(a, measure), measure, lang)}`);
  const description = t(
    lang,
    `条形图：按${measureName(measure, lang)}排列的${shown.length}个地区。${leaders.length ? `最高：${leaders.join('，')}。` : ''}`,
    `Bar chart of ${shown.length} areas ranked by ${measureName(measure, lang)}.${leaders.length ? ` Highest: ${leaders.join(', ')}.` : ''}`,
  );
  return assembleChart(options, m, {
    title,
    description,
    caption,
    body,
    height: foot.bottom,
    table: { caption, columns: areaTableColumns(lang, options.areaLabel ?? t(lang, '地区', 'Area')), rows: ranked.map((a) => areaTableRow(nameOf(a.code), a, lang)), notes },
  });
}
