/** The verify page's client and the search page's ?q= helper as small ES modules. */
import { fileURLToPath } from 'node:url';
import { bundleBrowserScript } from '../build-tools/bundle-browser-script.ts';

export const VERIFY_ENTRIES = {
  'client.js': fileURLToPath(new URL('./client.ts', import.meta.url)),
  'search-page.js': fileURLToPath(new URL('./search-page.ts', import.meta.url)),
} as const;

/** Output file name → bundled text. */
export async function bundleVerifyClients(): Promise<Record<keyof typeof VERIFY_ENTRIES, string>> {
  const out = {} as Record<keyof typeof VERIFY_ENTRIES, string>;
  for (const [name, entry] of Object.entries(VERIFY_ENTRIES) as [keyof typeof VERIFY_ENTRIES, string][]) {
    out[name] = await bundleBrowserScript(entry);
  }
  return out;
}
