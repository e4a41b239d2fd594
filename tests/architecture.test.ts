/**
 * The folders of src/ read top to bottom: each has a layer, and a folder imports only folders
 * of lower layers. So no two folders import each other, siblings (the features on one layer)
 * never import one another, and the graph has no cycles. The graph is computed from the
 * sources with TypeScript's own import scanner: static and type-only imports, `export … from`,
 * side-effect imports and dynamic `import()`, in .ts files and in the frontmatter and scripts
 * of .astro files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/**
 * Every folder of src/ (and file at its top) by layer, lowest first. New folders must be
 * placed here: an unlisted one fails the test.
 */
const LAYERS: readonly (readonly string[])[] = [
  // read, validate, model; and the stylesheets, which import nothing
  ['domain', 'styles'],
  // small shared helpers with one home each: escaping, hashing, CSV cells, addresses, bytes
  // (format); where pages live and the site's settings (routes); build tooling with no
  // knowledge of the registry (build-tools)
  ['format', 'routes', 'build-tools'],
  // the catalogue of the site's words in each language, read by every layer that shows text;
  // above format because it uses format's helpers, and it imports nothing else (ONLY_IMPORTS)
  ['strings'],
  // the channel store that search and verify share; the synthetic dataset generator and the
  // build's cache of derived files, which import only domain and format (ONLY_IMPORTS)
  ['store', 'synth', 'build-cache'],
  // the features, siblings: none imports another
  ['search', 'verify', 'closures', 'charts', 'downloads', 'publish', 'import'],
  // view models and string renderers of the pages
  ['site'],
  ['components'],
  ['layouts'],
  // what Astro runs: the pages, the integrations that write files after them, the collections
  ['pages', 'integrations', 'content.config.ts'],
];

/** Low-level folders that may import these folders and no others. */
const ONLY_IMPORTS: Readonly<Record<string, readonly string[]>> = {
  strings: ['domain', 'format'],
  synth: ['domain', 'format'],
  'build-cache': ['domain', 'format'],
};

const SOURCE = /\.(ts|tsx|mts|js|mjs|astro)$/;

/** The module specifiers a source text imports, from the code of a .ts file or an .astro component. */
function specifiersOf(path: string, text: string): string[] {
  const code = path.endsWith('.astro') ? astroCode(text) : [text];
  return code.flatMap((c) => ts.preProcessFile(c, true, true).importedFiles.map((f) => f.fileName));
}

/** An .astro file's frontmatter and the bodies of its <script> elements. */
function astroCode(text: string): string[] {
  const parts: string[] = [];
  const frontmatter = /^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (frontmatter) parts.push(frontmatter[1]!);
  for (const m of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) parts.push(m[1]!);
  return parts;
}

/** The unit of src/ a path is in: its first folder, or the file itself when at the top. */
function unitOf(pathInSrc: string): string {
  return pathInSrc.split(sep)[0]!;
}

type Graph = Map<string, Map<string, string[]>>;

/** Unit → unit it imports → the imports that make the edge ("search/query.ts: ../store/keys.ts"). */
function folderGraph(files: ReadonlyMap<string, string>): Graph {
  const graph: Graph = new Map();
  for (const [path, text] of files) {
    const from = unitOf(path);
    if (!graph.has(from)) graph.set(from, new Map());
    for (const spec of specifiersOf(path, text)) {
      if (!spec.startsWith('./') && !spec.startsWith('../')) continue; // packages, astro:content
      const target = relative(SRC, resolve(SRC, dirname(path), spec));
      if (target.startsWith('..')) continue; // outside src/
      const to = unitOf(target);
      if (to === from) continue;
      const edges = graph.get(from)!;
      edges.set(to, [...(edges.get(to) ?? []), `${path.split(sep).join('/')}: ${spec}`]);
    }
  }
  return graph;
}

/** Source files under src/, by path relative to it. */
function sourceFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(SRC, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !SOURCE.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(SRC, path), readFileSync(path, 'utf8'));
  }
  return files;
}

const LAYER_OF = new Map(LAYERS.flatMap((units, layer) => units.map((unit) => [unit, layer] as const)));

/** Every import that breaks the layering, as "from → to (layer a → b): where". */
function layeringViolations(graph: Graph): string[] {
  const out: string[] = [];
  for (const [from, edges] of graph) {
    for (const [to, where] of edges) {
      const a = LAYER_OF.get(from);
      const b = LAYER_OF.get(to);
      if (a === undefined || b === undefined) out.push(`${from} → ${to}: not in LAYERS (${where[0]})`);
      else if (b >= a) out.push(`${from} → ${to} (layer ${a} → ${b}, ${b === a ? 'a sibling' : 'a higher layer'}): ${where.join('; ')}`);
      const only = ONLY_IMPORTS[from];
      if (only && !only.includes(to)) out.push(`${from} → ${to}: ${from} may import only ${only.join(', ')} (${where.join('; ')})`);
    }
  }
  return out;
}

/** Pairs of units that import each other. */
function mutualImports(graph: Graph): string[] {
  const out: string[] = [];
  for (const [a, edges] of graph) for (const b of edges.keys()) if (a < b && graph.get(b)?.has(a)) out.push(`${a} ↔ ${b}`);
  return out;
}

