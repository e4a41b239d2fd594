/**
 * Bundles the browser client (client.ts and the shared engine) into one small ES module with
 * esbuild, which Astro's Vite already brings along.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const CLIENT_ENTRY = fileURLToPath(new URL('./client.ts', import.meta.url));

export async function bundleSearchClient(): Promise<string> {
  const result = await build({
    entryPoints: [CLIENT_ENTRY],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
