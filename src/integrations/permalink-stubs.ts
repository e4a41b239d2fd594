/**
 * After the build: the forwarding pages behind /channels/<id>/ and /regions/<township>/
 * (see src/site/permalink-stubs.ts). Written with plain synchronous file calls: at national
 * scale that is a million small files, and the per-file cost of anything heavier (Astro's
 * page pipeline, promises per file) would dominate the build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { permalinkStubs } from '../site/permalink-stubs.ts';
import { afterBuild } from './after-build.ts';

export const permalinkStubPages = () =>
  afterBuild('permalink-stubs', ({ outDir, base, site }) => {
    let files = 0;
    let bytes = 0;
    for (const stub of permalinkStubs(site.registry, base)) {
      const dir = join(outDir, stub.path.slice(base.length));
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'index.html'), stub.html);
      files++;
      bytes += Buffer.byteLength(stub.html);
    }
    return `${files} permalink pages, ${(bytes / 1e6).toFixed(1)} MB`;
  });
