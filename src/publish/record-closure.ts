/**
 * Recording a closure in one step: the channel's row is edited in place (only the cells
 * that change), a notice stub is written, and the whole dataset is validated. If the edit
 * brings any new error, or leaves the row or the notice with one, both files are put back
 * exactly as they were, so a contributor never ends up with an invalid row on disk.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { parseApproxDate, formatDateZh } from '../domain/approx-date.ts';
import { DiagnosticList, type Diagnostic } from '../domain/diagnostics.ts';
import type { DatasetPaths } from '../domain/load.ts';
import { readNoticeFrontmatter } from '../domain/notice.ts';
import { PLATFORM_LABELS, REASON_LABELS, type Platform, type Reason } from '../domain/vocabulary.ts';
import { applyCellEdits, cellValue, parseCsvDocument, type CellEdit, type CsvDocument, type RecordSpan } from '../format/csv-edit.ts';

export interface ClosureInput {
  readonly id: string;
  readonly status: 'closing' | 'closed';
  /** When the closure was announced (YYYY, YYYY-MM or YYYY-MM-DD). */
  readonly announced?: string;
  /** When it took effect (required for closed; a future day is allowed for closing). */
  readonly closed?: string;
  readonly reason: string;
  /** Where to go instead: channel ids or http(s) URLs, in priority order. */
  readonly redirect: readonly string[];
  /** Evidence for the closure: source ids or URLs, added to the row's sources. */
  readonly source: readonly string[];
  /** Title of the closure notice; without it no notice stub is written. */
  readonly noticeTitle?: string;
  /** Notice file name (without .md); defaults to <id>-<year>. */
  readonly noticeSlug?: string;
  /** The day of the edit: written to `checked` and used to judge dates. */
  readonly today: string;
}

export interface CellChange {
  readonly column: string;
  readonly before: string;
  readonly after: string;
}

export interface ClosurePlan {
  /** Channel file holding the row. */
  readonly file: string;
  readonly line: number;
  readonly originalText: string;
  readonly newText: string;
  readonly changes: readonly CellChange[];
  /** The notice the row now names, and the stub to write when it is new. */
  readonly notice?: { readonly slug: string; readonly file: string; readonly text?: string };
}

/** A problem found before anything was written (bad flags, row not found, …). */
export class ClosureInputError extends Error {}

export interface ChannelFile {
  readonly path: string;
  readonly text: string;
}

/** Reads every channel CSV of the dataset, BOM included, refusing files that are not UTF-8. */
export function readChannelFiles(dataDir: string): ChannelFile[] {
  const dir = join(dataDir, 'channels');
  if (!existsSync(dir)) throw new ClosureInputError(`no folder ${dir}`);
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  return readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.csv'))
    .sort()
    .map((f) => {
      const path = join(dir, f);
      try {
        return { path, text: decoder.decode(readFileSync(path)) };
      } catch {
        throw new ClosureInputError(`${path} is not UTF-8; re-save it as "CSV UTF-8" first (npm run validate says where)`);
      }
    });
}

/** Splits repeatable, ;-separated flag values into a clean list. */
export function splitList(values: readonly string[]): string[] {
  return values.flatMap((v) => v.split(';')).map((v) => v.trim()).filter((v) => v !== '');
}

function findRow(files: readonly ChannelFile[], id: string): { file: ChannelFile; doc: CsvDocument; row: RecordSpan } {
  const hits: { file: ChannelFile; doc: CsvDocument; row: RecordSpan }[] = [];
  for (const file of files) {
    const doc = parseCsvDocument(file.text);
    const idColumn = doc.column('id');
    if (idColumn === undefined) continue;
    for (const row of doc.rows) {
      const cell = row.cells[idColumn];
      if (cell && cellValue(file.text, cell) === id) hits.push({ file, doc, row });
    }
  }
  if (hits.length === 0) throw new ClosureInputError(`no channel with id "${id}" in any data/channels/*.csv file; add the row first, or check the id`);
  if (hits.length > 1) throw new ClosureInputError(`id "${id}" appears ${hits.length} times (${hits.map((h) => `${h.file.path}:${h.row.line}`).join(', ')}); fix the duplicate first`);
  return hits[0]!;
}

