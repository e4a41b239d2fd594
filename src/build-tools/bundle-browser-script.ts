/**
 * A browser script (a client .ts file and what it imports) bundled into one small ES module
 * with esbuild, so it can be served as a separate cacheable file under the site's CSP. Build
 * tooling, below every folder with a client (search, verify, the permalink resolver, the
 * closures bench): it knows nothing of the registry, only how to bundle an entry file.
 */
import { build } from 'esbuild';

/** `define`: identifiers the script reads, replaced by these JSON values (data the build made for it). */
export async function bundleBrowserScript(entry: string, define: Readonly<Record<string, string>> = {}): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    define: { ...define },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    write: false,
    legalComments: 'none',
    // Chinese text as itself, not as \u escapes twice its size
    charset: 'utf8',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
