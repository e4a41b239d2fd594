/** What the province map and the ranked bars can show for an area, and how to say it. */
import type { AreaTotals } from '../domain/aggregate/area-totals.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { formatCount } from '../format/count.ts';
import { stringsFor } from '../strings/index.ts';
import { formatShare } from './chart-frame.ts';

/** 'closures': closing and closed channels; 'share': closures as a share of all channels. */
export type AreaMeasure = 'closures' | 'share';

/** The measured value, undefined for a share of an area without channels. */
export function measureOf(area: AreaTotals, measure: AreaMeasure): number | undefined {
  return measure === 'closures' ? area.closures : area.shareClosed;
}

export function formatMeasure(value: number | undefined, measure: AreaMeasure, lang: Lang): string {
  if (value === undefined) return formatShare(undefined, lang);
  return measure === 'closures' ? formatCount(value) : formatShare(value, lang);
}

export function measureName(measure: AreaMeasure, lang: Lang): string {
  return stringsFor(lang).charts.measure[measure];
}

export function areaTableColumns(lang: Lang, areaLabel: string) {
  const t = stringsFor(lang).charts.areaColumns;
  return [
    { label: areaLabel, numeric: false },
    { label: t.channels, numeric: true },
    { label: t.closures, numeric: true },
    { label: t.share, numeric: true },
  ];
}

export function areaTableRow(name: string, area: AreaTotals, lang: Lang): (string | number)[] {
  return [name, area.total, area.closures, formatShare(area.shareClosed, lang)];
}
