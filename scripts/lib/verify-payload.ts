/**
 * What a verify lookup downloads: an address or handle run through src/verify's own
 * normalisation and lookup (VerifyIndex) against a written index, counting every file fetched
 * from a cold cache (manifest, key shards, the shared record files). Shared by
 * `npm run bench:verify` and `npm run bench`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { VerifyManifest } from '../../src/verify/index-format.ts';
import { VerifyIndex } from '../../src/verify/lookup.ts';

/** Every lookup must download less than this (uncompressed). */
export const VERIFY_BUDGET_BYTES = 300 * 1024;

export interface LookupPayload {
  readonly bytes: number;
  readonly gzip: number;
  readonly files: number;
  readonly answer: string;
}

/**
 * Looks `input` up from a cold cache. `versionDir` is the index's version folder
 * (verify/<version>/), beside the manifest; files are read by their paths relative to the
 * manifest's folder (the records are in ../search/records/).
 */
export async function measureLookup(manifest: VerifyManifest, manifestBytes: Uint8Array, versionDir: string, input: string): Promise<LookupPayload> {
  const verifyDir = dirname(versionDir);
  let bytes = manifestBytes.length;
  let gzip = gzipSync(manifestBytes).length;
  let files = 1;
  const index = new VerifyIndex(manifest, async (path) => {
    const data = new Uint8Array(readFileSync(join(verifyDir, path)));
    bytes += data.length;
    gzip += gzipSync(data).length;
    files++;
    return data;
  });
  const answer = await index.lookup(input);
  return { bytes, gzip, files, answer: answer.kind === 'found' ? `${answer.matches.length} found` : answer.kind };
}

/** Inputs a citizen would paste: channels' addresses (as a phone shares them) and handles, and two unknown ones. */
export function lookupInputs(channels: readonly { url?: string; handle?: string; platform: string }[]): [string, string][] {
  const inputs: [string, string][] = [];
  for (const c of channels) {
    if (c.url) inputs.push([c.url.replace(/^https:\/\//, 'http://m.'), `address (${c.platform})`]);
    if (c.handle) inputs.push([`@${c.handle}`, `handle (${c.platform})`]);
  }
  inputs.push(['https://weibo.com/u/1', 'unknown address'], ['nobody-at-all', 'unknown handle']);
  return inputs;
}
