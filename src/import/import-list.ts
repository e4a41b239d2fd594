/**
 * A published list → registry rows, in the registry's flow: read the list (read-table), find
 * its header (header-map), then for each row the platform (platform-map), the place and level
 * (place), the other cells (list-cells), whether the registry or the list already has it
 * (registry-match), and an id (ids). The rows that come through are validated by the
 * registry's own loader and validator, together with the registry, and only the valid ones are
 * handed over. Every other row is named, at its line in the list, with why; none is dropped.
 *
 * "Today" and the registry are passed in: nothing here reads the clock or the disk.
 */
import { readCsv, type CsvTable } from '../domain/csv.ts';
import { DiagnosticList, quoted, type Diagnostic, type Position } from '../domain/diagnostics.ts';
import type { ErrorCode } from '../domain/error-codes.ts';
import type { ChannelRecord } from '../domain/load.ts';
import { parseRow } from '../domain/records.ts';
import { channelSchema, CHANNEL_COLUMNS } from '../domain/schemas/channel.ts';
import { validateDataset, type ValidatedDataset } from '../domain/validate.ts';
import type { Level, Platform, Status } from '../domain/vocabulary.ts';
import type { ListEncoding } from './decode-text.ts';
import { fieldLabel, isHeaderRepeat, mapHeader, REQUIRED_FIELDS, type ListField } from './header-map.ts';
import { IdMaker } from './ids.ts';
import { listDate, listStatus, listUrl, looksLikeFormula } from './list-cells.ts';
import { Placer } from './place.ts';
import { platformOf } from './platform-map.ts';
import { readListTables, type ListFormat, type SourceRow } from './read-table.ts';
import { accountKeys, AccountIndex, differences, type Difference } from './registry-match.ts';
import { channelRowsCsv, type ChannelCells } from './write-rows.ts';

export interface ImportRequest {
  /** The list's path as messages show it. */
  readonly file: string;
  readonly bytes: Uint8Array;
  /** GB/T 2260 code of the list's area (--region). */
  readonly area: string;
  /** Source id or http(s) URL every row cites (--source). */
  readonly source: string;
  /** The day the run is judged on, YYYY-MM-DD. */
  readonly today: string;
  /** The list's date, for the rows' checked column (default today). */
  readonly listDate?: string;
  readonly encoding?: ListEncoding;
  readonly sheet?: string;
  /** --column overrides: field → the list's header text for it. */
  readonly columns?: ReadonlyMap<ListField, string>;
  /** The --out path as validation messages would name it. */
  readonly outFile: string;
}

export interface ImportedRow {
  /** Where in the list the row is. */
  readonly at: Position;
  readonly cells: ChannelCells;
}

export interface RecordedRow {
  readonly at: Position;
  readonly id: string;
  readonly where: string;
  readonly differences: readonly Difference[];
}

export interface ImportResult {
  /** False when the list could not be read at all. */
  readonly readable: boolean;
  readonly format?: ListFormat;
  readonly encoding?: ListEncoding;
  /** Data rows read (under a header; blank rows and repeated headers not counted). */
  readonly rowsRead: number;
  /** Rows ready for the registry, in list order. */
  readonly placed: readonly ImportedRow[];
  readonly recorded: readonly RecordedRow[];
  /** Rows left for review (each named by one or more diagnostics). */
  readonly reviewRows: number;
  /** Everything to tell the person: unreadable parts, unmapped columns, review reasons, rows already recorded. */
  readonly diagnostics: DiagnosticList;
  /** The --out file's text (the placed rows). */
  readonly outText: string;
}

/** Longer than any body's name (中共威海市委网络安全和信息化委员会办公室 is 20); a longer cell is not searched for places. */
const MAX_BODY_NAME = 100;

/** Registry columns a list row can disagree with, for "already recorded" messages. */
const COMPARED: readonly string[] = ['name', 'agency', 'handle', 'url', 'region', 'level'];

interface Candidate {
  readonly at: Position;
  readonly cells: ChannelCells & { id: string; name: string; agency: string; platform: Platform; region: string; level: Level; status: Status };
}

