/**
 * Following "where to go instead" links through the registry. A closed channel may point at
 * another closed channel that points onward (A → B → C); the public needs the live ends of
 * those chains, and the page shows the chain that leads there.
 */
import type { Ref } from './schemas/cells.ts';

/** What the resolver needs to know of a channel. */
export interface RedirectNode {
  readonly id: string;
  /** True when the channel itself is a place to go (status active). */
  readonly live: boolean;
  readonly redirect: readonly Ref[];
}

/**
 * Looking nodes up by id and listing the ids: a Map of nodes, or a view that makes nodes on
 * demand (the validator's, so half a million channels need not be copied into a second map).
 */
export interface RedirectNodes {
  get(id: string): RedirectNode | undefined;
  /**
   * The ids findCycles walks from: all of them, or at least every node that is not live and
   * has redirects (no other can start a cycle), as the validator lists them.
   */
  keys(): Iterable<string>;
}

export type Endpoint = { kind: 'channel'; id: string } | { kind: 'url'; url: string };

export interface Resolution {
  /** Live destinations in priority order, without repeats. */
  readonly endpoints: readonly Endpoint[];
  /** For each endpoint, the ids passed through from the channel to it (channel first). */
  readonly chains: readonly (readonly string[])[];
  /** Non-live channels where a chain stopped with nowhere further to go. */
  readonly deadEnds: readonly string[];
  /**
   * Present (true) when some chain from here passes more than MAX_REDIRECT_CHAIN channels;
   * its endpoints are left out.
   */
  readonly tooLong?: true;
}

const EMPTY: Resolution = { endpoints: [], chains: [], deadEnds: [] };

/**
 * Strongly connected groups of non-live channels that redirect into each other, each as one
 * cycle in walking order (a → b → c, which leads back to a). Self-loops are left to the
 * per-row check. Iterative Tarjan, so deep chains cannot overflow the stack.
 */
export function findCycles(nodes: RedirectNodes): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  const successors = (id: string): string[] => {
    const node = nodes.get(id);
    if (!node || node.live) return [];
    return node.redirect.flatMap((r) => (r.kind === 'id' && r.id !== id && nodes.get(r.id)?.live === false ? [r.id] : []));
  };

  for (const root of nodes.keys()) {
    if (index.has(root)) continue;
    // A node with nowhere to go (live, or no redirect to a closed channel) can only be a group
    // of one, which is never reported: skipping it as a root keeps the walk (and the
    // index maps) to the few closed channels that lead on.
    const rootNext = successors(root);
    if (rootNext.length === 0) continue;
    const work: { id: string; next: string[]; i: number }[] = [];
    const visit = (id: string, next = successors(id)) => {
      index.set(id, counter);
      low.set(id, counter);
      counter++;
      stack.push(id);
      onStack.add(id);
      work.push({ id, next, i: 0 });
    };
    visit(root, rootNext);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.i < frame.next.length) {
        const target = frame.next[frame.i++]!;
        if (!index.has(target)) visit(target);
        else if (onStack.has(target)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(target)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const group: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          group.push(member);
        } while (member !== frame.id);
        if (group.length > 1) cycles.push(walkCycle(new Set(group), successors));
      }
    }
  }
  return cycles;
}

/** One cycle through a strongly connected group, starting at its smallest id. */
function walkCycle(group: Set<string>, successors: (id: string) => string[]): string[] {
  const start = [...group].sort()[0]!;
  const path = [start];
  const seenAt = new Map([[start, 0]]);
  let current = start;
  for (;;) {
    const next = successors(current).find((s) => group.has(s))!;
    const earlier = seenAt.get(next);
    if (earlier !== undefined) return path.slice(earlier);
    seenAt.set(next, path.length);
    path.push(next);
    current = next;
  }
}

/**
 * The most channels one chain may pass, from the closed channel to its live end (both
 * counted). Real chains are a few hops (renamed, then merged); each page lists the chain of
 * every closed channel on it, so a chain of n channels costs n² entries, and past this length
 * it is a mistake or an attack. Longer chains are not followed: the validator reports them.
 */
export const MAX_REDIRECT_CHAIN = 100;

