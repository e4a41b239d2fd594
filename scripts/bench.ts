/**
 * npm run bench [-- --sizes 10000,100000,500000] [--seed 1] [--today YYYY-MM-DD] [--fresh]
 *   [--stages synth,validate,build,output,search,verify] [--timeout-minutes 20]
 *
 * The whole-pipeline benchmark of the national-scale issue. For each size it generates a
 * synthetic dataset (bench-out/<N>/data, content; reused when unchanged), then runs stages in
 * order — validate it, build the site with `astro build` (every page, then the build-done
 * writers: downloads, search index, verify index), measure what was published, what searches
 * and verify lookups download — and checks the budgets. Commands run as child processes with
 * this Node binary, measured from outside (wall time, CPU time, peak RSS: scripts/lib/child.ts).
 * A build is stopped after --timeout-minutes and reported as FAIL with how far it got (pages
 * rendered so far, from Astro's log, which is kept in bench-out/<N>/build.log).
 *
 * Prints progress lines, then ONE table (a row per figure, a column per size, the budget and
 * PASS/FAIL), the linear-growth check between sizes and, when 500,000 was not run, a linear
 * projection to it from the two largest sizes. Writes the same figures to bench-out/results.json.
 * Exits 1 when a stage or a budget fails.
 *
 * To add a stage, append to STAGES (it may read earlier stages' figures from ctx.figures); to
 * add a budget, append to BUDGETS.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { SYNTHETIC_MARKER } from '../src/domain/load.ts';
import { builtinRegionEntries } from '../src/domain/regions.ts';
import type { SearchManifest } from '../src/search/layout.ts';
import { MANIFEST_FILE } from '../src/search/layout.ts';
import { SEARCH_DIR } from '../src/store/record-store.ts';
import { DEFAULT_TODAY, writeSyntheticDataset } from '../src/synth/dataset.ts';
import { VERIFY_DIR, VERIFY_MANIFEST, type VerifyManifest } from '../src/verify/index-format.ts';
import { FILE_BYTE_LIMIT } from '../src/downloads/json-api.ts';
import { summariseAstroLog } from './lib/astro-log.ts';
import { measureChild } from './lib/child.ts';
import { CLOSURES_BUDGETS } from './lib/closures-budgets.ts';
import { handleAndAddress, measureQuery, representativeQueries, SEARCH_BUDGET_BYTES } from './lib/search-payload.ts';
import { pageTransfer, summariseOutput } from './lib/site-output.ts';
import { lookupInputs, measureLookup, VERIFY_BUDGET_BYTES } from './lib/verify-payload.ts';

interface BenchOptions {
  readonly sizes: number[];
  readonly seed: string;
  readonly today: string;
  readonly fresh: boolean;
  readonly stages: string[] | undefined;
  readonly timeoutMinutes: number;
}

/** Every figure of one size, flat, as results.json holds it. */
type Figures = Record<string, number | string | boolean | undefined>;

/** What one stage needs: the dataset of this size, where to put things, earlier stages' figures. */
interface StageContext {
  readonly size: number;
  readonly root: string;
  readonly dataDir: string;
  readonly contentDir: string;
  /** The built site (bench-out/<N>/site). */
  readonly siteDir: string;
  readonly options: BenchOptions;
  readonly figures: Figures;
}

interface Measurement {
  readonly wallMs: number;
  /** User + system CPU time, when known (on a shared machine wall time includes waiting). */
  readonly cpuMs?: number;
  /** Peak resident set size in MiB, when known. */
  readonly peakRssMiB?: number;
  readonly ok: boolean;
  /** One line: what came out (counts, verdict, why it failed). */
  readonly detail: string;
  /** Figures for the table and results.json (merged into the size's figures). */
  readonly figures?: Figures;
}

interface Stage {
  readonly name: string;
  run(ctx: StageContext): Promise<Measurement>;
}

const OUT = 'bench-out';
const NATIONAL = 500_000;
const KiB = 1024;
const MiB = 1024 * 1024;

