/**
 * Reads `astro build`'s log for where the time went: content sync, setup (Vite bundles), the
 * pause before the first page (getStaticPaths; here that is mostly siteData(): validation and
 * the model), page rendering (each page's "(+N ms)" summed by page kind), and the build-done
 * integrations (each logs its own "(N s)"). Also how far a stopped build got.
 *
 * The log's clock has one-second resolution; the per-page "(+N ms)" figures are Astro's own.
 */

export interface AstroLogSummary {
  /** Pages Astro reported as generated (so far, when stopped). */
  readonly pages: number;
  /** The last page it reported. */
  readonly lastPage?: string;
  /** Whether the page phase finished ("✓ Completed in …" after "generating static routes"). */
  readonly pagesDone: boolean;
  /** Seconds by phase, from the log's timestamps (±1 s) and Astro's own figures. */
  readonly phases: {
    readonly contentSyncS?: number;
    /** From the start to "generating static routes" (config, content sync, types, Vite bundles). */
    readonly setupS?: number;
    /** From "generating static routes" to the first page: getStaticPaths of the first routes (siteData()). */
    readonly beforeFirstPageS?: number;
    /** From the first page to the last (Astro's "Completed in" when present). */
    readonly pagesS?: number;
    /** From the end of pages to "page(s) built": the build-done integrations. */
    readonly afterPagesS?: number;
    /** Astro's own total ("N page(s) built in …"). */
    readonly totalS?: number;
  };
  /** Seconds each build-done integration logged for itself, by name. */
  readonly integrations: Readonly<Record<string, number>>;
  /** Pages and summed render milliseconds by page kind. */
  readonly kinds: Readonly<Record<string, { pages: number; ms: number }>>;
}

/** The kind of page an output path is (`channels/x/index.html` → channel), without its language. */
export function pageKind(path: string): string {
  const p = path.replace(/^\/+/, '').replace(/^en\//, '');
  if (p === 'index.html') return 'home';
  if (p === '404.html') return '404';
  const first = p.split('/')[0]!;
  const kinds: Record<string, string> = {
    regions: 'region',
    channels: 'channel',
    notices: 'notice',
    timeline: 'timeline',
    data: 'data',
    changes: 'changes',
    search: 'search',
    verify: 'verify',
  };
  if (first === 'closures') return p === 'closures/index.html' ? 'closures' : p.startsWith('closures/data/') ? 'closures-data' : 'closures-period';
  return kinds[first] ?? 'prose';
}

/** "1m 14s", "981ms", "1.75s", "58s" → seconds. */
export function durationSeconds(text: string): number | undefined {
  let total = 0;
  let matched = false;
  for (const m of text.matchAll(/([\d.]+)\s*(ms|m|s|h)\b/g)) {
    matched = true;
    const n = Number(m[1]);
    total += m[2] === 'ms' ? n / 1000 : m[2] === 's' ? n : m[2] === 'm' ? n * 60 : n * 3600;
  }
  return matched ? total : undefined;
}

const clock = (line: string): number | undefined => {
  const m = /^(\d\d):(\d\d):(\d\d) /.exec(line);
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : undefined;
};

/** Reads the whole log (or as much as there is of it). */
export function summariseAstroLog(log: string): AstroLogSummary {
  const kinds: Record<string, { pages: number; ms: number }> = {};
  const integrations: Record<string, number> = {};
  let pages = 0;
  let lastPage: string | undefined;
  let pagesDone = false;
  let first: number | undefined;
  let routesAt: number | undefined;
  let firstPageAt: number | undefined;
  let lastPageAt: number | undefined;
  let pagesCompletedS: number | undefined;
  let pagesEndAt: number | undefined;
  let builtAt: number | undefined;
  let totalS: number | undefined;
  let syncStart: number | undefined;
  let syncEnd: number | undefined;
  let pendingPage: string | undefined;
  let last: number | undefined;
  const countPage = (path: string, ms: number) => {
    const kind = pageKind(path);
    const k = (kinds[kind] ??= { pages: 0, ms: 0 });
    k.pages++;
    k.ms += ms;
  };
  // Pages' "(+N ms)" can land on the next line when a warning interleaves; hold the path until its time comes.
  for (const line of log.split('\n')) {
    const t = clock(line);
    if (t !== undefined) {
      // Past midnight the clock wraps.
      const at = last !== undefined && t < last - 43_200 ? t + 86_400 : t;
      last = at;
      first ??= at;
    }
    if (/\[content\] Syncing content/.test(line)) syncStart = last;
    else if (/\[content\] Synced content/.test(line)) syncEnd = last;
    else if (/generating static routes/.test(line)) routesAt = last;
    const page = /[├└]─ (\/\S+?\.html)/.exec(line);
    if (page) {
      if (pendingPage) countPage(pendingPage, 0);
      pages++;
      lastPage = page[1]!;
      pendingPage = page[1]!;
      firstPageAt ??= last;
      lastPageAt = last;
    }
    const plus = /\(\+([\d.]+)(ms|s)\)/.exec(line);
    if (plus && pendingPage) {
      countPage(pendingPage, Number(plus[1]) * (plus[2] === 's' ? 1000 : 1));
      pendingPage = undefined;
    }
    const completed = /^\S+ ✓ Completed in (.+?)\.?\s*$/.exec(line);
    if (completed && firstPageAt !== undefined && !pagesDone) {
      pagesDone = true;
      pagesCompletedS = durationSeconds(completed[1]!);
      pagesEndAt = last;
    }
    const integration = /^\S+ \[([\w-]+)\] .*\(([\d.]+) s\)\s*$/.exec(line);
    if (integration && pagesDone) integrations[integration[1]!] = Number(integration[2]);
    const built = /\[build\] (\d+) page\(s\) built in (.+)$/.exec(line);
    if (built) {
      totalS = durationSeconds(built[2]!);
      builtAt = last;
    }
  }
  if (pendingPage) countPage(pendingPage, 0);
  const span = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined ? b - a : undefined);
  return {
    pages,
    lastPage,
    pagesDone,
    phases: {
      contentSyncS: span(syncStart, syncEnd),
      setupS: span(first, routesAt),
      beforeFirstPageS: span(routesAt, firstPageAt),
      pagesS: pagesCompletedS ?? span(firstPageAt, lastPageAt),
      afterPagesS: span(pagesEndAt, builtAt),
      totalS,
    },
    integrations,
    kinds,
  };
}