/**
 * Works out the edit without touching the disk: which cells change, the file's new text, and
 * the notice stub. `noticeExists(slug)` tells whether content/notices/<slug>.md is there and
 * which channels it names.
 */
export function planClosure(
  input: ClosureInput,
  files: readonly ChannelFile[],
  contentDir: string,
  noticeChannels: (slug: string) => readonly string[] | undefined,
): ClosurePlan {
  if (input.status !== 'closing' && input.status !== 'closed') throw new ClosureInputError(`--status must be closing or closed, not "${input.status}"`);
  if (input.source.length === 0) throw new ClosureInputError('give at least one --source (a source id from data/sources.csv or the https:// address of the notice or report)');
  const { file, doc, row } = findRow(files, input.id);
  const current = (column: string) => {
    const index = doc.column(column);
    const cell = index === undefined ? undefined : row.cells[index];
    return cell ? cellValue(file.text, cell) : '';
  };

  const year = (input.closed || input.announced || current('closed') || current('announced') || input.today).slice(0, 4);
  let notice: ClosurePlan['notice'];
  if (input.noticeTitle !== undefined || input.noticeSlug !== undefined) {
    const slug = input.noticeSlug ?? `${input.id}-${year}`;
    const noticeFile = join(contentDir, 'notices', `${slug}.md`);
    const existing = noticeChannels(slug);
    if (existing === undefined) {
      if (!input.noticeTitle) throw new ClosureInputError(`content/notices/${slug}.md does not exist; give --notice-title to write it`);
      notice = { slug, file: noticeFile, text: noticeStub(input, { agency: current('agency'), name: current('name'), platform: current('platform') }) };
    } else if (!existing.includes(input.id)) {
      throw new ClosureInputError(`content/notices/${slug}.md exists and does not name "${input.id}"; choose another --notice-slug, or add the id to its channels list first`);
    } else {
      notice = { slug, file: noticeFile }; // link the existing notice, write nothing
    }
  }

  const sources = [...new Set([...splitList([current('source')]), ...input.source])];
  const wanted: [string, string][] = [
    ['status', input.status],
    ['announced', input.announced ?? current('announced')],
    ['closed', input.closed ?? current('closed')],
    ['reason', input.reason],
    ['redirect', input.redirect.length > 0 ? input.redirect.join(';') : current('redirect')],
    ['notice', notice?.slug ?? current('notice')],
    ['source', sources.join(';')],
  ];
  if (doc.column('checked') !== undefined) wanted.push(['checked', input.today]);

  const edits: CellEdit[] = [];
  const changes: CellChange[] = [];
  for (const [column, value] of wanted) {
    const before = current(column);
    if (before === value) continue;
    const index = doc.column(column);
    if (index === undefined) {
      throw new ClosureInputError(`${file.path} has no "${column}" column; add it to the header (and an empty cell to each row) first`);
    }
    edits.push({ cell: row.cells[index]!, value });
    changes.push({ column, before, after: value });
  }
  return { file: file.path, line: row.line, originalText: file.text, newText: applyCellEdits(file.text, edits), changes, notice };
}

