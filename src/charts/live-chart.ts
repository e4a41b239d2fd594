/**
 * Channels open over time: one line for all platforms, or one line per platform (the largest
 * few, the rest summed as "other platforms"). Lines differ by colour, dash pattern and a
 * direct label at their end (a legend on phones), so colour is never the only cue.
 */
import { max } from 'd3-array';
import type { LiveSeries } from '../domain/aggregate/live-series.ts';
import { PLATFORM_LABELS, type Lang } from '../domain/vocabulary.ts';
import { formatCount } from '../format/count.ts';
import { stringsFor } from '../strings/index.ts';
import {
  captionFor, footer, HALO, heading, LAYOUTS, legend, notesBlock, assembleChart,
  type Chart, type ChartOptions, type LayoutMetrics, type TableCell,
} from './chart-frame.ts';
import { GRID, INK, LINE_COLOURS, LINE_DASHES, SERIES } from './palette.ts';
import { PathData, polylinePath } from './path-data.ts';
import { el, group, text, textWidth } from './svg.ts';
import { monthLabel, monthScale, yearLabels, yearRules, yearSpans } from './time-axis.ts';
import { countAxis, countAxisWidth, countScale } from './value-axis.ts';

export interface LiveChartOptions extends ChartOptions {
  /** 'overall' draws one line; 'platforms' one per platform. */
  readonly mode?: 'overall' | 'platforms';
  /** Most platform lines before the rest are summed (default 5 wide, 3 narrow). */
  readonly maxLines?: number;
  readonly areaName?: string;
}

interface Line {
  readonly label: string;
  readonly values: readonly number[];
  readonly colour: string;
  readonly dash?: string;
  readonly width: number;
}

export function liveChart(series: LiveSeries, options: LiveChartOptions): Chart {
  const { lang } = options;
  const narrow = options.layout === 'narrow';
  const m = LAYOUTS[options.layout ?? 'wide'];
  const mode = options.mode ?? 'overall';
  const lines = mode === 'overall' ? overallLines(series, lang) : platformLines(series, lang, options.maxLines ?? (narrow ? 3 : 5));
  const t = stringsFor(lang).charts.live;
  const title = options.title ?? (mode === 'overall' ? t.overallTitle(options.areaName) : t.platformsTitle(options.areaName));
  const fixedTitle = title;
  const caption = captionFor(options);
  const notes = liveNotes(series, lang);

  const ticks = narrow ? 3 : 4;
  const plotHeight = narrow ? 170 : 240;
  const top = Math.max(...lines.map((l) => max(l.values) ?? 0), 0);
  const probe = countScale(top, plotHeight, 0, ticks);
  const x0 = m.margin + countAxisWidth(probe, ticks, m.small);
  const labelRoom = narrow ? 0 : Math.min(200, Math.max(...lines.map((l) => textWidth(`${l.label} ${formatCount(l.values[l.values.length - 1] ?? 0)}`, m.small))) + 12);
  const x1 = m.width - m.margin - labelRoom;
  const x = monthScale(series.months, x0, x1);
  const cx = (key: string) => x(key)! + x.bandwidth() / 2;
  const years = yearSpans(x);

  let body = heading(fixedTitle, m).markup;
  let y = heading(fixedTitle, m).bottom;
  if (narrow || mode === 'overall') {
    const key = legend(lines.map((l) => ({ label: l.label, colour: l.colour, shape: 'line' as const, dash: l.dash })), y, m);
    body += key.markup;
    y = key.bottom;
  }
  y += 8;
  const plotTop = y;
  const scale = countScale(top, y + plotHeight, y, ticks);
  body += yearRules(years, plotTop, y + plotHeight);
  body += countAxis(scale, ticks, x0, x1, m.small);
  const points = (values: readonly number[]) => values.map((v, i) => [cx(series.months[i]!), scale(v)] as const);
  if (mode === 'overall' && lines[0] && series.months.length > 0) {
    // The area under the line: along the values, down to zero and back along the baseline.
    const top = points(lines[0].values);
    const fill = new PathData();
    for (const [i, [px, py]] of top.entries()) {
      if (i === 0) fill.moveTo(px, py);
      else fill.lineTo(px, py);
    }
    fill.lineTo(top[top.length - 1]![0], scale(0)).lineTo(top[0]![0], scale(0)).close();
    body += el('path', { d: fill.toString(), fill: GRID, 'fill-opacity': 0.6 });
  }
  const ends: { y: number; line: Line }[] = [];
  // Draw the smallest first so the largest lines sit on top.
  for (const l of [...lines].reverse()) {
    body += el('path', { d: polylinePath(points(l.values)), fill: 'none', stroke: l.colour, 'stroke-width': l.width, 'stroke-dasharray': l.dash, 'stroke-linejoin': 'round' });
    ends.push({ y: scale(l.values[l.values.length - 1] ?? 0), line: l });
  }
  y += plotHeight;
  body += el('path', { d: new PathData().moveTo(x0, y).lineTo(x1, y).toString(), stroke: INK });
  body += yearLabels(years, y, m.small);
  if (!narrow) body += endLabels(ends, x1 + 6, m, plotTop, y);
  y += m.small + 14;
  const nb = notesBlock(notes, y, m);
  const foot = footer(caption, nb.bottom + 4, m, nb.markup);
  body += foot.markup;

  const last = series.months[series.months.length - 1] ?? '';
  const description = t.description(
    monthLabel(series.months[0] ?? last, lang),
    monthLabel(last, lang),
    lines.map((l) => ({ label: l.label, count: l.values[l.values.length - 1] ?? 0 })),
  );
  const rows: TableCell[][] = series.months.map((key, i) => [monthLabel(key, lang), ...lines.map((l) => l.values[i]!)]);
  return assembleChart(options, m, {
    title: fixedTitle,
    description,
    caption,
    body,
    height: foot.bottom,
    table: {
      caption,
      columns: [{ label: t.endOfMonth, numeric: false }, ...lines.map((l) => ({ label: l.label, numeric: true }))],
      rows,
      notes,
    },
  });
}

