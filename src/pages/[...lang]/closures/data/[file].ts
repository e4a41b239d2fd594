/**
 * The closures browser's data, language-neutral: closures/data/index.json (the manifest) and
 * the gzipped shards of each month, closures/data/<period>.json.gz. Written only under the
 * root, not /en/.
 */
import type { APIRoute } from 'astro';
import { siteData } from '../../../../site/registry.ts';
import { allShardFiles, closuresManifest, closuresShardFile } from '../../../../site/views/closures-view.ts';

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
  if (params.file === 'index.json') {
    return new Response(JSON.stringify(closuresManifest(registry, { dataVersion, dataUpdated })), { headers: { 'content-type': 'application/json; charset=utf-8' } });
  }
  return new Response(closuresShardFile(registry, key, part), { headers: { 'content-type': 'application/gzip' } });
};
