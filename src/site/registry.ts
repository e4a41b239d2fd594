/**
 * The one place the site gets its data: loads and validates DATA_DIR / CONTENT_DIR once per
 * build process and builds the model. Refuses (throws with every error listed) when the data
 * has errors, so a broken dataset can never become a silently incomplete site.
 */
import { execFileSync } from 'node:child_process';
import { formatDiagnostic, summarise } from '../domain/diagnostics.ts';
import { Registry } from '../domain/model.ts';
import { checkDataset, datasetPathsFromEnv, todayFromEnv } from '../domain/pipeline.ts';
import { siteConfigFromEnv, type SiteConfig } from '../routes/site-config.ts';

export interface SiteData {
  readonly registry: Registry;
  readonly config: SiteConfig;
  /** The day the data was judged on (YYYY-MM-DD). */
  readonly today: string;
  /** Date of the last commit touching the data (YYYY-MM-DD), or today outside git. */
  readonly dataUpdated: string;
  /** Short hash of that commit, the dataset's citable version, when known. */
  readonly dataVersion?: string;
}

/** The dataset has errors: every one, formatted as `npm run validate` prints them. */
export class DataErrors extends Error {
  readonly lines: readonly string[];
  constructor(lines: readonly string[], summary: string) {
    super(`validation failed: ${summary}; run npm run validate\n${lines.slice(0, 50).join('\n')}`);
    this.lines = lines;
  }
}

let cached: SiteData | undefined;

/**
 * Astro loads this module twice in one build (once with the config and its integrations,
 * once inside the bundled pages), so the cache lives on the process, not the module: the
 * data is read, validated and modelled once per build.
 */
const PROCESS_CACHE = Symbol.for('gov-channels-registry.siteData');
type ProcessCache = { [PROCESS_CACHE]?: SiteData };

export function siteData(): SiteData {
  cached ??= (globalThis as ProcessCache)[PROCESS_CACHE];
  if (cached) return cached;
  const env = process.env;
  const paths = datasetPathsFromEnv(env);
  const today = todayFromEnv(env, new Date());
  const { diagnostics, dataset } = checkDataset(paths, { today });
  if (diagnostics.errorCount > 0) {
    throw new DataErrors(diagnostics.sorted().filter((d) => d.severity === 'error').map(formatDiagnostic), summarise(diagnostics, dataset.loaded.rowsRead));
  }
  const commit = lastDataCommit(paths.dataDir, paths.contentDir);
  cached = {
    registry: new Registry(dataset),
    config: siteConfigFromEnv(env),
    today,
    dataUpdated: commit?.date ?? today,
    dataVersion: commit?.hash,
  };
  (globalThis as ProcessCache)[PROCESS_CACHE] = cached;
  return cached;
}

function lastDataCommit(...dirs: string[]): { hash: string; date: string } | undefined {
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%h %cs', '--', ...dirs], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const [hash, date] = out.split(' ');
    return hash && date ? { hash, date } : undefined;
  } catch {
    return undefined;
  }
}
