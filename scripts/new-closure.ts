/**
 * npm run new:closure -- --id ID --status closing|closed [--announced DATE] [--closed DATE]
 *   --reason REASON [--redirect ID_OR_URL]... --source ID_OR_URL [--source ...]
 *   [--notice-title TITLE] [--notice-slug SLUG] [--today YYYY-MM-DD]
 * Records a closure: edits the channel's row in place, writes content/notices/<slug>.md
 * (when a notice title is given), validates, and undoes both if the result has errors.
 * Asks for missing answers only when run in a terminal; in scripts and CI, flags only.
 * Exit codes: 0 recorded, 1 rolled back (errors printed), 2 bad request.
 */
import { createInterface } from 'node:readline/promises';
import { formatDiagnostic } from '../src/domain/diagnostics.ts';
import { checkDataset, datasetPathsFromEnv, todayFromEnv } from '../src/domain/pipeline.ts';
import { REASONS } from '../src/domain/vocabulary.ts';
import { ClosureInputError, recordClosure, splitList, type ClosureInput } from '../src/publish/record-closure.ts';

const LIST_FLAGS = new Set(['redirect', 'source']);
const FLAGS = new Set(['id', 'status', 'announced', 'closed', 'reason', 'redirect', 'source', 'notice-title', 'notice-slug', 'today']);

const flags = new Map<string, string[]>();
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === '--help' || arg === '-h') {
    console.log(readHelp());
    process.exit(0);
  }
  const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
  if (!m || !FLAGS.has(m[1]!)) usage(`unknown argument ${arg}`);
  const value = m![2] ?? args[++i];
  if (value === undefined) usage(`--${m![1]} needs a value`);
  const list = flags.get(m![1]!) ?? [];
  if (list.length > 0 && !LIST_FLAGS.has(m![1]!)) usage(`--${m![1]} given twice`);
  flags.set(m![1]!, [...list, value!]);
}

function usage(message: string): never {
  console.error(`${message}\n\n${readHelp()}`);
  process.exit(2);
}

function readHelp(): string {
  return [
    'usage: npm run new:closure -- --id ID --status closing|closed --reason REASON --source ID_OR_URL',
    '         [--announced DATE] [--closed DATE] [--redirect ID_OR_URL]... [--notice-title TITLE] [--notice-slug SLUG] [--today YYYY-MM-DD]',
    `  reasons: ${REASONS.join(', ')}`,
    '  dates: YYYY, YYYY-MM or YYYY-MM-DD; lists: repeat the flag or separate with ";"',
  ].join('\n');
}

const one = (name: string) => flags.get(name)?.[0]?.trim() || undefined;
const list = (name: string) => splitList(flags.get(name) ?? []);

const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
async function ask(question: string, fallback?: string): Promise<string | undefined> {
  if (!rl) return fallback;
  const answer = (await rl.question(question)).trim();
  return answer || fallback;
}

const id = one('id') ?? (await ask('频道 id（channel id）: '));
const status = one('status') ?? (await ask('状态 status（closing 注销中 / closed 已关停）: '));
const announced = one('announced') ?? (flags.has('announced') ? undefined : await ask('公告日期 announced（YYYY[-MM[-DD]]，可留空 optional）: '));
const closed = one('closed') ?? (flags.has('closed') || status === 'closing' ? undefined : await ask('关停日期 closed（YYYY[-MM[-DD]]）: '));
const reason = one('reason') ?? (await ask(`原因 reason（${REASONS.join(' / ')}）: `));
const redirect = flags.has('redirect') ? list('redirect') : splitList([(await ask('改去哪里 redirect（频道 id 或网址，多个用 ; 分隔，可留空）: ')) ?? '']);
const source = flags.has('source') ? list('source') : splitList([(await ask('来源 source（来源 id 或网址，多个用 ; 分隔）: ')) ?? '']);
const noticeTitle = one('notice-title') ?? (flags.has('notice-slug') ? undefined : await ask('公告标题 notice title（留空则不写公告文件 leave empty for no notice）: '));
rl?.close();

const missing = [!id && '--id', !status && '--status', !reason && '--reason', source.length === 0 && '--source'].filter(Boolean);
if (missing.length > 0) usage(`missing ${missing.join(', ')}`);

const paths = datasetPathsFromEnv(process.env);
const today = one('today') ?? todayFromEnv(process.env, new Date());
const input: ClosureInput = {
  id: id!,
  status: status as ClosureInput['status'],
  announced,
  closed,
  reason: reason!,
  redirect,
  source,
  noticeTitle,
  noticeSlug: one('notice-slug'),
  today,
};

try {
  const result = recordClosure(input, paths, () => checkDataset(paths, { today }).diagnostics.sorted());
  const { plan } = result;
  if (!result.ok) {
    console.error(`未保存：修改后的数据有错误，文件已恢复原样。Not saved: the edit had errors, so ${plan.file} was restored.`);
    for (const d of result.errors) console.error(formatDiagnostic(d));
    process.exit(1);
  }
  console.log(`已记录 Recorded: ${plan.file}:${plan.line}`);
  for (const c of plan.changes) console.log(`  ${c.column}: ${c.before || '∅'} → ${c.after}`);
  if (plan.notice?.text !== undefined) console.log(`已写入公告草稿 Notice stub written: ${plan.notice.file} — 这是自动生成的摘要；若有公告原文，请换成原文并把 kind 改为 text (a generated summary: if you have the notice text, paste it in and set kind: text)`);
  else if (plan.notice) console.log(`已关联公告 Linked notice: ${plan.notice.file}`);
  for (const d of result.warnings) console.log(formatDiagnostic(d));
} catch (error) {
  if (error instanceof ClosureInputError) usage(error.message);
  throw error;
}
