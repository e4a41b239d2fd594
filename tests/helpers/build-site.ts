/**
 * Builds a dataset into a site with `npm run build` in a child process, as a maintainer or CI
 * would, isolated from the test runner and from other builds running at the same time.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BuildResult {
  code: number;
  output: string;
}

/**
 * The test runner puts its own mode into process.env (NODE_ENV=test, PROD, BASE_URL...); a
 * build that inherited them would not be a production build.
 */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(NODE_ENV|MODE|PROD|DEV|SSR|BASE_URL|TEST|VITEST.*)$/.test(key)) delete env[key];
  }
  return env;
}

/**
 * Runs `npm run build` with the given environment (DATA_DIR, CONTENT_DIR, OUT_DIR, BASE_PATH…).
 * Astro keeps its intermediate server build inside the output folder only when that folder is
 * under the working directory (otherwise in a shared ./.astro/), so builds running at once
 * write to their own folder under .test-builds/ first and the result is moved to OUT_DIR.
 */
export async function buildSite(env: Record<string, string>): Promise<BuildResult> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'astro-cache-'));
  mkdirSync('.test-builds', { recursive: true });
  const workDir = mkdtempSync(join(process.cwd(), '.test-builds', 'site-'));
  const result = await new Promise<BuildResult>((resolve) => {
    execFile(
      'npm',
      ['run', 'build'],
      { env: { ...cleanEnv(), REGISTRY_TODAY: '2026-11-21', ASTRO_CACHE_DIR: cacheDir, ...env, OUT_DIR: workDir }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, output: `${stdout}\n${stderr}` });
      },
    );
  });
  const outDir = env.OUT_DIR;
  if (outDir) {
    rmSync(outDir, { recursive: true, force: true });
    // moved whether or not the build succeeded, so a test can see what a failed build left
    if (existsSync(workDir)) moveDir(workDir, outDir);
  }
  rmSync(workDir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
  return result;
}

function moveDir(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch {
    cpSync(from, to, { recursive: true }); // across file systems
  }
}
