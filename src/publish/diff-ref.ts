/**
 * The data diff between a git ref and the dataset on disk: both sides loaded and validated
 * exactly as the site build does, the ref's side from a `git archive` snapshot.
 */
import type { DatasetPaths } from '../domain/load.ts';
import { checkDataset } from '../domain/pipeline.ts';
import { diffDatasets, type DataDiff } from '../domain/data-diff.ts';
import { snapshotAtRef } from '../domain/git-snapshot.ts';

export function diffAgainstRef(ref: string, paths: DatasetPaths, today: string, repoDir = '.'): DataDiff {
  const snapshot = snapshotAtRef(ref, [paths.dataDir, paths.contentDir], repoDir);
  // paths are relative to the working directory (or absolute), as the validator takes them.
  try {
    const beforePaths = { dataDir: snapshot.folder(paths.dataDir), contentDir: snapshot.folder(paths.contentDir) };
    const before = checkDataset(beforePaths, { today });
    const after = checkDataset(paths, { today });
    return diffDatasets(before.dataset, after.dataset, {
      beforeDataDir: beforePaths.dataDir,
      afterDataDir: paths.dataDir,
      diagnostics: after.diagnostics.sorted(),
    });
  } finally {
    snapshot.remove();
  }
}
