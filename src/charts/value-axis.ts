/** Vertical count axes: a nice linear scale over whole numbers, gridlines and tick labels. */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { GRID, MUTED_INK } from './palette.ts';
import { PathData } from './path-data.ts';
import { el, group, text } from './svg.ts';
import { formatCount } from '../format/count.ts';

/** 0 at `bottom`, a nice maximum at `top`; an empty series still gets a 0–1 axis. */
export function countScale(max: number, bottom: number, top: number, ticks: number): ScaleLinear<number, number> {
  return scaleLinear().domain([0, Math.max(max, 1)]).range([bottom, top]).nice(ticks);
}

/** Whole-number ticks only: counts of channels have no halves. */
export function countTicks(scale: ScaleLinear<number, number>, ticks: number): number[] {
  return scale.ticks(ticks).filter((t) => Number.isInteger(t));
}

/** Horizontal gridlines across [x0, x1] (one path) and labels right-aligned left of x0. */
export function countAxis(scale: ScaleLinear<number, number>, ticks: number, x0: number, x1: number, font: number): string {
  const grid = new PathData();
  let labels = '';
  for (const t of countTicks(scale, ticks)) {
    const y = scale(t);
    grid.moveTo(x0, y).lineTo(x1, y);
    labels += text(x0 - 4, y + font * 0.35, formatCount(t));
  }
  return el('path', { d: grid.toString(), stroke: GRID }) + group({ 'font-size': font, fill: MUTED_INK, 'text-anchor': 'end' }, labels);
}

/** Width the tick labels need, so the plot can start right after them. */
export function countAxisWidth(scale: ScaleLinear<number, number>, ticks: number, font: number): number {
  const longest = countTicks(scale, ticks).reduce((w, t) => Math.max(w, formatCount(t).length), 1);
  return longest * font * 0.6 + 8;
}
