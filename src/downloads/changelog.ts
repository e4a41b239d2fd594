/**
 * What changed in the data between published versions, for the /changes/ page. At build
 * time: the last commits touching the data and content folders (git log), each version
 * unpacked with `git archive` (src/domain/git-snapshot.ts) and loaded as the site loads
 * data, consecutive versions compared with src/domain/data-diff.ts. Capped in versions and
 * in time (a national dataset takes seconds to load per version); when there is no git
 * history (a tarball, a shallow clone) the page says so instead of inventing one.
 */
import { execFileSync } from 'node:child_process';
import type { DatasetPaths } from '../domain/load.ts';
import { checkDataset } from '../domain/pipeline.ts';
import { diffDatasets, NATION, UNKNOWN_PROVINCE, type ChannelChange, type ChannelChangeKind, type DataDiff } from '../domain/data-diff.ts';
import { CLOSURE_STATUSES, type Status } from '../domain/vocabulary.ts';
import { snapshotAtRef, type Snapshot } from '../domain/git-snapshot.ts';

export const MAX_VERSIONS = 10;
export const TIME_BUDGET_MS = 90_000;
export const CHANNELS_PER_VERSION = 200;

/** One channel's change as the changelog page lists it: the diff's entry, without file positions. */
export type ChangedChannel = Pick<ChannelChange, 'kind' | 'id' | 'name' | 'platform' | 'status' | 'previousStatus' | 'province'> & {
  /** Names of the fields that changed (for "changed"). */
  readonly fields: readonly string[];
  /** False for removed channels: they have no page any more. */
  readonly exists: boolean;
};

/** A closing or closed channel as a version recorded it: the news the feeds carry. */
export interface RecordedClosure {
  readonly id: string;
  readonly status: Status;
  /** Province-level code (the diff's: NATION for central bodies). */
  readonly province: string;
}

export interface VersionChanges {
  readonly commit: string;
  readonly shortCommit: string;
  /** YYYY-MM-DD of the commit. */
  readonly date: string;
  /** The commit's time to the second (RFC 3339, with its offset). */
  readonly instant: string;
  /**
   * Every channel this version recorded as closing or closed (not capped like `channels`):
   * added with a closure status, closed, or moved between closing and closed.
   */
  readonly recorded: readonly RecordedClosure[];
  readonly previous: string;
  readonly counts: Record<ChannelChangeKind, number>;
  /** Changed channels, at most CHANNELS_PER_VERSION (see `more`). */
  readonly channels: readonly ChangedChannel[];
  readonly more: number;
  readonly notices: { readonly added: number; readonly changed: number; readonly removed: number };
  readonly sources: { readonly added: number; readonly changed: number; readonly removed: number };
  readonly totals: { readonly before: number; readonly after: number };
}

export type HistoryProblem = 'no-git' | 'outside-repository' | 'no-commits';

export interface Changelog {
  /** Why no history could be read at all. */
  readonly problem?: HistoryProblem;
  /** The clone has only part of the history (GitHub Actions checks out one commit by default). */
  readonly shallow: boolean;
  readonly versions: readonly VersionChanges[];
  /** The oldest version listed is where the data starts (no earlier version exists). */
  readonly reachedStart: boolean;
  /** Stopped early because of the version cap or the time budget. */
  readonly capped: boolean;
  /** The version the history starts from when the oldest commit could not be compared. */
  readonly oldestCommit?: { readonly commit: string; readonly date: string };
  /**
   * When the history reaches the start of the data: the first version, which recorded
   * every closure it held (it has nothing to be compared with, so it is not in `versions`).
   */
  readonly first?: { readonly shortCommit: string; readonly instant: string; readonly recorded: readonly RecordedClosure[] };
}

export interface ChangelogOptions {
  readonly paths: DatasetPaths;
  readonly today: string;
  readonly repoDir?: string;
  readonly maxVersions?: number;
  readonly timeBudgetMs?: number;
  /** Milliseconds from some origin; passed in so tests and builds control time. */
  readonly clock: () => number;
}

interface Commit {
  readonly hash: string;
  readonly short: string;
  readonly date: string;
  readonly instant: string;
}

function git(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
}

export function dataCommits(paths: DatasetPaths, limit: number, repoDir = '.'): { commits: Commit[]; shallow: boolean } | HistoryProblem {
  try {
    git(['rev-parse', '--show-toplevel'], repoDir);
  } catch {
    return 'no-git';
  }
  const shallow = (() => {
    try {
      return git(['rev-parse', '--is-shallow-repository'], repoDir).trim() === 'true';
    } catch {
      return false;
    }
  })();
  let out: string;
  try {
    out = git(['log', `-n${limit}`, '--format=%H %h %cs %cI', '--', paths.dataDir, paths.contentDir], repoDir);
  } catch {
    return 'outside-repository';
  }
  const commits = out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [hash, short, date, instant] = line.split(' ');
      return { hash: hash!, short: short!, date: date!, instant: instant! };
    });
  if (commits.length === 0) return 'no-commits';
  return { commits, shallow };
}

