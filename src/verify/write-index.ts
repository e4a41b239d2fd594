/**
 * Writes the verify index into a site's output folder: files go to a staging folder renamed
 * to the version once it is known; the manifest comes last, so a reader never finds it
 * pointing at a half-written folder.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildVerifyIndex, type VerifyBuildOptions, type VerifyBuildStats, type VerifySource } from './build-index.ts';
import { VERIFY_MANIFEST, type VerifyManifest } from './index-format.ts';

export function writeVerifyIndex(
  sources: readonly VerifySource[],
  verifyDir: string,
  options: VerifyBuildOptions,
): { manifest: VerifyManifest; stats: VerifyBuildStats } {
  const staging = join(verifyDir, `.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const made = new Set<string>();
  const { manifest, stats } = buildVerifyIndex(sources, options, (path, data) => {
    const file = join(staging, path);
    const dir = dirname(file);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(file, data);
  });
  const versionDir = join(verifyDir, manifest.version);
  rmSync(versionDir, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  renameSync(staging, versionDir);
  writeFileSync(join(verifyDir, VERIFY_MANIFEST), JSON.stringify(manifest));
  return { manifest, stats };
}
