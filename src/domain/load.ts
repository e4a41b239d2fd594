/**
 * Reading a dataset folder (data/ and content/) into typed records. Every file problem and
 * every bad cell is recorded in the diagnostics; every row either becomes a record or an
 * error. Cross-row rules (references, redirects, levels) are the validator's, not ours.
 */
import { basename, join } from 'node:path';
import type { ColumnSpec, CsvRow, CsvTable } from './csv.ts';
import { isDataFile, listDataFolder, readDataFile, type DataFileOptions } from './data-files.ts';
import { readCsv } from './csv.ts';
import { DiagnosticList } from './diagnostics.ts';
import type { Loaded } from './records.ts';
import { parseRow, parseRows } from './records.ts';
import { channelSchema, type ChannelFields } from './schemas/channel.ts';
import { eventSchema, type EventFields } from './schemas/event.ts';
import { regionOverrideSchema, type RegionOverrideFields } from './schemas/region-override.ts';
import { sourceSchema, type SourceFields } from './schemas/source.ts';
import { isMultilineText } from './schemas/cells.ts';
import { decodeUtf8 } from './text-file.ts';
import { parseNotice, type NoticeRecord } from './notice.ts';
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
export type { NoticeRecord };

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
