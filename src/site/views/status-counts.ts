/** Status counts as pages show them: every status in the contract's order, with its label. */
import type { StatusCounts } from '../../domain/model.ts';
import { STATUSES, STATUS_LABELS, type Status } from '../../domain/vocabulary.ts';
import { formatNumber, type Lang } from '../i18n.ts';

export interface StatusCountView {
  readonly status: Status;
  readonly label: string;
  readonly count: number;
  readonly text: string;
}

export interface CountsView {
  readonly total: number;
  readonly totalText: string;
  readonly byStatus: readonly StatusCountView[];
}

export function countsView(counts: StatusCounts, lang: Lang): CountsView {
  return {
    total: counts.total,
    totalText: formatNumber(counts.total, lang),
    byStatus: STATUSES.map((status) => ({
      status,
      label: STATUS_LABELS[status][lang],
      count: counts[status],
      text: formatNumber(counts[status], lang),
    })),
  };
}
