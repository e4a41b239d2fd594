/**
 * A verify answer as the reader sees it: for each channel found, the verdict at a glance
 * ("official but closed since April 2024"), where to go instead, and the channel's entry; for
 * nothing found, what that does and does not mean, with the report and search links. Plain
 * data, rendered into the page by the client.
 */
import { formatDate, parseApproxDate } from '../domain/approx-date.ts';
import { PLATFORM_LABELS, type Lang, type Status } from '../domain/vocabulary.ts';
import { displayUrl } from '../format/url.ts';
import { verifyAnswers as enAnswers } from '../strings/en.ts';
import { verifyAnswers as zhAnswers } from '../strings/zh.ts';
import { destinationLabel } from '../store/records.ts';
import type { VerifyRecord } from './index-format.ts';
import type { VerifyAnswer } from './lookup.ts';
import { normaliseHandle } from '../store/normalise.ts';

/** The answers' words in each language (the script answers in the page's). */
export const ANSWERS = { zh: zhAnswers, en: enAnswers };

export interface VerdictLinks {
  /** A channel's entry on its region's page, in the page's language. */
  channel(channel: { readonly id: string; readonly page: string }): string;
  /** The search page, looking for a name. */
  search(text: string): string;
  /** The "missing account" issue form, filled with what was pasted. */
  report(text: string): string;
}

export interface LinkView {
  readonly text: string;
  readonly href: string;
  readonly external?: boolean;
}

export interface DateText {
  readonly text: string;
  readonly datetime: string;
}

export interface MatchView {
  readonly status: Status;
  /** "Official but closed since April 2024": the verdict, with the date marked up. */
  readonly verdict: readonly (string | DateText)[];
  readonly name: string;
  readonly platform: string;
  readonly agency: string;
  readonly page: LinkView;
  /** Where to go instead (closing and closed channels). */
  readonly destinations?: readonly { readonly link: LinkView; readonly url?: LinkView }[];
  readonly noDestination?: string;
  readonly note?: string;
}

export type VerdictView =
  | { readonly kind: 'none' }
  | { readonly kind: 'found'; readonly intro?: string; readonly matches: readonly MatchView[] }
  | { readonly kind: 'missing'; readonly heading: string; readonly text: string; readonly links: readonly LinkView[] }
  | { readonly kind: 'note'; readonly text: string; readonly links: readonly LinkView[] };

function dateText(value: string | undefined, lang: Lang): DateText | undefined {
  if (!value) return undefined;
  const parsed = parseApproxDate(value);
  return parsed.ok ? { text: formatDate(parsed.date, lang), datetime: value } : undefined;
}

/** Splits a sentence made with a placeholder date into text and the marked-up date. */
function withDate(make: (date?: string) => string, date: DateText | undefined): (string | DateText)[] {
  if (!date) return [make()];
  const marker = '\u0000';
  const [before, after] = make(marker).split(marker);
  return [before ?? '', date, after ?? ''].filter((part) => part !== '');
}

export function matchView(record: VerifyRecord, by: 'url' | 'id' | 'handle', handleText: string, lang: Lang, links: VerdictLinks): MatchView {
  const t = ANSWERS[lang];
  let verdict: (string | DateText)[];
  switch (record.status) {
    case 'active':
      verdict = [t.active];
      break;
    case 'dormant':
      verdict = [t.dormant];
      break;
    case 'closing':
      verdict = withDate(t.closing, dateText(record.announced, lang));
      break;
    case 'closed':
      verdict = withDate(t.closed, dateText(record.closed ?? record.announced, lang));
      break;
  }
  const gone = record.status === 'closing' || record.status === 'closed';
  const destinations = gone
    ? record.destinations.map((d) => {
        const text = destinationLabel(d)[lang];
        if (d.kind === 'url') return { link: { text, href: d.url, external: true } };
        return {
          link: { text, href: links.channel(d), external: false },
          url: d.url ? { text: displayUrl(d.url), href: d.url, external: true } : undefined,
        };
      })
    : undefined;
  return {
    status: record.status,
    verdict,
    name: record.name[lang],
    platform: PLATFORM_LABELS[record.platform][lang],
    agency: record.agency[lang],
    page: { text: t.details, href: links.channel(record) },
    destinations,
    noDestination: gone && !record.destinations.length ? t.noDestination : undefined,
    note: by === 'handle' ? t.byHandle(normaliseHandle(handleText)) : undefined,
  };
}

export function verdictView(answer: VerifyAnswer, lang: Lang, links: VerdictLinks): VerdictView {
  const t = ANSWERS[lang];
  switch (answer.kind) {
    case 'empty':
      return { kind: 'none' };
    case 'name':
      return { kind: 'note', text: t.name, links: [{ text: t.searchByName, href: links.search(answer.text) }] };
    case 'invalid':
      return { kind: 'note', text: t.invalid, links: [] };
    case 'missing':
      return {
        kind: 'missing',
        heading: t.missing,
        text: t.missingShort,
        links: [
          { text: t.reportLink, href: links.report(answer.text), external: true },
          { text: t.searchByName, href: links.search('') },
        ],
      };
    case 'found': {
      const matches = answer.matches.map((m) => matchView(m.record, m.by, answer.text, lang, links));
      return { kind: 'found', intro: matches.length > 1 ? t.several(matches.length) : undefined, matches };
    }
  }
}
