/**
 * Frontmatter in the plain form is read without the YAML library; it must read exactly as the
 * library does, and leave everything else (odd forms, mistakes) to the library.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readSimpleFrontmatter } from '../src/domain/frontmatter.ts';

const viaYaml = (text: string) => parseDocument(text, { prettyErrors: false }).toJS();

describe('plain frontmatter', () => {
  it('reads quoted texts, words and lists as YAML does, keys in order', () => {
    const texts = [
      'title: "关于“保康交通”微信公众号整合迁移的公告"\nchannels:\n  - baokang-county-transport-wechat\nannounced: "2026-08-09"\neffective: "2026-08-27"\nissuer: "保康县交通运输局"\nsource:\n  - "closures-hubei-2026"\n  - "https://www.baokang.gov.cn.example/tzgg/a.html"\nlang: zh\nkind: text',
      "title: 'it is: #1'\nchannels:\n    - a\n    - 'b'\nlang: en",
      'title: ""\nkind: summary\nnotes: e5\nissuer: "  spaced  "',
    ];
    for (const text of texts) {
      const fast = readSimpleFrontmatter(text);
      expect(fast).toEqual(viaYaml(text));
      expect(Object.keys(fast!)).toEqual(Object.keys(viaYaml(text)));
    }
  });

  it('leaves every other form to the YAML library', () => {
    const others = [
      'channels: [a, b]', // flow list
      'announced: 2024', // a number
      'effective: 2024-04', // a plain scalar other than a word
      'title: 关于荣成公安', // likewise
      'lang: null', 'lang: true', 'lang: false', // not text in YAML
      'title: "a \\" b"', "title: 'it''s'", // escapes
      'title: "x" # note', 'title: "x" ', 'title:  "x"', // comments, stray spaces
      'title: "x"\n\nlang: zh', 'title: "x"\n', // blank lines
      'title: "x"\ntitle: "y"', // a duplicate key (an error)
      'channels:', 'channels:\n- a', 'channels:\n  - a\n   - b', 'channels:\n  - a\n    b', // empty, unindented or uneven lists
      'title: "tab\there"', 'title: "x"\r\nlang: zh', // control characters, CRLF
      '__proto__: x', 'Title: "x"', '- a', '',
    ];
    for (const text of others) expect(readSimpleFrontmatter(text), JSON.stringify(text)).toBeUndefined();
  });
});
