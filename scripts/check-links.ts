/**
 * npm run check:links -- [--out FILE] [--json FILE] [--delay MS] [--timeout MS]
 *                        [--concurrency N] [--no-archive-lookup] [--stale-days N]
 * Fetches every web address in the dataset (politely: one request at a time per host, with a
 * pause between them) and writes a Markdown report of dead links (with archive copies) and of
 * active channels not checked for over a year. Exits 0 whatever it finds: the report is the
 * result. `attention=true|false` is appended to $GITHUB_OUTPUT when that is set.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { checkDataset, datasetPathsFromEnv, todayFromEnv } from '../src/domain/pipeline.ts';
import { checkLinks, collectLinks, needsAttention, renderLinkReport, staleChannels, type FetchLike } from '../src/publish/link-check.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const number = (name: string, fallback: number) => {
  const v = option(name);
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v)) {
    console.error(`${name} takes a whole number`);
    process.exit(2);
  }
  return Number(v);
};

const paths = datasetPathsFromEnv(process.env);
const today = todayFromEnv(process.env, new Date());
const { dataset } = checkDataset(paths, { today });
const targets = collectLinks(dataset.loaded);
console.error(`checking ${targets.length} links…`);
let done = 0;
const results = await checkLinks(targets, {
  fetch: fetch as unknown as FetchLike,
  sleep: (ms) => sleep(ms),
  perHostDelayMs: number('--delay', 2000),
  timeoutMs: number('--timeout', 20_000),
  concurrency: number('--concurrency', 4),
  findArchives: !args.includes('--no-archive-lookup'),
  onResult: (r) => {
    done++;
    if (r.verdict !== 'ok') console.error(`[${done}/${targets.length}] ${r.verdict} ${r.status ?? r.error ?? ''} ${r.target.url}`);
  },
});
const report = { today, results, stale: staleChannels(dataset.loaded, today, number('--stale-days', 365)) };
const markdown = `${renderLinkReport(report)}\n`;
const out = option('--out');
if (out) writeFileSync(out, markdown);
else process.stdout.write(markdown);
const json = option('--json');
if (json) writeFileSync(json, `${JSON.stringify({ today, stale: report.stale, results: results.map((r) => ({ ...r, target: { url: r.target.url, uses: r.target.uses } })) }, null, 2)}\n`);
if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `attention=${needsAttention(report)}\n`);
const count = (v: string) => results.filter((r) => r.verdict === v).length;
console.error(`${count('dead')} dead, ${count('unreachable')} unreachable, ${count('ok')} ok; ${report.stale.length} active channels to check again`);
