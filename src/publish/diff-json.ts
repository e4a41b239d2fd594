/**
 * The data diff as JSON (`npm run data:diff -- <ref> --format json`): what the pull-request
 * checks hand to the job that comments (.github/workflows/pr-comment.yml). That job holds a
 * write token and the JSON comes from the pull request's own run, which may have run any code,
 * so reading it back trusts nothing: every field's shape is checked here (unknown fields are
 * dropped) and the renderer escapes every string it prints (diff-markdown.ts).
 *
 * Words the pull request may legitimately add to (statuses, columns, error codes) are checked
 * by their form, not against the base branch's lists, so a pull request that adds a status
 * still gets its summary.
 */
import { z } from 'zod';
import type { CheckOutcome } from './diff-markdown.ts';
import type { DataDiff } from '../domain/data-diff.ts';

const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();
const count = z.number().int().nonnegative();
const word = z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/);

const fieldChange = z.object({ field: word, before: z.string(), after: z.string() }).readonly();

const channelChange = z
  .object({
    kind: z.enum(['added', 'removed', 'closed', 'reopened', 'changed']),
    id: z.string(),
    name: z.string(),
    platform: z.string(),
    status: word,
    previousStatus: word.optional(),
    province: z.string(),
    file: z.string(),
    line: count,
    movedFrom: z.string().optional(),
    fields: list(fieldChange),
  })
  .readonly();

const recordChanges = z.object({ added: list(z.string()), removed: list(z.string()), changed: list(z.string()) }).readonly();

/** What the renderer reads of a data diff: a DataDiff made here, or one read back from JSON. */
export const diffSummarySchema = z
  .object({
    channels: list(channelChange),
    unreadable: list(z.object({ id: z.string(), previouslyPresent: z.boolean() }).readonly()),
    moved: list(channelChange),
    provinces: list(
      z.object({ code: z.string(), name: z.string(), nameEn: z.string(), added: count, removed: count, closed: count, reopened: count, changed: count }).readonly(),
    ),
    notices: recordChanges,
    sources: recordChanges,
    events: z.object({ added: count, removed: count }).readonly(),
    totals: z.object({ before: count, after: count }).readonly(),
    diagnostics: list(
      z
        .object({
          file: z.string(),
          line: count,
          col: count,
          severity: z.enum(['error', 'warning']),
          code: z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/),
          message: z.string(),
        })
        .readonly(),
    ),
  })
  .readonly();

export type DiffSummary = z.output<typeof diffSummarySchema>;

/** The whole JSON: the diff, what it was compared with, and the outcomes of the checks. */
const diffJsonSchema = z.object({
  ...diffSummarySchema.unwrap().shape,
  /** The git ref the working tree was compared with. */
  ref: z.string(),
  today: z.string(),
  checks: list(z.object({ name: z.string(), outcome: z.string() }).readonly()).default([]),
});

export type DiffJson = z.output<typeof diffJsonSchema>;

/** The JSON text `data:diff --format json` writes. */
export function diffJsonText(diff: DataDiff, meta: { ref: string; today: string; checks: readonly CheckOutcome[] }): string {
  return `${JSON.stringify({ ref: meta.ref, today: meta.today, checks: meta.checks, ...diff }, null, 2)}\n`;
}

/**
 * Reads JSON text as a data diff, or says why it is not one. The reasons name only positions
 * in the document (sanitised: they end up in a privileged job's log, where a line starting
 * with "::" would be a workflow command) and never echo its values.
 */
export function parseDiffJson(text: string): { ok: true; diff: DiffJson } | { ok: false; problems: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problems: ['not JSON'] };
  }
  const parsed = diffJsonSchema.safeParse(value);
  if (parsed.success) return { ok: true, diff: parsed.data };
  const problems = parsed.error.issues.slice(0, 10).map((issue) => `at ${['$', ...issue.path.map((p) => String(p).replace(/[^A-Za-z0-9_-]/g, '?').slice(0, 40))].join('.')}: ${issue.code}`);
  if (parsed.error.issues.length > 10) problems.push(`… ${parsed.error.issues.length - 10} more`);
  return { ok: false, problems };
}
