/**
 * Which prose pages exist, from the files of the `pages` collection: content/pages/x.mdx is
 * the Chinese page at /x/ and x.en.mdx the English one at /en/x/. The collection's own ids
 * cannot tell the two apart (the slugger drops the dot in "about.en"), so the file name is
 * the authority.
 */
import type { Lang } from './i18n.ts';

export interface ProseRoute {
  readonly slug: string;
  readonly lang: Lang;
}

const PROSE_FILE = /(?:^|[\\/])([a-z0-9][a-z0-9-]*?)(\.en)?\.mdx$/;

/** The route of a prose file, or undefined when its name is not a page slug. */
export function proseRoute(filePath: string): ProseRoute | undefined {
  const match = PROSE_FILE.exec(filePath);
  if (!match) return undefined;
  return { slug: match[1]!, lang: match[2] ? 'en' : 'zh' };
}

/** The prose pages that exist, asked by slug and language. */
export class ProseIndex {
  private readonly available: ReadonlySet<string>;

  constructor(routes: Iterable<ProseRoute | undefined>) {
    const keys = new Set<string>();
    for (const r of routes) if (r) keys.add(`${r.lang}:${r.slug}`);
    this.available = keys;
  }

  static fromFiles(filePaths: Iterable<string | undefined>): ProseIndex {
    return new ProseIndex([...filePaths].map((p) => (p ? proseRoute(p) : undefined)));
  }

  has(slug: string, lang: Lang): boolean {
    return this.available.has(`${lang}:${slug}`);
  }
}

let shared: Promise<ProseIndex> | undefined;

/**
 * One index per build, however many pages ask: `listFiles` (the pages collection's file
 * paths, from the caller, so this module stays free of the site generator) runs once.
 * (In the dev server a prose page added after start-up reaches the navigation on restart.)
 */
export function sharedProseIndex(listFiles: () => Promise<Iterable<string | undefined>>): Promise<ProseIndex> {
  shared ??= listFiles().then((files) => ProseIndex.fromFiles(files));
  return shared;
}
