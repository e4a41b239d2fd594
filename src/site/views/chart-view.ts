/**
 * A chart as a page shows it: the same figure built twice, for wide screens and for phones
 * (CSS shows one), with its title, caption, notes and the numbers as a table. The table goes
 * into a <details> when it is long, so it never pushes the next chart off the screen.
 */
import type { Chart, ChartLayout, DataTable } from '../../charts/chart-frame.ts';
import type { Lang } from '../../domain/vocabulary.ts';
import { stringsFor } from '../../strings/index.ts';

/** Rows beyond which a chart's table is folded away. */
export const LONG_TABLE_ROWS = 12;

export interface ChartView {
  readonly id: string;
  /** Short heading of the section the chart sits in. */
  readonly heading: string;
  readonly title: string;
  readonly caption: string;
  readonly description: string;
  /** Absent for charts drawn once, in the phone layout only (shown at that size everywhere). */
  readonly wideSvg?: string;
  readonly narrowSvg: string;
  readonly table: DataTable;
  /** The table's cells as text, numbers formatted, ready to print. */
  readonly tableRows: readonly (readonly string[])[];
  /** Fold the table into <details>. */
  readonly foldTable: boolean;
  readonly tableSummary: string;
}

export interface ChartMeta {
  readonly lang: Lang;
  readonly dataVersion?: string;
  /** YYYY-MM-DD: the day the data describes (last data commit, else today). */
  readonly dataUpdated: string;
}

export function chartSource(meta: ChartMeta): string {
  return stringsFor(meta.lang).charts.source(meta.dataVersion);
}

/**
 * Builds a chart in both layouts (or, with `narrowOnly`, the phone layout alone: the region
 * pages below prefecture level, thousands of them, where a second drawing would double the
 * page); `build` gets the layout and the id to use for it.
 */
export function chartView(id: string, heading: string, meta: ChartMeta, build: (layout: ChartLayout, id: string) => Chart, narrowOnly = false): ChartView {
  const narrow = build('narrow', `${id}-narrow`);
  const wide = narrowOnly ? narrow : build('wide', `${id}-wide`);
  return {
    id,
    heading,
    title: wide.title,
    caption: wide.caption,
    description: wide.description,
    wideSvg: narrowOnly ? undefined : wide.svg,
    narrowSvg: narrow.svg,
    table: wide.table,
    tableRows: wide.table.rows.map((row) => row.map((cell) => (typeof cell === 'number' ? cell.toLocaleString('en-US') : String(cell)))),
    foldTable: wide.table.rows.length > LONG_TABLE_ROWS,
    tableSummary: stringsFor(meta.lang).charts.tableSummary(wide.table.rows.length),
  };
}
