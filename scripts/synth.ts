/**
 * npm run synth -- --channels N --seed S --out DIR [--today YYYY-MM-DD]
 * Writes a synthetic national dataset to DIR/data and DIR/content, ready for
 * DATA_DIR=DIR/data CONTENT_DIR=DIR/content. Same seed and size → byte-identical files.
 */
import { DEFAULT_TODAY, writeSyntheticDataset } from '../src/synth/dataset.ts';
import { requiredFlag } from './lib/flags.ts';

const USAGE = 'npm run synth -- --channels N --seed S --out DIR [--today YYYY-MM-DD]';
const flag = (name: string, fallback?: string) => requiredFlag(name, fallback, USAGE);

const channels = Number(flag('channels', '1000'));
const seed = flag('seed', '1');
const out = flag('out', 'synth-out');
const today = flag('today', DEFAULT_TODAY);
if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) {
  console.error(`--today must be YYYY-MM-DD, not ${today}`);
  process.exit(2);
}

const started = performance.now();
try {
  const summary = writeSyntheticDataset({ channels, seed, today, out });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const closures = summary.byStatus.closed + summary.byStatus.closing;
  console.log(
    `wrote ${summary.channels} channels in ${summary.files} files, ${summary.notices} notices, ${summary.sources} sources to ${out}/ in ${seconds} s` +
      ` (seed ${seed}, today ${today}; ${((100 * closures) / summary.channels).toFixed(1)}% closing or closed, ${summary.multiHop} multi-hop redirects)`,
  );
  console.log(`  status:   ${JSON.stringify(summary.byStatus)}`);
  console.log(`  reason:   ${JSON.stringify(summary.byReason)}`);
  console.log(`  level:    ${JSON.stringify(summary.byLevel)}`);
  console.log(`  platform: ${JSON.stringify(summary.byPlatform)}`);
  console.log(`validate with: DATA_DIR=${out}/data CONTENT_DIR=${out}/content REGISTRY_TODAY=${today} npm run validate`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
