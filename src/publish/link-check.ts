/**
 * The weekly link check: every web address the registry points people to or cites, fetched
 * politely (one request at a time per host, a pause between them, a few hosts at once), and
 * sorted into dead (the server says 404/410), unreachable (blocked, timing out, erroring:
 * often a Chinese government site refusing an overseas runner, so not proof of death), and
 * fine. Active channels whose `checked` date is over a year old are listed for a person to
 * look at again. The network is passed in (`fetch`, `sleep`), so tests never touch it.
 */
import { latestDay } from '../domain/approx-date.ts';
import type { LoadedDataset } from '../domain/load.ts';
import type { Ref } from '../domain/schemas/cells.ts';
import { escapeMarkdown } from './diff-markdown.ts';

/** The slice of the WHATWG fetch this module uses. */
export type FetchLike = (
  url: string,
  init: { method: 'HEAD' | 'GET'; redirect: 'follow'; signal: AbortSignal; headers: Record<string, string> },
) => Promise<{ status: number; json?: () => Promise<unknown>; body?: { cancel(): Promise<void> } | null }>;

export interface LinkUse {
  /** What cites the link: "channel rongcheng-police-weibo url", "source cd-2024 url", … */
  readonly what: string;
  readonly file: string;
  readonly line: number;
}

export interface LinkTarget {
  readonly url: string;
  readonly uses: LinkUse[];
  /** An archive copy the data already records (sources.csv's archive column). */
  archive?: string;
}

export type Verdict = 'ok' | 'dead' | 'unreachable';

export interface LinkResult {
  readonly target: LinkTarget;
  readonly verdict: Verdict;
  /** Last HTTP status seen, when there was one. */
  readonly status?: number;
  /** Why it could not be reached (timeout, DNS, …), when there was no status. */
  readonly error?: string;
  /** Archive copy for a dead link: recorded in the data, or found in the Wayback Machine. */
  readonly archive?: string;
}

/** Every http(s) address in the dataset, each once, with everything that uses it. */
export function collectLinks(loaded: LoadedDataset): LinkTarget[] {
  const byUrl = new Map<string, LinkTarget>();
  const add = (url: string, use: LinkUse) => {
    let target = byUrl.get(url);
    if (!target) byUrl.set(url, (target = { url, uses: [] }));
    target.uses.push(use);
    return target;
  };
  const refs = (list: readonly Ref[] | undefined, what: string, file: string, line: number) => {
    for (const ref of list ?? []) if (ref.kind === 'url') add(ref.url, { what, file, line });
  };
  for (const c of loaded.channels) {
    if (c.url) add(c.url, { what: `channel ${c.id} url`, file: c.from.file, line: c.from.line });
    refs(c.redirect, `channel ${c.id} redirect`, c.from.file, c.from.line);
    refs(c.source, `channel ${c.id} source`, c.from.file, c.from.line);
  }
  for (const s of loaded.sources) {
    if (s.url) {
      const target = add(s.url, { what: `source ${s.id} url`, file: s.from.file, line: s.from.line });
      if (s.archive) target.archive ??= s.archive;
    }
    if (s.archive) add(s.archive, { what: `source ${s.id} archive`, file: s.from.file, line: s.from.line });
  }
  for (const n of loaded.notices) refs(n.source, `notice ${n.slug} source`, n.from.file, 1);
  for (const e of loaded.events) refs(e.source, `event ${e.date.value} source`, e.from.file, e.from.line);
  return [...byUrl.values()].sort((a, b) => a.url.localeCompare(b.url));
}

export interface CheckOptions {
  readonly fetch: FetchLike;
  readonly sleep: (ms: number) => Promise<void>;
  /** Pause between two requests to the same host. */
  readonly perHostDelayMs?: number;
  /** Hosts checked at the same time. */
  readonly concurrency?: number;
  readonly timeoutMs?: number;
  /** Extra tries for an unreachable link (dead answers are not retried). */
  readonly retries?: number;
  /** Look up an archive copy of dead links without one in the Wayback Machine. */
  readonly findArchives?: boolean;
  readonly userAgent?: string;
  readonly onResult?: (result: LinkResult) => void;
}

export const DEFAULT_USER_AGENT = 'gov-channels-registry link check (weekly; https://github.com/gov-channels/registry)';
const DEAD_STATUSES = new Set([404, 410]);
/** Servers that refuse HEAD but serve GET. */
const RETRY_WITH_GET = new Set([403, 405, 501]);

