/**
 * The pieces the catalogues' sentences are made of: a sentence comes back as parts (text,
 * dates, links to other channels, names) so a page can link the names and mark the dates up,
 * and everything stays text until the page escapes it; a feed flattens the same parts to
 * plain text. The grammar of each language lives in its catalogue (zh.ts, en.ts); this holds
 * only what both share.
 */
import { isCertainlyBefore, type ApproxDate } from '../domain/approx-date.ts';
import type { Reason, Status } from '../domain/vocabulary.ts';
import type { LocalName } from './local-name.ts';

export interface SentenceTarget {
  readonly name: LocalName;
  readonly href: string;
  /** A web address, not a page of this site. */
  readonly external: boolean;
  /** Status of a target channel; undefined for web addresses. Not "active" gets a note. */
  readonly status?: Status;
}

export type SentencePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'date'; readonly text: string; readonly datetime: string }
  | { readonly kind: 'target'; readonly target: SentenceTarget }
  /** A name that is not a link (it may be in the other language, so it keeps its own lang). */
  | { readonly kind: 'name'; readonly name: LocalName };

export interface ClosureFacts {
  readonly status: 'closing' | 'closed';
  readonly reason: Reason;
  readonly announced?: ApproxDate;
  readonly closed?: ApproxDate;
  /** The channel's redirect targets, in the data's order. */
  readonly targets: readonly SentenceTarget[];
  /** The day the data is judged on: a closing channel's past due date reads "was due to". */
  readonly today: ApproxDate;
}

export const text = (t: string): SentencePart => ({ kind: 'text', text: t });

/** A date part: `shown` is the date in the sentence's language, `d.value` its datetime. */
export const datePart = (d: ApproxDate, shown: string): SentencePart => ({ kind: 'date', text: shown, datetime: d.value });

/** The parts as plain text (for feeds, descriptions and anything that cannot carry links). */
export function sentenceText(parts: readonly SentencePart[]): string {
  return parts
    .map((p) => {
      if (p.kind === 'text' || p.kind === 'date') return p.text;
      const name = p.kind === 'target' ? p.target.name : p.name;
      return name.original ? `${name.text} (${name.original})` : name.text;
    })
    .join('');
}

/** Adjacent text parts merged, so the page has fewer nodes and tests read naturally. */
export function tidy(parts: readonly SentencePart[]): SentencePart[] {
  const out: SentencePart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (p.kind === 'text' && last?.kind === 'text') out[out.length - 1] = text(last.text + p.text);
    else if (p.kind !== 'text' || p.text !== '') out.push(p);
  }
  return out;
}

export type ClosingTiming =
  | { kind: 'due' | 'overdue' | 'announced'; date: ApproxDate }
  | { kind: 'none' };

/**
 * Which date a closing channel's sentence is about: the day it is due to close (or was, when
 * that day has certainly passed without the data saying it closed), else the announcement.
 * So a channel still closing is never said to have closed, whatever its dates.
 */
export function closingTiming(facts: ClosureFacts): ClosingTiming {
  if (facts.closed) return { kind: isCertainlyBefore(facts.closed, facts.today) ? 'overdue' : 'due', date: facts.closed };
  if (facts.announced) return { kind: 'announced', date: facts.announced };
  return { kind: 'none' };
}

/**
 * Whether a reader needs the "where to go now" list after the sentence: when a channel the
 * sentence names has itself closed (or is closing), following the chain to live channels.
 */
export function needsDestinations(targets: readonly SentenceTarget[]): boolean {
  return targets.some((t) => !t.external && t.status !== 'active' && t.status !== 'dormant');
}
