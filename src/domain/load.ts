/**
 * Reading a dataset folder (data/ and content/) into typed records. Every file problem and
 * every bad cell is recorded in the diagnostics; every row either becomes a record or an
 * error. Cross-row rules (references, redirects, levels) are the validator's, not ours.
 */
import { basename, join } from 'node:path';
import { parseDocument } from 'yaml';
import type { ColumnSpec, CsvRow, CsvTable } from './csv.ts';
import { isDataFile, listDataFolder, readDataFile, type DataFileOptions } from './data-files.ts';
import { readCsv } from './csv.ts';
import { DiagnosticList, type Position } from './diagnostics.ts';
import type { Loaded, Provenance } from './records.ts';
import { describeIssue, parseRow, parseRows } from './records.ts';
import { channelSchema, type ChannelFields } from './schemas/channel.ts';
import { eventSchema, type EventFields } from './schemas/event.ts';
import { noticeSchema, type NoticeFields } from './schemas/notice.ts';
import { regionOverrideSchema, type RegionOverrideFields } from './schemas/region-override.ts';
import { sourceSchema, type SourceFields } from './schemas/source.ts';
import { ID_PATTERN, isMultilineText } from './schemas/cells.ts';
import { decodeUtf8 } from './text-file.ts';
import { readSimpleFrontmatter } from './frontmatter.ts';
import type { z } from 'zod';

export interface DatasetPaths {
  /** Folder with channels/, sources.csv, events.csv, regions.csv (default data/). */
  readonly dataDir: string;
  /** Folder with notices/ and pages/ (default content/). */
  readonly contentDir: string;
}

export type ChannelRecord = Loaded<ChannelFields>;
export type SourceRecord = Loaded<SourceFields>;
export type EventRecord = Loaded<EventFields>;
export type RegionOverrideRecord = Loaded<RegionOverrideFields>;
export type NoticeRecord = Loaded<NoticeFields> & {
  readonly slug: string;
  /** Markdown body, frontmatter removed. */
  readonly body: string;
};

export interface LoadedDataset {
  readonly channels: ChannelRecord[];
  readonly sources: SourceRecord[];
  readonly events: EventRecord[];
  readonly regionOverrides: RegionOverrideRecord[];
  readonly notices: NoticeRecord[];
  /** Channel CSV files read, in order. */
  readonly channelFiles: string[];
  /** Data rows seen in all CSV files (loaded or rejected). */
  readonly rowsRead: number;
  /**
   * Ids of channel rows rejected for bad cells. References to them are not reported again as
   * unknown: the row's own errors already say what to fix.
   */
  readonly rejectedChannelIds: ReadonlySet<string>;
  /** Slugs of notice files rejected for their own errors (not reported again as unknown). */
  readonly rejectedNoticeSlugs: ReadonlySet<string>;
  /** True when DATA_DIR holds the marker file written by `npm run synth`. */
  readonly synthetic: boolean;
}

/** Marker file that `npm run synth` writes into a synthetic dataset's data folder. */
export const SYNTHETIC_MARKER = 'SYNTHETIC.json';

function columnsOf(schema: z.ZodObject<z.ZodRawShape>): ColumnSpec {
  const required: string[] = [];
  const optional: string[] = [];
  const multiline: string[] = [];
  for (const [name, field] of Object.entries(schema.shape)) {
    ((field as z.ZodType).safeParse(undefined).success ? optional : required).push(name);
    if (isMultilineText(field as z.ZodType)) multiline.push(name);
  }
  return { required, optional, multiline };
}

const CHANNEL_COLUMNS = columnsOf(channelSchema);

/** `files` changes how files are read (tests lower the size limit or make reads fail). */
export function loadDataset(paths: DatasetPaths, diagnostics: DiagnosticList, files: DataFileOptions = {}): LoadedDataset {
  let rowsRead = 0;
  const table = (
    file: string,
    schema: z.ZodObject<z.ZodRawShape>,
    required: boolean,
    onRow?: (row: CsvRow, table: CsvTable) => void,
  ): CsvTable | null => {
    const read = readDataFile(file, paths.dataDir, diagnostics, files);
    if (read.status === 'missing' && required) diagnostics.error({ file, line: 1, col: 1 }, 'FILE_MISSING', `${file} is missing`);
    if (read.status !== 'read') return null;
    const text = decodeUtf8(read.bytes, file, diagnostics);
    if (text === null) return null;
    const t = readCsv(text, file, schema === channelSchema ? CHANNEL_COLUMNS : columnsOf(schema), diagnostics, onRow);
    rowsRead += t?.rowsRead ?? 0;
    return t;
  };

  const channelsDir = join(paths.dataDir, 'channels');
  const listing = listDataFolder(channelsDir, paths.dataDir, { extensions: ['.csv'], what: 'channel CSV files' }, diagnostics, files);
  const channelFiles = listing.status === 'listed' ? listing.files : [];
  if (listing.status !== 'refused' && channelFiles.length === 0) {
    diagnostics.error({ file: channelsDir, line: 1, col: 1 }, 'FILE_MISSING', `no channel files: put one or more .csv files in ${channelsDir}/`);
  }
  const channels: ChannelRecord[] = [];
  const rejectedChannelIds = new Set<string>();
  for (const file of channelFiles) {
    // rows become records as they are read (half a million rows never sit in memory twice);
    // the rows' own problems are reported after the file's, as reading the whole file first would
    const rowProblems = new DiagnosticList();
    table(file, channelSchema, true, (row, t) => {
      const record = parseRow(row, t, channelSchema, rowProblems);
      if (record) channels.push(record);
      else rejectedChannelIds.add(row.cells[t.columns.get('id')!]!);
    });
    for (const item of rowProblems.items) diagnostics.items.push(item);
  }

  const rowsOf = <S extends z.ZodObject<z.ZodRawShape>>(name: string, schema: S, required: boolean) => {
    const t = table(join(paths.dataDir, name), schema, required);
    return t ? parseRows(t, schema, diagnostics) : [];
  };
  const sources = rowsOf('sources.csv', sourceSchema, true);
  const events = rowsOf('events.csv', eventSchema, false);
  const regionOverrides = rowsOf('regions.csv', regionOverrideSchema, false);
  const rejectedNoticeSlugs = new Set<string>();
  const notices = loadNotices(join(paths.contentDir, 'notices'), paths.contentDir, diagnostics, rejectedNoticeSlugs, files);

  const synthetic = isDataFile(join(paths.dataDir, SYNTHETIC_MARKER), paths.dataDir, files);
  return { channels, sources, events, regionOverrides, notices, channelFiles, rowsRead, rejectedChannelIds, rejectedNoticeSlugs, synthetic };
}

