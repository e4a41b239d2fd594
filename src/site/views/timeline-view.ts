/**
 * The national timeline (/timeline/): closures and openings per month with the policy
 * milestones of data/events.csv, channels open over time (overall and per platform), and
 * closures by province as a tile-grid map and as ranked bars. The aggregations and chart
 * builders do the work (src/domain/aggregate/, src/charts/); this picks and labels them.
 */
import { provinceTileMap } from '../../charts/province-tile-map.ts';
import { rankedBars } from '../../charts/ranked-bars.ts';
import { liveChart } from '../../charts/live-chart.ts';
import { monthlyChart, type TimelineEvent } from '../../charts/monthly-chart.ts';
import { tileOf } from '../../charts/china-tile-grid.ts';
import { liveSeries } from '../../domain/aggregate/live-series.ts';
import { earliestMonth, monthlySeries } from '../../domain/aggregate/monthly-series.ts';
import { monthKeyOf, monthSpan, parseMonthKey } from '../../domain/aggregate/months.ts';
import { totalsByProvince } from '../../domain/aggregate/area-totals.ts';
import type { Registry } from '../../domain/model.ts';
import { stringsFor } from '../../strings/index.ts';
import { localText } from '../../strings/local-name.ts';
import type { PageContext } from '../i18n.ts';
import { chartSource, chartView, type ChartMeta, type ChartView } from './chart-view.ts';

export interface TimelineMeta {
  /** The day the data is judged on (YYYY-MM-DD): the charts end with its month. */
  readonly today: string;
  readonly dataUpdated: string;
  readonly dataVersion?: string;
}

export interface TimelineView {
  readonly title: string;
  readonly intro: string;
  readonly charts: readonly ChartView[];
  readonly empty: boolean;
  readonly emptyText: string;
}

export function monthOf(day: string): string {
  return day.slice(0, 7);
}

export function timelineEvents(registry: Registry): TimelineEvent[] {
  return registry.events.map((e) => ({ date: e.date, title: e.title, title_en: e.title_en }));
}

export function timelineView(registry: Registry, ctx: PageContext, meta: TimelineMeta): TimelineView {
  const { lang } = ctx;
  const t = stringsFor(lang).timeline;
  const cm: ChartMeta = { lang, dataVersion: meta.dataVersion, dataUpdated: meta.dataUpdated };
  const base = { lang, source: chartSource(cm), asOf: meta.dataUpdated };
  const channels = registry.channels;
  // Start at the earliest channel date or policy milestone, whichever comes first, so the 2013
  // and 2014 milestones sit on the axis rather than off its left edge.
  const starts = [earliestMonth(channels), ...registry.events.map((e) => monthSpan(e.date).first)].filter((n): n is number => n !== undefined);
  const end = monthOf(meta.today);
  const window = { end, start: starts.length ? monthKeyOf(Math.min(parseMonthKey(end), ...starts)) : undefined };
  const monthly = monthlySeries(channels, window, meta.today);
  const live = liveSeries(channels, window, meta.today);
  const provinces = totalsByProvince(channels, registry.regions);
  const events = timelineEvents(registry);
  const provinceName = (code: string) => {
    const tile = tileOf(code);
    if (tile) return localText(tile.zh, tile.en, lang);
    const r = registry.regions.get(code);
    return r ? localText(r.name, r.nameEn, lang) : code;
  };
  const charts = channels.length === 0 ? [] : [
    chartView('timeline-monthly', t.monthly, cm, (layout, id) => monthlyChart(monthly, { ...base, id, layout, events })),
    chartView('timeline-live', t.live, cm, (layout, id) => liveChart(live, { ...base, id, layout, mode: 'overall' })),
    chartView('timeline-platforms', t.platforms, cm, (layout, id) => liveChart(live, { ...base, id, layout, mode: 'platforms' })),
    chartView('timeline-map', t.map, cm, (layout, id) => provinceTileMap(provinces, { ...base, id, layout })),
    chartView('timeline-ranked', t.ranked, cm, (layout, id) => rankedBars(provinces, { ...base, id, layout, nameOf: provinceName, areaLabel: t.province, title: t.rankedTitle })),
  ];
  return { title: t.title, intro: t.intro, charts, empty: channels.length === 0, emptyText: t.empty };
}
