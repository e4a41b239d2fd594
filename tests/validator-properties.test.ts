/**
 * The validator's two promises, tested on inputs no one wrote by hand: valid channel files and
 * notices are generated, then mutated at random (quotes, commas, line breaks, controls,
 * invisible characters, Markdown and HTML, YAML nesting and aliases, lines duplicated or
 * dropped, bytes cut mid-character), and every sample must
 * - be validated without an exception, within a loose time bound;
 * - have each problem on one line, at a line and column that exist in its file;
 * - lose no row: every line that starts one of the original rows is loaded as a channel or is
 *   named by an error (see expectEveryRowAccounted for the exact rule), each loaded channel is
 *   the row its line starts, and no more rows read go unloaded than the errors explain;
 * - render, for a notice, only plain allowed markup, whatever its body holds.
 * Seeds are fixed, so CI and every machine run the same samples; a failure prints the smallest
 * input fast-check could shrink it to.
 */
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { parseFragment } from 'parse5';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv, type ColumnSpec } from '../src/domain/csv.ts';
import { DiagnosticList, formatDiagnostic, type Diagnostic } from '../src/domain/diagnostics.ts';
import type { ErrorCode } from '../src/domain/error-codes.ts';
import { loadDataset, type ChannelRecord } from '../src/domain/load.ts';
import { markdownLimitExceeded } from '../src/domain/markdown-limits.ts';
import type { RegionEntry } from '../src/domain/regions.ts';
import { validateDataset } from '../src/domain/validate.ts';
import { PLATFORMS } from '../src/domain/vocabulary.ts';
import { noticeBodyHtml } from '../src/site/render/notice-body-html.ts';
import { CHANNEL_HEADER, channelRow, SOURCES_CSV, TODAY } from './helpers/dataset.ts';

const SEED = 20261203;
/** Per property: enough to meet each kind of mutation many times, little enough for ~20 s in all. */
const RUNS = 300;
const SAMPLE_LIMIT_MS = 5000;
/** Each property takes a few seconds; the limit only stops a hung run on a busy machine. */
const PROPERTY_TIMEOUT_MS = 120_000;

/** The few divisions the samples use: the built-in 45,000 would make each sample cost 0.2 s. */
const REGIONS: readonly RegionEntry[] = [
  { code: '100000', name: '全国' },
  { code: '370000', name: '山东省', parent: '100000' },
  { code: '371000', name: '威海市', parent: '370000' },
  { code: '371082', name: '荣成市', parent: '371000' },
];

// one dataset folder, its files rewritten for each sample
const root = mkdtempSync(join(tmpdir(), 'registry-properties-'));
const paths = { dataDir: join(root, 'data'), contentDir: join(root, 'content') };
const CHANNEL_FILE = join(paths.dataDir, 'channels', 'test.csv');
const SOURCES_FILE = join(paths.dataDir, 'sources.csv');
const NOTICE_SLUG = 'rc-notice';
const NOTICE_FILE = join(paths.contentDir, 'notices', `${NOTICE_SLUG}.md`);
mkdirSync(join(paths.dataDir, 'channels'), { recursive: true });
mkdirSync(join(paths.contentDir, 'notices'), { recursive: true });
writeFileSync(SOURCES_FILE, SOURCES_CSV);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes the sample's files and validates the folder as the CLI does. */
function validate(channelBytes: Uint8Array, noticeBytes?: Uint8Array) {
  writeFileSync(CHANNEL_FILE, channelBytes);
  if (noticeBytes) writeFileSync(NOTICE_FILE, noticeBytes);
  else rmSync(NOTICE_FILE, { force: true });
  const diagnostics = new DiagnosticList();
  const started = performance.now();
  const loaded = loadDataset(paths, diagnostics);
  const dataset = validateDataset(loaded, { today: TODAY, builtinRegions: REGIONS }, diagnostics);
  const ms = performance.now() - started;
  expect(ms).toBeLessThan(SAMPLE_LIMIT_MS);
  return { diagnostics, dataset };
}

/** A file's lines as an editor shows them: "\r\n", "\n" and a lone "\r" each end one; a BOM is not text. */
function editorLines(bytes: Uint8Array): string[] {
  return new TextDecoder('utf-8').decode(bytes).split(/\r\n|\r|\n/);
}

