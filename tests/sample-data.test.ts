/**
 * The real sample dataset (data/, content/) is built only from press-reported facts. These
 * tests load it exactly as the CLI and the site do and pin the facts that must survive any
 * edit: the reported dates at their reported precision, the reported counts, and that what
 * the reports do not say (redirects, handles, links, closure of accounts not reported
 * closed) stays unsaid.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/domain/diagnostics.ts';
import type { ChannelRecord } from '../src/domain/load.ts';
import { checkDataset, type CheckedDataset } from '../src/domain/pipeline.ts';

const TODAY = '2026-11-21';
// Resolved from this file so the test does not depend on the directory vitest runs in.
const dataDir = fileURLToPath(new URL('../data', import.meta.url));
const contentDir = fileURLToPath(new URL('../content', import.meta.url));

let checked: CheckedDataset;
let byId: ReadonlyMap<string, ChannelRecord>;

beforeAll(() => {
  checked = checkDataset({ dataDir, contentDir }, { today: TODAY });
  byId = checked.dataset.channelsById;
});

function channel(id: string): ChannelRecord {
  const c = byId.get(id);
  if (!c) throw new Error(`channel ${id} is missing from the sample dataset`);
  return c;
}

describe('the real sample dataset', () => {
  it('validates with no errors and no warnings', () => {
    expect(checked.diagnostics.items.map(formatDiagnostic)).toEqual([]);
    // Guard against a vacuous pass: the files were actually read.
    expect(checked.dataset.loaded.channels).toHaveLength(11);
    expect(checked.dataset.loaded.sources).toHaveLength(5);
    expect(checked.dataset.loaded.events).toHaveLength(5);
    expect(checked.dataset.loaded.notices).toHaveLength(3);
    expect(checked.dataset.loaded.synthetic).toBe(false);
  });

  it('records the Rongcheng police Weibo closure as reported', () => {
    const c = channel('rongcheng-police-weibo');
    expect(c.status).toBe('closed');
    expect(c.closed).toMatchObject({ value: '2024-08-14', precision: 'day' });
    expect(c.announced).toMatchObject({ value: '2024-08-14', precision: 'day' });
    expect(c.opened).toMatchObject({ value: '2014-06', precision: 'month' });
    expect(c.followers).toBe(500);
    expect(c.posts).toBe(860);
    expect(c.reason).toBe('discontinued');
    expect(c.redirect ?? []).toEqual([]);
    expect(c.region).toBe('371082');
    expect(c.level).toBe('county');
    expect(c.platform).toBe('weibo');
    expect(c.agency).toBe('荣成市公安局');
    expect(c.from.file).toMatch(/shandong\.csv$/);
  });

  it('links the Rongcheng notice and its channel both ways', () => {
    const notice = checked.dataset.loaded.notices.find((n) => n.slug === 'rongcheng-police-weibo-2024');
    expect(notice).toBeDefined();
    expect(notice!.channels).toEqual(['rongcheng-police-weibo']);
    expect(notice!.kind).toBe('summary');
    expect(notice!.lang).toBe('zh');
    expect(notice!.announced).toMatchObject({ value: '2024-08-14', precision: 'day' });
    expect(notice!.body).toContain('不是公告原文');
    expect(channel('rongcheng-police-weibo').notice).toBe('rongcheng-police-weibo-2024');
    for (const n of checked.dataset.loaded.notices) {
      for (const id of n.channels) expect(channel(id).notice).toBe(n.slug);
    }
  });

  it('dates both Zhangjiagang closures to April 2024 at month precision, with no invented destination', () => {
    for (const id of ['zhangjiagang-housing-wechat', 'zhangjiagang-water-wechat']) {
      const c = channel(id);
      expect(c.status).toBe('closed');
      expect(c.closed).toMatchObject({ value: '2024-04', precision: 'month' });
      expect(c.announced).toBeUndefined();
      expect(c.region).toBe('320582');
      expect(c.platform).toBe('wechat');
      expect(c.redirect ?? []).toEqual([]);
    }
    expect(channel('zhangjiagang-housing-wechat').agency).toBe('张家港市住房和城乡建设局');
    expect(channel('zhangjiagang-water-wechat').agency).toBe('张家港市水务局');
  });

  it('keeps announced-only closures as closing, dated to the year', () => {
    for (const id of ['kunming-wuhua-veterans-wechat', 'changsha-yuhua-market-wechat']) {
      const c = channel(id);
      expect(c.status).toBe('closing');
      expect(c.announced).toMatchObject({ value: '2024', precision: 'year' });
      expect(c.closed).toBeUndefined();
    }
  });

  it('does not close accounts the reports do not date or do not say were closed', () => {
    // Zhongzhai was hacked, not reported closed.
    expect(channel('quannan-zhongzhai-weibo').status).toBe('active');
    expect(channel('quannan-zhongzhai-weibo').level).toBe('township');
    // Huangtian was "ultimately deactivated" without any date: no closed date may be made up.
    const huangtian = channel('pinggui-huangtian-account');
    expect(huangtian.status).not.toBe('closed');
    expect(huangtian.closed).toBeUndefined();
    expect(huangtian.platform).toBe('other');
  });

  it('puts central channels at 100000 and leaves out internal work groups', () => {
    expect(channel('state-council-app')).toMatchObject({ region: '100000', level: 'central', platform: 'app' });
    expect(channel('state-council-app').opened).toMatchObject({ value: '2016-02', precision: 'month' });
    expect(channel('gov-cn-zhengfu-wechat')).toMatchObject({ name: '政府', region: '100000', level: 'central', platform: 'wechat' });
    // Zhangye's WeChat/QQ work groups are internal, not public channels.
    expect([...byId.values()].filter((c) => c.region.startsWith('6207'))).toEqual([]);
  });

  it('invents no handles or links, since no report gives one', () => {
    for (const c of byId.values()) {
      expect({ id: c.id, handle: c.handle, url: c.url }).toEqual({ id: c.id, handle: undefined, url: undefined });
    }
    for (const s of checked.dataset.loaded.sources) {
      expect({ id: s.id, url: s.url, archive: s.archive }).toEqual({ id: s.id, url: undefined, archive: undefined });
    }
  });

  it('cites a known source on every channel, event and notice', () => {
    const known = new Set(checked.dataset.loaded.sources.map((s) => s.id));
    expect(known).toEqual(new Set(['cd-2024-08-28', 'gt-2024', 'ccac-2023-12', 'cd-2019-01-03', 'ecns-2018-01-24']));
    const citers = [
      ...checked.dataset.loaded.channels.map((c) => ({ who: c.id, refs: c.source })),
      ...checked.dataset.loaded.events.map((e) => ({ who: `event ${e.date.value}`, refs: e.source })),
      ...checked.dataset.loaded.notices.map((n) => ({ who: `notice ${n.slug}`, refs: n.source })),
    ];
    expect(citers).toHaveLength(19);
    for (const { who, refs } of citers) {
      expect(refs.length, who).toBeGreaterThan(0);
      for (const ref of refs) {
        expect(ref.kind, who).toBe('id');
        if (ref.kind === 'id') expect(known.has(ref.id), `${who} cites ${ref.id}`).toBe(true);
      }
    }
  });

  it('annotates the timeline with the five policy milestones in order', () => {
    expect(checked.dataset.loaded.events.map((e) => e.date.value)).toEqual(['2013', '2014', '2018-12', '2023-12', '2024-08']);
    for (const e of checked.dataset.loaded.events) expect(e.title_en, e.date.value).toBeTruthy();
  });
});

describe('the maintainers\' prose pages', () => {
  const pagesDir = fileURLToPath(new URL('../content/pages', import.meta.url));

  it('has each page in Chinese and English, with title, description and matching lang, and no imports', () => {
    const files = readdirSync(pagesDir).filter((f) => f.endsWith('.mdx')).sort();
    expect(files).toEqual(['about.en.mdx', 'about.mdx', 'contribute.en.mdx', 'contribute.mdx', 'methodology.en.mdx', 'methodology.mdx']);
    for (const file of files) {
      const text = readFileSync(`${pagesDir}/${file}`, 'utf8');
      const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(text);
      expect(frontmatter, file).not.toBeNull();
      const data = parseDocument(frontmatter![1]!).toJS() as Record<string, unknown>;
      expect(typeof data.title, file).toBe('string');
      expect(typeof data.description, file).toBe('string');
      expect(data.lang, file).toBe(file.endsWith('.en.mdx') ? 'en' : 'zh');
      // Plain MDX: prose only, no code that runs at build time.
      expect(text, file).not.toMatch(/^\s*(import|export)\s/m);
    }
  });

  it('gives the national scale figures with their sources on both methodology pages', () => {
    for (const file of ['methodology.mdx', 'methodology.en.mdx']) {
      const text = readFileSync(`${pagesDir}/${file}`, 'utf8');
      for (const figure of ['173,569', '175,800', '146,600', 'ecns-2018-01-24', 'cd-2019-01-03', 'cd-2024-08-28']) {
        expect(text, `${file} mentions ${figure}`).toContain(figure);
      }
    }
  });
});
