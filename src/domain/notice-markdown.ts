/**
 * A notice's body, read once by one CommonMark parser (micromark, through
 * mdast-util-from-markdown): the tree it gives is what the validator checks here and what the
 * notice page renders (src/site/render/notice-body-html.ts), so the two can never disagree
 * about what is code, a link or raw HTML. Plain CommonMark: no GFM, no MDX, no extensions.
 *
 * Each thing the page will not show as written is reported at its line and column: raw HTML
 * (NOTICE_HTML, an error: the page shows it as text), links and images to anything but
 * http(s) (URL_SCHEME / URL_FORMAT, errors: the page shows their text only), and images
 * (NOTICE_IMAGE, a warning: the site never loads anything from another host, so an image is
 * shown as a link to it, with its alt text).
 */
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { quoted, type DiagnosticList } from './diagnostics.ts';
import { markdownLimitExceeded } from './markdown-limits.ts';
import { parseHttpUrl } from './schemas/cells.ts';

/** Where the body starts in its file, so positions in the body become positions in the file. */
export interface BodyStart {
  readonly file: string;
  /** The file's line the body's first line is on. */
  readonly line: number;
}

/** How much of a raw HTML node a message quotes. */
const HTML_QUOTED = 40;

const IMAGE_MESSAGE = 'images are not shown: the site loads nothing from other hosts, so the page links to the image with its description instead ([description](https://…) says the same)';

/**
 * The body as a checked tree, or undefined when it has errors (each reported). Positions are
 * dropped once checked: the page needs none, and they would be most of the tree's memory.
 */
export function readNoticeBody(body: string, start: BodyStart, diagnostics: DiagnosticList): Root | undefined {
  const at = (line: number, col: number) => ({ file: start.file, line: start.line + line - 1, col });
  const limit = markdownLimitExceeded(body);
  if (limit) {
    diagnostics.error(at(limit.line, limit.col), 'NOTICE_TOO_COMPLEX', limit.message);
    return undefined;
  }
  const root = fromMarkdown(body);
  let ok = true;
  const error = (...args: Parameters<DiagnosticList['error']>) => {
    diagnostics.error(...args);
    ok = false;
  };
  // one node at a time from a stack: the tree's depth is the contributor's to choose
  const stack: Nodes[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const here = at(node.position?.start.line ?? 1, node.position?.start.column ?? 1);
    if (node.type === 'html') {
      error(here, 'NOTICE_HTML', `the notice contains raw HTML (${quoted(node.value.slice(0, HTML_QUOTED))}), which the page shows as text, never as markup: write plain Markdown (links as [text](https://…), emphasis as **text**), or put angle brackets in code: \`<…>\``);
    } else if (node.type === 'link' || node.type === 'definition') {
      const url = parseHttpUrl(node.url);
      if (!url.ok) error(here, url.code, `${url.message}; the page shows only the link's text`);
    } else if (node.type === 'image') {
      const url = parseHttpUrl(node.url);
      if (!url.ok) error(here, url.code, `${url.message}; the page shows only the image's description`);
      else diagnostics.warning(here, 'NOTICE_IMAGE', IMAGE_MESSAGE);
    } else if (node.type === 'imageReference') {
      // its address is on its definition, checked there
      diagnostics.warning(here, 'NOTICE_IMAGE', IMAGE_MESSAGE);
    }
    delete node.position;
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return ok ? root : undefined;
}

/**
 * The body's words without the markup, blocks separated by a space, for excerpts: link texts
 * and images' descriptions kept, code blocks, raw HTML and definitions left out.
 */
export function noticePlainText(root: Root): string {
  const parts: string[] = [];
  const stack: Nodes[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'text' || node.type === 'inlineCode') parts.push(node.value);
    else if (node.type === 'image') parts.push(node.alt ?? '');
    else if (node.type === 'imageReference') parts.push(node.alt ?? '');
    else if (node.type === 'break' || node.type === 'paragraph' || node.type === 'heading') parts.push(' ');
    if (node.type === 'code' || node.type === 'html' || node.type === 'definition') continue;
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}
