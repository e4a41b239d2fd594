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
 * Resolves every channel's redirects to live endpoints. Memoised, so shared tails of chains
 * are walked once; channels on a cycle resolve to whatever the cycle can reach outside it.
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
    this.inProgress.add(id);
    const endpoints: Endpoint[] = [];
    const chains: string[][] = [];
    const deadEnds: string[] = [];
    // seen endpoints, URLs and channel ids apart (not as "url:…" / "id:…" texts made per endpoint)
    const seenUrls = new Set<string>();
    const seenIds = new Set<string>();
    const add = (endpoint: Endpoint, chain: string[]) => {
      const seen = endpoint.kind === 'url' ? seenUrls : seenIds;
      const key = endpoint.kind === 'url' ? endpoint.url : endpoint.id;
      if (seen.has(key)) return;
      seen.add(key);
      endpoints.push(endpoint);
      chains.push(chain);
    };
    for (const ref of node.redirect) {
      if (ref.kind === 'url') {
        add(ref, [id]);
        continue;
      }
      const target = this.nodes.get(ref.id);
      if (!target || ref.id === id) continue; // unknown targets and self-loops are reported per row
      if (target.live) {
        add({ kind: 'channel', id: ref.id }, [id, ref.id]);
        continue;
      }
      const onward = this.resolve(ref.id);
      if (onward.endpoints.length === 0 && !this.inProgress.has(ref.id)) {
        deadEnds.push(...(onward.deadEnds.length > 0 ? onward.deadEnds : [ref.id]));
      }
      onward.endpoints.forEach((e, i) => add(e, [id, ...onward.chains[i]!]));
    }
    this.inProgress.delete(id);
    const resolution: Resolution = { endpoints, chains, deadEnds: deadEnds.length > 1 ? [...new Set(deadEnds)] : deadEnds };
    this.memo.set(id, resolution);
    return resolution;
  }
}
