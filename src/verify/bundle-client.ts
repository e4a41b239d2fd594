/**
 * Bundles the verify page's client and the search page's ?q= helper into small ES modules
 * with esbuild (which Astro's Vite already brings along).
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const VERIFY_ENTRIES = {
  'client.js': fileURLToPath(new URL('./client.ts', import.meta.url)),
  'search-page.js': fileURLToPath(new URL('./search-page.ts', import.meta.url)),
} as const;

/** Output file name → bundled text. */
export async function bundleVerifyClients(): Promise<Record<keyof typeof VERIFY_ENTRIES, string>> {
  const out = {} as Record<keyof typeof VERIFY_ENTRIES, string>;
  for (const [name, entry] of Object.entries(VERIFY_ENTRIES) as [keyof typeof VERIFY_ENTRIES, string][]) {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2020',
      write: false,
      legalComments: 'none',
      logLevel: 'silent',
    });
    out[name] = result.outputFiles[0]!.text;
  }
  return out;
}
