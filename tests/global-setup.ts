/**
 * Vitest global setup: a folder for the one build of the site fixture that the browser test
 * files share (tests/helpers/fixture-site.ts builds it on first use, so a run of unit tests
 * alone builds nothing). Removed after the run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureSiteDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'fixture-site-'));
  project.provide('fixtureSiteDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
