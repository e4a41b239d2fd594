/**
 * What a built site publishes: total bytes and files, the largest file, the heaviest HTML page
 * of each kind (raw and gzipped), and what a page costs a first-time visitor — its HTML plus
 * the same-site stylesheets, scripts (and their static imports), images and icons it
 * references, plus the JSON a script fetches on load (`data-manifest`), all gzipped as a
 * compressing server would send them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pageKind } from './astro-log.ts';

export interface HeaviestPage {
  readonly path: string;
  readonly bytes: number;
  readonly gzip: number;
}

export interface OutputSummary {
  readonly bytes: number;
  readonly files: number;
  readonly largest: { path: string; bytes: number };
  /** Bytes and files by part of the site (both languages together): where the budget goes. */
  readonly areas: Readonly<Record<string, { bytes: number; files: number }>>;
  /** HTML pages by kind. */
  readonly htmlPages: Readonly<Record<string, number>>;
  /** The heaviest page of each kind, by raw bytes. */
  readonly heaviest: Readonly<Record<string, HeaviestPage>>;
}

const gz = (data: Uint8Array | string) => gzipSync(data, { level: 6 }).length;

/** Walks the output once; gzips only the heaviest page of each kind. */
export function summariseOutput(dir: string): OutputSummary {
  let bytes = 0;
  let files = 0;
  let largest = { path: '', bytes: 0 };
  const htmlPages: Record<string, number> = {};
  const areas: Record<string, { bytes: number; files: number }> = {};
  const heaviestRaw: Record<string, { path: string; bytes: number }> = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        walk(rel);
        continue;
      }
      const size = statSync(join(dir, rel)).size;
      bytes += size;
      files++;
      if (size > largest.bytes) largest = { path: rel, bytes: size };
      const area = (areas[outputArea(rel)] ??= { bytes: 0, files: 0 });
      area.bytes += size;
      area.files++;
      if (rel.endsWith('.html')) {
        const kind = pageKind(rel);
        htmlPages[kind] = (htmlPages[kind] ?? 0) + 1;
        if (size > (heaviestRaw[kind]?.bytes ?? -1)) heaviestRaw[kind] = { path: rel, bytes: size };
      }
    }
  };
  walk('');
  const heaviest: Record<string, HeaviestPage> = {};
  for (const [kind, page] of Object.entries(heaviestRaw)) heaviest[kind] = { ...page, gzip: gz(readFileSync(join(dir, page.path))) };
  return { bytes, files, largest, areas, heaviest, htmlPages };
}

/**
 * The part of the site a file belongs to: its first folder, the same for both languages
 * ("en/regions/1/index.html" and "regions/1/index.html" are both "regions"); files at the
 * top (home page, feeds, 404) are "other". The Parquet files are a part of their own
 * ("parquet"), apart from the CSV downloads beside them, to show what they cost.
 */
export function outputArea(rel: string): string {
  if (rel.endsWith('.parquet')) return 'parquet';
  const parts = rel.replace(/^en\//, '').split('/');
  return parts.length > 1 ? parts[0]! : 'other';
}

export interface Transfer {
  readonly page: string;
  /** Each file fetched, with raw and gzipped bytes. */
  readonly files: readonly { path: string; bytes: number; gzip: number }[];
  readonly bytes: number;
  readonly gzip: number;
}

/**
 * What loading `page` (a path in the output, e.g. `index.html`) transfers with an empty
 * cache and JavaScript on, before the visitor does anything. `base` is the site's base path.
 */
export function pageTransfer(dir: string, page: string, base = '/'): Transfer {
  const seen = new Set<string>();
  const files: { path: string; bytes: number; gzip: number }[] = [];
  const local = (url: string, from: string): string | undefined => {
    if (/^(?:[a-z]+:)?\/\//i.test(url) || url.startsWith('data:') || url.startsWith('#')) return undefined;
    const clean = url.split(/[?#]/)[0]!;
    const path = clean.startsWith('/') ? clean.slice(base.length) : posix.join(posix.dirname(from), clean);
    return path.endsWith('/') ? `${path}index.html` : path;
  };
  const add = (path: string | undefined) => {
    if (!path || seen.has(path) || !existsSync(join(dir, path))) return;
    seen.add(path);
    const data = readFileSync(join(dir, path));
    files.push({ path, bytes: data.length, gzip: gz(data) });
    const text = path.endsWith('.html') || path.endsWith('.js') ? data.toString('utf8') : '';
    if (path.endsWith('.html')) {
      for (const m of text.matchAll(/<link\b[^>]*>/g)) {
        const rel = /\brel="([^"]*)"/.exec(m[0])?.[1] ?? '';
        const href = /\bhref="([^"]*)"/.exec(m[0])?.[1];
        if (href && /\b(stylesheet|icon|modulepreload|preload)\b/.test(rel)) add(local(href, path));
      }
      for (const m of text.matchAll(/<(?:script|img)\b[^>]*\bsrc="([^"]*)"/g)) add(local(m[1]!, path));
      for (const m of text.matchAll(/\bdata-manifest="([^"]*)"/g)) add(local(m[1]!.replace(/&amp;/g, '&'), path));
    } else if (path.endsWith('.js')) {
      for (const m of text.matchAll(/(?:\bimport|\bfrom)\s*["']([^"']+\.js)["']/g)) add(local(m[1]!, path));
    }
  };
  add(page);
  return {
    page,
    files,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    gzip: files.reduce((n, f) => n + f.gzip, 0),
  };
}
