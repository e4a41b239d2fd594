/**
 * A past version of the dataset on disk: `git archive` of the data and content folders at a
 * ref, unpacked into a temporary folder so the ordinary loader can read it. Nothing in the
 * working tree is touched (no checkout, no stash), so it is safe while someone is editing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

export interface Snapshot {
  /** Root of the unpacked tree: `<root>/<folder>` mirrors the repository's folders. */
  readonly root: string;
  /** Where one of the requested folders is inside the snapshot. */
  folder(original: string): string;
  remove(): void;
}

/**
 * Unpacks `folders` (relative to `repoDir`, e.g. "data", "content") as they were at `ref`,
 * at the same repository-relative place under the snapshot's root.
 * Folders that did not exist at that ref are created empty, so a first pull request that
 * adds content/ compares against "nothing" rather than failing.
 */
export function snapshotAtRef(ref: string, folders: readonly string[], repoDir = '.'): Snapshot {
  if (ref.startsWith('-')) throw new Error(`not a git ref: ${ref}`);
  const run = (cwd: string, args: string[]) => execFileSync('git', args, { cwd, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  const top = run(repoDir, ['rev-parse', '--show-toplevel']).toString().trim();
  // Every path below is relative to the top of the repository, wherever we were started.
  const git = (args: string[]) => run(top, args);
  let commit: string;
  try {
    commit = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).toString().trim();
  } catch {
    throw new Error(`"${ref}" is not a commit in this repository (fetch it first, e.g. git fetch origin main)`);
  }
  const root = mkdtempSync(join(tmpdir(), 'registry-ref-'));
  try {
    const wanted = folders.map((f) => relative(top, resolve(repoDir, f)).replace(/\\/g, '/').replace(/\/+$/, ''));
    const present = wanted.filter((f) => git(['ls-tree', '--name-only', commit, '--', f]).toString().trim() !== '');
    if (present.length > 0) {
      const tar = git(['archive', '--format=tar', commit, '--', ...present]);
      execFileSync('tar', ['-x', '-f', '-', '-C', root], { input: tar, maxBuffer: 1 << 30 });
    }
    for (const f of wanted) mkdirSync(join(root, f), { recursive: true });
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return {
    root,
    folder: (original) => join(root, relative(top, resolve(repoDir, original))),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
