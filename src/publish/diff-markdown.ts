/**
 * The data diff as a pull-request comment, in Chinese and English. Everything in it comes
 * from the pull request itself (when posted, read back from JSON its run wrote), so every
 * string is escaped: a channel name, an id or a message must not be able to break the table,
 * inject HTML, mention a user or a team, reference an issue, or make a link or an image.
 * Text goes through escapeMarkdown(), identifiers and addresses into code spans (which GitHub
 * renders literally: no mentions, references or autolinks inside them).
 */
import type { ChannelChangeKind } from '../domain/data-diff.ts';
import type { DiffSummary } from './diff-json.ts';

type ChannelChange = DiffSummary['channels'][number];
type Diagnostic = DiffSummary['diagnostics'][number];

/** Hidden line that identifies the bot's comment, so each push updates it instead of adding one. */
export const DIFF_COMMENT_MARKER = '<!-- gov-channels-registry:data-diff -->';

/** GitHub refuses comments over 65,536 characters; stay well under it. */
export const MAX_COMMENT_LENGTH = 60_000;
const MAX_ROWS_PER_SECTION = 150;
const MAX_DIAGNOSTICS = 100;
/** Notices or sources named per kind of change; the rest are counted. */
const MAX_RECORDS_NAMED = 30;

export interface CheckOutcome {
  /** e.g. "validate", "tests", "build". */
  readonly name: string;
  /** GitHub step outcome: success, failure, cancelled, skipped. */
  readonly outcome: string;
}

export interface RenderOptions {
  readonly baseLabel: string;
  readonly checks?: readonly CheckOutcome[];
  /** Link to the workflow run, for the full log. */
  readonly runUrl?: string;
}

/** A new row's identity and closure facts; the rest is in the JSON diff and the file itself. */
const ADDED_FIELDS_SHOWN = new Set(['agency', 'region', 'level', 'platform', 'url', 'announced', 'closed', 'reason', 'redirect', 'source']);

const KIND_HEADINGS: Record<ChannelChangeKind, string> = {
  added: '新增渠道 Added',
  closed: '关停 / 注销中 Closed or closing',
  reopened: '恢复运营 Reopened',
  changed: '信息修改 Changed',
  removed: '删除 Removed',
};

/** Joins what GitHub would otherwise read as a mention or a reference; invisible on the page. */
const ZWJ = '\u200d';

/**
 * Addresses GitHub turns into links by themselves (autolinks: scheme://…, www.…, mailto:…):
 * shown as code instead, so a name cannot make a link.
 */
const BARE_ADDRESS = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.|\bmailto:)[^\s<>`]*/gi;

/**
 * Makes untrusted text safe inside a Markdown table cell or list item: one line; HTML shown as
 * text; Markdown punctuation escaped (so no link, image or emphasis); a zero-width joiner
 * after each @ and # and in GH-123 (so no mention or reference); addresses as code.
 */
export function escapeMarkdown(text: string): string {
  let out = '';
  let from = 0;
  for (const address of text.matchAll(BARE_ADDRESS)) {
    out += escapeText(text.slice(from, address.index)) + code(address[0]);
    from = address.index + address[0].length;
  }
  return out + escapeText(text.slice(from));
}

function escapeText(text: string): string {
  return text
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1')
    .replace(/[@#]/g, `$&${ZWJ}`)
    .replace(/\b(gh-)(?=\d)/gi, `$1${ZWJ}`);
}

/** Untrusted text as inline code (shortened): GitHub renders it literally. */
function code(text: string, max = 120): string {
  // a backtick would end the span and a bar the table cell; such ids are invalid anyway
  return text === '' ? '∅' : `\`${truncate(text, max).replace(/`/g, "'").replace(/\|/g, '¦').replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')}\``;
}

function truncate(text: string, max = 80): string {
  if (text.length <= max) return text;
  // never half of a surrogate pair: GitHub's API refuses text that is not valid UTF-16
  const end = /[\ud800-\udbff]/.test(text.charAt(max - 2)) ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}

