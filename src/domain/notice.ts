/**
 * One notice file (content/notices/<slug>.md) read into a record: its frontmatter checked by
 * the notice schema, its body parsed and checked once (notice-markdown.ts). Nothing else reads
 * notice files: the site renders the record's checked tree, so a notice reaches a page only
 * after the validator has accepted all of it.
 */
import type { Root } from 'mdast';
import { controlCharIn } from './csv-cell-checks.ts';
import type { DiagnosticList, Position } from './diagnostics.ts';
import { readSimpleFrontmatter, readYamlFrontmatter } from './frontmatter.ts';
import { readNoticeBody } from './notice-markdown.ts';
import { describeIssue, type Loaded, type Provenance } from './records.ts';
import { ID_PATTERN } from './schemas/cells.ts';
import { noticeSchema, type NoticeFields } from './schemas/notice.ts';

export type NoticeRecord = Loaded<NoticeFields> & {
  readonly slug: string;
  /** Markdown body, frontmatter removed. */
  readonly body: string;
  /** The body as the checked CommonMark tree the notice page renders (positions dropped). */
  readonly bodyTree: Root;
};

const NOTICE_FIELDS: ReadonlySet<string> = new Set(Object.keys(noticeSchema.shape));

/** Frontmatter between two `---` lines at the very start; the body follows the second. */
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Parses one notice file; on any problem records each and returns undefined. */
export function parseNotice(file: string, slug: string, text: string, diagnostics: DiagnosticList): NoticeRecord | undefined {
  const start: Position = { file, line: 1, col: 1 };
  if (!ID_PATTERN.test(slug)) {
    diagnostics.error(start, 'ID_FORMAT', `notice file name "${slug}.md" is not a valid slug: use lower-case letters, digits and hyphens`);
    return undefined;
  }
  // a NUL would end the page's text where it stands; other controls garble or hide text
  const control = controlCharIn(text);
  if (control) {
    diagnostics.error({ file, ...lineAndColumn(text, control.index) }, 'NOTICE_CONTROL_CHAR', `the notice holds ${control.name}: delete it (it is invisible in most editors)`);
    return undefined;
  }
  const match = frontmatterOf(file, text, diagnostics);
  if (!match) return undefined;
  const fields = readFields(file, match[1]!, diagnostics);
  const bodyStart = match[0].length;
  const body = text.slice(bodyStart);
  const bodyTree = readNoticeBody(body, { file, line: lineAndColumn(text, bodyStart).line }, diagnostics);
  if (!fields || !bodyTree) return undefined;
  return { ...fields, slug, body: body.trim(), bodyTree };
}

/**
 * A notice's frontmatter as plain data, before the schema (what tools such as new:closure read
 * a field from), or undefined with its problems reported: the one reader of notice YAML.
 */
export function readNoticeFrontmatter(file: string, text: string, diagnostics: DiagnosticList): unknown {
  const match = frontmatterOf(file, text, diagnostics);
  return match ? frontmatterData(file, match[1]!, diagnostics) : undefined;
}

function frontmatterOf(file: string, text: string, diagnostics: DiagnosticList): RegExpExecArray | undefined {
  const match = FRONTMATTER.exec(text);
  if (!match) diagnostics.error({ file, line: 1, col: 1 }, 'FRONTMATTER', 'a notice must start with frontmatter between two "---" lines (title, channels, announced, effective, issuer, source, lang)');
  return match ?? undefined;
}

/** The frontmatter text (from the file's second line) read as YAML: the plain form fast, any other within limits. */
function frontmatterData(file: string, yamlText: string, diagnostics: DiagnosticList): unknown {
  return readSimpleFrontmatter(yamlText) ?? readYamlFrontmatter(yamlText, 2, file, diagnostics);
}

/** The frontmatter (from the file's second line) as the notice's fields, or undefined with its problems reported. */
function readFields(file: string, yamlText: string, diagnostics: DiagnosticList): Loaded<NoticeFields> | undefined {
  const start: Position = { file, line: 1, col: 1 };
  const data = frontmatterData(file, yamlText, diagnostics);
  if (data === undefined) return undefined;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    diagnostics.error({ file, line: 2, col: 1 }, 'FRONTMATTER', 'frontmatter must be a set of "key: value" lines');
    return undefined;
  }
  const lines = yamlText.split(/\r?\n/);
  const from: Provenance = {
    file,
    line: 1,
    at(key: string): Position {
      const index = lines.findIndex((l) => l.startsWith(`${key}:`));
      return index < 0 ? start : { file, line: index + 2, col: 1 };
    },
  };
  let ok = true;
  for (const key of Object.keys(data)) {
    if (!NOTICE_FIELDS.has(key)) {
      diagnostics.error(from.at(key), 'FRONTMATTER', `unknown frontmatter field "${key}"; allowed: ${[...NOTICE_FIELDS].join(', ')}`);
      ok = false;
    }
  }
  const result = noticeSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      const { code, message } = describeIssue(issue, key, (data as Record<string, unknown>)[key] ?? undefined, 'FRONTMATTER');
      diagnostics.error(from.at(key), code, message);
    }
    return undefined;
  }
  return ok ? { ...result.data, from } : undefined;
}

/** 1-based line and column of `index`, lines ending at CRLF, LF or a lone CR. */
function lineAndColumn(text: string, index: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: index - lineStart + 1 };
}
