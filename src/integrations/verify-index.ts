/**
 * After the build: the verify manifest and the clients of the /verify/ and /search/ pages
 * (verify/index.json, verify/client.js, verify/search-page.js). The work is in src/verify/.
 * Its keys and answers are the channel store it shares with search (search/store/<store>/,
 * written here unless the search writer ran first).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { linkPatterns } from '../store/links.ts';
import { recordStoreOf } from '../store/record-store.ts';
import { bundleVerifyClients } from '../verify/bundle-client.ts';
import { VERIFY_DIR } from '../verify/index-format.ts';
import { writeVerifyIndex } from '../verify/write-index.ts';
import { afterBuild } from './after-build.ts';

export const verifyIndex = () =>
  afterBuild('verify-index', async ({ outDir, base, site }) => {
    const verifyDir = join(outDir, VERIFY_DIR);
    const store = recordStoreOf(site.registry);
    const written = await writeVerifyIndex(store, verifyDir, { links: linkPatterns(base) });
    const clients = await bundleVerifyClients();
    for (const [name, text] of Object.entries(clients)) writeFileSync(join(verifyDir, name), text);
    const clientBytes = clients['client.js'].length;
    const shared = written.store.files ? `store ${written.store.files} files, ${(written.store.bytes / 1e6).toFixed(1)} MB` : 'store written by search';
    return `${store.docs.length} channels, ${store.keys} keys in ${store.keyFiles.files} shards, ${(store.keyFiles.bytes / 1e6).toFixed(1)} MB (built in ${(store.timings.keys / 1000).toFixed(1)} s); ${shared}; client ${clientBytes} bytes`;
  });
