/**
 * The closures browser's data, language-neutral: closures/data/index.json (the manifest) and
 * one closures/data/<period>.json shard per month. Written only under the root, not /en/.
 */
import type { APIRoute } from 'astro';
import { siteData } from '../../../../site/registry.ts';
import { closuresManifest, closuresShard, closureData, shardFile } from '../../../../site/views/closures-view.ts';

export function getStaticPaths() {
  const keys = [...closureData(siteData().registry).periods.keys()];
  return [{ params: { lang: undefined, file: 'index.json' } }, ...keys.map((key) => ({ params: { lang: undefined, file: shardFile(key) } }))];
}

export const GET: APIRoute = ({ params }) => {
  const { registry, dataVersion, dataUpdated } = siteData();
  const file = params.file!;
  const body = file === 'index.json' ? closuresManifest(registry, { dataVersion, dataUpdated }) : closuresShard(registry, file.replace(/\.json$/, ''));
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