/** A link to the run's log, only when it is a plain https address. */
function runLink(url: string | undefined): string[] {
  return url !== undefined && /^https:\/\/[A-Za-z0-9.-]+\/[A-Za-z0-9/._~%-]*$/.test(url) ? [`[完整日志 Full log](${url})`, ''] : [];
}

export function renderDiffMarkdown(diff: DiffSummary, options: RenderOptions): string {
  const out: string[] = [DIFF_COMMENT_MARKER, '## 数据变更摘要 Data change summary', ''];
  const errors = diff.diagnostics.filter((d) => d.severity === 'error');
  const warnings = diff.diagnostics.filter((d) => d.severity === 'warning');
  const count = (k: ChannelChangeKind) => diff.channels.filter((c) => c.kind === k).length;

  out.push(
    `对比 Compared with ${code(options.baseLabel, 60)}: ${diff.totals.before} → ${diff.totals.after} 个渠道 channels.`,
    '',
    `| 新增 Added | 关停 Closed | 恢复 Reopened | 修改 Changed | 删除 Removed | 移动文件 Moved | 错误 Errors | 警告 Warnings |`,
    `|---:|---:|---:|---:|---:|---:|---:|---:|`,
    `| ${count('added')} | ${count('closed')} | ${count('reopened')} | ${count('changed')} | ${count('removed')} | ${diff.moved.length} | ${errors.length} | ${warnings.length} |`,
    '',
  );

  if (options.checks?.length) {
    out.push('### 检查 Checks', '');
    for (const c of options.checks.slice(0, 10)) {
      const icon = c.outcome === 'success' ? '✅' : c.outcome === 'skipped' ? '⏭️' : '❌';
      out.push(`- ${icon} ${escapeMarkdown(truncate(c.name, 40))}: ${escapeMarkdown(truncate(c.outcome, 40))}`);
    }
    out.push('');
  }

  if (errors.length > 0) {
    out.push(
      '### ❌ 需要修正 Must be fixed before merging',
      '',
      '每条错误也以批注形式标在文件的对应行上（“Files changed” 标签页）。代码说明见 CONTRIBUTING.md。',
      'Each error is also annotated on its line under "Files changed". The codes are explained in CONTRIBUTING.en.md.',
      '',
    );
    out.push(...diagnosticLines(errors));
  }
  if (warnings.length > 0) {
    out.push('### ⚠️ 警告 Warnings', '', '警告不阻止合并，但请看一看。Warnings do not block merging, but please have a look.', '');
    out.push(...diagnosticLines(warnings));
  }

  if (diff.unreadable.length > 0) {
    out.push('### 无法读取的行 Rows that could not be read', '');
    for (const u of diff.unreadable.slice(0, MAX_ROWS_PER_SECTION)) {
      out.push(`- ${code(u.id)}${u.previouslyPresent ? '（原本正常，本次修改后有错误 was valid before this change）' : ''}`);
    }
    if (diff.unreadable.length > MAX_ROWS_PER_SECTION) out.push(`- … ${diff.unreadable.length - MAX_ROWS_PER_SECTION} more`);
    out.push('');
  }

  for (const kind of ['added', 'closed', 'reopened', 'changed', 'removed'] as const) {
    const list = diff.channels.filter((c) => c.kind === kind);
    if (list.length === 0) continue;
    out.push(`### ${KIND_HEADINGS[kind]} (${list.length})`, '');
    out.push(...channelTable(kind, list));
    out.push('');
  }

  if (diff.moved.length > 0) {
    out.push(`### 移到其他文件 Moved to another file (${diff.moved.length})`, '');
    for (const m of diff.moved.slice(0, MAX_ROWS_PER_SECTION)) out.push(`- ${code(m.id)}: ${code(m.movedFrom ?? '')} → ${code(m.file)}`);
    if (diff.moved.length > MAX_ROWS_PER_SECTION) out.push(`- … ${diff.moved.length - MAX_ROWS_PER_SECTION} more`);
    out.push('');
  }

  if (diff.provinces.length > 0) {
    out.push(
      '### 按省份 By province',
      '',
      '| 省份 Province | 新增 Added | 关停 Closed | 恢复 Reopened | 修改 Changed | 删除 Removed |',
      '|---|---:|---:|---:|---:|---:|',
    );
    for (const p of diff.provinces) {
      out.push(`| ${escapeMarkdown(truncate(p.name, 40))} ${escapeMarkdown(truncate(p.nameEn, 60))} | ${p.added} | ${p.closed} | ${p.reopened} | ${p.changed} | ${p.removed} |`);
    }
    out.push('');
  }

  const records: string[] = [];
  const named = (keys: readonly string[]) =>
    keys.slice(0, MAX_RECORDS_NAMED).map((k) => code(k, 60)).join(', ') + (keys.length > MAX_RECORDS_NAMED ? ` … ${keys.length - MAX_RECORDS_NAMED} more` : '');
  const describe = (label: string, r: DiffSummary['notices']) => {
    const parts = [
      r.added.length ? `added ${named(r.added)}` : '',
      r.changed.length ? `changed ${named(r.changed)}` : '',
      r.removed.length ? `removed ${named(r.removed)}` : '',
    ].filter(Boolean);
    if (parts.length) records.push(`- ${label}: ${parts.join('; ')}`);
  };
  describe('公告 Notices', diff.notices);
  describe('来源 Sources', diff.sources);
  if (diff.events.added || diff.events.removed) records.push(`- 事件 Events: +${diff.events.added} / −${diff.events.removed}`);
  if (records.length) out.push('### 其他文件 Other records', '', ...records, '');

  if (diff.channels.length === 0 && diff.unreadable.length === 0 && records.length === 0) {
    out.push('没有数据变更。No data changes.', '');
  }
  out.push(...runLink(options.runUrl));
  out.push('<sub>此评论由机器人根据数据自动生成，每次推送后更新。This comment is generated from the data and updated on every push.</sub>');

  return limitLength(out.join('\n'));
}

