/**
 * npm run bench:search [-- --channels 500000] [--seed 1] [--today YYYY-MM-DD] [--browser]
 *
 * Measures the search index on a synthetic national dataset: builds the record store (shared
 * with verify) and the index, writes them to bench-out/search-index/<N>/search/, and reports
 * build times and memory, files and bytes of each kind (records with their text tables, term
 * shards, term blocks, places), what representative queries download from a cold cache
 * (manifest, shards, blocks, places, records), and the client script's size. PASS/FAIL: every
 * query must download under 300 KiB (counted uncompressed; the gzip figure shows what a
 * compressing server would send).
 * Exits 1 on FAIL. Reuses bench-out/<N>/ from `npm run bench` when it holds the same dataset.
 *
 * --browser also times each query in Chromium as a mid-range phone on a slow network would
 * run it (CPU slowed 4×, 150 ms round trips, 1.6 Mbit/s: DevTools' "Slow 4G"), cold cache,
 * from the input to the results shown: a Chinese query as an input method commits it (searched
 * at once), a Latin one from its last keystroke (the client's 150 ms typing pause included).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { SYNTHETIC_MARKER } from '../src/domain/load.ts';
import { bundleSearchClient } from '../src/search/bundle-client.ts';
import { MANIFEST_FILE } from '../src/search/layout.ts';
import { SEARCH_DIR } from '../src/store/record-store.ts';
import { CLIENT_FILE, writeSearchIndexOf } from '../src/search/write-index.ts';
import { DEFAULT_TODAY, writeSyntheticDataset } from '../src/synth/dataset.ts';
import { measureQuery, representativeQueries, SEARCH_BUDGET_BYTES } from './lib/search-payload.ts';
import { requiredFlag } from './lib/flags.ts';
import { loadRegistryOrExit } from './lib/load-registry.ts';

const BUDGET_BYTES = SEARCH_BUDGET_BYTES;

const flag = (name: string, fallback: string): string => requiredFlag(name, fallback, 'npm run bench:search -- [--channels N] [--seed S] [--today YYYY-MM-DD]');

const channels = Number(flag('channels', '500000'));
const seed = flag('seed', '1');
const today = flag('today', DEFAULT_TODAY);
if (!Number.isSafeInteger(channels) || channels < 1) {
  console.error(`--channels must be a whole number, not ${flag('channels', '')}`);
  process.exit(2);
}

const browserTiming = process.argv.includes('--browser');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const secondsSince = (t: number) => sec(performance.now() - t);

/** The synthetic dataset: `npm run bench`'s copy when it is the same one, else our own. */
function datasetRoot(): string {
  const shared = resolve('bench-out', String(channels));
  const marker = join(shared, 'data', SYNTHETIC_MARKER);
  if (existsSync(marker)) {
    const m = JSON.parse(readFileSync(marker, 'utf8')) as { seed: unknown; channels: unknown; today: unknown };
    if (String(m.seed) === seed && m.channels === channels && m.today === today) return shared;
  }
  const own = resolve('bench-out', 'search-data', String(channels));
  const ownMarker = join(own, 'data', SYNTHETIC_MARKER);
  if (!existsSync(ownMarker)) {
    const started = performance.now();
    writeSyntheticDataset({ channels, seed, today, out: own });
    console.log(`generated ${channels} channels in ${secondsSince(started)}`);
  }
  return own;
}

const root = datasetRoot();
console.log(`dataset: ${root} (seed ${seed}, today ${today})`);

let started = performance.now();
const registry = loadRegistryOrExit({ dataDir: join(root, 'data'), contentDir: join(root, 'content') }, today);
const loadedRss = process.memoryUsage().rss;
console.log(`loaded and validated ${registry.channels.length} channels in ${secondsSince(started)} (RSS ${mb(loadedRss)})`);

