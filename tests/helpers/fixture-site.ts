/**
 * The site fixture (tests/fixtures/site, with the township rows of tests/fixtures/township
 * copied over it) built once per test run and shared by the browser test files: the first
 * file to ask builds it into the folder the global setup provides, holding a lock (an
 * exclusive mkdir) so files running in parallel wait for that one build instead of starting
 * their own. Outside the global setup, each file builds its own.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { formatDiagnostic } from '../../src/domain/diagnostics.ts';
import { Registry } from '../../src/domain/model.ts';
import { checkDataset } from '../../src/domain/pipeline.ts';
import { buildSite } from './build-site.ts';

export const FIXTURE = 'tests/fixtures/site';
export const TOWNSHIP_ROWS = 'tests/fixtures/township';

/**
 * The site fixture with townships: tests/fixtures/site copied into a fresh folder and the
 * township rows added, so pages with township sections and township permalinks exist while
 * the shared fixture stays as other tests expect it.
 */
export function fixtureWithTownships(): { root: string; dataDir: string; contentDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'fixture-townships-'));
  cpSync(FIXTURE, root, { recursive: true });
  cpSync(join(TOWNSHIP_ROWS, 'data'), join(root, 'data'), { recursive: true });
  return { root, dataDir: join(root, 'data'), contentDir: join(root, 'content') };
}

/**
 * The township fixture loaded into a registry, with the errors validation found (tests
 * assert there are none) and a function that removes the copied folder.
 */
export function townshipRegistry(today: string): { registry: Registry; errors: string[]; remove: () => void } {
  const fixture = fixtureWithTownships();
  const { diagnostics, dataset } = checkDataset(fixture, { today });
  return {
    registry: new Registry(dataset),
    errors: diagnostics.sorted().filter((d) => d.severity === 'error').map(formatDiagnostic),
    remove: () => rmSync(fixture.root, { recursive: true, force: true }),
  };
}

/**
 * For a test file: loads the township registry before its tests (it must validate without
 * errors), hands it to `use`, and removes the fixture copy after them.
 */
export function useTownshipRegistry(today: string, use: (registry: Registry) => void): void {
  let remove: (() => void) | undefined;
  beforeAll(() => {
    const loaded = townshipRegistry(today);
    remove = loaded.remove;
    expect(loaded.errors).toEqual([]);
    use(loaded.registry);
  });
  afterAll(() => remove?.());
}

let mine: Promise<string> | undefined;

async function build(outDir: string): Promise<void> {
  const { dataDir, contentDir } = fixtureWithTownships();
  const result = await buildSite({ DATA_DIR: dataDir, CONTENT_DIR: contentDir, OUT_DIR: outDir });
  if (result.code !== 0) throw new Error(`build failed:\n${result.output.slice(-4000)}`);
}

/** The built site's folder. */
export function fixtureSite(): Promise<string> {
  mine ??= (async () => {
    let shared: string | undefined;
    try {
      shared = inject('fixtureSiteDir');
    } catch {
      shared = undefined;
    }
    if (!shared) {
      const own = join(mkdtempSync(join(tmpdir(), 'fixture-site-')), 'out');
      await build(own);
      return own;
    }
    const outDir = join(shared, 'out');
    const done = join(shared, 'done');
    const failed = join(shared, 'failed');
    let builder = false;
    try {
      mkdirSync(join(shared, 'lock'));
      builder = true;
    } catch {
      // another test file is building it
    }
    if (builder) {
      try {
        await build(outDir);
        writeFileSync(done, '');
      } catch (error) {
        writeFileSync(failed, String(error));
        throw error;
      }
      return outDir;
    }
    while (!existsSync(done)) {
      if (existsSync(failed)) throw new Error(readFileSync(failed, 'utf8'));
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return outDir;
  })();
  return mine;
}
