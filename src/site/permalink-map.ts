/**
 * Where the permalinks that are not pages lead: /channels/<id>/ (a channel is an entry on
 * its region's page) and /regions/<township>/ (a township is a section of its county's page).
 *
 * A forwarding page per permalink was measured at national scale: 1.08 million files, 290 MB
 * and close to three minutes of writing — most of the host's 1 GB and of the 5-minute build.
 * Instead the host's not-found page (404.html, served for every missing address) resolves them:
 * its small script reads the address, fetches the one shard of this map that can hold it
 * (a few kilobytes, chosen by a hash of the key) and replaces the location with the entry or
 * section. The map is the same for both languages.
 */
import type { Registry } from '../domain/model.ts';
import { kindOfCode } from '../domain/regions.ts';

import { permalinkShard } from './permalink-address.ts';

export { PERMALINK_DIR, PERMALINK_SHARDS, shardFile } from './permalink-address.ts';

/**
 * Keys: a channel id, or "r" + a township code. Values: the code of the page to go to.
 * Shards have no prototype, so a key is only ever a key (a channel may be called "constructor").
 */
export function permalinkMap(registry: Registry): Map<number, Record<string, string>> {
  const shards = new Map<number, Record<string, string>>();
  const put = (key: string, pageCode: string) => {
    const n = permalinkShard(key);
    let shard = shards.get(n);
    if (!shard) shards.set(n, (shard = Object.create(null) as Record<string, string>));
    shard[key] = pageCode;
  };
  for (const c of registry.channels) put(c.id, registry.pageOf(c.region));
  for (const code of registry.regions.codes()) {
    // decided from the code's shape first: looking up 41,000 townships costs time
    if (kindOfCode(code) === 'township' && registry.countsIn(code).total > 0) put(`r${code}`, registry.pageOf(code));
  }
  return shards;
}

