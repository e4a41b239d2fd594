/**
 * The closures browser's data, language-neutral: closures/data/index.json (the manifest) and
 * one closures/data/<period>.json shard per month. Written only under the root, not /en/.
 */
import type { APIRoute } from 'astro';
import { siteData } from '../../../../site/registry.ts';
import { allShardFiles, closuresManifest, closuresShard } from '../../../../site/views/closures-view.ts';

export function getStaticPaths() {
  const shards = allShardFiles(siteData().registry);
  return [
    { params: { lang: undefined, file: 'index.json' }, props: { key: '', part: 0 } },
    ...shards.map((s) => ({ params: { lang: undefined, file: s.file }, props: { key: s.key, part: s.part } })),
  ];
}

export const GET: APIRoute = ({ params, props }) => {
  const { registry, dataVersion, dataUpdated } = siteData();
  const { key, part } = props as { key: string; part: number };
  const body = params.file === 'index.json' ? closuresManifest(registry, { dataVersion, dataUpdated }) : closuresShard(registry, key, part);
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