/**
 * A page's HTML "stays lean": no page over this many gzipped bytes (what the visitor's link
 * carries). A second on slow 4G (~1.6 Mbit/s) is about 200 KB; half of it for the HTML.
 */
const LEAN_PAGE_GZIP = 100 * KiB;
/** …and no page over this many raw bytes (what the phone parses and lays out). */
const LEAN_PAGE_RAW = 1 * MiB;

interface Budget {
  readonly id: string;
  /** The figure (a key of Figures) compared with `max`. */
  readonly figure: string;
  readonly max: number;
  /** 'national': judged at 500,000 channels only; 'every': at each size run. */
  readonly at: 'national' | 'every';
  readonly unit: 'ms' | 'MiB' | 'bytes';
  /** Where the budget comes from. */
  readonly why: string;
}

/** The national-scale issue's budgets (and the foundation issue's for validation). */
const BUDGETS: Budget[] = [
  { id: 'pipeline-time', figure: 'pipelineMs', max: 300_000, at: 'national', unit: 'ms', why: 'npm run build (validate + every page + indexes), 500k channels < 5 min' },
  { id: 'pipeline-memory', figure: 'peakRssMiB', max: 3072, at: 'national', unit: 'MiB', why: 'peak memory of any step, 500k channels < 3 GiB' },
  { id: 'validate-time', figure: 'validateMs', max: 10_000, at: 'national', unit: 'ms', why: 'validate 500k rows < 10 s' },
  { id: 'validate-memory', figure: 'validateRssMiB', max: 1536, at: 'national', unit: 'MiB', why: 'validate 500k rows < 1.5 GiB' },
  { id: 'output-size', figure: 'outputBytes', max: 1e9, at: 'every', unit: 'bytes', why: 'published output < 1 GB' },
  { id: 'largest-file', figure: 'largestFileBytes', max: FILE_BYTE_LIMIT, at: 'every', unit: 'bytes', why: 'no file over 25 MB' },
  { id: 'lean-pages-gzip', figure: 'heaviestPageGzip', max: LEAN_PAGE_GZIP, at: 'every', unit: 'bytes', why: 'every page\'s HTML < 100 KiB gzipped' },
  { id: 'lean-pages-raw', figure: 'heaviestPageBytes', max: LEAN_PAGE_RAW, at: 'every', unit: 'bytes', why: 'every page\'s HTML < 1 MiB raw' },
  { id: 'search-payload', figure: 'searchWorstBytes', max: SEARCH_BUDGET_BYTES, at: 'every', unit: 'bytes', why: 'each search downloads < 300 KiB' },
  { id: 'verify-payload', figure: 'verifyWorstBytes', max: VERIFY_BUDGET_BYTES, at: 'every', unit: 'bytes', why: 'each verify lookup downloads < 300 KiB' },
  { id: 'closures-first-screen', figure: 'closuresTransferGzip', max: CLOSURES_BUDGETS.firstScreenGzip, at: 'every', unit: 'bytes', why: '/closures/ first screen (everything it loads, gzipped) < 1 s on slow 4G' },
  { id: 'home-transfer', figure: 'homeTransferGzip', max: 100 * KiB, at: 'every', unit: 'bytes', why: 'home page < 100 KiB transferred in total' },
];

/** Figures that must grow at most linearly with the channel count. */
const LINEAR: { figure: string; label: string }[] = [
  { figure: 'pipelineMs', label: 'pipeline time' },
  { figure: 'buildRssMiB', label: 'build peak memory' },
  { figure: 'validateMs', label: 'validate time' },
  { figure: 'outputBytes', label: 'output bytes' },
];

/** The environment of a clean production build (as tests/helpers/build-site.ts makes it). */
function buildEnv(ctx: StageContext): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (/^(NODE_ENV|MODE|PROD|DEV|SSR|BASE_URL|TEST|VITEST.*|NODE_OPTIONS)$/.test(key)) delete env[key];
  return {
    ...env,
    DATA_DIR: ctx.dataDir,
    CONTENT_DIR: ctx.contentDir,
    REGISTRY_TODAY: ctx.options.today,
    OUT_DIR: ctx.siteDir,
    ASTRO_CACHE_DIR: join(ctx.root, 'astro-cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
  };
}

