/**
 * The charts on a region page: closures and openings per month for the region and
 * everything below it, and, when its subdivisions have channels, those subdivisions ranked by
 * closures. Channels are grouped by subtree once per build (groupBySubtree, cached beside the
 * registry), so each of thousands of region pages reads only its own channels.
 */
import { monthlyChart } from '../../charts/monthly-chart.ts';
import { rankedBars } from '../../charts/ranked-bars.ts';
import { totalsByChild } from '../../domain/aggregate/area-totals.ts';
import { monthlySeries } from '../../domain/aggregate/monthly-series.ts';
import { groupBySubtree } from '../../domain/aggregate/subtree-groups.ts';
import type { Channel, Registry } from '../../domain/model.ts';
import { NATION_CODE } from '../../domain/regions.ts';
import { stringsFor } from '../../strings/index.ts';
import { localText } from '../../strings/local-name.ts';
import type { PageContext } from '../i18n.ts';
import { chartSource, chartView, type ChartMeta, type ChartView } from './chart-view.ts';
import { monthOf, timelineEvents, type TimelineMeta } from './timeline-view.ts';

const subtrees = new WeakMap<Registry, Map<string, Channel[]>>();

/** Every channel of the region and its subdivisions; grouped for all regions on first call. */
export function subtreeChannels(registry: Registry, code: string): readonly Channel[] {
  let groups = subtrees.get(registry);
  if (!groups) subtrees.set(registry, (groups = groupBySubtree(registry.channels, registry.regions)));
  return groups.get(code) ?? [];
}

export interface RegionChartsView {
  readonly heading: string;
  readonly charts: readonly ChartView[];
}

/** Undefined when nothing is recorded in the region: an empty chart says nothing. */
export function regionChartsView(registry: Registry, code: string, ctx: PageContext, meta: TimelineMeta): RegionChartsView | undefined {
  const region = registry.regions.get(code);
  const channels = subtreeChannels(registry, code);
  if (!region || channels.length === 0) return undefined;
  const { lang } = ctx;
  const t = stringsFor(lang).regionCharts;
  const cm: ChartMeta = { lang, dataVersion: meta.dataVersion, dataUpdated: meta.dataUpdated };
  const base = { lang, source: chartSource(cm), asOf: meta.dataUpdated };
  const areaName = localText(region.name, region.nameEn, lang);
  const nation = code === NATION_CODE;
  // counties are thousands of pages: one drawing each, the phone layout (see chartView)
  const narrowOnly = region.kind === 'county' || region.kind === 'township';
  const series = monthlySeries(channels, { end: monthOf(meta.today) }, meta.today);
  const events = timelineEvents(registry);
  const charts: ChartView[] = [
    chartView(`region-${code}-monthly`, t.monthly, cm, (layout, id) => monthlyChart(series, { ...base, id, layout, events, areaName: nation ? undefined : areaName }), narrowOnly),
  ];
  const children = totalsByChild(channels, registry.regions, code);
  // A county's townships are its own page's sections (their counts are in the list above):
  // the ranking chart is kept for the levels above, where it shows the shape of a province.
  if (!narrowOnly && children.areas.some((a) => a.total > 0)) {
    const nameOf = (c: string) => {
      const r = registry.regions.get(c);
      return r ? localText(r.name, r.nameEn, lang) : c;
    };
    charts.push(
      chartView(`region-${code}-children`, t.children, cm, (layout, id) =>
        rankedBars(children, { ...base, id, layout, nameOf, limit: 20, areaLabel: t.area, title: t.childrenTitle(areaName) }),
        narrowOnly,
      ),
    );
  }
  return { heading: t.heading, charts };
}
