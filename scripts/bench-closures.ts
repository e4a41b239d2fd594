/**
 * npm run bench:closures [-- --data DIR --content DIR] [--today YYYY-MM-DD] [--out DIR] [--frame-bytes N]
 *
 * What the closures browser and the notice pages publish at scale (default: the
 * 500,000-channel synthetic dataset of `npm run bench`, about 100,000 closures), without a
 * site build:
 *
 * - the first screen of /closures/ (its HTML, the client script and the manifest, raw and
 *   gzipped): a mid-range phone on a slow 4G link (~1.5 Mbit/s, 150 ms RTT) shows it in under
 *   a second only if it stays around 100 KB compressed;
 * - the shards a filter loads (written to --out, as the build writes them);
 * - every page of the no-JavaScript listing in both languages (the period pages), and the
 *   notice pages: bytes, files, the heaviest page, and the time their HTML takes to build;
 * - the whole closures output (pages, shards, manifest, client) and the notices' against
 *   their share of the site's 1 GB.
 *
 * Page bodies are the view models' own HTML (the tables are built as strings, as the pages
 * insert them); the little around them that the .astro templates add is estimated here, and
 * the site frame (head, header, footer: the same on every page, owned by BaseLayout.astro)
 * is counted as --frame-bytes (default: measured on a built page). Exit 1 over a budget.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CLOSURES_BUDGETS } from './lib/closures-budgets.ts';
import { flagValue, requiredFlag } from './lib/flags.ts';
import { loadRegistryOrExit } from './lib/load-registry.ts';
import type { Lang } from '../src/domain/vocabulary.ts';
import { escapeHtml as esc } from '../src/format/escape.ts';
import { bundleBrowserScript } from '../src/build-tools/bundle-browser-script.ts';
import {
  allShardFiles, closureData, closuresIndexView, closuresManifest, closuresPeriodPaths, closuresPeriodView, closuresShard, closuresShardFile,
  type ClosuresIndexView, type ClosuresPeriodView,
} from '../src/site/views/closures-view.ts';
import { noticePageHtml } from '../src/site/render/notice-html.ts';
import { noticePageView } from '../src/site/views/notice-view.ts';

const USAGE = 'npm run bench:closures -- [--data DIR] [--content DIR] [--today YYYY-MM-DD] [--out DIR] [--frame-bytes N]';
const dataDir = requiredFlag('data', 'bench-out/500000/data', USAGE);
const contentDir = requiredFlag('content', dataDir.replace(/data\/?$/, 'content'), USAGE);
const today = requiredFlag('today', '2026-11-21', USAGE);
const out = requiredFlag('out', 'bench-out/closures', USAGE);
/**
 * Head, header and footer of a page as BaseLayout.astro writes them: ~3.7 KB on the 500k
 * notice pages (Astro's container render of every notice page, less their content, plus the
 * production-only CSP meta; 2026-11-21). Pass the current figure when the layout changes.
 */
const FRAME = Number(flagValue('frame-bytes', '3700'));

