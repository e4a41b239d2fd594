/**
 * npm run bench:search [-- --channels 500000] [--seed 1] [--today YYYY-MM-DD] [--quality 200] [--browser]
 *
 * Measures the search index on a synthetic national dataset: builds the record store (shared
 * with verify) and the index, writes them to bench-out/search-index/<N>/search/, and reports
 * build times and memory, files and bytes of each kind (records with their text tables, term
 * shards, term blocks, places, result lines), what representative queries of every class
 * download from a cold cache (shards, blocks, places, result lines: the manifest travels with
 * the client) and in how many round trips, the client script's size, and the quality of the
 * results: for --quality natural queries of each class made from the dataset's channels, the
 * share whose channel is among the first ten results. PASS/FAIL: every query must download
 * under 300 KiB (counted uncompressed; the gzip figure shows what a compressing server would
 * send) in at most 3 round trips.
 * Exits 1 on FAIL. Reuses bench-out/<N>/ from `npm run bench` when it holds the same dataset.
 *
 * --browser also times each query in Chromium as a mid-range phone on a slow network would
 * run it (CPU slowed 4×, 150 ms round trips, 1.6 Mbit/s: DevTools' "Slow 4G"), cold cache,
 * from the input to the results shown: a Chinese query as an input method commits it (searched
 * at once), a Latin one from its last keystroke (the client's 150 ms typing pause included).
 * Then the first results must show within a second too.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { SYNTHETIC_MARKER } from '../src/domain/load.ts';
import { bundleSearchClient } from '../src/search/bundle-client.ts';
import { SEARCH_DIR } from '../src/store/record-store.ts';
import { CLIENT_FILE, writeSearchIndexOf } from '../src/search/write-index.ts';
import { DEFAULT_TODAY, writeSyntheticDataset } from '../src/synth/dataset.ts';
import { handleAndAddress, measureQuery, representativeQueries, SEARCH_BUDGET_BYTES } from './lib/search-payload.ts';
import { measureQuality, naturalQueries } from './lib/search-quality.ts';
import { fileSource, SearchIndex } from '../src/search/query.ts';
import { requiredFlag } from './lib/flags.ts';
import { loadRegistryOrExit } from './lib/load-registry.ts';

const BUDGET_BYTES = SEARCH_BUDGET_BYTES;
/** Round trips a query may take once the page has loaded. */
const BUDGET_ROUND_TRIPS = 3;
/** Milliseconds to first results on the slowed phone (--browser). */
const BUDGET_MS = 1000;

const flag = (name: string, fallback: string): string => requiredFlag(name, fallback, 'npm run bench:search -- [--channels N] [--seed S] [--today YYYY-MM-DD] [--quality N] [--browser]');

