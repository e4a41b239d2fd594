/**
 * npm run bench:import [-- --rows 50000] [--area 370000] [--budget-seconds 20]
 *
 * Measures `npm run import` on a large published list: writes a list of --rows accounts of
 * real bodies of the area (counties' bureaus and townships' governments, the usual platform
 * labels) as a GBK CSV and as an .xlsx into bench-out/import/, then imports each against the
 * registry in DATA_DIR (default data/), in this process (the importer alone) and through the
 * command (start-up, reading the registry and writing the rows included). Every body of the
 * list is one whose division is known, so each placed row is checked against it. PASS/FAIL:
 * each in-process import within the budget, and no row placed at another division. Exits 1
 * on FAIL.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkDataset, datasetPathsFromEnv } from '../src/domain/pipeline.ts';
import { kindOfCode } from '../src/domain/regions.ts';
import { importList } from '../src/import/import-list.ts';
import { encodeLegacy } from '../tests/helpers/legacy-encoding.ts';
import { xlsxBytes, type XlsxCell } from '../tests/helpers/xlsx.ts';
import { requiredFlag } from './lib/flags.ts';

const USAGE = 'npm run bench:import -- [--rows N] [--area CODE] [--budget-seconds S]';
const rows = Number(requiredFlag('rows', '50000', USAGE));
const area = requiredFlag('area', '370000', USAGE);
const budget = Number(requiredFlag('budget-seconds', '20', USAGE));
const today = '2026-12-03';
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const paths = datasetPathsFromEnv(process.env);
const { dataset } = checkDataset(paths, { today });
const source = dataset.loaded.sources[0]?.id;
if (!source) {
  console.error(`${paths.dataDir}/sources.csv has no source to cite`);
  process.exit(1);
}

// the list: every county of the area with its bureaus, every township with its government
const BUREAUS = ['公安局', '人民政府', '教育局', '卫生健康局', '市场监督管理局', '生态环境局', '文化和旅游局', '融媒体中心', '人力资源和社会保障局', '交通运输局', '应急管理局', '退役军人事务局'];
const LABELS = ['新浪微博', '微信公众号', '抖音', '微信视频号', '今日头条', '快手', '政务APP', '微信小程序'];
const counties: string[] = [];
const townships: string[] = [];
const stack = [area];
while (stack.length > 0) {
  const region = dataset.regions.get(stack.pop()!)!;
  if (kindOfCode(region.code) === 'county') counties.push(region.code);
  if (kindOfCode(region.code) === 'township') townships.push(region.code);
  stack.push(...region.children);
}
const header = ['序号', '单位名称', '账号名称', '平台', '账号', '开通时间'];
const table: string[][] = [];
/** The division each row's body belongs to, by the row's line (title on line 1, header on 2). */
const truth = new Map<number, string>();
for (let i = 0; table.length < rows; i++) {
  const label = LABELS[i % LABELS.length]!;
  let agency: string;
  let code: string;
  if (i % 3 === 2 && townships.length > 0) {
    const township = dataset.regions.get(townships[(i * 7) % townships.length]!)!;
    agency = `${dataset.regions.get(township.parent!)!.name}${township.name}人民政府`;
    code = township.code;
  } else {
    const county = dataset.regions.get(counties[(i * 13) % counties.length]!)!;
    agency = `${county.name}${BUREAUS[i % BUREAUS.length]}`;
    code = county.code;
  }
  truth.set(table.length + 3, code);
  table.push([String(i + 1), agency, `${agency.slice(0, 4)}发布${i}`, label, `acct${i}`, `${2014 + (i % 10)}-0${1 + (i % 9)}`]);
}

const dir = resolve('bench-out', 'import');
mkdirSync(dir, { recursive: true });
const csvText = ['山东省政务新媒体名录（基准测试）', header.join(','), ...table.map((r) => r.join(','))].join('\r\n') + '\r\n';
const lists = {
  csv: { file: join(dir, `list-${rows}.csv`), bytes: encodeLegacy(csvText, 'gb18030') },
  xlsx: { file: join(dir, `list-${rows}.xlsx`), bytes: xlsxBytes([{ name: '名录', rows: [['山东省政务新媒体名录（基准测试）'], header, ...table] as XlsxCell[][] }]) },
};
for (const list of Object.values(lists)) writeFileSync(list.file, list.bytes);
console.log(`list: ${rows} rows of ${counties.length} counties and ${townships.length} townships of ${dataset.regions.get(area)!.name} (${area}); registry ${paths.dataDir} (${dataset.loaded.channels.length} channels)\n`);

let failed = false;
console.log('| list | bytes | read | placed | placed wrong | review | import (in process) | rows/s | `npm run import` wall | |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const [format, list] of Object.entries(lists)) {
  const started = performance.now();
  const result = await importList({ file: list.file, bytes: list.bytes, area, source, today, outFile: join(dir, 'rows.csv') }, dataset);
  const took = performance.now() - started;
  const cliStarted = performance.now();
  const cli = spawnSync(process.execPath, ['scripts/import.ts', list.file, '--region', area, '--source', source, '--out', join(dir, `rows-${format}.csv`), '--today', today], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const cliTook = performance.now() - cliStarted;
  const wrong = result.placed.filter((p) => p.cells.region !== truth.get(p.at.line)).length;
  const pass = result.readable && cli.status === 0 && took <= budget * 1000 && wrong === 0;
  failed ||= !pass;
  console.log(
    `| ${format} | ${(list.bytes.length / 1e6).toFixed(1)} MB | ${result.rowsRead} | ${result.placed.length} | ${wrong} | ${result.reviewRows} | ${sec(took)} | ${Math.round(result.rowsRead / (took / 1000))} | ${sec(cliTook)} | ${pass ? 'PASS' : 'FAIL'} |`,
  );
}
console.log(`\nbudget: each import within ${budget} s in process; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
process.exitCode = failed ? 1 : 0;
