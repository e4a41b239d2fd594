/** The search client (client.ts and the shared engine) as one small ES module. */
import { fileURLToPath } from 'node:url';
import { bundleBrowserScript } from '../build-tools/bundle-browser-script.ts';

export const CLIENT_ENTRY = fileURLToPath(new URL('./client.ts', import.meta.url));

export function bundleSearchClient(): Promise<string> {
  return bundleBrowserScript(CLIENT_ENTRY);
}