/** A few rows of the dataset's first channel file: verify inputs and a township name for search. */
function sampleRows(dataDir: string): Record<string, string>[] {
  const dir = join(dataDir, 'channels');
  const file = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()[0]!;
  return Papa.parse<Record<string, string>>(readFileSync(join(dir, file), 'utf8'), { header: true, skipEmptyLines: true }).data;
}

function townshipName(rows: readonly Record<string, string>[]): string {
  const code = rows.find((r) => /^\d{9}$/.test(r.region ?? ''))?.region;
  return (code && builtinRegionEntries().find((e) => e.code === code)?.name) || '城关镇';
}

const STAGES: Stage[] = [
  {
    name: 'synth',
    async run(ctx) {
      const marker = join(ctx.dataDir, SYNTHETIC_MARKER);
      const wanted = { seed: ctx.options.seed, channels: ctx.size, today: ctx.options.today };
      if (!ctx.options.fresh && existsSync(marker) && sameDataset(marker, wanted) && statSync(marker).mtimeMs > newestGeneratorChange()) {
        return { wallMs: 0, ok: true, detail: 'reused (same seed, size, today and generator; --fresh to regenerate)' };
      }
      const started = performance.now();
      const summary = writeSyntheticDataset({ channels: ctx.size, seed: ctx.options.seed, today: ctx.options.today, out: ctx.root });
      const closures = summary.byStatus.closed + summary.byStatus.closing;
      return {
        wallMs: performance.now() - started,
        ok: summary.channels === ctx.size,
        detail: `${summary.channels} channels in ${summary.files} files, ${summary.notices} notices, ${((100 * closures) / summary.channels).toFixed(1)}% closures (in-process)`,
        figures: { closures },
      };
    },
  },
  {
    name: 'validate',
    async run(ctx) {
      const env = { ...process.env, DATA_DIR: ctx.dataDir, CONTENT_DIR: ctx.contentDir, REGISTRY_TODAY: ctx.options.today };
      const result = await measureChild(process.execPath, ['scripts/validate.ts', '--quiet'], { env, timeoutMs: ctx.options.timeoutMinutes * 60_000 });
      const verdict = /validation (passed|failed): .*$/m.exec(result.output)?.[0] ?? result.output.trim().split('\n').pop() ?? '';
      const clean = result.exitCode === 0 && /: 0 errors, 0 warnings/.test(verdict);
      return {
        ...result,
        ok: result.exitCode === 0,
        detail: `${result.timedOut ? 'TIMED OUT: ' : ''}${clean ? '' : 'NOT CLEAN: '}${verdict.replace(/ \(.*$/, '')}`,
        figures: { validateMs: result.wallMs, validateCpuMs: result.cpuMs, validateRssMiB: result.peakRssMiB },
      };
    },
  },
  {
    name: 'build',
    async run(ctx) {
      rmSync(ctx.siteDir, { recursive: true, force: true });
      rmSync(join(ctx.root, 'astro-cache'), { recursive: true, force: true });
      const logFile = join(ctx.root, 'build.log');
      const timeoutMs = ctx.options.timeoutMinutes * 60_000;
      let pages = 0;
      let lastReport = performance.now();
      const started = performance.now();
      const result = await measureChild(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
        env: buildEnv(ctx),
        timeoutMs,
        logFile,
        onLine: (line) => {
          if (/[├└]─ \//.test(line)) pages++;
          if (performance.now() - lastReport > 60_000) {
            lastReport = performance.now();
            console.log(`          … ${((lastReport - started) / 60_000).toFixed(0)} min: ${pages.toLocaleString('en-US')} pages so far (log: ${logFile})`);
          }
        },
      });
      const log = summariseAstroLog(result.output);
      const p = log.phases;
      const writersS = Object.values(log.integrations).reduce((a, b) => a + b, 0);
      const pagesPerSecond = p.pagesS ? log.pages / p.pagesS : undefined;
      const figures: Figures = {
        buildMs: result.wallMs,
        buildCpuMs: result.cpuMs,
        buildRssMiB: result.peakRssMiB,
        buildTimedOut: result.timedOut,
        pages: log.pages,
        pagesPerSecond,
        setupS: p.setupS,
        siteDataS: p.beforeFirstPageS,
        pagesS: p.pagesS,
        writersS,
        ...Object.fromEntries(Object.entries(log.integrations).map(([name, s]) => [`writer:${name}`, s])),
        ...Object.fromEntries(Object.entries(log.kinds).flatMap(([kind, k]) => [[`pages:${kind}`, k.pages], [`renderS:${kind}`, k.ms / 1000]])),
      };
      // `npm run build` is `astro build`, which validates (once) before rendering: the build is the pipeline
      if (result.exitCode === 0) figures.pipelineMs = result.wallMs;
      const peaks = [ctx.figures.validateRssMiB, result.peakRssMiB].filter((v): v is number => typeof v === 'number');
      if (peaks.length) figures.peakRssMiB = Math.max(...peaks);
      if (result.timedOut || result.exitCode !== 0) {
        const tail = result.output.trim().split('\n').filter((l) => /\berror\b/i.test(l) && !/\[WARN\]/.test(l)).slice(-2).join(' | ');
        const how = result.timedOut ? `TIMED OUT after ${ctx.options.timeoutMinutes} min` : `exit ${result.exitCode}`;
        return {
          ...result,
          ok: false,
          detail: `${how}: ${log.pages.toLocaleString('en-US')} pages rendered${log.pagesDone ? ' (all)' : ' so far'}${log.lastPage ? `, last ${log.lastPage}` : ''}${pagesPerSecond ? `, ${pagesPerSecond.toFixed(0)} pages/s` : ''}${tail ? `; ${tail.slice(0, 300)}` : ''} (log: ${logFile})`,
          figures,
        };
      }
      return {
        ...result,
        ok: true,
        detail: `${log.pages.toLocaleString('en-US')} pages in ${p.pagesS?.toFixed(0)} s (${pagesPerSecond?.toFixed(0)}/s); setup ${p.setupS} s, before first page ${p.beforeFirstPageS} s, writers ${writersS.toFixed(1)} s (${Object.entries(log.integrations).map(([n, s]) => `${n} ${s}`).join(', ')})`,
        figures,
      };
    },
  },
  {
    name: 'output',
    async run(ctx) {
      const started = performance.now();
      const out = summariseOutput(ctx.siteDir);
      const home = ['index.html', 'en/index.html'].map((p) => pageTransfer(ctx.siteDir, p)).reduce((a, b) => (b.gzip > a.gzip ? b : a));
      const closures = ['closures/index.html', 'en/closures/index.html'].map((p) => pageTransfer(ctx.siteDir, p)).reduce((a, b) => (b.gzip > a.gzip ? b : a));
      const heaviest = Object.values(out.heaviest);
      const figures: Figures = {
        outputBytes: out.bytes,
        outputFiles: out.files,
        largestFileBytes: out.largest.bytes,
        largestFile: out.largest.path,
        heaviestPageBytes: Math.max(...heaviest.map((h) => h.bytes)),
        heaviestPageGzip: Math.max(...heaviest.map((h) => h.gzip)),
        homeTransferGzip: home.gzip,
        homeTransferBytes: home.bytes,
        homeTransferFiles: home.files.map((f) => `${f.path} ${f.gzip}`).join(', '),
        closuresTransferGzip: closures.gzip,
        closuresTransferBytes: closures.bytes,
        closuresTransferFiles: closures.files.map((f) => `${f.path} ${f.gzip}`).join(', '),
        ...Object.fromEntries(Object.entries(out.heaviest).flatMap(([kind, h]) => [[`html:${kind}`, h.bytes], [`htmlGzip:${kind}`, h.gzip], [`htmlPath:${kind}`, h.path]])),
        ...Object.fromEntries(Object.entries(out.htmlPages).map(([kind, n]) => [`htmlPages:${kind}`, n])),
        ...Object.fromEntries(Object.entries(out.areas).flatMap(([area, a]) => [[`bytes:${area}`, a.bytes], [`files:${area}`, a.files]])),
      };
      return {
        wallMs: performance.now() - started,
        ok: true,
        detail: `${(out.bytes / 1e6).toFixed(1)} MB in ${out.files.toLocaleString('en-US')} files; largest ${out.largest.path} ${(out.largest.bytes / 1e6).toFixed(1)} MB; home ${(home.gzip / KiB).toFixed(1)} KiB gz in ${home.files.length} files; closures ${(closures.gzip / KiB).toFixed(1)} KiB gz`,
        figures,
      };
    },
  },
  {
    name: 'search',
    async run(ctx) {
      const started = performance.now();
      const dir = join(ctx.siteDir, SEARCH_DIR);
      const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as SearchManifest;
      const figures: Figures = {};
      let worst = { query: '', bytes: 0 };
      const rows = sampleRows(ctx.dataDir);
      for (const [query] of representativeQueries(townshipName(rows), ...handleAndAddress(rows))) {
        const m = await measureQuery(manifest, join(dir, manifest.version), query);
        figures[`search:${query}`] = m.bytes;
        if (m.bytes > worst.bytes) worst = { query, bytes: m.bytes };
      }
      figures.searchWorstBytes = worst.bytes;
      figures.searchWorstQuery = worst.query;
      return { wallMs: performance.now() - started, ok: true, detail: `heaviest query "${worst.query}" ${(worst.bytes / KiB).toFixed(1)} KiB`, figures };
    },
  },
  {
    name: 'verify',
    async run(ctx) {
      const started = performance.now();
      const dir = join(ctx.siteDir, VERIFY_DIR);
      const manifestBytes = readFileSync(join(dir, VERIFY_MANIFEST));
      const manifest = JSON.parse(manifestBytes.toString('utf8')) as VerifyManifest;
      const rows = sampleRows(ctx.dataDir);
      const picks = [0, Math.floor(rows.length / 3), Math.floor(rows.length / 2), rows.length - 1].map((i) => rows[i]!);
      let worst = { input: '', bytes: 0 };
      for (const [input] of lookupInputs(picks.map((r) => ({ url: r.url || undefined, handle: r.handle || undefined, platform: r.platform ?? '' })))) {
        const m = await measureLookup(manifest, manifestBytes, join(dir, manifest.version), input);
        if (m.bytes > worst.bytes) worst = { input, bytes: m.bytes };
      }
      return {
        wallMs: performance.now() - started,
        ok: true,
        detail: `heaviest lookup ${(worst.bytes / KiB).toFixed(1)} KiB (${worst.input})`,
        figures: { verifyWorstBytes: worst.bytes, verifyWorstInput: worst.input },
      };
    },
  },
];

