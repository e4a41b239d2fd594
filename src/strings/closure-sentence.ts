/**
 * What happened to a channel, in one plain sentence a citizen understands without the data
 * contract's vocabulary: "该账号已于2024年8月14日停止运营。相关信息请关注“威海公安”。" /
 * "On 14 August 2024, this account stopped operating. For related information, go to
 * Weihai Police." The channel's page and the closure feeds say the same thing from the same
 * facts: each language's grammar is in its catalogue (zh.ts, en.ts: `sentences`).
 *
 * The successors named are the channel's own redirect targets (what happened: "merged into
 * B"), marked when they have since closed themselves; where to go *now*, following chains to
 * live channels, is the destinations list that comes right after the sentence when a
 * successor is no longer live (needsDestinations).
 */
import type { ApproxDate } from '../domain/approx-date.ts';
import type { Channel, Registry } from '../domain/model.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { isHttpUrl } from '../format/url.ts';
import { stringsFor } from './index.ts';
import type { LocalName } from './local-name.ts';
import type { ClosureFacts, SentencePart, SentenceTarget } from './sentence-parts.ts';

/** The sentence for a closing or closed channel. */
export function closureSentence(facts: ClosureFacts, lang: Lang): SentencePart[] {
  return stringsFor(lang).sentences.closure(facts);
}

/** How the reader of a sentence meets a successor: by name, linked to somewhere. */
export interface TargetNaming {
  /** A successor channel: its name in the sentence's language and the link to its entry. */
  channel(target: Channel): { readonly name: LocalName; readonly href: string };
  /** A successor web address (http(s) only: nothing else is ever a link). */
  url(url: string): { readonly name: LocalName; readonly href: string };
}

/**
 * The facts a closure sentence tells, from the channel's row: undefined for channels that
 * are not closing or closed. `today` decides whether a closing channel's day is still ahead.
 */
export function closureFacts(registry: Registry, c: Channel, today: ApproxDate, naming: TargetNaming): ClosureFacts | undefined {
  if (c.status !== 'closing' && c.status !== 'closed') return undefined;
  const targets = (c.redirect ?? []).flatMap((ref): SentenceTarget[] => {
    if (ref.kind === 'url') return isHttpUrl(ref.url) ? [{ ...naming.url(ref.url), external: true }] : [];
    const target = registry.channelsById.get(ref.id);
    if (!target || target.id === c.id) return [];
    return [{ ...naming.channel(target), external: false, status: target.status }];
  });
  // closing and closed channels always have a reason (the validator requires one)
  return { status: c.status, reason: c.reason ?? 'discontinued', announced: c.announced, closed: c.closed, targets, today };
}
