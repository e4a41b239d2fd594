/**
 * After the build: the permalink map and the not-found page's resolver script
 * (permalinks/<nn>.json, permalinks/resolve.js; see src/site/permalink-map.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleBrowserScript } from '../build-tools/bundle-browser-script.ts';
import { PERMALINK_DIR, PERMALINK_SHARDS, permalinkMap, shardFile } from '../site/permalink-map.ts';
import { afterBuild } from './after-build.ts';

export const RESOLVER_FILE = 'resolve.js';

export const permalinkMapFiles = () =>
  afterBuild('permalinks', async ({ outDir, site }) => {
    const dir = join(outDir, PERMALINK_DIR);
    mkdirSync(dir, { recursive: true });
    let keys = 0;
    let bytes = 0;
    const shards = permalinkMap(site.registry);
    // every shard, empty ones too: the not-found page fetches the one a missing address hashes
    // to, and an absent file would be one more 404 (a whole not-found page) for nothing
    for (let n = 0; n < PERMALINK_SHARDS; n++) {
      const shard = shards.get(n) ?? {};
      const json = JSON.stringify(shard);
      writeFileSync(join(dir, shardFile(n)), json);
      keys += Object.keys(shard).length;
      bytes += Buffer.byteLength(json);
    }
    const client = await bundleBrowserScript(fileURLToPath(new URL('../site/permalink-client.ts', import.meta.url)));
    writeFileSync(join(dir, RESOLVER_FILE), client);
    return `${keys} permalinks in ${PERMALINK_DIR}/ (${(bytes / 1e6).toFixed(1)} MB); resolver ${client.length} bytes`;
  });
