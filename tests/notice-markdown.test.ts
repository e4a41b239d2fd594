/**
 * Contributed notices can never become markup. The body is read by one CommonMark parser:
 * the validator reports, at its line and column, everything the page will not show as written
 * (raw HTML, links that are not http(s), images), and the renderer, given any tree at all (as
 * if the validator had been bypassed), writes only a few plain elements, text escaped, and
 * addresses only when they are http(s). Hostile input that would take a parser or the YAML
 * library seconds, the stack or the memory is refused first, at a line.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { DiagnosticList } from '../src/domain/diagnostics.ts';
import { markdownLimitExceeded } from '../src/domain/markdown-limits.ts';
import { parseNotice, readNoticeFrontmatter } from '../src/domain/notice.ts';
import { noticePlainText, readNoticeBody } from '../src/domain/notice-markdown.ts';
import { noticeBodyHtml } from '../src/site/render/notice-body-html.ts';
import { checkRows, codes, only } from './helpers/dataset.ts';

const FILE = 'content/notices/n.md';
/** Lines 1–8; the body starts on line 9. */
const FRONT = '---\ntitle: t\nchannels:\n  - a\nissuer: i\nsource: cd-2024-08-28\nlang: zh\n---\n';
const BODY_LINE = 9;

/** Reads a notice as the validator does: its problems as "severity CODE@line:col". */
function read(text: string) {
  const diagnostics = new DiagnosticList();
  const started = performance.now();
  const notice = parseNotice(FILE, 'n', text, diagnostics);
  const ms = performance.now() - started;
  return { notice, ms, found: diagnostics.sorted().map((d) => `${d.severity} ${d.code}@${d.line}:${d.col}`), diagnostics: diagnostics.items };
}
const readBody = (body: string) => read(FRONT + body);

/** The renderer given the parser's tree unchecked: what a page would hold had the validator been bypassed. */
const renderUnchecked = (markdown: string) => noticeBodyHtml(fromMarkdown(markdown));

const ALLOWED = new Set(['p', 'em', 'strong', 'a', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'h2', 'h3', 'h4', 'br', 'hr']);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+="[^"]*")*)\s*>/g;