export async function importList(request: ImportRequest, registry: ValidatedDataset): Promise<ImportResult> {
  const diagnostics = new DiagnosticList();
  const base = { readable: false, rowsRead: 0, placed: [], recorded: [], reviewRows: 0, diagnostics, outText: channelRowsCsv([]) };
  const read = await readListTables(request.bytes, request.file, { encoding: request.encoding, sheet: request.sheet }, diagnostics);
  if (!read) return base;

  const placer = new Placer(registry.regions, request.area);
  const ids = new IdMaker(registry.regions, (id) => registry.channelsById.has(id) || registry.loaded.rejectedChannelIds.has(id));
  const known = new AccountIndex<ChannelRecord>();
  for (const c of registry.loaded.channels) known.add(accountKeys({ platform: c.platform, name: c.name, agency: c.agency, handle: c.handle }), c);
  const seen = new AccountIndex<Position>();
  let reviewRows = 0;
  const candidates: Candidate[] = [];
  const recorded: RecordedRow[] = [];
  let rowsRead = 0;
  let headers = 0;

  for (const table of read.tables) {
    const named = table.label ? `${table.label}: ` : '';
    const header = mapHeader(table.rows, request.columns);
    if (!header) {
      const first = table.rows[0];
      if (first || read.tables.length === 1) {
        diagnostics.warning(
          { file: request.file, line: first?.line ?? 1, col: 1 },
          'IMPORT_HEADER',
          `${named}no header row names the body and the account's name (单位名称, 账号名称 …) in the first 30 rows, so its ${table.rows.length} rows were not read; name the columns with --column`,
        );
      }
      continue;
    }
    const at = (row: SourceRow, index: number | undefined): Position => ({ file: request.file, line: row.line, col: index === undefined ? 1 : row.col(index) });
    if (header.missing.length > 0) {
      const below = table.rows.filter((r) => r.line > header.header.line).length;
      diagnostics.warning(at(header.header, undefined), 'IMPORT_HEADER', `${named}the header has no column for the ${header.missing.map(fieldLabel).join(', ')}, so the ${below} rows under it were not read; name the column with --column ${header.missing[0]}="…"`);
      continue;
    }
    headers++;
    for (const u of header.unmapped) diagnostics.warning(at(header.header, u.index), 'IMPORT_COLUMN_UNMAPPED', `${named}column ${quoted(u.text)} was not imported: ${u.why}`);

    const cellOf = (row: SourceRow, field: ListField) => {
      const index = header.columns.get(field);
      return index === undefined ? '' : (row.cells[index] ?? '');
    };
    const started = table.rows.indexOf(header.header) + 1;
    for (const row of table.rows.slice(started)) {
      if (isHeaderRepeat(row, header)) continue;
      rowsRead++;
      const problems: { at: Position; code: ErrorCode; message: string }[] = [];
      const problem = (field: ListField | undefined, code: ErrorCode, message: string) => problems.push({ at: at(row, field && header.columns.get(field)), code, message });

      for (const field of REQUIRED_FIELDS) if (cellOf(row, field) === '') problem(field, 'IMPORT_CELL', `the ${fieldLabel(field)} is empty`);
      for (const field of ['agency', 'name', 'handle'] as const) {
        if (looksLikeFormula(cellOf(row, field))) problem(field, 'IMPORT_CELL', `the ${fieldLabel(field)} ${quoted(cellOf(row, field))} starts like a spreadsheet formula (= + - @); check it and add the row by hand`);
      }
      const agency = cellOf(row, 'agency');
      const name = cellOf(row, 'name');
      const platformLabel = cellOf(row, 'platform');
      const platform = platformLabel === '' ? undefined : platformOf(platformLabel);
      if (platformLabel !== '' && !platform) problem('platform', 'IMPORT_PLATFORM', `platform ${quoted(platformLabel)} is not one the importer knows (微博, 微信公众号, 微信视频号, 抖音, 快手, 今日头条, 政务APP, 小程序 …); one platform per row`);
      const placeable = agency !== '' && agency.length <= MAX_BODY_NAME;
      if (agency.length > MAX_BODY_NAME) problem('agency', 'IMPORT_CELL', `the ${fieldLabel('agency')} is ${agency.length} characters long, longer than any body's name; check the cell`);
      const placement = placeable ? placer.place(agency, cellOf(row, 'area').slice(0, MAX_BODY_NAME)) : undefined;
      if (placement && !placement.ok) problem('agency', placement.code, placement.message);
      const opened = listDate(cellOf(row, 'opened'));
      if (!opened.ok) problem('opened', 'IMPORT_CELL', opened.message);
      const url = listUrl(cellOf(row, 'url'));
      if (!url.ok) problem('url', 'IMPORT_CELL', url.message);
      const status = listStatus(cellOf(row, 'status'));
      if (!status.ok) problem('status', 'IMPORT_CELL', status.message);
      const handle = cellOf(row, 'handle') || undefined;

      if (platform && name && agency) {
        const account = accountKeys({ platform, name, agency, handle });
        const inRegistry = known.find(account);
        if (inRegistry) {
          const listed: Record<string, string | undefined> = { name, agency, handle, url: url.ok ? url.value : undefined };
          if (placement?.ok) Object.assign(listed, { region: placement.region.code, level: placement.level });
          const registryCells: Record<string, string | undefined> = { name: inRegistry.name, agency: inRegistry.agency, handle: inRegistry.handle, url: inRegistry.url, region: inRegistry.region, level: inRegistry.level };
          const diff = differences(listed, registryCells, COMPARED);
          const where = `${inRegistry.from.file}:${inRegistry.from.line}`;
          recorded.push({ at: at(row, undefined), id: inRegistry.id, where, differences: diff });
          diagnostics.warning(
            at(row, undefined),
            'IMPORT_ALREADY_RECORDED',
            `already recorded as ${inRegistry.id} (${where})${diff.length > 0 ? `; the list differs: ${diff.map((d) => `${d.column} ${quoted(d.list)} (registry: ${d.registry ? quoted(d.registry) : '∅'})`).join(', ')}` : ''}`,
          );
          continue;
        }
        const earlier = seen.find(account);
        if (earlier) problem(undefined, 'IMPORT_DUPLICATE', `repeats the account at line ${earlier.line} (the same platform and handle, or the same name, body and platform)`);
        else seen.add(account, at(row, undefined));
      }

      if (problems.length > 0 || !platform || !placement?.ok || !opened.ok || !url.ok || !status.ok) {
        for (const p of problems) diagnostics.warning(p.at, p.code, p.message);
        reviewRows++;
        continue;
      }
      const id = ids.make({ region: placement.region, before: placement.before, middle: placement.middle, after: placement.after, platform, name });
      candidates.push({
        at: at(row, undefined),
        cells: {
          id, name, agency, platform, handle, region: placement.region.code, level: placement.level, status: status.value,
          url: url.value, opened: opened.value, source: request.source, checked: request.listDate ?? request.today,
        },
      });
    }
  }
  if (headers === 0 && rowsRead === 0) {
    diagnostics.error({ file: request.file, line: 1, col: 1 }, 'IMPORT_HEADER', 'no table of the list has a header the importer understands (it needs the body, the account name and the platform); nothing was imported');
    return { ...base, format: read.format, encoding: read.encoding };
  }

  const invalid = validateRows(candidates, request, registry);
  const placed: ImportedRow[] = [];
  candidates.forEach((c, i) => {
    const problems = invalid.get(i);
    if (!problems) {
      placed.push({ at: c.at, cells: c.cells });
      return;
    }
    for (const d of problems) diagnostics.warning(c.at, 'IMPORT_INVALID', `as imported, the row fails the registry's check: ${d.code} ${d.message}`);
    reviewRows++;
  });
  return {
    readable: true,
    format: read.format,
    encoding: read.encoding,
    rowsRead,
    placed,
    recorded,
    reviewRows,
    diagnostics,
    outText: channelRowsCsv(placed.map((p) => p.cells)),
  };
}