/** When the generator's code last changed: a dataset older than that is made again. */
function newestGeneratorChange(): number {
  const dir = 'src/synth';
  return Math.max(...readdirSync(dir).map((f) => statSync(join(dir, f)).mtimeMs));
}

function sameDataset(marker: string, wanted: { seed: string; channels: number; today: string }): boolean {
  try {
    const m = JSON.parse(readFileSync(marker, 'utf8')) as { seed?: unknown; channels?: unknown; today?: unknown };
    return String(m.seed) === wanted.seed && m.channels === wanted.channels && m.today === wanted.today;
  } catch {
    return false;
  }
}

function parseOptions(argv: string[]): BenchOptions {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const sizes = (value('sizes') ?? '10000,100000,500000').split(',').map((s) => Number(s.replace(/_/g, '')));
  if (sizes.some((n) => !Number.isSafeInteger(n) || n < 1)) throw new Error(`--sizes must be whole numbers separated by commas, not ${value('sizes')}`);
  const today = value('today') ?? DEFAULT_TODAY;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`--today must be YYYY-MM-DD, not ${today}`);
  const stages = value('stages')?.split(',');
  for (const s of stages ?? []) if (!STAGES.some((stage) => stage.name === s)) throw new Error(`unknown stage ${s}; stages: ${STAGES.map((st) => st.name).join(', ')}`);
  const timeoutMinutes = Number(value('timeout-minutes') ?? '20');
  if (!(timeoutMinutes > 0)) throw new Error(`--timeout-minutes must be a positive number, not ${value('timeout-minutes')}`);
  return { sizes: [...sizes].sort((a, b) => a - b), seed: value('seed') ?? '1', today, fresh: argv.includes('--fresh'), stages, timeoutMinutes };
}

