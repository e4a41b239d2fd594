/**
 * npm run validate [-- --format text|github|json] [--quiet]
 * Checks the dataset in DATA_DIR / CONTENT_DIR and prints every problem, one per line, then a
 * summary; exits 1 when there is any error.
 */
import { formatDiagnostic, formatGithubAnnotation, summarise } from '../src/domain/diagnostics.ts';
import { checkDataset, datasetPathsFromEnv, todayFromEnv } from '../src/domain/pipeline.ts';

const args = process.argv.slice(2);
const formatIndex = args.indexOf('--format');
const format = formatIndex >= 0 ? args[formatIndex + 1] : 'text';
const quiet = args.includes('--quiet');
if (format !== 'text' && format !== 'github' && format !== 'json') {
  console.error(`unknown --format ${format}; use text, github or json`);
  process.exit(2);
}

const paths = datasetPathsFromEnv(process.env);
const today = todayFromEnv(process.env, new Date());
const { diagnostics, dataset } = checkDataset(paths, { today });
const items = diagnostics.sorted();
const summary = summarise(diagnostics, dataset.loaded.rowsRead);

if (format === 'json') {
  process.stdout.write(`${JSON.stringify({ today, ...paths, errors: diagnostics.errorCount, warnings: diagnostics.warningCount, rows: dataset.loaded.rowsRead, diagnostics: items }, null, 2)}\n`);
} else {
  const lines = items.filter((d) => !quiet || d.severity === 'error').map(format === 'github' ? formatGithubAnnotation : formatDiagnostic);
  if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
  const verdict = diagnostics.errorCount > 0 ? 'validation failed' : 'validation passed';
  const loaded = `${dataset.loaded.channels.length} channels, ${dataset.loaded.sources.length} sources, ${dataset.loaded.events.length} events, ${dataset.loaded.notices.length} notices`;
  (diagnostics.errorCount > 0 ? console.error : console.log)(`${verdict}: ${summary} (${loaded}; data ${paths.dataDir}, content ${paths.contentDir}, today ${today})`);
}
process.exitCode = diagnostics.errorCount > 0 ? 1 : 0;
