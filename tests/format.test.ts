/**
 * The shared lower modules of src/format/: one rule each for hashing, escaping, CSV cells and
 * showing addresses, which every writer (pages, clients, downloads, synth) goes through.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvField, csvRow, exactCsvField } from '../src/format/csv.ts';
import { escapeHtml, escapeXml } from '../src/format/escape.ts';
import { fnv1a, hash53 } from '../src/format/hash.ts';
import { ContentVersion, sha256Hex } from '../src/format/sha256.ts';
import { displayUrl, isHttpUrl, shortUrl } from '../src/format/url.ts';

describe('hashes shared by the build and the browser', () => {
  it('fnv1a is 32-bit FNV-1a over UTF-16 code units (published shard names depend on it)', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
    // a character outside the BMP is two code units, hashed one by one
    expect(fnv1a('𠀀')).toBe(fnv1a('\uD840\uDC00'));
  });

  it('hash53 is cyrb53: 53 bits, independent of fnv1a', () => {
    expect(hash53('')).toBe(3338908027751811);
    expect(hash53('a')).toBe(7929297801672961);
    expect(Number.isSafeInteger(hash53('荣成市公安局'))).toBe(true);
  });

  it('sha256Hex and content versions name things by their bytes', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(new ContentVersion().add('a').add(new Uint8Array([98, 99])).name()).toBe('ba7816bf8f01');
  });
});

describe('escaping', () => {
  it('escapeHtml escapes markup and both quotes, and returns clean text as it is', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    const clean = '荣成市公安局 Rongcheng';
    expect(escapeHtml(clean)).toBe(clean);
  });

  it('escapeXml also drops what XML 1.0 forbids (controls, U+FFFE, lone surrogates)', () => {
    expect(escapeXml('a\u0000b\u0008c\uFFFEd\uD800e\uDC00f')).toBe('abcdef');
    expect(escapeXml('𠀀\t\n')).toBe('𠀀\t\n');
    expect(escapeXml(`<"'&>`)).toBe('&lt;&quot;&apos;&amp;&gt;');
  });
});

describe('CSV fields', () => {
  const awkward = ['=SUM(A1)', '-1', '@x', ' lead', 'trail ', 'a,b', 'say "hi"', 'line\nbreak', '荣成', ''];

  it('files for people: formula cells guarded, edge spaces quoted so no reader trims them', () => {
    expect(csvField('-1')).toBe("'-1");
    expect(csvField(' lead')).toBe('" lead"');
    expect(csvField('+1, 2')).toBe('"\'+1, 2"');
    expect(csvField('')).toBe('');
  });

  it("files the registry reads back: every value exactly, no guard, and a parser gets it back", () => {
    expect(exactCsvField('=SUM(A1)')).toBe('=SUM(A1)');
    expect(exactCsvField('trail ')).toBe('"trail "');
    const parsed = Papa.parse<string[]>(csvRow(awkward, exactCsvField), { header: false }).data[0];
    expect(parsed).toEqual(awkward);
  });
});

describe('addresses', () => {
  it('are shown without scheme or final slash, cut with an ellipsis; tables also drop www.', () => {
    expect(displayUrl('HTTPS://www.example.gov.cn/a/b/')).toBe('www.example.gov.cn/a/b');
    expect(shortUrl('https://www.example.gov.cn/a/b/')).toBe('example.gov.cn/a/b');
    const long = `https://example.gov.cn/${'x'.repeat(80)}`;
    expect(displayUrl(long)).toHaveLength(60);
    expect(displayUrl(long, 40)).toBe(`example.gov.cn/${'x'.repeat(24)}…`);
    expect(shortUrl(long)).toHaveLength(40);
  });

  it('become links only when http(s)', () => {
    expect(isHttpUrl('https://example.gov.cn/')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'ftp://x/', 'not a url']) expect(isHttpUrl(bad), bad).toBe(false);
  });
});
