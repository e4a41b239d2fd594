/** read → validate, the first half of the flow, shared by the CLI and the site build. */
import { DiagnosticList } from './diagnostics.ts';
import { loadDataset, type DatasetPaths } from './load.ts';
import { validateDataset, type ValidatedDataset, type ValidationOptions } from './validate.ts';

export interface CheckedDataset {
  readonly diagnostics: DiagnosticList;
  readonly dataset: ValidatedDataset;
}

export function checkDataset(paths: DatasetPaths, options: ValidationOptions): CheckedDataset {
  const diagnostics = new DiagnosticList();
  const loaded = loadDataset(paths, diagnostics);
  const dataset = validateDataset(loaded, options, diagnostics);
  return { diagnostics, dataset };
}

/** The dataset folders from the environment, as docs/deployment.md documents. */
export function datasetPathsFromEnv(env: Record<string, string | undefined>): DatasetPaths {
  return { dataDir: env.DATA_DIR || 'data', contentDir: env.CONTENT_DIR || 'content' };
}

/** "Today" for a run: an explicit REGISTRY_TODAY (for reproducible runs), else the clock's UTC day. */
export function todayFromEnv(env: Record<string, string | undefined>, now: Date): string {
  return env.REGISTRY_TODAY || now.toISOString().slice(0, 10);
}
