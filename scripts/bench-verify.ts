/**
 * npm run bench:verify [-- --channels 500000] [--seed 1] [--today YYYY-MM-DD]
 *
 * Measures the verify index on a synthetic national dataset: builds it (and the record store it
 * shares with search) into bench-out/verify-index/<N>/, reports build time and memory, files
 * and bytes, and what lookups of real channels' addresses and handles (and of unknown ones)
 * download from a cold cache: manifest, key shards, record files. PASS/FAIL: every lookup must
 * download under 300 KiB (uncompressed; gzip shown). Exits 1 on FAIL. Reuses bench-out/<N>/ from
 * `npm run bench` when it exists (any seed: the sizes do not depend on it).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SYNTHETIC_MARKER } from '../src/domain/load.ts';
import { DEFAULT_TODAY, writeSyntheticDataset } from '../src/synth/dataset.ts';
import { recordStoreOf } from '../src/store/record-store.ts';
import { bundleVerifyClients } from '../src/verify/bundle-client.ts';
import { VERIFY_DIR, VERIFY_MANIFEST } from '../src/verify/index-format.ts';
import { writeVerifyIndex } from '../src/verify/write-index.ts';
import { lookupInputs, measureLookup, VERIFY_BUDGET_BYTES } from './lib/verify-payload.ts';
import { requiredFlag } from './lib/flags.ts';
import { loadRegistryOrExit } from './lib/load-registry.ts';

const BUDGET_BYTES = VERIFY_BUDGET_BYTES;

const flag = (name: string, fallback: string): string => requiredFlag(name, fallback, 'npm run bench:verify -- [--channels N] [--seed S] [--today YYYY-MM-DD]');

const channels = Number(flag('channels', '500000'));
const seed = flag('seed', '1');
const today = flag('today', DEFAULT_TODAY);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const secondsSince = (t: number) => sec(performance.now() - t);

let root = resolve('bench-out', String(channels));
if (!existsSync(join(root, 'data', SYNTHETIC_MARKER))) {
  root = resolve('bench-out', 'verify-data', String(channels));
  if (!existsSync(join(root, 'data', SYNTHETIC_MARKER))) writeSyntheticDataset({ channels, seed, today, out: root });
}
console.log(`dataset: ${root}`);

let started = performance.now();
const registry = loadRegistryOrExit({ dataDir: join(root, 'data'), contentDir: join(root, 'content') }, today);
const loadedRss = process.memoryUsage().rss;
console.log(`loaded and validated ${registry.channels.length} channels in ${secondsSince(started)} (RSS ${mb(loadedRss)})`);

started = performance.now();
const store = recordStoreOf(registry);
const storeTime = secondsSince(started);
const peakRss = process.resourceUsage().maxRSS * 1024;
const siteDir = resolve('bench-out', 'verify-index', String(channels));
const outDir = join(siteDir, VERIFY_DIR);
rmSync(siteDir, { recursive: true, force: true });
const { manifest } = await writeVerifyIndex(store, outDir);
const manifestSize = Buffer.byteLength(JSON.stringify(manifest));
const { records, keyFiles } = store;
console.log(`
channel store built in ${storeTime}: keys ${sec(store.timings.keys)}, records ${sec(store.timings.records)} (shared with search); peak RSS ${mb(peakRss)}, ${mb(peakRss - loadedRss)} over the loaded registry
written to ${siteDir}
  store: keys      ${String(keyFiles.files).padStart(6)} files ${mb(keyFiles.bytes).padStart(9)}  ${store.keys} keys, ${Math.round(keyFiles.bytes / store.docs.length)} bytes a channel; largest ${kb(keyFiles.largest)}
  store: records   ${String(records.files).padStart(6)} files ${mb(records.bytes).padStart(9)}  shared with search; largest ${kb(records.largest)}
  manifest         ${String(1).padStart(6)} files ${mb(manifestSize).padStart(9)}`);
const clients = await bundleVerifyClients();
console.log(`  client.js        ${kb(clients['client.js'].length)} minified, ${kb(gzipSync(clients['client.js']).length)} gzipped`);

const versionDir = join(outDir, manifest.version);
const manifestBytes = readFileSync(join(outDir, VERIFY_MANIFEST));

const picks = [0, Math.floor(registry.channels.length / 3), Math.floor(registry.channels.length / 2), registry.channels.length - 1]
  .map((i) => registry.channels[i]!);
const inputs = lookupInputs(picks);

console.log('\nlookups (cold cache; bytes = manifest + key shards + record files):');
let fail = false;
for (const [input, what] of inputs) {
  const m = await measureLookup(manifest, manifestBytes, versionDir, input);
  const ok = m.bytes < BUDGET_BYTES;
  if (!ok) fail = true;
  console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${what.padEnd(22)} ${kb(m.bytes).padStart(9)} (${kb(m.gzip)} gzipped) in ${m.files} files — ${m.answer}  ${input}`);
}
process.exit(fail ? 1 : 0);
