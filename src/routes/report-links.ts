/**
 * Links that open a pre-filled "report a problem" issue on GitHub. The site's report links
 * should be built here, so their query parameters always match the field ids of the issue
 * forms in .github/ISSUE_TEMPLATE/ (a test checks both against each other). GitHub fills an
 * issue form's input and textarea fields from query parameters named by the field's id.
 */

export type ReportKind = 'wrong' | 'closed' | 'missing';

/** The issue form file for each kind of report. */
export const REPORT_TEMPLATES: Record<ReportKind, string> = {
  wrong: 'channel-wrong.yml',
  closed: 'channel-closed.yml',
  missing: 'channel-missing.yml',
};

/** Fields each form accepts from the URL (the ids of its input and textarea fields). */
export const REPORT_FIELDS = {
  wrong: ['channel', 'page', 'url', 'details', 'source'],
  closed: ['channel', 'page', 'url', 'closed', 'redirect', 'source', 'details'],
  missing: ['name', 'agency', 'region', 'platform', 'url', 'status', 'source', 'details'],
} as const satisfies Record<ReportKind, readonly string[]>;

export type ReportField<K extends ReportKind> = (typeof REPORT_FIELDS)[K][number];

/**
 * https://github.com/OWNER/REPO/issues/new?template=…&title=…&field=value…
 * Empty values are left out; unknown field names are a programming error.
 */
export function reportIssueUrl<K extends ReportKind>(
  repoUrl: string,
  kind: K,
  fields: Partial<Record<ReportField<K>, string>>,
  title?: string,
): string {
  const params = new URLSearchParams({ template: REPORT_TEMPLATES[kind] });
  if (title) params.set('title', title);
  const allowed: readonly string[] = REPORT_FIELDS[kind];
  for (const [name, value] of Object.entries(fields) as [string, string | undefined][]) {
    if (!allowed.includes(name)) throw new Error(`the ${kind} report form has no field "${name}"`);
    if (value) params.set(name, value);
  }
  return `${repoUrl.replace(/\/+$/, '')}/issues/new?${params.toString()}`;
}
