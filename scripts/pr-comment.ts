/**
 * npm run pr:comment -- <diff.json> [--run-url URL] [--out FILE]
 * The pull request's data-change comment (Markdown) from the JSON of
 * `npm run data:diff -- <ref> --format json`, treated as untrusted: checked for shape, every
 * string escaped, capped to fit a GitHub comment. JSON that is not a data diff gives a fixed
 * comment saying so (exit 0, the reasons on stderr); exit 2 on bad arguments or when the
 * file cannot be read.
 */
import { lstatSync, readFileSync, writeFileSync } from 'node:fs';
import { prComment } from '../src/publish/pr-comment.ts';

/** Far above any real diff's JSON (a few MB for thousands of changed rows). */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;

const usage = 'usage: npm run pr:comment -- <diff.json> [--run-url URL] [--out FILE]';
const args = process.argv.slice(2);
let input: string | undefined;
let runUrl: string | undefined;
let out: string | undefined;
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  const value = () => args[++i] ?? fail(`${arg} needs a value`);
  if (arg === '--run-url') runUrl = value();
  else if (arg === '--out') out = value();
  else if (arg === '--help' || arg === '-h') {
    console.log(usage);
    process.exit(0);
  } else if (arg.startsWith('-')) fail(`unknown option ${arg}`);
  else if (input === undefined) input = arg;
  else fail(`unexpected argument ${arg}`);
}
if (input === undefined) fail('give the JSON file written by data:diff --format json');

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

// the file comes from another job's artifact: a regular file of a sane size, or nothing
const stat = lstatSync(input, { throwIfNoEntry: false });
if (!stat?.isFile()) fail(`${input} is not a regular file`);
if (stat.size > MAX_INPUT_BYTES) fail(`${input} is ${stat.size} bytes, more than any data diff (${MAX_INPUT_BYTES})`);

const comment = prComment(readFileSync(input, 'utf8'), { runUrl });
if (comment.problems.length > 0) console.error(`pr:comment: ${input} is not a data diff, so the comment says so instead:\n${comment.problems.map((p) => `  ${p}`).join('\n')}`);
if (out) writeFileSync(out, `${comment.body}\n`);
else process.stdout.write(`${comment.body}\n`);
