/**
 * Whether an account is already known: the same platform and handle, or the same name, body
 * and platform, in the registry or earlier in the same list. Names are compared without
 * full-width forms, spaces or case; handles without case (WeChat ids and Weibo names ignore it).
 */
import type { Platform } from '../domain/vocabulary.ts';

export interface AccountKey {
  readonly platform: Platform;
  readonly name: string;
  readonly agency: string;
  readonly handle?: string;
}

const norm = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

function keysOf(a: AccountKey): string[] {
  const keys = [`n\u0000${a.platform}\u0000${norm(a.name)}\u0000${norm(a.agency)}`];
  if (a.handle) keys.push(`h\u0000${a.platform}\u0000${norm(a.handle)}`);
  return keys;
}

/** An account's lookup keys, made once and used for every index it is looked up in or added to. */
export function accountKeys(account: AccountKey): readonly string[] {
  return keysOf(account);
}

/** Accounts by their keys; the first one added under a key is the one found. */
export class AccountIndex<T> {
  private readonly byKey = new Map<string, T>();

  add(keys: readonly string[], value: T): void {
    for (const key of keys) if (!this.byKey.has(key)) this.byKey.set(key, value);
  }

  /** The account under the handle's key first, then under the name's. */
  find(keys: readonly string[]): T | undefined {
    for (let i = keys.length - 1; i >= 0; i--) {
      const found = this.byKey.get(keys[i]!);
      if (found !== undefined) return found;
    }
    return undefined;
  }
}

export interface Difference {
  readonly column: string;
  readonly list: string;
  readonly registry: string;
}

/** Columns where the list says something the registry row does not (an empty list cell says nothing). */
export function differences(list: Readonly<Record<string, string | undefined>>, registry: Readonly<Record<string, string | undefined>>, columns: readonly string[]): Difference[] {
  const found: Difference[] = [];
  for (const column of columns) {
    const a = list[column] ?? '';
    const b = registry[column] ?? '';
    if (a !== '' && norm(a) !== norm(b)) found.push({ column, list: a, registry: b });
  }
  return found;
}
