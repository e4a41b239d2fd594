/**
 * After the build: the verify index and the clients of the /verify/ and /search/ pages
 * (verify/index.json, verify/<version>/…, verify/client.js, verify/search-page.js). The work
 * is in src/verify/.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifySourcesFromRegistry } from '../verify/build-index.ts';
import { bundleVerifyClients } from '../verify/bundle-client.ts';
import { VERIFY_DIR } from '../verify/index-format.ts';
import { writeVerifyIndex } from '../verify/write-index.ts';
import { afterBuild } from './after-build.ts';

export const verifyIndex = () =>
  afterBuild('verify-index', async ({ outDir, site, channelPage }) => {
    const verifyDir = join(outDir, VERIFY_DIR);
    const { stats } = writeVerifyIndex(verifySourcesFromRegistry(site.registry), verifyDir, { page: channelPage });
    const clients = await bundleVerifyClients();
    for (const [name, text] of Object.entries(clients)) writeFileSync(join(verifyDir, name), text);
    const clientBytes = clients['client.js'].length;
    return `${stats.records} channels, ${stats.keys} keys → ${stats.files} files, ${(stats.bytes / 1e6).toFixed(1)} MB; largest key shard ${(stats.largestShard / 1e3).toFixed(0)} kB, record file ${(stats.largestRecordFile / 1e3).toFixed(0)} kB; client ${clientBytes} bytes`;
  });
