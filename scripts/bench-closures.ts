/**
 * npm run bench:closures [-- --data DIR --content DIR] [--today YYYY-MM-DD] [--out DIR]
 *
 * What the closures browser ships at scale (default: the 500,000-channel synthetic dataset of
 * `npm run bench`, about 100,000 closures): the first screen of /closures/ (its HTML, the
 * client script and the manifest, raw and gzipped), and the monthly shards a filter loads.
 * Also times building the rows, manifest and shards. Fails (exit 1) over the budgets below:
 * a mid-range phone on a slow 4G link (~1.5 Mbit/s, 150 ms RTT) shows the first screen in
 * under a second only if it stays around 100 KB compressed.
 *
 * The HTML is rendered here with the same view model and markup as ClosuresTable.astro
 * (minus the page frame, which is the same on every page), so no site build is needed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { COLUMNS, type CellView } from '../src/closures/present.ts';
import { CLOSURES_BUDGETS } from './lib/closures-budgets.ts';
import { allShardFiles, closureData, closuresIndexView, closuresManifest, closuresShard } from '../src/site/views/closures-view.ts';
import { loadRegistryOrExit } from './lib/load-registry.ts';

const BUDGETS = CLOSURES_BUDGETS;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const dataDir = arg('data') ?? 'bench-out/500000/data';
const contentDir = arg('content') ?? dataDir.replace(/data\/?$/, 'content');
const today = arg('today') ?? '2026-11-21';
const out = arg('out') ?? 'bench-out/closures';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
function cellHtml(c: CellView): string {
  const lang = c.lang ? ` lang="${c.lang}"` : '';
  let html = c.datetime
    ? `<time datetime="${esc(c.datetime)}">${esc(c.text)}</time>`
    : c.href
      ? `<a href="${esc(c.href)}"${c.external ? ' rel="noopener noreferrer" class="external"' : ''}${lang}>${esc(c.text)}</a>`
      : `<span${lang}>${esc(c.text)}</span>`;
  if (c.original) html += `<span class="original"> (<span lang="zh-Hans">${esc(c.original)}</span>)</span>`;
  if (c.more) html += `<span class="more"> ${esc(c.more)}</span>`;
  if (c.sub) html += `<span class="sub">${esc(c.sub)}</span>`;
  return html;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const gz = (s: string | Uint8Array) => gzipSync(s, { level: 6 }).length;

const t0 = performance.now();
const registry = loadRegistryOrExit({ dataDir, contentDir }, today, 'run npm run bench first (it generates the datasets)');
const t1 = performance.now();
const { rows, periods } = closureData(registry);
const t2 = performance.now();
const manifest = JSON.stringify(closuresManifest(registry, { dataUpdated: today }));
mkdirSync(join(out, 'data'), { recursive: true });
writeFileSync(join(out, 'data/index.json'), manifest);
let shardBytes = 0;
let shardGzip = 0;
let largest = { key: '', bytes: 0, gzip: 0, rows: 0 };
const files = allShardFiles(registry);
for (const { file, key, part } of files) {
  const json = JSON.stringify(closuresShard(registry, key, part));
  writeFileSync(join(out, 'data', file), json);
  const g = gz(json);
  shardBytes += json.length;
  shardGzip += g;
  if (g > largest.gzip) largest = { key: file, bytes: Buffer.byteLength(json), gzip: g, rows: JSON.parse(json).rows.length as number };
}
const t3 = performance.now();

// The first screen: the index page's view rendered as ClosuresTable.astro renders it.
const view = closuresIndexView(registry, { lang: 'zh', base: '/' });
let html = '';
for (const g of view.groups) {
  html += `<section class="closure-period"><h3>${esc(g.heading)}</h3><table class="closures-table"><thead><tr>${view.head.map((h) => `<th scope="col" class="col-${h.column}">${esc(h.label)}</th>`).join('')}</tr></thead><tbody>`;
  for (const r of g.rows) html += `<tr class="status-${r.status}" data-id="${esc(r.id)}">${COLUMNS.map((c) => `<td class="col-${c}" data-label="${esc(c)}">${cellHtml(r.cells[c])}</td>`).join('')}</tr>`;
  html += '</tbody></table></section>';
}
for (const y of view.years) html += `<h3>${esc(y.label)}</h3><ul>${y.periods.map((p) => `<li><a href="${p.href}">${esc(p.label)}</a> ${p.countText}</li>`).join('')}</ul>`;
html += view.filters.provinces.options.map((o) => `<option value="${o.value}">${esc(o.label)} (${o.count})</option>`).join('');
html += view.filters.checkboxes.flatMap((f) => f.options.map((o) => `<li><label><input type="checkbox" name="${f.key}" value="${o.value}"> ${esc(o.label)} <span class="facet-count">${o.count}</span></label></li>`)).join('');
const client = (await build({ entryPoints: ['src/closures/client.ts'], bundle: true, minify: true, format: 'esm', target: 'es2020', write: false, logLevel: 'silent' })).outputFiles[0]!.text;

const firstScreen = { html: Buffer.byteLength(html), htmlGzip: gz(html), js: client.length, jsGzip: gz(client), manifest: manifest.length, manifestGzip: gz(manifest) };
const firstScreenGzip = firstScreen.htmlGzip + firstScreen.jsGzip + firstScreen.manifestGzip;

const report = {
  dataset: dataDir,
  channels: registry.channels.length,
  closures: rows.length,
  periods: periods.size,
  ms: { load: Math.round(t1 - t0), rows: Math.round(t2 - t1), manifestAndShards: Math.round(t3 - t2) },
  firstScreen: { ...firstScreen, totalGzip: firstScreenGzip, rowsShown: view.groups.reduce((n, g) => n + g.rows.length, 0) },
  shards: { files: files.length, bytes: shardBytes, gzip: shardGzip, largest },
  budgets: BUDGETS,
};
writeFileSync(join(out, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);

console.log(`closures: ${rows.length.toLocaleString('en-US')} of ${registry.channels.length.toLocaleString('en-US')} channels in ${periods.size} periods`);
console.log(`  time: load+validate ${report.ms.load} ms, rows ${report.ms.rows} ms, manifest+shards ${report.ms.manifestAndShards} ms`);
console.log(`  first screen (${report.firstScreen.rowsShown} rows): HTML ${kb(firstScreen.html)} (${kb(firstScreen.htmlGzip)} gz) + script ${kb(firstScreen.js)} (${kb(firstScreen.jsGzip)} gz) + manifest ${kb(firstScreen.manifest)} (${kb(firstScreen.manifestGzip)} gz) = ${kb(firstScreenGzip)} gz`);
console.log(`  shards: ${files.length} files, ${kb(shardBytes)} (${kb(shardGzip)} gz); largest ${largest.key}: ${largest.rows} rows, ${kb(largest.bytes)} (${kb(largest.gzip)} gz)`);
let ok = true;
for (const [name, max] of Object.entries(BUDGETS)) {
  const value = name === 'firstScreenGzip' ? firstScreenGzip : largest.gzip;
  const pass = value <= max;
  ok &&= pass;
  console.log(`  ${pass ? 'PASS' : 'FAIL'} ${name}: ${kb(value)} ≤ ${kb(max)}`);
}
process.exit(ok ? 0 : 1);