started = performance.now();
const outDir = resolve('bench-out', 'search-index', String(channels), SEARCH_DIR);
rmSync(dirname(outDir), { recursive: true, force: true });
const { store, built, written } = await writeSearchIndexOf(registry, outDir);
const buildTime = secondsSince(started);
const peakRss = process.resourceUsage().maxRSS * 1024;
const docs = store.docs;
const versionDir = join(outDir, built.manifest.version);
const manifestBytes = Buffer.byteLength(JSON.stringify(built.manifest));
const { kinds } = built.stats;
const line = (what: string, files: number, bytes: number, note = '') => `  ${what.padEnd(17)}${String(files).padStart(7)} files ${mb(bytes).padStart(10)}${note ? `  ${note}` : ''}`;
const totalBytes = written.bytes + written.store.bytes;
const totalFiles = written.files + written.store.files;
const rec = store.records;
const keys = store.keyFiles;
console.log(`
search index and channel store built in ${buildTime} (store: records ${sec(store.timings.records)}, keys ${sec(store.timings.keys)}; index: ${Object.entries(built.stats.timings).map(([k, v]) => `${k} ${sec(v)}`).join(', ')})
peak RSS ${mb(peakRss)}, ${mb(peakRss - loadedRss)} over the loaded registry
written to ${outDir}
${line('store: records', rec.files, rec.bytes, `${Math.round(rec.bytes / docs.length)} bytes a channel: text tables ${mb(rec.tableBytes)}, rows ${mb(rec.bytes - rec.tableBytes)}; largest ${kb(rec.largest)}`)}
${line('store: keys', keys.files, keys.bytes, `${store.keys} keys (verify; search for whole handles); largest ${kb(keys.largest)}`)}
${line('term shards', kinds.shards.files, kinds.shards.bytes, `${built.stats.tokens} tokens (hashes ${mb(built.stats.tokens * 4)}), ${built.stats.postings} postings; largest ${kb(built.stats.largestShard)}`)}
${line('term blocks', kinds.blocks.files, kinds.blocks.bytes, `${built.stats.externalTokens} common tokens`)}
${line('places', kinds.places.files, kinds.places.bytes, `${built.stats.places} places`)}
${line('manifest', 1, manifestBytes, `t2s map ${[...built.manifest.t2s].length / 2} pairs, ${built.manifest.syllables.split(' ').length} syllables`)}
${line('total', totalFiles, totalBytes, `largest file ${kb(Math.max(built.stats.largestFile, rec.largest, keys.largest))}; with verify's manifest this is both indexes`)}`);

// What the full OpenCC converter would have cost the client instead of the map.
const opencc = readFileSync(fileURLToPath(import.meta.resolve('opencc-js/t2cn')));
console.log(`  opencc t2cn.js    ${kb(opencc.length)} (${kb(gzipSync(opencc).length)} gzipped) — not shipped; the manifest map replaces it`);

const client = await bundleSearchClient();
const clientGzip = gzipSync(client).length;
console.log(`  client.js        ${kb(client.length)} minified, ${kb(clientGzip)} gzipped`);

/** A township that has channels, for the "township name" query. */
function townshipName(): string {
  for (const d of docs) {
    if (d.region.length === 9) return registry.regions.get(d.region)!.name;
  }
  return '城关镇';
}

const QUERIES = representativeQueries(townshipName());

console.log(`\nqueries (cold cache; bytes = manifest + shards + blocks + places shown + 10 records):`);
console.log(`${'query'.padEnd(16)}${'kind'.padEnd(15)}${'files'.padStart(6)}${'bytes'.padStart(12)}${'gzip'.padStart(12)}${'results'.padStart(10)}${'ms'.padStart(7)}  top place / top result`);
let worst = 0;
const manifestJson = Buffer.from(JSON.stringify(built.manifest));
for (const [query, kind] of QUERIES) {
  const m = await measureQuery(built.manifest, manifestJson, versionDir, query);
  worst = Math.max(worst, m.bytes);
  const count = `${m.total}${m.complete ? '' : '+'}`;
  console.log(`${query.padEnd(16 - (query.match(/\p{Script=Han}/gu)?.length ?? 0))}${kind.padEnd(15)}${String(m.files).padStart(6)}${kb(m.bytes).padStart(12)}${kb(m.gzip).padStart(12)}${count.padStart(10)}${m.ms.toFixed(0).padStart(7)}  ${m.topPlace ? `${m.topPlace} / ` : ''}${m.top ?? '—'}`);
}

if (browserTiming) await timeInBrowser(dirname(outDir), client, QUERIES.map(([q]) => q));

const pass = worst < BUDGET_BYTES;
console.log(`\n${pass ? 'PASS' : 'FAIL'}: the heaviest query downloads ${kb(worst)} (budget ${kb(BUDGET_BYTES)}, uncompressed); client ${kb(clientGzip)} gzipped; manifest ${MANIFEST_FILE} ${kb(manifestBytes)}`);
process.exit(pass ? 0 : 1);

/** Serves the index and a page with the search form, and times queries in throttled Chromium. */
async function timeInBrowser(siteDir: string, clientCode: string, queries: readonly string[]): Promise<void> {
  const { chromium } = await import('playwright-core');
  writeFileSync(join(siteDir, SEARCH_DIR, CLIENT_FILE), clientCode);
  const page = `<!doctype html><html lang="zh-Hans"><meta charset="utf-8"><title>search</title>
<form action="/regions/100000/" role="search" data-search="/search/index.json"><label for="q">搜索</label><input id="q" name="q" type="search"><button>搜索</button></form>
<script type="module" src="/search/client.js"></script>`;
  const types: Record<string, string> = { '.js': 'text/javascript', '.json': 'application/json' };
  const server = createServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname;
    if (path === '/') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    try {
      const body = readFileSync(join(siteDir, normalize(path).replace(/^(\.\.[/\\])+/, '')));
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  console.log(`\nin Chromium, CPU 4× slower, 150 ms RTT, 1.6 Mbit/s, cold cache; ms from input to results shown,
typed at once / after focusing the box (which fetches the manifest):`);
  let slowest = 0;
  const time = async (query: string, focusFirst: boolean) => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 94_000 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await tab.goto(`${origin}/`);
    if (focusFirst) await Promise.all([tab.waitForResponse(/index\.json/), tab.focus('#q')]);
    const ms = await tab.evaluate(
      (q) =>
        new Promise<number>((resolve) => {
          const input = document.querySelector<HTMLInputElement>('#q')!;
          const status = document.querySelector('.search-status')!;
          const start = performance.now();
          new MutationObserver(() => status.textContent && resolve(performance.now() - start)).observe(status, { childList: true, characterData: true, subtree: true });
          input.value = q;
          if (/\p{Script=Han}/u.test(q)) {
            // Chinese arrives as an input method's commit: the last composing input, then compositionend
            input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertCompositionText', data: q, isComposing: true }));
            input.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: q }));
          } else {
            // a Latin word: its last keystroke (the typing pause then runs)
            input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: q.slice(-1) }));
          }
        }),
      query,
    );
    await context.close();
    return ms;
  };
  for (const query of queries) {
    const cold = await time(query, false);
    const focused = await time(query, true);
    slowest = Math.max(slowest, cold);
    console.log(`  ${query.padEnd(16 - (query.match(/\p{Script=Han}/gu)?.length ?? 0))}${cold.toFixed(0).padStart(6)} ms ${focused.toFixed(0).padStart(6)} ms`);
  }
  await browser.close();
  server.close();
  console.log(`  slowest typed at once: ${slowest.toFixed(0)} ms (${slowest < 1000 ? 'under' : 'OVER'} a second)`);
}
