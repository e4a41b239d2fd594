import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ERROR_CODES } from '../src/domain/error-codes.ts';
import { REPORT_FIELDS, REPORT_TEMPLATES, reportIssueUrl, type ReportKind } from '../src/routes/report-links.ts';

const GUIDES = { zh: 'CONTRIBUTING.md', en: 'CONTRIBUTING.en.md' } as const;

/** Codes in the first column of the guide's table of messages, with their explanations. */
function documentedCodes(text: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const m = /^\| `([A-Z_]+)` \|(.*)\|\s*$/.exec(line);
    if (m) rows.set(m[1]!, m[2]!.split('|').map((c) => c.trim()));
  }
  return rows;
}

describe('CONTRIBUTING guides', () => {
  for (const [lang, file] of Object.entries(GUIDES)) {
    const text = readFileSync(file, 'utf8');

    it(`${file} documents every validator code, with a meaning and a fix, and no code that does not exist`, () => {
      const rows = documentedCodes(text);
      expect([...rows.keys()].sort()).toEqual(Object.keys(ERROR_CODES).sort());
      for (const [code, cells] of rows) {
        expect(cells, code).toHaveLength(2);
        expect(cells.every((c) => c.length >= 4), `${code} needs both a meaning and a fix`).toBe(true);
      }
    });

    it(`${file} links to the other language`, () => {
      const other = lang === 'zh' ? GUIDES.en : GUIDES.zh;
      expect(text).toContain(`](${other})`);
    });
  }

  it('explains the same commands in both languages', () => {
    const commands = (t: string) => [...t.matchAll(/npm run ([a-z:]+)/g)].map((m) => m[1]).sort();
    expect(new Set(commands(readFileSync(GUIDES.zh, 'utf8')))).toEqual(new Set(commands(readFileSync(GUIDES.en, 'utf8'))));
  });
});

describe('issue forms and report links', () => {
  const forms = readdirSync('.github/ISSUE_TEMPLATE').filter((f) => f !== 'config.yml');

  it('has one form per kind of report, each valid with unique field ids', () => {
    expect(forms.sort()).toEqual(Object.values(REPORT_TEMPLATES).sort());
    for (const f of forms) {
      const form = parse(readFileSync(`.github/ISSUE_TEMPLATE/${f}`, 'utf8')) as { name: string; description: string; body: { type: string; id?: string }[] };
      expect(form.name, f).toBeTruthy();
      expect(form.description, f).toBeTruthy();
      const ids = form.body.filter((b) => b.type !== 'markdown').map((b) => b.id);
      expect(ids.every((id) => typeof id === 'string' && /^[a-z][a-z0-9_-]*$/.test(id)), f).toBe(true);
      expect(new Set(ids).size, f).toBe(ids.length);
    }
  });

  it('pre-fills only fields the forms have: every parameter name is an input or textarea id', () => {
    for (const kind of Object.keys(REPORT_TEMPLATES) as ReportKind[]) {
      const form = parse(readFileSync(`.github/ISSUE_TEMPLATE/${REPORT_TEMPLATES[kind]}`, 'utf8')) as { body: { type: string; id?: string }[] };
      const fillable = form.body.filter((b) => b.type === 'input' || b.type === 'textarea').map((b) => b.id);
      expect([...REPORT_FIELDS[kind]].sort(), kind).toEqual([...fillable].sort());
    }
  });

  it('builds a pre-filled issue link, encoding values and leaving empty ones out', () => {
    const url = reportIssueUrl('https://github.com/gov-channels/registry/', 'closed', { channel: 'rongcheng-police-weibo', page: 'https://x.org/channels/rongcheng-police-weibo/', closed: '' }, '荣成公安 已关停');
    expect(url).toBe(
      'https://github.com/gov-channels/registry/issues/new?template=channel-closed.yml&title=%E8%8D%A3%E6%88%90%E5%85%AC%E5%AE%89+%E5%B7%B2%E5%85%B3%E5%81%9C&channel=rongcheng-police-weibo&page=https%3A%2F%2Fx.org%2Fchannels%2Frongcheng-police-weibo%2F',
    );
    expect(() => reportIssueUrl('https://github.com/o/r', 'missing', { channel: 'x' } as never)).toThrow(/no field "channel"/);
  });
});
