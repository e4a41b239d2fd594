/** What the province map and the ranked bars can show for an area, and how to say it. */
import type { AreaTotals } from '../domain/aggregate/area-totals.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { formatCount, formatShare } from './chart-frame.ts';

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
  if (measure === 'closures') return lang === 'zh' ? '关停数（注销中与已关停）' : 'closures (closing or closed)';
  return lang === 'zh' ? '关停占比' : 'share of channels closed';
}

export function areaTableColumns(lang: Lang, areaLabel: string) {
  return [
    { label: areaLabel, numeric: false },
    { label: lang === 'zh' ? '渠道总数' : 'Channels', numeric: true },
    { label: lang === 'zh' ? '关停数' : 'Closures', numeric: true },
    { label: lang === 'zh' ? '关停占比' : 'Share closed', numeric: true },
  ];
}

export function areaTableRow(name: string, area: AreaTotals, lang: Lang): (string | number)[] {
  return [name, area.total, area.closures, formatShare(area.shareClosed, lang)];
}
