import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { brokenLinks, headingAnchors, headingSlug, markdownLinks, type DocumentFiles } from './helpers/markdown-links.ts';

/** The repository's files, read only when they are regular files. */
const repository: DocumentFiles = {
  read: (path) => (existsSync(path) && statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined),
  exists: (path) => existsSync(path),
};

/** An in-memory set of documents, for the checker's own cases. */
function documents(files: Record<string, string>, folders: readonly string[] = []): DocumentFiles {
  return { read: (path) => files[path], exists: (path) => path in files || folders.includes(path) };
}

const DOCS = readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`).sort();
const CHECKED = ['README.md', 'CONTRIBUTING.md', 'CONTRIBUTING.en.md', ...DOCS];

describe('links in the README, docs/ and the contributing guides', () => {
  it('all land: every relative link names an existing file and, with #anchor, an existing heading', () => {
    const { checked, problems } = brokenLinks(CHECKED, repository);
    expect(problems).toEqual([]);
    // The README alone links to every document in docs/: far fewer would mean links went unread.
    expect(checked).toBeGreaterThanOrEqual(25);
  });

  it('docs/README.md indexes every document in docs/', () => {
    const indexed = new Set(markdownLinks(readFileSync('docs/README.md', 'utf8')).map((l) => `docs/${l.target.split('#')[0]}`));
    for (const doc of DOCS.filter((d) => d !== 'docs/README.md')) expect(indexed, doc).toContain(doc);
  });

  it('the README leads to the docs index and both contributing guides', () => {
    const targets = markdownLinks(readFileSync('README.md', 'utf8')).map((l) => l.target);
    expect(targets).toEqual(expect.arrayContaining(['docs/README.md', 'CONTRIBUTING.md', 'CONTRIBUTING.en.md']));
  });
});

describe('the link checker', () => {
  it('reports a link to a missing file with its document and line', () => {
    const files = documents({ 'docs/a.md': '# A\n\nSee [b](b.md) and\n[gone](missing.md).\n', 'docs/b.md': '# B\n' });
    expect(brokenLinks(['docs/a.md'], files)).toEqual({
      checked: 2,
      problems: ['docs/a.md:4: "missing.md" leads to docs/missing.md, which does not exist'],
    });
  });

  it('reports an anchor that no heading has, in the same file or another', () => {
    const files = documents({
      'README.md': '# Top\n\n[ok](docs/x.md#the-data-contract) [bad](docs/x.md#nowhere)\n[self](#top) [self bad](#bottom)\n',
      'docs/x.md': '# X\n\n## The data contract\n',
    });
    expect(brokenLinks(['README.md'], files).problems).toEqual([
      'README.md:3: "docs/x.md#nowhere": docs/x.md has no heading with the anchor #nowhere',
      'README.md:4: "#bottom": README.md has no heading with the anchor #bottom',
    ]);
  });

  it('refuses links that leave the repository and anchors into files that are not Markdown', () => {
    const files = documents({ 'docs/a.md': '[up](../../etc/passwd)\n[code](../src/x.ts#L3)\n', 'src/x.ts': 'x' });
    expect(brokenLinks(['docs/a.md'], files).problems).toEqual([
      'docs/a.md:1: "../../etc/passwd" leaves the repository',
      'docs/a.md:2: "../src/x.ts#L3" names a heading, but src/x.ts is not a Markdown file',
    ]);
  });

  it('accepts folders, percent-encoded anchors and repeated headings, and leaves external links alone', () => {
    const files = documents(
      {
        'a.md': '# 错误代码表\n\n## Notes\n\n## Notes\n\n[f](src/) [zh](#%E9%94%99%E8%AF%AF%E4%BB%A3%E7%A0%81%E8%A1%A8) [n](#notes-1) [w](https://example.org/x.md) [m](mailto:x@example.org)\n',
      },
      ['src'],
    );
    expect(brokenLinks(['a.md'], files)).toEqual({ checked: 3, problems: [] });
  });

  it('reads no links or headings out of code blocks and code spans', () => {
    const text = '# Real\n\n```md\n# Not a heading\n[no](nowhere.md)\n```\n\nShown as code: `[no](nowhere.md)`; [yes](a.md).\n';
    expect(markdownLinks(text)).toEqual([{ line: 8, target: 'a.md' }]);
    expect([...headingAnchors(text)]).toEqual(['real']);
  });

  it('finds reference definitions and images, with their lines', () => {
    expect(markdownLinks('![chart](img/c.svg)\n\n[guide]: CONTRIBUTING.md\n')).toEqual([
      { line: 1, target: 'img/c.svg' },
      { line: 3, target: 'CONTRIBUTING.md' },
    ]);
  });

  it('makes anchors as GitHub does: code and emphasis kept as text, punctuation dropped, CJK kept', () => {
    expect(headingSlug('Benchmark: `npm run bench`')).toBe('benchmark-npm-run-bench');
    expect(headingSlug('Which pages exist (and why)')).toBe('which-pages-exist-and-why');
    expect(headingSlug('`data/channels/*.csv` — one row per channel')).toBe('datachannelscsv--one-row-per-channel');
    expect(headingSlug('**Bold** and [a link](x.md)')).toBe('bold-and-a-link');
    expect(headingSlug('错误代码表')).toBe('错误代码表');
    expect(headingSlug('The weekly link check')).toBe('the-weekly-link-check');
  });
});
