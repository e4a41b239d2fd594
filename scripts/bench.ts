/**
 * npm run bench [-- --sizes 10000,100000,500000] [--seed 1] [--today YYYY-MM-DD] [--fresh]
 *   [--stages synth,validate]
 *
 * Measures the pipeline on synthetic national datasets and checks the performance budgets.
 * For each size it runs a list of stages in order (generate the dataset, validate it, …);
 * each stage reports wall time and peak memory, and may fail. Stages that run the project's
 * own commands run them as child processes with this Node binary, measured from outside
 * (/usr/bin/time -v when present, else by polling /proc; BENCH_NO_GNU_TIME=1 forces the latter). Prints a table and PASS/FAIL per
 * budget, writes bench-out/results.json, and exits 1 when a budget or a stage fails.
 *
 * To add a stage (site build, search payloads, output size), append to STAGES; to add a
 * budget, append to BUDGETS.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { SYNTHETIC_MARKER } from '../src/domain/load.ts';
import { DEFAULT_TODAY, writeSyntheticDataset } from '../src/synth/dataset.ts';

interface BenchOptions {
  readonly sizes: number[];
  readonly seed: string;
  readonly today: string;
  readonly fresh: boolean;
  readonly stages: string[] | undefined;
}

/** What one stage needs: the dataset of this size and where to put things. */
interface StageContext {
  readonly size: number;
  readonly root: string;
  readonly dataDir: string;
  readonly contentDir: string;
  readonly options: BenchOptions;
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
}

interface Stage {
  readonly name: string;
  run(ctx: StageContext): Promise<Measurement>;
}

interface Budget {
  readonly stage: string;
  readonly size: number;
  readonly metric: 'wallMs' | 'peakRssMiB';
  readonly max: number;
  /** Where the budget comes from. */
  readonly why: string;
}

const OUT = 'bench-out';

/** Budgets from the foundation issue: validating 500,000 rows in under 10 s and 1.5 GB on 2 cores. */
const BUDGETS: Budget[] = [
  { stage: 'validate', size: 500_000, metric: 'wallMs', max: 10_000, why: 'validate 500k rows < 10 s' },
  { stage: 'validate', size: 500_000, metric: 'peakRssMiB', max: 1536, why: 'validate 500k rows < 1.5 GiB peak RSS' },
];

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
      };
    },
  },
  {
    name: 'validate',
    async run(ctx) {
      const env = { ...process.env, DATA_DIR: ctx.dataDir, CONTENT_DIR: ctx.contentDir, REGISTRY_TODAY: ctx.options.today };
      const result = await measureChild(process.execPath, ['scripts/validate.ts', '--quiet'], env);
      const verdict = /validation (passed|failed): .*$/m.exec(result.output)?.[0] ?? result.output.trim().split('\n').pop() ?? '';
      const clean = result.exitCode === 0 && /: 0 errors, 0 warnings/.test(verdict);
      return { ...result, ok: result.exitCode === 0, detail: `${clean ? '' : 'NOT CLEAN: '}${verdict.replace(/ \(.*$/, '')}` };
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

interface ChildResult {
  readonly wallMs: number;
  readonly cpuMs?: number;
  readonly peakRssMiB?: number;
  readonly exitCode: number;
  readonly output: string;
}

const TIME = '/usr/bin/time';

/** Runs a command to completion, measuring wall time, CPU time and peak RSS from outside. */
async function measureChild(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<ChildResult> {
  if (!process.env.BENCH_NO_GNU_TIME && existsSync(TIME) && spawnSync(TIME, ['-v', 'true']).status === 0) {
    const started = performance.now();
    const run = spawnSync(TIME, ['-v', command, ...args], { env, encoding: 'utf8', maxBuffer: 256 << 20 });
    const wallMs = performance.now() - started;
    const stderr = run.stderr ?? '';
    const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1]);
    const user = Number(/User time \(seconds\): ([\d.]+)/.exec(stderr)?.[1]);
    const sys = Number(/System time \(seconds\): ([\d.]+)/.exec(stderr)?.[1]);
    const exitCode = Number(/Exit status: (\d+)/.exec(stderr)?.[1] ?? run.status ?? 1);
    const own = stderr.split('\n').filter((l) => !/^\t|Command (being timed|exited)/.test(l)).join('\n');
    return {
      wallMs,
      cpuMs: Number.isFinite(user + sys) ? (user + sys) * 1000 : undefined,
      peakRssMiB: Number.isFinite(kb) ? kb / 1024 : undefined,
      exitCode,
      output: `${run.stdout ?? ''}${own}`,
    };
  }
  // No GNU time: poll the child's high-water mark (VmHWM only ever grows, so the last reading is the peak so far).
  return new Promise((resolvePromise) => {
    const started = performance.now();
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let peakKb = 0;
    let cpuTicks = 0;
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const poll = () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
        const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        cpuTicks = Number(stat[11]) + Number(stat[12]);
      } catch {
        // the process has just exited, or there is no /proc
      }
    };
    const timer = setInterval(poll, 50);
    child.on('close', (code) => {
      clearInterval(timer);
      resolvePromise({
        wallMs: performance.now() - started,
        cpuMs: cpuTicks > 0 ? cpuTicks * 10 : undefined,
        peakRssMiB: peakKb > 0 ? peakKb / 1024 : undefined,
        exitCode: code ?? 1,
        output,
      });
    });
  });
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
  return { sizes, seed: value('seed') ?? '1', today, fresh: argv.includes('--fresh'), stages };
}

