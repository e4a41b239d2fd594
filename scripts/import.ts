/**
 * npm run import -- <list.csv|list.xlsx|page.html> --region CODE --source ID_OR_URL --out ROWS.csv
 *   [--into data/channels/<province>.csv] [--today YYYY-MM-DD] [--list-date YYYY-MM-DD]
 *   [--encoding gbk|big5|utf-8] [--sheet NAME_OR_NUMBER] [--column FIELD=HEADER]...
 * Turns a published list of government accounts into validated registry rows (src/import/),
 * writes them to --out (and appends them to --into), and prints a summary, the rows already
 * recorded and the rows left for review, each at its line in the list.
 * Exit codes: 0 imported (whatever was left for review), 1 the list could not be read, 2 bad request.
 */
import { appendFileSync, existsSync, lstatSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../src/domain/diagnostics.ts';
import { checkDataset, datasetPathsFromEnv, todayFromEnv } from '../src/domain/pipeline.ts';
import { kindOfCode } from '../src/domain/regions.ts';
import { parseRef } from '../src/domain/schemas/cells.ts';
import { ENCODING_CHOICES, encodingNamed } from '../src/import/decode-text.ts';
import { LIST_FIELDS, type ListField } from '../src/import/header-map.ts';
import { importList } from '../src/import/import-list.ts';
import { MAX_LIST_BYTES } from '../src/import/read-table.ts';
import { appendText } from '../src/import/write-rows.ts';

const USAGE = [
  'usage: npm run import -- <list.csv|list.xlsx|page.html> --region CODE --source ID_OR_URL --out ROWS.csv',
  '         [--into data/channels/<file>.csv] [--today YYYY-MM-DD] [--list-date YYYY-MM-DD]',
  `         [--encoding ${['utf-8', 'gbk', 'big5'].join('|')}] [--sheet NAME_OR_NUMBER] [--column FIELD=HEADER]...`,
  '  --region   GB/T 2260 code of the area the list covers (e.g. 371000 for 威海市)',
  '  --source   the list\'s source: an id in data/sources.csv or its http(s) address',
  `  --column   which of the list's columns holds a field: ${LIST_FIELDS.filter((f) => f !== 'seq').join(', ')} (e.g. --column name=账号名称)`,
].join('\n');

const FLAGS = new Set(['region', 'source', 'out', 'into', 'today', 'list-date', 'encoding', 'sheet', 'column']);
const flags = new Map<string, string[]>();
const positional: string[] = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === '--help' || arg === '-h') {
    console.log(USAGE);
    process.exit(0);
  }
  if (!arg.startsWith('--')) {
    positional.push(arg);
    continue;
  }
  const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
  if (!m || !FLAGS.has(m[1]!)) usage(`unknown argument ${arg}`);
  const value = m![2] ?? args[++i];
  if (value === undefined) usage(`--${m![1]} needs a value`);
  const list = flags.get(m![1]!) ?? [];
  if (list.length > 0 && m![1] !== 'column') usage(`--${m![1]} given twice`);
  flags.set(m![1]!, [...list, value!]);
}

