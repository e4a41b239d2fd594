/**
 * Relative links in the project's Markdown, and whether each one lands: the file (or folder)
 * exists inside the repository and, when the link names a heading (#anchor), that heading is
 * in the target as GitHub renders it. Only our own documents are read, so a line scanner is
 * enough; what it must not do is take a link shown as code for a real one.
 */
import { posix } from 'node:path';

export interface MarkdownLink {
  readonly line: number;
  readonly target: string;
}

/** What the checker may ask of the files: text for a regular file, existence for anything. */
export interface DocumentFiles {
  read(path: string): string | undefined;
  exists(path: string): boolean;
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const INLINE_LINK = /!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Each line outside fenced code blocks, raw and with inline code spans blanked out (same length). */
function proseLines(text: string): { line: number; raw: string; prose: string }[] {
  const lines: { line: number; raw: string; prose: string }[] = [];
  let fence: string | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const opener = FENCE.exec(raw)?.[1];
    if (fence) {
      if (opener && opener[0] === fence[0] && opener.length >= fence.length && raw.trim() === opener) fence = undefined;
      return;
    }
    if (opener) {
      fence = opener;
      return;
    }
    lines.push({ line: i + 1, raw, prose: raw.replace(/(`+)(.+?)\1/g, (span) => ' '.repeat(span.length)) });
  });
  return lines;
}

/** Every inline link, image and reference definition, with its line (1-based). */
export function markdownLinks(text: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  for (const { line, prose } of proseLines(text)) {
    for (const m of prose.matchAll(INLINE_LINK)) links.push({ line, target: m[1]! });
    const definition = REFERENCE_DEFINITION.exec(prose);
    if (definition) links.push({ line, target: definition[1]! });
  }
  return links;
}

/** The anchor GitHub gives a heading's text: lower case, punctuation dropped, spaces → "-". */
export function headingSlug(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Every heading anchor of a document; a repeated heading gets -1, -2, … as on GitHub. */
export function headingAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { raw } of proseLines(text)) {
    // The raw line, not the prose one: the text of a code span in a heading is part of its anchor.
    const heading = HEADING.exec(raw);
    if (!heading) continue;
    const slug = headingSlug(heading[2]!.trim());
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/**
 * Every relative link in the given documents that does not land, as `file:line: message`;
 * links with a scheme (https:, mailto:) are someone else's and left alone.
 */
export function brokenLinks(documents: readonly string[], files: DocumentFiles): { checked: number; problems: string[] } {
  const problems: string[] = [];
  let checked = 0;
  for (const document of documents) {
    const text = files.read(document);
    if (text === undefined) {
      problems.push(`${document}: the document does not exist`);
      continue;
    }
    for (const { line, target } of markdownLinks(text)) {
      if (SCHEME.test(target) || target.startsWith('//')) continue;
      checked += 1;
      const where = `${document}:${line}`;
      const hash = target.indexOf('#');
      const pathPart = safeDecode(hash < 0 ? target : target.slice(0, hash));
      const anchor = hash < 0 ? undefined : safeDecode(target.slice(hash + 1));
      const resolved = pathPart === '' ? document : posix.normalize(posix.join(posix.dirname(document), pathPart));
      if (resolved.startsWith('../') || posix.isAbsolute(resolved)) {
        problems.push(`${where}: "${target}" leaves the repository`);
        continue;
      }
      const path = resolved.replace(/\/$/, '') || '.';
      if (!files.exists(path)) {
        problems.push(`${where}: "${target}" leads to ${path}, which does not exist`);
        continue;
      }
      if (anchor === undefined || anchor === '') continue;
      const targetText = path.endsWith('.md') ? files.read(path) : undefined;
      if (targetText === undefined) {
        problems.push(`${where}: "${target}" names a heading, but ${path} is not a Markdown file`);
      } else if (!headingAnchors(targetText).has(anchor)) {
        problems.push(`${where}: "${target}": ${path} has no heading with the anchor #${anchor}`);
      }
    }
  }
  return { checked, problems };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
