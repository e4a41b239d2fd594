/**
 * SVG path data, written short. A county's timeline is two hundred months, mostly zero: drawn
 * point by point its step line alone was 5 kB of "L25.91,248.75L25.91,248.75…", repeated on
 * thousands of pages. Here a straight run along an axis is one H or V however many points it
 * passes (a segment continuing the previous one in the same direction extends it), segments of
 * no length are dropped, and each command is written absolute or relative, whichever is
 * shorter. Coordinates are rounded as every other number in the SVG (svg.ts), and relative
 * steps are taken between rounded points, so no rounding error accumulates along the path.
 *
 * Gridlines and ticks are drawn as such paths too, one per stroke, with no fill="none": a
 * subpath that is one straight segment encloses nothing to fill.
 */
import { num, round } from './svg.ts';

type Point = readonly [number, number];

/** The last straight run along an axis, held back until the path turns (so it can grow). */
interface Run {
  readonly axis: 'H' | 'V';
  /** Where the run began, along its axis. */
  readonly from: number;
}

export class PathData {
  private d = '';
  private x = 0;
  private y = 0;
  private startX = 0;
  private startY = 0;
  private run: Run | undefined;

  moveTo(x: number, y: number): this {
    this.flush();
    const [rx, ry] = [round(x), round(y)];
    // A path must open with an absolute move; later ones are relative to the current point.
    this.d += this.d === '' ? `M${pair(rx, ry)}` : shorter(`M${pair(rx, ry)}`, `m${pair(rx - this.x, ry - this.y)}`);
    this.x = this.startX = rx;
    this.y = this.startY = ry;
    return this;
  }

  lineTo(x: number, y: number): this {
    const [rx, ry] = [round(x), round(y)];
    if (rx === this.x && ry === this.y) return this;
    const axis = ry === this.y ? 'H' : rx === this.x ? 'V' : undefined;
    if (axis && this.run?.axis === axis && sameDirection(this.run.from, axis === 'H' ? this.x : this.y, axis === 'H' ? rx : ry)) {
      // collinear with the held-back run: the run now ends further on
    } else {
      this.flush();
      if (axis) this.run = { axis, from: axis === 'H' ? this.x : this.y };
      else this.d += shorter(`L${pair(rx, ry)}`, `l${pair(rx - this.x, ry - this.y)}`);
    }
    this.x = rx;
    this.y = ry;
    return this;
  }

  /** Back to the subpath's start (filled shapes). */
  close(): this {
    this.flush();
    this.d += 'Z';
    this.x = this.startX;
    this.y = this.startY;
    return this;
  }

  toString(): string {
    this.flush();
    return this.d;
  }

  private flush(): void {
    if (!this.run) return;
    const { axis, from } = this.run;
    const to = axis === 'H' ? this.x : this.y;
    this.d += shorter(`${axis}${num(to)}`, `${axis.toLowerCase()}${num(to - from)}`);
    this.run = undefined;
  }
}

/**
 * A step line as d3's curveStepAfter draws it (each value held until the next point's x), but
 * with only its corners: `M x y H x V y …`. Points must be in order of x.
 */
export function stepAfterPath(points: readonly Point[]): string {
  const first = points[0];
  if (!first) return '';
  const path = new PathData().moveTo(first[0], first[1]);
  for (let i = 1; i < points.length; i++) {
    const [x, y] = points[i]!;
    path.lineTo(x, points[i - 1]![1]).lineTo(x, y);
  }
  return path.toString();
}

/** A polyline through the points, straight runs merged (see PathData). */
export function polylinePath(points: readonly Point[]): string {
  const first = points[0];
  if (!first) return '';
  const path = new PathData().moveTo(first[0], first[1]);
  for (const [x, y] of points.slice(1)) path.lineTo(x, y);
  return path.toString();
}

export interface Bar {
  readonly left: number;
  readonly right: number;
  readonly top: number;
}

/**
 * Bars standing on one baseline (in order of x), each run of abutting bars drawn as one
 * outline: a skyline whose equal neighbours merge, instead of four sides for every bar.
 */
export function barsPath(bars: readonly Bar[], bottom: number): string {
  const path = new PathData();
  let right: number | undefined;
  for (const bar of bars) {
    if (right === undefined || round(bar.left) !== round(right)) {
      if (right !== undefined) path.lineTo(right, bottom).close();
      path.moveTo(bar.left, bottom);
    }
    path.lineTo(bar.left, bar.top).lineTo(bar.right, bar.top);
    right = bar.right;
  }
  if (right !== undefined) path.lineTo(right, bottom).close();
  return path.toString();
}

function sameDirection(from: number, at: number, to: number): boolean {
  return Math.sign(at - from) === Math.sign(to - at);
}

/** "x y", or "x-y": a minus sign separates numbers by itself. */
function pair(x: number, y: number): string {
  const b = num(y);
  return `${num(x)}${b.startsWith('-') ? '' : ' '}${b}`;
}

function shorter(absolute: string, relative: string): string {
  return relative.length < absolute.length ? relative : absolute;
}