/** A cycle among `units` (following only edges inside them), as a path, or undefined. */
function cycleAmong(graph: Graph, units: ReadonlySet<string>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  // The graph has a couple of dozen nodes: recursion depth is bounded by that, not by data.
  const visit = (unit: string): string[] | undefined => {
    if (state.get(unit) === 'open') return [...path.slice(path.indexOf(unit)), unit];
    if (state.get(unit) === 'done') return undefined;
    state.set(unit, 'open');
    path.push(unit);
    for (const next of graph.get(unit)?.keys() ?? []) {
      if (!units.has(next)) continue;
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(unit, 'done');
    return undefined;
  };
  for (const unit of units) {
    const cycle = visit(unit);
    if (cycle) return cycle;
  }
  return undefined;
}

const files = sourceFiles();
const graph = folderGraph(files);

describe('the folders of src/ import only downwards', () => {
  it('sees the real graph (a check of nothing would pass too)', () => {
    expect(files.size).toBeGreaterThan(100);
    expect(graph.get('search')?.has('store')).toBe(true);
    expect(graph.get('verify')?.has('store')).toBe(true);
    expect(graph.get('site')?.has('domain')).toBe(true);
    expect(graph.get('pages')?.has('layouts')).toBe(true);
    // every layer that shows text reads the catalogue
    for (const unit of ['site', 'charts', 'closures', 'search', 'verify', 'downloads']) expect(graph.get(unit)?.has('strings'), unit).toBe(true);
  });

  it('places every folder of src/ in a layer', () => {
    const units = new Set([...files.keys()].map(unitOf));
    expect([...units].filter((u) => !LAYER_OF.has(u))).toEqual([]);
  });

  it('has no import from a folder into its own layer or a higher one', () => {
    expect(layeringViolations(graph)).toEqual([]);
  });

  it('has no two folders importing each other, and no cycle among siblings or at all', () => {
    expect(mutualImports(graph)).toEqual([]);
    for (const siblings of LAYERS) expect(cycleAmong(graph, new Set(siblings)), siblings.join(', ')).toBeUndefined();
    expect(cycleAmong(graph, new Set(graph.keys()))).toBeUndefined();
  });
});

describe('the checker', () => {
  it('reads static, type-only, re-exported, side-effect and dynamic imports, and nothing in comments or strings', () => {
    const text = [
      "import type { A } from './a.ts';",
      "import {\n  B,\n} from '../b.ts';",
      "export * from './c.ts';",
      "export type { D } from './d.ts';",
      "import './e.css';",
      "const f = await import('./f.ts');",
      "// import { g } from './g.ts';",
      "const h = \"import { h } from './h.ts'\";",
    ].join('\n');
    expect(specifiersOf('x/y.ts', text)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.ts', './e.css', './f.ts']);
    const astro = "---\nimport Layout from '../layouts/L.astro';\n---\n<p>don't import './no.ts'</p>\n<script>\n  import '../closures/client.ts';\n</script>";
    expect(specifiersOf('pages/p.astro', astro)).toEqual(['../layouts/L.astro', '../closures/client.ts']);
  });

  it('fails when a feature imports the site or a sibling, or a low-level folder imports more than it may', () => {
    // a small tree that keeps the rules, then one import added to it at a time
    const fine = new Map([
      [join('domain', 'model.ts'), 'export const m = 1;'],
      [join('format', 'hash.ts'), "import type { m } from '../domain/model.ts';"],
      [join('downloads', 'feeds.ts'), "import { fnv1a } from '../format/hash.ts';"],
      [join('site', 'i18n.ts'), "import '../downloads/feeds.ts';"],
    ]);
    expect(layeringViolations(folderGraph(fine))).toEqual([]);
    const added = (path: string, text: string) => layeringViolations(folderGraph(new Map([...fine, [path, text]])));
    expect(added(join('downloads', 'added.ts'), "import { ui } from '../site/i18n.ts';")).toEqual([
      'downloads → site (layer 4 → 5, a higher layer): downloads/added.ts: ../site/i18n.ts',
    ]);
    expect(added(join('search', 'added.ts'), "export type { VerifyManifest } from '../verify/index-format.ts';")).toEqual([
      'search → verify (layer 4 → 4, a sibling): search/added.ts: ../verify/index-format.ts',
    ]);
    expect(added(join('synth', 'added.ts'), "const r = await import('../routes/routes.ts');")).toEqual([
      'synth → routes: synth may import only domain, format (synth/added.ts: ../routes/routes.ts)',
    ]);
    expect(added(join('domain', 'added.ts'), "import type { RecordStore } from '../store/record-store.ts';")).toEqual([
      'domain → store (layer 0 → 3, a higher layer): domain/added.ts: ../store/record-store.ts',
    ]);
    expect(added(join('elsewhere', 'added.ts'), "import '../domain/model.ts';")).toEqual([
      'elsewhere → domain: not in LAYERS (elsewhere/added.ts: ../domain/model.ts)',
    ]);
  });

  it('finds a pair importing each other and a cycle through three', () => {
    const g: Graph = new Map([
      ['a', new Map([['b', ['a.ts: ./b']]])],
      ['b', new Map([['c', ['b.ts: ./c']]])],
      ['c', new Map([['a', ['c.ts: ./a']], ['b', ['c.ts: ./b']]])],
    ]);
    expect(mutualImports(g)).toEqual(['b ↔ c']);
    expect(cycleAmong(g, new Set(['a', 'b', 'c']))).toEqual(['a', 'b', 'c', 'a']);
    expect(cycleAmong(g, new Set(['a', 'b']))).toBeUndefined();
  });
});
