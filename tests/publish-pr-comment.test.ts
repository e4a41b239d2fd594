/**
 * The pull-request comment is made by a job with a write token from JSON the pull request's
 * own run wrote: whatever the JSON says, the comment holds no mention, reference, link, image
 * or HTML of its making, fits in a GitHub comment, and JSON of the wrong shape gets a fixed
 * comment that repeats nothing of it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDataset } from '../src/domain/pipeline.ts';
import { diffDatasets } from '../src/domain/data-diff.ts';
import { diffJsonText, parseDiffJson } from '../src/publish/diff-json.ts';
import { DIFF_COMMENT_MARKER, escapeMarkdown, MAX_COMMENT_LENGTH, renderDiffMarkdown } from '../src/publish/diff-markdown.ts';
import { prComment } from '../src/publish/pr-comment.ts';
import { CHANNEL_HEADER, channelRow, TODAY, writeDataset } from './helpers/dataset.ts';

const ZWJ = '\u200d';
const RUN_URL = 'https://github.com/gov-channels/registry/actions/runs/42';
/** What GitHub's comment limit is; the comment must stay within it. */
const GITHUB_LIMIT = 65_536;

/**
 * A comment read the way a CommonMark renderer reads it outside code spans: `text` is what
 * shows (backslash escapes resolved), `syntax` what can still act as Markdown (escaped
 * characters blanked). Code spans are dropped: GitHub renders them literally.
 */
