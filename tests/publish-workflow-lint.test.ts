import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionlint, lintWorkflow, policyFindings } from '../src/publish/workflow-lint.ts';

const BROKEN = 'tests/fixtures/publish/broken-workflow.yml';
const broken = readFileSync(BROKEN, 'utf8');

describe('workflow lint', () => {
  it('passes every workflow in .github/workflows', async () => {
    const files = readdirSync('.github/workflows').filter((f) => f.endsWith('.yml'));
    expect(files.sort()).toEqual(['deploy.yml', 'link-check.yml', 'pr-checks.yml', 'pr-comment.yml']);
    for (const f of files) {
      const file = join('.github/workflows', f);
      expect(await lintWorkflow(readFileSync(file, 'utf8'), file)).toEqual([]);
    }
  });

  it('runs real actionlint offline: unknown job, undefined step, bad input', async () => {
    const found = (await actionlint(broken, BROKEN)).map((f) => `${f.line}:${f.kind}`);
    expect(found).toEqual(['16:action', '18:expression', '19:job-needs', '23:action']);
  });

  it('enforces the project rules: permissions, pinned actions, Node 24, npm install, no write token on pull-request code', () => {
    expect(policyFindings(broken, BROKEN).map((f) => `${f.line}: ${f.message.split(/[:;(]/)[0]}`)).toEqual([
      '2: set top-level "permissions" ',
      '10: a job triggered by pull requests runs their code',
      '12: "actions/checkout@main" follows a moving branch',
      '13: pin "actions/setup-node@v4" to the full commit SHA of its release, with the version as a comment ',
      '15: use Node 24, the version the project pins ',
      '17: use "npm install"',
      '23: pin "actions/github-script" to a version ',
    ]);
  });

  it('wants every action pinned to a commit SHA with its release as a comment, or a comment saying why not', () => {
    const sha = 'fbc6f3992d24b796d5a048ff273f7fcc4a7b6c09';
    const workflow = [
      'name: Pins',
      'on: push',
      'permissions:',
      '  contents: read',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      `      - uses: actions/checkout@${sha} # v5.1.0`, // 9: pinned, release named
      `      - uses: actions/checkout@${sha}`, // 10: which release?
      `      - uses: actions/checkout@${sha} # the good one`, // 11: not a release
      '      - uses: actions/checkout@fbc6f39 # v5.1.0', // 12: a short SHA can collide
      '      - uses: actions/checkout@v5 # v5', // 13: a tag, not a reason
      '      - uses: example/moving@v1 # unpinned: its publisher rewrites history, so old SHAs vanish', // 14
      '      # unpinned: mirrored from our own organisation, which signs its tags', // 15
      '      - uses: example/mirrored@v2', // 16
      '      - uses: ./.github/actions/local', // 17: this repository's own code
      '      - uses: example/no-reason@v3 # unpinned:', // 18: no reason given
    ].join('\n');
    expect(policyFindings(workflow, 'pins.yml').map((f) => `${f.line}:${f.col}: ${f.message.split(/[:,]/)[0]}`)).toEqual([
      `10:15: say which release "actions/checkout@${sha}" is`,
      `11:15: say which release "actions/checkout@${sha}" is`,
      '12:15: pin "actions/checkout@fbc6f39" to the full commit SHA of its release',
      '13:15: pin "actions/checkout@v5" to the full commit SHA of its release',
      '18:15: pin "example/no-reason@v3" to the full commit SHA of its release',
    ]);
  });

  it('makes npm run lint:workflows fail on a broken workflow and pass on the real ones', () => {
    const run = (...files: string[]) => {
      try {
        return { code: 0, out: execFileSync('npm', ['run', '-s', 'lint:workflows', '--', ...files], { encoding: 'utf8', stdio: 'pipe' }) };
      } catch (error) {
        const e = error as { status: number; stdout: string };
        return { code: e.status, out: e.stdout };
      }
    };
    const bad = run(BROKEN);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`${BROKEN}:19:3: job "comment" needs job "chek" which does not exist`);
    expect(bad.out).toMatch(/\d+ problem\(s\) in 1 workflow file/);
    const good = run();
    expect(good).toEqual({ code: 0, out: expect.stringContaining('workflows ok: 4 file(s)') });
  }, 60_000);
});
