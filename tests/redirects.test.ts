import { describe, expect, it } from 'vitest';
import { findCycles, MAX_REDIRECT_CHAIN, RedirectResolver, type RedirectNode } from '../src/domain/redirects.ts';
import type { Ref } from '../src/domain/schemas/cells.ts';

const ref = (target: string): Ref => (target.includes(':') ? { kind: 'url', url: target } : { kind: 'id', id: target });
function graph(spec: Record<string, { live?: boolean; to?: string[] }>): Map<string, RedirectNode> {
  return new Map(Object.entries(spec).map(([id, s]) => [id, { id, live: s.live ?? false, redirect: (s.to ?? []).map(ref) }]));
}

describe('resolving redirect chains', () => {
  it('follows A → B → C to the live end and keeps the chain', () => {
    const resolver = new RedirectResolver(graph({ a: { to: ['b'] }, b: { to: ['c'] }, c: { live: true } }));
    expect(resolver.resolve('a')).toEqual({ endpoints: [{ kind: 'channel', id: 'c' }], chains: [['a', 'b', 'c']], deadEnds: [] });
  });

  it('keeps priority order across branches and URLs, without repeats', () => {
    const resolver = new RedirectResolver(
      graph({
        a: { to: ['b', 'https://www.gov.cn/', 'c'] },
        b: { to: ['d', 'https://www.gov.cn/'] },
        c: { to: ['d'] },
        d: { live: true },
      }),
    );
    const r = resolver.resolve('a');
    expect(r.endpoints).toEqual([
      { kind: 'channel', id: 'd' },
      { kind: 'url', url: 'https://www.gov.cn/' },
    ]);
    expect(r.chains).toEqual([['a', 'b', 'd'], ['a', 'b']]);
  });

  it('reports where chains stop at closed channels with nowhere to go', () => {
    const resolver = new RedirectResolver(graph({ a: { to: ['b', 'c'] }, b: {}, c: { to: ['e'] }, e: {} }));
    expect(resolver.resolve('a')).toEqual({ endpoints: [], chains: [], deadEnds: ['b', 'e'] });
  });

  it('stops at the first live channel even if it has redirects of its own', () => {
    const resolver = new RedirectResolver(graph({ a: { to: ['b'] }, b: { live: true, to: ['c'] }, c: { live: true } }));
    expect(resolver.resolve('a').endpoints).toEqual([{ kind: 'channel', id: 'b' }]);
  });

  it('terminates on cycles and resolves what the cycle can reach outside it', () => {
    const resolver = new RedirectResolver(graph({ a: { to: ['b'] }, b: { to: ['a', 'c'] }, c: { live: true } }));
    expect(resolver.resolve('a').endpoints).toEqual([{ kind: 'channel', id: 'c' }]);
  });

  it('walks a 10,000-hop chain without recursion: within the limit to the live end, beyond it marked too long', () => {
    const spec: Record<string, { live?: boolean; to?: string[] }> = {};
    for (let i = 0; i < 10_000; i++) spec[`n${i}`] = { to: [`n${i + 1}`] };
    spec.n10000 = { live: true };
    const resolver = new RedirectResolver(graph(spec));
    const head = resolver.resolve('n0');
    expect(head).toEqual({ endpoints: [], chains: [], deadEnds: [], tooLong: true });
    const longest = resolver.resolve(`n${10_001 - MAX_REDIRECT_CHAIN}`);
    expect(longest.tooLong).toBeUndefined();
    expect(longest.endpoints).toEqual([{ kind: 'channel', id: 'n10000' }]);
    expect(longest.chains[0]).toHaveLength(MAX_REDIRECT_CHAIN);
    expect(resolver.resolve(`n${10_000 - MAX_REDIRECT_CHAIN}`).tooLong).toBe(true);
  });

  it('still finds a live end by a short route when a longer one is too long', () => {
    const spec: Record<string, { live?: boolean; to?: string[] }> = { a: { to: ['n0', 'https://www.gov.cn/'] } };
    for (let i = 0; i < 500; i++) spec[`n${i}`] = { to: [`n${i + 1}`] };
    spec.n500 = { live: true };
    const r = new RedirectResolver(graph(spec)).resolve('a');
    expect(r).toEqual({ endpoints: [{ kind: 'url', url: 'https://www.gov.cn/' }], chains: [['a']], deadEnds: [], tooLong: true });
  });

  it('handles chains thousands of hops long', () => {
    const spec: Record<string, { live?: boolean; to?: string[] }> = {};
    for (let i = 0; i < 5000; i++) spec[`n${i}`] = { to: [`n${i + 1}`] };
    spec.n5000 = { live: true };
    expect(findCycles(graph(spec))).toEqual([]);
  });
});

describe('finding cycles', () => {
  it('finds each cycle once, starting at its smallest id, in walking order', () => {
    const cycles = findCycles(graph({ c: { to: ['a'] }, a: { to: ['b'] }, b: { to: ['c'] }, x: { to: ['y'] }, y: { to: ['x'] }, z: { to: ['a'] } }));
    expect(cycles).toEqual(expect.arrayContaining([['a', 'b', 'c'], ['x', 'y']]));
    expect(cycles).toHaveLength(2);
  });

  it('ignores loops that pass through a live channel (people stop there)', () => {
    expect(findCycles(graph({ a: { to: ['b'] }, b: { live: true, to: ['a'] } }))).toEqual([]);
  });
});
