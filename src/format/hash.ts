/**
 * The non-cryptographic hashes that the build and the browser clients must compute alike:
 * plain arithmetic over UTF-16 code units (no Node or Web API), the same in Node and every
 * browser. They pick the shards of the search terms, of the channel store's keys and of the
 * permalink map, so changing either one moves every published file; the synthetic generator
 * seeds its streams with fnv1a too.
 */

/** 32-bit FNV-1a over the text's UTF-16 code units: tiny and stable. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A 53-bit hash (cyrb53: two 32-bit multiply-xor lanes, mixed at the end), independent of
 * fnv1a. Index files store a token's or key's hash instead of its text: the shard is chosen
 * with fnv1a, and within the shard the entry is told apart by the low bits of this one.
 */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
