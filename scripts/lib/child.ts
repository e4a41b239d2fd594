/**
 * Runs one of the project's commands as a child process and measures it from outside: wall
 * time, CPU time (user + system) and peak resident memory of the largest process in the tree.
 * Uses GNU time (/usr/bin/time -v) when present, else polls /proc (BENCH_NO_GNU_TIME=1 forces
 * that). Output is streamed to a log file as it comes, so a run that is stopped still shows how
 * far it got, and an optional time limit stops the whole process tree (coreutils `timeout`
 * signals the process group it leads, so npm, sh and astro all stop).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';

export interface ChildResult {
  readonly wallMs: number;
  /** User + system CPU time, when known (on a shared machine wall time includes waiting). */
  readonly cpuMs?: number;
  /** Peak resident set size in MiB of the largest process, when known. */
  readonly peakRssMiB?: number;
  readonly exitCode: number;
  /** True when the time limit stopped it. */
  readonly timedOut: boolean;
  /** Everything it printed (stdout and stderr, interleaved), minus GNU time's report. */
  readonly output: string;
}

export interface ChildOptions {
  readonly env: NodeJS.ProcessEnv;
  /** Stop the child (and everything it started) after this long. */
  readonly timeoutMs?: number;
  /** Also write the output here as it comes. */
  readonly logFile?: string;
  /** Called with each complete line of output (progress reports). */
  readonly onLine?: (line: string) => void;
}

const TIME = '/usr/bin/time';
const TIMEOUT = '/usr/bin/timeout';

let gnuTime: boolean | undefined;
function haveGnuTime(): boolean {
  gnuTime ??= !process.env.BENCH_NO_GNU_TIME && existsSync(TIME) && spawnSync(TIME, ['-v', 'true']).status === 0;
  return gnuTime;
}

/** GNU time's report starts with this line; everything from it on is the report. */
const REPORT_START = /^(Command exited with non-zero status \d+|Command terminated by signal \d+)?\n?\tCommand being timed:/m;

export function measureChild(command: string, args: readonly string[], options: ChildOptions): Promise<ChildResult> {
  const useTime = haveGnuTime();
  const limited = options.timeoutMs !== undefined && existsSync(TIMEOUT);
  const argv = [command, ...args];
  // timeout first sends TERM to its process group, then KILL 15 s later if anything is left.
  if (limited) argv.unshift(TIMEOUT, '--kill-after=15', `${Math.ceil(options.timeoutMs! / 1000)}s`);
  if (useTime) argv.unshift(TIME, '-v');
  const log = options.logFile ? createWriteStream(options.logFile) : undefined;

  return new Promise((resolvePromise) => {
    const started = performance.now();
    const child = spawn(argv[0]!, argv.slice(1), { env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let pending = '';
    let peakKb = 0;
    let cpuTicks = 0;
    let killedByUs = false;
    const take = (d: Buffer) => {
      const text = d.toString();
      output += text;
      log?.write(text);
      if (options.onLine) {
        pending += text;
        const lines = pending.split('\n');
        pending = lines.pop()!;
        for (const line of lines) options.onLine(line);
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    // Without GNU time: poll the child's high-water mark (VmHWM only grows). Only sees the
    // direct child, so commands are run without npm in between when measured this way.
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
    const timer = useTime ? undefined : setInterval(poll, 50);
    // No coreutils timeout: stop the direct child ourselves.
    const guard =
      options.timeoutMs !== undefined && !limited
        ? setTimeout(() => {
            killedByUs = true;
            child.kill('SIGTERM');
          }, options.timeoutMs)
        : undefined;
    child.on('close', (code) => {
      if (timer) clearInterval(timer);
      if (guard) clearTimeout(guard);
      if (pending && options.onLine) options.onLine(pending);
      log?.end();
      const wallMs = performance.now() - started;
      let exitCode = code ?? 1;
      let cpuMs = cpuTicks > 0 ? cpuTicks * 10 : undefined;
      let peakRssMiB = peakKb > 0 ? peakKb / 1024 : undefined;
      if (useTime) {
        const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(output)?.[1]);
        const user = Number(/User time \(seconds\): ([\d.]+)/.exec(output)?.[1]);
        const sys = Number(/System time \(seconds\): ([\d.]+)/.exec(output)?.[1]);
        exitCode = Number(/Exit status: (\d+)/.exec(output)?.[1] ?? exitCode);
        cpuMs = Number.isFinite(user + sys) ? (user + sys) * 1000 : undefined;
        peakRssMiB = Number.isFinite(kb) ? kb / 1024 : undefined;
        const at = output.search(REPORT_START);
        if (at >= 0) output = output.slice(0, at);
      }
      // timeout exits 124 when it stopped the command (137 when it had to KILL it).
      const timedOut = killedByUs || (limited && (exitCode === 124 || exitCode === 137));
      resolvePromise({ wallMs, cpuMs, peakRssMiB, exitCode, timedOut, output });
    });
  });
}