/** Every problem on one line, at a line and column of its file. */
function expectWellPlaced(diagnostics: readonly Diagnostic[], files: ReadonlyMap<string, readonly string[]>): void {
  for (const d of diagnostics) {
    const shown = formatDiagnostic(d);
    expect(shown).not.toMatch(/[\r\n]/);
    const lines = files.get(d.file);
    if (!lines) {
      // a folder's problem (a missing or unexpected file)
      expect([d.line, d.col], shown).toEqual([1, 1]);
      continue;
    }
    expect(d.line, shown).toBeGreaterThanOrEqual(1);
    expect(d.line, shown).toBeLessThanOrEqual(lines.length);
    expect(d.col, shown).toBeGreaterThanOrEqual(1);
    expect(d.col, shown).toBeLessThanOrEqual(lines[d.line - 1]!.length + 1);
  }
}

// ---------------------------------------------------------------------------------------------
// Generated valid input

const CHINESE = [...'荣成市公安局微博政务新媒体账号关停迁移公告通知说明市民请关注交通警察'];
/** Text of names: Chinese with the characters CSV must quote. */
const nameText = fc.string({ unit: fc.constantFrom(...CHINESE, ' ', '·', ',', '"'), minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '');
/**
 * Text of notes: Chinese, commas, quotes and every kind of line break. No ASCII letter or
 * digit, so no line of a note can look like the start of a row (a row starts with its id).
 */
const notesText = fc.string({ unit: fc.constantFrom(...CHINESE, ' ', ',', '"', '，', '。', '\n', '\r\n', '\r'), maxLength: 40 });

interface GeneratedFile {
  readonly text: string;
  readonly ids: readonly string[];
  /** The line each row starts on. */
  readonly lines: readonly number[];
}

/** A valid channel file: 1–8 rows with unique ids, LF, CRLF or CR line ends, maybe a BOM. */
const channelFile: fc.Arbitrary<GeneratedFile> = fc
  .record({
    rows: fc.array(
      fc.record({
        suffix: fc.stringMatching(/^[a-z0-9]{1,6}$/),
        name: nameText,
        notes: notesText,
        platform: fc.constantFrom(...PLATFORMS),
        followers: fc.option(fc.nat({ max: 10_000_000 }).map(String), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    bom: fc.boolean(),
    finalEol: fc.boolean(),
  })
  .map(({ rows, eol, bom, finalEol }) => {
    const ids = rows.map((r, i) => `r${i}-${r.suffix}`);
    const texts = rows.map((r, i) => channelRow({ id: ids[i]!, name: r.name, notes: r.notes, platform: r.platform, ...(r.followers ? { followers: r.followers } : {}) }));
    const lines: number[] = [];
    let line = 2;
    for (const t of texts) {
      lines.push(line);
      line += 1 + (t.match(/\r\n|\r|\n/g)?.length ?? 0);
    }
    const text = `${bom ? '\ufeff' : ''}${[CHANNEL_HEADER, ...texts].join(eol)}${finalEol ? eol : ''}`;
    return { text, ids, lines };
  });

const CHANNEL_FOR_NOTICE = 'rc-police';
/** The channel a notice closes, naming the notice back. */
const NOTICE_CHANNELS = `${CHANNEL_HEADER}\n${channelRow({ id: CHANNEL_FOR_NOTICE, name: '荣成公安', status: 'closed', closed: '2024-04', reason: 'discontinued', notice: NOTICE_SLUG })}\n`;

/** A valid notice for the channel CHANNEL_FOR_NOTICE: frontmatter and a CommonMark body. */
const inlineText = fc.string({ unit: fc.constantFrom(...CHINESE, ' ', '，'), minLength: 1, maxLength: 10 }).filter((s) => s.trim() !== '');
const inline = fc.oneof(
  inlineText,
  inlineText.map((t) => `**${t.trim()}**`),
  inlineText.map((t) => `*${t.trim()}*`),
  inlineText.map((t) => `\`${t}\``),
  fc.tuple(inlineText, fc.stringMatching(/^[a-z0-9]{1,8}$/)).map(([t, path]) => `[${t.trim()}](https://www.gov.cn/${path})`),
  fc.constant('<https://www.rongcheng.gov.cn/>'),
);
const inlines = fc.array(inline, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' '));
const block = fc.oneof(
  inlines,
  inlines.map((t) => `## ${t}`),
  fc.array(inlines, { minLength: 1, maxLength: 4 }).map((items) => items.map((t) => `- ${t}`).join('\n')),
  fc.array(inlines, { minLength: 1, maxLength: 4 }).map((items) => items.map((t, i) => `${i + 1}. ${t}`).join('\n')),
  inlines.map((t) => `> ${t}`),
  inlineText.map((t) => `\`\`\`\n${t}\n\`\`\``),
  fc.constant('***'),
);
const noticeFile: fc.Arbitrary<string> = fc
  .record({
    title: inlineText,
    announced: fc.constantFrom('2024', '2024-08', '2024-08-14'),
    kind: fc.constantFrom('text', 'summary'),
    blocks: fc.array(block, { minLength: 1, maxLength: 6 }),
    eol: fc.constantFrom('\n', '\r\n'),
  })
  .map(({ title, announced, kind, blocks, eol }) =>
    [
      '---',
      `title: ${JSON.stringify(title)}`,
      'channels:',
      `  - ${CHANNEL_FOR_NOTICE}`,
      `announced: "${announced}"`,
      'issuer: 荣成市公安局',
      'source:',
      '  - cd-2024-08-28',
      'lang: zh',
      `kind: ${kind}`,
      '---',
      '',
      blocks.join('\n\n'),
      '',
    ].join(eol),
  );

// ---------------------------------------------------------------------------------------------
// Mutations

type Mutation =
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'replace'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'duplicateLine'; readonly line: number }
  | { readonly kind: 'dropLine'; readonly line: number };

type ByteMutation = { readonly kind: 'truncate'; readonly at: number } | { readonly kind: 'insertByte'; readonly at: number; readonly byte: number };

/** What CSV and Markdown read specially, and what hides or breaks text. */
const HOSTILE = [
  '"', '""', ',', ','.repeat(21), '\n', '\r', '\r\n', '\t', ' ', '\0', '\x01', '\x08', '\x0b', '\x1b', '\x7f', '\x85',
  '\u200b', '\u200e', '\u202e', '\u2028', '\ufeff', '\ud800', '\udc00', '😀', '荣', '---', '<', '>', '`', '```', '[', ']', '](javascript:',
  '*', '_', '#', '- ', '> ', '\\', '&', 'r0-',
];

/** What tries to make a notice page run or load something, or the YAML reader blow up. */
const HOSTILE_NOTICE = [
  ...HOSTILE,
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<iframe src="https://evil.example/"></iframe>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">', '<a href="javascript:alert(1)">x</a>',
  '<svg onload=alert(1)>', '<style>body{display:none}</style>', '<!-- x -->', '<https://evil.example/>', '<javascript:alert(1)>',
  '[x](javascript:alert(1))', '[x](JaVaScRiPt:alert(1))', '[x](  javascript:alert(1) "t")', '[x](data:text/html;base64,PHNjcmlwdD4=)',
  '[x](vbscript:msgbox(1))', '[x](//evil.example/)', '![p](https://evil.example/p.png)', '![p](javascript:alert(1))',
  '[r]', '![r]', '\n[r]: javascript:alert(1)\n', '\n[r]: https://evil.example/p.png\n', '&#x6A;avascript:', '&lt;script&gt;',
  '\n---\n', '\n\n', '    ', '1. ', '=\n', '~~~',
  // YAML: anchors and aliases, tags, deep nesting
  'a: &x [1]\nb: *x\n', '&a [*a]', '<<: *a', '!!js/function "f"', '!!binary x', '? ', '{', '}',
  '['.repeat(3000), '{a: '.repeat(1000), '- '.repeat(2000), Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'),
];

const mutation = (specials: readonly string[]): fc.Arbitrary<Mutation> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...specials) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: fc.constantFrom(...specials) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicateLine' as const), line: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('dropLine' as const), line: fc.nat() }) },
  );

const byteMutations: fc.Arbitrary<readonly ByteMutation[]> = fc.oneof(
  { weight: 4, arbitrary: fc.constant([]) },
  {
    weight: 1,
    arbitrary: fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
        fc.record({ kind: fc.constant('insertByte' as const), at: fc.nat(), byte: fc.constantFrom(0x80, 0xbf, 0xc0, 0xe8, 0xed, 0xf0, 0xf5, 0xff, 0x00, 0x0d) }),
      ),
      { minLength: 1, maxLength: 2 },
    ),
  },
);

