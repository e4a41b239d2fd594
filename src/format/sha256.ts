/**
 * SHA-256 where the build names things by their content (Node only; browser clients use
 * hash.ts). A content-addressed folder of the site (the search index's terms, the channel
 * store) is named by the first 12 hex digits of a SHA-256 over everything that decides its
 * files, so a folder whose name exists holds exactly those files and can be cached for ever.
 */
import { createHash, hash, type Hash } from 'node:crypto';

/** Hex digits of a content version: 48 bits, no clash among a site's few versions. */
const VERSION_DIGITS = 12;

/** Lower-case hex SHA-256 of a text's UTF-8 bytes (what any program can compute again). */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

/** Accumulates what decides a folder's files; `name()` is its version. */
export class ContentVersion {
  private readonly hash: Hash = createHash('sha256');

  add(part: string | Uint8Array): this {
    this.hash.update(part);
    return this;
  }

  /** The version's name (ends the hash: call once). */
  name(): string {
    return this.hash.digest('hex').slice(0, VERSION_DIGITS);
  }
}
