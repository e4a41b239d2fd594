/** Dates as pages show them: text in the page's language at the data's own precision. */
import { formatDate, type ApproxDate } from '../../domain/approx-date.ts';
import type { Lang } from '../i18n.ts';

export interface DateView {
  /** "2024年4月" / "April 2024": never more precise than the data. */
  readonly text: string;
  /** The value as written in the data (2024, 2024-04, 2024-04-15), a valid <time datetime>. */
  readonly datetime: string;
}

export function dateView(date: ApproxDate, lang: Lang): DateView {
  return { text: formatDate(date, lang), datetime: date.value };
}

export function optionalDate(date: ApproxDate | undefined, lang: Lang): DateView | undefined {
  return date ? dateView(date, lang) : undefined;
}