const channels = Number(flag('channels', '500000'));
const seed = flag('seed', '1');
const today = flag('today', DEFAULT_TODAY);
const perClass = Number(flag('quality', '200'));
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
${line('result lines', kinds.lines.files, kinds.lines.bytes, `${built.manifest.lines.chunkSize} a file, each language`)}
${line('manifest', 1, manifestBytes, `t2s map ${[...built.manifest.t2s].length / 2} pairs, ${built.manifest.syllables.split(' ').length} syllables, ${built.manifest.lexicon.places.split(' ').length} places, ${built.manifest.lexicon.english.split(' ').length} English words (in the client too)`)}
${line('total', totalFiles, totalBytes, `largest file ${kb(Math.max(built.stats.largestFile, rec.largest, keys.largest))}; with verify's manifest this is both indexes`)}`);

// What the full OpenCC converter would have cost the client instead of the map.
const opencc = readFileSync(fileURLToPath(import.meta.resolve('opencc-js/t2cn')));
console.log(`  opencc t2cn.js    ${kb(opencc.length)} (${kb(gzipSync(opencc).length)} gzipped) — not shipped; the manifest map replaces it`);

console.log(`  tokens by class: ${Object.entries(built.stats.classes).map(([c, v]) => `${c} ${v.tokens} (${mb(v.bytes)})`).join(', ')}`);

const client = await bundleSearchClient(built.manifest);
const clientGzip = gzipSync(client).length;
console.log(`  client.js        ${kb(client.length)} minified, ${kb(clientGzip)} gzipped, the manifest included`);

/** A township that has channels, for the "township name" query. */
function townshipName(): string {
  for (const d of docs) {
    if (d.region.length === 9) return registry.regions.get(d.region)!.name;
  }
  return '城关镇';
}

const QUERIES = representativeQueries(townshipName(), ...handleAndAddress(registry.channels));
const width = (text: string, n: number) => text.padEnd(n - (text.match(/[\p{Script=Han}\uff00-\uffef]/gu)?.length ?? 0));

console.log(`\nqueries (cold cache; bytes = shards + blocks + places shown + result lines read; rt = round trips):`);
console.log(`${'query'.padEnd(28)}${'kind'.padEnd(16)}${'files'.padStart(6)}${'rt'.padStart(4)}${'bytes'.padStart(11)}${'gzip'.padStart(11)}${'results'.padStart(9)}${'ms'.padStart(6)}  top place / top result`);
let worst = 0;
let mostTrips = 0;
for (const [query, kind] of QUERIES) {
  const m = await measureQuery(built.manifest, versionDir, query);
  worst = Math.max(worst, m.bytes);
  mostTrips = Math.max(mostTrips, m.roundTrips);
  const count = `${m.total}${m.complete ? '' : '+'}`;
  console.log(`${width(query.length > 27 ? `${query.slice(0, 26)}…` : query, 28)}${kind.padEnd(16)}${String(m.files).padStart(6)}${String(m.roundTrips).padStart(4)}${kb(m.bytes).padStart(11)}${kb(m.gzip).padStart(11)}${count.padStart(9)}${m.ms.toFixed(0).padStart(6)}  ${m.topPlace ? `${m.topPlace} / ` : ''}${m.top ?? '—'}`);
}

let qualityPass = true;
if (perClass > 0) {
  const started = performance.now();
  const queries = naturalQueries(registry, perClass, Number(seed) || 1);
  const index = new SearchIndex(built.manifest, fileSource(built.manifest, async (path) => new Uint8Array(readFileSync(join(outDir, path)))));
  const quality = await measureQuality(index, queries);
  console.log(`\nquality: natural queries made from the dataset's channels, ${perClass} a class; the share whose channel is among the first 10 results,
and of the rest those whose first 10 all bear the channel's very name (and platform, if named), which the query cannot tell apart (${secondsSince(started)}):`);
  for (const q of quality) {
    const share = (100 * q.found) / q.queries;
    if (share < 95) qualityPass = false;
    console.log(`  ${q.kind.padEnd(14)}${`${share.toFixed(1)} %`.padStart(8)}  (${q.found}/${q.queries}; ${q.alike} alike)`);
    for (const miss of q.misses) console.log(`      missed: ${miss}`);
  }
}

const slowest = browserTiming ? await timeInBrowser(dirname(outDir), client, QUERIES.map(([q]) => q)) : 0;

const pass = worst < BUDGET_BYTES && mostTrips <= BUDGET_ROUND_TRIPS && (!browserTiming || slowest <= BUDGET_MS);
console.log(`\n${pass ? 'PASS' : 'FAIL'}: the heaviest query downloads ${kb(worst)} (budget ${kb(BUDGET_BYTES)}, uncompressed) in at most ${mostTrips} round trips (budget ${BUDGET_ROUND_TRIPS})${browserTiming ? `; the slowest shows results in ${slowest.toFixed(0)} ms (budget ${BUDGET_MS})` : ''}; client ${kb(clientGzip)} gzipped${perClass > 0 ? `; quality ${qualityPass ? 'at least' : 'under'} 95 % in every class (the aim, not a budget)` : ''}`);
process.exit(pass ? 0 : 1);

/** Serves the index and a page with the search form, and times queries in throttled Chromium; returns the slowest. */
async function timeInBrowser(siteDir: string, clientCode: string, queries: readonly string[]): Promise<number> {
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
  console.log(`\nin Chromium, CPU 4× slower, 150 ms RTT, 1.6 Mbit/s, cold cache (the page and its client loaded); ms from input to results shown:`);
  let slowest = 0;
  const time = async (query: string) => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 94_000 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await tab.goto(`${origin}/`);
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
  const times: number[] = [];
  for (const query of queries) {
    const ms = await time(query);
    times.push(ms);
    slowest = Math.max(slowest, ms);
    console.log(`  ${width(query.length > 27 ? `${query.slice(0, 26)}…` : query, 28)}${ms.toFixed(0).padStart(6)} ms`);
  }
  await browser.close();
  server.close();
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  console.log(`  median ${median.toFixed(0)} ms, slowest ${slowest.toFixed(0)} ms (${slowest <= BUDGET_MS ? 'within' : 'OVER'} a second)`);
  return slowest;
}