interface Row {
  readonly size: number;
  readonly stage: string;
  readonly measurement: Measurement;
}

const seconds = (ms: number | undefined) => (ms === undefined ? '—' : (ms / 1000).toFixed(2));
const mib = (m: number | undefined) => (m === undefined ? '—' : m.toFixed(0));

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  mkdirSync(OUT, { recursive: true });
  const [load1] = loadavg();
  const machine = { cpus: cpus().length, memoryGiB: +(totalmem() / 2 ** 30).toFixed(1), node: process.version, loadAverageAtStart: +load1!.toFixed(2) };
  console.log(`bench: sizes ${options.sizes.join(', ')}, seed ${options.seed}, today ${options.today}; ${machine.cpus} cores, node ${machine.node}, load average ${machine.loadAverageAtStart}`);
  if (load1! > machine.cpus) console.log('  note: the machine is busy (load above its core count): wall times include waiting for a core; CPU times do not');

  const rows: Row[] = [];
  for (const size of options.sizes) {
    const root = resolve(OUT, String(size));
    const ctx: StageContext = { size, root, dataDir: join(root, 'data'), contentDir: join(root, 'content'), options };
    for (const stage of STAGES) {
      if (options.stages && !options.stages.includes(stage.name)) continue;
      let measurement: Measurement;
      try {
        measurement = await stage.run(ctx);
      } catch (error) {
        measurement = { wallMs: 0, ok: false, detail: `crashed: ${error instanceof Error ? error.message : String(error)}` };
      }
      rows.push({ size, stage: stage.name, measurement });
      const m = measurement;
      console.log(
        `${String(size).padStart(8)}  ${stage.name.padEnd(9)} ${seconds(m.wallMs).padStart(7)} s wall ${seconds(m.cpuMs).padStart(7)} s cpu ${mib(m.peakRssMiB).padStart(6)} MiB peak  ${m.ok ? 'ok  ' : 'FAIL'} ${m.detail}`,
      );
      if (!measurement.ok) break; // later stages need this one's output
    }
  }

  const verdicts = BUDGETS.map((budget) => {
    const row = rows.find((r) => r.stage === budget.stage && r.size === budget.size);
    const value = row?.measurement[budget.metric];
    const status = value === undefined ? 'SKIP' : value <= budget.max ? 'PASS' : 'FAIL';
    return { ...budget, value, status };
  });
  console.log('\nbudgets:');
  for (const v of verdicts) {
    const shown = v.value === undefined ? 'not measured' : v.metric === 'wallMs' ? `${seconds(v.value)} s (limit ${seconds(v.max)} s)` : `${mib(v.value)} MiB (limit ${v.max} MiB)`;
    console.log(`  ${v.status}  ${v.why}: ${shown}`);
  }

  const results = {
    options,
    machine,
    stages: rows.map((r) => ({ size: r.size, stage: r.stage, ...r.measurement })),
    budgets: verdicts,
  };
  writeFileSync(join(OUT, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${join(OUT, 'results.json')}`);
  return rows.some((r) => !r.measurement.ok) || verdicts.some((v) => v.status === 'FAIL') ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