function overallLines(series: LiveSeries, lang: Lang): Line[] {
  return [{ label: stringsFor(lang).charts.live.allPlatforms, values: series.overall, colour: SERIES.overall, width: 2.5 }];
}

function platformLines(series: LiveSeries, lang: Lang, maxLines: number): Line[] {
  // Room for "other platforms" only when it would sum two or more platforms.
  const shown = series.platforms.length <= maxLines + 1 ? series.platforms : series.platforms.slice(0, maxLines);
  const rest = series.platforms.slice(shown.length);
  const lines: Line[] = shown.map((p, i) => ({
    label: PLATFORM_LABELS[p.platform][lang],
    values: p.values,
    colour: LINE_COLOURS[i % LINE_COLOURS.length]!,
    dash: LINE_DASHES[i % LINE_DASHES.length],
    width: 2,
  }));
  if (rest.length > 0) {
    const values = series.months.map((_, i) => rest.reduce((s, p) => s + p.values[i]!, 0));
    const i = lines.length;
    lines.push({ label: stringsFor(lang).charts.live.otherPlatforms(rest.length), values, colour: LINE_COLOURS[i % LINE_COLOURS.length]!, dash: LINE_DASHES[i % LINE_DASHES.length], width: 2 });
  }
  return lines;
}

/** Labels at the lines' right ends, pushed apart so none overlap. */
function endLabels(ends: { y: number; line: Line }[], x: number, m: LayoutMetrics, top: number, bottom: number): string {
  const gap = m.small + 3;
  const placed = [...ends].sort((a, b) => a.y - b.y).map((e) => ({ ...e, at: e.y }));
  for (let i = 1; i < placed.length; i++) placed[i]!.at = Math.max(placed[i]!.at, placed[i - 1]!.at + gap);
  const overflow = placed.length ? placed[placed.length - 1]!.at - bottom : 0;
  if (overflow > 0) for (const p of placed) p.at = Math.max(top, p.at - overflow);
  for (let i = placed.length - 2; i >= 0; i--) placed[i]!.at = Math.min(placed[i]!.at, placed[i + 1]!.at - gap);
  let leaders = '';
  let labels = '';
  for (const p of placed) {
    leaders += el('path', { d: new PathData().moveTo(x - 6, p.y).lineTo(x - 1, p.at).toString(), stroke: p.line.colour });
    const value = p.line.values[p.line.values.length - 1] ?? 0;
    labels += text(x, p.at + m.small * 0.35, `${p.line.label} ${formatCount(value)}`);
  }
  return leaders + group({ 'font-size': m.small, fill: INK, ...HALO }, labels);
}

function liveNotes(series: LiveSeries, lang: Lang): string[] {
  const t = stringsFor(lang).charts.live;
  const notes = [t.countingNote];
  if (series.openedUnknown) notes.push(t.openedUnknown(series.openedUnknown));
  if (series.closedUnknown) notes.push(t.closedUnknown(series.closedUnknown));
  return notes;
}