function usage(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

const one = (name: string) => flags.get(name)?.[0]?.trim() || undefined;
if (positional.length !== 1) usage(positional.length === 0 ? 'which list? give its file' : `one list at a time (got ${positional.join(', ')})`);
const listFile = positional[0]!;
const area = one('region') ?? usage('missing --region');
const source = one('source') ?? usage('missing --source');
const outFile = one('out') ?? usage('missing --out');
const day = /^\d{4}-\d{2}-\d{2}$/;
const today = one('today') ?? todayFromEnv(process.env, new Date());
if (!day.test(today)) usage(`--today ${today}: write the day as YYYY-MM-DD`);
const listDate = one('list-date');
if (listDate !== undefined && !day.test(listDate)) usage(`--list-date ${listDate}: write the day as YYYY-MM-DD`);
const encodingName = one('encoding');
const encoding = encodingName === undefined ? undefined : encodingNamed(encodingName);
if (encodingName !== undefined && !encoding) usage(`--encoding ${encodingName}: use one of ${ENCODING_CHOICES.join(', ')}`);
const columns = new Map<ListField, string>();
for (const spec of flags.get('column') ?? []) {
  const m = /^([a-z]+)=(.+)$/s.exec(spec.trim());
  if (!m || !(LIST_FIELDS as readonly string[]).includes(m[1]!)) usage(`--column ${spec}: write FIELD=HEADER, FIELD one of ${LIST_FIELDS.join(', ')}`);
  columns.set(m![1] as ListField, m![2]!.trim());
}

// the list: a regular file, read whole (it is capped), never followed through a link
let stat;
try {
  stat = lstatSync(listFile);
} catch {
  console.error(`${listFile}:1:1: error IMPORT_UNREADABLE the list cannot be opened (no such file, or no permission)`);
  process.exit(1);
}
if (!stat.isFile()) {
  console.error(`${listFile}:1:1: error IMPORT_UNREADABLE the list must be a regular file (not a folder, link, pipe or device)`);
  process.exit(1);
}
if (stat.size > MAX_LIST_BYTES) {
  console.error(`${listFile}:1:1: error IMPORT_UNREADABLE the list is ${(stat.size / 1048576).toFixed(0)} MB, more than the ${MAX_LIST_BYTES / 1048576} MB the importer reads; split it`);
  process.exit(1);
}
const bytes = readFileSync(listFile);

// the registry, read and checked as npm run validate does
const paths = datasetPathsFromEnv(process.env);
const { diagnostics: registryProblems, dataset } = checkDataset(paths, { today });
if (!/^\d{6}(\d{3})?$/.test(area) || !dataset.regions.has(area) || kindOfCode(area) === 'nation') {
  usage(`--region ${area}: not a division in the list (give the 6- or 9-digit code of the list's province, prefecture or county)`);
}
const ref = parseRef(source);
if (!ref.ok) usage(`--source ${source}: ${ref.message}`);
const sourceId = ref.value.kind === 'id' ? ref.value.id : undefined;
if (sourceId !== undefined && !dataset.loaded.sources.some((s) => s.id === sourceId)) {
  usage(`--source ${source}: no such id in ${paths.dataDir}/sources.csv; add the list there first, or give its https:// address`);
}

const into = one('into');
const intoPath = into === undefined ? undefined : checkInto(into);
if (intoPath !== undefined && resolve(outFile) === intoPath) usage('--out and --into must be different files: --out gets the rows alone, --into gets them appended');

const result = await importList({ file: listFile, bytes, area, source, today, listDate, encoding, sheet: one('sheet'), columns, outFile }, dataset);
const regionName = dataset.regions.get(area)!.name;
const items = result.diagnostics.sorted();
const print = (list: readonly Diagnostic[]) => list.forEach((d) => console.log(`  ${formatDiagnostic(d)}`));
if (!result.readable) {
  for (const d of items) console.error(formatDiagnostic(d));
  console.error(`nothing imported: ${listFile} could not be read`);
  process.exit(1);
}

writeFileSync(outFile, result.outText);
const notes = items.filter((d) => d.code === 'IMPORT_COLUMN_UNMAPPED' || d.code === 'IMPORT_HEADER' || d.code === 'IMPORT_UNREADABLE');
const recorded = items.filter((d) => d.code === 'IMPORT_ALREADY_RECORDED');
const review = items.filter((d) => !notes.includes(d) && !recorded.includes(d));
const format = `${result.format?.toUpperCase()}${result.encoding && result.format !== 'xlsx' ? `, ${result.encoding}` : ''}`;
console.log(`${listFile} (${format}), area ${area} ${regionName}, today ${today}`);
console.log(`  read              ${result.rowsRead}`);
console.log(`  placed            ${result.placed.length} → ${outFile}`);
console.log(`  already recorded  ${result.recorded.length}`);
console.log(`  for review        ${result.reviewRows}`);
if (notes.length > 0) {
  console.log('\nnot read or not imported:');
  print(notes);
}
if (recorded.length > 0) {
  console.log('\nalready recorded (not added again):');
  print(recorded);
}
if (review.length > 0) {
  console.log(`\nfor review (${result.reviewRows} rows; add them by hand once settled):`);
  print(review);
}
if (registryProblems.errorCount > 0) {
  console.log(`\nnote: the registry itself has ${registryProblems.errorCount} errors (npm run validate lists them); its rows with errors were not compared`);
}

if (intoPath !== undefined) {
  const existing = existsSync(intoPath) ? readUtf8(intoPath) : undefined;
  const appended = appendText(existing, result.placed.map((p) => p.cells));
  if (appended.text !== '') {
    if (existing === undefined) writeFileSync(intoPath, appended.text);
    else appendFileSync(intoPath, appended.text);
  }
  console.log(`\n${appended.written.length} rows appended to ${into}${existing === undefined ? ' (a new file)' : ''}`);
  for (const r of appended.refused) {
    const row = result.placed[r.index]!;
    console.log(`  ${row.at.file}:${row.at.line}:1: not appended: ${into} has no column ${r.columns.join(', ')}; the row is in ${outFile}`);
  }
}

/** --into must be a .csv in the dataset's channels folder: a regular file, or one to create. */
function checkInto(path: string): string {
  const channels = resolve(paths.dataDir, 'channels');
  const target = resolve(path);
  if (dirname(target) !== channels || !basename(target).toLowerCase().endsWith('.csv')) {
    usage(`--into ${path}: give a .csv file in ${relative(process.cwd(), channels) || channels}/ (the province's file)`);
  }
  if (existsSync(target) && !lstatSync(target).isFile()) usage(`--into ${path}: not a regular file`);
  return target;
}

function readUtf8(path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
  } catch {
    usage(`--into ${path}: the file is not UTF-8 (npm run validate says where); nothing was appended`);
  }
}
