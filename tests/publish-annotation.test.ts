/**
 * `npm run validate -- --format github` prints workflow commands that GitHub turns into
 * annotations on the changed file's line. The escaping must match the runner's rules
 * (@actions/core's escapeData / escapeProperty): in the message, % CR LF; in properties,
 * additionally ':' and ','; otherwise a message with a newline or a path with a comma is cut.
 */
import { describe, expect, it } from 'vitest';
import { formatGithubAnnotation, type Diagnostic } from '../src/domain/diagnostics.ts';
import { checkRows } from './helpers/dataset.ts';

const diagnostic = (over: Partial<Diagnostic>): Diagnostic => ({
  file: 'data/channels/shandong.csv',
  line: 7,
  col: 12,
  severity: 'error',
  code: 'DATE_FORMAT',
  message: 'opened: "2024/04" is not a date',
  ...over,
});

/** The runner's parser: split "::cmd props::message", unescape. */
function parseCommand(line: string): { command: string; props: Record<string, string>; message: string } {
  const m = /^::(\w+) ([^:]*)::(.*)$/s.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const props = Object.fromEntries(m[2]!.split(',').map((kv) => {
    const i = kv.indexOf('=');
    return [kv.slice(0, i), unescape(kv.slice(i + 1))];
  }));
  return { command: m[1]!, props, message: unescape(m[3]!) };
}

describe('formatGithubAnnotation', () => {
  it('writes an error command with file, line, column and the code as title', () => {
    expect(formatGithubAnnotation(diagnostic({}))).toBe(
      '::error file=data/channels/shandong.csv,line=7,col=12,title=DATE_FORMAT::opened: "2024/04" is not a date',
    );
  });

  it('writes warnings as warning commands', () => {
    expect(formatGithubAnnotation(diagnostic({ severity: 'warning', code: 'SOURCE_UNUSED' }))).toMatch(/^::warning file=.*title=SOURCE_UNUSED::/);
  });

  it('escapes %, CR and LF in the message, and leaves : and , in it alone', () => {
    expect(formatGithubAnnotation(diagnostic({ message: '100% sure,\r\nsee: line 2' }))).toMatch(/::100%25 sure,%0D%0Asee: line 2$/);
  });

  it('escapes : , % CR LF in properties, so odd file names cannot end the property list', () => {
    const line = formatGithubAnnotation(diagnostic({ file: 'C:\\data\\a,b%\n.csv' }));
    expect(line).toContain('file=C%3A\\data\\a%2Cb%25%0A.csv,line=7');
  });

  it('round-trips through the runner\'s parser', () => {
    const d = diagnostic({ file: 'data/channels/a,b:c.csv', message: 'line one\nline two: 50% done, nearly' });
    const parsed = parseCommand(formatGithubAnnotation(d));
    expect(parsed).toEqual({ command: 'error', props: { file: d.file, line: '7', col: '12', title: 'DATE_FORMAT' }, message: d.message });
  });

  it('annotates a real validator finding at the bad cell', () => {
    const checked = checkRows([{ id: 'a', name: 'A', opened: '2024/04' }]);
    const [d] = checked.diagnostics.sorted();
    const parsed = parseCommand(formatGithubAnnotation(d!));
    expect(parsed.props).toMatchObject({ file: checked.file, line: '2', title: 'DATE_FORMAT' });
    expect(Number(parsed.props.col)).toBeGreaterThan(1);
  });
});
