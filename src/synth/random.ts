/**
 * The generator's only source of chance: mulberry32, a tiny seeded PRNG. Every random choice
 * goes through one of these streams, so a seed and a size always give the same dataset, and
 * each output file has its own stream (derived from the seed and the file) so that what one
 * province draws never shifts what another gets.
 */
import { fnv1a } from '../format/hash.ts';

/** Turns a seed string plus labels into a 32-bit stream seed (FNV-1a over the parts' text). */
export function streamSeed(...parts: readonly (string | number)[]): number {
  return fnv1a(parts.join('\u0000'));
}

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One item, with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weightOf: (item: T) => number): T {
    let total = 0;
    for (const item of items) total += weightOf(item);
    let target = this.next() * total;
    for (const item of items) {
      target -= weightOf(item);
      if (target < 0) return item;
    }
    return items[items.length - 1]!;
  }

  /** A choice from a table of [value, weight] pairs. */
  choose<T>(table: readonly (readonly [T, number])[]): T {
    return this.weighted(table, (entry) => entry[1])[0];
  }

  /** Up to `count` distinct items, each draw proportional to weight among those left. */
  sample<T>(items: readonly T[], count: number, weightOf: (item: T) => number): T[] {
    const left = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && left.length > 0) {
      const item = this.weighted(left, weightOf);
      chosen.push(item);
      left.splice(left.indexOf(item), 1);
    }
    return chosen;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Lowercase hex digits. */
  hex(length: number): string {
    let s = '';
    for (let i = 0; i < length; i++) s += HEX[Math.floor(this.next() * 16)];
    return s;
  }

  /** Decimal digits, the first never 0. */
  digits(length: number): string {
    let s = String(this.int(1, 9));
    for (let i = 1; i < length; i++) s += String(Math.floor(this.next() * 10));
    return s;
  }
}

const HEX = '0123456789abcdef';
