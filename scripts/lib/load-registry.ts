/** The benchmarks' way into a dataset: load, validate, model — or stop with the first errors. */
import { formatDiagnostic } from '../../src/domain/diagnostics.ts';
import type { DatasetPaths } from '../../src/domain/load.ts';
import { Registry } from '../../src/domain/model.ts';
import { checkDataset } from '../../src/domain/pipeline.ts';

export function loadRegistryOrExit(paths: DatasetPaths, today: string, hint = ''): Registry {
  const { diagnostics, dataset } = checkDataset(paths, { today });
  if (diagnostics.errorCount > 0) {
    const first = diagnostics.sorted().filter((d) => d.severity === 'error').slice(0, 10).map(formatDiagnostic);
    console.error(`${paths.dataDir}: ${diagnostics.errorCount} errors${hint ? `; ${hint}` : ''}\n${first.join('\n')}`);
    process.exit(1);
  }
  return new Registry(dataset);
}
