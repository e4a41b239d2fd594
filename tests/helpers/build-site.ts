/**
 * Builds a dataset into a site with `npm run build` in a child process, as a maintainer or CI
 * would, isolated from the test runner and from other builds running at the same time.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
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

/** Runs `npm run build` with the given environment (DATA_DIR, CONTENT_DIR, OUT_DIR, BASE_PATH…). */
export function buildSite(env: Record<string, string>): Promise<BuildResult> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'astro-cache-'));
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', 'build'],
      { env: { ...cleanEnv(), REGISTRY_TODAY: '2026-11-21', ASTRO_CACHE_DIR: cacheDir, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, output: `${stdout}\n${stderr}` });
      },
    );
  });
}