const BUDGETS = CLOSURES_BUDGETS;
const LANGS: Lang[] = ['zh', 'en'];
const bytes = (s: string) => Buffer.byteLength(s);
const gz = (s: string | Uint8Array) => gzipSync(s, { level: 6 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

const t0 = performance.now();
const registry = loadRegistryOrExit({ dataDir, contentDir }, today, 'run npm run bench first (it generates the datasets)');
const t1 = performance.now();
const { rows, periods } = closureData(registry);
const t2 = performance.now();

// Manifest and shards, written as the build writes them.
const manifest = JSON.stringify(closuresManifest(registry, { dataUpdated: today }));
rmSync(join(out, 'data'), { recursive: true, force: true });
mkdirSync(join(out, 'data'), { recursive: true });
writeFileSync(join(out, 'data/index.json'), manifest);
const shardFiles = allShardFiles(registry);
let shardBytes = 0;
let shardJson = 0;
let largest = { file: '', bytes: 0, rows: 0 };
for (const { file, key, part } of shardFiles) {
  const data = closuresShardFile(registry, key, part);
  writeFileSync(join(out, 'data', file), data);
  shardBytes += data.length;
  if (data.length > largest.bytes) largest = { file, bytes: data.length, rows: closuresShard(registry, key, part).rows.length };
}
const t3 = performance.now();
for (const { key, part } of shardFiles) shardJson += bytes(JSON.stringify(closuresShard(registry, key, part)));

// The /closures/ page as index.astro lays it out (filters, latest rows, the month index).
function indexHtml(view: ClosuresIndexView): string {
  let html = '<div id="closures-app"><form hidden><details><summary></summary><div class="filter-grid">';
  html += view.filters.provinces.options.map((o) => `<option value="${o.value}" data-label="${esc(o.label)}">${esc(o.label)} (${o.count})</option>`).join('');
  html += view.filters.checkboxes.flatMap((f) => f.options.map((o) => `<li><label><input type="checkbox" name="${f.key}" value="${o.value}"> ${esc(o.label)} <span class="facet-count" data-facet="${f.key}:${o.value}">${o.count}</span></label></li>`)).join('');
  html += '</div></details></form></div>' + ' '.repeat(1500); // the form's fixed labels and buttons
  for (const g of view.groups) html += `<section class="closure-period"><h3>${esc(g.heading)}</h3><div class="closures-wide">${g.tableHtml}</div>${g.more ? `<p class="more-link"><a href="${g.more.href}">${esc(g.more.text)}</a></p>` : ''}</section>`;
  for (const y of view.years) html += `<div class="period-year"><h3>${esc(y.label)}</h3><ul class="period-list">${y.periods.map((p) => `<li><a href="${p.href}">${esc(p.label)}</a> <span class="count">${p.countText}</span></li>`).join('')}</ul></div>`;
  return html;
}

// A period page as [period]/[...page].astro lays it out around the table.
function periodHtml(view: ClosuresPeriodView): string {
  let html = `<p class="back-link"><a href="${view.indexHref}">${esc(view.labels.backToIndex)}</a></p><h1>${esc(view.heading)}</h1><p class="total">${esc(view.summary)}</p>`;
  if (view.provinces.length > 1) html += `<nav class="period-provinces" aria-label="${esc(view.provincesLabel)}"><ul>${view.provinces.map((p) => `<li><a href="${p.href}">${esc(p.label)}</a> <span class="count">${p.countText}</span></li>`).join('')}</ul></nav>`;
  if (view.pages.length) html += `<nav class="pager" aria-label="${esc(view.labels.pagesLabel)}"><ul>${view.pages.map((p) => `<li><a href="${p.href}"${p.current ? ' aria-current="page"' : ''}>${p.number}<span class="range">${esc(p.range)}</span></a></li>`).join('')}</ul></nav>`;
  html += `<div class="closures-wide">${view.tableHtml}</div><nav class="period-nav">`;
  for (const l of [view.newer, view.older]) if (l) html += `<a rel="prev" href="${l.href}">← ${esc(view.labels.newer)}: ${esc(l.label)} (${l.countText})</a>`;
  return `${html}</nav>`;
}

interface PageKind {
  files: number;
  bytes: number;
  /** Time to build the pages' HTML (view models and strings; Astro's own work not included). */
  ms: number;
  /** Raw bytes, and gzipped (the frame's ~1.5 KB gzipped added). */
  heaviest: { path: string; bytes: number; gzip: number };
}
const kind = (): PageKind => ({ files: 0, bytes: 0, ms: 0, heaviest: { path: '', bytes: 0, gzip: 0 } });
function count(k: PageKind, path: string, html: string, ms: number): void {
  const b = bytes(html) + FRAME;
  k.files++;
  k.bytes += b;
  k.ms += ms;
  if (b > k.heaviest.bytes) k.heaviest = { path, bytes: b, gzip: gz(html) + 1500 };
}

const index = kind();
const period = kind();
let firstScreenHtml = { bytes: 0, gzip: 0 };
for (const lang of LANGS) {
  const ctx = { lang, base: '/' };
  const prefix = lang === 'en' ? 'en/' : '';
  let t = performance.now();
  const view = closuresIndexView(registry, ctx);
  const html = indexHtml(view);
  count(index, `${prefix}closures/index.html`, html, performance.now() - t);
  const page = { bytes: bytes(html) + FRAME, gzip: gz(html) + 1500 };
  if (page.gzip > firstScreenHtml.gzip) firstScreenHtml = page;
  for (const p of closuresPeriodPaths(registry)) {
    t = performance.now();
    const v = closuresPeriodView(registry, ctx, p.period, p.page ? Number(p.page) : 1);
    const h = periodHtml(v);
    count(period, `${prefix}closures/${p.period}/${p.page ? `${p.page}/` : ''}index.html`, h, performance.now() - t);
  }
}

// Notices: the page's own HTML, the body rendered from its checked Markdown tree as the page does.
const notices = kind();
for (const lang of LANGS) {
  const ctx = { lang, base: '/' };
  for (const slug of registry.notices.keys()) {
    const t = performance.now();
    const html = noticePageHtml(noticePageView(registry, slug, ctx));
    count(notices, `${lang === 'en' ? 'en/' : ''}notices/${slug}/index.html`, html, performance.now() - t);
  }
}

const client = await bundleBrowserScript('src/closures/client.ts');
const firstScreen = { html: firstScreenHtml.bytes, htmlGzip: firstScreenHtml.gzip, js: bytes(client), jsGzip: gz(client), manifest: bytes(manifest), manifestGzip: gz(manifest) };
const firstScreenGzip = firstScreen.htmlGzip + firstScreen.jsGzip + firstScreen.manifestGzip;
const closuresOutput = {
  files: index.files + period.files + shardFiles.length + 2,
  bytes: index.bytes + period.bytes + shardBytes + firstScreen.manifest + firstScreen.js,
};
const heaviestPage = [index.heaviest, period.heaviest].reduce((a, b) => (b.bytes > a.bytes ? b : a));

const report = {
  dataset: dataDir,
  channels: registry.channels.length,
  closures: rows.length,
  periods: periods.size,
  frameBytes: FRAME,
  ms: { load: Math.round(t1 - t0), rows: Math.round(t2 - t1), manifestAndShards: Math.round(t3 - t2), indexPages: Math.round(index.ms), periodPages: Math.round(period.ms), noticePages: Math.round(notices.ms) },
  firstScreen: { ...firstScreen, totalGzip: firstScreenGzip, rowsShown: closuresIndexView(registry, { lang: 'zh', base: '/' }).groups.reduce((n, g) => n + g.rowCount, 0) },
  shards: { files: shardFiles.length, bytes: shardBytes, json: shardJson, largest },
  pages: { index, period, notices },
  closuresOutput,
  heaviestPage,
  budgets: BUDGETS,
};
writeFileSync(join(out, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);

const line = (name: string, k: PageKind) =>
  `  ${name}: ${k.files} pages, ${mb(k.bytes)}; heaviest ${k.heaviest.path} ${kb(k.heaviest.bytes)} (${kb(k.heaviest.gzip)} gz); HTML built in ${Math.round(k.ms)} ms`;
console.log(`closures: ${rows.length.toLocaleString('en-US')} of ${registry.channels.length.toLocaleString('en-US')} channels in ${periods.size} periods; ${registry.notices.size.toLocaleString('en-US')} notices (page frame counted as ${FRAME} bytes)`);
console.log(`  time: load+validate ${report.ms.load} ms, rows ${report.ms.rows} ms, manifest+shards ${report.ms.manifestAndShards} ms`);
console.log(`  first screen (${report.firstScreen.rowsShown} rows): HTML ${kb(firstScreen.html)} (${kb(firstScreen.htmlGzip)} gz) + script ${kb(firstScreen.js)} (${kb(firstScreen.jsGzip)} gz) + manifest ${kb(firstScreen.manifest)} (${kb(firstScreen.manifestGzip)} gz) = ${kb(firstScreenGzip)} gz`);
console.log(`  shards: ${shardFiles.length} files, ${mb(shardBytes)} gzipped (${mb(shardJson)} of JSON); largest ${largest.file}: ${largest.rows} rows, ${kb(largest.bytes)}`);
console.log(line('index pages', index));
console.log(line('period pages', period));
console.log(line('notice pages', notices));
console.log(`  closures output: ${closuresOutput.files} files, ${mb(closuresOutput.bytes)}; notices output: ${notices.files} files, ${mb(notices.bytes)}`);
let ok = true;
const checks: [string, number, number, (n: number) => string][] = [
  ['firstScreenGzip', firstScreenGzip, BUDGETS.firstScreenGzip, kb],
  ['largestShardGzip', largest.bytes, BUDGETS.largestShardGzip, kb],
  ['closuresOutputBytes', closuresOutput.bytes, BUDGETS.closuresOutputBytes, mb],
  ['noticesOutputBytes', notices.bytes, BUDGETS.noticesOutputBytes, mb],
  ['heaviestPageBytes', heaviestPage.bytes, BUDGETS.heaviestPageBytes, kb],
];
for (const [name, value, max, unit] of checks) {
  const pass = value <= max;
  ok &&= pass;
  console.log(`  ${pass ? 'PASS' : 'FAIL'} ${name}: ${unit(value)} ≤ ${unit(max)}`);
}
process.exit(ok ? 0 : 1);