/**
 * Resolves every channel's redirects to live endpoints. Memoised, so shared tails of chains
 * are walked once; channels on a cycle resolve to whatever the cycle can reach outside it.
 * The walk keeps its own stack (a chain's length is the data's to choose, and the call stack
 * overflows at a few thousand), and visits targets in the same order a recursive walk would.
 */
export class RedirectResolver {
  private readonly nodes: RedirectNodes;
  private readonly memo = new Map<string, Resolution>();
  private readonly inProgress = new Set<string>();

  constructor(nodes: RedirectNodes) {
    this.nodes = nodes;
  }

  resolve(id: string): Resolution {
    const cached = this.memo.get(id);
    if (cached) return cached;
    const node = this.nodes.get(id);
    if (!node || node.redirect.length === 0) return EMPTY;
    if (this.inProgress.has(id)) return EMPTY; // a cycle: reported by findCycles
    const stack = [this.start(node)];
    let result = EMPTY;
    while (stack.length > 0) {
      const walk = stack[stack.length - 1]!;
      const ref = walk.node.redirect[walk.next];
      if (ref === undefined) {
        stack.pop();
        result = this.finish(walk);
        continue;
      }
      if (ref.kind === 'url') {
        walk.next++;
        walk.add(ref, [walk.node.id]);
        continue;
      }
      const target = this.nodes.get(ref.id);
      if (!target || ref.id === walk.node.id) {
        walk.next++; // unknown targets and self-loops are reported per row
        continue;
      }
      if (target.live) {
        walk.next++;
        walk.add({ kind: 'channel', id: ref.id }, [walk.node.id, ref.id]);
        continue;
      }
      const onward = this.memo.get(ref.id);
      if (!onward && target.redirect.length > 0 && !this.inProgress.has(ref.id)) {
        stack.push(this.start(target)); // resolved first; this ref is taken up again after
        continue;
      }
      walk.next++;
      walk.follow(ref.id, onward ?? EMPTY, this.inProgress.has(ref.id));
    }
    return result;
  }

  private start(node: RedirectNode): Walk {
    this.inProgress.add(node.id);
    return new Walk(node);
  }

  private finish(walk: Walk): Resolution {
    this.inProgress.delete(walk.node.id);
    const { endpoints, chains, deadEnds, tooLong } = walk;
    const resolution: Resolution = {
      endpoints,
      chains,
      deadEnds: deadEnds.length > 1 ? [...new Set(deadEnds)] : deadEnds,
      ...(tooLong ? { tooLong: true as const } : {}),
    };
    this.memo.set(walk.node.id, resolution);
    return resolution;
  }
}

/** One channel being resolved: the redirects taken so far and what they led to. */
class Walk {
  readonly node: RedirectNode;
  /** Index of the redirect to take next. */
  next = 0;
  readonly endpoints: Endpoint[] = [];
  readonly chains: string[][] = [];
  readonly deadEnds: string[] = [];
  tooLong = false;
  // seen endpoints, URLs and channel ids apart (not as "url:…" / "id:…" texts made per endpoint)
  private readonly seenUrls = new Set<string>();
  private readonly seenIds = new Set<string>();

  constructor(node: RedirectNode) {
    this.node = node;
  }

  add(endpoint: Endpoint, chain: string[]): void {
    const seen = endpoint.kind === 'url' ? this.seenUrls : this.seenIds;
    const key = endpoint.kind === 'url' ? endpoint.url : endpoint.id;
    if (seen.has(key)) return;
    seen.add(key);
    this.endpoints.push(endpoint);
    this.chains.push(chain);
  }

  /** Takes in where a closed target leads (`cycling`: the target is still being resolved). */
  follow(targetId: string, onward: Resolution, cycling: boolean): void {
    if (onward.tooLong) this.tooLong = true;
    if (onward.endpoints.length === 0 && !onward.tooLong && !cycling) {
      // one at a time: spreading a long list into push() would overflow the stack too
      if (onward.deadEnds.length === 0) this.deadEnds.push(targetId);
      for (const end of onward.deadEnds) this.deadEnds.push(end);
    }
    onward.endpoints.forEach((endpoint, i) => {
      const chain = onward.chains[i]!;
      if (chain.length >= MAX_REDIRECT_CHAIN) this.tooLong = true;
      else this.add(endpoint, [this.node.id, ...chain]);
    });
  }
}