interface Row {
  readonly size: number;
  readonly stage: string;
  readonly measurement: Measurement;
}

const seconds = (ms: number | undefined) => (ms === undefined ? '—' : (ms / 1000).toFixed(2));
const mib = (m: number | undefined) => (m === undefined ? '—' : m.toFixed(0));
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function show(value: unknown, unit: 'ms' | 'MiB' | 'bytes' | 's' | 'n' | '/s'): string {
  const v = num(value);
  if (v === undefined) return typeof value === 'string' ? value : '—';
  switch (unit) {
    case 'ms':
      return `${(v / 1000).toFixed(1)} s`;
    case 's':
      return `${v.toFixed(1)} s`;
    case 'MiB':
      return `${v.toFixed(0)} MiB`;
    case 'bytes':
      return v >= 10 * MiB ? `${(v / MiB).toFixed(1)} MiB` : `${(v / KiB).toFixed(1)} KiB`;
    case '/s':
      return v.toFixed(0);
    case 'n':
      return v.toLocaleString('en-US');
  }
}

/** Linear projection to `target` from the two largest sizes measured (or proportional from one). */
function project(bySize: Map<number, Figures>, figure: string, target: number): number | undefined {
  const points = [...bySize.entries()].map(([size, f]) => [size, num(f[figure])] as const).filter((p): p is readonly [number, number] => p[1] !== undefined && p[0] < target);
  // One size says nothing about the fixed cost, so no projection from it.
  if (points.length < 2) return undefined;
  const [a, b] = points.slice(-2) as [readonly [number, number], readonly [number, number]];
  const slope = (b[1] - a[1]) / (b[0] - a[0]);
  return b[1] + slope * (target - b[0]);
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  mkdirSync(OUT, { recursive: true });
  const [load1] = loadavg();
  const machine = { cpus: cpus().length, memoryGiB: +(totalmem() / 2 ** 30).toFixed(1), node: process.version, loadAverageAtStart: +load1!.toFixed(2) };
  console.log(
    `bench: sizes ${options.sizes.join(', ')}, seed ${options.seed}, today ${options.today}, build limit ${options.timeoutMinutes} min; ${machine.cpus} cores, node ${machine.node}, load average ${machine.loadAverageAtStart}`,
  );
  if (load1! > machine.cpus) console.log('  note: the machine is busy (load above its core count): wall times include waiting for a core; CPU times do not');

  const rows: Row[] = [];
  const bySize = new Map<number, Figures>();
  for (const size of options.sizes) {
    const root = resolve(OUT, String(size));
    const figures: Figures = { channels: size };
    bySize.set(size, figures);
    const ctx: StageContext = { size, root, dataDir: join(root, 'data'), contentDir: join(root, 'content'), siteDir: join(root, 'site'), options, figures };
    for (const stage of STAGES) {
      if (options.stages && !options.stages.includes(stage.name)) continue;
      let measurement: Measurement;
      try {
        measurement = await stage.run(ctx);
      } catch (error) {
        measurement = { wallMs: 0, ok: false, detail: `crashed: ${error instanceof Error ? error.message : String(error)}` };
      }
      Object.assign(figures, measurement.figures);
      rows.push({ size, stage: stage.name, measurement });
      const m = measurement;
      console.log(
        `${String(size).padStart(8)}  ${stage.name.padEnd(9)} ${seconds(m.wallMs).padStart(7)} s wall ${seconds(m.cpuMs).padStart(7)} s cpu ${mib(m.peakRssMiB).padStart(6)} MiB peak  ${m.ok ? 'ok  ' : 'FAIL'} ${m.detail}`,
      );
      if (!measurement.ok) break; // later stages need this one's output
    }
  }

  // Budgets: judged where measured; national ones projected when 500k was not run.
  const sizes = options.sizes;
  const verdicts = BUDGETS.map((budget) => {
    const judged = budget.at === 'national' ? sizes.filter((s) => s === NATIONAL) : sizes;
    const values = judged.map((s) => ({ size: s, value: num(bySize.get(s)?.[budget.figure]) }));
    const measured = values.filter((v) => v.value !== undefined);
    const failed = measured.filter((v) => v.value! > budget.max);
    const projected = budget.at === 'national' && !sizes.includes(NATIONAL) ? project(bySize, budget.figure, NATIONAL) : undefined;
    // A build stopped by the time limit fails the time budget even without a figure.
    const timedOut = budget.id === 'pipeline-time' && bySize.get(NATIONAL)?.buildTimedOut === true;
    const status = failed.length > 0 || timedOut ? 'FAIL' : measured.length > 0 ? 'PASS' : 'SKIP';
    return { ...budget, values, status, projected500k: projected, projectedStatus: projected === undefined ? undefined : projected <= budget.max ? 'PASS' : 'FAIL' };
  });

  // Linear growth: between consecutive sizes, a figure may grow at most as much as the size.
  const growth: { figure: string; from: number; to: number; sizeRatio: number; ratio: number; status: string }[] = [];
  for (let i = 1; i < sizes.length; i++) {
    const [a, b] = [sizes[i - 1]!, sizes[i]!];
    for (const { figure } of LINEAR) {
      const [va, vb] = [num(bySize.get(a)?.[figure]), num(bySize.get(b)?.[figure])];
      if (va === undefined || vb === undefined) continue;
      growth.push({ figure, from: a, to: b, sizeRatio: b / a, ratio: vb / va, status: vb / va <= b / a ? 'PASS' : 'FAIL' });
    }
  }

  printTable(sizes, bySize, verdicts);
  if (growth.length) {
    console.log('\nlinear growth (a figure may grow at most as much as the channel count):');
    for (const g of growth) console.log(`  ${g.status}  ${LINEAR.find((l) => l.figure === g.figure)!.label.padEnd(18)} ${g.from} → ${g.to}: ×${g.ratio.toFixed(2)} for ×${g.sizeRatio.toFixed(0)} channels`);
  }
  const projections = verdicts.filter((v) => v.projected500k !== undefined);
  if (projections.length) {
    console.log(`\nnot run at ${NATIONAL.toLocaleString('en-US')}: linear projection from the two largest sizes run (an estimate, not a measurement):`);
    for (const v of projections) console.log(`  ${v.projectedStatus}?  ${v.why}: ~${show(v.projected500k, v.unit)} (limit ${show(v.max, v.unit)})`);
    const pages = project(bySize, 'pages', NATIONAL);
    if (pages) console.log(`  pages: ~${Math.round(pages).toLocaleString('en-US')}`);
  }

  const results = {
    options,
    machine,
    stages: rows.map((r) => ({ size: r.size, stage: r.stage, ...r.measurement, figures: undefined })),
    figures: Object.fromEntries(bySize),
    budgets: verdicts,
    growth,
  };
  writeFileSync(join(OUT, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${join(OUT, 'results.json')}`);
  return rows.some((r) => !r.measurement.ok) || verdicts.some((v) => v.status === 'FAIL') || growth.some((g) => g.status === 'FAIL') ? 1 : 0;
}

/** The one table: a row per figure, a column per size, then the budget and its verdict. */
function printTable(sizes: number[], bySize: Map<number, Figures>, verdicts: { figure: string; max: number; unit: 'ms' | 'MiB' | 'bytes'; status: string; at: string }[]): void {
  const kinds = [...new Set(sizes.flatMap((s) => Object.keys(bySize.get(s) ?? {}).filter((k) => k.startsWith('html:')).map((k) => k.slice(5))))].sort();
  const renderKinds = [...new Set(sizes.flatMap((s) => Object.keys(bySize.get(s) ?? {}).filter((k) => k.startsWith('renderS:')).map((k) => k.slice(8))))].sort();
  // parts of the output, heaviest first (at the largest size run)
  const largestRun = bySize.get(sizes[sizes.length - 1]!) ?? {};
  const areas = [...new Set(sizes.flatMap((s) => Object.keys(bySize.get(s) ?? {}).filter((k) => k.startsWith('bytes:')).map((k) => k.slice(6))))].sort(
    (a, b) => (num(largestRun[`bytes:${b}`]) ?? 0) - (num(largestRun[`bytes:${a}`]) ?? 0),
  );
  const writers = [...new Set(sizes.flatMap((s) => Object.keys(bySize.get(s) ?? {}).filter((k) => k.startsWith('writer:')).map((k) => k.slice(7))))].sort();
  const lines: [label: string, figure: string, unit: Parameters<typeof show>[1]][] = [
    ['validate: wall', 'validateMs', 'ms'],
    ['validate: peak RSS', 'validateRssMiB', 'MiB'],
    ['build: wall (astro build)', 'buildMs', 'ms'],
    ['build: CPU', 'buildCpuMs', 'ms'],
    ['build: peak RSS', 'buildRssMiB', 'MiB'],
    ['  setup (config, content, Vite)', 'setupS', 's'],
    ['  before 1st page (siteData)', 'siteDataS', 's'],
    ['  pages', 'pagesS', 's'],
    ['  pages rendered', 'pages', 'n'],
    ['  pages per second', 'pagesPerSecond', '/s'],
    ...renderKinds.flatMap((k): [string, string, 's' | 'n'][] => [
      [`    ${k}: pages`, `pages:${k}`, 'n'],
      [`    ${k}: render time`, `renderS:${k}`, 's'],
    ]),
    ['index: writers after pages', 'writersS', 's'],
    ...writers.map((w): [string, string, 's'] => [`    ${w}`, `writer:${w}`, 's']),
    ['pipeline: npm run build', 'pipelineMs', 'ms'],
    ['pipeline: peak RSS', 'peakRssMiB', 'MiB'],
    ['output: bytes', 'outputBytes', 'bytes'],
    ['output: files', 'outputFiles', 'n'],
    ...areas.flatMap((a): [string, string, 'bytes' | 'n'][] => [
      [`  ${a === 'other' ? 'top-level files' : `${a}/`} (zh + en)`, `bytes:${a}`, 'bytes'],
      [`    files`, `files:${a}`, 'n'],
    ]),
    ['output: largest file', 'largestFileBytes', 'bytes'],
    ['  (which)', 'largestFile', 'n'],
    ...kinds.map((k): [string, string, 'bytes'] => [`HTML ${k} (heaviest)`, `html:${k}`, 'bytes']),
    ['HTML heaviest page, raw', 'heaviestPageBytes', 'bytes'],
    ['HTML heaviest page, gzip', 'heaviestPageGzip', 'bytes'],
    ['home: transferred (gzip)', 'homeTransferGzip', 'bytes'],
    ['closures: first screen (gzip)', 'closuresTransferGzip', 'bytes'],
    ['search: heaviest query', 'searchWorstBytes', 'bytes'],
    ['  (which)', 'searchWorstQuery', 'n'],
    ['verify: heaviest lookup', 'verifyWorstBytes', 'bytes'],
  ];
  const width = 34;
  const col = 15;
  console.log(`\n${'figure'.padEnd(width)}${sizes.map((s) => s.toLocaleString('en-US').padStart(col)).join('')}${'budget'.padStart(col + 3)}  verdict`);
  for (const [label, figure, unit] of lines) {
    if (!sizes.some((s) => bySize.get(s)?.[figure] !== undefined)) continue;
    const v = verdicts.find((b) => b.figure === figure);
    const cells = sizes.map((s) => {
      const value = bySize.get(s)?.[figure];
      const text = show(value, unit);
      return (typeof value === 'string' ? text.slice(-(col - 1)) : text).padStart(col);
    });
    const budget = v ? `${v.at === 'national' ? '500k ' : ''}≤${show(v.max, v.unit)}` : '';
    console.log(`${label.padEnd(width)}${cells.join('')}${budget.padStart(col + 3)}  ${v?.status ?? ''}`);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