/** Every tag allowed, every attribute an http(s) href or a list's start, everything else escaped text. */
function expectInert(html: string): void {
  for (const [tag, , name, attributes] of html.matchAll(TAG)) {
    expect(ALLOWED, tag).toContain(name!.toLowerCase());
    for (const [, attribute, value] of attributes!.matchAll(/([a-zA-Z-]+)="([^"]*)"/g)) {
      if (attribute === 'href') expect(value, tag).toMatch(/^https?:\/\//);
      else expect(`${name} ${attribute}`, tag).toBe('ol start');
    }
  }
  expect(html.replace(TAG, '')).not.toMatch(/[<>"']/);
  expect(html).not.toMatch(/<(meta|script|iframe|img|style|form|object|embed|link|base|svg)\b/i);
  expect(html).not.toMatch(/\s(src|style|class|id|on[a-z]+|http-equiv)="/i);
  expect(html).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
}

describe('attacks on a notice body', () => {
  const META = '<meta http-equiv="refresh" content="0;url=https://evil.example/">';

  it('a tag in a code span is code: shown as text, nothing to report', () => {
    const { found } = readBody(`请看 \`${META}\`。\n`);
    expect(found).toEqual([]);
    const html = renderUnchecked(`请看 \`${META}\`。\n`);
    expect(html).toBe('<p>请看 <code>&lt;meta http-equiv=&quot;refresh&quot; content=&quot;0;url=https://evil.example/&quot;&gt;</code>。</p>\n');
    expectInert(html);
  });

  it('NOTICE_HTML: a tag the backticks do not close into code (`` opened, ` closed) is raw HTML, at its column', () => {
    const body = `请看 \`\`${META}\`。\n`;
    expect(readBody(body).found).toEqual([`error NOTICE_HTML@${BODY_LINE}:6`]);
    expectInert(renderUnchecked(body));
  });

  it('NOTICE_HTML: a line that looks like a fence but is not one (```x`) hides nothing', () => {
    const body = '```x`\n<a class="button" href="https://evil.example/">登录</a>\n```\n';
    expect(readBody(body).found).toEqual([`error NOTICE_HTML@${BODY_LINE + 1}:1`, `error NOTICE_HTML@${BODY_LINE + 1}:50`]);
    const html = renderUnchecked(body);
    expect(html).toContain('&lt;a class=&quot;button&quot;');
    expectInert(html);
  });

  it('NOTICE_HTML: script, iframe, style, comments and HTML blocks, each at its line', () => {
    const body = '<script>alert(1)</script>\n\n段落 <iframe src="https://evil.example/"></iframe>\n\n<!-- 隐藏 -->\n\n<style>body{display:none}</style>\n\n<div\nonclick="x">\n';
    expect(readBody(body).found).toEqual([
      `error NOTICE_HTML@${BODY_LINE}:1`,
      `error NOTICE_HTML@${BODY_LINE + 2}:4`,
      `error NOTICE_HTML@${BODY_LINE + 2}:40`,
      `error NOTICE_HTML@${BODY_LINE + 4}:1`,
      `error NOTICE_HTML@${BODY_LINE + 6}:1`,
      `error NOTICE_HTML@${BODY_LINE + 8}:1`,
    ]);
    const html = renderUnchecked(body);
    expect(html).toContain('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expectInert(html);
  });

  it('URL_SCHEME: javascript:, data: and vbscript: links, however written, show their text only', () => {
    const body = [
      '[一](javascript:alert(1)) [二](JaVaScRiPt:alert(2)) [三](java&#115;cript:alert(3))',
      '[四](data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==) <javascript:alert(6)>',
      '[五][v] [六][] [七]',
      '',
      '[v]: vbscript:msgbox(7)',
      '[六]: data:text/html,x',
      '[七]: <javascript:alert(8)>',
      '',
    ].join('\n');
    expect(readBody(body).found).toEqual([
      `error URL_SCHEME@${BODY_LINE}:1`,
      `error URL_SCHEME@${BODY_LINE}:26`,
      `error URL_SCHEME@${BODY_LINE}:51`,
      `error URL_SCHEME@${BODY_LINE + 1}:1`,
      `error URL_SCHEME@${BODY_LINE + 1}:65`,
      `error URL_SCHEME@${BODY_LINE + 4}:1`,
      `error URL_SCHEME@${BODY_LINE + 5}:1`,
      `error URL_SCHEME@${BODY_LINE + 6}:1`,
    ]);
    const html = renderUnchecked(body);
    expect(html).not.toContain('<a');
    expect(html).toContain('一 二 三');
    expectInert(html);
  });

  it('URL_SCHEME for relative links and mail addresses; URL_FORMAT for an address that is not one', () => {
    const body = '[本站](/regions/) [邮件](mailto:a@b.gov.cn) <a@b.gov.cn> [坏](<https://exa mple.gov.cn/>)\n';
    expect(readBody(body).found).toEqual([
      `error URL_SCHEME@${BODY_LINE}:1`,
      `error URL_SCHEME@${BODY_LINE}:17`,
      `error URL_SCHEME@${BODY_LINE}:41`,
      `error URL_FORMAT@${BODY_LINE}:54`,
    ]);
    expectInert(renderUnchecked(body));
  });

  it('NOTICE_IMAGE: an image is never loaded; it becomes a link to it (a warning), or its description (an error for other schemes)', () => {
    const body = '![示意图](https://evil.example/track.png) ![像素](data:image/gif;base64,R0lGODlhAQABAAAAACw=) ![参考][img]\n\n[![嵌套](https://evil.example/i.png)](https://www.gov.cn/)\n\n[img]: https://evil.example/ref.png\n';
    expect(readBody(body).found).toEqual([
      `warning NOTICE_IMAGE@${BODY_LINE}:1`,
      `error URL_SCHEME@${BODY_LINE}:40`,
      `warning NOTICE_IMAGE@${BODY_LINE}:90`,
      `warning NOTICE_IMAGE@${BODY_LINE + 2}:2`,
    ]);
    const html = renderUnchecked(body);
    expect(html).toBe(
      '<p><a href="https://evil.example/track.png">示意图</a> 像素 <a href="https://evil.example/ref.png">参考</a></p>\n' +
        '<p><a href="https://www.gov.cn/">嵌套</a></p>\n',
    );
    expectInert(html);
  });

  it('a notice with only warnings loads; one with any error does not (the page would not show it as written)', () => {
    expect(readBody('![图](https://www.gov.cn/a.png)\n').notice).toBeDefined();
    expect(readBody('[x](javascript:alert(1))\n').notice).toBeUndefined();
    expect(readBody('<b>粗</b>\n').notice).toBeUndefined();
  });

  it('the whole pipeline reports them in the notice file, at their lines', () => {
    const closed = { id: 'a', name: 'a-name', status: 'closed', closed: '2024-04', reason: 'discontinued', notice: 'n' };
    const checked = checkRows([closed], { [FILE]: `${FRONT}正文。\n\n[点此](javascript:alert(1))\n\n<img src="https://evil.example/x.png">\n` });
    expect(codes(checked)).toEqual([`URL_SCHEME@${BODY_LINE + 2}`, `NOTICE_HTML@${BODY_LINE + 4}`]);
    expect(only(checked, 'URL_SCHEME')[0]!.file).toMatch(/content\/notices\/n\.md$/);
  });
});

describe('honest notices', () => {
  const honest = [
    '# 关于停止运营的公告',
    '',
    '**说明**：以下为*摘要*。详见[原文](https://www.example.gov.cn/a?b=1&c=2 "标题")或 <https://www.gov.cn/>。',
    '',
    '## 涉及账号',
    '',
    '- 荣成公安微博',
    '- 荣成公安微信',
    '',
    '3. 第三',
    '4. 第四',
    '',
    '> 引用的一段',
    '> 第二行',
    '',
    '行尾两个空格  ',
    '换行，`代码` 与 a < b & c > d',
    '',
    '```js',
    'const x = "<b>";',
    '```',
    '',
    '---',
    '',
    '###### 六级标题',
    '',
    '- 松散',
    '',
    '- 列表',
    '',
  ].join('\n');

  it('validate without a word and render as CommonMark means them, headings one level down', () => {
    const { found, notice } = readBody(honest);
    expect(found).toEqual([]);
    expect(noticeBodyHtml(notice!.bodyTree)).toBe(
      [
        '<h2>关于停止运营的公告</h2>',
        '<p><strong>说明</strong>：以下为<em>摘要</em>。详见<a href="https://www.example.gov.cn/a?b=1&amp;c=2">原文</a>或 <a href="https://www.gov.cn/">https://www.gov.cn/</a>。</p>',
        '<h3>涉及账号</h3>',
        '<ul>',
        '<li>荣成公安微博</li>',
        '<li>荣成公安微信</li>',
        '</ul>',
        '<ol start="3">',
        '<li>第三</li>',
        '<li>第四</li>',
        '</ol>',
        '<blockquote>',
        '<p>引用的一段',
        '第二行</p>',
        '</blockquote>',
        '<p>行尾两个空格<br>',
        '换行，<code>代码</code> 与 a &lt; b &amp; c &gt; d</p>',
        '<pre><code>const x = &quot;&lt;b&gt;&quot;;',
        '</code></pre>',
        '<hr>',
        '<h4>六级标题</h4>',
        '<ul>',
        '<li><p>松散</p>',
        '</li>',
        '<li><p>列表</p>',
        '</li>',
        '</ul>',
        '',
      ].join('\n'),
    );
  });

  it('read as plain text for excerpts: the words, link texts and image descriptions, no code blocks or HTML', () => {
    const text = (markdown: string) => noticePlainText(fromMarkdown(markdown));
    expect(text('# 标题\n\n**说明：** 见[公告](https://x.org/a) 和 `代码`。\n\n> 引用\n- 一\n- 二')).toBe('标题 说明： 见公告 和 代码。 引用 一 二');
    expect(text('Some *emphasis* and _more_, snake_case_name kept. <b>tag</b>')).toBe('Some emphasis and more, snake_case_name kept. tag');
    expect(text('```\ncode\n```\nafter ![alt](i.png)')).toBe('after alt');
  });
});

describe('bodies that would take the parser too long', () => {
  /** `count` copies of `unit`, as many as the limits let through when `count` is omitted. */
  function fill(unit: string): string {
    let low = 1;
    let high = 40_000;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (markdownLimitExceeded(unit.repeat(mid))) high = mid - 1;
      else low = mid;
    }
    return unit.repeat(low);
  }

  const refused: [string, string, string][] = [
    ['lists nested on one line', `${'- '.repeat(3000)}x\n`, `${BODY_LINE}:17`],
    ['quotes nested on one line', `${'> '.repeat(3000)}x\n`, `${BODY_LINE}:17`],
    ['lists nested by indentation', `${' '.repeat(70)}- x\n`, `${BODY_LINE}:73`],
    ['images nested in images', `${'!['.repeat(1000)}a${'](u)'.repeat(1000)}\n`, `${BODY_LINE}:34`],
    ['emphasis opened thousands of times', `${'*a **b '.repeat(2000)}${'c*'.repeat(2000)}\n`, `${BODY_LINE}:935`],
    ['thousands of setext headings', 'a\n=\n'.repeat(600), `${BODY_LINE + 1000}:1`],
    ['thousands of list items that hold lists', '- - x\n'.repeat(501), `${BODY_LINE + 500}:1`],
    ['a body over 30,000 characters', 'a'.repeat(30_001), `${BODY_LINE}:1`],
  ];
  for (const [what, body, at] of refused) {
    it(`NOTICE_TOO_COMPLEX: ${what}, at its line and column, at once`, () => {
      const { found, ms, notice } = readBody(body);
      expect(found).toEqual([`error NOTICE_TOO_COMPLEX@${at}`]);
      expect(notice).toBeUndefined();
      expect(ms).toBeLessThan(5000);
    });
  }

  const allowed: [string, string][] = [
    ['lists eight deep on every line', fill(`${'- '.repeat(8)}x\n`)],
    ['images sixteen deep', fill(`${'!['.repeat(16)}a${'](https://www.gov.cn/i.png)'.repeat(16)}\n`)],
    ['setext headings on every line', fill('a\n=\n')],
    ['emphasis up to the limit in every paragraph', fill(`${'*a **b '.repeat(57)}${'c*'.repeat(57)}\n\n`)],
    ['a thousand definitions and references', `${'[a]: https://www.gov.cn/\n'.repeat(500)}${'[a]'.repeat(5000)}\n`],
  ];
  for (const [what, body] of allowed) {
    it(`what the limits let through parses within seconds: ${what}`, () => {
      const started = performance.now();
      const tree = readNoticeBody(body, { file: FILE, line: 1 }, new DiagnosticList());
      expect(tree).toBeDefined();
      // Loose: ~1–2 s idle for the slowest case; 5.5 s was seen at load 16 on the 2-core machine.
      expect(performance.now() - started).toBeLessThan(15_000);
    }, 30_000);
  }
});

describe('frontmatter attacks', () => {
  const indented = (levels: number) => Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
  const REST = 'title: t\nchannels:\n  - a\nissuer: i\nsource: cd-2024-08-28\nlang: zh\n';

  it('FRONTMATTER: a YAML alias bomb (billion laughs) is refused at its first alias, at once', () => {
    const names = 'abcdefghij'.split('');
    const lines = names.map((name, i) => (i === 0 ? `${name}: &${name} [${Array(9).fill('"lol"').join(',')}]` : `${name}: &${name} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]`));
    const { found, ms, notice } = read(`---\n${lines.join('\n')}\n${REST}---\n正文\n`);
    expect(found).toEqual(['error FRONTMATTER@3:8']);
    expect(notice).toBeUndefined();
    expect(ms).toBeLessThan(5000);
  });

  it('FRONTMATTER: any alias at all, even a harmless one', () => {
    expect(read(`---\n${REST.replace('issuer: i', 'issuer: &who i\ntitle2: *who')}---\n正文\n`).found).toEqual(['error FRONTMATTER@6:9']);
  });

  const deep: [string, string, string][] = [
    ['3,000 nested flow lists', `title: ${'['.repeat(3000)}${']'.repeat(3000)}\n`, '2:24'],
    ['1,500 nested flow maps', `title: ${'{a: '.repeat(1500)}1${'}'.repeat(1500)}\n`, '2:72'],
    ['3,000 nested block lists on one line', `${'- '.repeat(3000)}x\n`, '2:17'],
    ['100 maps, each indented one space further', `${indented(100)} x\n`, '35:34'],
    ['3,000 maps, each indented one space further (4.5 million characters)', `${indented(3000)} x\n`, '2:1'],
  ];
  for (const [what, yaml, at] of deep) {
    it(`FRONTMATTER: ${what}, at a line, never a stack overflow`, () => {
      const { found, ms, notice } = read(`---\n${yaml}---\n正文\n`);
      expect(found).toEqual([`error FRONTMATTER@${at}`]);
      expect(notice).toBeUndefined();
      expect(ms).toBeLessThan(5000);
    });
  }

  it('is read by the domain alone: tools (new:closure) take a notice\'s fields from the same reader, limits and all', () => {
    const diagnostics = new DiagnosticList();
    expect(readNoticeFrontmatter(FILE, `---\n${REST}---\n正文\n`, diagnostics)).toMatchObject({ channels: ['a'], lang: 'zh' });
    expect(readNoticeFrontmatter(FILE, `---\nchannels: ${'['.repeat(3000)}\n---\n`, diagnostics)).toBeUndefined();
    expect(diagnostics.items.map((d) => `${d.code}@${d.line}`)).toEqual(['FRONTMATTER@2']);
  });

  it('still reads frontmatter in other YAML forms, nested as a notice needs', () => {
    const { found, notice } = read('---\ntitle: "关于[某]账号的公告"\nchannels: [a]\nissuer: i # 注释\nsource: [cd-2024-08-28]\nlang: zh\n---\n正文\n');
    expect(found).toEqual([]);
    expect(notice).toMatchObject({ title: '关于[某]账号的公告', channels: ['a'] });
  });
});

describe('control characters in a notice', () => {
  it('NOTICE_CONTROL_CHAR: a NUL in the frontmatter or the body, at its line and column', () => {
    expect(read('---\ntitle: "a\u0000b"\nchannels:\n  - a\nissuer: i\nsource: cd-2024-08-28\nlang: zh\n---\n正文\n').found).toEqual(['error NOTICE_CONTROL_CHAR@2:10']);
    const nul = readBody('第一段。\n\n第二\u0000段，后面的字不会被截掉。\n');
    expect(nul.found).toEqual([`error NOTICE_CONTROL_CHAR@${BODY_LINE + 2}:3`]);
    expect(nul.diagnostics[0]!.message).toContain('U+0000 (NUL)');
    expect(nul.notice).toBeUndefined();
  });

  it('NOTICE_CONTROL_CHAR: escape, backspace and C1 controls too; tabs and line ends are text', () => {
    expect(readBody('a\u001b[31mb\n').found).toEqual([`error NOTICE_CONTROL_CHAR@${BODY_LINE}:2`]);
    expect(readBody('\r\na\u0008b\r\n').found).toEqual([`error NOTICE_CONTROL_CHAR@${BODY_LINE + 1}:2`]);
    expect(readBody('a\u0085b\n').found).toEqual([`error NOTICE_CONTROL_CHAR@${BODY_LINE}:2`]);
    expect(readBody('a\tb\r\nc\n').found).toEqual([]);
  });
});