const mutations = (specials: readonly string[]) => fc.record({ text: fc.array(mutation(specials), { minLength: 1, maxLength: 4 }), bytes: byteMutations });

/** Lines with their line breaks, so that dropping or repeating one keeps the rest as they were. */
const LINE = /[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g;

function mutateText(text: string, all: readonly Mutation[]): string {
  let out = text;
  for (const m of all) {
    if (m.kind === 'insert' || m.kind === 'replace' || m.kind === 'delete') {
      const at = m.at % (out.length + 1);
      const removed = m.kind === 'insert' ? 0 : m.kind === 'replace' ? 1 : m.length;
      out = out.slice(0, at) + (m.kind === 'delete' ? '' : m.text) + out.slice(at + removed);
    } else {
      const lines = out.match(LINE) ?? [];
      if (lines.length === 0) continue;
      const i = m.line % lines.length;
      if (m.kind === 'dropLine') lines.splice(i, 1);
      else lines.splice(i, 0, /[\r\n]$/.test(lines[i]!) ? lines[i]! : `${lines[i]}\n`);
      out = lines.join('');
    }
  }
  return out;
}

/** UTF-8 bytes of the text (a lone surrogate becomes U+FFFD), then cut or given stray bytes. */
function mutateBytes(text: string, all: readonly ByteMutation[]): Uint8Array {
  let bytes: Uint8Array = new TextEncoder().encode(text);
  for (const m of all) {
    const at = m.at % (bytes.length + 1);
    if (m.kind === 'truncate') bytes = bytes.slice(0, at);
    else bytes = Uint8Array.from([...bytes.subarray(0, at), m.byte, ...bytes.subarray(at)]);
  }
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// Channel files

/** Problems after which no row of the file is read, each saying so. */
const WHOLE_FILE: ReadonlySet<ErrorCode> = new Set(['FILE_ENCODING', 'HEADER_EMPTY', 'HEADER_MISSING_COLUMN', 'HEADER_UNKNOWN_COLUMN', 'HEADER_DUPLICATE_COLUMN']);

/** Lines an error names as a range: "lines X–Y could not be read", "so lines X–Y were read as one row". */
function linesNamed(d: Diagnostic): [number, number] | undefined {
  const range = /lines (\d+)–(\d+)/.exec(d.message);
  return range ? [Number(range[1]), Number(range[2])] : undefined;
}

/**
 * Every line of the file that begins with an original row's id and a comma (a row start) is
 * accounted for: it is the first line of a loaded channel; or an error names it, at that line,
 * in a range of lines, or on a later line before the next row start (a row that runs over
 * several lines is reported at its bad cell, which may be on one of its later lines); or the
 * file has an error that says none of its rows were read. A row cannot vanish without a word.
 *
 * One exception, which is CSV's own reading and no loss: a line inside a loaded channel's
 * quoted notes that has fewer cells than a row is text of the note. (A row whose line lost
 * cells and whose quote was closed late, two faults at once, reads exactly like a note that
 * mentions an id: nothing can tell them apart. A line with a row's cells is a swallowed row,
 * CSV_SWALLOWED_ROW, and must be named.)
 */
function expectEveryRowAccounted(lines: readonly string[], ids: readonly string[], errors: readonly Diagnostic[], channels: readonly ChannelRecord[]): void {
  if (errors.some((d) => WHOLE_FILE.has(d.code))) return;
  const loadedLines = new Set(channels.map((c) => c.from.line));
  const ranges = errors.map(linesNamed).filter((r) => r !== undefined);
  const idSet = new Set(ids);
  const rowStarts = lines.flatMap((text, i) => (idSet.has(text.slice(0, text.indexOf(','))) ? [i + 1] : []));
  const starts = [...new Set([...rowStarts, ...loadedLines])].sort((a, b) => a - b);
  const columns = CHANNEL_HEADER.split(',').length;
  for (const line of rowStarts) {
    if (loadedLines.has(line) || ranges.some(([a, b]) => a <= line && line <= b)) continue;
    const next = starts.find((s) => s > line) ?? lines.length + 1;
    if (errors.some((d) => d.line >= line && d.line < next)) continue;
    const text = lines[line - 1]!;
    const noteText = text.split('"')[0]!;
    if (text.split(',').length < columns && channels.some((c) => c.notes?.includes(noteText))) continue;
    expect.fail(`line ${line} starts a row (${JSON.stringify(text)}) but is neither loaded nor named by an error`);
  }
}

/** Each loaded channel is the row its line starts: its id opens that line (after spaces or a quote). */
function expectLoadedWhereTheySay(lines: readonly string[], channels: readonly ChannelRecord[]): void {
  for (const c of channels) {
    expect(c.from.file).toBe(CHANNEL_FILE);
    const text = lines[c.from.line - 1] ?? '';
    expect(text.replace(/^[\s"]*/, '').startsWith(c.id), `${c.id} from line ${c.from.line}: ${JSON.stringify(text)}`).toBe(true);
  }
}

/**
 * Rows read and rows loaded agree: with no error in the file every row read is loaded, and
 * the rows not loaded are no more than the errors that explain them (a swallowed-row error
 * explains its own row and each row it names).
 */
function expectCountsAgree(rowsRead: number, channels: readonly ChannelRecord[], rejectedIds: ReadonlySet<string>, errors: readonly Diagnostic[]): void {
  const read = rowsRead - 1; // the one row of sources.csv
  expect(channels.length + rejectedIds.size).toBeLessThanOrEqual(read);
  if (errors.length === 0) expect(channels.length).toBe(read);
  let explained = 0;
  for (const d of errors) {
    const swallowed = d.code === 'CSV_SWALLOWED_ROW' ? /and (\d+) more line/.exec(d.message) : null;
    explained += d.code === 'CSV_SWALLOWED_ROW' ? 2 + Number(swallowed?.[1] ?? 0) : 1;
  }
  expect(read - channels.length).toBeLessThanOrEqual(explained);
}

describe('channel files', () => {
  it('generated valid files load every row at its line, with no problem', () => {
    fc.assert(
      fc.property(channelFile, (file) => {
        const { diagnostics, dataset } = validate(new TextEncoder().encode(file.text));
        expect(diagnostics.items.map(formatDiagnostic)).toEqual([]);
        expect(dataset.loaded.channels.map((c) => [c.id, c.from.line])).toEqual(file.ids.map((id, i) => [id, file.lines[i]]));
      }),
      { seed: SEED, numRuns: RUNS / 3 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('mutated files: never a throw, every problem on one line inside the file, no row lost', () => {
    fc.assert(
      fc.property(channelFile, mutations(HOSTILE), (file, m) => {
        const bytes = mutateBytes(mutateText(file.text, m.text), m.bytes);
        const { diagnostics, dataset } = validate(bytes);
        const lines = editorLines(bytes);
        expectWellPlaced(diagnostics.items, new Map([[CHANNEL_FILE, lines], [SOURCES_FILE, SOURCES_CSV.split('\n')]]));
        const errors = diagnostics.items.filter((d) => d.file === CHANNEL_FILE && d.severity === 'error');
        const { channels, rowsRead, rejectedChannelIds } = dataset.loaded;
        expectEveryRowAccounted(lines, file.ids, errors, channels);
        expectLoadedWhereTheySay(lines, channels);
        expectCountsAgree(rowsRead, channels, rejectedChannelIds, errors);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT_MS);
});

// ---------------------------------------------------------------------------------------------
// Notices

const ALLOWED_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  p: [], em: [], strong: [], code: [], pre: [], blockquote: [], ul: [], ol: ['start'], li: [], hr: [], br: [], h2: [], h3: [], h4: [], a: ['href'],
};

interface HtmlNode {
  readonly nodeName: string;
  readonly tagName?: string;
  readonly attrs?: readonly { readonly name: string; readonly value: string }[];
  readonly childNodes?: readonly HtmlNode[];
}

/**
 * The HTML, read by a browser's parser (parse5), holds only the renderer's plain elements; the
 * only attributes are a list's start and a link's href, and every href is http(s). So no
 * script, meta, iframe, image, style or event handler, and no javascript:, data: or vbscript:
 * address, can be in it.
 */
function expectInertHtml(html: string): void {
  expect(html).not.toMatch(/<(script|meta|iframe|img|svg|style|link|object|embed|base|form)\b/i);
  const stack: HtmlNode[] = [parseFragment(html) as HtmlNode];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.tagName !== undefined) {
      const allowed = ALLOWED_ELEMENTS[node.tagName];
      expect(allowed, `<${node.tagName}> in ${html}`).toBeDefined();
      for (const attr of node.attrs ?? []) {
        expect(allowed, `${attr.name} on <${node.tagName}> in ${html}`).toContain(attr.name);
        if (attr.name === 'href') expect(['http:', 'https:'], `href ${attr.value}`).toContain(new URL(attr.value).protocol);
        if (attr.name === 'start') expect(attr.value).toMatch(/^-?\d+$/);
      }
    }
    stack.push(...(node.childNodes ?? []));
  }
}

describe('notices', () => {
  it('generated valid notices are accepted with no problem', () => {
    fc.assert(
      fc.property(noticeFile, (text) => {
        const { diagnostics, dataset } = validate(new TextEncoder().encode(NOTICE_CHANNELS), new TextEncoder().encode(text));
        expect(diagnostics.items.map(formatDiagnostic)).toEqual([]);
        expect(dataset.loaded.notices.map((n) => n.slug)).toEqual([NOTICE_SLUG]);
        expectInertHtml(noticeBodyHtml(dataset.loaded.notices[0]!.bodyTree));
      }),
      { seed: SEED, numRuns: RUNS / 3 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('mutated notices: never a throw, every problem on one line inside the file, and never markup that runs or loads anything', () => {
    fc.assert(
      fc.property(noticeFile, mutations(HOSTILE_NOTICE), (text, m) => {
        const mutated = mutateText(text, m.text);
        const bytes = mutateBytes(mutated, m.bytes);
        const { diagnostics, dataset } = validate(new TextEncoder().encode(NOTICE_CHANNELS), bytes);
        expectWellPlaced(diagnostics.items, new Map([[NOTICE_FILE, editorLines(bytes)], [SOURCES_FILE, SOURCES_CSV.split('\n')]]));
        const notices = dataset.loaded.notices;
        if (notices.length === 0) expect(diagnostics.items.some((d) => d.file === NOTICE_FILE && d.severity === 'error')).toBe(true);
        for (const notice of notices) expectInertHtml(noticeBodyHtml(notice.bodyTree));
        // the renderer is safe given any tree, even one the validator never accepted
        if (!markdownLimitExceeded(mutated)) expectInertHtml(noticeBodyHtml(fromMarkdown(mutated)));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT_MS);
});

// ---------------------------------------------------------------------------------------------
// The smallest inputs the properties failed on, each the bug it showed, as plain cases

describe('counterexamples found by the properties', () => {
  const spec: ColumnSpec = { required: ['id', 'name'], optional: ['notes'], multiline: ['notes'] };
  const read = (text: string) => {
    const diagnostics = new DiagnosticList();
    const table = readCsv(text, 'f.csv', spec, diagnostics);
    return {
      problems: diagnostics.sorted().map((d) => `${d.code}@${d.line}`),
      messages: diagnostics.sorted().map((d) => d.message),
      positions: diagnostics.sorted().map((d) => `${d.line}:${d.col}`),
      rows: table?.rows.map((r) => `${r.cells[0]}@${r.line}`),
    };
  };

  it('HEADER_EMPTY: a blank first line is reported even when a quote further down never closes', () => {
    // read at "\r", the file's first record is the empty line before it: no header, so no row
    const { problems, messages } = read('\rid,name,notes\na,A,x\nb,B,"open\n');
    expect(problems).toEqual(['HEADER_EMPTY@1', 'CSV_UNCLOSED_QUOTE@4']);
    expect(messages[1]).toContain('lines 2–5 could not be read');
  });

  it('CSV_SWALLOWED_ROW names every line the quoted cell runs over', () => {
    const { problems, messages } = read('id,name,notes\na,A,"x\nb,B,y"\nc,C,z\n');
    expect(problems).toEqual(['CSV_SWALLOWED_ROW@2']);
    expect(messages[0]).toContain('runs on over line 3');
    expect(messages[0]).toContain('so lines 2–3 were read as one row');
  });

  it('CSV_BAD_QUOTE: a cell whose quote closes on a later line names the lines it took in', () => {
    // the quote opened on line 2 closes after "C" on line 3: line 3's row is inside the cell
    const { problems, messages, rows } = read('id,name,notes\na,A,"x\nb,"B,C",y\nc,C,w\n');
    expect(problems).toEqual(['CSV_BAD_QUOTE@2']);
    expect(messages[0]).toContain('lines 2–3 could not be read');
    expect(rows).toEqual(['c@4']);
  });

  it('CSV_COLUMN_COUNT: a row of the wrong shape that runs over lines names them', () => {
    const { problems, messages, rows } = read('id,name,notes\na,"A\nb",x,y\nc,C,z\n');
    expect(problems).toEqual(['CSV_COLUMN_COUNT@2']);
    expect(messages[0]).toContain('lines 2–3 were read as this one row');
    expect(rows).toEqual(['c@4']);
  });

  it('a row is at the line its text starts on, after line breaks and spaces that open its record', () => {
    // read at "\r": each record after the header opens with the "\n" of a "\r\n" (or an
    // invisible line separator before it), which the first cell's trimming drops
    expect(read('id,name,notes\r\r\n\na,A,x\r\nb,B,y\r\n')).toMatchObject({ problems: [], rows: ['a@4', 'b@5'] });
    expect(read('id,name,notes\r\u2028\na,A,x\rb,B,y\r')).toMatchObject({ problems: [], rows: ['a@3', 'b@4'] });
    // a vertical tab is no space to pass over but a control, still refused at its place
    expect(read('id,name,notes\n\x0ba,A,x\n')).toMatchObject({ problems: ['CELL_CONTROL_CHAR@2'], positions: ['2:1'] });
  });

  it('CSV_COLUMN_COUNT: a record that opens with the "\\n" of a "\\r\\n" is reported where its text is, never inside the line break', () => {
    // read at "\r", "\na,A" is a record of 2 cells that starts inside line 1's "\r\n" (it was
    // reported at line 1, column 15: one past the end of the line)
    const checked = read('id,name,notes\r\na,A\r\nb,B\rc,C,x\r');
    expect(checked).toMatchObject({ problems: ['CSV_COLUMN_COUNT@2', 'CSV_COLUMN_COUNT@3'], positions: ['2:1', '3:1'], rows: ['c@4'] });
  });

  it('CELL_CONTROL_CHAR: a cell with a control character that hides a row reports both, and names the lines', () => {
    const { problems, messages, rows } = read('id,name,notes\na,A,"\x01x\nb,B,y"\nc,C,z\n');
    expect(problems).toEqual(['CELL_CONTROL_CHAR@2', 'CSV_SWALLOWED_ROW@2']);
    expect(messages[0]).toContain('(it runs over lines 2–3)');
    expect(rows).toEqual(['c@4']);
  });

  it('CELL_CONTROL_CHAR: a first cell that runs over lines, with a control character or a line break, names them', () => {
    expect(read('id,name,notes\r\u0085\na,A,x\rb,B,y\r')).toMatchObject({ problems: ['CELL_CONTROL_CHAR@2'], rows: ['b@4'] });
    const broken = read('id,name,notes\r\u200e\na,A,x\rb,B,y\r');
    expect(broken).toMatchObject({ problems: ['CELL_CONTROL_CHAR@2'], rows: ['b@4'] });
    expect(broken.messages[0]).toContain('the cell holds a line break (it runs over lines 2–3)');
  });
});