/** Frontmatter the validator accepts, and a body that says plainly it is a summary. */
export function noticeStub(input: ClosureInput, channel: { agency: string; name: string; platform: string }): string {
  const frontmatter: Record<string, unknown> = { title: input.noticeTitle, channels: [input.id] };
  if (input.announced) frontmatter.announced = input.announced;
  if (input.closed) frontmatter.effective = input.closed;
  frontmatter.issuer = channel.agency;
  frontmatter.source = [...input.source];
  frontmatter.lang = 'zh';
  frontmatter.kind = 'summary';

  const zhDate = (text: string | undefined) => {
    const parsed = text ? parseApproxDate(text) : undefined;
    return parsed?.ok ? formatDateZh(parsed.date) : text;
  };
  const platform = PLATFORM_LABELS[channel.platform as Platform]?.zh ?? channel.platform;
  const label = REASON_LABELS[input.reason as Reason]?.zh ?? input.reason;
  const reason = input.reason === 'discontinued' ? '' : `（${label}）`; // "停止运营（停止运营）" says nothing
  const announced = input.announced ? `于${zhDate(input.announced)}发布公告，` : '';
  const effect = input.status === 'closed'
    ? `“${channel.name}”（${platform}）已${input.closed ? `于${zhDate(input.closed)}` : ''}停止运营${reason}`
    : `“${channel.name}”（${platform}）将${input.closed ? `于${zhDate(input.closed)}` : ''}停止运营${reason}`;
  const redirect = input.redirect.length > 0 ? `公众可改为关注：${input.redirect.join('、')}。` : '';
  return [
    '---',
    stringify(frontmatter, { lineWidth: 0 }).trimEnd(),
    '---',
    '',
    // No HTML comment to guide the editor: notices are plain Markdown (NOTICE_HTML); the
    // command prints the advice instead, and kind: summary labels this text on the page.
    `${channel.agency}${announced}${effect}。${redirect}`,
    '',
  ].join('\n');
}

export interface ClosureResult {
  readonly ok: boolean;
  readonly plan: ClosurePlan;
  /** Errors that made the edit roll back (empty when ok). */
  readonly errors: readonly Diagnostic[];
  /** Warnings on the edited row or notice, worth showing even when ok. */
  readonly warnings: readonly Diagnostic[];
}

/**
 * Plans, writes, validates, and rolls back on failure. `validate` runs the validator over
 * the dataset on disk and returns its diagnostics.
 */
export function recordClosure(input: ClosureInput, paths: DatasetPaths, validate: () => readonly Diagnostic[]): ClosureResult {
  const files = readChannelFiles(paths.dataDir);
  const plan = planClosure(input, files, paths.contentDir, (slug) => readNoticeChannels(join(paths.contentDir, 'notices', `${slug}.md`)));
  const key = (d: Diagnostic) => `${d.file}\u0000${d.line}\u0000${d.code}`;
  const errorsBefore = new Set(validate().filter((d) => d.severity === 'error').map(key));

  const writtenNotice = plan.notice?.text !== undefined ? plan.notice.file : undefined;
  if (writtenNotice) {
    mkdirSync(dirname(writtenNotice), { recursive: true });
    writeFileSync(writtenNotice, plan.notice!.text!, { flag: 'wx' }); // never overwrite a notice
  }
  let after: readonly Diagnostic[];
  try {
    writeFileSync(plan.file, plan.newText);
    after = validate();
  } catch (error) {
    writeFileSync(plan.file, plan.originalText);
    if (writtenNotice) rmSync(writtenNotice, { force: true });
    throw error;
  }
  const touches = (d: Diagnostic) => (d.file === plan.file && d.line === plan.line) || d.file === writtenNotice;
  const errors = after.filter((d) => d.severity === 'error' && (touches(d) || !errorsBefore.has(key(d))));
  if (errors.length > 0) {
    writeFileSync(plan.file, plan.originalText);
    if (writtenNotice) rmSync(writtenNotice, { force: true });
  }
  return { ok: errors.length === 0, plan, errors, warnings: after.filter((d) => d.severity === 'warning' && touches(d)) };
}

/** The channel ids a notice file names, or undefined when there is no such file. */
function readNoticeChannels(file: string): string[] | undefined {
  if (!existsSync(file)) return undefined;
  // the domain's reader, with its limits: a notice is contributed text (its problems are the validator's to report)
  const data = readNoticeFrontmatter(file, readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), new DiagnosticList());
  const channels = (data as { channels?: unknown } | null | undefined)?.channels;
  if (Array.isArray(channels)) return channels.map(String);
  return typeof channels === 'string' ? splitList([channels]) : [];
}