function loadNotices(dir: string, root: string, diagnostics: DiagnosticList, rejected: Set<string>, files: DataFileOptions): NoticeRecord[] {
  const listing = listDataFolder(dir, root, { extensions: ['.md'], alsoListed: ['.mdx'], what: 'Markdown notices' }, diagnostics, files);
  if (listing.status !== 'listed') return [];
  const notices: NoticeRecord[] = [];
  for (const file of listing.files) {
    const name = basename(file);
    if (/\.mdx$/i.test(name)) {
      rejected.add(name.replace(/\.mdx$/i, ''));
      diagnostics.error({ file, line: 1, col: 1 }, 'NOTICE_NOT_MARKDOWN', 'notices must be plain Markdown: rename it to .md and remove any import/export or JSX');
      continue;
    }
    const slug = name.replace(/\.md$/i, '');
    const read = readDataFile(file, root, diagnostics, files);
    const text = read.status === 'read' ? decodeUtf8(read.bytes, file, diagnostics) : null;
    const notice = text === null ? undefined : parseNotice(file, slug, text, diagnostics);
    if (notice) notices.push(notice);
    else rejected.add(slug);
  }
  return notices;
}

const NOTICE_FIELDS: ReadonlySet<string> = new Set(Object.keys(noticeSchema.shape));

/** Parses one notice file; on any problem records it and returns undefined. */
export function parseNotice(file: string, slug: string, text: string, diagnostics: DiagnosticList): NoticeRecord | undefined {
  const start: Position = { file, line: 1, col: 1 };
  if (!ID_PATTERN.test(slug)) {
    diagnostics.error(start, 'ID_FORMAT', `notice file name "${slug}.md" is not a valid slug: use lower-case letters, digits and hyphens`);
    return undefined;
  }
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) {
    diagnostics.error(start, 'FRONTMATTER', 'a notice must start with frontmatter between two "---" lines (title, channels, announced, effective, issuer, source, lang)');
    return undefined;
  }
  const yamlText = match[1]!;
  let data: unknown = readSimpleFrontmatter(yamlText);
  if (data === undefined) {
    const doc = parseDocument(yamlText, { prettyErrors: false });
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        const pos = error.linePos?.[0];
        diagnostics.error({ file, line: (pos?.line ?? 1) + 1, col: pos?.col ?? 1 }, 'FRONTMATTER', `frontmatter is not valid YAML: ${error.message.split('\n')[0]}`);
      }
      return undefined;
    }
    data = doc.toJS();
  }
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
  const known = NOTICE_FIELDS;
  let ok = true;
  for (const key of Object.keys(data)) {
    if (!known.has(key)) {
      diagnostics.error(from.at(key), 'FRONTMATTER', `unknown frontmatter field "${key}"; allowed: ${[...known].join(', ')}`);
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
  if (!ok) return undefined;
  const bodyStart = match[0].length;
  const html = firstRawHtml(text, bodyStart);
  if (html) {
    diagnostics.error({ file, ...html.at }, 'NOTICE_HTML', `the notice contains raw HTML (${html.tag}); write plain Markdown: links as [text](https://…), emphasis as **text**`);
    return undefined;
  }
  return { ...result.data, from, slug, body: text.slice(bodyStart).trim() };
}

/**
 * The first HTML tag or comment in a Markdown body outside code, with its line and column.
 * Markdown passes raw HTML through to the page, so a contributed notice could otherwise add
 * markup (forms, iframes, styles) that the site never meant to publish.
 */
export function firstRawHtml(text: string, from: number): { tag: string; at: { line: number; col: number } } | undefined {
  const tagPattern = /<!--|<\/?[A-Za-z][A-Za-z0-9-]*(?=[\s/>])[^>]*>?/g;
  // Blank out fenced code blocks and inline code (same length, so offsets stay true).
  const blank = (m: string) => m.replace(/[^\n]/g, ' ');
  const scan = text.slice(0, from).replace(/[^\n]/g, ' ') + text.slice(from).replace(/^(```|~~~)[\s\S]*?^\1/gm, blank).replace(/`[^`\n]*`/g, blank);
  tagPattern.lastIndex = from;
  const m = tagPattern.exec(scan);
  if (!m) return undefined;
  const before = text.slice(0, m.index);
  const line = before.split('\n').length;
  const col = m.index - before.lastIndexOf('\n');
  return { tag: text.slice(m.index, m.index + Math.min(m[0].length, 30)), at: { line, col } };
}