export async function checkLinks(targets: readonly LinkTarget[], options: CheckOptions): Promise<LinkResult[]> {
  const delay = options.perHostDelayMs ?? 2000;
  const byHost = new Map<string, LinkTarget[]>();
  for (const t of targets) {
    const host = hostOf(t.url);
    let list = byHost.get(host);
    if (!list) byHost.set(host, (list = []));
    list.push(t);
  }
  const queue = [...byHost.values()];
  const results = new Map<LinkTarget, LinkResult>();
  // The Wayback Machine is one more host: one lookup at a time, with the same pause after each.
  let waybackTurn: Promise<unknown> = Promise.resolve();
  const lookUpArchive = (url: string) => {
    const lookup = waybackTurn.then(() => findArchiveCopy(url, options));
    waybackTurn = lookup.then(() => options.sleep(delay));
    return lookup;
  };
  const worker = async () => {
    for (let hostTargets = queue.shift(); hostTargets; hostTargets = queue.shift()) {
      for (let i = 0; i < hostTargets.length; i++) {
        if (i > 0) await options.sleep(delay);
        let result = await checkOne(hostTargets[i]!, options, delay);
        if (result.verdict === 'dead' && !result.archive && options.findArchives) {
          const archive = await lookUpArchive(result.target.url);
          if (archive) result = { ...result, archive };
        }
        results.set(hostTargets[i]!, result);
        options.onResult?.(result);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return targets.map((t) => results.get(t)!);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}

async function checkOne(target: LinkTarget, options: CheckOptions, delay: number): Promise<LinkResult> {
  let last: { status?: number; error?: string } = {};
  for (let attempt = 0; attempt <= (options.retries ?? 1); attempt++) {
    if (attempt > 0) await options.sleep(delay * 2);
    last = await request(target.url, 'HEAD', options);
    if (last.status !== undefined && RETRY_WITH_GET.has(last.status)) last = await request(target.url, 'GET', options);
    if (last.status !== undefined && last.status < 400) return { target, verdict: 'ok', status: last.status };
    if (last.status !== undefined && DEAD_STATUSES.has(last.status)) {
      return { target, verdict: 'dead', status: last.status, ...(target.archive ? { archive: target.archive } : {}) };
    }
  }
  return { target, verdict: 'unreachable', ...last };
}

async function request(url: string, method: 'HEAD' | 'GET', options: CheckOptions): Promise<{ status?: number; error?: string }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 20_000);
  try {
    const response = await options.fetch(url, {
      method,
      redirect: 'follow',
      signal: controller.signal,
      headers: { 'user-agent': options.userAgent ?? DEFAULT_USER_AGENT, accept: 'text/html,*/*;q=0.8' },
    });
    await response.body?.cancel().catch(() => undefined); // we only want the status
    return { status: response.status };
  } catch (error) {
    return { error: controller.signal.aborted ? 'timed out' : describeError(error) };
  } finally {
    clearTimeout(timer);
  }
}

function describeError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/** The closest Wayback Machine snapshot of a URL, via its availability API. */
export async function findArchiveCopy(url: string, options: Pick<CheckOptions, 'fetch' | 'timeoutMs' | 'userAgent'>): Promise<string | undefined> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 20_000);
  try {
    const response = await options.fetch(`https://archive.org/wayback/available?url=${encodeURIComponent(url)}`, {
      method: 'GET',
      redirect: 'follow',
      signal: controller.signal,
      headers: { 'user-agent': options.userAgent ?? DEFAULT_USER_AGENT, accept: 'application/json' },
    });
    if (response.status !== 200 || !response.json) return undefined;
    const data = (await response.json()) as { archived_snapshots?: { closest?: { available?: boolean; url?: string } } };
    const closest = data.archived_snapshots?.closest;
    return closest?.available && closest.url ? closest.url.replace(/^http:\/\//, 'https://') : undefined;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

export interface StaleChannel {
  readonly id: string;
  readonly name: string;
  /** The checked date as written, or undefined when the row was never checked. */
  readonly checked?: string;
  readonly file: string;
  readonly line: number;
}

/** Active channels whose last check is more than `maxAgeDays` before today, or never happened. */
export function staleChannels(loaded: LoadedDataset, today: string, maxAgeDays = 365): StaleChannel[] {
  const cutoff = new Date(Date.parse(`${today}T00:00:00Z`) - maxAgeDays * 86_400_000).toISOString().slice(0, 10);
  return loaded.channels
    .filter((c) => c.status === 'active' && (!c.checked || latestDay(c.checked) < cutoff))
    .map((c) => ({ id: c.id, name: c.name, ...(c.checked ? { checked: c.checked.value } : {}), file: c.from.file, line: c.from.line }))
    .sort((a, b) => (a.checked ?? '').localeCompare(b.checked ?? '') || a.id.localeCompare(b.id));
}

/** Hidden line that identifies the link-check issue, so each week updates the same one. */
export const LINK_REPORT_MARKER = '<!-- gov-channels-registry:link-check -->';

export interface LinkReport {
  readonly today: string;
  readonly results: readonly LinkResult[];
  readonly stale: readonly StaleChannel[];
}

/** True when a person has something to do. */
export function needsAttention(report: LinkReport): boolean {
  return report.stale.length > 0 || report.results.some((r) => r.verdict === 'dead');
}

export function renderLinkReport(report: LinkReport): string {
  const dead = report.results.filter((r) => r.verdict === 'dead');
  const unreachable = report.results.filter((r) => r.verdict === 'unreachable');
  const never = report.stale.filter((s) => !s.checked);
  const old = report.stale.filter((s) => s.checked);
  const uses = (r: LinkResult) => r.target.uses.map((u) => `${escapeMarkdown(u.what)} (\`${u.file}:${u.line}\`)`).join('<br>');
  const link = (url: string) => `<${url.replace(/[<>\s]/g, encodeURIComponent)}>`;
  const out = [
    LINK_REPORT_MARKER,
    `## 链接与核实检查 Link and freshness check, ${report.today}`,
    '',
    `检查了 ${report.results.length} 个链接：${dead.length} 个失效，${unreachable.length} 个无法访问；${report.stale.length} 个运营中的渠道需要重新核实。`,
    `Checked ${report.results.length} links: ${dead.length} dead, ${unreachable.length} unreachable; ${report.stale.length} active channels need checking again.`,
    '',
  ];
  if (dead.length > 0) {
    out.push(
      `### 失效链接 Dead links (${dead.length})`,
      '',
      '服务器明确回答“不存在”（404/410）。请在数据中换成新地址，或在 sources.csv 的 archive 列填入存档副本。',
      'The server said the page is gone (404/410). Replace the address in the data, or record an archive copy (sources.csv, archive column).',
      '',
      '| 链接 Link | 状态 Status | 用于 Used by | 存档副本 Archive copy |',
      '|---|---:|---|---|',
      ...dead.map((r) => `| ${link(r.target.url)} | ${r.status} | ${uses(r)} | ${r.archive ? link(r.archive) : `无 none — [搜索 search](https://web.archive.org/web/*/${encodeURIComponent(r.target.url)})`} |`),
      '',
    );
  }
  if (old.length > 0 || never.length > 0) {
    out.push(
      `### 需要重新核实 Active channels to check again (${report.stale.length})`,
      '',
      '这些渠道标为“运营中”，但超过一年没有人核实过（checked 列）。请打开账号确认它仍在更新，然后把 checked 改为今天的日期；若已关停，用 `npm run new:closure` 或按 CONTRIBUTING.md 记录。',
      'These are marked active but nobody has confirmed that in over a year (checked column). Open the account, confirm it still posts and set checked to today; if it has closed, record the closure (CONTRIBUTING.en.md).',
      '',
      '| id | 名称 Name | 上次核实 Last checked | 位置 Where |',
      '|---|---|---|---|',
      ...[...old, ...never].map((s) => `| \`${s.id}\` | ${escapeMarkdown(s.name)} | ${s.checked ?? '从未 never'} | \`${s.file}:${s.line}\` |`),
      '',
    );
  }
  if (unreachable.length > 0) {
    out.push(
      `<details><summary>无法访问 Unreachable (${unreachable.length})：不一定失效，很多政府网站拒绝境外访问 — not necessarily dead: many government sites refuse requests from overseas runners</summary>`,
      '',
      '| 链接 Link | 原因 Why | 用于 Used by |',
      '|---|---|---|',
      ...unreachable.map((r) => `| ${link(r.target.url)} | ${r.status ?? escapeMarkdown(r.error ?? '?')} | ${uses(r)} |`),
      '',
      '</details>',
      '',
    );
  }
  if (!needsAttention(report)) out.push('✅ 没有需要处理的问题。Nothing needs attention.', '');
  out.push('<sub>每周自动更新。Updated weekly by the link-check workflow.</sub>');
  return out.join('\n');
}