function outsideCode(md: string): { text: string; syntax: string } {
  let text = '';
  let syntax = '';
  for (let i = 0; i < md.length; ) {
    const ch = md[i]!;
    if (ch === '\\' && /[!-/:-@[-`{-~]/.test(md[i + 1] ?? '')) {
      text += md[i + 1];
      syntax += ' ';
      i += 2;
      continue;
    }
    if (ch === '`') {
      const run = /^`+/.exec(md.slice(i))![0];
      const end = md.indexOf(run, i + run.length);
      if (end >= 0) {
        text += ' ';
        syntax += ' ';
        i = end + run.length;
        continue;
      }
    }
    text += ch;
    syntax += ch;
    i++;
  }
  // the entities the escaper writes, as a browser shows them
  return { text: text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'), syntax };
}

/** The comment's own markup (marker, line breaks in cells, the footer, the run link). */
const OWN_MARKUP = [DIFF_COMMENT_MARKER, '<br>', '<sub>', '</sub>', `[完整日志 Full log](${RUN_URL})`];

/** Everything a comment made from hostile text must not do, asserted on the comment. */
function expectInert(md: string): void {
  expect(md.length).toBeLessThanOrEqual(GITHUB_LIMIT);
  expect(md.startsWith(`${DIFF_COMMENT_MARKER}\n`)).toBe(true);
  let { text, syntax } = outsideCode(md);
  for (const own of OWN_MARKUP) {
    text = text.split(own).join(' ');
    syntax = syntax.split(own).join(' ');
  }
  expect(syntax, 'HTML').not.toMatch(/[<>]/);
  expect(syntax, 'a link or an image').not.toMatch(/\]\s*[([]|!\[/);
  expect(syntax, 'an entity').not.toMatch(/&(?!amp;|lt;|gt;)/);
  expect(text, 'a mention').not.toMatch(new RegExp(`@(?!${ZWJ})`));
  expect(text, 'an issue reference').not.toMatch(/#\d|\bgh-\d/i);
  expect(text, 'an autolink').not.toMatch(/[a-z]:\/\/|\bwww\.|mailto:/i);
}

const HOSTILE = [
  '@octocat and @gov-channels/maintainers please merge',
  'fixes #123, GH-45 and gov-channels/registry#7',
  '![x](https://evil.example/pixel.png)',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  'see https://evil.example/login or www.evil.example or mailto:a@evil.example',
  '<!-- hidden --> </sub> <details open> &lt;b&gt; &#64;octocat',
  '```\n# heading\n| a | b |\n\n[ref]: https://evil.example',
  '**bold** _em_ ~~strike~~ <https://evil.example>',
];

/** A data diff as JSON, every string field set to `text`. */
function hostileJson(text: string): Record<string, unknown> {
  const change = {
    kind: 'changed',
    id: text,
    name: text,
    platform: text,
    status: 'active',
    province: text,
    file: text,
    line: 3,
    movedFrom: text,
    fields: [{ field: 'name', before: text, after: text }],
  };
  return {
    ref: text,
    today: text,
    checks: [{ name: text, outcome: text }],
    channels: [change, { ...change, kind: 'added' }],
    unreadable: [{ id: text, previouslyPresent: true }],
    moved: [change],
    provinces: [{ code: text, name: text, nameEn: text, added: 1, removed: 0, closed: 0, reopened: 0, changed: 1 }],
    notices: { added: [text], removed: [text], changed: [text] },
    sources: { added: [text], removed: [], changed: [] },
    events: { added: 1, removed: 0 },
    totals: { before: 1, after: 2 },
    diagnostics: [{ file: text, line: 2, col: 1, severity: 'error', code: 'ID_FORMAT', message: text }],
  };
}

const commentOf = (json: unknown) => prComment(JSON.stringify(json), { runUrl: RUN_URL });

describe('the pull-request comment from untrusted JSON', () => {
  it('renders every hostile string inert, yet shows it', () => {
    for (const text of HOSTILE) {
      const { body, problems } = commentOf(hostileJson(text));
      expect(problems, text).toEqual([]);
      expectInert(body);
      expect(body, text).toContain(`[完整日志 Full log](${RUN_URL})`);
    }
    // shown, as text: the reviewer still sees what the data says
    const shown = outsideCode(commentOf(hostileJson('<img src=x> @octocat #123 [x](j:a)')).body).text;
    expect(shown).toContain(`| <img src=x> @${ZWJ}octocat #${ZWJ}123 [x](j:a) |`);
    expect(commentOf(hostileJson('see https://evil.example/x')).body).toContain('see `https://evil.example/x`');
  });

  it('neutralises mentions, references and autolinks in escapeMarkdown itself', () => {
    expect(escapeMarkdown('@admin #12 GH-3 https://x.example/a|b')).toBe(`@${ZWJ}admin \\#${ZWJ}12 GH-${ZWJ}3 \`https://x.example/a¦b\``);
    expect(escapeMarkdown('a|b <img src=x>\nnext & more')).toBe('a\\|b &lt;img src=x&gt; next &amp; more');
    expect(escapeMarkdown('![i](u) [l](javascript:x)')).toBe('\\!\\[i\\]\\(u\\) \\[l\\]\\(javascript:x\\)');
  });

  it('keeps a megabyte string to a few lines, and the comment within GitHub’s limit', () => {
    const huge = `@everyone ${'界'.repeat(1 << 19)} https://evil.example/${'x'.repeat(1 << 19)}`; // 1 MB in every field
    const json = JSON.stringify(hostileJson(huge));
    const started = Date.now();
    const { body, problems } = prComment(json, { runUrl: RUN_URL });
    expect(Date.now() - started).toBeLessThan(5_000); // linear in the input, whatever it holds
    expect(problems).toEqual([]);
    expectInert(body);
    expect(body.length).toBeLessThan(20_000);
    expect(body).toContain('…');
  });

  it('cuts a diff too long for one comment at a line, with a clear truncated line', () => {
    const json = hostileJson('x');
    const many = Array.from({ length: 150 }, (_, i) => ({
      ...(json.channels as object[])[0],
      id: `channel-${i}`,
      fields: Array.from({ length: 22 }, (_, f) => ({ field: `column_${f}`, before: `@a #1 ${'前'.repeat(59)}`, after: 'https://evil.example/'.padEnd(60, 'y') })),
    }));
    const { body } = commentOf({ ...json, channels: many });
    expectInert(body);
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(body.trimEnd().split('\n').at(-1)).toMatch(/^\*\*… 摘要过长，已截断。Truncated:\*\* the summary is longer than a comment can hold/);
  });

  it('gives JSON of the wrong shape a fixed comment that repeats nothing of it, and says where it is wrong', () => {
    const good = hostileJson('ok');
    const cases: [string, string, RegExp][] = [
      ['not JSON', '{"channels": [', /^not JSON$/],
      ['an array', '[1,2]', /^at \$: invalid_type$/],
      ['no channels', JSON.stringify({ ...good, channels: undefined }), /^at \$\.channels: invalid_type$/],
      ['an unknown kind', JSON.stringify({ ...good, channels: [{ ...(good.channels as object[])[0], kind: '@octocat' }] }), /^at \$\.channels\.0\.kind: invalid_value$/],
      ['a negative line', JSON.stringify({ ...good, diagnostics: [{ ...(good.diagnostics as object[])[0], line: -1 }] }), /^at \$\.diagnostics\.0\.line: too_small$/],
      ['a status that is no word', JSON.stringify({ ...good, channels: [{ ...(good.channels as object[])[0], status: '<img src=x>' }] }), /^at \$\.channels\.0\.status: invalid_format$/],
      ['an error code that is no code', JSON.stringify({ ...good, diagnostics: [{ ...(good.diagnostics as object[])[0], code: '@octocat' }] }), /^at \$\.diagnostics\.0\.code: invalid_format$/],
      ['a count that is a string', JSON.stringify({ ...good, totals: { before: '1', after: 2 } }), /^at \$\.totals\.before: invalid_type$/],
      ['a hostile key', `{"::warning::x":1,${JSON.stringify(good).slice(1, -1).replace('"ref":"ok"', '"ref":{"::error::pwned":1}')}}`, /^at \$\.ref: invalid_type$/],
    ];
    for (const [label, text, problem] of cases) {
      const { body, problems } = prComment(text, { runUrl: RUN_URL });
      expect(problems[0], label).toMatch(problem);
      expect(body.startsWith(`${DIFF_COMMENT_MARKER}\n`), label).toBe(true);
      expect(body, label).toContain('could not be read');
      expect(body, label).not.toMatch(/octocat|img|pwned|::/);
    }
    expect(parseDiffJson(JSON.stringify(good)).ok).toBe(true);
  });

  it('says the same through JSON as from the diff itself, and keeps new statuses and columns a pull request may add', () => {
    const csv = (...rows: Record<string, string>[]) => [CHANNEL_HEADER, ...rows.map(channelRow)].join('\n') + '\n';
    const before = writeDataset({ 'data/channels/s.csv': csv({ id: 'rongcheng-police-weibo', name: '荣成公安' }) });
    const after = writeDataset({
      'data/channels/s.csv': csv({ id: 'rongcheng-police-weibo', name: '荣成公安 @chief', status: 'closed', closed: '2024-04', reason: 'merged' }, { id: 'new-one', name: '新账号', opened: '2024-13' }),
    });
    const now = checkDataset(after, { today: TODAY });
    const diff = diffDatasets(checkDataset(before, { today: TODAY }).dataset, now.dataset, { beforeDataDir: before.dataDir, afterDataDir: after.dataDir, diagnostics: now.diagnostics.sorted() });
    const checks = [{ name: 'tests', outcome: 'success' }];
    const json = diffJsonText(diff, { ref: 'HEAD^1', today: TODAY, checks });
    const { body, problems } = prComment(json, { runUrl: RUN_URL });
    expect(problems).toEqual([]);
    expect(body).toBe(renderDiffMarkdown(diff, { baseLabel: 'HEAD^1', checks, runUrl: RUN_URL }));
    expect(body).toContain(`荣成公安 @${ZWJ}chief`);
    expect(body).toContain('**DATE\\_IMPOSSIBLE**');

    const parsed = JSON.parse(json) as { channels: { status: string; fields: { field: string }[] }[] };
    parsed.channels[0]!.status = 'suspended';
    parsed.channels[0]!.fields[0]!.field = 'wechat_id';
    const added = prComment(JSON.stringify(parsed));
    expect(added.problems).toEqual([]);
    expect(added.body).toContain('→ suspended');
    expect(added.body).toContain('wechat\\_id: ');
  });

  it('is what npm run pr:comment prints, and that refuses what is not a regular file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pr-comment-'));
    writeFileSync(join(dir, 'diff.json'), JSON.stringify(hostileJson('@octocat')));
    writeFileSync(join(dir, 'bad.json'), '{"channels":1}');
    const run = (...args: string[]) => spawnSync('npm', ['run', '-s', 'pr:comment', '--', ...args], { encoding: 'utf8' });
    const good = run(join(dir, 'diff.json'), '--run-url', RUN_URL);
    expect(good.status).toBe(0);
    expect(good.stdout).toBe(`${commentOf(hostileJson('@octocat')).body}\n`);
    const bad = run(join(dir, 'bad.json'));
    expect(bad.status).toBe(0);
    expect(bad.stdout).toContain('could not be read');
    expect(bad.stderr).toContain('at $.channels: invalid_type');
    expect(run(dir).status).toBe(2);
    expect(run(join(dir, 'missing.json')).stderr).toContain('is not a regular file');
  }, 60_000);
});