/**
 * The candidates' problems by index, found by the registry's own loader and validator run over
 * the registry with the candidates added (as the --out file): ids, regions, levels, dates and
 * sources are checked exactly as `npm run validate` will check them.
 */
function validateRows(candidates: readonly Candidate[], request: ImportRequest, registry: ValidatedDataset): Map<number, Diagnostic[]> {
  const problems = new Map<number, Diagnostic[]>();
  if (candidates.length === 0) return problems;
  const text = channelRowsCsv(candidates.map((c) => c.cells)).replace(/^\uFEFF/, '');
  const checks = new DiagnosticList();
  const records: ChannelRecord[] = [];
  const lineToIndex = new Map<number, number>();
  let index = 0;
  readCsv(text, request.outFile, { required: [], optional: CHANNEL_COLUMNS }, checks, (row, table: CsvTable) => {
    lineToIndex.set(row.line, index++);
    const record = parseRow(row, table, channelSchema, checks);
    if (record) records.push(record);
  });
  const loaded = registry.loaded;
  validateDataset({ ...loaded, channels: [...loaded.channels, ...records] }, { today: request.today }, checks);
  for (const d of checks.items) {
    if (d.file !== request.outFile || d.severity !== 'error') continue;
    const i = lineToIndex.get(d.line);
    if (i === undefined) continue;
    let list = problems.get(i);
    if (!list) problems.set(i, (list = []));
    list.push(d);
  }
  return problems;
}