function summarise(diff: DataDiff, commit: Commit, previous: Commit): VersionChanges {
  const counts: Record<ChannelChangeKind, number> = { added: 0, closed: 0, reopened: 0, changed: 0, removed: 0 };
  for (const c of diff.channels) counts[c.kind]++;
  const channels = diff.channels.slice(0, CHANNELS_PER_VERSION).map((c) => ({
    kind: c.kind,
    id: c.id,
    name: c.name,
    platform: c.platform,
    status: c.status,
    ...(c.previousStatus ? { previousStatus: c.previousStatus } : {}),
    province: c.province,
    fields: c.kind === 'changed' || c.kind === 'closed' || c.kind === 'reopened' ? c.fields.map((f) => f.field) : [],
    exists: c.kind !== 'removed',
  }));
  const n = (r: DataDiff['notices']) => ({ added: r.added.length, changed: r.changed.length, removed: r.removed.length });
  return {
    commit: commit.hash,
    shortCommit: commit.short,
    date: commit.date,
    instant: commit.instant,
    recorded: diff.channels.filter(recordsClosure).map((c) => ({ id: c.id, status: c.status, province: c.province })),
    previous: previous.short,
    counts,
    channels,
    more: diff.channels.length - channels.length,
    notices: n(diff.notices),
    sources: n(diff.sources),
    totals: diff.totals,
  };
}

/** A change that is news for the closure feeds: a channel now closing or closed, newly so. */
function recordsClosure(c: ChannelChange): boolean {
  if (!CLOSURE_STATUSES.includes(c.status) || c.kind === 'removed') return false;
  return c.kind === 'added' || c.kind === 'closed' || (c.previousStatus !== undefined && c.previousStatus !== c.status);
}

export function buildChangelog(options: ChangelogOptions): Changelog {
  const repoDir = options.repoDir ?? '.';
  const max = options.maxVersions ?? MAX_VERSIONS;
  const budget = options.timeBudgetMs ?? TIME_BUDGET_MS;
  const started = options.clock();
  const found = dataCommits(options.paths, max + 1, repoDir);
  if (typeof found === 'string') return { problem: found, shallow: false, versions: [], reachedStart: false, capped: false };
  const { commits, shallow } = found;

  type Side = { snapshot: Snapshot; dataset: ReturnType<typeof checkDataset>['dataset']; dataDir: string };
  const load = (c: Commit): Side => {
    const snapshot = snapshotAtRef(c.hash, [options.paths.dataDir, options.paths.contentDir], repoDir);
    const paths = { dataDir: snapshot.folder(options.paths.dataDir), contentDir: snapshot.folder(options.paths.contentDir) };
    return { snapshot, dataset: checkDataset(paths, { today: options.today }).dataset, dataDir: paths.dataDir };
  };

  const versions: VersionChanges[] = [];
  let capped = false;
  let newer: Side | undefined;
  let first: Changelog['first'];
  try {
    for (let i = 0; i + 1 < commits.length; i++) {
      if (options.clock() - started > budget) {
        capped = true;
        break;
      }
      newer ??= load(commits[i]!);
      const older = load(commits[i + 1]!);
      const diff = diffDatasets(older.dataset, newer.dataset, { beforeDataDir: older.dataDir, afterDataDir: newer.dataDir, diagnostics: [] });
      versions.push(summarise(diff, commits[i]!, commits[i + 1]!));
      newer.snapshot.remove();
      newer = older;
    }
    // the data's first version recorded every closure it held
    const oldest = commits[commits.length - 1]!;
    if (commits.length <= max && !shallow && versions.length === commits.length - 1) {
      newer ??= load(oldest);
      const regions = newer.dataset.regions;
      const recorded = newer.dataset.loaded.channels
        .filter((c) => CLOSURE_STATUSES.includes(c.status))
        .map((c) => ({ id: c.id, status: c.status, province: c.region === NATION ? NATION : (regions.provinceOf(c.region)?.code ?? UNKNOWN_PROVINCE) }));
      first = { shortCommit: oldest.short, instant: oldest.instant, recorded };
    }
  } finally {
    newer?.snapshot.remove();
  }
  if (!capped && commits.length > max) capped = true;
  const last = commits[versions.length]!;
  // git log listed every commit touching the data: the oldest is where the data starts,
  // unless the clone is shallow and git simply knows nothing earlier.
  const reachedStart = !capped && !shallow;
  return { shallow, versions, reachedStart, capped, oldestCommit: { commit: last.short, date: last.date }, ...(reachedStart && first ? { first } : {}) };
}

/**
 * The site's changelog, computed once per build process: the /changes/ page and the feeds
 * (written after the pages) share it. Astro loads modules twice in one build (the config's
 * integrations, the bundled pages), so the cache lives on the process, like siteData's.
 */
const PROCESS_CACHE = Symbol.for('gov-channels-registry.siteChangelog');
type ProcessCache = { [PROCESS_CACHE]?: Changelog };

export function siteChangelog(paths: DatasetPaths, today: string): Changelog {
  const store = globalThis as ProcessCache;
  store[PROCESS_CACHE] ??= buildChangelog({ paths, today, clock: () => performance.now() });
  return store[PROCESS_CACHE];
}
