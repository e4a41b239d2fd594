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
import { diffDatasets, type ChannelChange, type ChannelChangeKind, type DataDiff } from '../domain/data-diff.ts';
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

export interface VersionChanges {
  readonly commit: string;
  readonly shortCommit: string;
  /** YYYY-MM-DD of the commit. */
  readonly date: string;
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
    out = git(['log', `-n${limit}`, '--format=%H %h %cs', '--', paths.dataDir, paths.contentDir], repoDir);
  } catch {
    return 'outside-repository';
  }
  const commits = out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [hash, short, date] = line.split(' ');
      return { hash: hash!, short: short!, date: date! };
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
    previous: previous.short,
    counts,
    channels,
    more: diff.channels.length - channels.length,
    notices: n(diff.notices),
    sources: n(diff.sources),
    totals: diff.totals,
  };
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
  } finally {
    newer?.snapshot.remove();
  }
  if (!capped && commits.length > max) capped = true;
  const last = commits[versions.length]!;
  // git log listed every commit touching the data: the oldest is where the data starts,
  // unless the clone is shallow and git simply knows nothing earlier.
  const reachedStart = !capped && !shallow;
  return { shallow, versions, reachedStart, capped, oldestCommit: { commit: last.short, date: last.date } };
}

let cached: Changelog | undefined;

/** The site's changelog, computed once per build process. */
export function siteChangelog(paths: DatasetPaths, today: string): Changelog {
  cached ??= buildChangelog({ paths, today, clock: () => performance.now() });
  return cached;
}
