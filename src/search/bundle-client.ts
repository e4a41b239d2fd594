/**
 * The search client (client.ts and the shared engine) as one small ES module, carrying the
 * index's manifest (client.ts: SEARCH_MANIFEST) so a query needs no fetch before its own
 * files; without a manifest the client fetches it.
 */
import { fileURLToPath } from 'node:url';
import { bundleBrowserScript } from '../build-tools/bundle-browser-script.ts';
import type { SearchManifest } from './layout.ts';

export const CLIENT_ENTRY = fileURLToPath(new URL('./client.ts', import.meta.url));

export function bundleSearchClient(manifest?: SearchManifest): Promise<string> {
  return bundleBrowserScript(CLIENT_ENTRY, { SEARCH_MANIFEST: manifest ? JSON.stringify(manifest) : 'undefined' });
}