function diagnosticLines(items: readonly Diagnostic[]): string[] {
  const lines = items.slice(0, MAX_DIAGNOSTICS).map((d) => `- ${code(`${d.file}:${d.line}:${d.col}`)} **${escapeMarkdown(d.code)}** ${escapeMarkdown(truncate(d.message, 300))}`);
  if (items.length > MAX_DIAGNOSTICS) lines.push(`- … ${items.length - MAX_DIAGNOSTICS} more (see the annotations / 其余见批注)`);
  lines.push('');
  return lines;
}

function channelTable(kind: ChannelChangeKind, list: readonly ChannelChange[]): string[] {
  const rows = ['| id | 名称 Name | 状态 Status | 变更 Fields | 位置 Where |', '|---|---|---|---|---|'];
  for (const c of list.slice(0, MAX_ROWS_PER_SECTION)) {
    const status = escapeMarkdown(c.previousStatus ? `${c.previousStatus} → ${c.status}` : c.status);
    const shown = kind === 'added' ? c.fields.filter((f) => ADDED_FIELDS_SHOWN.has(f.field)) : kind === 'removed' ? [] : c.fields;
    const fields = shown.map(fieldChange).join('<br>');
    rows.push(`| ${code(c.id)} | ${escapeMarkdown(truncate(c.name, 40))} | ${status} | ${fields} | ${code(`${c.file}:${c.line}`)} |`);
  }
  if (list.length > MAX_ROWS_PER_SECTION) rows.push(`| … | ${list.length - MAX_ROWS_PER_SECTION} more | | | |`);
  return rows;
}

function fieldChange(f: { field: string; before: string; after: string }): string {
  const field = escapeMarkdown(f.field);
  if (f.before === '') return `${field}: ${code(f.after, 60)}`;
  return `${field}: ${code(f.before, 60)} → ${code(f.after, 60)}`;
}

/** The comment cut at a line (so no escape or code span is cut in half) to GitHub's limit. */
export function limitLength(markdown: string): string {
  if (markdown.length <= MAX_COMMENT_LENGTH) return markdown;
  const cut = markdown.lastIndexOf('\n', MAX_COMMENT_LENGTH - 300);
  return `${markdown.slice(0, cut)}\n\n**… 摘要过长，已截断。Truncated:** the summary is longer than a comment can hold; run \`npm run data:diff\` locally for all of it.`;
}
