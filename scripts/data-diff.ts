/**
 * npm run data:diff -- <git-ref> [--format markdown|json] [--out FILE]
 *                      [--check NAME=OUTCOME]... [--run-url URL]
 * What the working tree's data changes relative to <git-ref>, as data: channels added,
 * closed, reopened, changed (which fields), removed, moved between files, per province, and
 * the validator's findings on the working tree. The JSON (with the --check outcomes) is what
 * the pull-request comment is made from (npm run pr:comment). Always exits 0 when the diff could be made
 * (the validator's own exit code is what fails a check); 2 on bad arguments or a bad ref.
 */
import { writeFileSync } from 'node:fs';
import { datasetPathsFromEnv, todayFromEnv } from '../src/domain/pipeline.ts';
import { diffJsonText } from '../src/publish/diff-json.ts';
import { diffAgainstRef } from '../src/publish/diff-ref.ts';
import { renderDiffMarkdown, type CheckOutcome } from '../src/publish/diff-markdown.ts';

const usage = 'usage: npm run data:diff -- <git-ref> [--format markdown|json] [--out FILE] [--check NAME=OUTCOME]... [--run-url URL]';
const args = process.argv.slice(2);
let ref: string | undefined;
let format = 'markdown';
let out: string | undefined;
let runUrl: string | undefined;
const checks: CheckOutcome[] = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  const value = () => {
    const v = args[++i];
    if (v === undefined) fail(`${arg} needs a value`);
    return v!;
  };
  if (arg === '--format') format = value();
  else if (arg === '--out') out = value();
  else if (arg === '--run-url') runUrl = value();
  else if (arg === '--check') {
    const [name, outcome] = value().split('=');
    if (!name || !outcome) fail('--check takes NAME=OUTCOME, e.g. --check tests=success');
    checks.push({ name: name!, outcome: outcome! });
  } else if (arg === '--help' || arg === '-h') {
    console.log(usage);
    process.exit(0);
  } else if (arg.startsWith('-')) fail(`unknown option ${arg}`);
  else if (ref === undefined) ref = arg;
  else fail(`unexpected argument ${arg}`);
}
if (!ref) fail('give the git ref to compare with, e.g. origin/main');
if (format !== 'markdown' && format !== 'json') fail(`unknown --format ${format}; use markdown or json`);

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

const paths = datasetPathsFromEnv(process.env);
const today = todayFromEnv(process.env, new Date());
let text: string;
try {
  const diff = diffAgainstRef(ref!, paths, today);
  text = format === 'json' ? diffJsonText(diff, { ref: ref!, today, checks }) : `${renderDiffMarkdown(diff, { baseLabel: ref!, checks, runUrl })}\n`;
} catch (error) {
  console.error(`data:diff: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
if (out) writeFileSync(out, text);
else process.stdout.write(text);
