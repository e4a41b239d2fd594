/**
 * A notice's body as HTML, from the CommonMark tree the validator checked
 * (src/domain/notice-markdown.ts). Safe by construction, whatever tree it is given: it writes
 * only the elements below, every text through the one escaper, and an address only when it
 * is http(s), so even a notice that bypassed the validator cannot add markup, scripts, styles
 * or requests to other hosts.
 *
 * - p, em, strong, code, pre, blockquote, ul/ol/li, hr, br as CommonMark means them;
 * - headings one level down, h2 to h4: the notice's title is the page's only h1;
 * - a: links to http(s) addresses; any other link shows its text only;
 * - images are never loaded (the page loads nothing from other hosts): an http(s) image is a
 *   link to it with its description as the text, any other shows its description only;
 * - raw HTML is shown as the text it is.
 */
import type { Definition, Nodes, Root } from 'mdast';
import { escapeHtml as esc } from '../../format/escape.ts';
import { isHttpUrl } from '../../format/url.ts';

/** A node to write, with where it stands; or a closing tag to write after its children. */
type Task = string | { readonly node: Nodes; readonly context: Context };

interface Context {
  /** Inside a link: links and image links inside it become their text (no <a> in <a>). */
  readonly inLink: boolean;
  /** A child of a tight list's item: its paragraphs are written without <p>. */
  readonly tight: boolean;
  /** In a block container (the root, a quote, a list item) rather than inside a paragraph. */
  readonly flow: boolean;
}

const TOP: Context = { inLink: false, tight: false, flow: true };

export function noticeBodyHtml(root: Root): string {
  const definitions = definitionsOf(root);
  let out = '';
  // one node at a time from a stack: the tree's depth is the contributor's to choose
  const stack: Task[] = [];
  const push = (children: readonly Nodes[], context: Context) => {
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, context });
  };
  const open = (before: string, after: string, children: readonly Nodes[], context: Context) => {
    out += before;
    stack.push(after);
    push(children, context);
  };
  const link = (url: string, children: readonly Nodes[], context: Context) => {
    if (context.inLink || !isHttpUrl(url)) push(children, context);
    else open(`<a href="${esc(url)}">`, '</a>', children, { ...context, inLink: true });
  };
  const image = (url: string, alt: string, context: Context) => {
    if (context.inLink || !isHttpUrl(url)) out += esc(alt);
    else out += `<a href="${esc(url)}">${esc(alt || url)}</a>`;
  };
  const phrasing = (context: Context): Context => ({ ...context, tight: false, flow: false });

  push(root.children, TOP);
  for (let task = stack.pop(); task !== undefined; task = stack.pop()) {
    if (typeof task === 'string') {
      out += task;
      continue;
    }
    const { node, context } = task;
    switch (node.type) {
      case 'paragraph':
        if (context.tight) push(node.children, phrasing(context));
        else open('<p>', '</p>\n', node.children, phrasing(context));
        break;
      case 'heading': {
        const level = Math.min(node.depth + 1, 4);
        open(`<h${level}>`, `</h${level}>\n`, node.children, phrasing(context));
        break;
      }
      case 'blockquote':
        open('<blockquote>\n', '</blockquote>\n', node.children, { ...context, tight: false, flow: true });
        break;
      case 'list': {
        const tight = !node.spread && !node.children.some((item) => item.spread);
        const start = node.ordered && typeof node.start === 'number' && node.start !== 1 ? ` start="${Math.trunc(node.start)}"` : '';
        const tag = node.ordered ? 'ol' : 'ul';
        open(`<${tag}${start}>\n`, `</${tag}>\n`, node.children, { ...context, tight });
        break;
      }
      case 'listItem':
        open('<li>', '</li>\n', node.children, { ...context, flow: true });
        break;
      case 'code':
        out += `<pre><code>${esc(node.value)}${node.value ? '\n' : ''}</code></pre>\n`;
        break;
      case 'thematicBreak':
        out += '<hr>\n';
        break;
      case 'html':
        out += context.flow ? `<p>${esc(node.value)}</p>\n` : esc(node.value);
        break;
      case 'text':
        out += esc(node.value);
        break;
      case 'inlineCode':
        out += `<code>${esc(node.value)}</code>`;
        break;
      case 'emphasis':
        open('<em>', '</em>', node.children, context);
        break;
      case 'strong':
        open('<strong>', '</strong>', node.children, context);
        break;
      case 'break':
        out += '<br>\n';
        break;
      case 'link':
        link(node.url, node.children, context);
        break;
      case 'linkReference':
        link(definitions.get(node.identifier)?.url ?? '', node.children, context);
        break;
      case 'image':
        image(node.url, node.alt ?? '', context);
        break;
      case 'imageReference':
        image(definitions.get(node.identifier)?.url ?? '', node.alt ?? '', context);
        break;
      case 'definition':
        break;
      default:
        // anything CommonMark does not make (extensions' nodes): its text, never its markup
        if ('children' in node) push(node.children as Nodes[], phrasing(context));
        else if ('value' in node && typeof node.value === 'string') out += esc(node.value);
    }
  }
  return out;
}

/** Link reference definitions by identifier; the first of a name wins, as in CommonMark. */
function definitionsOf(root: Root): Map<string, Definition> {
  const definitions = new Map<string, Definition>();
  const stack: Nodes[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return definitions;
}
